"""Each training-step change of issue 14 against what it replaced, A/B in one process.

    python benchmarks/train_ab.py [--repeat 30] [--json FILE]

On the shapes of the default CNN on 28x28 images (batch 32; its three stages' activations
``(32, 32, 28, 28)``, ``(32, 64, 14, 14)``, ``(32, 128, 7, 7)``), the forward and backward of
each op by the code before the change ("before": the general paths, kept as the fast paths'
twins, or a copy of the old expression here) and after it, alternating, one untimed call of
each before each timed one. Times are CPU time of this thread (``time.thread_time``) with
NumPy's BLAS at one thread, so the other users of a shared machine count as little as they
can; the figures are medians, and the ratio is before / after.

A training loop keeps its large arrays on the heap from step to step, so its allocations find
freed blocks: the whole step measured the same with and without
``MALLOC_TRIM_THRESHOLD_=536870912 MALLOC_MMAP_THRESHOLD_=33554432`` (44.3/43.8, 44.7/45.8,
46.6/47.0 ms, ``benchmarks/train_profile.py --size 28``, alternating processes). An op called
alone in a loop does not: glibc hands its freed blocks back and the next call pays page faults
(batch norm measured 12.7 ms after, 17.6 before, where the training loop spends 5). So this
script asks glibc to keep freed memory (``mallopt``, as those variables do), unless
``--page-faults``.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import statistics
import time
from collections.abc import Callable, Iterator

import numpy as np

from convgrad import _blockpool, activations, convolution, normalization, pooling
from convgrad.bench import thread_limit
from convgrad.nn import functional
from convgrad.nn.parameter import Parameter
from convgrad.optim import Adam

STAGES = ((32, 32, 28, 28), (32, 64, 14, 14), (32, 128, 7, 7))
rng = np.random.default_rng(0)


@contextlib.contextmanager
def general_pooling() -> Iterator[None]:
    applies = _blockpool.applies
    _blockpool.applies = lambda spec: False  # type: ignore[assignment]
    try:
        yield
    finally:
        _blockpool.applies = applies


def max_pool_pair() -> tuple[Callable[[], object], Callable[[], object]]:
    xs = [np.maximum(rng.standard_normal(s, dtype=np.float32), 0) for s in STAGES]
    dys = [rng.standard_normal((*s[:2], s[2] // 2, s[3] // 2), dtype=np.float32) for s in STAGES]

    def before() -> None:  # the old layer: forward, then a backward that found the winners again
        with general_pooling():
            for x, dy in zip(xs, dys):
                pooling.max_pool2d(x, 2)
                pooling.max_pool2d_backward(dy, x, 2)

    def after() -> None:
        for x, dy in zip(xs, dys):
            y, saved = pooling.max_pool2d_saving(x, 2)
            pooling.max_pool2d_backward_saved(dy, x, saved, 2)

    return before, after


def avg_pool_pair() -> tuple[Callable[[], object], Callable[[], object]]:
    xs = [rng.standard_normal(s, dtype=np.float32) for s in STAGES]
    dys = [rng.standard_normal((*s[:2], s[2] // 2, s[3] // 2), dtype=np.float32) for s in STAGES]

    def run() -> None:
        for x, dy in zip(xs, dys):
            pooling.avg_pool2d(x, 2)
            pooling.avg_pool2d_backward(dy, x, 2)

    def before() -> None:  # the general path: a padded copy, a zeroed and cropped dx
        with general_pooling():
            run()

    return before, run


def batch_norm_pair() -> tuple[Callable[[], object], Callable[[], object]]:
    xs = [rng.standard_normal(s, dtype=np.float32) for s in STAGES]
    dys = [rng.standard_normal(s, dtype=np.float32) for s in STAGES]
    ws = [np.ones(s[1], np.float32) for s in STAGES]
    bs = [np.zeros(s[1], np.float32) for s in STAGES]

    def before() -> None:  # the old layer: forward, running statistics from x, backward from x
        for x, dy, w, b in zip(xs, dys, ws, bs):
            arrays = {"weight": w, "bias": b}
            normalization._general_forward(x, arrays, True, 1e-5)
            normalization.batch_norm_stats(x, b, w, momentum=0.1)
            normalization._general_backward(dy, x, {"weight": w}, True, 1e-5)

    def after() -> None:
        for x, dy, w, b in zip(xs, dys, ws, bs):
            y, saved = normalization.batch_norm_saving(x, w, b)
            normalization.running_stats(saved, b, w, 0.1)
            normalization.batch_norm_backward_saved(dy, saved, w)

    return before, after


def relu_pair() -> tuple[Callable[[], object], Callable[[], object]]:
    xs = [rng.standard_normal(s, dtype=np.float32) for s in STAGES]
    dys = [rng.standard_normal(s, dtype=np.float32) for s in STAGES]

    def before() -> None:  # the old backward: np.where
        for x, dy in zip(xs, dys):
            activations.relu(x)
            np.where(x <= 0, 0, dy)

    def after() -> None:
        for x, dy in zip(xs, dys):
            activations.relu(x)
            activations.relu_backward(dy, x)

    return before, after


def first_layer_pair() -> tuple[Callable[[], object], Callable[[], object]]:
    x = rng.standard_normal((32, 1, 28, 28), dtype=np.float32)
    w = rng.standard_normal((32, 1, 3, 3), dtype=np.float32)
    dy = rng.standard_normal((32, 32, 28, 28), dtype=np.float32)
    kw = dict(stride=1, padding=1, dilation=1, groups=1, padding_mode="zeros")

    def before() -> None:  # dx, dw and db
        convolution.conv2d_backward(dy, x, w, padding=1)

    def after() -> None:  # dw and db only
        functional._conv_param_grads(2, dy, x, w, True, kw)

    return before, after


def _old_adam(p: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, t: int) -> None:
    """The update as it was written before, on arrays: 7 temporaries."""
    lr, b1, b2, eps = 3e-3, 0.9, 0.999, 1e-8
    m += (1 - b1) * (g - m)
    v *= b2
    v += (1 - b2) * (g * g)
    step_size = lr / (1 - b1**t)
    denom = np.sqrt(v) / (1 - b2**t) ** 0.5 + eps
    p -= step_size * (m / denom)


def adam_pair() -> tuple[Callable[[], object], Callable[[], object]]:
    shapes = [(32, 1, 3, 3), (32,), (32,), (32,), (64, 32, 3, 3), (64,), (64,), (64,)]
    shapes += [(128, 64, 3, 3), (128,), (128,), (128,), (10, 1152), (10,)]
    params = [Parameter(rng.standard_normal(s, dtype=np.float32)) for s in shapes]
    for p in params:
        p.grad = rng.standard_normal(p.data.shape, dtype=np.float32)
    opt = Adam(params, lr=3e-3)
    state = [(p.data.copy(), p.grad, np.zeros_like(p.data), np.zeros_like(p.data)) for p in params]

    def before() -> None:
        for data, g, m, v in state:
            _old_adam(data, g, m, v, 1)

    return before, opt.step


PAIRS = {
    "max pooling (forward + backward, 3 stages)": max_pool_pair,
    "avg pooling (forward + backward, 3 stages)": avg_pool_pair,
    "batch norm (forward, running stats, backward)": batch_norm_pair,
    "ReLU (forward + backward)": relu_pair,
    "first layer's backward (no dx)": first_layer_pair,
    "Adam step (14 parameters)": adam_pair,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--page-faults", action="store_true", help="leave malloc as it is")
    args = parser.parse_args()
    if not args.page_faults:
        with contextlib.suppress(OSError, AttributeError):  # glibc only
            libc = ctypes.CDLL(None)
            libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD: blocks up to 32 MiB from the heap
            libc.mallopt(-1, 512 << 20)  # M_TRIM_THRESHOLD: keep up to 512 MiB freed
    results = {}
    with thread_limit(1), np.errstate(all="ignore"):
        for name, make in PAIRS.items():
            pair = make()
            runs: dict[str, list[float]] = {"before": [], "after": []}
            for _ in range(args.repeat):
                for label, f in zip(("before", "after"), pair):
                    f()  # untimed
                    start = time.thread_time()
                    f()
                    runs[label].append(time.thread_time() - start)
            before, after = (statistics.median(runs[k]) * 1e3 for k in ("before", "after"))
            results[name] = dict(before_ms=before, after_ms=after, ratio=before / after)
            print(
                f"{name:48s} before {before:8.3f} ms  after {after:8.3f} ms  x{before / after:.2f}"
            )
        # the yardstick: one elementwise pass (read one array, write one) over the 3 stages
        xs = [rng.standard_normal(s, dtype=np.float32) for s in STAGES]
        outs = [np.empty_like(x) for x in xs]
        seconds: list[float] = []
        for _ in range(args.repeat):
            start = time.thread_time()
            for x, out in zip(xs, outs):
                np.multiply(x, np.float32(1.5), out=out)
            seconds.append(time.thread_time() - start)
        one_pass = statistics.median(seconds) * 1e3
        results["one elementwise pass (the 3 stages)"] = dict(ms=one_pass)
        print(f"one elementwise pass over the 3 stages' activations: {one_pass:.3f} ms")
        # batch norm's pieces on the first stage
        x, dy, buf = xs[0], rng.standard_normal(STAGES[0], dtype=np.float32), outs[0]
        per_channel = rng.standard_normal((1, STAGES[0][1], 1, 1)).astype(np.float32)
        w, b = np.ones(STAGES[0][1], np.float32), np.zeros(STAGES[0][1], np.float32)
        pieces = {
            "copy": lambda: np.copyto(buf, x),
            "channel sums": lambda: normalization._channel_sums(x),
            "channel dot products": lambda: normalization._channel_dots(x, dy),
            "subtract (1, C, 1, 1), new array": lambda: np.subtract(x, per_channel),
            "multiply (1, C, 1, 1), in place": lambda: np.multiply(buf, per_channel, out=buf),
            "batch norm forward": lambda: normalization.batch_norm_saving(x, w, b),
        }
        for label, piece in pieces.items():
            seconds = []
            for _ in range(args.repeat):
                piece()
                start = time.thread_time()
                piece()
                seconds.append(time.thread_time() - start)
            ms = statistics.median(seconds) * 1e3
            results[f"stage 1: {label}"] = dict(ms=ms)
            print(f"stage 1 {STAGES[0]}: {label:34s} {ms:.3f} ms")
    if args.json:
        with open(args.json, "w") as out_file:
            json.dump(results, out_file, indent=2)


if __name__ == "__main__":
    main()
