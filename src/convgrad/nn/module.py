"""``Module``, the base of every layer, and ``Sequential``.

A module computes ``forward(x)`` (also ``module(x)``), keeping what its backward pass needs, and
``backward(dy)`` returns ``dx`` and *accumulates* its parameters' gradients into their ``.grad``,
as PyTorch's autograd does. Parameters (:class:`Parameter`), buffers (arrays saved with the
model but not trained, such as BatchNorm's running statistics) and child modules are registered by
assigning them as attributes, in PyTorch's order, so :meth:`Module.state_dict` has exactly the
keys and shapes of the equivalent PyTorch module: ``"0.weight"``, ``"1.running_mean"``...
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import numpy as np

from .parameter import Parameter


class IncompatibleKeys(NamedTuple):
    """What :meth:`Module.load_state_dict` did not match: ``missing_keys``, ``unexpected_keys``."""

    missing_keys: list[str]
    unexpected_keys: list[str]


def _checked_value(key: str, value: Any, old: np.ndarray) -> np.ndarray:
    """``value`` as a new array of ``old``'s dtype and shape, or an error naming ``key``: only
    real numbers (bool, int, float) load, of the same shape, and none that the cast turns into
    an infinity (a float64 1e300 into a float32 parameter)."""
    try:
        new = np.asarray(value)
    except (ValueError, TypeError) as err:
        raise TypeError(
            f"load_state_dict: {key} must be an array of numbers; got {type(value).__name__}"
        ) from err
    if new.dtype.kind not in "biuf":
        raise TypeError(
            f"load_state_dict: {key} must hold real numbers (bool, int or float) to load into "
            f"{old.dtype}; got dtype {new.dtype}"
        )
    if new.shape != old.shape:
        raise ValueError(
            f"load_state_dict: {key} must have shape {old.shape}; got shape {new.shape}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        cast = np.array(new, dtype=old.dtype, copy=True)
    if old.dtype.kind == "f":
        overflow = np.isinf(cast) & ~np.isinf(new) if new.dtype.kind == "f" else np.isinf(cast)
        if overflow.any():
            where = tuple(int(i) for i in np.argwhere(overflow)[0])
            raise ValueError(
                f"load_state_dict: {key} holds {float(new[where])!r} at {where}, beyond "
                f"{old.dtype}'s range (largest {np.finfo(old.dtype).max:.4g}): it would load as inf"
            )
    elif not np.array_equal(cast, new):  # an integer buffer (num_batches_tracked)
        raise ValueError(f"load_state_dict: {key} must hold whole numbers that fit {old.dtype}")
    return cast


class Module:
    """The base of every layer: registration, modes, parameters and state dicts.

    Subclasses define ``forward`` and ``backward``, and set parameters (:class:`Parameter`, or
    None for an absent one such as ``bias=False``), buffers (:meth:`register_buffer`) and child
    modules as attributes.
    """

    training: bool
    #: whether ``backward`` takes ``input_grad=False`` and then skips ``dx`` (convolutions)
    _skips_input_grad = False

    def __init__(self) -> None:
        object.__setattr__(self, "_parameters", OrderedDict())
        object.__setattr__(self, "_buffers", OrderedDict())
        object.__setattr__(self, "_modules", OrderedDict())
        object.__setattr__(self, "training", True)

    # --- registration, as PyTorch's: attributes routed into three ordered dicts ---

    def __setattr__(self, name: str, value: Any) -> None:
        params, buffers, modules = self._registries()
        if isinstance(value, Parameter | Module):
            self.__dict__.pop(name, None)
            (params if isinstance(value, Parameter) else modules)[name] = value
        elif name in params:
            if value is not None:
                raise TypeError(
                    f"cannot assign {type(value).__name__} as parameter {name!r} "
                    f"(a Parameter or None is required)"
                )
            params[name] = None
        elif name in buffers:
            buffers[name] = None if value is None else np.asarray(value)
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        # only called when normal lookup fails: parameters, buffers and modules live in dicts
        for registry in ("_parameters", "_buffers", "_modules"):
            found = self.__dict__.get(registry, {})
            if name in found:
                return found[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _registries(self) -> tuple[dict, dict, dict]:
        if "_parameters" not in self.__dict__:
            raise AttributeError(
                f"{type(self).__name__}: call super().__init__() before assigning attributes"
            )
        return self.__dict__["_parameters"], self.__dict__["_buffers"], self.__dict__["_modules"]

    def register_buffer(self, name: str, value: np.ndarray | None) -> None:
        """Save ``value`` with the model (in :meth:`state_dict`) without training it."""
        self.__dict__["_buffers"][name] = None if value is None else np.asarray(value)

    # --- forward and backward ---

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.forward(*args, **kwargs)

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define forward")

    def backward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define backward")

    def _saved(self, name: str = "_x") -> Any:
        """What ``forward`` kept for ``backward``; a clear error if forward has not run."""
        value = self.__dict__.get(name)
        if value is None:
            raise RuntimeError(f"{type(self).__name__}.backward called before forward")
        return value

    # --- modes ---

    def train(self, mode: bool = True) -> Module:
        """Set training mode (``mode=True``) or evaluation mode here and in every child."""
        if not isinstance(mode, bool):
            raise TypeError(f"train: mode must be True or False; got {mode!r:.80}")
        for m in self.modules():
            object.__setattr__(m, "training", mode)
        return self

    def eval(self) -> Module:
        """Evaluation mode: ``train(False)``."""
        return self.train(False)

    # --- dtypes and visiting, as PyTorch's ---

    def to(self, dtype: Any) -> Module:
        """Cast every floating-point parameter (and its grad) and buffer to ``dtype``;
        ``"cpu"``, the only device, changes nothing."""
        if isinstance(dtype, str) and dtype == "cpu":
            return self
        dtype = np.dtype(dtype)
        if dtype.kind != "f":
            raise TypeError(f"to: dtype must be a floating-point dtype; got {dtype}")
        for m in self.modules():
            for p in m.__dict__["_parameters"].values():
                if p is not None and p.data.dtype.kind == "f":
                    p.data = p.data.astype(dtype)
                    p.grad = None if p.grad is None else p.grad.astype(dtype)
            buffers = m.__dict__["_buffers"]
            for name, b in buffers.items():
                if b is not None and b.dtype.kind == "f":
                    buffers[name] = b.astype(dtype)
        return self

    def double(self) -> Module:
        """``to(np.float64)``."""
        return self.to(np.float64)

    def float(self) -> Module:
        """``to(np.float32)``."""
        return self.to(np.float32)

    def apply(self, fn: Any) -> Module:
        """Call ``fn(module)`` on every child, depth first, then on this module."""
        for child in self.children():
            child.apply(fn)
        fn(self)
        return self

    def requires_grad_(self, requires_grad: bool = True) -> Module:
        """Freeze (False) or unfreeze every parameter: the tape skips frozen ones."""
        for p in self.parameters():
            p.requires_grad = bool(requires_grad)
        return self

    def zero_grad(self) -> None:
        """Set every parameter's ``grad`` to None (PyTorch's default, ``set_to_none=True``)."""
        for p in self.parameters():
            p.grad = None

    # --- traversal ---

    def named_children(self) -> Iterator[tuple[str, Module]]:
        yield from self.__dict__["_modules"].items()

    def children(self) -> Iterator[Module]:
        for _, m in self.named_children():
            yield m

    def named_modules(self, prefix: str = "") -> Iterator[tuple[str, Module]]:
        """This module (named ``prefix``) and all its descendants, depth first."""
        yield prefix, self
        for name, child in self.named_children():
            yield from child.named_modules(f"{prefix}.{name}" if prefix else name)

    def modules(self) -> Iterator[Module]:
        for _, m in self.named_modules():
            yield m

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Parameter]]:
        """``("0.weight", parameter)``... in registration order; absent ones (None) skipped."""
        for path, m in self.named_modules(prefix):
            for name, p in m.__dict__["_parameters"].items():
                if p is not None:
                    yield (f"{path}.{name}" if path else name), p

    def parameters(self) -> Iterator[Parameter]:
        for _, p in self.named_parameters():
            yield p

    def named_buffers(self, prefix: str = "") -> Iterator[tuple[str, np.ndarray]]:
        for path, m in self.named_modules(prefix):
            for name, b in m.__dict__["_buffers"].items():
                if b is not None:
                    yield (f"{path}.{name}" if path else name), b

    def buffers(self) -> Iterator[np.ndarray]:
        for _, b in self.named_buffers():
            yield b

    # --- state dicts ---

    def state_dict(self) -> OrderedDict[str, np.ndarray]:
        """Copies of every parameter and buffer, keyed and ordered as PyTorch's state_dict.

        Each module contributes its parameters, then its buffers, then its children's entries.
        """
        state: OrderedDict[str, np.ndarray] = OrderedDict()
        for path, m in self.named_modules():
            dot = f"{path}." if path else ""
            for name, p in m.__dict__["_parameters"].items():
                if p is not None:
                    state[dot + name] = p.data.copy()
            for name, b in m.__dict__["_buffers"].items():
                if b is not None:
                    state[dot + name] = np.array(b, copy=True)
        return state

    def load_state_dict(self, state: Mapping[str, Any], strict: bool = True) -> IncompatibleKeys:
        """Copy ``state``'s arrays (NumPy arrays, or anything ``np.asarray`` reads, such as CPU
        torch tensors) into the parameters and buffers, cast to their dtypes.

        With ``strict`` the keys must match :meth:`state_dict`'s exactly; shapes must always
        match. Nothing is changed unless everything matches. Returns the missing and unexpected
        keys.
        """
        if not isinstance(state, Mapping):
            raise TypeError(f"load_state_dict: state must be a mapping; got {type(state).__name__}")
        if not isinstance(strict, bool | np.bool_):
            raise TypeError(f"load_state_dict: strict must be True or False; got {strict!r:.80}")
        targets: dict[str, tuple[Module, str, str]] = {}
        for path, m in self.named_modules():
            dot = f"{path}." if path else ""
            for kind in ("_parameters", "_buffers"):
                for name, value in m.__dict__[kind].items():
                    if value is not None:
                        targets[dot + name] = (m, kind, name)
        missing = [k for k in targets if k not in state]
        unexpected = [k for k in state if k not in targets]
        if strict and (missing or unexpected):
            raise ValueError(
                f"load_state_dict: keys do not match {type(self).__name__}'s state_dict; "
                f"missing keys {missing}, unexpected keys {unexpected}"
            )
        arrays = {}  # every value checked and converted first; assigned only if all pass
        for key, (m, kind, name) in targets.items():
            if key not in state:
                continue
            current = m.__dict__[kind][name]
            old = current.data if kind == "_parameters" else current
            arrays[key] = _checked_value(key, state[key], old)
        for key, a in arrays.items():
            m, kind, name = targets[key]
            if kind == "_parameters":
                m.__dict__[kind][name].data = a
            else:
                m.__dict__[kind][name] = a
        return IncompatibleKeys(missing, unexpected)

    # --- printing ---

    def extra_repr(self) -> str:
        """The text between the parentheses of this module's repr (its arguments)."""
        return ""

    def __repr__(self) -> str:
        children = [
            f"  ({name}): " + repr(child).replace("\n", "\n  ")
            for name, child in self.named_children()
        ]
        if not children:
            return f"{type(self).__name__}({self.extra_repr()})"
        extra = [self.extra_repr()] if self.extra_repr() else []
        return "\n".join([f"{type(self).__name__}(", *extra, *children, ")"])


class Sequential(Module):
    """Modules applied in order; ``backward`` runs their backward passes in reverse.

    Children are named ``"0"``, ``"1"``...; index it (an int, or a slice for a new Sequential
    sharing the same modules), take its ``len`` or iterate over it.

    >>> from convgrad import nn
    >>> model = nn.Sequential(nn.Linear(4, 3), nn.ReLU())
    >>> model
    Sequential(
      (0): Linear(in_features=4, out_features=3, bias=True)
      (1): ReLU()
    )
    >>> [name for name, _ in model.named_parameters()]
    ['0.weight', '0.bias']
    """

    _skips_input_grad = True

    def __init__(self, *modules: Module) -> None:
        super().__init__()
        if len(modules) == 1 and isinstance(modules[0], Mapping):  # names given, as PyTorch's
            for name, m in modules[0].items():
                if not isinstance(m, Module):
                    raise TypeError(
                        f"Sequential: every element must be a Module (key {name!r}); "
                        f"got {type(m).__name__}"
                    )
                self.__dict__["_modules"][str(name)] = m
            return
        for i, m in enumerate(modules):
            self.append(m, _index=i)

    def append(self, module: Module, _index: int | None = None) -> Sequential:
        if not isinstance(module, Module):
            where = f" (argument {_index})" if _index is not None else ""
            raise TypeError(
                f"Sequential: every element must be a Module{where}; got {type(module).__name__}"
            )
        # the next name is one past the largest so far (a slice keeps its names: "2", "3"...);
        # kept as a counter, since finding the largest on every append made n appends quadratic
        names = self.__dict__["_modules"]
        index = self.__dict__.get("_next_index")
        if index is None or str(index) in names:  # new, or a child set by name since
            index = max((int(k) for k in names if k.isdecimal()), default=-1) + 1
        names[str(index)] = module
        object.__setattr__(self, "_next_index", index + 1)
        return self

    def __len__(self) -> int:
        return len(self.__dict__["_modules"])

    def __iter__(self) -> Iterator[Module]:
        return iter(list(self.__dict__["_modules"].values()))

    def __getitem__(self, index: int | slice) -> Any:
        items = list(self.__dict__["_modules"].items())
        if isinstance(index, slice):  # keeps the names, as PyTorch's
            part = Sequential()
            part.__dict__["_modules"].update(items[index])
            return part
        return items[index][1]

    def forward(self, x: Any) -> Any:
        """The modules in order. A batch norm layer followed by a ``ReLU`` runs both in its
        own passes where it can (training, float32 or float64: ``BatchNorm2d._fuses_relu``;
        compiled with ``convgrad[fast]``), and its backward then runs the ReLU's too."""
        modules = list(self)
        fused = []
        i = 0
        while i < len(modules):
            m = modules[i]
            if i + 1 < len(modules) and _fuses_relu(m, modules[i + 1], x):
                x = m._forward_relu(x)
                fused.append(i + 1)
                i += 2
                continue
            x = m(x)
            i += 1
        object.__setattr__(self, "_fused", frozenset(fused))
        return x

    def backward(self, dy: Any, input_grad: bool = True) -> Any:
        """Run the backward passes in reverse; returns ``dx``, or None with
        ``input_grad=False`` (the input needs no gradient, as a network's input: then a first
        layer that can skip its ``dx``, a convolution or a Sequential, does). A ``ReLU`` that
        the last forward ran inside the batch norm before it is skipped: that layer's backward
        runs it."""
        modules = list(self)
        fused = self.__dict__.get("_fused", frozenset())
        for i, m in enumerate(reversed(modules)):
            if len(modules) - 1 - i in fused:
                continue
            if not input_grad and i == len(modules) - 1:
                if m._skips_input_grad:
                    m.backward(dy, input_grad=False)
                else:
                    m.backward(dy)
                return None
            dy = m.backward(dy)
        return dy if input_grad else None


def _fuses_relu(m: Module, after: Module, x: Any) -> bool:
    """Whether ``m`` is a batch norm layer that runs ``after``, an exact ``ReLU`` (not a
    subclass, which may change it), inside its own passes for input ``x``."""
    from .activation import ReLU
    from .batchnorm import BatchNorm2d

    return type(after) is ReLU and isinstance(m, BatchNorm2d) and m._fuses_relu(x)
