"""Batch normalisation, forward and backward, in training and in evaluation.

Shapes: ``x (N, C, *spatial)`` (``(N, C)``, ``(N, C, L)``, ``(N, C, H, W)``...); ``weight`` (gamma),
``bias`` (beta), ``running_mean`` and ``running_var`` are ``(C,)``. Statistics are per channel,
over the ``M = N * prod(spatial)`` values of that channel.

Forward: ``y = weight * xhat + bias`` with ``xhat = (x - mean) / sqrt(var + eps)``, where ``mean``
and ``var`` are the batch's own (``var`` biased, divided by ``M``) in training, or when there are
no running statistics, and ``running_mean`` and ``running_var`` otherwise.

Backward. ``dbias = sum(dy)`` and ``dweight = sum(dy * xhat)`` over each channel's ``M`` values.
With fixed (running) statistics, ``dx = dy * weight / sqrt(var + eps)``. With batch statistics
``mean`` and ``var`` depend on ``x`` too; writing ``g = dy * weight`` (the gradient at ``xhat``),
``d mean / d x = 1 / M`` and ``d var / d x = 2 (x - mean) / M`` give, after collecting terms,

    dx = (g - mean(g) - xhat * mean(g * xhat)) / sqrt(var + eps)

with the means over the channel's ``M`` values: the part of ``g`` that a shift or a scaling of
the channel would explain is removed. (:mod:`convgrad.reference` spells out the chain rule
through ``mean`` and ``var`` step by step.)

Running statistics. Unlike PyTorch's ``F.batch_norm``, which updates ``running_mean`` and
``running_var`` in place, :func:`batch_norm` never modifies its inputs; :func:`batch_norm_stats`
returns the updated statistics:
``new = (1 - momentum) * running + momentum * batch``, with the *unbiased* batch variance
(divided by ``M - 1``), as PyTorch's.
"""

from __future__ import annotations

import math
import numbers
from types import ModuleType
from typing import NamedTuple

import numpy as np

from . import _args, _np, activations
from .kernels import accel
from .kernels import parallel as _parallel


class BatchNormGrads(NamedTuple):
    """Gradients of :func:`batch_norm`: ``dx`` like ``x``, ``dweight`` and ``dbias`` ``(C,)``."""

    dx: np.ndarray
    dweight: np.ndarray
    dbias: np.ndarray


class BatchNormResidualGrads(NamedTuple):
    """Gradients of :func:`batch_norm_relu_saving` with a residual: :class:`BatchNormGrads`'
    and ``dresidual`` like ``x``."""

    dx: np.ndarray
    dweight: np.ndarray
    dbias: np.ndarray
    dresidual: np.ndarray


_NO_DY = object()  # the forward's checks: no dy at all (None is a bad dy)


def _check(fn, x, running_mean, running_var, weight, bias, eps, dy=_NO_DY, training=False):
    _args.check_flag(fn, "training", training)
    x = _args.as_array(fn, "x", x)
    extra = [] if dy is _NO_DY else [_args.as_array(fn, "dy", dy)]
    if x.ndim < 2:
        raise ValueError(f"{fn}: x must be (N, C, *spatial), at least 2-D; got shape {x.shape}")
    C = x.shape[1]
    named = {"running_mean": running_mean, "running_var": running_var}
    named |= {"weight": weight, "bias": bias}
    arrays = {}
    for name, value in named.items():
        if value is not None:
            a = _args.as_array(fn, name, value)
            if a.shape != (C,):
                raise ValueError(
                    f"{fn}: {name} must have shape ({C},), one value per channel of x "
                    f"(shape {x.shape}); got shape {a.shape}"
                )
            arrays[name] = a
    if (running_mean is None) != (running_var is None):
        raise ValueError(f"{fn}: running_mean and running_var must be given together or not at all")
    if isinstance(eps, bool) or not isinstance(eps, numbers.Real):
        raise TypeError(f"{fn}: eps must be a number >= 0; got {eps!r:.80}")
    if not 0 <= eps < math.inf:
        raise ValueError(f"{fn}: eps must be a finite number >= 0; got {eps!r:.80}")
    if extra:
        _args.check_dy(fn, extra[0], x.shape)
        arrays["dy"] = extra[0]
    compute, out = _args.result_dtype(x, *arrays.values())
    cast = {k: v.astype(compute, copy=False) for k, v in arrays.items()}
    return x.astype(compute, copy=False), cast, out


def _channels(x: np.ndarray) -> tuple[int, ...]:
    """The axes every channel's statistics run over: all but axis 1."""
    return (0, *range(2, x.ndim))


def _per_channel(a: np.ndarray, ndim: int) -> np.ndarray:
    """``(C,)`` as ``(1, C, 1, ..., 1)``, to broadcast against ``(N, C, *spatial)``."""
    return a.reshape(1, -1, *(1,) * (ndim - 2))


def _statistics(x, arrays, training) -> tuple[np.ndarray, np.ndarray]:
    """The mean and variance that normalise ``x``, broadcastable to it."""
    if training or "running_mean" not in arrays:
        values = math.prod(x.shape) // x.shape[1]
        if values < 2:
            raise ValueError(
                f"batch_norm: batch statistics (training, or no running statistics) need more "
                f"than 1 value per channel; got x shape {x.shape}"
            )
        mean = x.mean(axis=_channels(x), keepdims=True)
        return mean, ((x - mean) ** 2).mean(axis=_channels(x), keepdims=True)
    return (
        _per_channel(arrays["running_mean"], x.ndim),
        _per_channel(arrays["running_var"], x.ndim),
    )


def _check_channels(x: np.ndarray, fn: str) -> None:
    """Batch statistics are per channel: ``x`` needs one (``M`` divides by their number)."""
    if x.shape[1] == 0:
        raise ValueError(
            f"{fn}: batch statistics need at least 1 channel in x (axis 1); got shape {x.shape}"
        )


def _check_values(x: np.ndarray) -> None:
    """Batch statistics need a channel, and two values per channel (the unbiased variance
    divides by M - 1)."""
    _check_channels(x, "batch_norm")
    if x.size // x.shape[1] < 2:
        raise ValueError(
            f"batch_norm: batch statistics (training, or no running statistics) need more "
            f"than 1 value per channel; got x shape {x.shape}"
        )


# --- training mode in few passes ------------------------------------------------------------
#
# With batch statistics the forward and backward are a few passes over x, each a NumPy call that
# reads or writes whole arrays; per-channel sums read (N, C, L) rows (L = prod(spatial), the
# contiguous axis: pairwise sums), per-channel dot products are batched row-by-row products
# (np.matmul of (N, C, 1, L) and (N, C, L, 1)). The forward keeps xhat, which is all the backward
# needs:
#
#   forward   mean: 1 read; xc = x - mean: 1 read, 1 write; var = <xc, xc> / M: 1 read;
#             xhat = xc * inv_std in place: 1 read, 1 write; y = xhat * w + b: 2 reads, 2 writes
#   backward  dbias = sum(dy): 1 read; dweight = <dy, xhat>: 2 reads;
#             dx = scale * dy - k * xhat - c, with scale = w * inv_std, k = scale * dweight / M
#             and c = scale * dbias / M (the docstring's formula, mean(g) = w * dbias / M and
#             mean(g * xhat) = w * dweight / M): 4 passes.
#
# The general formulas above took 9 passes (and 2 more in batch_norm_stats) forward and about
# 14 backward, and the backward first recomputed the statistics.


class BatchNormSaved(NamedTuple):
    """What a training-mode forward keeps for its backward: ``xhat`` like ``x``; the batch's
    ``mean``, biased ``var`` and ``inv_std = 1 / sqrt(var + eps)``, each ``(C,)``."""

    xhat: np.ndarray
    mean: np.ndarray
    var: np.ndarray
    inv_std: np.ndarray


def _rows(a: np.ndarray) -> np.ndarray:
    return a.reshape(a.shape[0], a.shape[1], -1)  # (N, C, L)


def _channel_sums(a: np.ndarray) -> np.ndarray:
    """``(C,)``: the sum of each channel of ``a (N, C, *spatial)``: each (image, channel)
    row's dot product with ones (:func:`convgrad._np.row_dots`, as :func:`_channel_dots`), then
    over the images. Not the BLAS's ``gemv`` (:func:`convgrad._np.row_sums`): it sums a row in
    an order that depends on the row's place among the others, and a share of the channels on
    a thread must give the bits the whole gives. us NumPy's pairwise sum a row / the dots, one
    thread, hot cache (a scratch script, 2026-12-02): (32, 16, 28, 28) float32 90.1 / 33.0,
    (32, 128, 7, 7) 105.6 / 50.7, (32, 32, 8, 8) 31.5 / 16.9, (32, 64, 4, 4) 37.8 / 21.6."""
    if a.size == a.shape[0] * a.shape[1]:  # no positions: a column per channel
        return a.reshape(a.shape[:2]).sum(axis=0)
    rows = _rows(a)
    if a.dtype in _FLOATS:  # each row's dot product with ones: its bits wherever the row is
        return _np.row_dots(rows, np.ones(rows.shape[2], a.dtype)).sum(axis=0)
    return rows.sum(axis=2).sum(axis=0)


def _channel_dots(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``(C,)``: ``sum(a * b)`` over each channel, without the product array: a dot product
    per (image, channel) row (:func:`convgrad._np.row_dots`), summed over the images; without
    positions, one ``einsum`` over the columns (``BatchNorm1d`` on ``(256, 1024)`` float32,
    forward + backward, one thread: 1.56 ms with rows of one number, 1.47 with the columns)."""
    if a.size == a.shape[0] * a.shape[1]:
        return np.einsum("nc,nc->c", a.reshape(a.shape[:2]), b.reshape(b.shape[:2]))
    return _np.row_dots(_rows(a), _rows(b)).sum(axis=0)


def _fast(x: np.ndarray, *arrays: np.ndarray | None) -> ModuleType | None:
    """numba's batch norm (:mod:`convgrad.kernels.norm_numba`) when the accelerator is on and
    every array is float32 or float64; else ``None``.

    Without positions (``BatchNorm1d`` on ``(N, C)``) a channel is a column of ``x``: walked
    channel by channel with a stride of ``C`` the compiled kernel lost (forward + backward,
    float32, one thread, ms NumPy / numba: ``(128, 512)`` 0.38 / 0.93); summed row by row into
    arrays of ``C`` (then ``_bn_forward_columns``; now ``norm_numba._bn_forward_rows``, a few
    rows at a time) it won (2026-11-30, a scratch script, medians of 3 rounds of 40, an Intel
    Xeon VM): ``(256, 1024)`` 1.24 / 0.54, ``(128, 512)`` 0.32 / 0.10, ``(32, 256)`` 0.107 /
    0.030, ``(1024, 64)`` 0.37 / 0.11, ``(64, 4096)`` 1.23 / 0.65."""
    if any(a is not None and a.dtype not in _FLOATS for a in (x, *arrays)):
        return None
    return accel.numba_kernels("norm")


_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def _widened(
    xs: np.ndarray, xh: np.ndarray, mean: np.ndarray, var: np.ndarray, inv_std: np.ndarray,
    eps: float,
) -> None:  # fmt: skip
    """The statistics of the channels of ``xs (N, C, *spatial)`` whose float32 sums overflowed,
    again in float64, into ``mean``, ``var``, ``inv_std`` ``(C,)`` and ``xh = xs - mean``.

    Values past about 1.8e19 square to more than float32 holds (past 3.4e38 / M, their sum
    does): ``var`` is then inf and ``xhat`` 0, or NaN, where the float64 statistics, and numba's
    kernel (which sums in float64), normalise them. A channel holding an infinity stays
    non-finite in float64 too.
    """
    bad = ~(np.isfinite(mean) & np.isfinite(var))
    M = xs.size // xs.shape[1]
    wide = xs[:, bad].astype(np.float64)
    mean64 = _channel_sums(wide) / M
    wide -= _per_channel(mean64, wide.ndim)
    var64 = _channel_dots(wide, wide) / M
    with np.errstate(over="ignore", invalid="ignore"):  # a variance past float32's range: inf
        mean[bad], var[bad] = mean64, var64
        inv_std[bad] = 1 / np.sqrt(var64 + eps)
        xh[:, bad] = xs[:, bad] - _per_channel(mean[bad], xs.ndim)


# The passes of each part below run with NumPy's buffers one (image, channel) row long
# (_np.row_loops, rows of 256 to 8,191 numbers), so that an operand repeated per channel,
# (1, C, 1) where channel_plane would not repeat it, is not copied through NumPy's buffers a
# few rows at a time. Layer and group norm come here as (1, rows, D). Forward + backward, one
# thread, float32, CPU ms default / row-long buffers (a scratch script, medians of 15):
# (1, 6272, 256) 11.5 / 9.9, (1, 1024, 1568) 10.9 / 6.1, (1, 256, 6272) 8.0 / 7.3,
# (32, 64, 28, 28) 8.9 / 8.7, (32, 128, 8, 8) 1.7 / 1.8 (under 256: unchanged). On 2 threads,
# wall ms, alternating, medians of 21: 6.08 / 5.86, 5.39 / 4.35, 5.00 / 5.14, and (32, 64, 28,
# 28) 6.13 / 6.16, (8, 256, 28, 28) 5.74 / 6.00 (within this machine's noise).


def _train_forward(
    x: np.ndarray, weight: np.ndarray | None, bias: np.ndarray | None, eps: float,
    output: bool = True, relu: bool = False, residual: np.ndarray | None = None,
) -> tuple[np.ndarray | None, BatchNormSaved]:  # fmt: skip
    """``(y, saved)`` with the batch's statistics (``y`` None unless ``output``); the channels
    are shared among the threads when ``x`` is large (each channel's passes are its own), or
    compiled with numba when the accelerator is on (:mod:`convgrad.kernels.norm_numba`).
    ``residual`` (shaped as ``x``): added to ``y``, before ``relu``: ``y`` is then ``relu(y)``
    (numba's kernel writes it in the same pass)."""
    if (fast := _fast(x, weight, bias, residual)) is not None:
        result = accel.run(
            "batch_norm", fast.batch_norm_forward, x, weight, bias, eps, relu, residual
        )
        if result is not None:  # None: numba failed, and is off now
            y, xhat, mean, var, inv_std = result
            return (y if output else None), BatchNormSaved(xhat, mean, var, inv_std)
    if residual is not None:
        y, saved = _train_forward(x, weight, bias, eps)
        assert y is not None
        y = _np.add(y, residual)  # the tape's sum, laid out as it lays out; a new array
        return (_np.relu_into(y, y) if relu else y), saved
    M = x.size // x.shape[1]
    dtype = np.result_type(x.dtype, 1.0)  # that of x - mean
    xhat = np.empty(x.shape, dtype)
    y = None
    if output:
        y = np.empty(x.shape, dtype if weight is None else np.result_type(dtype, weight))

    def part(cs: slice) -> tuple[np.ndarray, ...]:
        with _np.row_loops(M // x.shape[0]):  # NumPy's buffers a row long: the comment above
            return channels(cs)

    def channels(cs: slice) -> tuple[np.ndarray, ...]:
        xs, xh = x[:, cs], xhat[:, cs]
        # summed in float64, rounded once: a float32 sum's rounding, divided by a small
        # standard deviation, was 1e-5 of xhat (3 values about 2.7 +- 0.02; torch 3e-6).
        # einsum's float64 sum took 22 us where sum(axis=2, dtype=float64) took 40 on
        # (32, 32, 8, 8), 199 and 263 on (32, 32, 28, 28)
        mean = (np.einsum("ncl->c", _rows(xs), dtype=np.float64) / M).astype(xhat.dtype)
        np.subtract(xs, _np.channel_plane(mean, xs), out=xh)
        var = _channel_dots(xh, xh) / M
        inv_std = 1 / np.sqrt(var + eps)
        if xs.dtype != np.float64 and not (np.isfinite(mean).all() and np.isfinite(var).all()):
            _widened(xs, xh, mean, var, inv_std, eps)
        xh *= _np.channel_plane(inv_std, xh)
        if y is not None:
            ys = y[:, cs]
            if weight is None:
                ys[...] = xh
            else:
                np.multiply(xh, _np.channel_plane(weight[cs], xh), out=ys)
            if bias is not None:
                ys += _np.channel_plane(bias[cs], ys)
            if relu:  # in place, while the share is in cache
                _np.relu_into(ys, ys)
        return mean, var, inv_std

    parts = _parallel.over_parts(x.shape[1], part, x.size)
    mean, var, inv_std = (np.concatenate(a) for a in zip(*parts))
    return y, BatchNormSaved(xhat, mean, var, inv_std)


def _widened_means(
    dys: np.ndarray, xh: np.ndarray, mean_dy: np.ndarray, mean_dy_xhat: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``mean(dy)`` and ``mean(dy * xhat)`` ``(C,)``, taken again in float64 for the channels
    whose float32 sums overflowed: ``dbias`` is then inf, rightly, but ``dx`` subtracts only the
    means, which fit (numba's kernel sums in float64 too). A channel holding an infinity stays
    non-finite."""
    bad = ~(np.isfinite(mean_dy) & np.isfinite(mean_dy_xhat))
    M = dys.size // dys.shape[1]
    wide = dys[:, bad].astype(np.float64)
    mean_dy, mean_dy_xhat = mean_dy.copy(), mean_dy_xhat.copy()
    with np.errstate(over="ignore", invalid="ignore"):
        mean_dy[bad] = _channel_sums(wide) / M
        mean_dy_xhat[bad] = _channel_dots(wide, xh[:, bad].astype(np.float64)) / M
    return mean_dy, mean_dy_xhat


def _train_backward(
    dy: np.ndarray, saved: BatchNormSaved, weight: np.ndarray | None, y: np.ndarray | None = None,
    residual: bool = False,
) -> tuple[np.ndarray, ...]:  # fmt: skip
    """``(dx, dweight, dbias)`` of a training-mode forward that kept ``saved``; the channels
    shared among the threads as in the forward. ``y``: the output of a forward with ``relu``,
    whose ReLU's backward comes first (inside numba's kernel). ``residual``: the gradient of
    the forward's residual fourth, ``dy`` after the ReLU's backward."""
    xhat = saved.xhat
    M = xhat.size // xhat.shape[1]
    scale = saved.inv_std if weight is None else weight * saved.inv_std
    if (fast := _fast(dy, xhat, scale)) is not None:
        result = accel.run(
            "batch_norm_backward", fast.batch_norm_backward, dy, xhat, scale, y, residual
        )
        if result is not None:  # None: numba failed, and is off now
            return result
    dx = np.empty(dy.shape, np.result_type(dy, scale))
    if y is not None and (residual or y.dtype != dx.dtype):
        dy, y = activations.relu_backward(dy, y), None
        if residual:
            return (*_train_backward(dy, saved, weight), dy)
    # else the ReLU's backward runs in each share, into dx (which then holds the masked dy)
    finite = y is None or _np.finite(dy)  # relu_backward's: one decision for all shares

    def part(cs: slice) -> tuple[np.ndarray, np.ndarray]:
        with _np.row_loops(M // dy.shape[0]):  # as the forward's
            return channels(cs)

    def channels(cs: slice) -> tuple[np.ndarray, np.ndarray]:
        dys, xh, dxs, sc = dy[:, cs], xhat[:, cs], dx[:, cs], scale[cs]
        if y is not None:  # the ReLU's backward first, into dx's share
            dys = activations._relu_backward_into(dys, y[:, cs], dxs, finite)
        dbias = _channel_sums(dys)
        dweight = _channel_dots(dys, xh)
        mean_dy, mean_dy_xhat = dbias / M, dweight / M
        overflowed = not (np.isfinite(dbias).all() and np.isfinite(dweight).all())
        if overflowed and dys.dtype != np.float64:
            mean_dy, mean_dy_xhat = _widened_means(dys, xh, mean_dy, mean_dy_xhat)
        np.multiply(dys, _np.channel_plane(sc, dys), out=dxs)
        dxs -= np.multiply(xh, _np.channel_plane(sc * mean_dy_xhat, xh))
        dxs -= _np.channel_plane(sc * mean_dy, dxs)
        return dweight, dbias

    parts = _parallel.over_parts(dy.shape[1], part, dy.size)
    dweight, dbias = (np.concatenate(a) for a in zip(*parts))
    return dx, dweight, dbias


@_args.ieee
def batch_norm_saving(x, weight=None, bias=None, eps=1e-5):
    """:func:`batch_norm` with the batch's statistics (``training=True``), and what its backward
    needs, for layers that keep it: ``(y, saved)``; see :func:`batch_norm_backward_saved` and
    :func:`running_stats`. ``saved`` is a :class:`BatchNormSaved`.

    >>> import numpy as np
    >>> y, saved = batch_norm_saving(np.array([[1.0], [3.0]]), eps=0.0)
    >>> y.ravel().tolist(), saved.mean.tolist(), saved.var.tolist()
    ([-1.0, 1.0], [2.0], [1.0])
    """
    x, arrays, out = _check("batch_norm", x, None, None, weight, bias, eps, training=True)
    _check_values(x)
    y, saved = _train_forward(x, arrays.get("weight"), arrays.get("bias"), eps)
    assert y is not None
    return y.astype(out, copy=False), saved


@_args.ieee
def batch_norm_backward_saved(dy, saved, weight=None):
    """:func:`batch_norm_backward` (``training=True``) from the ``saved`` of
    :func:`batch_norm_saving`: ``BatchNormGrads(dx, dweight, dbias)``.

    >>> import numpy as np
    >>> y, saved = batch_norm_saving(np.array([[1.0], [3.0]]))
    >>> batch_norm_backward_saved(np.ones((2, 1)), saved).dx.ravel().tolist()
    [0.0, 0.0]
    """
    fn = "batch_norm_backward"
    if not isinstance(saved, BatchNormSaved):
        raise TypeError(f"{fn}: saved must be the BatchNormSaved of batch_norm_saving")
    xhat = saved.xhat
    _, arrays, out = _check(fn, xhat, None, None, weight, None, 1.0, dy, True)
    dx, dweight, dbias = _train_backward(arrays["dy"], saved, arrays.get("weight"))
    return BatchNormGrads(
        dx.astype(out, copy=False),
        dweight.astype(out, copy=False),
        dbias.astype(out, copy=False),
    )


@_args.ieee
def batch_norm_relu_saving(x, weight=None, bias=None, eps=1e-5, residual=None):
    """``relu(batch_norm(x))`` with the batch's statistics, and what the backward needs:
    ``(y, saved)`` as :func:`batch_norm_saving`'s, ``y`` after the ReLU. With ``residual`` (an
    array shaped as ``x``), ``relu(batch_norm(x) + residual)``: the end of ResNet's basic block.
    With the accelerator
    (``convgrad[fast]``) the ReLU is applied in the pass that writes ``y``, and its backward
    inside batch norm's (:func:`batch_norm_relu_backward_saved`): a training step's ``BatchNorm2d``
    followed by ``ReLU`` makes two passes fewer each way, and two arrays fewer. In NumPy the
    ReLU runs in place on ``y``, and its backward into ``dx``'s memory, a share of channels at a
    time: two arrays fewer, and no layer between. The same values as the two functions one after
    the other.

    >>> import numpy as np
    >>> y, saved = batch_norm_relu_saving(np.array([[1.0], [3.0]]), eps=0.0)
    >>> y.ravel().tolist()
    [0.0, 1.0]
    """
    x, arrays, out = _check("batch_norm", x, None, None, weight, bias, eps, training=True)
    _check_values(x)
    if residual is not None:
        residual = _args.as_array("batch_norm", "residual", residual)
        if residual.shape != x.shape:
            raise ValueError(
                f"batch_norm: residual must have the shape of x, {x.shape}; got shape "
                f"{residual.shape}"
            )
        compute, out = _args.result_dtype(x, residual, *arrays.values())
        residual = residual.astype(compute, copy=False)
    w, b = arrays.get("weight"), arrays.get("bias")
    y, saved = _train_forward(x, w, b, eps, relu=True, residual=residual)
    assert y is not None
    return y.astype(out, copy=False), saved


@_args.ieee
def batch_norm_relu_backward_saved(dy, y, saved, weight=None, residual=False):
    """The backward of :func:`batch_norm_relu_saving`, from its output ``y`` and ``saved``:
    ``BatchNormGrads(dx, dweight, dbias)``, ``dy`` passing where ``y > 0`` (or is NaN), as
    :func:`convgrad.activations.relu_backward` then :func:`batch_norm_backward_saved`. With
    ``residual=True`` (a forward with a residual), ``BatchNormResidualGrads``: the residual's
    gradient, ``dresidual``, fourth.

    >>> import numpy as np
    >>> y, saved = batch_norm_relu_saving(np.array([[1.0], [3.0]]), eps=0.0)
    >>> batch_norm_relu_backward_saved(np.ones((2, 1)), y, saved).dbias.tolist()  # 1 of 2 passed
    [1.0]
    """
    fn = "batch_norm_backward"
    if not isinstance(saved, BatchNormSaved):
        raise TypeError(f"{fn}: saved must be the BatchNormSaved of batch_norm_relu_saving")
    xhat = saved.xhat
    _, arrays, out = _check(fn, xhat, None, None, weight, None, 1.0, dy, True)
    y = _args.as_array(fn, "y", y)
    if y.shape != xhat.shape:
        raise ValueError(f"{fn}: y must have the shape of x, {xhat.shape}; got shape {y.shape}")
    _args.check_flag(fn, "residual", residual)
    grads = _train_backward(arrays["dy"], saved, arrays.get("weight"), y, residual)
    cast = (g.astype(out, copy=False) for g in grads)
    return BatchNormResidualGrads(*cast) if residual else BatchNormGrads(*cast)


def running_stats(saved, running_mean, running_var, momentum):
    """:func:`batch_norm_stats` from the statistics a forward kept (``saved``), without reading
    ``x`` again: ``(new_mean, new_var)`` in the running statistics' dtypes, the unbiased
    variance ``var * M / (M - 1)``.

    >>> import numpy as np
    >>> _, saved = batch_norm_saving(np.array([[1.0], [3.0]]))
    >>> running_stats(saved, np.zeros(1), np.ones(1), momentum=0.5)
    (array([1.]), array([1.5]))
    """
    _args.check_real("running_stats", "momentum", momentum)
    M = saved.xhat.size // saved.xhat.shape[1]
    rm, rv = np.asarray(running_mean), np.asarray(running_var)
    unbiased = saved.var * (M / (M - 1))
    return (
        ((1 - momentum) * rm + momentum * saved.mean).astype(rm.dtype),
        ((1 - momentum) * rv + momentum * unbiased).astype(rv.dtype),
    )


@_args.aliases(x="input")
@_args.ieee
def batch_norm(
    input,
    running_mean=None,
    running_var=None,
    weight=None,
    bias=None,
    training=False,
    momentum=0.1,
    eps=1e-5,
):
    """Batch normalisation (PyTorch's ``batch_norm``, without its in-place running update).

    Args:
        input: ``x (N, C, *spatial)`` (PyTorch's name; ``x`` is accepted too).
        running_mean, running_var: ``(C,)``, or both None (then batch statistics are used);
            optional here, where PyTorch requires them.
        weight, bias: ``(C,)`` or None (ones and zeros).
        training: normalise with the batch's statistics rather than the running ones.
        momentum: unused here (see :func:`batch_norm_stats`); kept for PyTorch's signature.
        eps: added to the variance.

    Returns:
        y: shaped like ``x``.

    >>> import numpy as np
    >>> batch_norm(np.array([[1.0], [3.0]]), training=True, eps=0.0)
    array([[-1.],
           [ 1.]])
    """
    if momentum is not None:  # unused, as PyTorch's without running statistics to update
        _args.check_real("batch_norm", "momentum", momentum)
    x, arrays, out = _check(
        "batch_norm", input, running_mean, running_var, weight, bias, eps, training=training
    )
    if training or "running_mean" not in arrays:
        _check_values(x)
        y = _train_forward(x, arrays.get("weight"), arrays.get("bias"), eps)[0]
    else:
        y = _general_forward(x, arrays, training, eps)
    return y.astype(out, copy=False)


def _general_forward(x, arrays, training, eps) -> np.ndarray:
    """The forward by its defining formulas: the twin that :func:`_train_forward` is tested
    against, and the evaluation-mode forward."""
    mean, var = _statistics(x, arrays, training)
    y = (x - mean) / np.sqrt(var + eps)
    if "weight" in arrays:
        y *= _per_channel(arrays["weight"], x.ndim)
    if "bias" in arrays:
        y += _per_channel(arrays["bias"], x.ndim)
    return y


@_args.ieee
def batch_norm_backward(
    dy, x, running_mean=None, running_var=None, weight=None, training=False, eps=1e-5
):
    """Gradients of :func:`batch_norm`: ``BatchNormGrads(dx, dweight, dbias)``.

    ``dy`` and ``x`` are ``(N, C, *spatial)``; ``dweight`` and ``dbias`` are ``(C,)``, the gradients
    of a weight and bias whether or not the forward pass had them (as ones and zeros).

    >>> import numpy as np
    >>> x = np.array([[1.0], [3.0]])
    >>> batch_norm_backward(np.ones((2, 1)), x, training=True).dx  # a shift changes nothing
    array([[0.],
           [0.]])
    """
    fn = "batch_norm_backward"
    x, arrays, out = _check(fn, x, running_mean, running_var, weight, None, eps, dy, training)
    dy = arrays["dy"]
    if training or "running_mean" not in arrays:
        _check_values(x)
        _, saved = _train_forward(x, None, None, eps, output=False)
        dx, dweight, dbias = _train_backward(dy, saved, arrays.get("weight"))
    else:
        dx, dweight, dbias = _general_backward(dy, x, arrays, training, eps)
    return BatchNormGrads(
        dx.astype(out, copy=False),
        dweight.astype(out, copy=False),
        dbias.astype(out, copy=False),
    )


def _general_backward(dy, x, arrays, training, eps) -> tuple[np.ndarray, ...]:
    """The backward by the formulas of the module docstring: the twin of :func:`_train_backward`,
    and the backward with fixed statistics."""
    axes = _channels(x)
    mean, var = _statistics(x, arrays, training)
    inv_std = 1 / np.sqrt(var + eps)
    xhat = (x - mean) * inv_std
    gamma = _per_channel(arrays["weight"], x.ndim) if "weight" in arrays else 1
    g = dy * gamma  # the gradient at xhat
    if training or "running_mean" not in arrays:
        g_mean = g.mean(axis=axes, keepdims=True)
        dx = (g - g_mean - xhat * (g * xhat).mean(axis=axes, keepdims=True)) * inv_std
    else:
        dx = g * inv_std
    return dx, (dy * xhat).sum(axis=axes), dy.sum(axis=axes)


@_args.ieee
def batch_norm_stats(x, running_mean, running_var, momentum=0.1):
    """The running statistics after one training step on ``x``: ``(new_mean, new_var)``.

    ``new = (1 - momentum) * running + momentum * batch``, with the unbiased batch variance.
    ``x (N, C, *spatial)``; ``running_mean``, ``running_var`` and the results are ``(C,)``, in
    their own dtype.

    >>> import numpy as np
    >>> batch_norm_stats(np.array([[1.0], [3.0]]), np.zeros(1), np.ones(1), momentum=0.5)
    (array([1.]), array([1.5]))
    """
    fn = "batch_norm_stats"
    if running_mean is None or running_var is None:
        raise ValueError(f"{fn}: running_mean and running_var must be arrays; got None")
    x, arrays, _ = _check(fn, x, running_mean, running_var, None, None, 1.0)
    _args.check_real(fn, "momentum", momentum)
    _check_channels(x, fn)
    values = math.prod(x.shape) // x.shape[1]
    if values < 2:
        raise ValueError(
            f"{fn}: the unbiased variance needs more than 1 value per channel; "
            f"got x shape {x.shape}"
        )
    mean = x.mean(axis=_channels(x))
    var = ((x - _per_channel(mean, x.ndim)) ** 2).sum(axis=_channels(x)) / (values - 1)
    rm, rv = np.asarray(running_mean), np.asarray(running_var)
    return (
        ((1 - momentum) * arrays["running_mean"] + momentum * mean).astype(rm.dtype),
        ((1 - momentum) * arrays["running_var"] + momentum * var).astype(rv.dtype),
    )
