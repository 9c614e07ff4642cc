"""Layer and group norm with their scale and shift as one recorded op, against PyTorch in
float64 and float32: shapes and groups, with or without weight and bias, a row holding NaN or
an infinity, D = 1."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as TF

from convgrad.autograd import Tensor
from convgrad.nn import functional as F


def _affine(rng, affine, shape, dtype):
    """The weight and bias the parametrisation ``affine`` asks for, else None."""
    w = rng.standard_normal(shape).astype(dtype) if affine in ("both", "weight") else None
    b = rng.standard_normal(shape).astype(dtype) if affine in ("both", "bias") else None
    return w, b


def _ours(f, x, w, b):
    """``f`` on Tensors of ``x``, ``w``, ``b`` and its backward from a random gradient:
    ``(y, tx, tw, tb, g)``."""
    tx = Tensor(x, requires_grad=True)
    tw = None if w is None else Tensor(w, requires_grad=True)
    tb = None if b is None else Tensor(b, requires_grad=True)
    y = f(tx, tw, tb)
    g = np.random.default_rng(9).standard_normal(y.shape).astype(x.dtype)
    y.backward(g)
    return y, tx, tw, tb, g


def _leaf(a):
    return None if a is None else torch.tensor(a, dtype=torch.float64, requires_grad=True)


def _same(dtype, *pairs):
    """Each (ours, PyTorch's float64) pair equal to ``dtype``'s tolerance, NaN where it is;
    a pair of parameters (Tensor, leaf) compares their gradients, a missing one is skipped."""
    tol = 1e-10 if dtype == np.float64 else 1e-5
    for ours, theirs in pairs:
        if ours is None:
            continue
        if isinstance(ours, Tensor):
            ours, theirs = ours.grad, theirs.grad
        theirs = theirs.detach().numpy()
        assert ours.shape == theirs.shape and ours.dtype == dtype
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs))
        np.testing.assert_allclose(ours, theirs, rtol=tol, atol=tol)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize(
    ("shape", "normalized"),
    [
        ((4, 7, 5), (5,)),
        ((2, 3, 4, 6), (4, 6)),
        ((3, 5), (5,)),
        ((6, 1), (1,)),
        ((2, 3, 8), (2, 3, 8)),
    ],
)
@pytest.mark.parametrize("affine", ["both", "weight", "bias", "none"])
@pytest.mark.parametrize("poison", [False, True])
def test_layer_norm_matches_torch(dtype, shape, normalized, affine, poison):
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(shape) * 3 + 1).astype(dtype)
    if poison:
        x.flat[x.size // 2] = np.nan
    w, b = _affine(rng, affine, normalized, dtype)
    y, tx, tw, tb, g = _ours(lambda tx, tw, tb: F.layer_norm(tx, normalized, tw, tb), x, w, b)

    ux, uw, ub = _leaf(x), _leaf(w), _leaf(b)
    uy = TF.layer_norm(ux, normalized, uw, ub)
    uy.backward(torch.from_numpy(g.astype(np.float64)))
    _same(dtype, (y.data, uy), (tx.grad, ux.grad), (tw, uw), (tb, ub))


def test_layer_norm_leaves_its_input_and_rejects_a_wrong_weight():
    x = np.random.default_rng(0).standard_normal((3, 4))
    before = x.copy()
    F.layer_norm(x, (4,), np.ones(4), np.zeros(4))
    np.testing.assert_array_equal(x, before)
    with pytest.raises(ValueError, match="weight must have shape"):
        F.layer_norm(x, (4,), np.ones(3))
    with pytest.raises(ValueError, match="trailing dimensions"):
        F.layer_norm(x, (3,))


def test_an_input_without_gradient_still_gives_the_weights_theirs():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((3, 4, 6))
    w, b = rng.standard_normal(6), rng.standard_normal(6)
    tw, tb = Tensor(w, requires_grad=True), Tensor(b, requires_grad=True)
    g = rng.standard_normal(x.shape)
    F.layer_norm(x, (6,), tw, tb).backward(g)
    uw = torch.tensor(w, requires_grad=True)
    ub = torch.tensor(b, requires_grad=True)
    TF.layer_norm(torch.tensor(x), (6,), uw, ub).backward(torch.from_numpy(g))
    np.testing.assert_allclose(tw.grad, uw.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(tb.grad, ub.grad.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize(
    ("shape", "groups"),
    [((2, 6, 5, 4), 3), ((3, 8, 7), 2), ((2, 4, 3, 3, 2), 4), ((4, 6, 9, 9), 1), ((1, 32, 64), 8)],
)
@pytest.mark.parametrize("affine", ["both", "weight", "bias", "none"])
@pytest.mark.parametrize("poison", [False, True])
def test_group_norm_matches_torch(dtype, shape, groups, affine, poison):
    rng = np.random.default_rng(4)
    x = (rng.standard_normal(shape) * 2 - 1).astype(dtype)
    if poison:
        x.flat[x.size // 3] = np.inf
    C = shape[1]
    w, b = _affine(rng, affine, (C,), dtype)
    y, tx, tw, tb, g = _ours(lambda tx, tw, tb: F.group_norm(tx, groups, tw, tb), x, w, b)

    ux, uw, ub = _leaf(x), _leaf(w), _leaf(b)
    # PyTorch's group_norm refuses a bias without a weight ("tensor does not have a device"):
    # its oracle gets a weight of ones there, the same function
    ones = torch.ones(C, dtype=torch.float64) if uw is None and ub is not None else uw
    uy = TF.group_norm(ux, groups, ones, ub)
    uy.backward(torch.from_numpy(g.astype(np.float64)))
    _same(dtype, (y.data, uy), (tx.grad, ux.grad), (tw, uw), (tb, ub))


def test_group_norm_rejects_a_wrong_weight_and_gives_weights_theirs_without_dx():
    rng = np.random.default_rng(6)
    x = rng.standard_normal((2, 4, 5))
    with pytest.raises(ValueError, match="weight must have shape"):
        F.group_norm(x, 2, np.ones(3))
    w = Tensor(rng.standard_normal(4), requires_grad=True)
    g = rng.standard_normal(x.shape)
    F.group_norm(x, 2, w).backward(g)
    uw = torch.tensor(w.data, requires_grad=True)
    TF.group_norm(torch.tensor(x), 2, uw).backward(torch.from_numpy(g))
    np.testing.assert_allclose(w.grad, uw.grad.numpy(), rtol=1e-10, atol=1e-12)
