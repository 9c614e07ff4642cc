"""Arrays laid out channels last (PyTorch's ``channels_last`` memory format) through the kernels
that read and give that layout: OpenVINO's convolutions, 1x1 layers as one product
(:mod:`convgrad.kernels.last`), numba's batch norm, ReLU backward and 2x2 max pooling, and the
tape's sums. Each is held to the same oracle as its C-order twin (the reference loops, or
NumPy's path), and gives the layout it promises; the layout never changes a value beyond the
dtype's tolerance. The hypothesis tests of every strategy draw channels-last inputs too
(``strategies.LAYOUTS``)."""

import collections
import contextlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convgrad import _np, activations, convolution, normalization, pooling, reference
from convgrad.kernels import accel
from convgrad.kernels import last as last_kernels
from spies import calls_to
from strategies import conv_configs

TOL = {np.dtype(np.float64): 1e-12, np.dtype(np.float32): 1e-5}


def _last(a):
    """``a (N, C, *spatial)``'s values laid out channels last."""
    return np.moveaxis(np.ascontiguousarray(np.moveaxis(a, 1, -1)), -1, 1)


def _laid_last(a):
    """Whether ``a``'s channels-last view is contiguous (an array with one channel or one
    position is both ways)."""
    return _np.channels_last(a).flags.c_contiguous


def _close(a, b, tol, what="", floor=1e-30):
    """``a`` and ``b`` agree to ``tol`` of ``b``'s finite scale (at least ``floor``); NaN and
    infinities alike."""
    assert a.shape == b.shape, what
    np.testing.assert_array_equal(np.isnan(a), np.isnan(b), err_msg=what)
    np.testing.assert_array_equal(np.isinf(a), np.isinf(b), err_msg=what)
    finite = np.isfinite(b)
    scale = max(float(np.max(np.abs(b[finite]), initial=0.0)), floor)
    np.testing.assert_allclose(a[finite], b[finite], rtol=0, atol=tol * scale, err_msg=what)


@contextlib.contextmanager
def _accelerated():
    """numba and OpenVINO on, in the state a new process has them (the suite's conftest turns
    OpenVINO off)."""
    pytest.importorskip("numba")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("CONVGRAD_ACCEL", "CONVGRAD_STRATEGY", "CONVGRAD_OPENVINO"):
            patch.delenv(name, raising=False)
        patch.setattr(accel, "_state", {**accel._state, "failed": False, "warned": False})
        patch.setattr(accel, "_openvino", {"module": None, "failed": False, "warned": False})
        yield patch


def test_the_layout_helpers():
    a = np.arange(2 * 3 * 4 * 5, dtype=np.float64).reshape(2, 3, 4, 5)
    la = _last(a)
    assert _np.is_channels_last(la) and not _np.is_channels_last(a)
    assert not _np.is_channels_last(_last(a[:, :1]))  # one channel: C-contiguous too
    assert not _np.is_channels_last(a.transpose(0, 1, 3, 2))  # another layout
    e = _np.empty_channels_last((2, 3, 4, 5), np.float32)
    assert e.shape == (2, 3, 4, 5) and e.dtype == np.float32 and _np.is_channels_last(e)
    for p, q in ((la, a), (a, la)):  # two layouts: the sum is laid out channels last
        s = _np.add(p, q)
        assert _np.is_channels_last(s)
        np.testing.assert_array_equal(s, a + a)
    assert _np.add(a, a).flags.c_contiguous
    np.testing.assert_array_equal(_np.add(la, 1.5), a + 1.5)
    np.testing.assert_array_equal(_np.add(a[:, :, :1], la), a[:, :, :1] + a)  # broadcast
    assert _np.add(np.float32(1), np.float32(2)) == 3


def _spied(monkeypatch):
    """The passes of :mod:`convgrad.kernels.last` that ran, in order."""
    return calls_to(monkeypatch, last_kernels, ("forward", "input_grad", "weight_grad"))


@given(
    st.integers(1, 3), st.integers(1, 6), st.integers(1, 6), st.integers(1, 7), st.integers(1, 7),
    st.integers(1, 3), st.sampled_from([np.float32, np.float64]),
    st.sampled_from(["x", "dy", "both"]), st.sampled_from([None, np.nan, np.inf]),
    st.integers(0, 2**16),
)  # fmt: skip
def test_1x1_layers_of_channels_last_arrays_match_the_reference_loops(
    n, c, o, h, w_, s, dtype, which, poison, seed
):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, w_)).astype(dtype)
    w = rng.standard_normal((o, c, 1, 1)).astype(dtype)
    dy = rng.standard_normal((n, o, (h - 1) // s + 1, (w_ - 1) // s + 1)).astype(dtype)
    if poison is not None:
        x.flat[int(rng.integers(x.size))] = poison
    xl = _last(x) if which in ("x", "both") else x
    dyl = _last(dy) if which in ("dy", "both") else dy
    x0, dy0 = xl.copy(), dyl.copy()
    with pytest.MonkeyPatch.context() as patch:
        calls = _spied(patch)
        y = convolution.conv2d(xl, w, stride=s)
        dx, dw, _ = convolution.conv2d_backward(dyl, xl, w, stride=s)
    x64, w64, dy64 = (a.astype(np.float64) for a in (x, w, dy))
    tol = TOL[np.dtype(dtype)]
    _close(y, reference.conv2d(x64, w64, stride=s), tol, "y")
    rdx, rdw = reference.conv2d_backward(dy64, x64, w64, stride=s)[:2]
    _close(dx, rdx, tol, "dx")
    _close(dw, rdw, tol, "dw")
    assert y.dtype == dx.dtype == dw.dtype == dtype
    x_last, dy_last = _np.is_channels_last(xl), _np.is_channels_last(dyl)
    assert calls == ["forward"] * x_last + ["input_grad"] * dy_last + ["weight_grad"] * (
        x_last or dy_last
    )
    if x_last:
        assert _laid_last(y)
    if dy_last:
        assert _laid_last(dx)
    np.testing.assert_array_equal(xl, x0)
    np.testing.assert_array_equal(dyl, dy0)


def test_a_forced_strategy_keeps_its_own_kernels_for_channels_last_1x1_layers(monkeypatch):
    calls = _spied(monkeypatch)
    x = _last(np.random.default_rng(0).standard_normal((2, 4, 5, 5)))
    w = np.ones((3, 4, 1, 1))
    with convolution.strategy("im2col"):
        y = convolution.conv2d(x, w)
    assert calls == []
    _close(y, reference.conv2d(np.ascontiguousarray(x), w), 1e-12)


@given(conv_configs(dims=(2,), dtype=np.float32), st.sampled_from(["x", "dy", "both"]))
def test_openvino_reads_and_gives_channels_last_arrays(cfg, which):
    """Every 2-D layer OpenVINO runs, its inputs in either layout: the reference loops' values,
    and the forward's and ``dx``'s results laid out channels last."""
    pytest.importorskip("openvino")
    # an unbatched draw gets a batch of one (rather than an assume: the configurations' own
    # filtering, with this one, tripped hypothesis's health check once in eight runs)
    dy = cfg.dy().astype(np.float32)
    dy = dy if dy.ndim == 4 else dy[None]
    x = np.ascontiguousarray(cfg.x if cfg.x.ndim == 4 else cfg.x[None])
    xl = _last(x) if which in ("x", "both") else x
    dyl = _last(dy) if which in ("dy", "both") else dy
    kw = cfg.kwargs()
    with _accelerated(), convolution.strategy("openvino"):
        y = convolution.conv2d(xl, cfg.w, cfg.b, **kw)
        dx, dw, db = convolution.conv2d_backward(dyl, xl, cfg.w, **kw)
        assert not accel._openvino["failed"]
    as64 = [None if a is None else a.astype(np.float64) for a in (x, cfg.w, cfg.b)]
    _close(y, reference.conv2d(*as64, **kw), 1e-5, "y")
    rdx, rdw, rdb = reference.conv2d_backward(dy.astype(np.float64), *as64[:2], **kw)
    _close(dx, rdx, 1e-5, "dx")
    _close(dw, rdw, 1e-5, "dw")
    spec = convolution._args.conv_spec("conv2d", 2, x, cfg.w, None, *kw.values())
    if convolution._openvino.supports(spec, "forward") and np.isfinite(cfg.w).all():
        assert _laid_last(y)
        assert _laid_last(dx)


def test_openvino_compiles_a_model_for_each_layout_of_each_input():
    """Filters ``(4, 3, 3, 3)`` laid out channels last have the shape of C-order ones: a model
    compiled for one layout, run on the other, would read the weights transposed (found by
    hypothesis through a 1-D layer, whose shapes differed)."""
    pytest.importorskip("openvino")
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 3, 6, 6)).astype(np.float32)
    w = rng.standard_normal((4, 3, 3, 3)).astype(np.float32)
    expected = reference.conv2d(x.astype(np.float64), w.astype(np.float64), padding=1)
    with _accelerated(), convolution.strategy("openvino"):
        for xs, ws in ((x, w), (x, _last(w)), (_last(x), w), (_last(x), _last(w)), (x, w)):
            _close(convolution.conv2d(xs, ws, padding=1), expected, 1e-5)
        assert not accel._openvino["failed"]


def _bn_both(f):
    """``f(True)`` with numba's kernels and ``f(False)`` with NumPy's."""
    with _accelerated():
        with accel.accelerator("numpy"):
            expected = f(False)
        with accel.accelerator("numba"):
            ours = f(True)
        assert accel._state["norm"] is not None  # numba loaded
    return ours, expected


@given(
    st.tuples(st.integers(1, 5), st.integers(2, 40), st.integers(1, 7), st.integers(1, 7)),
    st.sampled_from([np.float32, np.float64]), st.booleans(),
    st.sampled_from(["dy", "mixed", "reverse"]), st.booleans(), st.integers(0, 2**16),
)  # fmt: skip
def test_batch_norm_of_channels_last_arrays_matches_numpys(shape, dtype, affine,
                                                          grad, relu, seed):  # fmt: skip
    """numba's batch norm reads channels-last ``x`` as rows of a few pixels' channels and gives
    ``y`` and ``xhat`` in that layout; ``dx`` is laid out as ``xhat``, a ``dy`` in the other
    layout (``"mixed"``: C order; ``"reverse"``: ``x`` in C order, ``dy`` channels last) copied
    to it. With the ReLU fused too. NumPy's path, on the same values in C order, is the
    oracle."""
    if shape[0] * shape[2] * shape[3] < 2:
        shape = (2, *shape[1:])  # batch statistics need two values per channel
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal(shape) * 3 + 2).astype(dtype)
    dy = rng.standard_normal(shape).astype(dtype)
    c = shape[1]
    weight = rng.standard_normal(c).astype(dtype) if affine else None
    bias = rng.standard_normal(c).astype(dtype) if affine else None

    def run(fast):
        xs = _last(x) if fast and grad != "reverse" else x
        if relu:
            y, saved = normalization.batch_norm_relu_saving(xs, weight, bias)
        else:
            y, saved = normalization.batch_norm_saving(xs, weight, bias)
        g = _last(dy) if fast and grad in ("dy", "reverse") else dy
        if relu:
            grads = normalization.batch_norm_relu_backward_saved(g, y, saved, weight)
        else:
            grads = normalization.batch_norm_backward_saved(g, saved, weight)
        if fast and grad != "reverse":
            assert _laid_last(y) and _laid_last(saved.xhat) and _laid_last(grads.dx)
        if fast and grad == "reverse":
            assert grads.dx.flags.c_contiguous
        return (y, saved.xhat, saved.mean, saved.var, saved.inv_std, *grads)

    ours, expected = _bn_both(run)
    for what, a, e in zip(("y", "xhat", "mean", "var", "inv_std", "dx", "dw", "db"), ours,
                          expected, strict=True):  # fmt: skip
        assert a.dtype == e.dtype, what
        # to the tolerance of test_norm_numba's C-order kernels: of the inputs' scale (about
        # 1) where the result is smaller (dx cancels terms of that size)
        _close(a, e, TOL[np.dtype(dtype)], what, floor=1.0)


def test_batch_norm_of_channels_last_arrays_keeps_nan_in_its_channel():
    x = np.random.default_rng(3).standard_normal((2, 5, 4, 4)).astype(np.float32)
    x[1, 2, 3, 0] = np.nan
    ours, expected = _bn_both(
        lambda fast: normalization.batch_norm_saving(_last(x) if fast else x)[0]
    )
    _close(ours, expected, 1e-5)
    assert np.isnan(ours[:, 2]).all() and np.isfinite(np.delete(ours, 2, axis=1)).all()


@given(
    st.tuples(st.integers(1, 3), st.integers(2, 9), st.integers(1, 6), st.integers(1, 6)),
    st.sampled_from([np.float32, np.float64]), st.sampled_from(["both", "x", "dy"]),
    st.integers(0, 2**16),
)  # fmt: skip
def test_relu_backward_of_channels_last_arrays_matches_numpys(shape, dtype, which,
                                                             seed):  # fmt: skip
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape).astype(dtype)
    dy = rng.standard_normal(shape).astype(dtype)
    x.flat[::5] = np.nan  # passes its gradient, as PyTorch's
    x.flat[2::7] = 0.0  # passes none
    dy.flat[1::7] = np.inf

    def run(fast):
        xs = _last(x) if fast and which != "dy" else x
        gs = _last(dy) if fast and which != "x" else dy
        dx = activations.relu_backward(gs, xs)
        if fast and which == "both":
            assert _laid_last(dx)
        return dx

    ours, expected = _bn_both(run)
    np.testing.assert_array_equal(ours, expected)


@given(
    st.tuples(st.integers(1, 3), st.integers(2, 9), st.integers(2, 9), st.integers(2, 9)),
    st.sampled_from([np.float32, np.float64]), st.booleans(), st.integers(0, 2**16),
)  # fmt: skip
def test_max_pooling_of_channels_last_arrays_matches_numpys(shape, dtype, special,
                                                           seed):  # fmt: skip
    """2x2 blocks, odd sizes included; NaN, infinities and ties as numba's C-order kernel and
    NumPy's path have them (PyTorch's winners), bit for bit."""
    rng = np.random.default_rng(seed)
    x = rng.integers(-2, 3, shape).astype(dtype)  # ties
    if special:
        x.flat[rng.integers(x.size, size=3)] = [np.nan, -np.inf, np.inf]
    out = (shape[0], shape[1], shape[2] // 2, shape[3] // 2)
    dy = rng.standard_normal(out).astype(dtype)
    if special:
        dy.flat[0] = np.inf

    def run(fast):
        xs = _last(x) if fast else x
        y, saved = pooling.max_pool2d_saving(xs, 2)
        dx = pooling.max_pool2d_backward_saved(_last(dy) if fast else dy, xs, saved, 2)
        if fast:  # a single position a channel is both layouts: dx is then C order
            assert _laid_last(y) and (_laid_last(dx) or not _np.is_channels_last(y))
        return y, dx

    (y, dx), (ey, edx) = _bn_both(run)
    np.testing.assert_array_equal(y, ey)
    np.testing.assert_array_equal(dx, edx)


def test_a_residual_network_keeps_its_activations_channels_last(monkeypatch):
    """A step of basic blocks in ``[fast]``: from the first layer OpenVINO runs, batch norm
    reads channels-last arrays; the loss and every gradient equal the C-order run's."""
    pytest.importorskip("openvino")
    from convgrad import nn
    from convgrad.autograd import Tensor
    from convgrad.kernels import conv_openvino, norm_numba
    from convgrad.nn import models

    monkeypatch.setattr(convolution, "OPENVINO_MIN_MACS", 0)
    monkeypatch.setattr(convolution, "OPENVINO_CHANNELS", 1)
    seen = collections.Counter()
    real = norm_numba.batch_norm_forward

    def spy(x, *args):
        seen[_np.is_channels_last(x)] += 1
        return real(x, *args)

    monkeypatch.setattr(norm_numba, "batch_norm_forward", spy)
    Block = models.basic_block()
    nn.manual_seed(0)
    net = nn.Sequential(nn.Conv2d(3, 8, 3, 1, 1), Block(8, 16, 2), Block(16, 16, 1))
    x = np.random.default_rng(0).standard_normal((4, 3, 10, 10)).astype(np.float32)
    results = {}
    for last in (False, True, True):  # OpenVINO runs from a shape's second call
        monkeypatch.delenv("CONVGRAD_OPENVINO", raising=False)
        monkeypatch.setattr(conv_openvino, "CHANNELS_LAST", last)
        seen.clear()
        for p in net.parameters():
            p.grad = None
        with accel.accelerator("numba"):
            loss = (net(Tensor(x)) ** 2).mean()
            loss.backward()
        results[last] = [float(loss.data)] + [p.grad.copy() for p in net.parameters()]
    assert seen[True] >= 3  # every batch norm after an OpenVINO layer
    for a, b in zip(results[True], results[False], strict=True):
        _close(np.asarray(a, np.float64), np.asarray(b, np.float64), 1e-5)
