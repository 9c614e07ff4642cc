"""Reference convolutions: plain loops that read like the formulas. This module is the spec.

Same functions, signatures and results as the fast kernels in :mod:`convgrad` (``conv2d``,
``conv2d_backward``, ``conv_transpose2d``, ... in 1-D, 2-D and 3-D), written for reading, not for
speed: the tests hold the fast kernels to these loops, and these loops to PyTorch.

For one image, with ``xp`` the padded input, ``s`` the stride, ``d`` the dilation and ``g(o)`` the
input channels of output channel ``o``'s group, the forward pass is

    y[o, p] = b[o] + sum over c in g(o), taps t of  w[o, c, t] * xp[c, p*s + t*d]

so output cell ``p`` reads the window ``xp[g(o), p*s : p*s + d*(k-1) + 1 : d]``. Its gradient
flows back to exactly that window and that kernel:

    dw[o]                     += dy[o, p] * window
    dxp[window's positions]   += dy[o, p] * w[o]
    db[o]                     += dy[o, p]

and ``dx`` is ``dxp`` with each padded position's gradient added onto the input pixel it copied
(:func:`convgrad._args.source_index`). A transposed convolution scatters each input pixel into
a window of its output, ``y[g(c), p*s + t*d] += x[c, p] * w[c, :, t]``, then crops ``padding``
off the result.
"""

from __future__ import annotations

import numpy as np

from . import _api
from ._api import ConvGrads
from ._args import ConvSpec, source_index


def _sources(j: tuple[int, ...], x_spatial, padding, mode) -> tuple[int, ...] | None:
    """The input position that padded position ``j`` copies, or None if it is a zero."""
    src = [source_index(jj, size, lo, mode) for jj, size, (lo, _) in zip(j, x_spatial, padding)]
    return None if None in src else tuple(src)  # type: ignore[arg-type]


def pad(x: np.ndarray, padding, mode: str) -> np.ndarray:
    """``x (N, C, *spatial)`` padded by ``(before, after)`` pairs, one padded pixel at a time."""
    spatial = x.shape[2:]
    padded = tuple(s + lo + hi for s, (lo, hi) in zip(spatial, padding))
    xp = np.zeros((*x.shape[:2], *padded), dtype=x.dtype)
    for j in np.ndindex(*padded):
        src = _sources(j, spatial, padding, mode)
        if src is not None:
            xp[(..., *j)] = x[(..., *src)]
    return xp


def pad_backward(dxp: np.ndarray, padding, mode: str) -> np.ndarray:
    """The gradient of :func:`pad`: each padded pixel's gradient lands on the pixel it copied."""
    padded = dxp.shape[2:]
    spatial = tuple(p - lo - hi for p, (lo, hi) in zip(padded, padding))
    dx = np.zeros((*dxp.shape[:2], *spatial), dtype=dxp.dtype)
    for j in np.ndindex(*padded):
        src = _sources(j, spatial, padding, mode)
        if src is not None:
            dx[(..., *src)] += dxp[(..., *j)]
    return dx


def _window(p: tuple[int, ...], spec: ConvSpec) -> tuple[slice, ...]:
    """The padded-input positions that output position ``p`` reads: ``p*s + t*d`` for taps t."""
    return tuple(
        slice(pi * s, pi * s + d * (k - 1) + 1, d)
        for pi, s, d, k in zip(p, spec.stride, spec.dilation, spec.kernel)
    )


def conv_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, spec: ConvSpec) -> np.ndarray:
    N, C_out = x.shape[0], w.shape[0]
    Og, Cg = C_out // spec.groups, w.shape[1]  # channels per group, out and in
    xp = pad(x, spec.padding, spec.padding_mode)
    y = np.zeros((N, C_out, *spec.out_spatial), dtype=x.dtype)
    for n in range(N):
        for o in range(C_out):
            group = slice(o // Og * Cg, (o // Og + 1) * Cg)
            for p in np.ndindex(*spec.out_spatial):
                window = xp[(n, group, *_window(p, spec))]  # (Cg, *kernel)
                y[(n, o, *p)] = np.sum(w[o] * window) + (0 if b is None else b[o])
    return y


def conv_backward(
    dy: np.ndarray, x: np.ndarray, w: np.ndarray, spec: ConvSpec, bias: bool
) -> ConvGrads:
    N, C_out = x.shape[0], w.shape[0]
    Og, Cg = C_out // spec.groups, w.shape[1]
    xp = pad(x, spec.padding, spec.padding_mode)
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for n in range(N):
        for o in range(C_out):
            group = slice(o // Og * Cg, (o // Og + 1) * Cg)
            for p in np.ndindex(*spec.out_spatial):
                g = dy[(n, o, *p)]
                window = (n, group, *_window(p, spec))
                dw[o] += g * xp[window]
                dxp[window] += g * w[o]
    dx = pad_backward(dxp, spec.padding, spec.padding_mode)
    db = np.array([dy[:, o].sum() for o in range(C_out)], dtype=dy.dtype) if bias else None
    return ConvGrads(dx, dw, db)


def _crop(a: np.ndarray, padding) -> np.ndarray:
    return a[(..., *(slice(lo, size - hi) for size, (lo, hi) in zip(a.shape[2:], padding)))].copy()


def transpose_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray | None, spec: ConvSpec
) -> np.ndarray:
    N, C_in = x.shape[:2]
    Cg, Og = C_in // spec.groups, w.shape[1]  # channels per group, in and out
    full = np.zeros((N, Og * spec.groups, *spec.padded_spatial), dtype=x.dtype)  # uncropped
    for n in range(N):
        for c in range(C_in):
            group = slice(c // Cg * Og, (c // Cg + 1) * Og)
            for p in np.ndindex(*spec.out_spatial):
                full[(n, group, *_window(p, spec))] += x[(n, c, *p)] * w[c]
    y = _crop(full, spec.padding)
    if b is not None:
        for o in range(y.shape[1]):
            y[:, o] += b[o]
    return y


def transpose_backward(
    dy: np.ndarray, x: np.ndarray, w: np.ndarray, spec: ConvSpec, bias: bool
) -> ConvGrads:
    N, C_in = x.shape[:2]
    Cg, Og = C_in // spec.groups, w.shape[1]
    dfull = np.zeros((*dy.shape[:2], *spec.padded_spatial), dtype=dy.dtype)
    dfull[(..., *(slice(lo, lo + s) for s, (lo, _) in zip(dy.shape[2:], spec.padding)))] = dy
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    for n in range(N):
        for c in range(C_in):
            group = slice(c // Cg * Og, (c // Cg + 1) * Og)
            for p in np.ndindex(*spec.out_spatial):
                window = dfull[(n, group, *_window(p, spec))]  # (Og, *kernel)
                dx[(n, c, *p)] = np.sum(window * w[c])
                dw[c] += x[(n, c, *p)] * window
    db = np.array([dy[:, o].sum() for o in range(dy.shape[1])], dtype=dy.dtype) if bias else None
    return ConvGrads(dx, dw, db)


KERNELS = _api.Kernels(conv_forward, conv_backward, transpose_forward, transpose_backward)

conv1d = _api.conv_function(KERNELS, 1, __name__)
conv2d = _api.conv_function(KERNELS, 2, __name__)
conv3d = _api.conv_function(KERNELS, 3, __name__)
conv1d_backward = _api.conv_backward_function(KERNELS, 1, __name__)
conv2d_backward = _api.conv_backward_function(KERNELS, 2, __name__)
conv3d_backward = _api.conv_backward_function(KERNELS, 3, __name__)
conv_transpose1d = _api.conv_transpose_function(KERNELS, 1, __name__)
conv_transpose2d = _api.conv_transpose_function(KERNELS, 2, __name__)
conv_transpose3d = _api.conv_transpose_function(KERNELS, 3, __name__)
conv_transpose1d_backward = _api.conv_transpose_backward_function(KERNELS, 1, __name__)
conv_transpose2d_backward = _api.conv_transpose_backward_function(KERNELS, 2, __name__)
conv_transpose3d_backward = _api.conv_transpose_backward_function(KERNELS, 3, __name__)
