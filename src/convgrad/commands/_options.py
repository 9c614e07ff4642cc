"""What every subcommand shares: a parser whose mistakes are one line, option types that say
the rule they check, up-front checks of output paths and optional packages.

A mistake on the command line ends with exit status 2 and one line on stderr that names the
option, the value and the rule, before any work starts:

>>> parse = integer(1)
>>> parse("3")
3
>>> parse("0")
Traceback (most recent call last):
argparse.ArgumentTypeError: must be an integer >= 1; got '0'
"""

from __future__ import annotations

import argparse
import importlib
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn


class UsageError(Exception):
    """A mistake found after parsing (a file, a combination of options): exit 2, one line."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a mistake is one line (``convgrad train: error: ...``) and exit status 2;
    ``--help`` shows each subcommand's usage as usual."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())}\n")


def integer(low: int, high: int | None = None) -> Callable[[str], int]:
    """An option type: an integer in ``[low, high]``."""
    rule = f"an integer >= {low}" if high is None else f"an integer from {low} to {high}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {rule}; got {text!r}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"must be {rule}; got {text!r}")
        return value

    parse.__name__ = "integer"
    return parse


def real(
    low: float, high: float = math.inf, *, low_open: bool = False, high_open: bool = False
) -> Callable[[str], float]:
    """An option type: a finite number in the interval from ``low`` to ``high`` (open ends where
    asked): ``nan`` and ``inf`` are refused."""
    left, right = "(" if low_open else "[", ")" if high_open or high == math.inf else "]"
    rule = f"a finite number in {left}{low:g}, {high:g}{right}"

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {rule}; got {text!r}") from None
        inside = (value > low if low_open else value >= low) and (
            value < high if high_open else value <= high
        )
        if not math.isfinite(value) or not inside:
            raise argparse.ArgumentTypeError(f"must be {rule}; got {text!r}")
        return value

    parse.__name__ = "number"
    return parse


SEED = integer(0, 2**32 - 1)


def writable_folder(option: str, folder: Path) -> None:
    """Make ``folder`` (and its parents) and check a file can be written in it: UsageError
    naming the option and the folder otherwise. Run before any long work."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        reason = err.strerror or str(err)
        raise UsageError(f"{option}: cannot write in the folder {folder}: {reason}") from None


def writable_file(option: str, path: Path) -> None:
    """Check that ``path`` can be written: its folder exists and takes files, and it is not a
    folder itself; UsageError naming the option and the path otherwise."""
    folder = path.parent
    if path.is_dir():
        raise UsageError(f"{option}: {path} is a folder; give a file name")
    if not folder.is_dir():
        raise UsageError(f"{option}: the folder {folder} of {path} does not exist; create it first")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"{option}: cannot write in the folder {folder}")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        raise UsageError(f"{option}: cannot write in the folder {folder}: {err.strerror}") from None


def require(command: str, packages: dict[str, str], extra: str) -> None:
    """Import each optional package (``{module: what it is for}``) now, so that a missing one is
    said up front with the extra that installs it, not in the middle of a run."""
    for module, purpose in packages.items():
        try:
            importlib.import_module(module)
        except ImportError:
            raise UsageError(
                f"convgrad {command} needs {module.split('.')[0]} ({purpose}): "
                f'pip install "convgrad[{extra}]"'
            ) from None
