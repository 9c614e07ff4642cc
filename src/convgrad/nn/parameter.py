"""A trainable array and the gradient that backward passes accumulate into it."""

from __future__ import annotations

import numpy as np


class Parameter:
    """A trainable array, ``data``, and its gradient, ``grad`` (None until a backward pass).

    As in PyTorch, backward passes *accumulate* into ``grad`` and an optimiser's ``zero_grad``
    sets it back to None; optimisers skip parameters whose ``grad`` is None.

    >>> p = Parameter(np.ones(3))
    >>> p.grad is None
    True
    >>> p.accumulate(np.full(3, 2.0)); p.accumulate(np.full(3, 0.5)); p.grad
    array([2.5, 2.5, 2.5])
    """

    def __init__(self, data: np.ndarray) -> None:
        try:
            array = np.array(data, copy=True)
        except (TypeError, ValueError) as err:
            raise TypeError(
                f"Parameter: data must be an array of numbers; got {data!r:.80}"
            ) from err
        if array.dtype.kind not in "biuf":
            raise TypeError(f"Parameter: data must hold real numbers; got dtype {array.dtype}")
        self.data = array
        self.grad: np.ndarray | None = None

    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

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
