"""The courses whose conv exercises learners write by hand, one module per course.

- :mod:`.seeds`: the seeds' series, ``conv2d_naive(x, W)`` and the exercise
  ``conv2d_backward(grad_out, x, W) -> (dx, dW)`` (single image, stride 1, no padding);
- :mod:`.cs231n`: cs231n assignment 2, ``conv_forward_naive`` / ``conv_backward_naive`` and the
  fast drop-ins.

Each module holds the course's reference answers; :mod:`convgrad.grading` grades learners'
versions against them. A new course is a new module here.
"""

from .seeds import conv2d_backward, conv2d_naive

__all__ = ["conv2d_backward", "conv2d_naive"]
