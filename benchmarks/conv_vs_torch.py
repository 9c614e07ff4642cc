"""A first look at speed: convgrad's conv2d forward + backward against PyTorch's on the CPU.

    python benchmarks/conv_vs_torch.py

float32, the same thread count for both (2 unless CONVGRAD_THREADS says otherwise), a warm-up,
then the median of alternating runs. Results are compared before any time counts. This is a
measurement script, not a test; ``convgrad bench`` will grow out of it.
"""

from __future__ import annotations

import os
import time

import numpy as np
import torch
import torch.nn.functional as F

import convgrad

THREADS = int(os.environ.get("CONVGRAD_THREADS", "2"))
REPEATS = 7

# name: (x shape, w shape, stride, padding, groups)
CASES = {
    "LeNet 1->6 5x5 28x28, N=64": ((64, 1, 28, 28), (6, 1, 5, 5), 1, 0, 1),
    "ResNet-20 16->16 3x3 32x32, N=64": ((64, 16, 32, 32), (16, 16, 3, 3), 1, 1, 1),
    "ResNet-20 64->64 3x3 8x8, N=64": ((64, 64, 8, 8), (64, 64, 3, 3), 1, 1, 1),
    "ResNet-18 128->128 3x3 28x28, N=8": ((8, 128, 28, 28), (128, 128, 3, 3), 1, 1, 1),
    "MobileNet depthwise 32ch 3x3 112x112, N=8": ((8, 32, 112, 112), (32, 1, 3, 3), 1, 1, 32),
}


def gemm_rate() -> float:
    """NumPy's float32 matrix-multiply rate on this machine, in GFLOP/s (median of runs)."""
    a = np.random.default_rng(0).standard_normal((2048, 2048), dtype=np.float32)
    a @ a
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        a @ a
        runs.append(time.perf_counter() - start)
    return 2 * 2048**3 / float(np.median(runs)) / 1e9


def run_case(x_shape, w_shape, stride, padding, groups) -> tuple[float, float, float]:
    """Median seconds of convgrad and of torch, and the direct-convolution FLOPs."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal(x_shape, dtype=np.float32)
    w = rng.standard_normal(w_shape, dtype=np.float32)
    b = rng.standard_normal(w_shape[0], dtype=np.float32)
    kw = dict(stride=stride, padding=padding, groups=groups)
    y = convgrad.conv2d(x, w, b, **kw)
    dy = rng.standard_normal(y.shape, dtype=np.float32)
    tx, tw, tb = (torch.tensor(v, requires_grad=True) for v in (x, w, b))
    tdy = torch.tensor(dy)

    def ours():
        return (convgrad.conv2d(x, w, b, **kw), *convgrad.conv2d_backward(dy, x, w, **kw))

    def theirs():
        for t in (tx, tw, tb):
            t.grad = None
        out = F.conv2d(tx, tw, tb, **kw)
        out.backward(tdy)
        return out.detach().numpy(), tx.grad.numpy(), tw.grad.numpy(), tb.grad.numpy()

    for mine, ref in zip(ours(), theirs()):  # agreement first, and the warm-up
        scale = float(np.abs(ref).max())
        np.testing.assert_allclose(mine, ref, rtol=1e-3, atol=1e-4 * scale)
    times: dict[str, list[float]] = {"ours": [], "theirs": []}
    for _ in range(REPEATS):  # alternating, so that both see the same machine
        for label, run in (("ours", ours), ("theirs", theirs)):
            start = time.perf_counter()
            run()
            times[label].append(time.perf_counter() - start)
    flops = 3 * 2 * y.size * int(np.prod(w_shape[1:]))  # forward, dx and dw, direct count
    return float(np.median(times["ours"])), float(np.median(times["theirs"])), flops


def main() -> None:
    torch.set_num_threads(THREADS)
    print(f"NumPy float32 matmul: {gemm_rate():.0f} GFLOP/s; torch threads: {THREADS}")
    print(f"{'case':44s} {'convgrad ms':>11s} {'torch ms':>9s} {'ratio':>6s} {'GFLOP/s':>8s}")
    for name, case in CASES.items():
        ours, theirs, flops = run_case(*case)
        print(
            f"{name:44s} {ours * 1e3:11.2f} {theirs * 1e3:9.2f} {ours / theirs:6.2f} "
            f"{flops / ours / 1e9:8.1f}"
        )


if __name__ == "__main__":
    main()
