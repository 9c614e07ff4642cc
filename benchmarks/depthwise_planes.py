"""The NumPy taps' whole-plane path against the plane-by-plane one, depthwise, in one process.

    python benchmarks/depthwise_planes.py [--repeat 31] [--threads 1 2] [--block-sweep]
                                          [--stride 2]

Forward and ``dx`` of depthwise layers (one output per group, stride 1 or ``--stride``; a stride
splits the planes into their phases), float32, batch 8:
"before" is :func:`convgrad.kernels.taps.forward` on the padded input and
:func:`convgrad.kernels.taps.input_grad` folded through the padding (the scatter); "after" is
:func:`convgrad.kernels.taps._forward_planes` and :func:`convgrad.kernels.taps.input_grad_folded`.
Calls alternate, wall clock, freed memory kept as in training (``convgrad._memory``); medians,
ms. ``--block-sweep`` times the forward at several ``PLANES_BLOCK_BYTES`` instead.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from convgrad import _args, _memory, _np
from convgrad.kernels import parallel, taps

SHAPES = [
    ((8, 1024, 7, 7), (1024, 1, 3, 3), 1, 1),
    ((8, 512, 14, 14), (512, 1, 3, 3), 1, 1),
    ((8, 256, 28, 28), (256, 1, 3, 3), 1, 1),
    ((8, 64, 56, 56), (64, 1, 3, 3), 1, 1),
    ((8, 32, 112, 112), (32, 1, 3, 3), 1, 1),
    ((8, 128, 28, 28), (128, 1, 5, 5), 2, 1),
    ((8, 128, 28, 28), (128, 1, 3, 3), 2, 2),
    ((8, 64, 4096), (64, 1, 3), 1, 1),
    ((2, 16, 16, 32, 32), (16, 1, 3, 3, 3), 1, 1),
]


def _medians(pairs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(repeat):
        for name, f in pairs.items():
            start = time.perf_counter()
            f()
            times[name].append(time.perf_counter() - start)
    return {name: 1e3 * statistics.median(t) for name, t in times.items()}


def _row(x: Any, w: Any, dy: Any, spec: Any, threads: int, args: argparse.Namespace) -> list[str]:
    """One shape's cells on ``threads`` threads."""
    cells = []
    with parallel.limit(threads):
        if args.block_sweep:
            for size in (256 << 10, 512 << 10, 1 << 20, 2 << 20, 4 << 20):
                taps.PLANES_BLOCK_BYTES = size
                ms = _medians({"f": lambda: taps._forward_planes(x, w, spec)}, args.repeat)["f"]
                cells.append(f"{threads} thr {size >> 10} KiB {ms:.2f}")
            return cells
        t = _medians(
            {
                "fwd before": lambda: taps.forward(_np.pad(x, spec.padding, "zeros"), w, spec),
                "fwd after": lambda: taps._forward_planes(x, w, spec),
                "dx before": lambda: _np.pad_backward(
                    taps.input_grad(dy, w, spec), spec.padding, "zeros"
                ),
                "dx after": lambda: taps.input_grad_folded(dy, w, spec),
            },
            args.repeat,
        )
    fwd, dx = (t["fwd before"], t["fwd after"]), (t["dx before"], t["dx after"])
    return [f"{threads} thr: fwd {fwd[0]:.2f} / {fwd[1]:.2f}, dx {dx[0]:.2f} / {dx[1]:.2f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=31)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--block-sweep", action="store_true")
    parser.add_argument("--stride", type=int, default=1, help="the layers' stride (default 1)")
    args = parser.parse_args()
    _memory.keep_freed_memory()
    rng = np.random.default_rng(0)
    for x_shape, w_shape, padding, dilation in SHAPES:
        x = rng.standard_normal(x_shape, dtype=np.float32)
        w = rng.standard_normal(w_shape, dtype=np.float32)
        n = len(x_shape) - 2
        spec = _args.conv_spec(
            "b", n, x, w, None, args.stride, padding, dilation, x_shape[1], "zeros"
        )
        dy = rng.standard_normal((x_shape[0], x_shape[1], *spec.out_spatial), dtype=np.float32)
        cells = [c for threads in args.threads for c in _row(x, w, dy, spec, threads, args)]
        label = f"{x_shape} k={w_shape[2:]} s={args.stride} p={padding} d={dilation}"
        print(f"{label}: " + "; ".join(cells))


if __name__ == "__main__":
    main()
