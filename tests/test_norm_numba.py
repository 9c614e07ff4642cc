"""numba's batch norm and max pooling (``convgrad[fast]``, :mod:`convgrad.kernels.norm_numba`)
against NumPy's paths, which are the oracle: float64 to 1e-12 and float32 to 1e-5 of each
result's scale, NaN and infinities where NumPy has them, inputs unchanged. Skipped where numba
is not installed (CI installs ``.[test]``, without it)."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

numba = pytest.importorskip("numba")

from convgrad import normalization, pooling  # noqa: E402
from convgrad.kernels import accel  # noqa: E402

TOL = {np.float64: 1e-12, np.float32: 1e-5}


@pytest.fixture(autouse=True)
def fresh_accelerator(monkeypatch):
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    state = {"module": None, "norm": None, "failed": False, "warned": False, "compiled": set()}
    monkeypatch.setattr(accel, "_state", state)


def _both(f):
    with accel.accelerator("numpy"):
        expected = f()
    with accel.accelerator("numba"):
        ours = f()
    assert accel._state["norm"] is not None  # numba's kernels ran
    return ours, expected


def _close(ours, expected, dtype):
    for a, e in zip(ours, expected, strict=True):
        assert a.shape == e.shape and a.dtype == e.dtype
        np.testing.assert_array_equal(np.isnan(a), np.isnan(e))
        np.testing.assert_array_equal(np.isinf(a), np.isinf(e))
        finite = np.isfinite(e)
        scale = max(1.0, float(np.abs(e[finite]).max(initial=0)))
        tol = TOL[dtype]
        np.testing.assert_allclose(a[finite], e[finite], rtol=tol, atol=tol * scale)


def _batch_norm(x, w, b, dy):
    y, saved = normalization.batch_norm_saving(x, w, b)
    grads = normalization.batch_norm_backward_saved(dy, saved, w)
    return (y, saved.xhat, saved.mean, saved.var, saved.inv_std, *grads)


shapes = st.tuples(st.integers(1, 4), st.integers(1, 5), st.integers(1, 6), st.integers(1, 7))


@given(shapes, st.sampled_from([np.float32, np.float64]), st.booleans(), st.integers(0, 2**32 - 1))
def test_batch_norm_matches_numpys(shape, dtype, affine, seed):
    if shape[0] * shape[2] * shape[3] < 2:
        shape = (2, *shape[1:])  # batch statistics need two values per channel
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal(shape) * rng.uniform(0.1, 10) + rng.uniform(-5, 5)).astype(dtype)
    dy = rng.standard_normal(shape).astype(dtype)
    w = rng.standard_normal(shape[1]).astype(dtype) if affine else None
    b = rng.standard_normal(shape[1]).astype(dtype) if affine else None
    copies = [None if a is None else a.copy() for a in (x, w, b, dy)]
    ours, expected = _both(lambda: _batch_norm(x, w, b, dy))
    _close(ours, expected, dtype)
    for a, c in zip((x, w, b, dy), copies):
        if a is not None:
            np.testing.assert_array_equal(a, c)


@pytest.mark.parametrize("poison", [np.nan, np.inf])
def test_batch_norm_with_a_non_finite_value_matches_numpys(poison):
    rng = np.random.default_rng(3)
    x, dy = rng.standard_normal((3, 4, 5, 5)), rng.standard_normal((3, 4, 5, 5))
    x[1, 2, 3, 3] = poison
    dy[0, 1, 0, 0] = poison
    ours, expected = _both(lambda: _batch_norm(x, np.ones(4), np.zeros(4), dy))
    _close(ours, expected, np.float64)


def test_batch_norm_of_mixed_dtypes_keeps_numpys_dtypes():
    """float32 x with float64 weights: y is float64 on both paths."""
    rng = np.random.default_rng(4)
    x = rng.standard_normal((4, 3, 2, 2)).astype(np.float32)
    dy = rng.standard_normal((4, 3, 2, 2))
    ours, expected = _both(lambda: _batch_norm(x, np.ones(3), np.zeros(3), dy))
    _close(ours, expected, np.float32)


def _pool(x, dy, k):
    y, saved = pooling.max_pool2d_saving(x, k)
    return y, pooling.max_pool2d_backward_saved(dy, x, saved, k)


@given(
    st.integers(1, 3), st.integers(1, 3), st.integers(2, 9), st.integers(2, 9),
    st.sampled_from([2, 3]), st.sampled_from([np.float32, np.float64]),
    st.integers(0, 2**32 - 1), st.booleans(),
)  # fmt: skip
def test_max_pooling_matches_numpys(n, c, h, w, k, dtype, seed, ties):
    if h < k or w < k:
        h, w = max(h, k), max(w, k)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, w))
    if ties:  # few distinct values: the first maximum must win, as on NumPy's path
        x = np.round(x)
    x = x.astype(dtype)
    dy = rng.standard_normal((n, c, h // k, w // k)).astype(dtype)
    ours, expected = _both(lambda: _pool(x, dy, k))
    for a, e in zip(ours, expected, strict=True):
        assert a.dtype == e.dtype
        np.testing.assert_array_equal(a, e)  # no arithmetic: the same bits


@pytest.mark.parametrize(
    ("where", "poison"),
    [("x", np.nan), ("x", np.inf), ("x", -np.inf), ("dy", np.nan), ("dy", np.inf)],
)
def test_max_pooling_with_non_finite_values_matches_numpys(where, poison):
    rng = np.random.default_rng(5)
    x, dy = rng.standard_normal((2, 3, 6, 7)), rng.standard_normal((2, 3, 3, 3))
    (x if where == "x" else dy)[1, 2, 1, 1] = poison
    ours, expected = _both(lambda: _pool(x, dy, 2))
    for a, e in zip(ours, expected, strict=True):
        np.testing.assert_array_equal(a, e)
