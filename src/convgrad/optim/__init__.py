"""Optimisers and learning-rate schedules over :class:`~convgrad.nn.parameter.Parameter`.

:class:`SGD` (momentum, dampening, Nesterov, weight decay), :class:`Adam`, :class:`AdamW` and
:class:`RMSprop` follow ``torch.optim``: the same arguments, defaults, update rules (written out
in each module's docstring), parameter groups and state-dict layout; the tests hold their
trajectories to PyTorch's step by step. :mod:`convgrad.optim.lr_scheduler` holds
:class:`~.lr_scheduler.StepLR`, :class:`~.lr_scheduler.MultiStepLR`,
:class:`~.lr_scheduler.CosineAnnealingLR`, :class:`~.lr_scheduler.OneCycleLR` and
:class:`~.lr_scheduler.ReduceLROnPlateau`.

>>> import numpy as np
>>> from convgrad.nn.parameter import Parameter
>>> p = Parameter(np.array([3.0]))
>>> opt = SGD([p], lr=0.25)
>>> for _ in range(3):  # minimise p**2, whose gradient is 2 p
...     opt.zero_grad(); p.grad = 2 * p.data; opt.step()
>>> p.data
array([0.375])
"""

from . import lr_scheduler
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD

__all__ = ["Adam", "AdamW", "Optimizer", "RMSprop", "SGD", "lr_scheduler"]
