"""Single layers of ``convgrad.nn`` against their ``torch.nn`` twins: forward + backward.

    python benchmarks/layers.py [--only TEXT ...] [--repeat 3] [--json FILE]

Each case builds the layer in both libraries with the same weights, then times, alternating,
``y = layer(x); y.backward(g)`` with a fresh input Tensor each call (``x`` requires grad unless
the case says otherwise, as a layer inside a network would, so the input's gradient is made and
stored on both sides) and the parameters' gradients reset. Wall clock on ``CONVGRAD_THREADS``
threads (PyTorch on as many), freed memory kept as in training (``convgrad._memory``); each
figure is the median of ``--repeat`` calls, the two libraries' calls alternating
(``step_timers.medians``), in ms, and the ratio is convgrad's time over PyTorch's. (The
fourteenth session's figures came from medians of 3 rounds of 7 calls each.) The cases are the
layers of the networks in ``other_networks.py`` and others users bring: transposed, dilated,
grouped, 1-D and 3-D convolutions, pooling, normalisation, dropout, linear layers, softmax and
losses.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

import numpy as np
from step_timers import medians

from convgrad import _memory, bench
from convgrad import nn as cn
from convgrad.autograd import Tensor
from convgrad.kernels import parallel
from convgrad.nn import functional as cF

# (name, input shape, the layer given a library's nn, whether the input needs a gradient)
CASES: list[tuple[str, tuple[int, ...], Callable[[Any], Any], bool]] = [
    ("convT 4x4 s2 128->64 at 16", (32, 128, 16, 16),
     lambda m: m.ConvTranspose2d(128, 64, 4, 2, 1), True),
    ("convT 2x2 s2 64->32 at 28", (16, 64, 28, 28),
     lambda m: m.ConvTranspose2d(64, 32, 2, 2), True),
    ("conv1d 64 k3 at 1000", (32, 64, 1000), lambda m: m.Conv1d(64, 64, 3, padding=1), True),
    ("conv1d 128 k7 d2 at 256", (32, 128, 256),
     lambda m: m.Conv1d(128, 128, 7, padding=6, dilation=2), True),
    ("conv 3x3 d2 64 at 28", (32, 64, 28, 28),
     lambda m: m.Conv2d(64, 64, 3, padding=2, dilation=2), True),
    ("conv 5x5 32->64 at 28", (32, 32, 28, 28), lambda m: m.Conv2d(32, 64, 5, padding=2), True),
    ("conv 3x3 s2 64->128 at 28", (32, 64, 28, 28), lambda m: m.Conv2d(64, 128, 3, 2, 1), True),
    ("conv 1x1 256->64 at 14", (32, 256, 14, 14), lambda m: m.Conv2d(256, 64, 1), True),
    ("conv 2 groups 64 at 28", (32, 64, 28, 28),
     lambda m: m.Conv2d(64, 64, 3, padding=1, groups=2), True),
    ("conv 4 groups 128 at 14", (32, 128, 14, 14),
     lambda m: m.Conv2d(128, 128, 3, padding=1, groups=4), True),
    ("conv 32 groups 128 at 14", (32, 128, 14, 14),
     lambda m: m.Conv2d(128, 128, 3, padding=1, groups=32), True),
    ("conv 3->64 7x7 s2 at 112", (16, 3, 112, 112), lambda m: m.Conv2d(3, 64, 7, 2, 3), False),
    ("conv 6->16 5x5 (LeNet)", (64, 6, 14, 14), lambda m: m.Conv2d(6, 16, 5), True),
    ("conv3d 16->32 at 8x16x16", (8, 16, 8, 16, 16),
     lambda m: m.Conv3d(16, 32, 3, padding=1), True),
    ("avgpool 3 s1 p1 64 at 28", (32, 64, 28, 28), lambda m: m.AvgPool2d(3, 1, 1), True),
    ("maxpool 3 s2 p1 64 at 56", (32, 64, 56, 56), lambda m: m.MaxPool2d(3, 2, 1), True),
    ("dropout2d 64 at 28", (32, 64, 28, 28), lambda m: m.Dropout2d(0.5), True),
    ("linear 256 1024->1024", (256, 1024), lambda m: m.Linear(1024, 1024), True),
    ("linear 128 784->512 (first)", (128, 784), lambda m: m.Linear(784, 512), False),
    ("linear 32 6272->10", (32, 6272), lambda m: m.Linear(6272, 10), True),
    ("batchnorm1d 256x1024", (256, 1024), lambda m: m.BatchNorm1d(1024), True),
    ("batchnorm 16 at 28", (32, 16, 28, 28), lambda m: m.BatchNorm2d(16), True),
    ("relu 64 at 28", (32, 64, 28, 28), lambda m: m.ReLU(), True),
    ("tanh 256x1024", (256, 1024), lambda m: m.Tanh(), True),
    ("softmax 256x1000", (256, 1000), lambda m: m.Softmax(1), True),
    ("log-softmax 256x1000", (256, 1000), lambda m: m.LogSoftmax(1), True),
    ("bilinear x2 64 at 28", (32, 64, 28, 28),
     lambda m: m.Upsample(scale_factor=2, mode="bilinear"), True),
]  # fmt: skip


def _layer(
    build: Callable[[Any], Any], shape: tuple[int, ...], needs: bool, torch: Any
) -> dict[str, Callable[[], None]]:
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape, dtype=np.float32)
    ours, theirs = build(cn), build(torch.nn)
    state = {k: torch.from_numpy(np.array(v)) for k, v in ours.state_dict().items()}
    theirs.load_state_dict(state, strict=False)
    g = rng.standard_normal(ours(Tensor(x)).shape, dtype=np.float32)
    xt, gt = torch.from_numpy(x).requires_grad_(needs), torch.from_numpy(g)

    def convgrad_call() -> None:
        ours(Tensor(x, requires_grad=needs)).backward(g)
        for p in ours.parameters():
            p.grad = None

    def torch_call() -> None:
        theirs(xt).backward(gt)
        xt.grad = None
        for p in theirs.parameters():
            p.grad = None

    return {"convgrad": convgrad_call, "torch": torch_call}


def _loss(batch: int, classes: int, torch: Any) -> dict[str, Callable[[], None]]:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, classes), dtype=np.float32)
    target = rng.integers(0, classes, batch)
    xt, tt = torch.from_numpy(x).requires_grad_(), torch.from_numpy(target)

    def convgrad_call() -> None:
        cF.cross_entropy(Tensor(x, requires_grad=True), target).backward()

    def torch_call() -> None:
        torch.nn.functional.cross_entropy(xt, tt).backward()
        xt.grad = None

    return {"convgrad": convgrad_call, "torch": torch_call}


def run(only: list[str], repeat: int) -> list[dict[str, Any]]:
    import torch

    torch.set_num_threads(parallel.threads())
    contenders: list[tuple[str, Callable[[], dict[str, Callable[[], None]]]]] = [
        (name, lambda b=build, s=shape, n=needs: _layer(b, s, n, torch))  # type: ignore[misc]
        for name, shape, build, needs in CASES
    ]
    contenders.append(("cross-entropy 256x1000", lambda: _loss(256, 1000, torch)))
    rows = []
    for name, make in contenders:
        if only and not any(text in name for text in only):
            continue
        ms = medians(make(), repeat)
        row = {"layer": name, "convgrad_ms": ms["convgrad"], "torch_ms": ms["torch"],
               "ratio": ms["convgrad"] / ms["torch"]}  # fmt: skip
        rows.append(row)
        print(f"{name:30s} convgrad {row['convgrad_ms']:8.2f} ms  torch {row['torch_ms']:8.2f} ms"
              f"  ratio {row['ratio']:5.2f}", flush=True)  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="cases whose names contain these")
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--json", default="", help="write the rows to this file")
    args = parser.parse_args()
    _memory.keep_freed_memory()
    rows = run(args.only, args.repeat)
    ratios = [r["ratio"] for r in rows]
    if ratios:
        print(f"geometric mean {bench.geometric_mean(ratios):.2f} over {len(ratios)}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"threads": parallel.threads(), "layers": rows}, f, indent=1)


if __name__ == "__main__":
    main()
