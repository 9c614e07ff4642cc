"""Red-team checks of the numba grouped/depthwise kernels (:mod:`convgrad.kernels.taps_numba`).

PyTorch (float64) is the oracle, NumPy's kernels the second one. Skipped where numba is not
installed, like tests/test_taps_numba.py.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

numba = pytest.importorskip("numba")

from convgrad import convolution  # noqa: E402
from convgrad.kernels import accel, parallel, taps_numba  # noqa: E402
from oracle import torch_conv  # noqa: E402
from test_taps_numba import (  # noqa: E402
    OPS,
    fresh_accelerator,  # noqa: E402, F401  (an autouse fixture)
    grouped_configs,
)


def _run(backend, x, w, dy, kw):
    """``(y, dx, dw)`` with ``backend``'s kernels (numba: the taps strategy forced)."""
    op = OPS[x.ndim - 2]
    forced = "taps" if backend == "numba" else None
    with accel.accelerator(backend), convolution.strategy(forced):
        y = getattr(convolution, op)(x, w, **kw)
        grads = getattr(convolution, f"{op}_backward")(dy, x, w, **kw)
    return y, grads.dx, grads.dw


def _same(a, b, what):
    """Equal NaN and infinity patterns, and the finite values to 1e-12 of their scale."""
    assert a.shape == b.shape, what
    np.testing.assert_array_equal(np.isnan(a), np.isnan(b), err_msg=f"{what}: NaN")
    inf = np.isinf(b)
    np.testing.assert_array_equal(a[inf], b[inf], err_msg=f"{what}: infinities")
    np.testing.assert_array_equal(np.isinf(a), inf, err_msg=f"{what}: infinities")
    finite = np.isfinite(b)
    scale = max(float(np.max(np.abs(b[finite]), initial=0.0)), 1e-300)
    np.testing.assert_allclose(a[finite], b[finite], rtol=0, atol=1e-12 * scale, err_msg=what)


def _torch(x, w, dy, kw):
    n = x.ndim - 2
    pairs = kw["padding"]
    return torch_conv(
        n, x, w, None, dy, kw["stride"], pairs, kw["dilation"], kw["groups"],
        kw.get("padding_mode", "zeros"),
    )[:3]  # fmt: skip


# 3-D kernels of several depths: dx's gather runs one depth tap at a time
DEEP = [
    ((2, 2, 5, 40, 6), (4, 1, 3, 3, 3), dict(stride=(1, 1, 1), padding=((1, 1),) * 3)),
    ((1, 2, 7, 9, 9), (2, 1, 5, 3, 3), dict(stride=(2, 1, 1), padding=((2, 1), (1, 1), (0, 2)))),
    ((1, 4, 6, 8, 5), (4, 2, 2, 3, 2), dict(stride=(1, 2, 1), padding=((1, 1), (2, 2), (1, 1)))),
    ((2, 2, 4, 300, 3), (2, 1, 3, 2, 3), dict(stride=(1, 1, 1), padding=((2, 2), (1, 1), (1, 1)))),
]


@pytest.mark.parametrize("x_shape, w_shape, kw", DEEP)
@pytest.mark.parametrize("depth_dilation", [1, 2])
def test_3d_kernels_of_several_depths_match_torch_and_numpy(x_shape, w_shape, kw, depth_dilation):
    rng = np.random.default_rng(5)
    groups = x_shape[1] // w_shape[1]
    kw = dict(kw, dilation=(depth_dilation, 1, 1), groups=groups)
    x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    with accel.accelerator("numpy"):
        dy = rng.standard_normal(convolution.conv3d(x, w, **kw).shape)
    fast, slow = _run("numba", x, w, dy, kw), _run("numpy", x, w, dy, kw)
    for what, a, b, t in zip(("y", "dx", "dw"), fast, slow, _torch(x, w, dy, kw)):
        _same(a, t, f"numba {what} vs torch")
        _same(a, b, f"numba {what} vs NumPy")


# Blocks of one row: rows wider than half of BLOCK_POSITIONS, or a row stride; dx's gather then
# runs one kernel row at a time
ONE_ROW = [
    ((1, 2, 4, 1100), (2, 1, 3, 3), dict(stride=(1, 1), padding=((1, 1), (1, 1)))),
    ((1, 2, 3, 1030), (4, 1, 3, 5), dict(stride=(1, 1), padding=((2, 1), (0, 2)))),
    ((2, 4, 9, 8), (4, 2, 3, 3), dict(stride=(2, 1), padding=((1, 1), (1, 1)))),
    ((1, 2, 3, 5, 7), (2, 1, 2, 3, 3), dict(stride=(1, 3, 1), padding=((1, 0), (1, 1), (1, 1)))),
]


@pytest.mark.parametrize("x_shape, w_shape, kw", ONE_ROW)
@pytest.mark.parametrize("dilation", [1, 2])
def test_blocks_of_one_row_match_torch_and_numpy(x_shape, w_shape, kw, dilation):
    rng = np.random.default_rng(6)
    n = len(x_shape) - 2
    kw = dict(kw, dilation=(dilation,) * n, groups=x_shape[1] // w_shape[1])
    x, w = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    op = getattr(convolution, f"conv{n}d")
    with accel.accelerator("numpy"):
        dy = rng.standard_normal(op(x, w, **kw).shape)
    fast, slow = _run("numba", x, w, dy, kw), _run("numpy", x, w, dy, kw)
    for what, a, b, t in zip(("y", "dx", "dw"), fast, slow, _torch(x, w, dy, kw)):
        _same(a, t, f"numba {what} vs torch")
        _same(a, b, f"numba {what} vs NumPy")


# Small grouped layers whose edges the non-finite values are put on: first and last plane and
# image, ends of rows, next to the zero padding; a channel multiplier, two channels per group,
# stride, dilation, reflect padding.
EDGES = [
    ((1, 4, 5, 4), (4, 1, 3, 3), dict(stride=(1, 1), padding=((1, 1), (1, 1)), dilation=(1, 1))),
    ((2, 4, 6, 5), (4, 2, 3, 2), dict(stride=(1, 1), padding=((2, 0), (1, 2)), dilation=(2, 1))),
    ((2, 2, 5, 5), (4, 1, 3, 3), dict(stride=(1, 2), padding=((1, 1),) * 2, dilation=(1, 1))),
    ((1, 2, 5, 5), (2, 1, 2, 2), dict(stride=(1, 1), padding=((1, 1),) * 2, dilation=(1, 1),
                                      padding_mode="reflect")),
    ((1, 2, 3, 4, 4), (2, 1, 2, 3, 3), dict(stride=(1,) * 3, padding=((1, 0), (1, 1), (1, 1)),
                                           dilation=(1,) * 3)),
]  # fmt: skip


def _edges(shape):
    """Flat indices of an array's edges: first and last element, ends of the first rows, the
    last plane's first element."""
    size, w = int(np.prod(shape)), shape[-1]
    plane = w * shape[-2]
    return sorted({0, w - 1, w, 2 * w - 1, size - plane, size - 1})


@pytest.mark.parametrize("x_shape, w_shape, kw", EDGES)
@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_a_non_finite_value_on_an_edge_propagates_as_in_torch(x_shape, w_shape, kw, value):
    rng = np.random.default_rng(6)
    kw = dict(kw, groups=x_shape[1] // w_shape[1])
    x0, w0 = rng.standard_normal(x_shape), rng.standard_normal(w_shape)
    with accel.accelerator("numpy"):
        dy0 = rng.standard_normal(getattr(convolution, OPS[len(x_shape) - 2])(x0, w0, **kw).shape)
    for which, base in enumerate((x0, w0, dy0)):
        for index in _edges(base.shape):
            arrays = [x0.copy(), w0.copy(), dy0.copy()]
            arrays[which].flat[index] = value
            fast = _run("numba", *arrays, kw)
            for what, a, t in zip(("y", "dx", "dw"), fast, _torch(*arrays, kw)):
                _same(a, t, f"{what}, {value} at {index} of {'x w dy'.split()[which]}")


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_split_with_non_finite_values_and_several_row_blocks_is_bit_for_bit(dtype, monkeypatch):
    """Two or three threads give one thread's results, with a NaN and infinities in x, w and dy
    (dx's per-tap scatter, dw's row-by-row planes) and images taller than a block."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal((3, 4, 300, 5)).astype(dtype)
    w = rng.standard_normal((8, 2, 3, 3)).astype(dtype)
    dy = rng.standard_normal((3, 8, 300, 5)).astype(dtype)
    x.flat[[7, -3]] = np.nan, np.inf
    dy.flat[11] = -np.inf
    kw = dict(stride=(1, 1), padding=((1, 1),) * 2, dilation=(1, 1), groups=2)
    monkeypatch.setattr(taps_numba, "SPLIT_WORK", 0)
    results = {}
    for weights in (w, np.where(np.arange(w.size).reshape(w.shape) == 5, np.inf, w)):
        for threads in (1, 2, 3):
            with parallel.limit(threads):
                results[threads] = _run("numba", x, weights.astype(dtype), dy, kw)
        for threads in (2, 3):
            for what, a, b in zip(("y", "dx", "dw"), results[1], results[threads]):
                np.testing.assert_array_equal(a, b, err_msg=f"{what}, {threads} threads")


def test_inputs_of_any_layout_are_left_untouched_and_give_the_same_results():
    """Read-only, Fortran-ordered, reversed, broadcast and float32/float64-mixed inputs: the
    results are those of contiguous copies, and the inputs are not written."""
    rng = np.random.default_rng(8)
    x = rng.standard_normal((2, 4, 9, 7))
    w = rng.standard_normal((8, 1, 3, 3))
    dy = rng.standard_normal((2, 8, 9, 7))
    kw = dict(stride=(1, 1), padding=((1, 1),) * 2, dilation=(1, 1), groups=4)
    layouts = {
        "fortran": (np.asfortranarray(x), np.asfortranarray(w), np.asfortranarray(dy)),
        "reversed": (x[..., ::-1], w[:, :, ::-1], dy[..., ::-1]),
        "broadcast": tuple(np.broadcast_to(a[:1], a.shape) for a in (x, w, dy)),
        "mixed": (x.astype(np.float32), w, dy.astype(np.float32)),
    }
    for name, arrays in layouts.items():
        for a in arrays:
            a.flags.writeable = False
        before = [a.copy() for a in arrays]
        fast = _run("numba", *arrays, kw)
        plain = _run("numba", *(np.ascontiguousarray(a, np.float64) for a in arrays), kw)
        for a, b in zip(arrays, before):
            np.testing.assert_array_equal(a, b, err_msg=name)
        for what, a, b in zip(("y", "dx", "dw"), fast, plain):
            scale = 1e-12 * np.abs(b).max()
            np.testing.assert_allclose(a, b, rtol=0, atol=scale, err_msg=f"{name} {what}")


@given(grouped_configs(), st.data())
def test_non_finite_values_anywhere_propagate_as_in_torch(cfg, data):
    """A NaN or an infinity drawn into x, w and dy (each or not, anywhere) of a drawn grouped
    convolution reaches the same outputs as in torch, and the finite ones agree."""
    x, w = np.array(cfg.x), np.array(cfg.w)
    if x.ndim == cfg.n + 1:
        x = x[None]
    kw = dict(stride=cfg.stride, padding=cfg.pairs, dilation=cfg.dilation, groups=cfg.groups)
    kw["padding_mode"] = cfg.padding_mode
    dy = np.array(cfg.dy()).reshape(x.shape[0], w.shape[0], *cfg.out)
    for a in (x, w, dy):
        if data.draw(st.booleans()):
            index = data.draw(st.integers(0, a.size - 1))
            a.flat[index] = data.draw(st.sampled_from((np.nan, np.inf, -np.inf)))
    fast = _run("numba", x, w, dy, kw)
    for what, a, t in zip(("y", "dx", "dw"), fast, _torch(x, w, dy, kw)):
        _same(a, t, what)
