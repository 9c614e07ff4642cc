"""``convgrad.nn`` layers against their PyTorch twins, in float64, through ``state_dict``.

Each layer is built in both libraries, weights are copied across with ``load_state_dict`` (one
direction, then the other), and the forward output, ``dx`` and every parameter's gradient must
agree to 1e-12. Then: BatchNorm's running statistics over several steps and in eval mode, the
module API (names, state dicts, modes, accumulation, repr), initialisation statistics, dropout,
and the README's training step end to end.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch

import convgrad as cg
from convgrad import nn
from oracle import to_torch_state, torch_module_grads

TIGHT = dict(rtol=1e-12, atol=1e-12)
F64 = dict(dtype=np.float64)

# name -> (our layer, torch's twin, input shape); layers with parameters get float64 params
LAYERS = {
    "Conv1d": (
        lambda: nn.Conv1d(2, 4, 3, stride=2, padding=1, **F64),
        lambda: torch.nn.Conv1d(2, 4, 3, stride=2, padding=1),
        (2, 2, 7),
    ),
    "Conv2d": (
        lambda: nn.Conv2d(2, 4, 3, padding=1, **F64),
        lambda: torch.nn.Conv2d(2, 4, 3, padding=1),
        (2, 2, 5, 5),
    ),
    "Conv2d grouped reflect no-bias": (
        lambda: nn.Conv2d(4, 6, (3, 2), 2, 1, 1, 2, False, "reflect", **F64),
        lambda: torch.nn.Conv2d(4, 6, (3, 2), 2, 1, 1, 2, False, "reflect"),
        (2, 4, 6, 5),
    ),
    "Conv2d same dilated": (
        lambda: nn.Conv2d(2, 3, 3, padding="same", dilation=2, **F64),
        lambda: torch.nn.Conv2d(2, 3, 3, padding="same", dilation=2),
        (1, 2, 6, 5),
    ),
    "Conv3d": (
        lambda: nn.Conv3d(2, 3, 2, padding=1, **F64),
        lambda: torch.nn.Conv3d(2, 3, 2, padding=1),
        (2, 2, 3, 4, 3),
    ),
    "ConvTranspose2d": (
        lambda: nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1, groups=2, **F64),
        lambda: torch.nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1, groups=2),
        (2, 4, 3, 4),
    ),
    "Linear": (lambda: nn.Linear(5, 3, **F64), lambda: torch.nn.Linear(5, 3), (4, 5)),
    "Linear no-bias 3-D": (
        lambda: nn.Linear(5, 3, bias=False, **F64),
        lambda: torch.nn.Linear(5, 3, bias=False),
        (2, 4, 5),
    ),
    "ReLU": (nn.ReLU, torch.nn.ReLU, (2, 3, 4)),
    "LeakyReLU": (lambda: nn.LeakyReLU(0.2), lambda: torch.nn.LeakyReLU(0.2), (2, 3, 4)),
    "Sigmoid": (nn.Sigmoid, torch.nn.Sigmoid, (2, 3, 4)),
    "Tanh": (nn.Tanh, torch.nn.Tanh, (2, 3, 4)),
    "MaxPool2d": (lambda: nn.MaxPool2d(2), lambda: torch.nn.MaxPool2d(2), (2, 3, 5, 4)),
    "MaxPool2d overlapping ceil": (
        lambda: nn.MaxPool2d(3, 2, 1, ceil_mode=True),
        lambda: torch.nn.MaxPool2d(3, 2, 1, ceil_mode=True),
        (2, 3, 6, 5),
    ),
    "AvgPool2d": (
        lambda: nn.AvgPool2d(3, 2, 1, count_include_pad=False),
        lambda: torch.nn.AvgPool2d(3, 2, 1, count_include_pad=False),
        (2, 3, 6, 5),
    ),
    "AdaptiveAvgPool2d": (
        lambda: nn.AdaptiveAvgPool2d((3, 2)),
        lambda: torch.nn.AdaptiveAvgPool2d((3, 2)),
        (2, 3, 7, 5),
    ),
    "BatchNorm2d": (
        lambda: nn.BatchNorm2d(3, **F64),
        lambda: torch.nn.BatchNorm2d(3),
        (4, 3, 2, 3),
    ),
    "Flatten": (nn.Flatten, torch.nn.Flatten, (2, 3, 2, 2)),
    "Flatten 1..2": (lambda: nn.Flatten(1, 2), lambda: torch.nn.Flatten(1, 2), (2, 3, 2, 2)),
    "Dropout eval": (lambda: nn.Dropout(0.3).eval(), lambda: torch.nn.Dropout(0.3).eval(), (5,)),
}

# the layers added with the tape: their explicit backward is read from it
LAYERS.update(
    {
        "BatchNorm1d": (lambda: nn.BatchNorm1d(3, **F64), lambda: torch.nn.BatchNorm1d(3), (5, 3)),
        "BatchNorm1d 3-D": (
            lambda: nn.BatchNorm1d(3, momentum=None, **F64),
            lambda: torch.nn.BatchNorm1d(3, momentum=None),
            (4, 3, 2),
        ),
        "LayerNorm": (
            lambda: nn.LayerNorm((3, 4), **F64),
            lambda: torch.nn.LayerNorm((3, 4)),
            (2, 5, 3, 4),
        ),
        "LayerNorm no-bias": (
            lambda: nn.LayerNorm(4, eps=1e-3, bias=False, **F64),
            lambda: torch.nn.LayerNorm(4, eps=1e-3, bias=False),
            (2, 4),
        ),
        "GELU": (nn.GELU, torch.nn.GELU, (2, 3, 4)),
        "GELU tanh": (lambda: nn.GELU("tanh"), lambda: torch.nn.GELU("tanh"), (2, 3)),
        "Softmax": (lambda: nn.Softmax(1), lambda: torch.nn.Softmax(1), (2, 3, 4)),
        "LogSoftmax": (lambda: nn.LogSoftmax(-1), lambda: torch.nn.LogSoftmax(-1), (2, 5)),
        "MaxPool1d": (
            lambda: nn.MaxPool1d(3, 2, 1),
            lambda: torch.nn.MaxPool1d(3, 2, 1),
            (2, 3, 8),
        ),
        "AvgPool1d": (lambda: nn.AvgPool1d(2), lambda: torch.nn.AvgPool1d(2), (2, 3, 7)),
        "AdaptiveMaxPool2d": (
            lambda: nn.AdaptiveMaxPool2d((2, 3)),
            lambda: torch.nn.AdaptiveMaxPool2d((2, 3)),
            (2, 3, 5, 7),
        ),
        "Upsample nearest": (
            lambda: nn.Upsample(scale_factor=2),
            lambda: torch.nn.Upsample(scale_factor=2),
            (2, 3, 3, 2),
        ),
        "Upsample bilinear": (
            lambda: nn.Upsample(size=(5, 4), mode="bilinear", align_corners=False),
            lambda: torch.nn.Upsample(size=(5, 4), mode="bilinear", align_corners=False),
            (2, 3, 3, 2),
        ),
        "Identity": (nn.Identity, torch.nn.Identity, (2, 3)),
        "ReLU6": (nn.ReLU6, torch.nn.ReLU6, (2, 3, 4)),
        "Hardtanh": (lambda: nn.Hardtanh(-2, 1), lambda: torch.nn.Hardtanh(-2, 1), (2, 3)),
        "SiLU": (nn.SiLU, torch.nn.SiLU, (2, 3)),
        "Hardswish": (nn.Hardswish, torch.nn.Hardswish, (4, 5)),
        "Hardsigmoid": (nn.Hardsigmoid, torch.nn.Hardsigmoid, (4, 5)),
        "ELU": (lambda: nn.ELU(0.5), lambda: torch.nn.ELU(0.5), (2, 3)),
        "Softplus": (lambda: nn.Softplus(2.0), lambda: torch.nn.Softplus(2.0), (2, 3)),
        "GroupNorm": (
            lambda: nn.GroupNorm(3, 6, **F64),
            lambda: torch.nn.GroupNorm(3, 6),
            (2, 6, 2, 3),
        ),
        "Dropout2d eval": (
            lambda: nn.Dropout2d(0.3).eval(),
            lambda: torch.nn.Dropout2d(0.3).eval(),
            (2, 3, 2, 2),
        ),
    }
)


def _twins(name, seed=0):
    ours_fn, theirs_fn, shape = LAYERS[name]
    torch.manual_seed(seed)
    theirs = theirs_fn().double()
    ours = ours_fn()
    rng = np.random.default_rng(seed)
    with torch.no_grad():  # BatchNorm's weight and bias start as ones and zeros: perturb them
        for p in theirs.parameters():
            p.copy_(torch.tensor(rng.standard_normal(tuple(p.shape))))
    return ours, theirs, shape, rng


def _assert_same_state(ours, theirs):
    mine = ours.state_dict()
    other = theirs.state_dict()
    assert list(mine) == list(other)  # the same keys, in the same order
    for key in other:
        assert mine[key].shape == tuple(other[key].shape), key
        np.testing.assert_allclose(mine[key], other[key].numpy(), **TIGHT, err_msg=key)


def _compare(ours, theirs, x, rng):
    y = ours(x)
    dy = rng.standard_normal(y.shape)
    dx = ours.backward(dy)
    ty, tdx, tgrads = torch_module_grads(theirs, x, dy)
    assert y.shape == ty.shape and dx.shape == x.shape
    np.testing.assert_allclose(y, ty, **TIGHT, err_msg="y")
    np.testing.assert_allclose(dx, tdx, **TIGHT, err_msg="dx")
    grads = {name: p.grad for name, p in ours.named_parameters()}
    assert grads.keys() == tgrads.keys()
    for name, g in grads.items():
        np.testing.assert_allclose(g, tgrads[name], **TIGHT, err_msg=f"d{name}")


@pytest.mark.parametrize("name", LAYERS)
@pytest.mark.parametrize("direction", ["torch_to_ours", "ours_to_torch"])
def test_layer_matches_its_torch_twin(name, direction):
    ours, theirs, shape, rng = _twins(name)
    if direction == "torch_to_ours":
        ours.load_state_dict(theirs.state_dict())
    else:
        theirs.load_state_dict(to_torch_state(ours.state_dict()))
    _assert_same_state(ours, theirs)
    _compare(ours, theirs, 2 * rng.standard_normal(shape), rng)
    _assert_same_state(ours, theirs)  # BatchNorm's running statistics moved the same way


@pytest.mark.parametrize(
    ("momentum", "affine", "track"),
    [(0.1, True, True), (None, True, True), (0.3, False, True), (0.1, True, False)],
)
def test_batchnorm_running_statistics_and_modes_match_torch(momentum, affine, track):
    ours = nn.BatchNorm2d(3, momentum=momentum, affine=affine, track_running_stats=track, **F64)
    theirs = torch.nn.BatchNorm2d(3, momentum=momentum, affine=affine, track_running_stats=track)
    theirs = theirs.double()
    rng = np.random.default_rng(5)
    for _ in range(4):  # training steps: batch statistics, running update
        x = rng.normal(3.0, 2.0, (4, 3, 3, 2))
        _compare(ours, theirs, x, rng)
        _assert_same_state(ours, theirs)
    if track:
        assert int(ours.num_batches_tracked) == 4
        assert ours.num_batches_tracked.dtype == np.int64
    ours.eval(), theirs.eval()
    ours.zero_grad(), theirs.zero_grad()
    x = rng.normal(3.0, 2.0, (2, 3, 3, 2))
    _compare(ours, theirs, x, rng)  # eval: running statistics
    _assert_same_state(ours, theirs)  # and they do not move


def test_backward_accumulates_into_grad_like_torch():
    ours, theirs, shape, rng = _twins("Conv2d")
    ours.load_state_dict(theirs.state_dict())
    x, dy = rng.standard_normal(shape), rng.standard_normal((2, 4, 5, 5))
    for _ in range(2):
        ours(x)
        ours.backward(dy)
        torch_module_grads(theirs, x, dy)  # accumulates too
    np.testing.assert_allclose(ours.weight.grad, theirs.weight.grad.numpy(), **TIGHT)
    ours.zero_grad()
    assert all(p.grad is None for p in ours.parameters())


def test_readme_training_step_matches_torch():
    nn.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1, **F64),
        nn.BatchNorm2d(8, **F64),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(8 * 4 * 4, 10, **F64),
    )
    twin = torch.nn.Sequential(
        torch.nn.Conv2d(1, 8, 3, padding=1),
        torch.nn.BatchNorm2d(8),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(8 * 4 * 4, 10),
    ).double()
    twin.load_state_dict(to_torch_state(model.state_dict()))
    rng = np.random.default_rng(0)
    x, labels = rng.standard_normal((6, 1, 8, 8)), rng.integers(0, 10, 6)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    for _ in range(3):  # a few plain SGD steps, ours by hand, torch's by its optimiser
        loss = loss_fn(model(x), labels)
        assert isinstance(loss, float)
        dx = model.backward(loss_fn.backward())
        tx = torch.tensor(x, requires_grad=True)
        tloss = torch.nn.CrossEntropyLoss(label_smoothing=0.1)(twin(tx), torch.tensor(labels))
        tloss.backward()
        np.testing.assert_allclose(loss, tloss.item(), **TIGHT)
        np.testing.assert_allclose(dx, tx.grad.numpy(), **TIGHT)
        theirs = dict(twin.named_parameters())
        for name, p in model.named_parameters():
            np.testing.assert_allclose(p.grad, theirs[name].grad.numpy(), **TIGHT, err_msg=name)
            p.data -= 0.1 * p.grad
        with torch.no_grad():
            for p in twin.parameters():
                p -= 0.1 * p.grad
        model.zero_grad(), twin.zero_grad()
    _assert_same_state_close(model, twin)
    model.eval(), twin.eval()
    np.testing.assert_allclose(model(x), twin(torch.tensor(x)).detach().numpy(), **TIGHT)


def _assert_same_state_close(ours, theirs):
    other = theirs.state_dict()
    for key, value in ours.state_dict().items():
        np.testing.assert_allclose(value, other[key].numpy(), **TIGHT, err_msg=key)


@pytest.mark.parametrize(
    ("loss", "reduction"),
    [("CrossEntropyLoss", r) for r in ("mean", "sum", "none")]
    + [("MSELoss", r) for r in ("mean", "sum", "none")],
)
def test_loss_modules_match_torch(loss, reduction):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 3))
    target = rng.integers(0, 3, 4) if loss == "CrossEntropyLoss" else rng.standard_normal((4, 3))
    ours, theirs = (
        getattr(nn, loss)(reduction=reduction),
        getattr(torch.nn, loss)(reduction=reduction),
    )
    value = ours(x, target)
    grad = rng.standard_normal(np.shape(value)) if reduction == "none" else 0.7
    dx = ours.backward(grad)
    tx = torch.tensor(x, requires_grad=True)
    tvalue = theirs(tx, torch.tensor(target))
    tvalue.backward(torch.tensor(grad, dtype=torch.float64))
    assert isinstance(value, np.ndarray if reduction == "none" else float)
    np.testing.assert_allclose(value, tvalue.detach().numpy(), **TIGHT)
    np.testing.assert_allclose(dx, tx.grad.numpy(), **TIGHT)


# --- initialisation -----------------------------------------------------------------------------

INIT = {
    # layer, weight fan_in as PyTorch computes it (weight.shape[1] * kernel size)
    "Conv2d": (lambda rng: nn.Conv2d(6, 40, (3, 2), groups=2, rng=rng), 3 * 3 * 2),
    "Conv1d": (lambda rng: nn.Conv1d(4, 50, 5, rng=rng), 4 * 5),
    "ConvTranspose2d": (lambda rng: nn.ConvTranspose2d(40, 6, 3, groups=2, rng=rng), 3 * 3 * 3),
    "Linear": (lambda rng: nn.Linear(30, 40, rng=rng), 30),
}


@pytest.mark.parametrize("name", INIT)
def test_initialisation_is_torchs_uniform_bound(name):
    # U(-b, b) with b = 1 / sqrt(fan_in): the largest |w| of ~1000 draws is within 1% of b, and
    # the variance within 10% of b**2 / 3; a wrong fan_in (off by a factor of 2 or more) moves
    # the bound by 30% or more
    layer_fn, fan_in = INIT[name]
    layer = layer_fn(np.random.default_rng(0))
    bound = 1 / np.sqrt(fan_in)
    for p in (layer.weight.data, layer.bias.data):
        assert p.dtype == np.float32
        assert np.abs(p).max() <= bound
    w = layer.weight.data.astype(np.float64)
    assert np.abs(w).max() > 0.99 * bound
    assert abs(w.var() / (bound**2 / 3) - 1) < 0.1
    assert abs(w.mean()) < 0.1 * bound
    # torch's own layer, same shape, same bound
    twin = getattr(torch.nn, name)(*_torch_args(layer))
    assert np.abs(twin.weight.detach().numpy()).max() <= bound + 1e-7


def _torch_args(layer):
    if isinstance(layer, nn.Linear):
        return (layer.in_features, layer.out_features)
    return (
        (layer.in_channels, layer.out_channels, layer.kernel_size, 1, 0, 1, layer.groups)
        if not isinstance(layer, nn.ConvTranspose2d)
        else (layer.in_channels, layer.out_channels, layer.kernel_size, 1, 0, 0, layer.groups)
    )


def test_batchnorm_initial_state_matches_torch():
    _assert_same_state(nn.BatchNorm2d(5), torch.nn.BatchNorm2d(5).float())


def test_same_seed_same_numbers():
    def build():
        nn.manual_seed(7)
        return nn.Sequential(nn.Conv2d(1, 2, 3), nn.Dropout(0.5), nn.Linear(3, 2))

    a, b = build(), build()
    for (ka, va), (kb, vb) in zip(a.state_dict().items(), b.state_dict().items()):
        assert ka == kb and np.array_equal(va, vb)
    nn.manual_seed(3)
    first = nn.Dropout(0.5)(np.ones(20))
    nn.manual_seed(3)
    assert np.array_equal(first, nn.Dropout(0.5)(np.ones(20)))


# --- dropout ------------------------------------------------------------------------------------


def test_dropout_is_inverted_and_backward_uses_the_same_mask():
    drop = nn.Dropout(0.25, rng=np.random.default_rng(0))
    x = np.random.default_rng(1).standard_normal(20000)
    y = drop(x)
    kept = y != 0
    assert abs(kept.mean() - 0.75) < 0.01
    np.testing.assert_allclose(y[kept], x[kept] / 0.75)
    dy = np.ones_like(x)
    np.testing.assert_array_equal(drop.backward(dy), np.where(kept, 1 / 0.75, 0.0))
    drop.eval()
    z = drop(x)
    np.testing.assert_array_equal(z, x)
    assert not np.shares_memory(z, x)
    assert np.array_equal(nn.Dropout(1.0)(x), np.zeros_like(x))
    assert nn.Dropout(0.5)(x.astype(np.float32)).dtype == np.float32


# --- the module API -----------------------------------------------------------------------------


def _model():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1),
        nn.BatchNorm2d(8),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(8 * 4 * 4, 10),
    )


def _torch_model():
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 8, 3, padding=1),
        torch.nn.BatchNorm2d(8),
        torch.nn.ReLU(),
        torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(8 * 4 * 4, 10),
    )


def test_names_state_dict_and_repr_are_torchs():
    ours, theirs = _model(), _torch_model()
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
    state = ours.state_dict()
    assert [(k, v.shape) for k, v in state.items()] == [
        (k, tuple(v.shape)) for k, v in theirs.state_dict().items()
    ]
    assert repr(ours) == _repr(theirs)
    for layer in (
        nn.Conv2d(2, 4, 3, stride=2, padding=(1, 0), groups=2, bias=False, padding_mode="reflect"),
        nn.LeakyReLU(0.2),
        nn.AvgPool2d(3, 2, 1),
        nn.AdaptiveAvgPool2d((2, 3)),
        nn.Dropout(0.3),
        nn.BatchNorm2d(3, momentum=None, affine=False),
        nn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=1),
        nn.Flatten(),
        nn.CrossEntropyLoss(),
    ):
        name = type(layer).__name__
        args = {
            "Conv2d": (2, 4, 3, 2, (1, 0), 1, 2, False, "reflect"),
            "LeakyReLU": (0.2,),
            "AvgPool2d": (3, 2, 1),
            "AdaptiveAvgPool2d": ((2, 3),),
            "Dropout": (0.3,),
            "BatchNorm2d": (3, 1e-5, None, False),
            "ConvTranspose2d": (4, 2, 3, 2, 0, 1),
        }.get(name, ())
        assert repr(layer) == _repr(getattr(torch.nn, name)(*args))


def _repr(torch_module):
    """torch's repr; before 2.13 BatchNorm's lacked ``bias=``, which ours shows."""
    text = repr(torch_module)
    if "BatchNorm2d" in text and "bias=" not in text:
        text = re.sub(r"affine=(\w+), ", lambda m: f"{m[0]}bias={m[1]}, ", text)
    return text


def test_state_dict_holds_copies_and_load_state_dict_checks_keys_and_shapes():
    model = _model()
    state = model.state_dict()
    state["0.weight"] += 1
    assert not np.array_equal(state["0.weight"], model[0].weight.data)
    model.load_state_dict(state)
    np.testing.assert_array_equal(model[0].weight.data, state["0.weight"])
    assert model[0].weight.data.dtype == np.float32
    assert not np.shares_memory(model[0].weight.data, state["0.weight"])

    missing = {k: v for k, v in state.items() if k != "1.num_batches_tracked"}
    with pytest.raises(ValueError, match=r"missing keys \['1.num_batches_tracked'\]"):
        model.load_state_dict(missing)
    with pytest.raises(ValueError, match=r"unexpected keys \['extra'\]"):
        model.load_state_dict({**state, "extra": np.zeros(1)})
    result = model.load_state_dict({**missing, "extra": np.zeros(1)}, strict=False)
    assert result.missing_keys == ["1.num_batches_tracked"] and result.unexpected_keys == ["extra"]
    before = model.state_dict()
    wrong = {**state, "0.bias": np.zeros(3), "5.bias": np.ones(10)}
    with pytest.raises(ValueError, match=r"0\.bias must have shape \(8,\); got shape \(3,\)"):
        model.load_state_dict(wrong)
    np.testing.assert_array_equal(model[5].bias.data, before["5.bias"])  # nothing changed


def test_modes_indexing_and_traversal():
    model = _model()
    assert model.training and all(m.training for m in model.modules())
    assert model.eval() is model and not any(m.training for m in model.modules())
    assert model.train() is model and all(m.training for m in model.modules())
    assert len(model) == 6 and isinstance(model[0], nn.Conv2d) and isinstance(model[-1], nn.Linear)
    assert [type(m) for m in model] == [type(m) for m in model.children()]
    head = model[4:]
    assert [n for n, _ in head.named_parameters()] == ["5.weight", "5.bias"]  # names kept
    assert len(list(model.modules())) == 7
    assert [n for n, _ in model.named_buffers()] == [
        "1.running_mean",
        "1.running_var",
        "1.num_batches_tracked",
    ]


def test_backward_before_forward_and_bad_constructor_arguments():
    with pytest.raises(RuntimeError, match="before forward"):
        nn.Linear(2, 3).backward(np.ones((1, 3)))
    bad = [
        (lambda: nn.Conv2d(3, 4, 3, groups=2), ValueError, "groups"),
        (lambda: nn.Conv2d(0, 4, 3), ValueError, "in_channels"),
        (lambda: nn.Conv2d(2, 4, 3, padding_mode="mirror"), ValueError, "padding_mode"),
        (lambda: nn.Conv2d(2, 4, 0), ValueError, "kernel_size"),
        (lambda: nn.Linear(2, 3, bias=1), TypeError, "bias"),
        (lambda: nn.MaxPool2d(2, padding=2), ValueError, "padding"),
        (lambda: nn.AvgPool2d(0), ValueError, "kernel_size"),
        (lambda: nn.BatchNorm2d(0), ValueError, "num_features"),
        (lambda: nn.Dropout(1.5), ValueError, "p"),
        (lambda: nn.CrossEntropyLoss(reduction="avg"), ValueError, "reduction"),
        (lambda: nn.Sequential(nn.ReLU(), np.ones(2)), TypeError, "Module"),
        (lambda: nn.Linear(2, 3, rng=0), TypeError, "rng"),
        (lambda: nn.BatchNorm2d(3)(np.ones((2, 3, 4))), ValueError, "(2, 3, 4)"),
    ]
    for call, exc, fragment in bad:
        with pytest.raises(exc) as info:
            call()
        assert type(info.value) is exc and fragment in str(info.value), str(info.value)


@pytest.mark.parametrize("name", LAYERS)
def test_layers_leave_their_input_alone_and_return_fresh_arrays(name):
    layer, _, shape, rng = _twins(name)
    x = rng.uniform(0.5, 1.5, shape)  # positive: ReLU and friends are the identity here
    copy = x.copy()
    x.flags.writeable = False
    y = layer(x)
    dy = np.ones_like(y)
    dy.flags.writeable = False
    dx = layer.backward(dy)
    for out in (y, dx):
        assert out.flags.writeable and not np.shares_memory(out, x)
        assert not np.shares_memory(out, dy)
    np.testing.assert_array_equal(x, copy)


class _CountingDict(dict):
    """A children registry that counts the names any loop over it visits."""

    visited = 0

    def __iter__(self):
        for key in super().__iter__():
            _CountingDict.visited += 1
            yield key

    def keys(self):
        return list(iter(self))


@pytest.mark.parametrize("start", ["empty", "slice", "named_child"])
def test_sequential_append_is_linear(start):
    # counting the names visited, not time: n appends must visit O(n) names, not n * n / 2
    seq = {
        "empty": lambda: nn.Sequential(),
        "slice": lambda: nn.Sequential(nn.ReLU(), nn.ReLU(), nn.ReLU())[1:],  # names "1", "2"
        "named_child": lambda: nn.Sequential(nn.ReLU()),
    }[start]()
    if start == "named_child":
        setattr(seq, "5", nn.Tanh())  # a child set by name: appends go on after it
    seq.__dict__["_modules"] = _CountingDict(seq.__dict__["_modules"])
    before = len(seq)
    _CountingDict.visited = 0
    n = 3000
    added = [nn.ReLU() for _ in range(n)]
    for m in added:
        seq.append(m)
    assert _CountingDict.visited <= 10 + before, _CountingDict.visited
    names = list(dict.keys(seq.__dict__["_modules"]))
    assert len(seq) == before + n and len(set(names)) == len(names)  # nothing overwritten
    assert list(seq)[before:] == added


def _small_model(dtype=np.float32):
    return nn.Sequential(nn.Linear(2, 3, dtype=dtype), nn.BatchNorm2d(3, dtype=dtype))


@pytest.mark.parametrize(
    ("key", "value", "exc", "fragment"),
    [
        ("0.weight", np.full((3, 2), None, dtype=object), TypeError, "dtype object"),
        ("0.weight", np.full((3, 2), "1.0"), TypeError, "dtype <U3"),
        ("0.weight", np.ones((3, 2), dtype=complex), TypeError, "dtype complex128"),
        ("0.bias", [[1.0], [2.0, 3.0]], TypeError, "array of numbers"),
        ("0.bias", np.ones(4), ValueError, "shape (3,)"),
        ("0.weight", np.ones((2, 3)), ValueError, "shape (3, 2)"),
        ("0.weight", np.full((3, 2), 1e300), ValueError, "would load as inf"),
        ("1.running_var", np.array([1.0, 2.0, -1e40]), ValueError, "would load as inf"),
        ("1.num_batches_tracked", np.array(2.5), ValueError, "whole numbers"),
        ("1.num_batches_tracked", np.array(np.nan), ValueError, "whole numbers"),
    ],
)
def test_load_state_dict_refuses_bad_values_and_changes_nothing(key, value, exc, fragment):
    model = _small_model()
    before = model.state_dict()
    good = {k: v + 1 for k, v in before.items()}  # every other entry valid and different
    with pytest.raises(exc) as info:
        model.load_state_dict({**good, key: value})
    message = str(info.value)
    assert type(info.value) is exc and key in message and fragment in message, message
    after = model.state_dict()
    assert all(np.array_equal(before[k], after[k]) for k in before)  # nothing was assigned


def test_load_state_dict_keeps_infinities_and_exact_casts():
    model = _small_model()
    state = {
        k: v.astype(np.float64) if v.dtype.kind == "f" else v for k, v in model.state_dict().items()
    }
    state["0.bias"] = np.array([np.inf, -np.inf, np.nan])  # already not finite: loads as is
    state["1.num_batches_tracked"] = np.array(7.0)
    state["0.weight"] = np.full((3, 2), 3.4e38)  # within float32's range
    model.load_state_dict(state)
    bias = model.state_dict()["0.bias"]
    assert np.isposinf(bias[0]) and np.isneginf(bias[1]) and np.isnan(bias[2])
    assert model.state_dict()["1.num_batches_tracked"] == 7
    assert model.state_dict()["0.weight"].dtype == np.float32


# --- the tape: Tensors through the same layers --------------------------------------------------


@pytest.mark.parametrize("name", LAYERS)
@pytest.mark.parametrize("training", [True, False])
def test_tensor_path_equals_explicit_path(name, training):
    """A layer called on a Tensor records the tape; ``loss.backward()`` then gives the same
    numbers as the explicit ``layer.backward(dy)`` on arrays (and the running statistics move
    the same way)."""
    explicit, _, shape, rng = _twins(name)
    taped = LAYERS[name][0]()
    taped.load_state_dict(explicit.state_dict())
    explicit.train(training), taped.train(training)
    x = 2 * rng.standard_normal(shape)
    nn.manual_seed(7)  # dropout in training: the same mask on both paths
    y = explicit(x)
    dy = rng.standard_normal(y.shape)
    dx = explicit.backward(dy)
    tx = cg.tensor(x, requires_grad=True)
    nn.manual_seed(7)
    ty = taped(tx)
    assert isinstance(ty, cg.Tensor)
    (ty * dy).sum().backward()
    np.testing.assert_allclose(ty.data, y, **TIGHT)
    np.testing.assert_allclose(tx.grad, dx, **TIGHT)
    for (key, p), q in zip(explicit.named_parameters(), taped.parameters()):
        np.testing.assert_allclose(q.grad, p.grad, **TIGHT, err_msg=key)
    _assert_state_equal(explicit, taped)


def _assert_state_equal(a, b):
    other = b.state_dict()
    for key, value in a.state_dict().items():
        np.testing.assert_allclose(other[key], value, **TIGHT, err_msg=key)


LOSSES = {
    "CrossEntropyLoss weight ignore": (
        lambda m: m.CrossEntropyLoss(weight=WEIGHTS(m), ignore_index=1),
        np.array([2, 1, 0, 3]),
    ),
    "CrossEntropyLoss smoothing spatial": (
        lambda m: m.CrossEntropyLoss(reduction="sum", label_smoothing=0.2),
        np.array([[0, 3, 1], [2, 2, 1], [0, 1, 3], [3, 3, 3]]),
    ),
    "CrossEntropyLoss probabilities": (
        lambda m: m.CrossEntropyLoss(weight=WEIGHTS(m), label_smoothing=0.1),
        np.random.default_rng(3).dirichlet(np.ones(4), size=4),
    ),
    "NLLLoss": (lambda m: m.NLLLoss(weight=WEIGHTS(m)), np.array([2, 1, 0, 3])),
    "NLLLoss none": (lambda m: m.NLLLoss(reduction="none", ignore_index=0), np.array([2, 1, 0, 3])),
    "BCEWithLogitsLoss": (
        lambda m: m.BCEWithLogitsLoss(weight=WEIGHTS(m), pos_weight=2 * WEIGHTS(m)),
        np.random.default_rng(4).random((4, 4)),
    ),
}


def WEIGHTS(m):
    w = np.array([0.5, 2.0, 1.0, 3.0])
    return w if m is nn else torch.tensor(w)


@pytest.mark.parametrize("name", LOSSES)
def test_new_loss_options_match_torch_on_both_paths(name):
    make, target = LOSSES[name]
    rng = np.random.default_rng(2)
    shape = (4, 4, 3) if target.ndim == 2 and target.dtype.kind == "i" else (4, 4)
    x = rng.standard_normal(shape)
    ours, theirs = make(nn), make(torch.nn)
    assert list(ours.state_dict()) == list(theirs.state_dict())
    value = ours(x, target)
    grad = rng.standard_normal(np.shape(value)) if np.ndim(value) else 0.7
    dx = ours.backward(grad)
    tx = torch.tensor(x, requires_grad=True)
    tvalue = theirs(tx, torch.tensor(target))
    tvalue.backward(torch.tensor(grad, dtype=torch.float64))
    np.testing.assert_allclose(value, tvalue.detach().numpy(), **TIGHT)
    np.testing.assert_allclose(dx, tx.grad.numpy(), **TIGHT)
    cx = cg.tensor(x, requires_grad=True)
    loss = make(nn)(cx, target)
    assert isinstance(loss, cg.Tensor)
    (loss * grad).sum().backward()
    np.testing.assert_allclose(loss.data, value, **TIGHT)
    np.testing.assert_allclose(cx.grad, dx, **TIGHT)


def test_maxpool2d_returns_torchs_indices():
    x = np.random.default_rng(0).standard_normal((2, 3, 6, 5))
    y, idx = nn.MaxPool2d(3, 2, 1, return_indices=True)(x)
    ty, tidx = torch.nn.MaxPool2d(3, 2, 1, return_indices=True)(torch.tensor(x))
    np.testing.assert_array_equal(y, ty.numpy())
    np.testing.assert_array_equal(idx, tidx.numpy())
    ty2, tidx2 = nn.MaxPool2d(3, 2, 1, return_indices=True)(cg.tensor(x))
    np.testing.assert_array_equal(tidx2.data, idx)


def test_containers_and_module_methods_are_torchs():
    def build(m):
        class Net(m.Module):
            def __init__(self):
                super().__init__()
                self.blocks = m.ModuleList([m.Linear(3, 3), m.Identity(), m.Linear(3, 2)])
                self.heads = m.ModuleDict({"a": m.BatchNorm1d(2), "b": m.LayerNorm(2)})

        return Net()

    ours, theirs = build(nn), build(torch.nn)
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert [n for n, _ in ours.named_modules()] == [n for n, _ in theirs.named_modules()]
    assert len(list(ours.children())) == len(list(theirs.children())) == 2
    assert [p.numel() for p in ours.parameters()] == [p.numel() for p in theirs.parameters()]
    assert ours.double() is ours
    assert {p.dtype for p in ours.parameters()} == {np.dtype(np.float64)}
    assert ours.heads["a"].running_mean.dtype == np.float64
    assert ours.heads["a"].num_batches_tracked.dtype == np.int64
    ours.float()
    assert {p.dtype for p in ours.parameters()} == {np.dtype(np.float32)}
    ours.to(np.float64)
    seen = []
    ours.apply(lambda mod: seen.append(type(mod).__name__))
    theirs_seen = []
    theirs.apply(lambda mod: theirs_seen.append(type(mod).__name__))
    assert seen == theirs_seen
    with pytest.raises(TypeError, match="floating-point"):
        ours.to(np.int32)
    with pytest.raises(TypeError, match="every element must be a Module"):
        nn.ModuleList([nn.ReLU(), 3])


INITS = [
    ("kaiming_uniform_", dict()),
    ("kaiming_uniform_", dict(a=math.sqrt(5))),
    ("kaiming_uniform_", dict(mode="fan_out", nonlinearity="relu")),
    ("kaiming_normal_", dict()),
    ("kaiming_normal_", dict(mode="fan_out", nonlinearity="relu")),
    ("xavier_uniform_", dict(gain=2.0)),
    ("xavier_normal_", dict()),
    ("uniform_", dict(a=-0.5, b=2.0)),
    ("normal_", dict(mean=1.0, std=0.3)),
    ("trunc_normal_", dict(std=2.0, a=-1.0, b=3.0)),
]


@pytest.mark.parametrize(("name", "kwargs"), INITS, ids=str)
def test_init_draws_torchs_distribution(name, kwargs):
    """Ours and torch's on the same shape: the same bounds, mean and spread (RNGs differ)."""
    shape = (48, 32, 3, 3)
    p = nn.Parameter(np.zeros(shape))
    assert getattr(nn.init, name)(p, **kwargs, generator=np.random.default_rng(0)) is p
    t = torch.zeros(shape, dtype=torch.float64)
    torch.manual_seed(0)
    getattr(torch.nn.init, name)(t, **kwargs)
    ours, theirs = p.data, t.numpy()
    spread = theirs.std()
    assert abs(ours.std() - spread) < 0.03 * spread
    assert abs(ours.mean() - theirs.mean()) < 0.03 * spread
    if "normal" not in name or "trunc" in name:  # bounded: the same bounds, nearly reached
        assert abs(ours.min() - theirs.min()) < 0.02 * spread
        assert abs(ours.max() - theirs.max()) < 0.02 * spread


def test_init_constants_gain_and_errors_are_torchs():
    p = nn.Parameter(np.ones((3, 2)))
    np.testing.assert_array_equal(nn.init.zeros_(p).data, np.zeros((3, 2)))
    np.testing.assert_array_equal(nn.init.ones_(p).data, np.ones((3, 2)))
    np.testing.assert_array_equal(nn.init.constant_(p, 0.25).data, np.full((3, 2), 0.25))
    for args in (("relu",), ("tanh",), ("leaky_relu", 0.2), ("conv2d",), ("selu",)):
        assert nn.init.calculate_gain(*args) == torch.nn.init.calculate_gain(*args)
    with pytest.raises(ValueError, match="2 or more dimensions"):
        nn.init.kaiming_uniform_(nn.Parameter(np.ones(3)))
    with pytest.raises(ValueError, match="mode"):
        nn.init.kaiming_normal_(p, mode="fan")
    with pytest.raises(ValueError, match="nonlinearity"):
        nn.init.kaiming_normal_(p, nonlinearity="swish")


def test_new_layers_bad_arguments_name_the_argument():
    from collections import OrderedDict

    with pytest.raises(RuntimeError, match="before forward"):
        nn.GELU().backward(np.ones(2))
    bad = [
        (lambda: nn.GroupNorm(3, 4), ValueError, "num_groups=3 must divide num_channels=4"),
        (lambda: nn.LayerNorm(0), ValueError, "normalized_shape"),
        (lambda: nn.GELU("fast"), ValueError, "approximate"),
        (lambda: nn.AdaptiveMaxPool2d(0), ValueError, "output_size"),
        (lambda: nn.BatchNorm1d(3)(np.ones((2, 4))), ValueError, "(2, 4)"),
        (lambda: nn.ModuleDict({1: nn.ReLU()}), TypeError, "keys"),
        (lambda: nn.Sequential(OrderedDict(a=1)), TypeError, "key 'a'"),
        (lambda: nn.CrossEntropyLoss(size_average=True), ValueError, "reduction="),
        (
            lambda: nn.Upsample(scale_factor=2, mode="bilinear")(np.ones((1, 1, 4))),
            ValueError,
            "4-D",
        ),
        (lambda: nn.LayerNorm(3)(np.ones((2, 4))), ValueError, "normalized_shape (3,)"),
    ]
    for call, exc, fragment in bad:
        with pytest.raises(exc) as info:
            call()
        assert type(info.value) is exc and fragment in str(info.value), str(info.value)
