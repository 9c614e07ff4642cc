"""``convgrad.nn``: layers with their gradients beside them, under PyTorch's names.

Two paths give the same numbers. Called on a NumPy array, a layer's ``forward`` (``layer(x)``)
keeps what its ``backward`` needs; ``backward(dy)`` returns ``dx`` and accumulates every
parameter's gradient into its ``.grad`` (the path learners study). Called on a
:class:`convgrad.Tensor`, it records the tape (:mod:`convgrad.autograd`) instead, so a model of
any shape, written as in PyTorch with :mod:`convgrad.nn.functional`, needs no backward:
``loss.backward()`` fills every ``.grad``. Constructors take
PyTorch's arguments and defaults, plus ``dtype`` (float32, PyTorch's default) and ``rng`` for
the layers that draw random numbers; :func:`manual_seed` seeds the generator used when ``rng`` is
None. ``state_dict()`` has the keys and shapes of the equivalent PyTorch module, so weights move
both ways: ``ours.load_state_dict(theirs.state_dict())`` and
``theirs.load_state_dict({k: torch.from_numpy(v) for k, v in ours.state_dict().items()})``.

>>> import numpy as np
>>> from convgrad import nn
>>> nn.manual_seed(0)
>>> model = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
...                       nn.Flatten(), nn.Linear(8 * 4 * 4, 10))
>>> x, labels = np.ones((2, 1, 8, 8), dtype=np.float32), np.array([3, 7])
>>> loss_fn = nn.CrossEntropyLoss()
>>> loss = loss_fn(model(x), labels)
>>> dx = model.backward(loss_fn.backward())
>>> dx.shape, [(name, p.grad.shape) for name, p in model.named_parameters()][:2]
((2, 1, 8, 8), [('0.weight', (8, 1, 3, 3)), ('0.bias', (8,))])
>>> import convgrad as cg
>>> grads = [p.grad.copy() for p in model.parameters()]
>>> model.zero_grad()
>>> loss_fn(model(cg.tensor(x)), labels).backward()   # the tape: the same gradients
>>> all(np.allclose(p.grad, g) for p, g in zip(model.parameters(), grads))
True
"""

from . import functional, init
from .activation import (
    ELU,
    GELU,
    Hardsigmoid,
    Hardswish,
    Hardtanh,
    LeakyReLU,
    LogSoftmax,
    ReLU,
    ReLU6,
    Sigmoid,
    SiLU,
    Softmax,
    Softplus,
    Tanh,
)
from .batchnorm import BatchNorm1d, BatchNorm2d
from .container import Identity, ModuleDict, ModuleList
from .conv import Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d
from .dropout import Dropout, Dropout2d
from .init import manual_seed
from .linear import Flatten, Linear
from .loss import BCEWithLogitsLoss, CrossEntropyLoss, MSELoss, NLLLoss
from .module import IncompatibleKeys, Module, Sequential
from .normalization import GroupNorm, LayerNorm
from .parameter import Parameter
from .pooling import (
    AdaptiveAvgPool2d,
    AdaptiveMaxPool2d,
    AvgPool1d,
    AvgPool2d,
    MaxPool1d,
    MaxPool2d,
)
from .tape import TapeModule
from .upsampling import Upsample

__all__ = [
    "AdaptiveAvgPool2d",
    "AdaptiveMaxPool2d",
    "AvgPool1d",
    "AvgPool2d",
    "BCEWithLogitsLoss",
    "BatchNorm1d",
    "BatchNorm2d",
    "Dropout2d",
    "ELU",
    "GELU",
    "GroupNorm",
    "Hardsigmoid",
    "Hardswish",
    "Hardtanh",
    "ReLU6",
    "SiLU",
    "Softplus",
    "Identity",
    "LayerNorm",
    "LogSoftmax",
    "MaxPool1d",
    "ModuleDict",
    "ModuleList",
    "NLLLoss",
    "Softmax",
    "TapeModule",
    "Upsample",
    "functional",
    "init",
    "Conv1d",
    "Conv2d",
    "Conv3d",
    "ConvTranspose1d",
    "ConvTranspose2d",
    "ConvTranspose3d",
    "CrossEntropyLoss",
    "Dropout",
    "Flatten",
    "IncompatibleKeys",
    "LeakyReLU",
    "Linear",
    "MSELoss",
    "MaxPool2d",
    "Module",
    "Parameter",
    "ReLU",
    "Sequential",
    "Sigmoid",
    "Tanh",
    "manual_seed",
]
