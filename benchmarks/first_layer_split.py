"""A first layer's passes split over the threads or not, timed inside a training step.

    python benchmarks/first_layer_split.py [--network cnn-28] [--rounds 10] [--batches 20]

``convgrad bench --train``'s step (batch 32, Adam), pure NumPy, 2 threads, freed memory kept as
in training. Each round runs an epoch of ``--batches`` steps with
``parallel.SPLIT_MIN_FLOPS`` at its value (a pass under it runs on one thread) and one with it
at 0 (the rule before it: any pass over images of ``SPLIT_POSITIONS`` positions split), in
turn, after one untimed round. The forward and weight-gradient calls of the layers with one
input channel are timed inside the step (the machine's noise moves whole steps by more than
they take); printed: the medians of the rounds' ms a step, for those calls and for the step.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from convgrad import _memory, convolution
from convgrad import bench_train as bt
from convgrad.bench import thread_limit
from convgrad.kernels import accel, parallel


@contextmanager
def _timed_first_layer(sink: list[float], split_all: bool) -> Iterator[None]:
    saved = parallel.SPLIT_MIN_FLOPS, convolution._forward, convolution._weight_grad

    def timed(f: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            x = args[0] if f is saved[1] else args[1]
            if x.shape[1] != 1:
                return f(*args)
            start = time.perf_counter()
            try:
                return f(*args)
            finally:
                sink.append(time.perf_counter() - start)

        return call

    if split_all:
        parallel.SPLIT_MIN_FLOPS = 0
    convolution._forward, convolution._weight_grad = timed(saved[1]), timed(saved[2])
    try:
        yield
    finally:
        parallel.SPLIT_MIN_FLOPS, convolution._forward, convolution._weight_grad = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--network", default="cnn-28")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--batches", type=int, default=20)
    args = parser.parse_args()
    _memory.keep_freed_memory()
    network = bt.select([args.network])[0]
    batches = bt.make_batches(network, args.batches)
    side = bt._Convgrad(network)
    variants = {"one thread under the minimum": False, "split (before)": True}
    calls: dict[str, list[float]] = {name: [] for name in variants}
    steps: dict[str, list[float]] = {name: [] for name in variants}
    with thread_limit(2), accel.accelerator("numpy"):
        for round_ in range(args.rounds + 1):
            for name, split_all in variants.items():
                sink: list[float] = []
                with _timed_first_layer(sink, split_all):
                    side.restart()
                    start = time.perf_counter()
                    for x, y in batches:
                        side.step(x, y)
                    elapsed = time.perf_counter() - start
                if round_:  # the first round warms up
                    calls[name].append(sum(sink) / len(batches) * 1e3)
                    steps[name].append(elapsed / len(batches) * 1e3)
    print(f"{network.name}, {args.rounds} rounds of {args.batches} steps, ms a step (medians):")
    for name in variants:
        first, step = statistics.median(calls[name]), statistics.median(steps[name])
        print(f"  {name:30s} first layer {first:6.2f}   step {step:7.2f}")


if __name__ == "__main__":
    main()
