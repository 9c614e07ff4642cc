"""Every strategy, forced, against the reference loops and PyTorch.

``convgrad.convolution`` computes a convolution by one of several strategies, chosen by shape;
each is forced here (``convolution.strategy(name)``) on hypothesis-drawn configurations it
supports, and must agree with :mod:`convgrad.reference` and with PyTorch: float64 to 1e-12
relative, float32 (against the float64 reference of the same inputs) to 1e-4 relative. The
im2col kernels also run with tiny chunks, so that every image, and every row block of an image,
is a piece of its own, and the parts that run on threads are split as finely as they can be.
"""

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from convgrad import _args, convolution, reference
from convgrad.kernels import accel
from convgrad.kernels import im2col as _im2col
from convgrad.kernels import nhwc as _nhwc
from convgrad.kernels import parallel as _parallel
from convgrad.kernels import tapmm as _tapmm
from convgrad.kernels import taps as _taps
from oracle import torch_conv, torch_conv_transpose
from strategies import MODES, Config, TransposeConfig, _arrays, conv_configs, transpose_configs

TIGHT = dict(rtol=1e-12, atol=1e-12)


@st.composite
def three_by_three(draw, dtype=np.float64):
    """2-D 3x3 convolutions with stride 1 and no dilation or groups (what Winograd computes):
    odd and even sizes, every padding mode, per-side padding, random layouts."""
    spatial = (draw(st.integers(1, 9)), draw(st.integers(1, 9)))
    mode = draw(st.sampled_from(MODES))
    pairs = tuple((draw(st.integers(0, 2)), draw(st.integers(0, 2))) for _ in range(2))
    for size, (lo, hi) in zip(spatial, pairs):
        assume(mode != "reflect" or max(lo, hi) < size)
        assume(mode != "circular" or max(lo, hi) <= size)
    out = tuple(size + lo + hi - 2 for size, (lo, hi) in zip(spatial, pairs))
    assume(min(out) >= 1)
    c_in, c_out = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    x, w, b, seed = _arrays(draw, dtype, (c_in, *spatial), (c_out, c_in, 3, 3), c_out)
    return Config(2, x, w, b, 1, pairs, 1, 1, mode, pairs, out, seed)


@st.composite
def three_by_three_transposed(draw):
    spatial = (draw(st.integers(1, 6)), draw(st.integers(1, 6)))
    pairs = tuple((draw(st.integers(0, 2)), draw(st.integers(0, 2))) for _ in range(2))
    out = tuple(size + 2 - lo - hi for size, (lo, hi) in zip(spatial, pairs))
    assume(min(out) >= 1)
    c_in, c_out = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    x, w, b, seed = _arrays(draw, np.float64, (c_in, *spatial), (c_in, c_out, 3, 3), c_out)
    return TransposeConfig(2, x, w, b, 1, pairs, 0, 1, 1, pairs, (0, 0), out, seed)


def _configs(strategy, dtype=np.float64):
    """Configurations the strategy supports, drawn as such rather than filtered."""
    if strategy == "winograd":
        return three_by_three(dtype)
    max_stride = 1 if strategy in ("shift", "tapmm", "rows") else 3
    max_groups = 1 if strategy in ("tapmm", "nhwc", "rows", "tapblocks") else 3  # groups of one
    return conv_configs(dtype=dtype, max_stride=max_stride, max_groups=max_groups)


def _supported(name, cfg, transposed=False):
    n, x = cfg.n, cfg.x if cfg.x.ndim == cfg.n + 2 else cfg.x[None]
    if transposed:
        spec, _ = _args.conv_transpose_spec("t", n, x, cfg.w, None, *_transpose_args(cfg))
    else:
        kw = cfg.kwargs()
        spec = _args.conv_spec("t", n, x, cfg.w, None, *kw.values())
    return convolution.supports(name, spec, cfg.w)


def _transpose_args(cfg):
    kw = cfg.kwargs()
    return kw["stride"], kw["padding"], kw["output_padding"], kw["groups"], kw["dilation"]


def _all(module, name, cfg, dy):
    op, op_backward = getattr(module, name), getattr(module, f"{name}_backward")
    kw = cfg.kwargs()
    return (op(cfg.x, cfg.w, cfg.b, **kw), *op_backward(dy, cfg.x, cfg.w, **kw))


def _check(strategy, name, cfg, torch_results, dy):
    with convolution.strategy(strategy):
        ours = _all(convolution, name, cfg, dy)
    expected = _all(reference, name, cfg, dy)
    for what, a, r, t in zip(("y", "dx", "dw", "db"), ours, expected, torch_results):
        assert a.dtype == np.float64, what
        np.testing.assert_allclose(a, r, **TIGHT, err_msg=f"{strategy} {what} vs reference")
        np.testing.assert_allclose(a, t, **TIGHT, err_msg=f"{strategy} {what} vs torch")


@pytest.fixture(params=["whole", "tiny chunks"])
def chunking(request, monkeypatch):
    """Whole arrays, or the smallest pieces and blocks there can be, split across 3 threads."""
    if request.param == "tiny chunks":
        monkeypatch.setattr(_im2col, "CHUNK_BYTES", 1)
        monkeypatch.setattr(_taps, "BLOCK_BYTES", 1)
        monkeypatch.setattr(_taps, "PLANES_BLOCK_BYTES", 1)
        monkeypatch.setattr(_tapmm, "BLOCK_BYTES", 1)
        monkeypatch.setattr(_nhwc, "KEEP_BYTES", 0)
        monkeypatch.setattr(_parallel, "_threads", 3)
        monkeypatch.setattr(_parallel, "SPLIT_POSITIONS", 0)
        monkeypatch.setattr(_parallel, "SPLIT_MIN_FLOPS", 0)


def _torch(cfg, dy, transposed):
    if transposed:
        return torch_conv_transpose(
            cfg.n, cfg.x, cfg.w, cfg.b, dy, cfg.stride, cfg.pairs, cfg.output_padding,
            cfg.groups, cfg.dilation,
        )  # fmt: skip
    return torch_conv(
        cfg.n, cfg.x, cfg.w, cfg.b, dy, cfg.stride, cfg.pairs, cfg.dilation, cfg.groups,
        cfg.padding_mode,
    )  # fmt: skip


@pytest.mark.parametrize("transposed", [False, True], ids=["conv", "transposed"])
@pytest.mark.parametrize("strategy", convolution.STRATEGIES)
def test_strategy_matches_reference_and_torch(strategy, transposed, chunking):
    if strategy == "openvino":
        pytest.skip("float32 only, and optional: tests/test_conv_openvino.py")
    if transposed:
        if strategy == "winograd":
            configs = three_by_three_transposed()
        else:  # shift computes stride 1 only: drawn as such rather than filtered
            configs = transpose_configs(
                max_stride=1 if strategy in ("shift", "tapmm", "rows") else 3,
                max_groups=1 if strategy in ("tapmm", "nhwc", "rows", "tapblocks") else 3,
            )
    else:
        configs = _configs(strategy)

    @given(configs)
    def check(cfg):
        assume(_supported(strategy, cfg, transposed))
        c_out = cfg.w.shape[1] * cfg.groups if transposed else cfg.w.shape[0]
        cfg.b = np.zeros(c_out) if cfg.b is None else cfg.b  # db is compared too
        dy = cfg.dy()
        name = f"conv_transpose{cfg.n}d" if transposed else f"conv{cfg.n}d"
        _check(strategy, name, cfg, _torch(cfg, dy, transposed), dy)

    check()


@pytest.mark.parametrize("transposed", [False, True], ids=["conv", "transposed"])
def test_wide_groups_run_group_by_group_and_match_reference_and_torch(transposed, monkeypatch):
    """Groups of 16 or more channels each way, where im2col would be chosen, run group by group
    (convolution._groups_apart), each group with its own automatic choice; NaN placement too."""
    calls = []
    one_group = convolution._one_group
    monkeypatch.setattr(convolution, "_one_group", lambda spec: calls.append(1) or one_group(spec))
    configs = (
        transpose_configs(dims=(1, 2), wide=True)
        if transposed
        else conv_configs(dims=(1, 2), wide=True)
    )

    @given(configs, st.booleans())
    def check(cfg, poison):
        c_out = cfg.w.shape[1] * cfg.groups if transposed else cfg.w.shape[0]
        cfg.b = np.zeros(c_out) if cfg.b is None else cfg.b
        if poison:
            cfg.x = cfg.x.copy()
            cfg.x.reshape(-1)[[0, -1]] = [np.nan, np.inf]
        dy = cfg.dy()
        name = f"conv_transpose{cfg.n}d" if transposed else f"conv{cfg.n}d"
        _check(None, name, cfg, _torch(cfg, dy, transposed), dy)

    check()
    assert calls  # the configurations reached the group-by-group path


@pytest.mark.parametrize("strategy", convolution.STRATEGIES)
def test_float32_strategy_within_1e_4_of_the_float64_reference(strategy, chunking):
    if strategy == "openvino":
        pytest.skip("optional: tests/test_conv_openvino.py holds it to 1e-5")

    @given(_configs(strategy, np.float32))
    def check(cfg):
        assume(_supported(strategy, cfg))
        n, kw = cfg.n, cfg.kwargs()
        dy = cfg.dy().astype(np.float32)
        with convolution.strategy(strategy):
            ours = _all(convolution, f"conv{n}d", cfg, dy)
        as64 = [None if a is None else a.astype(np.float64) for a in (cfg.x, cfg.w, cfg.b)]
        y64 = getattr(reference, f"conv{n}d")(*as64, **kw)
        grads64 = getattr(reference, f"conv{n}d_backward")(dy.astype(np.float64), *as64[:2], **kw)
        for what, a32, a64 in zip(("y", "dx", "dw", "db"), ours, (y64, *grads64)):
            assert a32.dtype == np.float32, what
            scale = max(1.0, float(np.abs(a64).max(initial=0)))
            np.testing.assert_allclose(a32, a64, rtol=1e-4, atol=1e-5 * scale, err_msg=what)

    check()


@pytest.mark.parametrize(("strategy", "channels"), [("nhwc", 16), ("nchw", 3)])
def test_large_images_run_in_blocks_of_rows_with_bounded_buffers(strategy, channels, monkeypatch):
    """An image whose windows exceed a piece's bytes runs row block by row block: products are
    written into blocks of rows of y, and dx is added (or convolved) block by block."""
    monkeypatch.setattr(_im2col, "CHUNK_BYTES", 4096)
    monkeypatch.setattr(_nhwc, "KEEP_BYTES", 1024)
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((2, channels, 20, 18)), rng.standard_normal((8, channels, 3, 3))
    dy = rng.standard_normal((2, 8, 20, 18))
    with convolution.strategy(strategy):
        y = convolution.conv2d(x, w, padding=1)
        ours = (y, *convolution.conv2d_backward(dy, x, w, padding=1))
    expected = torch_conv(2, x, w, None, dy, 1, ((1, 1), (1, 1)), 1, 1, "zeros")
    for a, e in zip(ours[:3], expected[:3]):
        np.testing.assert_allclose(a, e, rtol=1e-12, atol=1e-12)


def test_strategy_override_and_validation():
    assert convolution.chosen_strategy((1, 4, 5, 5), (4, 1, 3, 3), groups=4) == "taps"
    with convolution.strategy("im2col"):
        assert convolution.chosen_strategy((1, 4, 5, 5), (4, 1, 3, 3), groups=4) == "im2col"
        with convolution.strategy(None):
            assert convolution.chosen_strategy((1, 4, 5, 5), (4, 1, 3, 3), groups=4) == "taps"
    # 4 channels: NHWC_FEW_CHANNELS
    assert convolution.chosen_strategy((1, 4, 5, 5), (4, 4, 3, 3)) == "nhwc"
    with convolution.strategy("winograd"):
        assert convolution.chosen_strategy((1, 4, 5, 5), (4, 4, 3, 3)) == "winograd"
        assert convolution.chosen_strategy((1, 4, 5, 5), (4, 4, 3, 3), stride=2) == "im2col"
    with convolution.strategy("taps"), accel.accelerator("numpy"):  # unsupported without numba
        assert convolution.chosen_strategy((1, 4, 5, 5), (4, 2, 3, 3), groups=2) == "im2col"
    with convolution.strategy("shift"):
        assert convolution.chosen_strategy((1, 4, 5, 5), (4, 4, 3, 3), stride=2) == "im2col"
    with pytest.raises(ValueError, match="strategy must be one of"):
        with convolution.strategy("magic"):
            pass


def test_a_bad_strategy_from_the_environment_is_an_error():
    token = convolution._FORCED.set("magic")  # what CONVGRAD_STRATEGY=magic sets
    try:
        with pytest.raises(ValueError, match="CONVGRAD_STRATEGY must be one of"):
            convolution.chosen_strategy((1, 2, 5, 5), (2, 2, 3, 3))
    finally:
        convolution._FORCED.reset(token)


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
def test_pad_backward_into_writes_what_pad_backward_returns(mode):
    # the kernels fold each chunk's gradient into dx with it
    from convgrad import _np

    rng = np.random.default_rng(0)
    for pairs in (((0, 0), (0, 0)), ((1, 2), (0, 3)), ((2, 2), (1, 1))):
        g = rng.standard_normal((2, 3, 9, 9))
        expected = _np.pad_backward(g, pairs, mode)
        out = np.empty_like(expected)
        _np.pad_backward_into(out, g, pairs, mode)
        np.testing.assert_array_equal(out, expected)
