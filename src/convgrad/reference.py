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

The pooling loops (``max_pool2d``, ``avg_pool2d``, ``adaptive_avg_pool2d`` and their backwards,
the spec of :mod:`convgrad.pooling`) and the batch normalisation loops (``batch_norm``,
``batch_norm_backward``, of :mod:`convgrad.normalization`) follow the convolutions.
"""

from __future__ import annotations

import math

import numpy as np

from . import _api, pooling
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


# --- pooling: the loops behind convgrad.pooling ------------------------------------------------
#
# A pooling window of output position (i, j) covers input rows i*s - padding + t*d for taps t
# (columns likewise); positions outside the input are padding: -inf for max pooling, zero for
# average pooling. See convgrad.pooling for the output-size and divisor rules.


def _pool_rows(i: int, spec, axis: int) -> list[int]:
    """The input positions (padding included, so possibly out of range) window ``i`` reads."""
    s, p, d, k = spec.stride[axis], spec.padding[axis], spec.dilation[axis], spec.kernel[axis]
    return [i * s - p + t * d for t in range(k)]


def max_pool2d(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    """Max pooling: each output is the largest input pixel in its window (padding never wins)."""
    xb, _, out = pooling.prepare("max_pool2d", x)
    spec = pooling.pool_spec("max_pool2d", xb, kernel_size, stride, padding, dilation, ceil_mode)
    N, C, H, W = xb.shape
    y = np.zeros((N, C, *spec.out_spatial), dtype=xb.dtype)
    for n, c, i, j in np.ndindex(*y.shape):
        where = _argmax_in_window(xb[n, c], i, j, spec)
        y[n, c, i, j] = -np.inf if where is None else xb[(n, c, *where)]
    return pooling.finish(y, out, np.ndim(x) == 4)


def _argmax_in_window(plane: np.ndarray, i: int, j: int, spec) -> tuple[int, int] | None:
    """The winner of window (i, j), visiting its input pixels in row-major order: the last NaN,
    else the first largest pixel (the first pixel when all are -inf), as PyTorch's CPU kernel;
    None for a window that holds only padding."""
    best, where = -np.inf, None
    for r in _pool_rows(i, spec, 0):
        for q in _pool_rows(j, spec, 1):
            inside = 0 <= r < plane.shape[0] and 0 <= q < plane.shape[1]
            if inside and (where is None or plane[r, q] > best or np.isnan(plane[r, q])):
                best, where = plane[r, q], (r, q)
    return where


def max_pool2d_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    """Each output's gradient goes to the pixel that won its window."""
    fn = "max_pool2d_backward"
    xb, (dyb,), out = pooling.prepare(fn, x, dy)
    spec = pooling.pool_spec(fn, xb, kernel_size, stride, padding, dilation, ceil_mode)
    pooling.check_dy(fn, dy, (*xb.shape[:2], *spec.out_spatial), np.ndim(x) == 4)
    dx = np.zeros_like(xb)
    for n, c, i, j in np.ndindex(*dyb.shape):
        where = _argmax_in_window(xb[n, c], i, j, spec)
        if where is not None:  # a window of padding only passes no gradient on
            dx[(n, c, *where)] += dyb[n, c, i, j]
    return pooling.finish(dx, out, np.ndim(x) == 4)


def _avg_divisor(i: int, j: int, spec, count_include_pad: bool, divisor_override) -> int:
    """PyTorch's divisor for window (i, j): its size clipped to ``in + padding`` (and to the
    input itself without ``count_include_pad``)."""
    if divisor_override is not None:
        return divisor_override
    size = 1
    for axis, o in enumerate((i, j)):
        start = o * spec.stride[axis] - spec.padding[axis]
        end = min(start + spec.kernel[axis], spec.in_spatial[axis] + spec.padding[axis])
        if not count_include_pad:
            start, end = max(start, 0), min(end, spec.in_spatial[axis])
        size *= end - start
    return size


def _avg_pool_windows(fn, x, dy, kernel_size, stride, padding, ceil_mode):
    xb, rest, out = pooling.prepare(fn, *((x,) if dy is None else (x, dy)))
    spec = pooling.pool_spec(fn, xb, kernel_size, stride, padding, 1, ceil_mode)
    H, W = spec.in_spatial
    windows = {}  # (i, j) -> the input pixels of window (i, j)
    for i, j in np.ndindex(*spec.out_spatial):
        rows = [r for r in _pool_rows(i, spec, 0) if 0 <= r < H]
        cols = [q for q in _pool_rows(j, spec, 1) if 0 <= q < W]
        windows[i, j] = [(r, q) for r in rows for q in cols]
    return xb, rest, out, spec, windows


def avg_pool2d(
    x,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    """Average pooling: the sum of each window's input pixels over the window's divisor."""
    xb, _, out, spec, windows = _avg_pool_windows(
        "avg_pool2d", x, None, kernel_size, stride, padding, ceil_mode
    )
    y = np.zeros((*xb.shape[:2], *spec.out_spatial), dtype=xb.dtype)
    for n, c, i, j in np.ndindex(*y.shape):
        total = sum(xb[n, c, r, q] for r, q in windows[i, j])
        y[n, c, i, j] = total / _avg_divisor(i, j, spec, count_include_pad, divisor_override)
    return pooling.finish(y, out, np.ndim(x) == 4)


def avg_pool2d_backward(
    dy,
    x,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    """Each window's input pixels receive its gradient over its divisor."""
    fn = "avg_pool2d_backward"
    xb, (dyb,), out, spec, windows = _avg_pool_windows(
        fn, x, dy, kernel_size, stride, padding, ceil_mode
    )
    pooling.check_dy(fn, dy, (*xb.shape[:2], *spec.out_spatial), np.ndim(x) == 4)
    dx = np.zeros_like(xb)
    for n, c, i, j in np.ndindex(*dyb.shape):
        share = dyb[n, c, i, j] / _avg_divisor(i, j, spec, count_include_pad, divisor_override)
        for r, q in windows[i, j]:
            dx[n, c, r, q] += share
    return pooling.finish(dx, out, np.ndim(x) == 4)


def adaptive_avg_pool2d(x, output_size):
    """Output (i, j) is the mean of rows ``floor(i*H/oH) : ceil((i+1)*H/oH)``, columns alike."""
    xb, _, out = pooling.prepare("adaptive_avg_pool2d", x)
    oH, oW = pooling.adaptive_output_size("adaptive_avg_pool2d", xb, output_size)
    N, C, H, W = xb.shape
    y = np.zeros((N, C, oH, oW), dtype=xb.dtype)
    for n, c, i, j in np.ndindex(*y.shape):
        (r0, r1), (q0, q1) = _adaptive_window(i, H, oH), _adaptive_window(j, W, oW)
        y[n, c, i, j] = sum(xb[n, c, r, q] for r in range(r0, r1) for q in range(q0, q1)) / (
            (r1 - r0) * (q1 - q0)
        )
    return pooling.finish(y, out, np.ndim(x) == 4)


def _adaptive_window(i: int, size: int, out: int) -> tuple[int, int]:
    return math.floor(i * size / out), math.ceil((i + 1) * size / out)


def adaptive_avg_pool2d_backward(dy, x, output_size):
    """Each input pixel of window (i, j) receives ``dy[i, j]`` over the window's size."""
    fn = "adaptive_avg_pool2d_backward"
    xb, (dyb,), out = pooling.prepare(fn, x, dy)
    oH, oW = pooling.adaptive_output_size(fn, xb, output_size)
    pooling.check_dy(fn, dy, (*xb.shape[:2], oH, oW), np.ndim(x) == 4)
    N, C, H, W = xb.shape
    dx = np.zeros_like(xb)
    for n, c, i, j in np.ndindex(*dyb.shape):
        (r0, r1), (q0, q1) = _adaptive_window(i, H, oH), _adaptive_window(j, W, oW)
        dx[n, c, r0:r1, q0:q1] += dyb[n, c, i, j] / ((r1 - r0) * (q1 - q0))
    return pooling.finish(dx, out, np.ndim(x) == 4)


# --- batch normalisation: the loops behind convgrad.normalization -----------------------------


def batch_norm(
    x, running_mean=None, running_var=None, weight=None, bias=None, training=False, eps=1e-5
):
    """Per channel: ``y = weight * (x - mean) / sqrt(var + eps) + bias``, the statistics the
    batch's own (biased variance) in training or without running statistics."""
    x = np.asarray(x, dtype=np.float64)
    C = x.shape[1]
    y = np.zeros_like(x)
    for c in range(C):
        values = x[:, c]  # (N, *spatial): this channel's M values
        mean, var = _channel_stats(values, c, running_mean, running_var, training)
        gamma = 1.0 if weight is None else weight[c]
        beta = 0.0 if bias is None else bias[c]
        for idx in np.ndindex(*values.shape):
            y[(idx[0], c, *idx[1:])] = gamma * (values[idx] - mean) / math.sqrt(var + eps) + beta
    return y


def _channel_stats(values, c, running_mean, running_var, training):
    if training or running_mean is None:
        M = values.size
        mean = sum(values.flat) / M
        return mean, sum((v - mean) ** 2 for v in values.flat) / M
    return running_mean[c], running_var[c]


def batch_norm_backward(
    dy, x, running_mean=None, running_var=None, weight=None, training=False, eps=1e-5
):
    """The chain rule through ``xhat``, then ``var`` and ``mean``, one step at a time.

    With ``xhat = (x - mean) * s``, ``s = (var + eps) ** -1/2`` and ``g = dy * weight``:
    ``dvar = sum(g * (x - mean)) * -1/2 * s**3``; ``dmean = -s * sum(g) + dvar * -2 * sum(x -
    mean) / M``; ``dx = g * s + dvar * 2 * (x - mean) / M + dmean / M``. With fixed (running)
    statistics only the first term remains.
    """
    x, dy = np.asarray(x, dtype=np.float64), np.asarray(dy, dtype=np.float64)
    C = x.shape[1]
    dx, dweight, dbias = np.zeros_like(x), np.zeros(C), np.zeros(C)
    for c in range(C):
        values, grads = x[:, c], dy[:, c]
        M = values.size
        mean, var = _channel_stats(values, c, running_mean, running_var, training)
        s = 1 / math.sqrt(var + eps)
        gamma = 1.0 if weight is None else weight[c]
        g = grads * gamma
        dbias[c] = sum(grads.flat)
        dweight[c] = sum(d * (v - mean) * s for d, v in zip(grads.flat, values.flat))
        if training or running_mean is None:
            dvar = sum(gi * (v - mean) for gi, v in zip(g.flat, values.flat)) * -0.5 * s**3
            dmean = -s * sum(g.flat) + dvar * -2 * sum(v - mean for v in values.flat) / M
        else:
            dvar = dmean = 0.0
        for idx in np.ndindex(*values.shape):
            v = values[idx]
            dx[(idx[0], c, *idx[1:])] = g[idx] * s + dvar * 2 * (v - mean) / M + dmean / M
    return dx, dweight, dbias
