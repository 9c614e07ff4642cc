"""The taps strategy compiled with numba: grouped and depthwise convolutions as direct loops.

The same function as :mod:`convgrad.kernels.taps` (which stays the default and the oracle), for
any number of input channels per group. With ``G`` groups, ``Cg = C_in / G`` and
``Og = C_out / G`` channels per group, and ``xp`` the padded input,

    y[n, g*Og + o, p] = sum_{c, t} w[g*Og + o, c, t] * xp[n, g*Cg + c, p*s + t*d]

and, from it,

- ``dxp[n, g*Cg + c, p*s + t*d] += sum_o w[g*Og + o, c, t] * dy[n, g*Og + o, p]`` (the
  transposed convolution; the caller folds ``dxp`` back through the padding);
- ``dw[g*Og + o, c, t] = sum_{n, p} dy[n, g*Og + o, p] * xp[n, g*Cg + c, p*s + t*d]``.

Each kernel runs over independent jobs on numba's threads: the forward and ``dx`` over
(image, group) pairs, each writing its own planes; ``dw`` over (output channel, input channel)
pairs, each summing over the whole batch into its own taps. Inside a job the loops run one
output row at a time, every tap added into that row while it is in cache: where NumPy's taps make
two passes over a whole block per tap, these make one over a row. The innermost loop runs along
the last dimension, contiguous when its stride is 1, which LLVM vectorises. ``dw`` sums each
row's products in the inputs' dtype and adds the row sums in float64.

Every spatial rank runs as 3-D: 1-D and 2-D arrays get leading dimensions of size 1.

Only the reassociation and contraction fast-math flags are on (for the vectorised row sums and
fused multiply-adds), never ``nnan``/``ninf``: a NaN in ``x`` reaches exactly the outputs whose
windows read it, as in NumPy's kernels.

numba is optional (``pip install "convgrad[fast]"``); this module imports it at the top, so it is
imported only through :mod:`convgrad.kernels.accel`, which falls back to NumPy when it cannot.
"""

from __future__ import annotations

import numba
import numpy as np

from .._args import ConvSpec

_FLAGS = {"reassoc", "contract"}
# Output rows per block when the last two strides are 1: a block is one flat run of about this
# many padded positions (the rows and the columns between them), long enough for the vectorised
# loops to pay for their start on small images (14 x 14), small enough to stay in the L1 cache.
# forward + dx + dw of depthwise layers, float32, batch 8, CPU ms on 1 thread, for 1 (a row at a
# time) / 256 / 1024 / 2048 / 4096 / 16384 (``python benchmarks/numba_block_sweep.py``): 32
# channels 3x3 at 112x112 10.7 / 9.4 / 9.2 / 9.5 / 11.0 / 13.6; 512 channels 3x3 at 14x14 11.9 /
# 4.0 / 4.2 / 4.0 / 4.2 / 3.7; 96 channels 5x5 at 28x28 10.3 / 4.7 / 4.3 / 4.0 / 4.3 / 4.0.
# The value is compiled in: changing it needs a fresh cache (NUMBA_CACHE_DIR).
BLOCK_POSITIONS = 2048


@numba.njit(inline="always")
def _axpy(acc, weight, src):
    """``acc += weight * src`` over 1-D arrays of one length."""
    for j in range(acc.shape[0]):
        acc[j] += weight * src[j]


@numba.njit(inline="always")
def _dot(a, b, zero):
    """``sum(a * b)`` over 1-D arrays of one length, in the arrays' dtype."""
    total = zero
    for j in range(a.shape[0]):
        total += a[j] * b[j]
    return total


@numba.njit(inline="always")
def _rows(y_shape, p_shape, stride):
    """Output rows per block: a flat run when the last two strides are 1, else one row."""
    if stride[1] == 1 and stride[2] == 1:
        return max(1, min(y_shape[3], BLOCK_POSITIONS // p_shape[4]))
    return 1


@numba.njit(parallel=True, cache=True, fastmath=_FLAGS)
def _forward(xp, w, y, stride, dilation):
    # xp (N, C_in, PD, PH, PW), w (C_out, Cg, KD, KH, KW), y (N, C_out, OD, OH, OW)
    n_images, c_in, pd, ph, pw = xp.shape
    c_out, cg, kd, kh, kw = w.shape
    groups = c_in // cg
    og = c_out // groups
    od, oh, ow = y.shape[2], y.shape[3], y.shape[4]
    sd, sh, sw = stride
    dd, dh, dw = dilation
    rows = _rows(y.shape, xp.shape, stride)
    flat = xp.reshape(n_images, c_in, pd * ph * pw)  # (N, C_in, PD*PH*PW)
    for job in numba.prange(n_images * groups):
        n = job // groups
        g = job % groups
        buffer = np.empty((rows - 1) * pw + ow, dtype=y.dtype)
        for o in range(g * og, (g + 1) * og):
            for z in range(od):
                for i0 in range(0, oh, rows):
                    count = min(rows, oh - i0)
                    acc = buffer[: (count - 1) * pw + ow]  # count rows at their padded places
                    acc[:] = 0
                    for c in range(cg):
                        plane = flat[n, g * cg + c]
                        for a in range(kd):
                            for b in range(kh):
                                base = ((z * sd + a * dd) * ph + i0 * sh + b * dh) * pw
                                for e in range(kw):
                                    first, weight = base + e * dw, w[o, c, a, b, e]
                                    if rows > 1 or sw == 1:  # one contiguous run
                                        _axpy(acc, weight, plane[first : first + acc.size])
                                    else:  # one strided row
                                        last = first + (ow - 1) * sw + 1
                                        _axpy(acc, weight, plane[first:last:sw])
                    for r in range(count):
                        y[n, o, z, i0 + r] = acc[r * pw : r * pw + ow]


@numba.njit(parallel=True, cache=True, fastmath=_FLAGS)
def _input_grad(dy, w, dxp, stride, dilation):
    # dy (N, C_out, OD, OH, OW), w (C_out, Cg, KD, KH, KW), dxp (N, C_in, PD, PH, PW), zeroed
    n_images, c_in, pd, ph, pw = dxp.shape
    c_out, cg, kd, kh, kw = w.shape
    groups = c_in // cg
    og = c_out // groups
    od, oh, ow = dy.shape[2], dy.shape[3], dy.shape[4]
    sd, sh, sw = stride
    dd, dh, dw = dilation
    rows = _rows(dy.shape, dxp.shape, stride)
    flat = dxp.reshape(n_images, c_in, pd * ph * pw)  # (N, C_in, PD*PH*PW)
    for job in numba.prange(n_images * groups):
        n = job // groups
        g = job % groups
        buffer = np.zeros((rows - 1) * pw + ow, dtype=dy.dtype)  # zero between the rows
        for c in range(cg):
            plane = flat[n, g * cg + c]
            for o in range(g * og, (g + 1) * og):
                for z in range(od):
                    for i0 in range(0, oh, rows):
                        count = min(rows, oh - i0)
                        grad = buffer[: (count - 1) * pw + ow]
                        for r in range(count):
                            grad[r * pw : r * pw + ow] = dy[n, o, z, i0 + r]
                        for a in range(kd):
                            for b in range(kh):
                                base = ((z * sd + a * dd) * ph + i0 * sh + b * dh) * pw
                                for e in range(kw):
                                    first, weight = base + e * dw, w[o, c, a, b, e]
                                    if rows > 1 or sw == 1:
                                        _axpy(plane[first : first + grad.size], weight, grad)
                                    else:
                                        last = first + (ow - 1) * sw + 1
                                        _axpy(plane[first:last:sw], weight, grad)


@numba.njit(parallel=True, cache=True, fastmath=_FLAGS)
def _weight_grad(dy, xp, dw_out, stride, dilation, zero):
    # dy (N, C_out, OD, OH, OW), xp (N, C_in, PD, PH, PW), dw_out (C_out, Cg, KD, KH, KW) float64
    n_images, c_in, pd, ph, pw = xp.shape
    c_out, cg, kd, kh, kw = dw_out.shape
    groups = c_in // cg
    og = c_out // groups
    od, oh, ow = dy.shape[2], dy.shape[3], dy.shape[4]
    sd, sh, sw = stride
    dd, dh, dw = dilation
    rows = _rows(dy.shape, xp.shape, stride)
    flat = xp.reshape(n_images, c_in, pd * ph * pw)  # (N, C_in, PD*PH*PW)
    for job in numba.prange(c_out * cg):
        o = job // cg
        c = job % cg
        g = o // og
        taps = dw_out[o, c]
        buffer = np.zeros((rows - 1) * pw + ow, dtype=dy.dtype)  # zero between the rows
        for n in range(n_images):
            plane = flat[n, g * cg + c]
            for z in range(od):
                for i0 in range(0, oh, rows):
                    count = min(rows, oh - i0)
                    grad = buffer[: (count - 1) * pw + ow]
                    for r in range(count):
                        grad[r * pw : r * pw + ow] = dy[n, o, z, i0 + r]
                    for a in range(kd):
                        for b in range(kh):
                            base = ((z * sd + a * dd) * ph + i0 * sh + b * dh) * pw
                            for e in range(kw):
                                first = base + e * dw
                                if rows > 1 or sw == 1:
                                    part = _dot(grad, plane[first : first + grad.size], zero)
                                else:
                                    last = first + (ow - 1) * sw + 1
                                    part = _dot(grad, plane[first:last:sw], zero)
                                taps[a, b, e] += part


def _as_3d(a: np.ndarray, dims: int) -> np.ndarray:
    """``a (N, C, *spatial)`` as ``(N, C, 1, ..., *spatial)``: three spatial dimensions."""
    return a.reshape(*a.shape[:2], *(1,) * (3 - dims), *a.shape[2:])


def _three(values: tuple[int, ...]) -> tuple[int, int, int]:
    padded = (1,) * (3 - len(values)) + tuple(int(v) for v in values)
    return padded[0], padded[1], padded[2]


def _contiguous(a: np.ndarray, dtype: np.dtype) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=dtype)


def forward(xp: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` from the padded ``xp (N, C_in, *padded)``."""
    dims, dtype = len(spec.kernel), np.result_type(xp, w)
    y = np.empty((xp.shape[0], w.shape[0], *spec.out_spatial), dtype=dtype)
    _forward(
        _as_3d(_contiguous(xp, dtype), dims),
        _as_3d(_contiguous(w, dtype), dims),
        _as_3d(y, dims),
        _three(spec.stride),
        _three(spec.dilation),
    )
    return y


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dxp (N, C_in, *padded)``, the padded input's gradient, from ``dy (N, C_out, *out)``."""
    dims, dtype = len(spec.kernel), np.result_type(dy, w)
    c_in = w.shape[1] * spec.groups
    dxp = np.zeros((dy.shape[0], c_in, *spec.padded_spatial), dtype=dtype)
    _input_grad(
        _as_3d(_contiguous(dy, dtype), dims),
        _as_3d(_contiguous(w, dtype), dims),
        _as_3d(dxp, dims),
        _three(spec.stride),
        _three(spec.dilation),
    )
    return dxp


def weight_grad(dy: np.ndarray, xp: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and the padded ``xp``."""
    dims, dtype = len(spec.kernel), np.result_type(dy, xp)
    dw = np.zeros(w.shape, dtype=np.float64)  # row sums added in float64 (module docstring)
    _weight_grad(
        _as_3d(_contiguous(dy, dtype), dims),
        _as_3d(_contiguous(xp, dtype), dims),
        _as_3d(dw, dims),
        _three(spec.stride),
        _three(spec.dilation),
        dtype.type(0),
    )
    return dw.astype(dtype, copy=False)
