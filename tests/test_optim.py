"""Optimisers and schedules against PyTorch's, step by step, in float64.

Each trajectory test runs convgrad's optimiser and ``torch.optim``'s on the same starting
parameters, for ``STEPS`` steps, on a noisy quadratic: at step ``t`` each side's gradient is
``h * p + noise[t]`` computed from *its own* current ``p`` (so a wrong update shows up in the next
gradient too), and the parameters must agree after every step. Every combination of the options
is run; the rest covers parameter groups, skipped parameters, dtypes, the state dict and the
validation rules.
"""

from __future__ import annotations

import inspect
import itertools
import math

import numpy as np
import pytest
import torch

from convgrad import optim
from convgrad.kernels import accel, parallel
from convgrad.nn.parameter import Parameter
from convgrad.optim import adam, lr_scheduler, optimizer

STEPS = 20
SHAPES = [(3, 4), (5,)]
# float64 updates made of a handful of operations per step agree to ~1e-15; over 20 steps that
# leaves room for rounding and nothing else.
TIGHT = dict(rtol=1e-12, atol=1e-13)


def _problem(seed: int = 0, shapes=SHAPES, steps: int = STEPS):
    """Starting points, curvatures and per-step noise for each parameter."""
    rng = np.random.default_rng(seed)
    p0 = [rng.standard_normal(s) for s in shapes]
    h = [rng.uniform(0.5, 2.0, s) for s in shapes]
    noise = [[0.3 * rng.standard_normal(s) for s in shapes] for _ in range(steps)]
    return p0, h, noise


def _run_both(name, kwargs, seed=0, groups=None, skip=lambda t, i: False, dtype=np.float64):
    """Run convgrad's and torch's optimiser ``name`` side by side; yield both params per step.

    ``groups``: a list of option dicts, one per parameter (each parameter its own group), or
    None for a single group. ``skip(t, i)``: whether parameter ``i`` has no gradient at step t.
    """
    p0, h, noise = _problem(seed)
    ours = [Parameter(p.astype(dtype)) for p in p0]
    theirs = [torch.nn.Parameter(torch.tensor(p.astype(dtype))) for p in p0]
    if groups is None:
        opt = getattr(optim, name)(ours, **kwargs)
        topt = getattr(torch.optim, name)(theirs, **kwargs)
    else:
        opt = getattr(optim, name)([{"params": [p], **g} for p, g in zip(ours, groups)], **kwargs)
        topt = getattr(torch.optim, name)(
            [{"params": [p], **g} for p, g in zip(theirs, groups)], **kwargs
        )
    for t in range(STEPS):
        opt.zero_grad()
        topt.zero_grad()
        for i, (p, tp) in enumerate(zip(ours, theirs)):
            if skip(t, i):
                continue
            p.grad = (h[i] * p.data + noise[t][i]).astype(dtype)
            tp.grad = torch.tensor(h[i].astype(dtype)) * tp.detach() + torch.tensor(
                noise[t][i].astype(dtype)
            )
        opt.step()
        topt.step()
        yield t, ours, theirs


def _assert_same_trajectory(name, kwargs, **run):
    for t, ours, theirs in _run_both(name, kwargs, **run):
        for i, (p, tp) in enumerate(zip(ours, theirs)):
            np.testing.assert_allclose(
                p.data, tp.detach().numpy(), **TIGHT, err_msg=f"{name} {kwargs} step {t} param {i}"
            )


SGD_OPTIONS = [
    dict(lr=lr, momentum=m, dampening=d, nesterov=n, weight_decay=wd, maximize=mx)
    for lr, m, d, n, wd, mx in itertools.product(
        (0.05,), (0.0, 0.5, 0.9), (0.0, 0.3), (False, True), (0.0, 0.1), (False, True)
    )
    if not (n and (m == 0 or d != 0))
]


@pytest.mark.parametrize("kwargs", SGD_OPTIONS, ids=str)
def test_sgd_trajectory_matches_torch(kwargs):
    _assert_same_trajectory("SGD", kwargs)


ADAM_OPTIONS = [
    dict(lr=lr, betas=betas, eps=eps, weight_decay=wd, amsgrad=ams, maximize=mx)
    for lr, betas, eps, wd, ams, mx in itertools.product(
        (0.01,), ((0.9, 0.999), (0.5, 0.9)), (1e-8, 1e-3), (0.0, 0.1), (False, True), (False, True)
    )
]


@pytest.mark.parametrize("name", ["Adam", "AdamW"])
@pytest.mark.parametrize("kwargs", ADAM_OPTIONS, ids=str)
def test_adam_trajectory_matches_torch(name, kwargs):
    _assert_same_trajectory(name, kwargs)


@pytest.mark.parametrize("name", ["SGD", "Adam", "AdamW"])
def test_defaults_match_torch(name):
    ours = inspect.signature(getattr(optim, name)).parameters
    theirs = inspect.signature(getattr(torch.optim, name)).parameters
    for arg, p in ours.items():
        if arg != "params":
            assert arg in theirs, arg
            assert p.default == theirs[arg].default, arg
            assert p.kind == theirs[arg].kind, arg
    _assert_same_trajectory(name, {})  # the defaults, trajectory and all


@pytest.mark.parametrize(
    ("name", "kwargs", "groups"),
    [
        ("SGD", dict(lr=0.05, momentum=0.9), [{"lr": 0.2}, {"momentum": 0.5, "nesterov": True}]),
        ("SGD", dict(lr=0.05), [{"weight_decay": 0.3, "maximize": True}, {}]),
        ("Adam", dict(lr=0.01), [{"lr": 0.1, "amsgrad": True}, {"betas": (0.8, 0.99)}]),
        ("AdamW", dict(lr=0.01), [{"weight_decay": 0.5}, {"eps": 1e-2}]),
    ],
)
def test_param_groups_match_torch(name, kwargs, groups):
    _assert_same_trajectory(name, kwargs, groups=groups)


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("SGD", dict(lr=0.05, momentum=0.9, weight_decay=0.1)),
        ("Adam", dict(lr=0.01)),
        ("AdamW", dict(lr=0.01, amsgrad=True)),
    ],
)
def test_params_without_grad_are_skipped_like_torch(name, kwargs):
    # parameter 1 has a gradient on odd steps only: no decay, no momentum, no Adam step count
    _assert_same_trajectory(name, kwargs, skip=lambda t, i: i == 1 and t % 2 == 0)


@pytest.mark.parametrize("name", ["SGD", "Adam", "AdamW"])
def test_param_with_no_grad_is_untouched(name):
    p, q = Parameter(np.ones(3)), Parameter(np.ones(2))
    opt = getattr(optim, name)([p, q], lr=0.1, weight_decay=0.5)
    p.grad = np.ones(3)
    opt.step()
    assert np.array_equal(q.data, np.ones(2)) and q not in opt.state
    assert not np.array_equal(p.data, np.ones(3))


@pytest.mark.parametrize("name", ["SGD", "Adam", "AdamW"])
def test_float32_stays_float32_and_matches_torch(name):
    kwargs = dict(lr=0.01, weight_decay=0.1)
    if name == "SGD":
        kwargs.update(momentum=0.9, nesterov=True)
    for _, ours, theirs in _run_both(name, kwargs, dtype=np.float32):
        for p, tp in zip(ours, theirs):
            assert p.data.dtype == np.float32
            np.testing.assert_allclose(p.data, tp.detach().numpy(), rtol=1e-5, atol=1e-6)
    opt = getattr(optim, name)(ours, **kwargs)
    for p in ours:
        p.grad = np.ones(p.shape)  # a float64 gradient for a float32 parameter
    opt.step()
    for p in ours:
        assert p.data.dtype == np.float32
        assert all(v.dtype == np.float32 for v in opt.state[p].values() if hasattr(v, "dtype"))


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("SGD", dict(lr=0.1, momentum=0.9, weight_decay=0.1, maximize=True)),
        ("Adam", dict(lr=0.1, weight_decay=0.1, maximize=True, amsgrad=True)),
        ("AdamW", {}),
    ],
)
def test_updates_in_place_and_leaves_grad_alone(name, kwargs):
    p = Parameter(np.arange(4.0))
    data = p.data
    opt = getattr(optim, name)([p], **kwargs)
    for _ in range(3):
        grad = np.array([1.0, -2.0, 0.5, 3.0])
        p.grad = grad
        opt.step()
        assert p.data is data  # a model holding the array sees the update
        assert np.array_equal(grad, [1.0, -2.0, 0.5, 3.0])
    assert not np.array_equal(data, np.arange(4.0))


def test_zero_grad():
    p = Parameter(np.ones(3))
    opt = optim.SGD([p], lr=0.1)
    p.grad = np.ones(3)
    grad = p.grad
    opt.zero_grad(set_to_none=False)
    assert p.grad is grad and np.array_equal(grad, np.zeros(3))
    opt.zero_grad()
    assert p.grad is None


def test_closure_is_called_and_its_loss_returned():
    p = Parameter(np.array([2.0]))
    opt = optim.SGD([p], lr=0.25)

    def closure():
        p.grad = 2 * p.data
        return float(p.data[0] ** 2)

    assert opt.step(closure) == 4.0
    assert p.data[0] == 1.0


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True)),
        ("Adam", dict(lr=0.01, amsgrad=True)),
        ("AdamW", dict(lr=0.01)),
    ],
)
def test_state_dict_resumes_exactly(name, kwargs):
    p0, h, noise = _problem(seed=1)

    def run(params, opt, steps):
        for t in steps:
            for i, p in enumerate(params):
                p.grad = h[i] * p.data + noise[t][i]
            opt.step()

    straight = [Parameter(p) for p in p0]
    opt = getattr(optim, name)(straight, **kwargs)
    run(straight, opt, range(STEPS))

    first = [Parameter(p) for p in p0]
    opt = getattr(optim, name)(first, **kwargs)
    run(first, opt, range(STEPS // 2))
    saved, middle = opt.state_dict(), [p.data.copy() for p in first]
    run(first, opt, range(STEPS // 2, STEPS))  # must leave what was saved alone

    second = [Parameter(p) for p in middle]
    resumed = getattr(optim, name)(second, lr=123.0)
    resumed.load_state_dict(saved)
    assert resumed.param_groups[0]["lr"] == kwargs["lr"]
    run(second, resumed, range(STEPS // 2, STEPS))
    for a, b, c in zip(straight, first, second):
        np.testing.assert_array_equal(a.data, b.data)
        np.testing.assert_array_equal(a.data, c.data)


def test_state_dict_layout_matches_torch():
    ours, theirs = (
        [Parameter(np.ones(2)), Parameter(np.ones(3))],
        [
            torch.nn.Parameter(torch.ones(2, dtype=torch.float64)),
            torch.nn.Parameter(torch.ones(3, dtype=torch.float64)),
        ],
    )
    opt = optim.Adam([{"params": [ours[0]]}, {"params": [ours[1]], "lr": 0.1}])
    topt = torch.optim.Adam([{"params": [theirs[0]]}, {"params": [theirs[1]], "lr": 0.1}])
    for p, tp in zip(ours, theirs):
        p.grad, tp.grad = np.ones(p.shape), torch.ones(tp.shape, dtype=torch.float64)
    opt.step()
    topt.step()
    sd, tsd = opt.state_dict(), topt.state_dict()
    assert [g["params"] for g in sd["param_groups"]] == [g["params"] for g in tsd["param_groups"]]
    assert [g["lr"] for g in sd["param_groups"]] == [g["lr"] for g in tsd["param_groups"]]
    assert sd["state"].keys() == tsd["state"].keys()
    for i in sd["state"]:
        assert sd["state"][i].keys() == tsd["state"][i].keys()
        assert sd["state"][i]["step"] == tsd["state"][i]["step"].item()
        np.testing.assert_allclose(sd["state"][i]["exp_avg"], tsd["state"][i]["exp_avg"].numpy())


def test_load_state_dict_rejects_a_different_layout():
    a, b = Parameter(np.ones(2)), Parameter(np.ones(3))
    saved = optim.SGD([a, b], lr=0.1).state_dict()
    with pytest.raises(ValueError, match="1 parameters in the state and 2 here|2 parameters"):
        optim.SGD([a], lr=0.1).load_state_dict(saved)
    with pytest.raises(ValueError, match="parameter groups"):
        optim.SGD([{"params": [a]}, {"params": [b]}], lr=0.1).load_state_dict(saved)
    opt = optim.SGD([a, b], lr=0.1, momentum=0.9)
    a.grad = b.grad = None
    b.grad = np.ones(3)
    opt.step()
    with pytest.raises(ValueError, match="shape"):
        optim.SGD([b, a], lr=0.1, momentum=0.9).load_state_dict(opt.state_dict())


# --- validation -----------------------------------------------------------------------------

INVALID_VALUES = [
    ("SGD", dict(lr=-1), "lr"),
    ("SGD", dict(momentum=-0.5), "momentum"),
    ("SGD", dict(weight_decay=-1e-4), "weight_decay"),
    ("SGD", dict(nesterov=True), "nesterov"),
    ("SGD", dict(nesterov=True, momentum=0.9, dampening=0.1), "nesterov"),
    ("Adam", dict(lr=-1), "lr"),
    ("Adam", dict(eps=-1e-8), "eps"),
    ("Adam", dict(betas=(1.0, 0.999)), r"betas\[0\]"),
    ("Adam", dict(betas=(0.9, -0.1)), r"betas\[1\]"),
    ("Adam", dict(weight_decay=-1), "weight_decay"),
    ("AdamW", dict(betas=(-0.1, 0.999)), r"betas\[0\]"),
    ("AdamW", dict(weight_decay=-1e-2), "weight_decay"),
]


@pytest.mark.parametrize(("name", "kwargs", "argument"), INVALID_VALUES)
def test_invalid_values_raise_like_torch(name, kwargs, argument):
    with pytest.raises(ValueError, match=f"^{name}: .*{argument}"):
        getattr(optim, name)([Parameter(np.ones(2))], **kwargs)
    with pytest.raises(ValueError):
        getattr(torch.optim, name)([torch.nn.Parameter(torch.ones(2))], **kwargs)


@pytest.mark.parametrize(
    ("name", "kwargs", "argument"),
    [
        ("SGD", dict(lr="0.1"), "lr"),
        ("SGD", dict(lr=float("nan")), "lr"),
        ("SGD", dict(momentum=None), "momentum"),
        ("SGD", dict(nesterov="yes", momentum=0.9), "nesterov"),
        ("Adam", dict(betas=0.9), "betas"),
        ("Adam", dict(amsgrad=1), "amsgrad"),
        ("AdamW", dict(maximize="no"), "maximize"),
    ],
)
def test_invalid_types_name_the_argument(name, kwargs, argument):
    with pytest.raises((TypeError, ValueError), match=f"^{name}: {argument}"):
        getattr(optim, name)([Parameter(np.ones(2))], **kwargs)


def test_invalid_option_in_a_group():
    with pytest.raises(ValueError, match="^SGD: lr must be >= 0; got -0.5"):
        optim.SGD([{"params": [Parameter(np.ones(2))], "lr": -0.5}], lr=0.1)
    with pytest.raises(ValueError, match="^SGD: lr"):  # the default, even if every group overrides
        optim.SGD([{"params": [Parameter(np.ones(2))], "lr": 0.1}], lr=-1)


@pytest.mark.parametrize(
    ("params", "error", "match"),
    [
        (Parameter(np.ones(2)), TypeError, "iterable of Parameters"),
        ([], ValueError, "empty"),
        ([np.ones(2)], TypeError, "Parameters; got ndarray"),
        ([Parameter(np.ones(2, dtype=np.int64))], TypeError, "floating-point"),
        ({Parameter(np.ones(2))}, TypeError, "iterable|ordered"),
        ([{"params": {Parameter(np.ones(2))}}], TypeError, "not a set"),
        ([{"lr": 0.1}], TypeError, "'params' key"),
        ([{"params": [Parameter(np.ones(2))]}, Parameter(np.ones(2))], TypeError, "mixture"),
    ],
)
def test_invalid_params(params, error, match):
    with pytest.raises(error, match=match):
        optim.SGD(params, lr=0.1)


def test_duplicate_parameters_are_refused():
    p = Parameter(np.ones(2))
    with pytest.raises(ValueError, match="twice"):
        optim.SGD([p, p], lr=0.1)
    with pytest.raises(ValueError, match="more than one parameter group"):
        optim.SGD([{"params": [p]}, {"params": [p]}], lr=0.1)


def test_grad_of_the_wrong_shape():
    p = Parameter(np.ones(2))
    p.grad = np.ones(3)
    with pytest.raises(ValueError, match=r"^SGD.step: .*shape \(3,\).*\(2,\)"):
        optim.SGD([p], lr=0.1).step()


# --- learning-rate schedules ---------------------------------------------------------------

SCHEDULES = [
    ("StepLR", dict(step_size=3, gamma=0.5)),
    ("StepLR", dict(step_size=1, gamma=0.9)),
    ("MultiStepLR", dict(milestones=[2, 5, 5, 9], gamma=0.3)),
    ("CosineAnnealingLR", dict(T_max=7, eta_min=0.01)),
    ("CosineAnnealingLR", dict(T_max=1)),
    ("CosineAnnealingLR", dict(T_max=10, eta_min=0.2)),
]


def _two_groups(lib):
    if lib is torch:
        make = lambda: torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))  # noqa: E731
        return torch.optim.SGD([{"params": [make()]}, {"params": [make()], "lr": 0.3}], lr=0.1)
    make = lambda: Parameter(np.zeros(1))  # noqa: E731
    return optim.SGD([{"params": [make()]}, {"params": [make()], "lr": 0.3}], lr=0.1)


def _lrs(scheduler, opt, steps=35):
    out = [scheduler.get_last_lr()]
    for _ in range(steps):
        opt.step()  # torch warns when a schedule steps before its optimiser
        scheduler.step()
        out.append(scheduler.get_last_lr())
        assert out[-1] == [g["lr"] for g in opt.param_groups]
    return np.array(out)


@pytest.mark.parametrize(("name", "kwargs"), SCHEDULES, ids=str)
def test_schedule_matches_torch(name, kwargs):
    opt, topt = _two_groups(optim), _two_groups(torch)
    ours = _lrs(getattr(lr_scheduler, name)(opt, **kwargs), opt)
    theirs = _lrs(getattr(torch.optim.lr_scheduler, name)(topt, **kwargs), topt)
    np.testing.assert_allclose(ours, theirs, rtol=1e-13, atol=0)


@pytest.mark.parametrize(("name", "kwargs"), SCHEDULES, ids=str)
def test_schedule_follows_its_closed_form(name, kwargs):
    opt = _two_groups(optim)
    lrs = _lrs(getattr(lr_scheduler, name)(opt, **kwargs), opt)
    for e, row in enumerate(lrs):
        for base, lr in zip([0.1, 0.3], row):
            if name == "StepLR":
                expected = base * kwargs["gamma"] ** (e // kwargs["step_size"])
            elif name == "MultiStepLR":
                expected = base * kwargs["gamma"] ** sum(m <= e for m in kwargs["milestones"])
            else:
                eta = kwargs.get("eta_min", 0.0)
                expected = eta + (base - eta) * (1 + math.cos(math.pi * e / kwargs["T_max"])) / 2
            assert lr == pytest.approx(expected, rel=1e-12, abs=1e-15), (e, lr, expected)


@pytest.mark.parametrize(("name", "kwargs"), SCHEDULES, ids=str)
def test_schedule_resumes_like_torch(name, kwargs):
    results = []
    for lib, sched in ((optim, lr_scheduler), (torch, torch.optim.lr_scheduler)):
        opt = _two_groups(lib)
        for group in opt.param_groups:
            group["initial_lr"] = group["lr"]
        results.append(_lrs(getattr(sched, name)(opt, last_epoch=4, **kwargs), opt, 12))
    np.testing.assert_allclose(*results, rtol=1e-13)


def test_schedule_state_dict_round_trip():
    opt = _two_groups(optim)
    schedule = lr_scheduler.CosineAnnealingLR(opt, T_max=10)
    for _ in range(4):
        opt.step()
        schedule.step()
    saved, saved_opt = schedule.state_dict(), opt.state_dict()
    assert "optimizer" not in saved and saved["last_epoch"] == 4
    rest = _lrs(schedule, opt, 6)
    opt2 = _two_groups(optim)
    opt2.load_state_dict(saved_opt)
    schedule2 = lr_scheduler.CosineAnnealingLR(opt2, T_max=99)
    schedule2.load_state_dict(saved)
    assert schedule2.T_max == 10
    np.testing.assert_array_equal(_lrs(schedule2, opt2, 6), rest)


def test_scheduled_sgd_matches_torch():
    p0, h, noise = _problem(seed=2)
    ours, theirs = [Parameter(p) for p in p0], [torch.nn.Parameter(torch.tensor(p)) for p in p0]
    opt = optim.SGD(ours, lr=0.1, momentum=0.9)
    topt = torch.optim.SGD(theirs, lr=0.1, momentum=0.9)
    schedule = lr_scheduler.CosineAnnealingLR(opt, T_max=STEPS, eta_min=0.001)
    tschedule = torch.optim.lr_scheduler.CosineAnnealingLR(topt, T_max=STEPS, eta_min=0.001)
    for t in range(STEPS):
        for i, (p, tp) in enumerate(zip(ours, theirs)):
            p.grad = h[i] * p.data + noise[t][i]
            tp.grad = torch.tensor(h[i]) * tp.detach() + torch.tensor(noise[t][i])
        opt.step()
        topt.step()
        schedule.step()
        tschedule.step()
        for p, tp in zip(ours, theirs):
            np.testing.assert_allclose(p.data, tp.detach().numpy(), **TIGHT)


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda o: lr_scheduler.StepLR(o, step_size=0), ValueError, "^StepLR: step_size"),
        (lambda o: lr_scheduler.StepLR(o, step_size=2.5), ValueError, "^StepLR: step_size"),
        (lambda o: lr_scheduler.StepLR(o, 2, gamma="x"), TypeError, "^StepLR: gamma"),
        (lambda o: lr_scheduler.MultiStepLR(o, [3, -1]), ValueError, "^MultiStepLR: milestones"),
        (lambda o: lr_scheduler.CosineAnnealingLR(o, 0), ValueError, "^CosineAnnealingLR: T_max"),
        (lambda o: lr_scheduler.CosineAnnealingLR(o, 5, last_epoch=-2), ValueError, "last_epoch"),
        (lambda o: lr_scheduler.CosineAnnealingLR(o, 5, last_epoch=3), ValueError, "initial_lr"),
        (lambda o: lr_scheduler.StepLR(object(), 2), TypeError, "optimizer must be"),
    ],
)
def test_schedule_validation(make, error, match):
    with pytest.raises(error, match=match):
        make(_two_groups(optim))


# --- RMSprop, OneCycleLR, ReduceLROnPlateau ---------------------------------------------------

RMSPROP_OPTIONS = [
    dict(lr=0.01, alpha=a, eps=eps, weight_decay=wd, momentum=m, centered=c, maximize=mx)
    for a, eps, wd, m, c, mx in itertools.product(
        (0.99, 0.5), (1e-8, 1e-2), (0.0, 0.1), (0.0, 0.9), (False, True), (False, True)
    )
]


@pytest.mark.parametrize("kwargs", RMSPROP_OPTIONS, ids=str)
def test_rmsprop_trajectory_matches_torch(kwargs):
    _assert_same_trajectory("RMSprop", kwargs)


def test_rmsprop_defaults_match_torch():
    ours = inspect.signature(optim.RMSprop).parameters
    theirs = inspect.signature(torch.optim.RMSprop).parameters
    for name, param in ours.items():
        if name != "params":
            assert theirs[name].default == param.default, name


def _scheduled(lib, make_opt, make_schedule, metrics=None, steps=12):
    """Parameters, rates and momenta over ``steps`` steps of a scheduled optimiser."""
    p0, h, noise = _problem(3, steps=steps)
    if lib is torch:
        params = [torch.nn.Parameter(torch.tensor(p)) for p in p0]
    else:
        params = [Parameter(p) for p in p0]
    opt = make_opt(lib, params)
    schedule = make_schedule(lib, opt)
    trace = []
    for t in range(steps):
        opt.zero_grad()
        for i, p in enumerate(params):
            data = p.detach().numpy() if lib is torch else p.data
            p.grad = (
                (h[i] * data + noise[t][i])
                if lib is not torch
                else torch.tensor(h[i] * data + noise[t][i])
            )
        opt.step()
        if metrics is None:
            schedule.step()
        else:
            schedule.step(metrics[t])
        group = opt.param_groups[0]
        momentum = group["betas"][0] if "betas" in group else group.get("momentum")
        values = [p.detach().numpy().copy() if lib is torch else p.data.copy() for p in params]
        trace.append((schedule.get_last_lr(), momentum, values))
    return trace


def _assert_same_schedule(make_opt, make_schedule, metrics=None):
    ours = _scheduled(optim, make_opt, make_schedule, metrics)
    theirs = _scheduled(torch, make_opt, make_schedule, metrics)
    for t, ((lr, m, ps), (tlr, tm, tps)) in enumerate(zip(ours, theirs)):
        np.testing.assert_allclose(lr, tlr, rtol=1e-13, err_msg=f"lr at step {t}")
        np.testing.assert_allclose(m, tm, rtol=1e-13, err_msg=f"momentum at step {t}")
        for p, tp in zip(ps, tps):
            np.testing.assert_allclose(p, tp, **TIGHT, err_msg=f"parameter at step {t}")


def _lib_optim(lib):
    return torch.optim if lib is torch else optim


def _lib_sched(lib):
    return torch.optim.lr_scheduler if lib is torch else lr_scheduler


ONE_CYCLE = [
    ("SGD", dict(lr=0.1, momentum=0.9), dict(max_lr=0.5, total_steps=12)),
    ("SGD", dict(lr=0.1, momentum=0.5), dict(max_lr=0.3, epochs=3, steps_per_epoch=4,
                                             anneal_strategy="linear", three_phase=True)),
    ("Adam", dict(lr=0.01), dict(max_lr=0.02, total_steps=13, pct_start=0.5, div_factor=5.0,
                                 final_div_factor=100.0)),
    ("RMSprop", dict(lr=0.01, momentum=0.8), dict(max_lr=0.01, total_steps=12,
                                                 base_momentum=0.7, max_momentum=0.9)),
    ("SGD", dict(lr=0.1), dict(max_lr=0.2, total_steps=12, cycle_momentum=False)),
]  # fmt: skip


@pytest.mark.parametrize(("name", "opt_kwargs", "kwargs"), ONE_CYCLE, ids=str)
def test_one_cycle_matches_torch(name, opt_kwargs, kwargs):
    _assert_same_schedule(
        lambda lib, ps: getattr(_lib_optim(lib), name)(ps, **opt_kwargs),
        lambda lib, opt: _lib_sched(lib).OneCycleLR(opt, **kwargs),
    )


PLATEAU_METRICS = [5.0, 4.0, 4.0, 3.9999, 4.1, 4.0, 3.0, 3.0, 3.0, 3.0, 2.99, 3.5]


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(patience=1),
        dict(patience=0, factor=0.5, cooldown=2),
        dict(mode="max", patience=1, threshold=0.1, threshold_mode="abs", min_lr=0.02),
        dict(patience=2, threshold=0.01, eps=0.05),
    ],
    ids=str,
)
def test_reduce_on_plateau_matches_torch(kwargs):
    _assert_same_schedule(
        lambda lib, ps: _lib_optim(lib).SGD(ps, lr=0.1, momentum=0.9),
        lambda lib, opt: _lib_sched(lib).ReduceLROnPlateau(opt, **kwargs),
        PLATEAU_METRICS,
    )


@pytest.mark.parametrize(
    "make, error, match",
    [
        (lambda o: lr_scheduler.OneCycleLR(o, 0.1), ValueError, "total_steps"),
        (lambda o: lr_scheduler.OneCycleLR(o, 0.1, 5, anneal_strategy="x"), ValueError,
         "anneal_strategy"),
        (lambda o: lr_scheduler.OneCycleLR(o, [0.1, 0.2], 5), ValueError, "max_lr"),
        (lambda o: lr_scheduler.ReduceLROnPlateau(o, factor=1.0), ValueError, "factor"),
        (lambda o: lr_scheduler.ReduceLROnPlateau(o, mode="up"), ValueError, "mode"),
        (lambda o: optim.RMSprop([Parameter(np.ones(1))], alpha=-1), ValueError, "alpha"),
    ],
)  # fmt: skip
def test_new_schedule_validation(make, error, match):
    opt = optim.SGD([Parameter(np.zeros(1))], lr=0.1, momentum=0.9)
    with pytest.raises(error, match=match):
        make(opt)


def test_one_cycle_refuses_to_step_past_its_end():
    opt = optim.SGD([Parameter(np.zeros(1))], lr=0.1, momentum=0.9)
    schedule = lr_scheduler.OneCycleLR(opt, 0.1, total_steps=2)
    schedule.step(), schedule.step()
    with pytest.raises(ValueError, match="past total_steps=2"):
        schedule.step()


# --- Adam's update paths: NumPy whole, NumPy split over threads, numba ---------------------------


def _adam_trajectory(monkeypatch, backend, split, dtype, kwargs, shape=(37, 29), poison=False):
    """20 Adam steps on one parameter with ``backend``'s update, split over two threads from the
    first number (``split``) or never; the parameter after each step."""
    monkeypatch.setattr(adam, "ADAM_SPLIT", 1 if split else 1 << 40)
    monkeypatch.setattr(adam, "ADAM_NUMBA_SPLIT", 1 if split else 1 << 40)
    monkeypatch.setattr(parallel, "SPLIT_ELEMENTS", 1 if split else 1 << 40)
    rng = np.random.default_rng(7)
    p = Parameter(rng.standard_normal(shape).astype(dtype))
    opt = optim.Adam([p], **kwargs)
    out = []
    with parallel.limit(2), accel.accelerator(backend):
        for t in range(STEPS):
            p.grad = rng.standard_normal(shape).astype(dtype)
            if poison and t == 3:
                p.grad.reshape(-1)[[0, 5, 9]] = [np.nan, np.inf, -np.inf]
            opt.step()
            out.append(p.data.copy())
    return out


ADAM_PATH_OPTIONS = [
    dict(lr=0.01),
    dict(lr=0.01, amsgrad=True),
    dict(lr=0.01, weight_decay=0.1, maximize=True),
    dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True, amsgrad=True, eps=1e-3),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kwargs", ADAM_PATH_OPTIONS, ids=str)
@pytest.mark.parametrize("poison", [False, True])
def test_adam_split_and_compiled_updates_are_numpys_to_the_bit(monkeypatch, dtype, kwargs, poison):
    """NumPy's passes split over two threads, and numba's one pass (whole and split), give the
    bits of NumPy's passes over the whole parameter, NaN and infinities in a gradient
    included (AMSGrad's maximum keeps a NaN, as np.maximum does)."""
    whole = _adam_trajectory(monkeypatch, "numpy", False, dtype, kwargs, poison=poison)
    paths = [("numpy", True)]
    if accel.available() is not None:
        paths += [("numba", False), ("numba", True)]
    for backend, split in paths:
        other = _adam_trajectory(monkeypatch, backend, split, dtype, kwargs, poison=poison)
        for t, (a, b) in enumerate(zip(whole, other)):
            np.testing.assert_array_equal(a, b, err_msg=f"{backend} split={split} step {t}")


@pytest.mark.parametrize("backend", ["numpy", "numba"])
def test_adam_on_a_parameter_that_is_not_contiguous_matches_torch(backend):
    if backend == "numba" and accel.available() is None:
        pytest.skip("numba is not installed")
    rng = np.random.default_rng(2)
    start = rng.standard_normal((6, 5))
    p = Parameter(np.ones((5, 6)))
    p.data = start.copy().T  # a transposed view: the update runs on the arrays as they are
    tp = torch.nn.Parameter(torch.tensor(start.T.copy()))
    opt, topt = (
        optim.Adam([p], lr=0.05, amsgrad=True),
        torch.optim.Adam([tp], lr=0.05, amsgrad=True),
    )
    with accel.accelerator(backend):
        for _ in range(5):
            g = rng.standard_normal((5, 6))
            p.grad, tp.grad = g, torch.tensor(g)
            opt.step()
            topt.step()
    np.testing.assert_allclose(p.data, tp.detach().numpy(), **TIGHT)


def _adam_parameters(dtype):
    rng = np.random.default_rng(11)
    shapes = [(3, 4), (5,), (2, 3, 3, 3), (7,), (1,)]
    params = [Parameter(rng.standard_normal(s).astype(dtype)) for s in shapes]
    params[2].data = np.asfortranarray(params[2].data)  # not C-contiguous: copied in and back
    params.append(Parameter(rng.standard_normal(4).astype(np.float64)))  # another dtype
    return params


TOGETHER_CASES = [
    *(("Adam", kwargs) for kwargs in ADAM_PATH_OPTIONS),
    ("AdamW", dict(lr=0.01, amsgrad=True)),
    ("SGD", dict(lr=0.1)),
    ("SGD", dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("SGD", dict(lr=0.1, momentum=0.5, dampening=0.3, maximize=True)),
    ("RMSprop", dict(lr=0.01)),
    ("RMSprop", dict(lr=0.01, momentum=0.9, centered=True, weight_decay=0.1)),
]


@pytest.mark.parametrize("backend", ["numpy", "numba"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name, kwargs", TOGETHER_CASES, ids=str)
def test_small_parameters_updated_together_get_the_bits_of_one_at_a_time(
    monkeypatch, backend, dtype, name, kwargs
):
    """Laid end to end (Optimizer._update_together): the parameters, every state array and the
    state dict as one parameter at a time gives them, through a step where one parameter has
    no gradient (its step count falls behind: it goes alone or with its own), a state dict
    loaded mid-way, AMSGrad switched on after a step, NaN and infinities; the gradients are
    left unchanged."""
    if backend == "numba" and accel.available() is None:
        pytest.skip("numba is not installed")
    together_calls = []
    real = optimizer.Optimizer._update_together
    monkeypatch.setattr(
        optimizer.Optimizer,
        "_update_together",
        lambda self, *a: together_calls.append(1) or real(self, *a),
    )
    results = []
    for together in (True, False):
        monkeypatch.setattr(optimizer, "TOGETHER", 1 << 17 if together else 0)
        params = _adam_parameters(dtype)
        options = {k: v for k, v in kwargs.items() if k != "amsgrad"}
        opt = getattr(optim, name)(params, **options)
        rng = np.random.default_rng(12)
        with accel.accelerator(backend):
            for t in range(6):
                grads = [rng.standard_normal(p.data.shape).astype(p.data.dtype) for p in params]
                if t == 2:
                    grads[1] = None
                if t == 3:
                    grads[0].reshape(-1)[:3] = [np.nan, np.inf, -np.inf]
                    opt.load_state_dict(opt.state_dict())
                if t == 1 and kwargs.get("amsgrad"):
                    opt.param_groups[0]["amsgrad"] = True
                kept = [None if g is None else g.copy() for g in grads]
                for p, g in zip(params, grads):
                    p.grad = g
                with np.errstate(all="ignore"):  # SGD's and RMSprop's NaN warn, either way
                    opt.step()
                for g, k in zip(grads, kept):
                    if g is not None:
                        np.testing.assert_array_equal(g, k)
        results.append(([p.data.copy() for p in params], opt.state_dict()))
    assert together_calls  # the path under test ran
    (ours, state), (theirs, their_state) = results
    for a, b in zip(ours, theirs, strict=True):
        assert a.dtype == b.dtype
        np.testing.assert_array_equal(a, b)
    assert state["state"].keys() == their_state["state"].keys()
    for i, s in state["state"].items():
        assert s.keys() == their_state["state"][i].keys()
        for k, v in s.items():
            np.testing.assert_array_equal(v, their_state["state"][i][k], err_msg=f"{i} {k}")


class _NormScaledSGD(optim.SGD):
    """A learner's optimiser whose update reads the whole parameter (its norm): not
    elementwise, so never laid end to end with others."""

    def _update(self, p, grad, group, state):
        p.data -= group["lr"] * grad / (np.linalg.norm(grad) + 1)


def test_an_update_that_reads_the_whole_parameter_runs_one_parameter_at_a_time():
    params = [Parameter(np.ones(3)), Parameter(np.ones(4))]
    opt = _NormScaledSGD(params, lr=1.0)
    grads = [np.full(3, 2.0), np.full(4, 1.0)]
    for p, g in zip(params, grads):
        p.grad = g
    opt.step()
    for p, g in zip(params, grads):
        np.testing.assert_allclose(p.data, 1 - g / (np.linalg.norm(g) + 1))
    plain = optim.SGD([Parameter(np.ones(3))], lr=1.0)  # SGD's own: marked, by its class only
    assert type(plain)._update in optimizer._ELEMENTWISE
    assert type(opt)._update not in optimizer._ELEMENTWISE


def test_the_flat_arrays_of_buckets_that_change_are_let_go(monkeypatch):
    """A model whose parameters with a gradient change from step to step makes a bucket each
    time; the optimiser keeps the flat arrays of a few, and the updates stay exact."""
    monkeypatch.setattr(optimizer, "TOGETHER_KEPT", 2)
    rng = np.random.default_rng(3)
    params = [Parameter(rng.standard_normal(4)) for _ in range(4)]
    twins = [Parameter(p.data.copy()) for p in params]
    opt, one_by_one = optim.Adam(params, lr=0.1), optim.Adam(twins, lr=0.1)
    monkeypatch.setattr(optimizer, "TOGETHER", 1 << 17)
    for step in range(6):
        skipped = step % 4
        for i, (p, q) in enumerate(zip(params, twins)):
            g = rng.standard_normal(4)
            p.grad, q.grad = (None, None) if i == skipped else (g, g.copy())
        opt.step()
        with monkeypatch.context() as m:
            m.setattr(optimizer, "TOGETHER", 0)
            one_by_one.step()
        assert len(opt._together) <= 2
    for p, q in zip(params, twins):
        np.testing.assert_array_equal(p.data, q.data)
