"""The tapmm strategy's own cases: threads with and without threadpoolctl,
and non-finite inputs at the positions between output rows (which it computes and drops).
``test_strategies.py`` holds it, forced, to the reference loops and PyTorch on drawn
configurations."""

import numpy as np
import pytest

import convgrad
from convgrad import convolution, reference
from convgrad.kernels import accel, parallel
from oracle import torch_conv


def test_tapmm_is_no_longer_chosen_automatically():
    """NumPy's rule (with numba, Winograd takes some 3x3 layers: test_winograd_numba)."""
    with accel.accelerator("numpy"):
        chosen = convolution.chosen_strategy
        assert chosen((64, 16, 32, 32), (16, 16, 3, 3), padding=1) == "nhwc"  # tapmm's until nhwc


@pytest.mark.parametrize("threadpoolctl", [True, False], ids=["split", "no threadpoolctl"])
@pytest.mark.parametrize("threads", [1, 3])
def test_images_shared_among_threads_give_the_reference(monkeypatch, threadpoolctl, threads):
    if not threadpoolctl:  # as where threadpoolctl is not installed: no split
        monkeypatch.setitem(parallel._controller, "it", None)
    rng = np.random.default_rng(2)
    x, w = rng.standard_normal((5, 4, 6, 7)), rng.standard_normal((3, 4, 3, 2))
    kw = dict(padding=(1, 2), dilation=(1, 2), padding_mode="reflect")
    dy = rng.standard_normal(reference.conv2d(x, w, **kw).shape)
    with parallel.limit(threads), convolution.strategy("tapmm"):
        ours = (convgrad.conv2d(x, w, **kw), *convgrad.conv2d_backward(dy, x, w, **kw)[:2])
    expected = (reference.conv2d(x, w, **kw), *reference.conv2d_backward(dy, x, w, **kw)[:2])
    for what, a, b in zip(("y", "dx", "dw"), ours, expected):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12, err_msg=what)


@pytest.mark.parametrize("where", ["x last column", "w"])
def test_a_non_finite_input_gives_what_torch_gives(where):
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((2, 3, 6, 5)), rng.standard_normal((4, 3, 3, 3))
    if where == "w":
        w[1, 2, 0, 0] = np.inf
    else:  # read by no window's first column of taps, but by the positions between rows
        x[1, 2, 3, 4] = np.inf
    dy = rng.standard_normal((2, 4, 6, 5))
    pairs = ((1, 1), (1, 1))
    expected = torch_conv(2, x, w, None, dy, 1, pairs, 1, 1, "zeros")
    with convolution.strategy("tapmm"):
        ours = (convgrad.conv2d(x, w, padding=1), *convgrad.conv2d_backward(dy, x, w, padding=1))
    for what, a, t in zip(("y", "dx", "dw"), ours, expected):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(t), err_msg=what)
        np.testing.assert_allclose(a, t, rtol=1e-10, atol=1e-10, err_msg=what)
