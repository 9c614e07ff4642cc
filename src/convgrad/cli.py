"""The ``convgrad`` command: one subcommand per module of :mod:`convgrad.commands`."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

import convgrad
from convgrad.commands import COMMANDS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="convgrad",
        description="Convolution forward and backward passes in NumPy, checked.",
    )
    parser.add_argument("--version", action="version", version=f"convgrad {convgrad.__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"convgrad.commands.{name}").add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
