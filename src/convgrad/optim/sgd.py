"""Stochastic gradient descent with momentum, dampening, Nesterov and weight decay."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from ..nn.parameter import Parameter
from .optimizer import Optimizer, check_flag, check_number, elementwise


class SGD(Optimizer):
    """Stochastic gradient descent with momentum, dampening, Nesterov and weight decay.

    PyTorch's update rule (``torch.optim.SGD``), per parameter ``p`` with gradient ``g``, learning
    rate ``lr``, momentum ``mu``, dampening ``tau`` and weight decay ``lambda``::

        g = -g                          if maximize
        g = g + lambda * p              if lambda != 0      (L2 penalty, added to the gradient)
        if mu != 0:
            b = g                       on the first step (a copy; dampening is not applied)
            b = mu * b + (1 - tau) * g  on later steps
            g = g + mu * b              if nesterov
            g = b                       otherwise
        p = p - lr * g

    ``params``: Parameters (any shapes) or parameter groups; ``lr >= 0``, ``momentum >= 0``,
    ``weight_decay >= 0``; ``nesterov`` needs ``momentum > 0`` and ``dampening == 0``. The state
    of a parameter is its ``"momentum_buffer"`` (shaped like the parameter), once momentum is on.

    >>> p = Parameter(np.array([1.0, 2.0]))
    >>> opt = SGD([p], lr=0.1, momentum=0.9)
    >>> for _ in range(2):
    ...     p.grad = np.array([1.0, 1.0]); opt.step()
    >>> p.data  # buffers 1 then 0.9 * 1 + 1 = 1.9: p - 0.1 * (1 + 1.9)
    array([0.71, 1.71])
    """

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        momentum: float = 0,
        dampening: float = 0,
        weight_decay: float = 0,
        nesterov: bool = False,
        *,
        maximize: bool = False,
    ) -> None:
        defaults = dict(
            lr=lr,
            momentum=momentum,
            dampening=dampening,
            weight_decay=weight_decay,
            nesterov=nesterov,
            maximize=maximize,
        )
        super().__init__(params, defaults)

    def _check(self, group: dict[str, Any]) -> None:
        check_number("SGD", "lr", group["lr"], 0)
        check_number("SGD", "momentum", group["momentum"], 0)
        check_number("SGD", "dampening", group["dampening"], -np.inf)
        check_number("SGD", "weight_decay", group["weight_decay"], 0)
        check_flag("SGD", "nesterov", group["nesterov"])
        check_flag("SGD", "maximize", group["maximize"])
        if group["nesterov"] and (group["momentum"] <= 0 or group["dampening"] != 0):
            raise ValueError(
                "SGD: nesterov=True needs momentum > 0 and dampening = 0; got momentum="
                f"{group['momentum']}, dampening={group['dampening']}"
            )

    @elementwise
    def _update(
        self, p: Parameter, grad: np.ndarray, group: dict[str, Any], state: dict[str, Any]
    ) -> None:
        lr, mu, wd = group["lr"], group["momentum"], group["weight_decay"]
        g = -grad if group["maximize"] else grad
        if wd != 0:
            g = g + wd * p.data
        if mu != 0:
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = state["momentum_buffer"] = g.copy()
            else:
                buf *= mu
                buf += (1 - group["dampening"]) * g
            g = g + mu * buf if group["nesterov"] else buf
        p.data -= lr * g
