"""Models built the PyTorch way, with no backward of their own: ``resnet20``, and its
``basic_block``.

A builder takes ``lib``: ``None`` builds it from :mod:`convgrad.nn` (trained through the tape,
:mod:`convgrad.autograd`), ``"torch"`` builds the PyTorch twin from the same code, so the two
have the same ``state_dict`` keys and shapes.

>>> model = resnet20(num_classes=10, in_channels=1)
>>> sum(p.numel() for p in model.parameters())
272186
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np


def _lib(lib: str | None) -> Any:
    """The library's ``nn`` and functional ops, and ``bn_relu(bn, x, residual=None)``,
    ``relu(bn(x) + residual)``: for convgrad one op where batch norm can run the sum and the
    ReLU in its own passes (``BatchNorm2d._fuses_relu``)."""
    if lib is None:
        from .. import nn
        from . import functional

        def bn_relu(bn: Any, x: Any, residual: Any = None) -> Any:
            if bn._fuses_relu(x):
                return bn._forward_relu(x, residual)
            y = bn(x)
            return functional.relu(y if residual is None else y + residual)

        return SimpleNamespace(nn=nn, F=functional, kw={}, bn_relu=bn_relu)
    if lib == "torch":
        import torch

        F = torch.nn.functional

        def torch_bn_relu(bn: Any, x: Any, residual: Any = None) -> Any:
            y = bn(x)
            return F.relu(y if residual is None else y + residual)

        return SimpleNamespace(nn=torch.nn, F=F, kw={}, bn_relu=torch_bn_relu)
    raise ValueError(f"lib must be None (convgrad) or 'torch'; got {lib!r}")


def basic_block(*, dtype: Any = np.float32, lib: str | None = None) -> Any:
    """ResNet's basic block as a class (He et al., 2016): ``Block(c_in, c_out, stride)`` holds two
    3x3 convolutions with batch norm, and a 1x1 convolution with batch norm on the shortcut
    when the stride or the channels change; ``relu(bn2(conv2(relu(bn1(conv1(x))))) +
    shortcut(x))``. Built from ``lib`` as :func:`resnet20` is."""
    m = _lib(lib)
    kw = {"dtype": dtype} if lib is None else {}

    class BasicBlock(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self, c_in: int, c_out: int, stride: int) -> None:
            super().__init__()
            self.conv1 = m.nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False, **kw)
            self.bn1 = m.nn.BatchNorm2d(c_out, **kw)
            self.conv2 = m.nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False, **kw)
            self.bn2 = m.nn.BatchNorm2d(c_out, **kw)
            self.shortcut = m.nn.Sequential()
            if stride != 1 or c_in != c_out:
                self.shortcut = m.nn.Sequential(
                    m.nn.Conv2d(c_in, c_out, 1, stride, bias=False, **kw),
                    m.nn.BatchNorm2d(c_out, **kw),
                )

        def forward(self, x: Any) -> Any:
            out = m.bn_relu(self.bn1, self.conv1(x))
            return m.bn_relu(self.bn2, self.conv2(out), self.shortcut(x))

    return BasicBlock


def resnet20(num_classes: int = 10, in_channels: int = 3, *, dtype: Any = np.float32,
             lib: str | None = None) -> Any:  # fmt: skip
    """ResNet-20 for 32x32 images (He et al., 2016): a 3x3 stem, three stages of three basic
    blocks (16, 32, 64 channels; the second and third stages start with stride 2 and a 1x1
    convolution with BatchNorm on the shortcut), global average pooling, a linear layer.
    ``x (N, in_channels, H, W)`` -> logits ``(N, num_classes)``, any ``H, W`` from 4.
    """
    m = _lib(lib)
    kw = {"dtype": dtype} if lib is None else {}
    BasicBlock = basic_block(dtype=dtype, lib=lib)

    class ResNet20(m.nn.Module):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            super().__init__()
            self.conv1 = m.nn.Conv2d(in_channels, 16, 3, 1, 1, bias=False, **kw)
            self.bn1 = m.nn.BatchNorm2d(16, **kw)
            blocks, c = [], 16
            for width, stride in ((16, 1), (32, 2), (64, 2)):
                for i in range(3):
                    blocks.append(BasicBlock(c, width, stride if i == 0 else 1))
                    c = width
            self.layers = m.nn.Sequential(*blocks)
            self.fc = m.nn.Linear(64, num_classes, **kw)

        def forward(self, x: Any) -> Any:
            x = m.bn_relu(self.bn1, self.conv1(x))
            x = self.layers(x)
            x = m.F.adaptive_avg_pool2d(x, 1)  # (N, 64, 1, 1)
            return self.fc(x.reshape(x.shape[0], -1))  # NumPy arrays and Tensors alike

    return ResNet20()
