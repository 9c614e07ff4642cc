"""Activation layers: ``ReLU``, ``LeakyReLU``, ``Sigmoid``, ``Tanh`` (:mod:`convgrad.activations`),
and ``GELU``, ``Softmax``, ``LogSoftmax`` (:mod:`convgrad.nn.functional`, backward by the tape).

``inplace`` is accepted for PyTorch's signature; convgrad never modifies its input, so it only
shows in the repr.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import activations as F
from ..autograd import Tensor
from . import functional
from .module import Module
from .tape import TapeModule


class _Elementwise(Module):
    _tape: Any  # the functional op, recording on the tape, for Tensor inputs

    def __init__(self, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            return self._tape(x)
        self._x = x
        return self._f(x)

    def backward(self, dy: Any) -> np.ndarray:
        return self._df(dy, self._saved())

    def _f(self, input: Any) -> np.ndarray:  # the functional op, named as PyTorch's
        raise NotImplementedError

    def _df(self, dy: Any, x: Any) -> np.ndarray:
        raise NotImplementedError

    def extra_repr(self) -> str:
        return "inplace=True" if self.inplace else ""


class ReLU(_Elementwise):
    """``max(x, 0)``; no gradient at ``x == 0``.

    >>> ReLU()(np.array([-1.0, 2.0]))
    array([0., 2.])
    """

    _f = staticmethod(F.relu)
    _df = staticmethod(F.relu_backward)
    _tape = staticmethod(functional.relu)


class LeakyReLU(_Elementwise):
    """``x`` for ``x > 0``, else ``negative_slope * x``.

    >>> LeakyReLU(0.1)(np.array([-1.0, 2.0]))
    array([-0.1,  2. ])
    """

    def __init__(self, negative_slope: float = 0.01, inplace: bool = False) -> None:
        super().__init__(inplace)
        F.leaky_relu(np.zeros(1), negative_slope)  # checks negative_slope
        self.negative_slope = negative_slope

    def _f(self, x: Any) -> np.ndarray:
        return F.leaky_relu(x, self.negative_slope)

    def _tape(self, x: Tensor) -> Tensor:
        return functional.leaky_relu(x, self.negative_slope)

    def _df(self, dy: Any, x: Any) -> np.ndarray:
        return F.leaky_relu_backward(dy, x, self.negative_slope)

    def extra_repr(self) -> str:
        return f"negative_slope={self.negative_slope}" + (", inplace=True" if self.inplace else "")


class Sigmoid(_Elementwise):
    """``1 / (1 + exp(-x))``.

    >>> Sigmoid()(np.zeros(1))
    array([0.5])
    """

    def __init__(self) -> None:
        super().__init__()

    _f = staticmethod(F.sigmoid)
    _df = staticmethod(F.sigmoid_backward)
    _tape = staticmethod(functional.sigmoid)

    def extra_repr(self) -> str:
        return ""


class Tanh(_Elementwise):
    """``tanh(x)``.

    >>> Tanh()(np.zeros(1))
    array([0.])
    """

    def __init__(self) -> None:
        super().__init__()

    _f = staticmethod(F.tanh)
    _df = staticmethod(F.tanh_backward)
    _tape = staticmethod(functional.tanh)

    def extra_repr(self) -> str:
        return ""


class GELU(TapeModule):
    """``x * Phi(x)`` (``approximate="tanh"``: the tanh fit); see :func:`functional.gelu`.

    >>> GELU()(np.array([0.0, 1.0])).round(4)
    array([0.    , 0.8413])
    """

    def __init__(self, approximate: str = "none") -> None:
        super().__init__()
        functional.gelu(np.zeros(1), approximate)  # checks approximate
        self.approximate = approximate

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.gelu(x, self.approximate)

    def extra_repr(self) -> str:
        return f"approximate={self.approximate!r}"


class Softmax(TapeModule):
    """``exp(x) / sum(exp(x))`` along ``dim``.

    >>> Softmax(dim=1)(np.zeros((1, 4)))
    array([[0.25, 0.25, 0.25, 0.25]])
    """

    def __init__(self, dim: int | None = None) -> None:
        super().__init__()
        self.dim = dim

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.softmax(x, self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class LogSoftmax(Softmax):
    """``x - log(sum(exp(x)))`` along ``dim``.

    >>> LogSoftmax(dim=1)(np.zeros((1, 2))).round(4)
    array([[-0.6931, -0.6931]])
    """

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.log_softmax(x, self.dim)


class _TapeActivation(TapeModule):
    """An activation from :mod:`convgrad.nn.functional` with keyword options (``_options``)."""

    _options: tuple[str, ...] = ()

    _function = ""

    def tape_forward(self, x: Tensor) -> Tensor:
        fn = getattr(functional, self._function)
        return fn(x, **{k: getattr(self, k) for k in self._options})

    def extra_repr(self) -> str:
        return ", ".join(f"{k}={getattr(self, k)}" for k in self._options)


class Hardtanh(_TapeActivation):
    """``clip(x, min_val, max_val)``.

    >>> Hardtanh()(np.array([-2.0, 0.5, 2.0]))
    array([-1. ,  0.5,  1. ])
    """

    _function, _options = "hardtanh", ("min_val", "max_val")

    def __init__(self, min_val: float = -1.0, max_val: float = 1.0, inplace: bool = False):
        super().__init__()
        self.min_val, self.max_val, self.inplace = min_val, max_val, inplace


class ReLU6(_TapeActivation):
    """``min(max(x, 0), 6)``.

    >>> ReLU6()(np.array([-1.0, 3.0, 7.0]))
    array([0., 3., 6.])
    """

    _function = "relu6"

    def __init__(self, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace


class SiLU(ReLU6):
    """``x * sigmoid(x)`` (swish)."""

    _function = "silu"


class Hardswish(ReLU6):
    """``x * relu6(x + 3) / 6`` (MobileNetV3)."""

    _function = "hardswish"


class Hardsigmoid(ReLU6):
    """``relu6(x + 3) / 6``."""

    _function = "hardsigmoid"


class ELU(_TapeActivation):
    """``x`` for ``x > 0``, else ``alpha * (exp(x) - 1)``."""

    _function, _options = "elu", ("alpha",)

    def __init__(self, alpha: float = 1.0, inplace: bool = False) -> None:
        super().__init__()
        self.alpha, self.inplace = alpha, inplace


class Softplus(_TapeActivation):
    """``log(1 + exp(beta * x)) / beta``, linear past ``threshold``."""

    _function, _options = "softplus", ("beta", "threshold")

    def __init__(self, beta: float = 1.0, threshold: float = 20.0) -> None:
        super().__init__()
        self.beta, self.threshold = beta, threshold
