"""CPU time on one thread of the FFT strategy against the direct one (taps or im2col), float32,
forward + backward (dx, dw), on the cases near the automatic choice's thresholds: the
measurements behind ``convolution.FFT_TAPS_ONE_CHANNEL`` since the FFT transforms in float64.

    OPENBLAS_NUM_THREADS=1 python benchmarks/fft_cpu_time.py [label]

CPU time (``time.process_time``), not wall-clock, so that a shared machine's load counts less;
the median of 2 runs after a warm-up.
"""

import sys
import time

import numpy as np

from convgrad import convolution
from convgrad.kernels import parallel as _parallel

CASES = [
    ((8, 32, 112, 112), (32, 1, 7, 7), dict(padding=3, groups=32)),
    ((8, 32, 112, 112), (32, 1, 9, 9), dict(padding=4, groups=32)),
    ((8, 32, 112, 112), (32, 1, 11, 11), dict(padding=5, groups=32)),
    ((8, 32, 112, 112), (32, 1, 13, 13), dict(padding=6, groups=32)),
    ((8, 512, 14, 14), (512, 1, 7, 7), dict(padding=3, groups=512)),
    ((8, 512, 14, 14), (512, 1, 9, 9), dict(padding=4, groups=512)),
    ((8, 16, 64, 64), (16, 16, 7, 7), dict(padding=3)),
    ((8, 64, 28, 28), (64, 64, 7, 7), dict(padding=3)),
    ((8, 16, 4096), (16, 16, 33), dict(padding=16)),
    ((8, 16, 4096), (16, 16, 65), dict(padding=32)),
    ((8, 256, 4096), (256, 1, 65), dict(padding=32, groups=256)),
    ((8, 256, 4096), (256, 1, 255), dict(padding=127, groups=256)),
]
rng = np.random.default_rng(0)
with _parallel.limit(1):
    for xs, ws, kw in CASES:
        x = rng.standard_normal(xs, dtype=np.float32)
        w = rng.standard_normal(ws, dtype=np.float32)
        n = len(ws) - 2
        conv = getattr(convolution, f"conv{n}d")
        back = getattr(convolution, f"conv{n}d_backward")
        dy = np.ones_like(conv(x, w, **kw))
        other = "taps" if ws[1] == 1 and kw.get("groups", 1) > 1 else "im2col"
        ts = {other: [], "fft": []}
        for r in range(3):
            for s in ts:
                t = time.process_time()
                with convolution.strategy(s):
                    conv(x, w, **kw)
                    back(dy, x, w, **kw)
                if r:
                    ts[s].append(time.process_time() - t)
        m = {s: 1e3 * np.median(v) for s, v in ts.items()}
        auto = convolution.chosen_strategy(xs, ws, **kw)
        label = sys.argv[1] if len(sys.argv) > 1 else ""
        ratio = m["fft"] / m[other]
        print(
            f"{label} x {xs} w {ws}: {other} {m[other]:.0f} ms, fft {m['fft']:.0f} ms, "
            f"fft/{other} {ratio:.2f}; automatic {auto}",
            flush=True,
        )
