"""Where a training step's time goes: per-op timers over convgrad's training loop.

    python benchmarks/train_profile.py [--model cnn|resnet20] [--size 8|28] [--batches 20]
                                       [--threads 1] [--cprofile [--profile-out FILE]]

The step is ``convgrad train``'s (:func:`convgrad.training.train_step`): batch 32, Adam at
3e-3, cross-entropy with label smoothing 0.1, the default CNN (explicit backward) or the
ResNet-20 (the tape), on random images of one channel. Each op family's functions are wrapped
by a timer (conv forward, conv backward, max pooling, batch norm, ReLU, linear and loss, the
optimiser); "other" is the step's time that none of them holds: the layers' and the tape's
Python, the Tensor bookkeeping, the first layer's weight gradient when it skips dx. The timer
is ``time.thread_time`` (the CPU time of this thread) with NumPy's BLAS and convgrad's threads
held to ``--threads`` (1 by default), so the other users of a shared machine do not count; with
more threads it is ``time.perf_counter``. The figures are medians over the batches of one
epoch after one untimed epoch.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import functools
import pstats
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from convgrad import activations, convolution, dense, losses, nn, normalization, optim, pooling
from convgrad.autograd import Tensor
from convgrad.bench import thread_limit
from convgrad.training import build_model, small_cnn_config

try:
    from convgrad.training import train_step
except ImportError:  # the code before issue 14 (A/B against it: PYTHONPATH=<old>/src)
    train_step = None  # type: ignore[assignment]

# op family -> (module, function names) whose calls count for it
FAMILIES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "conv forward": (convolution, ("conv2d",)),
    "conv backward": (convolution, ("conv2d_backward",)),
    "max pool": (
        pooling,
        ("max_pool2d", "max_pool2d_backward", "max_pool2d_saving", "max_pool2d_backward_saved"),
    ),
    "avg pool": (pooling, ("adaptive_avg_pool2d", "adaptive_avg_pool2d_backward")),
    "batch norm": (
        normalization,
        (
            "batch_norm",
            "batch_norm_backward",
            "batch_norm_stats",
            "batch_norm_saving",
            "batch_norm_backward_saved",
            "batch_norm_relu_saving",  # with the ReLU inside ([fast]): counted as batch norm
            "batch_norm_relu_backward_saved",
            "running_stats",
        ),
    ),
    "relu": (activations, ("relu", "relu_backward")),
    "linear": (dense, ("linear", "linear_backward")),
    "loss": (losses, ("cross_entropy", "cross_entropy_backward")),
}


class Timers:
    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.step: dict[str, float] = collections.defaultdict(float)
        self.depth = 0

    def wrap(self, family: str, f: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(f)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:  # nested in another timed call: counted there
                return f(*args, **kwargs)
            self.depth += 1
            start = self.clock()
            try:
                return f(*args, **kwargs)
            finally:
                self.step[family] += self.clock() - start
                self.depth -= 1

        return timed


def install(timers: Timers) -> None:
    """Wrap every family's functions where the layers look them up (before models are built)."""
    for family, (module, names) in FAMILIES.items():
        for name in names:
            if hasattr(module, name):
                setattr(module, name, timers.wrap(family, getattr(module, name)))
    nn.ReLU._f = staticmethod(activations.relu)  # bound when the class was made
    nn.ReLU._df = staticmethod(activations.relu_backward)
    name = "_update_group" if hasattr(optim.Adam, "_update_group") else "_update"  # A/B: older
    update = getattr(optim.Adam, name)
    setattr(optim.Adam, name, lambda self, *a: timers.wrap("optimizer", update)(self, *a))


def batches(size: int, count: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(0)
    for _ in range(count):
        yield (
            rng.standard_normal((32, 1, size, size)).astype(np.float32),
            rng.integers(0, 10, 32),
        )


def torch_step_ms(config: dict, data: list, threads: int, clock: Callable[[], float]) -> float:
    """The median step of the PyTorch twin (same weights' layout, same batches), in ms."""
    import torch

    from convgrad.training import torch_model

    torch.set_num_threads(threads)
    model = torch_model(config)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    runs = []
    for timed in (False, True):
        for x, y in data:
            start = clock()
            opt.zero_grad()
            loss_fn(model(torch.from_numpy(x)), torch.from_numpy(y)).backward()
            opt.step()
            if timed:
                runs.append(clock() - start)
    return statistics.median(runs) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("cnn", "resnet20"), default="cnn")
    parser.add_argument("--size", type=int, default=28)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--torch", action="store_true", help="also time the PyTorch twin")
    parser.add_argument("--cprofile", action="store_true", help="also print cProfile's top 25")
    parser.add_argument(
        "--profile-out", metavar="FILE", help="with --cprofile: also write its stats (pstats)"
    )
    args = parser.parse_args()

    clock = time.thread_time if args.threads == 1 else time.perf_counter
    timers = Timers(clock)
    install(timers)
    if args.model == "cnn":
        config = small_cnn_config(1, args.size, 10)
    else:
        config = {"model": "resnet20", "in_channels": 1, "size": args.size, "classes": 10}
    nn.manual_seed(0)
    model = build_model(config)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    opt = optim.Adam(model.parameters(), lr=3e-3)
    data = list(batches(args.size, args.batches))

    def step(x: np.ndarray, y: np.ndarray) -> None:
        if train_step is not None:  # convgrad train's own step
            train_step(model, loss_fn, opt, x, y, tape=args.model != "cnn")
            return
        opt.zero_grad()  # the code before issue 14 had no train_step: its loop, as it was
        if args.model == "cnn":
            loss_fn(model(x), y)
            model.backward(loss_fn.backward())
        else:
            loss_fn(model(Tensor(x)), y).backward()
        opt.step()

    per_step: dict[str, list[float]] = collections.defaultdict(list)
    with thread_limit(args.threads):
        for x, y in data:  # untimed epoch
            step(x, y)
        for x, y in data:
            timers.step.clear()
            start = clock()
            step(x, y)
            total = clock() - start
            per_step["total"].append(total)
            per_step["other"].append(total - sum(timers.step.values()))
            for family in (*FAMILIES, "optimizer"):
                per_step[family].append(timers.step.get(family, 0.0))
        if args.cprofile:
            profile = cProfile.Profile()
            profile.enable()
            for x, y in data:
                step(x, y)
            profile.disable()
    total = statistics.median(per_step["total"]) * 1e3
    print(
        f"{args.model} on {args.size}x{args.size}, batch 32, {args.threads} thread(s): "
        f"{total:.2f} ms per step (median of {args.batches}), "
        f"{'CPU time' if args.threads == 1 else 'wall clock'}"
    )
    for family in (*FAMILIES, "optimizer", "other"):
        ms = statistics.median(per_step[family]) * 1e3
        if ms > 0:
            print(f"  {family:14s} {ms:8.2f} ms  {100 * ms / total:5.1f}%")
    if args.torch:
        print(f"  PyTorch twin   {torch_step_ms(config, data, args.threads, clock):8.2f} ms")
    if args.cprofile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        if args.profile_out:
            profile.dump_stats(args.profile_out)


if __name__ == "__main__":
    main()
