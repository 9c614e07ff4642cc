"""Where the FFT strategy overtakes the automatic choice of the others: the crossovers behind
``convolution.FFT_TAPS`` and ``FFT_TAPS_ONE_CHANNEL``.

    python benchmarks/fft_crossover.py [--repeat N]

For growing kernels (depthwise and dense, 1-D and 2-D, float32), times forward + backward
(dx, dw) with the FFT forced and with ``taps`` or ``im2col`` forced, alternating, and prints
the medians and their ratio. Results go in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from convgrad import convolution

CASES = [
    *(
        ((8, 32, 112, 112), (32, 1, k, k), dict(padding=k // 2, groups=32))
        for k in (5, 7, 9, 11, 13)
    ),
    *(((8, 512, 14, 14), (512, 1, k, k), dict(padding=k // 2, groups=512)) for k in (5, 7, 9)),
    *(((8, 16, 64, 64), (16, 16, k, k), dict(padding=k // 2)) for k in (7, 11, 15)),
    ((8, 64, 28, 28), (64, 64, 7, 7), dict(padding=3)),
    *(((8, 16, 4096), (16, 16, k), dict(padding=k // 2)) for k in (33, 65, 129)),
    *(((8, 256, 4096), (256, 1, k), dict(padding=k // 2, groups=256)) for k in (31, 65, 255)),
]


def step(x, w, kw, strategy):
    n = x.ndim - 2
    conv = getattr(convolution, f"conv{n}d")
    conv_backward = getattr(convolution, f"conv{n}d_backward")
    dy = np.ones_like(conv(x, w, **kw))

    def run():
        with convolution.strategy(strategy):
            conv(x, w, **kw)
            conv_backward(dy, x, w, **kw)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    for x_shape, w_shape, kw in CASES:
        x = rng.standard_normal(x_shape, dtype=np.float32)
        w = rng.standard_normal(w_shape, dtype=np.float32)
        other = "taps" if w_shape[1] == 1 and kw.get("groups", 1) > 1 else "im2col"
        runs = {other: step(x, w, kw, other), "fft": step(x, w, kw, "fft")}
        times: dict[str, list[float]] = {name: [] for name in runs}
        for round_ in range(args.repeat + 1):  # round 0 warms up
            for name, run in runs.items():
                start = time.perf_counter()
                run()
                if round_:
                    times[name].append(time.perf_counter() - start)
        ms = {name: 1e3 * float(np.median(t)) for name, t in times.items()}
        chosen = convolution.chosen_strategy(x_shape, w_shape, **kw)
        print(
            f"x {x_shape} w {w_shape}: {other} {ms[other]:.1f} ms, fft {ms['fft']:.1f} ms, "
            f"fft/{other} {ms['fft'] / ms[other]:.2f}; automatic: {chosen}",
            flush=True,
        )


if __name__ == "__main__":
    main()
