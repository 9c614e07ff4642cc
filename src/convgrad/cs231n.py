"""cs231n's conv layer API; it lives in :mod:`convgrad.exercises.cs231n` with the other courses."""

from .exercises.cs231n import (
    conv_backward_fast,
    conv_backward_naive,
    conv_forward_fast,
    conv_forward_naive,
)

__all__ = ["conv_backward_fast", "conv_backward_naive", "conv_forward_fast", "conv_forward_naive"]
