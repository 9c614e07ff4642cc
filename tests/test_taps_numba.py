"""The numba kernels (``convgrad[fast]``) against NumPy's, the reference loops and PyTorch.

NumPy's kernels are the oracle: every grouped convolution drawn here runs once on numba's
kernels (:mod:`convgrad.kernels.taps_numba`) and once with the accelerator off, float64 to
1e-12 and float32 to 1e-5 of each result's scale, and float64 against PyTorch too. Skipped
where numba is not installed (the default install; CI installs ``.[test]``).
"""

import threading
import time

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

numba = pytest.importorskip("numba")

from convgrad import _args, convolution, reference  # noqa: E402
from convgrad.kernels import accel, parallel, taps_numba  # noqa: E402
from oracle import torch_conv, torch_conv_transpose  # noqa: E402
from strategies import MODES, Config, _arrays  # noqa: E402

OPS = {1: "conv1d", 2: "conv2d", 3: "conv3d"}


@pytest.fixture(autouse=True)
def fresh_accelerator(monkeypatch):
    """Each test starts with the accelerator's state as a new process has it (numba loaded)."""
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    state = {"module": None, "failed": False, "warned": False, "compiled": set()}
    monkeypatch.setattr(accel, "_state", state)


@st.composite
def grouped_configs(draw, dtype=np.float64):
    """Grouped convolutions (2 to 4 groups, 1 to 3 input channels per group: depthwise among
    them), valid by construction: pads below each size (as reflect needs), kernels that fit."""
    n = draw(st.sampled_from((1, 2, 3)))
    groups, cg, og = draw(st.integers(2, 4)), draw(st.integers(1, 3)), draw(st.integers(1, 2))
    spatial = tuple(draw(st.integers(1, {1: 12, 2: 8, 3: 5}[n])) for _ in range(n))
    pairs = tuple(
        (draw(st.integers(0, min(2, s - 1))), draw(st.integers(0, min(2, s - 1)))) for s in spatial
    )
    stride = tuple(draw(st.integers(1, 3)) for _ in range(n))
    dilation = tuple(draw(st.integers(1, 2)) for _ in range(n))
    kernel = tuple(
        draw(st.integers(1, max(1, min(4, (s + lo + hi - 1) // d + 1))))
        for s, (lo, hi), d in zip(spatial, pairs, dilation)
    )
    out = tuple(
        (s + lo + hi - d * (k - 1) - 1) // st_ + 1
        for s, (lo, hi), k, st_, d in zip(spatial, pairs, kernel, stride, dilation)
    )
    mode = draw(st.sampled_from(MODES))
    x_shape, w_shape = (groups * cg, *spatial), (groups * og, cg, *kernel)
    x, w, b, seed = _arrays(draw, dtype, x_shape, w_shape, groups * og)
    return Config(n, x, w, b, stride, pairs, dilation, groups, mode, pairs, out, seed)


def _results(cfg, dy, backend):
    """``(y, dx, dw, db)`` with the accelerator set to ``backend``; with numba, the taps strategy
    forced, so that its kernels run wherever they can (the automatic choice takes them only
    where they measured faster)."""
    name, kw = OPS[cfg.n], cfg.kwargs()
    forced = "taps" if backend == "numba" else None
    with accel.accelerator(backend), convolution.strategy(forced):
        assert accel.active() == backend
        if backend == "numba":
            assert _chosen(cfg) == "taps"
        y = getattr(convolution, name)(cfg.x, cfg.w, cfg.b, **kw)
        grads = getattr(convolution, f"{name}_backward")(dy, cfg.x, cfg.w, **kw)
    return (y, *grads)


def _close(a, b, rtol, what):
    """``a`` and ``b`` agree to ``rtol`` of their scale (their largest magnitude)."""
    if a is None or b is None:
        assert a is None and b is None, what
        return
    assert a.shape == b.shape and a.dtype == b.dtype, what
    scale = max(float(np.max(np.abs(b), initial=0.0)), 1e-300)
    np.testing.assert_allclose(a, b, rtol=0, atol=rtol * scale, err_msg=what)


def _chosen(cfg):
    x = cfg.x if cfg.x.ndim == cfg.n + 2 else cfg.x[None]
    return convolution.chosen_strategy(x.shape, cfg.w.shape, **cfg.kwargs())


@given(grouped_configs())
def test_numba_kernels_match_numpy_and_torch_in_float64(cfg):
    dy = cfg.dy()
    x0, w0 = cfg.x.copy(), cfg.w.copy()
    fast, slow = _results(cfg, dy, "numba"), _results(cfg, dy, "numpy")
    expected = torch_conv(
        cfg.n, cfg.x, cfg.w, cfg.b, dy, cfg.stride, cfg.pairs, cfg.dilation, cfg.groups,
        cfg.padding_mode,
    )  # fmt: skip
    for what, a, b, t in zip(("y", "dx", "dw", "db"), fast, slow, expected):
        _close(a, b, 1e-12, f"numba {what} vs NumPy")
        if t is not None:  # torch has no db without a bias; convgrad's backward computes it
            _close(a, t, 1e-12, f"numba {what} vs torch")
    np.testing.assert_array_equal(cfg.x, x0)  # inputs untouched
    np.testing.assert_array_equal(cfg.w, w0)


@given(grouped_configs(dtype=np.float32))
def test_numba_kernels_split_over_threads_give_one_threads_results(cfg):
    """Every configuration split among 2 threads (the layers drawn here are far below
    ``SPLIT_WORK``) gives one thread's results bit for bit: each job's sums are its own."""
    dy = cfg.dy().astype(np.float32)
    results = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(taps_numba, "SPLIT_WORK", 0)
        for threads in (1, 2):
            with parallel.limit(threads):
                results[threads] = _results(cfg, dy, "numba")
    for what, a, b in zip(("y", "dx", "dw", "db"), results[1], results[2]):
        np.testing.assert_array_equal(a, b, err_msg=what)


@given(grouped_configs(dtype=np.float32))
def test_numba_kernels_match_numpy_in_float32(cfg):
    dy = cfg.dy().astype(np.float32)
    fast, slow = _results(cfg, dy, "numba"), _results(cfg, dy, "numpy")
    for what, a, b in zip(("y", "dx", "dw", "db"), fast, slow):
        assert a is None or a.dtype == np.float32, what
        _close(a, b, 1e-5, f"numba {what} vs NumPy, float32")


@given(
    n=st.sampled_from((1, 2)),
    groups=st.integers(2, 3),
    cg=st.integers(1, 2),
    og=st.integers(1, 2),
    stride=st.integers(1, 2),
    size=st.integers(1, 6),
    seed=st.integers(0, 2**31),
)
def test_numba_transposed_grouped_convolutions_match_numpy_and_torch(
    n, groups, cg, og, stride, size, seed
):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, groups * cg, *(size,) * n))
    w = rng.standard_normal((groups * cg, og, *(3,) * n))  # (C_in, C_out / groups, *kernel)
    dy = rng.standard_normal((2, groups * og, *((size - 1) * stride + 3,) * n))
    name = f"conv_transpose{n}d"
    results = {}
    for backend in accel.BACKENDS:
        with accel.accelerator(backend), convolution.strategy("taps"):
            y = getattr(convolution, name)(x, w, stride=stride, groups=groups)
            grads = getattr(convolution, f"{name}_backward")(dy, x, w, stride=stride, groups=groups)
        results[backend] = (y, grads.dx, grads.dw)
    expected = torch_conv_transpose(n, x, w, None, dy, stride, ((0, 0),) * n, 0, groups, 1)
    for what, a, b, t in zip(("y", "dx", "dw"), results["numba"], results["numpy"], expected):
        _close(a, b, 1e-12, f"transposed {what} vs NumPy")
        _close(a, t, 1e-12, f"transposed {what} vs torch")


@pytest.mark.parametrize(
    "x_shape, w_shape, kw",
    [
        ((2, 3, 700, 5), (3, 1, 3, 3), dict(padding=1, groups=3)),  # several row blocks
        ((1, 4, 400, 9), (8, 2, 3, 2), dict(padding=(2, 0), dilation=(2, 1), groups=2)),
        ((2, 2, 3, 300, 4), (2, 1, 2, 3, 3), dict(padding=1, groups=2)),  # 3-D, blocks per depth
        ((2, 6, 5000), (6, 1, 7), dict(padding=3, groups=6)),  # one long row
    ],
)
def test_numba_kernels_over_several_row_blocks(x_shape, w_shape, kw):
    """Images taller than one block of ``BLOCK_POSITIONS``: every block's rows land right."""
    rng = np.random.default_rng(4)
    x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    op = OPS[len(x_shape) - 2]
    forward, backward = getattr(convolution, op), getattr(convolution, f"{op}_backward")
    expected_y = getattr(reference, op)(x, w, **kw)
    dy = rng.standard_normal(expected_y.shape)
    expected = (expected_y, *getattr(reference, f"{op}_backward")(dy, x, w, **kw)[:2])
    with accel.accelerator("numba"), convolution.strategy("taps"):
        fast = (forward(x, w, **kw), *backward(dy, x, w, **kw)[:2])
    for what, a, b in zip(("y", "dx", "dw"), fast, expected):
        _close(a, b, 1e-12, f"{what} vs reference")


def test_a_nan_reaches_the_same_outputs_as_with_numpy():
    rng = np.random.default_rng(5)
    x, w = rng.standard_normal((2, 4, 9, 9)), rng.standard_normal((4, 1, 3, 3))
    x[1, 2, 4, 0] = np.nan
    x[0, 3, 8, 8] = np.inf
    for kw in (dict(padding=1, groups=4), dict(stride=2, groups=4)):
        with accel.accelerator("numba"):
            fast = convolution.conv2d(x, w, **kw)
        with accel.accelerator("numpy"):
            slow = convolution.conv2d(x, w, **kw)
        expected = reference.conv2d(x, w, **kw)  # loops: NaN where a window reads the NaN
        assert np.isnan(expected).any()
        np.testing.assert_array_equal(np.isnan(fast), np.isnan(expected))
        np.testing.assert_allclose(fast, slow, rtol=1e-12, atol=1e-12)  # equal_nan, inf equal


def test_a_failing_compilation_is_said_once_and_numpy_runs(monkeypatch):
    def broken(*args):
        raise numba.core.errors.TypingError("planted")

    monkeypatch.setattr(taps_numba, "_forward", broken)
    x, w = np.ones((1, 2, 5, 5)), np.ones((2, 1, 3, 3))
    with pytest.warns(RuntimeWarning, match="numba could not compile forward.*using NumPy") as seen:
        y = convolution.conv2d(x, w, groups=2)
        convolution.conv2d(x, w, groups=2)
    assert len(seen) == 1
    np.testing.assert_array_equal(y, np.full((1, 2, 3, 3), 9.0))
    assert accel.active() == "numpy"


def test_a_slow_first_compilation_is_announced(monkeypatch):
    import io

    stream = io.StringIO()
    monkeypatch.setattr(accel, "NOTICE_AFTER", 0.01)
    monkeypatch.setattr(accel, "_announce", stream)
    assert accel.numba_kernels() is not None
    accel.run("slow", lambda a: time.sleep(0.3), np.zeros(1, np.float32))
    accel.run("slow", lambda a: time.sleep(0.3), np.zeros(1, np.float32))  # compiled: silent
    assert stream.getvalue() == (
        "convgrad: compiling the numba kernel slow (float32; once, cached afterwards)\n"
    )


def test_a_first_call_with_read_only_inputs_is_announced_too(monkeypatch):
    """numba compiles again for read-only arrays: that wait is announced like the first."""
    import io

    stream = io.StringIO()
    monkeypatch.setattr(accel, "NOTICE_AFTER", 0.01)
    monkeypatch.setattr(accel, "_announce", stream)
    assert accel.numba_kernels() is not None
    writable = np.zeros(3, np.float32)
    read_only = np.zeros(3, np.float32)
    read_only.flags.writeable = False
    for a in (writable, writable, read_only, read_only):
        accel.run("slow", lambda a: time.sleep(0.3), a)
    assert stream.getvalue().count("compiling the numba kernel slow (float32") == 2


def test_calls_from_several_threads_take_turns():
    rng = np.random.default_rng(6)
    x, w = rng.standard_normal((4, 8, 12, 12)), rng.standard_normal((8, 1, 3, 3))
    expected = reference.conv2d(x, w, padding=1, groups=8)
    results = [None] * 4

    def work(i):
        results[i] = convolution.conv2d(x, w, padding=1, groups=8)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        np.testing.assert_allclose(r, expected, rtol=1e-12, atol=1e-12)


def test_the_automatic_choice_takes_numba_where_it_measured_faster():
    chosen = convolution.chosen_strategy
    assert chosen((8, 32, 56, 56), (32, 1, 3, 3), groups=32) == "taps"  # depthwise
    assert chosen((8, 128, 28, 28), (128, 4, 3, 3), groups=32) == "taps"  # 36 products
    assert chosen((8, 128, 28, 28), (128, 8, 3, 3), groups=16) == "taps"  # 72
    assert chosen((8, 128, 28, 28), (128, 32, 3, 3), groups=4) == "im2col"  # 288
    assert chosen((8, 128, 28, 28), (128, 16, 1, 1), groups=8) == "nchw"  # one tap
    assert chosen((8, 64, 28, 28), (64, 64, 3, 3), stride=2) == "nhwc"  # not grouped
    assert chosen((8, 32, 112, 112), (32, 1, 9, 9), groups=32) == "taps"  # not the FFT
    assert chosen((8, 256, 4096), (256, 1, 255), groups=256) == "taps"
    with accel.accelerator("numpy"):
        assert chosen((8, 128, 28, 28), (128, 4, 3, 3), groups=32) == "nchw"
        assert chosen((8, 32, 112, 112), (32, 1, 9, 9), groups=32) == "fft"


def test_numba_kernels_on_several_threads_give_the_same_results(monkeypatch):
    monkeypatch.setattr(taps_numba, "SPLIT_WORK", 0)  # these layers are too small to split
    shares = []
    real = parallel.run
    monkeypatch.setattr(parallel, "run", lambda f, items: shares.append(items) or real(f, items))
    rng = np.random.default_rng(7)
    x, w = rng.standard_normal((3, 6, 10, 9)), rng.standard_normal((6, 2, 3, 3))
    kw = dict(padding=1, groups=3, stride=(1, 2))
    dy = rng.standard_normal(reference.conv2d(x, w, **kw).shape)
    results = {}
    for threads in (1, 2):
        with parallel.limit(threads), convolution.strategy("taps"):
            results[threads] = (
                convolution.conv2d(x, w, **kw),
                *convolution.conv2d_backward(dy, x, w, **kw)[:2],
            )
    # on 2 threads: y and dx over 9 (image, group) jobs, dw over 6 (group, input channel) jobs
    assert shares == [[(0, 4), (4, 9)], [(0, 4), (4, 9)], [(0, 3), (3, 6)]]
    for a, b in zip(results[1], results[2]):
        np.testing.assert_array_equal(a, b)  # the same sums in the same order, whichever thread


def test_the_command_line_says_when_it_compiles_and_a_second_process_does_not(tmp_path):
    """A fresh cache compiles (a line on stderr); the next process loads the cache (none)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path)}
    argv = [sys.executable, "-m", "convgrad", "bench", "--case", "mobilenet-dw512"]
    argv += ["--repeat", "1", "--threads", "1", "--no-torch"]
    first = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert "convgrad: compiling the numba kernel forward (float32" in first.stderr
    second = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0 and "compiling" not in second.stderr, second.stderr


@pytest.mark.parametrize("stride", [(2, 2), (3, 2), (1, 3)])
@pytest.mark.parametrize("where", ["x", "w", "dy"])
@pytest.mark.parametrize("poison", [np.nan, np.inf])
def test_strided_phases_with_non_finite_values(stride, where, poison):
    """Strided layers run by phases of the padded planes: a NaN or infinity in x (the phases'
    positions between rows are read and dropped), in a weight (dx then scatters, since the
    phases' gather meets zeros) or in dy gives NaN exactly where PyTorch's does."""
    rng = np.random.default_rng(9)
    x, w = rng.standard_normal((2, 4, 11, 10)), rng.standard_normal((8, 2, 3, 3))
    kw = dict(padding=1, groups=2, stride=stride)
    dy = rng.standard_normal(reference.conv2d(x, w, **kw).shape)
    if where == "x":
        x[0, 1, 4, -1] = x[1, 3, 0, 0] = poison
    elif where == "w":
        w[3, 1, 2, 0] = poison
    else:
        dy[1, 5, -1, -1] = dy[0, 0, 1, 0] = poison
    expected = torch_conv(2, x, w, None, dy, stride, ((1, 1), (1, 1)), 1, 2, "zeros")
    with accel.accelerator("numba"), convolution.strategy("taps"):
        got = (convolution.conv2d(x, w, **kw), *convolution.conv2d_backward(dy, x, w, **kw)[:2])
    for what, a, t in zip(("y", "dx", "dw"), got, expected):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(t), err_msg=what)
        np.testing.assert_allclose(a, t, rtol=1e-12, atol=1e-12, err_msg=what)


# numba's flat kernels: 2-D convolutions at stride 1 whose output is as wide as their input
# (taps_numba._forward_flat: the unpadded planes laid flat, each kernel column reading its own
# copy of the plane with the columns it would read across a row's end set to zero). Drawn here:
# such layers of every geometry (padding that keeps the width, any padding of the height,
# dilations, groups), once through the flat kernels and once through the padded planes
# (FLAT_MAX_WIDTH 0).


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


def _flat_run(x, w, dy, padding, dilation, groups):
    kw = dict(padding=padding, dilation=dilation, groups=groups)
    with accel.accelerator("numba"), convolution.strategy("taps"):
        y = convolution.conv2d(x, w, **kw)
        grads = convolution.conv2d_backward(dy, x, w, **kw)
    return y, grads.dx, grads.dw


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
        fast = _flat_run(x, w, dy, padding, dilation, groups)
    with accel.accelerator("numpy"):
        slow = _flat_run(x, w, dy, padding, dilation, groups)
    expected = torch_conv(2, x, w, None, dy, 1, padding, dilation, groups, "zeros")
    for what, a, b, t in zip(("y", "dx", "dw"), fast, slow, expected):
        _close(a, b, 1e-12, f"{what} vs NumPy")
        _close(a, t, 1e-12, f"{what} vs torch")
    np.testing.assert_array_equal(x, x0)  # inputs untouched
    np.testing.assert_array_equal(w, w0)
    np.testing.assert_array_equal(dy, dy0)


@pytest.mark.parametrize(
    "x_shape, w_shape, kw",
    [
        ((2, 3, 200, 30), (3, 1, 3, 3), dict(padding=1, groups=3)),  # planes of several blocks
        ((1, 4, 90, 32), (4, 2, 3, 3), dict(padding=(2, 1), dilation=(2, 1), groups=2)),
        ((2, 2, 5, 2), (2, 1, 3, 3), dict(padding=(1, 7), dilation=(1, 7), groups=2)),  # wide
        ((300, 2, 5, 6), (4, 1, 3, 3), dict(padding=1, groups=2)),  # runs of images, one short
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
        _close(a, b, 1e-12, f"{what} vs reference")


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
    fast = _flat_run(x, w, dy, 1, 1, 4)
    for what, a, t in zip(("y", "dx", "dw"), fast, expected):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(t), err_msg=what)
        np.testing.assert_allclose(a, t, rtol=1e-12, atol=1e-12, err_msg=what)


@pytest.mark.parametrize("kw", [dict(padding=1), dict(padding=1, stride=2), dict(padding=(0, 1))])
def test_an_empty_batch_gives_empty_results(kw):
    """No images: the flat kernels' planes, the phases and the padded planes all run no job."""
    x, w = np.zeros((0, 4, 8, 6), np.float32), np.ones((4, 1, 3, 3), np.float32)
    with accel.accelerator("numba"), convolution.strategy("taps"):
        y = convolution.conv2d(x, w, groups=4, **kw)
        grads = convolution.conv2d_backward(np.zeros(y.shape, np.float32), x, w, groups=4, **kw)
    assert y.shape[0] == 0 and grads.dx.shape == x.shape
    np.testing.assert_array_equal(grads.dw, np.zeros_like(w))


def test_flat_runs_of_images_split_over_threads_give_one_threads_results(monkeypatch):
    """The flat kernels lay a run of images end to end, the job of its first image doing it:
    however the jobs are shared among threads, each run is done once, the same way."""
    monkeypatch.setattr(taps_numba, "SPLIT_WORK", 0)
    rng = np.random.default_rng(11)
    x, w = rng.standard_normal((150, 6, 7, 7)), rng.standard_normal((6, 2, 3, 3))
    kw = dict(padding=1, groups=3)
    dy = rng.standard_normal((150, 6, 7, 7))
    results = {}
    for threads in (1, 2):
        with parallel.limit(threads), accel.accelerator("numba"), convolution.strategy("taps"):
            results[threads] = (
                convolution.conv2d(x, w, **kw),
                *convolution.conv2d_backward(dy, x, w, **kw)[:2],
            )
    expected = (reference.conv2d(x, w, **kw), *reference.conv2d_backward(dy, x, w, **kw)[:2])
    for what, a, b, r in zip(("y", "dx", "dw"), results[1], results[2], expected):
        np.testing.assert_array_equal(a, b, err_msg=what)
        _close(a, r, 1e-12, f"{what} vs reference")
