"""The "tapmm" kernels: stride-1 convolutions as one matrix product per kernel tap, channels last.

Lay one padded image out channels last and flatten its positions in memory order:
``xf[q, c] = xp[c, q]`` with ``q = h * W_p + w`` in 2-D (any rank alike). With stride 1, output
``q`` reads tap ``t`` at ``q + off_t`` (``off_t = sum_i t_i * d_i * step_i``, as in
:mod:`convgrad.kernels.im2col`'s shift). Taking ``q`` over the ``Q`` positions from the first
output to the last (the outputs and the columns between their rows), each tap's rows of ``xf``
are one contiguous block ``xf[off_t : off_t + Q]``, ``(Q, C_in)``, a view: no gather at all.
With ``W_t = w[:, :, t].T`` ``(C_in, C_out)``:

- forward: ``yf = sum_t xf[off_t : off_t + Q] @ W_t`` ``(Q, C_out)``; the outputs are every
  ``W_p``-th run of ``W_out`` rows of ``yf`` (the rest are dropped);
- ``dx``: ``dxf[off_t : off_t + Q] += dyf @ W_t.T``, where ``dyf`` is ``dy`` laid out the same
  way with zeros between the rows; ``dxf`` is then folded back through the padding;
- ``dw``: ``dw[:, :, t] = (xf[off_t : off_t + Q].T @ dyf).T``, one product per tap, summed over
  images.

So ``K`` products of ``(Q, C_in)`` by ``(C_in, C_out)`` replace im2col's one product of
``(Q, K * C_in)`` by ``(K * C_in, C_out)``: the same FLOPs, without the gathered copy (``K`` times
the image) or the scatter of ``dx``, for ``K`` additions of an output-sized block (NumPy's matrix
product cannot accumulate into its output). It pays where an image has many positions for its
channels; the rule and its measurements are by ``convgrad.convolution.TAPMM_*``.

One image at a time, so that its blocks stay in cache between the product that writes them and
the addition that reads them; the images are shared among the threads with the BLAS at one thread
each (:func:`convgrad.kernels.parallel.over_images`): NumPy's BLAS splits these thin products
poorly across threads.
"""

from __future__ import annotations

import math

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import parallel

# Images per call: as many as keep one call's padded channels-last input near this size, so that
# NumPy's cost per call (microseconds a product) does not dominate small images, and the blocks
# stay in the cache. Forward + backward, float32, CPU ms on one thread, one image per call /
# 256 KiB / 1 MiB / 4 MiB (``python benchmarks/tapmm_block_sweep.py``): ResNet-20 16 channels
# 35.9 / 28.2 / 27.5 / 44.8, 32 28.4 / 17.3 / 21.2 / 20.9, 64 27.9 / 16.0 / 14.7 / 14.3; ResNet-18
# 64 84.5 / 84.9 / 84.8 / 110.7; MobileNet pointwise 34.1 / 35.6 / 35.3 / 51.0.
BLOCK_BYTES = 1 << 18


def _positions(a: np.ndarray, spec: ConvSpec, padded: tuple[int, ...]) -> np.ndarray:
    """The outputs among the flat positions of ``a (m, Q, C)``: a view ``(m, *out, C)``,
    writeable when ``a`` is (each output is one distinct position)."""
    steps = tuple(s * a.strides[1] for s in _np.flat_steps(padded))
    return np.lib.stride_tricks.as_strided(
        a,
        (a.shape[0], *spec.out_spatial, a.shape[2]),
        (a.strides[0], *steps, a.strides[2]),
        writeable=a.flags.writeable,
    )


def _layout(spec: ConvSpec, w: np.ndarray) -> tuple[list[int], np.ndarray, int, int]:
    """Each tap's offset, the weights as ``(K, C_in, C_out)``, ``Q`` and the padded size."""
    padded = spec.padded_spatial
    offsets = [_np.flat_offset(t, spec.dilation, padded) for t in np.ndindex(*spec.kernel)]
    w_t = np.moveaxis(w.reshape(*w.shape[:2], -1), -1, 0)  # (K, C_out, C_in)
    w_t = np.ascontiguousarray(w_t.transpose(0, 2, 1))  # (K, C_in, C_out)
    return offsets, w_t, _np.flat_span(spec.out_spatial, padded), math.prod(padded)


def _blocks(images: range, per_image: int) -> list[slice]:
    """``images`` in runs of about ``BLOCK_BYTES`` (``per_image`` bytes each), at least one."""
    step = max(1, BLOCK_BYTES // max(per_image, 1))
    return [slice(n, min(n + step, images.stop)) for n in range(images.start, images.stop, step)]


def _flat_x(x: np.ndarray, spec: ConvSpec, dtype: np.dtype) -> np.ndarray:
    """``x (m, C_in, *in)`` padded, channels last, flat: a new ``(m, P, C_in)``."""
    xp = _np.pad(x, spec.padding, spec.padding_mode).astype(dtype, copy=False)
    return np.ascontiguousarray(np.moveaxis(xp.reshape(*xp.shape[:2], -1), 1, -1))


def _flat_dy(dy: np.ndarray, spec: ConvSpec, q: int, dtype: np.dtype) -> np.ndarray:
    """``dy (m, C_out, *out)`` at its flat positions: ``(m, Q, C_out)``, zeros between rows."""
    flat = np.zeros((dy.shape[0], q, dy.shape[1]), dtype=dtype)
    _positions(flat, spec, spec.padded_spatial)[...] = np.moveaxis(dy, 1, -1)
    return flat


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of ``x (N, C_in, *in)``, without bias."""
    offsets, w_t, q, p = _layout(spec, w)
    dtype = np.result_type(x, w)
    w_t = w_t.astype(dtype, copy=False)
    y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype=dtype)

    def work(images: range) -> None:
        for block in _blocks(images, p * x.shape[1] * dtype.itemsize):
            xf = _flat_x(x[block], spec, dtype)  # (m, P, C_in)
            acc = np.empty((xf.shape[0], q, w.shape[0]), dtype=dtype)  # (m, Q, C_out)
            term = np.empty_like(acc)
            for k, off in enumerate(offsets):
                np.matmul(xf[:, off : off + q], w_t[k], out=term if k else acc)
                if k:
                    acc += term
            y[block] = np.moveaxis(_positions(acc, spec, spec.padded_spatial), -1, 1)

    parallel.over_images(x.shape[0], work, parallel.conv_size(spec, w, x.shape[0]))
    return y


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``, folded through the padding."""
    offsets, w_t, q, p = _layout(spec, w)
    dtype = np.result_type(dy, w)
    w_t = np.ascontiguousarray(w_t.astype(dtype, copy=False).transpose(0, 2, 1))  # (K, O, C)
    c_in = w.shape[1]
    dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype=dtype)

    def work(images: range) -> None:
        for block in _blocks(images, p * c_in * dtype.itemsize):
            dyf = _flat_dy(dy[block], spec, q, dtype)  # (m, Q, C_out)
            dxf = np.zeros((dyf.shape[0], p, c_in), dtype=dtype)  # (m, P, C_in)
            term = np.empty((dyf.shape[0], q, c_in), dtype=dtype)
            for k, off in enumerate(offsets):
                np.matmul(dyf, w_t[k], out=term)
                dxf[:, off : off + q] += term
            dxp = np.moveaxis(dxf, -1, 1).reshape(-1, c_in, *spec.padded_spatial)
            _np.pad_backward_into(dx[block], dxp, spec.padding, spec.padding_mode)

    parallel.over_images(dy.shape[0], work, parallel.conv_size(spec, w, dy.shape[0]))
    return dx


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and ``x (N, C_in, *in)``."""
    offsets, _, q, p = _layout(spec, w)
    dtype = np.result_type(dy, x)

    def work(images: range) -> np.ndarray:
        dw_t = np.zeros((len(offsets), w.shape[1], w.shape[0]), dtype=dtype)  # (K, C_in, C_out)
        for block in _blocks(images, p * x.shape[1] * dtype.itemsize):
            xf = _flat_x(x[block], spec, dtype)  # (m, P, C_in)
            dyf = _flat_dy(dy[block], spec, q, dtype)  # (m, Q, C_out)
            for k, off in enumerate(offsets):
                # (m, C_in, Q) @ (m, Q, C_out), summed over the images
                dw_t[k] += np.matmul(xf[:, off : off + q].transpose(0, 2, 1), dyf).sum(axis=0)
        return dw_t

    dw_t = sum(
        parallel.over_images(x.shape[0], work, parallel.conv_size(spec, w, x.shape[0]))
    )  # each thread's images, summed
    dw = np.moveaxis(np.asarray(dw_t).transpose(0, 2, 1), 0, -1)  # (C_out, C_in, K)
    return np.ascontiguousarray(dw).reshape(w.shape)
