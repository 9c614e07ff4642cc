"""The rest of a Tensor's methods, and ``cat``, ``stack``, ``maximum``: ops on the tape.

:mod:`convgrad.autograd.engine` holds the tape itself (``backward``, ``record``) and the
arithmetic; these are more ops of the same kind, each computing its result with NumPy and
recording, through :func:`~convgrad.autograd.engine.record`, the backward written right below
it. :class:`TensorMethods` is a base class of :class:`~convgrad.autograd.engine.Tensor`.

>>> import numpy as np
>>> from convgrad.autograd import engine
>>> x = engine.tensor(np.array([[1.0, -2.0], [3.0, 0.5]]), requires_grad=True)
>>> y = x.relu().mean(1).log().sum()   # mean over rows, then log: d/dx = relu'(x) / (2 * mean)
>>> y.backward(); x.grad
array([[1.        , 0.        ],
       [0.28571429, 0.28571429]])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from . import engine

if TYPE_CHECKING:
    from .engine import Tensor

_T = TypeVar("_T", bound="TensorMethods")  # the Tensor a method that returns itself is called on


class TensorMethods:
    """Reductions, elementwise functions, shapes, comparisons and dtypes of a Tensor."""

    if TYPE_CHECKING:  # what these methods use of the Tensor they are part of

        @property
        def data(self) -> np.ndarray: ...
        @property
        def shape(self) -> tuple[int, ...]: ...
        @property
        def ndim(self) -> int: ...
        @property
        def dtype(self) -> np.dtype: ...
        def sum(self, dim: Any = None, keepdim: bool = False) -> Tensor: ...
        def reshape(self, *shape: Any) -> Tensor: ...
        def __add__(self, other: Any) -> Tensor: ...
        def __sub__(self, other: Any) -> Tensor: ...
        def __rsub__(self, other: Any) -> Tensor: ...
        def __mul__(self, other: Any) -> Tensor: ...
        def __truediv__(self, other: Any) -> Tensor: ...
        def __pow__(self, exponent: Any) -> Tensor: ...
        def __matmul__(self, other: Any) -> Tensor: ...

    def __bool__(self) -> bool:
        return bool(self.data)

    __hash__ = object.__hash__  # identity, as PyTorch's (comparisons below are elementwise)

    def __eq__(self, other: Any) -> Tensor:  # type: ignore[override]
        return engine.Tensor(self.data == _value(other))

    def __ne__(self, other: Any) -> Tensor:  # type: ignore[override]
        return engine.Tensor(self.data != _value(other))

    def __lt__(self, other: Any) -> Tensor:
        return engine.Tensor(self.data < _value(other))

    def __le__(self, other: Any) -> Tensor:
        return engine.Tensor(self.data <= _value(other))

    def __gt__(self, other: Any) -> Tensor:
        return engine.Tensor(self.data > _value(other))

    def __ge__(self, other: Any) -> Tensor:
        return engine.Tensor(self.data >= _value(other))

    def zero_(self: _T) -> _T:
        self.data[...] = 0
        return self

    def fill_(self: _T, value: Any) -> _T:
        self.data[...] = value
        return self

    def copy_(self: _T, src: Any) -> _T:
        self.data[...] = _value(src)
        return self

    def add(self, other: Any) -> Tensor:
        return self + other

    def sub(self, other: Any) -> Tensor:
        return self - other

    def mul(self, other: Any) -> Tensor:
        return self * other

    def div(self, other: Any) -> Tensor:
        return self / other

    def pow(self, exponent: Any) -> Tensor:
        return self**exponent

    def matmul(self, other: Any) -> Tensor:
        return self @ other

    def mean(self, dim: Any = None, keepdim: bool = False, *, axis: Any = None,
             keepdims: bool | None = None) -> Tensor:  # fmt: skip
        axes = engine._axes(self.ndim, dim if axis is None else axis)
        count = math.prod([self.shape[i] for i in axes])
        return self.sum(axes, bool(keepdims or keepdim)) / count

    def var(self, dim: Any = None, keepdim: bool = False, *, correction: int = 1) -> Tensor:
        """Variance over ``dim``, divided by ``count - correction`` (PyTorch's default 1)."""
        axes = engine._axes(self.ndim, dim)
        count = math.prod([self.shape[i] for i in axes])
        centred = self - self.mean(axes, keepdim=True)
        return (centred * centred).sum(axes, keepdim) / max(count - correction, 0)

    def std(self, dim: Any = None, keepdim: bool = False, *, correction: int = 1) -> Tensor:
        return self.var(dim, keepdim, correction=correction) ** 0.5

    def exp(self) -> Tensor:
        y = np.exp(self.data)
        return engine.record(y, (self,), lambda g: (g * y,))

    def log(self) -> Tensor:
        x = self.data
        return engine.record(np.log(x), (self,), lambda g: (g / x,))

    def sqrt(self) -> Tensor:
        return self**0.5

    def abs(self) -> Tensor:
        x = self.data
        return engine.record(np.abs(x), (self,), lambda g: (g * np.sign(x),))

    def maximum(self, other: Any) -> Tensor:
        """Elementwise maximum; where the two are equal the gradient is split, as PyTorch's."""
        return maximum(self, other)

    def relu(self) -> Tensor:
        x = self.data
        return engine.record(np.maximum(x, 0), (self,), lambda g: (np.where(x > 0, g, 0),))

    def clamp(self, min: Any = None, max: Any = None) -> Tensor:
        """Clip to ``[min, max]``; the gradient passes where the value was kept (ends included,
        as PyTorch's)."""
        x = self.data
        kept = np.ones(x.shape, dtype=bool)
        if min is not None:
            kept &= x >= min
        if max is not None:
            kept &= x <= max
        return engine.record(np.clip(x, min, max), (self,), lambda g: (np.where(kept, g, 0),))

    def max(self, dim: int | None = None, keepdim: bool = False) -> Any:
        """The maximum: of everything (a Tensor; ties share the gradient evenly), or along
        ``dim`` (``(values, indices)``; the gradient goes to the first maximum), as PyTorch's."""
        return _extreme(self, dim, keepdim, np.argmax)

    def min(self, dim: int | None = None, keepdim: bool = False) -> Any:
        return _extreme(self, dim, keepdim, np.argmin)

    def argmax(self, dim: int | None = None, keepdim: bool = False) -> Tensor:
        return engine.Tensor(np.argmax(self.data, axis=dim, keepdims=keepdim))

    def argmin(self, dim: int | None = None, keepdim: bool = False) -> Tensor:
        return engine.Tensor(np.argmin(self.data, axis=dim, keepdims=keepdim))

    def sigmoid(self) -> Tensor:
        from ..nn import functional

        return functional.sigmoid(self)

    def tanh(self) -> Tensor:
        from ..nn import functional

        return functional.tanh(self)

    def softmax(self, dim: int) -> Tensor:
        from ..nn import functional

        return functional.softmax(self, dim)

    def log_softmax(self, dim: int) -> Tensor:
        from ..nn import functional

        return functional.log_softmax(self, dim)

    def __getitem__(self, index: Any) -> Tensor:
        index = index.data if isinstance(index, engine.Tensor) else index
        shape, dtype = self.shape, self.dtype

        def backward(g: np.ndarray) -> tuple[np.ndarray]:
            dx = np.zeros(shape, dtype=dtype)
            np.add.at(dx, index, g)  # an element picked twice collects both gradients
            return (dx,)

        return engine.record(self.data[index], (self,), backward)

    def flatten(self, start_dim: int = 0, end_dim: int = -1) -> Tensor:
        if self.ndim == 0:
            return self.reshape(1)
        start, end = start_dim % self.ndim, end_dim % self.ndim
        shape = self.shape
        return self.reshape(*shape[:start], math.prod(shape[start : end + 1]), *shape[end + 1 :])

    def unsqueeze(self, dim: int) -> Tensor:
        dim = dim % (self.ndim + 1)
        return self.reshape(*self.shape[:dim], 1, *self.shape[dim:])

    def squeeze(self, dim: int | None = None) -> Tensor:
        if dim is None:
            return self.reshape(tuple(s for s in self.shape if s != 1))
        dim = dim % self.ndim
        if self.shape[dim] != 1:
            return self.reshape(self.shape)  # nothing to squeeze: the same shape
        return self.reshape(*self.shape[:dim], *self.shape[dim + 1 :])

    def expand(self, *sizes: Any) -> Tensor:
        """Broadcast to ``sizes`` (-1 keeps a size); the gradient sums back (sum-to-shape)."""
        sizes = tuple(sizes[0]) if len(sizes) == 1 and isinstance(sizes[0], tuple | list) else sizes
        lead = len(sizes) - self.ndim
        shape = tuple(
            self.shape[i - lead] if s == -1 else s for i, s in enumerate(sizes)
        )  # (*sizes)
        old = self.shape
        y = np.broadcast_to(self.data, shape)
        return engine.record(y, (self,), lambda g: (engine.sum_to_shape(g, old),))

    def expand_as(self, other: Any) -> Tensor:
        return self.expand(*np.shape(_value(other)))

    def split(self, split_size: Any, dim: int = 0) -> tuple[Tensor, ...]:
        """Pieces of ``split_size`` along ``dim`` (the last may be shorter), or of the sizes
        listed; each is an indexing op, so each piece's gradient lands in its slice."""
        dim = dim % self.ndim
        n = self.shape[dim]
        if isinstance(split_size, int):
            sizes = [min(split_size, n - start) for start in range(0, n, split_size)]
        else:
            sizes = list(split_size)
        ends = np.cumsum([0, *sizes])
        lead = (slice(None),) * dim
        return tuple(self[(*lead, slice(a, b))] for a, b in zip(ends[:-1], ends[1:]))

    def chunk(self, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:
        n = self.shape[dim % self.ndim]
        return self.split(-(-n // chunks), dim)

    def permute(self, *dims: Any) -> Tensor:
        order = tuple(dims[0]) if len(dims) == 1 and isinstance(dims[0], tuple | list) else dims
        inverse = tuple(np.argsort(order))  # the permutation that undoes order
        return engine.record(self.data.transpose(order), (self,), lambda g: (g.transpose(inverse),))

    def transpose(self, dim0: int, dim1: int) -> Tensor:
        dims = list(range(self.ndim))
        dims[dim0], dims[dim1] = dims[dim1], dims[dim0]
        return self.permute(*dims)

    @property
    def T(self) -> Tensor:
        return self.permute(*reversed(range(self.ndim)))

    def contiguous(self: _T) -> _T:
        return self

    def to(self: _T, dtype: Any) -> _T:
        """A copy in ``dtype`` (recorded: its gradient is cast back); ``"cpu"`` changes nothing."""
        if isinstance(dtype, str) and dtype == "cpu":
            return self
        source = self.dtype
        return engine.record(self.data.astype(dtype), (self,), lambda g: (g.astype(source),))

    def double(self: _T) -> _T:
        return self.to(np.float64)

    def float(self: _T) -> _T:
        return self.to(np.float32)


def _value(x: Any) -> Any:
    return x.data if isinstance(x, engine.Tensor) else x


def maximum(a: Any, b: Any) -> Tensor:
    """Elementwise maximum of two Tensors (or a Tensor and an array or number).

    >>> x = engine.tensor([1.0, 3.0], requires_grad=True)
    >>> maximum(x, 2.0).sum().backward(); x.grad
    array([0., 1.])
    """
    a, b = engine.as_tensor(a), engine.as_tensor(b)
    y = np.maximum(a.data, b.data)

    def backward(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        wa = (a.data > b.data) + 0.5 * (a.data == b.data)  # ties share the gradient
        return engine.sum_to_shape(g * wa, a.shape), engine.sum_to_shape(g * (1 - wa), b.shape)

    return engine.record(y, (a, b), backward)


def _extreme(t: TensorMethods, dim: int | None, keepdim: bool, arg: Callable[..., Any]) -> Any:
    x = t.data
    if dim is None:
        value = x.max() if arg is np.argmax else x.min()
        ties = x == value

        def backward_all(g: np.ndarray) -> tuple[np.ndarray]:
            return (np.where(ties, g / ties.sum(), 0),)

        return engine.record(np.asarray(value), (t,), backward_all)
    dim = dim % x.ndim
    idx = np.expand_dims(arg(x, axis=dim), dim)  # the first extreme, as PyTorch's CPU kernel
    values = np.take_along_axis(x, idx, axis=dim)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        dx = np.zeros_like(x)
        np.put_along_axis(dx, idx, g if keepdim else np.expand_dims(g, dim), axis=dim)
        return (dx,)

    if keepdim:
        return engine.record(values, (t,), backward), engine.Tensor(idx)
    return engine.record(values.squeeze(dim), (t,), backward), engine.Tensor(idx.squeeze(dim))


def cat(tensors: Sequence[Any], dim: int = 0) -> Tensor:
    """Concatenate along ``dim``; each input's gradient is its slice of the result's.

    >>> cat([engine.tensor(np.zeros((1, 2))), engine.tensor(np.ones((2, 2)))]).shape
    (3, 2)
    """
    if isinstance(tensors, str | np.ndarray | engine.Tensor) or not hasattr(tensors, "__iter__"):
        raise TypeError(f"cat: tensors must be a list or tuple of tensors; got {tensors!r:.60}")
    ts = [engine.as_tensor(t) for t in tensors]
    if not ts:
        raise ValueError("cat: tensors must hold at least one tensor; got none")
    ndim = ts[0].ndim
    if ndim == 0 or any(t.ndim != ndim for t in ts):
        raise ValueError(
            "cat: tensors must all have the same number of dimensions, at least 1; got shapes "
            f"{[t.shape for t in ts][:8]}"
        )
    if isinstance(dim, bool) or not isinstance(dim, int | np.integer) or not -ndim <= dim < ndim:
        raise ValueError(f"cat: dim must be an int in [{-ndim}, {ndim}); got {dim!r:.40}")
    dim = int(dim) % ndim
    ends = np.cumsum([t.shape[dim] for t in ts])[:-1]
    return engine.record(
        np.concatenate([t.data for t in ts], axis=dim),
        ts,
        lambda g: np.split(g, ends, axis=dim),
    )


def stack(tensors: Sequence[Any], dim: int = 0) -> Tensor:
    """Stack along a new dimension ``dim``.

    >>> stack([engine.tensor(np.zeros(2)), engine.tensor(np.ones(2))], dim=1).shape
    (2, 2)
    """
    if isinstance(tensors, str | np.ndarray | engine.Tensor) or not hasattr(tensors, "__iter__"):
        raise TypeError(f"stack: tensors must be a list or tuple of tensors; got {tensors!r:.60}")
    ts = [engine.as_tensor(t) for t in tensors]
    if not ts:
        raise ValueError("stack: tensors must hold at least one tensor; got none")
    ndim = ts[0].ndim + 1
    if isinstance(dim, bool) or not isinstance(dim, int | np.integer) or not -ndim <= dim < ndim:
        raise ValueError(f"stack: dim must be an int in [{-ndim}, {ndim}); got {dim!r:.40}")
    dim = int(dim) % ndim
    return cat([t.unsqueeze(dim) for t in ts], dim)
