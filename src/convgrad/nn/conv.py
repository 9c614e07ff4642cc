"""Convolution layers: ``Conv1d``, ``Conv2d``, ``Conv3d``, ``ConvTranspose1d/2d/3d``.

PyTorch's constructor arguments and defaults, its parameter names and shapes (``weight``
``(C_out, C_in // groups, *kernel)``, transposed ``(C_in, C_out // groups, *kernel)``; ``bias``
``(C_out,)``) and its initialisation (:mod:`convgrad.nn.init`). The passes are the fast
functions of :mod:`convgrad.convolution`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _args, convolution
from ..autograd import Tensor
from . import functional as F
from . import init
from .module import Module
from .parameter import Parameter


class _ConvNd(Module):
    _n = 0
    _transposed = False
    _skips_input_grad = True

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: Any,
        stride: Any,
        padding: Any,
        dilation: Any,
        groups: int,
        bias: bool,
        padding_mode: str,
        output_padding: Any = 0,
        *,
        dtype: Any = np.float32,
        rng: np.random.Generator | None = None,
    ) -> None:
        super().__init__()
        name, n = type(self).__name__, self._n
        for arg, value in (("in_channels", in_channels), ("out_channels", out_channels)):
            if not _args._is_int(value) or value < 1:
                raise ValueError(f"{name}: {arg} must be an int >= 1; got {value!r}")
        groups = _args.check_groups(name, groups)
        if in_channels % groups or out_channels % groups:
            raise ValueError(
                f"{name}: groups={groups} must divide in_channels={in_channels} and "
                f"out_channels={out_channels}"
            )
        if not isinstance(padding_mode, str) or padding_mode not in _args.PADDING_MODES:
            raise ValueError(
                f"{name}: padding_mode must be one of {_args.PADDING_MODES}; got {padding_mode!r}"
            )
        if self._transposed and padding_mode != "zeros":
            raise ValueError(
                f"{name}: only padding_mode='zeros' is supported; got {padding_mode!r}"
            )
        _args.check_bias_flag(name, bias)
        self.in_channels, self.out_channels, self.groups = in_channels, out_channels, groups
        self.kernel_size = _args.ntuple(name, "kernel_size", kernel_size, n, 1)
        self.stride = _args.ntuple(name, "stride", stride, n, 1)
        self.dilation = _args.ntuple(name, "dilation", dilation, n, 1)
        self.padding = padding if isinstance(padding, str) else _padding_repr(name, padding, n)
        self.output_padding = _args.ntuple(name, "output_padding", output_padding, n, 0)
        self.padding_mode = padding_mode
        if self._transposed:
            shape = (in_channels, out_channels // groups, *self.kernel_size)
        else:
            shape = (out_channels, in_channels // groups, *self.kernel_size)
        init.check_layer(name, shape, dtype, "in_channels, out_channels and kernel_size", rng)
        bound = init.kaiming_bound(shape)
        self.weight = Parameter(init.uniform(shape, bound, rng, dtype))
        self.bias = Parameter(init.uniform((out_channels,), bound, rng, dtype)) if bias else None

    def _kwargs(self) -> dict[str, Any]:
        raise NotImplementedError

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):  # recorded on the tape: loss.backward() needs no backward here
            name = f"conv_transpose{self._n}d" if self._transposed else f"conv{self._n}d"
            return F._conv(name, x, self.weight, self.bias, **self._kwargs())
        self._x = x
        b = None if self.bias is None else self.bias.data
        return self._forward(x, self.weight.data, b, **self._kwargs())

    def backward(self, dy: Any, input_grad: bool = True) -> np.ndarray | None:
        """``dx``, accumulating ``dw`` and ``db`` into the parameters' grads; with
        ``input_grad=False`` (the input needs no gradient: the network's first layer) ``dx``
        is not computed and None is returned, as PyTorch skips it."""
        x, bias = self._saved(), self.bias is not None
        if input_grad or self._transposed:  # a transposed one computes dx all the same
            dx, dw, db = self._backward(dy, x, self.weight.data, **self._kwargs(), bias=bias)
        else:
            dx = None
            dw, db = F._conv_param_grads(self._n, dy, x, self.weight.data, bias, self._kwargs())
        self.weight.accumulate(dw)
        if self.bias is not None:
            self.bias.accumulate(db)
        return dx if input_grad else None

    def extra_repr(self) -> str:
        s = f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}"
        s += f", stride={self.stride}"
        zeros = (0,) * self._n
        if self.padding != zeros:
            s += f", padding={self.padding}"
        if self.dilation != (1,) * self._n:
            s += f", dilation={self.dilation}"
        if self.output_padding != zeros:
            s += f", output_padding={self.output_padding}"
        if self.groups != 1:
            s += f", groups={self.groups}"
        if self.bias is None:
            s += ", bias=False"
        if self.padding_mode != "zeros":
            s += f", padding_mode={self.padding_mode}"
        return s


def _padding_repr(name: str, padding: Any, n: int) -> Any:
    """Numeric padding as an n-tuple of ints (as PyTorch stores it), or pairs kept as given."""
    pairs = _args.padding_pairs(name, padding, n)
    if all(lo == hi for lo, hi in pairs):
        return tuple(lo for lo, _ in pairs)
    return pairs


class _Conv(_ConvNd):
    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: Any,
        stride: Any = 1,
        padding: Any = 0,
        dilation: Any = 1,
        groups: int = 1,
        bias: bool = True,
        padding_mode: str = "zeros",
        *,
        dtype: Any = np.float32,
        rng: np.random.Generator | None = None,
    ) -> None:
        super().__init__(
            in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
            padding_mode, dtype=dtype, rng=rng,
        )  # fmt: skip
        self._forward = getattr(convolution, f"conv{self._n}d")
        self._backward = getattr(convolution, f"conv{self._n}d_backward")

    def _kwargs(self) -> dict[str, Any]:
        return dict(
            stride=self.stride,
            padding=self.padding,
            dilation=self.dilation,
            groups=self.groups,
            padding_mode=self.padding_mode,
        )


class Conv1d(_Conv):
    """1-D convolution layer: ``x (N, C_in, L)`` -> ``(N, C_out, L_out)``; PyTorch's arguments."""

    _n = 1


class Conv2d(_Conv):
    """2-D convolution layer: ``x (N, C_in, H, W)`` -> ``(N, C_out, H_out, W_out)``.

    PyTorch's arguments and defaults, plus ``dtype`` (float32 by default) and ``rng``.

    >>> conv = Conv2d(1, 8, 3, padding=1)
    >>> conv, conv.weight.shape, conv.bias.shape
    (Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)), (8, 1, 3, 3), (8,))
    >>> conv(np.zeros((2, 1, 5, 5))).shape
    (2, 8, 5, 5)
    """

    _n = 2


class Conv3d(_Conv):
    """3-D convolution layer: ``x (N, C_in, D, H, W)`` -> ``(N, C_out, D_out, H_out, W_out)``."""

    _n = 3


class _ConvTranspose(_ConvNd):
    _transposed = True

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: Any,
        stride: Any = 1,
        padding: Any = 0,
        output_padding: Any = 0,
        groups: int = 1,
        bias: bool = True,
        dilation: Any = 1,
        padding_mode: str = "zeros",
        *,
        dtype: Any = np.float32,
        rng: np.random.Generator | None = None,
    ) -> None:
        super().__init__(
            in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
            padding_mode, output_padding, dtype=dtype, rng=rng,
        )  # fmt: skip
        if isinstance(self.padding, str):
            raise ValueError(f"{type(self).__name__}: padding must be numbers; got {padding!r}")
        self._forward = getattr(convolution, f"conv_transpose{self._n}d")
        self._backward = getattr(convolution, f"conv_transpose{self._n}d_backward")

    def _kwargs(self) -> dict[str, Any]:
        return dict(
            stride=self.stride,
            padding=self.padding,
            output_padding=self.output_padding,
            groups=self.groups,
            dilation=self.dilation,
        )


class ConvTranspose1d(_ConvTranspose):
    """1-D transposed convolution layer; ``weight (C_in, C_out // groups, kL)``."""

    _n = 1


class ConvTranspose2d(_ConvTranspose):
    """2-D transposed convolution layer; ``weight (C_in, C_out // groups, kH, kW)``.

    >>> up = ConvTranspose2d(4, 2, 2, stride=2)
    >>> up.weight.shape, up(np.zeros((1, 4, 3, 3))).shape
    ((4, 2, 2, 2), (1, 2, 6, 6))
    """

    _n = 2


class ConvTranspose3d(_ConvTranspose):
    """3-D transposed convolution layer; ``weight (C_in, C_out // groups, kD, kH, kW)``."""

    _n = 3
