"""Winograd's compiled transforms (``convgrad[fast]``) against NumPy's, the reference loops and
PyTorch.

The NumPy module (:mod:`convgrad.kernels.winograd`) is the oracle: every layer drawn here runs
the winograd strategy once with numba's transforms (:mod:`convgrad.kernels.winograd_numba`) and
once with the accelerator off, float64 to 1e-12 of each result's scale, against PyTorch too, and
float32 to 1e-5 of the float64 reference's scale. Skipped where numba is not installed (the
default install; CI installs ``.[test]``).
"""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

numba = pytest.importorskip("numba")

from convgrad import convolution, reference  # noqa: E402
from convgrad.kernels import accel, parallel, winograd_numba  # noqa: E402
from oracle import torch_conv  # noqa: E402
from strategies import MODES, Config, _arrays  # noqa: E402


@pytest.fixture(autouse=True)
def fresh_accelerator(monkeypatch):
    """Each test starts with the accelerator's state as a new process has it (numba loaded)."""
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    monkeypatch.delenv("CONVGRAD_STRATEGY", raising=False)
    state = {"module": None, "failed": False, "warned": False, "compiled": set()}
    monkeypatch.setattr(accel, "_state", state)


@st.composite
def layers(draw, dtype=np.float64):
    """2-D 3x3 layers of stride 1 without dilation or groups (what Winograd computes): 1 to 4
    channels each way, planes of 1 to 11 rows and columns (3 to 11 with a padding mode other
    than zeros, whose pads stay below the size), each side padded by 0 to 2, batched or not, in
    any memory layout."""
    mode = draw(st.sampled_from(MODES))
    least = 1 if mode == "zeros" else 3
    spatial = (draw(st.integers(least, 11)), draw(st.integers(least, 11)))
    most = [2 if mode == "zeros" else min(2, s - 1) for s in spatial]
    pairs = tuple((draw(st.integers(0, m)), draw(st.integers(0, m))) for m in most)
    assume(all(s + lo + hi >= 3 for s, (lo, hi) in zip(spatial, pairs, strict=True)))
    c_in, c_out = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    out = tuple(s + lo + hi - 2 for s, (lo, hi) in zip(spatial, pairs, strict=True))
    x, w, b, seed = _arrays(draw, dtype, (c_in, *spatial), (c_out, c_in, 3, 3), c_out)
    return Config(2, x, w, b, 1, pairs, 1, 1, mode, pairs, out, seed)


def _results(cfg, dy, backend):
    """``(y, dx, dw, db)`` by the winograd strategy, forced, on ``backend``."""
    kw = cfg.kwargs()
    with accel.accelerator(backend), convolution.strategy("winograd"):
        assert accel.active() == backend
        y = convolution.conv2d(cfg.x, cfg.w, cfg.b, **kw)
        grads = convolution.conv2d_backward(dy, cfg.x, cfg.w, **kw)
    return (y, *grads)


def _close(a, b, rtol, what):
    """``a`` and ``b`` agree to ``rtol`` of ``b``'s scale (its largest magnitude)."""
    if a is None or b is None:
        assert a is None and b is None, what
        return
    assert a.shape == b.shape, what
    scale = max(float(np.max(np.abs(b), initial=0.0)), 1e-300)
    np.testing.assert_allclose(a, b, rtol=0, atol=rtol * scale, err_msg=what)


def _spy(monkeypatch):
    """Counts the calls of the compiled input transform (the one every kernel makes)."""
    calls = []
    real = winograd_numba._input_tiles

    def counted(*args):
        calls.append(args[0].shape)
        return real(*args)

    monkeypatch.setattr(winograd_numba, "_input_tiles", counted)
    return calls


@given(layers(), st.booleans())
def test_compiled_transforms_match_numpy_and_torch_in_float64(cfg, row_blocks):
    """With ``row_blocks``, sets of a few tile rows (``SET_BYTES`` at its least: as many tiles
    as output channels, 1 to 4), which split every image of more than one row of tiles."""
    dy = cfg.dy()
    x0, w0 = cfg.x.copy(), cfg.w.copy()
    with pytest.MonkeyPatch.context() as patch:
        if row_blocks:
            patch.setattr(winograd_numba, "SET_BYTES", 1)
        calls = _spy(patch)
        fast = _results(cfg, dy, "numba")
        assert len(calls) >= 3  # y, dx and dw, each by the compiled transforms
    slow = _results(cfg, dy, "numpy")
    expected = torch_conv(2, cfg.x, cfg.w, cfg.b, dy, 1, cfg.pairs, 1, 1, cfg.padding_mode)
    for what, a, b, t in zip(("y", "dx", "dw", "db"), fast, slow, expected):
        assert a.dtype == np.float64, what
        _close(a, b, 1e-12, f"numba {what} vs NumPy")
        if t is not None:  # torch has no db without a bias; convgrad's backward computes it
            _close(a, t, 1e-12, f"numba {what} vs torch")
    np.testing.assert_array_equal(cfg.x, x0)  # inputs untouched
    np.testing.assert_array_equal(cfg.w, w0)


@given(layers(dtype=np.float32))
def test_compiled_transforms_in_float32_within_1e_5_of_the_float64_reference(cfg):
    dy = cfg.dy().astype(np.float32)
    fast = _results(cfg, dy, "numba")
    as64 = [None if a is None else a.astype(np.float64) for a in (cfg.x, cfg.w, cfg.b)]
    kw = cfg.kwargs()
    y64 = reference.conv2d(*as64, **kw)
    grads64 = reference.conv2d_backward(dy.astype(np.float64), *as64[:2], **kw)
    for what, a, r in zip(("y", "dx", "dw"), fast, (y64, *grads64)):
        assert a.dtype == np.float32, what
        _close(a.astype(np.float64), r, 1e-5, f"numba {what}, float32")


@pytest.mark.parametrize("set_bytes", [1, 10**9])
@pytest.mark.parametrize("threads", [1, 2])
def test_sets_of_images_and_threads_give_the_same_results(monkeypatch, set_bytes, threads):
    """Blocks of two tile rows of one image a set (the smallest ``SET_BYTES``: 7 and 6 tiles
    of 5 a row) or the whole share in one set, on one thread or two (the layer is far below the
    split's minimum, which is lowered for it), against the float64 reference."""
    monkeypatch.setattr(winograd_numba, "SET_BYTES", set_bytes)
    monkeypatch.setattr(parallel, "SPLIT_MIN_FLOPS", 0)
    monkeypatch.setattr(parallel, "SPLIT_POSITIONS", 0)
    shares = []
    real = parallel.run
    monkeypatch.setattr(parallel, "run", lambda f, items: shares.append(items) or real(f, items))
    calls = _spy(monkeypatch)
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((5, 6, 13, 10)), rng.standard_normal((7, 6, 3, 3))
    dy = rng.standard_normal((5, 7, 13, 10))
    with accel.accelerator("numba"), convolution.strategy("winograd"), parallel.limit(threads):
        y = convolution.conv2d(x, w, padding=1)
        dx, dw, _ = convolution.conv2d_backward(dy, x, w, padding=1)
    expected = (reference.conv2d(x, w, padding=1), *reference.conv2d_backward(dy, x, w, padding=1))
    for what, a, b in zip(("y", "dx", "dw"), (y, dx, dw), expected):
        _close(a, b, 1e-12, what)
    if threads == 2:
        assert shares == [[range(0, 2), range(2, 5)]] * 3
    if set_bytes == 1:  # 7 rows of tiles an image (13 rows), in blocks of 2: 4 blocks an image
        assert {shape[0] for shape in calls} == {1}
        assert len(calls) == 3 * 5 * 4
    elif threads == 1:  # the whole batch in one set, for y, dx and dw
        assert [shape[0] for shape in calls] == [5, 5, 5]


def test_the_automatic_choice_takes_winograd_where_it_measured_faster():
    chosen = convolution.chosen_strategy
    with accel.accelerator("numba"):
        for x_shape, w_shape in [
            ((64, 16, 32, 32), (16, 16, 3, 3)),  # ResNet-20's stages
            ((64, 32, 16, 16), (32, 32, 3, 3)),
            ((64, 64, 8, 8), (64, 64, 3, 3)),
            ((8, 64, 56, 56), (64, 64, 3, 3)),  # ResNet-18's
            ((8, 128, 28, 28), (128, 128, 3, 3)),
            ((8, 256, 14, 14), (256, 256, 3, 3)),
            ((32, 64, 15, 15), (64, 64, 3, 3)),  # tiles 1.14 times the positions
            ((1, 64, 56, 56), (64, 64, 3, 3)),
        ]:
            assert chosen(x_shape, w_shape, padding=1) == "winograd", (x_shape, w_shape)
        assert chosen((8, 512, 7, 7), (512, 512, 3, 3), padding=1) != "winograd"  # 7x7: waste
        assert chosen((32, 64, 7, 7), (64, 64, 3, 3), padding=1) != "winograd"
        assert chosen((2, 256, 14, 14), (256, 256, 3, 3), padding=1) != "winograd"  # few tiles
        assert chosen((32, 8, 32, 32), (8, 8, 3, 3), padding=1) != "winograd"  # 8 channels
        assert chosen((8, 1, 28, 28), (32, 1, 3, 3), padding=1) != "winograd"  # first layers
        assert chosen((32, 32, 4, 4), (64, 32, 3, 3), padding=1) != "winograd"  # small planes
        assert chosen((32, 32, 6, 6), (64, 32, 3, 3), padding=1) != "winograd"
        assert chosen((8, 64, 28, 28), (64, 64, 3, 3), padding=1, stride=2) != "winograd"
        assert chosen((8, 64, 28, 28), (64, 64, 3, 3), padding=2, dilation=2) != "winograd"
        assert chosen((8, 64, 28, 28), (64, 32, 3, 3), padding=1, groups=2) != "winograd"
        assert chosen((8, 64, 28, 28), (64, 64, 5, 5), padding=2) != "winograd"
    with accel.accelerator("numpy"):  # NumPy's transforms measured no faster: not automatic
        assert chosen((8, 128, 28, 28), (128, 128, 3, 3), padding=1) == "nhwc"


def test_automatic_winograd_runs_the_compiled_transforms_and_matches_the_direct_strategy(
    monkeypatch,
):
    calls = _spy(monkeypatch)
    rng = np.random.default_rng(4)
    x = rng.standard_normal((4, 16, 12, 12)).astype(np.float32)
    w = (rng.standard_normal((16, 16, 3, 3)) / 12).astype(np.float32)
    dy = rng.standard_normal((4, 16, 12, 12)).astype(np.float32)
    with accel.accelerator("numba"):
        fast = (
            convolution.conv2d(x, w, padding=1),
            *convolution.conv2d_backward(dy, x, w, padding=1),
        )
    assert len(calls) == 3
    with accel.accelerator("numpy"):
        direct = (
            convolution.conv2d(x, w, padding=1),
            *convolution.conv2d_backward(dy, x, w, padding=1),
        )
    for what, a, b in zip(("y", "dx", "dw", "db"), fast, direct):
        assert a.dtype == np.float32, what
        _close(a, b, 1e-5, what)


@pytest.mark.parametrize("poison", [np.nan, np.inf])
@pytest.mark.parametrize("where", ["x", "w", "dy"])
def test_non_finite_values_go_to_a_direct_strategy(monkeypatch, poison, where):
    """A transform spreads a NaN or an infinity over its whole tile (and ``inf - inf`` is NaN):
    a layer with one goes to a direct strategy, and the non-finite values reach exactly the
    outputs the reference loops give them."""
    calls = _spy(monkeypatch)
    rng = np.random.default_rng(5)
    arrays = {
        "x": rng.standard_normal((4, 16, 10, 10)),
        "w": rng.standard_normal((16, 16, 3, 3)),
        "dy": rng.standard_normal((4, 16, 10, 10)),
    }
    arrays[where][(1, 2, 3, 4) if where != "w" else (1, 2, 1, 1)] = poison
    x, w, dy = arrays["x"], arrays["w"], arrays["dy"]
    with accel.accelerator("numba"):
        ours = (
            convolution.conv2d(x, w, padding=1),
            *convolution.conv2d_backward(dy, x, w, padding=1)[:2],
        )
    expected = (
        reference.conv2d(x, w, padding=1),
        *reference.conv2d_backward(dy, x, w, padding=1)[:2],
    )
    for what, a, b in zip(("y", "dx", "dw"), ours, expected):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(b), err_msg=what)
        np.testing.assert_array_equal(np.isinf(a), np.isinf(b), err_msg=what)
        finite = np.isfinite(b)
        np.testing.assert_allclose(a[finite], b[finite], rtol=1e-10, atol=1e-10, err_msg=what)
    # the one kernel that reads no non-finite input still took Winograd (dw for a poisoned w,
    # dx for a poisoned x, the forward for a poisoned dy)
    assert len(calls) == 1


def test_a_failing_compilation_is_said_once_and_numpy_runs(monkeypatch):
    def broken(*args):
        raise numba.core.errors.TypingError("planted")

    monkeypatch.setattr(winograd_numba, "_input_tiles", broken)
    x, w = np.ones((1, 2, 6, 6)), np.ones((2, 2, 3, 3))
    with convolution.strategy("winograd"):
        with pytest.warns(
            RuntimeWarning, match="could not compile winograd_forward.*NumPy"
        ) as seen:
            y = convolution.conv2d(x, w, padding=1)
            convolution.conv2d(x, w, padding=1)
    assert len(seen) == 1
    np.testing.assert_allclose(y, reference.conv2d(x, w, padding=1), rtol=1e-12)
    assert accel.active() == "numpy"


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_an_empty_batch_gives_empty_results(dtype):
    x, w = np.ones((0, 16, 8, 8), dtype), np.ones((16, 16, 3, 3), dtype)
    with accel.accelerator("numba"), convolution.strategy("winograd"):
        y = convolution.conv2d(x, w, padding=1)
        dx, dw, _ = convolution.conv2d_backward(np.ones((0, 16, 8, 8), dtype), x, w, padding=1)
    assert y.shape == dx.shape == (0, 16, 8, 8) and y.dtype == dtype
    np.testing.assert_array_equal(dw, np.zeros((16, 16, 3, 3)))
