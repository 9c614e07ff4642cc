"""``convgrad grade FILE.py ...``: grade a hand-written convolution backward pass.

    convgrad grade my_solution.py                       # the exercise's conv2d_backward
    convgrad grade layers.py --api cs231n               # conv_forward_naive / conv_backward_naive
    convgrad grade submissions/ --json > grades.json    # every .py file in a folder

Exit status: 0 when every test of every file passes, 1 when any fails, 2 for a usage error, 3
when a file uses convgrad's reference solution (no score for it; this wins over 1), and 128 + N
(130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP) when the grader was stopped by signal N: it
kills the learners' processes, marks the tests it did not run "not run", and still prints the
report of what ran.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ._options import UsageError, integer, real


def add_parser(commands: argparse._SubParsersAction) -> None:
    grade = commands.add_parser(
        "grade",
        help="grade a hand-written conv backward pass and name its bug",
        description="Run a learner's conv backward pass (in a separate process, with time and "
        "memory limits) through the exercise's tests and cases that expose the classic bugs; for "
        "each failing test show the worst element, the bug when it is a known one, and the "
        "smallest input that shows it.",
    )
    grade.add_argument("files", nargs="+", type=Path, help="Python files, or folders of them")
    grade.add_argument(
        "--api",
        choices=("auto", "exercise", "cs231n"),
        default="auto",
        help="exercise: conv2d_backward(grad_out, x, W) -> (dx, dW); cs231n: "
        "conv_backward_naive(dout, cache) -> (dx, dw, db); auto (the default): cs231n for a file "
        "that defines conv_backward_naive, else exercise",
    )
    grade.add_argument("--function", help="the name of the function to grade")
    grade.add_argument(
        "--forward",
        default="conv_forward_naive",
        help="cs231n: the forward pass that makes the cache (default: conv_forward_naive)",
    )
    grade.add_argument(
        "--timeout",
        type=real(0, 3600, low_open=True),
        default=10.0,
        help="seconds per test (default 10)",
    )
    grade.add_argument(
        "--memory",
        type=integer(64, 1 << 20),
        default=2048,
        help="MiB the learner's code may allocate (2048)",
    )
    grade.add_argument("--json", action="store_true", help="print a JSON report")
    grade.set_defaults(run=_grade)


def api_of(path: Path, api: str) -> str:
    """``api``, or for ``"auto"`` the one whose function the file defines at its top level:
    ``cs231n`` for ``conv_backward_naive``, else ``exercise`` (whose report then says what is
    missing). The file is read as the sandbox reads it (a regular file, bounded); a file that
    cannot be read or parsed is left to the grader to report."""
    if api != "auto":
        return api
    import ast

    from convgrad.grading.sandbox import _read_source

    try:
        tree = ast.parse(_read_source(str(path)))
    except (OSError, ValueError, SyntaxError, RecursionError, MemoryError):
        return "exercise"
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    return "cs231n" if "conv_backward_naive" in defined else "exercise"


def files_to_grade(paths: list[Path]) -> list[Path]:
    """The files named, and the ``.py`` files under the folders named, sorted; ValueError naming
    a path that does not exist or a folder with no Python file."""
    files = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*.py")
                if not any(part.startswith((".", "__")) for part in p.relative_to(path).parts)
            )
            if not found:
                raise ValueError(f"files: the folder {path} holds no .py file")
            files += found
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise ValueError(f"files: {path} is not a file or a folder")
        else:
            raise ValueError(f"files: {path} does not exist")
    return files


STOPPING = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, n))


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While grading, SIGTERM, SIGINT and SIGHUP stop the sandboxes instead of the grader."""
    from convgrad.grading import sandbox

    sandbox.reset_interrupt()
    old = {}
    try:
        for s in STOPPING:
            old[s] = signal.signal(s, lambda signum, frame: sandbox.interrupt(signum))
    except ValueError:  # not the main thread: signals stay as they are
        pass
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
        sandbox.reset_interrupt()  # a later grading in this process starts afresh


def _print(text: str) -> None:
    """Print ``text``; when the reader has gone (``| head``), send the rest nowhere instead of
    ending in a traceback."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _grade(args: argparse.Namespace) -> int:
    from convgrad.grading import format_summary, format_text, grade_file, sandbox
    from convgrad.grading.battery import course
    from convgrad.grading.cheats import escape
    from convgrad.grading.isolation import detect
    from convgrad.grading.report import FileReport, TestResult

    try:
        files = files_to_grade(args.files)
        detect()
    except ValueError as err:
        raise UsageError(str(err)) from None
    reports = []
    with _stopped_by_signals():
        for path in files:
            if sandbox.interrupted():
                api = api_of(path, args.api)
                spec = course(api)
                report = FileReport(str(path), api, args.function or spec.function)
                report.notes.append("not graded: the grader was stopped")
                report.tests = [TestResult(c.name, c.about, "not run") for c in spec.cases()]
            else:
                try:
                    report = grade_file(
                        path,
                        api_of(path, args.api),
                        args.function,
                        args.timeout,
                        args.memory,
                        args.forward,
                    )
                except Exception as err:  # noqa: BLE001 - one file's failure ends no report
                    report = FileReport(str(path), api_of(path, args.api), args.function or "")
                    report.load_error = "the grader failed on this file: " + escape(
                        f"{type(err).__name__}: {err}"
                    )
            reports.append(report)
            if not args.json:
                _print(format_text(report))
        several = len(args.files) > 1 or any(p.is_dir() for p in args.files)
        if args.json:
            data = [r.to_json() for r in reports]
            _print(json.dumps(data if several else data[0]))
        elif several:
            _print("\n" + format_summary(reports))
        stopped = sandbox.interrupted()
    if stopped:
        return 128 + stopped
    if any(r.cheat for r in reports):
        return 3
    return 0 if all(r.passed for r in reports) else 1
