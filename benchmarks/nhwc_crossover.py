"""nhwc against im2col and tapmm (and PyTorch), layer by layer: forward + dx + dw, wall clock.

    python benchmarks/nhwc_crossover.py [--threads 2] [--repeat 9] [--small-planes]

Each layer's strategies (those that support it) and PyTorch run in turn, each one untimed run
and then two timed ones back to back, as in a training loop (no rest: after 50 ms idle this VM
runs the next few milliseconds up to 1.8x slower, warm-up run or not); the figure is the median
over ``--repeat`` rounds of the two runs' mean, ms.
The layers are those of ``convgrad bench``'s suite and of ``convgrad bench --train``'s networks.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time

import numpy as np

from convgrad import _args, convolution
from convgrad.bench import thread_limit

# (name, x shape, w shape, stride, padding)
LAYERS = [
    ("digits 1->32 @8", (32, 1, 8, 8), (32, 1, 3, 3), 1, 1),
    ("digits 32->64 @4", (32, 32, 4, 4), (64, 32, 3, 3), 1, 1),
    ("cnn28 1->32 @28", (32, 1, 28, 28), (32, 1, 3, 3), 1, 1),
    ("cnn28 32->64 @14", (32, 32, 14, 14), (64, 32, 3, 3), 1, 1),
    ("cnn28 64->128 @7", (32, 64, 7, 7), (128, 64, 3, 3), 1, 1),
    ("r20 1->16 @28", (32, 1, 28, 28), (16, 1, 3, 3), 1, 1),
    ("r20 16 @28", (32, 16, 28, 28), (16, 16, 3, 3), 1, 1),
    ("r20 16->32 s2", (32, 16, 28, 28), (32, 16, 3, 3), 2, 1),
    ("r20 32 @14", (32, 32, 14, 14), (32, 32, 3, 3), 1, 1),
    ("r20 32->64 s2", (32, 32, 14, 14), (64, 32, 3, 3), 2, 1),
    ("r20 64 @7", (32, 64, 7, 7), (64, 64, 3, 3), 1, 1),
    ("suite r20-16 @32", (128, 16, 32, 32), (16, 16, 3, 3), 1, 1),
    ("suite r18-64 @56", (8, 64, 56, 56), (64, 64, 3, 3), 1, 1),
    ("suite r18-128 @28", (8, 128, 28, 28), (128, 128, 3, 3), 1, 1),
    ("suite r18-256 @14", (8, 256, 14, 14), (256, 256, 3, 3), 1, 1),
    ("suite r18-512 @7", (8, 512, 7, 7), (512, 512, 3, 3), 1, 1),
    ("suite r18 64->128 s2", (8, 64, 56, 56), (128, 64, 3, 3), 2, 1),
    ("suite r18 1x1 s2", (8, 64, 56, 56), (128, 64, 1, 1), 2, 0),
    ("suite pointwise", (8, 256, 28, 28), (256, 256, 1, 1), 1, 0),
    ("suite lenet2", (64, 6, 14, 14), (16, 6, 5, 5), 1, 0),
    ("suite stem 7x7 s2", (8, 3, 112, 112), (64, 3, 7, 7), 2, 3),
]
# Many channels on small planes, where the rule by NHWC_CHANNELS_PER_POSITION looks at one
# image's positions (``--small-planes``): batches of 8 to 64.
SMALL_PLANES = [
    (f"b{n} {c}->{o} @{h}", (n, c, h, h), (o, c, 3, 3), 1, 1)
    for n, c, o, h in [
        (8, 512, 512, 7),
        (32, 512, 512, 7),
        (8, 256, 256, 7),
        (32, 256, 256, 7),
        (64, 256, 256, 7),
        (8, 128, 256, 4),
        (32, 128, 256, 4),
        (64, 128, 256, 4),
        (32, 64, 128, 4),
        (64, 256, 256, 4),
        (8, 256, 512, 4),
        (32, 512, 512, 4),
        (8, 256, 256, 14),
        (32, 256, 256, 14),
        (4, 512, 512, 14),
        (8, 512, 512, 14),
        (2, 512, 512, 28),
        (4, 384, 384, 14),
        (8, 384, 384, 14),
        (4, 256, 256, 8),
        (8, 256, 256, 8),
        (32, 256, 256, 8),
        (4, 128, 128, 8),
        (16, 128, 128, 8),
        (8, 192, 192, 8),
        (4, 256, 256, 6),
    ]
]


def time_layer(torch, xs, ws, stride, padding, repeat, rng) -> tuple[str, dict[str, float]]:
    """The automatic strategy and each contender's median ms for one layer."""
    x = rng.standard_normal(xs, dtype=np.float32)
    w = rng.standard_normal(ws, dtype=np.float32)
    spec = _args.conv_spec("conv2d", 2, x, w, None, stride, padding, 1, 1, "zeros")
    dy = rng.standard_normal((xs[0], ws[0], *spec.out_spatial), dtype=np.float32)
    xt, wt = torch.from_numpy(x).requires_grad_(), torch.from_numpy(w).requires_grad_()
    dyt = torch.from_numpy(dy)

    def torch_pass() -> None:
        xt.grad = wt.grad = None
        torch.nn.functional.conv2d(xt, wt, stride=stride, padding=padding).backward(dyt)

    def ours(s: str) -> None:
        with convolution.strategy(s):
            convolution._forward(x, w, spec)
            convolution._input_grad(dy, w, spec)
            convolution._weight_grad(dy, x, spec, w)

    runs = {"torch": torch_pass}
    for s in ("im2col", "tapmm", "nhwc", "rows"):
        if convolution.supports(s, spec, w):
            runs[s] = functools.partial(ours, s)
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(repeat):
        for k, f in runs.items():
            f()
            t = time.perf_counter()
            f()
            f()
            times[k].append((time.perf_counter() - t) / 2)
    return convolution._automatic(spec, w), {
        k: statistics.median(v) * 1e3 for k, v in times.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--only", default="", help="only the layers whose name holds this")
    parser.add_argument("--small-planes", action="store_true", help="the SMALL_PLANES layers")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(0)
    with thread_limit(args.threads), np.errstate(all="ignore"):
        for name, xs, ws, stride, padding in SMALL_PLANES if args.small_planes else LAYERS:
            if args.only in name:
                auto, ms = time_layer(torch, xs, ws, stride, padding, args.repeat, rng)
                cells = "  ".join(f"{k} {v:6.2f}" for k, v in ms.items())
                best = min((k for k in ms if k != "torch"), key=ms.__getitem__)
                print(f"{name:22s} auto {auto:7s} best {best:7s} | {cells}", flush=True)


if __name__ == "__main__":
    main()
