"""NaN and infinities, as PyTorch propagates them (float64, PyTorch the oracle).

Every op gets inputs holding NaN, +inf and -inf (one poisoned value, or a whole window of them)
and must agree with PyTorch on where NaN and infinities land and on every finite value: a NaN
pixel reaches exactly the outputs whose windows read it. The convolutions are run under every
strategy that supports the configuration: the FFT and Winograd transforms mix a whole tile or
image, so they must hand non-finite inputs to a direct strategy.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import convgrad
from convgrad import _args, convolution, reference
from oracle import torch_conv

NAN, INF = np.nan, np.inf
CLOSE = dict(rtol=1e-10, atol=1e-10)  # and assert_allclose wants NaN and inf where torch has them
POISONS = {"nan": NAN, "+inf": INF, "-inf": -INF}


def same(ours, theirs, what=""):
    theirs = theirs.detach().numpy() if isinstance(theirs, torch.Tensor) else np.asarray(theirs)
    assert ours.shape == theirs.shape, (what, ours.shape, theirs.shape)
    np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs), err_msg=f"{what}: NaN")
    np.testing.assert_allclose(ours, theirs, **CLOSE, err_msg=what)


def leaf(a):
    return torch.tensor(a, dtype=torch.float64, requires_grad=True)


# --- convolutions, under every strategy ----------------------------------------------------------

# (x shape, w shape, keyword arguments): each strategy takes the ones it supports
CONVS = {
    "dense3x3": ((2, 3, 8, 7), (4, 3, 3, 3), dict(padding=1)),
    "depthwise": ((2, 4, 9, 8), (4, 1, 3, 3), dict(padding=1, groups=4)),
    "strided": ((1, 2, 11, 9), (3, 2, 4, 3), dict(stride=2, padding=(2, 1), dilation=(1, 2))),
    "large_kernel": ((2, 2, 16, 16), (3, 2, 9, 9), dict(padding=4)),
    "1d_long": ((2, 2, 64), (2, 1, 31), dict(padding=15, groups=2)),
    "grouped": ((2, 8, 7, 9), (8, 2, 3, 3), dict(padding=1, groups=4)),
    "grouped_wide": ((1, 64, 7, 7), (64, 32, 3, 3), dict(padding=1, groups=2)),
}


def _supported(case):
    x_shape, w_shape, kw = CONVS[case]
    n = len(w_shape) - 2
    x, w = np.zeros(x_shape), np.zeros(w_shape)
    spec = _args.conv_spec("conv", n, x, w, None, kw.get("stride", 1), kw.get("padding", 0),
                           kw.get("dilation", 1), kw.get("groups", 1), "zeros")  # fmt: skip
    return [s for s in convolution.STRATEGIES if convolution.supports(s, spec, w)]


# None: the automatic choice, which hands non-finite inputs on as a forced strategy does
STRATEGY_CASES = [(s, c) for c in CONVS for s in (None, *_supported(c))]


def _conv_case(case, where, value, seed=0):
    x_shape, w_shape, kw = CONVS[case]
    rng = np.random.default_rng(seed)
    x, w, b = (
        rng.standard_normal(x_shape),
        rng.standard_normal(w_shape),
        rng.standard_normal(w_shape[0]),
    )
    n = len(w_shape) - 2
    dy = rng.standard_normal(getattr(reference, f"conv{n}d")(x, w, **kw).shape)
    target = {"x": x, "dy": dy, "x's last column": x}[where]
    index = tuple(s // 3 for s in target.shape)  # one pixel inside, off the centre
    if where == "x's last column":  # where positions between rows read past a row's end
        index = (*index[:-1], target.shape[-1] - 1)
    target[index] = value
    return n, x, w, b, dy, kw


@pytest.mark.parametrize(("strategy", "case"), STRATEGY_CASES)
@pytest.mark.parametrize("where", ["x", "dy", "x's last column"])
@pytest.mark.parametrize("poison", POISONS)
def test_a_non_finite_value_reaches_only_what_reads_it(strategy, case, where, poison):
    n, x, w, b, dy, kw = _conv_case(case, where, POISONS[poison])
    pairs = _args.conv_padding("t", kw.get("padding", 0), x.shape[2:], w.shape[2:],
                               _args.ntuple("t", "s", kw.get("stride", 1), n, 1),
                               _args.ntuple("t", "d", kw.get("dilation", 1), n, 1))  # fmt: skip
    expected = torch_conv(n, x, w, b, dy, kw.get("stride", 1), pairs, kw.get("dilation", 1),
                          kw.get("groups", 1), "zeros")  # fmt: skip
    with convolution.strategy(strategy):
        y = getattr(convgrad, f"conv{n}d")(x, w, b, **kw)
        grads = getattr(convgrad, f"conv{n}d_backward")(dy, x, w, **kw)
    for what, ours, theirs in zip(("y", "dx", "dw", "db"), (y, *grads), expected, strict=True):
        same(ours, theirs, f"{strategy} {what}")


def _backends():
    from convgrad.kernels import accel

    return ["numpy", "numba"] if accel.numba_kernels() is not None else ["numpy"]


@pytest.mark.parametrize("backend", _backends())
@pytest.mark.parametrize("where", ["x last column", "x first column", "w"])
@pytest.mark.parametrize("poison", POISONS)
@pytest.mark.parametrize("padding", [0, 1])
def test_depthwise_with_a_non_finite_value_at_a_rows_end(backend, where, poison, padding):
    """The depthwise kernels lay rows end to end with zeros of dy between them (one run per
    block): a value there must not meet those zeros as ``0 * inf``. Without padding, a pixel
    in the last column is read by the last tap of each row only, and an infinite weight
    multiplies the zeros between rows. With padding 1 (as wide as the input), numba's flat
    kernels read each kernel column from a copy whose first or last column is zeroed."""
    from convgrad.kernels import accel

    rng = np.random.default_rng(3)
    x, w, b = rng.standard_normal((2, 3, 6, 7)), rng.standard_normal((3, 1, 3, 3)), np.zeros(3)
    if where == "w":
        w[1, 0, 0, 2] = POISONS[poison]
    else:
        x[1, 2, 3, -1 if where == "x last column" else 0] = POISONS[poison]
    dy = rng.standard_normal((2, 3, 4 + 2 * padding, 5 + 2 * padding))
    pairs = ((padding, padding),) * 2
    expected = torch_conv(2, x, w, b, dy, 1, pairs, 1, 3, "zeros")
    with accel.accelerator(backend), convolution.strategy("taps"):
        y = convgrad.conv2d(x, w, b, groups=3, padding=padding)
        grads = convgrad.conv2d_backward(dy, x, w, groups=3, padding=padding)
    for what, ours, theirs in zip(("y", "dx", "dw", "db"), (y, *grads), expected, strict=True):
        same(ours, theirs, f"{backend} {what}")


@pytest.mark.parametrize("strategy", ["im2col", "fft"])
@pytest.mark.parametrize("poison", POISONS)
def test_transposed_convolution_with_a_non_finite_pixel(strategy, poison):
    rng = np.random.default_rng(1)
    x, w, b = rng.standard_normal((2, 3, 6, 5)), rng.standard_normal((3, 2, 9, 9)), np.zeros(2)
    x[0, 1, 2, 3] = POISONS[poison]
    kw = dict(stride=2, padding=1, output_padding=1)
    tx, tw = leaf(x), leaf(w)
    ty = F.conv_transpose2d(tx, tw, torch.from_numpy(b), **kw)
    dy = rng.standard_normal(tuple(ty.shape))
    ty.backward(torch.from_numpy(dy))
    with convolution.strategy(strategy):
        y = convgrad.conv_transpose2d(x, w, b, **kw)
        dx, dw, _ = convgrad.conv_transpose2d_backward(dy, x, w, **kw)
    for what, ours, theirs in (("y", y, ty), ("dx", dx, tx.grad), ("dw", dw, tw.grad)):
        same(ours, theirs, what)


# --- pooling -----------------------------------------------------------------------------------

POOLS = [  # (kernel_size, stride, padding, dilation, ceil_mode)
    (2, 2, 0, 1, False),
    (3, 1, 1, 1, False),  # overlapping windows
    (3, 2, 1, 1, True),  # a last window past the end
    (2, 1, 1, 2, False),  # dilated
    (3, 2, 1, 2, True),
]


def _poisoned_planes(rng):
    """``(2, 3, 6, 7)`` with a NaN, NaNs side by side, +inf, -inf, and all-(-inf) regions."""
    x = rng.standard_normal((2, 3, 6, 7))
    x[0, 0, 2, 3] = NAN
    x[0, 1, 1, 1:3] = NAN  # two NaNs in one window: torch's winner is the last
    x[0, 1, 4, 4] = NAN
    x[0, 2, 0, 0] = INF
    x[0, 2, 3, 5] = -INF
    x[1, 0] = -INF  # a whole plane of -inf: every window, padded or not, is all -inf
    x[1, 1, :3, :3] = -INF  # a corner of -inf
    x[1, 2, 2:4, 2:4] = INF
    x[1, 2, 5, 6] = NAN
    return x


@pytest.mark.parametrize("pool", POOLS)
def test_max_pool2d_picks_the_pixel_pytorch_picks(pool):
    k, s, p, d, ceil = pool
    rng = np.random.default_rng(2)
    x = _poisoned_planes(rng)
    tx = leaf(x)
    ty, ti = F.max_pool2d(tx, k, s, p, d, ceil, return_indices=True)
    dy = rng.standard_normal(tuple(ty.shape))
    ty.backward(torch.from_numpy(dy))
    y, indices = convgrad.max_pool2d(x, k, s, p, d, ceil, return_indices=True)
    same(y, ty, "y")
    np.testing.assert_array_equal(indices, ti.numpy())
    same(convgrad.max_pool2d_backward(dy, x, k, s, p, d, ceil), tx.grad, "dx")
    with np.errstate(all="ignore"):  # the reference loops are plain arithmetic, warnings and all
        same(reference.max_pool2d_backward(dy, x, k, s, p, d, ceil), tx.grad, "reference dx")
        same(reference.max_pool2d(x, k, s, p, d, ceil), ty, "reference y")


@pytest.mark.parametrize("pool", [p for p in POOLS if p[3] == 1])
@pytest.mark.parametrize("count_include_pad", [True, False])
def test_avg_pool2d_with_nan_and_infinities(pool, count_include_pad):
    k, s, p, _, ceil = pool
    rng = np.random.default_rng(3)
    x = _poisoned_planes(rng)
    tx = leaf(x)
    ty = F.avg_pool2d(tx, k, s, p, ceil, count_include_pad)
    dy = rng.standard_normal(tuple(ty.shape))
    dy[0, 0, 0, 0] = NAN
    ty.backward(torch.from_numpy(dy))
    same(convgrad.avg_pool2d(x, k, s, p, ceil, count_include_pad), ty, "y")
    same(convgrad.avg_pool2d_backward(dy, x, k, s, p, ceil, count_include_pad), tx.grad, "dx")


@pytest.mark.parametrize("output_size", [(3, 3), (4, 5), (2, 7), 1, (6, 7)])
def test_adaptive_avg_pool2d_keeps_a_nan_in_its_windows(output_size):
    rng = np.random.default_rng(4)
    x = _poisoned_planes(rng)
    tx = leaf(x)
    ty = F.adaptive_avg_pool2d(tx, output_size)
    dy = rng.standard_normal(tuple(ty.shape))
    dy[0, 1, 0, 0] = NAN
    ty.backward(torch.from_numpy(dy))
    same(convgrad.adaptive_avg_pool2d(x, output_size), ty, "y")
    same(convgrad.adaptive_avg_pool2d_backward(dy, x, output_size), tx.grad, "dx")
    with np.errstate(all="ignore"):
        same(reference.adaptive_avg_pool2d(x, output_size), ty, "reference y")


# --- elementwise, dense, normalisation, losses --------------------------------------------------

SPECIAL = np.array([NAN, INF, -INF, 0.0, -0.0, 1.5, -2.0, 1e308, -1e308, 800.0, -800.0])


@pytest.mark.parametrize(
    ("name", "torch_f", "extra"),
    [
        ("relu", F.relu, {}),
        ("leaky_relu", F.leaky_relu, {"negative_slope": 0.1}),
        ("sigmoid", torch.sigmoid, {}),
        ("tanh", torch.tanh, {}),
    ],
)
def test_activations_on_nan_and_infinities(name, torch_f, extra):
    x = SPECIAL.copy()
    dy = np.ones_like(x)
    dy[3] = NAN
    tx = leaf(x)
    ty = torch_f(tx, **extra)
    ty.backward(torch.from_numpy(dy))
    same(getattr(convgrad, name)(x, **extra), ty, "y")
    same(getattr(convgrad, f"{name}_backward")(dy, x, *extra.values()), tx.grad, "dx")


def test_linear_with_nan_and_infinities():
    rng = np.random.default_rng(5)
    x, w, b = rng.standard_normal((4, 3)), rng.standard_normal((2, 3)), rng.standard_normal(2)
    x[1, 2], x[2, 0], w[1, 1] = NAN, INF, -INF
    tx, tw, tb = leaf(x), leaf(w), leaf(b)
    ty = F.linear(tx, tw, tb)
    dy = rng.standard_normal((4, 2))
    ty.backward(torch.from_numpy(dy))
    same(convgrad.linear(x, w, b), ty, "y")
    dx, dw, db = convgrad.linear_backward(dy, x, w)
    for what, ours, theirs in (("dx", dx, tx.grad), ("dw", dw, tw.grad), ("db", db, tb.grad)):
        same(ours, theirs, what)


@pytest.mark.parametrize("training", [True, False])
def test_batch_norm_with_nan_and_infinities(training):
    rng = np.random.default_rng(6)
    x = rng.standard_normal((4, 3, 5))
    x[0, 0, 1], x[2, 1, 3] = NAN, INF
    rm, rv = rng.standard_normal(3), rng.uniform(0.5, 2, 3)
    w, b = rng.standard_normal(3), rng.standard_normal(3)
    tx, tw, tb = leaf(x), leaf(w), leaf(b)
    ty = F.batch_norm(tx, torch.from_numpy(rm.copy()), torch.from_numpy(rv.copy()), tw, tb,
                      training=training)  # fmt: skip
    dy = rng.standard_normal(x.shape)
    ty.backward(torch.from_numpy(dy))
    same(convgrad.batch_norm(x, rm, rv, w, b, training=training), ty, "y")
    dx, dw, db = convgrad.batch_norm_backward(dy, x, rm, rv, w, training=training)
    for what, ours, theirs in (("dx", dx, tx.grad), ("dweight", dw, tw.grad), ("db", db, tb.grad)):
        same(ours, theirs, what)


@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
@pytest.mark.parametrize("smoothing", [0.0, 0.2])
def test_cross_entropy_with_nan_and_infinities(reduction, smoothing):
    x = np.array([[NAN, 0.0, 1.0], [INF, 0.0, 1.0], [-INF, 0.0, 1.0], [INF, INF, 0.0],
                  [-INF, -INF, -INF], [1.0, 2.0, 3.0], [1e308, -1e308, 0.0]])  # fmt: skip
    t = np.array([1, 0, 1, 2, 0, 2, 1])
    tx = leaf(x)
    tl = F.cross_entropy(tx, torch.from_numpy(t), reduction=reduction, label_smoothing=smoothing)
    dloss = np.ones(tl.shape)
    tl.backward(torch.from_numpy(dloss))
    kw = dict(reduction=reduction, label_smoothing=smoothing)
    same(convgrad.cross_entropy(x, t, **kw), tl, "loss")
    same(convgrad.cross_entropy_backward(dloss, x, t, **kw), tx.grad, "dx")


@pytest.mark.parametrize("reduction", ["none", "sum", "mean"])
def test_mse_loss_with_nan_and_infinities(reduction):
    x = SPECIAL.copy()
    t = np.array([0.0, INF, 1.0, NAN, 0.0, 1.5, INF, 0.0, 0.0, 1.0, 2.0])
    tx = leaf(x)
    tl = F.mse_loss(tx, torch.from_numpy(t), reduction=reduction)
    dloss = np.ones(tl.shape)
    tl.backward(torch.from_numpy(dloss))
    same(convgrad.mse_loss(x, t, reduction=reduction), tl, "loss")
    same(convgrad.mse_loss_backward(dloss, x, t, reduction=reduction), tx.grad, "dx")
