"""PyTorch's names: every functional op with a twin in ``torch.nn.functional`` takes its
parameters under the same names, in the same order, with the same defaults, and answers the
same when called with keywords only; convgrad's own short names (``x``, ``w``, ``b``) keep
working, and giving an argument under both names is a ``TypeError`` naming both.

PyTorch's signatures are read from PyTorch itself: ``inspect.signature`` where it has one, else
the first line of the docstring of its C builtins (``conv2d(input, weight, bias=None, ...)``).
A PyTorch parameter without a default may have one here (``batch_norm``'s running statistics:
optional in convgrad); convgrad may add parameters after PyTorch's (``padding_mode``).
"""

from __future__ import annotations

import inspect
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F

import convgrad

OPS = [
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose3d",
    "max_pool2d",
    "avg_pool2d",
    "adaptive_avg_pool2d",
    "relu",
    "leaky_relu",
    "sigmoid",
    "tanh",
    "linear",
    "batch_norm",
    "cross_entropy",
    "mse_loss",
]
EMPTY = inspect.Parameter.empty


def torch_signature(name: str) -> inspect.Signature:
    f = F._max_pool2d if name == "max_pool2d" else getattr(F, name)  # the dispatcher's branch
    try:
        return inspect.signature(f)
    except ValueError:  # a C builtin: its docstring starts with its signature
        first = f.__doc__.strip().splitlines()[0]
        params = re.fullmatch(rf"{name}\((.*)\) -> Tensor", first).group(1)
        return inspect.signature(eval(f"lambda {params}: None"))


@pytest.mark.parametrize("name", OPS)
def test_parameter_names_order_and_defaults_are_pytorchs(name):
    theirs = list(torch_signature(name).parameters.values())
    ours = list(inspect.signature(getattr(convgrad, name)).parameters.values())
    assert [p.name for p in ours[: len(theirs)]] == [p.name for p in theirs]
    for mine, their in zip(ours, theirs, strict=False):
        if their.default is not EMPTY:
            assert mine.default == their.default, (mine, their)
        assert mine.kind == inspect.Parameter.POSITIONAL_OR_KEYWORD


def _t(a):
    return None if a is None else torch.from_numpy(np.asarray(a))


rng = np.random.default_rng(0)
R = rng.standard_normal

# name -> keyword arguments, by PyTorch's names; arrays are float64
CALLS = {
    "conv1d": dict(input=R((2, 4, 9)), weight=R((6, 2, 3)), bias=R(6), stride=2, padding=1,
                   dilation=2, groups=2),
    "conv2d": dict(input=R((2, 4, 7, 6)), weight=R((6, 2, 3, 2)), bias=R(6), stride=(2, 1),
                   padding=(1, 0), dilation=1, groups=2),
    "conv3d": dict(input=R((1, 2, 5, 4, 5)), weight=R((3, 2, 2, 3, 2)), bias=None, stride=1,
                   padding=1, dilation=(1, 1, 2), groups=1),
    "conv_transpose1d": dict(input=R((2, 4, 5)), weight=R((4, 3, 3)), bias=R(6), stride=2,
                             padding=1, output_padding=1, groups=2, dilation=1),
    "conv_transpose2d": dict(input=R((2, 2, 4, 3)), weight=R((2, 3, 3, 2)), bias=R(3),
                             stride=(2, 3), padding=(1, 0), output_padding=(1, 2), groups=1,
                             dilation=1),
    "conv_transpose3d": dict(input=R((1, 2, 3, 3, 2)), weight=R((2, 2, 2, 2, 2)), bias=None,
                             stride=2, padding=0, output_padding=0, groups=1, dilation=(1, 2, 1)),
    "max_pool2d": dict(input=R((2, 3, 7, 6)), kernel_size=3, stride=2, padding=1, dilation=1,
                       ceil_mode=True, return_indices=True),
    "avg_pool2d": dict(input=R((2, 3, 7, 6)), kernel_size=(3, 2), stride=None, padding=(1, 1),
                       ceil_mode=True, count_include_pad=False, divisor_override=None),
    "adaptive_avg_pool2d": dict(input=R((2, 3, 7, 6)), output_size=(3, 4)),
    "relu": dict(input=R((3, 4)), inplace=False),
    "leaky_relu": dict(input=R((3, 4)), negative_slope=0.2, inplace=False),
    "sigmoid": dict(input=R((3, 4))),
    "tanh": dict(input=R((3, 4))),
    "linear": dict(input=R((2, 3, 5)), weight=R((4, 5)), bias=R(4)),
    "batch_norm": dict(input=R((4, 3, 2)), running_mean=R(3), running_var=R(3) ** 2 + 0.5,
                       weight=R(3), bias=R(3), training=False, momentum=0.1, eps=1e-3),
    "cross_entropy": dict(input=R((5, 4)), target=np.array([0, 3, 1, 1, 2]), weight=None,
                          size_average=None, ignore_index=-100, reduce=None, reduction="sum",
                          label_smoothing=0.1),
    "mse_loss": dict(input=R((3, 4)), target=R((3, 4)), size_average=None, reduce=None,
                     reduction="none", weight=None),
}  # fmt: skip


def _torch_call(name, kwargs):
    tkw = {k: _t(v) if isinstance(v, np.ndarray) else v for k, v in kwargs.items()}
    if name in ("sigmoid", "tanh"):
        return getattr(torch, name)(**tkw)
    if name == "mse_loss" and "weight" not in torch_signature(name).parameters:
        tkw.pop("weight")
    return getattr(F, name)(**tkw)


@pytest.mark.parametrize("name", OPS)
def test_called_with_keywords_only_it_answers_as_pytorch(name):
    kwargs = CALLS[name]
    assert set(kwargs) == set(torch_signature(name).parameters)  # every parameter named
    ours, theirs = getattr(convgrad, name)(**kwargs), _torch_call(name, kwargs)
    ours = ours if isinstance(ours, tuple) else (ours,)
    theirs = theirs if isinstance(theirs, tuple) else (theirs,)
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert a.dtype == b.numpy().dtype
        np.testing.assert_allclose(a, b.numpy(), rtol=1e-12, atol=1e-12)


SHORT = {"input": "x", "weight": "w", "bias": "b"}


@pytest.mark.parametrize("name", OPS)
def test_convgrads_short_names_still_work_and_both_names_are_refused(name):
    kwargs = CALLS[name]
    aliased = {k: v for k, v in kwargs.items() if k in SHORT and not (
        name in ("batch_norm", "cross_entropy", "mse_loss") and k != "input"
    )}  # fmt: skip
    if name in ("cross_entropy", "mse_loss"):
        aliased = {}  # their first argument was always input
    expected = getattr(convgrad, name)(**kwargs)
    renamed = {SHORT.get(k, k) if k in aliased else k: v for k, v in kwargs.items()}
    got = getattr(convgrad, name)(**renamed)
    for a, b in zip(*(r if isinstance(r, tuple) else (r,) for r in (got, expected)), strict=True):
        np.testing.assert_array_equal(a, b)
    for long in aliased:
        both = {**kwargs, SHORT[long]: kwargs[long]}
        with pytest.raises(TypeError, match=rf"^{name}: {long} and {SHORT[long]} name the same"):
            getattr(convgrad, name)(**both)
    if aliased:  # the first one given by position and again by its short name
        first = next(iter(aliased))
        rest = {k: v for k, v in kwargs.items() if k != first}
        with pytest.raises(TypeError, match=rf"{first} and {SHORT[first]}"):
            getattr(convgrad, name)(kwargs[first], **rest, **{SHORT[first]: kwargs[first]})


@pytest.mark.parametrize("name", ["relu", "leaky_relu"])
def test_inplace_true_is_refused_not_ignored(name):
    with pytest.raises(ValueError, match=rf"^{name}: inplace=True is not supported"):
        getattr(convgrad, name)(np.ones(3), inplace=True)


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: convgrad.cross_entropy(np.ones((2, 3)), np.array([0, 1]), weight=np.ones(3)),
         "weight must be None"),
        (lambda: convgrad.cross_entropy(np.ones((2, 3)), np.array([0, 1]), size_average=True),
         "size_average must be None"),
        (lambda: convgrad.cross_entropy(np.ones((2, 3)), np.array([0, 1]), ignore_index=1),
         "ignore_index=1"),
        (lambda: convgrad.mse_loss(np.ones(2), np.ones(2), reduce=False), "reduce must be None"),
    ],
)  # fmt: skip
def test_pytorch_arguments_taken_at_their_defaults_only(call, fragment):
    with pytest.raises(ValueError, match=re.escape(fragment)):
        call()


def test_ignore_index_that_no_target_equals_answers_as_pytorch():
    x, t = R((4, 3)), np.array([0, 2, 1, 2])
    theirs = F.cross_entropy(_t(x), _t(t), ignore_index=5)
    np.testing.assert_allclose(convgrad.cross_entropy(x, t, ignore_index=5), theirs, rtol=1e-12)
