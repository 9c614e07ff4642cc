"""``convgrad grade FILE.py ...``: grade a learner's hand-written conv functions.

    convgrad grade my_solution.py                       # every function of its course it defines
    convgrad grade layers.py --api cs231n               # cs231n's conv layer and max pooling
    convgrad grade step_by_step.py --function pool_backward
    convgrad grade submissions/ --json > grades.json    # every .py file in a folder

The course is found from the functions the file defines (``--api auto``): the seeds' series
(``conv2d_naive`` ... ``mini_cnn_forward``), cs231n assignment 2 (``conv_forward_naive``,
``conv_backward_naive``, ``max_pool_forward_naive``, ``max_pool_backward_naive``) or
deeplearning.ai's "Convolution model: step by step" (``zero_pad`` ... ``pool_backward``); each
function of it the file defines is graded, and the report names the ones it does not. ``--api
exercise`` grades the seed exercise's ``conv2d_backward`` alone, as before.

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
        choices=("auto", "exercise", "cs231n", "seeds", "dlai"),
        default="auto",
        help="the course: seeds (the build-cnn series), cs231n (assignment 2's conv layer and "
        "max pooling) or dlai (deeplearning.ai's step by step); exercise: the seed exercise's "
        "conv2d_backward alone; auto (the default): the course whose functions the file defines",
    )
    grade.add_argument(
        "--function",
        help="grade only this function of the course (`convgrad exercises` lists them); with "
        "--api exercise or cs231n, a name that is not the course's is graded as the conv "
        "backward pass",
    )
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
    """``api``, or for ``"auto"`` the course whose functions the file defines
    (:func:`convgrad.grading.files.detect`)."""
    if api != "auto":
        return api
    from convgrad.grading.files import defined_functions, detect

    return detect(defined_functions(path) or set())


def files_to_grade(paths: list[Path]) -> list[Path]:
    """The files named, and the ``.py`` files under the folders named, sorted; ValueError naming
    a path that does not exist or a folder with no Python file."""
    files = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in sorted([*path.rglob("*.py"), *path.rglob("*.ipynb")])
                if not any(part.startswith((".", "__")) for part in p.relative_to(path).parts)
            )
            if not found:
                raise ValueError(f"files: the folder {path} holds no .py or .ipynb file")
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
    from convgrad.grading import files as grading_files
    from convgrad.grading import format_summary, sandbox
    from convgrad.grading.cheats import escape
    from convgrad.grading.isolation import detect
    from convgrad.grading.report import FileReport, TestResult

    try:
        files = files_to_grade(args.files)
        detect()
    except ValueError as err:
        raise UsageError(str(err)) from None
    # --function must name a function of these courses (exercise and cs231n grade any other
    # name as the conv backward pass)
    if args.function and args.api in ("seeds", "dlai", "auto"):
        courses = ("seeds", "cs231n", "dlai") if args.api == "auto" else (args.api,)
        if args.function not in {n for c in courses for n in grading_files.course_functions(c)}:
            raise UsageError(
                f"--function: {args.function!r} is not a function of "
                f"{'any course' if args.api == 'auto' else args.api}; `convgrad exercises` lists "
                "them"
            )
    grades = []
    with _stopped_by_signals():
        for path in files:
            if sandbox.interrupted():
                result = grading_files.FileGrade(str(path), api_of(path, args.api))
                report = FileReport(str(path), result.course, args.function or "")
                report.notes.append("not graded: the grader was stopped")
                report.tests = [TestResult("all tests", "", "not run")]
                result.reports = [report]
            else:
                try:
                    result = grading_files.grade(
                        path,
                        args.api,
                        args.function,
                        args.timeout,
                        args.memory,
                        args.forward,
                    )
                except Exception as err:  # noqa: BLE001 - one file's failure ends no report
                    result = grading_files.FileGrade(str(path), api_of(path, args.api))
                    report = FileReport(str(path), result.course, args.function or "")
                    report.load_error = "the grader failed on this file: " + escape(
                        f"{type(err).__name__}: {err}"
                    )
                    result.reports = [report]
            grades.append(result)
            if not args.json:
                _print(result.text())
        several = len(args.files) > 1 or any(p.is_dir() for p in args.files)
        if args.json:
            data = [g.to_json() for g in grades]
            _print(json.dumps(data if several else data[0]))
        elif several or any(len(g.reports) > 1 for g in grades):
            _print("\n" + format_summary([r for g in grades for r in g.reports]))
        stopped = sandbox.interrupted()
    if stopped:
        return 128 + stopped
    if any(g.cheat for g in grades):
        return 3
    return 0 if all(g.passed for g in grades) else 1
