"""How far one training step's gradients differ from PyTorch's twin, in float64 and in float32.

    python benchmarks/train_agreement.py [--network resnet20-28]
    PYTHONPATH=<older checkout>/src python benchmarks/train_agreement.py   # the code before

One step of ``convgrad bench --train``'s network (:mod:`convgrad.bench_train`) and of its
PyTorch twin from the same weights on the same batch, no update; prints the loss difference and
the largest gradient difference, relative to the model's largest gradient, in each dtype. This
is why ``convgrad bench --train`` checks agreement in float64: in float32 the rounding of the two
libraries' sums, carried through 19 batch norms, is far above the float64 agreement.
"""

from __future__ import annotations

import argparse

import numpy as np
import torch

from convgrad import nn
from convgrad.autograd import Tensor
from convgrad.training import build_model, small_cnn_config, torch_model


def disagreement(config: dict, dtype: type, tape: bool) -> tuple[float, float, str]:
    """``(loss difference, largest gradient difference / largest gradient, where)``."""
    nn.manual_seed(0)
    ours = build_model(config, dtype=dtype)
    theirs = torch_model(config)
    if dtype == np.float64:
        theirs = theirs.double()
    theirs.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in ours.state_dict().items()})
    rng = np.random.default_rng(0)
    size = config["size"]
    x: np.ndarray = rng.standard_normal((32, 1, size, size)).astype(dtype)
    y = rng.integers(0, 10, 32)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    if tape:
        loss_tensor = loss_fn(ours(Tensor(x)), y)
        loss_tensor.backward()
        loss = loss_tensor.item()
    else:
        loss = loss_fn(ours(x), y)
        ours.backward(loss_fn.backward(), input_grad=False)
    their_loss = torch.nn.CrossEntropyLoss(label_smoothing=0.1)(
        theirs(torch.from_numpy(x)), torch.from_numpy(y)
    )
    their_loss.backward()
    grads = {k: p.grad.numpy() for k, p in theirs.named_parameters()}
    scale = max(float(np.abs(g).max()) for g in grads.values())
    worst, where = 0.0, ""
    for key, p in ours.named_parameters():
        error = float(np.abs(p.grad - grads[key]).max()) / scale
        if error > worst:
            worst, where = error, key
    return abs(loss - their_loss.item()), worst, where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", choices=("cnn-digits", "cnn-28", "resnet20-28"),
                        default="resnet20-28")  # fmt: skip
    args = parser.parse_args()
    size = 8 if args.network == "cnn-digits" else 28
    tape = args.network.startswith("resnet")
    if tape:
        config = {"model": "resnet20", "in_channels": 1, "size": size, "classes": 10}
    else:
        config = small_cnn_config(1, size, 10)
    for dtype in (np.float64, np.float32):
        loss, worst, where = disagreement(config, dtype, tape)
        print(
            f"{args.network} {np.dtype(dtype).name}: loss differs by {loss:.2e}; gradients by "
            f"{worst:.2e} of the largest gradient (at {where})"
        )


if __name__ == "__main__":
    main()
