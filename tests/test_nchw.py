"""The nchw strategy's own cases: its automatic choice, its two ways of adding ``dx`` back (flat
runs at stride 1 with finite weights, tap by tap otherwise), the 1x1 kernels that gather
nothing, buffers kept between calls, arrays in other layouts, and inputs left unchanged.
``test_strategies.py`` holds it, forced, to the reference loops and PyTorch on drawn
configurations (with tiny pieces on 3 threads too)."""

import numpy as np
import pytest

from convgrad import convolution, reference
from convgrad._args import conv_spec
from convgrad.kernels import accel, nchw, parallel
from oracle import torch_conv


def test_the_automatic_choice_follows_the_measured_rule():
    """NumPy's rule (with numba, Winograd takes some 3x3 layers: test_winograd_numba)."""
    with accel.accelerator("numpy"):
        chosen = convolution.chosen_strategy
        # few input channels on images with enough positions: first layers, LeNet's first
        assert chosen((64, 1, 28, 28), (6, 1, 5, 5)) == "nchw"
        assert chosen((32, 1, 28, 28), (32, 1, 3, 3), padding=1) == "nchw"
        assert chosen((32, 3, 32, 32), (16, 3, 3, 3), padding=1) == "nchw"
        assert chosen((2, 3, 224, 224), (64, 3, 7, 7), stride=2, padding=3) == "nchw"
        assert chosen((32, 1, 8, 8), (32, 1, 3, 3), padding=1) == "nchw"  # 64 positions, 9 taps
        # ... but not 25 taps over 10x10 outputs (LeNet's second layer), nor tiny images: with 4
        # to 15 channels, nhwc (its dx nchw's: the next test), with fewer, im2col
        assert chosen((64, 6, 14, 14), (16, 6, 5, 5)) == "nhwc"
        assert chosen((32, 4, 5, 5), (16, 4, 3, 3), padding=1) == "nhwc"  # 25 positions
        assert chosen((32, 3, 5, 5), (16, 3, 3, 3), padding=1) == "im2col"
        assert chosen((64, 6, 14, 14), (16, 6, 5, 5), stride=2) == "im2col"  # measured at stride 1
        assert chosen((8, 6, 6, 6, 6), (16, 6, 3, 3, 3)) == "im2col"  # and in 2-D only
        # 1x1 kernels, with enough positions
        assert chosen((8, 64, 56, 56), (128, 64, 1, 1)) == "nchw"
        assert chosen((8, 64, 56, 56), (128, 64, 1, 1), stride=2) == "nchw"
        assert chosen((32, 512, 4, 4), (512, 512, 1, 1)) == "im2col"  # 16 positions
        assert chosen((8, 1024, 14, 14), (256, 1024, 1, 1)) == "nchw"  # 5 products per position
        assert chosen((8, 512, 7, 7), (2048, 512, 1, 1)) == "im2col"  # 10: dw's sums would cost
        # one dimension
        assert chosen((8, 64, 4096), (64, 64, 5), padding=2) == "nchw"
        # many channels with a 3x3 kernel stay channels last
        assert chosen((32, 16, 28, 28), (16, 16, 3, 3), padding=1) == "nhwc"
        assert chosen((8, 512, 7, 7), (512, 512, 3, 3), padding=1) == "im2col"
        # groups: NumPy's choice (numba's taps take few channels per group first)
        with accel.accelerator("numpy"):
            assert chosen((8, 128, 28, 28), (128, 4, 3, 3), padding=1, groups=32) == "nchw"
            assert chosen((16, 64, 28, 28), (64, 16, 3, 3), padding=1, groups=4) == "nchw"
            assert chosen((8, 96, 27, 27), (256, 48, 5, 5), padding=2, groups=2) == "im2col"  # 1200
            assert chosen((32, 64, 4, 4), (64, 16, 3, 3), padding=1, groups=4) == "im2col"


def test_dx_of_a_layer_with_few_channels_is_im2cols_when_chosen_automatically(monkeypatch):
    """nchw's forward and dw, im2col's dx (measured faster there); forced, nchw's own."""
    calls, own = [], nchw.input_grad
    monkeypatch.setattr(nchw, "input_grad", lambda *a: calls.append("nchw") or own(*a))
    rng = np.random.default_rng(4)
    x, w = rng.standard_normal((2, 3, 16, 16)), rng.standard_normal((4, 3, 3, 3))
    dy = rng.standard_normal((2, 4, 16, 16))
    assert convolution.chosen_strategy(x.shape, w.shape, padding=1) == "nchw"
    dx = convolution.conv2d_backward(dy, x, w, padding=1)[0]
    np.testing.assert_allclose(dx, reference.conv2d_backward(dy, x, w, padding=1)[0], rtol=1e-12)
    assert calls == []
    with convolution.strategy("nchw"):
        convolution.conv2d_backward(dy, x, w, padding=1)
    assert calls == ["nchw"]


def test_dx_after_nchws_forward_with_few_channels_is_im2cols_when_the_layer_widens():
    """4 to 15 input channels where nchw's forward is chosen: dx is im2col's when the layer has
    more output channels than input channels, nhwc's otherwise; forced, each keeps its own."""

    def dx_strategy(x_shape, w_shape, **kw):
        x, w = np.zeros(x_shape, np.float32), np.zeros(w_shape, np.float32)
        kw = dict(stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros") | kw
        spec = conv_spec("conv", 2, x, w, None, *kw.values())
        dy = np.zeros((x_shape[0], w_shape[0], *spec.out_spatial), np.float32)
        return convolution._input_grad_strategy(spec, w, dy, steady=True)

    with accel.accelerator("numpy"):
        assert convolution.chosen_strategy((64, 4, 28, 28), (32, 4, 5, 5)) == "nchw"
        assert dx_strategy((64, 4, 28, 28), (32, 4, 5, 5)) == "im2col"
        assert dx_strategy((32, 8, 28, 28), (16, 8, 3, 3), padding=1) == "im2col"
        assert dx_strategy((32, 8, 28, 28), (8, 8, 7, 7), padding=3) == "nhwc"
        assert dx_strategy((32, 12, 28, 28), (12, 12, 3, 3), padding=1) == "nhwc"
        assert dx_strategy((32, 3, 28, 28), (16, 3, 3, 3), padding=1) == "im2col"  # not few
        with convolution.strategy("nchw"):
            assert dx_strategy((64, 4, 28, 28), (32, 4, 5, 5)) == "nchw"
        with convolution.strategy("nhwc"):
            assert dx_strategy((64, 4, 28, 28), (32, 4, 5, 5)) == "nhwc"
    rng = np.random.default_rng(8)
    x, w = rng.standard_normal((2, 5, 12, 12)), rng.standard_normal((9, 5, 3, 3))
    dy = rng.standard_normal((2, 9, 12, 12))
    for a, e in zip(_all("conv2d", x, w, dy, padding=1),
                    _reference("conv2d", x, w, dy, padding=1), strict=True):  # fmt: skip
        np.testing.assert_allclose(a, e, rtol=1e-12, atol=1e-12)


def test_dx_of_lenets_second_layer_is_nchws_after_nhwcs_forward(monkeypatch):
    """4 to 15 input channels where nchw is not chosen: nhwc's forward and dw, nchw's own dx
    (NHWC_FEW_CHANNELS); forced, nhwc's dx; exact to the reference."""
    calls, own = [], nchw.input_grad
    monkeypatch.setattr(nchw, "input_grad", lambda *a: calls.append("nchw") or own(*a))
    rng = np.random.default_rng(6)
    x, w = rng.standard_normal((3, 6, 14, 14)), rng.standard_normal((16, 6, 5, 5))
    dy = rng.standard_normal((3, 16, 10, 10))
    assert convolution.chosen_strategy(x.shape, w.shape) == "nhwc"
    expected = _reference("conv2d", x, w, dy)
    ours = _all("conv2d", x, w, dy)
    for a, e in zip(ours, expected, strict=True):
        np.testing.assert_allclose(a, e, rtol=1e-12, atol=1e-12)
    assert calls == ["nchw"]
    with convolution.strategy("nhwc"):
        convolution.conv2d_backward(dy, x, w)
    assert calls == ["nchw"]
    w[3, 2, 1, 1] = np.inf  # nchw's dx reads w tap by tap then: the inf reaches what it reaches
    dx = convolution.conv2d_backward(dy, x, w)[0]
    torch = pytest.importorskip("torch")
    tx = torch.tensor(x, requires_grad=True)
    torch.nn.functional.conv2d(tx, torch.tensor(w)).backward(torch.tensor(dy))
    np.testing.assert_array_equal(np.isnan(dx), np.isnan(tx.grad.numpy()))
    np.testing.assert_array_equal(np.isinf(dx), np.isinf(tx.grad.numpy()))


def _all(conv, x, w, dy, **kw):
    y = getattr(convolution, conv)(x, w, **kw)
    return (y, *getattr(convolution, f"{conv}_backward")(dy, x, w, **kw))


def _reference(conv, x, w, dy, **kw):
    return (
        getattr(reference, conv)(x, w, **kw),
        *getattr(reference, f"{conv}_backward")(dy, x, w, **kw),
    )


def _close(ours, expected, dtype):
    tol = 1e-12 if dtype == np.float64 else 1e-4
    for what, a, e in zip(("y", "dx", "dw"), ours, expected):
        assert a.dtype == dtype, what
        scale = max(1.0, float(np.abs(e).max()))
        np.testing.assert_allclose(a, e, rtol=tol, atol=tol * scale, err_msg=what)


CASES = [
    ("conv2d", (4, 3, 9, 9), (8, 3, 3, 3), dict(padding=1), np.float64),  # flat dx
    (
        "conv2d",
        (2, 4, 9, 7),
        (6, 2, 3, 2),
        dict(padding=(1, 2), stride=(2, 1), groups=2),
        np.float32,
    ),
    ("conv2d", (3, 6, 12, 12), (4, 6, 1, 1), {}, np.float64),  # nothing gathered
    ("conv2d", (3, 6, 12, 12), (4, 6, 1, 1), dict(stride=2), np.float32),
    ("conv2d", (1, 2, 6, 6), (2, 2, 3, 3), dict(padding_mode="reflect", padding=1), np.float64),
    ("conv1d", (2, 5, 40), (3, 5, 5), dict(padding=4, dilation=2), np.float32),
    ("conv3d", (2, 2, 5, 6, 7), (3, 2, 3, 2, 3), dict(padding=1), np.float64),
]


@pytest.mark.parametrize("threads", [1, 2])
def test_kept_buffers_of_other_shapes_and_dtypes_do_not_leak_into_results(threads, monkeypatch):
    """Calls of other sizes, ranks and dtypes in between, on the same threads, reuse the
    buffers (the scratch arrays nhwc keeps per thread)."""
    monkeypatch.setattr(parallel, "SPLIT_POSITIONS", 0)
    monkeypatch.setattr(parallel, "SPLIT_MIN_FLOPS", 0)
    rng = np.random.default_rng(0)
    with parallel.limit(threads), convolution.strategy("nchw"):
        for _ in range(2):
            for conv, xs, ws, kw, dtype in CASES:
                x = rng.standard_normal(xs).astype(dtype)
                w = rng.standard_normal(ws).astype(dtype)
                y = getattr(convolution, conv)(x, w, **kw)
                dy = rng.standard_normal(y.shape).astype(dtype)
                expected = _reference(conv, *(a.astype(np.float64) for a in (x, w, dy)), **kw)
                _close(_all(conv, x, w, dy, **kw), expected, dtype)


@pytest.mark.parametrize("where", ["x", "dy", "w"])
@pytest.mark.parametrize("value", [np.inf, np.nan])
def test_a_non_finite_input_reaches_what_it_reaches_in_torch(where, value):
    """dx's flat runs multiply the weights by zeros between dy's rows (0 * inf is NaN): a
    non-finite weight takes the tap-by-tap path, and every result is PyTorch's."""
    rng = np.random.default_rng(2)
    x, w = rng.standard_normal((2, 3, 7, 7)), rng.standard_normal((4, 3, 3, 3))
    dy = rng.standard_normal((2, 4, 7, 7))
    {"x": x, "dy": dy, "w": w}[where][(0, 1, 0, 2)] = value
    with convolution.strategy("nchw"):
        ours = _all("conv2d", x, w, dy, padding=1)
    expected = torch_conv(2, x, w, None, dy, 1, ((1, 1), (1, 1)), 1, 1, "zeros")
    for what, a, e in zip(("y", "dx", "dw"), ours, expected):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(e), err_msg=what)
        np.testing.assert_array_equal(np.isinf(a), np.isinf(e), err_msg=what)
        finite = np.isfinite(e)
        np.testing.assert_allclose(a[finite], e[finite], rtol=1e-12, atol=1e-12, err_msg=what)


@pytest.mark.parametrize("layout", ["strided", "fortran", "transposed"])
@pytest.mark.parametrize("kernel", [1, 3])
def test_arrays_in_other_layouts_give_the_same_results_and_are_left_unchanged(layout, kernel):
    """x, w and dy as views with steps, Fortran order or transposed axes: nothing is written
    into them (a 1x1 kernel multiplies x and dy where they lie)."""
    rng = np.random.default_rng(3)

    def arrange(shape):
        a = rng.standard_normal(shape)
        if layout == "strided":
            return rng.standard_normal((shape[0], 2 * shape[1], *shape[2:]))[:, ::2]
        if layout == "fortran":
            return np.asfortranarray(a)
        return np.ascontiguousarray(a.swapaxes(-1, -2)).swapaxes(-1, -2)

    x, w = arrange((3, 4, 9, 8)), arrange((5, 4, kernel, kernel))
    dy = arrange((3, 5, 9 - kernel + 1, 8 - kernel + 1))
    copies = [a.copy() for a in (x, w, dy)]
    with convolution.strategy("nchw"):
        ours = _all("conv2d", x, w, dy)
    for a, c in zip((x, w, dy), copies):
        np.testing.assert_array_equal(a, c)
    _close(ours, _reference("conv2d", *copies), np.float64)


def test_products_are_never_written_into_planes_that_are_not_contiguous():
    y = np.zeros((2, 4, 6, 6))
    view = nchw._write(y[:, :, 1:4], 2)  # whole rows: one run per plane
    view[...] = 1
    assert y[:, :, 1:4].all() and not y[:, :, :1].any() and not y[:, :, 4:].any()
    with pytest.raises(AssertionError, match="not contiguous"):
        nchw._write(y[:, :, :, 1:4], 1)


def test_a_transposed_1x1_with_output_padding_gathers_what_no_window_reaches():
    """Its equivalent forward convolution is 1x1 at stride 1, but its input is longer than its
    output: the windows are not the image (hypothesis found it)."""
    rng = np.random.default_rng(5)
    x, w = rng.standard_normal((2, 3, 4, 5)), rng.standard_normal((3, 2, 1, 1))
    kw = dict(dilation=2, output_padding=1)
    y0 = reference.conv_transpose2d(x, w, **kw)
    dy = rng.standard_normal(y0.shape)
    with convolution.strategy("nchw"):
        y = convolution.conv_transpose2d(x, w, **kw)
        grads = convolution.conv_transpose2d_backward(dy, x, w, **kw)
    np.testing.assert_allclose(y, y0, rtol=1e-12, atol=1e-12)
    for a, e in zip(grads, reference.conv_transpose2d_backward(dy, x, w, **kw)):
        if e is not None:
            np.testing.assert_allclose(a, e, rtol=1e-12, atol=1e-12)


def test_dw_sums_the_images_products_a_few_at_a_time(monkeypatch):
    """Each image's product is as large as w: a piece's images are summed in groups that fit
    a piece's bytes, with the same result."""
    rng = np.random.default_rng(6)
    x, w = rng.standard_normal((6, 8, 7, 7)), rng.standard_normal((16, 8, 1, 1))
    dy = rng.standard_normal((6, 16, 7, 7))
    shapes = []
    scratch = nchw.scratch

    def recording(slot, shape, dtype):
        if slot == "dw":
            shapes.append(shape)
        return scratch(slot, shape, dtype)

    monkeypatch.setattr(nchw, "scratch", recording)
    monkeypatch.setattr(nchw, "budget", lambda: 2 * w.size * 8)  # two images' products
    with parallel.limit(1), convolution.strategy("nchw"):
        dw = convolution.conv2d_backward(dy, x, w)[1]
    assert shapes and all(s[0] <= 2 for s in shapes), shapes
    np.testing.assert_allclose(dw, reference.conv2d_backward(dy, x, w)[1], rtol=1e-12)
