"""RMSprop: steps scaled by a running root mean square of the gradient."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from ..nn.parameter import Parameter
from .optimizer import Optimizer, check_flag, check_number, elementwise


class RMSprop(Optimizer):
    """RMSprop with momentum, centring and weight decay (``torch.optim.RMSprop``).

    Per parameter ``p`` with gradient ``g``, smoothing ``alpha``, ``eps``, momentum ``mu`` and
    weight decay ``lambda`` (``v``, ``m`` and ``b`` start at 0)::

        g = -g                                  if maximize
        g = g + lambda * p                      if lambda != 0
        v = alpha * v + (1 - alpha) * g**2      (the mean square)
        m = alpha * m + (1 - alpha) * g         if centered (the mean)
        d = sqrt(v - m**2) + eps                if centered, else sqrt(v) + eps
        b = mu * b + g / d; p = p - lr * b      if mu > 0
        p = p - lr * g / d                      otherwise

    The state of a parameter is its ``"step"``, ``"square_avg"``, and ``"momentum_buffer"`` and
    ``"grad_avg"`` when momentum and centring are on.

    >>> p = Parameter(np.array([1.0]))
    >>> opt = RMSprop([p], lr=0.01)
    >>> p.grad = np.array([2.0]); opt.step(); p.data.round(4)  # 1 - 0.01 * 2 / sqrt(0.01 * 4)
    array([0.9])
    """

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0,
        momentum: float = 0,
        centered: bool = False,
        *,
        maximize: bool = False,
    ) -> None:
        defaults = dict(
            lr=lr,
            alpha=alpha,
            eps=eps,
            weight_decay=weight_decay,
            momentum=momentum,
            centered=centered,
            maximize=maximize,
        )
        super().__init__(params, defaults)

    def _check(self, group: dict[str, Any]) -> None:
        for name in ("lr", "alpha", "eps", "weight_decay", "momentum"):
            check_number("RMSprop", name, group[name], 0)
        check_flag("RMSprop", "centered", group["centered"])
        check_flag("RMSprop", "maximize", group["maximize"])

    @elementwise
    def _update(
        self, p: Parameter, grad: np.ndarray, group: dict[str, Any], state: dict[str, Any]
    ) -> None:
        lr, alpha, eps = group["lr"], group["alpha"], group["eps"]
        mu, wd = group["momentum"], group["weight_decay"]
        g = -grad if group["maximize"] else grad
        if wd != 0:
            g = g + wd * p.data
        if "square_avg" not in state:
            state["step"] = 0
            state["square_avg"] = np.zeros_like(p.data)
            if mu > 0:
                state["momentum_buffer"] = np.zeros_like(p.data)
            if group["centered"]:
                state["grad_avg"] = np.zeros_like(p.data)
        state["step"] += 1
        v = state["square_avg"]
        v *= alpha
        v += (1 - alpha) * g * g
        if group["centered"]:
            m = state["grad_avg"]
            m *= alpha
            m += (1 - alpha) * g
            denom = np.sqrt(v - m * m) + eps
        else:
            denom = np.sqrt(v) + eps
        if mu > 0:
            b = state.setdefault("momentum_buffer", np.zeros_like(p.data))
            b *= mu
            b += g / denom
            p.data -= lr * b
        else:
            p.data -= lr * (g / denom)
