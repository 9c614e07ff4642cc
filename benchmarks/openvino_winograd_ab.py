"""OpenVINO against Winograd on 3x3 layers with inputs past 2 MiB, inside training steps.

    python benchmarks/openvino_winograd_ab.py [--rounds 5] [--steps 3] [--only NAME ...]

Until the twentieth session of issue 14, ``[fast]`` kept a 3x3 layer on Winograd's compiled
transforms where Winograd pays and the pass's input is past 2 MiB, and gave the rest of its
3x3 layers to OpenVINO. This script runs ``[fast]`` training steps with that rule (the old
rule patched back in) and without it (the code as it is), alternating in one process, with
PyTorch's twin alongside: ResNet-20 on CIFAR's 32x32 images at batch 64, and ``vgg-mini`` and
``unet-mini`` of ``benchmarks/other_networks.py``. The figures are medians over the rounds of
the wall-clock time a step (OpenVINO's kernels run on their own threads), in ms, after one
untimed round.
"""

from __future__ import annotations

import argparse
import importlib.util
import pathlib
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from convgrad import convolution, nn, optim
from convgrad.autograd import Tensor
from convgrad.kernels import accel, parallel
from convgrad.nn import models

OLD_BYTES = 2 << 20  # the old rule's threshold


def _old_rule(pays: Callable[..., bool]) -> Callable[..., bool]:
    def old(kind: str, spec: Any, w: np.ndarray, inputs: tuple[np.ndarray, ...], *a: Any) -> bool:
        batch, dtype = inputs[0].shape[0], np.result_type(*inputs)
        if inputs[0].nbytes > OLD_BYTES and convolution._winograd_pays(spec, w, batch, dtype):
            return False
        return pays(kind, spec, w, inputs, *a)

    return old


def _other_networks() -> Any:
    path = pathlib.Path(__file__).with_name("other_networks.py")
    spec = importlib.util.spec_from_file_location("other_networks", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _resnet20(lib: str) -> Any:
    return models.resnet20(10, 3, lib=None if lib == "convgrad" else lib)


def _networks() -> dict[str, tuple[Callable[[str], Any], tuple[int, ...]]]:
    other = _other_networks()
    nets: dict[str, tuple[Callable[[str], Any], tuple[int, ...]]] = {
        "resnet20-32": (_resnet20, (64, 3, 32, 32))
    }
    for name in ("vgg-mini", "unet-mini"):
        build, shape, _ = other.NETWORKS[name]
        nets[name] = (lambda lib, build=build: build(other._lib(lib)), shape)
    return nets


def run(name: str, build: Callable[[str], Any], shape: tuple[int, ...], rounds: int,
        steps: int) -> None:  # fmt: skip
    ours = build("convgrad")
    theirs = build("torch")
    theirs.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in ours.state_dict().items()})
    rng = np.random.default_rng(0)
    xs = [rng.standard_normal(shape, dtype=np.float32) for _ in range(steps)]
    opt = optim.Adam(ours.parameters(), lr=1e-3)
    topt = torch.optim.Adam(theirs.parameters(), lr=1e-3)

    def loss_of(y: Any) -> Any:  # the mean of the output's squares: any shape of output
        return (y * y).mean()

    def convgrad_steps() -> None:
        with accel.accelerator("numba"):
            for x in xs:
                opt.zero_grad()
                loss_of(ours(Tensor(x))).backward()
                opt.step()

    def torch_steps() -> None:
        for x in xs:
            topt.zero_grad()
            loss_of(theirs(torch.from_numpy(x))).backward()
            topt.step()

    new = convolution._openvino_pays
    old = _old_rule(new)
    times: dict[str, list[float]] = {"old": [], "new": [], "torch": []}
    try:
        for round_ in range(rounds + 1):
            for key in ("old", "new", "torch"):
                convolution._openvino_pays = old if key == "old" else new  # type: ignore[assignment]
                start = time.perf_counter()
                torch_steps() if key == "torch" else convgrad_steps()
                if round_:
                    times[key].append((time.perf_counter() - start) / steps * 1e3)
    finally:
        convolution._openvino_pays = new  # type: ignore[assignment]
    ms = {k: statistics.median(v) for k, v in times.items()}
    old_, new_, torch_ = ms["old"], ms["new"], ms["torch"]
    print(
        f"{name:12s} ms a step, [fast] with the old rule {old_:7.1f} ({old_ / torch_:.2f}),"
        f" without {new_:7.1f} ({new_ / torch_:.2f}), torch {torch_:7.1f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    torch.set_num_threads(parallel.threads())
    nn.manual_seed(0)
    for name, (build, shape) in _networks().items():
        if not args.only or name in args.only:
            run(name, build, shape, args.rounds, args.steps)


if __name__ == "__main__":
    main()
