"""The batch split (``convgrad.kernels.parallel.over_images``) on and off, on the bench suite's
layers that im2col computes: forward + backward, float32, 2 threads, wall-clock; each run after
0.1 s of rest and one untimed run, the two settings alternating; medians of ``REPEAT``.

Off: the whole batch on the calling thread, NumPy's BLAS on its own 2 threads (as before issue 14).
On: half the batch on each of convgrad's 2 threads, the BLAS at one thread each.

    python benchmarks/batch_split_ab.py [REPEAT]
"""

import sys
import time

import numpy as np
from threadpoolctl import ThreadpoolController, threadpool_limits

from convgrad import bench, convolution
from convgrad.kernels import accel, parallel


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    controller = ThreadpoolController()
    with threadpool_limits(2, "blas"), parallel.limit(2), accel.accelerator("numpy"):
        for case in bench.SUITE:
            if convolution.chosen_strategy(case.x, case.w, **case.kwargs()) != "im2col":
                continue
            x, w, b, dy = bench._inputs(case)
            forward, backward = bench._convgrad_runs(case, x, w, b, dy, "numpy")
            times: dict[str, list[float]] = {"off": [], "on": []}
            for _ in range(repeat):
                for setting, runs in times.items():
                    parallel._controller["it"] = controller if setting == "on" else None
                    time.sleep(0.1)
                    forward(), backward()
                    start = time.perf_counter()
                    forward(), backward()
                    runs.append(time.perf_counter() - start)
            parallel._controller["it"] = controller
            off, on = (1e3 * float(np.median(times[k])) for k in ("off", "on"))
            print(f"{case.name:20s} split off {off:7.1f}  on {on:7.1f} ms  off/on {off / on:5.2f}")


if __name__ == "__main__":
    main()
