"""The NumPy-specific primitives under the fast kernels: padding and its adjoint, window views,
and the scatter-add of windows back onto an input.

Everything NumPy-specific that the kernels need lives here, so the kernels read as algebra and
another array backend could plug in by replacing this one module.

Padding modes map each padded position to the input position it copies
(:func:`convgrad._args.source_index`). The adjoint of padding (its backward) adds each padded
position's gradient onto the position it copies: a reflected or wrapped pixel's gradient lands
on the pixel it came from.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from ._args import source_index

_NP_PAD_MODE: dict[str, Any] = {
    "zeros": "constant",
    "reflect": "reflect",
    "replicate": "edge",
    "circular": "wrap",
}


def pad(x: np.ndarray, pairs: tuple[tuple[int, int], ...], mode: str) -> np.ndarray:
    """A new array: ``x (N, C, *spatial)`` padded on its trailing ``len(pairs)`` dimensions."""
    first = x.ndim - len(pairs)
    if mode == "zeros":  # np.pad's Python costs 20 us a call; a small layer's whole pass is 100
        padded = tuple(n + lo + hi for n, (lo, hi) in zip(x.shape[first:], pairs))
        out = np.empty(x.shape[:first] + padded, x.dtype)
        pad_into(out, x, pairs, first)
        return out
    width = [(0, 0)] * first + list(pairs)
    return np.pad(x, width, mode=_NP_PAD_MODE[mode])


def pad_into(
    out: np.ndarray, x: np.ndarray, pairs: tuple[tuple[int, int], ...], first: int
) -> None:
    """``out[...] = x`` zero-padded by ``pairs`` on the axes from ``first`` on: ``x`` into the
    interior, zeros written to the border only (``out`` may be a reused buffer)."""
    for i, (lo, hi) in enumerate(pairs):
        before = (slice(None),) * (first + i)
        if lo:
            out[(*before, slice(0, lo))] = 0
        if hi:
            out[(*before, slice(out.shape[first + i] - hi, None))] = 0
    inner = tuple(slice(lo, lo + n) for (lo, _), n in zip(pairs, x.shape[first:]))
    out[(slice(None),) * first + inner] = x


def channels_last(a: np.ndarray) -> np.ndarray:
    """``a (N, C, *spatial)`` as a view ``(N, *spatial, C)``: ``np.moveaxis(a, 1, -1)`` without
    its argument checks (7 us a call, a tenth of a small layer's whole pass)."""
    return a.transpose(0, *range(2, a.ndim), 1)


def channels_first(a: np.ndarray) -> np.ndarray:
    """``a (N, *spatial, C)`` as a view ``(N, C, *spatial)``: ``np.moveaxis(a, -1, 1)``."""
    return a.transpose(0, a.ndim - 1, *range(1, a.ndim - 1))


# Channels last. An activation ``(N, C, *spatial)`` may be laid out in memory channels last,
# ``(N, *spatial, C)``, as PyTorch's ``channels_last`` memory format: oneDNN's convolutions
# (through OpenVINO, kernels/conv_openvino.py) compute in that layout, and give their results in
# it rather than pay a reorder each way. The operations between two convolutions keep it (the
# functions below); NumPy's semantics do not depend on it, only the speed does.


def is_channels_last(a: np.ndarray) -> bool:
    """Whether ``a (N, C, *spatial)`` is laid out channels last and is not C-contiguous (an
    array with one channel, or one position, is both: it counts as C-contiguous)."""
    return a.ndim >= 3 and not a.flags.c_contiguous and channels_last(a).flags.c_contiguous


def empty_channels_last(shape: tuple[int, ...], dtype: Any) -> np.ndarray:
    """An uninitialised array of ``shape (N, C, *spatial)`` laid out channels last."""
    return channels_first(np.empty((shape[0], *shape[2:], shape[1]), dtype))


def as_channels_last(a: np.ndarray) -> np.ndarray:
    """``a (N, C, *spatial)`` laid out channels last: itself when it is, else a copy."""
    if is_channels_last(a):
        return a
    copy = empty_channels_last(a.shape, a.dtype)
    copy[...] = a
    return copy


def add(a: Any, b: Any) -> Any:
    """``a + b``, laid out channels last when ``a`` and ``b`` have one shape and one of them is
    (NumPy's ufuncs give C order to a result of two layouts, which would turn a chain of
    channels-last layers, a residual network's, back to C order at its first sum)."""
    if (
        isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
        and a.ndim >= 3 and is_channels_last(a) != is_channels_last(b)
    ):  # fmt: skip
        return np.add(a, b, out=empty_channels_last(a.shape, np.result_type(a, b)))
    return a + b


# NumPy's ufuncs move an operation with a broadcast operand (a per-channel weight against rows of
# positions, ``(g, L) * (g, 1)``) through buffers of ``np.getbufsize()`` numbers (8,192) when two
# or more rows fit in one: the rows are copied in and out, and the pass runs at about half the
# speed of one inner loop per row in place. row_loops sets the buffers to a row's length inside
# its block. float32 (g, L) * (g, 1), 2 MiB, one thread, G numbers/s default / a row's buffer
# (numpy 2.4.6, 2026-11-30, a scratch script): L = 160 4.38 / 3.62, 208 4.53 / 4.42, 256 4.30 /
# 4.98, 400 4.64 / 5.99, 784 4.76 / 7.20, 2,048 4.60 / 9.83, 4,096 4.77 / 9.65, 6,000 10.1 /
# 10.1. Rows shorter than ROW_LOOPS_MIN keep NumPy's buffers, which pay there.
ROW_LOOPS_MIN = 256


@contextlib.contextmanager
def row_loops(row: int) -> Iterator[None]:
    """NumPy's ufunc buffers no longer than ``row`` numbers (rounded down to a multiple of 16,
    as NumPy requires) inside the block, on this thread (NumPy keeps the size per thread), when
    ``row`` is from :data:`ROW_LOOPS_MIN` to NumPy's buffer size; else NumPy's as they are. For
    ufuncs over rows of ``row`` numbers with a broadcast operand; reductions take no gain."""
    size = row - row % 16
    default = np.getbufsize()
    if not ROW_LOOPS_MIN <= size < default:
        yield
        return
    np.setbufsize(size)
    try:
        yield
    finally:
        np.setbufsize(default)


# channel_plane repeats a per-channel vector over each channel's positions up to this many bytes
PLANE_BYTES = 1 << 20


def channel_plane(v: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``v (C,)`` to broadcast against ``like (N, C, *spatial)``: repeated over each channel's
    positions, ``(1, C, *spatial)``, up to :data:`PLANE_BYTES` (else ``(1, C, 1, ..., 1)``, as
    for a ``like`` laid out channels last, whose inner loops run along the channels).

    An operation of ``like`` with ``(1, C, 1, ..., 1)`` runs one NumPy inner loop per (image,
    channel), as long as a channel's plane; with the plane repeated, one per image, over all the
    channels. Multiplying ``(32, C, H, H)`` float32 by it, us per-channel / plane (one thread,
    hot cache): C = 64 at 4x4 12.4 / 6.6, 32 at 8x8 15.9 / 14.0, 32 at 14x14 45.5 / 27.9,
    16 at 28x28 84.5 / 55.2, 32 at 28x28 171 / 104; the repeat costs 1.5 to 3.3.
    """
    spatial = like.shape[2:]
    if is_channels_last(like):  # then a channel's numbers are C apart: the vector is a row
        return v.reshape(1, -1, *(1,) * len(spatial))
    if v.size * math.prod(spatial) * v.itemsize > PLANE_BYTES:
        return v.reshape(1, -1, *(1,) * len(spatial))
    return np.repeat(v, math.prod(spatial)).reshape(1, v.size, *spatial)


# np.maximum(x, 0) runs a scalar loop when one operand is a broadcast scalar, and its SIMD loop
# only when both are arrays of the same stride: float32 (32, 32, 28, 28), one thread (numpy
# 2.4.6, 2026-12-02, a scratch script, medians of 40), 0.263 ms against 0, 0.083 to 0.11
# against a row of zeros repeated over rows of 256 to 25,088 numbers, 0.099 against a whole
# array of zeros (a multiply by 2 takes 0.068). relu_into runs it against rows of zeros of at
# most ZERO_ROW numbers, kept here per dtype: us np.maximum(x, 0) / relu_into, (32, 32, 28,
# 28) 264 / 85, (32, 32, 8, 8) 22.0 / 6.1, (32, 64, 4, 4) 11.3 / 3.9, (32, 128, 7, 7) 65.9 /
# 27.8; channels 1 to 32 of (32, 32, 28, 28) (rows of 24,304) 258 / 80.
ZERO_ROW = 1 << 15
_zero_rows: dict[np.dtype, np.ndarray] = {}


def _rows(a: np.ndarray) -> np.ndarray | None:
    """``a`` as a view of rows in its memory order: ``(size,)`` when it is one dense block (in
    C order or channels last), ``(N, P)`` when each of its ``N`` images is (a slice of channels
    of a C-order batch); else None."""
    if a.flags.c_contiguous:
        return a.reshape(-1)
    if is_channels_last(a):
        return channels_last(a).reshape(-1)
    if a.ndim < 2 or not a[0].flags.c_contiguous:
        return None
    return np.reshape(a, (a.shape[0], -1), copy=False)


def relu_into(x: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``out = max(x, 0)``, NaN kept (``out`` may be ``x``), as ``np.maximum(x, 0, out=out)``,
    the same bits, in NumPy's SIMD loop where ``x`` and ``out`` are laid out alike in dense
    blocks (see :data:`ZERO_ROW`). Returns ``out``."""
    if x.strides != out.strides or x.dtype != out.dtype or x.size < 64:
        return np.maximum(x, 0, out=out)
    xs, ys = _rows(x), _rows(out)
    if xs is None or ys is None:
        return np.maximum(x, 0, out=out)
    length = xs.shape[-1]
    row = length if length <= ZERO_ROW else math.gcd(length, ZERO_ROW)
    if row < 64:
        return np.maximum(x, 0, out=out)
    zeros = _zero_rows.get(x.dtype)
    if zeros is None:
        zeros = _zero_rows[x.dtype] = np.zeros(ZERO_ROW, x.dtype)
    shape = (*xs.shape[:-1], length // row, row)
    np.maximum(xs.reshape(shape), zeros[:row], out=ys.reshape(shape))
    return out


def finite(*arrays: np.ndarray) -> bool:
    """Whether every array is free of NaN and infinities (or, rarely, a sum overflowed: then
    False too, which only sends the caller to its slower path).

    A float32 or float64 array laid out in one block is checked by its dot product with itself
    (one BLAS call): finite, or NaN, settles it (the square of a NaN or an infinity is not
    finite, and nothing else gives NaN); an infinite one may be an infinity or squares past the
    dtype's range, and the sum decides, as for the other arrays. us sum / dot, one thread, hot
    cache (a scratch script, 2026-12-02): (32, 16, 28, 28) float32 89.8 / 24.3, (32, 128, 7, 7)
    43.3 / 9.5, (32, 32, 8, 8) 15.3 / 3.8.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        return all(_finite(a) for a in arrays)


def _finite(a: np.ndarray) -> bool:
    if a.dtype in _BLAS_FLOATS and a.size:
        flat = _rows(a)
        if flat is not None and flat.ndim == 1:
            square = np.dot(flat, flat)
            if np.isfinite(square):
                return True
            if np.isnan(square):
                return False
    return bool(np.isfinite(np.sum(a)))


_BLAS_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


# row_sums takes the BLAS for rows up to this long: there its error measured as NumPy's sum's
# (a median of 6e-9 of the sum of magnitudes, float32, 64 x 64 rows of 16 to 256), and from 784
# numbers on it measured 2 to 4 times that of NumPy's pairwise sum.
BLAS_ROW_SUM = 256


# row_dots takes einsum for rows shorter than this, the BLAS's dot products from there (a BLAS
# call per row costs more than a short row): batch norm's (32, C, H, H) float32, us dots /
# einsum (one thread, hot cache): 64 channels at 4x4 32.3 / 12.9, 7x7 36.7 / 23.2, 32 at 8x8
# 14.4 / 12.6, 14x14 28.3 / 33.7, 28x28 86.1 / 143; the same error (1e-7 to 4e-7 of the
# largest sum against float64).
EINSUM_DOTS = 100


def row_dots(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a.shape[:-1]``: ``sum(a * b)`` over the last axis of ``a, b (..., L)``, without the
    product array."""
    if a.shape[-1] < EINSUM_DOTS:
        return np.einsum("...l,...l->...", a, b)
    return np.matmul(a[..., None, :], b[..., :, None])[..., 0, 0]


def row_sums(a: np.ndarray) -> np.ndarray:
    """``(N, C)``: the sum of each image's channel of ``a (N, C, *spatial)``, in ``a``'s dtype.

    A product with a vector of ones (one BLAS ``gemv`` per image) where ``a`` is float32 or
    float64, its channels are rows of one stride and at most :data:`BLAS_ROW_SUM` long; else
    NumPy's sum. ``a.sum(axis=(2, 3))`` reduces one short row at a time: on ``(32, 32, 8, 8)``
    it took 29 us, the product 9 (one thread, hot cache). NaN and infinities add up as in any
    sum (the ones multiply nothing but ``a``'s values); a channel of ``-0.0`` sums to ``+0.0``,
    as ``a.sum(axis=(0, 2, 3))`` does.
    """
    rows = a.reshape(*a.shape[:2], math.prod(a.shape[2:]))
    blas = a.dtype in _BLAS_FLOATS and 1 < rows.shape[2] <= BLAS_ROW_SUM
    if blas and rows.strides[2] == a.itemsize:
        return np.matmul(rows, np.ones(rows.shape[2], a.dtype))
    return rows.sum(axis=2)


def channel_sums(a: np.ndarray) -> np.ndarray:
    """``(C,)``: the sum of each channel of ``a (N, C, *spatial)`` (:func:`row_sums`, then over
    the images), in ``a``'s dtype."""
    return row_sums(a).sum(axis=0)


def pad_backward(dxp: np.ndarray, pairs: tuple[tuple[int, int], ...], mode: str) -> np.ndarray:
    """Adjoint of :func:`pad`: fold the gradient of the padded array back onto the input.

    ``dxp (N, C, *padded)`` -> ``dx (N, C, *spatial)``. Padding is applied one dimension after
    another, so its adjoint folds one dimension at a time; each step loops over the padded
    positions only (a few slabs), never over pixels.
    """
    dx = dxp
    first = dxp.ndim - len(pairs)
    for axis, (before, after) in enumerate(pairs, start=first):
        if before == 0 and after == 0:
            continue
        padded = dx.shape[axis]
        size = padded - before - after
        inner = [slice(None)] * dx.ndim
        inner[axis] = slice(before, before + size)
        folded = dx[tuple(inner)].copy()
        if mode != "zeros":
            for j in itertools.chain(range(before), range(before + size, padded)):
                src: list[Any] = [slice(None)] * dx.ndim
                dst: list[Any] = [slice(None)] * dx.ndim
                src[axis], dst[axis] = j, source_index(j, size, before, mode)
                folded[tuple(dst)] += dx[tuple(src)]
        dx = folded
    if dx is dxp:
        dx = dxp.copy()
    return dx


def pad_backward_into(
    out: np.ndarray, dxp: np.ndarray, pairs: tuple[tuple[int, int], ...], mode: str
) -> None:
    """``out[...] = pad_backward(dxp, pairs, mode)``, in one copy where the padding is zeros
    (whose adjoint only crops)."""
    if mode == "zeros":
        first = dxp.ndim - len(pairs)
        crop = (slice(None),) * first + tuple(
            slice(lo, n - hi) for (lo, hi), n in zip(pairs, dxp.shape[first:])
        )
        out[...] = dxp[crop]
    else:
        out[...] = pad_backward(dxp, pairs, mode)


def windows(
    xp: np.ndarray,
    kernel: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
    out: tuple[int, ...],
) -> np.ndarray:
    """A read-only view of every window: ``xp (N, C, *padded)`` -> ``(N, C, *out, *kernel)``.

    ``view[n, c, *o, *t] == xp[n, c, *(o * stride + t * dilation)]``; nothing is copied.
    """
    lead = xp.ndim - len(kernel)
    step = xp.strides[lead:]
    shape = xp.shape[:lead] + tuple(out) + tuple(kernel)
    # a dimension of length 1 never moves, so its step stays small however large s or d is
    strides = (
        xp.strides[:lead]
        + tuple(b * s if o > 1 else b for b, s, o in zip(step, stride, out, strict=True))
        + tuple(b * d if k > 1 else b for b, d, k in zip(step, dilation, kernel, strict=True))
    )
    return np.lib.stride_tricks.as_strided(xp, shape, strides, writeable=False)


def tap_slices(
    tap: tuple[int, ...], stride: tuple[int, ...], dilation: tuple[int, ...], out: tuple[int, ...]
) -> tuple[slice, ...]:
    """The positions of the padded input that kernel tap ``tap`` touches, over all outputs."""
    return tuple(
        slice(t * d, t * d + (o - 1) * s + 1, s)
        for t, s, d, o in zip(tap, stride, dilation, out, strict=True)
    )


def tap_view(
    a: np.ndarray,
    tap: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
    out: tuple[int, ...],
) -> np.ndarray:
    """A view of what kernel tap ``tap`` reads from ``a (N, C, *padded)``: ``(N, C, *out)``."""
    return a[(slice(None), slice(None), *tap_slices(tap, stride, dilation, out))]


def scatter_windows(
    cols: np.ndarray,
    padded: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Adjoint of :func:`windows`: sum windows back onto the padded input they were read from.

    ``cols (C, *kernel, N, *out)`` -> ``(C, N, *padded)``; one strided slice-add per kernel tap.
    With ``out`` (a ``(C, N, *padded)`` array or view), the windows are added into it instead.
    """
    n = len(padded)
    kernel, batch, positions = cols.shape[1 : 1 + n], cols.shape[1 + n], cols.shape[2 + n :]
    if out is None:
        out = np.zeros((cols.shape[0], batch, *padded), dtype=cols.dtype)
    every = (slice(None), slice(None))
    for tap in np.ndindex(*kernel):
        out[every + tap_slices(tap, stride, dilation, positions)] += cols[(slice(None), *tap)]
    return out


# Flat positions. With stride 1, a kernel tap reads the padded image shifted by a fixed number of
# elements in memory order: numbering the positions of a C-ordered image ``(*padded)`` as ``q``,
# tap ``t`` reads ``q + offset(t)`` for output ``q``. Over the span from the first output to the
# last (the output rows and the ``d*(k-1)`` positions between them), a tap's reads are one
# contiguous run, so kernels work on long runs instead of output rows.


def flat_steps(spatial: tuple[int, ...]) -> tuple[int, ...]:
    """Elements between neighbours along each dimension of a C-ordered ``spatial`` block."""
    return tuple(math.prod(spatial[i + 1 :]) for i in range(len(spatial)))


def flat_span(out: tuple[int, ...], spatial: tuple[int, ...]) -> int:
    """``Q``: flat positions from the first output ``(0, ...)`` to the last, both included."""
    return sum((o - 1) * s for o, s in zip(out, flat_steps(spatial))) + 1


def flat_offset(tap: tuple[int, ...], dilation: tuple[int, ...], spatial: tuple[int, ...]) -> int:
    """How far, in memory order, kernel tap ``tap`` reads from the output position."""
    return sum(t * d * s for t, d, s in zip(tap, dilation, flat_steps(spatial)))


def flat_positions(a: np.ndarray, out: tuple[int, ...], spatial: tuple[int, ...]) -> np.ndarray:
    """The outputs among flat positions ``a (..., Q)``: a view ``(..., *out)``, writeable when
    ``a`` is (each output is one distinct position)."""
    steps = tuple(s * a.itemsize for s in flat_steps(spatial))
    return np.lib.stride_tricks.as_strided(
        a, (*a.shape[:-1], *out), (*a.strides[:-1], *steps), writeable=a.flags.writeable
    )
