"""``LayerNorm``: normalisation over each sample's trailing dimensions (PyTorch's).

The normalisation and its backward are batch normalisation's (see
:func:`convgrad.nn.functional.layer_norm`); the backward of this layer is read from the tape.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..autograd import Tensor
from . import functional
from .parameter import Parameter
from .tape import TapeModule


class LayerNorm(TapeModule):
    """Normalise ``x (*, *normalized_shape)`` over ``normalized_shape``, then ``weight`` (ones)
    and ``bias`` (zeros), both shaped ``normalized_shape`` when ``elementwise_affine``.

    >>> ln = LayerNorm(2)
    >>> list(ln.state_dict()), ln(np.array([[1.0, 3.0]])).round(3)
    (['weight', 'bias'], array([[-1.,  1.]]))
    """

    def __init__(
        self,
        normalized_shape: Any,
        eps: float = 1e-5,
        elementwise_affine: bool = True,
        bias: bool = True,
        *,
        dtype: Any = np.float32,
    ) -> None:
        super().__init__()
        shape = (normalized_shape,) if isinstance(normalized_shape, int) else normalized_shape
        shape = tuple(shape)
        if not all(isinstance(s, int) and s >= 1 for s in shape):
            raise ValueError(f"LayerNorm: normalized_shape must be ints >= 1; got {shape!r}")
        self.normalized_shape, self.eps = shape, eps
        self.elementwise_affine = elementwise_affine
        affine = elementwise_affine
        self.weight = Parameter(np.ones(shape, dtype=dtype)) if affine else None
        self.bias = Parameter(np.zeros(shape, dtype=dtype)) if affine and bias else None

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)

    def extra_repr(self) -> str:
        return (
            f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}"
        )


class GroupNorm(TapeModule):
    """Normalise ``x (N, C, *)`` over groups of ``C / num_groups`` channels per sample, then
    ``weight`` (ones) and ``bias`` (zeros), both ``(C,)``, when ``affine``.

    >>> gn = GroupNorm(2, 4)
    >>> list(gn.state_dict()), gn(np.array([[[1.0], [3.0], [0.0], [2.0]]]))[0, :, 0].round(3)
    (['weight', 'bias'], array([-1.,  1., -1.,  1.]))
    """

    def __init__(
        self,
        num_groups: int,
        num_channels: int,
        eps: float = 1e-5,
        affine: bool = True,
        *,
        dtype: Any = np.float32,
    ) -> None:
        super().__init__()
        for arg, value in (("num_groups", num_groups), ("num_channels", num_channels)):
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"GroupNorm: {arg} must be an int >= 1; got {value!r}")
        if num_channels % num_groups:
            raise ValueError(
                f"GroupNorm: num_groups={num_groups} must divide num_channels={num_channels}"
            )
        self.num_groups, self.num_channels, self.eps, self.affine = (
            num_groups, num_channels, eps, affine,
        )  # fmt: skip
        self.weight = Parameter(np.ones(num_channels, dtype=dtype)) if affine else None
        self.bias = Parameter(np.zeros(num_channels, dtype=dtype)) if affine else None

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.group_norm(x, self.num_groups, self.weight, self.bias, self.eps)

    def extra_repr(self) -> str:
        return f"{self.num_groups}, {self.num_channels}, eps={self.eps}, affine={self.affine}"
