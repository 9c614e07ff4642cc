"""The training step's fast paths against their twins and PyTorch, in float64: batch norm in
few passes (against the general formulas), ReLU's backward, the first layer without dx, Adam
in place."""

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from convgrad import activations, convolution, nn, normalization
from convgrad.autograd import Tensor
from convgrad.nn import functional

TIGHT = dict(rtol=1e-10, atol=1e-12)


@st.composite
def bn_inputs(draw):
    """``(x, dy, weight, bias)``: ``x (N, C, *spatial)`` of 0 to 2 spatial dimensions, an offset
    and scale per channel; weight and bias may be absent."""
    spatial = draw(st.lists(st.integers(1, 4), min_size=0, max_size=2))
    n, c = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    if n * int(np.prod(spatial)) < 2:
        n = 2
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    shape = (n, c, *spatial)
    offset = rng.uniform(-100, 100, (1, c) + (1,) * len(spatial))
    x = rng.standard_normal(shape) * rng.uniform(0.01, 10) + offset
    dy = rng.standard_normal(shape)
    weight = rng.standard_normal(c) if draw(st.booleans()) else None
    bias = rng.standard_normal(c) if draw(st.booleans()) else None
    return x, dy, weight, bias


@given(bn_inputs())
def test_batch_norm_fast_matches_general_formulas_and_torch(inputs):
    x, dy, weight, bias = inputs
    arrays = {k: v for k, v in (("weight", weight), ("bias", bias)) if v is not None}
    y_ref = normalization._general_forward(x, arrays, True, 1e-5)
    dx_ref, dw_ref, db_ref = normalization._general_backward(dy, x, arrays, True, 1e-5)
    y, saved = normalization.batch_norm_saving(x, weight, bias)
    dx, dw, db = normalization.batch_norm_backward_saved(dy, saved, weight)
    tx = torch.tensor(x, requires_grad=True)
    tw = torch.tensor(np.ones(x.shape[1]) if weight is None else weight, requires_grad=True)
    tb = torch.tensor(np.zeros(x.shape[1]) if bias is None else bias, requires_grad=True)
    ty = torch.nn.functional.batch_norm(tx, None, None, tw, tb, training=True)
    ty.backward(torch.tensor(dy))
    for name, ours, twin, theirs in (
        ("y", y, y_ref, ty.detach().numpy()),
        ("dx", dx, dx_ref, tx.grad.numpy()),
        ("dweight", dw, dw_ref, tw.grad.numpy()),
        ("dbias", db, db_ref, tb.grad.numpy()),
    ):
        scale = max(np.abs(theirs).max(), 1.0)  # relative to the result's magnitude
        np.testing.assert_allclose(ours / scale, twin / scale, **TIGHT, err_msg=f"{name} twin")
        np.testing.assert_allclose(ours / scale, theirs / scale, **TIGHT, err_msg=f"{name} torch")
    # the public functions take the same path
    np.testing.assert_allclose(normalization.batch_norm(x, None, None, weight, bias), y, **TIGHT)
    grads = normalization.batch_norm_backward(dy, x, None, None, weight, training=True)
    np.testing.assert_allclose(grads.dx, dx, **TIGHT)


@pytest.mark.parametrize("momentum", [0.1, None])
def test_batch_norm_layer_trains_as_torch_running_stats_included(momentum):
    rng = np.random.default_rng(0)
    ours = nn.BatchNorm2d(3, momentum=momentum, dtype=np.float64)
    theirs = torch.nn.BatchNorm2d(3, momentum=momentum).double()
    with torch.no_grad():
        theirs.weight.copy_(torch.tensor(rng.standard_normal(3)))
        theirs.bias.copy_(torch.tensor(rng.standard_normal(3)))
    ours.load_state_dict(theirs.state_dict())
    for step in range(3):
        x = rng.standard_normal((4, 3, 5, 5)) * 3 + 1
        dy = rng.standard_normal(x.shape)
        tx = torch.tensor(x, requires_grad=True)
        ty = theirs(tx)
        ty.backward(torch.tensor(dy))
        if step == 2:  # through the tape
            t = Tensor(x, requires_grad=True)
            y = ours(t)
            y.backward(dy)
            y, dx = y.data, t.grad
        else:
            y = ours(x)
            dx = ours.backward(dy)
        np.testing.assert_allclose(y, ty.detach().numpy(), **TIGHT)
        np.testing.assert_allclose(dx, tx.grad.numpy(), **TIGHT)
        for key, value in theirs.state_dict().items():
            np.testing.assert_allclose(ours.state_dict()[key], value.numpy(), **TIGHT)


def test_batch_norm_float32_stays_float32_and_inputs_are_kept():
    x = np.random.default_rng(1).standard_normal((4, 2, 3, 3)).astype(np.float32)
    before = x.copy()
    y, saved = normalization.batch_norm_saving(x, np.ones(2, np.float32), None)
    grads = normalization.batch_norm_backward_saved(np.ones_like(y), saved, None)
    assert y.dtype == grads.dx.dtype == grads.dweight.dtype == np.float32
    np.testing.assert_array_equal(x, before)


def test_batch_norm_saved_must_come_from_the_forward():
    with pytest.raises(TypeError, match="saved must be"):
        normalization.batch_norm_backward_saved(np.ones((2, 1)), (np.ones((2, 1)),), None)
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        normalization.batch_norm_saving(np.ones((1, 3)))


@given(
    st.integers(0, 2**32 - 1),
    st.lists(st.sampled_from([np.nan, np.inf, -np.inf, 0.0]), max_size=3),
    st.lists(st.sampled_from([np.nan, np.inf, -np.inf]), max_size=2),
)
def test_relu_backward_matches_torch_with_non_finite_values(seed, in_x, in_dy):
    rng = np.random.default_rng(seed)
    x, dy = rng.standard_normal((3, 7)), rng.standard_normal((3, 7))
    for value in in_x:
        x.flat[rng.integers(0, x.size)] = value
    for value in in_dy:
        dy.flat[rng.integers(0, dy.size)] = value
    tx = torch.tensor(x, requires_grad=True)
    torch.relu(tx).backward(torch.tensor(dy))
    np.testing.assert_array_equal(activations.relu_backward(dy, x), tx.grad.numpy())
    assert activations.relu_backward(dy.astype(np.float32), x).dtype == np.float64
    assert activations.relu_backward(dy.astype(np.float32), x.astype(np.float32)).dtype == (
        np.float32
    )


def test_functional_batch_norm_checks_training():
    with pytest.raises(TypeError, match="training"):
        functional.batch_norm(np.ones((2, 1)), None, None, training="yes")


def _no_input_grad(monkeypatch):
    """Make the convolution's dx kernel fail, to prove it is not called."""

    def refuse(*args, **kwargs):
        raise AssertionError("dx was computed")

    monkeypatch.setattr(convolution, "_input_grad", refuse)


@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from(
        [
            dict(padding=1),
            dict(stride=2),
            dict(padding="same", dilation=2),
            dict(groups=2, padding_mode="reflect", padding=1),
        ]
    ),  # fmt: skip
    st.booleans(),
    st.booleans(),
)
def test_first_layer_skips_dx_with_torchs_dw_and_db(seed, kwargs, bias, batched):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((3, 4, 7, 6) if batched else (4, 7, 6))
    conv = nn.Conv2d(4, 6, 3, bias=bias, dtype=np.float64, **kwargs)
    twin = torch.nn.Conv2d(4, 6, 3, bias=bias, **kwargs).double()
    twin.load_state_dict({k: torch.tensor(v) for k, v in conv.state_dict().items()})
    ty = twin(torch.tensor(x))
    dy = rng.standard_normal(ty.shape)
    ty.backward(torch.tensor(dy))
    # explicit path, through a Sequential
    model = nn.Sequential(conv)
    with pytest.MonkeyPatch.context() as mp:
        _no_input_grad(mp)
        model(x)
        assert model.backward(dy, input_grad=False) is None
    np.testing.assert_allclose(conv.weight.grad, twin.weight.grad.numpy(), **TIGHT)
    if bias:
        np.testing.assert_allclose(conv.bias.grad, twin.bias.grad.numpy(), **TIGHT)
    # the tape: the input is a Tensor that requires no grad
    model.zero_grad()
    with pytest.MonkeyPatch.context() as mp:
        _no_input_grad(mp)
        model(Tensor(x)).backward(dy)
    np.testing.assert_allclose(conv.weight.grad, twin.weight.grad.numpy(), **TIGHT)


def test_input_grad_false_on_a_network_whose_first_layer_cannot_skip():
    model = nn.Sequential(nn.ReLU(), nn.Conv2d(1, 2, 3, dtype=np.float64))
    x = np.random.default_rng(0).standard_normal((2, 1, 5, 5))
    dy = np.ones_like(model(x))
    assert model.backward(dy, input_grad=False) is None
    assert model.backward(dy).shape == x.shape
    assert nn.Sequential().backward(dy, input_grad=False) is None


def test_an_input_that_requires_grad_still_gets_dx():
    conv = nn.Conv2d(1, 2, 3, dtype=np.float64)
    x = Tensor(np.ones((1, 1, 4, 4)), requires_grad=True)
    conv(x).sum().backward()
    assert x.grad is not None and np.abs(x.grad).sum() > 0


def test_a_transposed_first_layer_returns_no_dx_either():
    model = nn.Sequential(nn.ConvTranspose2d(2, 3, 2, stride=2, dtype=np.float64))
    x = np.random.default_rng(0).standard_normal((1, 2, 3, 3))
    y = model(x)
    assert model.backward(np.ones_like(y), input_grad=False) is None
    assert model[0].weight.grad is not None
