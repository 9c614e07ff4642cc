"""Learning-rate schedules: step, multi-step and cosine annealing, as ``torch.optim.lr_scheduler``.

A scheduler sets ``group["lr"]`` of every parameter group of an optimiser. Creating it records
each group's starting rate as ``group["initial_lr"]`` (the *base* rate, ``base_lrs``) and counts
``last_epoch = 0``; each :meth:`LRScheduler.step` (call it after ``optimizer.step()``, once per
epoch or once per batch, as the schedule is meant) adds one to ``last_epoch`` and sets the next
rate. With ``base`` the base rate and ``e`` the value of ``last_epoch``:

- :class:`StepLR`: ``base * gamma ** (e // step_size)``;
- :class:`MultiStepLR`: ``base * gamma ** (number of milestones <= e)``;
- :class:`CosineAnnealingLR`: ``eta_min + (base - eta_min) * (1 + cos(pi * e / T_max)) / 2``,
  which falls from ``base`` at ``e = 0`` to ``eta_min`` at ``e = T_max`` (and rises again after,
  as PyTorch's does).

Like PyTorch's, the rates are computed *recursively* from the group's current rate (StepLR
multiplies by ``gamma`` at each multiple of ``step_size``; the cosine schedule multiplies the
distance to ``eta_min`` by the ratio of successive cosine terms), so they agree with the closed
forms above to rounding, and a rate changed by hand between steps carries on from there; and
``last_epoch`` given to a constructor resumes a schedule whose groups already hold
``"initial_lr"``.
"""

from __future__ import annotations

import math
import numbers
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .optimizer import Optimizer, check_number


class LRScheduler:
    """Base class: subclasses define ``get_lr``, the next rate of each group.

    ``last_epoch`` is the index of the last epoch (``-1``: a fresh start); ``base_lrs`` the
    groups' ``initial_lr``.
    """

    def __init__(self, optimizer: Optimizer, last_epoch: int = -1) -> None:
        name = type(self).__name__
        if not isinstance(optimizer, Optimizer):
            raise TypeError(
                f"{name}: optimizer must be a convgrad optimiser; got {type(optimizer).__name__}"
            )
        if not _is_int(last_epoch) or last_epoch < -1:
            raise ValueError(f"{name}: last_epoch must be an int >= -1; got {last_epoch!r}")
        if last_epoch == -1:
            for group in optimizer.param_groups:
                group.setdefault("initial_lr", group["lr"])
        else:
            for i, group in enumerate(optimizer.param_groups):
                if "initial_lr" not in group:
                    raise ValueError(
                        f"{name}: last_epoch={last_epoch} resumes a schedule, but parameter "
                        f"group {i} has no 'initial_lr' (load the optimiser's state first)"
                    )
        self.optimizer = optimizer
        self.base_lrs: list[float] = [group["initial_lr"] for group in optimizer.param_groups]
        self.last_epoch = last_epoch
        self._step_count = 0
        self._initial = True
        self.step()
        self._initial = False

    def get_lr(self) -> list[float]:
        """The rate of each group for epoch ``last_epoch`` (already advanced by ``step``)."""
        raise NotImplementedError

    def step(self) -> None:
        """Advance ``last_epoch`` by one and set every group's ``lr`` for it."""
        self._step_count += 1
        self.last_epoch += 1
        lrs = self.get_lr()
        for group, lr in zip(self.optimizer.param_groups, lrs):
            group["lr"] = lr
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]

    def get_last_lr(self) -> list[float]:
        """The rate of each group set by the last :meth:`step`."""
        return list(self._last_lr)

    def state_dict(self) -> dict[str, Any]:
        """Everything but the optimiser, to resume the schedule with :meth:`load_state_dict`."""
        return {
            k: (v.copy() if isinstance(v, (list, dict)) else v)
            for k, v in self.__dict__.items()
            if k != "optimizer"
        }

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Restore a state from :meth:`state_dict`."""
        self.__dict__.update(
            {k: (v.copy() if isinstance(v, (list, dict)) else v) for k, v in state_dict.items()}
        )

    def _current(self) -> list[float]:
        return [group["lr"] for group in self.optimizer.param_groups]


class StepLR(LRScheduler):
    """Multiply each group's rate by ``gamma`` every ``step_size`` epochs.

    ``lr = base * gamma ** (last_epoch // step_size)``; ``step_size >= 1``.

    >>> import numpy as np
    >>> from convgrad.nn.parameter import Parameter
    >>> from convgrad.optim import SGD
    >>> opt = SGD([Parameter(np.zeros(1))], lr=1.0)
    >>> schedule = StepLR(opt, step_size=2, gamma=0.5)
    >>> lrs = []
    >>> for _ in range(5):
    ...     lrs.append(schedule.get_last_lr()[0]); opt.step(); schedule.step()
    >>> lrs
    [1.0, 1.0, 0.5, 0.5, 0.25]
    """

    def __init__(
        self, optimizer: Optimizer, step_size: int, gamma: float = 0.1, last_epoch: int = -1
    ) -> None:
        if not _is_int(step_size) or step_size < 1:
            raise ValueError(f"StepLR: step_size must be an int >= 1; got {step_size!r}")
        check_number("StepLR", "gamma", gamma, -math.inf)
        self.step_size = int(step_size)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        if self.last_epoch == 0 or self.last_epoch % self.step_size != 0:
            return self._current()
        return [lr * self.gamma for lr in self._current()]


class MultiStepLR(LRScheduler):
    """Multiply each group's rate by ``gamma`` when ``last_epoch`` reaches each milestone.

    ``lr = base * gamma ** (number of milestones <= last_epoch)``; a milestone listed twice
    counts twice, as in PyTorch.

    >>> import numpy as np
    >>> from convgrad.nn.parameter import Parameter
    >>> from convgrad.optim import SGD
    >>> opt = SGD([Parameter(np.zeros(1))], lr=1.0)
    >>> schedule = MultiStepLR(opt, milestones=[1, 3], gamma=0.1)
    >>> lrs = []
    >>> for _ in range(4):
    ...     lrs.append(schedule.get_last_lr()[0]); opt.step(); schedule.step()
    >>> [round(lr, 12) for lr in lrs]
    [1.0, 0.1, 0.1, 0.01]
    """

    def __init__(
        self,
        optimizer: Optimizer,
        milestones: Iterable[int],
        gamma: float = 0.1,
        last_epoch: int = -1,
    ) -> None:
        try:
            milestones = list(milestones)
        except TypeError as err:
            raise TypeError(
                f"MultiStepLR: milestones must be a list of ints; got {milestones!r:.80}"
            ) from err
        if not all(_is_int(m) and m >= 0 for m in milestones):
            raise ValueError(f"MultiStepLR: milestones must be ints >= 0; got {milestones!r}")
        check_number("MultiStepLR", "gamma", gamma, -math.inf)
        self.milestones = Counter(int(m) for m in milestones)
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        if self.last_epoch not in self.milestones:
            return self._current()
        factor = self.gamma ** self.milestones[self.last_epoch]
        return [lr * factor for lr in self._current()]


class CosineAnnealingLR(LRScheduler):
    """Anneal each group's rate from its base to ``eta_min`` over ``T_max`` epochs on a cosine.

    ``lr = eta_min + (base - eta_min) * (1 + cos(pi * last_epoch / T_max)) / 2``, computed as
    PyTorch computes it (recursively; see the module docstring); ``T_max >= 1``.

    >>> import numpy as np
    >>> from convgrad.nn.parameter import Parameter
    >>> from convgrad.optim import SGD
    >>> opt = SGD([Parameter(np.zeros(1))], lr=1.0)
    >>> schedule = CosineAnnealingLR(opt, T_max=4)
    >>> lrs = []
    >>> for _ in range(5):
    ...     lrs.append(schedule.get_last_lr()[0]); opt.step(); schedule.step()
    >>> [round(lr, 4) for lr in lrs]
    [1.0, 0.8536, 0.5, 0.1464, 0.0]
    """

    def __init__(
        self, optimizer: Optimizer, T_max: int, eta_min: float = 0.0, last_epoch: int = -1
    ) -> None:
        if not _is_int(T_max) or T_max < 1:
            raise ValueError(f"CosineAnnealingLR: T_max must be an int >= 1; got {T_max!r}")
        check_number("CosineAnnealingLR", "eta_min", eta_min, -math.inf)
        self.T_max = int(T_max)
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def get_lr(self) -> list[float]:
        e, t_max, eta_min = self.last_epoch, self.T_max, self.eta_min
        if self._initial:  # the constructor's step keeps the rates, resuming or not
            return self._current()
        if (e - 1 - t_max) % (2 * t_max) == 0:
            # just past a minimum, where the ratio below would divide by 1 + cos(pi) = 0
            return [
                lr + (base - eta_min) * (1 - math.cos(math.pi / t_max)) / 2
                for lr, base in zip(self._current(), self.base_lrs)
            ]
        ratio = (1 + math.cos(math.pi * e / t_max)) / (1 + math.cos(math.pi * (e - 1) / t_max))
        return [ratio * (lr - eta_min) + eta_min for lr in self._current()]


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)
