"""The courses' reference answers against PyTorch (float64), and their bug catalogues.

deeplearning.ai is channels-last: its arrays are transposed to PyTorch's (N, C, H, W) and back.
Where a course's rule differs from PyTorch's (deeplearning.ai's max-pool mask marks every tied
maximum; PyTorch picks the first), the tie cases are checked against the course's rule, written
out independently here, and the tie-free ones against PyTorch.
"""

import inspect

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

from convgrad.exercises import cs231n, dlai, seeds
from convgrad.exercises._catalogue import call, numpy1, same_outcome, same_result, tied

COURSES = {"seeds": seeds, "cs231n": cs231n, "dlai": dlai}


def t(a):
    """A float64 leaf tensor that records its gradient."""
    return torch.tensor(np.array(a, dtype=np.float64), requires_grad=True)


def nhwc(a):
    """(m, H, W, C) -> (m, C, H, W)."""
    return a.permute(0, 3, 1, 2)


def grads_of(y, dy, *leaves):
    y.backward(torch.tensor(np.array(dy, dtype=np.float64)))
    return [leaf.grad.numpy() for leaf in leaves]


def close(a, b):
    np.testing.assert_allclose(np.asarray(a, dtype=np.float64), b, rtol=1e-10, atol=1e-12)


# --- torch oracles, one per function ------------------------------------------------------------


def torch_conv2d(x, W, padding=0, stride=1):
    return F.conv2d(t(x)[None], t(W), stride=stride, padding=padding)[0].detach().numpy()


def torch_mini_cnn(x, W_conv, W_fc):
    h = F.max_pool2d(torch.relu(F.conv2d(t(x)[None], t(W_conv))), 2, 2)[0]  # (C_out, 3, 3)
    return torch.softmax(h.reshape(-1) @ t(W_fc), dim=0).detach().numpy()


def torch_max_pool(x, pool_param, dout=None):
    tx = t(x)
    kernel = (pool_param["pool_height"], pool_param["pool_width"])
    out = F.max_pool2d(tx, kernel, pool_param["stride"])
    if dout is None:
        return out.detach().numpy()
    return grads_of(out, dout, tx)[0]


def torch_dlai_conv(A_prev, W, b, hparameters, dZ=None):
    tA, tW, tb = t(A_prev), t(W), t(b)
    Z = F.conv2d(
        nhwc(tA).contiguous(),  # torch's CPU conv backward wants contiguous operands
        tW.permute(3, 2, 0, 1).contiguous(),  # (f, f, n_C_prev, n_C) -> (n_C, n_C_prev, f, f)
        tb.reshape(-1),
        stride=hparameters["stride"],
        padding=hparameters["pad"],
    ).permute(0, 2, 3, 1)  # back to (m, n_H, n_W, n_C)
    if dZ is None:
        return Z.detach().numpy()
    return grads_of(Z, dZ, tA, tW, tb)


def torch_dlai_pool(A_prev, hparameters, mode, dA=None):
    tA = t(A_prev)
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    A = pool(nhwc(tA), hparameters["f"], hparameters["stride"]).permute(0, 2, 3, 1)
    if dA is None:
        return A.detach().numpy()
    return grads_of(A, dA, tA)[0]


def has_ties(A_prev, f, stride):
    """Whether some pooling window of the channels-last ``A_prev`` holds a tied maximum."""
    m, H, W, C = A_prev.shape
    for i, h, w, c in np.ndindex(m, (H - f) // stride + 1, (W - f) // stride + 1, C):
        window = A_prev[i, h * stride : h * stride + f, w * stride : w * stride + f, c]
        if np.count_nonzero(window == window.max()) > 1:
            return True
    return False


# --- the seeds' series ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", seeds.battery("conv2d"), ids=lambda c: c.name)
def test_seeds_conv2d_matches_torch_on_the_battery(case):
    close(seeds.conv2d(*case.args, **case.kwargs), torch_conv2d(*case.args, **case.kwargs))


@given(
    C_in=st.integers(1, 3),
    C_out=st.integers(1, 3),
    H=st.integers(1, 7),
    W=st.integers(1, 7),
    kH=st.integers(1, 4),
    kW=st.integers(1, 4),
    padding=st.integers(0, 2),
    stride=st.integers(1, 3),
    seed=st.integers(0, 2**16),
)
def test_seeds_conv2d_matches_torch(C_in, C_out, H, W, kH, kW, padding, stride, seed):
    kH, kW = min(kH, H + 2 * padding), min(kW, W + 2 * padding)
    rng = np.random.default_rng(seed)
    x, w = rng.standard_normal((C_in, H, W)), rng.standard_normal((C_out, C_in, kH, kW))
    close(seeds.conv2d(x, w, padding, stride), torch_conv2d(x, w, padding, stride))


def test_seeds_conv2d_defaults_are_step_01():
    x, W = np.random.default_rng(0).standard_normal((2, 5, 6)), np.ones((3, 2, 2, 3))
    close(seeds.conv2d(x, W), seeds.conv2d_naive(x, W))


@pytest.mark.parametrize("case", seeds.battery("relu"), ids=lambda c: c.name)
def test_seeds_relu_matches_torch(case):
    close(seeds.relu(*case.args), torch.relu(t(case.args[0])).detach().numpy())


@pytest.mark.parametrize("case", seeds.battery("max_pool_2d"), ids=lambda c: c.name)
def test_seeds_max_pool_2d_matches_torch(case):
    expected = F.max_pool2d(t(case.args[0])[None], 2, 2)[0].detach().numpy()
    close(seeds.max_pool_2d(*case.args), expected)


@pytest.mark.parametrize("case", seeds.battery("softmax"), ids=lambda c: c.name)
def test_seeds_softmax_matches_torch(case):
    expected = torch.softmax(t(case.args[0]), dim=-1).detach().numpy()
    close(seeds.softmax(*case.args), expected)


@pytest.mark.parametrize("case", seeds.battery("mini_cnn_forward"), ids=lambda c: c.name)
def test_seeds_mini_cnn_matches_torch(case):
    p = seeds.mini_cnn_forward(*case.args)
    assert p.shape == (2,) and np.isfinite(p).all()
    close(p, torch_mini_cnn(*case.args))


def test_seeds_mini_cnn_swapping_the_fc_columns_flips_the_prediction():
    # the series' own check for step 06
    rng = np.random.default_rng(5)
    x, W_conv, W_fc = rng.standard_normal((1, 8, 8)), rng.standard_normal((2, 1, 3, 3)), None
    W_fc = rng.standard_normal((18, 2))
    p, q = seeds.mini_cnn_forward(x, W_conv, W_fc), seeds.mini_cnn_forward(x, W_conv, W_fc[:, ::-1])
    close(q, p[::-1])
    assert np.argmax(p) != np.argmax(q)


def test_seeds_pooling_before_relu_is_not_a_bug():
    # The issue lists "pooling before ReLU" for the capstone; for max pooling it is no bug: ReLU
    # is increasing, so max(relu(a)) = relu(max(a)) window by window, and the two orders agree
    # exactly. The catalogue has no variant for it, since none could differ.
    h = np.random.default_rng(6).standard_normal((4, 6, 6))
    np.testing.assert_array_equal(
        seeds.max_pool_2d(seeds.relu(h)), seeds.relu(seeds.max_pool_2d(h))
    )


# --- cs231n max pooling ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", cs231n.battery("max_pool_forward_naive"), ids=lambda c: c.name)
def test_cs231n_max_pool_forward_matches_torch(case):
    out, cache = cs231n.max_pool_forward_naive(*case.args)
    close(out, torch_max_pool(*case.args))
    assert cache[0] is case.args[0] and cache[1] is case.args[1]


@pytest.mark.parametrize("case", cs231n.battery("max_pool_backward_naive"), ids=lambda c: c.name)
def test_cs231n_max_pool_backward_matches_torch_ties_included(case):
    # torch, like the reference, gives a tied window's gradient to its first maximum
    dout, (x, pool_param) = case.args
    close(cs231n.max_pool_backward_naive(*case.args), torch_max_pool(x, pool_param, dout))


def test_cs231n_max_pool_ties_go_to_the_first_maximum():
    x = np.array([[[[2.0, 2.0], [2.0, 1.0]]]])
    out, cache = cs231n.max_pool_forward_naive(x, {"pool_height": 2, "pool_width": 2, "stride": 2})
    dx = cs231n.max_pool_backward_naive(np.array([[[[5.0]]]]), cache)
    np.testing.assert_array_equal(dx[0, 0], [[5.0, 0.0], [0.0, 0.0]])


# --- deeplearning.ai ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", dlai.battery("zero_pad"), ids=lambda c: c.name)
def test_dlai_zero_pad_matches_torch(case):
    X, pad = case.args
    expected = F.pad(t(X), (0, 0, pad, pad, pad, pad)).detach().numpy()  # last axis first
    close(dlai.zero_pad(X, pad), expected)


@pytest.mark.parametrize("case", dlai.battery("conv_single_step"), ids=lambda c: c.name)
def test_dlai_conv_single_step_matches_torch(case):
    a, W, b = case.args
    # one window, one filter: a 1x1 output of torch's conv
    expected = F.conv2d(
        t(a).permute(2, 0, 1)[None], t(W).permute(2, 0, 1)[None], t(b).reshape(1)
    ).item()
    Z = dlai.conv_single_step(a, W, b)
    assert isinstance(Z, float)
    close(Z, expected)


@pytest.mark.parametrize("case", dlai.battery("conv_forward"), ids=lambda c: c.name)
def test_dlai_conv_forward_matches_torch(case):
    Z, cache = dlai.conv_forward(*case.args)
    close(Z, torch_dlai_conv(*case.args))
    assert all(c is a for c, a in zip(cache, case.args))


@pytest.mark.parametrize("case", dlai.battery("conv_backward"), ids=lambda c: c.name)
def test_dlai_conv_backward_matches_torch(case):
    dZ, cache = case.args
    for got, expected in zip(dlai.conv_backward(dZ, cache), torch_dlai_conv(*cache, dZ=dZ)):
        close(got, expected)


@pytest.mark.parametrize("case", dlai.battery("pool_forward"), ids=lambda c: c.name)
def test_dlai_pool_forward_matches_torch(case):
    A, cache = dlai.pool_forward(*case.args, **case.kwargs)
    close(A, torch_dlai_pool(*case.args, case.kwargs["mode"]))


def course_pool_backward(dA, A_prev, f, stride, mode):
    """The course's rule, vectorised over windows: every tied maximum gets the full dA."""
    dA_prev = np.zeros(A_prev.shape)
    m, n_H, n_W, C = dA.shape
    for h, w in np.ndindex(n_H, n_W):
        rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
        window = A_prev[:, rows, cols, :]  # (m, f, f, C)
        g = dA[:, h, w, :][:, None, None, :]
        if mode == "max":
            dA_prev[:, rows, cols, :] += (window == window.max(axis=(1, 2), keepdims=True)) * g
        else:
            dA_prev[:, rows, cols, :] += g / (f * f)
    return dA_prev


@pytest.mark.parametrize("case", dlai.battery("pool_backward"), ids=lambda c: c.name)
def test_dlai_pool_backward_matches_torch_or_the_course_rule_on_ties(case):
    dA, (A_prev, hparameters) = case.args
    mode, f, stride = case.kwargs["mode"], hparameters["f"], hparameters["stride"]
    got = dlai.pool_backward(*case.args, **case.kwargs)
    close(got, course_pool_backward(dA, A_prev, f, stride, mode))
    if mode == "average" or not has_ties(A_prev, f, stride):
        close(got, torch_dlai_pool(A_prev, hparameters, mode, dA))
    else:  # torch's rule is the first maximum's: the catalogue's first_max_only variant
        assert not np.allclose(got, torch_dlai_pool(A_prev, hparameters, mode, dA))
        first_max_only = dlai._VARIANTS["pool_backward"]["first_max_only"]
        close(
            first_max_only(*case.args, **case.kwargs),
            torch_dlai_pool(A_prev, hparameters, mode, dA),
        )


def test_dlai_pool_backward_sends_a_tie_to_every_maximum():
    A_prev = np.array([[1.0, 3.0, 0.0], [3.0, 2.0, 3.0]]).reshape(1, 2, 3, 1)
    dA = np.array([10.0, 20.0]).reshape(1, 1, 2, 1)
    dA_prev = dlai.pool_backward(dA, (A_prev, {"f": 2, "stride": 1}))
    # window 1 (columns 0-1) ties at (0, 1) and (1, 0); window 2 (columns 1-2) at (0, 1), (1, 2)
    np.testing.assert_array_equal(dA_prev[0, :, :, 0], [[0.0, 30.0, 0.0], [10.0, 0.0, 20.0]])


@pytest.mark.parametrize("case", dlai.battery("create_mask_from_window"), ids=lambda c: c.name)
def test_dlai_create_mask_marks_every_maximum(case):
    (x,) = case.args
    mask = dlai.create_mask_from_window(x)
    assert mask.dtype == bool
    np.testing.assert_array_equal(mask, x == x.max())
    if np.count_nonzero(mask) == 1:  # torch agrees where the maximum is unique
        tx = t(x)
        F.max_pool2d(tx[None, None], x.shape).sum().backward()
        np.testing.assert_array_equal(mask, tx.grad.numpy() == 1)


@pytest.mark.parametrize("case", dlai.battery("distribute_value"), ids=lambda c: c.name)
def test_dlai_distribute_value_matches_torch(case):
    dz, shape = case.args
    window = t(np.zeros(shape))
    (F.avg_pool2d(window[None, None], shape).sum() * dz).backward()
    close(dlai.distribute_value(dz, shape), window.grad.numpy())


def test_dlai_accepts_the_course_years_variants():
    # a list cache, extra hparameters keys, conv_single_step's older (1, 1, 1) bias as a list
    A_prev, W, b = tied(1, 1, 4, 4, 2), tied(2, 2, 2, 2, 3), tied(3, 1, 1, 1, 3)
    hp = {"stride": 1, "pad": 1, "f": 2}
    Z, cache = dlai.conv_forward(A_prev, W, b, hp)
    for got, expected in zip(dlai.conv_backward(Z, list(cache)), dlai.conv_backward(Z, cache)):
        close(got, expected)
    A, cache = dlai.pool_forward(A_prev, hp)
    close(dlai.pool_backward(A, list(cache)), dlai.pool_backward(A, cache))
    assert dlai.conv_single_step(np.ones((1, 1, 1)), np.ones((1, 1, 1)), [[[2]]]) == 3.0


# --- bad inputs: one clear error naming the argument -----------------------------------------


@pytest.mark.parametrize(
    ("call_", "error", "names"),
    [
        (
            lambda: dlai.conv_forward(
                np.ones((1, 4, 4)),
                np.ones((2, 2, 1, 1)),
                np.ones((1, 1, 1, 1)),
                {"stride": 1, "pad": 0},
            ),
            ValueError,
            "A_prev",
        ),
        (
            lambda: dlai.conv_forward(
                np.ones((1, 4, 4, 2)),
                np.ones((2, 2, 1, 1)),
                np.ones((1, 1, 1, 1)),
                {"stride": 1, "pad": 0},
            ),
            ValueError,
            "W",
        ),
        (
            lambda: dlai.conv_forward(
                np.ones((1, 4, 4, 1)), np.ones((2, 2, 1, 1)), np.ones((1, 1, 1, 1)), {"stride": 1}
            ),
            ValueError,
            "'pad'",
        ),
        (
            lambda: dlai.pool_forward(np.ones((1, 4, 4, 1)), {"f": 2, "stride": 0}),
            ValueError,
            "stride",
        ),
        (
            lambda: dlai.pool_forward(np.ones((1, 4, 4, 1)), {"f": 2, "stride": 1}, "mean"),
            ValueError,
            "mode",
        ),
        (
            lambda: dlai.pool_backward(np.ones((1, 2, 2, 1)), (np.ones((1, 4, 4, 1)),)),
            TypeError,
            "cache",
        ),
        (lambda: dlai.zero_pad(np.ones((1, 2, 2, 1)), -1), ValueError, "pad"),
        (lambda: dlai.distribute_value(1.0, (2,)), TypeError, "shape"),
        (
            lambda: cs231n.max_pool_forward_naive(
                np.ones((1, 1, 4, 4)), {"pool_height": 2, "stride": 2}
            ),
            ValueError,
            "'pool_width'",
        ),
        (
            lambda: cs231n.max_pool_backward_naive(
                np.ones((1, 1, 3, 3)),
                (np.ones((1, 1, 4, 4)), {"pool_height": 2, "pool_width": 2, "stride": 2}),
            ),
            ValueError,
            "dout",
        ),
        (lambda: seeds.conv2d(np.ones((1, 4, 4)), np.ones((1, 2, 3, 3))), ValueError, "W"),
        (
            lambda: seeds.conv2d(np.ones((1, 4, 4)), np.ones((1, 1, 3, 3)), stride=0),
            ValueError,
            "stride",
        ),
        (lambda: seeds.max_pool_2d(np.ones((1, 1, 4))), ValueError, "x"),
        (
            lambda: seeds.mini_cnn_forward(
                np.ones((1, 8, 8)), np.ones((2, 1, 3, 3)), np.ones((9, 2))
            ),
            ValueError,
            "W_fc",
        ),
    ],
)
def test_bad_input_raises_one_clear_error(call_, error, names):
    with pytest.raises(error, match=names.replace("(", r"\(")):
        call_()


# --- the catalogues -------------------------------------------------------------------------------


def catalogue():
    for course, module in COURSES.items():
        for function, variants in module._VARIANTS.items():
            for bug, variant in variants.items():
                yield pytest.param(module, function, bug, variant, id=f"{course}.{function}.{bug}")


@pytest.mark.parametrize(("module", "function", "bug", "variant"), list(catalogue()))
def test_every_variant_differs_from_the_reference_on_a_battery_input(
    module, function, bug, variant
):
    exercise = {e.name: e for e in module.EXERCISES}[function]
    reference = getattr(module, function)
    differs = [
        case.name
        for case in module.battery(function)
        if not same_outcome(call(variant, case, exercise), call(reference, case, exercise))
    ]
    assert differs, f"{function}: the variant {bug!r} agrees with the reference on every case"
    assert variant.__doc__ and variant.__doc__ == module._BUGS[function][bug]
    params = list(inspect.signature(variant).parameters)
    assert params == list(inspect.signature(reference).parameters)


@pytest.mark.parametrize("course", COURSES)
def test_every_battery_case_runs_cleanly_on_the_reference(course):
    module = COURSES[course]
    for exercise in module.EXERCISES:
        if exercise.name not in module._VARIANTS:
            continue
        cases = module.battery(exercise.name)
        assert len({case.name for case in cases}) == len(cases) >= 2
        for case in cases:
            outcome = call(getattr(module, exercise.name), case, exercise)
            assert not outcome.raised and not outcome.modified_inputs, (exercise.name, case.name)
            assert case.about


@pytest.mark.parametrize("course", COURSES)
def test_every_listed_exercise_is_a_reference_function(course):
    module = COURSES[course]
    for exercise in module.EXERCISES:
        assert callable(getattr(module, exercise.name)), exercise.name
        assert exercise.takes and exercise.returns


# --- PyTorch's answer for any battery case (the corpus test checks its pass files with it) -------


def torch_expected(course, function, case):
    """PyTorch's result for ``case``, or None where the course's rule is not PyTorch's (a tied
    maximum in deeplearning.ai's max pooling)."""
    args, kwargs = case.args, dict(case.kwargs)
    if course == "seeds":
        simple = {
            "relu": torch.relu,
            "softmax": lambda z: torch.softmax(z, dim=-1),
            "max_pool_2d": lambda x: F.max_pool2d(x[None], 2, 2)[0],
        }
        if function in simple:
            return simple[function](t(args[0])).detach().numpy()
        return {
            "conv2d_naive": torch_conv2d,
            "conv2d": torch_conv2d,
            "mini_cnn_forward": torch_mini_cnn,
        }[function](*args, **kwargs)
    if course == "cs231n":
        if function == "max_pool_forward_naive":
            return torch_max_pool(*args)
        dout, (x, pool_param) = args
        return torch_max_pool(x, pool_param, dout)
    if function == "zero_pad":
        X, pad = args
        return F.pad(t(X), (0, 0, pad, pad, pad, pad)).detach().numpy()
    if function == "conv_single_step":
        a, W, b = args
        return float(((t(a) * t(W)).sum() + t(b).sum()).item())
    if function == "conv_forward":
        return torch_dlai_conv(*args)
    if function == "conv_backward":
        dZ, cache = args
        return tuple(torch_dlai_conv(*cache, dZ=dZ))
    if function == "pool_forward":
        return torch_dlai_pool(*args, kwargs["mode"])
    if function == "pool_backward":
        dA, (A_prev, hparameters) = args
        if kwargs["mode"] == "max" and has_ties(A_prev, hparameters["f"], hparameters["stride"]):
            return None
        return torch_dlai_pool(A_prev, hparameters, kwargs["mode"], dA)
    if function == "create_mask_from_window":
        tx = t(args[0])
        F.max_pool2d(tx[None, None], tx.shape).sum().backward()
        grad = tx.grad.numpy()
        return grad == 1 if np.count_nonzero(args[0] == args[0].max()) == 1 else None
    dz, shape = args
    window = t(np.zeros(shape))
    (F.avg_pool2d(window[None, None], shape).sum() * dz).backward()
    return window.grad.numpy()


def test_torch_expected_agrees_with_every_reference_on_its_battery():
    checked = 0
    for course, module in COURSES.items():
        for function in module._VARIANTS:
            for case in module.battery(function):
                expected = torch_expected(course, function, case)
                if expected is None:
                    continue
                exercise = {e.name: e for e in module.EXERCISES}[function]
                got = call(getattr(module, function), case, exercise).returned
                assert same_result(got, expected), (course, function, case.name)
                checked += 1
    assert checked >= 60  # every case but the ties torch does not share: 62 today


# --- random configurations against PyTorch ------------------------------------------------------


@given(
    m=st.integers(1, 2),
    H=st.integers(1, 6),
    W=st.integers(1, 6),
    C_prev=st.integers(1, 3),
    n_C=st.integers(1, 3),
    f=st.integers(1, 4),
    stride=st.integers(1, 3),
    pad=st.integers(0, 2),
    seed=st.integers(0, 2**16),
)
def test_dlai_conv_forward_and_backward_match_torch(m, H, W, C_prev, n_C, f, stride, pad, seed):
    f = min(f, H + 2 * pad, W + 2 * pad)
    rng = np.random.default_rng(seed)
    A_prev, Wt = rng.standard_normal((m, H, W, C_prev)), rng.standard_normal((f, f, C_prev, n_C))
    b, hparameters = rng.standard_normal((1, 1, 1, n_C)), {"stride": stride, "pad": pad}
    Z, cache = dlai.conv_forward(A_prev, Wt, b, hparameters)
    close(Z, torch_dlai_conv(A_prev, Wt, b, hparameters))
    dZ = rng.standard_normal(Z.shape)
    for got, expected in zip(dlai.conv_backward(dZ, cache), torch_dlai_conv(*cache, dZ=dZ)):
        close(got, expected)


@given(
    H=st.integers(1, 7),
    W=st.integers(1, 7),
    f=st.integers(1, 4),
    stride=st.integers(1, 3),
    mode=st.sampled_from(["max", "average"]),
    seed=st.integers(0, 2**16),
)
def test_dlai_pooling_matches_torch_without_ties(H, W, f, stride, mode, seed):
    f = min(f, H, W)
    rng = np.random.default_rng(seed)
    A_prev, hparameters = rng.standard_normal((2, H, W, 2)), {"f": f, "stride": stride}
    A, cache = dlai.pool_forward(A_prev, hparameters, mode)
    close(A, torch_dlai_pool(A_prev, hparameters, mode))
    dA = rng.standard_normal(A.shape)
    close(dlai.pool_backward(dA, cache, mode), torch_dlai_pool(A_prev, hparameters, mode, dA))


@given(
    H=st.integers(1, 7),
    W=st.integers(1, 7),
    ph=st.integers(1, 4),
    pw=st.integers(1, 4),
    stride=st.integers(1, 3),
    seed=st.integers(0, 2**16),
    ties=st.booleans(),
)
def test_cs231n_max_pooling_matches_torch(H, W, ph, pw, stride, seed, ties):
    ph, pw = min(ph, H), min(pw, W)
    rng = np.random.default_rng(seed)
    x = (
        rng.integers(-1, 2, (2, 2, H, W)).astype(float)
        if ties
        else rng.standard_normal((2, 2, H, W))
    )
    pool_param = {"pool_height": ph, "pool_width": pw, "stride": stride}
    out, cache = cs231n.max_pool_forward_naive(x, pool_param)
    close(out, torch_max_pool(x, pool_param))
    dout = rng.standard_normal(out.shape)
    close(cs231n.max_pool_backward_naive(dout, cache), torch_max_pool(x, pool_param, dout))


def test_the_batteries_hold_only_inputs_the_templates_accept():
    # cs231n's pooling template may assume the stride divides (H - pool_height), (W - pool_width)
    for case in cs231n.battery("max_pool_forward_naive"):
        x, p = case.args
        assert (x.shape[2] - p["pool_height"]) % p["stride"] == 0, case.name
        assert (x.shape[3] - p["pool_width"]) % p["stride"] == 0, case.name
    # the capstone's template: x (1, 8, 8), W_conv (C_out, 1, 3, 3), W_fc (C_out * 3 * 3, 2)
    for case in seeds.battery("mini_cnn_forward"):
        x, W_conv, W_fc = case.args
        assert x.shape == (1, 8, 8) and W_conv.shape[1:] == (1, 3, 3), case.name
        assert W_fc.shape == (W_conv.shape[0] * 9, 2), case.name
    # deeplearning.ai: W (f, f, n_C_prev, n_C), b (1, 1, 1, n_C), the notebook's keys and modes
    for case in dlai.battery("conv_forward"):
        A_prev, W, b, hparameters = case.args
        assert W.shape[0] == W.shape[1] and W.shape[2] == A_prev.shape[3], case.name
        assert b.shape == (1, 1, 1, W.shape[3]) and set(hparameters) == {"stride", "pad"}
    for case in dlai.battery("pool_forward"):
        assert set(case.args[1]) == {"f", "stride"} and case.kwargs["mode"] in ("max", "average")


def test_dlai_reads_avg_as_average():
    A_prev = np.random.default_rng(3).standard_normal((1, 4, 4, 2))
    hp = {"f": 2, "stride": 2}
    A, cache = dlai.pool_forward(A_prev, hp, mode="avg")
    close(A, dlai.pool_forward(A_prev, hp, mode="average")[0])
    close(dlai.pool_backward(A, cache, "avg"), dlai.pool_backward(A, cache, "average"))


def test_numpy1_arrays_convert_to_a_float_and_store_in_one_cell():
    b = numpy1((np.full((1, 1, 1, 2), 0.5), {"stride": 1}))[0]
    assert float(b[..., 1]) == 0.5
    Z = np.zeros(2)
    Z[0] = np.sum(np.ones((2, 2))) + b[..., 0]  # the older notebook's (1, 1, 1) result
    assert Z.tolist() == [4.5, 0.0]
    with pytest.raises(TypeError, match="one element"):
        float(b)
    ints, mode = numpy1([np.arange(3), "max"])
    assert type(ints) is np.ndarray and mode == "max"  # only float arrays change
