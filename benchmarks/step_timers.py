"""Timing some of the convolution kernels' calls inside a training step (the benchmarks'
helper): the machine's noise moves whole steps by more than one layer takes, so an A/B of one
layer's change times that layer's calls where they run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from convgrad import convolution

KERNELS = ("_forward", "_input_grad", "_weight_grad")


@contextmanager
def timed_kernels(sink: list[float], counts: Callable[[tuple[Any, ...]], bool]) -> Iterator[None]:
    """Inside the block, each call of :mod:`convgrad.convolution`'s kernels (forward, ``dx``,
    ``dw``) whose arguments ``counts`` accepts adds its seconds to ``sink``."""
    saved = {name: getattr(convolution, name) for name in KERNELS}

    def timed(f: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            if not counts(args):
                return f(*args)
            start = time.perf_counter()
            try:
                return f(*args)
            finally:
                sink.append(time.perf_counter() - start)

        return call

    for name, f in saved.items():
        setattr(convolution, name, timed(f))
    try:
        yield
    finally:
        for name, f in saved.items():
            setattr(convolution, name, f)


def spec_of(args: tuple[Any, ...]) -> Any:
    """The ConvSpec among a kernel call's arguments."""
    return next(a for a in args if hasattr(a, "stride"))


def alternate(
    variants: dict[str, Callable[[list[float]], Any]],
    epoch: Callable[[list[float]], tuple[int, float]],
    rounds: int,
) -> dict[str, tuple[float, float]]:
    """Each variant's ``epoch`` in turn, ``rounds`` times after one untimed round, in the
    opposite order every other round (the variant that runs first in a round measured slower
    over whole steps). ``variants[name](sink)`` is the context to run in, whose timed calls go
    to ``sink``; ``epoch(sink)`` runs the steps and returns how many it timed and their
    seconds. Returns each variant's medians over the rounds: ms a step in the timed calls, and
    in the whole step."""
    calls: dict[str, list[float]] = {name: [] for name in variants}
    steps: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for round_ in range(rounds + 1):
        for name in names if round_ % 2 else names[::-1]:
            sink: list[float] = []
            with variants[name](sink):
                count, seconds = epoch(sink)
            if round_:  # the first round warms up
                calls[name].append(sum(sink) / count * 1e3)
                steps[name].append(seconds / count * 1e3)
    return {n: (statistics.median(calls[n]), statistics.median(steps[n])) for n in names}


def report(title: str, medians: dict[str, tuple[float, float]], calls: str) -> None:
    """Print :func:`alternate`'s medians under ``title``, the timed calls named ``calls``."""
    print(f"{title}, ms a step (medians):")
    width = max(map(len, medians))
    for name, (timed, step) in medians.items():
        print(f"  {name:{width}s}  {calls} {timed:7.2f}   step {step:7.2f}")


def medians(calls: Mapping[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Each call's median wall time in ms over ``repeat`` rounds after one untimed call each,
    the calls alternating, in the opposite order every other round (as :func:`alternate`)."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    for f in calls.values():
        f()  # compiles, warms
    order = list(calls.items())
    for round_ in range(repeat):
        for name, f in order if round_ % 2 == 0 else order[::-1]:
            start = time.perf_counter()
            f()
            times[name].append(time.perf_counter() - start)
    return {name: 1e3 * statistics.median(t) for name, t in times.items()}


def network_epochs(name: str, batches: int) -> Callable[[list[float]], tuple[int, float]]:
    """An ``epoch`` for :func:`alternate`: ``batches`` training steps of ``convgrad bench
    --train``'s network ``name`` (batch 32, Adam, from its initial weights each time), freed
    memory kept as in training."""
    from convgrad import _memory
    from convgrad import bench_train as bt

    _memory.keep_freed_memory()
    network = bt.select([name])[0]
    data = bt.make_batches(network, batches)
    side = bt._Convgrad(network)

    def epoch(sink: list[float]) -> tuple[int, float]:
        side.restart()
        start = time.perf_counter()
        for x, y in data:
            side.step(x, y)
        return len(data), time.perf_counter() - start

    return epoch
