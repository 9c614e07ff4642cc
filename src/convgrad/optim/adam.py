"""Adam and AdamW: PyTorch's update rules, AMSGrad included."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from ..kernels import accel
from ..kernels import parallel as _parallel
from ..nn.parameter import Parameter
from .optimizer import Optimizer, check_flag, check_number, elementwise


class Adam(Optimizer):
    """Adam (Kingma and Ba, 2015), with PyTorch's update rule.

    Per parameter ``p`` with gradient ``g``, at step ``t = 1, 2, ...``, with learning rate ``lr``,
    ``betas = (b1, b2)``, ``eps`` and weight decay ``lambda`` (``m``, ``v``, ``v_max`` start at 0)::

        g = -g                                  if maximize
        p = p - lr * lambda * p                 AdamW (decoupled weight decay)
        g = g + lambda * p                      Adam (L2 penalty, added to the gradient)
        m = b1 * m + (1 - b1) * g               first moment
        v = b2 * v + (1 - b2) * g**2            second moment
        v_max = max(v_max, v)                   if amsgrad; v_max replaces v below
        p = p - (lr / (1 - b1**t)) * m / (sqrt(v) / sqrt(1 - b2**t) + eps)

    The bias corrections ``1 - b**t`` undo the moments' start at zero. The state of a parameter is
    ``"step"`` (an int) and ``"exp_avg"`` (``m``), ``"exp_avg_sq"`` (``v``) and, with AMSGrad,
    ``"max_exp_avg_sq"`` (``v_max``), each shaped like the parameter.

    ``params``: Parameters (any shapes) or parameter groups; ``lr >= 0``, ``eps >= 0``,
    ``0 <= b1, b2 < 1``, ``weight_decay >= 0`` (an L2 penalty, unless
    ``decoupled_weight_decay=True``, which is :class:`AdamW`).

    >>> p = Parameter(np.array([1.0, -1.0]))
    >>> opt = Adam([p], lr=0.1)
    >>> p.grad = np.array([3.0, -0.5]); opt.step()
    >>> p.data  # the first step moves each element by about lr, against its gradient's sign
    array([ 0.9, -0.9])
    """

    _name = "Adam"

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
        decoupled_weight_decay: bool = False,
    ) -> None:
        defaults = dict(
            lr=lr,
            betas=betas,
            eps=eps,
            weight_decay=weight_decay,
            amsgrad=amsgrad,
            maximize=maximize,
            decoupled_weight_decay=decoupled_weight_decay,
        )
        super().__init__(params, defaults)

    def _check(self, group: dict[str, Any]) -> None:
        fn = self._name
        check_number(fn, "lr", group["lr"], 0)
        check_number(fn, "eps", group["eps"], 0)
        betas = group["betas"]
        if isinstance(betas, np.ndarray):
            betas = betas.tolist()
        if not isinstance(betas, (tuple, list)) or len(betas) != 2:
            raise TypeError(f"{fn}: betas must be a pair (b1, b2); got {betas!r}")
        group["betas"] = tuple(betas)
        check_number(fn, "betas[0]", betas[0], 0, 1)
        check_number(fn, "betas[1]", betas[1], 0, 1)
        check_number(fn, "weight_decay", group["weight_decay"], 0)
        for flag in ("amsgrad", "maximize", "decoupled_weight_decay"):
            check_flag(fn, flag, group[flag])

    @elementwise
    def _update(
        self, p: Parameter, grad: np.ndarray, group: dict[str, Any], state: dict[str, Any]
    ) -> None:
        lr, (b1, b2), eps, wd = group["lr"], group["betas"], group["eps"], group["weight_decay"]
        if not state:
            state["step"] = 0
            state["exp_avg"] = np.zeros_like(p.data)
            state["exp_avg_sq"] = np.zeros_like(p.data)
            if group["amsgrad"]:
                state["max_exp_avg_sq"] = np.zeros_like(p.data)
        state["step"] += 1
        t = state["step"]
        m, v = state["exp_avg"], state["exp_avg_sq"]
        g = -grad if group["maximize"] else grad
        if wd != 0:
            if group["decoupled_weight_decay"]:
                p.data *= 1 - lr * wd
            else:
                g = g + wd * p.data
        v_max = None
        if group["amsgrad"]:
            if "max_exp_avg_sq" not in state:  # amsgrad switched on after some steps
                state["max_exp_avg_sq"] = np.zeros_like(p.data)
            v_max = state["max_exp_avg_sq"]
        with np.errstate(all="ignore"):  # a NaN or an infinity propagates silently, as in torch
            _step(p.data, g, m, v, v_max, _numbers(p.data.dtype, b1, b2, eps, lr, t))


# Adam's update on a parameter of at least ADAM_SPLIT numbers runs a share of the flat arrays on
# each thread: its 13 NumPy passes repay the threads' wake-up from far fewer numbers than one
# pass does (parallel.SPLIT_ELEMENTS). One parameter, float32, 2 threads, us, whole / split
# (``python benchmarks/adam_split.py``, 2026-11-30, an Intel Xeon VM): 65,536 numbers 158 / 301,
# 262,144 860 / 618, 1,048,576 4,260 / 2,387, 4,194,304 20,169 / 9,689.
ADAM_SPLIT = 1 << 17
# The compiled update (kernels/optim_numba.py), one pass, is split from this many numbers:
# 262,144 202 / 327, 1,048,576 769 / 711, 4,194,304 3,238 / 1,925 (the same run).
ADAM_NUMBA_SPLIT = 1 << 20


def _numbers(dtype: np.dtype, b1: float, b2: float, eps: float, lr: float, t: int) -> tuple:
    """The update's constants in the parameter's dtype: ``(1 - b1, b2, 1 - b2,
    sqrt(1 - b2**t), eps, lr / (1 - b1**t))``. NumPy rounds a Python number to an array's dtype
    before the arithmetic, so these give the textbook expressions' bits."""
    kind = np.dtype(dtype).type
    return tuple(kind(c) for c in (1 - b1, b2, 1 - b2, (1 - b2**t) ** 0.5, eps, lr / (1 - b1**t)))


def _step(
    p: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, v_max: np.ndarray | None,
    numbers: tuple,
) -> None:  # fmt: skip
    """Adam's step on ``p`` in place, from ``g`` and the moments ``m``, ``v`` (and ``v_max``):
    numba's one pass when the accelerator is on, else NumPy's passes, split over the threads
    (both on the arrays flat, when they are contiguous)."""
    arrays = [p, g, m, v] if v_max is None else [p, g, m, v, v_max]
    if not all(a.flags.c_contiguous and a.dtype == p.dtype for a in arrays):
        _passes(p, g, m, v, v_max, numbers)
        return
    fp, fg, fm, fv = (a.reshape(-1) for a in arrays[:4])
    fv_max = None if v_max is None else v_max.reshape(-1)
    size = p.size
    fast = accel.numba_kernels("optim") if p.dtype in _FLOATS else None
    if fast is not None:

        def compiled(flat_p: np.ndarray) -> bool:  # an array argument names the dtype
            def share(first: int, last: int) -> None:
                fast.adam(flat_p, fg, fm, fv, fv_max, first, last, numbers)

            _parallel.over_jobs(share, size, size >= ADAM_NUMBA_SPLIT)
            return True

        if accel.run("adam", compiled, fp) is not None:
            return  # else numba failed, and is off now: NumPy below

    def part(s: slice) -> None:
        _passes(fp[s], fg[s], fm[s], fv[s], None if fv_max is None else fv_max[s], numbers)

    # over_parts splits from its own SPLIT_ELEMENTS: this tells it where Adam's passes pay
    _parallel.over_parts(size, part, _parallel.SPLIT_ELEMENTS if size >= ADAM_SPLIT else 0)


_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def _passes(
    p: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, v_max: np.ndarray | None,
    numbers: tuple,
) -> None:  # fmt: skip
    """Adam's step in NumPy: in place, through one scratch array, 13 passes over the
    parameter's size, where the textbook expressions allocate 7 temporaries (the same operations
    in the same order, so the same rounding)."""
    c1, b2, c2, bias2, eps, step = numbers
    tmp = np.subtract(g, m)
    tmp *= c1
    m += tmp  # = b1 * m + (1 - b1) * g, written as torch's lerp
    v *= b2
    np.multiply(g, g, out=tmp)
    tmp *= c2
    v += tmp
    if v_max is not None:
        v = np.maximum(v_max, v, out=v_max)
    denom = np.sqrt(v, out=tmp)
    denom /= bias2
    denom += eps
    np.divide(m, denom, out=tmp)
    tmp *= step
    p -= tmp


class AdamW(Adam):
    """AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, default 1e-2.

    The decay shrinks the parameter directly, ``p = p - lr * weight_decay * p``, before the Adam
    step, instead of entering the moments as an L2 penalty would (see :class:`Adam`).

    >>> p = Parameter(np.array([2.0]))
    >>> opt = AdamW([p], lr=0.1, weight_decay=0.5)
    >>> p.grad = np.array([0.0]); opt.step(); p.data  # a zero gradient: only the decay
    array([1.9])
    """

    _name = "AdamW"

    def _check(self, group: dict[str, Any]) -> None:
        group["decoupled_weight_decay"] = True  # as torch's AdamW, whatever a state dict says
        super()._check(group)

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
        *,
        maximize: bool = False,
    ) -> None:
        super().__init__(
            params,
            lr,
            betas,
            eps,
            weight_decay,
            amsgrad,
            maximize=maximize,
            decoupled_weight_decay=True,
        )
