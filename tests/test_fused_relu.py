"""Batch norm with the ReLU that follows it run in its passes:
``normalization.batch_norm_relu_saving`` and its backward give the bits of batch norm, ``relu``,
``relu_backward`` and batch norm's backward one after the other, on both paths; a
``Sequential`` and the ResNet's blocks fuse such a pair (with numba and in NumPy), and train to
the same values as without it. The numba cases skip where numba is not installed."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from convgrad import _np, activations, nn, normalization
from convgrad.autograd import Tensor
from convgrad.kernels import accel
from convgrad.nn import models
from convgrad.nn.batchnorm import BatchNorm2d
from spies import calls_to

BACKENDS = ["numpy", pytest.param("numba", marks=pytest.mark.skipif(
    accel.available() is None, reason="numba is not installed"))]  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_accelerator(monkeypatch):
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    state = {"module": None, "norm": None, "failed": False, "warned": False, "compiled": set()}
    monkeypatch.setattr(accel, "_state", state)


def _apart(x, w, b, dy, residual=None):
    y, saved = normalization.batch_norm_saving(x, w, b)
    out = activations.relu(y if residual is None else _np.add(y, residual))  # the tape's sum
    g = activations.relu_backward(dy, out)
    grads = normalization.batch_norm_backward_saved(g, saved, w)
    extra = () if residual is None else (g,)
    return (out, saved.xhat, saved.mean, saved.var, saved.inv_std, *grads, *extra)


def _fused(x, w, b, dy, residual=None):
    out, saved = normalization.batch_norm_relu_saving(x, w, b, residual=residual)
    added = residual is not None
    grads = normalization.batch_norm_relu_backward_saved(dy, out, saved, w, residual=added)
    return (out, saved.xhat, saved.mean, saved.var, saved.inv_std, *grads)


def _channels_last(a):
    return np.ascontiguousarray(np.moveaxis(a, 1, -1)).transpose(0, 3, 1, 2)


@pytest.mark.parametrize("backend", BACKENDS)
@given(
    st.sampled_from([(2, 3), (5, 4, 7), (3, 2, 4, 5), (2, 8, 3, 3), (2, 2, 2, 3, 3)]),
    st.sampled_from([np.float32, np.float64]),
    st.sampled_from(["c", "channels_last"]),
    st.sampled_from(["none", "nan", "inf", "zeros"]),
    st.sampled_from([None, "c", "channels_last"]),
    st.integers(0, 2**32 - 1),
)
@example((2, 8, 3, 3), np.float32, "channels_last", "nan", None, 0)
@example((2, 8, 3, 3), np.float32, "channels_last", "none", "c", 0)  # a sum of two layouts
def test_the_fused_pair_gives_the_bits_of_the_four_calls(backend, shape, dtype, layout, special,
                                                        residual_layout, seed):  # fmt: skip
    """And with a residual added before the ReLU (ResNet's block), the bits of the sum, the
    ReLU and batch norm apart, the residual's gradient fourth."""
    rng = np.random.default_rng(seed)
    x, dy, residual = (rng.standard_normal(shape).astype(dtype) for _ in range(3))
    w, b = (rng.standard_normal(shape[1]).astype(dtype) for _ in range(2))
    if special == "nan":
        x.flat[0] = np.nan  # channel 0 all NaN: NaN passes the ReLU, and its gradient
        dy.flat[-1] = np.nan
    elif special == "inf":
        dy.flat[rng.integers(dy.size)] = np.inf  # where the ReLU blocks it, it must not leak
    elif special == "zeros":
        b[:] = 0
        w[0] = 0  # channel 0's outputs are all 0: no gradient passes
    if layout == "channels_last" and x.ndim == 4:
        x, dy = _channels_last(x), _channels_last(dy)
    if residual_layout is None:
        residual = None
    elif residual_layout == "channels_last" and x.ndim == 4:
        residual = _channels_last(residual)
    before = [a.copy() for a in (x, w, b, dy, residual) if a is not None]
    with accel.accelerator(backend), np.errstate(all="ignore"):
        expected = _apart(x, w, b, dy, residual)
        ours = _fused(x, w, b, dy, residual)
    for a, e in zip(ours, expected, strict=True):
        assert a.shape == e.shape and a.dtype == e.dtype
        np.testing.assert_array_equal(a, e)  # NaN where NaN: assert_array_equal's rule
    if backend == "numba" and layout == "channels_last" and x.ndim == 4:
        assert _np.is_channels_last(ours[0]) and _np.is_channels_last(ours[5])
    for a, was in zip((a for a in (x, w, b, dy, residual) if a is not None), before, strict=True):
        np.testing.assert_array_equal(a, was)  # inputs never modified


def test_the_fused_backward_refuses_what_is_not_its_forwards():
    x = np.random.default_rng(0).standard_normal((4, 3))
    y, saved = normalization.batch_norm_relu_saving(x)
    with pytest.raises(TypeError, match="saved must be the BatchNormSaved"):
        normalization.batch_norm_relu_backward_saved(np.ones((4, 3)), y, (1, 2))
    with pytest.raises(ValueError, match=r"y must have the shape of x, \(4, 3\); got shape \(4,"):
        normalization.batch_norm_relu_backward_saved(np.ones((4, 3)), y[:, :2], saved)
    with pytest.raises(ValueError, match="dy"):
        normalization.batch_norm_relu_backward_saved(np.ones((4, 2)), y, saved)
    with pytest.raises(TypeError, match="residual must be True or False; got 'yes'"):
        normalization.batch_norm_relu_backward_saved(np.ones((4, 3)), y, saved, residual="yes")
    with pytest.raises(ValueError, match=r"residual must have the shape of x, \(4, 3\); got sh"):
        normalization.batch_norm_relu_saving(x, residual=np.ones((4, 1)))


def _cnn(seed=0):
    nn.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(4, 6, 3, padding=1), nn.BatchNorm2d(6), nn.ReLU(),
        nn.Flatten(), nn.Linear(6 * 3 * 3, 5),
    )  # fmt: skip


def _grads(model):
    return {k: p.grad.copy() for k, p in model.named_parameters()}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("tape", [False, True])
def test_a_sequential_trains_to_the_same_values_with_the_pair_fused(backend, tape, monkeypatch):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((5, 2, 6, 6)).astype(np.float32)
    dy = rng.standard_normal((5, 5)).astype(np.float32)
    results = []
    for fuse in (True, False):
        if not fuse:
            monkeypatch.setattr(BatchNorm2d, "_fuses_relu", lambda self, x: False)
        model = _cnn()
        with accel.accelerator(backend):
            for _ in range(2):  # the running statistics move, and a second step reads them
                model.zero_grad()
                if tape:
                    xt = Tensor(x, requires_grad=True)
                    out = model(xt)
                    (out * Tensor(dy)).sum().backward()
                    dx = xt.grad
                else:
                    out = model(x)
                    dx = model.backward(dy)
            fused = model.__dict__.get("_fused")
        state = {k: np.array(v) for k, v in model.state_dict().items()}
        results.append((out.data if tape else out, dx, _grads(model), state, fused))
    (out, dx, grads, state, fused), (out0, dx0, grads0, state0, fused0) = results
    assert fused == frozenset({2, 6})
    assert fused0 == frozenset()
    np.testing.assert_array_equal(out, out0)
    np.testing.assert_array_equal(dx, dx0)
    for k in grads0:
        np.testing.assert_array_equal(grads[k], grads0[k], err_msg=k)
    for k in state0:
        np.testing.assert_array_equal(state[k], state0[k], err_msg=k)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_relus_own_passes_do_not_run_where_the_pair_is_fused(backend, monkeypatch):
    calls = calls_to(monkeypatch, activations, ("relu", "relu_backward"))
    for name in ("_f", "_df"):  # the ReLU layer's own functions, bound when its class was made
        real = getattr(activations, {"_f": "relu", "_df": "relu_backward"}[name])
        monkeypatch.setattr(nn.ReLU, name, staticmethod(real))
    model = _cnn()
    x = np.random.default_rng(2).standard_normal((4, 2, 6, 6)).astype(np.float32)
    with accel.accelerator(backend):
        out = model(x)
        model.backward(np.ones_like(out), input_grad=False)
        assert calls == []
        model.eval()  # the running statistics: batch norm and the ReLU apart
        model(x)
    assert calls == ["relu", "relu"]


class _ShiftedReLU(nn.ReLU):  # a subclass may change what ReLU does: never fused
    def _f(self, x):
        return activations.relu(x - 1)

    def _df(self, dy, x):
        return activations.relu_backward(dy, x - 1)


@pytest.mark.parametrize("backend", BACKENDS)
def test_only_batch_norm_and_an_exact_relu_are_fused(backend):
    nn.manual_seed(0)
    model = nn.Sequential(nn.BatchNorm2d(3), _ShiftedReLU(), nn.ReLU(), nn.BatchNorm1d(3))
    x = np.random.default_rng(3).standard_normal((4, 3, 2, 2)).astype(np.float32) + 1
    with accel.accelerator(backend):
        first = model[:3]  # a new Sequential, sharing the layers
        out = first(x)
        model2 = nn.Sequential(nn.BatchNorm1d(3), nn.ReLU())
        model2(x.reshape(4, 3, 4))
    assert first._fused == frozenset()  # a subclass of ReLU, and a ReLU after it: neither
    assert model2._fused == frozenset({1})
    with accel.accelerator("numpy"):
        y = activations.relu(normalization.batch_norm(x, training=True))
    np.testing.assert_allclose(out, activations.relu(y - 1), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_resnets_blocks_give_the_same_gradients_fused(backend, monkeypatch):
    rng = np.random.default_rng(4)
    x = rng.standard_normal((3, 1, 8, 8)).astype(np.float32)
    grads = []
    for fuse in (True, False):
        if not fuse:
            monkeypatch.setattr(BatchNorm2d, "_fuses_relu", lambda self, x: False)
        nn.manual_seed(0)
        model = models.resnet20(num_classes=4, in_channels=1)
        with accel.accelerator(backend):
            model(Tensor(x)).sum().backward()
        grads.append(_grads(model))
    for k in grads[1]:
        np.testing.assert_array_equal(grads[0][k], grads[1][k], err_msg=k)
