"""``Upsample``: resize by nearest neighbour or (bi/tri)linear interpolation (PyTorch's)."""

from __future__ import annotations

from typing import Any

from ..autograd import Tensor
from . import functional
from .tape import TapeModule


class Upsample(TapeModule):
    """Resize ``x (N, C, *spatial)`` to ``size`` or by ``scale_factor``
    (:func:`convgrad.nn.functional.interpolate`).

    >>> import numpy as np
    >>> Upsample(scale_factor=2)(np.array([[[[1.0, 2.0]]]]))
    array([[[[1., 1., 2., 2.],
             [1., 1., 2., 2.]]]])
    """

    def __init__(self, size: Any = None, scale_factor: Any = None, mode: str = "nearest",
                 align_corners: bool | None = None,
                 recompute_scale_factor: bool | None = None) -> None:  # fmt: skip
        super().__init__()
        self.size, self.scale_factor, self.mode = size, scale_factor, mode
        self.align_corners, self.recompute_scale_factor = align_corners, recompute_scale_factor

    def tape_forward(self, x: Tensor) -> Tensor:
        return functional.interpolate(x, self.size, self.scale_factor, self.mode,
                                      self.align_corners, self.recompute_scale_factor)  # fmt: skip

    def extra_repr(self) -> str:
        s = f"size={self.size}" if self.size is not None else f"scale_factor={self.scale_factor}"
        return f"{s}, mode={self.mode!r}"
