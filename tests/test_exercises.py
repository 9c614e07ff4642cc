"""Tests of the exercise's model answers: its worked examples, its five hidden tests, PyTorch."""

import numpy as np
import pytest
import torch

from convgrad.exercises import conv2d_backward, conv2d_naive
from oracle import numerical_grad


def random_case(seed, C_in=2, H=5, W_=6, C_out=3, kH=2, kW=3):
    """A random ``x (C_in, H, W_)`` and kernel ``W (C_out, C_in, kH, kW)`` in float64."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal((C_in, H, W_)), rng.standard_normal((C_out, C_in, kH, kW))


# The exercise's two worked examples, verbatim.


def test_example_1_one_upstream_gradient_routes_to_one_patch_and_one_kernel():
    x = np.arange(16).reshape(1, 4, 4)
    W = [[[[1, 2], [3, 4]]]]  # shape (1, 1, 2, 2)
    grad_out = np.zeros((1, 3, 3))
    grad_out[0, 0, 0] = 1
    dx, dW = conv2d_backward(grad_out, x, W)
    np.testing.assert_array_equal(dW[0, 0], [[0, 1], [4, 5]])
    np.testing.assert_array_equal(dx[0, 0:2, 0:2], [[1, 2], [3, 4]])
    rest = dx.copy()
    rest[0, 0:2, 0:2] = 0
    np.testing.assert_array_equal(rest, np.zeros((1, 4, 4)))  # dx is 0 everywhere else


def test_example_2_zero_upstream_gradient_gives_zero_gradients():
    rng = np.random.default_rng(2)
    x, W = rng.standard_normal((1, 4, 4)), rng.standard_normal((1, 1, 2, 2))
    dx, dW = conv2d_backward(np.zeros((1, 3, 3)), x, W)
    np.testing.assert_array_equal(dx, np.zeros((1, 4, 4)))
    np.testing.assert_array_equal(dW, np.zeros((1, 1, 2, 2)))


# The five hidden tests, as the exercise describes them.


def test_returns_two_arrays_with_correct_shapes():
    x, W = random_case(0)
    result = conv2d_backward(np.ones((3, 4, 4)), x, W)
    assert isinstance(result, tuple) and len(result) == 2
    dx, dW = result
    assert isinstance(dx, np.ndarray) and dx.shape == x.shape == (2, 5, 6)
    assert isinstance(dW, np.ndarray) and dW.shape == W.shape == (3, 2, 2, 3)


@pytest.mark.parametrize("seed", [0, 1])
def test_dW_matches_finite_differences(seed):
    x, W = random_case(seed)
    _, dW = conv2d_backward(np.ones((3, 4, 4)), x, W)  # the gradient of conv2d_naive(x, W).sum()
    expected = numerical_grad(lambda W_: conv2d_naive(x, W_).sum(), W)
    np.testing.assert_allclose(dW, expected, rtol=0, atol=1e-3)


@pytest.mark.parametrize("seed", [0, 1])
def test_dx_matches_finite_differences(seed):
    x, W = random_case(seed)
    dx, _ = conv2d_backward(np.ones((3, 4, 4)), x, W)
    expected = numerical_grad(lambda x_: conv2d_naive(x_, W).sum(), x)
    np.testing.assert_allclose(dx, expected, rtol=0, atol=1e-3)


def test_weighted_loss_matches_finite_differences():
    # with a non-constant grad_out, the loss sum(grad_out * y) exercises every g[o, i, j]
    x, W = random_case(3, C_in=2, H=4, W_=5, C_out=2, kH=3, kW=2)
    g = np.random.default_rng(4).standard_normal((2, 2, 4))
    dx, dW = conv2d_backward(g, x, W)
    np.testing.assert_allclose(
        dx, numerical_grad(lambda a: (g * conv2d_naive(a, W)).sum(), x), rtol=0, atol=1e-6
    )
    np.testing.assert_allclose(
        dW, numerical_grad(lambda a: (g * conv2d_naive(x, a)).sum(), W), rtol=0, atol=1e-6
    )


def test_zero_grad_out_gives_zero_gradients():
    x, W = random_case(5)
    dx, dW = conv2d_backward(np.zeros((3, 4, 4)), x, W)
    np.testing.assert_array_equal(dx, np.zeros_like(x))
    np.testing.assert_array_equal(dW, np.zeros_like(W))


@pytest.mark.parametrize(("o", "i", "j"), [(0, 0, 0), (2, 1, 3), (1, 3, 2)])
def test_single_nonzero_grad_out_makes_dW_the_matching_x_patch(o, i, j):
    x, W = random_case(6)  # x (2, 5, 6), W (3, 2, 2, 3), out (3, 4, 4)
    grad_out = np.zeros((3, 4, 4))
    grad_out[o, i, j] = 1
    dx, dW = conv2d_backward(grad_out, x, W)
    expected_dW = np.zeros_like(W)
    expected_dW[o] = x[:, i : i + 2, j : j + 3]
    np.testing.assert_array_equal(dW, expected_dW)
    expected_dx = np.zeros_like(x)
    expected_dx[:, i : i + 2, j : j + 3] = W[o]
    np.testing.assert_array_equal(dx, expected_dx)


# Against PyTorch, in float64.


@pytest.mark.parametrize(
    ("C_in", "H", "W_", "C_out", "kH", "kW"),
    [(1, 4, 4, 1, 2, 2), (3, 5, 7, 2, 3, 2), (2, 4, 3, 4, 1, 1), (2, 3, 5, 1, 3, 5)],
)
def test_forward_and_backward_match_torch(C_in, H, W_, C_out, kH, kW):
    x, W = random_case(7, C_in, H, W_, C_out, kH, kW)
    xt = torch.tensor(x, requires_grad=True)
    Wt = torch.tensor(W, requires_grad=True)
    yt = torch.nn.functional.conv2d(xt[None], Wt)[0]
    y = conv2d_naive(x, W)
    assert y.shape == (C_out, H - kH + 1, W_ - kW + 1)
    np.testing.assert_allclose(y, yt.detach().numpy(), rtol=1e-12, atol=1e-12)

    g = np.random.default_rng(8).standard_normal(y.shape)
    yt.backward(torch.tensor(g))
    dx, dW = conv2d_backward(g, x, W)
    np.testing.assert_allclose(dx, xt.grad.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dW, Wt.grad.numpy(), rtol=1e-12, atol=1e-12)


# Dtypes, lists and inputs.


def test_integer_and_list_inputs_compute_in_float64():
    x = np.arange(16).reshape(1, 4, 4)
    y = conv2d_naive(x, [[[[1, 2], [3, 4]]]])
    assert y.dtype == np.float64
    np.testing.assert_array_equal(y[0], [[34, 44, 54], [74, 84, 94], [114, 124, 134]])
    dx, dW = conv2d_backward(np.ones((1, 3, 3), dtype=int), x.tolist(), [[[[1, 2], [3, 4]]]])
    assert dx.dtype == dW.dtype == np.float64


def test_float32_stays_float32():
    x, W = (a.astype(np.float32) for a in random_case(9))
    y = conv2d_naive(x, W)
    assert y.dtype == np.float32
    dx, dW = conv2d_backward(np.ones(y.shape, dtype=np.float32), x, W)
    assert dx.dtype == dW.dtype == np.float32
    x64, W64 = x.astype(np.float64), W.astype(np.float64)
    np.testing.assert_allclose(y, conv2d_naive(x64, W64), rtol=1e-5, atol=1e-5)


def test_inputs_are_not_modified_and_results_are_new_arrays():
    x, W = random_case(10)
    g = np.random.default_rng(11).standard_normal((3, 4, 4))
    copies = [a.copy() for a in (g, x, W)]
    y = conv2d_naive(x, W)
    dx, dW = conv2d_backward(g, x, W)
    for a, before in zip((g, x, W), copies, strict=True):
        np.testing.assert_array_equal(a, before)
    for result in (y, dx, dW):
        for a in (g, x, W):
            assert not np.shares_memory(result, a)


# Validation: each rule raises the right type with a message naming the argument.


@pytest.mark.parametrize(
    ("x_shape", "W_shape", "match"),
    [
        ((4, 4), (1, 1, 2, 2), "x must be 3-D"),
        ((1, 1, 4, 4), (1, 1, 2, 2), "x must be 3-D"),
        ((1, 0, 4), (1, 1, 2, 2), "x must be 3-D"),
        ((1, 4, 4), (1, 2, 2), "W must be 4-D"),
        ((1, 4, 4), (1, 1, 0, 2), "W must be 4-D"),
        ((2, 4, 4), (1, 3, 2, 2), r"W\.shape\[1\] \(C_in\) must equal x\.shape\[0\]"),
        ((1, 4, 4), (1, 1, 5, 2), "the kernel W .* must fit inside x"),
        ((1, 4, 4), (1, 1, 2, 5), "the kernel W .* must fit inside x"),
    ],
)
@pytest.mark.parametrize("fn", ["forward", "backward"])
def test_bad_shapes_raise_value_error_naming_the_argument(fn, x_shape, W_shape, match):
    x, W = np.ones(x_shape), np.ones(W_shape)
    with pytest.raises(ValueError, match=match):
        if fn == "forward":
            conv2d_naive(x, W)
        else:
            conv2d_backward(np.ones((1, 3, 3)), x, W)


@pytest.mark.parametrize("grad_out_shape", [(1, 3), (1, 3, 4), (2, 3, 3), (1, 1, 3, 3)])
def test_grad_out_of_the_wrong_shape_raises_value_error(grad_out_shape):
    with pytest.raises(ValueError, match=r"grad_out must have .* \(1, 3, 3\)"):
        conv2d_backward(np.ones(grad_out_shape), np.ones((1, 4, 4)), np.ones((1, 1, 2, 2)))


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((np.ones((1, 3, 3)), np.ones((1, 4, 4), dtype=complex), np.ones((1, 1, 2, 2))), "x must"),
        ((np.ones((1, 3, 3)), np.ones((1, 4, 4)), [[[["a", "b"]]]]), "W must"),
        ((np.array(["g"]), np.ones((1, 4, 4)), np.ones((1, 1, 2, 2))), "grad_out must"),
        ((np.ones((1, 3, 3)), [[1, 2], [3]], np.ones((1, 1, 2, 2))), "x must"),
    ],
)
def test_non_numeric_inputs_raise_type_error_naming_the_argument(args, match):
    with pytest.raises(TypeError, match=match):
        conv2d_backward(*args)
