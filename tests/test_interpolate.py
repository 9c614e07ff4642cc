"""Nearest-neighbour upsampling by whole factors (repeats, :func:`convgrad.nn.functional.
_upsample`) against PyTorch and against the matrix products it skips, which stay for the other
sizes."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as TF
from hypothesis import given, settings
from hypothesis import strategies as st

from convgrad.autograd import Tensor
from convgrad.nn import functional as F


@st.composite
def _cases(draw):
    n = draw(st.integers(1, 3))
    spatial = tuple(draw(st.lists(st.integers(1, 5), min_size=n, max_size=n)))
    shape = (draw(st.integers(1, 2)), draw(st.integers(1, 3)), *spatial)
    mode = draw(st.sampled_from(["nearest", "nearest-exact"]))
    if draw(st.booleans()):
        kw = {"scale_factor": tuple(draw(st.integers(1, 4)) for _ in spatial)}
    else:  # sizes: whole multiples (repeats) or any (the matrix products)
        kw = {
            "size": tuple(
                s * draw(st.integers(1, 3)) + draw(st.sampled_from([0, 0, 1])) for s in spatial
            )
        }
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    return shape, dict(kw, mode=mode), dtype, draw(st.booleans())


@settings(max_examples=60, deadline=None)
@given(_cases())
def test_nearest_upsampling_matches_torch(case):
    shape, kw, dtype, transposed = case
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape).astype(dtype)
    if transposed and x.ndim > 3:
        x = np.swapaxes(np.swapaxes(x, 2, 3).copy(), 2, 3)  # not contiguous
    x.flat[0] = np.nan
    t = Tensor(x, requires_grad=True)
    y = F.interpolate(t, **kw)
    g = rng.standard_normal(y.shape).astype(dtype)
    y.backward(g)
    tx = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    ty = TF.interpolate(tx, **kw)
    ty.backward(torch.from_numpy(g.astype(np.float64)))
    assert y.dtype == dtype and t.grad.dtype == dtype
    np.testing.assert_array_equal(y.data, ty.detach().numpy().astype(dtype))  # copies: exact
    tol = 1e-12 if dtype == np.float64 else 1e-5
    np.testing.assert_allclose(t.grad, tx.grad.numpy(), rtol=tol, atol=tol)


def _taps(n_in, n_out, mode="nearest", scale=None):
    return [F._resize_taps(n_in, n_out, mode, False, scale)]


def test_repeats_are_found_only_for_whole_factors():
    assert F._repeats(_taps(3, 6) + _taps(4, 4), (3, 4)) == (2, 1)
    assert F._repeats(_taps(3, 7), (3,)) is None
    assert F._repeats(_taps(6, 3), (6,)) is None  # downsampling
    # nearest-exact at a whole factor is the same repeat; at 2.5 it is not one
    assert F._repeats(_taps(4, 12, "nearest-exact"), (4,)) == (3,)
    assert F._repeats(_taps(4, 10, scale=2.5), (4,)) is None


@st.composite
def _linear_cases(draw):
    n = draw(st.integers(1, 3))
    mode = {1: "linear", 2: "bilinear", 3: "trilinear"}[n]
    spatial = tuple(draw(st.lists(st.integers(2, 5), min_size=n, max_size=n)))  # x 0.5 >= 1
    shape = (draw(st.integers(1, 2)), draw(st.integers(1, 3)), *spatial)
    corners = draw(st.booleans())
    if draw(st.booleans()):
        kw = {"scale_factor": draw(st.sampled_from([0.5, 1.5, 2.0, 3.0]))}
    else:
        kw = {"size": tuple(draw(st.integers(1, 9)) for _ in spatial)}
    return shape, dict(kw, mode=mode, align_corners=corners)


@settings(max_examples=300, deadline=None)
@given(_linear_cases(), st.booleans())
def test_linear_modes_match_torch_and_keep_nan_where_it_is_read(case, poison):
    shape, kw = case
    rng = np.random.default_rng(1)
    x = rng.standard_normal(shape)
    if poison:
        x.flat[rng.integers(x.size)] = np.nan
    t = Tensor(x, requires_grad=True)
    y = F.interpolate(t, **kw)
    g = rng.standard_normal(y.shape)
    y.backward(g)
    tx = torch.tensor(x, requires_grad=True)
    ty = TF.interpolate(tx, **kw)
    ty.backward(torch.from_numpy(g))
    for ours, theirs in ((y.data, ty.detach().numpy()), (t.grad, tx.grad.numpy())):
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs))
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)


def test_an_infinity_gives_no_warning():
    # the tests turn warnings into errors: inf times a weight of 0 is NaN, silently
    x = np.arange(40.0).reshape(1, 2, 4, 5)
    x[0, 0, 1, 2] = np.inf
    t = Tensor(x, requires_grad=True)
    y = F.interpolate(t, scale_factor=2, mode="bilinear")
    g = np.ones(y.shape)
    g[0, 1, 0, 0] = np.inf
    y.backward(g)
    assert np.isinf(y.data).any() and np.isfinite(y.data[0, 1]).all()
