"""Max and average pooling over non-overlapping blocks: the fast paths of :mod:`convgrad.pooling`.

It applies when ``stride == kernel_size``, without padding, dilation or a partial last window
(``ceil_mode`` adding one): then output ``(i, j)`` reads the ``kH x kW`` block whose top-left
input pixel is ``(i * kH, j * kW)``, and no two windows share a pixel. Each kernel tap
``t = (a, b)`` (row-major, ``t = a * kW + b``) is one strided view of the input,

    tap_t = x[:, :, a : a + kH * oH : kH, b : b + kW * oW : kW]      # (N, C, oH, oW)

so the pooling is ``T - 1 = kH * kW - 1`` elementwise maxima of output-sized views, where the
general path (:func:`convgrad.pooling._max_taps`) copies every window into a ``(N, C, oH, oW, T)``
array and reduces along its short last axis (an ``argmax`` per window).

The winner, by PyTorch's rule (the first maximum in the window's row-major order), from ``y``:
``score_t = (T - t) * [tap_t == y]`` is largest at the first tap that equals ``y``, so
``tap = T - max_t score_t``: one comparison, one multiply and one maximum per tap, all on
one-byte arrays. This needs ``y`` to equal one of its taps, which fails only for NaN (``y`` is
NaN, equal to nothing); PyTorch's rule is then the *last* NaN, and the caller uses the general
path (:func:`max_taps` returns None).

Backward. The windows do not overlap, so each input pixel receives at most one gradient:
``dx[tap_t] = dy * [tap == t]``, one multiply per tap written straight into the strided view
of ``dx``, no scatter. ``dy * 0`` is NaN where ``dy`` is NaN or infinite, which must not reach
the losing pixels: for a ``dy`` that is not finite the losers are left at zero and only the
winners copied (``np.copyto(..., where=)``, slower, same result).

Passes (output-sized, ``P = N * C * oH * oW``; the input is ``T * P``): the forward with taps
first copies the blocks taps first, ``(T, P)`` (one read of the input, one write), then ``T - 1``
maxima and ``3 (T - 1) + 2`` one-byte passes, all over contiguous rows; the forward without
taps (evaluation) takes its ``T - 1`` maxima over the strided views; the backward ``T``
comparisons and ``T`` multiplies, writing ``dx`` once. Over the strided views, the forward's
passes ran in runs of ``oW`` numbers (4 on an 8x8 image), each costing more than the copy.
Forward with taps, float32, ``k = 2``, one thread, microseconds, strided views / taps first
(``max_pool2d_saving``, medians of 200, a scratch script): ``(32, 32, 8, 8)`` 186 / 127 to 140,
``(32, 64, 4, 4)`` 152 / 104 to 115, ``(32, 32, 28, 28)`` 1086 / 680 to 700, ``(32, 64, 14, 14)``
692 / 461 to 490; the general path took about 4.7 ms for its ``argmax`` alone at
``(32, 32, 28, 28)``. The backward written the same way (taps first, then one copy into ``dx``)
measured 1.5 to 2.5 times slower than the multiplies into ``dx``'s strided views: not used.

Average pooling over the same blocks needs neither padding nor a zeroed, cropped ``dx``: the
forward sums the ``T`` views (the general path pads a copy of ``x`` first), the backward writes
``dy / divisor`` into each view of ``dx`` (the general path adds into a zeroed padded array and
crops it). Each sum starts from ``+0.0``, as the general path's does, so the results are the
same to the bit (``-0.0 + 0.0`` is ``+0.0``).
"""

from __future__ import annotations

import math
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

from . import _np
from .kernels import accel, parallel
from .kernels.nhwc import scratch as _scratch

if TYPE_CHECKING:
    from .pooling import PoolSpec


#: The bytes of input copied taps first at a time by :func:`max_taps` (each thread keeps its
#: buffer): a training step's activations fit whole, within the convolutions' own buffers.
CHUNK_BYTES = 8 << 20


def applies(spec: PoolSpec) -> bool:
    """Whether the windows are non-overlapping blocks inside the input (the module docstring)."""
    return (
        spec.stride == spec.kernel
        and spec.padding == (0, 0)
        and spec.dilation == (1, 1)
        and spec.extra == (0, 0)
        and spec.kernel[0] * spec.kernel[1] < 255  # the taps' scores fit a byte
    )


def tap_views(a: np.ndarray, spec: PoolSpec) -> list[np.ndarray]:
    """The ``T`` strided views ``tap_t`` of ``a (N, C, H, W)``, each ``(N, C, oH, oW)``."""
    (kH, kW), (oH, oW) = spec.kernel, spec.out_spatial
    rows = [slice(i, i + kH * oH, kH) for i in range(kH)]
    cols = [slice(j, j + kW * oW, kW) for j in range(kW)]
    return [a[:, :, r, c] for r in rows for c in cols]


_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def _fast(a: np.ndarray, spec: PoolSpec) -> ModuleType | None:
    """numba's max pooling (:mod:`convgrad.kernels.pool_numba`) when the accelerator is on,
    the blocks are 2x2 and ``a`` is float32 or float64, else ``None``."""
    if spec.kernel != (2, 2) or a.dtype not in _FLOATS:
        return None
    return accel.numba_kernels("pool")


def max_forward(x: np.ndarray, spec: PoolSpec) -> np.ndarray:
    """``y (N, C, oH, oW)``: the maximum of each block; NaN where a block holds a NaN."""
    if (fast := _fast(x, spec)) is not None:
        result = accel.run("max_pool2d", fast.max_taps_2x2, x)
        if result is not None:  # None: numba failed, and is off now
            return result[0]
    views = tap_views(x, spec)
    y = views[0].copy()
    for v in views[1:]:
        np.maximum(y, v, out=y)  # propagates NaN, as PyTorch's max pooling does
    return y


def max_taps(x: np.ndarray, spec: PoolSpec) -> tuple[np.ndarray, np.ndarray | None]:
    """``(y, tap)``: the maxima and each block's winning tap (uint8, the first maximum), or
    ``(y, None)`` when ``y`` holds a NaN (then the general path picks the last NaN; numba's 2x2
    kernel, when it runs, picks it itself and always gives the taps). Shares of
    the batch run on the threads when ``x`` is large (:func:`convgrad.kernels.parallel.over_parts`).
    """
    if (fast := _fast(x, spec)) is not None:
        result = accel.run("max_pool2d", fast.max_taps_2x2, x)
        if result is not None:  # numba's taps are PyTorch's, NaN or not
            return result
    y = np.empty((*x.shape[:2], *spec.out_spatial), x.dtype)
    tap = np.empty(y.shape, np.uint8)
    found = parallel.over_parts(len(x), lambda p: _max_taps_into(x[p], spec, y[p], tap[p]), x.size)
    return y, (tap if all(found) else None)


def _max_taps_into(x: np.ndarray, spec: PoolSpec, y: np.ndarray, tap: np.ndarray) -> bool:
    """:func:`max_taps` of ``x`` into ``y`` and ``tap`` (both C-contiguous); False when ``y``
    holds a NaN.

    The blocks are first copied taps first, ``(T, n, C, oH, oW)``, a chunk of images at a time
    (:data:`CHUNK_BYTES` of copy, in a buffer this thread keeps): the tap views are strided
    (``kW`` apart, in runs of ``oW``: 4 numbers on an 8x8 image), and each of the forward's
    ``4 T - 3`` passes over them cost more than the one copy that makes them contiguous.
    """
    (kH, kW), (oH, oW) = spec.kernel, spec.out_spatial
    n, c = x.shape[:2]
    T = kH * kW  # under 255 (applies): the scores fit a byte
    blocks = x[:, :, : kH * oH, : kW * oW].reshape(n, c, oH, kH, oW, kW)
    per_image = max(1, c * oH * oW * T * x.itemsize)
    step = max(1, CHUNK_BYTES // per_image)
    found = True
    for first in range(0, n, step):
        part = slice(first, min(n, first + step))
        m = part.stop - part.start
        taps = _scratch("pool_taps", (kH, kW, m, c, oH, oW), x.dtype)
        taps[...] = blocks[part].transpose(3, 5, 0, 1, 2, 4)
        flat = taps.reshape(T, -1)
        y_flat = y[part].reshape(-1)
        np.maximum.reduce(flat, axis=0, out=y_flat)  # propagates NaN, as PyTorch's max pooling
        if not found:  # the taps are lost, but the caller keeps y: every chunk's maxima
            continue
        best = tap[part].reshape(-1)
        equal = _scratch("pool_equal", y_flat.shape, np.dtype(bool))
        score = _scratch("pool_score", y_flat.shape, np.dtype(np.uint8))
        np.equal(flat[0], y_flat, out=equal)
        np.multiply(equal, np.uint8(T), out=best)
        for t in range(1, T):
            np.equal(flat[t], y_flat, out=equal)
            np.multiply(equal, np.uint8(T - t), out=score)
            np.maximum(best, score, out=best)
        if not best.all():  # a score of 0: no tap equals y there, a NaN (PyTorch: the last NaN)
            found = False
            continue
        np.subtract(np.uint8(T), best, out=best)  # the first tap equal to y
    return found


def max_backward(
    dy: np.ndarray, tap: np.ndarray, x_shape: tuple[int, ...], spec: PoolSpec
) -> np.ndarray:
    """``dx`` shaped ``x_shape``: each ``dy`` value on its block's winning pixel, else zero;
    shares of the batch on the threads as in :func:`max_taps`; numba's kernel over 2x2 blocks
    when the accelerator is on (:func:`convgrad.kernels.pool_numba.max_backward_2x2`)."""
    if (fast := _fast(dy, spec)) is not None:
        result = accel.run("max_pool2d_backward", fast.max_backward_2x2, dy, tap, x_shape)
        if result is not None:  # None: numba failed, and is off now
            return result
    (kH, kW), (oH, oW) = spec.kernel, spec.out_spatial
    inside = x_shape[2] == kH * oH and x_shape[3] == kW * oW
    finite = _np.finite(dy)  # one decision for every share
    dx = (np.empty if inside and finite else np.zeros)(x_shape, dtype=dy.dtype)

    def part(p: slice) -> None:
        won = np.empty(tap[p].shape, dtype=bool)
        for t, view in enumerate(tap_views(dx[p], spec)):
            np.equal(tap[p], t, out=won)
            if finite:
                np.multiply(dy[p], won, out=view)
            else:  # dy * 0 would be NaN: copy the winners only
                np.copyto(view, dy[p], where=won)

    parallel.over_parts(x_shape[0], part, math.prod(x_shape))
    return dx


def avg_forward(x: np.ndarray, spec: PoolSpec, divisor: np.ndarray) -> np.ndarray:
    """``y (N, C, oH, oW)``: each block's sum over ``divisor`` (``(oH, oW)`` or a scalar)."""
    views = tap_views(x, spec)
    y = np.add(views[0], 0.0, dtype=x.dtype)  # 0 + v, as the general path's sum starts
    for v in views[1:]:
        y += v
    y /= divisor
    return y


def avg_backward(g: np.ndarray, x_shape: tuple[int, ...], spec: PoolSpec) -> np.ndarray:
    """``dx`` shaped ``x_shape`` from ``g = dy / divisor``: ``g`` on every pixel of its block,
    zero on the rows and columns no block covers."""
    (kH, kW), (oH, oW) = spec.kernel, spec.out_spatial
    inside = x_shape[2] == kH * oH and x_shape[3] == kW * oW
    dx = (np.empty if inside else np.zeros)(x_shape, dtype=g.dtype)
    for view in tap_views(dx, spec):
        np.add(g, 0.0, out=view)  # 0 + g, as the general path's
    return dx
