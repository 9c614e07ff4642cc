"""convgrad: convolution forward and backward passes in plain NumPy.

Fast vectorised kernels (this namespace), readable reference loops (:mod:`convgrad.reference`),
a gradient checker (:func:`gradcheck`), and the seeds' own APIs (:mod:`convgrad.exercises`,
:mod:`convgrad.cs231n`). Arguments and results follow ``torch.nn.functional``.
"""

from ._api import ConvGrads
from .convolution import (
    conv1d,
    conv1d_backward,
    conv2d,
    conv2d_backward,
    conv3d,
    conv3d_backward,
    conv_transpose1d,
    conv_transpose1d_backward,
    conv_transpose2d,
    conv_transpose2d_backward,
    conv_transpose3d,
    conv_transpose3d_backward,
)
from .gradcheck import GradcheckReport, InputReport, gradcheck

__version__ = "0.1.0"

__all__ = [
    "ConvGrads",
    "GradcheckReport",
    "InputReport",
    "gradcheck",
    "conv1d",
    "conv1d_backward",
    "conv2d",
    "conv2d_backward",
    "conv3d",
    "conv3d_backward",
    "conv_transpose1d",
    "conv_transpose1d_backward",
    "conv_transpose2d",
    "conv_transpose2d_backward",
    "conv_transpose3d",
    "conv_transpose3d_backward",
]
