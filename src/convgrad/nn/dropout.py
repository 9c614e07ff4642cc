"""``Dropout``: inverted dropout, the identity in evaluation mode."""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _args
from ..autograd import Tensor
from . import init
from .module import Module


class Dropout(Module):
    """Zeroes each element with probability ``p`` in training and scales the rest by
    ``1 / (1 - p)``, so the expected output is the input; the identity in evaluation mode.

    The mask is drawn from ``rng``, or from :mod:`convgrad.nn.init`'s generator when it is None
    (reseeded by :func:`convgrad.nn.manual_seed`); ``backward`` applies the same mask to ``dy``.

    >>> drop = Dropout(0.5, rng=np.random.default_rng(0))
    >>> drop(np.ones(6))
    array([2., 0., 0., 0., 2., 2.])
    >>> drop.eval()(np.ones(2))
    array([1., 1.])
    """

    def __init__(
        self, p: float = 0.5, inplace: bool = False, *, rng: np.random.Generator | None = None
    ) -> None:
        super().__init__()
        if isinstance(p, bool) or not isinstance(p, int | float) or not 0 <= p <= 1:
            raise ValueError(f"Dropout: p must be a probability in [0, 1]; got {p!r}")
        self.p, self.inplace, self.rng = float(p), inplace, rng

    def forward(self, x: Any) -> Any:
        tensor = x if isinstance(x, Tensor) else None
        x = _args.as_array(type(self).__name__, "x", x if tensor is None else x.data)
        if not self.training or self.p == 0:
            self._scale: Any = 1.0
            return tensor if tensor is not None else np.array(x, copy=True)
        shape = self._mask_shape(x)
        keep = init.generator(self.rng).random(shape) >= self.p
        dtype = x.dtype if x.dtype.kind == "f" else np.float64
        self._scale = keep / (1 - self.p) if self.p < 1 else np.zeros(shape)
        self._scale = self._scale.astype(dtype)  # (mask shape): 0 or 1 / (1 - p)
        if tensor is not None:
            return tensor * self._scale  # recorded: its gradient is dy * scale
        return x * self._scale

    def _mask_shape(self, x: np.ndarray) -> tuple[int, ...]:
        return x.shape

    def backward(self, dy: Any) -> np.ndarray:
        return np.asarray(dy) * self._saved("_scale")

    def extra_repr(self) -> str:
        return f"p={self.p}, inplace={self.inplace}"


class Dropout2d(Dropout):
    """Zeroes whole channels of ``x (N, C, H, W)`` (or ``(C, H, W)``) with probability ``p``,
    scaling the rest by ``1 / (1 - p)``; the identity in evaluation mode.

    >>> drop = Dropout2d(0.5, rng=np.random.default_rng(0))
    >>> drop(np.ones((1, 4, 1, 2)))[0, :, 0]
    array([[2., 2.],
           [0., 0.],
           [0., 0.],
           [0., 0.]])
    """

    def _mask_shape(self, x: np.ndarray) -> tuple[int, ...]:
        if x.ndim not in (3, 4):
            raise ValueError(f"Dropout2d: x must be (N, C, H, W) or (C, H, W); got {x.shape}")
        return (*x.shape[:-2], 1, 1)
