"""A small reverse-mode tape: ``Tensor``, a NumPy array that remembers how it was made.

Every operation on Tensors computes its result with NumPy (or with one of convgrad's functions)
and, when gradients are wanted, records on the result two things: its ``parents`` (the Tensors it
was computed from) and a ``backward`` function that turns the gradient of the result into the
gradients of the parents. Each op's backward is written right below its forward; the
convolution, pooling, normalisation and loss ops of :mod:`convgrad.nn.functional` call the
``*_backward`` functions that sit beside their forwards in convgrad.

``loss.backward()`` then walks that graph once, from the loss back to the leaves:

1. order the graph topologically (every Tensor after all the Tensors it was computed from);
2. start with ``d loss / d loss = 1``;
3. visit the Tensors in reverse order: by then a Tensor's gradient is complete (everything that
   used it has passed its share back), so hand it to its ``backward`` and *add* each parent's
   share to that parent's gradient (a Tensor used twice receives two shares);
4. a leaf that ``requires_grad`` (a :class:`~convgrad.nn.Parameter`, or an input made with
   ``requires_grad=True``) accumulates its gradient into ``.grad``, as PyTorch's does;
5. each step, once used, lets go of its parents and of the arrays its backward kept, so memory
   is returned as the walk goes (a second ``backward`` through the same graph is an error).

Broadcasting: ``a + b`` with ``a (3, 4)`` and ``b (4,)`` uses each ``b[j]`` three times, so its
gradient is the sum of the three: :func:`sum_to_shape` sums the broadcast axes away.

Gradients (``.grad``) are NumPy arrays in the Tensor's dtype.

>>> import numpy as np
>>> x = tensor(np.array([1.0, 2.0, 3.0]), requires_grad=True)
>>> y = (x * x).sum() + (2 * x).mean()  # dy/dx = 2 x + 2/3
>>> y.item()
18.0
>>> y.backward(); x.grad.round(4)
array([2.6667, 4.6667, 6.6667])
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

Backward = Callable[[np.ndarray], Sequence[np.ndarray | None]]

_grad_enabled = True


@contextlib.contextmanager
def no_grad() -> Iterator[None]:
    """Inside the block, operations record nothing (evaluation, optimiser updates).

    >>> x = tensor(np.ones(2), requires_grad=True)
    >>> with no_grad():
    ...     (x * 2).requires_grad
    False
    """
    global _grad_enabled
    before, _grad_enabled = _grad_enabled, False
    try:
        yield
    finally:
        _grad_enabled = before


def is_grad_enabled() -> bool:
    """Whether operations record the tape now (False inside :func:`no_grad`)."""
    return _grad_enabled


class Tensor:
    """A NumPy array, ``data``, with the tape entry that made it and (for leaves) its ``grad``.

    Build one with :func:`tensor`. Arithmetic broadcasts as NumPy does; an operand may be a
    Tensor, an array or a number.
    """

    __array_ufunc__ = None  # ``array + tensor`` calls Tensor.__radd__, so the op is recorded

    def __init__(
        self,
        data: Any,
        requires_grad: bool = False,
        parents: tuple[Tensor, ...] = (),
        backward: Backward | None = None,
    ) -> None:
        self.data: np.ndarray = np.asarray(data)
        if requires_grad and self.data.dtype.kind not in "fc":
            raise TypeError(
                f"tensor: requires_grad=True needs a floating-point array; got dtype "
                f"{self.data.dtype}"
            )
        self.requires_grad = bool(requires_grad)
        self.grad: np.ndarray | None = None
        self._parents = parents
        self._backward = backward

    # --- what it is ---

    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def is_leaf(self) -> bool:
        return self._backward is None

    def size(self, dim: int | None = None) -> Any:
        return self.data.shape if dim is None else self.data.shape[dim]

    def numel(self) -> int:
        return int(self.data.size)

    def __len__(self) -> int:
        return len(self.data)

    def item(self) -> Any:
        return self.data.item()

    def numpy(self) -> np.ndarray:
        """The array itself; refused, as PyTorch refuses it, while the Tensor requires grad:
        NumPy code would drop its gradient without a word (``.detach().numpy()`` or ``.data``
        say that is meant)."""
        if self.requires_grad:
            raise RuntimeError(
                "numpy: this tensor requires grad, and NumPy would drop its gradient; use "
                "tensor.detach().numpy() (or .data), or convgrad.nn.functional to keep the tape"
            )
        return self.data

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        a = self.numpy()
        return a if dtype is None else a.astype(dtype)

    def __bool__(self) -> bool:
        return bool(self.data)

    __hash__ = object.__hash__  # identity, as PyTorch's (comparisons below are elementwise)

    def __eq__(self, other: Any) -> Tensor:  # type: ignore[override]
        return Tensor(self.data == _value(other))

    def __ne__(self, other: Any) -> Tensor:  # type: ignore[override]
        return Tensor(self.data != _value(other))

    def __lt__(self, other: Any) -> Tensor:
        return Tensor(self.data < _value(other))

    def __le__(self, other: Any) -> Tensor:
        return Tensor(self.data <= _value(other))

    def __gt__(self, other: Any) -> Tensor:
        return Tensor(self.data > _value(other))

    def __ge__(self, other: Any) -> Tensor:
        return Tensor(self.data >= _value(other))

    def __float__(self) -> float:
        return float(self.data)

    def __repr__(self) -> str:
        grad = ", requires_grad=True" if self.requires_grad else ""
        return f"tensor({np.array2string(self.data, separator=', ')}{grad})"

    def detach(self) -> Tensor:
        """The same data, cut from the tape."""
        return Tensor(self.data)

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        self.requires_grad = bool(requires_grad)
        return self

    def zero_(self) -> Tensor:
        self.data[...] = 0
        return self

    def fill_(self, value: Any) -> Tensor:
        self.data[...] = value
        return self

    def copy_(self, src: Any) -> Tensor:
        self.data[...] = _value(src)
        return self

    # --- the backward pass ---

    def backward(self, grad: Any = None) -> None:
        """Accumulate ``d self / d leaf`` (times ``grad``) into every leaf's ``.grad``.

        ``grad`` is shaped like this Tensor; it may be omitted for a single number (a loss).
        """
        if not self.requires_grad:
            raise RuntimeError("backward: this tensor does not require grad (nothing recorded)")
        if grad is None:
            if self.data.size != 1:
                raise RuntimeError(
                    f"backward: grad can be omitted only for a single number; this tensor has "
                    f"shape {self.shape}"
                )
            grad = np.ones_like(self.data)
        grad = np.asarray(grad.data if isinstance(grad, Tensor) else grad, dtype=self.dtype)
        if grad.shape != self.shape:
            raise ValueError(f"backward: grad must have shape {self.shape}; got {grad.shape}")

        order: list[Tensor] = []  # 1. topological order, by an iterative depth-first search
        seen: set[int] = set()
        stack: list[tuple[Tensor, bool]] = [(self, False)]
        while stack:
            t, parents_done = stack.pop()
            if parents_done:
                order.append(t)
            elif id(t) not in seen:
                seen.add(id(t))
                stack.append((t, True))
                stack.extend((p, False) for p in t._parents if p.requires_grad)

        grads: dict[int, np.ndarray] = {id(self): grad}  # 2. d self / d self
        for t in reversed(order):  # 3. each Tensor after everything that used it
            g = grads.pop(id(t), None)
            if g is None:
                continue
            if t._backward is None:  # 4. a leaf keeps its gradient
                if t.grad is None:
                    t.grad = np.array(g, dtype=t.dtype, copy=True)
                else:
                    t.grad += g
                continue
            for p, gp in zip(t._parents, t._backward(g)):
                if gp is None or not p.requires_grad:
                    continue
                if gp.dtype != p.dtype:
                    gp = gp.astype(p.dtype)
                grads[id(p)] = grads[id(p)] + gp if id(p) in grads else gp
            t._parents, t._backward = (), _freed  # 5. free what the step kept, as PyTorch does

    # --- arithmetic, each op's backward below its forward ---

    def __add__(self, other: Any) -> Tensor:
        a, b = self, as_tensor(other)
        return record(
            a.data + b.data,
            (a, b),
            lambda g: (sum_to_shape(g, a.shape), sum_to_shape(g, b.shape)),
        )

    def __radd__(self, other: Any) -> Tensor:
        return as_tensor(other) + self

    def __sub__(self, other: Any) -> Tensor:
        a, b = self, as_tensor(other)
        return record(
            a.data - b.data,
            (a, b),
            lambda g: (sum_to_shape(g, a.shape), sum_to_shape(-g, b.shape)),
        )

    def __rsub__(self, other: Any) -> Tensor:
        return as_tensor(other) - self

    def __mul__(self, other: Any) -> Tensor:
        a, b = self, as_tensor(other)
        return record(
            a.data * b.data,
            (a, b),
            lambda g: (sum_to_shape(g * b.data, a.shape), sum_to_shape(g * a.data, b.shape)),
        )

    def __rmul__(self, other: Any) -> Tensor:
        return as_tensor(other) * self

    def __truediv__(self, other: Any) -> Tensor:
        a, b = self, as_tensor(other)
        # d(a/b)/da = 1/b, d(a/b)/db = -a/b**2
        return record(
            a.data / b.data,
            (a, b),
            lambda g: (
                sum_to_shape(g / b.data, a.shape),
                sum_to_shape(-g * a.data / (b.data * b.data), b.shape),
            ),
        )

    def __rtruediv__(self, other: Any) -> Tensor:
        return as_tensor(other) / self

    def __neg__(self) -> Tensor:
        return record(-self.data, (self,), lambda g: (-g,))

    def __pow__(self, exponent: Any) -> Tensor:
        a, e = self, as_tensor(exponent)
        y = a.data**e.data

        def backward(g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
            da = sum_to_shape(g * e.data * a.data ** (e.data - 1), a.shape)
            if not e.requires_grad:
                return da, None
            return da, sum_to_shape(g * y * np.log(a.data), e.shape)  # d a**e / de = a**e log a

        return record(y, (a, e), backward)

    def __rpow__(self, base: Any) -> Tensor:
        return as_tensor(base) ** self

    def __matmul__(self, other: Any) -> Tensor:
        a, b = self, as_tensor(other)
        if a.ndim < 2 or b.ndim < 2:
            raise ValueError(
                f"matmul: both operands must be at least 2-D here; got shapes {a.shape}, {b.shape}"
            )
        # y = a @ b: da = g @ b^T, db = a^T @ g, summed over broadcast batch dimensions
        return record(
            a.data @ b.data,
            (a, b),
            lambda g: (
                sum_to_shape(g @ np.swapaxes(b.data, -1, -2), a.shape),
                sum_to_shape(np.swapaxes(a.data, -1, -2) @ g, b.shape),
            ),
        )

    def __rmatmul__(self, other: Any) -> Tensor:
        return as_tensor(other) @ self

    # PyTorch's method names for the same ops
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

    # --- reductions and elementwise functions ---

    def sum(self, dim: Any = None, keepdim: bool = False, *, axis: Any = None,
            keepdims: bool | None = None) -> Tensor:  # fmt: skip
        """Sum over ``dim`` (an int, ints, or None for all); PyTorch's and NumPy's names."""
        axes, keep = _axes(self.ndim, dim if axis is None else axis), bool(keepdims or keepdim)
        shape = self.shape
        # each input element contributed once: its gradient is g, broadcast back
        return record(
            self.data.sum(axis=axes, keepdims=keep),
            (self,),
            lambda g: (np.broadcast_to(np.expand_dims(g, axes) if not keep else g, shape),),
        )

    def mean(self, dim: Any = None, keepdim: bool = False, *, axis: Any = None,
             keepdims: bool | None = None) -> Tensor:  # fmt: skip
        axes = _axes(self.ndim, dim if axis is None else axis)
        count = int(np.prod([self.shape[i] for i in axes]))
        return self.sum(axes, bool(keepdims or keepdim)) / count

    def var(self, dim: Any = None, keepdim: bool = False, *, correction: int = 1) -> Tensor:
        """Variance over ``dim``, divided by ``count - correction`` (PyTorch's default 1)."""
        axes = _axes(self.ndim, dim)
        count = int(np.prod([self.shape[i] for i in axes]))
        centred = self - self.mean(axes, keepdim=True)
        return (centred * centred).sum(axes, keepdim) / max(count - correction, 0)

    def std(self, dim: Any = None, keepdim: bool = False, *, correction: int = 1) -> Tensor:
        return self.var(dim, keepdim, correction=correction) ** 0.5

    def exp(self) -> Tensor:
        y = np.exp(self.data)
        return record(y, (self,), lambda g: (g * y,))

    def log(self) -> Tensor:
        x = self.data
        return record(np.log(x), (self,), lambda g: (g / x,))

    def sqrt(self) -> Tensor:
        return self**0.5

    def abs(self) -> Tensor:
        x = self.data
        return record(np.abs(x), (self,), lambda g: (g * np.sign(x),))

    def maximum(self, other: Any) -> Tensor:
        """Elementwise maximum; where the two are equal the gradient is split, as PyTorch's."""
        return maximum(self, other)

    def relu(self) -> Tensor:
        x = self.data
        return record(np.maximum(x, 0), (self,), lambda g: (np.where(x > 0, g, 0),))

    def clamp(self, min: Any = None, max: Any = None) -> Tensor:
        """Clip to ``[min, max]``; the gradient passes where the value was kept (ends included,
        as PyTorch's)."""
        x = self.data
        kept = np.ones(x.shape, dtype=bool)
        if min is not None:
            kept &= x >= min
        if max is not None:
            kept &= x <= max
        return record(np.clip(x, min, max), (self,), lambda g: (np.where(kept, g, 0),))

    def max(self, dim: int | None = None, keepdim: bool = False) -> Any:
        """The maximum: of everything (a Tensor; ties share the gradient evenly), or along
        ``dim`` (``(values, indices)``; the gradient goes to the first maximum), as PyTorch's."""
        return _extreme(self, dim, keepdim, np.argmax)

    def min(self, dim: int | None = None, keepdim: bool = False) -> Any:
        return _extreme(self, dim, keepdim, np.argmin)

    def argmax(self, dim: int | None = None, keepdim: bool = False) -> Tensor:
        return Tensor(np.argmax(self.data, axis=dim, keepdims=keepdim))

    def argmin(self, dim: int | None = None, keepdim: bool = False) -> Tensor:
        return Tensor(np.argmin(self.data, axis=dim, keepdims=keepdim))

    def sigmoid(self) -> Tensor:
        from .nn import functional

        return functional.sigmoid(self)

    def tanh(self) -> Tensor:
        from .nn import functional

        return functional.tanh(self)

    def softmax(self, dim: int) -> Tensor:
        from .nn import functional

        return functional.softmax(self, dim)

    def log_softmax(self, dim: int) -> Tensor:
        from .nn import functional

        return functional.log_softmax(self, dim)

    # --- shapes ---

    def __getitem__(self, index: Any) -> Tensor:
        index = index.data if isinstance(index, Tensor) else index
        shape, dtype = self.shape, self.dtype

        def backward(g: np.ndarray) -> tuple[np.ndarray]:
            dx = np.zeros(shape, dtype=dtype)
            np.add.at(dx, index, g)  # an element picked twice collects both gradients
            return (dx,)

        return record(self.data[index], (self,), backward)

    def reshape(self, *shape: Any) -> Tensor:
        new = shape[0] if len(shape) == 1 and isinstance(shape[0], tuple | list) else shape
        old = self.shape
        return record(self.data.reshape(new), (self,), lambda g: (g.reshape(old),))

    view = reshape

    def flatten(self, start_dim: int = 0, end_dim: int = -1) -> Tensor:
        if self.ndim == 0:
            return self.reshape(1)
        start, end = start_dim % self.ndim, end_dim % self.ndim
        shape = self.shape
        return self.reshape(*shape[:start], int(np.prod(shape[start : end + 1])), *shape[end + 1 :])

    def unsqueeze(self, dim: int) -> Tensor:
        dim = dim % (self.ndim + 1)
        return self.reshape(*self.shape[:dim], 1, *self.shape[dim:])

    def squeeze(self, dim: int | None = None) -> Tensor:
        if dim is None:
            return self.reshape(tuple(s for s in self.shape if s != 1))
        dim = dim % self.ndim
        if self.shape[dim] != 1:
            return self
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
        return record(y, (self,), lambda g: (sum_to_shape(g, old),))

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
        return record(self.data.transpose(order), (self,), lambda g: (g.transpose(inverse),))

    def transpose(self, dim0: int, dim1: int) -> Tensor:
        dims = list(range(self.ndim))
        dims[dim0], dims[dim1] = dims[dim1], dims[dim0]
        return self.permute(*dims)

    @property
    def T(self) -> Tensor:
        return self.permute(*reversed(range(self.ndim)))

    def contiguous(self) -> Tensor:
        return self

    # --- dtypes ---

    def to(self, dtype: Any) -> Tensor:
        """A copy in ``dtype`` (recorded: its gradient is cast back); ``"cpu"`` changes nothing."""
        if isinstance(dtype, str) and dtype == "cpu":
            return self
        source = self.dtype
        return record(self.data.astype(dtype), (self,), lambda g: (g.astype(source),))

    def double(self) -> Tensor:
        return self.to(np.float64)

    def float(self) -> Tensor:
        return self.to(np.float32)


def _freed(g: np.ndarray) -> Sequence[np.ndarray | None]:
    raise RuntimeError(
        "backward: this graph was already walked by an earlier backward(), which freed it; "
        "run the forward pass again"
    )


def tensor(data: Any, requires_grad: bool = False, dtype: Any = None) -> Tensor:
    """A new leaf Tensor holding a copy of ``data`` (an array, a list, a number, a Tensor).

    >>> tensor([1.0, 2.0], requires_grad=True)
    tensor([1., 2.], requires_grad=True)
    """
    data = data.data if isinstance(data, Tensor) else data
    return Tensor(np.array(data, dtype=dtype, copy=True), requires_grad=requires_grad)


def _value(x: Any) -> Any:
    return x.data if isinstance(x, Tensor) else x


def as_tensor(value: Any) -> Tensor:
    """``value`` itself if it is a Tensor, else a constant Tensor viewing it (no copy)."""
    return value if isinstance(value, Tensor) else Tensor(value)


def record(data: np.ndarray, inputs: Sequence[Any], backward: Backward) -> Any:
    """The result of an op on ``inputs``: a Tensor that remembers ``backward`` when any input is
    a Tensor requiring grad (and grad is enabled); a plain Tensor when inputs are Tensors that
    do not; the array ``data`` itself when no input is a Tensor (convgrad's NumPy API).

    ``backward(g)`` returns one gradient (or None) per input, in order; those of inputs that are
    not Tensors (arrays, numbers, None) are dropped here.
    """
    tensors = [i for i, x in enumerate(inputs) if isinstance(x, Tensor)]
    if not tensors:
        return data
    parents = tuple(inputs[i] for i in tensors)
    if not (_grad_enabled and any(p.requires_grad for p in parents)):
        return Tensor(data)
    if len(tensors) == len(inputs):
        return Tensor(data, True, parents, backward)

    def backward_of_tensors(g: np.ndarray) -> list[np.ndarray | None]:
        grads = backward(g)
        return [grads[i] for i in tensors]

    return Tensor(data, True, parents, backward_of_tensors)


def sum_to_shape(g: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``g`` over the axes that broadcasting added or stretched, down to ``shape``.

    >>> sum_to_shape(np.ones((2, 3, 4)), (3, 1)).tolist()
    [[8.0], [8.0], [8.0]]
    """
    if g.shape == shape:
        return g
    g = g.sum(axis=tuple(range(g.ndim - len(shape))))  # leading axes broadcasting added
    stretched = tuple(i for i, s in enumerate(shape) if s == 1 and g.shape[i] != 1)
    return g.sum(axis=stretched, keepdims=True) if stretched else g


def _axes(ndim: int, dim: Any) -> tuple[int, ...]:
    if dim is None:
        return tuple(range(ndim))
    dims = (dim,) if isinstance(dim, int | np.integer) else tuple(dim)
    return tuple(sorted(int(d) % max(ndim, 1) for d in dims))


def maximum(a: Any, b: Any) -> Tensor:
    """Elementwise maximum of two Tensors (or a Tensor and an array or number).

    >>> x = tensor([1.0, 3.0], requires_grad=True)
    >>> maximum(x, 2.0).sum().backward(); x.grad
    array([0., 1.])
    """
    a, b = as_tensor(a), as_tensor(b)
    y = np.maximum(a.data, b.data)

    def backward(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        wa = (a.data > b.data) + 0.5 * (a.data == b.data)  # ties share the gradient
        return sum_to_shape(g * wa, a.shape), sum_to_shape(g * (1 - wa), b.shape)

    return record(y, (a, b), backward)


def _extreme(t: Tensor, dim: int | None, keepdim: bool, arg: Callable[..., Any]) -> Any:
    x = t.data
    if dim is None:
        value = x.max() if arg is np.argmax else x.min()
        ties = x == value

        def backward_all(g: np.ndarray) -> tuple[np.ndarray]:
            return (np.where(ties, g / ties.sum(), 0),)

        return record(np.asarray(value), (t,), backward_all)
    dim = dim % x.ndim
    idx = np.expand_dims(arg(x, axis=dim), dim)  # the first extreme, as PyTorch's CPU kernel
    values = np.take_along_axis(x, idx, axis=dim)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        dx = np.zeros_like(x)
        np.put_along_axis(dx, idx, g if keepdim else np.expand_dims(g, dim), axis=dim)
        return (dx,)

    if keepdim:
        return record(values, (t,), backward), Tensor(idx)
    return record(values.squeeze(dim), (t,), backward), Tensor(idx.squeeze(dim))


def cat(tensors: Sequence[Any], dim: int = 0) -> Tensor:
    """Concatenate along ``dim``; each input's gradient is its slice of the result's.

    >>> cat([tensor(np.zeros((1, 2))), tensor(np.ones((2, 2)))]).shape
    (3, 2)
    """
    ts = [as_tensor(t) for t in tensors]
    if not ts:
        raise ValueError("cat: tensors must hold at least one tensor; got none")
    dim = dim % ts[0].ndim
    ends = np.cumsum([t.shape[dim] for t in ts])[:-1]
    return record(
        np.concatenate([t.data for t in ts], axis=dim),
        ts,
        lambda g: np.split(g, ends, axis=dim),
    )


def stack(tensors: Sequence[Any], dim: int = 0) -> Tensor:
    """Stack along a new dimension ``dim``.

    >>> stack([tensor(np.zeros(2)), tensor(np.ones(2))], dim=1).shape
    (2, 2)
    """
    ts = [as_tensor(t) for t in tensors]
    if not ts:
        raise ValueError("stack: tensors must hold at least one tensor; got none")
    dim = dim % (ts[0].ndim + 1)
    return cat([t.unsqueeze(dim) for t in ts], dim)
