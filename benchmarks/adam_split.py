"""Adam's update: NumPy's passes whole or split over two threads, numba's one pass whole or split,
and PyTorch's ``Adam.step``, in one process.

    python benchmarks/adam_split.py [--repeat 5]

First one parameter of 16,384 to 4,194,304 float32 numbers (the crossovers ``ADAM_SPLIT`` and
``ADAM_NUMBA_SPLIT`` in :mod:`convgrad.optim.adam`), then whole optimiser steps over the
parameters of three networks: an MLP (784 -> 512 -> 256 -> 10 with batch norm), a VGG-like CNN
and a ResNet-20 (convgrad's automatic choice, NumPy and numba, against ``torch.optim.Adam``).
Wall clock, freed memory kept as in training (``convgrad._memory``), medians of ``--repeat``
calls, the contenders' calls alternating (``step_timers.medians``), in microseconds (one
parameter) or milliseconds (a step). (The fourteenth session's figures came from medians of 5
rounds of 40 calls each.)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np
from step_timers import medians

from convgrad import _memory, optim
from convgrad.kernels import accel, parallel
from convgrad.nn.parameter import Parameter
from convgrad.optim import adam

NETWORKS: dict[str, list[tuple[int, ...]]] = {
    "mlp": [(512, 784), (512,), (512,), (512,), (256, 512), (256,), (256,), (256,), (10, 256),
            (10,)],
    "vgg": [(64, 3, 3, 3), (64,), (128, 64, 3, 3), (128,), (256, 128, 3, 3), (256,),
            (256, 256, 3, 3), (256,), (10, 4096), (10,)],
    "resnet20": [(16, 16, 3, 3)] * 6 + [(32, 32, 3, 3)] * 6 + [(64, 64, 3, 3)] * 6 + [(16,)] * 20,
}  # fmt: skip


def _contenders(size: int, rng: np.random.Generator) -> dict[str, Callable[[], object]]:
    p, g, m, v = (rng.standard_normal(size).astype(np.float32) for _ in range(4))
    v = np.abs(v)
    numbers = adam._numbers(np.dtype(np.float32), 0.9, 0.999, 1e-8, 1e-7, 3)
    halves = [slice(0, size // 2), slice(size // 2, size)]

    def split(share: slice) -> None:
        adam._passes(p[share], g[share], m[share], v[share], None, numbers)

    contenders: dict[str, Callable[[], object]] = {
        "numpy whole": lambda: adam._passes(p, g, m, v, None, numbers),
        "numpy split": lambda: parallel.run(split, halves),
    }
    fast = accel.numba_kernels("optim")
    if fast is not None:

        def compiled(first: int, last: int) -> None:
            fast.adam(p, g, m, v, None, first, last, numbers)

        contenders["numba whole"] = lambda: compiled(0, size)
        contenders["numba split"] = lambda: parallel.over_jobs(compiled, size, True)
    return contenders


def one_parameter(repeat: int) -> None:
    rng = np.random.default_rng(0)
    for size in (16384, 65536, 262144, 1 << 20, 4 << 20):
        ms = medians(_contenders(size, rng), repeat)
        print(f"{size:8d} numbers: " + "  ".join(f"{k} {t * 1e3:7.0f} us" for k, t in ms.items()))


def _on(backend: str, opt: optim.Adam) -> Callable[[], None]:
    def step() -> None:
        with accel.accelerator(backend):
            opt.step()

    return step


def networks(repeat: int) -> None:
    import torch

    torch.set_num_threads(parallel.threads())
    rng = np.random.default_rng(0)
    for name, shapes in NETWORKS.items():
        params = [Parameter(rng.standard_normal(s).astype(np.float32)) for s in shapes]
        for p in params:
            p.grad = rng.standard_normal(p.shape).astype(np.float32)
        twins = [torch.nn.Parameter(torch.from_numpy(np.array(p.data))) for p in params]
        for t, p in zip(twins, params, strict=True):
            t.grad = torch.from_numpy(p.grad)
        ours, theirs = optim.Adam(params, lr=1e-7), torch.optim.Adam(twins, lr=1e-7)
        contenders = {"numpy": _on("numpy", ours), "torch": theirs.step}
        if accel.available() is not None:
            contenders["numba"] = _on("numba", ours)
        ms = medians(contenders, repeat)
        size = sum(p.data.size for p in params)
        print(f"{name:9s} ({size:,} numbers) ms a step: " + "  ".join(
            f"{k} {t:.3f}" for k, t in ms.items()))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=201)
    args = parser.parse_args()
    _memory.keep_freed_memory()
    print(f"{parallel.threads()} threads, {accel.status()}")
    one_parameter(args.repeat)
    networks(args.repeat)


if __name__ == "__main__":
    main()
