"""Training steps of networks outside ``convgrad bench --train``, against their PyTorch twins.

    python benchmarks/other_networks.py [--repeat 4] [--steps 5] [--only NAME ...] [--json FILE]

The issue's targets are held on networks the training benchmark does not hold. Three small
networks of well-known families, each built from the same code in convgrad's ``nn`` (trained
through the tape) and in ``torch.nn``, with the same initial weights:

- ``resnet18-mini``: ResNet-18's stem (7x7 at stride 2, batch norm, ReLU, 3x3 max pooling at
  stride 2 with padding 1), three basic blocks (64, 128 and 256 channels, the last two at stride
  2 with 1x1 shortcuts), global average pooling, a linear layer; 64x64 images, batch 16;
- ``vgg-mini``: four 3x3 convolutions with batch norm and ReLU (64, 128, 256, 256 channels) and
  three 2x2 max poolings, a linear layer; 32x32 images, batch 32;
- ``mobilenet-mini``: MobileNet's stem and four depthwise-separable blocks (depthwise 3x3, two at
  stride 2, then pointwise 1x1, each with batch norm and ReLU), global average pooling, a linear
  layer; 32x32 images, batch 32;
- ``efficientnet-mini`` and ``mobilenetv3-mini``: five inverted-residual blocks (1x1 expansion
  by 4, depthwise 3x3, a squeeze-and-excitation gate, 1x1 projection), with SiLU and a sigmoid
  gate (EfficientNet) or hardswish and a hardsigmoid gate (MobileNetV3); 64x64 images, batch 32;
- ``unet-mini``: a U-Net of two levels (3x3 convolutions with group norm and leaky ReLU, 2x2 max
  pooling, nearest upsampling by 2, skips joined by ``cat``), a class per pixel; 64x64 images,
  batch 8;
- ``convnext-mini``: ConvNeXt's 4x4 stem and four blocks in two stages (depthwise 7x7, layer
  norm over the channels last, 1x1 expansion by 4 with GELU as linear layers, 1x1 projection);
  64x64 images, batch 32;
- ``lenet5``: LeNet-5 (5x5 convolutions of 6 and 16 channels, tanh, average pooling, three
  linear layers); 28x28 images, batch 64;
- ``conv1d-mini``: three ``Conv1d`` layers of 5 taps with ``BatchNorm1d``, ReLU and max pooling,
  a mean over time, dropout; 40 features by 256 steps, batch 32;
- ``mlp-mini``: 784 -> 512 -> 256 -> 10 with ``BatchNorm1d``, ReLU and dropout; batch 128;
- ``autoencoder-mini``: two stride-2 3x3 convolutions down, two stride-2 4x4 transposed ones up,
  batch norm, ReLU, a sigmoid, trained by the squared error; 32x32 images, batch 32.

A timed run is ``--steps`` steps of Adam (learning rate 1e-3) with cross-entropy on random
images; convgrad pure NumPy, convgrad ``[fast]`` (when numba runs here) and PyTorch alternate, on
``CONVGRAD_THREADS`` threads (2 on the development machine) with PyTorch on as many; the figures
are medians over ``--repeat`` rounds, after one untimed round, in ms a step.
"""

from __future__ import annotations

import argparse
import json
import time
from types import SimpleNamespace
from typing import Any

import numpy as np

from convgrad import nn, optim
from convgrad.autograd import Tensor
from convgrad.kernels import accel, parallel
from convgrad.nn import functional, models


def _lib(which: str) -> Any:
    if which == "convgrad":
        import convgrad

        return SimpleNamespace(
            nn=nn, F=functional, kw={"dtype": np.float32}, lib=None, cat=convgrad.cat
        )
    import torch

    return SimpleNamespace(nn=torch.nn, F=torch.nn.functional, kw={}, lib="torch", cat=torch.cat)


def resnet18_mini(m: Any) -> Any:
    kw = m.kw
    Block = models.basic_block(lib=m.lib, **kw)

    class Net(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.stem = m.nn.Conv2d(3, 64, 7, 2, 3, bias=False, **kw)
            self.bn = m.nn.BatchNorm2d(64, **kw)
            self.pool = m.nn.MaxPool2d(3, 2, 1)
            self.layers = m.nn.Sequential(Block(64, 64, 1), Block(64, 128, 2), Block(128, 256, 2))
            self.fc = m.nn.Linear(256, 10, **kw)

        def forward(self, x: Any) -> Any:
            x = self.layers(self.pool(m.F.relu(self.bn(self.stem(x)))))
            x = m.F.adaptive_avg_pool2d(x, 1)
            return self.fc(x.reshape(x.shape[0], -1))

    return Net()


def vgg_mini(m: Any) -> Any:
    kw, layers, c = m.kw, [], 3
    for width in (64, "pool", 128, "pool", 256, 256, "pool"):
        if width == "pool":
            layers.append(m.nn.MaxPool2d(2))
            continue
        layers += [m.nn.Conv2d(c, width, 3, 1, 1, **kw), m.nn.BatchNorm2d(width, **kw), m.nn.ReLU()]
        c = width

    class Net(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.features = m.nn.Sequential(*layers)
            self.fc = m.nn.Linear(256 * 4 * 4, 10, **kw)

        def forward(self, x: Any) -> Any:
            x = self.features(x)
            return self.fc(x.reshape(x.shape[0], -1))

    return Net()


def mobilenet_mini(m: Any) -> Any:
    kw, c = m.kw, 32
    stem = m.nn.Conv2d(3, 32, 3, 2, 1, bias=False, **kw)
    layers = [stem, m.nn.BatchNorm2d(32, **kw), m.nn.ReLU()]
    for c_out, stride in ((64, 1), (128, 2), (128, 1), (256, 2)):
        layers += [
            m.nn.Conv2d(c, c, 3, stride, 1, groups=c, bias=False, **kw),
            m.nn.BatchNorm2d(c, **kw),
            m.nn.ReLU(),
            m.nn.Conv2d(c, c_out, 1, bias=False, **kw),
            m.nn.BatchNorm2d(c_out, **kw),
            m.nn.ReLU(),
        ]
        c = c_out

    class Net(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.features = m.nn.Sequential(*layers)
            self.fc = m.nn.Linear(c, 10, **kw)

        def forward(self, x: Any) -> Any:
            x = m.F.adaptive_avg_pool2d(self.features(x), 1)
            return self.fc(x.reshape(x.shape[0], -1))

    return Net()


def _inverted_residual(m: Any, c_in: int, c_out: int, stride: int, expand: int, act: Any,
                       gate: Any) -> Any:  # fmt: skip
    """MobileNetV2/V3's and EfficientNet's block: a 1x1 expansion, a depthwise 3x3, a
    squeeze-and-excitation gate (``gate`` its last activation), a 1x1 projection; the input
    added back where the shapes allow."""
    kw, hidden = m.kw, c_in * expand

    class Block(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.expand = m.nn.Sequential(
                m.nn.Conv2d(c_in, hidden, 1, bias=False, **kw),
                m.nn.BatchNorm2d(hidden, **kw),
                act(),
            )
            self.depthwise = m.nn.Sequential(
                m.nn.Conv2d(hidden, hidden, 3, stride, 1, groups=hidden, bias=False, **kw),
                m.nn.BatchNorm2d(hidden, **kw),
                act(),
            )
            squeezed = max(8, hidden // 4)
            self.reduce = m.nn.Conv2d(hidden, squeezed, 1, **kw)
            self.act = act()
            self.restore = m.nn.Conv2d(squeezed, hidden, 1, **kw)
            self.gate = gate()
            self.project = m.nn.Sequential(
                m.nn.Conv2d(hidden, c_out, 1, bias=False, **kw), m.nn.BatchNorm2d(c_out, **kw)
            )
            self.residual = stride == 1 and c_in == c_out

        def forward(self, x: Any) -> Any:
            h = self.depthwise(self.expand(x))
            s = self.gate(self.restore(self.act(self.reduce(m.F.adaptive_avg_pool2d(h, 1)))))
            y = self.project(h * s)
            return x + y if self.residual else y

    return Block()


def _mobile_net(m: Any, act: Any, gate: Any, head_act: Any) -> Any:
    kw = m.kw
    layers = [m.nn.Conv2d(3, 16, 3, 2, 1, bias=False, **kw), m.nn.BatchNorm2d(16, **kw), act()]
    c = 16
    for c_out, stride in ((24, 2), (24, 1), (40, 2), (40, 1), (80, 1)):
        layers.append(_inverted_residual(m, c, c_out, stride, 4, act, gate))
        c = c_out
    layers += [m.nn.Conv2d(c, 256, 1, bias=False, **kw), m.nn.BatchNorm2d(256, **kw), head_act()]

    class Net(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.features = m.nn.Sequential(*layers)
            self.fc = m.nn.Linear(256, 10, **kw)

        def forward(self, x: Any) -> Any:
            x = m.F.adaptive_avg_pool2d(self.features(x), 1)
            return self.fc(x.reshape(x.shape[0], -1))

    return Net()


def efficientnet_mini(m: Any) -> Any:
    return _mobile_net(m, m.nn.SiLU, m.nn.Sigmoid, m.nn.SiLU)


def mobilenetv3_mini(m: Any) -> Any:
    return _mobile_net(m, m.nn.Hardswish, m.nn.Hardsigmoid, m.nn.Hardswish)


def unet_mini(m: Any) -> Any:
    """Two levels down and up: 3x3 convolutions with group norm and leaky ReLU, max pooling,
    nearest upsampling by 2, the skip joined by ``cat``; a class per pixel."""
    kw = m.kw

    def double(c_in: int, c_out: int) -> Any:
        return m.nn.Sequential(
            m.nn.Conv2d(c_in, c_out, 3, 1, 1, bias=False, **kw),
            m.nn.GroupNorm(8, c_out, **kw),
            m.nn.LeakyReLU(0.1),
            m.nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False, **kw),
            m.nn.GroupNorm(8, c_out, **kw),
            m.nn.LeakyReLU(0.1),
        )

    class Net(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.down1, self.down2, self.bottom = double(3, 16), double(16, 32), double(32, 64)
            self.up2, self.up1 = double(64 + 32, 32), double(32 + 16, 16)
            self.pool = m.nn.MaxPool2d(2)
            self.up = m.nn.Upsample(scale_factor=2, mode="nearest")
            self.head = m.nn.Conv2d(16, 4, 1, **kw)

        def forward(self, x: Any) -> Any:
            d1 = self.down1(x)
            d2 = self.down2(self.pool(d1))
            b = self.bottom(self.pool(d2))
            u2 = self.up2(m.cat([self.up(b), d2], 1))
            return self.head(self.up1(m.cat([self.up(u2), d1], 1)))

    return Net()


def convnext_mini(m: Any) -> Any:
    """ConvNeXt's stem (4x4 at stride 4) and blocks: a depthwise 7x7, layer norm over the
    channels (channels last), a 1x1 expansion by 4 with GELU, a 1x1 projection, the input
    added back; a 2x2 stride-2 downsampling between stages."""
    kw = m.kw

    class Block(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self, c: int) -> None:
            super().__init__()
            self.dw = m.nn.Conv2d(c, c, 7, 1, 3, groups=c, **kw)
            self.norm = m.nn.LayerNorm(c, **kw)
            self.expand = m.nn.Linear(c, 4 * c, **kw)
            self.act = m.nn.GELU()
            self.project = m.nn.Linear(4 * c, c, **kw)

        def forward(self, x: Any) -> Any:
            h = self.norm(self.dw(x).permute(0, 2, 3, 1))  # (N, H, W, C)
            h = self.project(self.act(self.expand(h)))
            return x + h.permute(0, 3, 1, 2)

    class Net(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.stem = m.nn.Conv2d(3, 48, 4, 4, **kw)
            self.stage1 = m.nn.Sequential(Block(48), Block(48))
            self.down = m.nn.Conv2d(48, 96, 2, 2, **kw)
            self.stage2 = m.nn.Sequential(Block(96), Block(96))
            self.fc = m.nn.Linear(96, 10, **kw)

        def forward(self, x: Any) -> Any:
            x = self.stage2(self.down(self.stage1(self.stem(x))))
            x = m.F.adaptive_avg_pool2d(x, 1)
            return self.fc(x.reshape(x.shape[0], -1))

    return Net()


def lenet5(m: Any) -> Any:
    """LeNet-5 as courses teach it: 5x5 convolutions of 6 and 16 channels with tanh and 2x2
    average pooling, three linear layers."""
    kw = m.kw
    return m.nn.Sequential(
        m.nn.Conv2d(1, 6, 5, 1, 2, **kw), m.nn.Tanh(), m.nn.AvgPool2d(2),
        m.nn.Conv2d(6, 16, 5, **kw), m.nn.Tanh(), m.nn.AvgPool2d(2),
        m.nn.Flatten(), m.nn.Linear(16 * 5 * 5, 120, **kw), m.nn.Tanh(),
        m.nn.Linear(120, 84, **kw), m.nn.Tanh(), m.nn.Linear(84, 10, **kw),
    )  # fmt: skip


def conv1d_mini(m: Any) -> Any:
    """A 1-D network over sequences of 40 features (audio frames, say): convolutions of 5 taps
    with ``BatchNorm1d``, ReLU and max pooling by 2, a mean over time, dropout, a linear layer."""
    kw = m.kw

    class Net(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            layers, c = [], 40
            for width in (64, 128, 128):
                layers += [
                    m.nn.Conv1d(c, width, 5, 1, 2, **kw), m.nn.BatchNorm1d(width, **kw),
                    m.nn.ReLU(), m.nn.MaxPool1d(2),
                ]  # fmt: skip
                c = width
            self.features = m.nn.Sequential(*layers)
            self.drop = m.nn.Dropout(0.2)
            self.fc = m.nn.Linear(128, 10, **kw)

        def forward(self, x: Any) -> Any:
            return self.fc(self.drop(self.features(x).mean(2)))

    return Net()


def mlp_mini(m: Any) -> Any:
    """Two hidden layers of 512 and 256 with ``BatchNorm1d``, ReLU and dropout, on flattened
    28x28 images."""
    kw = m.kw
    return m.nn.Sequential(
        m.nn.Flatten(),
        m.nn.Linear(784, 512, **kw), m.nn.BatchNorm1d(512, **kw), m.nn.ReLU(), m.nn.Dropout(0.2),
        m.nn.Linear(512, 256, **kw), m.nn.BatchNorm1d(256, **kw), m.nn.ReLU(), m.nn.Dropout(0.2),
        m.nn.Linear(256, 10, **kw),
    )  # fmt: skip


def autoencoder_mini(m: Any) -> Any:
    """A convolutional autoencoder: 3x3 convolutions at stride 2 down, 4x4 transposed ones at
    stride 2 up (DCGAN's), batch norm and ReLU, a sigmoid out; trained by the squared error to
    its input."""
    kw = m.kw
    return m.nn.Sequential(
        m.nn.Conv2d(3, 32, 3, 2, 1, **kw), m.nn.BatchNorm2d(32, **kw), m.nn.ReLU(),
        m.nn.Conv2d(32, 64, 3, 2, 1, **kw), m.nn.BatchNorm2d(64, **kw), m.nn.ReLU(),
        m.nn.ConvTranspose2d(64, 32, 4, 2, 1, **kw), m.nn.BatchNorm2d(32, **kw), m.nn.ReLU(),
        m.nn.ConvTranspose2d(32, 3, 4, 2, 1, **kw), m.nn.Sigmoid(),
    )  # fmt: skip


# name: (the network's builder, the images' shape, the labels' shape after the batch's, or
# None: the squared error to the images)
NETWORKS = {
    "resnet18-mini": (resnet18_mini, (16, 3, 64, 64), ()),
    "vgg-mini": (vgg_mini, (32, 3, 32, 32), ()),
    "mobilenet-mini": (mobilenet_mini, (32, 3, 32, 32), ()),
    "efficientnet-mini": (efficientnet_mini, (32, 3, 64, 64), ()),
    "mobilenetv3-mini": (mobilenetv3_mini, (32, 3, 64, 64), ()),
    "unet-mini": (unet_mini, (8, 3, 64, 64), (64, 64)),
    "convnext-mini": (convnext_mini, (32, 3, 64, 64), ()),
    "lenet5": (lenet5, (64, 1, 28, 28), ()),
    "conv1d-mini": (conv1d_mini, (32, 40, 256), ()),
    "mlp-mini": (mlp_mini, (128, 1, 28, 28), ()),
    "autoencoder-mini": (autoencoder_mini, (32, 3, 32, 32), None),
}


def run(name: str, repeat: int, steps: int) -> dict[str, Any]:
    import torch

    build, shape, label_shape = NETWORKS[name]
    ours, theirs = build(_lib("convgrad")), build(_lib("torch"))
    theirs.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in ours.state_dict().items()})
    rng = np.random.default_rng(0)
    batches = []
    for _ in range(steps):
        x = rng.standard_normal(shape, dtype=np.float32)
        if label_shape is None:  # an autoencoder's target: its input, in (0, 1)
            batches.append((x, 1 / (1 + np.exp(-x))))
        else:
            batches.append((x, rng.integers(0, 4 if label_shape else 10, (shape[0], *label_shape))))
    our_loss, their_loss = nn.CrossEntropyLoss(), torch.nn.CrossEntropyLoss()
    if label_shape is None:
        our_loss, their_loss = nn.MSELoss(), torch.nn.MSELoss()
    our_opt = optim.Adam(ours.parameters(), lr=1e-3)
    their_opt = torch.optim.Adam(theirs.parameters(), lr=1e-3)

    def convgrad_steps(backend: str) -> None:
        with accel.accelerator(backend):
            for x, y in batches:
                our_opt.zero_grad()
                our_loss(ours(Tensor(x)), y).backward()
                our_opt.step()

    def torch_steps() -> None:
        for x, y in batches:
            their_opt.zero_grad()
            their_loss(theirs(torch.from_numpy(x)), torch.from_numpy(y)).backward()
            their_opt.step()

    contenders = {"convgrad": lambda: convgrad_steps("numpy"), "torch": torch_steps}
    if accel.available() is not None:
        contenders["fast"] = lambda: convgrad_steps("numba")
    times: dict[str, list[float]] = {k: [] for k in contenders}
    for round_ in range(repeat + 1):  # round 0 untimed
        for key, steps_of in contenders.items():
            start = time.perf_counter()
            steps_of()
            if round_:
                times[key].append((time.perf_counter() - start) / steps * 1e3)
    ms = {k: float(np.median(v)) for k, v in times.items()}
    row = {"network": name, "convgrad_ms": ms["convgrad"], "torch_ms": ms["torch"]}
    row["ratio"] = ms["convgrad"] / ms["torch"]
    if "fast" in ms:
        row["fast_ms"], row["fast_ratio"] = ms["fast"], ms["fast"] / ms["torch"]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=[], help="only these networks, by name")
    parser.add_argument("--json", default="", help="write the rows to this file")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(parallel.threads())
    rows = []
    for name in NETWORKS:
        if args.only and name not in args.only:
            continue
        row = run(name, args.repeat, args.steps)
        rows.append(row)
        fast = ""
        if "fast_ms" in row:
            fast = f"  [fast] {row['fast_ms']:7.1f} ({row['fast_ratio']:.2f})"
        print(
            f"{name:15s} ms a step: convgrad {row['convgrad_ms']:7.1f} ({row['ratio']:.2f}){fast}"
            f"  torch {row['torch_ms']:7.1f}",
            flush=True,
        )
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"threads": parallel.threads(), "networks": rows}, f, indent=1)


if __name__ == "__main__":
    main()
