"""Training steps with OpenVINO's results laid out channels last, against C order, by op family.

    python benchmarks/channels_last_ab.py [--model resnet20|cnn] [--rounds 2] [--steps 40]

Each round runs two processes one after the other, ``conv_openvino.CHANNELS_LAST`` on and off
(``[fast]``: numba and OpenVINO must be installed), each timing ``--steps`` steps of
``convgrad train``'s step on 28x28 images, batch 32, with the per-op timers of
``train_profile.py``, after 8 untimed steps; the figures are each process's medians, in ms a
step. Processes, not alternating steps in one: with both layouts' models compiled in one
process, each layout's steps measured differently from a process of its own (BENCHMARKS.md,
issue 14, seventeenth session).
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import time

import numpy as np

FAMILIES = ("total", "conv forward", "dx", "dw", "batch norm", "relu", "max pool", "other")


def child(model_name: str, last: bool, steps: int) -> dict[str, float]:
    """The medians of one process's steps, per family."""
    sys.path.insert(0, "benchmarks")
    import train_profile as tp

    from convgrad import convolution, nn, optim
    from convgrad.kernels import conv_openvino
    from convgrad.training import build_model, small_cnn_config, train_step

    conv_openvino.CHANNELS_LAST = last
    timers = tp.Timers(time.perf_counter)
    tp.install(timers)
    passes = tp.Timers(time.perf_counter)  # inside conv backward: timed apart
    convolution._input_grad = passes.wrap("dx", convolution._input_grad)
    convolution._weight_grad = passes.wrap("dw", convolution._weight_grad)
    if model_name == "cnn":
        config = small_cnn_config(1, 28, 10)
    else:
        config = {"model": "resnet20", "in_channels": 1, "size": 28, "classes": 10}
    nn.manual_seed(0)
    model = build_model(config)
    opt = optim.Adam(model.parameters(), lr=1e-3)
    loss = nn.CrossEntropyLoss()
    rng = np.random.default_rng(0)
    data = [
        (rng.standard_normal((32, 1, 28, 28)).astype(np.float32), rng.integers(0, 10, 32))
        for _ in range(4)
    ]
    rec: dict[str, list[float]] = collections.defaultdict(list)
    for i in range(steps + 8):
        x, y = data[i % 4]
        timers.step.clear()
        passes.step.clear()
        start = time.perf_counter()
        train_step(model, loss, opt, x, y, tape=model_name != "cnn")
        total = (time.perf_counter() - start) * 1e3
        if i < 8:
            continue
        rec["total"].append(total)
        for k, v in (*timers.step.items(), *passes.step.items()):
            rec[k].append(v * 1e3)
        rec["other"].append(total - sum(timers.step.values()) * 1e3)
    return {k: float(np.median(v)) for k, v in rec.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("resnet20", "cnn"), default="resnet20")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--child", choices=("last", "c"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.model, args.child == "last", args.steps)))
        return
    print(f"{args.model}, 28x28, batch 32, ms a step (medians of {args.steps} steps a process)")
    print(f"{'layout':<14}" + "".join(f"{f:>13}" for f in FAMILIES))
    for _ in range(args.rounds):
        for layout in ("c", "last"):
            command = [sys.executable, __file__, "--model", args.model, "--steps", str(args.steps)]
            out = subprocess.run(
                [*command, "--child", layout], capture_output=True, text=True, check=True
            ).stdout
            row = json.loads(out.strip().splitlines()[-1])
            name = "channels last" if layout == "last" else "C order"
            print(f"{name:<14}" + "".join(f"{row.get(f, 0.0):>13.2f}" for f in FAMILIES))


if __name__ == "__main__":
    main()
