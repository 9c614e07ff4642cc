"""Elementwise activations, forward + backward, against PyTorch; and the blocks' size.

    python benchmarks/activations.py [--shape 32 64 28 28] [--repeat 15] [--blocks]

Each activation of :mod:`convgrad.kernels.pointwise` (and ``relu``, which keeps its own
kernel) runs forward and backward on a float32 array of ``--shape``, through the tape as a user's
network runs it (``convgrad.nn.functional`` on a Tensor, then its recorded backward), pure NumPy
and ``[fast]`` (where numba runs), against the same in PyTorch (``torch.autograd.grad``) on
``CONVGRAD_THREADS`` threads. Neither stores the input's gradient: convgrad copies a leaf's,
PyTorch keeps the array it computed, and inside a network an activation's input is no leaf.
Freed memory is kept in the process, as in a training loop (``convgrad._memory``). The
contenders alternate, one call each, after a round untimed; the figures are medians in ms,
with the ratio to PyTorch's. ``--blocks`` times the blocks' size instead: one thread, the
leaky ReLU's and SiLU's backward over the array, for blocks of 16 KiB to 4 MiB.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from convgrad import _memory
from convgrad.autograd import Tensor
from convgrad.kernels import accel, parallel, pointwise
from convgrad.nn import functional as F

# name: (convgrad's function, PyTorch's by name in torch.nn.functional, its keyword arguments)
CASES: dict[str, tuple[Callable, str, dict]] = {
    "relu": (F.relu, "relu", {}),
    "leaky_relu": (lambda x: F.leaky_relu(x, 0.1), "leaky_relu", {"negative_slope": 0.1}),
    "sigmoid": (F.sigmoid, "sigmoid", {}),
    "tanh": (F.tanh, "tanh", {}),
    "silu": (F.silu, "silu", {}),
    "hardsigmoid": (F.hardsigmoid, "hardsigmoid", {}),
    "hardswish": (F.hardswish, "hardswish", {}),
    "relu6": (F.relu6, "relu6", {}),
    "elu": (F.elu, "elu", {}),
    "softplus": (F.softplus, "softplus", {}),
    "gelu": (F.gelu, "gelu", {}),
    "gelu_tanh": (lambda x: F.gelu(x, "tanh"), "gelu", {"approximate": "tanh"}),
}


def _median_ms(times: list[float]) -> float:
    return float(np.median(times)) * 1e3


def against_torch(shape: tuple[int, ...], repeat: int) -> None:
    import torch

    torch.set_num_threads(parallel.threads())
    _memory.keep_freed_memory()  # as in a training loop: an optimiser asks for it
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape, dtype=np.float32)
    g = rng.standard_normal(shape, dtype=np.float32)
    tg = torch.from_numpy(g)
    for name, (ours, theirs_name, kw) in CASES.items():
        theirs = getattr(torch.nn.functional, theirs_name)

        def run_ours(ours: Callable = ours) -> None:  # without storing a leaf's .grad
            y = ours(Tensor(x, requires_grad=True))
            y._backward(g)

        def run_theirs(theirs: Callable = theirs, kw: dict = kw) -> None:
            t = torch.from_numpy(x).requires_grad_(True)
            torch.autograd.grad(theirs(t, **kw), t, tg)

        contenders = {"numpy": run_ours, "torch": run_theirs}
        if accel.available() is not None:
            contenders["numba"] = run_ours
        times: dict[str, list[float]] = {k: [] for k in contenders}
        for round_ in range(repeat + 1):
            for key, f in contenders.items():
                with accel.accelerator(None if key == "torch" else key):
                    start = time.perf_counter()
                    f()
                    if round_:
                        times[key].append(time.perf_counter() - start)
        ms = {k: _median_ms(v) for k, v in times.items()}
        fast = (
            f"  [fast] {ms['numba']:7.2f} ({ms['numba'] / ms['torch']:4.2f})"
            if "numba" in ms
            else ""
        )
        print(
            f"{name:12s} convgrad {ms['numpy']:7.2f} ms ({ms['numpy'] / ms['torch']:4.2f}){fast}"
            f"  torch {ms['torch']:7.2f} ms",
            flush=True,
        )


def blocks(shape: tuple[int, ...], repeat: int) -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape, dtype=np.float32)
    g = rng.standard_normal(shape, dtype=np.float32)
    before = pointwise.BLOCK_BYTES
    try:
        for kib in (16, 32, 64, 128, 256, 512, 1024, 4096):
            pointwise.BLOCK_BYTES = kib << 10
            row = []
            for name, params in (("leaky_relu", (0.1,)), ("silu", ())):
                with accel.accelerator("numpy"):  # NumPy's blocks, not numba's leaky ReLU
                    pointwise.backward(name, g, x, *params)
                times = []
                for _ in range(repeat):
                    with accel.accelerator("numpy"):
                        start = time.perf_counter()
                        pointwise.backward(name, g, x, *params)
                        times.append(time.perf_counter() - start)
                row.append(f"{name} {_median_ms(times):6.2f} ms")
            print(f"blocks of {kib:5d} KiB: " + "  ".join(row), flush=True)
    finally:
        pointwise.BLOCK_BYTES = before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", type=int, nargs="+", default=[32, 64, 28, 28])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--blocks", action="store_true", help="time the blocks' size instead")
    args = parser.parse_args()
    if args.blocks:
        blocks(tuple(args.shape), args.repeat)
    else:
        against_torch(tuple(args.shape), args.repeat)


if __name__ == "__main__":
    main()
