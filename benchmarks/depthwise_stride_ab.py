"""Strided depthwise layers by the planes' phases or by strided taps, inside a training step.

    python benchmarks/depthwise_stride_ab.py [--rounds 9] [--threads 2]

The MobileNet-v1-style step of ``benchmarks/numba_split_ab.py`` (batch 16 of 3x64x64, three
depthwise layers of stride 2), pure NumPy. Variants alternate round by round (the order reversed
every other round), 10 steps each after one untimed: "phases" is the code as it is; "strided
taps" sends strided depthwise layers back to the paths before the phases (the forward's taps
over strided views of the padded input, ``dx``'s scatter, ``dw``'s per-tap sums over strided
views) by limiting ``taps._planes_apply`` to stride 1. The depthwise layers' forward, ``dx`` and
``dw`` calls of stride 2 are timed inside the step; printed: medians of the rounds' ms a step,
for those calls and for the whole step."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from numba_split_ab import mobilenet_step
from step_timers import alternate, report, spec_of, timed_kernels

from convgrad import _memory
from convgrad.kernels import accel, parallel, taps


@contextmanager
def _variant(sink: list[float], strided: bool) -> Iterator[None]:
    saved = taps._planes_apply
    if strided:
        taps._planes_apply = lambda w, spec: w.shape[0] == spec.groups and set(spec.stride) == {1}
    try:
        with timed_kernels(sink, _strided_depthwise):
            yield
    finally:
        taps._planes_apply = saved


def _strided_depthwise(args: tuple[Any, ...]) -> bool:
    spec = spec_of(args)
    return spec.groups > 1 and set(spec.stride) != {1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    _memory.keep_freed_memory()
    step = mobilenet_step()
    variants = {
        "phases": lambda sink: _variant(sink, False),
        "strided taps": lambda sink: _variant(sink, True),
    }

    def epoch(sink: list[float]) -> tuple[int, float]:
        step()
        sink.clear()  # the untimed step's calls
        start = time.perf_counter()
        for _ in range(10):
            step()
        return 10, time.perf_counter() - start

    with accel.accelerator("numpy"), parallel.limit(args.threads):
        medians = alternate(variants, epoch, args.rounds)
    title = f"mobilenet step, pure NumPy, {args.threads} threads, {args.rounds} rounds"
    report(title, medians, "strided depthwise")


if __name__ == "__main__":
    main()
