"""The ``convgrad`` command: one subcommand per module of :mod:`convgrad.commands`.

Every mistake, on the command line or in a file it names, ends with exit status 2 and one line on
stderr; output piped into a program that stops reading early (``| head``) ends quietly.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

import convgrad
from convgrad.commands import COMMANDS
from convgrad.commands._options import ArgumentParser, UsageError


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
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
    from convgrad import _memory
    from convgrad.kernels import accel, parallel  # NumPy alone: numba comes when a kernel needs it

    try:
        # CONVGRAD_ACCEL, CONVGRAD_OPENVINO, CONVGRAD_KEEP_MEMORY and CONVGRAD_THREADS checked
        # before any work
        accel.requested()
        accel.openvino_wanted()
        _memory.wanted()
        parallel.threads()
    except ValueError as err:
        print(f"convgrad {args.command}: error: {err}", file=sys.stderr)
        return 2
    accel.announce_compiles(sys.stderr)  # a first compilation of numba's kernels says so
    try:
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except UsageError as err:
        print(f"convgrad {args.command}: error: {' '.join(str(err).split())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped (``convgrad ... | head``): say nothing more, and keep Python's own
        # flush at exit from raising again.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141  # the shell's status for a command ended by SIGPIPE
    except OSError as err:  # a file that could not be written after all (a full disk, ...)
        print(f"convgrad {args.command}: error: {' '.join(str(err).split())}", file=sys.stderr)
        return 2
    finally:
        accel.announce_compiles(None)


if __name__ == "__main__":
    raise SystemExit(main())
