"""numba's flat kernels: 2-D convolutions at stride 1 whose output is as wide as their input.

:mod:`convgrad.kernels.taps_numba` runs these on the unpadded planes laid flat, each kernel
column reading its own copy of the plane with the columns it would read across a row's end set
to zero. Drawn here: such layers of every geometry (padding that keeps the width, any padding
of the height, dilations, groups), float64 against PyTorch and NumPy's kernels to 1e-12 of
each result's scale, once through the flat kernels and once through the padded planes
(``FLAT_MAX_WIDTH`` 0). Skipped where numba is not installed.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

numba = pytest.importorskip("numba")

from convgrad import _args, convolution, reference  # noqa: E402
from convgrad.kernels import accel, taps_numba  # noqa: E402
from oracle import torch_conv  # noqa: E402


@pytest.fixture(autouse=True)
def fresh_accelerator(monkeypatch):
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    state = {"module": None, "failed": False, "warned": False, "compiled": set()}
    monkeypatch.setattr(accel, "_state", state)


@st.composite
def flat_layers(draw):
    """``(x, w, dy, padding, dilation, groups)`` of a 2-D layer whose output keeps the width."""
    groups, cg, og = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 2))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    dh, dw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    width = draw(st.integers(1, 9))
    lo_w = draw(st.integers(0, dw * (kw - 1)))
    hi_w = dw * (kw - 1) - lo_w  # output width = width
    lo_h, hi_h = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    shortest = max(1, dh * (kh - 1) + 1 - lo_h - hi_h)  # an output row at least
    height = draw(st.integers(shortest, max(shortest, 8)))
    seed = draw(st.integers(0, 2**31))
    rng = np.random.default_rng(seed)
    n = draw(st.integers(1, 3))
    x = rng.standard_normal((n, groups * cg, height, width))
    w = rng.standard_normal((groups * og, cg, kh, kw))
    out_h = height + lo_h + hi_h - dh * (kh - 1)
    dy = rng.standard_normal((n, groups * og, out_h, width))
    return x, w, dy, ((lo_h, hi_h), (lo_w, hi_w)), (dh, dw), groups


def _run(x, w, dy, padding, dilation, groups):
    kw = dict(padding=padding, dilation=dilation, groups=groups)
    with accel.accelerator("numba"), convolution.strategy("taps"):
        y = convolution.conv2d(x, w, **kw)
        grads = convolution.conv2d_backward(dy, x, w, **kw)
    return y, grads.dx, grads.dw


def _close(a, b, what):
    scale = max(float(np.max(np.abs(b))), 1e-300)
    assert np.max(np.abs(a - b)) <= 1e-12 * scale, what


@pytest.mark.parametrize("flat", [True, False])
@given(layer=flat_layers())
def test_flat_and_padded_planes_match_torch_and_numpy(layer, flat):
    x, w, dy, padding, dilation, groups = layer
    spec = _args.conv_spec("conv2d", 2, x, w, None, 1, padding, dilation, groups, "zeros")
    x0, w0, dy0 = x.copy(), w.copy(), dy.copy()
    with pytest.MonkeyPatch.context() as patch:
        if not flat:
            patch.setattr(taps_numba, "FLAT_MAX_WIDTH", 0)
        assert taps_numba._flat(spec) == (flat and w.shape[3] <= taps_numba.FLAT_MAX_KERNEL)
        fast = _run(x, w, dy, padding, dilation, groups)
    with accel.accelerator("numpy"):
        slow = _run(x, w, dy, padding, dilation, groups)
    expected = torch_conv(2, x, w, None, dy, 1, padding, dilation, groups, "zeros")
    for what, a, b, t in zip(("y", "dx", "dw"), fast, slow, expected):
        _close(a, b, f"{what} vs NumPy")
        _close(a, t, f"{what} vs torch")
    np.testing.assert_array_equal(x, x0)  # inputs untouched
    np.testing.assert_array_equal(w, w0)
    np.testing.assert_array_equal(dy, dy0)


@pytest.mark.parametrize(
    "x_shape, w_shape, kw",
    [
        ((2, 3, 200, 30), (3, 1, 3, 3), dict(padding=1, groups=3)),  # planes of several blocks
        ((1, 4, 90, 32), (4, 2, 3, 3), dict(padding=(2, 1), dilation=(2, 1), groups=2)),
        ((2, 2, 5, 2), (2, 1, 3, 3), dict(padding=(1, 7), dilation=(1, 7), groups=2)),  # wide
    ],
)
def test_flat_kernels_on_planes_of_several_blocks_and_wide_dilations(
    x_shape, w_shape, kw, monkeypatch
):
    """Planes longer than ``BLOCK_POSITIONS`` run block by block (rows wider than the flat
    kernels take by default, allowed here); a dilation wider than the rows reads only zeros
    across them."""
    monkeypatch.setattr(taps_numba, "FLAT_MAX_WIDTH", 64)
    rng = np.random.default_rng(7)
    x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    expected_y = reference.conv2d(x, w, **kw)
    dy = rng.standard_normal(expected_y.shape)
    expected = (expected_y, *reference.conv2d_backward(dy, x, w, **kw)[:2])
    spec = _args.conv_spec("conv2d", 2, x, w, None, 1, kw["padding"], kw.get("dilation", 1),
                           kw["groups"], "zeros")  # fmt: skip
    assert taps_numba._flat(spec)
    with accel.accelerator("numba"), convolution.strategy("taps"):
        fast = (convolution.conv2d(x, w, **kw), *convolution.conv2d_backward(dy, x, w, **kw)[:2])
    for what, a, b in zip(("y", "dx", "dw"), fast, expected):
        _close(a, b, f"{what} vs reference")


@pytest.mark.parametrize("poison", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("where", ["x", "w", "dy"])
def test_flat_kernels_with_non_finite_values_at_every_border(poison, where):
    """A NaN or infinity in the first or last column or row of a plane (or in a weight) gives
    NaN exactly where PyTorch's does: the zeroed columns stand for the padding only."""
    rng = np.random.default_rng(8)
    x, w = rng.standard_normal((2, 4, 6, 7)), rng.standard_normal((4, 1, 3, 3))
    dy = rng.standard_normal((2, 4, 6, 7))
    target = {"x": x, "w": w, "dy": dy}[where]
    if where == "w":
        w[2, 0, 0, 2] = poison
        w[3, 0, 1, 0] = poison
    else:
        for n, c, i, j in ((0, 0, 2, 0), (0, 1, 3, 6), (1, 2, 0, 3), (1, 3, 5, 6)):
            target[n, c, i, j] = poison
    expected = torch_conv(2, x, w, None, dy, 1, ((1, 1), (1, 1)), 1, 4, "zeros")
    fast = _run(x, w, dy, 1, 1, 4)
    for what, a, t in zip(("y", "dx", "dw"), fast, expected):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(t), err_msg=what)
        np.testing.assert_allclose(a, t, rtol=1e-12, atol=1e-12, err_msg=what)
