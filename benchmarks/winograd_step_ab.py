"""Winograd's compiled transforms on or off, timed inside a `[fast]` training step.

    python benchmarks/winograd_step_ab.py [--network resnet20-28] [--rounds 10] [--batches 20]

``convgrad bench --train``'s step (batch 32, Adam), with numba, 2 threads, freed memory kept as
in training. Each round runs an epoch of ``--batches`` steps with the automatic choice as it is
(Winograd for the 3x3 layers :func:`convgrad.convolution._winograd_pays` takes) and one with
Winograd off (``WINOGRAD_CHANNELS`` out of reach: those layers take their direct strategy), in
turn (the order reversed every other round), after one untimed round. Every convolution
kernel's calls are timed inside the step (the machine's noise moves whole steps by more than a
layer takes); printed: the medians of the rounds' ms a step, for those calls and for the step.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from step_timers import alternate, network_epochs, report, timed_kernels

from convgrad import convolution
from convgrad.bench import thread_limit
from convgrad.kernels import accel


@contextmanager
def _variant(sink: list[float], winograd: bool) -> Iterator[None]:
    saved = convolution.WINOGRAD_CHANNELS
    if not winograd:
        convolution.WINOGRAD_CHANNELS = 1 << 30
    try:
        with timed_kernels(sink, lambda args: True):
            yield
    finally:
        convolution.WINOGRAD_CHANNELS = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--network", default="resnet20-28")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--batches", type=int, default=20)
    args = parser.parse_args()
    variants = {
        "winograd": lambda sink: _variant(sink, True),
        "direct": lambda sink: _variant(sink, False),
    }
    epoch = network_epochs(args.network, args.batches)

    with thread_limit(2), accel.accelerator("numba"):
        medians = alternate(variants, epoch, args.rounds)
    title = f"{args.network} with [fast], {args.rounds} rounds of {args.batches} steps"
    report(title, medians, "convolutions")


if __name__ == "__main__":
    main()
