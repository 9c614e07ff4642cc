"""Batch norm with its ReLU in one op ([fast]) against the two apart, inside networks' passes.

    CONVGRAD_THREADS=1 python benchmarks/fused_relu_ab.py [--rounds 8]

In one process, alternating, five steps a turn: a ResNet basic block (16 channels at 28x28,
and 16 -> 32 at stride 2, batch 32, forward and backward through the tape) and the 28x28 CNN
of ``convgrad train`` (forward and explicit backward), once with ``BatchNorm2d._fuses_relu``
as it is and once with it returning False (batch norm, the sum and the ReLU apart, as before
the eighteenth session of issue 14). The figures are medians of the steps' CPU time on this
thread (``time.thread_time``), in ms: what the machine's other users take does not count, and
neither does work on other threads (OpenVINO's), which fusing does not change.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np

from convgrad import _memory, nn
from convgrad.autograd import Tensor
from convgrad.nn import models
from convgrad.nn.batchnorm import BatchNorm2d
from convgrad.training import build_model, small_cnn_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    rounds = parser.parse_args().rounds
    _memory.keep_freed_memory()  # as in training (an optimiser would ask for it)
    fuses = BatchNorm2d._fuses_relu
    apart = lambda self, x: False  # noqa: E731
    rng = np.random.default_rng(0)
    nn.manual_seed(0)
    Block = models.basic_block()
    x16 = rng.standard_normal((32, 16, 28, 28)).astype(np.float32)
    images = rng.standard_normal((32, 1, 28, 28)).astype(np.float32)
    cnn = build_model(small_cnn_config(1, 28, 10))

    def block(b: nn.Module) -> Callable[[], None]:
        def step() -> None:
            b(Tensor(x16, requires_grad=True)).sum().backward()

        return step

    def cnn_step() -> None:
        y = cnn(images)
        cnn.backward(np.ones_like(y), input_grad=False)

    cases = {
        "block 16 at 28x28": block(Block(16, 16, 1)),
        "block 16 -> 32, stride 2": block(Block(16, 32, 2)),
        "28x28 CNN": cnn_step,
    }
    for name, step in cases.items():
        times: dict[bool, list[float]] = {True: [], False: []}
        for turn in range(rounds + 1):  # turn 0 warms up (and compiles)
            for fused in (True, False):
                BatchNorm2d._fuses_relu = fuses if fused else apart  # type: ignore[method-assign]
                for _ in range(5):
                    start = time.thread_time()
                    step()
                    if turn:
                        times[fused].append(time.thread_time() - start)
        BatchNorm2d._fuses_relu = fuses  # type: ignore[method-assign]
        a, b = (statistics.median(times[f]) * 1e3 for f in (True, False))
        print(f"{name}: fused {a:.2f} ms, apart {b:.2f} ms, fused / apart {a / b:.3f}")


if __name__ == "__main__":
    main()
