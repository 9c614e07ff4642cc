"""Max pooling over any windows (overlapping, padded, dilated) by taps, with the planes last.

:mod:`convgrad._blockpool` takes the windows that are non-overlapping blocks. Every other max
pooling, such as ResNet's stem (3x3, stride 2, padding 1), went to the general path
(:func:`convgrad.pooling._max_taps`), which copies every window into an ``(N, C, oH, oW, T)``
array and reduces it along its short last axis (``argmax``, NaN checks, ``take_along_axis``),
and whose backward is a scatter (``np.add.at``).

Here the ``N * C`` planes are laid out last, ``xp (Hp, Wp, P)``, padded with ``-inf``. Each
kernel tap ``t = (a, b)`` (row-major, ``t = a * kW + b``) is then one view,

    tap_t = xp[a*dH : a*dH + sH*(oH - 1) + 1 : sH, b*dW : b*dW + sW*(oW - 1) + 1 : sW]

``(oH, oW, P)``, and the pooling is elementwise passes whose inner loops run over the planes.
(Over the same views with the planes first, ``(P, oH, oW)``, each inner loop is one output row,
``oW`` numbers 2 or more apart: 14 at ResNet's 28x28 stem pool. A maximum over such a view
measured 1.0 ms against 0.15 with the planes last, on 32 x 64 planes of 28x28.)

- **forward with winners:** ``y = tap_0``, then for each later tap ``won = tap_t > y``,
  ``tap = maximum(tap, t * won)`` and ``y = maximum(y, tap_t)``. A tap wins when it exceeds every
  earlier one, so the last tap to win is the largest to win: the first maximum in the window's
  row-major order, PyTorch's rule. ``maximum`` propagates NaN, as PyTorch's output does; where
  ``y`` is NaN the winner is the *last* NaN (PyTorch's rule), found by one more pass per tap, run
  only when ``y`` holds a NaN. A window whose input pixels are all ``-inf`` is won by its first
  input pixel, not by a padding tap; a dilated window of padding only gets no winner
  (:data:`NONE`) and passes no gradient on.
- **forward without winners** (evaluation): ``T - 1`` maxima.
- **backward:** ``dxp = 0``, then for each tap ``dxp[tap_t] += dy * [tap == t]`` (for a ``dy``
  that is not finite, ``dy * 0`` would be NaN: only the winners are added). Taps run last to
  first: a pixel shared by overlapping windows then collects their values in the windows'
  row-major order (a later window holds the pixel at an earlier tap), the order of PyTorch's
  CPU kernel, so sums of three or more values round as its do.

Around them: one transposed copy of the input in, one of ``y`` out (the forward); ``dy`` in and
``dx`` out (the backward). The winners are uint8 taps (``T < NONE``), kept planes last; the
``(N, C, oH, oW)`` array :func:`max_taps` returns is a view of them, which
:func:`max_backward` reads back without a copy. The work runs :data:`CHUNK_BYTES` of padded
planes at a time (at least :data:`CHUNK_PLANES` planes, so that the inner loops stay long), in
buffers each thread keeps, on the threads by shares of the planes when the input is large
(:func:`convgrad.kernels.parallel.over_parts`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from .. import _np
from . import parallel
from .nhwc import scratch

if TYPE_CHECKING:
    from ..pooling import PoolSpec

#: The tap of a window of padding only, which passes no gradient on.
NONE = 255
#: The bytes of padded planes a thread works on at a time...
CHUNK_BYTES = 4 << 20
#: ...and at least this many planes (the inner loops' length).
CHUNK_PLANES = 256


def applies(spec: PoolSpec) -> bool:
    """Whether the taps fit a byte below :data:`NONE`."""
    return spec.kernel[0] * spec.kernel[1] < NONE


def _padded(spec: PoolSpec) -> bool:
    return any(p for pair in spec.pairs for p in pair)


def _tap_views(a: np.ndarray, spec: PoolSpec) -> list[np.ndarray]:
    """The ``T`` views ``tap_t`` of the padded planes ``a (Hp, Wp, m)``, each ``(oH, oW, m)``."""
    (kH, kW), (sH, sW), (dH, dW), (oH, oW) = (
        spec.kernel,
        spec.stride,
        spec.dilation,
        spec.out_spatial,
    )
    rows = [slice(i * dH, i * dH + sH * (oH - 1) + 1, sH) for i in range(kH)]
    cols = [slice(j * dW, j * dW + sW * (oW - 1) + 1, sW) for j in range(kW)]
    return [a[r, c] for r in rows for c in cols]


def _padded_shape(spec: PoolSpec) -> tuple[int, int]:
    (top, bottom), (left, right) = spec.pairs
    return top + spec.in_spatial[0] + bottom, left + spec.in_spatial[1] + right


def _chunks(planes: slice, spec: PoolSpec, itemsize: int) -> Iterator[slice]:
    rows, cols = _padded_shape(spec)
    step = max(CHUNK_PLANES, CHUNK_BYTES // max(1, rows * cols * itemsize))
    for first in range(planes.start, planes.stop, step):
        yield slice(first, min(planes.stop, first + step))


def _buffer(slot: str, shape: tuple[int, int], m: int, dtype: np.dtype) -> np.ndarray:
    """A kept ``(*shape, m)`` buffer whose positions lie an odd number of cache lines apart.

    A transposed copy between ``(P, H, W)`` and ``(H, W, P)`` steps through the planes-last
    side ``P`` numbers at a time. With ``P * itemsize`` a multiple of a large power of two
    (2,048 planes of float32: 8 KiB) every step lands in the same cache sets: moving 32 x 64
    planes of 28x28 out took 7.5 to 8.1 ms, and 1.9 with 8 more numbers between positions;
    an even number of 64-byte lines (16 x 132 numbers) took 3.2 (a scratch script).
    """
    line = max(1, 64 // dtype.itemsize)
    stride = -(-m // line) * line
    if (stride // line) % 2 == 0:
        stride += line
    return scratch(slot, (*shape, stride), dtype)[:, :, :m]


def _planes_last(x3: np.ndarray, spec: PoolSpec) -> np.ndarray:
    """Planes ``x3 (m, H, W)`` as ``(Hp, Wp, m)``, padded with ``-inf``, in a kept buffer."""
    (top, _), (left, _) = spec.pairs
    m, h, w = x3.shape
    xp = _buffer("pool_planes", _padded_shape(spec), m, x3.dtype)
    if _padded(spec):
        xp[:top] = -np.inf
        xp[top + h :] = -np.inf
        xp[top : top + h, :left] = -np.inf
        xp[top : top + h, left + w :] = -np.inf
    xp[top : top + h, left : left + w] = x3.transpose(1, 2, 0)
    return xp


def _planes(a: np.ndarray) -> np.ndarray:
    """``(N, C, H, W)`` as ``(N * C, H, W)``, a view (C-contiguous ``a``)."""
    return a.reshape(-1, *a.shape[2:])


def max_forward(x: np.ndarray, spec: PoolSpec) -> np.ndarray:
    """``y (N, C, oH, oW)``: each window's maximum; NaN where a window holds a NaN."""
    x3 = _planes(np.ascontiguousarray(x))
    y = np.empty((*x.shape[:2], *spec.out_spatial), x.dtype)
    y3 = _planes(y)

    def part(p: slice) -> None:
        for c in _chunks(p, spec, x.itemsize):
            views = _tap_views(_planes_last(x3[c], spec), spec)
            out = _buffer("pool_y", spec.out_spatial, c.stop - c.start, x.dtype)
            np.copyto(out, views[0])
            for v in views[1:]:
                np.maximum(out, v, out=out)  # propagates NaN, as PyTorch's max pooling does
            y3[c] = out.transpose(2, 0, 1)

    parallel.over_parts(len(x3), part, x.size)
    return y


def max_taps(x: np.ndarray, spec: PoolSpec) -> tuple[np.ndarray, np.ndarray]:
    """``(y, tap)``, both ``(N, C, oH, oW)``: each window's maximum and its winning tap (uint8,
    PyTorch's winner, the module docstring; :data:`NONE` for a window of padding only). ``tap``
    is a view of the taps laid out planes last."""
    x3 = _planes(np.ascontiguousarray(x))
    y = np.empty((*x.shape[:2], *spec.out_spatial), x.dtype)
    y3 = _planes(y)
    taps = np.empty((*spec.out_spatial, len(x3)), np.uint8)  # planes last
    first = _first_taps(spec) if _padded(spec) else None

    def part(p: slice) -> None:
        for c in _chunks(p, spec, x.itemsize):
            out = _buffer("pool_y", spec.out_spatial, c.stop - c.start, x.dtype)
            _max_taps_into(_planes_last(x3[c], spec), spec, out, taps[:, :, c], first)
            y3[c] = out.transpose(2, 0, 1)

    parallel.over_parts(len(x3), part, x.size)
    return y, taps.transpose(2, 0, 1).reshape(y.shape)


def _first_taps(spec: PoolSpec) -> np.ndarray:
    """``(oH, oW, 1)`` uint8: each window's first input pixel's tap, :data:`NONE` for none."""
    from ..pooling import _first_inside

    _, _, first = _first_inside(spec)
    return np.where(first < 0, NONE, first).astype(np.uint8)[:, :, None]


def _max_taps_into(
    xp: np.ndarray, spec: PoolSpec, y: np.ndarray, tap: np.ndarray, first: np.ndarray | None
) -> None:
    """The maxima and winners of the padded planes ``xp (Hp, Wp, m)`` into ``y`` and ``tap``,
    each ``(oH, oW, m)``."""
    views = _tap_views(xp, spec)
    won = scratch("pool_won", y.shape, np.dtype(bool))
    score = scratch("pool_score", y.shape, np.dtype(np.uint8))
    np.copyto(y, views[0])
    tap[...] = 0
    for t, v in enumerate(views[1:], 1):
        np.greater(v, y, out=won)
        np.multiply(won, np.uint8(t), out=score)
        np.maximum(tap, score, out=tap)  # the last tap to exceed all before it
        np.maximum(y, v, out=y)  # propagates NaN, as PyTorch's max pooling does
    if np.isnan(y).any():  # the last NaN wins: (t + 1) * [tap_t is NaN], largest
        score[...] = 0
        for t, v in enumerate(views):
            np.isnan(v, out=won)
            np.maximum(score, np.multiply(won, np.uint8(t + 1)), out=score)
        np.subtract(score, np.uint8(1), out=tap, where=score > 0)
    if first is not None:  # all -inf: the first input pixel, never a padding tap
        np.equal(y, -np.inf, out=won)
        if won.any():
            np.copyto(tap, first, where=won)


def max_backward(
    dy: np.ndarray, tap: np.ndarray, x_shape: tuple[int, ...], spec: PoolSpec
) -> np.ndarray:
    """``dx`` shaped ``x_shape``: each ``dy`` value added onto its window's winning pixel; ``tap``
    as :func:`max_taps` gives it (any uint8 ``(N, C, oH, oW)`` array of taps)."""
    (top, _), (left, _) = spec.pairs
    h, w = spec.in_spatial
    dy3 = _planes(np.ascontiguousarray(dy))
    taps = tap.reshape(-1, *spec.out_spatial).transpose(1, 2, 0)  # planes last
    dx = np.empty(x_shape, dy.dtype)
    dx3 = _planes(dx)
    finite = _np.finite(dy)  # one decision for every share

    def part(p: slice) -> None:
        for c in _chunks(p, spec, dy.itemsize):
            m = c.stop - c.start
            g = _buffer("pool_dy", spec.out_spatial, m, dy.dtype)
            g[...] = dy3[c].transpose(1, 2, 0)
            term = scratch("pool_term", g.shape, dy.dtype)
            won = scratch("pool_won", g.shape, np.dtype(bool))
            dxp = _buffer("pool_planes", _padded_shape(spec), m, dy.dtype)
            dxp[...] = 0
            views = _tap_views(dxp, spec)
            for t in reversed(range(len(views))):  # the windows' order (the module docstring)
                np.equal(taps[:, :, c], t, out=won)
                if finite:
                    np.multiply(g, won, out=term)
                    np.add(views[t], term, out=views[t])
                else:  # dy * 0 would be NaN: add the winners only
                    np.add(views[t], g, out=views[t], where=won)
            dx3[c] = dxp[top : top + h, left : left + w].transpose(2, 0, 1)

    parallel.over_parts(len(dx3), part, math.prod(x_shape))
    return dx
