"""``Linear`` and ``Flatten``: the layers at the top of a classifier."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import _args
from .. import dense as F
from ..autograd import Tensor
from . import functional, init
from .module import Module
from .parameter import Parameter


class Linear(Module):
    """``y = x @ weight.T + bias``: ``x (*, in_features)`` -> ``(*, out_features)``.

    ``weight (out_features, in_features)`` and ``bias (out_features,)`` are drawn from
    ``U(-1/sqrt(in_features), 1/sqrt(in_features))``, as PyTorch's.

    >>> layer = Linear(3, 2)
    >>> layer(np.ones((4, 3))).shape, layer.weight.shape
    ((4, 2), (2, 3))
    """

    def __init__(
        self,
        in_features: int,
        out_features: int,
        bias: bool = True,
        *,
        dtype: Any = np.float32,
        rng: np.random.Generator | None = None,
    ) -> None:
        super().__init__()
        for arg, value in (("in_features", in_features), ("out_features", out_features)):
            if not _args._is_int(value) or value < 0:
                raise ValueError(f"Linear: {arg} must be an int >= 0; got {value!r}")
        _args.check_bias_flag("Linear", bias)
        self.in_features, self.out_features = in_features, out_features
        shape = (out_features, in_features)
        init.check_layer("Linear", shape, dtype, "in_features and out_features", rng)
        bound = init.kaiming_bound(shape)
        self.weight = Parameter(init.uniform(shape, bound, rng, dtype))
        self.bias = Parameter(init.uniform((out_features,), bound, rng, dtype)) if bias else None

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            return functional.linear(x, self.weight, self.bias)
        self._x = x
        return F.linear(x, self.weight.data, None if self.bias is None else self.bias.data)

    def backward(self, dy: Any) -> np.ndarray:
        dx, dw, db = F.linear_backward(
            dy, self._saved(), self.weight.data, bias=self.bias is not None
        )
        self.weight.accumulate(dw)
        if self.bias is not None and db is not None:
            self.bias.accumulate(db)
        return dx

    def extra_repr(self) -> str:
        return (
            f"in_features={self.in_features}, out_features={self.out_features}, "
            f"bias={self.bias is not None}"
        )


class Flatten(Module):
    """Flattens dimensions ``start_dim`` to ``end_dim`` into one: ``(N, C, H, W)`` -> ``(N, CHW)``.

    >>> Flatten()(np.zeros((2, 3, 4, 5))).shape
    (2, 60)
    """

    def __init__(self, start_dim: int = 1, end_dim: int = -1) -> None:
        super().__init__()
        for arg, value in (("start_dim", start_dim), ("end_dim", end_dim)):
            if not _args._is_int(value):
                raise TypeError(f"Flatten: {arg} must be an int; got {value!r}")
        self.start_dim, self.end_dim = start_dim, end_dim

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            return x.flatten(self.start_dim, self.end_dim)
        x = _args.as_array("Flatten", "x", x)
        ndim = max(x.ndim, 1)
        start, end = self.start_dim % ndim, self.end_dim % ndim
        if not (-ndim <= self.start_dim < ndim and -ndim <= self.end_dim < ndim) or start > end:
            raise ValueError(
                f"Flatten: start_dim={self.start_dim} and end_dim={self.end_dim} must name "
                f"dimensions of x, start before end; got x shape {x.shape}"
            )
        self._shape = x.shape
        shape = (*x.shape[:start], math.prod(x.shape[start : end + 1]), *x.shape[end + 1 :])
        return x.reshape(shape).copy()

    def backward(self, dy: Any) -> np.ndarray:
        return np.array(dy, copy=True).reshape(self._saved("_shape"))

    def extra_repr(self) -> str:
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"
