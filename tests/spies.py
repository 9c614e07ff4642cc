"""Spies for the tests: which of a module's kernels ran, in order."""

from __future__ import annotations

from types import ModuleType
from typing import Any


def calls_to(monkeypatch: Any, module: ModuleType, names: tuple[str, ...]) -> list[str]:
    """A list that each call of ``module.<name>`` (for each of ``names``) appends its name to,
    the function still running; undone with ``monkeypatch``."""
    calls: list[str] = []
    for name in names:
        real = getattr(module, name)

        def counted(*args: Any, _real: Any = real, _name: str = name) -> Any:
            calls.append(_name)
            return _real(*args)

        monkeypatch.setattr(module, name, counted)
    return calls
