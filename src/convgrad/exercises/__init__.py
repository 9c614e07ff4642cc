"""The courses whose conv exercises learners write by hand, one module per course.

- :mod:`.seeds`: the seeds' "build-cnn" series: step 01 ``conv2d_naive(x, W)``, step 02
  ``conv2d(x, W, padding=0, stride=1)``, the helpers ``relu``, ``max_pool_2d`` (2x2, stride 2)
  and ``softmax``, step 05 the exercise ``conv2d_backward(grad_out, x, W) -> (dx, dW)``, and
  step 06 ``mini_cnn_forward(x, W_conv, W_fc)`` (single image ``(C_in, H, W)``, channels first);
- :mod:`.cs231n`: cs231n assignment 2, ``conv_forward_naive`` / ``conv_backward_naive``, the
  fast drop-ins, and ``max_pool_forward_naive`` / ``max_pool_backward_naive``;
- :mod:`.dlai`: deeplearning.ai Course 4 Week 1, "Convolution model: step by step", channels
  last: ``zero_pad``, ``conv_single_step``, ``conv_forward``, ``pool_forward``,
  ``conv_backward``, ``create_mask_from_window``, ``distribute_value``, ``pool_backward``.

Each module holds the course's reference answers and describes itself the same way
(:mod:`._catalogue`): ``EXERCISES``, each function's signature and shapes (``convgrad exercises``
prints them); ``battery(function)``, named inputs the course's template accepts, each with what
it exercises; and, private, ``_VARIANTS``, the real bugs learners make, each a buggy version of
the reference. :mod:`convgrad.grading` grades learners' versions against them. A new course is a
new module here and one line in :data:`COURSES`.

>>> sorted(COURSES)
['cs231n', 'dlai', 'seeds']
"""

from . import cs231n, dlai, seeds
from .seeds import conv2d_backward, conv2d_naive

COURSES = {
    "seeds": ("the seeds' build-cnn series (steps 01 to 06)", seeds),
    "cs231n": ("cs231n assignment 2: the conv layer and max pooling", cs231n),
    "dlai": ('deeplearning.ai Course 4 Week 1, "Convolution model: step by step"', dlai),
}
"""Each course's name on the command line: a one-line title and its module."""

__all__ = ["COURSES", "conv2d_backward", "conv2d_naive"]
