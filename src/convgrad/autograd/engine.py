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
   ``requires_grad=True``) accumulates its gradient into ``.grad``, as PyTorch's does; its first
   gradient is the array itself when nothing else holds it (:func:`_unshared`), else a copy;
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
import math
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from .. import _np
from .ops import TensorMethods

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


class Tensor(TensorMethods):
    """A NumPy array, ``data``, with the tape entry that made it and (for leaves) its ``grad``.

    Build one with :func:`tensor`. Arithmetic broadcasts as NumPy does; an operand may be a
    Tensor, an array or a number. The core ops are below; reductions, elementwise functions,
    shapes and dtypes come from :class:`convgrad.autograd.ops.TensorMethods`.
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

    # --- the backward pass ---

    def backward(self, grad: Any = None, retain_graph: bool | None = None) -> None:
        """Accumulate ``d self / d leaf`` (times ``grad``) into every leaf's ``.grad``.

        ``grad`` is shaped like this Tensor; it may be omitted for a single number (a loss).
        ``retain_graph=True`` keeps the graph for another backward through it.
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
                    # sys.getrefcount(g) counts this frame's name and its own argument
                    alone = sys.getrefcount(g) <= 2 and _unshared(g, t.dtype)
                    t.grad = g if alone else np.array(g, dtype=t.dtype, copy=True)
                else:
                    t.grad += g
                continue
            for p, gp in zip(t._parents, t._backward(g)):
                if gp is None or not p.requires_grad:
                    continue
                if gp.dtype != p.dtype:
                    gp = gp.astype(p.dtype)
                grads[id(p)] = _np.add(grads[id(p)], gp) if id(p) in grads else gp
            gp = None  # the last share stays in grads alone (a leaf may keep it: step 4)
            if not retain_graph:  # 5. free what the step kept, as PyTorch does
                t._parents, t._backward = (), _freed

    # --- arithmetic, each op's backward below its forward ---

    def __add__(self, other: Any) -> Tensor:
        a, b = self, as_tensor(other)
        return record(
            _np.add(a.data, b.data),
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
            _times(a.data, b.data),
            (a, b),
            lambda g: (_product_to(g, b.data, a.shape), _product_to(g, a.data, b.shape)),
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

    # --- the sum and reshape that losses and layers need (more in convgrad.autograd.ops) ---

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

    def reshape(self, *shape: Any) -> Tensor:
        new = shape[0] if len(shape) == 1 and isinstance(shape[0], tuple | list) else shape
        old = self.shape
        return record(self.data.reshape(new), (self,), lambda g: (g.reshape(old),))

    view = reshape


def _unshared(g: np.ndarray, dtype: np.dtype) -> bool:
    """Whether a leaf may keep ``g``, the gradient the walk popped, as its ``.grad`` without a
    copy, as PyTorch's leaves keep a gradient no one else holds. The caller has checked that
    only its own name refers to ``g``: another parent, another pending gradient, or an op that
    kept it would hold a reference too. ``g`` must have the leaf's dtype, be contiguous and
    writable (``.grad += ...`` later), and own its memory, or view all of an array that nothing
    else holds (a reshape's backward; not a reshape of the caller's ``grad``, nor a slice of an
    array whose other slices went to other parents). The copy this saves is a pass over the
    gradient: 0.5 to 2.6 ms on a ``(32, 64, 28, 28)`` float32 input.

    The counts are CPython's up to 3.13: from 3.14 a name pushed on the stack may be counted
    once less, which would make a shared array look alone, so there the leaf copies."""
    if not (_COUNTS_EXACT and g.dtype == dtype and g.flags.writeable and g.flags.c_contiguous):
        return False
    base = g.base
    if base is None:
        return True
    # held by g's .base, this name and getrefcount's argument: nothing else
    alone = isinstance(base, np.ndarray) and sys.getrefcount(base) <= 3
    return alone and base.base is None and base.nbytes == g.nbytes


_COUNTS_EXACT = sys.version_info < (3, 14)


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


def _rows(big: tuple[int, ...], small: tuple[int, ...]) -> tuple[int, int] | None:
    """``(a, k)`` when an array shaped ``small`` holds one number per row of one shaped ``big``,
    up to leading axes it is broadcast over: ``small`` (padded with leading ones) is ones on
    axes ``[0, a)``, ``big``'s own on ``[a, k)``, ones from ``k`` on, and the rows
    (``big[k:]``) hold 2 numbers or more. A squeeze-and-excitation gate ``(N, C, 1, 1)`` on
    ``(N, C, H, W)`` is ``(0, 2)``; a per-channel scale ``(C, 1, 1)`` is ``(1, 2)``. Else None."""
    if len(small) > len(big):
        return None
    small = (1,) * (len(big) - len(small)) + small
    k = len(big)
    while k > 0 and small[k - 1] == 1:
        k -= 1
    a = k
    while a > 0 and small[a - 1] == big[a - 1] and small[a - 1] != 1:
        a -= 1
    if a == k or any(s != 1 for s in small[:a]) or math.prod(big[k:]) < 2:
        return None
    return a, k


def _times(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a * b``; a number per row broadcast over rows of 256 to 8,191 runs with NumPy's buffers
    a row long (:func:`convgrad._np.row_loops`)."""
    big, rows = a.shape, _rows(a.shape, b.shape)
    if rows is None:
        big, rows = b.shape, _rows(b.shape, a.shape)
    if rows is None or a.dtype != b.dtype or a.dtype.kind != "f":
        return a * b
    with _np.row_loops(math.prod(big[rows[1] :])):
        return a * b


def _product_to(g: np.ndarray, other: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """``sum_to_shape(g * other, shape)``: for a number per row of ``g``, a dot product per row,
    without the product array (:func:`convgrad._np.row_dots`), summed over the leading axes
    broadcast."""
    same = g.shape == other.shape and g.dtype == other.dtype and g.dtype.kind == "f"
    if same and (rows := _rows(g.shape, shape)) is not None:
        a, k = rows
        dots = _np.row_dots(
            g.reshape(-1, math.prod(g.shape[k:])), other.reshape(-1, math.prod(g.shape[k:]))
        )
        return dots.reshape(g.shape[:k]).sum(axis=tuple(range(a))).reshape(shape)
    return sum_to_shape(_times(g, other), shape)


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
