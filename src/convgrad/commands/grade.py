"""``convgrad grade FILE.py ...``: grade a hand-written convolution backward pass.

    convgrad grade my_solution.py                       # the exercise's conv2d_backward
    convgrad grade layers.py --api cs231n               # conv_forward_naive / conv_backward_naive
    convgrad grade submissions/ --json > grades.json    # every .py file in a folder

Exit status: 0 when every test of every file passes, 1 when any fails, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
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
        choices=("exercise", "cs231n"),
        default="exercise",
        help="exercise: conv2d_backward(grad_out, x, W) -> (dx, dW); cs231n: "
        "conv_backward_naive(dout, cache) -> (dx, dw, db) (default: exercise)",
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


def _grade(args: argparse.Namespace) -> int:
    from convgrad.grading import format_summary, format_text, grade_file

    try:
        files = files_to_grade(args.files)
    except ValueError as err:
        raise UsageError(str(err)) from None
    reports = []
    for path in files:
        report = grade_file(path, args.api, args.function, args.timeout, args.memory, args.forward)
        reports.append(report)
        if not args.json:
            print(format_text(report), flush=True)
    several = len(args.files) > 1 or any(p.is_dir() for p in args.files)
    if args.json:
        data = [r.to_json() for r in reports]
        print(json.dumps(data if several else data[0]))
    elif several:
        print("\n" + format_summary(reports))
    return 0 if all(r.passed for r in reports) else 1
