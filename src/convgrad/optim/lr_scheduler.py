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


class OneCycleLR(LRScheduler):
    """The one-cycle policy: the rate rises from ``max_lr / div_factor`` to ``max_lr`` over the
    first ``pct_start`` of ``total_steps``, then falls to ``initial_lr / final_div_factor``
    (``three_phase``: back to the initial rate first, then down); momentum (or Adam's first
    beta) moves the other way between ``max_momentum`` and ``base_momentum``.

    Step it once per batch. Phase ``i`` runs from step ``s0`` to ``s1`` (PyTorch's boundaries,
    ``pct_start * total_steps - 1`` and ``total_steps - 1``); in it ``pct = (step - s0) /
    (s1 - s0)`` and the value is ``end + (start - end) * (1 + cos(pi * pct)) / 2`` (``"cos"``)
    or ``start + (end - start) * pct`` (``"linear"``).

    >>> import numpy as np
    >>> from convgrad.nn.parameter import Parameter
    >>> from convgrad.optim import SGD
    >>> opt = SGD([Parameter(np.zeros(1))], lr=1.0, momentum=0.9)
    >>> schedule = OneCycleLR(opt, max_lr=1.0, total_steps=5, anneal_strategy="linear")
    >>> lrs = []
    >>> for _ in range(5):
    ...     lrs.append(schedule.get_last_lr()[0]); opt.step(); schedule.step()
    >>> [round(lr, 4) for lr in lrs]
    [0.04, 0.8571, 0.5714, 0.2857, 0.0]
    """

    def __init__(
        self,
        optimizer: Optimizer,
        max_lr: float | list[float],
        total_steps: int | None = None,
        epochs: int | None = None,
        steps_per_epoch: int | None = None,
        pct_start: float = 0.3,
        anneal_strategy: str = "cos",
        cycle_momentum: bool = True,
        base_momentum: float | list[float] = 0.85,
        max_momentum: float | list[float] = 0.95,
        div_factor: float = 25.0,
        final_div_factor: float = 1e4,
        three_phase: bool = False,
        last_epoch: int = -1,
    ) -> None:
        name = "OneCycleLR"
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{name}: optimizer must be a convgrad optimiser")
        if total_steps is not None:
            if not _is_int(total_steps) or total_steps < 1:
                raise ValueError(f"{name}: total_steps must be an int >= 1; got {total_steps!r}")
            self.total_steps = int(total_steps)
        elif epochs is not None and steps_per_epoch is not None:
            for arg, value in (("epochs", epochs), ("steps_per_epoch", steps_per_epoch)):
                if not _is_int(value) or value < 1:
                    raise ValueError(f"{name}: {arg} must be an int >= 1; got {value!r}")
            self.total_steps = int(epochs) * int(steps_per_epoch)
        else:
            raise ValueError(f"{name}: give total_steps, or epochs and steps_per_epoch")
        check_number(name, "pct_start", pct_start, 0)
        if pct_start > 1:
            raise ValueError(f"{name}: pct_start must be in [0, 1]; got {pct_start!r}")
        if anneal_strategy not in ("cos", "linear"):
            raise ValueError(f"{name}: anneal_strategy must be 'cos' or 'linear'; got "
                             f"{anneal_strategy!r}")  # fmt: skip
        self.anneal_strategy = anneal_strategy
        total = self.total_steps
        if three_phase:
            self._phases = [
                (float(pct_start * total) - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),  # noqa: E501
                (float(2 * pct_start * total) - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),  # noqa: E501
                (total - 1.0, "initial_lr", "min_lr", "max_momentum", "max_momentum"),
            ]  # fmt: skip
        else:
            self._phases = [
                (float(pct_start * total) - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),  # noqa: E501
                (total - 1.0, "max_lr", "min_lr", "base_momentum", "max_momentum"),
            ]  # fmt: skip
        groups = optimizer.param_groups
        max_lrs = _per_group(name, "max_lr", max_lr, len(groups))
        if last_epoch == -1:
            for lr, group in zip(max_lrs, groups):
                group["initial_lr"] = lr / div_factor
                group["max_lr"] = lr
                group["min_lr"] = group["initial_lr"] / final_div_factor
        self.cycle_momentum = cycle_momentum
        if cycle_momentum:
            if "momentum" not in optimizer.defaults and "betas" not in optimizer.defaults:
                raise ValueError(
                    f"{name}: cycle_momentum needs an optimiser with momentum or betas"
                )
            self.use_beta1 = "betas" in optimizer.defaults
            maxes = _per_group(name, "max_momentum", max_momentum, len(groups))
            bases = _per_group(name, "base_momentum", base_momentum, len(groups))
            if last_epoch == -1:
                for m_max, m_base, group in zip(maxes, bases, groups):
                    self._set_momentum(group, m_max)
                    group["max_momentum"], group["base_momentum"] = m_max, m_base
        super().__init__(optimizer, last_epoch)

    def _set_momentum(self, group: dict[str, Any], value: float) -> None:
        if self.use_beta1:
            group["betas"] = (value, *group["betas"][1:])
        else:
            group["momentum"] = value

    def _anneal(self, start: float, end: float, pct: float) -> float:
        if self.anneal_strategy == "cos":
            return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)
        return (end - start) * pct + start

    def get_lr(self) -> list[float]:
        step = self.last_epoch
        if step > self.total_steps:
            raise ValueError(
                f"OneCycleLR: stepped {step} times, past total_steps={self.total_steps}"
            )
        lrs = []
        for group in self.optimizer.param_groups:
            start = 0.0
            for i, (end, lr0, lr1, m0, m1) in enumerate(self._phases):
                if step <= end or i == len(self._phases) - 1:
                    pct = (step - start) / (end - start)
                    lrs.append(self._anneal(group[lr0], group[lr1], pct))
                    if self.cycle_momentum:
                        self._set_momentum(group, self._anneal(group[m0], group[m1], pct))
                    break
                start = end
        return lrs


class ReduceLROnPlateau:
    """Divide the rates by ``1 / factor`` when a metric has stopped improving.

    ``step(metric)`` once per epoch: an epoch improves when the metric beats the best so far by
    ``threshold`` (``"rel"``: ``best * (1 - threshold)`` for ``mode="min"``, ``best * (1 +
    threshold)`` for ``"max"``; ``"abs"``: ``best -/+ threshold``). After more than ``patience``
    epochs without improvement each rate becomes ``max(lr * factor, min_lr)`` (unless that
    changes it by ``eps`` or less), then ``cooldown`` epochs pass before counting again
    (``torch.optim.lr_scheduler.ReduceLROnPlateau``).

    >>> import numpy as np
    >>> from convgrad.nn.parameter import Parameter
    >>> from convgrad.optim import SGD
    >>> opt = SGD([Parameter(np.zeros(1))], lr=1.0)
    >>> schedule = ReduceLROnPlateau(opt, patience=1, factor=0.5)
    >>> for loss in [3.0, 2.0, 2.0, 2.0, 2.0, 2.0]:
    ...     schedule.step(loss)
    >>> schedule.get_last_lr()
    [0.25]
    """

    def __init__(
        self,
        optimizer: Optimizer,
        mode: str = "min",
        factor: float = 0.1,
        patience: int = 10,
        threshold: float = 1e-4,
        threshold_mode: str = "rel",
        cooldown: int = 0,
        min_lr: float | list[float] = 0,
        eps: float = 1e-8,
    ) -> None:
        name = "ReduceLROnPlateau"
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{name}: optimizer must be a convgrad optimiser")
        if mode not in ("min", "max"):
            raise ValueError(f"{name}: mode must be 'min' or 'max'; got {mode!r}")
        if threshold_mode not in ("rel", "abs"):
            raise ValueError(
                f"{name}: threshold_mode must be 'rel' or 'abs'; got {threshold_mode!r}"
            )
        check_number(name, "factor", factor, 0, 1)
        for arg, value in (("patience", patience), ("cooldown", cooldown)):
            if not _is_int(value) or value < 0:
                raise ValueError(f"{name}: {arg} must be an int >= 0; got {value!r}")
        check_number(name, "threshold", threshold, 0)
        check_number(name, "eps", eps, 0)
        self.optimizer = optimizer
        self.mode, self.factor, self.patience = mode, factor, patience
        self.threshold, self.threshold_mode = threshold, threshold_mode
        self.cooldown, self.eps = cooldown, eps
        self.min_lrs = _per_group(name, "min_lr", min_lr, len(optimizer.param_groups))
        self.best = math.inf if mode == "min" else -math.inf
        self.num_bad_epochs = 0
        self.cooldown_counter = 0
        self.last_epoch = 0
        self._last_lr = [group["lr"] for group in optimizer.param_groups]

    def is_better(self, current: float, best: float) -> bool:
        if self.mode == "min":
            if self.threshold_mode == "rel":
                return current < best * (1 - self.threshold)
            return current < best - self.threshold
        if self.threshold_mode == "rel":
            return current > best * (self.threshold + 1)
        return current > best + self.threshold

    def step(self, metrics: Any) -> None:
        """Record this epoch's metric and reduce the rates if it has plateaued."""
        current = float(metrics)
        self.last_epoch += 1
        if self.is_better(current, self.best):
            self.best, self.num_bad_epochs = current, 0
        else:
            self.num_bad_epochs += 1
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.num_bad_epochs = 0  # bad epochs in cooldown do not count
        if self.num_bad_epochs > self.patience:
            for group, min_lr in zip(self.optimizer.param_groups, self.min_lrs):
                old = float(group["lr"])
                new = max(old * self.factor, min_lr)
                if old - new > self.eps:
                    group["lr"] = new
            self.cooldown_counter, self.num_bad_epochs = self.cooldown, 0
        self._last_lr = [group["lr"] for group in self.optimizer.param_groups]

    def get_last_lr(self) -> list[float]:
        return list(self._last_lr)

    def state_dict(self) -> dict[str, Any]:
        return {k: (v.copy() if isinstance(v, list) else v) for k, v in self.__dict__.items()
                if k != "optimizer"}  # fmt: skip

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        self.__dict__.update(state_dict)


def _per_group(fn: str, name: str, value: Any, groups: int) -> list[float]:
    """``value`` for every group: one number for all, or a list with one per group."""
    values = list(value) if isinstance(value, list | tuple) else [value] * groups
    if len(values) != groups:
        raise ValueError(f"{fn}: {name} must be a number or {groups} numbers; got {value!r}")
    for v in values:
        check_number(fn, name, v, 0)
    return [float(v) for v in values]
