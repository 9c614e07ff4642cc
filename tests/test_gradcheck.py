"""The gradient checker: it passes correct backward passes and fails planted bugs, naming the input.

The planted bugs live in a hand-written loop backward of ``conv2d`` (stride 2, padding 1), one
flag per bug. Which elements a bug makes wrong is established independently, with PyTorch.
"""

import itertools

import numpy as np
import pytest

import convgrad
from convgrad.gradcheck import GradcheckReport, InputReport, gradcheck
from oracle import torch_conv

STRIDE, PAD = 2, 1
NAMES = ("x", "w", "b")


def loop_conv2d_backward(dy, x, w, stride, padding, bug=None):
    """``(dx, dw, db)`` of ``conv2d(x, w, b, stride, padding)`` by plain loops, maybe with a bug."""
    N, C, H, W = x.shape
    CO, _, KH, KW = w.shape
    _, _, HO, WO = dy.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    step = 1 if bug == "stride_ignored" else stride
    for n, o, i, j, c, u, v in itertools.product(
        range(N), range(CO), range(HO), range(WO), range(C), range(KH), range(KW)
    ):
        r, s = i * step + u, j * step + v  # the padded input pixel that tap (u, v) read
        ku, kv = (KH - 1 - u, KW - 1 - v) if bug == "flipped_kernel" else (u, v)
        if bug == "dx_assign":
            dxp[n, c, r, s] = w[o, c, ku, kv] * dy[n, o, i, j]
        else:
            dxp[n, c, r, s] += w[o, c, ku, kv] * dy[n, o, i, j]
        if bug == "dw_assign":
            dw[o, c, u, v] = xp[n, c, r, s] * dy[n, o, i, j]
        else:
            dw[o, c, u, v] += xp[n, c, r, s] * dy[n, o, i, j]
    if bug == "no_crop":
        dx = dxp
    elif bug == "crop_offset":
        dx = dxp[:, :, :H, :W]
    else:
        dx = dxp[:, :, padding : padding + H, padding : padding + W]
    if bug == "db_missing":
        db = np.zeros(CO)
    elif bug == "db_one_sample":
        db = dy[0].sum(axis=(1, 2))
    else:
        db = dy.sum(axis=(0, 2, 3))
    return dx, dw, db


def conv_inputs(seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(2, 2, 5, 5)), rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)


def conv_forward(x, w, b):
    return convgrad.conv2d(x, w, b, stride=STRIDE, padding=PAD)


def buggy_backward(bug):
    return lambda dy, x, w, b: loop_conv2d_backward(dy, x, w, STRIDE, PAD, bug)


def torch_grads(x, w, b, dy, padding=PAD, stride=STRIDE):
    pairs = ((padding, padding), (padding, padding))
    return torch_conv(2, x, w, b, dy, (stride, stride), pairs, (1, 1), 1, "zeros")[1:]


# bug -> the inputs whose gradient it breaks
BUGS = {
    "dx_assign": ("x",),
    "dw_assign": ("w",),
    "flipped_kernel": ("x",),
    "crop_offset": ("x",),
    "no_crop": ("x",),
    "stride_ignored": ("x", "w"),
    "db_missing": ("b",),
    "db_one_sample": ("b",),
}


def test_loop_backward_without_bug_matches_torch():
    x, w, b = conv_inputs()
    dy = np.random.default_rng(1).normal(size=conv_forward(x, w, b).shape)
    for mine, theirs in zip(
        loop_conv2d_backward(dy, x, w, STRIDE, PAD), torch_grads(x, w, b, dy), strict=True
    ):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_loop_backward_without_bug_passes(mode):
    report = gradcheck(conv_forward, buggy_backward(None), conv_inputs(), mode=mode)
    assert report.passed, report
    assert [r.status for r in report] == ["passed"] * 3


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("bug", BUGS)
def test_planted_bug_fails_the_right_input(bug, mode):
    report = gradcheck(conv_forward, buggy_backward(bug), conv_inputs(), mode=mode)
    assert not report.passed
    assert report.failed_inputs == BUGS[bug]
    for r in report:
        assert r.status == ("failed" if r.name in BUGS[bug] else "passed")


@pytest.mark.parametrize("bug", [b for b in BUGS if b != "no_crop"])
def test_full_mode_points_at_genuinely_wrong_elements(bug):
    """The worst index and the mask of wrong elements agree with where the bug differs from torch.

    A bug's wrong elements are a structural property: any generic ``dy`` shows the same set.
    """
    x, w, b = conv_inputs()
    report = gradcheck(conv_forward, buggy_backward(bug), (x, w, b))
    dy = np.random.default_rng(7).normal(size=conv_forward(x, w, b).shape)
    buggy = loop_conv2d_backward(dy, x, w, STRIDE, PAD, bug)
    for name, mine, truth in zip(NAMES, buggy, torch_grads(x, w, b, dy), strict=True):
        off = np.abs(mine - truth)
        r = report[name]
        if name in BUGS[bug]:
            assert off[r.worst] > 1e-6, (name, r.worst)
            np.testing.assert_array_equal(r.wrong, off > 1e-9)
            assert r.n_wrong == np.count_nonzero(off > 1e-9)
            assert r.n_checked == off.size
            assert abs(r.analytic - r.numeric) > 1e-5
        else:
            assert off.max() < 1e-9  # the bug really leaves this input alone
            assert r.n_wrong == 0 and not r.wrong.any()


def test_missing_crop_is_a_failure_with_both_shapes():
    report = gradcheck(conv_forward, buggy_backward("no_crop"), conv_inputs())
    r = report["x"]
    assert r.status == "failed" and r.wrong is None
    assert "(2, 2, 7, 7)" in r.message and "(2, 2, 5, 5)" in r.message
    assert "(2, 2, 7, 7)" in str(report)


def test_flipped_kernel_hidden_by_all_ones_dy_is_caught():
    """Under full padding an all-ones ``dy`` (a plain ``y.sum()`` loss) hides a flipped kernel."""
    rng = np.random.default_rng(3)
    x, w, b = rng.normal(size=(1, 1, 4, 4)), rng.normal(size=(1, 1, 3, 3)), rng.normal(size=1)
    ones = np.ones((1, 1, 6, 6))
    flipped_dx = loop_conv2d_backward(ones, x, w, 1, 2, "flipped_kernel")[0]
    np.testing.assert_allclose(flipped_dx, torch_grads(x, w, b, ones, padding=2, stride=1)[0])

    report = gradcheck(
        lambda x, w, b: convgrad.conv2d(x, w, b, padding=2),
        lambda dy, x, w, b: loop_conv2d_backward(dy, x, w, 1, 2, "flipped_kernel"),
        (x, w, b),
    )
    assert report.failed_inputs == ("x",)


CORRECT = {
    "conv2d groups, dilation, stride": (
        lambda x, w, b: convgrad.conv2d(
            x, w, b, stride=(2, 1), padding=1, dilation=(1, 2), groups=2
        ),
        lambda dy, x, w, b: convgrad.conv2d_backward(
            dy, x, w, stride=(2, 1), padding=1, dilation=(1, 2), groups=2
        ),
        [(2, 4, 5, 6), (4, 2, 3, 2), (4,)],
    ),
    "conv2d reflect, no bias": (
        lambda x, w: convgrad.conv2d(x, w, padding=2, padding_mode="reflect"),
        lambda dy, x, w: convgrad.conv2d_backward(
            dy, x, w, padding=2, padding_mode="reflect", bias=False
        )[:2],
        [(1, 2, 4, 5), (3, 2, 3, 3)],
    ),
    "conv1d": (
        lambda x, w, b: convgrad.conv1d(x, w, b, stride=2, padding=1, dilation=2),
        lambda dy, x, w, b: convgrad.conv1d_backward(dy, x, w, stride=2, padding=1, dilation=2),
        [(2, 3, 9), (4, 3, 3), (4,)],
    ),
    "conv3d": (
        lambda x, w, b: convgrad.conv3d(x, w, b, stride=(1, 2, 1), padding=1),
        lambda dy, x, w, b: convgrad.conv3d_backward(dy, x, w, stride=(1, 2, 1), padding=1),
        [(1, 2, 3, 4, 3), (2, 2, 2, 2, 2), (2,)],
    ),
    "conv_transpose2d": (
        lambda x, w, b: convgrad.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1),
        lambda dy, x, w, b: convgrad.conv_transpose2d_backward(
            dy, x, w, stride=2, padding=1, output_padding=1
        ),
        [(1, 2, 3, 3), (2, 3, 3, 3), (3,)],
    ),
}


@pytest.mark.parametrize("mode", ["full", "fast"])
@pytest.mark.parametrize("case", CORRECT)
def test_convgrad_backwards_pass(case, mode):
    forward, backward, shapes = CORRECT[case]
    rng = np.random.default_rng(5)
    report = gradcheck(forward, backward, [rng.normal(size=s) for s in shapes], mode=mode)
    assert report.passed, report
    assert all(r.status == "passed" for r in report)
    assert max(r.max_abs_error for r in report) < 1e-7


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_nonlinear_function(mode):
    x = np.linspace(-2.0, 2.0, 7)
    assert gradcheck(np.sin, lambda dy, x: (dy * np.cos(x),), (x,), mode=mode).passed
    assert not gradcheck(np.sin, lambda dy, x: (dy * np.sin(x),), (x,), mode=mode).passed


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_reported_values_are_analytic_and_numeric(mode):
    """For f(x) = 2x with a backward claiming 3 dy, every item has analytic / numeric = 3 / 2."""
    report = gradcheck(lambda x: 2 * x, lambda dy, x: 3 * dy, (np.ones((2, 3)),), mode=mode)
    r = report[0]
    assert r.analytic / r.numeric == pytest.approx(1.5, rel=1e-6)
    assert r.max_rel_error == pytest.approx(1 / 3, rel=1e-6)
    assert r.n_wrong == r.n_checked == (6 if mode == "full" else 4)
    if mode == "fast":
        assert isinstance(r.worst, int) and 0 <= r.worst < 4


def test_nan_gradient_fails():
    report = gradcheck(lambda x: 2 * x, lambda dy, x: (np.full_like(dy, np.nan),), (np.ones(3),))
    assert report.failed_inputs == ("x",)
    assert report[0].n_wrong == 3


def test_scalar_output():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    report = gradcheck(lambda x: (x**2).sum(), lambda dy, x: (2 * x * dy,), (x,))
    assert report.passed, report


def test_none_gradient_is_skipped():
    x, w, b = conv_inputs()
    report = gradcheck(
        conv_forward, lambda dy, x, w, b: (*buggy_backward(None)(dy, x, w, b)[:2], None), (x, w, b)
    )
    assert report["b"].status == "skipped" and report.passed
    assert "skipped" in str(report).splitlines()[3]


@pytest.mark.parametrize("mode", ["full", "fast"])
def test_inputs_are_not_modified(mode):
    rng = np.random.default_rng(2)
    x = rng.normal(size=(1, 2, 6, 5)).astype(np.float32).transpose(0, 1, 3, 2)  # not contiguous
    w = rng.normal(size=(3, 2, 3, 3))
    w.setflags(write=False)
    x_before, w_before = x.copy(), w.copy()

    def scribbling_backward(dy, x, w):
        dx, dw, _ = convgrad.conv2d_backward(dy, x, w, padding=1)
        x[...] = 0  # a backward that scribbles on its arguments must not corrupt the check
        dy[...] = 0
        return dx, dw

    report = gradcheck(
        lambda x, w: convgrad.conv2d(x, w, padding=1), scribbling_backward, (x, w), mode=mode
    )
    assert report.passed, report
    assert x.dtype == np.float32 and not x.flags.c_contiguous
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(w, w_before)


def count_calls(mode, directions=3):
    calls = []

    def forward(x, w):
        calls.append(1)
        return x * w.sum()

    x, w = np.ones((2, 3)), np.ones(4)
    gradcheck(
        forward,
        lambda dy, x, w: (dy * w.sum(), np.full(4, (dy * x).sum())),
        (x, w),
        mode=mode,
        directions=directions,
    )
    return len(calls)


def test_cost_of_each_mode():
    assert count_calls("full") == 1 + 2 * (6 + 4)
    assert count_calls("fast", directions=3) == 1 + 2 * 3 * 2


def test_names():
    def forward(inp, weight, *rest):
        return inp * weight + sum(rest)

    def backward(dy, *args):
        return tuple(
            dy * args[1] if i == 0 else dy * args[0] if i == 1 else dy for i in range(len(args))
        )

    ones = np.ones(2)
    report = gradcheck(forward, backward, (ones, ones, ones))
    assert [r.name for r in report] == ["inp", "weight", "input2"]
    assert report["weight"] is report[1]
    with pytest.raises(KeyError, match="input3"):
        report["input3"]


def test_str_of_a_failing_report():
    report = gradcheck(conv_forward, buggy_backward("dw_assign"), conv_inputs())
    text = str(report)
    lines = text.splitlines()
    assert lines[0].startswith("gradcheck FAILED")
    assert "x (2, 2, 5, 5): passed" in text
    assert "b (3,): passed" in text
    r = report["w"]
    assert f"w (3, 2, 3, 3): FAILED, wrong {r.n_wrong} of 54 elements" in text
    assert f"worst at w[{', '.join(map(str, r.worst))}]" in text
    assert f"analytic {r.analytic:.6g}, numeric {r.numeric:.6g}" in text
    assert "1e-05" in text and "0.0001" in text
    grid = [line.split() for line in lines if set(line.strip()) <= {"x", ".", " "} and line.strip()]
    assert sum(row.count("x") for row in grid) == r.n_wrong  # the mask shows every wrong element
    assert "w[0, 1, :, :]" in text


def test_str_of_errors_confined_to_some_elements():
    """A backward wrong only in the last column of x and in b[1] is shown as such."""

    def forward(x, b):
        return 3 * x + b

    def backward(dy, x, b):
        dx, db = 3 * dy, dy.sum(axis=0)
        dx[:, -1] *= 2
        db[1] = 0
        return dx, db

    report = gradcheck(forward, backward, (np.ones((4, 3)), np.ones(3)))
    text = str(report)
    assert report.failed_inputs == ("x", "b")
    assert "all wrong elements lie at axis 1 index {2}" in text
    assert text.count(". . x") == 4  # the mask of x: its last column, on every row
    assert "b[:]" in text and ". x ." in text


def test_str_of_fast_and_passing_reports():
    x, w, b = conv_inputs()
    passing = str(gradcheck(conv_forward, buggy_backward(None), (x, w, b), mode="fast"))
    assert passing.splitlines()[0].startswith("gradcheck PASSED")
    assert "4 random directions" in passing
    assert all(f"{name} " in passing for name in NAMES)
    failing = str(gradcheck(conv_forward, buggy_backward("db_missing"), (x, w, b), mode="fast"))
    assert "worst along direction" in failing and "b (3,): FAILED" in failing


def test_float32_forward_reports_a_large_expected_error():
    report = gradcheck(
        lambda x: (2 * x).astype(np.float32), lambda dy, x: (2 * dy,), (np.ones((2, 3)),)
    )
    assert report[0].expected_error > 1e-3
    assert not report.passed
    assert "finite differences alone" in str(report)


def test_report_types():
    report = gradcheck(lambda x: 2 * x, lambda dy, x: (2 * dy,), (np.ones(2),))
    assert isinstance(report, GradcheckReport) and isinstance(report[0], InputReport)
    assert len(report) == 1


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (dict(mode="slow"), ValueError, "mode"),
        (dict(eps=0.0), ValueError, "eps"),
        (dict(eps=float("nan")), ValueError, "eps"),
        (dict(atol=-1.0), ValueError, "atol"),
        (dict(rtol=-1.0), ValueError, "rtol"),
        (dict(directions=0), ValueError, "directions"),
        (dict(forward=None), TypeError, "forward must be callable"),
        (dict(backward=np.ones(2)), TypeError, "backward must be callable"),
        (dict(inputs=np.ones(2)), TypeError, "inputs must be a tuple or list"),
        (dict(inputs=(np.ones(2, dtype=complex),)), TypeError, r"inputs\[0\]"),
        (dict(backward=lambda dy, x: {"x": dy}), TypeError, "backward must return a tuple"),
        (dict(backward=lambda dy, x: (dy, dy)), ValueError, "2 gradients for 1 inputs"),
        (dict(forward=lambda x: x + 1j), TypeError, "forward must return"),
    ],
)
def test_bad_arguments(kwargs, error, match):
    args = dict(forward=lambda x: 2 * x, backward=lambda dy, x: (2 * dy,), inputs=(np.ones(2),))
    args.update(kwargs)
    with pytest.raises(error, match=match):
        gradcheck(args.pop("forward"), args.pop("backward"), args.pop("inputs"), **args)


def test_conv_backward_with_bias_for_two_inputs_raises():
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(1, 1, 3, 3)), rng.normal(size=(1, 1, 2, 2))
    with pytest.raises(ValueError, match="3 gradients for 2 inputs"):
        gradcheck(convgrad.conv2d, convgrad.conv2d_backward, (x, w))
