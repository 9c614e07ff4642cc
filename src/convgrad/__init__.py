"""convgrad: convolution forward and backward passes in plain NumPy.

Fast vectorised kernels with their backward passes (this namespace), readable reference loops
(:mod:`convgrad.reference`), a gradient checker (:func:`gradcheck`), layers and losses
(:mod:`convgrad.nn`), optimisers (:mod:`convgrad.optim`), and the seeds' own APIs
(:mod:`convgrad.exercises`, :mod:`convgrad.cs231n`). Arguments and results follow
``torch.nn.functional``.
"""

from . import nn, optim
from ._api import ConvGrads
from .activations import (
    leaky_relu,
    leaky_relu_backward,
    relu,
    relu_backward,
    sigmoid,
    sigmoid_backward,
    tanh,
    tanh_backward,
)
from .autograd import Tensor, cat, no_grad, stack, tensor
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
from .dense import LinearGrads, linear, linear_backward
from .gradcheck import GradcheckReport, InputReport, gradcheck
from .losses import cross_entropy, cross_entropy_backward, mse_loss, mse_loss_backward
from .normalization import BatchNormGrads, batch_norm, batch_norm_backward, batch_norm_stats
from .pooling import (
    adaptive_avg_pool2d,
    adaptive_avg_pool2d_backward,
    avg_pool2d,
    avg_pool2d_backward,
    max_pool2d,
    max_pool2d_backward,
)

__version__ = "0.1.0"

# Submodules that ``import convgrad`` does not load (the command line, training, data sets, the
# grader, pictures...), reached as attributes all the same: ``convgrad.training`` imports
# ``convgrad.training`` on first access (PEP 562), so ``import convgrad`` stays as fast as the
# kernels alone. (``gradcheck`` is the function; its module is ``convgrad.gradcheck`` in
# ``sys.modules``.)
_LAZY_SUBMODULES = (
    "bench",
    "cli",
    "commands",
    "cs231n",
    "data",
    "exercises",
    "explain",
    "grading",
    "plots",
    "reference",
    "training",
)


def __getattr__(name: str) -> object:
    if name in _LAZY_SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")  # also sets it as an attribute
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY_SUBMODULES})


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
    "max_pool2d",
    "max_pool2d_backward",
    "avg_pool2d",
    "avg_pool2d_backward",
    "adaptive_avg_pool2d",
    "adaptive_avg_pool2d_backward",
    "relu",
    "relu_backward",
    "leaky_relu",
    "leaky_relu_backward",
    "sigmoid",
    "sigmoid_backward",
    "tanh",
    "tanh_backward",
    "LinearGrads",
    "linear",
    "linear_backward",
    "BatchNormGrads",
    "batch_norm",
    "batch_norm_backward",
    "batch_norm_stats",
    "cross_entropy",
    "cross_entropy_backward",
    "mse_loss",
    "mse_loss_backward",
    "nn",
    "optim",
    "Tensor",
    "tensor",
    "cat",
    "stack",
    "no_grad",
]
