"""The exercise "Conv2D backward (dx, dW)" and its forward pass, as model answers for learners.

One image, stride 1, no padding, cross-correlation (no kernel flip). The input is
``x (C_in, H, W)`` and the kernel ``W (C_out, C_in, kH, kW)``: the exercise calls the kernel ``W``,
so in a shape ``W`` is the input's width and everywhere else it is the kernel. The output is
``y (C_out, out_H, out_W)`` with ``out_H = H - kH + 1`` and ``out_W = W - kW + 1``.

Forward (:func:`conv2d_naive`): each output cell is the dot product of one kernel with one patch::

    y[o, i, j] = sum over c, u, v of  W[o, c, u, v] * x[c, i + u, j + v]

Backward (:func:`conv2d_backward`). Let ``g = grad_out (C_out, out_H, out_W)`` be the gradient of
a loss ``L`` with respect to ``y``. Weight ``W[o, c, u, v]`` multiplies ``x[c, i + u, j + v]`` in
every cell ``y[o, i, j]``, and pixel ``x[c, p, q]`` is multiplied by ``W[o, c, u, v]`` in the
cells with ``i + u = p`` and ``j + v = q``, so the chain rule gives::

    dW[o, c, u, v] = sum over i, j    of  g[o, i, j]         * x[c, i + u, j + v]
    dx[c, p, q]    = sum over o, u, v of  g[o, p - u, q - v] * W[o, c, u, v]
                     (terms whose index falls outside g are zero)

``dW`` is a correlation of ``x`` with ``g``; ``dx`` is a "full" convolution of ``g`` with ``W``
(a transposed convolution). Both come out of the forward pass's own ``(o, i, j)`` loop: cell
``y[o, i, j]`` read the patch ``x[:, i:i+kH, j:j+kW]`` and the kernel ``W[o]``, so its upstream
gradient ``g[o, i, j]`` flows back to exactly that patch and that kernel::

    dW[o]                  += g[o, i, j] * x[:, i:i+kH, j:j+kW]
    dx[:, i:i+kH, j:j+kW]  += g[o, i, j] * W[o]

Accumulate with ``+=``: a pixel lies in up to ``kH * kW`` patches and a weight is used at every
position, so each gradient is a sum over all of them; overwriting instead is the classic bug.

Inputs may be nested lists or arrays of any real dtype: float32 stays float32, float64 stays
float64, integers and bools are computed and returned in float64 (the rule of
:mod:`convgrad._args`). Inputs are never modified. The fast, batched equivalents are
:func:`convgrad.conv2d` and :func:`convgrad.conv2d_backward`.

The second half of the module is what ``convgrad grade`` grades against (:data:`COURSE`): the
exercise's own five tests, then cases that expose the classic bugs; the probes; and the bug
catalogue (the mistakes of :mod:`convgrad.exercises.cs231n`'s catalogue that fit one image at
stride 1 without padding, and integer gradients).

>>> import numpy as np
>>> x = np.arange(16).reshape(1, 4, 4)
>>> W = [[[[1, 2], [3, 4]]]]
>>> conv2d_naive(x, W)[0, 0].tolist()
[34.0, 44.0, 54.0]
>>> grad_out = np.zeros((1, 3, 3)); grad_out[0, 0, 0] = 1
>>> dx, dW = conv2d_backward(grad_out, x, W)
>>> dW[0, 0].tolist(), dx[0, 0:2, 0:2].tolist()
([[0.0, 1.0], [4.0, 5.0]], [[1.0, 2.0], [3.0, 4.0]])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np

from .. import _args
from ..grading.battery import Api, Arrays, Case, Params, Probe, numeric_gradient, rng, small_values
from ..grading.bugs import KNOWN, Bug, Variant


def _check(fn: str, x: object, W: object) -> tuple[np.ndarray, np.ndarray]:
    """``x (C_in, H, W)`` and ``W (C_out, C_in, kH, kW)`` as arrays, their shapes checked."""
    x = _args.as_array(fn, "x", x)
    W = _args.as_array(fn, "W", W)
    if x.ndim != 3 or 0 in x.shape:
        raise ValueError(
            f"{fn}: x must be 3-D (C_in, H, W) with no empty dimension; got shape {x.shape}"
        )
    if W.ndim != 4 or 0 in W.shape:
        raise ValueError(
            f"{fn}: W must be 4-D (C_out, C_in, kH, kW) with no empty dimension; "
            f"got shape {W.shape}"
        )
    if W.shape[1] != x.shape[0]:
        raise ValueError(
            f"{fn}: W.shape[1] (C_in) must equal x.shape[0] (C_in); got W shape "
            f"{W.shape} for x shape {x.shape}"
        )
    if W.shape[2] > x.shape[1] or W.shape[3] > x.shape[2]:
        raise ValueError(
            f"{fn}: the kernel W (kH, kW) = {W.shape[2:]} must fit inside x (H, W) "
            f"= {x.shape[1:]} (no padding); got W shape {W.shape}, x shape {x.shape}"
        )
    return x, W


def conv2d_naive(x: object, W: object) -> np.ndarray:
    """Stride-1, unpadded 2-D cross-correlation of one image, as a loop over output cells.

    Args:
        x: ``(C_in, H, W)``, one image.
        W: ``(C_out, C_in, kH, kW)``, the kernel, with ``kH <= H`` and ``kW <= W``.

    Returns:
        y: ``(C_out, H - kH + 1, W - kW + 1)``,
        ``y[o, i, j] = sum(W[o] * x[:, i:i+kH, j:j+kW])``.

    >>> import numpy as np
    >>> conv2d_naive(np.ones((2, 3, 4)), np.ones((5, 2, 2, 2))).shape
    (5, 2, 3)
    """
    x, W = _check("conv2d_naive", x, W)
    compute, out_dtype = _args.result_dtype(x, W)
    x, W = x.astype(compute, copy=False), W.astype(compute, copy=False)
    C_out, C_in, kH, kW = W.shape
    out_H, out_W = x.shape[1] - kH + 1, x.shape[2] - kW + 1

    y = np.zeros((C_out, out_H, out_W), dtype=compute)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                y[o, i, j] = np.sum(W[o] * x[:, i : i + kH, j : j + kW])
    return y.astype(out_dtype, copy=False)


def conv2d_backward(grad_out: object, x: object, W: object) -> tuple[np.ndarray, np.ndarray]:
    """Gradients of :func:`conv2d_naive` with respect to ``x`` and ``W``, as a loop.

    Args:
        grad_out: ``(C_out, out_H, out_W)``, the gradient of the loss with respect to the output
            ``conv2d_naive(x, W)``, where ``out_H = H - kH + 1`` and ``out_W = W - kW + 1``.
        x: ``(C_in, H, W)``, the image fed to the forward pass.
        W: ``(C_out, C_in, kH, kW)``, the kernel of the forward pass.

    Returns:
        ``(dx, dW)``: ``dx (C_in, H, W)`` and ``dW (C_out, C_in, kH, kW)``, new arrays.

    >>> import numpy as np
    >>> dx, dW = conv2d_backward(np.ones((5, 2, 3)), np.ones((2, 3, 4)), np.ones((5, 2, 2, 2)))
    >>> dx.shape, dW.shape, dW[0, 0].tolist()
    ((2, 3, 4), (5, 2, 2, 2), [[6.0, 6.0], [6.0, 6.0]])
    """
    fn = "conv2d_backward"
    grad_out = _args.as_array(fn, "grad_out", grad_out)
    x, W = _check(fn, x, W)
    C_out, C_in, kH, kW = W.shape
    out_H, out_W = x.shape[1] - kH + 1, x.shape[2] - kW + 1
    if grad_out.shape != (C_out, out_H, out_W):
        raise ValueError(
            f"{fn}: grad_out must have the forward output's shape (C_out, out_H, "
            f"out_W) = {(C_out, out_H, out_W)} for x shape {x.shape} and W shape "
            f"{W.shape}; got shape {grad_out.shape}"
        )
    compute, out_dtype = _args.result_dtype(grad_out, x, W)
    grad_out, x, W = (a.astype(compute, copy=False) for a in (grad_out, x, W))

    dx = np.zeros(x.shape, dtype=compute)
    dW = np.zeros(W.shape, dtype=compute)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                g = grad_out[o, i, j]
                dW[o] += g * x[:, i : i + kH, j : j + kW]
                dx[:, i : i + kH, j : j + kW] += g * W[o]
    return dx.astype(out_dtype, copy=False), dW.astype(out_dtype, copy=False)


# --- grading: the battery, the probes and the bug catalogue ---------------------------------------


def _reference(inputs: Arrays, params: Params) -> Arrays:
    dx, dW = conv2d_backward(inputs["grad_out"], inputs["x"], inputs["W"])
    return {"dx": dx, "dW": dW}


def _finite_differences(inputs: Arrays) -> Arrays:
    """dx and dW of ``conv2d_naive(x, W).sum()``, as the exercise's own tests compute them."""
    x = inputs["x"].astype(np.float64)
    W = inputs["W"].astype(np.float64)

    def loss() -> float:
        return float(conv2d_naive(x, W).sum())

    return {"dx": numeric_gradient(loss, x), "dW": numeric_gradient(loss, W)}


def _inputs(seed: int, x: tuple, W: tuple, dtype=np.float64) -> Arrays:
    generator = rng(seed)
    C_out, _, kH, kW = W
    grad_out = (C_out, x[1] - kH + 1, x[2] - kW + 1)
    return {
        "grad_out": generator.standard_normal(grad_out).astype(dtype),
        "x": generator.standard_normal(x).astype(dtype),
        "W": generator.standard_normal(W).astype(dtype),
    }


def _cases() -> list[Case]:
    fd = _inputs(2, (2, 4, 5), (2, 2, 2, 3))
    fd["grad_out"] = np.ones_like(fd["grad_out"])  # the exercise differentiates y.sum()
    zero = _inputs(4, (1, 4, 4), (1, 1, 2, 2))
    zero["grad_out"] = np.zeros_like(zero["grad_out"])
    one = np.zeros((1, 3, 3))
    one[0, 0, 0] = 1
    example = {
        "grad_out": one,
        "x": np.arange(16).reshape(1, 4, 4),
        "W": np.array([[[[1, 2], [3, 4]]]]),
    }
    asymmetric = _inputs(9, (1, 4, 5), (1, 1, 3, 3))
    asymmetric["W"] = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    integers = _inputs(11, (1, 4, 5), (2, 1, 2, 2))
    integers["x"] = np.arange(20).reshape(1, 4, 5)
    integers["W"] = np.array([[[[1, 2], [3, 4]]], [[[-2, 1], [0, 3]]]])
    return [
        Case(
            "returns two arrays of the right shapes",
            "dx is shaped like x (C_in, H, W), dW like W (C_out, C_in, kH, kW)",
            _inputs(1, (2, 5, 6), (3, 2, 3, 2)),
            check="shapes",
        ),
        Case(
            "dW matches finite differences",
            "the exercise's test: dW of conv2d_naive(x, W).sum(), atol=1e-3",
            fd,
            compare=("dW",),
            atol=1e-3,
            rtol=0.0,
            expected=_finite_differences,
        ),
        Case(
            "dx matches finite differences",
            "the exercise's test: dx of conv2d_naive(x, W).sum(), atol=1e-3",
            fd,
            compare=("dx",),
            atol=1e-3,
            rtol=0.0,
            expected=_finite_differences,
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
            _inputs(6, (1, 5, 5), (1, 1, 3, 3)),
        ),
        Case(
            "non-square input and kernel",
            "H != W and kH != kW: catches rows and columns mixed up",
            _inputs(7, (1, 4, 6), (1, 1, 2, 3)),
        ),
        Case(
            "taller than wide",
            "H > W and kH > kW: catches an output width computed from a height",
            _inputs(12, (1, 6, 4), (1, 1, 3, 2)),
        ),
        Case(
            "several channels in and out",
            "C_in = 3, C_out = 2: each kernel's gradient stays in its own channels",
            _inputs(8, (3, 4, 4), (2, 3, 2, 2)),
        ),
        Case(
            "asymmetric kernel",
            "a kernel with no symmetry: catches a flipped or transposed kernel in dx",
            asymmetric,
        ),
        Case(
            "float32 input",
            "float32 x, W and grad_out: no precision lost to an integer or float16 array",
            _inputs(10, (2, 5, 5), (2, 2, 3, 3), np.float32),
            rtol=1e-4,
            atol=1e-5,
        ),
        Case(
            "integer x and W",
            "integer inputs, as in the exercise's example: the gradients still hold fractions",
            integers,
        ),
    ]


def _candidates(case: Case) -> Iterator[tuple[Arrays, Params]]:
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
        generator = rng(100 + k)
        yield (
            {
                "grad_out": small_values(generator, g, dtypes["grad_out"]),
                "x": small_values(generator, x, dtypes["x"]),
                "W": small_values(generator, W, dtypes["W"]),
            },
            {},
        )


def _probes() -> list[Probe]:
    """The base configuration (C_in = C_out = 2, 5x5, 3x3 kernel), then one change at a time."""
    series = [("", "", (2, 5, 5), (2, 2, 3, 3))]
    series += [("H != W", "H = 5, W = 7", (2, 5, 7), (2, 2, 3, 3))]
    series += [("H != W", "H = 7, W = 5", (2, 7, 5), (2, 2, 3, 3))]
    series += [("kH != kW", "kH = 3, kW = 2", (2, 5, 5), (2, 2, 3, 2))]
    series += [("kH != kW", "kH = 2, kW = 3", (2, 5, 5), (2, 2, 2, 3))]
    series += [("C_in", str(c), (c, 5, 5), (2, c, 3, 3)) for c in (1, 3)]
    series += [("C_out", str(c), (2, 5, 5), (c, 2, 3, 3)) for c in (1, 3)]
    bases = {"H != W": "H = W", "kH != kW": "kH = kW", "C_in": "2", "C_out": "2"}
    return [
        Probe(p, v, _inputs(300 + k, x, W), {}, bases.get(p, ""))
        for k, (p, v, x, W) in enumerate(series)
    ]


def _int_truncation(inputs: Arrays, params: Params) -> Arrays | None:
    """The loop with ``dx = np.zeros_like(x)``: integer x gives an integer dx."""
    g, x, W = inputs["grad_out"], inputs["x"], inputs["W"]
    C_out, _, kH, kW = W.shape
    dx, dW = np.zeros_like(x), np.zeros_like(W)
    for o in range(C_out):
        for i in range(g.shape[1]):
            for j in range(g.shape[2]):
                dW[o] = dW[o] + g[o, i, j] * x[:, i : i + kH, j : j + kW]  # truncates if int
                dx[:, i : i + kH, j : j + kW] = dx[:, i : i + kH, j : j + kW] + g[o, i, j] * W[o]
    return {"dx": dx, "dW": dW}


def _variant(name: str) -> Variant:
    from .cs231n import buggy_backward

    def run(inputs: Arrays, params: Params) -> Arrays | None:
        g, x, W = inputs["grad_out"], inputs["x"], inputs["W"]
        result = buggy_backward(name, g[None], x[None], W, 1, 0)
        return None if result is None else {"dx": result[0][0], "dW": result[1]}

    return Variant(name.split("/")[0], name, ("dx", "dW"), run)


MISTAKES = (
    "dx_overwrite",
    "dw_overwrite",
    "dx_reset",
    "dx_flipped_kernel",
    "dx_transposed_kernel",
    "dw_transposed",
    "dx_uses_x",
    "dw_uses_w",
    "skip_last",
    "out_size_wrong_dim/kernel",
    "out_size_wrong_dim/kernel-rows",
    "out_size_wrong_dim/input",
)

BUGS = {
    **KNOWN,
    "int_truncation": Bug(
        "int_truncation",
        "the gradients are stored in integer arrays",
        "`np.zeros_like(x)` has x's dtype: with integer x (as in the exercise's example) every "
        "sum written into it is truncated to a whole number, or `+=` refuses to cast the float "
        "into it. Create the gradients as floats: `np.zeros(x.shape)`.",
        ("dx", "dw"),
    ),
}

COURSE = Api(
    name="exercise",
    function="conv2d_backward",
    inputs=("grad_out", "x", "W"),
    outputs=("dx", "dW"),
    optional=(),
    names={"dW": "dW", "W": "W", "o": "o", "g": "grad_out", "dx": "dx", "x": "x"},
    reference=_reference,
    cases=_cases,
    candidates=_candidates,
    probes=_probes,
    variants=tuple(_variant(m) for m in MISTAKES)
    + (Variant("int_truncation", "int_truncation", ("dx", "dW"), _int_truncation),),
    bugs=BUGS,
)
