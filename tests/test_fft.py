"""The FFT strategy on large kernels, where it is the automatic choice.

``tests/test_strategies.py`` forces every strategy, FFT included, on hypothesis-drawn small
configurations; here the kernels are as large as those the automatic choice hands to the FFT
(tens to hundreds of taps), drawn with strides, dilations, groups, channel multipliers and
padding modes, against PyTorch in float64 at 1e-12 and against the float64 reference in float32.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convgrad
from convgrad import _args, convolution, reference
from convgrad.kernels import accel
from convgrad.kernels import fft as _fft
from oracle import numerical_grad, torch_conv, torch_conv_transpose

TIGHT = dict(rtol=1e-12, atol=1e-12)


def _is_5_smooth(n):
    for p in (2, 3, 5):
        while n % p == 0:
            n //= p
    return n == 1


def test_fast_length_is_the_smallest_5_smooth_length_at_least_n():
    smooth = [m for m in range(1, 2200) if _is_5_smooth(m)]
    for n in range(1, 2000):
        assert _fft.fast_length(n) == min(m for m in smooth if m >= n), n


@st.composite
def large_kernels(draw, dtype=np.float64):
    """A 1-, 2- or 3-D convolution whose kernel has from tens to hundreds of taps."""
    n = draw(st.sampled_from([1, 2, 3]))
    k_max = {1: 80, 2: 12, 3: 5}[n]
    kernel = tuple(draw(st.integers(2, k_max)) for _ in range(n))
    stride = tuple(draw(st.integers(1, 3)) for _ in range(n))
    dilation = tuple(draw(st.integers(1, 2)) for _ in range(n))
    mode = draw(st.sampled_from(["zeros", "reflect", "replicate", "circular"]))
    extent = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    spatial = tuple(e + draw(st.integers(0, 6)) for e in extent)
    padding = tuple(draw(st.integers(0, min(3, s - 1))) for s in spatial)
    groups = draw(st.sampled_from([1, 2]))
    cg, og = draw(st.integers(1, 3)), draw(st.integers(1, 3))  # per group: cg=1 is elementwise
    batch = draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    x = rng.standard_normal((batch, groups * cg, *spatial)).astype(dtype)
    w = rng.standard_normal((groups * og, cg, *kernel)).astype(dtype)
    b = rng.standard_normal(groups * og).astype(dtype)
    kw = dict(stride=stride, padding=padding, dilation=dilation, groups=groups, padding_mode=mode)
    return n, x, w, b, kw, rng


def _ours(n, x, w, b, dy, kw, strategy="fft"):
    with convolution.strategy(strategy):
        y = getattr(convgrad, f"conv{n}d")(x, w, b, **kw)
        return (y, *getattr(convgrad, f"conv{n}d_backward")(dy, x, w, **kw))


@settings(max_examples=60, deadline=None)
@given(large_kernels())
def test_fft_matches_torch_on_large_kernels(case):
    n, x, w, b, kw, rng = case
    pairs = tuple((p, p) for p in kw["padding"])
    y_t = torch_conv(n, x, w, b, None, kw["stride"], pairs, kw["dilation"], kw["groups"],
                     kw["padding_mode"])  # fmt: skip
    dy = rng.standard_normal(y_t.shape)
    expected = torch_conv(n, x, w, b, dy, kw["stride"], pairs, kw["dilation"], kw["groups"],
                          kw["padding_mode"])  # fmt: skip
    for what, a, e in zip(("y", "dx", "dw", "db"), _ours(n, x, w, b, dy, kw), expected):
        np.testing.assert_allclose(a, e, **TIGHT, err_msg=what)


@settings(max_examples=30, deadline=None)
@given(large_kernels(np.float32))
def test_float32_fft_within_1e_4_of_the_float64_reference(case):
    n, x, w, b, kw, rng = case
    as64 = [a.astype(np.float64) for a in (x, w, b)]
    y64 = getattr(reference, f"conv{n}d")(*as64, **kw)
    dy = rng.standard_normal(y64.shape).astype(np.float32)
    grads64 = getattr(reference, f"conv{n}d_backward")(dy.astype(np.float64), *as64[:2], **kw)
    for what, a32, a64 in zip(("y", "dx", "dw", "db"), _ours(n, x, w, b, dy, kw), (y64, *grads64)):
        assert a32.dtype == np.float32, what
        scale = max(1.0, float(np.abs(a64).max()))
        np.testing.assert_allclose(a32, a64, rtol=1e-4, atol=1e-5 * scale, err_msg=what)


def test_fft_transposed_convolution_with_a_large_kernel_matches_torch():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 4, 9, 7))
    w = rng.standard_normal((4, 3, 11, 9))  # (C_in, C_out / groups, ...), groups 2
    b = rng.standard_normal(6)
    kw = dict(stride=(2, 3), padding=(3, 2), output_padding=(1, 0), groups=2, dilation=(1, 2))
    with convolution.strategy("fft"):
        y = convgrad.conv_transpose2d(x, w, b, **kw)
        dy = rng.standard_normal(y.shape)
        grads = convgrad.conv_transpose2d_backward(dy, x, w, **kw)
    pairs = ((3, 3), (2, 2))
    expected = torch_conv_transpose(2, x, w, b, dy, (2, 3), pairs, (1, 0), 2, (1, 2))
    for what, a, e in zip(("y", "dx", "dw", "db"), (y, *grads), expected):
        np.testing.assert_allclose(a, e, **TIGHT, err_msg=what)


def test_fft_gradients_match_finite_differences():
    rng = np.random.default_rng(4)
    x, w = rng.standard_normal((1, 2, 12)), rng.standard_normal((4, 1, 9))
    kw = dict(stride=2, padding=3, dilation=2, groups=2, padding_mode="reflect")
    dy = rng.standard_normal(convgrad.conv1d(x, w, **kw).shape)

    def loss(x_, w_):
        with convolution.strategy("fft"):
            return float((convgrad.conv1d(x_, w_, **kw) * dy).sum())

    with convolution.strategy("fft"):
        dx, dw, _ = convgrad.conv1d_backward(dy, x, w, **kw)
    np.testing.assert_allclose(dx, numerical_grad(lambda a: loss(a, w), x), atol=1e-7)
    np.testing.assert_allclose(dw, numerical_grad(lambda a: loss(x, a), w), atol=1e-7)


@pytest.mark.parametrize(
    ("x", "w", "kw", "expected"),
    [
        ((8, 32, 112, 112), (32, 1, 9, 9), dict(padding=4, groups=32), "fft"),  # 81 taps, depthwise
        ((8, 32, 112, 112), (32, 1, 7, 7), dict(padding=3, groups=32), "taps"),  # 49
        # otherwise taps * output positions / frequencies decides: 174, 75, 42, 56 and 51
        ((8, 16, 64, 64), (16, 16, 11, 11), dict(padding=5), "fft"),
        ((8, 16, 64, 64), (16, 16, 7, 7), dict(padding=3), "fft"),
        ((8, 16, 64, 64), (16, 16, 11, 11), dict(stride=2), "nhwc"),  # a quarter of the outputs
        ((8, 64, 28, 28), (64, 64, 7, 7), dict(padding=3), "nhwc"),  # not the FFT: stride 1
        ((8, 128, 14, 14), (128, 128, 9, 9), dict(padding=4), "nhwc"),
        ((8, 16, 4096), (16, 16, 33), dict(padding=16), "nhwc"),  # 62
        ((8, 16, 4096), (16, 16, 65), dict(padding=32), "fft"),  # 123
        ((8, 16, 4096), (16, 16, 129), dict(padding=64), "fft"),
        # large kernels whose transform would be 18 MB, or 1.3 GB: not the FFT
        ((8, 32, 4096), (32, 32, 129), dict(padding=64), "nhwc"),
        ((8, 64, 4096), (64, 64, 5), dict(padding=2), "nchw"),
        ((8, 256, 4096), (256, 1, 255), dict(padding=127, groups=256), "fft"),
        ((8, 512, 14, 14), (512, 512, 11, 11), dict(padding=5), "im2col"),  # NHWC_MAX_CHANNELS
    ],
)
def test_the_automatic_choice_takes_the_fft_for_large_kernels_only(x, w, kw, expected):
    with accel.accelerator("numpy"):  # with numba, depthwise layers take its taps (test_taps_numba)
        assert convolution.chosen_strategy(x, w, **kw) == expected


def test_the_kernel_transform_estimate_is_the_size_of_the_transform():
    rng = np.random.default_rng(5)
    x, w = rng.standard_normal((1, 6, 20, 13)), rng.standard_normal((4, 3, 5, 4))
    spec = _args.conv_spec("conv2d", 2, x, w, None, 1, 2, 1, 2, "zeros")
    plan = _fft._Plan(spec, w)
    assert _fft.kernel_bytes(spec, w, 8) == plan.kernel(w).nbytes  # complex128
    assert plan.lengths == (24, 18) and math.prod(plan.frequencies) == 24 * 10


@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("groups", [1, 2])
def test_fft_leaves_inputs_untouched_and_returns_fresh_outputs(stride, groups):
    rng = np.random.default_rng(6)
    x, w, b = rng.standard_normal((2, 4, 9, 8)), rng.standard_normal((4, 4 // groups, 3, 3)), None
    kw = dict(stride=stride, groups=groups)  # no padding: the kernels read x itself
    dy = rng.standard_normal(convgrad.conv2d(x, w, **kw).shape)
    inputs = (x, w, dy)
    copies = [a.copy() for a in inputs]
    for a in inputs:
        a.flags.writeable = False
    with convolution.strategy("fft"):
        outputs = (convgrad.conv2d(x, w, b, **kw), *convgrad.conv2d_backward(dy, x, w, **kw)[:2])
    for a, copy in zip(inputs, copies):
        np.testing.assert_array_equal(a, copy)
    for i, out in enumerate(outputs):
        assert out.flags.writeable and out.flags.c_contiguous
        assert not any(np.shares_memory(out, a) for a in (*inputs, *outputs[:i]))


def _per_channel_error(a32, a64, axis):
    """The largest error in each channel (slices along ``axis``) over that channel's largest
    value in the float64 reference; the worst channel's."""
    a32 = np.moveaxis(a32.astype(np.float64), axis, 0).reshape(a32.shape[axis], -1)
    a64 = np.moveaxis(a64, axis, 0).reshape(a64.shape[axis], -1)
    scale = np.abs(a64).max(axis=1)
    return float(np.max(np.abs(a32 - a64).max(axis=1) / np.where(scale > 0, scale, 1)))


def _float32_errors(n, x, w, dy, kw):
    """Each strategy's worst per-channel error on ``y``, ``dx``, ``dw`` and ``db`` in float32."""
    x64, w64 = x.astype(np.float64), w.astype(np.float64)
    y64 = getattr(reference, f"conv{n}d")(x64, w64, **kw)
    expected = (y64, *getattr(reference, f"conv{n}d_backward")(dy.astype(np.float64), x64, w64,
                                                               **kw))  # fmt: skip
    spec = _args.conv_spec("c", n, x, w, None, kw["stride"], kw["padding"], kw["dilation"],
                           kw["groups"], "zeros")  # fmt: skip
    errors = {}
    for name in convolution.STRATEGIES:
        if convolution.supports(name, spec, w):
            ours = _ours(n, x, w, None, dy, kw, name)
            for what, a32, a64, axis in zip(("y", "dx", "dw", "db"), ours, expected, (1, 1, 0, 0)):
                assert a32.dtype == np.float32
                errors[name, what] = _per_channel_error(a32, a64, axis)
    return errors


# Measured per channel, relative to that channel's largest value: elementwise is not meaningful
# (an output that is a sum cancelling to near zero has no relative digits in any float32
# method), and relative to the whole result would let a small channel hide its errors behind a
# large one. A transform's error scales with the whole image, so in float32 the FFT lost up to
# 2.6e-4 of a channel's scale on the cases below; the direct strategies stay near 1e-6.


@pytest.mark.parametrize("seed", range(24))
def test_float32_every_strategy_within_1e_5_of_each_channels_scale(seed):
    # images, channels, weights and upstream gradients whose scales differ by up to 1e8
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 4))
    k = {1: int(rng.integers(20, 70)), 2: int(rng.integers(3, 12)), 3: int(rng.integers(3, 6))}[n]
    groups, cg, og, batch = (int(v) for v in rng.integers(1, 4, size=4))
    groups = min(groups, 2)
    size = k + int(rng.integers(0, 12))
    stride, dilation = int(rng.integers(1, 3)), int(rng.integers(1, 3))
    if dilation * (k - 1) + 1 > size + 2 * (k // 2):
        dilation = 1

    def scaled(shape):
        scale = 10.0 ** rng.uniform(-4, 4, (*shape[:2], *(1,) * (len(shape) - 2)))
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    x, w = scaled((batch, groups * cg, *(size,) * n)), scaled((groups * og, cg, *(k,) * n))
    kw = dict(stride=stride, padding=k // 2, dilation=dilation, groups=groups)
    dy = scaled(getattr(reference, f"conv{n}d")(x, w, **kw).shape)
    for key, error in _float32_errors(n, x, w, dy, kw).items():
        assert error <= 1e-5, (key, error, n, k, kw)


@pytest.mark.parametrize("groups", [1, 3])
def test_float32_outputs_far_smaller_than_their_image(groups):
    # stride 2 and dilation 2 read only the even pixels; the odd ones are 1e4 times brighter, so
    # every output is far smaller than the image a transform sees whole
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 3, 24, 24))
    x[:, :, 1::2, :] *= 1e4
    x[:, :, :, 1::2] *= 1e4
    w = rng.standard_normal((6, 3 // groups, 9, 9))
    kw = dict(stride=2, padding=0, dilation=2, groups=groups)
    dy = rng.standard_normal(convgrad.conv2d(x, w, **kw).shape)
    as32 = (a.astype(np.float32) for a in (x, w, dy))
    for key, error in _float32_errors(2, *as32, kw).items():
        assert error <= 1e-5, (key, error)
