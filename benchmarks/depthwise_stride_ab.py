"""Strided depthwise layers by the planes' phases or by strided taps, inside a training step.

    python benchmarks/depthwise_stride_ab.py [--rounds 9] [--threads 2]

The MobileNet-v1-style step of ``benchmarks/numba_split_ab.py`` (batch 16 of 3x64x64, three
depthwise layers of stride 2), pure NumPy. Variants alternate round by round, 10 steps each
after one untimed: "phases" is the code as it is; "strided taps" sends strided depthwise layers
back to the paths before the phases (the forward's taps over strided views of the padded
input, ``dx``'s scatter, ``dw``'s per-tap sums over strided views) by limiting
``taps._planes_apply`` to stride 1. The depthwise layers' forward, ``dx`` and ``dw`` calls of
stride 2 are timed inside the step; printed: medians of the rounds' ms a step, for those calls
and for the whole step.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from numba_split_ab import mobilenet_step

from convgrad import _memory, convolution
from convgrad.kernels import accel, parallel, taps


@contextmanager
def _variant(sink: list[float], strided: bool) -> Iterator[None]:
    saved = (taps._planes_apply, convolution._forward, convolution._input_grad)
    saved_dw = convolution._weight_grad

    def timed(f: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            spec = next(a for a in args if hasattr(a, "stride"))
            if spec.groups == 1 or set(spec.stride) == {1}:
                return f(*args)
            start = time.perf_counter()
            try:
                return f(*args)
            finally:
                sink.append(time.perf_counter() - start)

        return call

    if strided:
        taps._planes_apply = lambda w, spec: w.shape[0] == spec.groups and set(spec.stride) == {1}
    convolution._forward, convolution._input_grad = timed(saved[1]), timed(saved[2])
    convolution._weight_grad = timed(saved_dw)
    try:
        yield
    finally:
        taps._planes_apply, convolution._forward, convolution._input_grad = saved
        convolution._weight_grad = saved_dw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    _memory.keep_freed_memory()
    step = mobilenet_step()
    variants = {"phases": False, "strided taps": True}
    calls: dict[str, list[float]] = {name: [] for name in variants}
    steps: dict[str, list[float]] = {name: [] for name in variants}
    with accel.accelerator("numpy"), parallel.limit(args.threads):
        for round_ in range(args.rounds + 1):
            for name, strided in variants.items():
                sink: list[float] = []
                with _variant(sink, strided):
                    step()
                    sink.clear()
                    start = time.perf_counter()
                    for _ in range(10):
                        step()
                    elapsed = time.perf_counter() - start
                if round_:  # the first round warms up
                    calls[name].append(sum(sink) / 10 * 1e3)
                    steps[name].append(elapsed / 10 * 1e3)
    print(f"mobilenet step, pure NumPy, {args.threads} threads, {args.rounds} rounds, ms a step:")
    for name in variants:
        layers, step_ms = statistics.median(calls[name]), statistics.median(steps[name])
        print(f"  {name:14s} strided depthwise {layers:7.2f}   step {step_ms:7.2f}")


if __name__ == "__main__":
    main()
