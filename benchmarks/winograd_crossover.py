"""Winograd's compiled transforms against the automatic direct strategy, with ``convgrad[fast]``.

    python benchmarks/winograd_crossover.py [--threads 2] [--shape N,C,H[,C_OUT] ...] [--sets]

For each layer (``N`` images of ``C`` channels, ``H x H``, a 3x3 kernel with padding 1 and
``C_OUT`` output channels, ``C`` unless given), forward + dx + dw, float32, with numba on: the
strategy the automatic choice would take without Winograd (``nhwc``, ``im2col`` or ``nchw``)
and Winograd, alternating (the order reversed in the second round), medians of 7 calls a round,
the median of 2 rounds. The rule it measured is by
:data:`convgrad.convolution.WINOGRAD_CHANNELS`. ``--sets`` times Winograd alone for sets of at
least 64 to 2048 tiles (``SET_BYTES`` in :mod:`convgrad.kernels.winograd_numba`).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from convgrad import _args, convolution
from convgrad.kernels import accel, parallel, winograd_numba

SHAPES = [
    (8, 64, 56), (8, 128, 28), (8, 256, 14), (8, 512, 7), (8, 512, 14), (8, 256, 28),
    (8, 128, 56), (8, 32, 56), (8, 16, 56), (8, 64, 16), (32, 16, 28), (32, 32, 14), (32, 64, 7),
    (32, 16, 32), (32, 32, 16), (32, 64, 8), (32, 128, 7), (32, 128, 14), (32, 64, 15),
    (32, 16, 16), (32, 8, 32), (64, 16, 32), (64, 32, 16), (64, 64, 8), (1, 64, 56),
    (2, 128, 28), (2, 256, 14), (16, 256, 8),
]  # fmt: skip


def median_ms(f, calls: int = 7) -> float:
    f()
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def layer(n: int, c: int, h: int, c_out: int | None = None, seed: int = 0):
    c_out = c if c_out is None else c_out
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, h), dtype=np.float32)
    w = (rng.standard_normal((c_out, c, 3, 3)) / np.sqrt(9 * c)).astype(np.float32)
    dy = rng.standard_normal((n, c_out, h, h), dtype=np.float32)
    spec = _args.conv_spec("conv2d", 2, x, w, None, 1, 1, 1, 1, "zeros")
    return x, w, dy, spec


def passes(x, w, dy, spec) -> float:
    """forward + dx + dw, ms."""
    return (
        median_ms(lambda: convolution._forward(x, w, spec))
        + median_ms(lambda: convolution._input_grad(dy, w, spec))
        + median_ms(lambda: convolution._weight_grad(dy, x, spec, w))
    )


def crossover(shapes, threads: int) -> None:
    for shape in shapes:
        n, c, h = shape[:3]
        x, w, dy, spec = layer(*shape)
        direct = convolution._automatic(spec, w)
        times: dict[str, list[float]] = {direct: [], "winograd": []}
        for order in ((direct, "winograd"), ("winograd", direct)):
            for name in order:
                with convolution.strategy(name):
                    times[name].append(passes(x, w, dy, spec))
        a, b = statistics.median(times[direct]), statistics.median(times["winograd"])
        chosen = convolution._strategy(spec, w, x)
        print(
            f"{n:3d} x {c:3d} -> {w.shape[0]:3d} at {h:2d}x{h:<2d}  {direct:6s} {a:8.2f} ms  "
            f"winograd {b:8.2f} ms  speedup {a / b:5.2f}  chosen: {chosen}",
            flush=True,
        )


def sets(shapes, threads: int) -> None:
    sizes = (64, 128, 256, 512, 1024, 2048)
    saved = winograd_numba.SET_BYTES
    try:
        for shape in shapes:
            n, c, h = shape[:3]
            x, w, dy, spec = layer(*shape)
            times: dict[int, list[float]] = {s: [] for s in sizes}
            for order in (sizes, sizes[::-1], sizes):
                for tiles in order:  # at least this many tiles a set (the C_out floor aside)
                    winograd_numba.SET_BYTES = tiles * 16 * c * 4
                    with convolution.strategy("winograd"):
                        times[tiles].append(passes(x, w, dy, spec))
            row = " / ".join(f"{statistics.median(times[s]):.2f}" for s in sizes)
            name = f"{n:3d} x {c:3d} -> {w.shape[0]:3d} at {h:2d}x{h:<2d}"
            print(f"{name}  sets of {sizes}: {row} ms", flush=True)
    finally:
        winograd_numba.SET_BYTES = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--shape", action="append", help="N,C,H[,C_OUT] (repeatable)")
    parser.add_argument("--sets", action="store_true", help="time the sizes of the sets")
    args = parser.parse_args()
    shapes = [tuple(int(v) for v in s.split(",")) for s in args.shape] if args.shape else SHAPES
    from threadpoolctl import threadpool_limits

    threadpool_limits(args.threads)
    with accel.accelerator("numba"), parallel.limit(args.threads):
        assert accel.numba_kernels("winograd") is not None, "numba is needed"
        (sets if args.sets else crossover)(shapes, args.threads)


if __name__ == "__main__":
    main()
