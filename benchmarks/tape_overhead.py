"""A training step of the default CNN through the tape against the explicit backward path.

    python benchmarks/tape_overhead.py [--size 8|28] [--batch 32] [--repeat 30] [--json FILE]

Both paths run the same model (``convgrad.training.small_cnn_config``, float32, the weights of
one seed) on the same batch, with SGD with momentum, one step each:

- explicit: ``loss = loss_fn(model(x), y); model.backward(loss_fn.backward())``;
- tape: ``loss = loss_fn(model(cg.tensor(x)), y); loss.backward()``.

Before timing, one step of each from the same weights must give the same loss and the same
gradients (else no time is reported). Then the two alternate, each run once untimed before each
timed run; the time is the step's CPU time in this thread (``time.thread_time``) with NumPy's
BLAS and convgrad's thread pool held to one thread, so other users of the machine do not count.
It reports the median of each and the tape's overhead, ``tape / explicit - 1``.

Measured on the 2-core development machine, 2026-11-29 (shared with other users), medians of
30 to 100 runs per figure: 8x8 images (the digits, ``convgrad train``'s default), -1.1% to +2.1%
over 6 runs; 28x28 (MNIST's three stages), +3.1% to +10.0% over 9 runs. The 28x28 gap is the
allocator, not the tape's bookkeeping: the tape frees each step's arrays during the backward
walk, and glibc hands large freed blocks back to the system, so the next allocations pay page
faults. With ``MALLOC_MMAP_THRESHOLD_=1000000000 MALLOC_TRIM_THRESHOLD_=1000000000`` (blocks
kept) the same command measured -0.1% and +2.3%, and both paths ran faster.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

import numpy as np

import convgrad as cg
from convgrad import nn, optim
from convgrad.bench import thread_limit
from convgrad.training import build_model, small_cnn_config


def _setup(size: int, batch: int):
    config = small_cnn_config(1, size, 10)
    nn.manual_seed(0)
    model = build_model(config)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, 1, size, size)).astype(np.float32)
    y = rng.integers(0, 10, batch)
    return model, x, y


def explicit_step(model, opt, loss_fn, x, y) -> float:
    loss = loss_fn(model(x), y)
    opt.zero_grad()
    model.backward(loss_fn.backward())
    opt.step()
    return loss


def tape_step(model, opt, loss_fn, x, y) -> float:
    loss = loss_fn(model(cg.tensor(x)), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def _check(size: int, batch: int) -> None:
    """One step from the same weights: the same loss and gradients on both paths."""
    grads = []
    for step in (explicit_step, tape_step):
        model, x, y = _setup(size, batch)
        opt = optim.SGD(model.parameters(), lr=0.0)  # lr 0: the gradients only
        loss = step(model, opt, nn.CrossEntropyLoss(), x, y)
        grads.append((loss, [p.grad.copy() for p in model.parameters()]))
    (l1, g1), (l2, g2) = grads
    ok = np.isclose(l1, l2, rtol=1e-6) and all(
        np.allclose(a, b, rtol=1e-4, atol=1e-6) for a, b in zip(g1, g2)
    )
    if not ok:
        raise SystemExit("tape_overhead: the two paths disagree; no times reported")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=8, help="image side (8: digits, 28: MNIST)")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", help="write the times here")
    args = parser.parse_args(argv)
    if args.size < 4 or args.batch < 1 or args.repeat < 1:
        print("tape_overhead: --size >= 4, --batch >= 1 and --repeat >= 1", file=sys.stderr)
        return 2
    with thread_limit(1) as how:
        _check(args.size, args.batch)
        runs = {}
        for name, step in (("explicit", explicit_step), ("tape", tape_step)):
            model, x, y = _setup(args.size, args.batch)
            opt = optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
            runs[name] = (step, model, opt, nn.CrossEntropyLoss(), x, y)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeat):
            for name, (step, *state) in runs.items():  # alternate; one untimed run first
                step(*state)
                start = time.thread_time()
                step(*state)
                times[name].append(time.thread_time() - start)
    med = {name: statistics.median(t) for name, t in times.items()}
    overhead = med["tape"] / med["explicit"] - 1
    print(f"default CNN, {args.size}x{args.size} images, batch {args.batch}, BLAS threads: {how}")
    for name, t in med.items():
        print(f"  {name:8s} median {t * 1e3:8.2f} ms CPU per step over {args.repeat} runs")
    print(f"  tape overhead: {overhead:+.1%}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"args": vars(args), "median_s": med, "times_s": times}, f, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
