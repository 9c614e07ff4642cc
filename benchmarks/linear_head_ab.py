"""A training step of a small CNN with a linear head, 2 threads: where the BLAS's own threads
meet convgrad's.

    python benchmarks/linear_head_ab.py [--hidden 256] [--batches 20] [--threads 2]
    PYTHONPATH=<other checkout>/src python benchmarks/linear_head_ab.py ...   # A/B

The network: two conv-BN-ReLU-pool stages (3 -> 32 -> 64 channels) on 32x32 images, then
``Linear(4096, hidden)``, ReLU, ``Linear(hidden, 10)``; batch 32, Adam, ``convgrad train``'s
step (the explicit backward). Prints the median step over ``--batches`` steps after one untimed
pass over them, ms. The convolutions run on convgrad's threads; a head large enough for the
BLAS to wake its own workers left them spinning through the next layers until its products
shared their rows among convgrad's threads (``convgrad.dense._product``).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from convgrad import nn, optim
from convgrad.bench import thread_limit
from convgrad.training import build_model, train_step


def stage(c_in: int, c_out: int) -> list[list[object]]:
    conv = {"in_channels": c_in, "out_channels": c_out, "kernel_size": 3, "padding": 1}
    return [
        ["Conv2d", conv],
        ["BatchNorm2d", {"num_features": c_out}],
        ["ReLU", {}],
        ["MaxPool2d", {"kernel_size": 2}],
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    layers = [
        *stage(3, 32),
        *stage(32, 64),
        ["Flatten", {}],
        ["Linear", {"in_features": 64 * 8 * 8, "out_features": args.hidden}],
        ["ReLU", {}],
        ["Linear", {"in_features": args.hidden, "out_features": 10}],
    ]
    nn.manual_seed(0)
    model = build_model({"layers": layers, "in_channels": 3, "size": 32, "classes": 10})
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    opt = optim.Adam(model.parameters(), lr=3e-3)
    rng = np.random.default_rng(0)
    data = [
        (rng.standard_normal((32, 3, 32, 32), dtype=np.float32), rng.integers(0, 10, 32))
        for _ in range(args.batches)
    ]
    runs = []
    with thread_limit(args.threads):
        for x, y in data:  # untimed
            train_step(model, loss_fn, opt, x, y, tape=False)
        for x, y in data:
            start = time.perf_counter()
            train_step(model, loss_fn, opt, x, y, tape=False)
            runs.append(time.perf_counter() - start)
    print(f"Linear(4096, {args.hidden}) head: {statistics.median(runs) * 1e3:.2f} ms a step")


if __name__ == "__main__":
    main()
