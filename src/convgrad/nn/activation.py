"""Activation layers: ``ReLU``, ``LeakyReLU``, ``Sigmoid``, ``Tanh`` (:mod:`convgrad.activations`).

``inplace`` is accepted for PyTorch's signature; convgrad never modifies its input, so it only
shows in the repr.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import activations as F
from .module import Module


class _Elementwise(Module):
    def __init__(self, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace

    def forward(self, x: Any) -> np.ndarray:
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

    def extra_repr(self) -> str:
        return ""
