"""Pooling layers: ``MaxPool2d``, ``AvgPool2d``, ``AdaptiveAvgPool2d`` (:mod:`convgrad.pooling`);
``MaxPool1d``, ``AvgPool1d``, ``AdaptiveMaxPool2d`` (:mod:`convgrad.nn.functional`, backward by
the tape)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import pooling as F
from ..autograd import Tensor
from . import functional
from .module import Module
from .tape import TapeModule


class MaxPool2d(Module):
    """2-D max pooling over ``x (N, C, H, W)``; ``stride`` defaults to ``kernel_size``.

    With ``return_indices=True`` it returns ``(y, indices)``, each maximum's flat index into
    its input plane's ``H * W`` (PyTorch's); ``backward`` takes the gradient of ``y``.

    >>> pool = MaxPool2d(2)
    >>> pool
    MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
    >>> pool(np.zeros((1, 3, 5, 5))).shape
    (1, 3, 2, 2)
    """

    def __init__(
        self,
        kernel_size: Any,
        stride: Any = None,
        padding: Any = 0,
        dilation: Any = 1,
        return_indices: bool = False,
        ceil_mode: bool = False,
    ) -> None:
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = kernel_size if stride is None else stride
        self.padding, self.dilation, self.ceil_mode = padding, dilation, ceil_mode
        self.return_indices = bool(return_indices)
        F.pool_spec("MaxPool2d", np.zeros((1, 1, 1000, 1000)), *self._args())  # checks them

    def _args(self) -> tuple[Any, ...]:
        return self.kernel_size, self.stride, self.padding, self.dilation, self.ceil_mode

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            k, s, p, d, ceil = self._args()
            return functional.max_pool2d(x, k, s, p, d, ceil, self.return_indices)
        self._x = x
        if self.return_indices:
            y = F.max_pool2d(x, *self._args())
            self._winners = None
            return y, functional._max_indices(np.asarray(x), *self._args())
        y, self._winners = F.max_pool2d_saving(x, *self._args())  # kept for backward
        return y

    def backward(self, dy: Any) -> np.ndarray:
        x = self._saved()
        return F.max_pool2d_backward_saved(dy, x, self._winners, *self._args())

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
            f"dilation={self.dilation}, ceil_mode={self.ceil_mode}"
        )


class AvgPool2d(Module):
    """2-D average pooling over ``x (N, C, H, W)``; ``stride`` defaults to ``kernel_size``.

    >>> AvgPool2d(2)(np.ones((1, 1, 4, 4)))
    array([[[[1., 1.],
             [1., 1.]]]])
    """

    def __init__(
        self,
        kernel_size: Any,
        stride: Any = None,
        padding: Any = 0,
        ceil_mode: bool = False,
        count_include_pad: bool = True,
        divisor_override: int | None = None,
    ) -> None:
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = kernel_size if stride is None else stride
        self.padding, self.ceil_mode = padding, ceil_mode
        self.count_include_pad, self.divisor_override = count_include_pad, divisor_override
        F.avg_pool2d(np.zeros((1, 1000, 1000)), *self._args())  # checks them

    def _args(self) -> tuple[Any, ...]:
        return (
            self.kernel_size,
            self.stride,
            self.padding,
            self.ceil_mode,
            self.count_include_pad,
            self.divisor_override,
        )

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            return functional.avg_pool2d(x, *self._args())
        self._x = x
        return F.avg_pool2d(x, *self._args())

    def backward(self, dy: Any) -> np.ndarray:
        return F.avg_pool2d_backward(dy, self._saved(), *self._args())

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AdaptiveAvgPool2d(Module):
    """Average pooling to a fixed ``output_size`` (an int, or 2 ints or Nones) whatever the input.

    >>> AdaptiveAvgPool2d((1, None))(np.ones((2, 3, 5, 4))).shape
    (2, 3, 1, 4)
    """

    def __init__(self, output_size: Any) -> None:
        super().__init__()
        self.output_size = output_size
        F.adaptive_output_size("AdaptiveAvgPool2d", np.zeros((1, 1, 1)), output_size)

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            return functional.adaptive_avg_pool2d(x, self.output_size)
        self._x = x
        return F.adaptive_avg_pool2d(x, self.output_size)

    def backward(self, dy: Any) -> np.ndarray:
        return F.adaptive_avg_pool2d_backward(dy, self._saved(), self.output_size)

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"


class MaxPool1d(TapeModule):
    """1-D max pooling over ``x (N, C, L)``; ``stride`` defaults to ``kernel_size``.

    >>> MaxPool1d(2)(np.array([[[1.0, 3.0, 2.0, 0.0]]]))
    array([[[3., 2.]]])
    """

    def __init__(self, kernel_size: Any, stride: Any = None, padding: Any = 0, dilation: Any = 1,
                 return_indices: bool = False, ceil_mode: bool = False) -> None:  # fmt: skip
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = kernel_size if stride is None else stride
        self.padding, self.dilation, self.ceil_mode = padding, dilation, ceil_mode
        self.return_indices = return_indices

    def forward(self, x: Any) -> Any:
        if self.return_indices:
            return functional.max_pool1d(x, self.kernel_size, self.stride, self.padding,
                                         self.dilation, self.ceil_mode, True)  # fmt: skip
        return super().forward(x)

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.max_pool1d(x, self.kernel_size, self.stride, self.padding,
                                     self.dilation, self.ceil_mode)  # fmt: skip

    def extra_repr(self) -> str:
        return (
            f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
            f"dilation={self.dilation}, ceil_mode={self.ceil_mode}"
        )


class AvgPool1d(TapeModule):
    """1-D average pooling over ``x (N, C, L)``; ``stride`` defaults to ``kernel_size``.

    >>> AvgPool1d(2)(np.array([[[1.0, 3.0, 2.0, 0.0]]]))
    array([[[2., 1.]]])
    """

    def __init__(self, kernel_size: Any, stride: Any = None, padding: Any = 0,
                 ceil_mode: bool = False, count_include_pad: bool = True) -> None:  # fmt: skip
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = kernel_size if stride is None else stride
        self.padding, self.ceil_mode, self.count_include_pad = padding, ceil_mode, count_include_pad

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.avg_pool1d(x, self.kernel_size, self.stride, self.padding,
                                     self.ceil_mode, self.count_include_pad)  # fmt: skip

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AdaptiveMaxPool2d(TapeModule):
    """Max pooling to a fixed ``output_size`` (an int, or 2 ints or Nones) whatever the input.

    >>> AdaptiveMaxPool2d(1)(np.arange(6.0).reshape(1, 1, 2, 3))
    array([[[[5.]]]])
    """

    def __init__(self, output_size: Any, return_indices: bool = False) -> None:
        super().__init__()
        self.output_size, self.return_indices = output_size, return_indices
        F.adaptive_output_size("AdaptiveMaxPool2d", np.zeros((1, 1, 1)), output_size)

    def forward(self, x: Any) -> Any:
        if self.return_indices:
            return functional.adaptive_max_pool2d(x, self.output_size, True)
        return super().forward(x)

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.adaptive_max_pool2d(x, self.output_size)

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"
