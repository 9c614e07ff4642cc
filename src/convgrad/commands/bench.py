"""``convgrad bench``: convgrad's forward + backward against PyTorch's on the CPU, in float32.

    convgrad bench                      # the whole suite (see convgrad.bench.SUITE)
    convgrad bench --quick --json out.json
    convgrad bench --case resnet18 --repeat 15 --threads 1
    convgrad bench --train [--network cnn-digits] [--batches 45] [--json out.json]

Results are compared with PyTorch's (or, without PyTorch, with convgrad's float64 im2col) before
any time counts; the figures are medians of alternating runs after a warm-up. ``--train`` times
training steps of ``convgrad train``'s networks against their PyTorch twins instead
(:mod:`convgrad.bench_train`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ._options import UsageError, integer, writable_file


def add_parser(commands: argparse._SubParsersAction) -> None:
    bench = commands.add_parser(
        "bench",
        help="time convgrad's forward + backward against PyTorch's on a suite of layers",
        description="Time the forward and backward passes (dx, dw, db) of convgrad and of "
        "PyTorch on the CPU, float32, the same thread count for both, alternating runs after a "
        "warm-up; medians. Every result is checked against PyTorch's before any time counts. "
        "GFLOP/s count direct-convolution FLOPs; %mm is that rate over NumPy's float32 matmul "
        "rate, measured in the same run.",
    )
    bench.add_argument("--quick", action="store_true", help="a small subset, for CI")
    bench.add_argument(
        "--large",
        action="store_true",
        help="large kernels beyond the suite, where convgrad uses FFTs",
    )
    bench.add_argument(
        "--case",
        action="append",
        metavar="NAME",
        help="run the cases whose names contain NAME (repeatable); --list shows them",
    )
    bench.add_argument(
        "--repeat",
        type=integer(1, 1000),
        help="timed rounds per case (default 7; 3 with --train)",
    )
    bench.add_argument(
        "--train",
        action="store_true",
        help="time training steps of convgrad train's networks (the default CNN on 8x8 and "
        "28x28 images, a ResNet-20 on 28x28) against their PyTorch twins",
    )
    bench.add_argument(
        "--network",
        action="append",
        metavar="NAME",
        help="with --train: only this network (repeatable): cnn-digits, cnn-28, resnet20-28",
    )
    bench.add_argument(
        "--batches",
        type=integer(1, 100_000),
        help="with --train: batches of 32 per timed run (default 45, the digits' epoch)",
    )
    bench.add_argument(
        "--threads",
        type=integer(1, 1024),
        default=os.cpu_count() or 1,
        help="threads for PyTorch, NumPy's BLAS and convgrad (default: the number of CPUs)",
    )
    bench.add_argument("--json", metavar="FILE", type=Path, help="also write the results as JSON")
    bench.add_argument("--no-torch", action="store_true", help="convgrad's own figures only")
    bench.add_argument("--list", action="store_true", help="list the suite's cases and exit")
    bench.set_defaults(run=_bench)


def _bench(args: argparse.Namespace) -> int:
    from convgrad import bench

    if args.train:
        return _train(args)
    for option, given in (("--network", args.network), ("--batches", args.batches)):
        if given is not None:
            raise UsageError(f"{option} needs --train")
    args.repeat = 7 if args.repeat is None else args.repeat
    if args.list:
        for case in (*bench.SUITE, *bench.LARGE_KERNELS):
            print(f"{case.name:22s} x {case.x} w {case.w} {case.kwargs()}")
        return 0
    try:
        cases = bench.select(args.case, args.quick, args.large)
    except ValueError as err:
        raise UsageError(str(err)) from None
    if args.json is not None:
        writable_file("--json", args.json)
    torch = bench.load_torch(not args.no_torch)
    try:
        report = bench.run(cases, args.repeat, args.threads, torch)
    except bench.DisagreementError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    report["command"] = _command(args)
    return _save(report, args)


def _save(report: dict, args: argparse.Namespace) -> int:
    """Write ``report`` to ``--json`` if given (a failed write is one line, exit 2)."""
    from convgrad import bench

    if args.json:
        try:
            bench.write_json(report, str(args.json))
        except OSError as err:
            raise UsageError(f"--json: cannot write {args.json}: {err.strerror or err}") from None
        print(f"wrote {args.json}")
    return 0


def _train(args: argparse.Namespace) -> int:
    from convgrad import bench, bench_train

    for option, given in (("--quick", args.quick), ("--large", args.large), ("--list", args.list),
                          ("--case", args.case)):  # fmt: skip
        if given:
            raise UsageError(f"{option} times the convolution suite; it does not go with --train")
    try:
        networks = bench_train.select(args.network)
    except ValueError as err:
        raise UsageError(str(err)) from None
    if args.json is not None:
        writable_file("--json", args.json)
    repeat = 3 if args.repeat is None else args.repeat
    batches = bench_train.EPOCH_BATCHES if args.batches is None else args.batches
    torch = bench.load_torch(not args.no_torch)
    try:
        report = bench_train.run(networks, batches, repeat, args.threads, torch)
    except bench_train.DisagreementError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    words = ["convgrad", "bench", "--train", "--batches", str(batches), "--repeat", str(repeat)]
    words += ["--threads", str(args.threads)] + ["--no-torch"] * args.no_torch
    for network in args.network or ():
        words += ["--network", network]
    report["command"] = " ".join(words)
    return _save(report, args)


def _command(args: argparse.Namespace) -> str:
    """The command line that reproduces this run."""
    words = ["convgrad", "bench", "--repeat", str(args.repeat), "--threads", str(args.threads)]
    words += ["--quick"] * args.quick + ["--large"] * args.large + ["--no-torch"] * args.no_torch
    for name in args.case or ():
        words += ["--case", name]
    return " ".join(words)
