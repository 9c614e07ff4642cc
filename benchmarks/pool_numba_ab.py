"""Max pooling over blocks: NumPy's (``convgrad._blockpool``) against numba's
(``convgrad.kernels.pool_numba``) and PyTorch's, in one process.

    python benchmarks/pool_numba_ab.py [--repeat 41] [--threads 1]

Forward with taps (``max_pool2d_saving``) and backward (``max_pool2d_backward_saved``), float32,
2x2 blocks unless said, on the pooling layers of ``convgrad train``'s networks and a few
others; PyTorch's ``max_pool2d`` forward + backward beside them. The contenders alternate, the
order reversed every other round; medians, ms.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np
from step_timers import medians

from convgrad import pooling
from convgrad.bench import thread_limit
from convgrad.kernels import accel

SHAPES = [((32, 32, 28, 28), 2), ((32, 64, 14, 14), 2), ((32, 128, 7, 7), 2), ((32, 32, 8, 8), 2),
          ((32, 64, 4, 4), 2), ((16, 64, 56, 56), 2), ((32, 32, 27, 27), 3)]  # fmt: skip


def _pool(backend: str, x: np.ndarray, k: int, dy: np.ndarray) -> dict[str, Callable[[], object]]:
    with accel.accelerator(backend):
        _, saved = pooling.max_pool2d_saving(x, k)

    def forward() -> object:
        with accel.accelerator(backend):
            return pooling.max_pool2d_saving(x, k)

    def backward() -> object:
        with accel.accelerator(backend):
            return pooling.max_pool2d_backward_saved(dy, x, saved, k)

    return {f"{backend} forward": forward, f"{backend} backward": backward}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=41)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(0)
    print("ms: forward with taps, backward (NumPy -> numba) | torch forward + backward")
    with thread_limit(args.threads):
        for shape, k in SHAPES:
            x = rng.standard_normal(shape, dtype=np.float32)
            dy = rng.standard_normal((*shape[:2], shape[2] // k, shape[3] // k), dtype=np.float32)
            tx, tdy = torch.from_numpy(x).requires_grad_(), torch.from_numpy(dy)

            def torch_step(tx: torch.Tensor = tx, tdy: torch.Tensor = tdy, k: int = k) -> None:
                torch.nn.functional.max_pool2d(tx, k).backward(tdy)

            ms = medians({**_pool("numpy", x, k, dy), **_pool("numba", x, k, dy),
                           "torch": torch_step}, args.repeat)  # fmt: skip
            before = ms["numpy forward"] + ms["numpy backward"]
            after = ms["numba forward"] + ms["numba backward"]
            print(f"{shape!s:18} k{k}  forward {ms['numpy forward']:.3f} -> "
                  f"{ms['numba forward']:.3f}, backward {ms['numpy backward']:.3f} -> "
                  f"{ms['numba backward']:.3f} (x{before / after:.2f}) | "
                  f"torch {ms['torch']:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
