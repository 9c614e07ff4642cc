"""A trainable array and the gradient that backward passes accumulate into it."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..autograd import Tensor


class Parameter(Tensor):
    """A trainable array, ``data``, and its gradient, ``grad`` (None until a backward pass).

    A Parameter is a leaf :class:`~convgrad.autograd.Tensor` that requires grad, so layers
    called on Tensors record it on the tape and ``loss.backward()`` fills its ``grad``; the
    explicit path (``model.backward(dy)`` on NumPy arrays) calls :meth:`accumulate`. As in
    PyTorch, backward passes *accumulate* into ``grad`` and an optimiser's ``zero_grad`` sets it
    back to None; optimisers skip parameters whose ``grad`` is None.

    >>> p = Parameter(np.ones(3))
    >>> p.grad is None
    True
    >>> p.accumulate(np.full(3, 2.0)); p.accumulate(np.full(3, 0.5)); p.grad
    array([2.5, 2.5, 2.5])
    >>> p.numel()
    3
    """

    def __init__(self, data: Any, requires_grad: bool = True) -> None:
        data = data.data if isinstance(data, Tensor) else data
        try:
            array = np.array(data, copy=True)
        except (TypeError, ValueError) as err:
            raise TypeError(
                f"Parameter: data must be an array of numbers; got {data!r:.80}"
            ) from err
        if array.dtype.kind not in "biuf":
            raise TypeError(f"Parameter: data must hold real numbers; got dtype {array.dtype}")
        # an integer array can be held (optimisers refuse it, naming it) but has no gradient
        super().__init__(array, requires_grad=requires_grad and array.dtype.kind in "fc")

    def accumulate(self, grad: np.ndarray) -> None:
        """Add ``grad`` (shaped like ``data``) into ``self.grad``; keeps no reference to it."""
        if grad.shape != self.data.shape:
            raise ValueError(
                f"grad: shape {grad.shape} does not match the parameter's shape {self.data.shape}"
            )
        if self.grad is None:
            self.grad = np.array(grad, dtype=self.data.dtype, copy=True)
        else:
            self.grad += grad

    def __repr__(self) -> str:
        return f"Parameter(shape={self.data.shape}, dtype={self.data.dtype})"
