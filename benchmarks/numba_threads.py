"""The numba depthwise kernels' threads beside the BLAS's: a MobileNet block's depthwise layer,
timed right after a neighbour, float32, forward + backward, wall-clock, median of 7.

Three neighbours for the depthwise layer: 0.1 s of rest; a 512 x 512 matrix product on the BLAS's
own 2 threads (whose workers then spin for about 0.1 s); the pointwise layer as convgrad runs it.
The kernels at 1 and at 2 threads (``convgrad.kernels.parallel.limit``). Until 2026-11-30 the
threads were numba's OpenMP ones (``accel.NUMBA_THREADS``); since then the kernels share their
jobs among convgrad's own threads, from ``taps_numba.SPLIT_WORK`` multiply-adds.

    python benchmarks/numba_threads.py
"""

import time

import numpy as np

import convgrad
from convgrad.kernels import parallel


def depthwise(x, w, dy, kw):
    convgrad.conv2d(x, w, **kw), convgrad.conv2d_backward(dy, x, w, **kw)


def main() -> None:
    rng = np.random.default_rng(0)
    a = rng.standard_normal((512, 512)).astype(np.float32)
    for c, size in ((32, 112), (512, 14)):
        x = rng.standard_normal((8, c, size, size)).astype(np.float32)
        w = rng.standard_normal((c, 1, 3, 3)).astype(np.float32)
        pw = rng.standard_normal((c, c, 1, 1)).astype(np.float32)
        kw = dict(padding=1, groups=c)
        dy = convgrad.conv2d(x, w, **kw)
        before = {
            "rest": lambda: time.sleep(0.1),
            "BLAS matmul": lambda a=a: a @ a,
            "pointwise (tapmm)": lambda x=x, pw=pw: convgrad.conv2d_backward(x, x, pw),
        }
        for name, neighbour in before.items():
            times: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(7):
                for threads, runs in times.items():
                    with parallel.limit(threads):
                        depthwise(x, w, dy, kw)
                        neighbour()
                        start = time.perf_counter()
                        depthwise(x, w, dy, kw)
                        runs.append(time.perf_counter() - start)
            cells = "  ".join(f"{k} thread(s) {1e3 * np.median(v):6.1f}" for k, v in times.items())
            print(f"depthwise {c:3d} ch {size:3d}px after {name:18s} {cells}", flush=True)


if __name__ == "__main__":
    main()
