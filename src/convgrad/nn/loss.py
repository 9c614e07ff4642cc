"""Loss modules: ``CrossEntropyLoss`` and ``MSELoss`` (:mod:`convgrad.losses`).

``loss_fn(input, target)`` returns the loss as a Python float (an array for
``reduction="none"``) and keeps what ``backward`` needs; ``loss_fn.backward(grad=1.0)`` returns
the gradient of ``grad * loss`` with respect to ``input``, to hand to the model's backward.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import losses as F
from .module import Module


class _Loss(Module):
    def __init__(self, reduction: str = "mean") -> None:
        super().__init__()
        F._check_reduction(type(self).__name__, reduction)
        self.reduction = reduction

    def _result(self, loss: np.ndarray) -> Any:
        return loss if self.reduction == "none" else float(loss)

    def backward(self, grad: Any = 1.0) -> np.ndarray:
        raise NotImplementedError


class CrossEntropyLoss(_Loss):
    """Cross-entropy of logits ``(N, C)`` against integer classes ``(N,)``.

    >>> loss_fn = CrossEntropyLoss()
    >>> round(loss_fn(np.zeros((2, 4)), np.array([0, 3])), 6)
    1.386294
    >>> loss_fn.backward().shape
    (2, 4)
    """

    def __init__(self, reduction: str = "mean", label_smoothing: float = 0.0) -> None:
        super().__init__(reduction)
        self.label_smoothing = label_smoothing

    def forward(self, input: Any, target: Any) -> Any:
        loss = F.cross_entropy(
            input, target, reduction=self.reduction, label_smoothing=self.label_smoothing
        )
        self._x = (input, target)
        return self._result(loss)

    def backward(self, grad: Any = 1.0) -> np.ndarray:
        input, target = self._saved()
        return F.cross_entropy_backward(grad, input, target, self.reduction, self.label_smoothing)


class MSELoss(_Loss):
    """Mean squared error between ``input`` and ``target`` of the same shape.

    >>> loss_fn = MSELoss()
    >>> loss_fn(np.array([1.0, 3.0]), np.zeros(2)), loss_fn.backward()
    (5.0, array([1., 3.]))
    """

    def forward(self, input: Any, target: Any) -> Any:
        loss = F.mse_loss(input, target, reduction=self.reduction)
        self._x = (input, target)
        return self._result(loss)

    def backward(self, grad: Any = 1.0) -> np.ndarray:
        input, target = self._saved()
        return F.mse_loss_backward(grad, input, target, self.reduction)
