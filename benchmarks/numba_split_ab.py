"""The numba kernels on one thread or shared among two, inside a training step, ``[fast]``.

Networks: ``mobilenet``, a MobileNet-v1-style stack (separable blocks: depthwise 3x3, batch
norm, ReLU, pointwise 1x1, batch norm, ReLU), batch 16 of 3x64x64 images, forward + backward
through the tape with Adam; or one of ``convgrad bench --train``'s (``cnn-digits``, ``cnn-28``,
``resnet20-28``), its step as ``convgrad train`` runs it. float32. Each layer runs right after its
neighbours, as in training (the BLAS's products before a depthwise layer or a batch norm).

The depthwise kernels' split threshold (``taps_numba.SPLIT_WORK``) is set out of reach (no call
split), to its value and to 0 (every call split), alternating, 7 rounds of 10 steps each after 3
untimed steps; medians of the per-step time. (Batch norm's kernels were split the same way and
measured no faster: ``kernels/norm_numba.py``.)

    python benchmarks/numba_split_ab.py [--network mobilenet] [--threads 2] [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

import convgrad as cg
import convgrad.nn as nn
import convgrad.nn.functional as F
from convgrad import bench_train
from convgrad.kernels import accel, parallel, taps_numba
from convgrad.optim import Adam


def separable(c_in: int, c_out: int, stride: int) -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(c_in, c_in, 3, stride, 1, groups=c_in, bias=False),
        nn.BatchNorm2d(c_in),
        nn.ReLU(),
        nn.Conv2d(c_in, c_out, 1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
    )


class MobileNet(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, 32, 3, 2, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU()
        )
        widths = [
            (32, 64, 1),
            (64, 128, 2),
            (128, 128, 1),
            (128, 256, 2),
            (256, 256, 1),
            (256, 512, 2),
        ]
        self.blocks = nn.Sequential(*(separable(a, b, s) for a, b, s in widths))
        self.fc = nn.Linear(512, 10)

    def forward(self, x):
        return self.fc(F.adaptive_avg_pool2d(self.blocks(self.stem(x)), 1).flatten(1))


def mobilenet_step():
    rng = np.random.default_rng(0)
    model = MobileNet()
    optimizer = Adam(model.parameters(), lr=1e-3)
    x = rng.standard_normal((16, 3, 64, 64)).astype(np.float32)
    target = rng.integers(0, 10, 16)
    loss_fn = nn.CrossEntropyLoss()

    def step() -> None:
        optimizer.zero_grad()
        loss = loss_fn(model(cg.tensor(x)), target)
        loss.backward()
        optimizer.step()

    return step


def network_step(name: str):
    (network,) = bench_train.select([name])
    contender = bench_train._Convgrad(network)
    contender.restart()
    x, y = bench_train.make_batches(network, 1)[0]
    return lambda: contender.step(x, y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", default="mobilenet")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    step = mobilenet_step() if args.network == "mobilenet" else network_step(args.network)
    variants = {"one thread": float("inf"), "default": taps_numba.SPLIT_WORK, "all split": 0}
    times: dict[str, list[float]] = {name: [] for name in variants}
    with accel.accelerator("numba"), parallel.limit(args.threads):
        for _ in range(3):
            step()
        for _ in range(args.rounds):
            for name, work in variants.items():
                taps_numba.SPLIT_WORK = work
                step()
                runs = []
                for _ in range(10):
                    start = time.perf_counter()
                    step()
                    runs.append(time.perf_counter() - start)
                times[name].append(statistics.median(runs))
    one = statistics.median(times["one thread"])
    cells = ", ".join(
        f"{name} {1e3 * statistics.median(v):.1f} ms ({statistics.median(v) / one:.3f})"
        for name, v in times.items()
    )
    print(f"{args.network} step, {args.threads} threads, depthwise kernels: {cells}")


if __name__ == "__main__":
    main()
