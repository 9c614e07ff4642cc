"""Models as users build them, through the tape, against their torch twins in float64.

Each model is written once, the PyTorch way, over a namespace ``m`` that is either convgrad
(``nn``, ``F``, ``cat``) or torch; the two instances share weights through ``state_dict`` (one
direction, then the other), and the logits, the loss, every parameter's gradient, the input's
gradient and the state after the step (BatchNorm's running statistics) must be equal, in
training and in evaluation mode. No model here defines a backward.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
import torch

import convgrad as cg
import convgrad.nn.functional as F
from convgrad import nn
from oracle import to_torch_state

CLOSE = dict(rtol=1e-7, atol=1e-10)
OURS = SimpleNamespace(nn=nn, F=F, cat=cg.cat, tensor=cg.tensor)
TORCH = SimpleNamespace(nn=torch.nn, F=torch.nn.functional, cat=torch.cat, tensor=torch.tensor)


def lenet5(m):
    class LeNet5(m.nn.Module):
        def __init__(self, classes=10):
            super().__init__()
            self.conv1 = m.nn.Conv2d(1, 6, 5, padding=2)
            self.conv2 = m.nn.Conv2d(6, 16, 5)
            self.fc1 = m.nn.Linear(16 * 5 * 5, 120)
            self.fc2 = m.nn.Linear(120, 84)
            self.fc3 = m.nn.Linear(84, classes)

        def forward(self, x):
            x = m.F.avg_pool2d(m.F.tanh(self.conv1(x)), 2)
            x = m.F.max_pool2d(m.F.relu(self.conv2(x)), 2)
            x = x.flatten(1)
            x = m.F.relu(self.fc1(x))
            x = m.F.relu(self.fc2(x))
            return self.fc3(x)

    return LeNet5()


def resnet20(m):
    class BasicBlock(m.nn.Module):
        def __init__(self, c_in, c_out, stride):
            super().__init__()
            self.conv1 = m.nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False)
            self.bn1 = m.nn.BatchNorm2d(c_out)
            self.conv2 = m.nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False)
            self.bn2 = m.nn.BatchNorm2d(c_out)
            self.shortcut = m.nn.Sequential()
            if stride != 1 or c_in != c_out:
                self.shortcut = m.nn.Sequential(
                    m.nn.Conv2d(c_in, c_out, 1, stride, bias=False), m.nn.BatchNorm2d(c_out)
                )

        def forward(self, x):
            out = m.F.relu(self.bn1(self.conv1(x)))
            out = self.bn2(self.conv2(out))
            return m.F.relu(out + self.shortcut(x))

    class ResNet20(m.nn.Module):
        def __init__(self, classes=10):
            super().__init__()
            self.conv1 = m.nn.Conv2d(3, 16, 3, 1, 1, bias=False)
            self.bn1 = m.nn.BatchNorm2d(16)
            layers, c = [], 16
            for width, stride in ((16, 1), (32, 2), (64, 2)):
                for i in range(3):
                    layers.append(BasicBlock(c, width, stride if i == 0 else 1))
                    c = width
            self.layers = m.nn.ModuleList(layers)
            self.pool = m.nn.AdaptiveAvgPool2d(1)
            self.fc = m.nn.Linear(64, classes)

        def forward(self, x):
            x = m.F.relu(self.bn1(self.conv1(x)))
            for block in self.layers:
                x = block(x)
            return self.fc(self.pool(x).flatten(1))

    return ResNet20()


def mobilenet(m):
    def separable(c_in, c_out, stride):
        return m.nn.Sequential(
            m.nn.Conv2d(c_in, c_in, 3, stride, 1, groups=c_in, bias=False),  # depthwise
            m.nn.BatchNorm2d(c_in),
            m.nn.ReLU(),
            m.nn.Conv2d(c_in, c_out, 1, bias=False),  # pointwise
            m.nn.BatchNorm2d(c_out),
            m.nn.ReLU(),
        )

    class MobileNetTiny(m.nn.Module):
        def __init__(self, classes=5):
            super().__init__()
            self.stem = m.nn.Sequential(
                m.nn.Conv2d(3, 8, 3, 2, 1, bias=False), m.nn.BatchNorm2d(8), m.nn.ReLU()
            )
            self.blocks = m.nn.Sequential(separable(8, 16, 1), separable(16, 32, 2))
            # dropout's draws differ between the libraries: the test sets p = 0 to train
            self.head = m.nn.Sequential(m.nn.Dropout(0.2), m.nn.Linear(32, classes))

        def forward(self, x):
            x = self.blocks(self.stem(x))
            return self.head(m.F.adaptive_avg_pool2d(x, 1).flatten(1))

    return MobileNetTiny()


def unet(m):
    def double_conv(c_in, c_out):
        return m.nn.Sequential(
            m.nn.Conv2d(c_in, c_out, 3, padding=1),
            m.nn.BatchNorm2d(c_out),
            m.nn.ReLU(),
            m.nn.Conv2d(c_out, c_out, 3, padding=1),
            m.nn.ReLU(),
        )

    class UNet(m.nn.Module):
        def __init__(self, classes=3):
            super().__init__()
            self.enc1, self.enc2 = double_conv(3, 8), double_conv(8, 16)
            self.bottom = double_conv(16, 32)
            self.up2 = m.nn.ConvTranspose2d(32, 16, 2, stride=2)
            self.dec2 = double_conv(32, 16)
            self.up1 = m.nn.ConvTranspose2d(16, 8, 2, stride=2)
            self.dec1 = double_conv(16, 8)
            self.out = m.nn.Conv2d(8, classes, 1)

        def forward(self, x):
            e1 = self.enc1(x)
            e2 = self.enc2(m.F.max_pool2d(e1, 2))
            b = self.bottom(m.F.max_pool2d(e2, 2))
            d2 = self.dec2(m.cat([self.up2(b), e2], 1))
            d1 = self.dec1(m.cat([self.up1(d2), e1], 1))
            return self.out(d1)

    return UNet()


def se_dense_net(m):
    """A squeeze-and-excitation gate, dense concatenations, GroupNorm, SiLU and Hardswish."""

    class SE(m.nn.Module):
        def __init__(self, c, r=2):
            super().__init__()
            self.fc1, self.fc2 = m.nn.Linear(c, c // r), m.nn.Linear(c // r, c)

        def forward(self, x):
            n, c = x.shape[:2]
            w = x.mean((2, 3))
            w = self.fc2(m.F.relu(self.fc1(w))).sigmoid()
            return x * w.view(n, c, 1, 1)

    class DenseSE(m.nn.Module):
        def __init__(self, classes=4):
            super().__init__()
            self.stem = m.nn.Conv2d(3, 4, 3, padding=1)
            self.grow = m.nn.ModuleList(
                [
                    m.nn.Sequential(
                        m.nn.GroupNorm(2, c), m.nn.SiLU(), m.nn.Conv2d(c, 4, 3, padding=1)
                    )
                    for c in (4, 8, 12)
                ]
            )
            self.se = SE(16)
            self.head = m.nn.Sequential(
                m.nn.Hardswish(),
                m.nn.AdaptiveMaxPool2d(1),
                m.nn.Flatten(),
                m.nn.Linear(16, classes),
            )

        def forward(self, x):
            features = [self.stem(x)]
            for layer in self.grow:
                features.append(layer(m.cat(features, 1)))
            return self.head(self.se(m.cat(features, 1)))

    return DenseSE()  # fmt: skip


def attention_net(m):
    """A non-local (self-attention) block over positions, LayerNorm on channels, a chunked
    gate and a channel shuffle: batched matmul, softmax, permute, view, chunk."""

    class Attention(m.nn.Module):
        def __init__(self, c):
            super().__init__()
            self.qkv = m.nn.Conv2d(c, 3 * c, 1)
            self.norm = m.nn.LayerNorm(c)

        def forward(self, x):
            n, c, h, w = x.shape
            q, k, v = self.qkv(x).view(n, 3 * c, h * w).chunk(3, 1)  # each (n, c, hw)
            att = (q.transpose(1, 2) @ k / c**0.5).softmax(-1)  # (n, hw, hw)
            out = (v @ att.transpose(1, 2)).view(n, c, h, w)
            out = self.norm(out.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
            return x + out

    class Net(m.nn.Module):
        def __init__(self, classes=3):
            super().__init__()
            self.conv = m.nn.Conv2d(3, 8, 3, stride=2, padding=1)
            self.attn = Attention(8)
            self.fc = m.nn.Linear(4, classes)

        def forward(self, x):
            x = m.F.leaky_relu(self.conv(x), 0.1)
            n, c, h, w = x.shape
            x = x.view(n, 2, c // 2, h, w).transpose(1, 2).reshape(n, c, h, w)  # shuffle
            x = self.attn(x)
            a, b = x.chunk(2, 1)
            x = a * b.sigmoid()  # a gated linear unit over channels
            return self.fc(m.F.avg_pool2d(x, x.shape[2]).flatten(1))

    return Net()


def conv1d_net(m):
    """A 1-D signal classifier: Conv1d, BatchNorm1d, MaxPool1d, AvgPool1d, ELU, Dropout."""
    return m.nn.Sequential(
        m.nn.Conv1d(2, 6, 5, padding=2),
        m.nn.BatchNorm1d(6),
        m.nn.ELU(),
        m.nn.MaxPool1d(2),
        m.nn.Conv1d(6, 8, 3, dilation=2),
        m.nn.ReLU6(),
        m.nn.AvgPool1d(2),
        m.nn.Flatten(),
        m.nn.Dropout(0.0),
        m.nn.Linear(8 * 3, 5),
        m.nn.BatchNorm1d(5),
    )


def inverted_residual(m, act, gate):
    """EfficientNet's (SiLU, a sigmoid gate) or MobileNetV3's (hardswish, hardsigmoid) block:
    1x1 expansion, depthwise 3x3, a squeeze-and-excitation gate, 1x1 projection, residual."""

    class Block(m.nn.Module):
        def __init__(self, c=4, hidden=12):
            super().__init__()
            self.expand = m.nn.Sequential(
                m.nn.Conv2d(c, hidden, 1), m.nn.BatchNorm2d(hidden), act()
            )
            self.dw = m.nn.Conv2d(hidden, hidden, 3, 1, 1, groups=hidden, bias=False)
            self.act = act()
            self.reduce, self.restore = m.nn.Conv2d(hidden, 3, 1), m.nn.Conv2d(3, hidden, 1)
            self.gate = gate()
            self.project = m.nn.Conv2d(hidden, c, 1)
            self.head = m.nn.Linear(c, 5)

        def forward(self, x):
            h = self.act(self.dw(self.expand(x)))
            s = self.gate(self.restore(self.act(self.reduce(m.F.adaptive_avg_pool2d(h, 1)))))
            y = x + self.project(h * s)
            return self.head(m.F.adaptive_avg_pool2d(y, 1).flatten(1))

    return Block()


def convnext_block(m):
    """ConvNeXt's block: depthwise 7x7, layer norm over the channels last, linear layers with
    GELU (exact and tanh), the input added back."""

    class Block(m.nn.Module):
        def __init__(self, c=6):
            super().__init__()
            self.dw = m.nn.Conv2d(c, c, 7, 1, 3, groups=c)
            self.norm = m.nn.LayerNorm(c)
            self.expand, self.project = m.nn.Linear(c, 4 * c), m.nn.Linear(4 * c, c)
            self.head = m.nn.Linear(c, 4)

        def forward(self, x):
            h = self.norm(self.dw(x).permute(0, 2, 3, 1))
            h = self.project(m.F.gelu(self.expand(h)))
            y = m.F.gelu(x + h.permute(0, 3, 1, 2), approximate="tanh")
            return self.head(y.mean((2, 3)))

    return Block()


MODELS = {  # builder, input shape, target: classes per sample, or per pixel
    "LeNet-5": (lenet5, (3, 1, 28, 28), 10),
    "ResNet-20": (resnet20, (2, 3, 16, 16), 10),
    "MobileNet block": (mobilenet, (3, 3, 12, 12), 5),
    "U-Net": (unet, (2, 3, 8, 8), "pixels"),
    "SE-DenseNet": (se_dense_net, (3, 3, 6, 6), 4),
    "attention": (attention_net, (2, 3, 8, 8), 3),
    "Conv1d net": (conv1d_net, (4, 2, 20), 5),
    "EfficientNet block": (
        lambda m: inverted_residual(m, m.nn.SiLU, m.nn.Sigmoid),
        (3, 4, 7, 7),
        5,
    ),
    "MobileNetV3 block": (
        lambda m: inverted_residual(m, m.nn.Hardswish, m.nn.Hardsigmoid),
        (3, 4, 7, 7),
        5,
    ),
    "ConvNeXt block": (convnext_block, (2, 6, 9, 9), 4),
}


def _pair(name, direction):
    build, shape, classes = MODELS[name]
    torch.manual_seed(0)
    theirs = build(TORCH).double()
    ours = build(OURS).double()
    rng = np.random.default_rng(0)
    with torch.no_grad():  # BatchNorm starts at ones and zeros: perturb every parameter
        for p in theirs.parameters():
            p.add_(0.1 * torch.tensor(rng.standard_normal(tuple(p.shape))))
    if direction == "torch_to_ours":
        ours.load_state_dict(theirs.state_dict())
    else:
        theirs.load_state_dict(to_torch_state(ours.state_dict()))
    x = rng.standard_normal(shape)
    if classes == "pixels":
        target = rng.integers(0, 3, (shape[0], *shape[2:]))
    else:
        target = rng.integers(0, classes, shape[0])
    return ours, theirs, x, target


def _step(ours, theirs, x, target):
    ours.zero_grad(), theirs.zero_grad()
    cx = cg.tensor(x, requires_grad=True)
    logits = ours(cx)
    loss = nn.CrossEntropyLoss()(logits, target)
    assert isinstance(loss, cg.Tensor) and isinstance(loss.item(), float)
    loss.backward()
    tx = torch.tensor(x, requires_grad=True)
    tlogits = theirs(tx)
    tloss = torch.nn.CrossEntropyLoss()(tlogits, torch.tensor(target))
    tloss.backward()
    np.testing.assert_allclose(logits.data, tlogits.detach().numpy(), **CLOSE)
    np.testing.assert_allclose(loss.item(), tloss.item(), **CLOSE)
    np.testing.assert_allclose(cx.grad, tx.grad.numpy(), **CLOSE, err_msg="input")
    twin = dict(theirs.named_parameters())
    names = [name for name, _ in ours.named_parameters()]
    assert names == list(twin)
    for name, p in ours.named_parameters():
        assert p.grad is not None, name
        np.testing.assert_allclose(p.grad, twin[name].grad.numpy(), **CLOSE, err_msg=name)
    state = theirs.state_dict()
    for key, value in ours.state_dict().items():
        np.testing.assert_allclose(value, state[key].numpy(), **CLOSE, err_msg=key)


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("direction", ["torch_to_ours", "ours_to_torch"])
def test_model_matches_its_torch_twin(name, direction):
    ours, theirs, x, target = _pair(name, direction)
    ours.eval(), theirs.eval()  # first eval: dropout off, the running statistics as loaded
    _step(ours, theirs, x, target)
    if name == "MobileNet block":  # dropout draws differ between the libraries
        ours.head[0].p = theirs.head[0].p = 0.0
    ours.train(), theirs.train()
    for _ in range(2):  # training: batch statistics, running statistics move
        _step(ours, theirs, x, target)


def test_a_shared_layer_collects_both_uses():
    def build(m):
        class Shared(m.nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = m.nn.Linear(4, 4)

            def forward(self, x):
                return self.fc(m.F.gelu(self.fc(x))) + x

        return Shared()

    torch.manual_seed(1)
    theirs = build(TORCH).double()
    ours = build(OURS).double()
    ours.load_state_dict(theirs.state_dict())
    x = np.random.default_rng(1).standard_normal((3, 4))
    loss = ours(cg.tensor(x)).sum()
    loss.backward()
    theirs(torch.tensor(x)).sum().backward()
    np.testing.assert_allclose(ours.fc.weight.grad, theirs.fc.weight.grad.numpy(), **CLOSE)


def test_library_resnet20_trains_through_the_tape_saves_and_matches_its_torch_twin(tmp_path):
    """``convgrad train --model resnet20``'s path: a short run lowers the loss; the saved
    model reloads to the same logits, and its torch twin (from the same builder) gives them."""
    from convgrad.data import load_digits
    from convgrad.training import Settings, load_classifier, torch_model, train

    digits = load_digits()
    split = digits._replace(x_train=digits.x_train[:96], y_train=digits.y_train[:96])
    split = split._replace(x_test=split.x_test[:40], y_test=split.y_test[:40])
    classifier, history = train(split, Settings(model="resnet20", epochs=2, batch_size=32))
    assert history[1]["train_loss"] < history[0]["train_loss"]
    classifier.save(tmp_path / "model.npz")
    again = load_classifier(tmp_path / "model.npz")
    x = split.x_test[:8]
    np.testing.assert_array_equal(again.logits(x), classifier.logits(x))
    twin = torch_model(classifier.config).eval()
    twin.load_state_dict(to_torch_state(classifier.model.state_dict()))
    with torch.no_grad():
        theirs = twin(torch.from_numpy((x - classifier.mean) / classifier.std)).numpy()
    np.testing.assert_allclose(classifier.logits(x), theirs, rtol=1e-4, atol=1e-5)  # float32


def autoencoder(m):
    """An encoder-decoder ending in logits for BCE: strided convs, Upsample, ConvTranspose2d,
    named Sequential stages (an OrderedDict), a frozen first layer."""
    from collections import OrderedDict

    class AE(m.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = m.nn.Sequential(
                OrderedDict(
                    [
                        ("conv", m.nn.Conv2d(1, 4, 3, stride=2, padding=1)),
                        ("act", m.nn.Tanh()),
                        ("conv2", m.nn.Conv2d(4, 8, 3, stride=2, padding=1)),
                    ]
                )
            )
            self.up = m.nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
            self.decode = m.nn.ConvTranspose2d(8, 1, 4, stride=2, padding=1)

        def forward(self, x):
            return self.decode(m.F.relu(self.up(self.encoder(x))))

    return AE()  # fmt: skip


def test_autoencoder_with_bce_and_a_frozen_layer_matches_torch():
    torch.manual_seed(2)
    theirs = autoencoder(TORCH).double()
    ours = autoencoder(OURS).double()
    ours.load_state_dict(theirs.state_dict())
    assert list(ours.state_dict()) == list(theirs.state_dict())
    ours.encoder.conv.requires_grad_(False), theirs.encoder.conv.requires_grad_(False)
    rng = np.random.default_rng(3)
    x = rng.random((2, 1, 8, 8))
    loss = nn.BCEWithLogitsLoss()(ours(cg.tensor(x)), x)
    loss.backward()
    tloss = torch.nn.BCEWithLogitsLoss()(theirs(torch.tensor(x)), torch.tensor(x))
    tloss.backward()
    np.testing.assert_allclose(loss.item(), tloss.item(), **CLOSE)
    twin = dict(theirs.named_parameters())
    for name, p in ours.named_parameters():
        if twin[name].grad is None:
            assert p.grad is None, name  # frozen: no gradient
        else:
            np.testing.assert_allclose(p.grad, twin[name].grad.numpy(), **CLOSE, err_msg=name)
    assert ours.encoder.conv.weight.grad is None
