"""Fast kernels against the reference loops, and both against PyTorch, in float64.

Configurations are drawn with hypothesis (tests/strategies.py): 1-D to 3-D, batched or not,
every padding form and mode, stride, dilation, groups, bias or none, and non-contiguous inputs.
"""

import numpy as np
import pytest
from hypothesis import given

import convgrad
from convgrad import reference
from oracle import torch_conv, torch_conv_transpose
from strategies import conv_configs, transpose_configs

# float64 sums of a few hundred products of O(1) numbers agree to ~1e-15; these bounds leave
# room for summation order and nothing else.
TIGHT = dict(rtol=1e-12, atol=1e-12)


def _close(actual, expected, what):
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    np.testing.assert_allclose(actual, expected, **TIGHT, err_msg=what)


def _torch_padding(cfg):
    """What to give torch: its own "same" where it accepts it, else the test's own pairs."""
    stride_one = set(np.atleast_1d(cfg.stride).tolist()) == {1}
    if cfg.padding == "same" and stride_one and cfg.padding_mode == "zeros":
        return "same"
    return cfg.pairs


def _fast_reference_torch(name, cfg, expected_channels, torch_results):
    """Run op ``name`` fast and reference, forward and backward; hold all three together."""
    kw, dy, bias = cfg.kwargs(), cfg.dy(), cfg.b is not None
    results = {}
    for label, module in (("fast", convgrad), ("reference", reference)):
        op, op_backward = getattr(module, name), getattr(module, f"{name}_backward")
        y = op(cfg.x, cfg.w, cfg.b, **kw)
        results[label] = (y, *op_backward(dy, cfg.x, cfg.w, **kw, bias=bias))
    expected = torch_results(dy)

    lead = cfg.x.shape[: -cfg.n - 1]
    assert results["fast"][0].shape == (*lead, expected_channels, *cfg.out)
    for i, what in enumerate(("y", "dx", "dw", "db")):
        ours, theirs = results["fast"][i], results["reference"][i]
        if what == "db" and not bias:
            assert ours is None and theirs is None
            continue
        assert ours.dtype == np.float64
        _close(ours, theirs, f"{what}: fast vs reference")
        _close(theirs, expected[i], f"{what}: reference vs torch")
        _close(ours, expected[i], f"{what}: fast vs torch")


@given(conv_configs())
def test_conv_matches_reference_and_torch(cfg):
    def torch_results(dy):
        return torch_conv(
            cfg.n,
            cfg.x,
            cfg.w,
            cfg.b,
            dy,
            cfg.stride,
            _torch_padding(cfg),
            cfg.dilation,
            cfg.groups,
            cfg.padding_mode,
        )

    _fast_reference_torch(f"conv{cfg.n}d", cfg, cfg.w.shape[0], torch_results)


@given(transpose_configs())
def test_conv_transpose_matches_reference_and_torch(cfg):
    def torch_results(dy):
        return torch_conv_transpose(
            cfg.n,
            cfg.x,
            cfg.w,
            cfg.b,
            dy,
            cfg.stride,
            cfg.pairs,
            cfg.output_padding,
            cfg.groups,
            cfg.dilation,
        )

    _fast_reference_torch(
        f"conv_transpose{cfg.n}d", cfg, cfg.w.shape[1] * cfg.groups, torch_results
    )


@given(conv_configs(dtype=np.float32))
def test_float32_conv_stays_float32_and_close_to_float64(cfg):
    n, kw = cfg.n, cfg.kwargs()
    fast, fast_backward = getattr(convgrad, f"conv{n}d"), getattr(convgrad, f"conv{n}d_backward")
    dy = cfg.dy().astype(np.float32)
    as64 = [None if a is None else a.astype(np.float64) for a in (cfg.x, cfg.w, cfg.b)]
    y32, y64 = fast(cfg.x, cfg.w, cfg.b, **kw), fast(*as64, **kw)
    g32 = fast_backward(dy, cfg.x, cfg.w, **kw)
    g64 = fast_backward(dy.astype(np.float64), as64[0], as64[1], **kw)
    for name, a32, a64 in zip(("y", "dx", "dw", "db"), (y32, *g32), (y64, *g64)):
        assert a32.dtype == np.float32, name
        scale = max(1.0, float(np.abs(a64).max(initial=0)))
        np.testing.assert_allclose(a32, a64, rtol=1e-4, atol=1e-5 * scale, err_msg=name)


# Named awkward cases, each checked against torch, on top of what hypothesis draws.
AWKWARD = {
    "1x1 kernel": dict(shape=(2, 3, 5, 6), kernel=(1, 1)),
    "stride larger than kernel": dict(shape=(2, 3, 9, 8), kernel=(2, 2), stride=3),
    "output size not dividing": dict(shape=(1, 2, 8, 7), kernel=(3, 2), stride=(3, 2), padding=1),
    "depthwise": dict(shape=(2, 4, 6, 6), kernel=(3, 3), groups=4, padding=1),
    "dilated": dict(shape=(1, 2, 9, 9), kernel=(3, 3), dilation=2),
    "kernel as large as padded input": dict(shape=(1, 1, 3, 3), kernel=(5, 5), padding=1),
    "same, even kernel": dict(shape=(1, 2, 6, 5), kernel=(2, 4), padding="same"),
    "same, stride 2": dict(shape=(1, 2, 7, 6), kernel=(3, 2), stride=2, padding="same"),
    "reflect": dict(shape=(1, 2, 4, 5), kernel=(3, 3), padding=3, padding_mode="reflect"),
    "circular, pad == size": dict(
        shape=(1, 1, 3, 3), kernel=(3, 3), padding=3, padding_mode="circular"
    ),
    "replicate, asymmetric": dict(
        shape=(1, 1, 3, 4), kernel=(2, 2), padding=((0, 3), (2, 0)), padding_mode="replicate"
    ),
}


@pytest.mark.parametrize("case", AWKWARD.values(), ids=AWKWARD.keys())
def test_awkward_conv2d_cases(case):
    case = dict(case)
    rng = np.random.default_rng(0)
    shape, kernel = case.pop("shape"), case.pop("kernel")
    groups = case.get("groups", 1)
    x = rng.standard_normal(shape)
    w = rng.standard_normal((3 * groups, shape[1] // groups, *kernel))
    b = rng.standard_normal(3 * groups)
    kw = dict(stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros") | case
    y = convgrad.conv2d(x, w, b, **kw)
    dy = rng.standard_normal(y.shape)
    dx, dw, db = convgrad.conv2d_backward(dy, x, w, **kw)
    pairs = kw["padding"]
    if isinstance(pairs, int):
        pairs = ((pairs, pairs),) * 2
    elif pairs == "same":
        stride = (kw["stride"],) * 2 if isinstance(kw["stride"], int) else kw["stride"]
        pairs = []
        for size, k, s in zip(shape[2:], kernel, stride):
            total = max((-(-size // s) - 1) * s + k - size, 0)
            pairs.append((total // 2, total - total // 2))
    expected = torch_conv(
        2, x, w, b, dy, kw["stride"], pairs, kw["dilation"], kw["groups"], kw["padding_mode"]
    )
    for name, ours, theirs in zip(("y", "dx", "dw", "db"), (y, dx, dw, db), expected):
        _close(ours, theirs, name)


def test_same_padding_puts_the_extra_row_and_column_at_the_end():
    x = np.zeros((1, 1, 4, 4))
    x[0, 0, 3, 3] = 1.0  # bottom-right pixel
    w = np.ones((1, 1, 2, 2))
    y = convgrad.conv2d(x, w, padding="same")
    # with the extra padding after, output (3, 3) covers input rows/cols 3..4: it sees the pixel;
    # with it before, output (3, 3) would cover rows/cols 2..3 and so would output (2, 2).
    assert y.shape == (1, 1, 4, 4)
    assert y[0, 0, 3, 3] == 1.0 and y[0, 0, 2, 2] == 1.0 and y.sum() == 4.0
    np.testing.assert_array_equal(y, torch_conv(2, x, w, None, None, 1, "same", 1, 1, "zeros"))


def test_same_padding_with_stride_keeps_ceil_of_input_over_stride():
    x = np.ones((1, 1, 7, 8))
    y = convgrad.conv2d(x, np.ones((1, 1, 3, 3)), stride=(2, 3), padding="same")
    assert y.shape == (1, 1, 4, 3)


def test_unbatched_equals_batched_of_one():
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((2, 5, 5)), rng.standard_normal((3, 2, 2, 2))
    y = convgrad.conv2d(x, w, padding=1)
    np.testing.assert_array_equal(y, convgrad.conv2d(x[None], w, padding=1)[0])
    dy = rng.standard_normal(y.shape)
    dx, dw, _ = convgrad.conv2d_backward(dy, x, w, padding=1)
    dx1, dw1, _ = convgrad.conv2d_backward(dy[None], x[None], w, padding=1)
    np.testing.assert_array_equal(dx, dx1[0])
    np.testing.assert_array_equal(dw, dw1)


@pytest.mark.parametrize("groups", [1, 2], ids=["im2col", "taps"])
def test_empty_batch_gives_empty_results(groups):
    x, w = np.zeros((0, 2, 5, 5)), np.ones((4, 2 // groups, 3, 3))
    y = convgrad.conv2d(x, w, groups=groups)
    assert y.shape == (0, 4, 3, 3)
    dx, dw, db = convgrad.conv2d_backward(np.zeros(y.shape), x, w, groups=groups)
    assert dx.shape == x.shape and dw.shape == w.shape and not dw.any() and not db.any()
    yt = convgrad.conv_transpose2d(y, w, groups=groups)
    assert yt.shape == (0, 2, 5, 5)
    dx, dw, db = convgrad.conv_transpose2d_backward(yt, y, w, groups=groups)
    assert dx.shape == y.shape and dw.shape == w.shape and not dw.any() and not db.any()
