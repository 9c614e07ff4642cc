"""The NumPy primitives under the fast kernels, each held to plain loops or to its adjoint."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from convgrad import _np, reference

MODES = ("zeros", "reflect", "replicate", "circular")


@st.composite
def padded_arrays(draw):
    n = draw(st.integers(1, 3))
    spatial = tuple(draw(st.integers(1, 5)) for _ in range(n))
    mode = draw(st.sampled_from(MODES))
    limit = {"zeros": 4, "replicate": 4}

    def side(size):
        top = limit.get(mode, size - 1 if mode == "reflect" else size)
        return draw(st.integers(0, top))

    pairs = tuple((side(s), side(s)) for s in spatial)
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    x = rng.standard_normal((2, 3, *spatial))
    return x, pairs, mode, rng


@given(padded_arrays())
def test_pad_matches_padding_loops(case):
    x, pairs, mode, _ = case
    np.testing.assert_array_equal(_np.pad(x, pairs, mode), reference.pad(x, pairs, mode))


@given(padded_arrays())
def test_pad_backward_is_the_adjoint_of_pad(case):
    # <pad(x), g> == <x, pad_backward(g)> for every x and g defines the adjoint.
    x, pairs, mode, rng = case
    xp = _np.pad(x, pairs, mode)
    g = rng.standard_normal(xp.shape)
    dx = _np.pad_backward(g, pairs, mode)
    assert dx.shape == x.shape
    products = xp * g  # the two sums add the same products in other orders: to their scale
    atol = 1e-12 * np.sum(np.abs(products))
    np.testing.assert_allclose(np.sum(products), np.sum(x * dx), rtol=0, atol=atol)
    np.testing.assert_allclose(dx, reference.pad_backward(g, pairs, mode), rtol=1e-12, atol=1e-12)


def test_reflect_padding_gradient_lands_on_the_copied_pixel():
    # x = [a, b, c] reflect-padded by 2 on the left is [c, b, a, b, c]: the gradient of the two
    # padded cells (c and b) lands on c and b.
    g = np.array([[[10.0, 20.0, 1.0, 1.0, 1.0]]])
    np.testing.assert_array_equal(_np.pad_backward(g, ((2, 0),), "reflect"), [[[1.0, 21.0, 11.0]]])


@st.composite
def window_cases(draw):
    n = draw(st.integers(1, 3))
    kernel = tuple(draw(st.integers(1, 3)) for _ in range(n))
    stride = tuple(draw(st.integers(1, 3)) for _ in range(n))
    dilation = tuple(draw(st.integers(1, 3)) for _ in range(n))
    out = tuple(draw(st.integers(1, 4)) for _ in range(n))
    padded = tuple(
        (o - 1) * s + d * (k - 1) + 1 + draw(st.integers(0, 2))
        for o, s, d, k in zip(out, stride, dilation, kernel)
    )
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    return kernel, stride, dilation, out, padded, rng


@given(window_cases())
def test_windows_match_loops(case):
    kernel, stride, dilation, out, padded, rng = case
    xp = rng.standard_normal((2, 3, *padded))
    view = _np.windows(xp, kernel, stride, dilation, out)
    assert view.shape == (2, 3, *out, *kernel)
    for o in np.ndindex(*out):
        for t in np.ndindex(*kernel):
            pos = tuple(oi * s + ti * d for oi, ti, s, d in zip(o, t, stride, dilation))
            np.testing.assert_array_equal(view[(..., *o, *t)], xp[(..., *pos)])


@given(window_cases())
def test_scatter_windows_is_the_adjoint_of_windows(case):
    kernel, stride, dilation, out, padded, rng = case
    n = len(kernel)
    xp = rng.standard_normal((2, 3, *padded))
    cols = rng.standard_normal((3, *kernel, 2, *out))  # (C, *kernel, N, *out)
    view = _np.windows(xp, kernel, stride, dilation, out)  # (N, C, *out, *kernel)
    as_cols = view.transpose(1, *range(2 + n, 2 + 2 * n), 0, *range(2, 2 + n))  # like cols
    scattered = _np.scatter_windows(cols, padded, stride, dilation)  # (C, N, *padded)
    # <windows(xp), cols> = <xp, scatter(cols)>: two sums of the same products in other orders,
    # equal up to rounding of the products' own size (the sums themselves may cancel to near 0)
    products = as_cols * cols
    np.testing.assert_allclose(
        np.sum(products),
        np.sum(np.moveaxis(xp, 0, 1) * scattered),
        rtol=0,
        atol=1e-12 * np.sum(np.abs(products)),
    )


def test_windows_are_read_only_views():
    xp = np.arange(16.0).reshape(1, 1, 4, 4)
    view = _np.windows(xp, (2, 2), (1, 1), (1, 1), (3, 3))
    assert np.shares_memory(view, xp) and not view.flags.writeable


@given(
    st.integers(0, 4),
    st.integers(1, 5),
    st.lists(st.integers(0, 6), min_size=0, max_size=3),
    st.sampled_from([np.float32, np.float64, np.float16]),
    st.integers(0, 2**31),
)
def test_channel_sums_match_a_sum_over_images_and_positions(n, c, spatial, dtype, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, c + 2, *spatial)).astype(dtype)[:, 1:-1]  # a channel slice
    before = a.copy()
    expected = a.astype(np.float64).sum(axis=(0, *range(2, a.ndim)))
    got = _np.channel_sums(a)
    assert got.dtype == a.dtype and got.shape == (c,)
    assert np.array_equal(a, before)
    scale = np.abs(a).astype(np.float64).sum(axis=(0, *range(2, a.ndim)))
    np.testing.assert_allclose(
        got, expected, rtol=0, atol=float(np.finfo(dtype).eps) * 4 * (1 + scale.max())
    )
    np.testing.assert_allclose(_np.row_sums(a).sum(axis=0), got, rtol=0, atol=0)


def test_channel_sums_carry_nan_and_infinities_as_a_sum_does():
    a = np.ones((2, 4, 3, 3), np.float32)
    a[0, 0, 1, 1] = np.nan
    a[1, 1, 0, 0] = np.inf
    a[0, 2, 0, 0], a[1, 2, 2, 2] = np.inf, -np.inf
    a[:, 3] = -0.0
    with np.errstate(invalid="ignore"):  # inf - inf, as in any sum
        got = _np.channel_sums(a)
    assert np.isnan(got[0]) and got[1] == np.inf and np.isnan(got[2])
    assert got[3] == 0 and not np.signbit(got[3])  # as a.sum(axis=(0, 2, 3)) gives
    with np.errstate(invalid="ignore"):  # inf - inf
        assert not np.signbit(a.sum(axis=(0, 2, 3))[3])


def _layouts(a):
    """``a`` as views and copies a caller may hold: C order, channels last, a slice of its
    channels, every other row, reversed images."""
    yield "c", a
    if a.ndim == 4:
        yield "channels_last", np.ascontiguousarray(np.moveaxis(a, 1, -1)).transpose(0, 3, 1, 2)
        yield "transposed", a.transpose(0, 2, 3, 1)
        yield "channel_slice", a[:, 1:]
        yield "rows_strided", a[:, :, ::2]
        yield "reversed", a[::-1]


@given(
    st.sampled_from([(32, 4, 8, 8), (3, 5, 7, 3), (2, 3, 128, 130), (1, 1, 1, 70), (7,), ()]),
    st.sampled_from([np.float32, np.float64]),
    st.integers(0, 2**32 - 1),
)
def test_relu_into_gives_the_bits_of_np_maximum_in_every_layout(shape, dtype, seed):
    """Its rows of zeros (in NumPy's SIMD loop) give np.maximum(x, 0)'s bits: NaN kept, -0.0 to
    +0.0, infinities; in place too; its input unchanged."""
    rng = np.random.default_rng(seed)
    base = np.asarray(rng.standard_normal(shape)).astype(dtype)
    if base.size > 3:
        base.flat[rng.integers(0, base.size, 4)] = [np.nan, -0.0, -np.inf, np.inf]
    for name, x in _layouts(base):
        expected = np.maximum(x, 0)
        before = x.copy()
        out = np.empty_like(x)
        assert _np.relu_into(x, out) is out
        np.testing.assert_array_equal(out, expected, err_msg=name)
        np.testing.assert_array_equal(np.signbit(out), np.signbit(expected), err_msg=name)
        np.testing.assert_array_equal(x, before, err_msg=name)
        inplace = x.copy(order="K")
        _np.relu_into(inplace, inplace)
        np.testing.assert_array_equal(inplace, expected, err_msg=name)


def test_relu_into_takes_rows_of_zeros_for_dense_layouts_and_shares_of_channels():
    """The layouts it is for reach the rows (a wrong view would fall back to np.maximum's
    scalar loop silently); a strided view is not taken for one."""
    x = np.ones((32, 8, 28, 28), np.float32)
    last = dict(_layouts(x))["channels_last"]
    for a in (x, last, x[:, 2:5], x[3]):
        assert _np._rows(a) is not None
        assert _np._rows(a).base is not None  # a view, never a copy
    assert _np._rows(x[:, :, ::2]) is None
    assert _np._rows(x[::-1]).strides[0] < 0  # reversed images: rows walked backward, a view


@given(
    st.sampled_from([(4, 3, 5, 5), (7,), (2, 8, 3, 3)]),
    st.sampled_from([np.float32, np.float64, np.float16, np.int64]),
    st.sampled_from([None, np.nan, np.inf, -np.inf, 1e30, -1e30]),
    st.integers(0, 2**32 - 1),
)
def test_finite_says_what_a_sum_says(shape, dtype, planted, seed):
    """The dot product's shortcut answers as ``isfinite(sum)``: a NaN or an infinity anywhere
    is not finite, in any layout; a value whose square passes the dtype's range (1e30 in
    float32) is finite, as its sum is; an integer array always is."""
    rng = np.random.default_rng(seed)
    base = rng.standard_normal(shape)
    if planted is not None:
        base.flat[rng.integers(0, base.size)] = planted
    with np.errstate(over="ignore", invalid="ignore"):  # 1e30 in float16: inf
        base = base.astype(dtype)
    for _, a in _layouts(base):
        with np.errstate(all="ignore"):
            expected = bool(np.isfinite(np.sum(a)))
        assert _np.finite(a) is expected
        assert _np.finite(a, np.zeros(3)) is expected
    assert _np.finite(np.zeros(0, np.float32)) and _np.finite(np.float32(2.0) * np.ones(()))
