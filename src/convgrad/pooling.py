"""Fast 2-D pooling: max, average and adaptive average, forward and backward.

Arguments and results follow ``torch.nn.functional``: ``x (N, C, H, W)`` or unbatched
``(C, H, W)``, ``kernel_size``, ``stride`` (default: ``kernel_size``), ``padding`` (at most half
the kernel), ``dilation`` (max pooling), ``ceil_mode``, ``count_include_pad`` and
``divisor_override`` (average pooling). Along each spatial dimension the output has

    out = floor_or_ceil((in + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1

positions, and with ``ceil_mode`` a last window that would start in the right padding is dropped
(PyTorch's rule), so without dilation every window holds at least one input pixel. A dilated max
pooling window can fall wholly on padding (rows ``-1`` and ``1`` of a one-row input); its output
is ``-inf`` and its gradient is dropped (PyTorch's CPU kernel then adds it to a pixel of the
*next* channel).

Max pooling, with ``xp`` the input padded with ``-inf``:
``y[n, c, p] = max_t xp[n, c, p*s + t*d]``. Its gradient goes to the winning pixel only, chosen
as PyTorch's CPU kernel chooses it, visiting the window's input pixels (never its padding) row
by row: the last NaN if the window holds one (the output is then NaN), else the first maximum;
a window whose input pixels are all ``-inf`` is won by its first input pixel. Where windows
overlap, one pixel can win several windows and collects all their gradients:
``dxp[n, c, p*s + t*(p)*d] += dy[n, c, p]`` for the winning tap ``t*(p)``.

Average pooling: ``y[n, c, p] = sum_t xp[n, c, p*s + t] / divisor[p]`` with ``xp`` zero-padded.
``divisor[p]`` is the window's size clipped to the padded input (``count_include_pad=True``),
its size clipped to the input itself (``False``), or ``divisor_override``. It is linear, so its
gradient spreads ``dy[p] / divisor[p]`` evenly over the window: ``dxp[p*s + t] += dy[p] /
divisor[p]``, then the padding is cropped off.

Adaptive average pooling to ``(oH, oW)``: output row ``i`` averages input rows
``floor(i * H / oH)`` to ``ceil((i + 1) * H / oH)`` (exclusive), and likewise for columns. It is
separable: a mean over each window's rows, then over its columns; the gradient spreads
``dy / rows`` back over the rows, then ``/ columns`` over the columns. Where the sides divide,
the windows are non-overlapping blocks (the block path below; to ``1 x 1``, one sum per plane).
Otherwise it is the matrix product ``A_h @ x @ A_w.T`` of each plane, two products over all the
planes at once, for finite arrays: ``0 * nan`` is NaN, so one NaN pixel would spread to every
output sharing its rows or columns; with NaN or infinities the means run window by window, and
a NaN reaches only the windows that read it. (On ``(32, 64, 14, 14)`` to ``3 x 3``, forward +
backward, float32: the products 1.4 ms, window by window 3.9, PyTorch 1.1; a scratch script.)

The kernels: max and average pooling over non-overlapping blocks in :mod:`convgrad._blockpool`;
max pooling over any other windows of fewer than 255 taps by taps, with the planes laid out
last, in :mod:`convgrad.kernels.pool_taps` (ResNet's stem pool, 3x3 at stride 2, forward with
winners + backward on ``(32, 64, 28, 28)``: 9.8 ms against PyTorch's 8.7; the general path
below, finding the winners again in the backward, 103 to 113 against 10.4 to 11.4); the general
path here copies every window (``_max_taps``) and is their twin in
the tests.

The reference loops for the same functions are in :mod:`convgrad.reference`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import _args, _blockpool, _np
from .kernels import pool_taps as _pool_taps


@dataclass(frozen=True)
class PoolSpec:
    """A checked 2-D pooling: kernel, stride, padding, dilation, input and output sizes.

    ``extra`` is how far the last window reaches past the padded input (with ``ceil_mode``), so
    the kernels pad the trailing end by ``padding + extra`` to give every window a full view.
    """

    kernel: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int]
    dilation: tuple[int, int]
    in_spatial: tuple[int, int]
    out_spatial: tuple[int, int]

    @property
    def extra(self) -> tuple[int, ...]:
        return tuple(
            max((o - 1) * s + d * (k - 1) + 1 - (i + 2 * p), 0)
            for o, s, d, k, i, p in zip(
                self.out_spatial,
                self.stride,
                self.dilation,
                self.kernel,
                self.in_spatial,
                self.padding,
                strict=True,
            )
        )

    @property
    def pairs(self) -> tuple[tuple[int, int], ...]:
        """The padding the kernels apply, ``(before, after)`` per dimension."""
        return tuple((p, p + e) for p, e in zip(self.padding, self.extra, strict=True))


def pool_output_size(
    size: int, kernel: int, stride: int, padding: int, dilation: int, ceil_mode: bool
) -> int:
    """Length of a pooling's output along one dimension (PyTorch's rule, see the module doc).

    >>> pool_output_size(5, 2, 2, 0, 1, False), pool_output_size(5, 2, 2, 0, 1, True)
    (2, 3)
    """
    span = size + 2 * padding - dilation * (kernel - 1) - 1
    out = (span + (stride - 1 if ceil_mode else 0)) // stride + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out


@_args.spec_cache
def pool_spec(
    fn: str,
    x: np.ndarray,
    kernel_size: object,
    stride: object,
    padding: object,
    dilation: object,
    ceil_mode: object,
) -> PoolSpec:
    """Check a 2-D pooling's arguments against ``x`` and normalise them."""
    _args.check_input(fn, x, 2, "C")
    kernel = _args.ntuple(fn, "kernel_size", kernel_size, 2, 1)
    if stride is None or (isinstance(stride, list | tuple) and len(stride) == 0):
        strides = kernel
    else:
        strides = _args.ntuple(fn, "stride", stride, 2, 1)
    pads = _args.ntuple(fn, "padding", padding, 2, 0)
    dilations = _args.ntuple(fn, "dilation", dilation, 2, 1)
    if not isinstance(ceil_mode, bool | np.bool_):
        raise TypeError(f"{fn}: ceil_mode must be True or False; got {ceil_mode!r:.80}")
    if any(p > k // 2 for p, k in zip(pads, kernel, strict=True)):
        raise ValueError(
            f"{fn}: padding must be at most half the kernel size, padding <= kernel_size // 2; "
            f"got padding {pads} for kernel_size {kernel}"
        )
    spatial = (int(x.shape[-2]), int(x.shape[-1]))
    out = tuple(
        pool_output_size(i, k, s, p, d, bool(ceil_mode))
        for i, k, s, p, d in zip(spatial, kernel, strides, pads, dilations, strict=True)
    )
    if any(o < 1 for o in out):
        raise ValueError(
            f"{fn}: the kernel (kernel_size {kernel}, dilation {dilations}) is larger than the "
            f"padded input (x shape {x.shape}, padding {pads}); the output would be {out}"
        )
    _args.check_size(fn, "the output", (*x.shape[:-2], *out), "stride and ceil_mode")
    return PoolSpec(kernel, strides, pads, dilations, spatial, out)  # type: ignore[arg-type]


def prepare(fn: str, x: object, *others: object) -> tuple[np.ndarray, list[np.ndarray], np.dtype]:
    """``x`` (and ``dy`` etc.) as batched arrays of the compute dtype, and the output dtype."""
    xa = _args.as_array(fn, "x", x)
    arrays = [_args.as_array(fn, "dy", o) for o in others]
    batched = _args.check_input(fn, xa, 2, "C")
    compute, out = _args.result_dtype(xa, *arrays)
    lift = (lambda a: a) if batched else (lambda a: a[None])
    return lift(xa).astype(compute, copy=False), [lift(a).astype(compute) for a in arrays], out


def finish(a: np.ndarray, dtype: np.dtype, batched: bool) -> np.ndarray:
    a = a.astype(dtype, copy=False)
    return a if batched else a[0]


def check_dy(fn: str, dy: object, batched_shape: tuple[int, ...], batched: bool) -> None:
    expected = batched_shape if batched else batched_shape[1:]
    shape = np.shape(dy)  # type: ignore[call-overload]
    if shape != expected:
        raise ValueError(
            f"{fn}: dy must have the forward output's shape {expected}; got shape {shape}"
        )


# --- max pooling --------------------------------------------------------------------------------


def _max_windows(x: np.ndarray, spec: PoolSpec) -> np.ndarray:
    """Every window of ``x (N, C, H, W)`` padded with -inf: ``(N, C, oH, oW, kH * kW)``, a copy."""
    xp = np.pad(x, ((0, 0), (0, 0), *spec.pairs), constant_values=-np.inf)
    view = _np.windows(xp, spec.kernel, spec.stride, spec.dilation, spec.out_spatial)
    return view.reshape(*view.shape[:4], -1)  # (N, C, oH, oW, kH*kW)


def _first_inside(spec: PoolSpec) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each window's first input pixel in PyTorch's order: ``(rows (oH, 1), cols (oW,), tap
    (oH, oW))`` in input coordinates, and its tap; ``tap`` is -1 for a window of padding only
    (dilated windows only; PyTorch's row and column are then those it would read, off the
    input)."""
    firsts = []
    for o, s, p, d in zip(spec.out_spatial, spec.stride, spec.padding, spec.dilation):
        start = np.arange(o) * s - p
        steps = np.maximum(-(start // d), 0)  # taps that fall before the input
        firsts.append((start + steps * d, steps))
    (row, row_tap), (col, col_tap) = firsts
    inside = (row < spec.in_spatial[0])[:, None] & (col < spec.in_spatial[1])
    tap = np.where(inside, row_tap[:, None] * spec.kernel[1] + col_tap, -1)
    return row[:, None], col, tap


def _max_taps(x: np.ndarray, spec: PoolSpec) -> tuple[np.ndarray, np.ndarray]:
    """``(y, tap)``, each ``(N, C, oH, oW)``: the maxima and the winning taps, PyTorch's way (the
    module docstring); ``tap`` is -1 where a window holds padding only."""
    windows = _max_windows(x, spec)  # (N, C, oH, oW, T)
    tap = windows.argmax(axis=-1)  # the first maximum; never padding unless the max is -inf
    nan = np.isnan(windows)
    last_nan = windows.shape[-1] - 1 - nan[..., ::-1].argmax(axis=-1)
    tap = np.where(nan.any(axis=-1), last_nan, tap)
    _, _, first = _first_inside(spec)  # (oH, oW)
    y = np.take_along_axis(windows, tap[..., None], axis=-1)[..., 0]
    tap = np.where(y == -np.inf, first, tap)  # all -inf: the first input pixel, not padding
    return y, tap


def _winners(x: np.ndarray, spec: PoolSpec) -> tuple[np.ndarray, np.ndarray, bool]:
    """``(y, tap, byte)``: :func:`_max_taps`'s result, by the non-overlapping fast path
    (:mod:`convgrad._blockpool`) or the taps path (:mod:`convgrad.kernels.pool_taps`) where
    one applies (``byte`` True: ``tap`` is uint8, ``pool_taps.NONE`` for no winner), else by
    the general one (``tap`` -1 for no winner)."""
    if _blockpool.applies(spec):
        y, tap = _blockpool.max_taps(x, spec)
        if tap is not None:
            return y, tap, True
    if _pool_taps.applies(spec):
        y, tap = _pool_taps.max_taps(x, spec)
        return y, tap, True
    y, tap = _max_taps(x, spec)
    return y, tap, False


def _scatter_winners(dy: np.ndarray, shape: tuple[int, ...], tap: np.ndarray, spec: PoolSpec):
    """The general backward: ``dy (N, C, oH, oW)`` added onto the winning pixels of a zero
    ``dx`` of ``shape``; overlapping windows accumulate (``np.add.at``)."""
    N, C, H, W = shape
    row, col = _tap_position(tap, spec)  # in the input
    won = tap >= 0
    plane = np.arange(N * C).reshape(N, C, 1, 1)
    flat = (plane * H + row) * W + col  # index into the input, flattened
    dx = np.zeros(N * C * H * W, dtype=dy.dtype)
    np.add.at(dx, flat[won], dy[won])  # overlapping windows accumulate
    return dx.reshape(N, C, H, W)


def _tap_position(tap: np.ndarray, spec: PoolSpec) -> tuple[np.ndarray, np.ndarray]:
    """The input row and column (``(N, C, oH, oW)`` each) of each window's tap."""
    kW = spec.kernel[1]
    (sH, sW), (dH, dW), (pH, pW) = spec.stride, spec.dilation, spec.padding
    row = np.arange(spec.out_spatial[0])[:, None] * sH - pH + tap // kW * dH
    col = np.arange(spec.out_spatial[1]) * sW - pW + tap % kW * dW
    return row, col


@_args.aliases(x="input")
@_args.ieee
def max_pool2d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """2-D max pooling (PyTorch's ``max_pool2d``); padding counts as ``-inf``.

    Args:
        input: ``x (N, C, H, W)`` or unbatched ``(C, H, W)`` (also accepted as ``x``).
        kernel_size, stride, padding, dilation: an int or 2 ints; ``stride`` defaults to
            ``kernel_size``; ``padding <= kernel_size // 2``.
        ceil_mode: round the output size up rather than down (see the module docstring).
        return_indices: also return where each maximum was, as PyTorch does: ``row * W + col``
            in the input plane, int64.

    Returns:
        y: ``(N, C, H_out, W_out)`` with
        ``out = floor_or_ceil((in + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1``;
        ``(y, indices)`` with ``return_indices``.

    A NaN in a window makes its output NaN; the module docstring says which pixel wins.

    >>> import numpy as np
    >>> x = np.arange(16.0).reshape(1, 1, 4, 4)
    >>> max_pool2d(x, 2)
    array([[[[ 5.,  7.],
             [13., 15.]]]])
    >>> max_pool2d(x, 2, return_indices=True)[1]
    array([[[[ 5,  7],
             [13, 15]]]])
    """
    if not isinstance(return_indices, bool | np.bool_):
        raise TypeError(
            f"max_pool2d: return_indices must be True or False; got {return_indices!r:.80}"
        )
    xb, _, out = prepare("max_pool2d", input)
    spec = pool_spec("max_pool2d", xb, kernel_size, stride, padding, dilation, ceil_mode)
    if not return_indices and _blockpool.applies(spec):
        return finish(_blockpool.max_forward(xb, spec), out, np.ndim(input) == 4)
    if not return_indices and _pool_taps.applies(spec):
        return finish(_pool_taps.max_forward(xb, spec), out, np.ndim(input) == 4)
    y, tap, byte = _winners(xb, spec)
    y = finish(y, out, np.ndim(input) == 4)
    if not return_indices:
        return y
    if byte:
        tap = np.where(tap == _pool_taps.NONE, -1, tap.astype(np.intp))
    row, col = _tap_position(tap, spec)
    first_row, first_col, _ = _first_inside(spec)
    row, col = np.where(tap < 0, first_row, row), np.where(tap < 0, first_col, col)
    indices = (row * spec.in_spatial[1] + col).astype(np.int64)
    return y, (indices if np.ndim(input) == 4 else indices[0])


@_args.ieee
def max_pool2d_backward(dy, x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    """Gradient of :func:`max_pool2d` with respect to ``x``: ``dx`` shaped like ``x``.

    Each ``dy`` value goes to the pixel that won its window (by PyTorch's rule, in the module
    docstring); a pixel that wins several overlapping windows collects all their values; a
    window of padding only passes nothing on.

    >>> import numpy as np
    >>> x = np.array([[[[1.0, 3.0, 2.0], [0.0, 3.0, 1.0]]]])
    >>> max_pool2d_backward(np.ones((1, 1, 1, 2)), x, 2, stride=1)
    array([[[[0., 2., 0.],
             [0., 0., 0.]]]])
    """
    return max_pool2d_backward_saved(dy, x, None, kernel_size, stride, padding, dilation, ceil_mode)


@_args.ieee
def max_pool2d_saving(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    """:func:`max_pool2d`'s ``y`` and what its backward can reuse, for layers that keep it:
    ``(y, saved)``; pass ``saved`` to :func:`max_pool2d_backward_saved` with the same ``x``.

    ``saved`` is the winning taps (uint8) of the non-overlapping fast path
    (:mod:`convgrad._blockpool`) or of the taps path (:mod:`convgrad.kernels.pool_taps`), or
    None where the general path would run (windows of 255 taps or more: the backward then finds
    the winners again).

    >>> import numpy as np
    >>> y, saved = max_pool2d_saving(np.arange(16.0).reshape(1, 1, 4, 4), 2)
    >>> max_pool2d_backward_saved(np.ones_like(y), np.arange(16.0).reshape(1, 1, 4, 4), saved, 2)
    array([[[[0., 0., 0., 0.],
             [0., 1., 0., 1.],
             [0., 0., 0., 0.],
             [0., 1., 0., 1.]]]])
    """
    xb, _, out = prepare("max_pool2d", x)
    spec = pool_spec("max_pool2d", xb, kernel_size, stride, padding, dilation, ceil_mode)
    y, tap, byte = _winners(xb, spec)
    return finish(y, out, np.ndim(x) == 4), (tap if byte else None)


@_args.ieee
def max_pool2d_backward_saved(
    dy, x, saved, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False
):
    """:func:`max_pool2d_backward` reusing ``saved`` from :func:`max_pool2d_saving` on the
    same ``x`` (None: the winners are found again)."""
    fn = "max_pool2d_backward"
    xb, (dyb,), out = prepare(fn, x, dy)
    spec = pool_spec(fn, xb, kernel_size, stride, padding, dilation, ceil_mode)
    check_dy(fn, dy, (*xb.shape[:2], *spec.out_spatial), np.ndim(x) == 4)
    if saved is None:
        _, saved, byte = _winners(xb, spec)  # (N, C, oH, oW)
    else:
        byte = True
        if saved.shape != dyb.shape or saved.dtype != np.uint8:
            raise ValueError(
                f"{fn}: saved must be the (N, C, oH, oW) uint8 taps of max_pool2d_saving for "
                f"this x; got shape {saved.shape}, dtype {saved.dtype}"
            )
    if byte and _blockpool.applies(spec):
        dx = _blockpool.max_backward(dyb, saved, xb.shape, spec)
    elif byte:
        dx = _pool_taps.max_backward(dyb, saved, xb.shape, spec)
    else:
        dx = _scatter_winners(dyb, xb.shape, saved, spec)
    return finish(dx, out, np.ndim(x) == 4)


# --- average pooling ----------------------------------------------------------------------------


def avg_pool_divisor(spec: PoolSpec, count_include_pad: bool) -> np.ndarray:
    """``(oH, oW)``: how many positions each window's sum is divided by (PyTorch's rule).

    A window starts at ``p*s - padding`` in input coordinates and is clipped to end by
    ``in + padding``; with ``count_include_pad`` its size counts the padding it covers,
    without it only the input pixels.

    >>> spec = PoolSpec((3, 3), (2, 2), (1, 1), (1, 1), (6, 6), (4, 4))  # ceil_mode
    >>> avg_pool_divisor(spec, True)[0].tolist(), avg_pool_divisor(spec, False)[0].tolist()
    ([9, 9, 9, 6], [4, 6, 6, 2])
    """
    sizes = []
    for o, s, p, k, size in zip(
        spec.out_spatial, spec.stride, spec.padding, spec.kernel, spec.in_spatial, strict=True
    ):
        start = np.arange(o) * s - p
        end = np.minimum(start + k, size + p)
        if count_include_pad:
            sizes.append(end - start)
        else:
            sizes.append(np.minimum(end, size) - np.maximum(start, 0))
    return np.outer(*sizes)


def _avg_setup(fn, args, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor):
    """``args`` is ``(x,)`` or ``(x, dy)``."""
    xb, rest, out = prepare(fn, *args)
    spec = pool_spec(fn, xb, kernel_size, stride, padding, 1, ceil_mode)
    if not isinstance(count_include_pad, bool | np.bool_):
        raise TypeError(f"{fn}: count_include_pad must be True or False; got {count_include_pad!r}")
    if divisor is not None:
        if not _args._is_int(divisor) or divisor == 0:
            raise ValueError(
                f"{fn}: divisor_override must be a nonzero int or None; got {divisor!r}"
            )
        div = np.full(spec.out_spatial, divisor)
    else:
        div = avg_pool_divisor(spec, bool(count_include_pad))
    return xb, rest, out, spec, div.astype(xb.dtype)


@_args.aliases(x="input")
@_args.ieee
def avg_pool2d(
    input,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    """2-D average pooling (PyTorch's ``avg_pool2d``); padding counts as zeros.

    Args:
        input: ``x (N, C, H, W)`` or unbatched ``(C, H, W)`` (also accepted as ``x``).
        kernel_size, stride, padding: an int or 2 ints; ``stride`` defaults to ``kernel_size``;
            ``padding <= kernel_size // 2``.
        ceil_mode: round the output size up (see the module docstring).
        count_include_pad: whether padded positions count in a window's divisor.
        divisor_override: divide every window's sum by this int instead.

    Returns:
        y: ``(N, C, H_out, W_out)`` with
        ``out = floor_or_ceil((in + 2 * padding - kernel) / stride) + 1``.

    >>> import numpy as np
    >>> avg_pool2d(np.arange(16.0).reshape(1, 1, 4, 4), 2)
    array([[[[ 2.5,  4.5],
             [10.5, 12.5]]]])
    """
    x = input
    xb, _, out, spec, div = _avg_setup(
        "avg_pool2d", (x,), kernel_size, stride, padding, ceil_mode, count_include_pad,
        divisor_override,
    )  # fmt: skip
    if _blockpool.applies(spec):  # non-overlapping windows inside the input: no padding
        return finish(_blockpool.avg_forward(xb, spec, div), out, np.ndim(x) == 4)
    xp = _np.pad(xb, spec.pairs, "zeros")
    y = np.zeros((*xb.shape[:2], *spec.out_spatial), dtype=xb.dtype)
    for tap in np.ndindex(*spec.kernel):  # one strided slice per kernel tap, never per pixel
        y += _np.tap_view(xp, tap, spec.stride, spec.dilation, spec.out_spatial)
    return finish(y / div, out, np.ndim(x) == 4)


@_args.ieee
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
    """Gradient of :func:`avg_pool2d` with respect to ``x``: ``dx`` shaped like ``x``.

    Every position of window ``p`` receives ``dy[p] / divisor[p]``; the padding's share is
    dropped.

    >>> import numpy as np
    >>> avg_pool2d_backward(np.ones((1, 1, 1, 1)), np.zeros((1, 1, 2, 2)), 2)
    array([[[[0.25, 0.25],
             [0.25, 0.25]]]])
    """
    fn = "avg_pool2d_backward"
    xb, (dyb,), out, spec, div = _avg_setup(
        fn, (x, dy), kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
    )
    N, C, H, W = xb.shape
    check_dy(fn, dy, (N, C, *spec.out_spatial), np.ndim(x) == 4)
    g = dyb / div  # (N, C, oH, oW)
    if _blockpool.applies(spec):
        return finish(_blockpool.avg_backward(g, xb.shape, spec), out, np.ndim(x) == 4)
    (top, bottom), (left, right) = spec.pairs
    dxp = np.zeros((N, C, H + top + bottom, W + left + right), dtype=xb.dtype)
    for tap in np.ndindex(*spec.kernel):
        window = _np.tap_slices(tap, spec.stride, (1, 1), spec.out_spatial)
        dxp[(slice(None), slice(None), *window)] += g
    dx = dxp[:, :, top : top + H, left : left + W]
    return finish(np.ascontiguousarray(dx), out, np.ndim(x) == 4)


# --- adaptive average pooling -------------------------------------------------------------------


def adaptive_output_size(fn: str, x: np.ndarray, output_size: object) -> tuple[int, int]:
    """``output_size`` (an int, or 2 ints or Nones, None keeping the input's size) as 2 ints."""
    _args.check_input(fn, x, 2, "C")
    if isinstance(output_size, list | tuple) and len(output_size) == 2:
        sizes = tuple(x.shape[-2 + i] if s is None else s for i, s in enumerate(output_size))
    else:
        sizes = output_size  # type: ignore[assignment]
    out = _args.ntuple(fn, "output_size", sizes, 2, 1)
    _args.check_size(fn, "the output", (*x.shape[:-2], *out), "output_size")
    return out  # type: ignore[return-value]


def adaptive_bounds(size: int, out: int) -> list[tuple[int, int]]:
    """The ``[start, end)`` input range that each of ``out`` positions averages.

    >>> adaptive_bounds(5, 3)
    [(0, 2), (1, 4), (3, 5)]
    """
    return [(i * size // out, -(-(i + 1) * size // out)) for i in range(out)]


def _window_means(a: np.ndarray, axis: int, out: int) -> np.ndarray:
    """``a`` with ``axis`` reduced to ``out`` window means (adaptive pooling along one axis)."""
    shape = list(a.shape)
    shape[axis] = out
    means = np.empty(shape, a.dtype)
    where = [slice(None)] * a.ndim
    for i, (start, end) in enumerate(adaptive_bounds(a.shape[axis], out)):
        where[axis] = slice(start, end)
        window = a[tuple(where)]
        where[axis] = slice(i, i + 1)
        np.mean(window, axis=axis, keepdims=True, out=means[tuple(where)])
    return means


def _window_spread(g: np.ndarray, axis: int, size: int) -> np.ndarray:
    """The adjoint of :func:`_window_means`: each window's ``g / len`` added over its window."""
    shape = list(g.shape)
    shape[axis] = size
    out = np.zeros(shape, dtype=g.dtype)
    where = [slice(None)] * g.ndim
    for i, (start, end) in enumerate(adaptive_bounds(size, g.shape[axis])):
        where[axis] = slice(i, i + 1)
        share = g[tuple(where)] / (end - start)
        where[axis] = slice(start, end)
        out[tuple(where)] += share
    return out


def _averaging(size: int, out: int, dtype: np.dtype) -> np.ndarray:
    """``(size, out)``: column ``i`` holds ``1 / len`` on window ``i``'s positions, else 0."""
    a = np.zeros((size, out), dtype)
    for i, (start, end) in enumerate(adaptive_bounds(size, out)):
        a[start:end, i] = 1 / (end - start)
    return a


def _adaptive_by_products(a: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """``first.T @ plane @ second`` for each plane of ``a (N, C, H, W)``, as two products over
    all planes at once: ``(N * C * H, W) @ second``, then, with the planes' sides swapped,
    ``(N * C * oW, H) @ first``. ``first`` is ``(H, oH)``, ``second`` ``(W, oW)``."""
    n, c, h, w = a.shape
    (oh, ow) = first.shape[1], second.shape[1]
    rows = (a.reshape(-1, w) @ second).reshape(n * c, h, ow)
    swapped = np.ascontiguousarray(rows.transpose(0, 2, 1)).reshape(-1, h)
    out = (swapped @ first).reshape(n * c, ow, oh)
    return np.ascontiguousarray(out.transpose(0, 2, 1)).reshape(n, c, oh, ow)


def _adaptive_spread_by_products(
    g: np.ndarray, first: np.ndarray, second: np.ndarray
) -> np.ndarray:
    """The adjoint of :func:`_adaptive_by_products`: ``first @ plane @ second.T`` for each plane
    of ``g (N, C, oH, oW)``, ordered so that the last product writes ``(N, C, H, W)`` whole:
    ``(N * C * oW, oH) @ first.T``, then ``(N * C * H, oW) @ second.T``."""
    n, c, oh, ow = g.shape
    h, w = first.shape[0], second.shape[0]
    swapped = np.ascontiguousarray(g.transpose(0, 1, 3, 2)).reshape(-1, oh)
    cols = (swapped @ first.T).reshape(n * c, ow, h)
    rows = np.ascontiguousarray(cols.transpose(0, 2, 1)).reshape(-1, ow)
    return (rows @ second.T).reshape(n, c, h, w)


def _adaptive_blocks(x: np.ndarray, out: tuple[int, int]) -> PoolSpec | None:
    """The non-overlapping blocks that adaptive pooling to ``out`` averages when the input's
    sides divide by the output's (then window ``i`` is rows ``i * H / oH`` to ``(i + 1) * H /
    oH``), as a pooling spec; else ``None``."""
    (h, w), (oh, ow) = x.shape[-2:], out
    if h % oh or w % ow:
        return None
    kernel = (h // oh, w // ow)
    return PoolSpec(kernel, kernel, (0, 0), (1, 1), (h, w), out)


@_args.aliases(x="input")
@_args.ieee
def adaptive_avg_pool2d(input, output_size):
    """2-D adaptive average pooling (PyTorch's ``adaptive_avg_pool2d``).

    Args:
        input: ``x (N, C, H, W)`` or unbatched ``(C, H, W)`` (also accepted as ``x``).
        output_size: an int or ``(oH, oW)``; None in either place keeps that input size.

    Returns:
        y: ``(N, C, oH, oW)``; output row ``i`` averages input rows
        ``floor(i * H / oH) : ceil((i + 1) * H / oH)``, and likewise for columns.

    >>> import numpy as np
    >>> adaptive_avg_pool2d(np.arange(6.0).reshape(1, 1, 2, 3), 1)
    array([[[[2.5]]]])
    """
    xb, _, out = prepare("adaptive_avg_pool2d", input)
    oH, oW = adaptive_output_size("adaptive_avg_pool2d", xb, output_size)
    blocks = _adaptive_blocks(xb, (oH, oW))
    if (oH, oW) == (1, 1):  # global average pooling: one mean over each plane
        y = (_np.row_sums(xb) / (xb.shape[2] * xb.shape[3]))[:, :, None, None]
    elif blocks is not None and _blockpool.applies(blocks):
        y = _blockpool.avg_forward(xb, blocks, math.prod(blocks.kernel))
    elif _np.finite(xb):  # 0 * NaN is NaN: the products would spread a NaN over its rows
        H, W = xb.shape[2:]
        averaging = (_averaging(H, oH, xb.dtype), _averaging(W, oW, xb.dtype))
        y = _adaptive_by_products(xb, *averaging)
    else:
        y = _window_means(_window_means(xb, 2, oH), 3, oW)  # (N, C, oH, W) then (N, C, oH, oW)
    return finish(y, out, np.ndim(input) == 4)


@_args.ieee
def adaptive_avg_pool2d_backward(dy, x, output_size):
    """Gradient of :func:`adaptive_avg_pool2d` with respect to ``x``: each window's pixels get
    ``dy`` over the window's size.

    >>> import numpy as np
    >>> adaptive_avg_pool2d_backward(np.ones((1, 1, 1, 1)), np.zeros((1, 1, 2, 2)), 1)
    array([[[[0.25, 0.25],
             [0.25, 0.25]]]])
    """
    fn = "adaptive_avg_pool2d_backward"
    xb, (dyb,), out = prepare(fn, x, dy)
    oH, oW = adaptive_output_size(fn, xb, output_size)
    check_dy(fn, dy, (*xb.shape[:2], oH, oW), np.ndim(x) == 4)
    N, C, H, W = xb.shape
    blocks = _adaptive_blocks(xb, (oH, oW))
    if (oH, oW) == (1, 1):  # global average pooling: each plane gets its dy over its size
        dx = np.empty_like(xb)
        planes = dx.reshape(N * C, H * W)  # a copy of one value per row: one long inner loop
        np.copyto(planes, np.broadcast_to((dyb / (H * W)).reshape(N * C, 1), planes.shape))
    elif blocks is not None and _blockpool.applies(blocks):
        dx = _blockpool.avg_backward(dyb / math.prod(blocks.kernel), xb.shape, blocks)
    elif _np.finite(dyb):  # the adjoint: each plane's dy spread by the same averages
        averaging = (_averaging(H, oH, dyb.dtype), _averaging(W, oW, dyb.dtype))
        dx = _adaptive_spread_by_products(dyb, *averaging)
    else:
        dx = _window_spread(_window_spread(dyb, 3, W), 2, H)  # (N, C, oH, W) then (N, C, H, W)
    return finish(dx, out, np.ndim(x) == 4)
