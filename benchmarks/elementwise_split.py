"""Batch norm, ReLU and max pooling (forward + backward, float32) on one thread against split over
two (``convgrad.kernels.parallel.over_parts``), on the training networks' activations.

    python benchmarks/elementwise_split.py [--repeat 31]

Runs back to back, the two settings alternating, medians of ``--repeat``, ms; the split is forced
(``SPLIT_ELEMENTS = 0``) so that the small shapes show where it stops paying. Freed memory is
kept as in a training loop (``convgrad._memory``; ``--fault`` leaves glibc's defaults).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from convgrad import _memory, activations, normalization, pooling
from convgrad.kernels import parallel

SHAPES = [(32, 32, 8, 8), (32, 64, 4, 4), (32, 64, 7, 7), (32, 16, 28, 28), (32, 32, 14, 14),
          (32, 64, 14, 14), (32, 32, 28, 28)]  # fmt: skip


def ops(x: np.ndarray, dy: np.ndarray) -> dict[str, Callable[[], object]]:
    w, b = np.ones(x.shape[1], x.dtype), np.zeros(x.shape[1], x.dtype)
    dyp = dy[:, :, : x.shape[2] // 2 * 2 : 2, : x.shape[3] // 2 * 2 : 2].copy()

    def bn() -> None:
        _, saved = normalization.batch_norm_saving(x, w, b)
        normalization.batch_norm_backward_saved(dy, saved, w)

    def relu() -> None:
        activations.relu(x)
        activations.relu_backward(dy, x)

    def pool() -> None:
        _, saved = pooling.max_pool2d_saving(x, 2)
        pooling.max_pool2d_backward_saved(dyp, x, saved, 2)

    return {"batch norm": bn, "relu": relu, "max pool": pool}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=31)
    parser.add_argument("--fault", action="store_true", help="glibc's defaults: no kept memory")
    args = parser.parse_args()
    if not args.fault:
        _memory.keep_freed_memory()
    rng = np.random.default_rng(0)
    parallel.SPLIT_ELEMENTS = 0
    for shape in SHAPES:
        x = rng.standard_normal(shape, dtype=np.float32)
        dy = rng.standard_normal(shape, dtype=np.float32)
        cells = []
        for name, f in ops(x, dy).items():
            times: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for n in (1, 2):
                    with parallel.limit(n):
                        f()
                        t = time.perf_counter()
                        f()
                        times[n].append(time.perf_counter() - t)
            one, two = (statistics.median(times[n]) * 1e3 for n in (1, 2))
            cells.append(f"{name} {one:.3f} / {two:.3f}")
        print(f"{str(shape):18s} {x.size:8d} elements | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
