"""The test cases ``convgrad grade`` runs, the expected answers, and smaller inputs to shrink to.

Two APIs, one :class:`Api` each:

- ``exercise``: ``conv2d_backward(grad_out, x, W) -> (dx, dW)`` for one image ``x (C_in, H, W)``,
  kernel ``W (C_out, C_in, kH, kW)``, stride 1, no padding. The battery opens with the
  exercise's own five tests (shapes, dW and dx against finite differences of
  ``conv2d_naive(x, W).sum()`` at ``atol=1e-3``, zero ``grad_out``, one nonzero position: the
  exercise's example verbatim), then cases that expose the classic bugs.
- ``cs231n``: ``conv_forward_naive(x, w, b, conv_param) -> (out, cache)`` then
  ``conv_backward_naive(dout, cache) -> (dx, dw, db)``, ``x (N, C, H, W)``, ``w (F, C, HH, WW)``,
  ``conv_param = {"stride": s, "pad": p}``; the battery adds stride and padding above one and
  several images.

Expected values come from :mod:`convgrad.exercises` and :mod:`convgrad.cs231n` (or from finite
differences of the exercise's forward pass, for the two tests that say so), never from a table.

>>> [case.name for case in EXERCISE.cases()][1:3]
['dW matches finite differences', 'dx matches finite differences']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from convgrad.exercises import cs231n
from convgrad.exercises import seeds as exercises

Arrays = dict[str, np.ndarray]
Params = dict[str, int]


@dataclass(frozen=True)
class Case:
    """One test: the inputs, what is compared, and against what.

    ``check`` is ``"shapes"`` (only the shapes of the results) or ``"values"``; ``expected_by``
    is ``"reference"`` or ``"finite differences"``; ``compare`` names the results compared
    (all when empty).
    """

    name: str
    about: str
    inputs: Arrays
    params: Params = field(default_factory=dict)
    check: str = "values"
    expected_by: str = "reference"
    compare: tuple[str, ...] = ()
    rtol: float = 1e-7
    atol: float = 1e-9


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _small_values(rng: np.random.Generator, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """Readable nonzero numbers: integers 1..3 with a sign for integer dtypes, else halves."""
    magnitude = rng.integers(1, 4 if dtype.kind in "biu" else 5, size=shape)
    values = magnitude * rng.choice([-1, 1], size=shape)
    return values.astype(dtype) if dtype.kind in "biu" else (values / 2).astype(dtype)


def numeric_gradient(f: Callable[[], float], a: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central differences of ``f()`` with respect to each element of ``a`` (changed in place and
    restored)."""
    grad = np.zeros(a.shape)
    for index in np.ndindex(*a.shape):
        old = a[index]
        a[index] = old + eps
        up = f()
        a[index] = old - eps
        down = f()
        a[index] = old
        grad[index] = (up - down) / (2 * eps)
    return grad


@dataclass(frozen=True)
class Api:
    """One graded API: its names, reference, battery and shrinking candidates."""

    name: str
    function: str
    inputs: tuple[str, ...]  # the arrays handed over, in this order
    outputs: tuple[str, ...]  # the results compared, by name
    names: dict[str, str]  # words for bug explanations: {dW}, {W}, {o}, {g}, {dx}
    reference: Callable[[Arrays, Params], Arrays]
    cases: Callable[[], list[Case]]
    candidates: Callable[[Case], Iterator[tuple[Arrays, Params]]]

    def expected(self, case: Case) -> Arrays:
        """The right answers for ``case``: the reference's, or finite differences'."""
        if case.expected_by == "finite differences":
            return _exercise_finite_differences(case.inputs)
        return self.reference(case.inputs, case.params)


# --- the exercise: conv2d_backward(grad_out, x, W) -> (dx, dW) -----------------------------------


def _exercise_reference(inputs: Arrays, params: Params) -> Arrays:
    dx, dW = exercises.conv2d_backward(inputs["grad_out"], inputs["x"], inputs["W"])
    return {"dx": dx, "dW": dW}


def _exercise_finite_differences(inputs: Arrays) -> Arrays:
    """dx and dW of ``conv2d_naive(x, W).sum()``, as the exercise's own tests compute them."""
    x = inputs["x"].astype(np.float64)
    W = inputs["W"].astype(np.float64)

    def loss() -> float:
        return float(exercises.conv2d_naive(x, W).sum())

    return {"dx": numeric_gradient(loss, x), "dW": numeric_gradient(loss, W)}


def _exercise_inputs(seed: int, x: tuple, W: tuple, dtype=np.float64) -> Arrays:
    rng = _rng(seed)
    C_out, _, kH, kW = W
    grad_out = (C_out, x[1] - kH + 1, x[2] - kW + 1)
    return {
        "grad_out": rng.standard_normal(grad_out).astype(dtype),
        "x": rng.standard_normal(x).astype(dtype),
        "W": rng.standard_normal(W).astype(dtype),
    }


def _exercise_cases() -> list[Case]:
    fd = _exercise_inputs(2, (2, 4, 5), (2, 2, 2, 3))
    fd["grad_out"] = np.ones_like(fd["grad_out"])  # the exercise differentiates y.sum()
    zero = _exercise_inputs(4, (1, 4, 4), (1, 1, 2, 2))
    zero["grad_out"] = np.zeros_like(zero["grad_out"])
    one = np.zeros((1, 3, 3))
    one[0, 0, 0] = 1
    example = {
        "grad_out": one,
        "x": np.arange(16).reshape(1, 4, 4),
        "W": np.array([[[[1, 2], [3, 4]]]]),
    }
    asymmetric = _exercise_inputs(9, (1, 4, 5), (1, 1, 3, 3))
    asymmetric["W"] = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    integers = _exercise_inputs(11, (1, 4, 5), (2, 1, 2, 2))
    integers["x"] = np.arange(20).reshape(1, 4, 5)
    integers["W"] = np.array([[[[1, 2], [3, 4]]], [[[-2, 1], [0, 3]]]])
    return [
        Case(
            "returns two arrays of the right shapes",
            "dx is shaped like x (C_in, H, W), dW like W (C_out, C_in, kH, kW)",
            _exercise_inputs(1, (2, 5, 6), (3, 2, 3, 2)),
            check="shapes",
        ),
        Case(
            "dW matches finite differences",
            "the exercise's test: dW of conv2d_naive(x, W).sum(), atol=1e-3",
            fd,
            expected_by="finite differences",
            compare=("dW",),
            atol=1e-3,
            rtol=0.0,
        ),
        Case(
            "dx matches finite differences",
            "the exercise's test: dx of conv2d_naive(x, W).sum(), atol=1e-3",
            fd,
            expected_by="finite differences",
            compare=("dx",),
            atol=1e-3,
            rtol=0.0,
        ),
        Case("zero grad_out gives zero gradients", "no upstream signal, no gradient", zero),
        Case(
            "one nonzero grad_out position",
            "the exercise's example: dW[0, 0] is the top-left x patch, dx the kernel there",
            example,
        ),
        Case(
            "overlapping windows",
            "a 3x3 kernel on 5x5: each pixel is in up to 9 windows, whose gradients add up",
            _exercise_inputs(6, (1, 5, 5), (1, 1, 3, 3)),
        ),
        Case(
            "non-square input and kernel",
            "H != W and kH != kW: catches rows and columns mixed up",
            _exercise_inputs(7, (1, 4, 6), (1, 1, 2, 3)),
        ),
        Case(
            "several channels in and out",
            "C_in = 3, C_out = 2: each kernel's gradient stays in its own channels",
            _exercise_inputs(8, (3, 4, 4), (2, 3, 2, 2)),
        ),
        Case(
            "asymmetric kernel",
            "a kernel with no symmetry: catches a flipped or transposed kernel in dx",
            asymmetric,
        ),
        Case(
            "float32 input",
            "float32 x, W and grad_out: no precision lost to an integer or float16 array",
            _exercise_inputs(10, (2, 5, 5), (2, 2, 3, 3), np.float32),
            rtol=1e-4,
            atol=1e-5,
        ),
        Case(
            "integer x and W",
            "integer inputs, as in the exercise's example: the gradients still hold fractions",
            integers,
        ),
    ]


def _exercise_candidates(case: Case) -> Iterator[tuple[Arrays, Params]]:
    """Small inputs, smallest first, with the case's dtypes: the shrinking search space."""
    dtypes = {k: v.dtype for k, v in case.inputs.items()}
    shapes = []
    for C_in, C_out, H, W_, kH, kW in itertools.product(
        (1, 2), (1, 2), (1, 2, 3, 4), (1, 2, 3, 4), (1, 2, 3), (1, 2, 3)
    ):
        if kH <= H and kW <= W_:
            g = (C_out, H - kH + 1, W_ - kW + 1)
            shapes.append(((C_in, H, W_), (C_out, C_in, kH, kW), g))
    shapes.sort(key=lambda s: (sum(int(np.prod(a)) for a in s), s))
    for k, (x, W, g) in enumerate(shapes):
        rng = _rng(100 + k)
        yield (
            {
                "grad_out": _small_values(rng, g, dtypes["grad_out"]),
                "x": _small_values(rng, x, dtypes["x"]),
                "W": _small_values(rng, W, dtypes["W"]),
            },
            {},
        )


EXERCISE = Api(
    name="exercise",
    function="conv2d_backward",
    inputs=("grad_out", "x", "W"),
    outputs=("dx", "dW"),
    names={"dW": "dW", "W": "W", "o": "o", "g": "grad_out", "dx": "dx", "x": "x"},
    reference=_exercise_reference,
    cases=_exercise_cases,
    candidates=_exercise_candidates,
)


# --- cs231n: conv_forward_naive / conv_backward_naive ---------------------------------------------


def _cs231n_reference(inputs: Arrays, params: Params) -> Arrays:
    out, cache = cs231n.conv_forward_naive(inputs["x"], inputs["w"], inputs["b"], dict(params))
    dx, dw, db = cs231n.conv_backward_naive(inputs["dout"], cache)
    return {"out": out, "dx": dx, "dw": dw, "db": db}


def out_size(size: int, kernel: int, stride: int, pad: int) -> int:
    """The assignment's ``1 + (H + 2 * pad - HH) // stride``."""
    return 1 + (size + 2 * pad - kernel) // stride


def _cs231n_inputs(seed: int, x: tuple, w: tuple, stride: int, pad: int, dtype=np.float64):
    rng = _rng(seed)
    N, _, H, W = x
    F, _, HH, WW = w
    dout = (N, F, out_size(H, HH, stride, pad), out_size(W, WW, stride, pad))
    inputs = {
        "x": rng.standard_normal(x).astype(dtype),
        "w": rng.standard_normal(w).astype(dtype),
        "b": rng.standard_normal(F).astype(dtype),
        "dout": rng.standard_normal(dout).astype(dtype),
    }
    return inputs, {"stride": stride, "pad": pad}


def _cs231n_case(name: str, about: str, seed: int, x, w, stride, pad, **kw) -> Case:
    dtype = kw.pop("dtype", np.float64)
    inputs, params = _cs231n_inputs(seed, x, w, stride, pad, dtype)
    return Case(name, about, inputs, params, **kw)


def _cs231n_cases() -> list[Case]:
    zero = _cs231n_case(
        "zero dout gives zero gradients",
        "no upstream signal: dx, dw and db are zero",
        3,
        (1, 2, 4, 4),
        (2, 2, 3, 3),
        1,
        1,
    )
    zero.inputs["dout"][...] = 0
    one = _cs231n_case(
        "one nonzero dout position",
        "dw[f] is one padded x window, dx one kernel",
        4,
        (1, 1, 4, 4),
        (1, 1, 2, 2),
        1,
        0,
    )
    one.inputs["dout"][...] = 0
    one.inputs["dout"][0, 0, 1, 2] = 1
    asymmetric = _cs231n_case(
        "asymmetric filter",
        "a filter with no symmetry: catches a flipped or transposed kernel in dx",
        12,
        (1, 1, 5, 5),
        (1, 1, 3, 3),
        1,
        1,
    )
    asymmetric.inputs["w"][...] = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    return [
        _cs231n_case(
            "returns three arrays of the right shapes",
            "dx like x, dw like w, db like b",
            1,
            (2, 3, 5, 5),
            (4, 3, 3, 3),
            2,
            1,
            check="shapes",
        ),
        _cs231n_case(
            "stride 1, no padding", "the plain case, one image", 2, (1, 2, 4, 4), (2, 2, 2, 2), 1, 0
        ),
        zero,
        one,
        _cs231n_case(
            "overlapping windows",
            "3x3 filters at stride 1: overlapping windows add up",
            5,
            (1, 1, 5, 5),
            (1, 1, 3, 3),
            1,
            0,
        ),
        _cs231n_case(
            "padding 1",
            "the gradient on the padding is cropped off dx",
            6,
            (1, 2, 4, 4),
            (2, 2, 3, 3),
            1,
            1,
        ),
        _cs231n_case(
            "stride 2, padding 1",
            "windows start at i * stride in the backward pass too",
            7,
            (1, 2, 5, 5),
            (2, 2, 3, 3),
            2,
            1,
        ),
        _cs231n_case(
            "padding 2",
            "pad rows and columns are cropped on every side",
            8,
            (1, 1, 4, 4),
            (1, 1, 3, 3),
            1,
            2,
        ),
        _cs231n_case(
            "stride 3, padding 2",
            "stride and padding above one together",
            9,
            (1, 2, 7, 7),
            (2, 2, 3, 3),
            3,
            2,
        ),
        _cs231n_case(
            "several images",
            "N = 3: dw and db are summed over the images, not averaged or overwritten",
            10,
            (3, 2, 4, 4),
            (2, 2, 3, 3),
            1,
            1,
        ),
        _cs231n_case(
            "non-square input and filter",
            "H != W and HH != WW",
            11,
            (2, 2, 5, 6),
            (3, 2, 3, 2),
            2,
            1,
        ),
        _cs231n_case(
            "several channels in and out", "C = 3, F = 4", 13, (2, 3, 4, 4), (4, 3, 2, 2), 1, 0
        ),
        asymmetric,
        _cs231n_case(
            "float32 input",
            "float32 arrays: no precision lost",
            14,
            (2, 2, 5, 5),
            (2, 2, 3, 3),
            2,
            1,
            dtype=np.float32,
            rtol=1e-4,
            atol=1e-5,
        ),
    ]


def _cs231n_candidates(case: Case) -> Iterator[tuple[Arrays, Params]]:
    dtype = case.inputs["x"].dtype
    configs = []
    for N, C, F, H, W, HH, WW, stride, pad in itertools.product(
        (1, 2), (1, 2), (1, 2), (2, 3, 4), (2, 3, 4), (1, 2, 3), (1, 2, 3), (1, 2, 3), (0, 1, 2)
    ):
        if HH > H + 2 * pad or WW > W + 2 * pad:
            continue
        dout = (N, F, out_size(H, HH, stride, pad), out_size(W, WW, stride, pad))
        size = N * C * H * W + F * C * HH * WW + int(np.prod(dout))
        configs.append((size, stride, pad, (N, C, H, W), (F, C, HH, WW), dout))
    configs.sort()
    for k, (_, stride, pad, x, w, dout) in enumerate(configs):
        rng = _rng(1000 + k)
        yield (
            {
                "x": _small_values(rng, x, dtype),
                "w": _small_values(rng, w, dtype),
                "b": _small_values(rng, (w[0],), dtype),
                "dout": _small_values(rng, dout, dtype),
            },
            {"stride": stride, "pad": pad},
        )


CS231N = Api(
    name="cs231n",
    function="conv_backward_naive",
    inputs=("x", "w", "b", "dout"),
    outputs=("out", "dx", "dw", "db"),
    names={"dW": "dw", "W": "w", "o": "f", "g": "dout", "dx": "dx", "x": "x"},
    reference=_cs231n_reference,
    cases=_cs231n_cases,
    candidates=_cs231n_candidates,
)

APIS = {"exercise": EXERCISE, "cs231n": CS231N}
