"""nchw against im2col and nhwc, layer by layer: forward, and dx + dw, wall clock, NumPy only.

    python benchmarks/nchw_crossover.py [--threads 2] [--rounds 5] [--case NAME ...]

Each round runs every layer's strategies in turn (those that support it: nhwc takes groups of
one only), each one untimed forward + backward and then one timed; the figures are the medians
over ``--rounds`` rounds, ms. The numba accelerator is off (its taps take grouped layers
otherwise). The layers are ``convgrad bench``'s suite, first layers of small networks, 1x1 and
grouped layers, 1-D layers, and small images with few channels, where the rule
(``convolution.NCHW_POSITIONS``) was drawn.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

import convgrad
from convgrad import _args, convolution
from convgrad.bench import SUITE, Case, thread_limit
from convgrad.kernels import accel

EXTRA = (
    Case("cnn28 1->32 @28", (32, 1, 28, 28), (32, 1, 3, 3), padding=1),
    Case("digits 1->32 @8", (32, 1, 8, 8), (32, 1, 3, 3), padding=1),
    Case("cifar 3->16 @32", (32, 3, 32, 32), (16, 3, 3, 3), padding=1),
    Case("cifar 3->32 @28", (32, 3, 28, 28), (32, 3, 3, 3), padding=1),
    Case("cnn28 32->64 @14", (32, 32, 14, 14), (64, 32, 3, 3), padding=1),
    Case("cnn28 64->128 @7", (32, 64, 7, 7), (128, 64, 3, 3), padding=1),
    Case("r20 16 @28", (32, 16, 28, 28), (16, 16, 3, 3), padding=1),
    Case("digits 32->64 @4", (32, 32, 4, 4), (64, 32, 3, 3), padding=1),
    Case("pointwise 64 @28", (32, 64, 28, 28), (64, 64, 1, 1)),
    Case("pointwise 128->256 @14", (32, 128, 14, 14), (256, 128, 1, 1)),
    Case("pointwise 256->64 @7", (32, 256, 7, 7), (64, 256, 1, 1)),
    Case("pointwise 512 @4", (32, 512, 4, 4), (512, 512, 1, 1)),
    Case("r50 1x1 512->2048 @7", (8, 512, 7, 7), (2048, 512, 1, 1)),
    Case("r50 1x1 2048->512 @7", (8, 2048, 7, 7), (512, 2048, 1, 1)),
    Case("r50 1x1 1024->256 @14", (8, 1024, 14, 14), (256, 1024, 1, 1)),
    Case("r50 1x1 256->1024 @14", (8, 256, 14, 14), (1024, 256, 1, 1)),
    Case("r50 1x1 64->256 @56", (8, 64, 56, 56), (256, 64, 1, 1)),
    Case("resnext g32 4/group @28", (8, 128, 28, 28), (128, 4, 3, 3), padding=1, groups=32),
    Case("g2 alexnet 5x5 @27", (8, 96, 27, 27), (256, 48, 5, 5), padding=2, groups=2),
    Case("g4 16/group @28", (16, 64, 28, 28), (64, 16, 3, 3), padding=1, groups=4),
    Case("g8 8/group @14", (32, 64, 14, 14), (64, 8, 3, 3), padding=1, groups=8),
    Case("g2 pointwise @28", (16, 64, 28, 28), (128, 32, 1, 1), groups=2),
    Case("g2 64/group @7", (32, 128, 7, 7), (128, 64, 3, 3), padding=1, groups=2),
    Case("g4 16/group @4", (32, 64, 4, 4), (64, 16, 3, 3), padding=1, groups=4),
    Case("1-D 3 ch k=7 @2048", (16, 3, 2048), (16, 3, 7), padding=3),
    Case("1-D 128 ch k=3 @256", (32, 128, 256), (128, 128, 3), padding=1),
    Case("1-D 32 ch k=9 @1024", (16, 32, 1024), (32, 32, 9), padding=4),
    Case("1-D 64 ch k=3 @128", (32, 64, 128), (64, 64, 3), padding=1),
    Case("1-D 16->32 k=5 s2 @512", (32, 16, 512), (32, 16, 5), stride=2, padding=2),
    Case("1-D 64 ch k=9 @4096", (8, 64, 4096), (64, 64, 9), padding=4),
    Case("1-D 128 ch k=3 @1024", (16, 128, 1024), (128, 128, 3), padding=1),
    Case("1-D 256 ch k=3 @512", (16, 256, 512), (256, 256, 3), padding=1),
    Case("1-D 16 ch k=33 @4096", (8, 16, 4096), (16, 16, 33), padding=16),
    Case("1-D 64 ch k=7 @1024", (16, 64, 1024), (64, 64, 7), padding=3),
    Case("1-D 64 ch k=9 @1024", (16, 64, 1024), (64, 64, 9), padding=4),
    Case("1-D 32 ch k=5 @1024", (16, 32, 1024), (32, 32, 5), padding=2),
    Case("8 ch 5x5 @14 (n 8)", (8, 8, 14, 14), (16, 8, 5, 5)),
    Case("8 ch 5x5 @14 (n 64)", (64, 8, 14, 14), (16, 8, 5, 5)),
    Case("lenet2 (n 8)", (8, 6, 14, 14), (16, 6, 5, 5)),
    Case("3 ch 3x3 @16", (16, 3, 16, 16), (16, 3, 3, 3), padding=1),
    Case("4 ch 3x3 @7", (32, 4, 7, 7), (16, 4, 3, 3), padding=1),
    Case("8 ch 3x3 @12", (32, 8, 12, 12), (16, 8, 3, 3), padding=1),
    Case("1 ch 5x5 @16", (64, 1, 16, 16), (8, 1, 5, 5)),
    Case("3-D 4 ch @16x32x32", (4, 4, 16, 32, 32), (8, 4, 3, 3, 3), padding=1),
)
CONTENDERS = ("im2col", "nhwc", "nchw", None)  # None: the automatic choice


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--case", action="append", help="layers whose names contain this")
    args = parser.parse_args()
    cases = [c for c in (*SUITE, *EXTRA) if not args.case or any(s in c.name for s in args.case)]
    rng = np.random.default_rng(0)
    with thread_limit(args.threads), accel.accelerator("numpy"):
        for case in cases:
            if 1 < case.groups == case.x[1]:
                continue  # depthwise: taps
            x = rng.standard_normal(case.x, dtype=np.float32)
            w = rng.standard_normal(case.w, dtype=np.float32)
            kw = case.kwargs()
            forward = getattr(convgrad, f"conv{case.dims}d")
            backward = getattr(convgrad, f"conv{case.dims}d_backward")
            dy = rng.standard_normal(forward(x, w, **kw).shape, dtype=np.float32)
            spec = _args.conv_spec("conv", case.dims, x, w, None, *kw.values(), "zeros")
            names = [n for n in CONTENDERS if n is None or convolution.supports(n, spec, w)]
            times: dict[str | None, list[tuple[float, float]]] = {n: [] for n in names}
            for _ in range(args.rounds):
                for name in names:
                    with convolution.strategy(name):
                        forward(x, w, **kw), backward(dy, x, w, **kw)
                        t0 = time.perf_counter()
                        forward(x, w, **kw)
                        t1 = time.perf_counter()
                        backward(dy, x, w, **kw)
                        t2 = time.perf_counter()
                    times[name].append((t1 - t0, t2 - t1))
            auto = convolution.chosen_strategy(case.x, case.w, **kw)
            cells = []
            for name, runs in times.items():
                f = statistics.median(r[0] for r in runs) * 1e3
                b = statistics.median(r[1] for r in runs) * 1e3
                cells.append(f"{name or 'auto'} {f:6.2f} + {b:6.2f} = {f + b:6.2f}")
            print(f"{case.name:26s} auto {auto:7s} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
