"""A first layer's passes split over the threads or not, timed inside a training step.

    python benchmarks/first_layer_split.py [--network cnn-28] [--rounds 10] [--batches 20]

``convgrad bench --train``'s step (batch 32, Adam), pure NumPy, 2 threads, freed memory kept as
in training. Each round runs an epoch of ``--batches`` steps with ``parallel.SPLIT_MIN_FLOPS``
at its value (a pass under it runs on one thread) and one with it at 0 (the rule before it: any
pass over images of ``SPLIT_POSITIONS`` positions split), in turn (the order reversed every
other round), after one untimed round. The forward and weight-gradient calls of the layers with
one input channel are timed inside the step (the machine's noise moves whole steps by more than
they take); printed: the medians of the rounds' ms a step, for those calls and for the step."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from step_timers import alternate, network_epochs, report, spec_of, timed_kernels

from convgrad.bench import thread_limit
from convgrad.kernels import accel, parallel


@contextmanager
def _variant(sink: list[float], split_all: bool) -> Iterator[None]:
    saved = parallel.SPLIT_MIN_FLOPS
    if split_all:
        parallel.SPLIT_MIN_FLOPS = 0
    try:
        with timed_kernels(sink, lambda args: spec_of(args).groups == 1 and _one_channel(args)):
            yield
    finally:
        parallel.SPLIT_MIN_FLOPS = saved


def _one_channel(args: tuple[Any, ...]) -> bool:
    """Whether the layer has one input channel (its weights ``(C_out, 1, ...)``)."""
    return any(getattr(a, "ndim", 0) == 4 and a.shape[1] == 1 and a.shape[0] > 1 for a in args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--network", default="cnn-28")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--batches", type=int, default=20)
    args = parser.parse_args()
    variants = {
        "one thread under the minimum": lambda sink: _variant(sink, False),
        "split (before)": lambda sink: _variant(sink, True),
    }
    epoch = network_epochs(args.network, args.batches)

    with thread_limit(2), accel.accelerator("numpy"):
        medians = alternate(variants, epoch, args.rounds)
    title = f"{args.network}, {args.rounds} rounds of {args.batches} steps"
    report(title, medians, "first layer")


if __name__ == "__main__":
    main()
