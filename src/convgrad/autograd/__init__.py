"""``convgrad.autograd``: a small reverse-mode tape over convgrad's ops.

:mod:`~convgrad.autograd.engine` is the tape: ``Tensor``, ``backward`` (read it first) and the
arithmetic; :mod:`~convgrad.autograd.ops` holds the other ops.
"""

from .engine import Tensor, as_tensor, is_grad_enabled, no_grad, record, sum_to_shape, tensor
from .ops import cat, maximum, stack

__all__ = [
    "Tensor",
    "as_tensor",
    "cat",
    "is_grad_enabled",
    "maximum",
    "no_grad",
    "record",
    "stack",
    "sum_to_shape",
    "tensor",
]
