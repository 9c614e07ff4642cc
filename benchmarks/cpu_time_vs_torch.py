"""convgrad (NumPy, and [fast] where numba's kernels run) against PyTorch in CPU time, one thread.

On a machine shared with other busy processes, wall-clock ratios swing by 3 to 10 times (both
libraries' thread pools stall when a core is taken); the calling thread's CPU time
(``time.thread_time``), everything on that one thread, does not, so this gives the ratios that
wall-clock cannot there. (The process's CPU time would count idle pools' spinning threads too.)
The bench suite, float32, forward + backward
(dx, dw, db), results checked against PyTorch first (``convgrad.bench.check_agreement``); the
three alternate; each runs once untimed before its timed run; medians of ``REPEAT``.

    python benchmarks/cpu_time_vs_torch.py [REPEAT]
"""

import math
import sys
import time

import numpy as np
import torch
from threadpoolctl import threadpool_limits

from convgrad import bench
from convgrad.kernels import accel, parallel


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    torch.set_num_threads(1)
    fast = accel.available() is not None
    ratios: dict[str, list[float]] = {"numpy": [], "fast": []}
    print("case                  numpy ms   fast ms  torch ms  ratio   fast")
    with threadpool_limits(1, "blas"), parallel.limit(1):
        for case in bench.SUITE:
            bench.check_agreement(case, torch)
            x, w, b, dy = bench._inputs(case)
            runs = {"numpy": bench._convgrad_runs(case, x, w, b, dy, "numpy")}
            if fast and bench.uses_fast_kernels(case):
                bench.check_agreement(case, torch, "numba")
                runs["fast"] = bench._convgrad_runs(case, x, w, b, dy, "numba")
            runs["torch"] = bench._torch_runs(torch, case, x, w, b, dy)
            times: dict[str, list[float]] = {k: [] for k in runs}
            for _ in range(repeat):
                for name, (forward, backward) in runs.items():
                    forward(), backward()
                    start = time.thread_time()
                    forward(), backward()
                    times[name].append(time.thread_time() - start)
            ms = {k: 1e3 * float(np.median(v)) for k, v in times.items()}
            ms.setdefault("fast", ms["numpy"])  # the same kernels as NumPy's there
            ratios["numpy"].append(ms["numpy"] / ms["torch"])
            ratios["fast"].append(ms["fast"] / ms["torch"])
            print(
                f"{case.name:20s} {ms['numpy']:9.2f} {ms['fast']:9.2f} {ms['torch']:9.2f} "
                f"{ratios['numpy'][-1]:6.2f} {ratios['fast'][-1]:6.2f}",
                flush=True,
            )
    for name, values in ratios.items():
        mean = math.exp(sum(map(math.log, values)) / len(values))
        print(f"geometric mean {name} / torch: {mean:.3f}; worst {max(values):.2f}")


if __name__ == "__main__":
    main()
