"""Elementwise activations and their gradients: ``relu``, ``leaky_relu``, ``sigmoid``, ``tanh``.

Each takes an array of any shape and returns a new one of the same shape; each ``*_backward``
takes the upstream gradient ``dy`` and the forward's arguments and returns ``dx``, the
elementwise product of ``dy`` with the derivative:

- ``relu(x) = max(x, 0)``: ``dx = dy * [x > 0]`` (zero at ``x == 0``, as PyTorch);
- ``leaky_relu(x) = x if x > 0 else slope * x``: ``dx = dy * (1 if x > 0 else slope)`` (``slope``
  at ``x == 0``, as PyTorch);
- ``sigmoid(x) = 1 / (1 + exp(-x))``: ``dx = dy * y * (1 - y)`` with ``y = sigmoid(x)``;
  ``exp(-x)`` overflows to infinity for very negative ``x``, and ``1 / inf`` is 0;
- ``tanh(x)``: ``dx = dy * (1 - y**2)`` with ``y = tanh(x)``.

Dtypes follow :mod:`convgrad._args` (float32 stays float32; ints compute in float64). All but
``relu`` run as :mod:`convgrad.kernels.pointwise`'s blocks, PyTorch's formulas without branches.
"""

from __future__ import annotations

import numpy as np

from . import _args, _np
from .kernels import accel, pointwise
from .kernels import parallel as _parallel

_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def _prepare(fn: str, *arrays: object) -> tuple[list[np.ndarray], np.dtype]:
    names = ("x",) if len(arrays) == 1 else ("dy", "x")
    checked = [_args.as_array(fn, name, a) for name, a in zip(names, arrays, strict=True)]
    if len(checked) == 2 and checked[0].shape != checked[1].shape:
        raise ValueError(
            f"{fn}: dy must have the shape of x, {checked[1].shape}; got shape {checked[0].shape}"
        )
    compute, out = _args.result_dtype(*checked)
    return [a.astype(compute, copy=False) for a in checked], out


def _check_inplace(fn: str, inplace: object) -> None:
    """PyTorch's ``inplace`` flag: only False. convgrad never modifies its inputs, so code that
    relies on ``inplace=True`` must use the returned array instead; it is refused, not ignored."""
    if not isinstance(inplace, bool | np.bool_):
        raise TypeError(f"{fn}: inplace must be True or False; got {inplace!r:.80}")
    if inplace:
        raise ValueError(
            f"{fn}: inplace=True is not supported: convgrad never modifies its inputs; "
            f"use the returned array (inplace=False)"
        )


@_args.aliases(x="input")
@_args.ieee
def relu(input, inplace=False):
    """``max(x, 0)``, elementwise. ``input`` (PyTorch's name) is also accepted as ``x``;
    ``inplace`` must be False.

    >>> import numpy as np
    >>> relu(np.array([-1.0, 0.0, 2.0]))
    array([0., 0., 2.])
    """
    _check_inplace("relu", inplace)
    (x,), out = _prepare("relu", input)
    shape, x = x.shape, np.atleast_1d(x)
    y = np.empty_like(x)  # laid out as x (channels last too)
    _parallel.over_parts(len(x), lambda p: _np.relu_into(x[p], y[p]), x.size)
    return y.reshape(shape).astype(out, copy=False)


@_args.ieee
def relu_backward(dy, x):
    """``dx = dy * [x > 0]``; no gradient passes at ``x == 0``; at ``x = nan`` it passes, as
    PyTorch's.

    >>> import numpy as np
    >>> relu_backward(np.ones(3), np.array([-1.0, 0.0, 2.0]))
    array([0., 0., 1.])
    """
    (dy, x), out = _prepare("relu_backward", dy, x)
    shape, dy, x = x.shape, np.atleast_1d(dy), np.atleast_1d(x)
    if dy.dtype in _FLOATS and x.dtype == dy.dtype and (fast := accel.numba_kernels("norm")):
        result = accel.run("relu_backward", fast.relu_backward, dy, x)
        if result is not None:  # None: numba failed, and is off now
            return result.reshape(shape).astype(out, copy=False)
    dx = np.empty_like(x, dy.dtype)
    finite = _np.finite(dy)  # one decision for every share
    _parallel.over_parts(len(x), lambda p: _relu_backward_into(dy[p], x[p], dx[p], finite), x.size)
    return dx.reshape(shape).astype(out, copy=False)


def _relu_backward_into(dy: np.ndarray, x: np.ndarray, dx: np.ndarray, finite: bool) -> np.ndarray:
    """:func:`relu_backward` into ``dx`` (returned), unchecked: ``dy``, ``x`` and ``dx`` of one
    shape, ``finite`` whether every value of ``dy`` is (the caller decides once for all its
    shares: the two ways differ in the sign of some zeros)."""
    passes = np.less_equal(x, 0)
    np.logical_not(passes, out=passes)  # x > 0, or NaN: a NaN passes its gradient, as PyTorch's
    if finite:  # then dy * 0 is 0: a multiply, 8x faster than np.where
        return np.multiply(dy, passes, out=dx)
    np.copyto(dx, np.where(passes, dy, 0))  # a NaN or infinite dy must not leak where x <= 0
    return dx


def _check_slope(fn: str, negative_slope: object) -> float:
    if isinstance(negative_slope, bool) or not isinstance(negative_slope, int | float):
        raise TypeError(f"{fn}: negative_slope must be a number; got {negative_slope!r:.80}")
    return float(negative_slope)


@_args.aliases(x="input")
@_args.ieee
def leaky_relu(input, negative_slope=0.01, inplace=False):
    """``x`` where ``x > 0``, else ``negative_slope * x``. ``input`` is also accepted as ``x``;
    ``inplace`` must be False.

    >>> import numpy as np
    >>> leaky_relu(np.array([-2.0, 3.0]), 0.5)
    array([-1.,  3.])
    """
    slope = _check_slope("leaky_relu", negative_slope)
    _check_inplace("leaky_relu", inplace)
    (x,), out = _prepare("leaky_relu", input)
    return pointwise.forward("leaky_relu", x, slope).astype(out, copy=False)


@_args.ieee
def leaky_relu_backward(dy, x, negative_slope=0.01):
    """``dx = dy`` where ``x > 0``, else ``negative_slope * dy`` (``x == 0`` included).

    >>> import numpy as np
    >>> leaky_relu_backward(np.ones(3), np.array([-2.0, 0.0, 3.0]), 0.5)
    array([0.5, 0.5, 1. ])
    """
    slope = _check_slope("leaky_relu_backward", negative_slope)
    (dy, x), out = _prepare("leaky_relu_backward", dy, x)
    return pointwise.backward("leaky_relu", dy, x, slope).astype(out, copy=False)


@_args.aliases(x="input")
@_args.ieee
def sigmoid(input):
    """``1 / (1 + exp(-x))``, without overflow for large ``|x|``; ``input`` is also ``x``.

    >>> import numpy as np
    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    """
    (x,), out = _prepare("sigmoid", input)
    return pointwise.forward("sigmoid", x).astype(out, copy=False)


@_args.ieee
def sigmoid_backward(dy, x):
    """``dx = dy * y * (1 - y)`` with ``y = sigmoid(x)``.

    >>> import numpy as np
    >>> sigmoid_backward(np.ones(1), np.zeros(1))
    array([0.25])
    """
    (dy, x), out = _prepare("sigmoid_backward", dy, x)
    y = pointwise.forward("sigmoid", x)
    return pointwise.backward("sigmoid", dy, y).astype(out, copy=False)


@_args.aliases(x="input")
@_args.ieee
def tanh(input):
    """``tanh(x)``, elementwise; ``input`` (PyTorch's name) is also accepted as ``x``.

    >>> import numpy as np
    >>> tanh(np.zeros(2))
    array([0., 0.])
    """
    (x,), out = _prepare("tanh", input)
    return pointwise.forward("tanh", x).astype(out, copy=False)


@_args.ieee
def tanh_backward(dy, x):
    """``dx = dy * (1 - y**2)`` with ``y = tanh(x)``.

    >>> import numpy as np
    >>> tanh_backward(np.ones(1), np.zeros(1))
    array([1.])
    """
    (dy, x), out = _prepare("tanh_backward", dy, x)
    y = pointwise.forward("tanh", x)
    return pointwise.backward("tanh", dy, y).astype(out, copy=False)
