"""The tape (:mod:`convgrad.autograd`) and :mod:`convgrad.nn.functional` against PyTorch.

One helper, :func:`check`, runs the same function on convgrad Tensors and on torch tensors
(float64 leaves that require grad), sends the same random upstream gradient back through both,
and compares the forward and every input's gradient. The functional ops are also run on plain
arrays, which must give the same forward as an array. Then the tape's own rules: accumulation,
a Tensor used twice, ``no_grad``, ``detach``, errors.
"""

from __future__ import annotations

import weakref

import numpy as np
import pytest
import torch

import convgrad as cg
import convgrad.nn.functional as F
from convgrad.autograd import Tensor, engine
from convgrad.autograd.engine import record

TF = torch.nn.functional
CLOSE = dict(rtol=1e-10, atol=1e-12)


def check(ours, theirs, *arrays, seed=0, arrays_too=False):
    """Forward and every gradient of ``ours`` on Tensors equal ``theirs`` on torch tensors."""
    leaves = [cg.tensor(a, requires_grad=True) for a in arrays]
    twins = [torch.tensor(a, requires_grad=True) for a in arrays]
    y, ty = ours(*leaves), theirs(*twins)
    assert isinstance(y, Tensor) and y.requires_grad
    np.testing.assert_allclose(y.data, ty.detach().numpy(), **CLOSE)
    dy = np.random.default_rng(seed).normal(size=ty.shape)
    y.backward(dy)
    ty.backward(torch.tensor(dy))
    for i, (leaf, twin) in enumerate(zip(leaves, twins)):
        expected = np.zeros(leaf.shape) if twin.grad is None else twin.grad.numpy()
        got = np.zeros(leaf.shape) if leaf.grad is None else leaf.grad
        np.testing.assert_allclose(got, expected, **CLOSE, err_msg=f"gradient of input {i}")
    if arrays_too:  # the NumPy API: arrays in, the same array out, nothing recorded
        plain = ours(*arrays)
        assert isinstance(plain, np.ndarray)
        np.testing.assert_allclose(plain, y.data, **CLOSE)


def normal(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape)


def positive(*shape, seed=0):
    return np.abs(normal(*shape, seed=seed)) + 0.5


# --- arithmetic, reductions, shapes -------------------------------------------------------------

# each op is written once, for both libraries: ``m`` is convgrad or torch
OPS = {
    "add broadcast": (lambda m, a, b: a + b, (3, 1, 4), (2, 1)),
    "sub scalar left": (lambda m, a, b: 2.0 - a - b, (2, 3), (3,)),
    "mul broadcast": (lambda m, a, b: a * b * 3, (2, 3, 4), (1, 3, 1)),
    "div": (lambda m, a, b: a / b + 1 / b, (2, 3), "positive (3,)"),
    "pow": (lambda m, a, b: a**3 + b**b + 2**a, (4,), "positive (4,)"),
    "neg": (lambda m, a: -a, (2, 2)),
    "matmul batched": (lambda m, a, b: a @ b, (2, 3, 4), (4, 5)),
    "sum dims keepdim": (lambda m, a: a.sum((0, 2), keepdim=True), (2, 3, 4)),
    "sum all": (lambda m, a: a.sum(), (2, 3)),
    "mean dim": (lambda m, a: a.mean(1), (2, 3, 4)),
    "exp log": (lambda m, a: a.exp() + a.log(), "positive (3, 2)"),
    "sqrt abs": (lambda m, a: a.sqrt() + (-a).abs(), "positive (3,)"),
    "maximum": (lambda m, a, b: a.maximum(b), (3, 4), (4,)),
    "relu": (lambda m, a: a.relu(), (3, 4)),
    "index repeated": (lambda m, a: a[[0, 0, 2]], (3, 4)),
    "index slice": (lambda m, a: a[:, 1:3, None], (3, 4)),
    "index step": (lambda m, a: a[..., ::2], (2, 5)),
    "reshape view": (lambda m, a: a.reshape(6, 2).view(3, 4), (2, 6)),
    "flatten": (lambda m, a: a.flatten(1), (2, 3, 4)),
    "permute": (lambda m, a: a.permute(2, 0, 1) * 1, (2, 3, 4)),
    "transpose T": (lambda m, a: a.transpose(0, 1) + a.T, (3, 3)),
    "unsqueeze squeeze": (lambda m, a: a.unsqueeze(1).squeeze(1), (2, 3)),
    "cat": (lambda m, a, b: m.cat([a, b, a], 1), (2, 3), (2, 1)),
    "stack": (lambda m, a, b: m.stack([a, b], -1), (2, 3), (2, 3)),
    "used twice": (lambda m, a: a * a + a, (3,)),
    "aliases": (lambda m, a, b: a.add(b).mul(b).sub(a).div(2.0).pow(2).matmul(b.T), (3, 4), (3, 4)),
    "var std": (lambda m, a: a.var(1) + a.std((0, 2), keepdim=True).sum(), (3, 4, 2)),
    "expand": (lambda m, a, b: a.expand(2, 3, -1) * a.expand_as(b), (3, 1), (3, 3)),
    "split chunk": (lambda m, a: a.split(2, 1)[1].sum() * a.chunk(3, 0)[2], (5, 4)),
    "clamp": (lambda m, a: a.clamp(-0.5, 0.8) + a.clamp(min=0.1), (3, 4)),
    "max all": (lambda m, a: a.max() + a.min(), (3, 4)),
    "max dim": (lambda m, a: a.max(1)[0] + a.min(0, keepdim=True)[0].sum(), (3, 4)),
    "sigmoid tanh methods": (lambda m, a: a.sigmoid() * a.tanh(), (3, 4)),
    "softmax methods": (lambda m, a: a.softmax(1) + a.log_softmax(0), (3, 4)),
}


def _inputs(shapes):
    out = []
    for i, s in enumerate(shapes):
        if isinstance(s, str):  # "positive (3,)"
            out.append(positive(*eval(s.split(" ", 1)[1]), seed=i))
        else:
            out.append(normal(*s, seed=i))
    return out


@pytest.mark.parametrize("name", OPS)
def test_op_matches_torch(name):
    f, *shapes = OPS[name]
    check(lambda *a: f(cg, *a), lambda *a: f(torch, *a), *_inputs(shapes))


def test_ties_in_maximum_share_the_gradient_as_torch():
    a, b = np.array([1.0, 2.0, 3.0]), np.array([1.0, 5.0, 3.0])
    check(lambda x, y: x.maximum(y), lambda x, y: x.maximum(y), a, b)  # 0.5 to each at a tie


def test_array_on_the_left_is_recorded():
    x = cg.tensor(np.ones(3), requires_grad=True)
    y = np.arange(3.0) * x + np.ones(3)
    assert isinstance(y, Tensor)
    y.sum().backward()
    np.testing.assert_array_equal(x.grad, np.arange(3.0))


# --- the tape's rules -----------------------------------------------------------------------------


def test_grads_accumulate_over_backward_calls_and_graphs():
    x = cg.tensor(np.array([1.0, 2.0]), requires_grad=True)
    (x * 3).sum().backward()
    (x * x).sum().backward()
    np.testing.assert_array_equal(x.grad, [3 + 2, 3 + 4])


def test_a_diamond_is_visited_once_with_all_its_shares():
    x = cg.tensor(np.array([2.0]), requires_grad=True)
    h = x * x  # used by both branches
    y = h * 3 + h.exp()
    y.backward()
    tx = torch.tensor([2.0], dtype=torch.float64, requires_grad=True)
    th = tx * tx
    (th * 3 + th.exp()).backward()
    np.testing.assert_allclose(x.grad, tx.grad.numpy(), **CLOSE)


def test_a_deep_chain_needs_no_recursion():
    x = cg.tensor(np.array(1.0), requires_grad=True)
    y = x
    for _ in range(5000):
        y = y * 1.0
    y.backward()
    assert x.grad == 1.0


def test_retain_graph_allows_a_second_backward():
    x = cg.tensor(np.array([1.0, 2.0]), requires_grad=True)
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    np.testing.assert_array_equal(x.grad, [4.0, 8.0])


def _op_returning(made: list, view=None):
    """An op whose backward returns a fresh array it keeps no reference to (a weak one in
    ``made``), or ``view(fresh)``."""

    def op(x):
        def backward(g):
            fresh = np.array(g * 2.0)
            made.append(weakref.ref(fresh))
            return ((fresh if view is None else view(fresh)),)

        return record(x.data * 2.0, (x,), backward)

    return op


@pytest.mark.skipif(not engine._COUNTS_EXACT, reason="from Python 3.14 a leaf always copies")
@pytest.mark.parametrize("view", [None, lambda a: a.reshape(-1)[::1].reshape(a.shape)])
def test_a_leaf_keeps_a_gradient_no_one_else_holds_without_copying_it(view):
    made: list = []
    x = cg.tensor(np.ones((3, 4), np.float32), requires_grad=True)
    _op_returning(made, view)(x).backward(np.ones((3, 4), np.float32))
    fresh = made[0]()
    assert fresh is not None and np.shares_memory(x.grad, fresh)
    np.testing.assert_array_equal(x.grad, np.full((3, 4), 2.0))


def test_leaves_copy_gradients_that_others_hold():
    """A leaf's .grad shares no memory with another leaf's, with the caller's grad, or with an
    array an op still holds; adding to one leaves the others as they were."""
    g = np.ones((2, 3))
    a, b = (cg.tensor(np.zeros((2, 3)), requires_grad=True) for _ in range(2))
    (a + b).backward(g)  # the same array is both parents' share
    c = cg.tensor(np.zeros(6), requires_grad=True)
    c.reshape(2, 3).backward(g)  # a view of the caller's grad
    d, e = (cg.tensor(np.zeros((1, 3)), requires_grad=True) for _ in range(2))
    (cg.cat([d, e]) * 2.0).backward(g)  # two slices of one fresh array
    kept: list = []
    f = cg.tensor(np.zeros((2, 3)), requires_grad=True)
    record(f.data, (f,), lambda g_: (kept.append(g_ + 1) or kept[0],)).backward(g)
    leaves = [a.grad, b.grad, c.grad, d.grad, e.grad, f.grad]
    for i, one in enumerate(leaves):
        others = [*leaves[:i], *leaves[i + 1 :], g, kept[0]]
        assert not any(np.shares_memory(one, other) for other in others)
    a.grad += 1
    d.grad += 1
    np.testing.assert_array_equal(b.grad, g)
    np.testing.assert_array_equal(e.grad, [[2.0, 2.0, 2.0]])
    np.testing.assert_array_equal(g, np.ones((2, 3)))


def test_a_kept_gradient_accumulates_in_place_across_backward_calls():
    x = cg.tensor(np.ones(4), requires_grad=True)
    for _ in range(3):
        (x * 3.0).backward(np.ones(4))
    np.testing.assert_array_equal(x.grad, np.full(4, 9.0))


def test_no_grad_and_detach_record_nothing():
    x = cg.tensor(np.ones(2), requires_grad=True)
    with cg.no_grad():
        y = x * 2
    assert not y.requires_grad and y.is_leaf
    z = (x.detach() * 2 + x).sum()
    z.backward()
    np.testing.assert_array_equal(x.grad, [1.0, 1.0])


def test_grads_keep_each_leafs_dtype():
    w = cg.tensor(np.ones(3, dtype=np.float32), requires_grad=True)
    x = np.ones(3, dtype=np.float64)
    (w * x).sum().backward()
    assert w.grad.dtype == np.float32


def test_tensor_copies_and_reports():
    a = np.ones(3)
    t = cg.tensor(a, requires_grad=True)
    a[0] = 5
    assert t.data[0] == 1.0
    assert (t.shape, t.ndim, t.dtype, t.numel()) == ((3,), 1, np.float64, 3)
    assert t.sum().item() == 3.0 and isinstance(t.sum().item(), float)
    assert t.detach().numpy() is t.data
    with pytest.raises(RuntimeError, match="requires grad"):
        np.asarray(t)  # NumPy would drop the gradient without a word


def test_comparisons_are_elementwise_and_identity_is_the_hash():
    logits = cg.tensor(np.array([[0.1, 2.0], [3.0, -1.0]]), requires_grad=True)
    labels = cg.tensor(np.array([1, 1]))
    correct = logits.argmax(1) == labels
    assert correct.data.tolist() == [True, False]
    assert correct.float().mean().item() == 0.5
    assert (logits > 0).sum().item() == 3 and bool(logits.sum() > 0)
    assert len({logits, labels, logits}) == 2
    w = cg.tensor(np.zeros(2))
    assert w.fill_(3.0).data.tolist() == [3.0, 3.0] and w.copy_(np.ones(2)).data.tolist() == [1, 1]


def _backward_twice():
    y = (cg.tensor(np.ones(2), requires_grad=True) * 2).sum()
    y.backward()
    y.backward()


@pytest.mark.parametrize(
    "make, error, words",
    [
        (lambda: cg.tensor([1, 2], requires_grad=True), TypeError, "floating-point"),
        (lambda: cg.tensor(np.ones(2)).backward(), RuntimeError, "does not require grad"),
        (lambda: (cg.tensor(np.ones(2), requires_grad=True) * 2).backward(), RuntimeError, "shape"),
        (
            lambda: (cg.tensor(np.ones(2), requires_grad=True) * 2).backward(np.ones(3)),
            ValueError,
            r"grad must have shape \(2,\)",
        ),
        (lambda: cg.cat([]), ValueError, "at least one"),
        (_backward_twice, RuntimeError, "already walked"),
    ],
)
def test_bad_use_says_what_is_wrong(make, error, words):
    with pytest.raises(error, match=words):
        make()


# --- nn.functional --------------------------------------------------------------------------------

LABELS = np.array([2, 0, 3, 3])
IGNORED = np.array([2, -100, 3, 1])
SPATIAL_LABELS = np.array([[[0, 2], [1, 1]], [[2, 2], [0, -100]]])
WEIGHT = np.array([0.5, 2.0, 1.0, 3.0])
PROBS = np.random.default_rng(9).dirichlet(np.ones(4), size=4)


def _f(name, ours, theirs, *shapes):
    return pytest.param(ours, theirs, shapes, id=name)


FUNCTIONAL = [
    _f("relu", F.relu, TF.relu, (3, 4)),
    _f("leaky_relu", lambda x: F.leaky_relu(x, 0.2), lambda x: TF.leaky_relu(x, 0.2), (3, 4)),
    _f("sigmoid", F.sigmoid, torch.sigmoid, (3, 4)),
    _f("tanh", F.tanh, torch.tanh, (3, 4)),
    _f("gelu", F.gelu, TF.gelu, (3, 4)),
    _f("relu6", lambda x: F.relu6(3 * x), lambda x: TF.relu6(3 * x), (5, 4)),
    _f("hardtanh", lambda x: F.hardtanh(x, -0.5, 0.7), lambda x: TF.hardtanh(x, -0.5, 0.7), (5, 4)),
    _f("silu", F.silu, TF.silu, (3, 4)),
    _f("hardswish", lambda x: F.hardswish(3 * x), lambda x: TF.hardswish(3 * x), (5, 4)),
    _f("hardsigmoid", lambda x: F.hardsigmoid(3 * x), lambda x: TF.hardsigmoid(3 * x), (5, 4)),
    _f("elu", lambda x: F.elu(x, 0.7), lambda x: TF.elu(x, 0.7), (3, 4)),
    _f("softplus", lambda x: F.softplus(5 * x, 2.0, 8.0), lambda x: TF.softplus(5 * x, 2.0, 8.0),
       (4, 4)),
    _f("group_norm", lambda x, w, b: F.group_norm(x, 2, w, b),
       lambda x, w, b: TF.group_norm(x, 2, w, b), (2, 4, 3, 2), (4,), (4,)),
    _f("gelu tanh", lambda x: F.gelu(x, "tanh"), lambda x: TF.gelu(x, approximate="tanh"), (5,)),
    _f("softmax", lambda x: F.softmax(x, 1), lambda x: TF.softmax(x, 1), (2, 3, 4)),
    _f("log_softmax", lambda x: F.log_softmax(x, -1), lambda x: TF.log_softmax(x, -1), (2, 5)),
    _f("softmax last", lambda x: F.softmax(x, 2), lambda x: TF.softmax(x, 2), (2, 3, 4)),
    _f("softmax 1-d", lambda x: F.softmax(x, 0), lambda x: TF.softmax(x, 0), (6,)),
    _f("log_softmax 0", lambda x: F.log_softmax(x, 0), lambda x: TF.log_softmax(x, 0), (3, 4)),
    _f("linear", F.linear, TF.linear, (2, 3, 4), (5, 4), (5,)),
    _f("conv1d", lambda x, w: F.conv1d(x, w, stride=2, padding=1),
       lambda x, w: TF.conv1d(x, w, stride=2, padding=1), (2, 2, 7), (3, 2, 3)),
    _f("conv2d grouped", lambda x, w, b: F.conv2d(x, w, b, 1, 1, 2, 2),
       lambda x, w, b: TF.conv2d(x, w, b, 1, 1, 2, 2), (2, 4, 6, 5), (6, 2, 3, 3), (6,)),
    _f("conv3d", F.conv3d, TF.conv3d, (1, 2, 4, 4, 3), (3, 2, 2, 2, 2)),
    _f("conv_transpose2d", lambda x, w, b: F.conv_transpose2d(x, w, b, 2, 1, 1),
       lambda x, w, b: TF.conv_transpose2d(x, w, b, 2, 1, 1), (2, 3, 4, 4), (3, 2, 3, 3), (2,)),
    _f("max_pool2d", lambda x: F.max_pool2d(x, 3, 2, 1), lambda x: TF.max_pool2d(x, 3, 2, 1),
       (2, 3, 7, 6)),
    _f("max_pool1d", lambda x: F.max_pool1d(x, 3, 2, 1), lambda x: TF.max_pool1d(x, 3, 2, 1),
       (2, 3, 9)),
    _f("avg_pool2d", lambda x: F.avg_pool2d(x, 3, 2, 1, count_include_pad=False),
       lambda x: TF.avg_pool2d(x, 3, 2, 1, count_include_pad=False), (2, 3, 7, 6)),
    _f("avg_pool1d", lambda x: F.avg_pool1d(x, 2), lambda x: TF.avg_pool1d(x, 2), (2, 3, 7)),
    _f("adaptive_avg_pool2d", lambda x: F.adaptive_avg_pool2d(x, (3, 2)),
       lambda x: TF.adaptive_avg_pool2d(x, (3, 2)), (2, 3, 7, 5)),
    _f("adaptive_max_pool2d", lambda x: F.adaptive_max_pool2d(x, (3, 2)),
       lambda x: TF.adaptive_max_pool2d(x, (3, 2)), (2, 3, 7, 5)),
    _f("batch_norm train", lambda x, w, b: F.batch_norm(x, None, None, w, b, True),
       lambda x, w, b: TF.batch_norm(x, None, None, w, b, True), (4, 3, 2, 2), (3,), (3,)),
    _f("batch_norm eval", lambda x, w, b: F.batch_norm(x, np.zeros(3) + 0.1, np.ones(3) * 2, w, b),
       lambda x, w, b: TF.batch_norm(x, torch.zeros(3, dtype=torch.float64) + 0.1,
                                     torch.ones(3, dtype=torch.float64) * 2, w, b),
       (4, 3, 2, 2), (3,), (3,)),
    _f("layer_norm", lambda x, w, b: F.layer_norm(x, (3, 4), w, b),
       lambda x, w, b: TF.layer_norm(x, (3, 4), w, b), (2, 3, 4), (3, 4), (3, 4)),
    _f("pad constant", lambda x: F.pad(x, (1, 2, 0, 1), value=0.5),
       lambda x: TF.pad(x, (1, 2, 0, 1), value=0.5), (2, 3, 4)),
    _f("pad reflect", lambda x: F.pad(x, (2, 1, 1, 2), "reflect"),
       lambda x: TF.pad(x, (2, 1, 1, 2), "reflect"), (1, 2, 4, 4)),
    _f("pad replicate", lambda x: F.pad(x, (2, 1), "replicate"),
       lambda x: TF.pad(x, (2, 1), "replicate"), (1, 2, 4)),
    _f("pad circular", lambda x: F.pad(x, (1, 2, 2, 1), "circular"),
       lambda x: TF.pad(x, (1, 2, 2, 1), "circular"), (1, 2, 4, 3)),
    _f("interpolate nearest", lambda x: F.interpolate(x, size=(5, 7)),
       lambda x: TF.interpolate(x, size=(5, 7)), (2, 2, 3, 4)),
    _f("interpolate nearest x2", lambda x: F.interpolate(x, scale_factor=2),
       lambda x: TF.interpolate(x, scale_factor=2), (2, 2, 3, 4)),
    _f("interpolate bilinear", lambda x: F.interpolate(x, size=(5, 7), mode="bilinear"),
       lambda x: TF.interpolate(x, size=(5, 7), mode="bilinear"), (2, 2, 3, 4)),
    _f("interpolate bilinear corners",
       lambda x: F.interpolate(x, scale_factor=1.5, mode="bilinear", align_corners=True),
       lambda x: TF.interpolate(x, scale_factor=1.5, mode="bilinear", align_corners=True),
       (1, 2, 4, 3)),
    _f("interpolate linear down", lambda x: F.interpolate(x, size=3, mode="linear"),
       lambda x: TF.interpolate(x, size=3, mode="linear"), (2, 2, 7)),
    _f("unfold", lambda x: F.unfold(x, (2, 3), 1, 1, (2, 1)),
       lambda x: TF.unfold(x, (2, 3), 1, 1, (2, 1)), (2, 3, 5, 4)),
    _f("fold", lambda x: F.fold(x, (4, 5), 2, 1, 1, 2),
       lambda x: TF.fold(x, (4, 5), 2, 1, 1, 2), (2, 12, 9)),
    _f("mse_loss", F.mse_loss, TF.mse_loss, (3, 4), (3, 4)),
    _f("cross_entropy", lambda x: F.cross_entropy(x, LABELS),
       lambda x: TF.cross_entropy(x, torch.tensor(LABELS)), (4, 4)),
    _f("cross_entropy smoothing sum",
       lambda x: F.cross_entropy(x, LABELS, reduction="sum", label_smoothing=0.2),
       lambda x: TF.cross_entropy(x, torch.tensor(LABELS), reduction="sum", label_smoothing=0.2),
       (4, 4)),
    _f("cross_entropy weight ignore",
       lambda x: F.cross_entropy(x, IGNORED, weight=WEIGHT),
       lambda x: TF.cross_entropy(x, torch.tensor(IGNORED), weight=torch.tensor(WEIGHT)),
       (4, 4)),
    _f("cross_entropy weight ignore smoothing",
       lambda x: F.cross_entropy(x, IGNORED, weight=WEIGHT, label_smoothing=0.3),
       lambda x: TF.cross_entropy(x, torch.tensor(IGNORED), weight=torch.tensor(WEIGHT),
                                  label_smoothing=0.3), (4, 4)),
    _f("cross_entropy ignore smoothing none",
       lambda x: F.cross_entropy(x, IGNORED, reduction="none", label_smoothing=0.3),
       lambda x: TF.cross_entropy(x, torch.tensor(IGNORED), reduction="none",
                                  label_smoothing=0.3), (4, 4)),
    _f("cross_entropy spatial",
       lambda x: F.cross_entropy(x, SPATIAL_LABELS, weight=WEIGHT[:3]),
       lambda x: TF.cross_entropy(x, torch.tensor(SPATIAL_LABELS), weight=torch.tensor(WEIGHT[:3])),
       (2, 3, 2, 2)),
    _f("cross_entropy probabilities",
       lambda x: F.cross_entropy(x, PROBS, weight=WEIGHT, label_smoothing=0.1),
       lambda x: TF.cross_entropy(x, torch.tensor(PROBS), weight=torch.tensor(WEIGHT),
                                  label_smoothing=0.1), (4, 4)),
    _f("nll_loss", lambda x: F.nll_loss(x, IGNORED, weight=WEIGHT, reduction="sum"),
       lambda x: TF.nll_loss(x, torch.tensor(IGNORED), weight=torch.tensor(WEIGHT),
                             reduction="sum"), (4, 4)),
    _f("bce_with_logits", lambda x: F.binary_cross_entropy_with_logits(
           x, PROBS, weight=WEIGHT, pos_weight=WEIGHT[::-1].copy()),
       lambda x: TF.binary_cross_entropy_with_logits(
           x, torch.tensor(PROBS), weight=torch.tensor(WEIGHT),
           pos_weight=torch.tensor(WEIGHT[::-1].copy())), (4, 4)),
]  # fmt: skip


@pytest.mark.parametrize("ours, theirs, shapes", FUNCTIONAL)
def test_functional_matches_torch(ours, theirs, shapes):
    check(ours, theirs, *_inputs(shapes), arrays_too=True)


def test_max_pool_indices_match_torch():
    x = normal(2, 3, 7, 6)
    y, idx = F.max_pool2d(x, 3, 2, 1, return_indices=True)
    ty, tidx = TF.max_pool2d(torch.tensor(x), 3, 2, 1, return_indices=True)
    np.testing.assert_array_equal(idx, tidx.numpy())
    _, idx1 = F.max_pool1d(normal(2, 3, 9), 3, 2, 1, return_indices=True)
    _, tidx1 = TF.max_pool1d(torch.tensor(normal(2, 3, 9)), 3, 2, 1, return_indices=True)
    np.testing.assert_array_equal(idx1, tidx1.numpy())
    _, aidx = F.adaptive_max_pool2d(x, (3, 2), return_indices=True)
    _, taidx = TF.adaptive_max_pool2d(torch.tensor(x), (3, 2), return_indices=True)
    np.testing.assert_array_equal(aidx, taidx.numpy())


def test_dropout_scales_kept_values_and_passes_gradient_through_the_same_mask():
    cg.nn.manual_seed(0)
    x = cg.tensor(np.ones((200, 50)), requires_grad=True)
    y = F.dropout(x, 0.3)
    kept = y.data != 0
    np.testing.assert_allclose(y.data[kept], 1 / 0.7)
    assert abs(kept.mean() - 0.7) < 0.02
    y.sum().backward()
    np.testing.assert_array_equal(x.grad, y.data)
    assert F.dropout(x, 0.3, training=False) is x
    channels = F.dropout2d(np.ones((4, 8, 3, 3)), 0.5)
    assert np.all(channels.std(axis=(2, 3)) == 0)


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: F.gelu(np.ones(2), "fast"), ValueError, "approximate"),
        (lambda: F.pad(np.ones((2, 2)), (1,)), ValueError, "pad must hold pairs"),
        (lambda: F.pad(np.ones((2, 2)), (1, 1), "mirror"), ValueError, "mode"),
        (lambda: F.interpolate(np.ones((1, 1, 2, 2)), mode="linear", size=3), ValueError, "3-D"),
        (lambda: F.interpolate(np.ones((1, 1, 2))), ValueError, "exactly one"),
        (lambda: F.cross_entropy(np.ones((2, 3)), np.array([0, 3]), weight=np.ones(3)),
         ValueError, r"target must hold classes in \[0, 3\)"),
        (lambda: F.nll_loss(np.ones((2, 3)), np.array([0, 1]), weight=np.ones(2)),
         ValueError, "weight must have shape"),
        (lambda: F.dropout(np.ones(2), 1.5), ValueError, "p must be a probability"),
        (lambda: F.unfold(np.ones((1, 1, 2, 2)), 3), ValueError, "does not fit"),
        (lambda: F.fold(np.ones((1, 4, 5)), 3, 2), ValueError, "fold: input must be"),
    ],
)  # fmt: skip
def test_functional_bad_input_names_the_argument(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("fn", ["softmax", "log_softmax"])
@pytest.mark.parametrize("dim", [0, 1])
def test_softmax_rows_with_nan_and_infinities_match_torch(fn, dim):
    x = np.array([[1.0, 2.0, 3.0], [np.nan, 0.0, 1.0], [np.inf, 0.0, 1.0], [-np.inf, 0.0, 1.0]])
    g = np.arange(12.0).reshape(4, 3) - 5
    ours = cg.tensor(x, requires_grad=True)
    getattr(F, fn)(ours, dim).backward(g)
    theirs = torch.tensor(x, requires_grad=True)
    y = getattr(TF, fn)(theirs, dim)
    y.backward(torch.tensor(g))
    np.testing.assert_allclose(getattr(F, fn)(x, dim), y.detach().numpy(), **CLOSE)
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), **CLOSE)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("smoothing", [0.0, 0.1])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cross_entropy_on_the_tape_is_cross_entropy_backward_bit_for_bit(
    reduction, smoothing, dtype
):
    """The tape's cross-entropy keeps its forward's log-probabilities for the backward; the
    gradient is the NumPy API's, which takes them again, to the bit (and PyTorch's, closely)."""
    rng = np.random.default_rng(3)
    x = (rng.standard_normal((9, 7)) * 4).astype(dtype)
    t = rng.integers(0, 7, 9)
    ours = cg.tensor(x, requires_grad=True)
    loss = F.cross_entropy(ours, t, reduction=reduction, label_smoothing=smoothing)
    g = np.asarray(rng.standard_normal(loss.shape), dtype=dtype)
    loss.backward(g)
    expected = cg.cross_entropy_backward(g, x, t, reduction, smoothing)
    assert ours.grad.dtype == expected.dtype == dtype
    np.testing.assert_array_equal(ours.grad, expected)
    np.testing.assert_array_equal(
        loss.data, cg.cross_entropy(x, t, reduction=reduction, label_smoothing=smoothing)
    )
    theirs = torch.tensor(x.astype(np.float64), requires_grad=True)
    TF.cross_entropy(theirs, torch.tensor(t), reduction=reduction, label_smoothing=smoothing
                     ).backward(torch.tensor(g.astype(np.float64)))  # fmt: skip
    tol = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=tol, atol=tol)


def test_linear_on_an_input_that_needs_no_gradient_computes_no_dx(monkeypatch):
    """As PyTorch, the first layer's backward skips ``dx = dy @ w``: one product (``dw``) where
    an input that needs a gradient takes two; ``dw`` and ``db`` as PyTorch's either way."""
    from convgrad import dense

    products = []
    product = dense._product
    monkeypatch.setattr(dense, "_product", lambda a, b: products.append(1) or product(a, b))
    rng = np.random.default_rng(4)
    x, w, b = rng.standard_normal((5, 3, 4)), rng.standard_normal((6, 4)), rng.standard_normal(6)
    g = rng.standard_normal((5, 3, 6))
    tw, tb = (torch.tensor(a, requires_grad=True) for a in (w, b))
    TF.linear(torch.tensor(x), tw, tb).backward(torch.tensor(g))
    for needs_grad in (False, True):
        ours_x = cg.tensor(x, requires_grad=needs_grad)
        ours_w, ours_b = cg.tensor(w, requires_grad=True), cg.tensor(b, requires_grad=True)
        y = F.linear(ours_x, ours_w, ours_b)
        products.clear()
        y.backward(g)
        assert len(products) == (2 if needs_grad else 1)
        assert (ours_x.grad is not None) == needs_grad
        np.testing.assert_allclose(ours_w.grad, tw.grad.numpy(), **CLOSE)
        np.testing.assert_allclose(ours_b.grad, tb.grad.numpy(), **CLOSE)


@pytest.mark.parametrize("fn", ["softmax", "log_softmax"])
def test_softmax_of_integers_is_float64_as_before(fn):
    ours = getattr(F, fn)(np.array([[1, 2, 3]]), 1)
    assert ours.dtype == np.float64
    expected = getattr(TF, fn)(torch.tensor([[1.0, 2.0, 3.0]], dtype=torch.float64), 1)
    np.testing.assert_allclose(ours, expected.numpy(), **CLOSE)
    assert getattr(F, fn)(np.array([1.0, 2.0], np.float32), 0).dtype == np.float32
