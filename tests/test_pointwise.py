"""The elementwise activations' blocks (:mod:`convgrad.kernels.pointwise`) against their twins,
bit for bit, and the twins and the tape's layers against PyTorch in float64 (float32 results
too: PyTorch's float32 kernels have their own rounding, its GELU 1.2e-6 off in the tail), NaN
and infinities included."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as TF
from hypothesis import given, settings
from hypothesis import strategies as st

import convgrad
from convgrad.autograd import Tensor
from convgrad.kernels import accel, pointwise
from convgrad.nn import functional as F

SPECIAL = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.5, -2.0, 3.0, -3.0, 6.0, 1e30, -1e30, 88.0,
           -88.0, 800.0, -800.0, 20.0, 8.0, 4.0, 1.0, -1.0, 0.5, -0.5]  # fmt: skip

# name: (torch's function, the numbers our kernels take, torch's keyword arguments)
TORCH = {
    "leaky_relu": (TF.leaky_relu, (0.1,), {"negative_slope": 0.1}),
    "sigmoid": (torch.sigmoid, (), {}),
    "tanh": (torch.tanh, (), {}),
    "silu": (TF.silu, (), {}),
    "hardsigmoid": (TF.hardsigmoid, (), {}),
    "hardswish": (TF.hardswish, (), {}),
    "hardtanh": (TF.hardtanh, (-0.5, 0.75), {"min_val": -0.5, "max_val": 0.75}),
    "elu": (TF.elu, (0.7,), {"alpha": 0.7}),
    "softplus": (TF.softplus, (2.0, 8.0), {"beta": 2.0, "threshold": 8.0}),
    "gelu": (TF.gelu, (), {}),
    "gelu_tanh": (lambda x: TF.gelu(x, approximate="tanh"), (), {}),
}


def test_every_kernel_has_a_twin_and_a_torch_check():
    assert set(pointwise.KERNELS) == set(pointwise.REFERENCE) == set(TORCH)


def _bits_equal(ours, theirs, what):
    assert ours.dtype == theirs.dtype, what
    same = (ours == theirs) | (np.isnan(ours) & np.isnan(theirs))
    assert same.all(), (what, np.flatnonzero(~same)[:5], ours[~same][:5], theirs[~same][:5])


@st.composite
def _inputs(draw):
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    size = draw(st.integers(0, 70_000))  # past a block of float64 (32,768) and of float32
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal(size) * draw(st.sampled_from([1.0, 4.0, 100.0]))).astype(dtype)
    g = rng.standard_normal(size).astype(dtype)
    for a in (x, g):
        k = min(size, draw(st.integers(0, 30)))
        a[rng.integers(0, max(size, 1), k)] = rng.choice(np.array(SPECIAL, dtype), k)
    return x, g


@settings(max_examples=30, deadline=None)
@given(_inputs(), st.sampled_from(sorted(pointwise.KERNELS)))
def test_blocks_equal_their_twins_bit_for_bit(arrays, name):
    x, g = arrays
    params = TORCH[name][1]
    forward, backward = pointwise.REFERENCE[name]
    with np.errstate(all="ignore"), accel.accelerator("numpy"):  # NumPy's blocks; numba's below
        y = pointwise.forward(name, x, *params)
        _bits_equal(y, np.asarray(forward(x, *params), x.dtype), f"{name} forward")
        saved = y if pointwise.KERNELS[name][2] == "y" else x
        dx = pointwise.backward(name, g, saved, *params)
        _bits_equal(dx, np.asarray(backward(g, saved, *params), x.dtype), f"{name} backward")


@pytest.mark.parametrize("name", sorted(TORCH))
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_twins_agree_with_torch_on_special_values(name, dtype):
    f, params, kw = TORCH[name]
    special = SPECIAL if dtype == np.float64 else [v for v in SPECIAL if abs(v) < 1e12]
    x = np.array(special + list(np.linspace(-10, 10, 41)), dtype)  # float32: no cube past 3e38
    g = np.random.default_rng(0).standard_normal(x.size).astype(dtype)
    g[:4] = [np.nan, np.inf, -np.inf, 1.0]
    tx = torch.tensor(x, dtype=torch.float64, requires_grad=True)  # the truth, in float64
    ty = f(tx, **kw)
    ty.backward(torch.from_numpy(g.astype(np.float64)))
    forward, backward = pointwise.REFERENCE[name]
    with np.errstate(all="ignore"):
        y = np.asarray(forward(x, *params), dtype)
        dx = np.asarray(backward(g, y if pointwise.KERNELS[name][2] == "y" else x, *params), dtype)
    tol = _tolerance(dtype, name)
    for what, ours, theirs in (("y", y, ty.detach().numpy()), ("dx", dx, tx.grad.numpy())):
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs), err_msg=f"{name} {what}")
        np.testing.assert_allclose(ours, theirs, **tol, err_msg=f"{name} {what}")


def _tolerance(dtype, name=""):
    """Relative, and a few units in the last place of 1 absolute: ``gelu``'s ``1 + tanh(u)``
    near -1 cancels to some (2.2e-16 at x = -5.5 in float64), and its backward multiplies
    ``tanh``'s last bit by up to ``|x du/dx|`` (23 units at x = 7.2 in float64, 11 at 5.4 in
    float32, over 200,000 draws against PyTorch)."""
    units = 64 if name == "gelu_tanh" else 8
    return {"rtol": 1e-12 if dtype == np.float64 else 2e-6, "atol": units * np.finfo(dtype).eps}


LAYERS = {  # the tape's functions, by the kernel they run
    "leaky_relu": lambda x: F.leaky_relu(x, 0.1),
    "sigmoid": F.sigmoid,
    "tanh": F.tanh,
    "silu": F.silu,
    "hardsigmoid": F.hardsigmoid,
    "hardswish": F.hardswish,
    "hardtanh": lambda x: F.hardtanh(x, -0.5, 0.75),
    "elu": lambda x: F.elu(x, 0.7),
    "softplus": lambda x: F.softplus(x, 2.0, 8.0),
    "gelu": F.gelu,
    "gelu_tanh": lambda x: F.gelu(x, "tanh"),
}


# PyTorch's elu and hardswish backward at a NaN input: the gradient passed through with its
# AVX-512 kernels, NaN with its AVX2 and default ones (torch 2.13.0, ATEN_CPU_CAPABILITY set to
# each on one Intel Xeon; CI's AMD machine took the AVX2 kernels).
TORCH_DX_AT_NAN_VARIES = {"elu", "hardswish"}


@pytest.mark.parametrize("name", sorted(LAYERS))
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tape_layers_agree_with_torch(name, dtype):
    rng = np.random.default_rng(1)
    x = (rng.standard_normal((3, 5, 7, 9)) * 4).astype(dtype)
    x.flat[:6] = [np.nan, np.inf, -np.inf, 3.0, -3.0, 0.0]
    x = x.transpose(0, 2, 1, 3)  # not contiguous
    g = rng.standard_normal(x.shape).astype(dtype)
    before = x.copy()
    t = Tensor(x, requires_grad=True)
    y = LAYERS[name](t)
    y.backward(g)
    np.testing.assert_array_equal(x, before)  # the input is never modified
    f, _, kw = TORCH[name]
    tx = torch.tensor(x, dtype=torch.float64, requires_grad=True)  # the truth, in float64
    ty = f(tx, **kw)
    ty.backward(torch.from_numpy(g.astype(np.float64)))
    tol = _tolerance(dtype, name)
    assert y.dtype == dtype and t.grad.dtype == dtype
    dx, tdx = t.grad, tx.grad.numpy()
    if name in TORCH_DX_AT_NAN_VARIES:
        # Ours reads the formula's select as written: NaN is not <= 0 (not < 3), so the gradient
        # passes through as it does for large x. PyTorch's answer there depends on the CPU.
        at = np.isnan(x)
        np.testing.assert_array_equal(dx[at], g[at], err_msg=f"{name} dx at NaN")
        dx, tdx = dx[~at], tdx[~at]
    for what, ours, theirs in (("y", y.data, ty.detach().numpy()), ("dx", dx, tdx)):
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs), err_msg=f"{name} {what}")
        np.testing.assert_allclose(ours, theirs, **tol, err_msg=f"{name} {what}")


def test_other_float_types_use_the_formulas_as_they_read():
    x = np.array([-4.0, -1.0, 0.5, 5.0], np.float16)
    y = pointwise.forward("hardswish", x)
    assert y.dtype == np.float16
    np.testing.assert_allclose(y, [0, -1 / 3, 0.5 * 3.5 / 6, 5], rtol=1e-3)
    dx = pointwise.backward("leaky_relu", np.ones(4, np.float16), x, 0.25)
    np.testing.assert_array_equal(dx, np.array([0.25, 0.25, 1, 1], np.float16))


def test_public_activations_keep_their_dtypes_and_inputs():
    x = np.array([[-2, 0, 3]])  # integers compute in float64
    np.testing.assert_allclose(convgrad.sigmoid(x), 1 / (1 + np.exp(-x)))
    np.testing.assert_array_equal(convgrad.leaky_relu(x, 0.5), [[-1.0, 0.0, 3.0]])
    dy = np.ones((1, 3), np.float32)
    assert convgrad.tanh_backward(dy, x.astype(np.float32)).dtype == np.float32


def test_select_and_keep_take_whole_numbers():
    a = np.array([1.0, np.nan, -np.inf, -0.0])
    b = np.array([np.inf, 2.0, 5.0, 7.0])
    c = np.array([True, False, True, True])
    out = pointwise.select(c, a, b, np.empty(4))
    _bits_equal(out, np.where(c, a, b), "select")
    assert np.signbit(out[3])
    _bits_equal(pointwise.keep(c, b, np.empty(4)), np.array([np.inf, 0.0, 5.0, 7.0]), "keep")


@settings(max_examples=20, deadline=None)
@given(_inputs(), st.sampled_from(sorted(pointwise.SAVING)))
def test_saving_gives_the_bits_of_forward_and_backward(arrays, name):
    x, g = arrays
    with np.errstate(all="ignore"):
        y, kept = pointwise.forward_saving(name, x)
        _bits_equal(y, pointwise.forward(name, x), "y")
        dx = pointwise.backward_saved(name, g, x, kept)
        _bits_equal(dx, pointwise.backward(name, g, x), "dx")


@pytest.mark.skipif(accel.available() is None, reason="numba is not installed")
@pytest.mark.parametrize("name", pointwise.COMPILED)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_numba_twins_agree_with_numpys(name, dtype):
    rng = np.random.default_rng(7)
    x = np.concatenate([np.array(SPECIAL, dtype), (rng.standard_normal(5000) * 4).astype(dtype)])
    x = np.concatenate([x, np.array([-3.0, 3.0, -0.5, 0.75], dtype)])  # the ends of the pieces
    g = rng.standard_normal(x.size).astype(dtype)
    g[:3] = [np.nan, np.inf, -np.inf]
    params = TORCH[name][1]
    results = {}
    for backend in ("numpy", "numba"):
        with accel.accelerator(backend), np.errstate(all="ignore"):
            results[backend] = (
                pointwise.forward(name, x, *params),
                pointwise.backward(name, g, x, *params),
            )
    assert accel._state["pointwise"] is not None  # numba's kernels ran
    for ours, theirs in zip(results["numba"], results["numpy"], strict=True):
        assert ours.dtype == dtype
        if dtype == np.float64:  # the same operations in the same order
            _bits_equal(ours, theirs, name)
        else:  # numba rounds float32 once, NumPy at each step: two units in the last place,
            # and x / 3 + 0.5 cancels near -1.5 (an absolute error of eps |x / 3| |g|)
            np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs))
            np.testing.assert_allclose(ours, theirs, rtol=2 * np.finfo(dtype).eps, atol=1e-6)


@pytest.mark.parametrize("backend", ["numpy", "numba"])
@pytest.mark.parametrize("name", sorted(pointwise.KERNELS))
def test_zero_dimensional_inputs_keep_their_shape(backend, name):
    if backend == "numba" and accel.available() is None:
        pytest.skip("numba is not installed")
    x, g = np.array(-0.75), np.array(2.0)
    params = TORCH[name][1]
    with accel.accelerator(backend):
        y = pointwise.forward(name, x, *params)
        dx = pointwise.backward(name, g, y if pointwise.KERNELS[name][2] == "y" else x, *params)
    assert y.shape == () and dx.shape == ()
    forward, backward = pointwise.REFERENCE[name]
    np.testing.assert_allclose(y, forward(x, *params), rtol=1e-15)


def test_public_functions_keep_a_zero_dimensional_shape():
    for f in (convgrad.sigmoid, convgrad.tanh, lambda x: convgrad.leaky_relu(x, 0.1)):
        assert np.shape(f(np.array(0.3))) == ()
    assert np.shape(convgrad.sigmoid_backward(np.array(1.0), np.array(0.0))) == ()
