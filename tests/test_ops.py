"""The functional ops besides convolution and pooling, against PyTorch and finite differences:
activations, linear, batch normalisation (also against its reference loops) and the losses."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import assume, given
from hypothesis import strategies as st

from convgrad import activations, dense, gradcheck, losses, normalization, reference

TIGHT = dict(rtol=1e-12, atol=1e-12)


def _leaf(a):
    return torch.tensor(np.array(a), dtype=torch.float64, requires_grad=True)


def _close(ours, theirs, what):
    assert ours.shape == theirs.shape, f"{what}: shape {ours.shape} != {theirs.shape}"
    np.testing.assert_allclose(ours, theirs, **TIGHT, err_msg=what)


shapes = st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple)

# --- activations --------------------------------------------------------------------------------

ACTIVATIONS = {
    "relu": (activations.relu, activations.relu_backward, F.relu, {}),
    "leaky_relu": (
        activations.leaky_relu,
        activations.leaky_relu_backward,
        F.leaky_relu,
        dict(negative_slope=0.2),
    ),
    "sigmoid": (activations.sigmoid, activations.sigmoid_backward, torch.sigmoid, {}),
    "tanh": (activations.tanh, activations.tanh_backward, torch.tanh, {}),
}


@pytest.mark.parametrize("name", ACTIVATIONS)
@given(shape=shapes, seed=st.integers(0, 2**31), integers=st.booleans())
def test_activation_matches_torch(name, shape, seed, integers):
    f, df, tf, kw = ACTIVATIONS[name]
    rng = np.random.default_rng(seed)
    # integer values put some inputs exactly at 0, where relu's derivative is a convention
    x = rng.integers(-2, 3, shape).astype(float) if integers else 3 * rng.standard_normal(shape)
    dy = rng.standard_normal(shape)
    tx = _leaf(x)
    ty = tf(tx, **kw)
    ty.backward(torch.tensor(dy))
    _close(f(x, **kw), ty.detach().numpy(), "y")
    _close(df(dy, x, **kw), tx.grad.numpy(), "dx")


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_gradients_match_finite_differences(name):
    f, df, _, kw = ACTIVATIONS[name]
    x = np.random.default_rng(0).standard_normal((3, 4)) + 0.05  # away from relu's kink
    report = gradcheck(lambda x: f(x, **kw), lambda dy, x: (df(dy, x, **kw),), (x,))
    assert report.passed, str(report)


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16])
@given(seed=st.integers(0, 2**31), size=st.integers(1, 300))
def test_relu_and_its_gradient_give_the_bits_of_their_formulas(dtype, seed, size):
    # NaN, infinities and signed zeros in x and in dy: y = max(x, 0) and dx = dy where not
    # x <= 0 (a NaN x passes dy), else zero
    rng = np.random.default_rng(seed)
    specials = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0])
    x = np.where(rng.random(size) < 0.3, rng.choice(specials, size), rng.standard_normal(size))
    dy = rng.standard_normal(size)
    if rng.random() < 0.5:
        dy[rng.integers(0, size, 2)] = rng.choice(specials, 2)
    x, dy = x.astype(dtype), dy.astype(dtype)
    wide = np.float32 if dtype == np.float16 else dtype  # float16 computes in float32
    xw, dyw = x.astype(wide), dy.astype(wide)
    zero = dyw * 0 if np.isfinite(dyw).all() else np.zeros_like(dyw)
    expected = np.where(xw <= 0, zero, dyw).astype(dtype)
    assert activations.relu(x).tobytes() == np.maximum(xw, 0).astype(dtype).tobytes()
    got = activations.relu_backward(dy, x)  # numba's (with [fast]) writes +0.0 where blocked
    assert got.dtype == dtype
    np.testing.assert_array_equal(got, expected)
    torch_dx = torch.ops.aten.threshold_backward(torch.tensor(dy), torch.tensor(x), 0)
    np.testing.assert_array_equal(got, torch_dx.numpy())


def test_sigmoid_does_not_overflow_and_keeps_float32():
    x = np.array([-1e4, -50.0, 0.0, 50.0, 1e4], dtype=np.float32)
    y = activations.sigmoid(x)  # warnings are errors: an overflow in exp would fail here
    assert y.dtype == np.float32
    np.testing.assert_allclose(y, torch.sigmoid(torch.tensor(x)).numpy(), rtol=1e-6)
    assert activations.sigmoid_backward(np.ones_like(x), x).dtype == np.float32


# --- linear -------------------------------------------------------------------------------------


@given(
    lead=st.lists(st.integers(1, 3), max_size=2).map(tuple),
    features=st.tuples(st.integers(1, 5), st.integers(1, 5)),
    bias=st.booleans(),
    seed=st.integers(0, 2**31),
)
def test_linear_matches_torch(lead, features, bias, seed):
    rng = np.random.default_rng(seed)
    n_in, n_out = features
    x, w = rng.standard_normal((*lead, n_in)), rng.standard_normal((n_out, n_in))
    b = rng.standard_normal(n_out) if bias else None
    dy = rng.standard_normal((*lead, n_out))
    tx, tw = _leaf(x), _leaf(w)
    tb = None if b is None else _leaf(b)
    ty = F.linear(tx, tw, tb)
    ty.backward(torch.tensor(dy))
    _close(dense.linear(x, w, b), ty.detach().numpy(), "y")
    dx, dw, db = dense.linear_backward(dy, x, w, bias=bias)
    _close(dx, tx.grad.numpy(), "dx")
    _close(dw, tw.grad.numpy(), "dw")
    if bias:
        _close(db, tb.grad.numpy(), "db")
    else:
        assert db is None


@pytest.mark.parametrize("lead", [(), (7,), (3, 5)])
def test_linear_split_over_threads_matches_torch_and_leaves_inputs_unchanged(lead, monkeypatch):
    """Large products share their rows among convgrad's threads (dense._product): every
    product split, on 3 threads, whatever the leading dimensions."""
    from convgrad.kernels import parallel

    monkeypatch.setattr(parallel, "_threads", 3)
    monkeypatch.setattr(parallel, "SPLIT_FLOPS", 0)
    monkeypatch.setattr(parallel, "SPLIT_MIN_FLOPS", 0)
    rng = np.random.default_rng(2)
    x, w, b = rng.standard_normal((*lead, 6)), rng.standard_normal((4, 6)), rng.standard_normal(4)
    dy = rng.standard_normal((*lead, 4))
    copies = [a.copy() for a in (x, w, b, dy)]
    splits = []
    over_images = parallel.over_images
    monkeypatch.setattr(
        parallel,
        "over_images",
        lambda n, work, size: splits.append(n) or over_images(n, work, size),
    )
    tx, tw, tb = _leaf(x), _leaf(w), _leaf(b)
    ty = F.linear(tx, tw, tb)
    ty.backward(torch.tensor(dy))
    _close(dense.linear(x, w, b), ty.detach().numpy(), "y")
    dx, dw, db = dense.linear_backward(dy, x, w)
    for what, a, t in (("dx", dx, tx.grad), ("dw", dw, tw.grad), ("db", db, tb.grad)):
        _close(a, t.numpy(), what)
    m = int(np.prod(lead))
    assert splits == [m, m, 4]  # y and dx by rows of x and dy, dw by output features
    for a, c in zip((x, w, b, dy), copies):
        np.testing.assert_array_equal(a, c)


def test_linear_gradients_match_finite_differences():
    rng = np.random.default_rng(1)
    args = (rng.standard_normal((2, 3, 4)), rng.standard_normal((5, 4)), rng.standard_normal(5))
    report = gradcheck(dense.linear, lambda dy, x, w, b: dense.linear_backward(dy, x, w), args)
    assert report.passed, str(report)


# --- batch normalisation ------------------------------------------------------------------------


@given(
    shape=st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3), st.integers(1, 3)),
    training=st.booleans(),
    affine=st.booleans(),
    running=st.booleans(),
    seed=st.integers(0, 2**31),
)
def test_batch_norm_matches_reference_and_torch(shape, training, affine, running, seed):
    rng = np.random.default_rng(seed)
    C = shape[1]
    assume((not training and running) or np.prod(shape) // C > 1)  # else torch refuses too
    x = 2 * rng.standard_normal(shape) + 1
    dy = rng.standard_normal(shape)
    w, b = (rng.standard_normal(C), rng.standard_normal(C)) if affine else (None, None)
    rm, rv = (rng.standard_normal(C), rng.uniform(0.5, 2, C)) if running else (None, None)
    tx, tw, tb = _leaf(x), None if w is None else _leaf(w), None if b is None else _leaf(b)
    trm, trv = (None, None) if rm is None else (torch.tensor(rm), torch.tensor(rv))
    ty = F.batch_norm(tx, trm, trv, tw, tb, training=training or not running, eps=1e-3)
    ty.backward(torch.tensor(dy))
    kw = dict(training=training, eps=1e-3)
    y = normalization.batch_norm(x, rm, rv, w, b, **kw)
    dx, dw, db = normalization.batch_norm_backward(dy, x, rm, rv, w, **kw)
    y_ref = reference.batch_norm(x, rm, rv, w, b, **kw)
    dx_ref, dw_ref, db_ref = reference.batch_norm_backward(dy, x, rm, rv, w, **kw)
    for what, ours, ref, theirs in (("y", y, y_ref, ty), ("dx", dx, dx_ref, tx.grad)):
        theirs = theirs.detach().numpy()
        _close(ours, ref, f"{what}: fast vs reference")
        _close(ref, theirs, f"{what}: reference vs torch")
        _close(ours, theirs, f"{what}: fast vs torch")
    _close(dw, dw_ref, "dweight: fast vs reference")
    _close(db, db_ref, "dbias: fast vs reference")
    if affine:
        _close(dw, tw.grad.numpy(), "dweight: fast vs torch")
        _close(db, tb.grad.numpy(), "dbias: fast vs torch")
    if running and training:  # torch updated its running statistics in place
        new_mean, new_var = normalization.batch_norm_stats(x, rm, rv, momentum=0.1)
        _close(new_mean, trm.numpy(), "running_mean")
        _close(new_var, trv.numpy(), "running_var")


@pytest.mark.parametrize("training", [True, False], ids=["training", "eval"])
@pytest.mark.parametrize("module", [normalization, reference], ids=["fast", "reference"])
def test_batch_norm_gradients_match_finite_differences(training, module):
    rng = np.random.default_rng(2)
    x, w, b = rng.standard_normal((3, 2, 2, 2)), rng.standard_normal(2), rng.standard_normal(2)
    rm, rv = rng.standard_normal(2), rng.uniform(0.5, 2, 2)

    def backward(dy, x, w, b):
        return module.batch_norm_backward(dy, x, rm, rv, w, training=training)

    report = gradcheck(
        lambda x, w, b: module.batch_norm(x, rm, rv, w, b, training=training), backward, (x, w, b)
    )
    assert report.passed, str(report)


def test_batch_norm_never_modifies_running_statistics():
    rm, rv = np.zeros(2), np.ones(2)
    x = np.random.default_rng(0).standard_normal((4, 2, 3))
    normalization.batch_norm(x, rm, rv, training=True)
    normalization.batch_norm_stats(x, rm, rv)
    assert (rm == 0).all() and (rv == 1).all()


# --- losses -------------------------------------------------------------------------------------


@given(
    n=st.integers(1, 5),
    c=st.integers(1, 5),
    reduction=st.sampled_from(losses.REDUCTIONS),
    smoothing=st.sampled_from([0.0, 0.1, 0.5, 1.0]),
    scale=st.sampled_from([1.0, 100.0]),
    seed=st.integers(0, 2**31),
)
def test_cross_entropy_matches_torch(n, c, reduction, smoothing, scale, seed):
    rng = np.random.default_rng(seed)
    x = scale * rng.standard_normal((n, c))  # scale 100: exp would overflow without the shift
    t = rng.integers(0, c, n)
    dloss = rng.standard_normal(n) if reduction == "none" else np.array(rng.standard_normal())
    tx = _leaf(x)
    tl = F.cross_entropy(tx, torch.tensor(t), reduction=reduction, label_smoothing=smoothing)
    tl.backward(torch.tensor(dloss))
    kw = dict(reduction=reduction, label_smoothing=smoothing)
    np.testing.assert_allclose(losses.cross_entropy(x, t, **kw), tl.detach().numpy(), rtol=1e-12)
    _close(losses.cross_entropy_backward(dloss, x, t, **kw), tx.grad.numpy(), "dx")


@given(
    shape=shapes,
    reduction=st.sampled_from(losses.REDUCTIONS),
    seed=st.integers(0, 2**31),
)
def test_mse_loss_matches_torch(shape, reduction, seed):
    rng = np.random.default_rng(seed)
    x, t = rng.standard_normal(shape), rng.standard_normal(shape)
    dloss = rng.standard_normal(shape) if reduction == "none" else np.array(rng.standard_normal())
    tx, tt = _leaf(x), _leaf(t)
    tl = F.mse_loss(tx, tt, reduction=reduction)
    tl.backward(torch.tensor(dloss))
    np.testing.assert_allclose(
        losses.mse_loss(x, t, reduction=reduction), tl.detach().numpy(), **TIGHT
    )
    dx = losses.mse_loss_backward(dloss, x, t, reduction)
    _close(dx, tx.grad.numpy(), "dinput")
    _close(-dx, tt.grad.numpy(), "dtarget")


@pytest.mark.parametrize("reduction", losses.REDUCTIONS)
def test_loss_gradients_match_finite_differences(reduction):
    rng = np.random.default_rng(3)
    x, t = rng.standard_normal((4, 3)), np.array([0, 2, 1, 2])
    report = gradcheck(
        lambda x: losses.cross_entropy(x, t, reduction=reduction, label_smoothing=0.2),
        lambda d, x: (losses.cross_entropy_backward(d, x, t, reduction, 0.2),),
        (x,),
    )
    assert report.passed, str(report)
    target = rng.standard_normal((4, 3))
    report = gradcheck(
        lambda x: losses.mse_loss(x, target, reduction=reduction),
        lambda d, x: (losses.mse_loss_backward(d, x, target, reduction),),
        (x,),
    )
    assert report.passed, str(report)


# --- dtypes, input safety, bad input ------------------------------------------------------------

ONES = np.ones((2, 3, 2, 2))
SAFE_CALLS = {
    "relu": lambda x: activations.relu(x),
    "relu_backward": lambda x: activations.relu_backward(x, x),
    "leaky_relu_backward": lambda x: activations.leaky_relu_backward(x, x),
    "sigmoid_backward": lambda x: activations.sigmoid_backward(x, x),
    "tanh": lambda x: activations.tanh(x),
    "linear": lambda x: dense.linear(x, np.eye(2, dtype=x.dtype)),
    "linear_backward_dx": lambda x: dense.linear_backward(x, x, np.eye(2, dtype=x.dtype)).dx,
    "batch_norm_eval": lambda x: normalization.batch_norm(
        x, np.zeros(3, x.dtype), np.ones(3, x.dtype), eps=0.0
    ),
    "batch_norm_backward_eval": lambda x: (
        normalization.batch_norm_backward(
            x, x, np.zeros(3, x.dtype), np.ones(3, x.dtype), eps=0.0
        ).dx
    ),
    "mse_loss_none": lambda x: losses.mse_loss(x, np.zeros_like(x), reduction="none"),
    "mse_loss_backward": lambda x: losses.mse_loss_backward(0.5 * x.size, x, np.zeros_like(x)),
}


@pytest.mark.parametrize("name", SAFE_CALLS)
def test_inputs_are_untouched_and_outputs_fresh(name):
    # identity-like cases (positive inputs through relu, an identity weight...) would make a
    # view the easy answer
    x = np.random.default_rng(0).uniform(0.5, 1.5, ONES.shape)
    copy = x.copy()
    x.flags.writeable = False
    result = SAFE_CALLS[name](x)
    assert result.flags.writeable and not np.shares_memory(result, x)
    np.testing.assert_array_equal(x, copy)


@pytest.mark.parametrize("name", SAFE_CALLS)
def test_float32_stays_float32(name):
    assert SAFE_CALLS[name](ONES.astype(np.float32)).dtype == np.float32


BAD = [
    (lambda: activations.relu(np.ones(2, complex)), TypeError, ["x", "complex"]),
    (lambda: activations.relu_backward(np.ones(3), np.ones(2)), ValueError, ["dy", "(2,)", "(3,)"]),
    (lambda: activations.leaky_relu(np.ones(2), "0.1"), TypeError, ["negative_slope"]),
    (
        lambda: dense.linear(np.ones((2, 3)), np.ones((4, 2))),
        ValueError,
        ["x", "(2, 3)", "(4, 2)"],
    ),
    (lambda: dense.linear(np.ones(3), np.ones(3)), ValueError, ["w", "(3,)"]),
    (lambda: dense.linear(np.ones(3), np.ones((2, 3)), np.ones(3)), ValueError, ["b", "(3,)"]),
    (
        lambda: dense.linear_backward(np.ones((2, 3)), np.ones((2, 3)), np.ones((4, 3))),
        ValueError,
        ["dy", "(2, 4)", "(2, 3)"],
    ),
    (lambda: normalization.batch_norm(np.ones(3)), ValueError, ["x", "(3,)"]),
    (
        lambda: normalization.batch_norm(np.ones((2, 3)), weight=np.ones(2)),
        ValueError,
        ["weight", "(3,)", "(2,)"],
    ),
    (
        lambda: normalization.batch_norm(np.ones((2, 3)), np.ones(3)),
        ValueError,
        ["running_mean", "running_var"],
    ),
    (
        lambda: normalization.batch_norm(np.ones((1, 3)), training=True),
        ValueError,
        ["more than 1 value", "(1, 3)"],
    ),
    (
        lambda: losses.cross_entropy(np.ones((2, 3)), np.array([0, 3])),
        ValueError,
        ["target", "[0, 3)"],
    ),
    (lambda: losses.cross_entropy(np.ones((2, 3)), np.array([0.0, 1.0])), TypeError, ["target"]),
    (lambda: losses.cross_entropy(np.ones((2, 3)), np.array([0])), ValueError, ["target", "(2,)"]),
    (lambda: losses.cross_entropy(np.ones(3), np.array(0)), ValueError, ["input", "(3,)"]),
    (
        lambda: losses.cross_entropy(np.ones((2, 3)), np.array([0, 1]), reduction="avg"),
        ValueError,
        ["reduction", "'avg'"],
    ),
    (
        lambda: losses.cross_entropy(np.ones((2, 3)), np.array([0, 1]), label_smoothing=1.5),
        ValueError,
        ["label_smoothing"],
    ),
    (
        lambda: losses.cross_entropy_backward(np.ones(2), np.ones((2, 3)), np.array([0, 1])),
        ValueError,
        ["dloss", "(2,)"],
    ),
    (lambda: losses.mse_loss(np.ones(2), np.ones(3)), ValueError, ["target", "(2,)", "(3,)"]),
]


@pytest.mark.parametrize(("call", "exc", "fragments"), BAD)
def test_bad_arguments_are_refused_by_name(call, exc, fragments):
    with pytest.raises(exc) as info:
        call()
    assert type(info.value) is exc
    for fragment in fragments:
        assert fragment in str(info.value), (fragment, str(info.value))
