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

Passes (output-sized, ``P = N * C * oH * oW``; the input is ``T * P``): forward ``T - 1``
maxima, reading the whole input once; the taps ``3 (T - 1)`` one-byte passes over ``P``;
backward ``T`` comparisons and ``T`` multiplies, writing ``dx`` once. Measured on a
``(32, 32, 28, 28)`` float32 input, ``k = 2``, one thread (``time.thread_time``, medians of
30): forward 0.41 ms, forward with taps 0.95 ms, backward 0.55 ms, where the general path took
about 4.7 ms for its ``argmax`` alone.

Average pooling over the same blocks needs neither padding nor a zeroed, cropped ``dx``: the
forward sums the ``T`` views (the general path pads a copy of ``x`` first), the backward writes
``dy / divisor`` into each view of ``dx`` (the general path adds into a zeroed padded array and
crops it). Each sum starts from ``+0.0``, as the general path's does, so the results are the
same to the bit (``-0.0 + 0.0`` is ``+0.0``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from .kernels import parallel

if TYPE_CHECKING:
    from .pooling import PoolSpec


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


def max_forward(x: np.ndarray, spec: PoolSpec) -> np.ndarray:
    """``y (N, C, oH, oW)``: the maximum of each block; NaN where a block holds a NaN."""
    views = tap_views(x, spec)
    y = views[0].copy()
    for v in views[1:]:
        np.maximum(y, v, out=y)  # propagates NaN, as PyTorch's max pooling does
    return y


def max_taps(x: np.ndarray, spec: PoolSpec) -> tuple[np.ndarray, np.ndarray | None]:
    """``(y, tap)``: the maxima and each block's winning tap (uint8, the first maximum), or
    ``(y, None)`` when ``y`` holds a NaN (then the general path picks the last NaN). Shares of
    the batch run on the threads when ``x`` is large (:func:`convgrad.kernels.parallel.over_parts`).
    """
    y = np.empty((*x.shape[:2], *spec.out_spatial), x.dtype)
    tap = np.empty(y.shape, np.uint8)
    found = parallel.over_parts(len(x), lambda p: _max_taps_into(x[p], spec, y[p], tap[p]), x.size)
    return y, (tap if all(found) else None)


def _max_taps_into(x: np.ndarray, spec: PoolSpec, y: np.ndarray, tap: np.ndarray) -> bool:
    """:func:`max_taps` of ``x`` into ``y`` and ``tap``; False when ``y`` holds a NaN."""
    views = tap_views(x, spec)
    y[...] = views[0]
    for v in views[1:]:
        np.maximum(y, v, out=y)  # propagates NaN, as PyTorch's max pooling does
    with np.errstate(invalid="ignore"):  # inf - inf: the sum is NaN, as it should be here
        total = np.sum(y)
    if np.isnan(total):  # NaN, or +inf and -inf together: the general path decides
        return False
    T = len(views)  # under 255 (applies): the scores fit a byte
    best = np.multiply(views[0] == y, np.uint8(T), dtype=np.uint8, out=tap)
    equal = np.empty(y.shape, dtype=bool)
    score = np.empty(y.shape, dtype=np.uint8)
    for t in range(1, T):
        np.equal(views[t], y, out=equal)
        np.multiply(equal, np.uint8(T - t), out=score)
        np.maximum(best, score, out=best)
    np.subtract(np.uint8(T), best, out=best)  # the first tap equal to y
    return True


def max_backward(
    dy: np.ndarray, tap: np.ndarray, x_shape: tuple[int, ...], spec: PoolSpec
) -> np.ndarray:
    """``dx`` shaped ``x_shape``: each ``dy`` value on its block's winning pixel, else zero;
    shares of the batch on the threads as in :func:`max_taps`."""
    (kH, kW), (oH, oW) = spec.kernel, spec.out_spatial
    inside = x_shape[2] == kH * oH and x_shape[3] == kW * oW
    with np.errstate(invalid="ignore", over="ignore"):  # one decision for every share
        finite = bool(np.isfinite(np.sum(dy)))
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
