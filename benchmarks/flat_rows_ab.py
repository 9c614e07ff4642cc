"""numba's flat kernels (rows as wide as the input) against its padded planes, in one process.

    python benchmarks/flat_rows_ab.py [--repeat 31] [--threads 1]

Forward, dx and dw of :mod:`convgrad.kernels.taps_numba` on 2-D layers at stride 1 whose output
keeps the input's width, float32: "padded" sets ``FLAT_MAX_WIDTH`` to 0 (the padded planes,
copied in and stored row by row), "flat" lifts it (every such layer takes the flat kernels).
The two alternate, the order reversed every other round; medians, ms, on ``--threads`` of
convgrad's threads.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np
from step_timers import medians

from convgrad import _args
from convgrad.kernels import parallel
from convgrad.kernels import taps_numba as tn

# (x, w, padding): depthwise unless the weight has more than one input channel
SHAPES = [
    ((8, 1024, 7, 7), (1024, 1, 3, 3), 1),
    ((32, 32, 8, 8), (32, 1, 3, 3), 1),
    ((8, 512, 14, 14), (512, 1, 3, 3), 1),
    ((8, 256, 14, 14), (256, 8, 3, 3), 1),
    ((8, 128, 16, 16), (128, 1, 3, 3), 1),
    ((8, 96, 20, 20), (96, 1, 3, 3), 1),
    ((8, 256, 28, 28), (256, 1, 3, 3), 1),
    ((8, 64, 56, 56), (64, 1, 3, 3), 1),
    ((8, 32, 112, 112), (32, 1, 3, 3), 1),
    ((8, 256, 14, 14), (256, 1, 5, 5), 2),
    ((8, 128, 28, 28), (128, 1, 5, 5), 2),
]


def _with_width(limit: int, f: Callable[[], object]) -> Callable[[], object]:
    def call() -> object:
        tn.FLAT_MAX_WIDTH, tn.FLAT_MAX_KERNEL = limit, limit
        return f()

    return call


def _parts(x: np.ndarray, w: np.ndarray, dy: np.ndarray, spec: object) -> dict[str, Callable]:
    return {
        "forward": lambda: tn.forward(x, w, spec),
        "dx": lambda: tn.input_grad(dy, w, spec),
        "dw": lambda: tn.weight_grad(dy, x, spec, w),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=31)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    print("ms, padded -> flat: forward, dx, dw | total, speed-up")
    with parallel.limit(args.threads):
        for x_shape, w_shape, pad in SHAPES:
            x = rng.standard_normal(x_shape, dtype=np.float32)
            w = rng.standard_normal(w_shape, dtype=np.float32)
            groups = x_shape[1] // w_shape[1]
            spec = _args.conv_spec("conv2d", 2, x, w, None, 1, pad, 1, groups, "zeros")
            dy = rng.standard_normal((x_shape[0], w_shape[0], *spec.out_spatial), dtype=np.float32)
            parts = _parts(x, w, dy, spec)
            cells, totals = [], [0.0, 0.0]
            for name, f in parts.items():
                ms = medians({"padded": _with_width(0, f), "flat": _with_width(1 << 30, f)},
                              args.repeat)  # fmt: skip
                cells.append(f"{name} {ms['padded']:.2f} -> {ms['flat']:.2f}")
                totals[0] += ms["padded"]
                totals[1] += ms["flat"]
            print(f"{x_shape!s:18} {w_shape!s:16}", ", ".join(cells),
                  f"| {totals[0]:.2f} -> {totals[1]:.2f} x{totals[0] / totals[1]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
