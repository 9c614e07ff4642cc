"""``tapmm.BLOCK_BYTES`` swept on the bench suite's layers that tapmm computes: forward + backward,
float32, CPU time of the calling thread (``time.thread_time``), everything on one thread, median
of 5, the values alternating. 1 means one image per call.

    python benchmarks/tapmm_block_sweep.py [VALUE ...]
"""

import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from convgrad import bench, convolution
from convgrad.kernels import parallel, tapmm


def main() -> None:
    values = [int(v) for v in sys.argv[1:]] or [1, 1 << 18, 1 << 20, 1 << 22]
    print(f"{'case':20s}" + "".join(f"{v:>10d}" for v in values) + "   (ms)")
    with threadpool_limits(1, "blas"), parallel.limit(1), convolution.strategy("tapmm"):
        for case in bench.SUITE:
            if convolution.chosen_strategy(case.x, case.w, **case.kwargs()) != "tapmm":
                continue
            x, w, b, dy = bench._inputs(case)
            forward, backward = bench._convgrad_runs(case, x, w, b, dy, "numpy")
            times: dict[int, list[float]] = {v: [] for v in values}
            for _ in range(5):
                for value, runs in times.items():
                    tapmm.BLOCK_BYTES = value
                    forward(), backward()
                    start = time.thread_time()
                    forward(), backward()
                    runs.append(time.thread_time() - start)
            cells = "".join(f"{1e3 * float(np.median(times[v])):10.1f}" for v in values)
            print(f"{case.name:20s}{cells}", flush=True)


if __name__ == "__main__":
    main()
