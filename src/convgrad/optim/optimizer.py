"""The optimiser base class: parameter groups, ``step``, ``zero_grad`` and the state dict.

It follows ``torch.optim.Optimizer``. ``params`` is an iterable of
:class:`~convgrad.nn.parameter.Parameter` or a list of *parameter groups*, dicts holding
``"params"`` and any options that differ from the optimiser's defaults::

    SGD([{"params": body}, {"params": head, "lr": 0.1}], lr=0.01, momentum=0.9)

``param_groups`` is that list with every option filled in; a learning-rate scheduler changes
``group["lr"]`` between steps. ``step()`` updates each parameter's ``data`` array *in place*
(models holding the array see the change), in the parameter's own dtype, and skips parameters
whose ``grad`` is None. Per-parameter state (momentum buffers, moment estimates) lives in
``state[param]`` and round-trips through :meth:`Optimizer.state_dict` and
:meth:`Optimizer.load_state_dict`, which use PyTorch's layout: parameters are numbered in group
order.
"""

from __future__ import annotations

import copy
import math
import numbers
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from .. import _memory
from ..nn.parameter import Parameter


class Optimizer:
    """Base class of the optimisers; subclasses define ``_check`` and ``_update``.

    >>> from convgrad.optim import SGD
    >>> p = Parameter(np.ones(2))
    >>> opt = SGD([p], lr=0.5)
    >>> p.grad = np.array([1.0, -2.0]); opt.step(); p.data
    array([0.5, 2. ])
    >>> opt.zero_grad(); p.grad is None
    True
    """

    def __init__(self, params: Iterable[Any], defaults: dict[str, Any]) -> None:
        name = type(self).__name__
        self.defaults = dict(defaults)
        self.state: dict[Parameter, dict[str, Any]] = {}
        self.param_groups: list[dict[str, Any]] = []
        self._check(self.defaults)
        if isinstance(params, (Parameter, np.ndarray, dict, str)) or not isinstance(
            params, Iterable
        ):
            raise TypeError(
                f"{name}: params must be an iterable of Parameters or a list of dicts (parameter "
                f"groups); got {type(params).__name__}"
            )
        if isinstance(params, (set, frozenset)):
            raise TypeError(
                f"{name}: params must be an ordered collection (a list), not a set: the state "
                "dict numbers parameters in order"
            )
        groups = list(params)
        if not groups:
            raise ValueError(f"{name}: params is empty; an optimiser needs parameters to update")
        if all(isinstance(g, dict) for g in groups):
            for group in groups:
                self.add_param_group(group)
        elif any(isinstance(g, dict) for g in groups):
            raise TypeError(f"{name}: params must be all Parameters or all dicts, not a mixture")
        else:
            self.add_param_group({"params": groups})
        _memory.keep_freed_memory()  # a training loop starts: convgrad._memory says why

    def add_param_group(self, param_group: dict[str, Any]) -> None:
        """Add a group: a dict with ``"params"`` and options overriding the defaults.

        The dict is copied, never modified.
        """
        name = type(self).__name__
        if not isinstance(param_group, dict) or "params" not in param_group:
            raise TypeError(f"{name}: a parameter group must be a dict with a 'params' key")
        group = dict(param_group)
        params = group["params"]
        if isinstance(params, Parameter):
            params = [params]
        elif isinstance(params, (set, frozenset)):
            raise TypeError(
                f"{name}: a group's params must be an ordered collection (a list), not a set: "
                "the state dict numbers parameters in order"
            )
        group["params"] = list(params)
        for p in group["params"]:
            if not isinstance(p, Parameter):
                raise TypeError(
                    f"{name}: params must hold convgrad Parameters; got {type(p).__name__}"
                )
            if p.data.dtype.kind != "f":
                raise TypeError(
                    f"{name}: only floating-point parameters can be optimised; got a parameter "
                    f"of dtype {p.data.dtype}"
                )
        if len({id(p) for p in group["params"]}) != len(group["params"]):
            raise ValueError(f"{name}: a parameter group holds the same parameter twice")
        seen = {id(p) for g in self.param_groups for p in g["params"]}
        if any(id(p) in seen for p in group["params"]):
            raise ValueError(f"{name}: some parameters appear in more than one parameter group")
        for key, value in self.defaults.items():
            group.setdefault(key, value)
        self._check(group)
        self.param_groups.append(group)

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Set every parameter's ``grad`` to None (or, with ``set_to_none=False``, to zeros)."""
        for group in self.param_groups:
            for p in group["params"]:
                if set_to_none:
                    p.grad = None
                elif p.grad is not None:
                    p.grad[...] = 0

    def step(self, closure: Callable[[], Any] | None = None) -> Any:
        """Update every parameter that has a gradient; return ``closure()`` if one is given.

        ``closure`` (as in PyTorch) recomputes the loss and the gradients before the update.
        """
        loss = None if closure is None else closure()
        for group in self.param_groups:
            updates = []
            for p in group["params"]:
                if p.grad is None:
                    continue
                if p.grad.shape != p.data.shape:
                    raise ValueError(
                        f"{type(self).__name__}.step: a parameter's grad has shape "
                        f"{p.grad.shape}, not its data's shape {p.data.shape}"
                    )
                grad = np.asarray(p.grad, dtype=p.data.dtype)  # never modified below
                updates.append((p, grad, self.state.setdefault(p, {})))
            self._update_group(updates, group)
        return loss

    def state_dict(self) -> dict[str, Any]:
        """A copy of the state: ``{"state": {index: {...}}, "param_groups": [{..., "params":
        [index, ...]}]}``, parameters numbered in group order, as PyTorch's."""
        index: dict[int, int] = {}
        groups = []
        for group in self.param_groups:
            ids = [index.setdefault(id(p), len(index)) for p in group["params"]]
            groups.append(
                {**copy.deepcopy({k: v for k, v in group.items() if k != "params"}), "params": ids}
            )
        state = {
            index[id(p)]: {k: copy.deepcopy(v) for k, v in s.items()}
            for p, s in self.state.items()
            if s
        }
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Restore a state from :meth:`state_dict`, for the same parameters in the same order."""
        name = type(self).__name__
        saved = state_dict["param_groups"]
        if len(saved) != len(self.param_groups):
            raise ValueError(
                f"{name}.load_state_dict: the state has {len(saved)} parameter groups; this "
                f"optimiser has {len(self.param_groups)}"
            )
        by_index: dict[int, Parameter] = {}
        for i, (old, group) in enumerate(zip(saved, self.param_groups)):
            if len(old["params"]) != len(group["params"]):
                raise ValueError(
                    f"{name}.load_state_dict: parameter group {i} has {len(old['params'])} "
                    f"parameters in the state and {len(group['params'])} here"
                )
            by_index.update(zip(old["params"], group["params"]))
        state: dict[Parameter, dict[str, Any]] = {}
        for key, values in state_dict["state"].items():
            p = by_index[int(key)]
            state[p] = {}
            for k, v in values.items():
                if isinstance(v, np.ndarray):
                    if v.shape != p.data.shape:
                        raise ValueError(
                            f"{name}.load_state_dict: state {k!r} of parameter {key} has shape "
                            f"{v.shape}; the parameter has shape {p.data.shape}"
                        )
                    v = v.astype(p.data.dtype, copy=True)
                state[p][k] = copy.deepcopy(v)
        groups = [
            {
                **self.defaults,
                **copy.deepcopy({k: v for k, v in old.items() if k != "params"}),
                "params": group["params"],
            }
            for old, group in zip(saved, self.param_groups)
        ]
        for group in groups:
            self._check(group)
        self.state, self.param_groups = state, groups

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__} ("]
        for i, group in enumerate(self.param_groups):
            options = ", ".join(f"{k}={v!r}" for k, v in group.items() if k != "params")
            lines.append(f"  group {i}: {len(group['params'])} parameters, {options}")
        return "\n".join([*lines, ")"])

    # --- for subclasses -------------------------------------------------------------------

    def _check(self, group: dict[str, Any]) -> None:
        """Raise if a group's options are invalid."""
        raise NotImplementedError

    def _update(
        self, p: Parameter, grad: np.ndarray, group: dict[str, Any], state: dict[str, Any]
    ) -> None:
        """Update ``p.data`` in place from ``grad`` (in ``p``'s dtype; never modify it)."""
        raise NotImplementedError

    def _update_group(
        self, updates: list[tuple[Parameter, np.ndarray, dict[str, Any]]], group: dict[str, Any]
    ) -> None:
        """The updates of one group's parameters that have a gradient, ``(p, grad, state)``
        each. Where this optimiser's :meth:`_update` is :func:`elementwise`, the parameters
        under :data:`TOGETHER` numbers of one dtype and one state layout are updated together
        (:meth:`_update_together`); the others one at a time."""
        if type(self)._update not in _ELEMENTWISE:
            for p, grad, state in updates:
                self._update(p, grad, group, state)
            return
        buckets: dict[object, list] = {}
        for update in updates:
            p, grad, state = update
            layout = _layout(p, state) if p.data.size < TOGETHER else None
            if layout is None:
                self._update(p, grad, group, state)
            else:
                buckets.setdefault(layout, []).append(update)
        for bucket in buckets.values():
            if len(bucket) == 1:
                self._update(bucket[0][0], bucket[0][1], group, bucket[0][2])
            else:
                self._update_together(bucket, group)

    def _update_together(
        self, bucket: list[tuple[Parameter, np.ndarray, dict[str, Any]]], group: dict[str, Any]
    ) -> None:
        """One :meth:`_update` of the parameters of ``bucket`` laid end to end (one dtype, one
        state layout: :func:`_layout`): their data and gradients copied into flat arrays, their
        state arrays views of flat arrays this optimiser keeps (made again, from the state's
        values, whenever the state holds other arrays: a loaded state dict, a copied
        optimiser), the updated data copied back. The update of each number reads only that
        number (:func:`elementwise`), so the bits are those of one parameter at a time."""
        params = [p for p, _, _ in bucket]
        states = [state for _, _, state in bucket]
        cache = self.__dict__.setdefault("_together", {})  # not a state: never saved
        key = tuple(map(id, params))
        kept: dict[str, tuple[np.ndarray, list[np.ndarray]]] = cache.get(key, {})
        flat_state: dict[str, Any] = {}
        for name, value in states[0].items():
            if not isinstance(value, np.ndarray):
                flat_state[name] = value  # one value for the whole bucket (its layout)
                continue
            flat, views = kept.get(name, (None, []))
            if (
                flat is None
                or len(views) != len(states)
                or any(
                    view.base is not flat or state[name] is not view
                    for state, view in zip(states, views)
                )
            ):
                flat = np.concatenate([state[name].reshape(-1) for state in states])
            flat_state[name] = flat
        stand_in = _Flat(np.concatenate([p.data.reshape(-1) for p in params]))
        grad = np.concatenate([g.reshape(-1) for _, g, _ in bucket])
        self._update(stand_in, grad, group, flat_state)  # type: ignore[arg-type]
        sizes = [p.data.size for p in params]
        for p, part in zip(params, _parts(stand_in.data, params, sizes), strict=True):
            p.data[...] = part
        before, kept = kept, {}
        for name, value in flat_state.items():
            if not (isinstance(value, np.ndarray) and value.shape == stand_in.data.shape):
                for state in states:
                    state[name] = value
                continue
            flat, views = before.get(name, (None, []))
            if flat is not value:  # a new flat array: the state's arrays become its views
                views = _parts(value, params, sizes)
                for state, view in zip(states, views, strict=True):
                    state[name] = view
            kept[name] = (value, views)
        if key not in cache and len(cache) >= TOGETHER_KEPT:  # buckets that changed: let go
            cache.clear()
        cache[key] = kept


# Parameters under TOGETHER numbers are updated together where the optimiser's update is
# elementwise (Optimizer._update_together): a parameter's update costs about 14 us of Python
# (its state, its constants, NumPy's error state) besides its passes. Adam's step on the digits'
# CNN (10 parameters, 21,578 numbers), float32, one thread: 200 us, 140 of them that Python
# (a scratch script, 2026-12-02); a parameter's NumPy passes alone: 32 numbers 4.4 us, 288 4.6,
# 2,560 7.4, 18,432 20.5, 65,536 73, 131,072 145. Larger parameters keep their own update (and
# Adam's split over the threads, adam.ADAM_SPLIT). The digits CNN's step, us one at a time /
# together, two rounds alternating (the same script): Adam 122, 121 / 62, 61 in NumPy and 80, 80
# / 42, 42 with numba's update; RMSprop 55, 56 / 48, 47; SGD with momentum 31, 32 / 32, 32.
TOGETHER = 1 << 17
# The flat arrays of at most this many buckets are kept (a group's parameters with a gradient
# make one bucket a step; one whose parameters change from step to step makes others, whose
# arrays the state's views no longer hold).
TOGETHER_KEPT = 8
_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))
_ELEMENTWISE: set[Callable[..., None]] = set()


def elementwise(update: Callable[..., None]) -> Callable[..., None]:
    """Mark an optimiser's ``_update`` whose update of each number of a parameter reads only
    that number of the parameter, of its gradient and of its state arrays (and the group's
    options and the state's scalars): parameters it updates may then be laid end to end and
    updated at once. A subclass that overrides ``_update`` is not marked by inheritance."""
    _ELEMENTWISE.add(update)
    return update


class _Flat:
    """A parameter's stand-in for :meth:`Optimizer._update_together`: its ``data`` only."""

    __slots__ = ("data",)

    def __init__(self, data: np.ndarray) -> None:
        self.data = data


def _layout(p: Parameter, state: dict[str, Any]) -> object | None:
    """What parameters must share to be updated together: the dtype (float32 or float64), and
    the state's names in order with its scalars' values and its arrays' dtypes; None when ``p``
    cannot join others (another dtype, a state array not shaped like ``p``, another value)."""
    if p.data.dtype not in _FLOATS:
        return None
    items: list[object] = [p.data.dtype]
    for name, value in state.items():
        kind = type(value)
        if kind is np.ndarray:
            if value.shape != p.data.shape:
                return None
            items += (name, value.dtype)
        elif kind in (int, float, bool, str) or value is None:
            items += (name, kind, value)
        else:
            return None
    return tuple(items)


def _parts(flat: np.ndarray, params: list[Parameter], sizes: list[int]) -> list[np.ndarray]:
    """``flat`` cut into views shaped as ``params``, in order."""
    views, first = [], 0
    for p, size in zip(params, sizes, strict=True):
        views.append(flat[first : first + size].reshape(p.data.shape))
        first += size
    return views


def check_number(fn: str, name: str, value: object, low: float, high: float | None = None) -> None:
    """``low <= value`` (and ``value < high`` when given), for a real number; else raise."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{fn}: {name} must be a real number; got {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{fn}: {name} must be finite; got {value!r}")
    if x < low or (high is not None and x >= high):
        rule = f">= {low}" if high is None else f"in [{low}, {high})"
        raise ValueError(f"{fn}: {name} must be {rule}; got {value!r}")


def check_flag(fn: str, name: str, value: object) -> None:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{fn}: {name} must be True or False; got {value!r}")
