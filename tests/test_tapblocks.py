"""The tapblocks strategy's automatic choice (its results are held to the reference loops and
PyTorch with every other strategy's, in tests/test_strategies.py)."""

import math

import numpy as np
import pytest

from convgrad import convolution
from convgrad.kernels import accel, parallel

BACKENDS = ["numpy"] + (["numba"] if accel.available() is not None else [])


@pytest.fixture
def no_split(monkeypatch):
    """No split in the last QUIET_AFTER_SPLIT seconds: a layer called on its own."""
    monkeypatch.setattr(parallel, "_last_split", [-math.inf])


SMALL_PLANES = [  # (x, w, kwargs): layers the rule takes
    ((16, 128, 8, 8), (128, 128, 3, 3), dict(padding=1)),
    ((64, 128, 4, 4), (256, 128, 3, 3), dict(padding=1)),
    ((32, 64, 7, 7), (128, 64, 3, 3), dict(padding=1)),
    ((16, 128, 8, 8), (256, 128, 3, 3), dict(stride=2, padding=1)),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("x", "w", "kwargs"), SMALL_PLANES)
def test_small_planes_and_batches_take_tapblocks_when_called_on_their_own(
    no_split, backend, x, w, kwargs
):
    with accel.accelerator(backend):  # before Winograd too, on 8x8 planes
        assert convolution.chosen_strategy(x, w, **kwargs) == "tapblocks"


@pytest.mark.parametrize(("x", "w", "kwargs"), SMALL_PLANES)
def test_inside_a_loop_of_split_layers_the_split_strategies_run(monkeypatch, x, w, kwargs):
    monkeypatch.setattr(parallel, "_last_split", [parallel.time.perf_counter() + 60])
    with accel.accelerator("numpy"):
        assert convolution.chosen_strategy(x, w, **kwargs) != "tapblocks"


@pytest.mark.parametrize(
    ("x", "w", "kwargs"),
    [
        ((64, 64, 8, 8), (64, 64, 3, 3), dict(padding=1)),  # 4,096 rows: nhwc splits better
        ((8, 512, 7, 7), (512, 512, 3, 3), dict(padding=1)),  # 512 channels: im2col
        ((32, 32, 8, 8), (32, 32, 3, 3), dict(padding=1)),  # 32 channels: thin products
        ((8, 256, 14, 14), (256, 256, 3, 3), dict(padding=1)),  # 196 positions
        ((16, 128, 8, 8), (128, 128, 1, 1), {}),  # one tap: nothing to gather
        ((16, 128, 8, 8), (128, 64, 3, 3), dict(padding=1, groups=2)),
        ((16, 128, 64), (128, 128, 3), dict(padding=1)),  # 1-D: not measured
    ],
)
def test_other_layers_do_not(no_split, x, w, kwargs):
    for backend in BACKENDS:
        with accel.accelerator(backend):
            assert convolution.chosen_strategy(x, w, **kwargs) != "tapblocks"


def test_automatic_tapblocks_matches_the_reference_with_nan_and_infinities(no_split):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 48, 4, 4))
    w = rng.standard_normal((48, 48, 3, 3))
    x[0, 0, 0, 0], x[1, 5, 3, 3], w[2, 1, 1, 1] = np.nan, np.inf, -np.inf
    dy = rng.standard_normal((3, 48, 4, 4))
    assert convolution.chosen_strategy(x.shape, w.shape, padding=1) == "tapblocks"
    y = convolution.conv2d(x, w, padding=1)
    dx, dw, _ = convolution.conv2d_backward(dy, x, w, padding=1)
    with convolution.strategy("im2col"):  # the oracle: reads only what windows read
        y0 = convolution.conv2d(x, w, padding=1)
        dx0, dw0, _ = convolution.conv2d_backward(dy, x, w, padding=1)
    for a, b in ((y, y0), (dx, dx0), (dw, dw0)):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
        finite = np.isfinite(b)
        np.testing.assert_allclose(a[finite], b[finite], rtol=1e-10, atol=1e-10)
        np.testing.assert_array_equal(a[~finite], b[~finite])
