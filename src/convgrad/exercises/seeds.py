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
from ._catalogue import Case as CourseCase
from ._catalogue import Exercise, normal


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


# --- The rest of the series: step 02, the helpers, and the capstone (step 06) ---------------------
#
# Step 02 adds zero padding and a stride to step 01: pad x with `padding` zeros on every side,
# then move the window `stride` cells at a time, so
#     out_H = (H + 2 * padding - kH) // stride + 1      (floor: a last partial window is dropped)
# The capstone chains conv3x3 -> ReLU -> max pool 2x2 stride 2 -> flatten -> @ W_fc -> softmax:
# x (1, 8, 8) -> (C_out, 6, 6) -> (C_out, 6, 6) -> (C_out, 3, 3) -> (C_out * 9,) -> (2,) -> (2,).
# The flatten is row-major over (C_out, 3, 3): entry c * 9 + i * 3 + j of the vector is pooled
# cell (i, j) of channel c, the layout W_fc's rows follow.


def _image(fn: str, name: str, value: object, layout: str = "(C, H, W)") -> np.ndarray:
    array = _args.as_array(fn, name, value)
    if array.ndim != 3 or 0 in array.shape:
        raise ValueError(
            f"{fn}: {name} must be 3-D {layout} with no empty dimension; got shape {array.shape}"
        )
    return array


def conv2d(x, W, padding=0, stride=1):
    """Step 02: :func:`conv2d_naive` with zero padding and a stride.

    Args:
        x: ``(C_in, H, W)``, one image.
        W: ``(C_out, C_in, kH, kW)``, the kernel.
        padding: int ``>= 0``, zeros added on every side of ``x``.
        stride: int ``>= 1``, the step between windows.

    Returns:
        ``y (C_out, out_H, out_W)`` with ``out_H = (H + 2 * padding - kH) // stride + 1`` (and
        likewise ``out_W``).

    >>> conv2d(np.ones((1, 4, 4)), np.ones((1, 1, 3, 3)), padding=1, stride=2)[0].tolist()
    [[4.0, 6.0], [6.0, 9.0]]
    """
    fn = "conv2d"
    padding = _args.ntuple(fn, "padding", padding, 1, 0)[0]
    stride = _args.ntuple(fn, "stride", stride, 1, 1)[0]
    x = _image(fn, "x", x, "(C_in, H, W)")
    W = _args.as_array(fn, "W", W)
    if W.ndim != 4 or 0 in W.shape or W.shape[1] != x.shape[0]:
        raise ValueError(
            f"{fn}: W must be 4-D (C_out, C_in, kH, kW) with C_in = {x.shape[0]} from x; "
            f"got shape {W.shape}"
        )
    C_out, C_in, kH, kW = W.shape
    _, H, W_ = x.shape
    if kH > H + 2 * padding or kW > W_ + 2 * padding:
        raise ValueError(
            f"{fn}: the kernel (kH, kW) = {(kH, kW)} must fit inside the padded x "
            f"{(H + 2 * padding, W_ + 2 * padding)}"
        )
    compute, out_dtype = _args.result_dtype(x, W)
    W = W.astype(compute, copy=False)
    xp = np.pad(x.astype(compute), ((0, 0), (padding, padding), (padding, padding)))
    out_H = (H + 2 * padding - kH) // stride + 1
    out_W = (W_ + 2 * padding - kW) // stride + 1

    y = np.zeros((C_out, out_H, out_W), dtype=compute)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                top, left = i * stride, j * stride
                y[o, i, j] = np.sum(W[o] * xp[:, top : top + kH, left : left + kW])
    return y.astype(out_dtype, copy=False)


def relu(x):
    """``max(x, 0)`` element by element, any shape; a new array.

    >>> relu([-1.5, 0.0, 2.0]).tolist()
    [0.0, 0.0, 2.0]
    """
    x = _args.as_array("relu", "x", x)
    compute, out_dtype = _args.result_dtype(x)
    return np.maximum(x.astype(compute), 0).astype(out_dtype, copy=False)


def max_pool_2d(x):
    """Max pooling with 2x2 windows at stride 2, channel by channel.

    Args:
        x: ``(C, H, W)`` with ``H, W >= 2``.

    Returns:
        ``(C, H // 2, W // 2)``: an odd last row or column is dropped (floor, as in PyTorch).

    >>> max_pool_2d(np.arange(16).reshape(1, 4, 4))[0].tolist()
    [[5.0, 7.0], [13.0, 15.0]]
    """
    x = _image("max_pool_2d", "x", x)
    C, H, W = x.shape
    if H < 2 or W < 2:
        raise ValueError(
            f"max_pool_2d: x (C, H, W) needs H, W >= 2 for a 2x2 window; got {x.shape}"
        )
    compute, out_dtype = _args.result_dtype(x)
    x = x.astype(compute, copy=False)
    out = np.zeros((C, H // 2, W // 2), dtype=compute)
    for c in range(C):
        for i in range(H // 2):
            for j in range(W // 2):
                out[c, i, j] = np.max(x[c, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2])
    return out.astype(out_dtype, copy=False)


def softmax(z):
    """``exp(z) / sum(exp(z))`` along the last axis, with the maximum subtracted first.

    ``exp(z - max(z))`` is ``exp(z)`` times the same constant in numerator and denominator, so
    the result is unchanged, and it cannot overflow: the largest exponent is 0.

    >>> softmax([1000.0, 1000.0]).tolist()
    [0.5, 0.5]
    """
    z = _args.as_array("softmax", "z", z)
    if z.ndim == 0 or 0 in z.shape:
        raise ValueError(f"softmax: z must be a vector (or have a last axis); got shape {z.shape}")
    compute, out_dtype = _args.result_dtype(z)
    e = np.exp(z.astype(compute) - np.max(z, axis=-1, keepdims=True))
    return (e / np.sum(e, axis=-1, keepdims=True)).astype(out_dtype, copy=False)


def mini_cnn_forward(x, W_conv, W_fc):
    """Step 06: conv3x3 -> ReLU -> max pool 2x2 stride 2 -> flatten -> ``@ W_fc`` -> softmax.

    Args:
        x: ``(1, 8, 8)``, one grey image (any ``(C_in, H, W)`` whose shapes chain works).
        W_conv: ``(C_out, 1, 3, 3)``.
        W_fc: ``(C_out * 3 * 3, 2)``; row ``c * 9 + i * 3 + j`` weighs pooled cell ``(i, j)``
            of channel ``c``.

    Returns:
        ``p (2,)``, class probabilities that sum to 1.

    >>> p = mini_cnn_forward(np.ones((1, 8, 8)), np.ones((2, 1, 3, 3)), np.zeros((18, 2)))
    >>> p.tolist()
    [0.5, 0.5]
    """
    fn = "mini_cnn_forward"
    W_fc = _args.as_array(fn, "W_fc", W_fc)
    h = max_pool_2d(relu(conv2d_naive(x, W_conv)))  # (C_out, 3, 3)
    if W_fc.ndim != 2 or W_fc.shape[0] != h.size:
        raise ValueError(
            f"{fn}: W_fc must be 2-D (C_out * 3 * 3, n_classes) = ({h.size}, n_classes) for the "
            f"pooled shape {h.shape}; got shape {W_fc.shape}"
        )
    return softmax(h.reshape(-1) @ W_fc)  # (C_out * 9,) @ (C_out * 9, 2) -> (2,)


EXERCISES = (
    Exercise(
        "conv2d_naive",
        "x (C_in, H, W), W (C_out, C_in, kH, kW)",
        "y (C_out, H - kH + 1, W - kW + 1)",
        results=("y",),
    ),
    Exercise(
        "conv2d",
        "x (C_in, H, W), W (C_out, C_in, kH, kW), padding int >= 0, stride int >= 1",
        "y (C_out, (H + 2 padding - kH) // stride + 1, (W + 2 padding - kW) // stride + 1)",
        results=("y",),
    ),
    Exercise("relu", "x, any shape", "max(x, 0), the same shape", results=("y",)),
    Exercise(
        "max_pool_2d",
        "x (C, H, W)",
        "(C, H // 2, W // 2): the max of each 2x2 window",
        results=("y",),
        extra=(2, 2),  # max_pool_2d(x, kernel_size, stride), as some versions write it
    ),
    Exercise(
        "softmax", "z (n,), a vector of logits", "p (n,), positive, summing to 1", results=("p",)
    ),
    Exercise(
        "conv2d_backward",
        "grad_out (C_out, out_H, out_W), x (C_in, H, W), W (C_out, C_in, kH, kW)",
        "(dx (C_in, H, W), dW (C_out, C_in, kH, kW))",
        results=("dx", "dW"),
    ),
    Exercise(
        "mini_cnn_forward",
        "x (1, 8, 8), W_conv (C_out, 1, 3, 3), W_fc (C_out * 3 * 3, 2)",
        "p (2,): conv3x3 -> ReLU -> max pool 2x2 -> flatten -> @ W_fc -> softmax",
        results=("p",),
        starter=("conv2d_naive", "relu", "max_pool_2d", "softmax"),
    ),
)


STARTER = """\
import numpy as np


def conv2d_naive(x, W):
    C_out, _, kH, kW = W.shape
    out = np.zeros((C_out, x.shape[1] - kH + 1, x.shape[2] - kW + 1))
    for o in range(C_out):
        for i in range(out.shape[1]):
            for j in range(out.shape[2]):
                out[o, i, j] = np.sum(x[:, i:i + kH, j:j + kW] * W[o])
    return out


def relu(x):
    return np.maximum(x, 0)


def max_pool_2d(x, kernel_size=2, stride=2):
    C, H, W = x.shape
    out = np.zeros((C, (H - kernel_size) // stride + 1, (W - kernel_size) // stride + 1))
    for i in range(out.shape[1]):
        for j in range(out.shape[2]):
            window = x[:, i * stride:i * stride + kernel_size, j * stride:j * stride + kernel_size]
            out[:, i, j] = window.max(axis=(1, 2))
    return out


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()
"""
"""The helpers step 06's starter gives the capstone, as plain NumPy (the grader runs them in the
learner's process, where convgrad is not): a capstone that calls them without defining them
is graded with these."""


def battery(function: str) -> list[CourseCase]:
    """The test inputs for the series' functions after step 01 (fresh arrays on every call);
    ``conv2d_backward``'s battery lives in :mod:`convgrad.grading.battery`.

    >>> [case.name for case in battery("softmax")][:2]
    ['two logits', 'large logits']
    """
    if function == "conv2d_naive":
        return [
            CourseCase(
                "3x3 kernel",
                "two channels in, three out, a square image",
                (normal(86, 2, 5, 5), normal(87, 3, 2, 3, 3)),
            ),
            CourseCase(
                "non-square",
                "kH != kW and H != W: rows and columns kept apart",
                (normal(88, 1, 4, 7), normal(89, 2, 1, 2, 3)),
            ),
            CourseCase(
                "1x1 kernel",
                "the output is as large as the input",
                (normal(90, 3, 3, 4), normal(91, 2, 3, 1, 1)),
            ),
        ]
    if function == "conv2d":
        return [
            CourseCase(
                "padding 1",
                "zeros around the image, stride 1",
                (normal(60, 2, 5, 5), normal(61, 3, 2, 3, 3)),
                {"padding": 1, "stride": 1},
            ),
            CourseCase(
                "stride 2",
                "windows 2 apart, no padding",
                (normal(62, 1, 7, 7), normal(63, 2, 1, 3, 3)),
                {"padding": 0, "stride": 2},
            ),
            CourseCase(
                "padding 2, stride 3",
                "the stride does not divide: floor",
                (normal(64, 2, 6, 5), normal(65, 2, 2, 2, 3)),
                {"padding": 2, "stride": 3},
            ),
            CourseCase(
                "defaults",
                "padding=0, stride=1 by default: step 01's answer",
                (normal(66, 1, 4, 6), normal(67, 1, 1, 2, 2)),
            ),
            CourseCase(
                "non-square kernel",
                "kH != kW with padding and stride",
                (normal(68, 1, 6, 8), normal(69, 2, 1, 2, 4)),
                {"padding": 1, "stride": 2},
            ),
        ]
    if function == "relu":
        return [
            CourseCase(
                "vector", "negatives, zero and positives", (np.array([-2.0, -0.5, 0.0, 0.5, 3.0]),)
            ),
            CourseCase(
                "feature map", "a (C, H, W) array, as the capstone calls it", (normal(70, 2, 3, 4),)
            ),
            CourseCase(
                "one value",
                "a one-element array, where Python's max(0, x) happens to work: an answer that "
                "fails everywhere else is told apart from one that fails everywhere",
                (np.array([-1.5]),),
            ),
        ]
    if function == "max_pool_2d":
        return [
            CourseCase("4x4", "two windows a side", (normal(71, 2, 4, 4),)),
            CourseCase("6x6", "the capstone's shape, three channels", (normal(72, 3, 6, 6),)),
            CourseCase(
                "odd 5x7", "odd sizes: the last row and column are dropped", (normal(73, 1, 5, 7),)
            ),
        ]
    if function == "softmax":
        return [
            CourseCase("two logits", "the capstone's two classes", (np.array([0.3, -1.2]),)),
            CourseCase(
                "large logits",
                "exp overflows without subtracting the max",
                (np.array([1000.0, 998.0, 1001.0]),),
            ),
            CourseCase("negative logits", "all below zero", (np.array([-3.0, -1.0, -2.0, -4.0]),)),
        ]
    if function == "mini_cnn_forward":
        big = normal(76, 3 * 9, 2) * 400  # logits in the thousands
        return [
            CourseCase(
                "2 filters",
                "the capstone's shapes with two filters",
                (normal(74, 1, 8, 8), normal(75, 2, 1, 3, 3), normal(77, 18, 2)),
            ),
            CourseCase(
                "large logits",
                "logits in the thousands: softmax must subtract the max",
                (normal(78, 1, 8, 8), normal(79, 3, 1, 3, 3), big),
            ),
            CourseCase(
                "negative responses",
                "filters that respond negatively: ReLU zeroes whole windows",
                (
                    np.abs(normal(80, 1, 8, 8)),
                    -np.abs(normal(81, 4, 1, 3, 3)) + 0.3,
                    normal(82, 36, 2),
                ),
            ),
            CourseCase(
                "one filter",
                "C_out = 1",
                (normal(83, 1, 8, 8), normal(84, 1, 1, 3, 3), normal(85, 9, 2)),
            ),
        ]
    raise ValueError(f"battery: the seeds' series has no battery for {function!r}")


_BUGS = {
    "conv2d_naive": {
        "kernel_flipped": "flips the kernel (a true convolution), where the series correlates",
        "out_size_off_by_one": "out_H = H - kH or out_W = W - kW (or both), without the + 1: the "
        "last row or column of windows is lost",
        "channels_not_summed": "each output cell holds one input channel's sum (the last, "
        "overwritten with = in a loop over channels, or the first), not the sum over all of them",
        "matmul_not_elementwise": "np.sum(patch @ W[o]): a matrix product of each window with "
        "the kernel where the element-wise product is meant",
        "out_size_wrong_dim": "one output size from the other axis: out_W = H - kW + 1 (or "
        "out_H = W - kH + 1)",
        "kernel_dims_swapped": "the window is kW rows tall and kH columns wide: "
        "x[:, i:i + kW, j:j + kH]",
        "loop_one_short": "the output has the right size but a loop runs over range(H - kH) or "
        "range(W - kW): its last row or column stays zero",
    },
    "conv2d": {
        "padding_ignored": "never pads: the padding argument is read but x is used as it is",
        "stride_ignored": "the window starts at (i, j), not (i * stride, j * stride)",
        "pad_one_side": "pads before only, ((padding, 0), (padding, 0))",
        "out_size_without_padding": "out_H = (H - kH) // stride + 1: the padding left out of the "
        "output size",
        "kernel_flipped": "flips the kernel (a true convolution), where the series correlates",
        "pads_channel_axis": "np.pad(x, padding): pads the channel axis too",
        "last_window_dropped": "the windows start at range(0, H_pad - kH, stride): without the "
        "+ 1 the last start is left out when the stride divides, and its output row stays zero",
        "out_size_ceil": "out_H = ceil((H + 2 * padding - kH) / stride) + 1: when the stride does "
        "not divide, one window too many, cut short by the edge",
        "pad_not_zeros": "np.pad(..., mode='edge') (or another mode that copies the image): the "
        "border repeats the image where the series pads with zeros",
    },
    "relu": {
        "max_along_axis": "np.max(x, 0): the maximum along axis 0, not max(x, 0) element-wise",
        "modifies_input": "x[x < 0] = 0; return x: the caller's array is changed",
        "python_max": "Python's max(0, x): it compares the whole array with 0, which NumPy "
        "refuses (the truth value of an array is ambiguous)",
        "python_max_per_row": "np.array([max(0, v) for v in x]): Python's max per item of x's "
        "first axis, a number for a vector but a whole row for a feature map",
    },
    "max_pool_2d": {
        "stride_1": "moves the 2x2 window one cell at a time: overlapping windows",
        "max_over_channels": "the max of x[:, window], over every channel at once",
        "windows_off_edge": "loops over range(0, H, 2): for odd sizes a last window runs off the "
        "edge and is cut short",
        "odd_size_refused": "x.reshape(C, H // 2, 2, W // 2, 2) (or slices x[:, ::2, ::2] "
        "compared with x[:, 1::2, ::2]) without first cutting an odd last row or column: odd "
        "sizes raise an error",
        "last_window_dropped": "the windows start at range(0, H - 2, 2): the last window of an "
        "even size is left out, and its output row stays zero",
        "mean_pool": "takes each window's mean (average pooling), not its maximum",
    },
    "softmax": {
        "no_max_subtraction": "exp(z) / sum(exp(z)) without subtracting max(z): overflows to "
        "inf / inf = nan for large logits",
        "sum_of_logits": "exp(z - max(z)) / sum(z): divides by the sum of the logits, not of "
        "their exps",
        "shift_numerator_only": "exp(z - max(z)) / sum(exp(z)): the max is subtracted above the "
        "line only, so the result is scaled by exp(-max(z)) (and is 0 for large logits)",
    },
    "mini_cnn_forward": {
        "softmax_no_max_subtraction": "the softmax does not subtract the max: nan for large logits",
        "flatten_channels_last": "flattens (3, 3, C_out), transposed, against W_fc's "
        "(C_out, 3, 3) rows",
        "flatten_spatial_transposed": "flattens each channel column by column (j before i)",
        "no_relu": "skips the ReLU",
        "relu_after_fc": "applies the ReLU to the logits as well",
        "flatten_fortran": "h.flatten(order='F') or h.T.reshape(-1): the channel index runs "
        "fastest, against W_fc's (C_out, 3, 3) rows",
        "no_softmax": "returns the logits h @ W_fc: the softmax at the end is missing",
        "batch_axis_kept": "flattens to h.reshape(1, -1): the probabilities come out (1, 2), "
        "not (2,)",
        "kernel_flipped": "the convolution (often a helper the capstone calls) flips the kernel, "
        "where the series correlates",
    },
}


def _naive_form(naive, form: str):
    """``naive`` (a buggy conv2d_naive that takes a form) as a conv2d_naive(x, W) of that form."""

    def conv2d_naive(x, W):
        return naive(x, W, form)

    return conv2d_naive


def _seed_variant(function: str, bug: str):
    """The reference for ``function`` with the bug ``bug``; its docstring is the bug's."""

    def naive(x, W, form=""):
        x, W = np.asarray(x, dtype=np.float64), np.asarray(W, dtype=np.float64)
        C_out, C_in, kH, kW = W.shape
        _, H, W_ = x.shape
        out_H, out_W = H - kH + 1, W_ - kW + 1
        if bug == "out_size_off_by_one":
            out_H, out_W = H - kH + (form == "cols"), W_ - kW + (form == "rows")
        elif bug == "out_size_wrong_dim":
            out_H, out_W = (W_ - kH + 1, out_W) if form == "height" else (out_H, H - kW + 1)
        loops = (out_H, out_W)
        if bug == "loop_one_short":  # both loops short, or only the rows' or the columns'
            loops = (H - kH + (form == "cols"), W_ - kW + (form == "rows"))
        rows, cols = (kW, kH) if bug == "kernel_dims_swapped" else (kH, kW)
        K = W[:, :, ::-1, ::-1] if bug == "kernel_flipped" else W
        y = np.zeros((C_out, out_H, out_W))
        for o, i, j in np.ndindex(C_out, *loops):
            window = x[:, i : i + rows, j : j + cols]
            if bug == "channels_not_summed":
                c = 0 if form == "first" else C_in - 1
                y[o, i, j] = np.sum(window[c] * K[o, c])
            elif bug == "matmul_not_elementwise":
                y[o, i, j] = np.sum(window @ K[o])
            else:
                y[o, i, j] = np.sum(window * K[o])
        return y

    def conv(x, W, padding=0, stride=1):
        x, W = np.asarray(x, dtype=np.float64), np.asarray(W, dtype=np.float64)
        C_out, _, kH, kW = W.shape
        _, H, W_ = x.shape
        pads = {"padding_ignored": (0, 0), "pad_one_side": (padding, 0)}.get(bug, (padding,) * 2)
        xp = np.pad(x, padding) if bug == "pads_channel_axis" else np.pad(x, ((0, 0), pads, pads))
        if bug == "pad_not_zeros":
            xp = np.pad(x, ((0, 0), pads, pads), mode="edge")
        grow = 0 if bug == "out_size_without_padding" else 2 * padding
        out_H, out_W = (H + grow - kH) // stride + 1, (W_ + grow - kW) // stride + 1
        step = 1 if bug == "stride_ignored" else stride
        K = W[:, :, ::-1, ::-1] if bug == "kernel_flipped" else W
        if bug == "out_size_ceil":
            out_H = int(np.ceil((H + grow - kH) / stride)) + 1
            out_W = int(np.ceil((W_ + grow - kW) / stride)) + 1
        y = np.zeros((C_out, out_H, out_W))
        if bug == "last_window_dropped":
            starts = (range(0, xp.shape[1] - kH, stride), range(0, xp.shape[2] - kW, stride))
            for o, (i, top), (j, left) in itertools.product(range(C_out), *map(enumerate, starts)):
                y[o, i, j] = np.sum(W[o] * xp[:, top : top + kH, left : left + kW])
            return y
        for o, i, j in np.ndindex(C_out, out_H, out_W):
            y[o, i, j] = np.sum(K[o] * xp[:, i * step : i * step + kH, j * step : j * step + kW])
        return y

    def relu_(x):
        if bug == "max_along_axis":
            return np.max(x, 0)
        if bug == "python_max":
            return max(0, x)
        if bug == "python_max_per_row":
            return np.array([max(0, v) for v in x])
        x[x < 0] = 0
        return x

    def pool(x):
        x = np.asarray(x, dtype=np.float64)
        C, H, W = x.shape
        if bug == "odd_size_refused":
            return x.reshape(C, H // 2, 2, W // 2, 2).max(axis=(2, 4))
        step = 1 if bug == "stride_1" else 2
        rows = range(0, H - 1, step) if bug != "windows_off_edge" else range(0, H, 2)
        cols = range(0, W - 1, step) if bug != "windows_off_edge" else range(0, W, 2)
        out = np.zeros((C, len(rows), len(cols)))
        if bug == "last_window_dropped":  # the output is sized right, the loops fall short
            rows, cols = range(0, H - 2, 2), range(0, W - 2, 2)
        for c, (a, i), (b, j) in itertools.product(range(C), enumerate(rows), enumerate(cols)):
            window = (
                x[:, i : i + 2, j : j + 2]
                if bug == "max_over_channels"
                else x[c, i : i + 2, j : j + 2]
            )
            out[c, a, b] = np.mean(window) if bug == "mean_pool" else np.max(window)
        return out

    def soft(z):
        z = np.asarray(z, dtype=np.float64)
        if bug == "sum_of_logits":
            return np.exp(z - np.max(z)) / np.sum(z)
        if bug == "shift_numerator_only":
            return np.exp(z - np.max(z)) / np.sum(np.exp(z))
        return np.exp(z) / np.sum(np.exp(z))

    def mini(x, W_conv, W_fc):
        if bug == "kernel_flipped":
            W_conv = np.asarray(W_conv)[:, :, ::-1, ::-1]
        h = conv2d_naive(x, W_conv)
        if bug != "no_relu":
            h = relu(h)
        h = max_pool_2d(h)
        if bug == "flatten_channels_last":
            flat = h.transpose(1, 2, 0).reshape(-1)
        elif bug == "flatten_spatial_transposed":
            flat = h.transpose(0, 2, 1).reshape(-1)
        elif bug == "flatten_fortran":
            flat = h.reshape(-1, order="F")
        else:
            flat = h.reshape(-1)
        logits = flat @ np.asarray(W_fc, dtype=np.float64)
        if bug == "relu_after_fc":
            logits = relu(logits)
        if bug == "no_softmax":
            return logits
        if bug == "batch_axis_kept":
            return softmax(logits[None])
        if bug == "softmax_no_max_subtraction":
            return np.exp(logits) / np.sum(np.exp(logits))
        return softmax(logits)

    def conv2d_naive_(x, W):
        return naive(x, W)

    variant = {
        "conv2d_naive": conv2d_naive_,
        "conv2d": conv,
        "relu": relu_,
        "max_pool_2d": pool,
        "softmax": soft,
        "mini_cnn_forward": mini,
    }[function]
    variant.__name__ = function
    variant.__doc__ = _BUGS[function][bug]
    # the same bug in another form: the grader matches a learner's code against each form
    other_forms = {
        "channels_not_summed": ("first",),
        "out_size_wrong_dim": ("height",),
        "out_size_off_by_one": ("rows", "cols"),
        "loop_one_short": ("rows", "cols"),
    }.get(bug, ())
    if function == "conv2d_naive" and other_forms:
        forms = tuple(_naive_form(naive, form) for form in other_forms)
        variant.forms = (variant, *forms)  # type: ignore[attr-defined]
    if (function, bug) == ("max_pool_2d", "odd_size_refused"):  # the slices' form
        variant.forms = (variant, _odd_slices)  # type: ignore[attr-defined]
    return variant


def _odd_slices(x):
    """max_pool_2d as the maximum of four strided slices: for odd sizes they differ in shape and
    do not broadcast (odd_size_refused, in the form that raises a broadcasting error)."""
    x = np.asarray(x, dtype=np.float64)
    top = np.maximum(x[:, ::2, ::2], x[:, ::2, 1::2])
    return np.maximum(top, np.maximum(x[:, 1::2, ::2], x[:, 1::2, 1::2]))


_VARIANTS = {
    function: {bug: _seed_variant(function, bug) for bug in bugs}
    for function, bugs in _BUGS.items()
}
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
    **{id: bug for id, bug in KNOWN.items() if id != "cache_scrambled"},  # one call: no cache
    "pads_every_axis": Bug(
        "pads_every_axis",
        "np.pad with one width pads the channel axis too",
        "Given one width, `np.pad` pads every axis: `np.pad(grad_out, kH - 1)` is "
        "`(C_out + 2 * (kH - 1), ...)`, so the channels a window reads are shifted into zeros "
        "(its product with the kernel then fails to broadcast, or is right only for one channel). "
        "Give a width per axis: `np.pad(grad_out, ((0, 0), (kH - 1, kH - 1), (kW - 1, kW - 1)))`.",
        ("dx", "dw"),
    ),
    "arguments_swapped": Bug(
        "arguments_swapped",
        "the parameters are not in the exercise's order (grad_out, x, W)",
        "The exercise calls `conv2d_backward(grad_out, x, W)`, and Python hands the arguments "
        "over by position, whatever the parameters are called: with `def conv2d_backward(x, "
        "W, grad_out)` the name x holds grad_out. Write `def conv2d_backward(grad_out, x, W)`.",
    ),
    "axes_unpacked": Bug(
        "axes_unpacked",
        "a shape is unpacked into the wrong number of names "
        "(x and grad_out have three axes, W four)",
        "The exercise passes one image: `x` is `(C_in, H, W)` and `grad_out` is "
        "`(C_out, out_H, out_W)`, three axes each, and the kernel `W` is "
        "`(C_out, C_in, kH, kW)`, four. `N, C, H, W = x.shape` is the batched layout of "
        'cs231n\'s `conv_backward_naive` ("expected 4, got 3" here), and `H, W = x.shape` '
        "leaves out the channels. Unpack `C_in, H, W_in = x.shape` and "
        "`C_out, _, kH, kW = W.shape`, and loop without an image index.",
    ),
    "int_truncation": Bug(
        "int_truncation",
        "the gradients are stored in integer arrays",
        "`np.zeros_like(x)` has x's dtype: with integer x (as in the exercise's example) every "
        "sum written into it is truncated to a whole number, or `+=` refuses to cast the float "
        "into it. Create the gradients as floats: `np.zeros(x.shape)`.",
        ("dx", "dw"),
    ),
    "hardcoded_pad": Bug(
        "hardcoded_pad",
        "the padding of grad_out is fixed to one kernel size",
        "dx as a full correlation pads grad_out by `kH - 1` rows and `kW - 1` columns on each "
        "side; a fixed number (2 for a 3x3 kernel) is right for that kernel only. Pad with "
        "`((0, 0), (kH - 1, kH - 1), (kW - 1, kW - 1))`.",
        ("dx",),
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


# --- where each bug sits in a learner's code, and how to put it right -----------------------------
#
# Regular expressions over the learner's lines (without indentation and comment), tried in order;
# the first that matches quotes its lines (convgrad.grading.functions.locate). They only place a
# bug the results have named, never name one.

_FLATTEN = (r"transpose|moveaxis|swapaxes|rollaxis|\.T\b", r"reshape\s*\(|flatten\s*\(|ravel\s*\(")
_RAW_EXP = (r"np\.exp\s*\(\s*\w+\s*\)", r"\bexp\s*\((?![^)]*-)")
_FLIP = (r"::\s*-\s*1|np\.flip|flipud|fliplr|rot90",)
_WHERE: dict[str, dict[str, tuple[str, ...]]] = {
    "conv2d_naive": {
        "kernel_flipped": _FLIP,
        "out_size_off_by_one": (r"\b[HhWw]\w*\s*-\s*k\w*(?!\s*\+\s*1)\s*(,|\)|$)",),
        "channels_not_summed": (
            r"\bx\s*\[\s*0\s*,",
            r"^\w+\s*\[.*\]\s*=(?!=).*\bx\s*\[\s*\w+\s*[,\]]",  # = where += is meant
            r"\bW\s*\[\s*\w+\s*,\s*(0|-1)\s*\]",
        ),
        "matmul_not_elementwise": (
            r"(@|np\.(matmul|dot)\s*\([^,]*,)\s*W\w*\s*\[",  # a window times W[o]
            r"@|np\.(matmul|dot)\s*\(",
        ),
        "out_size_wrong_dim": (
            r"^(out_?|o)?[Ww](_?(out|new|o))?\s*=[^=]*\b[Hh]\w*\s*-",
            r"^(out_?|o)?[Hh](_?(out|new|o))?\s*=[^=]*\b[Ww]\w*\s*-",
        ),
        "kernel_dims_swapped": (
            r":\s*\w+\s*\+\s*k_?[Ww]\w*\s*,\s*\w+\s*:\s*\w+\s*\+\s*k_?[Hh]",
            r"\+\s*k_?[Ww]\w*\s*,",
        ),
        "loop_one_short": (
            r"range\s*\(\s*\w+\s*-\s*k\w*\s*\)",
            r"range\s*\(\s*\w+\s*-\s*1\s*\)",
        ),
    },
    "conv2d": {
        "padding_ignored": (r"^\w+\s*=\s*x\s*$", r"np\.pad\s*\("),
        "stride_ignored": (
            r"^\w+\s*,\s*\w+\s*=\s*i\s*,\s*j\s*$",
            r"^\w*(top|left|start|row|col|r|c)\w*\s*=\s*[a-z][a-z0-9]?\s*$",
            r"\[[^\]]*\b([a-z][a-z0-9]?)\s*:\s*\1\s*\+\s*\w+",  # x[:, i:i + kH]
        ),
        "pad_one_side": (r"np\.pad\s*\(",),
        "out_size_without_padding": (
            r"^\w+\s*=\s*\(?\s*[HW]\w*\s*-\s*k\w*(?!.*pad)",
            r"^\w*(out|o)_?[HWhw]\w*\s*=(?!.*pad)",
        ),
        "kernel_flipped": _FLIP,
        "pads_channel_axis": (r"np\.pad\s*\(\s*\w+\s*,\s*\w+\s*[,)]", r"np\.pad\s*\("),
        "last_window_dropped": (r"range\s*\([^,]+,[^,]*-\s*k\w*\s*,",),
        "out_size_ceil": (r"\bceil\s*\(",),
        "pad_not_zeros": (
            r"mode\s*=\s*['\"](edge|reflect|symmetric|wrap|mean|median|maximum|minimum)",
            r"np\.pad\s*\(",
        ),
    },
    "relu": {
        "max_along_axis": (r"\bmax\s*\(\s*\w+\s*,\s*0\s*\)|\bamax\s*\(|\.max\s*\(",),
        "modifies_input": (r"^\w+\s*\[.*\]\s*=(?!=)|putmask|out\s*=|\*=|\bclip\s*\(.*out",),
        "python_max": (r"(?<![.\w])max\s*\(",),
        "python_max_per_row": (r"(?<![.\w])max\s*\(.*\bfor\b", r"(?<![.\w])max\s*\("),
    },
    "max_pool_2d": {
        "stride_1": (r"-\s*1\s*\)|range\s*\(\s*\w+\s*-\s*1\s*\)", r"np\.zeros\s*\("),
        "max_over_channels": (r"\[\s*:\s*,", r"axis\s*=\s*\(?\s*0"),
        "windows_off_edge": (
            r"np\.pad\s*\(",
            r"\+\s*1\s*\)\s*//\s*2",
            r"range\s*\(\s*0\s*,\s*\w+\s*,\s*2\s*\)",
            r"ceil",
        ),
        "odd_size_refused": (r"\.reshape\s*\(", r"::\s*2"),
        "last_window_dropped": (r"range\s*\([^,]+,[^,]*-\s*2\s*,",),
        "mean_pool": (r"\b(mean|average)\s*\(|/\s*4\b",),
    },
    "softmax": {
        "no_max_subtraction": _RAW_EXP,
        "sum_of_logits": (r"/\s*(np\.sum\s*\(\s*z\s*\)|z\.sum\s*\(\s*\)|sum\s*\(\s*z\s*\))", r"/"),
        "shift_numerator_only": (
            r"exp\s*\([^)]*-[^)]*\).*/.*\bexp\s*\(\s*\w+\s*\)",  # shifted above only
            r"/\s*(np\.)?sum\s*\(\s*(np\.)?exp\s*\(\s*\w+\s*\)",
            r"/.*\bexp\s*\(\s*\w+\s*\)",
            *_RAW_EXP,
        ),
    },
    "mini_cnn_forward": {
        "softmax_no_max_subtraction": _RAW_EXP,
        "flatten_channels_last": _FLATTEN,
        "flatten_spatial_transposed": _FLATTEN,
        "no_relu": (r"max_pool_2d\s*\(\s*conv2d", r"max_pool_2d\s*\(", r"conv2d\w*\s*\("),
        "relu_after_fc": (r"relu\s*\(.*(@|dot|matmul)", r"relu\s*\(\s*(logits|z|scores)\b"),
        "flatten_fortran": (
            r"order\s*=\s*['\"]F|(\.T|np\.transpose\s*\(\s*\w+\s*\))\s*\.\s*(reshape|flatten|ravel)",
            *_FLATTEN,
        ),
        "no_softmax": (r"^return\b(?!.*softmax)", r"(@|dot|matmul)"),
        "kernel_flipped": _FLIP,
        "batch_axis_kept": (
            r"reshape\s*\(\s*1\s*,\s*-\s*1\s*\)|\[\s*(None|np\.newaxis)\s*[,\]]",
            r"reshape\s*\(\s*1\s*,",
        ),
    },
}

_FIXES: dict[str, dict[str, str]] = {
    "conv2d_naive": {
        "kernel_flipped": "The series computes a cross-correlation, as every framework's "
        "'convolution' does: multiply the window by W[o] as it is, not flipped.",
        "out_size_off_by_one": "A kH-tall kernel fits H - kH + 1 times in H rows: out_H = H - "
        "kH + 1 and out_W = W - kW + 1.",
        "channels_not_summed": "Each output cell sums over every input channel: np.sum(x[:, i:i "
        "+ kH, j:j + kW] * W[o]), or += inside a loop over channels.",
        "matmul_not_elementwise": "Multiply element by element and sum: np.sum(window * W[o]) "
        "(@ is a matrix product, right only for a 1x1 kernel).",
        "out_size_wrong_dim": "Each output size comes from its own axis: out_H = H - kH + 1, "
        "out_W = W - kW + 1, with H, W = x.shape[1], x.shape[2].",
        "kernel_dims_swapped": "The window is kH rows tall and kW columns wide: x[:, i:i + kH, "
        "j:j + kW], with kH, kW = W.shape[2], W.shape[3].",
        "loop_one_short": "Loop over every output row and column: range(H - kH + 1) (the "
        "output's own size), not range(H - kH).",
    },
    "conv2d": {
        "padding_ignored": "Pad the image first: x_pad = np.pad(x, ((0, 0), (padding, padding), "
        "(padding, padding))), then slide over x_pad.",
        "stride_ignored": "Output cell (i, j) reads the window at (i * stride, j * stride).",
        "pad_one_side": "Pad both sides of each image axis: ((0, 0), (padding, padding), "
        "(padding, padding)).",
        "out_size_without_padding": "out_H = (H + 2 * padding - kH) // stride + 1, and out_W "
        "likewise.",
        "kernel_flipped": "The series computes a cross-correlation: multiply the window by W as "
        "it is, not flipped.",
        "pads_channel_axis": "np.pad(x, padding) pads every axis, the channels too: pad only the "
        "image axes, ((0, 0), (padding, padding), (padding, padding)).",
        "last_window_dropped": "The last window starts at H_pad - kH: loop over range(0, H_pad "
        "- kH + 1, stride), or over the output's rows, i in range(out_H), starting at i * "
        "stride.",
        "out_size_ceil": "Round down: out_H = (H + 2 * padding - kH) // stride + 1; a last "
        "window that does not fit inside the padded image is dropped.",
        "pad_not_zeros": "Pad with zeros, np.pad's default mode='constant': the series' example "
        "(a 3x3 kernel of ones on ones, padding 1) gives 4 in the corner, not 9.",
    },
    "relu": {
        "max_along_axis": "np.max(x, 0) is the maximum along axis 0; the element-wise maximum is "
        "np.maximum(x, 0).",
        "modifies_input": "Return a new array, np.maximum(x, 0), and leave the caller's x as it "
        "was.",
        "python_max": "Python's max compares whole objects; NumPy's element-wise maximum is "
        "np.maximum(x, 0).",
        "python_max_per_row": "Iterating over x gives its rows, not its numbers: use "
        "np.maximum(x, 0), which works element by element for any shape.",
    },
    "max_pool_2d": {
        "stride_1": "2x2 windows at stride 2: out[c, i, j] = max of x[c, 2i:2i + 2, 2j:2j + 2], "
        "with H // 2 by W // 2 outputs.",
        "max_over_channels": "Pool each channel on its own: x[c, 2i:2i + 2, 2j:2j + 2].",
        "windows_off_edge": "For odd sizes the last row or column is dropped: H // 2 outputs, "
        "each window inside x.",
        "odd_size_refused": "Cut an odd last row or column first, x = x[:, :H // 2 * 2, :W // 2 "
        "* 2], then reshape (or compare the four strided slices).",
        "last_window_dropped": "The last window starts at H - 2: loop over range(0, H - 1, 2), "
        "or over the output's rows, i in range(H // 2), starting at 2 * i.",
        "mean_pool": "Max pooling keeps each window's largest value: np.max(window).",
    },
    "softmax": {
        "no_max_subtraction": "Subtract the largest logit first: e = np.exp(z - np.max(z)); "
        "return e / e.sum(). The result is the same, and exp no longer overflows.",
        "sum_of_logits": "Divide by the sum of the exponentials: e / e.sum().",
        "shift_numerator_only": "Divide by the sum of the same shifted exponentials: e = "
        "np.exp(z - np.max(z)); return e / e.sum().",
    },
    "mini_cnn_forward": {
        "softmax_no_max_subtraction": "Subtract the largest logit before exp: large logits "
        "overflow to inf, and inf / inf is nan.",
        "flatten_channels_last": "Flatten in W_fc's row order, channel first: h.reshape(-1) of "
        "the (C_out, 3, 3) map, with no transpose.",
        "flatten_spatial_transposed": "Flatten each channel row by row: h.reshape(-1) of the "
        "(C_out, 3, 3) map.",
        "no_relu": "conv3x3 -> ReLU -> max pool: apply relu to the convolution's output.",
        "relu_after_fc": "The ReLU belongs after the convolution only; the logits go straight "
        "to softmax.",
        "flatten_fortran": "Flatten in W_fc's row order, C order: h.reshape(-1) (or "
        "h.flatten()) of the (C_out, 3, 3) map, with no order='F' and no .T.",
        "no_softmax": "The capstone returns probabilities: return softmax(logits), two "
        "non-negative numbers that sum to 1.",
        "kernel_flipped": "Step 01's convolution is a cross-correlation: multiply each window "
        "by W_conv[o] as it is, not flipped.",
        "batch_axis_kept": "Flatten to a vector, h.reshape(-1), so that @ W_fc gives the two "
        "logits as a (2,) vector.",
    },
}
