"""``TapeModule``: a layer whose explicit ``backward`` is read from the tape.

The layers added with :mod:`convgrad.autograd` write only a forward on Tensors, ``tape_forward``
(built from :mod:`convgrad.nn.functional`, whose ops carry their backward). Called on a NumPy
array, such a layer runs ``tape_forward`` on a Tensor copy of it and keeps the result;
``backward(dy)`` then runs the tape from that result, accumulating the parameters' gradients
into their ``.grad`` and returning ``dx``, so it fits in a ``Sequential`` on the explicit path.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..autograd import Tensor
from .module import Module


class TapeModule(Module):
    """A module defined by ``tape_forward(x: Tensor) -> Tensor`` alone."""

    def tape_forward(self, x: Tensor) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define tape_forward")

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            return self.tape_forward(x)
        a = np.asarray(x)
        t = Tensor(a, requires_grad=a.dtype.kind == "f")
        y = self.tape_forward(t)
        self._x = (t, y)
        return y.data

    def backward(self, dy: Any) -> np.ndarray:
        t, y = self._saved()
        t.grad = None
        if y.requires_grad:
            y.backward(np.asarray(dy))
        return np.zeros_like(t.data) if t.grad is None else t.grad
