"""The nhwc strategy's own cases: its automatic choice, the buffers each thread keeps between
calls, non-finite inputs, and inputs left unchanged. ``test_strategies.py`` holds it, forced, to
the reference loops and PyTorch on drawn configurations (with tiny pieces on 3 threads too)."""

import numpy as np
import pytest

from convgrad import convolution, reference
from convgrad.kernels import accel, parallel
from oracle import torch_conv


def test_the_automatic_choice_follows_the_measured_rule():
    """NumPy's rule (with numba, Winograd takes some 3x3 layers: test_winograd_numba)."""
    with accel.accelerator("numpy"):
        chosen = convolution.chosen_strategy
        assert chosen((32, 16, 28, 28), (16, 16, 3, 3), padding=1) == "nhwc"
        assert chosen((32, 16, 28, 28), (32, 16, 3, 3), stride=2, padding=1) == "nhwc"
        assert chosen((32, 32, 4, 4), (64, 32, 3, 3), padding=1) == "nhwc"  # 16 positions, 32 ch
        assert chosen((8, 256, 14, 14), (256, 256, 3, 3), padding=1) == "nhwc"  # 196 for 256
        assert chosen((8, 512, 7, 7), (512, 512, 3, 3), padding=1) == "im2col"  # 49 for 512
        assert chosen((4, 512, 14, 14), (512, 512, 3, 3), padding=1) == "im2col"  # 512 channels
        assert chosen((4, 384, 14, 14), (384, 384, 3, 3), padding=1) == "im2col"  # 384: the limit
        assert chosen((4, 320, 14, 14), (320, 320, 3, 3), padding=1) == "nhwc"  # under it
        assert chosen((8, 64, 56, 56), (128, 64, 1, 1)) != "nhwc"  # 1x1: nothing to gather
        assert chosen((64, 6, 14, 14), (16, 6, 5, 5)) == "nhwc"  # 6 channels: NHWC_FEW_CHANNELS
        assert chosen((64, 3, 14, 14), (16, 3, 5, 5)) != "nhwc"  # 3 channels
        assert chosen((32, 1, 28, 28), (32, 1, 3, 3), padding=1) != "nhwc"
        assert chosen((8, 64, 8, 8), (64, 32, 3, 3), padding=1, groups=2) != "nhwc"  # groups


def _all(x, w, dy, **kw):
    y = convolution.conv2d(x, w, **kw)
    return (y, *convolution.conv2d_backward(dy, x, w, **kw))


def _reference(x, w, dy, **kw):
    return (reference.conv2d(x, w, **kw), *reference.conv2d_backward(dy, x, w, **kw))


@pytest.mark.parametrize("threads", [1, 2])
def test_kept_buffers_of_other_shapes_and_dtypes_do_not_leak_into_results(threads, monkeypatch):
    """Calls of other sizes and dtypes in between, on the same threads, reuse the buffers."""
    monkeypatch.setattr(parallel, "SPLIT_POSITIONS", 0)
    monkeypatch.setattr(parallel, "SPLIT_MIN_FLOPS", 0)
    rng = np.random.default_rng(0)
    cases = [
        ((4, 16, 9, 9), (8, 16, 3, 3), dict(padding=1), np.float64),
        ((2, 16, 5, 7), (4, 16, 3, 3), dict(padding=2, stride=2), np.float32),
        ((3, 32, 12, 12), (16, 32, 3, 3), dict(padding=1, dilation=2), np.float64),
        ((1, 16, 4, 4), (2, 16, 2, 2), dict(padding_mode="reflect", padding=1), np.float64),
    ]
    with parallel.limit(threads), convolution.strategy("nhwc"):
        for _ in range(2):
            for xs, ws, kw, dtype in cases:
                x = rng.standard_normal(xs).astype(dtype)
                w = rng.standard_normal(ws).astype(dtype)
                y = convolution.conv2d(x, w, **kw)
                dy = rng.standard_normal(y.shape).astype(dtype)
                ours = _all(x, w, dy, **kw)
                expected = _reference(*(a.astype(np.float64) for a in (x, w, dy)), **kw)
                tol = 1e-12 if dtype == np.float64 else 1e-4
                for what, a, e in zip(("y", "dx", "dw"), ours, expected):
                    assert a.dtype == dtype, what
                    scale = max(1.0, float(np.abs(e).max()))
                    np.testing.assert_allclose(a, e, rtol=tol, atol=tol * scale, err_msg=what)


@pytest.mark.parametrize("where", ["dy", "w"])
def test_a_non_finite_dy_or_weight_gives_torchs_dx(where):
    """The stride-1 dx multiplies the weights by dy's zero padding (0 * inf is NaN): such inputs
    go to im2col, and dx is PyTorch's."""
    rng = np.random.default_rng(2)
    x, w = rng.standard_normal((2, 16, 6, 6)), rng.standard_normal((4, 16, 3, 3))
    dy = rng.standard_normal((2, 4, 6, 6))
    (dy if where == "dy" else w)[(0, 1, 0, 0)] = np.inf
    with convolution.strategy("nhwc"):
        dx = convolution.conv2d_backward(dy, x, w, padding=1)[0]
    t_dx, t_dw = torch_conv(2, x, w, None, dy, 1, ((1, 1), (1, 1)), 1, 1, "zeros")[1:3]
    np.testing.assert_array_equal(np.isnan(dx), np.isnan(t_dx))
    np.testing.assert_array_equal(np.isinf(dx), np.isinf(t_dx))
    finite = np.isfinite(t_dx)
    np.testing.assert_allclose(dx[finite], t_dx[finite], rtol=1e-12, atol=1e-12)


def test_inputs_are_left_unchanged():
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((3, 16, 7, 7)), rng.standard_normal((8, 16, 3, 3))
    dy = rng.standard_normal((3, 8, 4, 4))
    copies = [a.copy() for a in (x, w, dy)]
    with convolution.strategy("nhwc"):
        convolution.conv2d(x, w, stride=2, padding=1)
        convolution.conv2d_backward(dy, x, w, stride=2, padding=1)
    for a, c in zip((x, w, dy), copies):
        np.testing.assert_array_equal(a, c)
