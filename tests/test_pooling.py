"""Pooling: fast kernels against the reference loops, and both against PyTorch, in float64.

Configurations come from hypothesis (tests/strategies.py): padding, stride other than the kernel,
overlapping windows, dilation, ceil mode, count_include_pad, divisor_override, integer-valued
inputs whose windows hold ties, non-contiguous and unbatched inputs. Every gradient is also
checked against finite differences.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

from convgrad import gradcheck, pooling, reference
from convgrad.kernels import parallel, pool_taps
from strategies import pool_configs

TIGHT = dict(rtol=1e-12, atol=1e-12)
MODULES = {"fast": pooling, "reference": reference}


def _torch(op, x, dy, **kwargs):
    tx = torch.tensor(np.array(x), requires_grad=True)
    y = op(tx, **kwargs)
    y.backward(torch.tensor(dy))
    return y.detach().numpy(), tx.grad.numpy()


def _three_way(name, x, dy, torch_op, **kwargs):
    expected_y, expected_dx = _torch(torch_op, x, dy, **kwargs)
    results = {}
    for label, m in MODULES.items():
        y = getattr(m, name)(x, **kwargs)
        dx = getattr(m, f"{name}_backward")(dy, x, **kwargs)
        assert y.shape == expected_y.shape and dx.shape == x.shape, label
        assert y.dtype == dx.dtype == np.float64
        results[label] = (y, dx)
    for i, what in enumerate(("y", "dx")):
        fast, ref, theirs = (
            results["fast"][i],
            results["reference"][i],
            (expected_y, expected_dx)[i],
        )
        np.testing.assert_allclose(fast, ref, **TIGHT, err_msg=f"{what}: fast vs reference")
        np.testing.assert_allclose(ref, theirs, **TIGHT, err_msg=f"{what}: reference vs torch")
        np.testing.assert_allclose(fast, theirs, **TIGHT, err_msg=f"{what}: fast vs torch")


@given(pool_configs("max"))
def test_max_pool2d_matches_reference_and_torch(cfg):
    assert pooling.max_pool2d(cfg.x, **cfg.kwargs).shape[-2:] == cfg.out
    _three_way("max_pool2d", cfg.x, cfg.dy(), F.max_pool2d, **cfg.kwargs)


@given(pool_configs("avg"))
def test_avg_pool2d_matches_reference_and_torch(cfg):
    assert pooling.avg_pool2d(cfg.x, **cfg.kwargs).shape[-2:] == cfg.out
    _three_way("avg_pool2d", cfg.x, cfg.dy(), F.avg_pool2d, **cfg.kwargs)


@given(
    st.tuples(st.integers(1, 7), st.integers(1, 7)),
    st.one_of(
        st.integers(1, 5),
        st.tuples(st.none() | st.integers(1, 5), st.none() | st.integers(1, 5)),
    ),
    st.integers(0, 2**31),
    st.booleans(),
)
def test_adaptive_avg_pool2d_matches_reference_and_torch(spatial, output_size, seed, batched):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(((2,) if batched else ()) + (3, *spatial))
    out = output_size if isinstance(output_size, tuple) else (output_size,) * 2
    out = tuple(s if o is None else o for s, o in zip(spatial, out))
    dy = rng.standard_normal((*x.shape[:-2], *out))
    _three_way("adaptive_avg_pool2d", x, dy, F.adaptive_avg_pool2d, output_size=output_size)


def test_max_pool_ties_go_to_the_first_maximum_in_window_order():
    x = np.array([[[[1.0, 2.0, 2.0], [2.0, 0.0, 2.0]]]])  # (1, 1, 2, 3)
    dx = pooling.max_pool2d_backward(np.ones((1, 1, 1, 2)), x, 2, stride=1)
    # window 0 holds 2 at (0, 1) and (1, 0): the first in row-major order wins; window 1 holds
    # 2 at (0, 1), (0, 2) and (1, 2): (0, 1) again, which so collects both gradients
    np.testing.assert_array_equal(dx, [[[[0.0, 2.0, 0.0], [0.0, 0.0, 0.0]]]])
    np.testing.assert_array_equal(
        dx, _torch(F.max_pool2d, x, np.ones((1, 1, 1, 2)), kernel_size=2, stride=1)[1]
    )


def test_overlapping_max_windows_accumulate():
    x = np.zeros((1, 1, 3, 3))
    x[0, 0, 1, 1] = 5.0  # the centre wins all four overlapping 2x2 windows
    dy = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    dx = pooling.max_pool2d_backward(dy, x, 2, stride=1)
    assert dx[0, 0, 1, 1] == 10.0 and dx.sum() == 10.0


def test_reference_by_hand():
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    np.testing.assert_array_equal(reference.max_pool2d(x, 2), [[[[5.0, 7.0], [13.0, 15.0]]]])
    np.testing.assert_array_equal(reference.avg_pool2d(x, 2), [[[[2.5, 4.5], [10.5, 12.5]]]])
    # padding 1, count_include_pad: the corner window holds x[0, 0] and three zeros
    assert reference.avg_pool2d(x, 2, padding=1)[0, 0, 0, 0] == 0.0 / 4
    assert reference.avg_pool2d(x + 1, 2, padding=1, count_include_pad=False)[0, 0, 0, 0] == 1.0
    np.testing.assert_array_equal(reference.adaptive_avg_pool2d(x, 1), [[[[7.5]]]])


def test_dilated_window_of_padding_only_gives_minus_inf_and_no_gradient():
    # rows -1 and 1 of a one-row input: the window misses the input (torch's CPU kernel then
    # adds the gradient to the next channel, so it is not the oracle here)
    x = np.arange(10.0).reshape(1, 2, 1, 5)
    kw = dict(kernel_size=2, stride=2, padding=(1, 0), dilation=2, ceil_mode=True)
    for m in MODULES.values():
        y = m.max_pool2d(x, **kw)
        assert np.isneginf(y).all()
        assert not m.max_pool2d_backward(np.ones_like(y), x, **kw).any()


@pytest.mark.parametrize("module", MODULES.values(), ids=MODULES.keys())
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("max_pool2d", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)),
        ("max_pool2d", dict(kernel_size=(2, 3), stride=1, dilation=(2, 1))),
        ("avg_pool2d", dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)),
        ("avg_pool2d", dict(kernel_size=2, padding=1, count_include_pad=False)),
        ("adaptive_avg_pool2d", dict(output_size=(3, 2))),
    ],
)
def test_pooling_gradients_match_finite_differences(module, name, kwargs):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 2, 5, 6))  # distinct values: max pooling is smooth near x
    report = gradcheck(
        lambda x: getattr(module, name)(x, **kwargs),
        lambda dy, x: (getattr(module, f"{name}_backward")(dy, x, **kwargs),),
        (x,),
    )
    assert report.passed, str(report)


@pytest.mark.parametrize("name", ["max_pool2d", "avg_pool2d"])
def test_float32_stays_float32(name):
    x = np.random.default_rng(0).standard_normal((2, 3, 6, 6)).astype(np.float32)
    y = getattr(pooling, name)(x, 2)
    dx = getattr(pooling, f"{name}_backward")(np.ones_like(y), x, 2)
    assert y.dtype == dx.dtype == np.float32
    y = pooling.adaptive_avg_pool2d(x, 4)
    assert y.dtype == pooling.adaptive_avg_pool2d_backward(y, x, 4).dtype == np.float32


CALLS = {
    "max_pool2d": lambda m, x, **kw: m.max_pool2d(x, 2, **kw),
    "max_pool2d_backward": lambda m, x, **kw: m.max_pool2d_backward(
        np.ones((2, 3, 2, 2)), x, 2, **kw
    ),
    "avg_pool2d": lambda m, x, **kw: m.avg_pool2d(x, 2, **kw),
    "avg_pool2d_backward": lambda m, x, **kw: m.avg_pool2d_backward(
        np.ones((2, 3, 2, 2)), x, 2, **kw
    ),
}


@pytest.mark.parametrize("module", MODULES.values(), ids=MODULES.keys())
@pytest.mark.parametrize("name", CALLS)
def test_inputs_are_untouched_and_outputs_fresh(module, name):
    x = np.random.default_rng(0).standard_normal((2, 3, 4, 4))
    x.flags.writeable = False
    result = CALLS[name](module, x)
    assert result.flags.writeable and not np.shares_memory(result, x)
    # a 1x1 window with stride 1 is the identity: the easiest place to hand back a view
    y = module.max_pool2d(x, 1)
    np.testing.assert_array_equal(y, x)
    assert not np.shares_memory(y, x)
    assert not np.shares_memory(module.avg_pool2d(x, 1), x)
    assert not np.shares_memory(module.adaptive_avg_pool2d(x, 4), x)


BAD = [
    # (call, exception, fragments the message must hold)
    (lambda: pooling.max_pool2d(np.ones((2, 3, 4)), 3, padding=2), ValueError, ["padding", "half"]),
    (lambda: pooling.max_pool2d(np.ones((3, 4)), 2), ValueError, ["x", "(3, 4)"]),
    (lambda: pooling.max_pool2d(np.ones((1, 1, 2, 2)), 3), ValueError, ["kernel", "(1, 1, 2, 2)"]),
    (lambda: pooling.max_pool2d(np.ones((1, 1, 4, 4)), 0), ValueError, ["kernel_size"]),
    (lambda: pooling.max_pool2d(np.ones((1, 1, 4, 4)), 2, stride=0), ValueError, ["stride"]),
    (lambda: pooling.max_pool2d(np.ones((1, 1, 4, 4)), 2, dilation=0), ValueError, ["dilation"]),
    (lambda: pooling.max_pool2d(np.ones((1, 1, 4, 4)), 2.5), TypeError, ["kernel_size"]),
    (lambda: pooling.max_pool2d(np.ones((1, 1, 4, 4)), 2, ceil_mode=1), TypeError, ["ceil_mode"]),
    (lambda: pooling.max_pool2d(np.ones((1, 1, 4, 4), complex), 2), TypeError, ["x", "complex"]),
    (
        lambda: pooling.max_pool2d_backward(np.ones((1, 1, 3, 3)), np.ones((1, 1, 4, 4)), 2),
        ValueError,
        ["dy", "(1, 1, 2, 2)", "(1, 1, 3, 3)"],
    ),
    (
        lambda: pooling.avg_pool2d(np.ones((1, 1, 4, 4)), 2, divisor_override=0),
        ValueError,
        ["divisor_override"],
    ),
    (
        lambda: pooling.avg_pool2d(np.ones((1, 1, 4, 4)), 2, count_include_pad="yes"),
        TypeError,
        ["count_include_pad"],
    ),
    (
        lambda: pooling.adaptive_avg_pool2d(np.ones((1, 1, 4, 4)), (0, 2)),
        ValueError,
        ["output_size"],
    ),
    (
        lambda: pooling.adaptive_avg_pool2d_backward(np.ones((1, 1, 2)), np.ones((1, 1, 4, 4)), 2),
        ValueError,
        ["dy", "(1, 1, 2, 2)"],
    ),
]


@pytest.mark.parametrize(("call", "exc", "fragments"), BAD)
def test_bad_arguments_are_refused_by_name(call, exc, fragments):
    with pytest.raises(exc) as info:
        call()
    assert type(info.value) is exc
    for fragment in fragments:
        assert fragment in str(info.value), (fragment, str(info.value))


# --- the taps path (kernels/pool_taps.py) against the windows path, its twin -------------------


def _windows_path(x, spec, dy):
    """The general path: every window copied, its winner by argmax, the backward a scatter."""
    y, tap = pooling._max_taps(x, spec)
    return y, tap, pooling._scatter_winners(dy, x.shape, tap, spec)


@given(
    pool_configs("max"),
    st.sampled_from((np.float32, np.float64)),
    st.integers(0, 3),
    st.booleans(),
)
def test_pool_taps_matches_the_windows_path(cfg, dtype, poison, split):
    x = np.array(cfg.x, dtype=dtype, ndmin=4)
    rng = np.random.default_rng(cfg.seed)
    flat = x.reshape(-1)
    for value in (np.nan, -np.inf, np.inf)[:poison]:  # NaNs (the last wins), all -inf windows
        flat[rng.integers(0, flat.size, 1 + flat.size // 4)] = value
    if poison >= 2:
        x[-1, -1] = -np.inf  # a plane of -inf: its windows are won by their first input pixel
    spec = pooling.pool_spec("max_pool2d", x, **{k: v for k, v in cfg.kwargs.items()})
    dy = rng.standard_normal((*x.shape[:2], *spec.out_spatial)).astype(dtype)
    expected_y, expected_tap, expected_dx = _windows_path(x, spec, dy)
    with pytest.MonkeyPatch.context() as mp:  # chunks of a few planes, on two threads
        mp.setattr(pool_taps, "CHUNK_BYTES", 1)
        mp.setattr(pool_taps, "CHUNK_PLANES", 2)
        if split:
            mp.setattr(parallel, "SPLIT_ELEMENTS", 1)
        with parallel.limit(2):
            y, tap = pool_taps.max_taps(x, spec)
            y_only = pool_taps.max_forward(x, spec)
            dx = pool_taps.max_backward(dy, tap, x.shape, spec)
    np.testing.assert_array_equal(y, expected_y)
    np.testing.assert_array_equal(y_only, expected_y)
    np.testing.assert_array_equal(np.where(tap == pool_taps.NONE, -1, tap), expected_tap)
    np.testing.assert_array_equal(dx, expected_dx)  # the same sums, in the same order


def test_overlapping_windows_sum_in_pytorchs_order():
    # 3x3 windows at stride 1: a pixel can win nine windows; float32 sums of three or more
    # values round differently in another order
    rng = np.random.default_rng(5)
    x = rng.integers(0, 3, (4, 8, 12, 12)).astype(np.float32)  # ties: many shared winners
    dy = rng.standard_normal((4, 8, 12, 12)).astype(np.float32) * 1e3
    tx = torch.from_numpy(x).requires_grad_()
    F.max_pool2d(tx, 3, 1, 1).backward(torch.from_numpy(dy))
    np.testing.assert_array_equal(pooling.max_pool2d_backward(dy, x, 3, 1, 1), tx.grad.numpy())


def test_overlapping_pooling_keeps_its_winners_for_the_backward():
    x = np.random.default_rng(6).standard_normal((3, 4, 9, 9))
    y, saved = pooling.max_pool2d_saving(x, 3, 2, 1)
    assert saved is not None and saved.dtype == np.uint8 and saved.shape == y.shape
    dy = np.random.default_rng(7).standard_normal(y.shape)
    np.testing.assert_array_equal(
        pooling.max_pool2d_backward_saved(dy, x, saved, 3, 2, 1),
        pooling.max_pool2d_backward(dy, x, 3, 2, 1),
    )
    np.testing.assert_array_equal(y, reference.max_pool2d(x, 3, 2, 1))
