"""Bad arguments: every validation rule raises the right exception, naming the argument.

Each test breaks exactly one rule of an otherwise valid call (``x (2, 4, 5, ...)``, a 3-wide
kernel, ``C_out = 6`` for a convolution and ``3`` for a transposed one) and checks the exception
type, that the message starts from the public function's name, names the argument and, where the
rule is about shapes, prints the shapes. The last section holds odd but valid inputs (an empty
batch, a stride larger than the input, NumPy integers, lists) that must be accepted.

``op`` is one of ``conv``, ``conv_backward``, ``transpose``, ``transpose_backward``; ``n`` the
number of spatial dimensions; ``m`` the fast module (``convgrad``) or ``convgrad.reference``.
"""

from __future__ import annotations

import inspect
import re

import numpy as np
import pytest

import convgrad
from convgrad import reference

CONV_OPS = ("conv", "conv_backward")
TRANSPOSE_OPS = ("transpose", "transpose_backward")
FORWARD_OPS = ("conv", "transpose")
BACKWARD_OPS = ("conv_backward", "transpose_backward")
ALL_OPS = CONV_OPS + TRANSPOSE_OPS

N, C_IN, SIZE, K = 2, 4, 5, 3
C_OUT = {"conv": 6, "transpose": 3}  # transposed: w is (C_in, C_out // groups, *kernel)

modules = pytest.mark.parametrize("m", [convgrad, reference], ids=["fast", "reference"])
# the checks are shared code (convgrad._args): the fast module in every dimension, the reference
# in 2-D, is enough to see each public function apply them
modules_dims = pytest.mark.parametrize(
    ("m", "n"),
    [(convgrad, 1), (convgrad, 2), (convgrad, 3), (reference, 2)],
    ids=["fast-1d", "fast-2d", "fast-3d", "reference-2d"],
)


def family(op: str) -> str:
    return "conv" if op in CONV_OPS else "transpose"


def fn_name(op: str, n: int) -> str:
    base = "conv" if family(op) == "conv" else "conv_transpose"
    return f"{base}{n}d" + ("_backward" if op in BACKWARD_OPS else "")


def make_x(n: int, batch: int = N, channels: int = C_IN, size: int = SIZE) -> np.ndarray:
    return np.ones((batch, channels, *(size,) * n))  # (N, C_in, *spatial)


def make_w(op: str, n: int, a: int | None = None, b: int | None = None, k: int = K) -> np.ndarray:
    """``(C_out, C_in // groups, *kernel)``, or ``(C_in, C_out // groups, *kernel)`` transposed."""
    if family(op) == "conv":
        shape = (C_OUT["conv"] if a is None else a, C_IN if b is None else b)
    else:
        shape = (C_IN if a is None else a, C_OUT["transpose"] if b is None else b)
    return np.ones((*shape, *(k,) * n))


def matching_dy(op: str, n: int, x, w, kwargs) -> np.ndarray:
    """``dy`` shaped like the forward output, or a placeholder when the arguments are invalid."""
    forward = getattr(convgrad, fn_name(family(op), n))
    kwargs = {k: v for k, v in kwargs.items() if k != "bias"}  # the backward's own flag
    try:
        return np.ones_like(forward(x, w, **kwargs))
    except (TypeError, ValueError):
        return np.ones(1)


DEFAULT = object()  # an argument left out of ``call``; None is a value like any other


def call(m, op: str, n: int, x=DEFAULT, w=DEFAULT, b=None, dy=DEFAULT, **kwargs):
    """Call ``op`` in ``n``-D from module ``m``; arguments left out are the valid defaults."""
    x = make_x(n) if x is DEFAULT else x
    w = make_w(op, n) if w is DEFAULT else w
    f = getattr(m, fn_name(op, n))
    if op in FORWARD_OPS:
        return f(x, w, b, **kwargs)
    dy = matching_dy(op, n, x, w, kwargs) if dy is DEFAULT else dy
    return f(dy, x, w, **kwargs)


def results(r) -> tuple:
    """A forward's ``y`` or a backward's ``(dx, dw, db)``, as a tuple of arrays."""
    return tuple(r) if isinstance(r, tuple) else (r,)


def assert_rejects(exc, fragments, m, op: str, n: int, **args) -> None:
    """``call(m, op, n, **args)`` raises ``exc``; its message holds the name and ``fragments``."""
    with pytest.raises(exc) as info:
        call(m, op, n, **args)
    message = str(info.value)
    assert type(info.value) is exc, f"{type(info.value).__name__}: {message}"
    assert message.startswith(fn_name(op, n) + ":"), message
    for fragment in fragments:
        if isinstance(fragment, str) and fragment.isidentifier():  # an argument's name
            assert re.search(rf"\b{re.escape(fragment)}\b", message), (fragment, message)
        else:
            assert str(fragment) in message, (fragment, message)


# --- dimensions and channels -------------------------------------------------------------------


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("extra", [-1, 1], ids=["too_few", "too_many"])
def test_x_with_wrong_number_of_dimensions(m, op, n, extra):
    # n + 1 (unbatched) and n + 2 (batched) are valid; n and n + 3 are not
    x = np.ones((C_IN, *(SIZE,) * (n - 1))) if extra < 0 else np.ones((1, *make_x(n).shape))
    assert_rejects(ValueError, ["x", x.shape], m, op, n, x=x)


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("extra", [-1, 1], ids=["too_few", "too_many"])
def test_w_with_wrong_number_of_dimensions(m, op, n, extra):
    w = make_w(op, n)
    w = w[0] if extra < 0 else w[None]
    assert_rejects(ValueError, ["w", w.shape], m, op, n, w=w)


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
def test_groups_must_divide_input_channels(m, op, n):
    x = make_x(n)  # C_in = 4, groups = 3
    w = make_w(op, n, 6, 1) if family(op) == "conv" else make_w(op, n, C_IN, 1)
    assert_rejects(ValueError, ["groups", x.shape], m, op, n, x=x, w=w, groups=3)


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
def test_groups_must_divide_output_channels(m, op, n):
    w = make_w(op, n, 5, 2)  # C_out = 5, groups = 2, C_in = 4
    assert_rejects(ValueError, ["groups", w.shape], m, op, n, w=w, groups=2)


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize(("groups", "per_group"), [(1, 3), (1, 8), (2, 4), (4, 4)])
def test_w_in_channels_must_be_c_in_over_groups(m, op, n, groups, per_group):
    x, w = make_x(n), make_w(op, n, 8, per_group)
    assert_rejects(ValueError, ["w", x.shape, w.shape], m, op, n, x=x, w=w, groups=groups)


@modules_dims
@pytest.mark.parametrize("op", TRANSPOSE_OPS)
@pytest.mark.parametrize("rows", [C_IN - 1, C_IN + 1, 2 * C_IN])
def test_transposed_w_rows_must_be_c_in(m, op, n, rows):
    x, w = make_x(n), make_w(op, n, rows, 3)
    assert_rejects(ValueError, ["w", x.shape, w.shape], m, op, n, x=x, w=w)


@modules
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("where", ["x_channels", "x_spatial", "w_out", "w_in", "w_kernel"])
def test_empty_dimensions_are_rejected(m, op, where):
    n = 2
    x, w = make_x(n), make_w(op, n)
    if where == "x_channels":
        x = make_x(n, channels=0)
    elif where == "x_spatial":
        x = np.ones((N, C_IN, SIZE, 0))
    elif where == "w_out":
        w = np.ones((0, *w.shape[1:]))
    elif where == "w_in":
        w = np.ones((w.shape[0], 0, *w.shape[2:]))
    else:
        w = np.ones((*w.shape[:-1], 0))
    name, shape = ("x", x.shape) if where.startswith("x") else ("w", w.shape)
    assert_rejects(ValueError, [name, shape], m, op, n, x=x, w=w)


@modules
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("name", ["x", "w"])
def test_zero_dimensional_arrays_are_rejected(m, op, name):
    assert_rejects(ValueError, [name, "()"], m, op, 2, **{name: np.array(1.0)})


@modules
@pytest.mark.parametrize("op", FORWARD_OPS)
def test_zero_dimensional_bias_is_rejected(m, op):
    assert_rejects(ValueError, ["b", "()"], m, op, 2, b=np.array(1.0))


@modules
@pytest.mark.parametrize("op", BACKWARD_OPS)
def test_zero_dimensional_dy_is_rejected(m, op):
    assert_rejects(ValueError, ["dy", "()"], m, op, 2, dy=np.array(1.0))


# --- kernel against input ----------------------------------------------------------------------


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize(
    ("k", "padding", "dilation"),
    [(6, 0, 1), (8, 1, 1), (3, 0, 3), (7, "pairs_1_0", 1), (3, 1, 4)],
    ids=["kernel", "kernel_padded", "dilated", "asymmetric_padding", "dilated_padded"],
)
def test_kernel_larger_than_padded_input(m, op, n, k, padding, dilation):
    if padding == "pairs_1_0":
        padding = ((1, 0),) * n  # padded size 6 < 7
    x, w = make_x(n), make_w(op, n, k=k)
    assert_rejects(
        ValueError, ["kernel", x.shape], m, op, n, x=x, w=w, padding=padding, dilation=dilation
    )


# --- stride, dilation, padding, output_padding: values ---------------------------------------


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("name", ["stride", "dilation"])
@pytest.mark.parametrize("value", [0, -1, "one_zero"])
def test_stride_and_dilation_below_one(m, op, n, name, value):
    if value == "one_zero":
        value = (1,) * (n - 1) + (0,)
    assert_rejects(ValueError, [name, repr(value)], m, op, n, **{name: value})


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("form", ["int", "per_dim", "pairs"])
def test_negative_padding(m, op, n, form):
    value = {
        "int": -1,
        "per_dim": (0,) * (n - 1) + (-1,),
        "pairs": ((0, 0),) * (n - 1) + ((1, -1),),
    }[form]
    assert_rejects(ValueError, ["padding", ">= 0"], m, op, n, padding=value)


@modules_dims
@pytest.mark.parametrize("op", TRANSPOSE_OPS)
@pytest.mark.parametrize("value", [-1, "last"])
def test_negative_output_padding(m, op, n, value):
    value = (0,) * (n - 1) + (-1,) if value == "last" else value
    assert_rejects(ValueError, ["output_padding"], m, op, n, output_padding=value, stride=2)


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize("value", ["SAME", "Valid", "full", "causal", "", " same"])
def test_unknown_padding_string(m, op, n, value):
    assert_rejects(
        ValueError, ["padding", repr(value), "'same'", "'valid'"], m, op, n, padding=value
    )


@modules_dims
@pytest.mark.parametrize("op", TRANSPOSE_OPS)
@pytest.mark.parametrize("value", ["same", "valid"])
def test_padding_string_for_transposed_convolution(m, op, n, value):
    assert_rejects(ValueError, ["padding", repr(value)], m, op, n, padding=value)


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize("mode", ["zero", "ZEROS", "reflection", "constant", "wrap", ""])
def test_unknown_padding_mode(m, op, n, mode):
    assert_rejects(
        ValueError, ["padding_mode", repr(mode), "circular"], m, op, n, padding=1, padding_mode=mode
    )


@modules
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize("mode", [None, 0, ("zeros",)])
def test_padding_mode_that_is_not_a_string(m, op, mode):
    with pytest.raises((TypeError, ValueError), match="padding_mode"):
        call(m, op, 2, padding=1, padding_mode=mode)


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize("padding", ["equal", "greater", "after_only", "same"])
def test_reflect_padding_as_large_as_the_input(m, op, n, padding):
    k = K
    if padding == "equal":
        padding = SIZE
    elif padding == "greater":
        padding = SIZE + 1
    elif padding == "after_only":
        padding = ((0, 0),) * (n - 1) + ((0, SIZE),)
    else:
        k = 2 * SIZE + 1  # "same" pads SIZE on each side
    x, w = make_x(n), make_w(op, n, k=k)
    assert_rejects(
        ValueError,
        ["reflect", x.shape],
        m,
        op,
        n,
        x=x,
        w=w,
        padding=padding,
        padding_mode="reflect",
    )


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize("padding", ["greater", "before_only"])
def test_circular_padding_larger_than_the_input(m, op, n, padding):
    if padding == "greater":
        padding = SIZE + 1
    else:
        padding = ((SIZE + 1, 0),) + ((0, 0),) * (n - 1)
    x = make_x(n)
    assert_rejects(
        ValueError, ["circular", x.shape], m, op, n, x=x, padding=padding, padding_mode="circular"
    )


@modules_dims
@pytest.mark.parametrize("op", TRANSPOSE_OPS)
@pytest.mark.parametrize(
    ("stride", "dilation", "output_padding"),
    [(1, 1, 1), (2, 1, 2), (2, 3, 3), (1, 2, 2), (3, 2, 5)],
)
def test_output_padding_not_smaller_than_stride_or_dilation(
    m, op, n, stride, dilation, output_padding
):
    assert_rejects(
        ValueError,
        ["output_padding", "stride", "dilation"],
        m,
        op,
        n,
        stride=stride,
        dilation=dilation,
        output_padding=output_padding,
    )


@modules_dims
@pytest.mark.parametrize("op", TRANSPOSE_OPS)
def test_output_padding_checked_per_dimension(m, op, n):
    stride = (2,) * n
    output_padding = (1,) * (n - 1) + (2,)
    assert_rejects(
        ValueError,
        ["output_padding", "stride", "dilation"],
        m,
        op,
        n,
        stride=stride,
        output_padding=output_padding,
    )


@modules_dims
@pytest.mark.parametrize("op", TRANSPOSE_OPS)
@pytest.mark.parametrize("padding", ["int", "pairs"])
def test_transposed_padding_that_crops_everything(m, op, n, padding):
    # uncropped output: (5 - 1) * 1 + (3 - 1) + 1 = 7
    padding = 4 if padding == "int" else ((0, 0),) * (n - 1) + ((0, 7),)
    x = make_x(n)
    assert_rejects(ValueError, ["padding", x.shape], m, op, n, x=x, padding=padding)


# --- bias and dy -------------------------------------------------------------------------------


@modules_dims
@pytest.mark.parametrize("op", FORWARD_OPS)
@pytest.mark.parametrize("shape", ["short", "long", "column", "c_in"])
def test_bias_of_the_wrong_shape(m, op, n, shape):
    c_out = C_OUT[op]
    b = np.ones(
        {"short": (c_out - 1,), "long": (c_out + 1,), "column": (c_out, 1), "c_in": (C_IN,)}[shape]
    )
    assert_rejects(ValueError, ["b", b.shape, f"({c_out},)"], m, op, n, b=b)


@modules_dims
@pytest.mark.parametrize("op", BACKWARD_OPS)
@pytest.mark.parametrize(
    "change", ["batch", "channels", "last_spatial", "first_spatial", "no_batch", "extra_dim"]
)
def test_dy_not_shaped_like_the_forward_output(m, op, n, change):
    x, w = make_x(n), make_w(op, n)
    good = matching_dy(op, n, x, w, {}).shape
    shape = {
        "batch": (good[0] + 1, *good[1:]),
        "channels": (good[0], good[1] - 1, *good[2:]),
        "last_spatial": (*good[:-1], good[-1] + 1),
        "first_spatial": (*good[:2], good[2] - 1, *good[3:]),
        "no_batch": good[1:],
        "extra_dim": (1, *good),
    }[change]
    dy = np.ones(shape)
    assert_rejects(ValueError, ["dy", good, shape], m, op, n, x=x, w=w, dy=dy)


@modules_dims
@pytest.mark.parametrize("op", BACKWARD_OPS)
def test_batched_dy_for_unbatched_x(m, op, n):
    x, w = make_x(n)[0], make_w(op, n)
    good = matching_dy(op, n, x, w, {}).shape
    dy = np.ones((1, *good))
    assert_rejects(ValueError, ["dy", good, dy.shape], m, op, n, x=x, w=w, dy=dy)


# --- tuples of the wrong length ----------------------------------------------------------------


OP_NAMES = [(op, name) for op in CONV_OPS for name in ("stride", "padding", "dilation")] + [
    (op, name)
    for op in TRANSPOSE_OPS
    for name in ("stride", "padding", "dilation", "output_padding")
]


@modules_dims
@pytest.mark.parametrize(("op", "name"), OP_NAMES)
@pytest.mark.parametrize("delta", [-1, 1], ids=["short", "long"])
def test_tuple_of_the_wrong_length(m, op, n, name, delta):
    value = (1 if name != "output_padding" else 0,) * (n + delta)
    assert_rejects(ValueError, [name, repr(value)], m, op, n, **{name: value})


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("form", ["too_many_pairs", "too_few_pairs", "triple", "single"])
def test_padding_pairs_of_the_wrong_length(m, op, n, form):
    value = {
        "too_many_pairs": ((1, 1),) * (n + 1),
        "too_few_pairs": ((1, 1),) * (n - 1) if n > 1 else ((),),
        "triple": ((1, 1, 1),) + ((1, 1),) * (n - 1),
        "single": ((1,),) * n,
    }[form]
    assert_rejects(ValueError, ["padding"], m, op, n, padding=value)


@modules
@pytest.mark.parametrize("op", BACKWARD_OPS)
@pytest.mark.parametrize(
    "value", [np.array([True, False]), np.ones(3), "no"], ids=["bool_array", "b_array", "str"]
)
def test_bias_flag_that_is_not_a_bool(m, op, value):
    # bias= says whether to return db; an array or a string there is a mistake (b passed as bias?)
    # and must not reach NumPy's "truth value of an array is ambiguous"
    assert_rejects(TypeError, ["bias"], m, op, 2, bias=value)


# --- types of the integer arguments ------------------------------------------------------------

NOT_INTS = [1.0, 2.5, True, False, None, np.float64(1.0), np.bool_(True), 1 + 0j, "floats"]


@modules
@pytest.mark.parametrize(("op", "name"), OP_NAMES)
@pytest.mark.parametrize("value", NOT_INTS, ids=repr)
def test_integer_arguments_that_are_not_ints(m, op, name, value):
    n = 2
    if isinstance(value, str):
        value = (1.0,) * n if name != "output_padding" else (0.0,) * n
    assert_rejects(TypeError, [name], m, op, n, **{name: value})


@modules
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("name", ["stride", "dilation"])
def test_bools_inside_a_tuple(m, op, name):
    assert_rejects(TypeError, [name], m, op, 2, **{name: (1, True)})


@modules
@pytest.mark.parametrize("op", ALL_OPS)
def test_padding_pairs_holding_floats(m, op):
    assert_rejects(TypeError, ["padding"], m, op, 2, padding=((1, 1), (1.0, 1)))


@modules
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize(
    "value", [1.0, 2.0, True, "1", None, np.float64(1.0), np.bool_(True)], ids=repr
)
def test_groups_that_is_not_an_int(m, op, value):
    assert_rejects(TypeError, ["groups"], m, op, 2, groups=value)


@modules
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize("value", [0, -1, -4])
def test_groups_below_one(m, op, value):
    assert_rejects(ValueError, ["groups"], m, op, 2, groups=value)


@modules
@pytest.mark.parametrize("n", [1, 2])
@pytest.mark.parametrize(("op", "name"), OP_NAMES)
@pytest.mark.parametrize("dtype", [float, bool])
def test_numpy_arrays_of_non_ints(m, op, n, name, dtype):
    value = np.full(n, 1 if name != "output_padding" else 0, dtype=dtype)
    assert_rejects(TypeError, [name], m, op, n, **{name: value})


# --- arrays that are not arrays of real numbers ------------------------------------------------

BAD_DTYPES = {
    "str": lambda shape: np.full(shape, "a"),
    "bytes": lambda shape: np.full(shape, b"a"),
    "object": lambda shape: np.ones(shape, dtype=object),
    "complex": lambda shape: np.ones(shape, dtype=complex),
    "complex64": lambda shape: np.ones(shape, dtype=np.complex64),
    "datetime": lambda shape: np.zeros(shape, dtype="M8[s]"),
    "timedelta": lambda shape: np.zeros(shape, dtype="m8[s]"),
    "longdouble": lambda shape: np.ones(shape, dtype=np.longdouble),
    "structured": lambda shape: np.zeros(shape, dtype=[("a", "f8")]),
}


def _valid_arrays(op: str, n: int) -> dict[str, np.ndarray]:
    x, w = make_x(n), make_w(op, n)
    if op in FORWARD_OPS:
        return {"x": x, "w": w, "b": np.ones(C_OUT[op])}
    return {"x": x, "w": w, "dy": matching_dy(op, n, x, w, {})}


OP_ARRAYS = [(op, name) for op in FORWARD_OPS for name in "xwb"] + [
    (op, name) for op in BACKWARD_OPS for name in ("dy", "x", "w")
]


@modules
@pytest.mark.parametrize(("op", "name"), OP_ARRAYS)
@pytest.mark.parametrize("kind", list(BAD_DTYPES))
def test_arrays_of_non_real_dtypes(m, op, name, kind):
    n = 2
    arrays = _valid_arrays(op, n)
    if kind == "longdouble" and np.dtype(np.longdouble).itemsize <= 8:
        pytest.skip("long double is float64 on this platform")
    arrays[name] = BAD_DTYPES[kind](arrays[name].shape)
    assert_rejects(TypeError, [name], m, op, n, **arrays)


@modules
@pytest.mark.parametrize(
    ("op", "name", "value"),
    [
        pytest.param(op, name, value, id=f"{op}-{name}-{label}")
        for op, name in OP_ARRAYS
        for label, value in [("None", None), ("str", "abc"), ("object", object())]
        if not (name == "b" and value is None)  # b=None means no bias
    ],
)
def test_non_arrays(m, op, name, value):
    arrays = _valid_arrays(op, 1)
    arrays[name] = value
    assert_rejects(TypeError, [name], m, op, 1, **arrays)


@modules
@pytest.mark.parametrize(("op", "name"), OP_ARRAYS)
def test_ragged_lists(m, op, name):
    n = 1
    arrays = _valid_arrays(op, n)
    ragged = arrays[name].tolist()
    if name == "b":
        ragged[-1] = [1.0, 2.0]
    else:
        ragged[-1][-1] = ragged[-1][-1][:-1]  # one row one element short
    assert_rejects(TypeError, [name], m, op, n, **arrays | {name: ragged})


# --- odd inputs that must be accepted ----------------------------------------------------------


def _out_size(op: str, size: int, k: int) -> int:
    """Output length with stride 1, no padding, no dilation."""
    return size - k + 1 if family(op) == "conv" else size + k - 1


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
def test_empty_batch_gives_empty_results(m, op, n):
    # PyTorch accepts N = 0 and returns (0, C_out, *out); gradients of the weights are zero
    x, w = make_x(n, batch=0), make_w(op, n)
    out = (_out_size(op, SIZE, K),) * n
    c_out = C_OUT[family(op)]
    if op in FORWARD_OPS:
        y = call(m, op, n, x=x, w=w, b=np.ones(c_out))
        assert y.shape == (0, c_out, *out)
        return
    dx, dw, db = call(m, op, n, x=x, w=w, dy=np.ones((0, c_out, *out)))
    assert dx.shape == x.shape
    np.testing.assert_array_equal(dw, np.zeros(w.shape))
    np.testing.assert_array_equal(db, np.zeros(c_out))


@modules_dims
@pytest.mark.parametrize("op", CONV_OPS)
@pytest.mark.parametrize("stride", [SIZE, 10**9, 2**62], ids=["size", "1e9", "2**62"])
def test_stride_larger_than_the_input_gives_one_output(m, op, n, stride):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, 2, *(SIZE,) * n))
    w = rng.standard_normal((3, 2, *(K,) * n))
    first = (slice(None), slice(None), *(slice(0, 1),) * n)
    if op == "conv":
        y = call(m, op, n, x=x, w=w, stride=stride)
        np.testing.assert_allclose(y, call(m, op, n, x=x, w=w)[first], rtol=1e-12)
        return
    dy = rng.standard_normal((1, 3, *(1,) * n))
    full_dy = np.zeros((1, 3, *(SIZE - K + 1,) * n))
    full_dy[first] = dy
    got = call(m, op, n, x=x, w=w, dy=dy, stride=stride)
    expected = call(m, op, n, x=x, w=w, dy=full_dy)
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-12)


@modules_dims
@pytest.mark.parametrize("op", TRANSPOSE_OPS)
def test_huge_stride_on_a_single_pixel_transposed(m, op, n):
    # one input pixel: the stride never applies, so any stride gives the stride-1 answer
    rng = np.random.default_rng(1)
    x = rng.standard_normal((1, 2, *(1,) * n))
    w = rng.standard_normal((2, 3, *(K,) * n))
    got = results(call(m, op, n, x=x, w=w, stride=10**9))
    expected = results(call(m, op, n, x=x, w=w, stride=1))
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_allclose(g, e, rtol=1e-12)


@modules_dims
@pytest.mark.parametrize("op", ALL_OPS)
@pytest.mark.parametrize(
    "form",
    [
        "numpy_int",
        "numpy_elements",
        "list",
        "list_of_lists",
        "numpy_groups",
        "numpy_arrays",
        "numpy_0d_arrays",
        "numpy_pairs",
    ],
)
def test_integer_like_arguments_are_accepted(m, op, n, form):
    rng = np.random.default_rng(2)
    x = rng.standard_normal((1, 2, *(4,) * n))
    w = rng.standard_normal((2, 1, *(2,) * n))
    plain = dict(stride=2, padding=1, dilation=1, groups=2)
    given = {
        "numpy_int": dict(stride=np.int64(2), padding=np.int32(1), dilation=np.uint8(1)),
        "numpy_elements": dict(stride=tuple(np.array([2] * n)), padding=tuple(np.ones(n, int))),
        "list": dict(stride=[2] * n, padding=[1] * n, dilation=[1] * n),
        "list_of_lists": dict(padding=[[1, 1]] * n),
        "numpy_groups": dict(groups=np.int64(2)),
        "numpy_arrays": dict(stride=np.array([2] * n), padding=np.ones(n, np.int32)),
        "numpy_0d_arrays": dict(stride=np.array(2), padding=np.array(1), dilation=np.array(1)),
        "numpy_pairs": dict(padding=np.ones((n, 2), int)),
    }[form]
    got = results(call(m, op, n, x=x, w=w, **plain | given))
    expected = results(call(m, op, n, x=x, w=w, **plain))
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_array_equal(g, e)


@modules_dims
@pytest.mark.parametrize(
    ("k", "padding", "padding_mode"),
    [(7, 1, "zeros"), (3, SIZE - 1, "reflect"), (3, SIZE, "circular"), (3, SIZE, "replicate")],
    ids=["kernel_fills_padded_input", "reflect_size_minus_one", "circular_size", "replicate"],
)
def test_padding_at_the_limits_is_accepted(m, n, k, padding, padding_mode):
    x, w = np.ones((1, 1, *(SIZE,) * n)), np.ones((1, 1, *(k,) * n))
    y = call(m, "conv", n, x=x, w=w, padding=padding, padding_mode=padding_mode)
    assert y.shape == (1, 1, *(SIZE + 2 * padding - k + 1,) * n)


# --- every public function, every argument, bad values -----------------------------------------
#
# Each entry is a valid call (``name -> (function, keyword arguments)``); the sweep replaces one
# argument at a time by a bad value (wrong type, NaN, infinity, a nested list, a size that would
# need terabytes...). A call may succeed (some replacements are valid: a numpy int for a stride)
# but must otherwise raise ValueError or TypeError with one line, starting with the function's
# or layer's name: never an AttributeError, IndexError, ZeroDivisionError, OverflowError,
# MemoryError or a NumPy error. The table after it pins, for the rules fixed here, that the
# message names the argument.

from convgrad import data as cg_data  # noqa: E402
from convgrad import nn as cg_nn  # noqa: E402
from convgrad import optim as cg_optim  # noqa: E402
from convgrad.optim import lr_scheduler  # noqa: E402


def _params():
    return [cg_nn.Parameter(np.ones(3))]


def _public_calls():
    calls = {}
    for n in (1, 2, 3):
        sp, k = (6,) * n, (3,) * n
        calls[f"conv{n}d"] = (
            f"conv{n}d",
            dict(
                input=np.ones((2, 3, *sp)),
                weight=np.ones((4, 3, *k)),
                bias=np.ones(4),
                stride=1,
                padding=0,
                dilation=1,
                groups=1,
                padding_mode="zeros",
            ),
        )
        calls[f"conv{n}d_backward"] = (
            f"conv{n}d_backward",
            dict(
                dy=np.ones((2, 4, *(4,) * n)),
                x=np.ones((2, 3, *sp)),
                w=np.ones((4, 3, *k)),
                stride=1,
                padding=0,
                dilation=1,
                groups=1,
                padding_mode="zeros",
                bias=True,
            ),
        )
        calls[f"conv_transpose{n}d"] = (
            f"conv_transpose{n}d",
            dict(
                input=np.ones((2, 3, *sp)),
                weight=np.ones((3, 4, *k)),
                bias=np.ones(4),
                stride=2,
                padding=1,
                output_padding=1,
                groups=1,
                dilation=1,
            ),
        )
        calls[f"conv_transpose{n}d_backward"] = (
            f"conv_transpose{n}d_backward",
            dict(
                dy=np.ones((2, 4, *(12,) * n)),
                x=np.ones((2, 3, *sp)),
                w=np.ones((3, 4, *k)),
                stride=2,
                padding=1,
                output_padding=1,
                groups=1,
                dilation=1,
                bias=True,
            ),
        )
    x4, dy4 = np.ones((2, 3, 6, 6)), np.ones((2, 3, 4, 4))
    calls |= {
        "max_pool2d": (
            "max_pool2d",
            dict(
                input=x4,
                kernel_size=2,
                stride=2,
                padding=1,
                dilation=1,
                ceil_mode=False,
                return_indices=False,
            ),
        ),
        "max_pool2d_backward": (
            "max_pool2d_backward",
            dict(dy=dy4, x=x4, kernel_size=2, stride=2, padding=1, dilation=1, ceil_mode=False),
        ),
        "avg_pool2d": (
            "avg_pool2d",
            dict(
                input=x4,
                kernel_size=2,
                stride=2,
                padding=1,
                ceil_mode=False,
                count_include_pad=True,
                divisor_override=None,
            ),
        ),
        "avg_pool2d_backward": (
            "avg_pool2d_backward",
            dict(
                dy=dy4,
                x=x4,
                kernel_size=2,
                stride=2,
                padding=1,
                ceil_mode=False,
                count_include_pad=True,
                divisor_override=None,
            ),
        ),
        "adaptive_avg_pool2d": ("adaptive_avg_pool2d", dict(input=x4, output_size=(3, 2))),
        "adaptive_avg_pool2d_backward": (
            "adaptive_avg_pool2d_backward",
            dict(dy=np.ones((2, 3, 3, 2)), x=x4, output_size=(3, 2)),
        ),
        "relu": ("relu", dict(input=np.ones((2, 3)), inplace=False)),
        "leaky_relu": (
            "leaky_relu",
            dict(input=np.ones((2, 3)), negative_slope=0.1, inplace=False),
        ),
        "leaky_relu_backward": (
            "leaky_relu_backward",
            dict(dy=np.ones((2, 3)), x=np.ones((2, 3)), negative_slope=0.1),
        ),
        "linear": ("linear", dict(input=np.ones((2, 3)), weight=np.ones((4, 3)), bias=np.ones(4))),
        "linear_backward": (
            "linear_backward",
            dict(dy=np.ones((2, 4)), x=np.ones((2, 3)), w=np.ones((4, 3)), bias=True),
        ),
        "batch_norm": (
            "batch_norm",
            dict(
                input=np.ones((2, 3, 4)),
                running_mean=np.zeros(3),
                running_var=np.ones(3),
                weight=np.ones(3),
                bias=np.zeros(3),
                training=False,
                momentum=0.1,
                eps=1e-5,
            ),
        ),
        "batch_norm_backward": (
            "batch_norm_backward",
            dict(
                dy=np.ones((2, 3, 4)),
                x=np.arange(24.0).reshape(2, 3, 4),
                running_mean=np.zeros(3),
                running_var=np.ones(3),
                weight=np.ones(3),
                training=True,
                eps=1e-5,
            ),
        ),
        "batch_norm_stats": (
            "batch_norm_stats",
            dict(
                x=np.arange(24.0).reshape(2, 3, 4),
                running_mean=np.zeros(3),
                running_var=np.ones(3),
                momentum=0.1,
            ),
        ),
        "cross_entropy": (
            "cross_entropy",
            dict(
                input=np.ones((2, 3)),
                target=np.array([0, 2]),
                weight=None,
                size_average=None,
                ignore_index=-100,
                reduce=None,
                reduction="mean",
                label_smoothing=0.1,
            ),
        ),
        "cross_entropy_backward": (
            "cross_entropy_backward",
            dict(
                dloss=1.0,
                input=np.ones((2, 3)),
                target=np.array([0, 2]),
                reduction="mean",
                label_smoothing=0.1,
            ),
        ),
        "mse_loss": (
            "mse_loss",
            dict(
                input=np.ones((2, 3)),
                target=np.zeros((2, 3)),
                size_average=None,
                reduce=None,
                reduction="mean",
                weight=None,
            ),
        ),
        "mse_loss_backward": (
            "mse_loss_backward",
            dict(dloss=1.0, input=np.ones((2, 3)), target=np.zeros((2, 3)), reduction="mean"),
        ),
        "gradcheck": (
            "gradcheck",
            dict(
                forward=np.sin,
                backward=lambda dy, x: (dy * np.cos(x),),
                inputs=(np.zeros(3),),
                mode="fast",
                eps=1e-6,
                atol=1e-5,
                rtol=1e-3,
                directions=3,
                seed=0,
            ),
        ),
        "Conv2d": (
            cg_nn.Conv2d,
            dict(
                in_channels=3,
                out_channels=4,
                kernel_size=3,
                stride=1,
                padding=0,
                dilation=1,
                groups=1,
                bias=True,
                padding_mode="zeros",
            ),
        ),
        "Conv1d": (cg_nn.Conv1d, dict(in_channels=3, out_channels=4, kernel_size=3)),
        "ConvTranspose2d": (
            cg_nn.ConvTranspose2d,
            dict(
                in_channels=3,
                out_channels=4,
                kernel_size=3,
                stride=2,
                padding=1,
                output_padding=1,
                groups=1,
                bias=True,
                dilation=1,
            ),
        ),
        "Linear": (cg_nn.Linear, dict(in_features=3, out_features=4, bias=True)),
        "LeakyReLU": (cg_nn.LeakyReLU, dict(negative_slope=0.1, inplace=False)),
        "MaxPool2d": (
            cg_nn.MaxPool2d,
            dict(kernel_size=2, stride=2, padding=1, dilation=1, ceil_mode=False),
        ),
        "AvgPool2d": (
            cg_nn.AvgPool2d,
            dict(
                kernel_size=2,
                stride=2,
                padding=1,
                ceil_mode=False,
                count_include_pad=True,
                divisor_override=None,
            ),
        ),
        "AdaptiveAvgPool2d": (cg_nn.AdaptiveAvgPool2d, dict(output_size=(3, 2))),
        "BatchNorm2d": (
            cg_nn.BatchNorm2d,
            dict(num_features=3, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True),
        ),
        "Dropout": (cg_nn.Dropout, dict(p=0.5)),
        "Flatten": (cg_nn.Flatten, dict(start_dim=1, end_dim=-1)),
        "CrossEntropyLoss": (cg_nn.CrossEntropyLoss, dict(reduction="mean", label_smoothing=0.1)),
        "MSELoss": (cg_nn.MSELoss, dict(reduction="mean")),
        "Parameter": (cg_nn.Parameter, dict(data=np.ones(3))),
        "manual_seed": (cg_nn.manual_seed, dict(seed=0)),
        "SGD": (
            cg_optim.SGD,
            dict(
                params=_params(), lr=0.1, momentum=0.9, dampening=0, weight_decay=0, nesterov=False
            ),
        ),
        "Adam": (
            cg_optim.Adam,
            dict(
                params=_params(),
                lr=1e-3,
                betas=(0.9, 0.999),
                eps=1e-8,
                weight_decay=0,
                amsgrad=False,
            ),
        ),
        "AdamW": (
            cg_optim.AdamW,
            dict(
                params=_params(),
                lr=1e-3,
                betas=(0.9, 0.999),
                eps=1e-8,
                weight_decay=0.01,
                amsgrad=False,
            ),
        ),
        "StepLR": (
            lr_scheduler.StepLR,
            dict(optimizer=cg_optim.SGD(_params(), lr=0.1), step_size=2, gamma=0.5, last_epoch=-1),
        ),
        "MultiStepLR": (
            lr_scheduler.MultiStepLR,
            dict(
                optimizer=cg_optim.SGD(_params(), lr=0.1),
                milestones=[2, 4],
                gamma=0.5,
                last_epoch=-1,
            ),
        ),
        "CosineAnnealingLR": (
            lr_scheduler.CosineAnnealingLR,
            dict(optimizer=cg_optim.SGD(_params(), lr=0.1), T_max=10, eta_min=0.0, last_epoch=-1),
        ),
        "batches": (
            cg_data.batches,
            dict(x=np.ones((10, 1, 4, 4)), y=np.arange(10), batch_size=3, shuffle=True, rng=0),
        ),
    }
    for name in ("relu", "sigmoid", "tanh"):
        calls[f"{name}_backward"] = (
            f"{name}_backward",
            dict(dy=np.ones((2, 3)), x=np.ones((2, 3))),
        )
    calls["sigmoid"] = ("sigmoid", dict(input=np.ones((2, 3))))
    calls["tanh"] = ("tanh", dict(input=np.ones((2, 3))))
    return calls


PUBLIC = _public_calls()
PUBLIC.update(
    {
        "tensor": ("tensor", dict(data=np.ones(3), requires_grad=True)),
        "Tensor": ("Tensor", dict(data=np.ones(3), requires_grad=True)),
        "cat": ("cat", dict(tensors=[np.ones(2), np.ones(3)], dim=0)),
        "stack": ("stack", dict(tensors=[np.ones(2), np.ones(2)], dim=0)),
        "no_grad": ("no_grad", {}),
    }
)
BAD_VALUES = {
    "None": None,
    "str": "abc",
    "float": 2.5,
    "bool": True,
    "numpy_int": np.int64(2),
    "numpy_float": np.float64(2.0),
    "nested_list": [[1, 2], [3]],
    "0d_array": np.array(2.0),
    "complex": 1 + 2j,
    "negative": -1,
    "zero": 0,
    "nan": float("nan"),
    "inf": float("inf"),
    "huge": 10**12,
    "complex_array": np.ones(3, complex),
    "empty_array": np.ones((0,)),
    "object": object(),
    "huge_float": 1e300,
    "bad_tuple": (1, "a"),
    "int_array": np.arange(3),
}


def _resolve(f):
    return getattr(convgrad, f) if isinstance(f, str) else f


def _consume(result):
    return list(result) if inspect.isgenerator(result) else result


def test_the_sweep_covers_every_public_function():
    callables = {name for name in convgrad.__all__ if callable(getattr(convgrad, name))}
    named = {f for f, _ in PUBLIC.values() if isinstance(f, str)}
    results_only = {"ConvGrads", "GradcheckReport", "InputReport", "LinearGrads", "BatchNormGrads"}
    assert callables - results_only <= named, callables - results_only - named


@pytest.mark.parametrize("name", PUBLIC)
def test_every_argument_with_bad_values_gets_one_clear_error(name):
    f, base = PUBLIC[name]
    f = _resolve(f)
    _consume(f(**base))  # the valid call works
    leaks = []
    for arg in base:
        for label, bad in BAD_VALUES.items():
            try:
                _consume(f(**{**base, arg: bad}))
            except (ValueError, TypeError) as err:
                message = str(err)
                if "\n" in message or not message:
                    leaks.append(f"{arg}={label}: not one line: {message!r}")
            except Exception as err:  # noqa: BLE001 - what the test is looking for
                leaks.append(f"{arg}={label}: {type(err).__name__}: {err}")
    assert not leaks, "\n".join(leaks)


# (call, exception type, the argument its message must name)
NAMED = [
    (
        lambda: convgrad.conv2d(np.ones((1, 1, 4, 4)), np.ones((1, 1, 3, 3)), padding=10**12),
        ValueError,
        "padding",
    ),
    (
        lambda: convgrad.conv1d(np.ones((1, 1, 4)), np.ones((1, 1, 3)), padding=10**13),
        ValueError,
        "padding",
    ),
    (
        lambda: convgrad.conv_transpose2d(
            np.ones((1, 1, 4, 4)), np.ones((1, 1, 3, 3)), stride=10**9
        ),
        ValueError,
        "stride",
    ),
    (
        lambda: convgrad.conv_transpose1d(np.ones((1, 1, 4)), np.ones((1, 1, 3)), dilation=10**13),
        ValueError,
        "dilation",
    ),
    (lambda: convgrad.max_pool2d(np.ones((1, 1, 4, 4)), 10**12), ValueError, "kernel_size"),
    (lambda: convgrad.adaptive_avg_pool2d(np.ones((1, 1, 4, 4)), 10**7), ValueError, "output_size"),
    (
        lambda: convgrad.adaptive_avg_pool2d_backward(
            np.ones((1, 1, 2, 2)), np.ones((1, 1, 4, 4)), 10**7
        ),
        ValueError,
        "output_size",
    ),
    (
        lambda: convgrad.max_pool2d(np.ones((1, 1, 4, 4)), 2, return_indices=1),
        TypeError,
        "return_indices",
    ),
    (lambda: convgrad.avg_pool2d_backward(None, np.ones((1, 1, 4, 4)), 2), TypeError, "dy"),
    (lambda: convgrad.batch_norm_backward(None, np.ones((2, 3))), TypeError, "dy"),
    (lambda: convgrad.batch_norm(np.ones((2, 3)), training=np.ones(3)), TypeError, "training"),
    (
        lambda: convgrad.batch_norm(np.ones((2, 3)), training=True, eps=float("inf")),
        ValueError,
        "eps",
    ),
    (
        lambda: convgrad.batch_norm(np.ones((2, 3)), training=True, momentum="a"),
        TypeError,
        "momentum",
    ),
    (
        lambda: convgrad.batch_norm_stats(np.ones((2, 3)), np.zeros(3), np.ones(3), float("nan")),
        ValueError,
        "momentum",
    ),
    (lambda: convgrad.cross_entropy(np.ones((2, 3)), [[0, 1], [2]]), TypeError, "target"),
    (
        lambda: convgrad.cross_entropy(
            np.ones((2, 3)), np.array([0, 1]), label_smoothing=float("nan")
        ),
        ValueError,
        "label_smoothing",
    ),
    (
        lambda: convgrad.cross_entropy(np.ones((2, 3)), np.array([0, 1]), ignore_index=1.5),
        TypeError,
        "ignore_index",
    ),
    (lambda: convgrad.relu(np.ones(2), inplace=None), TypeError, "inplace"),
    (lambda: convgrad.gradcheck(np.sin, np.cos, (np.ones(2),), eps=1e300), ValueError, "eps"),
    (lambda: convgrad.gradcheck(np.sin, np.cos, (np.ones(2),), seed="abc"), TypeError, "seed"),
    (lambda: convgrad.gradcheck(np.sin, np.cos, (np.ones(2),), seed=-1), TypeError, "seed"),
    (
        lambda: convgrad.gradcheck(np.sin, np.cos, (np.ones(2),), mode="fast", directions=10**12),
        ValueError,
        "directions",
    ),
    (lambda: convgrad.gradcheck(np.sin, np.cos, ([[1.0], [2.0, 3.0]],)), TypeError, "inputs"),
    (lambda: cg_nn.Conv2d(10**12, 4, 3), ValueError, "in_channels"),
    (lambda: cg_nn.Conv1d(3, 10**12, 3), ValueError, "out_channels"),
    (lambda: cg_nn.Conv1d(3, 4, 10**12), ValueError, "kernel_size"),
    (lambda: cg_nn.ConvTranspose2d(3, 10**12, 3), ValueError, "out_channels"),
    (lambda: cg_nn.Linear(10**12, 4), ValueError, "in_features"),
    (lambda: cg_nn.Linear(3, 4, dtype="complex128"), TypeError, "dtype"),
    (lambda: cg_nn.Linear(3, 4, dtype="nonsense"), TypeError, "dtype"),
    (lambda: cg_nn.Conv2d(3, 4, 3, rng=0), TypeError, "rng"),
    (lambda: cg_nn.BatchNorm2d(10**12), ValueError, "num_features"),
    (lambda: cg_nn.BatchNorm2d(3, affine=np.ones(2)), TypeError, "affine"),
    (lambda: cg_nn.BatchNorm2d(3, momentum=float("nan")), ValueError, "momentum"),
    (lambda: cg_nn.BatchNorm2d(3, eps=float("inf")), ValueError, "eps"),
    (lambda: cg_nn.Conv2d(3, 4, 3, padding_mode=np.ones(2)), ValueError, "padding_mode"),
    (lambda: cg_nn.Parameter([[1.0], [2.0, 3.0]]), TypeError, "data"),
    (lambda: cg_nn.Parameter(np.array(["a"])), TypeError, "data"),
    (lambda: cg_nn.Linear(2, 3).load_state_dict({}, strict="yes"), TypeError, "strict"),
    (lambda: cg_nn.manual_seed("abc"), TypeError, "seed"),
    (lambda: cg_nn.manual_seed(-1), TypeError, "seed"),
    (
        lambda: lr_scheduler.MultiStepLR(cg_optim.SGD(_params(), lr=0.1), milestones=3),
        TypeError,
        "milestones",
    ),
    (lambda: cg_data.batches(None, np.arange(3), 2), TypeError, "x"),
    (lambda: cg_data.batches(np.ones(3), [[1], [2, 3]], 2), TypeError, "y"),
    (lambda: cg_data.batches(np.ones(3), np.ones(3), 2, shuffle=np.ones(2)), TypeError, "shuffle"),
    (lambda: cg_data.batches(np.ones(3), np.ones(3), 2, shuffle=True, rng="abc"), TypeError, "rng"),
    (lambda: cg_data.batches(np.ones(3), np.ones(3), 2, shuffle=True, rng=-1), TypeError, "rng"),
]


@pytest.mark.parametrize(
    ("call", "exc", "name"), NAMED, ids=[f"{i}-{n}" for i, (_, _, n) in enumerate(NAMED)]
)
def test_bad_argument_is_refused_naming_it(call, exc, name):
    with pytest.raises(exc) as info:
        call()
    message = str(info.value)
    assert type(info.value) is exc, f"{type(info.value).__name__}: {message}"
    assert re.search(rf"\b{re.escape(name)}\b", message), message
    assert "\n" not in message


# --- the spec caches (_args.spec_cache) --------------------------------------------------------


@pytest.mark.parametrize(
    "bad, error",
    [
        (dict(stride=True), TypeError),  # True == 1: a cached stride=1 must not let it through
        (dict(stride=(1, True)), TypeError),
        (dict(groups=True), TypeError),
        (dict(padding=1.0), TypeError),
        (dict(dilation=0), ValueError),
    ],
)
def test_a_cached_spec_does_not_let_an_equal_but_bad_argument_through(bad, error):
    x, w = np.zeros((2, 4, 5, 5)), np.zeros((6, 4, 3, 3))
    good = dict(stride=1, padding=1, dilation=1, groups=1)
    convgrad.conv2d(x, w, **good)
    convgrad.conv2d(x, w, **good)  # now cached
    with pytest.raises(error, match=r"^conv2d: \w+ must"):
        convgrad.conv2d(x, w, **(good | bad))


def test_cached_specs_follow_the_shapes_and_arguments():
    from convgrad import _args, pooling

    rng = np.random.default_rng(0)
    w = rng.standard_normal((6, 4, 3, 3))
    for size, stride, padding in [(5, 1, 1), (7, 1, 1), (7, 2, 1), (7, 2, (0, 1)), (7, [2, 1], 1)]:
        x = rng.standard_normal((2, 4, size, size))
        for _ in range(2):  # the second call from the cache, where the arguments allow one
            y = convgrad.conv2d(x, w, stride=stride, padding=padding)
            expected = reference.conv2d(x, w, stride=stride, padding=padding)
            np.testing.assert_allclose(y, expected, rtol=1e-12, atol=1e-12)
    spec = _args.conv_spec("conv2d", 2, x, w, None, 2, 1, 1, 1, "zeros")
    assert _args.conv_spec("conv2d", 2, x, w, None, 2, 1, 1, 1, "zeros") is spec
    assert _args.conv_spec("conv2d", 2, x[:1], w, None, 2, 1, 1, 1, "zeros") is not spec
    p = pooling.pool_spec("max_pool2d", x, 2, None, 0, 1, False)
    assert pooling.pool_spec("max_pool2d", x, 2, None, 0, 1, False) is p
    assert pooling.pool_spec("max_pool2d", x, 3, None, 0, 1, False).out_spatial == (2, 2)
    with pytest.raises(TypeError, match="ceil_mode"):
        pooling.pool_spec("max_pool2d", x, 2, None, 0, 1, 0)  # 0 == False, and not a flag


def test_the_spec_cache_is_bounded(monkeypatch):
    from convgrad import _args

    monkeypatch.setattr(_args, "SPEC_CACHE", 4)
    w = np.zeros((1, 1, 1, 1))
    for size in range(1, 20):
        _args.conv_spec("conv2d", 2, np.zeros((1, 1, size, 1)), w, None, 1, 0, 1, 1, "zeros")
        assert len(_args.conv_spec.cache) <= 4
