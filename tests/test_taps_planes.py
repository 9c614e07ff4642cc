"""The NumPy taps' whole-plane path (:func:`convgrad.kernels.taps._forward_planes`,
:func:`convgrad.kernels.taps.weight_grad_planes`): depthwise convolutions with one output per
group, forward, ``dx`` and ``dw``, held to the reference loops in
float64 and to PyTorch with NaN and infinities.

Its outputs are computed at every position of a padded plane, those past the last output row or
column reading into the next plane (or the zeros after the last) and then dropped; at stride 1
``dx`` is the forward convolution of ``dy`` zero-padded, with the kernel flipped; at a stride the
planes are split into their phases, and ``dx`` gathers each phase's taps. These tests draw the
layouts where that can go wrong: planes of one row or one column, kernels as large as the padded
plane, padding past the kernel's reach (where ``dx`` is computed over the padded plane and
folded), strides past the kernel (phases no tap reads), every padding mode, blocks of one group
on several threads.
"""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convgrad import _np, convolution, reference
from convgrad.kernels import accel
from convgrad.kernels import nhwc as _nhwc
from convgrad.kernels import parallel as _parallel
from convgrad.kernels import taps as _taps
from oracle import torch_conv
from strategies import MODES

TIGHT = dict(rtol=1e-12, atol=1e-12)


@st.composite
def depthwise(draw):
    n = draw(st.integers(1, 3))
    groups, batch = draw(st.integers(1, 5)), draw(st.integers(1, 3))
    spatial = tuple(draw(st.integers(1, {1: 12, 2: 7, 3: 4}[n])) for _ in range(n))
    kernel = tuple(draw(st.integers(1, 4)) for _ in range(n))
    dilation = tuple(draw(st.integers(1, 2)) for _ in range(n))
    stride = tuple(draw(st.sampled_from([1, 1, 2, 3, 5])) for _ in range(n))
    mode = draw(st.sampled_from(MODES))
    pairs = tuple((draw(st.integers(0, 4)), draw(st.integers(0, 4))) for _ in range(n))
    for size, (lo, hi) in zip(spatial, pairs):
        assume(mode != "reflect" or max(lo, hi) < size)
        assume(mode != "circular" or max(lo, hi) <= size)
    reach = tuple(
        s + lo + hi - d * (k - 1) for s, (lo, hi), k, d in zip(spatial, pairs, kernel, dilation)
    )
    assume(min(reach) >= 1)
    out = tuple((r - 1) // s + 1 for r, s in zip(reach, stride))
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    x = rng.standard_normal((batch, groups, *spatial))
    w = rng.standard_normal((groups, 1, *kernel))
    dy = rng.standard_normal((batch, groups, *out))
    return n, x, w, dy, dict(stride=stride, padding=pairs, dilation=dilation, groups=groups), mode


@pytest.fixture(params=["whole", "one group a block"])
def blocks(request, monkeypatch):
    if request.param != "whole":
        monkeypatch.setattr(_taps, "PLANES_BLOCK_BYTES", 1)
        monkeypatch.setattr(_parallel, "_threads", 3)


def _ours(n, x, w, dy, kw, mode):
    with accel.accelerator("numpy"), convolution.strategy("taps"):
        y = getattr(convolution, f"conv{n}d")(x, w, padding_mode=mode, **kw)
        dx, dw, _ = getattr(convolution, f"conv{n}d_backward")(dy, x, w, padding_mode=mode, **kw)
    return y, dx, dw


@settings(max_examples=150, deadline=None)
@given(depthwise())
def _check_against_reference(case):
    n, x, w, dy, kw, mode = case
    before = [a.copy() for a in (x, w, dy)]
    y, dx, dw = _ours(n, x, w, dy, kw, mode)
    for a, copy in zip((x, w, dy), before):
        np.testing.assert_array_equal(a, copy)
    y_ref = getattr(reference, f"conv{n}d")(x, w, padding_mode=mode, **kw)
    dx_ref, dw_ref, _ = getattr(reference, f"conv{n}d_backward")(dy, x, w, padding_mode=mode, **kw)
    np.testing.assert_allclose(y, y_ref, **TIGHT)
    np.testing.assert_allclose(dx, dx_ref, **TIGHT)
    np.testing.assert_allclose(dw, dw_ref, **TIGHT)


def test_depthwise_planes_match_the_reference_loops(blocks):
    _check_against_reference()


def test_the_planes_path_runs_for_one_output_per_group(monkeypatch):
    calls = []
    real = _taps._forward_planes
    monkeypatch.setattr(_taps, "_forward_planes", lambda *a: calls.append(a[0].shape) or real(*a))
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((2, 4, 6, 6)), rng.standard_normal((4, 1, 3, 3))
    dy = rng.standard_normal((2, 4, 6, 6))
    _ours(2, x, w, dy, dict(padding=1, dilation=1, groups=4), "zeros")
    assert calls == [(2, 4, 6, 6), (2, 4, 6, 6)]  # the forward, and dx from dy
    calls.clear()
    w2 = rng.standard_normal((8, 1, 3, 3))  # two outputs per group: the old path
    _ours(
        2, x, w2, rng.standard_normal((2, 8, 6, 6)), dict(padding=1, dilation=1, groups=4), "zeros"
    )
    assert calls == []
    phases = []
    real_phases = _taps._input_grad_phases
    monkeypatch.setattr(
        _taps, "_input_grad_phases", lambda *a: phases.append(a[0].shape) or real_phases(*a)
    )
    _ours(2, x, w, dy[:, :, :3, :3], dict(stride=2, padding=1, dilation=1, groups=4), "zeros")
    assert calls == [(2, 4, 6, 6)]  # stride 2: the forward by phases
    assert phases == [(2, 4, 3, 3)]  # and dx


def test_dw_takes_the_planes_dot_products_for_one_output_per_group(monkeypatch):
    calls = []
    real = _taps.weight_grad_planes
    monkeypatch.setattr(
        _taps, "weight_grad_planes", lambda *a: calls.append(a[1].shape) or real(*a)
    )
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((2, 4, 6, 6)), rng.standard_normal((4, 1, 3, 3))
    for stride, w_shape in ((1, (4, 1, 3, 3)), (2, (4, 1, 3, 3)), (1, (8, 1, 3, 3))):
        w = rng.standard_normal(w_shape)
        kw = dict(stride=stride, padding=1, dilation=1, groups=4)
        dy = rng.standard_normal((2, w_shape[0], *((6 + 2 - 3) // stride + 1,) * 2))
        dw = _ours(2, x, w, dy, kw, "zeros")[2]
        np.testing.assert_allclose(dw, reference.conv2d_backward(dy, x, w, **kw)[1], **TIGHT)
    assert calls == [(2, 4, 6, 6), (2, 4, 6, 6)]  # not for two outputs per group
    calls.clear()
    x, w = rng.standard_normal((1, 2, 70, 70)), rng.standard_normal((2, 1, 3, 3))
    kw = dict(padding=1, dilation=1, groups=2)
    dy = rng.standard_normal((1, 2, 70, 70))
    expected = reference.conv2d_backward(dy, x, w, **kw)[1]
    for threads in (2, 1):  # planes of 72 x 72 > PLANES_DW_RUN: on one thread only
        with _parallel.limit(threads):
            np.testing.assert_allclose(_ours(2, x, w, dy, kw, "zeros")[2], expected, **TIGHT)
    assert calls == [(1, 2, 70, 70)]


def test_row_loops_sets_numpys_buffers_for_its_block_only():
    default = np.getbufsize()
    with _np.row_loops(2048):
        assert np.getbufsize() == 2048
        seen = _parallel.run(lambda _: np.getbufsize(), [0, 1])  # NumPy's size is per thread
    assert np.getbufsize() == default and seen == [default, default]
    with _np.row_loops(1000):
        assert np.getbufsize() == 992  # a multiple of 16, as NumPy requires
    for row in (0, 100, _np.ROW_LOOPS_MIN - 1, default, 10 * default):  # NumPy's own buffers
        with _np.row_loops(row):
            assert np.getbufsize() == default
    with pytest.raises(KeyError), _np.row_loops(4096):
        {}["missing"]
    assert np.getbufsize() == default


@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("where", ["x", "dy", "w"])
@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_non_finite_values_reach_what_torchs_reach(where, value, stride, blocks):
    """A NaN or an infinity in ``x``, ``dy`` or ``w``, at a plane's last row or column, where
    the dropped positions of the plane before read it; ``w`` not finite sends ``dx`` to the
    scatter (the padding of ``dy`` would multiply it by zeros)."""
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((2, 3, 5, 6)), rng.standard_normal((3, 1, 3, 3))
    dy = rng.standard_normal((2, 3, *((n + 2 - 3) // stride + 1 for n in (5, 6))))
    {"x": x, "dy": dy, "w": w}[where][(1, 1, -1, -1) if where != "w" else (1, 0, 2, 2)] = value
    kw = dict(stride=stride, padding=1, dilation=1, groups=3)
    y, dx, dw = _ours(2, x, w, dy, kw, "zeros")
    expected = torch_conv(2, x, w, None, dy, stride, ((1, 1), (1, 1)), 1, 3, "zeros")
    for ours, theirs in zip((y, dx, dw), expected):
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs))
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)


def test_float32_planes_within_1e_5_of_the_float64_reference():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((4, 64, 14, 14)).astype(np.float32)
    w = rng.standard_normal((64, 1, 3, 3)).astype(np.float32)
    dy = rng.standard_normal((4, 64, 14, 14)).astype(np.float32)
    kw = dict(padding=1, dilation=1, groups=64)
    ours = _ours(2, x, w, dy, kw, "zeros")
    x64, w64, dy64 = (a.astype(np.float64) for a in (x, w, dy))
    y64 = reference.conv2d(x64, w64, **kw)
    dx64, dw64, _ = reference.conv2d_backward(dy64, x64, w64, **kw)
    for a32, a64 in zip(ours, (y64, dx64, dw64)):
        assert a32.dtype == np.float32
        scale = float(np.abs(a64).max())
        np.testing.assert_allclose(a32, a64, rtol=0, atol=1e-5 * scale)


@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("mode", ["zeros", "reflect"])
def test_the_planes_buffers_are_kept_and_never_read_stale(stride, mode):
    """The planes, their blocks and ``dy``'s layout live in this thread's kept buffers
    (:func:`convgrad.kernels.nhwc.scratch`): filled with NaN beforehand, they must not leak into
    the results, a second call must reuse them, and it must not touch the first call's results."""
    rng = np.random.default_rng(7)
    x, w = rng.standard_normal((3, 5, 9, 8)), rng.standard_normal((5, 1, 3, 3))
    kw = dict(stride=stride, padding=1, dilation=1, groups=5)
    dy = rng.standard_normal(reference.conv2d(x, w, padding_mode=mode, **kw).shape)
    for slot in ("taps_planes", "taps_acc", "taps_term"):
        _nhwc.scratch(slot, (1 << 16,), np.dtype(np.float64))[...] = np.nan
    with _parallel.limit(1):  # every block on this thread, in its buffers
        first = _ours(2, x, w, dy, kw, mode)
        kept = _nhwc._local.pool["taps_planes"]
        second = _ours(2, x + 1, w, dy, kw, mode)
        assert _nhwc._local.pool["taps_planes"] is kept
    expected = (
        reference.conv2d(x, w, padding_mode=mode, **kw),
        *reference.conv2d_backward(dy, x, w, padding_mode=mode, **kw)[:2],
    )
    for ours, ref in zip(first, expected):  # the second call left the first's results alone
        np.testing.assert_allclose(ours, ref, **TIGHT)
    np.testing.assert_allclose(
        second[0], reference.conv2d(x + 1, w, padding_mode=mode, **kw), **TIGHT
    )
