"""im2col against tapmm on the bench suite's stride-1 dense layers: forward + backward, float32.

One thread (the default): CPU time of the calling thread (``time.thread_time``), everything on
it, NumPy's BLAS at one thread, which other tenants of a shared machine disturb less than
wall-clock time. With
``THREADS`` > 1: wall-clock time, each run after 0.1 s of rest and one untimed run. Medians of 5,
the two strategies alternating. Behind ``convgrad.convolution.TAPMM_CHANNELS`` and BENCHMARKS.md.

    python benchmarks/tapmm_crossover.py [THREADS]
"""

import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from convgrad import bench, convolution
from convgrad.kernels import parallel

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
clock = time.thread_time if threads == 1 else time.perf_counter
with threadpool_limits(threads, "blas"), parallel.limit(threads):
    for case in bench.SUITE:
        if case.stride != 1 or case.groups != 1:
            continue
        x, w, b, dy = bench._inputs(case)
        forward, backward = bench._convgrad_runs(case, x, w, b, dy, "numpy")
        times: dict[str, list[float]] = {"im2col": [], "tapmm": []}
        for _ in range(5):
            for name, runs in times.items():
                with convolution.strategy(name):
                    forward(), backward()
                    if threads > 1:
                        time.sleep(0.1)
                        forward(), backward()
                    start = clock()
                    forward(), backward()
                    runs.append(clock() - start)
        a, t = (1e3 * float(np.median(times[k])) for k in ("im2col", "tapmm"))
        print(f"{case.name:20s} im2col {a:7.1f}  tapmm {t:7.1f}  im2col/tapmm {a / t:5.2f}")
