"""Loss modules: ``CrossEntropyLoss``, ``NLLLoss``, ``MSELoss``, ``BCEWithLogitsLoss``.

Given a Tensor, ``loss_fn(input, target)`` returns a Tensor (``loss.item()`` is the float,
``loss.backward()`` fills every parameter's ``.grad``). Given NumPy arrays it returns the loss as
a Python float (an array for ``reduction="none"``) and keeps what ``backward`` needs;
``loss_fn.backward(grad=1.0)`` returns the gradient of ``grad * loss`` with respect to
``input``, to hand to the model's backward. The plain cross-entropy and MSE use
:mod:`convgrad.losses` and their backward functions; the other options run
:mod:`convgrad.nn.functional` on a Tensor and read the input's gradient from the tape.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import losses as F
from ..autograd import Tensor
from . import functional
from .module import Module


class _Loss(Module):
    def __init__(self, reduction: str = "mean") -> None:
        super().__init__()
        F._check_reduction(type(self).__name__, reduction)
        self.reduction = reduction

    def _result(self, loss: np.ndarray) -> Any:
        return loss if self.reduction == "none" else float(loss)

    def _tape(self, input: Any, target: Any) -> Any:
        raise NotImplementedError

    def _optional_buffer(self, name: str, value: Any) -> None:
        """A buffer when given (in the state dict, as PyTorch's), else a plain None."""
        if value is not None:
            self.register_buffer(name, np.array(value, copy=True))
        else:
            setattr(self, name, None)

    def forward(self, input: Any, target: Any) -> Any:
        if isinstance(input, Tensor):
            return self._tape(input, target)
        return self._on_tape(input, target)

    def _on_tape(self, input: Any, target: Any) -> Any:
        """The explicit path through the tape: the loss of a Tensor copy of ``input``."""
        x = Tensor(np.asarray(input), requires_grad=True)
        loss = self._tape(x, target)
        self._x = (x, loss)
        return self._result(loss.data)

    def backward(self, grad: Any = 1.0) -> np.ndarray:
        x, loss = self._saved()
        x.grad = None
        loss.backward(np.broadcast_to(np.asarray(grad, dtype=loss.dtype), loss.shape))
        return x.grad


class CrossEntropyLoss(_Loss):
    """Cross-entropy of logits ``(N, C, *d)`` against classes ``(N, *d)`` or probabilities.

    PyTorch's ``weight`` (per class), ``ignore_index``, ``reduction`` and ``label_smoothing``
    (:func:`convgrad.nn.functional.cross_entropy`).

    >>> loss_fn = CrossEntropyLoss()
    >>> round(loss_fn(np.zeros((2, 4)), np.array([0, 3])), 6)
    1.386294
    >>> loss_fn.backward().shape
    (2, 4)
    """

    def __init__(
        self,
        weight: Any = None,
        size_average: Any = None,
        ignore_index: int = -100,
        reduce: Any = None,
        reduction: str = "mean",
        label_smoothing: float = 0.0,
    ) -> None:
        super().__init__(reduction)
        functional._check_legacy("CrossEntropyLoss", size_average, reduce)
        self._optional_buffer("weight", weight)
        self.ignore_index, self.label_smoothing = ignore_index, label_smoothing

    def _plain(self, target: Any) -> bool:
        t = np.asarray(target)
        return self.weight is None and t.dtype.kind in "iu" and not np.any(t == self.ignore_index)

    def _tape(self, input: Any, target: Any) -> Any:
        return functional.cross_entropy(
            input, target, self.weight, ignore_index=self.ignore_index,
            reduction=self.reduction, label_smoothing=self.label_smoothing,
        )  # fmt: skip

    def forward(self, input: Any, target: Any) -> Any:
        if isinstance(input, Tensor):
            return self._tape(input, target)
        if np.ndim(input) != 2 or not self._plain(target):
            return self._on_tape(input, target)
        loss = F.cross_entropy(
            input, target, reduction=self.reduction, label_smoothing=self.label_smoothing
        )
        self._x = (input, target)
        return self._result(loss)

    def backward(self, grad: Any = 1.0) -> np.ndarray:
        input, target = self._saved()
        if isinstance(input, Tensor):
            return super().backward(grad)
        return F.cross_entropy_backward(grad, input, target, self.reduction, self.label_smoothing)


class NLLLoss(_Loss):
    """Negative log-likelihood of log-probabilities ``(N, C, *d)`` at classes ``(N, *d)``.

    >>> loss_fn = NLLLoss()
    >>> round(loss_fn(np.log(np.full((1, 2), 0.5)), np.array([1])), 6)
    0.693147
    >>> loss_fn.backward()
    array([[ 0., -1.]])
    """

    def __init__(
        self,
        weight: Any = None,
        size_average: Any = None,
        ignore_index: int = -100,
        reduce: Any = None,
        reduction: str = "mean",
    ) -> None:
        super().__init__(reduction)
        functional._check_legacy("NLLLoss", size_average, reduce)
        self._optional_buffer("weight", weight)
        self.ignore_index = ignore_index

    def _tape(self, input: Any, target: Any) -> Any:
        return functional.nll_loss(
            input, target, self.weight, ignore_index=self.ignore_index, reduction=self.reduction
        )


class BCEWithLogitsLoss(_Loss):
    """Binary cross-entropy of logits against targets in [0, 1] of the same shape.

    ``weight`` rescales each element's loss, ``pos_weight`` the positive term (per class, on the
    last dimension); both are buffers, as PyTorch's.

    >>> loss_fn = BCEWithLogitsLoss()
    >>> round(loss_fn(np.zeros(2), np.array([0.0, 1.0])), 6), loss_fn.backward()
    (0.693147, array([ 0.25, -0.25]))
    """

    def __init__(
        self,
        weight: Any = None,
        size_average: Any = None,
        reduce: Any = None,
        reduction: str = "mean",
        pos_weight: Any = None,
    ) -> None:
        super().__init__(reduction)
        functional._check_legacy("BCEWithLogitsLoss", size_average, reduce)
        self._optional_buffer("weight", weight)
        self._optional_buffer("pos_weight", pos_weight)

    def _tape(self, input: Any, target: Any) -> Any:
        return functional.binary_cross_entropy_with_logits(
            input, target, self.weight, reduction=self.reduction, pos_weight=self.pos_weight
        )


class MSELoss(_Loss):
    """Mean squared error between ``input`` and ``target`` of the same shape.

    >>> loss_fn = MSELoss()
    >>> loss_fn(np.array([1.0, 3.0]), np.zeros(2)), loss_fn.backward()
    (5.0, array([1., 3.]))
    """

    def __init__(self, size_average: Any = None, reduce: Any = None, reduction: str = "mean"):
        super().__init__(reduction)
        functional._check_legacy("MSELoss", size_average, reduce)

    def forward(self, input: Any, target: Any) -> Any:
        if isinstance(input, Tensor) or isinstance(target, Tensor):
            return functional.mse_loss(input, target, reduction=self.reduction)
        loss = F.mse_loss(input, target, reduction=self.reduction)
        self._x = (input, target)
        return self._result(loss)

    def backward(self, grad: Any = 1.0) -> np.ndarray:
        input, target = self._saved()
        return F.mse_loss_backward(grad, input, target, self.reduction)
