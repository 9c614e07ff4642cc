"""Tests of the cs231n-style layer: naive against PyTorch and finite differences, fast == naive."""

import numpy as np
import pytest
import torch
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convgrad.cs231n import (
    conv_backward_fast,
    conv_backward_naive,
    conv_forward_fast,
    conv_forward_naive,
)
from oracle import numerical_grad

FORWARD = {"naive": conv_forward_naive, "fast": conv_forward_fast}
BACKWARD = {"naive": conv_backward_naive, "fast": conv_backward_fast}


def random_layer(seed, N, C, H, W, F, HH, WW, dtype=np.float64):
    """A random ``x (N, C, H, W)``, ``w (F, C, HH, WW)`` and ``b (F,)``."""
    rng = np.random.default_rng(seed)
    shapes = ((N, C, H, W), (F, C, HH, WW), (F,))
    return tuple(rng.standard_normal(s).astype(dtype) for s in shapes)


def torch_conv(x, w, b, stride, pad, dout):
    """PyTorch's ``out`` and ``(dx, dw, db)`` for upstream gradient ``dout``, in float64."""
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    out = torch.nn.functional.conv2d(xt, wt, bt, stride=stride, padding=pad)
    out.backward(torch.tensor(dout))
    return out.detach().numpy(), (xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy())


CASES = [  # (N, C, H, W, F, HH, WW, stride, pad)
    (1, 1, 4, 4, 1, 2, 2, 1, 0),
    (2, 3, 5, 5, 4, 3, 3, 1, 1),
    (2, 3, 7, 7, 2, 3, 3, 2, 1),  # the assignment's divisible case
    (3, 2, 5, 6, 3, 3, 2, 2, 2),  # stride 2, pad 2, non-square everything
    (2, 2, 6, 5, 2, 3, 3, 2, 0),  # stride does not divide: floored, last row unread
    (1, 2, 4, 5, 3, 1, 1, 3, 1),  # 1x1 filters, stride larger than the filter
    (2, 1, 3, 4, 2, 5, 6, 1, 2),  # filters larger than the unpadded input
]


@pytest.mark.parametrize(("N", "C", "H", "W", "F", "HH", "WW", "stride", "pad"), CASES)
def test_naive_matches_torch(N, C, H, W, F, HH, WW, stride, pad):
    x, w, b = random_layer(0, N, C, H, W, F, HH, WW)
    conv_param = {"stride": stride, "pad": pad}
    out, cache = conv_forward_naive(x, w, b, conv_param)
    H_out, W_out = 1 + (H + 2 * pad - HH) // stride, 1 + (W + 2 * pad - WW) // stride
    assert out.shape == (N, F, H_out, W_out)
    dout = np.random.default_rng(1).standard_normal(out.shape)
    out_t, grads_t = torch_conv(x, w, b, stride, pad, dout)
    np.testing.assert_allclose(out, out_t, rtol=1e-12, atol=1e-12)
    for grad, grad_t in zip(conv_backward_naive(dout, cache), grads_t, strict=True):
        np.testing.assert_allclose(grad, grad_t, rtol=1e-12, atol=1e-12)


def assert_fast_equals_naive(x, w, b, conv_param, seed=2):
    out_naive, cache_naive = conv_forward_naive(x, w, b, conv_param)
    out_fast, cache_fast = conv_forward_fast(x, w, b, conv_param)
    np.testing.assert_allclose(out_fast, out_naive, rtol=1e-12, atol=0)
    dout = np.random.default_rng(seed).standard_normal(out_naive.shape)
    naive = conv_backward_naive(dout, cache_naive)
    for fast in (conv_backward_fast(dout, cache_fast), conv_backward_fast(dout, cache_naive)):
        for a, b_ in zip(fast, naive, strict=True):
            assert a.dtype == b_.dtype and a.shape == b_.shape
            np.testing.assert_allclose(a, b_, rtol=1e-12, atol=1e-12 * np.abs(b_).max())


@pytest.mark.parametrize(("N", "C", "H", "W", "F", "HH", "WW", "stride", "pad"), CASES)
def test_fast_equals_naive(N, C, H, W, F, HH, WW, stride, pad):
    x, w, b = random_layer(3, N, C, H, W, F, HH, WW)
    assert_fast_equals_naive(x, w, b, {"stride": stride, "pad": pad})


@settings(max_examples=25, deadline=None)
@given(
    N=st.integers(1, 2),
    C=st.integers(1, 3),
    F=st.integers(1, 3),
    H=st.integers(1, 6),
    W=st.integers(1, 6),
    HH=st.integers(1, 3),
    WW=st.integers(1, 3),
    stride=st.integers(1, 3),
    pad=st.integers(0, 2),
    seed=st.integers(0, 2**16),
)
def test_fast_equals_naive_on_drawn_configurations(N, C, F, H, W, HH, WW, stride, pad, seed):
    assume(HH <= H + 2 * pad and WW <= W + 2 * pad)
    x, w, b = random_layer(seed, N, C, H, W, F, HH, WW)
    assert_fast_equals_naive(x, w, b, {"stride": stride, "pad": pad}, seed)


@pytest.mark.parametrize("impl", ["naive", "fast"])
def test_gradients_match_finite_differences(impl):
    forward, backward = FORWARD[impl], BACKWARD[impl]
    x, w, b = random_layer(4, 2, 2, 4, 5, 2, 3, 2)
    conv_param = {"stride": 2, "pad": 1}
    dout = np.random.default_rng(5).standard_normal(forward(x, w, b, conv_param)[0].shape)
    dx, dw, db = backward(dout, forward(x, w, b, conv_param)[1])

    def loss(x, w, b):
        return np.sum(dout * forward(x, w, b, conv_param)[0])

    np.testing.assert_allclose(dx, numerical_grad(lambda a: loss(a, w, b), x), atol=1e-7)
    np.testing.assert_allclose(dw, numerical_grad(lambda a: loss(x, a, b), w), atol=1e-7)
    np.testing.assert_allclose(db, numerical_grad(lambda a: loss(x, w, a), b), atol=1e-7)


@pytest.mark.parametrize("impl", ["naive", "fast"])
def test_inputs_unmodified_cache_holds_them_and_results_are_new(impl):
    x, w, b = random_layer(6, 2, 3, 5, 5, 2, 3, 3)
    conv_param = {"stride": 2, "pad": 2}
    before = [a.copy() for a in (x, w, b)]
    out, cache = FORWARD[impl](x, w, b, conv_param)
    assert isinstance(cache, tuple) and len(cache) == 4
    assert all(c is a for c, a in zip(cache, (x, w, b, conv_param), strict=True))
    dout = np.ones_like(out)
    grads = BACKWARD[impl](dout, cache)
    assert conv_param == {"stride": 2, "pad": 2}
    for a, old in zip((x, w, b), before, strict=True):
        np.testing.assert_array_equal(a, old)
    for result in (out, *grads):
        for a in (x, w, b, dout):
            assert not np.shares_memory(result, a)
    assert grads[0].flags.c_contiguous


@pytest.mark.parametrize("impl", ["naive", "fast"])
def test_float32_stays_float32_and_ints_compute_in_float64(impl):
    x, w, b = random_layer(7, 1, 2, 4, 4, 2, 2, 2, dtype=np.float32)
    out, cache = FORWARD[impl](x, w, b, {"stride": 1, "pad": 1})
    assert out.dtype == np.float32 and cache[0].dtype == np.float32
    assert all(g.dtype == np.float32 for g in BACKWARD[impl](np.ones_like(out), cache))

    xi, wi, bi = np.arange(16).reshape(1, 1, 4, 4), np.ones((1, 1, 2, 2), dtype=int), [1]
    out, cache = FORWARD[impl](xi, wi, bi, {"stride": 2, "pad": 0})
    assert cache[0] is xi and cache[0].dtype == xi.dtype  # the cache keeps what was given
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out[0, 0], [[11, 19], [43, 51]])
    assert all(g.dtype == np.float64 for g in BACKWARD[impl](np.ones_like(out), cache))


def test_floor_division_when_the_stride_does_not_divide():
    # (H + 2p - HH) % stride != 0: the assignment asserts; we floor as PyTorch does
    x, w, b = random_layer(8, 1, 1, 6, 6, 1, 3, 3)
    out, cache = conv_forward_naive(x, w, b, {"stride": 2, "pad": 0})
    assert out.shape == (1, 1, 2, 2)
    dx, _, _ = conv_backward_naive(np.ones_like(out), cache)
    np.testing.assert_array_equal(dx[0, 0, 5, :], 0)  # the last row and column are never read
    np.testing.assert_array_equal(dx[0, 0, :, 5], 0)


# conv_param, shape and cache validation


GOOD = random_layer(9, 1, 2, 4, 4, 3, 2, 2)


@pytest.mark.parametrize(
    ("conv_param", "error", "match"),
    [
        ({"pad": 1}, ValueError, "missing the key 'stride'"),
        ({"stride": 1}, ValueError, "missing the key 'pad'"),
        ({"stride": 1, "pad": 0, "padding": 1}, ValueError, "unknown key 'padding'"),
        ({"stride": 0, "pad": 0}, ValueError, r"conv_param\['stride'\] must be >= 1"),
        ({"stride": 1, "pad": -1}, ValueError, r"conv_param\['pad'\] must be >= 0"),
        ({"stride": 1.0, "pad": 0}, TypeError, r"conv_param\['stride'\] must be an int"),
        ({"stride": 1, "pad": True}, TypeError, r"conv_param\['pad'\] must be an int"),
        ((1, 0), TypeError, "conv_param must be a dict"),
    ],
)
@pytest.mark.parametrize("impl", ["naive", "fast"])
def test_bad_conv_param(impl, conv_param, error, match):
    with pytest.raises(error, match=match):
        FORWARD[impl](*GOOD, conv_param)
    _, cache = conv_forward_naive(*GOOD, {"stride": 1, "pad": 0})
    with pytest.raises(error, match=match):
        BACKWARD[impl](np.ones((1, 3, 3, 3)), (*cache[:3], conv_param))


@pytest.mark.parametrize(
    ("shapes", "pad", "match"),
    [
        (((2, 4, 4), (3, 2, 2, 2), (3,)), 0, "x must be 4-D"),
        (((1, 2, 4, 4), (3, 2, 2), (3,)), 0, "w must be 4-D"),
        (((1, 2, 4, 4), (3, 1, 2, 2), (3,)), 0, r"w\.shape\[1\] must equal the channels C"),
        (((1, 2, 4, 4), (3, 2, 2, 2), (2,)), 0, r"b must have shape \(F,\) = \(3,\)"),
        (((1, 2, 4, 4), (3, 2, 2, 2), (3, 1)), 0, r"b must have shape"),
        (((1, 2, 4, 4), (3, 2, 7, 2), (3,)), 1, "filters .* must fit inside the padded input"),
    ],
)
@pytest.mark.parametrize("impl", ["naive", "fast"])
def test_bad_shapes(impl, shapes, pad, match):
    x, w, b = (np.ones(s) for s in shapes)
    with pytest.raises(ValueError, match=match):
        FORWARD[impl](x, w, b, {"stride": 1, "pad": pad})


@pytest.mark.parametrize("impl", ["naive", "fast"])
def test_bad_cache_and_dout(impl):
    out, cache = conv_forward_naive(*GOOD, {"stride": 1, "pad": 0})
    with pytest.raises(TypeError, match=r"cache must be the 4-tuple \(x, w, b, conv_param\)"):
        BACKWARD[impl](out, cache[:3])
    with pytest.raises(TypeError, match="cache must be the 4-tuple"):
        BACKWARD[impl](out, None)
    with pytest.raises(ValueError, match=r"dout must have .* \(1, 3, 3, 3\)"):
        BACKWARD[impl](out[:, :2], cache)
    with pytest.raises(TypeError, match="dout must"):
        BACKWARD[impl](out.astype(complex), cache)
