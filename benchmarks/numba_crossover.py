"""The numba kernels against NumPy's on grouped convolutions: forward + backward, float32.

CPU time of the process (``time.process_time``, which other tenants of a shared machine disturb
less than wall-clock time), one thread each: NumPy's BLAS through threadpoolctl, numba's and
convgrad's threads through ``convgrad.kernels.parallel.limit``. Median of ``--repeat`` runs,
alternating the two backends, each run once untimed first. Behind the choice in
``convgrad.convolution._taps_pays`` and the figures in BENCHMARKS.md ("Convolution kernels").

    python benchmarks/numba_crossover.py [--repeat 7] [--threads 1]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from threadpoolctl import threadpool_limits

import convgrad
from convgrad.kernels import accel, parallel

CASES = [  # name, x, w, keyword arguments
    ("dw 3x3 112x112 32ch", (8, 32, 112, 112), (32, 1, 3, 3), dict(padding=1, groups=32)),
    ("dw 3x3 14x14 512ch", (8, 512, 14, 14), (512, 1, 3, 3), dict(padding=1, groups=512)),
    ("dw 3x3 s2 56x56", (8, 128, 56, 56), (128, 1, 3, 3), dict(padding=1, stride=2, groups=128)),
    ("dw 5x5 28x28 96ch", (8, 96, 28, 28), (96, 1, 5, 5), dict(padding=2, groups=96)),
    ("dw 1-D k=5 64ch", (8, 64, 4096), (64, 1, 5), dict(padding=2, groups=64)),
    ("dw x2 3x3 28x28", (8, 64, 28, 28), (128, 1, 3, 3), dict(padding=1, groups=64)),
    ("g32 x4ch 3x3 28x28", (8, 128, 28, 28), (128, 4, 3, 3), dict(padding=1, groups=32)),
    ("g16 x8ch 3x3 28x28", (8, 128, 28, 28), (128, 8, 3, 3), dict(padding=1, groups=16)),
    ("g8 x8ch 3x3 56x56", (8, 64, 56, 56), (64, 8, 3, 3), dict(padding=1, groups=8)),
    ("g8 x16ch 3x3 28x28", (8, 128, 28, 28), (128, 16, 3, 3), dict(padding=1, groups=8)),
    ("g8 x16ch s2 56x56", (8, 128, 56, 56), (128, 16, 3, 3), dict(padding=1, stride=2, groups=8)),
    ("g4 x32ch 3x3 28x28", (8, 128, 28, 28), (128, 32, 3, 3), dict(padding=1, groups=4)),
    ("g2 x8ch 1-D k=5", (8, 16, 4096), (16, 8, 5), dict(padding=2, groups=2)),
    ("g8 x16ch 1x1 28x28", (8, 128, 28, 28), (128, 16, 1, 1), dict(groups=8)),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--case", action="append")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    with threadpool_limits(args.threads, "blas"), parallel.limit(args.threads):
        for name, xs, ws, kw in CASES:
            if args.case and not any(c in name for c in args.case):
                continue
            op = {3: convgrad.conv1d, 4: convgrad.conv2d}[len(xs)]
            back = {3: convgrad.conv1d_backward, 4: convgrad.conv2d_backward}[len(xs)]
            x = rng.standard_normal(xs).astype(np.float32)
            w = rng.standard_normal(ws).astype(np.float32)
            dy = rng.standard_normal(op(x, w, **kw).shape).astype(np.float32)
            times: dict[str, list[float]] = {b: [] for b in accel.BACKENDS}
            for _ in range(args.repeat):
                for backend in accel.BACKENDS:
                    with accel.accelerator(backend):
                        op(x, w, **kw), back(dy, x, w, **kw)
                        start = time.process_time()
                        op(x, w, **kw), back(dy, x, w, **kw)
                        times[backend].append(time.process_time() - start)
            a, b = (1e3 * float(np.median(times[k])) for k in accel.BACKENDS)
            print(f"{name:24s} numpy {a:8.1f} ms  numba {b:8.1f} ms  numpy/numba {a / b:5.2f}")


if __name__ == "__main__":
    main()
