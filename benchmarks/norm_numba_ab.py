"""Training-mode batch norm, forward + backward, float32: NumPy's path against numba's
(``convgrad[fast]``, :mod:`convgrad.kernels.norm_numba`), on the training networks' activations.

    python benchmarks/norm_numba_ab.py [--repeat 31]

Runs back to back, the two alternating per shape, freed memory kept as in training; medians, ms.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from convgrad import _memory, normalization
from convgrad.kernels import accel

SHAPES = [(32, 16, 28, 28), (32, 32, 28, 28), (32, 64, 14, 14), (32, 128, 7, 7), (32, 32, 8, 8)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=31)
    args = parser.parse_args()
    _memory.keep_freed_memory()
    rng = np.random.default_rng(0)
    for shape in SHAPES:
        x = rng.standard_normal(shape, dtype=np.float32)
        dy = rng.standard_normal(shape, dtype=np.float32)
        w, b = np.ones(shape[1], np.float32), np.zeros(shape[1], np.float32)

        def step(x=x, dy=dy, w=w, b=b) -> None:  # type: ignore[no-untyped-def]
            _, saved = normalization.batch_norm_saving(x, w, b)
            normalization.batch_norm_backward_saved(dy, saved, w)

        times: dict[str, list[float]] = {"numpy": [], "numba": []}
        for _ in range(args.repeat):
            for name, runs in times.items():
                with accel.accelerator(name):
                    step()
                    t = time.perf_counter()
                    step()
                    runs.append(time.perf_counter() - t)
        a, b_ = (statistics.median(times[k]) * 1e3 for k in ("numpy", "numba"))
        print(f"{str(shape):18s} numpy {a:.3f} ms  numba {b_:.3f} ms  ({a / b_:.2f}x)", flush=True)


if __name__ == "__main__":
    main()
