"""Containers and plumbing: ``ModuleList``, ``ModuleDict``, ``Identity`` (PyTorch's).

``ModuleList`` and ``ModuleDict`` only hold modules (named ``"0"``, ``"1"``... or by key, so
state dict keys match PyTorch's); a model's ``forward`` decides how to use them, and the tape
gives the gradients.

>>> from convgrad import nn
>>> blocks = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
>>> len(blocks), [name for name, _ in blocks.named_parameters()][:2]
(3, ['0.weight', '0.bias'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy as np

from ..autograd import Tensor
from .module import Module


def _check_module(where: str, value: Any) -> Module:
    if not isinstance(value, Module):
        raise TypeError(f"{where}: every element must be a Module; got {type(value).__name__}")
    return value


class ModuleList(Module):
    """A list of modules, registered as children ``"0"``, ``"1"``..."""

    def __init__(self, modules: Iterable[Module] | None = None) -> None:
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def _items(self) -> list[Module]:
        return list(self.__dict__["_modules"].values())

    def append(self, module: Module) -> ModuleList:
        self.__dict__["_modules"][str(len(self))] = _check_module("ModuleList", module)
        return self

    def extend(self, modules: Iterable[Module]) -> ModuleList:
        for m in modules:
            self.append(m)
        return self

    def insert(self, index: int, module: Module) -> None:
        items = self._items()
        items.insert(index, _check_module("ModuleList", module))
        self.__dict__["_modules"].clear()
        self.extend(items)

    def __len__(self) -> int:
        return len(self.__dict__["_modules"])

    def __iter__(self) -> Iterator[Module]:
        return iter(self._items())

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return ModuleList(self._items()[index])
        return self._items()[index]

    def __setitem__(self, index: int, module: Module) -> None:
        key = list(self.__dict__["_modules"])[index]
        self.__dict__["_modules"][key] = _check_module("ModuleList", module)


class ModuleDict(Module):
    """An ordered dict of modules, registered as children under their keys."""

    def __init__(self, modules: Mapping[str, Module] | None = None) -> None:
        super().__init__()
        if modules is not None:
            self.update(modules)

    def update(self, modules: Mapping[str, Module] | Iterable[tuple[str, Module]]) -> None:
        pairs = modules.items() if isinstance(modules, Mapping) else modules
        for key, m in pairs:
            self[key] = m

    def __setitem__(self, key: str, module: Module) -> None:
        if not isinstance(key, str):
            raise TypeError(f"ModuleDict: keys must be strings; got {key!r}")
        self.__dict__["_modules"][key] = _check_module("ModuleDict", module)

    def __getitem__(self, key: str) -> Module:
        return self.__dict__["_modules"][key]

    def __delitem__(self, key: str) -> None:
        del self.__dict__["_modules"][key]

    def __contains__(self, key: object) -> bool:
        return key in self.__dict__["_modules"]

    def __len__(self) -> int:
        return len(self.__dict__["_modules"])

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.__dict__["_modules"]))

    def keys(self) -> list[str]:
        return list(self.__dict__["_modules"])

    def values(self) -> list[Module]:
        return list(self.__dict__["_modules"].values())

    def items(self) -> list[tuple[str, Module]]:
        return list(self.__dict__["_modules"].items())


class Identity(Module):
    """Returns its input; its arguments are accepted and ignored, as PyTorch's.

    >>> Identity(54, unused="x")(np.ones(2))
    array([1., 1.])
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()

    def forward(self, x: Any) -> Any:
        return x if isinstance(x, Tensor) else np.array(x, copy=True)

    def backward(self, dy: Any) -> np.ndarray:
        return np.array(dy, copy=True)
