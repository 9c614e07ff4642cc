"""Every operation's gradients against central finite differences, fast kernels and reference."""

import numpy as np
import pytest
from hypothesis import given

import convgrad
from convgrad import gradcheck, reference
from strategies import conv_configs, transpose_configs

MODULES = {"fast": convgrad, "reference": reference}
SPATIAL = {1: (7,), 2: (5, 4), 3: (4, 3, 4)}
KERNEL = {1: (3,), 2: (3, 2), 3: (2, 3, 2)}


def _check_conv(module, n, seed=0, mode="full", **kw):
    rng = np.random.default_rng(seed)
    groups = kw.get("groups", 1)
    x = rng.standard_normal((2, 2 * groups, *SPATIAL[n]))
    w = rng.standard_normal((2 * groups, 2, *KERNEL[n]))
    b = rng.standard_normal(2 * groups)
    conv, conv_backward = getattr(module, f"conv{n}d"), getattr(module, f"conv{n}d_backward")
    return gradcheck(
        lambda x, w, b: conv(x, w, b, **kw),
        lambda dy, x, w, b: conv_backward(dy, x, w, **kw),
        (x, w, b),
        mode=mode,
    )


@pytest.mark.parametrize("module", MODULES.values(), ids=MODULES.keys())
@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("padding_mode", ["zeros", "reflect", "replicate", "circular"])
def test_conv_gradients_match_finite_differences(module, n, padding_mode):
    report = _check_conv(
        module, n, stride=2, padding=((2, 1),) * n, dilation=1, padding_mode=padding_mode
    )
    assert report.passed, str(report)


@pytest.mark.parametrize("module", MODULES.values(), ids=MODULES.keys())
@pytest.mark.parametrize("n", [1, 2, 3])
def test_grouped_dilated_same_conv_gradients_match_finite_differences(module, n):
    report = _check_conv(module, n, padding="same", dilation=2, groups=2)
    assert report.passed, str(report)


@pytest.mark.parametrize("module", MODULES.values(), ids=MODULES.keys())
@pytest.mark.parametrize("n", [1, 2, 3])
def test_conv_transpose_gradients_match_finite_differences(module, n):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 4, *(3,) * n))
    w = rng.standard_normal((4, 3, *KERNEL[n]))
    b = rng.standard_normal(6)
    kw = dict(stride=2, padding=1, output_padding=1, groups=2, dilation=1)
    op = getattr(module, f"conv_transpose{n}d")
    op_backward = getattr(module, f"conv_transpose{n}d_backward")
    report = gradcheck(
        lambda x, w, b: op(x, w, b, **kw),
        lambda dy, x, w, b: op_backward(dy, x, w, **kw),
        (x, w, b),
    )
    assert report.passed, str(report)


@given(conv_configs())
def test_drawn_conv_configurations_pass_the_directional_check(cfg):
    conv = getattr(convgrad, f"conv{cfg.n}d")
    conv_backward = getattr(convgrad, f"conv{cfg.n}d_backward")
    kw = cfg.kwargs()
    b = np.zeros(cfg.w.shape[0]) if cfg.b is None else cfg.b
    report = gradcheck(
        lambda x, w, b: conv(x, w, b, **kw),
        lambda dy, x, w, b: conv_backward(dy, x, w, **kw),
        (cfg.x, cfg.w, b),
        mode="fast",
        seed=cfg.seed,
    )
    assert report.passed, str(report)


@given(transpose_configs())
def test_drawn_transpose_configurations_pass_the_directional_check(cfg):
    op = getattr(convgrad, f"conv_transpose{cfg.n}d")
    op_backward = getattr(convgrad, f"conv_transpose{cfg.n}d_backward")
    kw = cfg.kwargs()
    b = np.zeros(cfg.w.shape[1] * cfg.groups) if cfg.b is None else cfg.b
    report = gradcheck(
        lambda x, w, b: op(x, w, b, **kw),
        lambda dy, x, w, b: op_backward(dy, x, w, **kw),
        (cfg.x, cfg.w, b),
        mode="fast",
        seed=cfg.seed,
    )
    assert report.passed, str(report)
