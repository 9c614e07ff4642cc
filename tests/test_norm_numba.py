"""numba's batch norm (``convgrad[fast]``, :mod:`convgrad.kernels.norm_numba`) against NumPy's
path, which is the oracle: float64 to 1e-12 and float32 to 1e-5 of each
result's scale, NaN and infinities where NumPy has them, inputs unchanged. Skipped where numba
is not installed (CI installs ``.[test]``, without it)."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

numba = pytest.importorskip("numba")

from convgrad import activations, normalization  # noqa: E402
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
@example((3, 3, 1, 1), np.float32, False, 1)  # a narrow channel: 2.7 +- 0.02
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


@pytest.mark.parametrize(
    "shape, rows",
    [((6, 3, 12, 12), True), ((6, 3, 13, 13), False), ((3, 3, 4, 4), False), ((4, 7, 2, 3), True)],
)
@pytest.mark.parametrize("relu", [False, True])
def test_small_planes_run_as_rows_of_images_and_match_numpys(shape, rows, relu, monkeypatch):
    """In C order, planes of at most SMALL_PLANE pixels from ROWS_MIN_IMAGES images take the
    rows kernels (an image a row); the others the per-channel kernels; both NumPy's results,
    and the fused ReLU the bits of the pair apart."""
    from convgrad.kernels import norm_numba

    assert norm_numba.SMALL_PLANE == 144 and norm_numba.ROWS_MIN_IMAGES == 4
    ran = []
    for name in ("_bn_forward", "_bn_forward_rows", "_bn_backward", "_bn_backward_rows"):
        real = getattr(norm_numba, name)
        monkeypatch.setattr(norm_numba, name, lambda *a, _n=name, _r=real: ran.append(_n) or _r(*a))
    rng = np.random.default_rng(5)
    x, dy = (rng.standard_normal(shape) * 3 + 1 for _ in range(2))
    w, b = rng.standard_normal(shape[1]), rng.standard_normal(shape[1])

    def pair():
        if not relu:
            return _batch_norm(x, w, b, dy)
        y, saved = normalization.batch_norm_relu_saving(x, w, b)
        return (y, *normalization.batch_norm_relu_backward_saved(dy, y, saved, w))

    ours, expected = _both(pair)
    _close(ours, expected, np.float64)
    suffix = "_rows" if rows else ""
    assert ran == [f"_bn_forward{suffix}", f"_bn_backward{suffix}"]
    if relu:
        with accel.accelerator("numba"):
            y, saved = normalization.batch_norm_saving(x, w, b)
            out = activations.relu(y)
            grads = normalization.batch_norm_backward_saved(
                activations.relu_backward(dy, out), saved, w
            )
        for a, e in zip(ours, (out, *grads), strict=True):
            np.testing.assert_array_equal(a, e)


@given(
    st.tuples(st.integers(2, 40), st.integers(1, 70)),
    st.sampled_from([np.float32, np.float64]),
    st.booleans(),
    st.integers(0, 2**32 - 1),
)
def test_batch_norm_without_positions_matches_numpys(shape, dtype, affine, seed):
    """``(N, C)`` (and ``(N, C, 1)``): the kernels that sum row by row into arrays of C."""
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal(shape) * rng.uniform(0.1, 10) + rng.uniform(-5, 5)).astype(dtype)
    dy = rng.standard_normal(shape).astype(dtype)
    w = rng.standard_normal(shape[1]).astype(dtype) if affine else None
    b = rng.standard_normal(shape[1]).astype(dtype) if affine else None
    for xs, dys in ((x, dy), (x[:, :, None], dy[:, :, None])):
        ours, expected = _both(lambda xs=xs, dys=dys: _batch_norm(xs, w, b, dys))
        _close(ours, expected, dtype)


@pytest.mark.parametrize("poison", [np.nan, np.inf])
@pytest.mark.parametrize("images", [3, 4])  # per-channel kernels, then rows of images
def test_batch_norm_with_a_non_finite_value_matches_numpys(poison, images):
    rng = np.random.default_rng(3)
    x, dy = rng.standard_normal((images, 4, 5, 5)), rng.standard_normal((images, 4, 5, 5))
    x[1, 2, 3, 3] = poison
    dy[0, 1, 0, 0] = poison
    ours, expected = _both(lambda: _batch_norm(x, np.ones(4), np.zeros(4), dy))
    _close(ours, expected, np.float64)
    x2, dy2 = x[:, :, 0, 0].copy(), dy[:, :, 0, 0].copy()  # without positions
    x2[2, 1] = poison
    ours, expected = _both(lambda: _batch_norm(x2, np.ones(4), np.zeros(4), dy2))
    _close(ours, expected, np.float64)


def test_batch_norm_of_mixed_dtypes_keeps_numpys_dtypes():
    """float32 x with float64 weights: y is float64 on both paths."""
    rng = np.random.default_rng(4)
    x = rng.standard_normal((4, 3, 2, 2)).astype(np.float32)
    dy = rng.standard_normal((4, 3, 2, 2))
    ours, expected = _both(lambda: _batch_norm(x, np.ones(3), np.zeros(3), dy))
    _close(ours, expected, np.float32)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("layout", ["contiguous", "strided", "read-only", "0-d"])
def test_relu_backward_matches_numpys_with_non_finite_values(dtype, layout):
    """numba's ReLU backward against NumPy's: NaN in x passes dy, infinite or NaN dy stays
    where x <= 0 blocks it out (0, as PyTorch's select; NumPy's multiply gives -0.0 for a
    negative dy), any layout, inputs unchanged."""
    from convgrad import activations

    rng = np.random.default_rng(11)
    x = rng.standard_normal((3, 4, 37, 41)).astype(dtype)
    dy = rng.standard_normal(x.shape).astype(dtype)
    for a, values in ((x, [np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0]),
                      (dy, [np.nan, np.inf, -np.inf])):  # fmt: skip
        flat = a.reshape(-1)
        for at, value in zip(rng.integers(0, flat.size, 60), values * 10):
            flat[at] = value
    if layout == "strided":
        x, dy = x[:, :, ::2, 1::3], dy[:, :, ::2, ::3]
    elif layout == "read-only":
        x.flags.writeable = dy.flags.writeable = False
    elif layout == "0-d":
        x, dy = x.reshape(-1)[5].copy(), dy.reshape(-1)[5].copy()
    before = x.copy(), dy.copy()
    ours, expected = _both(lambda: activations.relu_backward(dy, x))
    assert ours.shape == expected.shape and ours.dtype == expected.dtype
    np.testing.assert_array_equal(ours, expected)  # NaN where NaN; -0.0 == 0.0
    torch = pytest.importorskip("torch")
    tx = torch.tensor(np.asarray(x), requires_grad=True)
    torch.relu(tx).backward(torch.tensor(np.asarray(dy)))
    np.testing.assert_array_equal(ours, tx.grad.numpy())
    assert np.array_equal(np.signbit(ours), np.signbit(tx.grad.numpy()))
    np.testing.assert_array_equal(x, before[0])
    np.testing.assert_array_equal(dy, before[1])
