"""What every public function promises about its arrays, whatever the convolution computes.

- Inputs are never modified: they may be read-only, and they equal their copies afterwards.
- Outputs are fresh, writeable arrays sharing no memory with any input, even where the answer is
  the input itself up to a scale (a 1x1 kernel, stride 1, no padding) or a view would be easy
  (groups == channels, unbatched input).
- Memory layout does not matter: Fortran order, channels-last, strided slices, negative strides,
  broadcast (zero-stride) and unaligned arrays give the answers of their contiguous copies.
- The dtype rule of :mod:`convgrad._args` holds for every output (``y``, ``dx``, ``dw``, ``db``),
  and lower-precision results stay close to float64 ones.
- Nested lists of numbers are accepted.

Tests run the fast module and the reference loops over the four operations (``conv``,
``conv_backward``, ``transpose``, ``transpose_backward``): in 1-D, 2-D and 3-D where it is
cheap, in 2-D (or 1-D, for np.matrix) otherwise. Inputs are small and random (seeded).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest

import convgrad
from convgrad import reference

OPS = ("conv", "conv_backward", "transpose", "transpose_backward")
modules = pytest.mark.parametrize("m", [convgrad, reference], ids=["fast", "reference"])
dims = pytest.mark.parametrize("n", [1, 2, 3])
# for the slower checks: the fast module in every dimension, the reference loops (the same code
# in every dimension) in 2-D
modules_dims = pytest.mark.parametrize(
    ("m", "n"),
    [(convgrad, 1), (convgrad, 2), (convgrad, 3), (reference, 2)],
    ids=["fast-1d", "fast-2d", "fast-3d", "reference-2d"],
)


@dataclass(frozen=True)
class Config:
    """One convolution: shapes and keyword arguments, for plain and transposed convolutions."""

    batch: int | None  # None: unbatched x (C_in, *spatial)
    c_in: int
    c_out: int
    kernel: int
    size: int
    conv: dict = field(default_factory=dict)
    transpose: dict | None = field(default_factory=dict)  # None: plain convolutions only


CONFIGS = {
    "strided_padded": Config(
        batch=2,
        c_in=2,
        c_out=4,
        kernel=3,
        size=5,
        conv=dict(stride=2, padding=1),
        transpose=dict(stride=2, padding=1, output_padding=1),
    ),
    "groups_dilation": Config(
        batch=2,
        c_in=4,
        c_out=2,
        kernel=2,
        size=5,
        conv=dict(groups=2, dilation=2, padding="same"),
        transpose=dict(groups=2, dilation=2, padding=(1, 0)),
    ),
    # y = w @ x, pixel by pixel: the easiest case in which to hand back a view by mistake
    "one_by_one": Config(batch=2, c_in=3, c_out=3, kernel=1, size=4),
    "depthwise_one_by_one": Config(
        batch=1, c_in=3, c_out=3, kernel=1, size=3, conv=dict(groups=3), transpose=dict(groups=3)
    ),
    "unbatched": Config(batch=None, c_in=2, c_out=2, kernel=1, size=3),
    "single_pixel": Config(batch=1, c_in=1, c_out=1, kernel=1, size=1),
    "kernel_fills_input": Config(batch=1, c_in=2, c_out=2, kernel=4, size=4),
    "reflect": Config(
        batch=2,
        c_in=2,
        c_out=2,
        kernel=2,
        size=4,
        conv=dict(padding=2, padding_mode="reflect"),
        transpose=None,
    ),
    "replicate": Config(
        batch=1,
        c_in=2,
        c_out=2,
        kernel=3,
        size=4,
        conv=dict(padding=(1, 0), padding_mode="replicate"),
        transpose=None,
    ),
    "circular": Config(
        batch=1,
        c_in=2,
        c_out=2,
        kernel=3,
        size=3,
        conv=dict(padding=3, padding_mode="circular"),
        transpose=None,
    ),
}


def family(op: str) -> str:
    return "conv" if op.startswith("conv") else "transpose"


def fn_name(op: str, n: int) -> str:
    base = "conv" if family(op) == "conv" else "conv_transpose"
    return f"{base}{n}d" + ("_backward" if op.endswith("backward") else "")


def kwargs_of(config: Config, op: str, n: int) -> dict:
    kwargs = dict(config.conv if family(op) == "conv" else config.transpose)
    if isinstance(kwargs.get("padding"), tuple):  # one (before, after) pair, for every dimension
        kwargs["padding"] = (kwargs["padding"],) * n
    return kwargs


def cases(configs=CONFIGS) -> list:
    """``(op, config name)`` for every operation each configuration applies to."""
    return [
        pytest.param(op, name, id=f"{op}-{name}")
        for name, config in configs.items()
        for op in OPS
        if family(op) == "conv" or config.transpose is not None
    ]


def make_inputs(op: str, n: int, name: str, seed: int = 0) -> dict[str, np.ndarray]:
    """Random float64 inputs of ``op``: ``x, w, b`` for a forward, ``dy, x, w`` for a backward."""
    config = CONFIGS[name]
    rng = np.random.default_rng(seed)
    lead = () if config.batch is None else (config.batch,)
    groups = kwargs_of(config, op, n).get("groups", 1)
    x = rng.standard_normal((*lead, config.c_in, *(config.size,) * n))
    if family(op) == "conv":
        w_rows = (config.c_out, config.c_in // groups)  # (C_out, C_in // groups, *kernel)
    else:
        w_rows = (config.c_in, config.c_out // groups)  # (C_in, C_out // groups, *kernel)
    w = rng.standard_normal((*w_rows, *(config.kernel,) * n))
    if not op.endswith("backward"):
        return {"x": x, "w": w, "b": rng.standard_normal(config.c_out)}
    forward = getattr(convgrad, fn_name(family(op), n))
    dy = rng.standard_normal(forward(x, w, **kwargs_of(config, op, n)).shape)
    return {"dy": dy, "x": x, "w": w}


def run(m, op: str, n: int, name: str, inputs: dict) -> tuple[np.ndarray, ...]:
    """The outputs of ``op`` on ``inputs``: ``(y,)`` or ``(dx, dw, db)``."""
    f = getattr(m, fn_name(op, n))
    kwargs = kwargs_of(CONFIGS[name], op, n)
    if op.endswith("backward"):
        return tuple(f(inputs["dy"], inputs["x"], inputs["w"], **kwargs))
    return (f(inputs["x"], inputs["w"], inputs.get("b"), **kwargs),)


def test_every_public_function_is_covered():
    covered = {fn_name(op, n) for op in OPS for n in (1, 2, 3)}
    public = {name for name in convgrad.__all__ if name.startswith("conv")}
    assert public == covered
    assert all(callable(getattr(reference, name)) for name in covered)


# --- inputs untouched, outputs fresh -----------------------------------------------------------


@modules
@dims
@pytest.mark.parametrize(("op", "name"), cases())
@pytest.mark.parametrize("readonly", [True, False], ids=["readonly", "writeable"])
def test_inputs_are_untouched_and_outputs_are_fresh(m, op, n, name, readonly):
    inputs = make_inputs(op, n, name)
    copies = {k: a.copy() for k, a in inputs.items()}
    for a in inputs.values():
        a.flags.writeable = not readonly
    outputs = run(m, op, n, name, inputs)
    for k, a in inputs.items():
        assert a.flags.writeable is not readonly, f"{k}: its writeable flag was changed"
        assert a.dtype == copies[k].dtype and a.shape == copies[k].shape, k
        np.testing.assert_array_equal(a, copies[k], err_msg=f"{k} was modified")
    for i, out in enumerate(outputs):
        assert out.flags.writeable, f"output {i} is read-only"
        for k, a in inputs.items():
            assert not np.shares_memory(out, a), f"output {i} shares memory with {k}"
        for j, other in enumerate(outputs[:i]):
            assert not np.shares_memory(out, other), f"outputs {j} and {i} share memory"


@modules
@pytest.mark.parametrize(("op", "name"), cases({"one_by_one": CONFIGS["one_by_one"]}))
@pytest.mark.parametrize("dtype", [np.float32, np.float16, np.int64, np.bool_])
def test_outputs_are_fresh_in_every_dtype(m, op, name, dtype):
    n = 2
    inputs = {k: a.astype(dtype) for k, a in make_inputs(op, n, name).items()}
    copies = {k: a.copy() for k, a in inputs.items()}
    for a in inputs.values():
        a.flags.writeable = False
    for i, out in enumerate(run(m, op, n, name, inputs)):
        assert out.flags.writeable, f"output {i} is read-only"
        for k, a in inputs.items():
            assert not np.shares_memory(out, a), f"output {i} shares memory with {k}"
    for k, a in inputs.items():
        np.testing.assert_array_equal(a, copies[k], err_msg=f"{k} was modified")


# --- memory layout -----------------------------------------------------------------------------


def _unaligned(a: np.ndarray) -> np.ndarray:
    """A copy of ``a`` whose data starts one byte past an aligned address."""
    buffer = np.zeros(a.nbytes + 1, dtype=np.uint8)[1:]
    out = buffer.view(a.dtype).reshape(a.shape)
    out[...] = a
    return out


def _strided(a: np.ndarray) -> np.ndarray:
    """``a`` as every other element, along every axis, of an array twice as large."""
    every_other = tuple(slice(None, None, 2) for _ in a.shape)
    big = np.zeros(tuple(2 * s for s in a.shape), dtype=a.dtype)
    big[every_other] = a
    return big[every_other]


def _channels_last(a: np.ndarray) -> np.ndarray:
    """``(N, C, *spatial)`` stored as ``(N, *spatial, C)``, the "channels last" memory format."""
    if a.ndim < 2:
        return a[::-1].copy()[::-1]  # a bias: negative strides instead
    return np.moveaxis(np.ascontiguousarray(np.moveaxis(a, 1, -1)), -1, 1)


LAYOUTS = {
    "fortran": np.asfortranarray,
    "channels_last": _channels_last,
    "strided": _strided,
    "negative_strides": lambda a: np.flip(np.flip(a).copy()),
    "broadcast": lambda a: np.broadcast_to(a[(slice(0, 1),) * a.ndim], a.shape),  # zero strides
    "unaligned": _unaligned,
}


def test_layouts_are_what_they_claim():
    a = np.arange(2 * 3 * 4 * 5, dtype=float).reshape(2, 3, 4, 5)
    for name, relayout in LAYOUTS.items():
        b = relayout(a)
        assert not (b.flags.c_contiguous and b.flags.aligned), name
        if name != "broadcast":
            np.testing.assert_array_equal(b, a, err_msg=name)
    assert LAYOUTS["negative_strides"](a).strides[0] < 0
    assert not LAYOUTS["unaligned"](a).flags.aligned


@modules_dims
@pytest.mark.parametrize(("op", "name"), cases({"groups_dilation": CONFIGS["groups_dilation"]}))
@pytest.mark.parametrize("array", [0, 1, 2], ids=["first", "second", "third"])
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_layout_does_not_change_the_answer(m, op, n, name, array, layout):
    inputs = make_inputs(op, n, name)
    key = list(inputs)[array]  # x, w, b for a forward; dy, x, w for a backward
    odd = LAYOUTS[layout](inputs[key])
    got = run(m, op, n, name, inputs | {key: odd})
    expected = run(m, op, n, name, inputs | {key: odd.copy(order="C")})  # aligned, C order
    for g, e in zip(got, expected, strict=True):
        np.testing.assert_allclose(g, e, rtol=1e-13, atol=1e-13, err_msg=f"{key} {layout}")


@modules
@pytest.mark.parametrize(("op", "name"), cases({"reflect": CONFIGS["reflect"]}))
@pytest.mark.parametrize("layout", ["fortran", "negative_strides"])
def test_layout_with_a_padding_mode(m, op, name, layout):
    n = 2
    inputs = make_inputs(op, n, name)
    odd = {k: LAYOUTS[layout](a) for k, a in inputs.items()}
    for g, e in zip(run(m, op, n, name, odd), run(m, op, n, name, inputs), strict=True):
        np.testing.assert_allclose(g, e, rtol=1e-13, atol=1e-13)


@modules
@pytest.mark.filterwarnings("ignore:the matrix subclass:PendingDeprecationWarning")
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("subclass", ["matrix", "masked"])
def test_ndarray_subclasses_are_read_as_plain_arrays(m, op, subclass):
    # unbatched 1-D: x (C_in, L) and dy (C_out, L_out) are 2-D, the only arrays np.matrix can hold
    n, name = 1, "unbatched"
    inputs = make_inputs(op, n, name)
    wrap = np.asmatrix if subclass == "matrix" else np.ma.masked_array
    odd = {k: wrap(a) if a.ndim == 2 else a for k, a in inputs.items()}
    assert any(type(a) is not np.ndarray for a in odd.values())
    for g, e in zip(run(m, op, n, name, odd), run(m, op, n, name, inputs), strict=True):
        assert type(g) is np.ndarray
        np.testing.assert_array_equal(g, e)


# --- dtypes ------------------------------------------------------------------------------------

F16, F32, F64 = np.float16, np.float32, np.float64

# (dtypes of the three inputs, in make_inputs' order), the dtype of every output
DTYPE_RULE = [
    ((F64, F64, F64), F64),
    ((F32, F32, F32), F32),
    ((F16, F16, F16), F16),
    ((F32, F64, F64), F64),
    ((F64, F32, F32), F64),
    ((F32, F32, F64), F64),  # a float64 bias or dy alone promotes everything
    ((F16, F32, F32), F32),  # mixed floats promote as NumPy promotes them
    ((np.int64, np.int64, np.int64), F64),
    ((np.int32, np.int16, np.int8), F64),
    ((np.uint8, np.uint8, np.uint8), F64),
    ((np.bool_, np.bool_, np.bool_), F64),
    ((np.bool_, np.int32, np.bool_), F64),
]

# how far a result computed in a lower precision may be from the float64 one, relative to the
# largest value: float32 rounds its inputs and sums to ~1e-7, float16 its inputs and output to ~1e-3
TOLERANCE = {F64: 1e-12, F32: 1e-4, F16: 1e-2}


def _cast(a: np.ndarray, dtype) -> np.ndarray:
    """Standard normal values as ``dtype``: signs for bool, small whole numbers for ints."""
    if dtype is np.bool_:
        return a > 0
    if np.issubdtype(dtype, np.unsignedinteger):
        return np.round(3 * np.abs(a)).astype(dtype)
    if np.issubdtype(dtype, np.integer):
        return np.round(3 * a).astype(dtype)
    return a.astype(dtype)


def _rule_id(dtypes, expected) -> str:
    return "-".join(np.dtype(d).name for d in dtypes) + "->" + np.dtype(expected).name


@modules
@pytest.mark.parametrize(("op", "name"), cases({"strided_padded": CONFIGS["strided_padded"]}))
@pytest.mark.parametrize(
    ("dtypes", "expected"), [pytest.param(*rule, id=_rule_id(*rule)) for rule in DTYPE_RULE]
)
def test_dtype_rule(m, op, name, dtypes, expected):
    n = 2
    inputs = {
        k: _cast(a, d) for (k, a), d in zip(make_inputs(op, n, name).items(), dtypes, strict=True)
    }
    got = run(m, op, n, name, inputs)
    # the same values in float64: the answer the lower precision should approximate
    exact = run(m, op, n, name, {k: a.astype(F64) for k, a in inputs.items()})
    for i, (g, e) in enumerate(zip(got, exact, strict=True)):
        assert g.dtype == expected, f"output {i}: {g.dtype}, expected {np.dtype(expected)}"
        assert g.shape == e.shape
        scale = np.max(np.abs(e))
        tol = TOLERANCE[expected]
        np.testing.assert_allclose(
            g.astype(F64), e, rtol=tol, atol=tol * scale, err_msg=f"output {i}"
        )


@modules
@dims
@pytest.mark.parametrize(("op", "name"), cases({"strided_padded": CONFIGS["strided_padded"]}))
def test_float32_is_close_to_float64(m, op, n, name):
    inputs = make_inputs(op, n, name, seed=n)
    got = run(m, op, n, name, {k: a.astype(F32) for k, a in inputs.items()})
    exact = run(m, op, n, name, inputs)  # float64, from inputs that are not float32-rounded
    for g, e in zip(got, exact, strict=True):
        assert g.dtype == F32
        np.testing.assert_allclose(g, e, rtol=1e-4, atol=1e-4 * np.max(np.abs(e)))


@modules
@pytest.mark.parametrize("op", ["conv_backward", "transpose_backward"])
def test_backward_without_bias_follows_the_rule_too(m, op):
    n, name = 1, "strided_padded"
    inputs = {k: a.astype(F32) for k, a in make_inputs(op, n, name).items()}
    f = getattr(m, fn_name(op, n))
    dx, dw, db = f(
        inputs["dy"], inputs["x"], inputs["w"], **kwargs_of(CONFIGS[name], op, n), bias=False
    )
    assert (dx.dtype, dw.dtype, db) == (F32, F32, None)


# --- lists -------------------------------------------------------------------------------------


@modules
@dims
@pytest.mark.parametrize(("op", "name"), cases({"strided_padded": CONFIGS["strided_padded"]}))
@pytest.mark.parametrize("numbers", [float, int])
def test_lists_of_numbers_are_accepted(m, op, n, name, numbers):
    inputs = make_inputs(op, n, name)
    if numbers is int:
        inputs = {k: np.round(3 * a).astype(int) for k, a in inputs.items()}
    got = run(m, op, n, name, {k: a.tolist() for k, a in inputs.items()})
    expected = run(m, op, n, name, inputs)
    for g, e in zip(got, expected, strict=True):
        assert g.dtype == F64
        np.testing.assert_array_equal(g, e)
