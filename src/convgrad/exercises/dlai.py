"""deeplearning.ai, Course 4 Week 1, "Convolution model: step by step": the reference answers.

The course is channels-last. A batch of activations is ``A_prev (m, n_H_prev, n_W_prev,
n_C_prev)``, the filters ``W (f, f, n_C_prev, n_C)``, the biases ``b (1, 1, 1, n_C)``, and a
layer's output ``Z`` or ``A (m, n_H, n_W, n_C)`` with::

    n_H = (n_H_prev + 2 * pad - f) // stride + 1        (and likewise n_W)

(the notebook writes ``int((n_H_prev - f + 2 * pad) / stride) + 1``, the same floor). Output cell
``(h, w)`` reads the window ``vert_start = h * stride`` to ``vert_start + f`` by
``horiz_start = w * stride`` to ``horiz_start + f`` of the (padded) input::

    Z[i, h, w, c]          = sum(A_prev_pad[i, window, :] * W[..., c]) + b[..., c]
    dA_prev_pad[i, window] += W[..., c] * dZ[i, h, w, c]
    dW[..., c]             += A_prev_pad[i, window, :] * dZ[i, h, w, c]
    db[..., c]             += dZ[i, h, w, c]

and ``dA_prev`` is ``dA_prev_pad`` without its ``pad`` border. (The notebook's hint crops with
``[pad:-pad, pad:-pad]``, which is empty when ``pad = 0``; ``[pad:pad + n_H_prev]`` is not.)

Pooling has no weights: ``hparameters = {"f", "stride"}``, no padding, and every channel on its
own. Max pooling sends ``dA[i, h, w, c]`` back through :func:`create_mask_from_window`, which by
the course's rule marks *every* maximum of a window (``x == max(x)``): a window with two tied
maxima sends the full gradient to both. PyTorch sends it to the first maximum only; the two agree
whenever the maximum is unique. Average pooling spreads ``dA[i, h, w, c] / (f * f)`` over the
window (:func:`distribute_value`). Windows overlap when ``stride < f``, so every backward pass
accumulates with ``+=``.

Variants across the course's years, all accepted here:

- ``conv_single_step`` returned a ``(1, 1, 1)`` array in older years and a float in newer ones
  (the notebook now says ``Z = Z + float(b)``); this returns a float. Both older and newer
  answers need NumPy 1.x's leniency, which NumPy 2 dropped: see
  :class:`convgrad.exercises._catalogue.Numpy1Array`;
- caches are ``(A_prev, W, b, hparameters)`` for the convolution and ``(A_prev, hparameters)``
  for pooling, as a tuple or a list; ``hparameters`` may hold keys beyond the ones a function
  reads (``{"stride", "pad"}`` or ``{"f", "stride"}``);
- ``mode`` is ``"max"`` or ``"average"``, ``"max"`` by default; ``"avg"``, which some public
  copies of the notebook write instead, is read as ``"average"``. The battery passes the
  notebook's ``"average"``.

Inputs may be nested lists or arrays of real numbers and are never modified; results are new
float64 arrays (the course works in float64).

>>> import numpy as np
>>> A_prev = np.arange(16.0).reshape(1, 4, 4, 1)
>>> A, cache = pool_forward(A_prev, {"f": 2, "stride": 2})
>>> A[0, :, :, 0].tolist()
[[5.0, 7.0], [13.0, 15.0]]
>>> pool_backward(np.ones_like(A), cache)[0, :2, :2, 0].tolist()
[[0.0, 0.0], [0.0, 1.0]]
"""

from __future__ import annotations

import numbers
from collections.abc import Callable

import numpy as np

from .. import _args
from ._catalogue import Case, Exercise, int_params, normal, tied

EXERCISES = (
    Exercise(
        "zero_pad",
        "X (m, n_H, n_W, n_C), pad int >= 0",
        "X_pad (m, n_H + 2 pad, n_W + 2 pad, n_C)",
        results=("X_pad",),
    ),
    Exercise(
        "conv_single_step",
        "a_slice_prev (f, f, n_C_prev), W (f, f, n_C_prev), b (1, 1, 1)",
        "Z, a float: sum(a_slice_prev * W) + b",
        results=("Z",),
    ),
    Exercise(
        "conv_forward",
        "A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C), b (1, 1, 1, n_C), "
        'hparameters {"stride", "pad"}',
        "(Z (m, n_H, n_W, n_C), cache (A_prev, W, b, hparameters)); "
        "n_H = (n_H_prev + 2 pad - f) // stride + 1",
        cached=True,
        results=("Z",),
    ),
    Exercise(
        "pool_forward",
        'A_prev (m, n_H_prev, n_W_prev, n_C), hparameters {"f", "stride"}, mode "max" or "average"',
        "(A (m, n_H, n_W, n_C), cache (A_prev, hparameters)); n_H = (n_H_prev - f) // stride + 1",
        cached=True,
        results=("A",),
    ),
    Exercise(
        "conv_backward",
        "dZ (m, n_H, n_W, n_C), cache (A_prev, W, b, hparameters) from conv_forward",
        "(dA_prev like A_prev, dW like W (f, f, n_C_prev, n_C), db (1, 1, 1, n_C))",
        results=("dA_prev", "dW", "db"),
        forward="conv_forward",
    ),
    Exercise(
        "create_mask_from_window",
        "x (f, f)",
        "mask (f, f) of bools, True at every maximum of x (ties included)",
        results=("mask",),
    ),
    Exercise(
        "distribute_value",
        "dz a number, shape (n_H, n_W)",
        "a (n_H, n_W), every entry dz / (n_H * n_W)",
        results=("a",),
    ),
    Exercise(
        "pool_backward",
        "dA (m, n_H, n_W, n_C), cache (A_prev, hparameters) from pool_forward, "
        'mode "max" or "average"',
        "dA_prev like A_prev (m, n_H_prev, n_W_prev, n_C)",
        results=("dA_prev",),
        forward="pool_forward",
    ),
)

NUMPY1 = True
"""The course's learners wrote for NumPy 1.x: the grader passes them :class:`Numpy1Array`
arrays (``float(b)`` of a ``(1, 1, 1)`` array works, as it did)."""

MODES = ("max", "average")
MODE_ALIASES = {"avg": "average"}  # some public copies of the notebook rename "average" "avg"


# --- checking the arguments -----------------------------------------------------------------------


def _array(fn: str, name: str, value: object, ndim: int, layout: str) -> np.ndarray:
    """``value`` as a float64 array with ``ndim`` dimensions, none empty, or a clear error."""
    array = _args.as_array(fn, name, value)
    if array.ndim != ndim or 0 in array.shape:
        raise ValueError(
            f"{fn}: {name} must be {ndim}-D {layout} with no empty dimension; "
            f"got shape {array.shape}"
        )
    return array.astype(np.float64)  # a new array: the argument is never modified


def _int(fn: str, name: str, value: object, smallest: int) -> int:
    if not isinstance(value, numbers.Integral) or isinstance(value, bool):
        raise TypeError(f"{fn}: {name} must be an int; got {value!r:.80}")
    if value < smallest:
        raise ValueError(f"{fn}: {name} must be >= {smallest}; got {value}")
    return int(value)


def _hparameters(fn: str, hparameters: object, keys: tuple[str, ...]) -> list[int]:
    """The ints ``hparameters[key]`` for ``keys`` (``"pad"`` >= 0, the others >= 1)."""
    smallest = {key: 0 if key == "pad" else 1 for key in keys}
    return int_params(fn, "hparameters", hparameters, smallest)


def _mode(fn: str, mode: object) -> str:
    if isinstance(mode, str):
        mode = MODE_ALIASES.get(mode, mode)
    if mode not in MODES:
        raise ValueError(f"{fn}: mode must be 'max' or 'average'; got {mode!r:.80}")
    return str(mode)


def _cache(fn: str, cache: object, length: int, layout: str) -> tuple[object, ...]:
    if not isinstance(cache, tuple | list) or len(cache) != length:
        raise TypeError(
            f"{fn}: cache must be the {length}-tuple {layout} that the forward pass returned; "
            f"got {type(cache).__name__} {repr(cache)[:60]}"
        )
    return tuple(cache)


def _out_size(fn: str, size: int, f: int, stride: int, pad: int, axis: str) -> int:
    if f > size + 2 * pad:
        raise ValueError(
            f"{fn}: the window f = {f} must fit inside the {'padded ' if pad else ''}input's "
            f"{axis} {size + 2 * pad}"
        )
    return (size + 2 * pad - f) // stride + 1


def _conv_args(fn: str, A_prev: object, W: object, b: object, hparameters: object):
    stride, pad = _hparameters(fn, hparameters, ("stride", "pad"))
    A_prev = _array(fn, "A_prev", A_prev, 4, "(m, n_H_prev, n_W_prev, n_C_prev)")
    W = _array(fn, "W", W, 4, "(f, f, n_C_prev, n_C)")
    b = _array(fn, "b", b, 4, "(1, 1, 1, n_C)")
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, f_w, c_prev, n_C = W.shape
    if f != f_w or c_prev != n_C_prev:
        raise ValueError(
            f"{fn}: W must be (f, f, n_C_prev, n_C) with n_C_prev = {n_C_prev} from A_prev; "
            f"got W shape {W.shape}"
        )
    if b.shape != (1, 1, 1, n_C):
        raise ValueError(
            f"{fn}: b must have shape (1, 1, 1, n_C) = {(1, 1, 1, n_C)}; got {b.shape}"
        )
    n_H = _out_size(fn, n_H_prev, f, stride, pad, "height")
    n_W = _out_size(fn, n_W_prev, f, stride, pad, "width")
    return A_prev, W, b, stride, pad, (m, n_H, n_W, n_C)


def _pool_args(fn: str, A_prev: object, hparameters: object):
    f, stride = _hparameters(fn, hparameters, ("f", "stride"))
    A_prev = _array(fn, "A_prev", A_prev, 4, "(m, n_H_prev, n_W_prev, n_C)")
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H = _out_size(fn, n_H_prev, f, stride, 0, "height")
    n_W = _out_size(fn, n_W_prev, f, stride, 0, "width")
    return A_prev, f, stride, (m, n_H, n_W, n_C)


def _grad(fn: str, name: str, value: object, shape: tuple[int, ...]) -> np.ndarray:
    grad = _array(fn, name, value, 4, "(m, n_H, n_W, n_C)")
    if grad.shape != shape:
        raise ValueError(
            f"{fn}: {name} must have the forward output's shape (m, n_H, n_W, n_C) = {shape}; "
            f"got {grad.shape}"
        )
    return grad


# --- the reference answers ------------------------------------------------------------------------


def zero_pad(X, pad):
    """Pad the height and width of every image of ``X`` with ``pad`` zeros on each side.

    Args:
        X: ``(m, n_H, n_W, n_C)``.
        pad: an int >= 0.

    Returns:
        ``X_pad (m, n_H + 2 * pad, n_W + 2 * pad, n_C)``, a new array.

    >>> zero_pad(np.ones((1, 1, 2, 1)), 1)[0, :, :, 0].tolist()
    [[0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
    """
    pad = _int("zero_pad", "pad", pad, 0)
    X = _array("zero_pad", "X", X, 4, "(m, n_H, n_W, n_C)")
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)))


def conv_single_step(a_slice_prev, W, b):
    """One filter applied to one window: ``sum(a_slice_prev * W) + b``, as a float.

    Args:
        a_slice_prev: ``(f, f, n_C_prev)``, one window of the input.
        W: ``(f, f, n_C_prev)``, one filter.
        b: ``(1, 1, 1)``, its bias.

    >>> conv_single_step(np.ones((2, 2, 3)), np.full((2, 2, 3), 0.5), [[[1.0]]])
    7.0
    """
    fn = "conv_single_step"
    a = _array(fn, "a_slice_prev", a_slice_prev, 3, "(f, f, n_C_prev)")
    W = _array(fn, "W", W, 3, "(f, f, n_C_prev)")
    b = np.asarray(b, dtype=np.float64)
    if a.shape != W.shape:
        raise ValueError(
            f"{fn}: a_slice_prev and W must have the same shape; got {a.shape}, {W.shape}"
        )
    if b.size != 1:
        raise ValueError(f"{fn}: b must hold one number, shape (1, 1, 1); got shape {b.shape}")
    return float(np.sum(a * W) + b.item())


def conv_forward(A_prev, W, b, hparameters):
    """The forward pass of a convolutional layer, channels-last, as loops over output cells.

    Args:
        A_prev: ``(m, n_H_prev, n_W_prev, n_C_prev)``.
        W: ``(f, f, n_C_prev, n_C)``.
        b: ``(1, 1, 1, n_C)``.
        hparameters: ``{"stride": s, "pad": p}``, ints ``s >= 1``, ``p >= 0``.

    Returns:
        ``(Z, cache)``: ``Z (m, n_H, n_W, n_C)`` with ``n_H = (n_H_prev + 2p - f) // s + 1`` (and
        likewise ``n_W``); ``cache = (A_prev, W, b, hparameters)``.

    >>> Z, _ = conv_forward(np.ones((1, 3, 3, 2)), np.ones((2, 2, 2, 1)), np.zeros((1, 1, 1, 1)),
    ...                     {"stride": 1, "pad": 0})
    >>> Z.shape, float(Z[0, 0, 0, 0])
    ((1, 2, 2, 1), 8.0)
    """
    cache = (A_prev, W, b, hparameters)
    A_prev, W, b, stride, pad, (m, n_H, n_W, n_C) = _conv_args(
        "conv_forward", A_prev, W, b, hparameters
    )
    f = W.shape[0]
    A_prev_pad = zero_pad(A_prev, pad)
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                a_slice = A_prev_pad[
                    i, vert_start : vert_start + f, horiz_start : horiz_start + f, :
                ]
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(a_slice, W[:, :, :, c], b[:, :, :, c])
    return Z, cache


def pool_forward(A_prev, hparameters, mode="max"):
    """The forward pass of a pooling layer: the max or the mean of each window, per channel.

    Args:
        A_prev: ``(m, n_H_prev, n_W_prev, n_C)``.
        hparameters: ``{"f": f, "stride": s}``, ints ``>= 1``.
        mode: ``"max"`` or ``"average"``.

    Returns:
        ``(A, cache)``: ``A (m, n_H, n_W, n_C)`` with ``n_H = (n_H_prev - f) // s + 1`` (and
        likewise ``n_W``); ``cache = (A_prev, hparameters)``.

    >>> A, _ = pool_forward(np.arange(9.0).reshape(1, 3, 3, 1), {"f": 2, "stride": 1}, "average")
    >>> A[0, :, :, 0].tolist()
    [[2.0, 3.0], [5.0, 6.0]]
    """
    fn = "pool_forward"
    cache = (A_prev, hparameters)
    mode = _mode(fn, mode)
    A_prev, f, stride, (m, n_H, n_W, n_C) = _pool_args(fn, A_prev, hparameters)
    pool = np.max if mode == "max" else np.mean
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            for w in range(n_W):
                horiz_start = w * stride
                for c in range(n_C):
                    window = A_prev[
                        i, vert_start : vert_start + f, horiz_start : horiz_start + f, c
                    ]
                    A[i, h, w, c] = pool(window)
    return A, cache


def conv_backward(dZ, cache):
    """The backward pass of :func:`conv_forward`.

    Args:
        dZ: ``(m, n_H, n_W, n_C)``, the gradient of the cost with respect to ``Z``.
        cache: ``(A_prev, W, b, hparameters)``, as :func:`conv_forward` returned it.

    Returns:
        ``(dA_prev, dW, db)``: ``dA_prev (m, n_H_prev, n_W_prev, n_C_prev)``,
        ``dW (f, f, n_C_prev, n_C)``, ``db (1, 1, 1, n_C)``.

    >>> Z, cache = conv_forward(np.ones((1, 3, 3, 1)), np.ones((2, 2, 1, 1)),
    ...                         np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 0})
    >>> dA_prev, dW, db = conv_backward(np.ones_like(Z), cache)
    >>> dA_prev[0, :, :, 0].tolist(), db.ravel().tolist()
    ([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]], [4.0])
    """
    fn = "conv_backward"
    cache = _cache(fn, cache, 4, "(A_prev, W, b, hparameters)")
    A_prev, W, b, stride, pad, out_shape = _conv_args(fn, *cache)
    dZ = _grad(fn, "dZ", dZ, out_shape)
    m, n_H, n_W, n_C = out_shape
    _, n_H_prev, n_W_prev, _ = A_prev.shape
    f = W.shape[0]

    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = np.zeros(A_prev_pad.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    for i in range(m):
        for h in range(n_H):
            rows = slice(h * stride, h * stride + f)
            for w in range(n_W):
                cols = slice(w * stride, w * stride + f)
                for c in range(n_C):
                    g = dZ[i, h, w, c]
                    dA_prev_pad[i, rows, cols, :] += W[:, :, :, c] * g
                    dW[:, :, :, c] += A_prev_pad[i, rows, cols, :] * g
                    db[:, :, :, c] += g
    dA_prev = dA_prev_pad[:, pad : pad + n_H_prev, pad : pad + n_W_prev, :].copy()
    return dA_prev, dW, db


def create_mask_from_window(x):
    """``True`` at every maximum of ``x``: the course's rule, ties included.

    Args:
        x: ``(f, f)``, one window of one channel.

    Returns:
        ``mask (f, f)`` of bools.

    >>> create_mask_from_window([[1, 3], [3, 2]]).tolist()
    [[False, True], [True, False]]
    """
    x = _array("create_mask_from_window", "x", x, 2, "(f, f)")
    return x == np.max(x)


def distribute_value(dz, shape):
    """Spread ``dz`` evenly over a window of ``shape``: every entry ``dz / (n_H * n_W)``.

    Args:
        dz: a number, the gradient of one average-pooling output.
        shape: ``(n_H, n_W)``, the window's shape.

    Returns:
        ``a (n_H, n_W)``.

    >>> distribute_value(6.0, (2, 3)).tolist()
    [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]
    """
    fn = "distribute_value"
    dz = np.asarray(dz, dtype=np.float64)
    if dz.size != 1:
        raise ValueError(f"{fn}: dz must be one number; got shape {dz.shape}")
    if not isinstance(shape, tuple | list) or len(shape) != 2:
        raise TypeError(f"{fn}: shape must be a pair (n_H, n_W); got {shape!r:.80}")
    n_H, n_W = (_int(fn, name, v, 1) for name, v in zip(("shape[0]", "shape[1]"), shape))
    return np.full((n_H, n_W), dz.item() / (n_H * n_W))


def pool_backward(dA, cache, mode="max"):
    """The backward pass of :func:`pool_forward`.

    Max pooling sends each ``dA[i, h, w, c]`` to every maximum of its window (the course's rule,
    :func:`create_mask_from_window`); average pooling spreads it evenly
    (:func:`distribute_value`). Overlapping windows (``stride < f``) add up.

    Args:
        dA: ``(m, n_H, n_W, n_C)``, the gradient of the cost with respect to ``A``.
        cache: ``(A_prev, hparameters)``, as :func:`pool_forward` returned it.
        mode: ``"max"`` or ``"average"``, as in the forward pass.

    Returns:
        ``dA_prev (m, n_H_prev, n_W_prev, n_C)``.

    >>> A_prev = np.array([1.0, 3, 3, 2]).reshape(1, 2, 2, 1)
    >>> pool_backward(np.ones((1, 1, 1, 1)), (A_prev, {"f": 2, "stride": 1}))[0, :, :, 0].tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """
    fn = "pool_backward"
    mode = _mode(fn, mode)
    A_prev, f, stride, out_shape = _pool_args(fn, *_cache(fn, cache, 2, "(A_prev, hparameters)"))
    dA = _grad(fn, "dA", dA, out_shape)
    m, n_H, n_W, n_C = out_shape

    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            rows = slice(h * stride, h * stride + f)
            for w in range(n_W):
                cols = slice(w * stride, w * stride + f)
                for c in range(n_C):
                    if mode == "max":
                        mask = create_mask_from_window(A_prev[i, rows, cols, c])
                        dA_prev[i, rows, cols, c] += mask * dA[i, h, w, c]
                    else:
                        dA_prev[i, rows, cols, c] += distribute_value(dA[i, h, w, c], (f, f))
    return dA_prev


# --- the battery: inputs the notebook's template accepts, each exposing something -----------------


def _conv_case(name, about, seed, shape, filters, grad):
    """A conv case: ``A_prev`` of ``shape``, ``filters = (f, n_C, stride, pad)``, and for the
    backward pass a random ``dZ`` and the cache."""
    m, n_H_prev, n_W_prev, n_C_prev = shape
    f, n_C, stride, pad = filters
    A_prev, W = normal(seed, *shape), normal(seed + 1, f, f, n_C_prev, n_C)
    b = normal(seed + 2, 1, 1, 1, n_C)
    hparameters = {"stride": stride, "pad": pad}
    if not grad:
        return Case(name, about, (A_prev, W, b, hparameters))
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    dZ = normal(seed + 3, m, n_H, n_W, n_C)
    return Case(name, about, (dZ, (A_prev, W, b, hparameters)))


def _pool_case(name, about, values, window, grad):
    """A pooling case: ``window = (f, stride, mode)``, and for the backward pass a random
    ``dA`` and the cache."""
    f, stride, mode = window
    hparameters = {"f": f, "stride": stride}
    if not grad:
        return Case(name, about, (values, hparameters), {"mode": mode})
    m, n_H_prev, n_W_prev, n_C = values.shape
    dA = normal(7, m, (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1, n_C)
    return Case(name, about, (dA, (values, hparameters)), {"mode": mode})


def battery(function: str) -> list[Case]:
    """The test inputs for ``function`` (fresh arrays on every call), each with what it exercises.

    >>> [case.name for case in battery("distribute_value")]
    ['square 2x2', 'square 3x3', 'non-square 2x3']
    """
    grad = function.endswith("backward")
    if function == "zero_pad":
        return [
            Case("pad 2", "a batch of two images, three channels", (normal(1, 2, 3, 3, 3), 2)),
            Case("pad 0", "no padding at all: X comes back unchanged", (normal(2, 1, 2, 3, 2), 0)),
            Case("non-square", "height, width and channels all differ", (normal(3, 1, 2, 4, 3), 1)),
        ]
    if function == "conv_single_step":
        a, W, b = (4, 4, 3), (1, 1, 1), (3, 3, 2)
        return [
            Case("3 channels", "a 4x4 window of three channels",
                 (normal(4, *a), normal(5, *a), normal(6, 1, 1, 1))),
            Case("1x1x1", "a single number times a single weight",
                 (normal(7, *W), normal(8, *W), normal(9, 1, 1, 1))),
            Case("negative bias", "the bias added once, not once per element",
                 (normal(10, *b), normal(11, *b), np.full((1, 1, 1), -2.5))),
        ]  # fmt: skip
    if function in ("conv_forward", "conv_backward"):
        # (name, what it exercises, seed, A_prev's shape, (f, n_C, stride, pad))
        cases = [
            ("pad 2, stride 2", "the notebook's test: padding and stride both 2",
             20, (2, 4, 4, 3), (2, 4, 2, 2)),
            ("pad 0", "no padding: a crop with [pad:-pad] is empty here",
             21, (2, 5, 5, 2), (3, 3, 1, 0)),
            ("pad 1, stride 2", "stride 2 with a 3x3 filter: windows overlap",
             22, (1, 5, 7, 4), (3, 2, 2, 1)),
            ("non-square, stride 1", "height != width, every window overlaps",
             23, (1, 4, 6, 2), (2, 3, 1, 1)),
            ("stride 3", "the stride does not divide: the last rows are never read",
             24, (1, 7, 8, 2), (3, 2, 3, 0)),
            ("one channel", "n_C_prev = n_C = 1, a 1x1 filter",
             25, (2, 3, 3, 1), (1, 1, 1, 0)),
        ]  # fmt: skip
        return [_conv_case(*case, grad) for case in cases]
    if function in ("pool_forward", "pool_backward"):
        # (name, what it exercises, A_prev, (f, stride, mode))
        pool_cases = [
            ("max, f 3, stride 2", "overlapping windows, distinct values",
             normal(30, 2, 5, 5, 3), (3, 2, "max")),
            ("max, ties, stride 1", "2x2 windows at stride 1 holding tied maxima",
             tied(31, 1, 4, 4, 2), (2, 1, "max")),
            ("max, ties, stride 2", "windows side by side, tied maxima",
             tied(32, 2, 4, 6, 2), (2, 2, "max")),
            ("max, non-square", "height != width, the stride does not divide",
             normal(33, 1, 5, 8, 2), (2, 3, "max")),
            ("average, f 2, stride 1", "overlapping windows: gradients add up",
             normal(34, 1, 4, 5, 2), (2, 1, "average")),
            ("average, f 3, stride 3", "each dA spread over 9 cells, not 6 or 1",
             normal(35, 2, 6, 9, 1), (3, 3, "average")),
        ]  # fmt: skip
        return [_pool_case(*case, grad) for case in pool_cases]
    if function == "create_mask_from_window":
        unique = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0], [2.0, 1.5, 2.5]])
        ties = np.array([[2.0, 0.0, 1.0], [-1.0, 2.0, 0.0], [1.0, 1.0, -1.0]])
        return [
            Case("unique maximum", "one maximum, away from the first row", (unique,)),
            Case("tied maxima", "two cells hold the maximum: both are marked", (ties,)),
            Case("2x2", "the notebook's window size", (normal(41, 2, 2),)),
        ]
    if function == "distribute_value":
        return [
            Case("square 2x2", "the notebook's test, where n_H + n_W = n_H * n_W", (2.0, (2, 2))),
            Case("square 3x3", "9 cells: n_H + n_W = 6 differs from n_H * n_W", (-1.5, (3, 3))),
            Case("non-square 2x3", "height != width", (3.0, (2, 3))),
        ]
    raise ValueError(f"battery: deeplearning.ai has no function {function!r}")


# --- the catalogue of real bugs, one buggy variant each -------------------------------------------
#
# Each variant is the reference with one mistake learners make, switched on by its id; its
# docstring (the entry in _BUGS) says what the mistake is.

_BUGS = {
    "zero_pad": {
        "pads_channels": "pads the last two axes, (n_W, n_C), as for channels-first data",
        "pads_batch": "pads the first two axes, (m, n_H), instead of (n_H, n_W)",
        "one_side": "pads after only, (0, pad), not on both sides",
        "pads_every_axis": "np.pad(X, pad): pads all four axes, the batch and channels too",
        "slice_pad_minus_pad": "copies X into X_pad[:, pad:-pad, pad:-pad, :], an empty slice when "
        "pad = 0",
        "pads_with_pad_value": "np.pad(..., constant_values=(pad, pad)): the border is filled with "
        "the value pad, not with zeros",
    },
    "conv_single_step": {
        "bias_inside_sum": "adds b to every product before the sum: b counted f*f*n_C times",
        "no_bias": "never adds b",
    },
    "conv_forward": {
        "vert_start_no_stride": "vert_start = h (and horiz_start = w): the stride is forgotten",
        "out_size_parenthesis": "n_H = int((1 + n_H_prev + 2 * pad - f) / stride): 1 added "
        "before the division",
        "bias_whole": "passes the whole b (1, 1, 1, n_C) on instead of b[..., c]: fails for "
        "n_C > 1",
        "no_padding": "slides over A_prev instead of the padded A_prev_pad",
        "no_bias": "never adds b: Z is the sum of the products alone",
        "n_W_from_height": "computes n_W from n_H_prev: right only for square inputs",
        "out_size_precedence": "n_H = int(n_H_prev - f + 2 * pad / stride) + 1: only the last "
        "term is divided by the stride (the parentheses around the numerator are missing)",
    },
    "pool_forward": {
        "vert_start_no_stride": "vert_start = h (and horiz_start = w): the stride is forgotten",
        "out_size_parenthesis": "n_H = int((1 + n_H_prev - f) / stride): 1 added before the "
        "division",
        "all_channels": "pools the window over every channel, A_prev[i, rows, cols, :]",
        "no_example_index": "slices A_prev[vert_start:vert_end, horiz_start:horiz_end, c] without "
        "the example index i: the window runs along the batch, height and width axes",
        "n_W_from_height": "computes n_W from n_H_prev: right only for square inputs",
        "out_size_precedence": "n_H = int(n_H_prev - f / stride) + 1: only f is divided by the "
        "stride (the parentheses around the numerator are missing)",
    },
    "conv_backward": {
        "crop_pad_minus_pad": "crops with dA_prev_pad[pad:-pad, pad:-pad], empty when pad = 0 "
        "(the notebook's hint)",
        "vert_start_no_stride": "vert_start = h (and horiz_start = w): the stride is forgotten",
        "dA_prev_overwrite": "da_prev_pad[window] = ... instead of +=: overlapping windows lost",
        "dW_overwrite": "dW[..., c] = ... instead of +=: only the last window counts",
        "db_overwrite": "db[..., c] = ... instead of +=: only the last window counts",
        "dA_prev_uses_input": "da_prev_pad[window] += a_slice * dZ: the input, not the weights",
        "dW_unpadded_input": "takes a_slice from the unpadded A_prev at the padded input's "
        "indices: dW is wrong whenever pad > 0",
        "returns_dZ": "returns dZ where db belongs: return dA_prev, dW, dZ",
        "db_shape": "db = np.sum(dZ, axis=(0, 1, 2)) has shape (n_C,), not (1, 1, 1, n_C)",
    },
    "create_mask_from_window": {
        "first_max_only": "marks only the first maximum (argmax): ties get no gradient",
        "max_per_column": "compares with np.max(x, axis=0): the maximum of each column",
        "max_per_row": "compares with np.max(x, axis=1): the maximum of each row",
    },
    "distribute_value": {
        "divided_by_sum": "dz / (n_H + n_W) instead of dz / (n_H * n_W)",
        "not_divided": "every entry dz: the average's 1 / (n_H * n_W) forgotten",
        "shape_transposed": "an (n_W, n_H) array: the shape's axes swapped",
        "dz_forgotten": "every entry 1 / (n_H * n_W): dz itself is never used",
        "floor_division": "dz // (n_H * n_W): floor division rounds the share down to a whole "
        "number",
        "precedence": "dz / n_H * n_W: divides by n_H, then multiplies by n_W (the parentheses "
        "around n_H * n_W are missing)",
    },
    "pool_backward": {
        "overwrite": "dA_prev[window] = ... instead of +=: overlapping windows lost",
        "first_max_only": "sends the gradient to the first maximum only (argmax), not to every "
        "tied maximum as the course's create_mask_from_window does",
        "mask_window_no_stride": "builds the mask from the window at (h, w) without the stride, "
        "then adds it at the strided window",
        "average_not_divided": "average mode spreads dz itself, not dz / (f * f)",
        "vert_start_no_stride": "vert_start = h (and horiz_start = w): the stride is forgotten",
        "average_divided_by_sum": "average mode spreads dz / (f + f), not dz / (f * f)",
        "dA_indexed_by_corner": "reads dA[i, vert_start, horiz_start, c], the window's corner, "
        "instead of dA[i, h, w, c]: the same only at stride 1, where the notebook tests it",
    },
}


def _variant(function: str, bug: str) -> Callable[..., object]:
    variant: Callable[..., object]
    if function == "zero_pad":
        widths = {
            "pads_channels": lambda p: ((0, 0), (0, 0), (p, p), (p, p)),
            "pads_batch": lambda p: ((p, p), (p, p), (0, 0), (0, 0)),
            "one_side": lambda p: ((0, 0), (0, p), (0, p), (0, 0)),
            "pads_every_axis": lambda p: p,
            "slice_pad_minus_pad": lambda p: ((0, 0), (p, p), (p, p), (0, 0)),
            "pads_with_pad_value": lambda p: ((0, 0), (p, p), (p, p), (0, 0)),
        }[bug]

        def pad_(X, pad):
            X = np.array(X, dtype=np.float64)
            if bug == "slice_pad_minus_pad":  # X_pad[:, 0:-0] is empty: X does not fit in it
                m, n_H, n_W, n_C = X.shape
                X_pad = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C))
                X_pad[:, pad:-pad, pad:-pad, :] = X
                return X_pad
            if bug == "pads_with_pad_value":
                return np.pad(X, widths(pad), constant_values=pad)
            return np.pad(X, widths(pad))

        variant = pad_

    elif function == "conv_single_step":

        def single_step(a_slice_prev, W, b):
            a, W = np.asarray(a_slice_prev, dtype=float), np.asarray(W, dtype=float)
            if bug == "no_bias":
                return float(np.sum(a * W))
            return float(np.sum(a * W + np.asarray(b, dtype=float).item()))

        variant = single_step

    elif function == "conv_forward":
        variant = _conv_forward_variant(bug)
    elif function == "pool_forward":
        variant = _pool_forward_variant(bug)
    elif function == "conv_backward":
        variant = _conv_backward_variant(bug)
    elif function == "create_mask_from_window":

        def mask(x):
            x = np.array(x, dtype=np.float64)
            if bug == "max_per_column":
                return x == np.max(x, axis=0)
            if bug == "max_per_row":
                return x == np.max(x, axis=1, keepdims=True)
            first = np.zeros(x.shape, dtype=bool)
            first[np.unravel_index(np.argmax(x), x.shape)] = True
            return first

        variant = mask

    elif function == "distribute_value":

        def spread(dz, shape):
            n_H, n_W = shape
            if bug == "shape_transposed":
                return np.full((n_W, n_H), dz / (n_H * n_W))
            if bug == "dz_forgotten":
                return np.full((n_H, n_W), 1 / (n_H * n_W))
            if bug == "floor_division":
                return np.full((n_H, n_W), dz // (n_H * n_W))
            if bug == "precedence":
                return np.full((n_H, n_W), dz / n_H * n_W)
            return np.full((n_H, n_W), dz if bug == "not_divided" else dz / (n_H + n_W))

        variant = spread

    else:
        variant = _pool_backward_variant(bug)
    variant.__name__ = function
    variant.__doc__ = _BUGS[function][bug]
    if (function, bug) == ("conv_forward", "bias_whole"):  # Z[i, h, w, c] = ... + b
        variant.forms = (variant, _conv_forward_variant("bias_whole/array"))  # type: ignore[attr-defined,union-attr]
    if (function, bug) == ("conv_backward", "crop_pad_minus_pad"):
        # the same bug in another form: the grader matches a learner's code against each form
        other = _conv_backward_variant("crop_pad_minus_pad/returned")
        variant.forms = (variant, other)  # type: ignore[attr-defined,union-attr]
    return variant


def _conv_forward_variant(bug: str) -> Callable[..., object]:
    def variant(A_prev, W, b, hparameters):
        A_prev, W, b, stride, pad, (m, n_H, n_W, n_C) = _conv_args(
            "conv_forward", A_prev, W, b, hparameters
        )
        f = W.shape[0]
        step = 1 if bug == "vert_start_no_stride" else stride
        if bug == "out_size_parenthesis":
            n_H = int((1 + A_prev.shape[1] + 2 * pad - f) / stride)
            n_W = int((1 + A_prev.shape[2] + 2 * pad - f) / stride)
        if bug == "n_W_from_height":
            n_W = int((A_prev.shape[1] + 2 * pad - f) / stride) + 1
        if bug == "out_size_precedence":
            n_H = int(A_prev.shape[1] - f + 2 * pad / stride) + 1
            n_W = int(A_prev.shape[2] - f + 2 * pad / stride) + 1
        A_pad = A_prev if bug == "no_padding" else zero_pad(A_prev, pad)
        Z = np.zeros((m, n_H, n_W, n_C))
        for i, h, w, c in np.ndindex(m, n_H, n_W, n_C):
            # past the edge (a wrong output size) the window is cut short: the product fails,
            # or broadcasts when one row or column is left, as in the learner's code
            a_slice = A_pad[i, h * step : h * step + f, w * step : w * step + f, :]
            bias = b.item() if bug == "bias_whole" else b[0, 0, 0, c]  # item() fails for n_C > 1
            bias = b if bug == "bias_whole/array" else bias  # storing it fails for n_C > 1
            bias = 0.0 if bug == "no_bias" else bias
            Z[i, h, w, c] = np.sum(a_slice * W[:, :, :, c]) + bias
        return Z, (A_prev, W, b, hparameters)

    return variant


def _pool_forward_variant(bug: str) -> Callable[..., object]:
    def variant(A_prev, hparameters, mode="max"):
        A_prev, f, stride, (m, n_H, n_W, n_C) = _pool_args("pool_forward", A_prev, hparameters)
        step = 1 if bug == "vert_start_no_stride" else stride
        if bug == "out_size_parenthesis":
            n_H = int((1 + A_prev.shape[1] - f) / stride)
            n_W = int((1 + A_prev.shape[2] - f) / stride)
        if bug == "n_W_from_height":
            n_W = int((A_prev.shape[1] - f) / stride) + 1
        if bug == "out_size_precedence":  # windows past the edge, cut short
            n_H = int(A_prev.shape[1] - f / stride) + 1
            n_W = int(A_prev.shape[2] - f / stride) + 1
        pool = np.max if mode == "max" else np.mean
        A = np.zeros((m, n_H, n_W, n_C))
        for i, h, w, c in np.ndindex(m, n_H, n_W, n_C):
            rows, cols = slice(h * step, h * step + f), slice(w * step, w * step + f)
            if bug == "no_example_index":  # A_prev[rows, cols, c]: batch, height, width axes
                A[i, h, w, c] = pool(A_prev[rows, cols, c])  # max of an empty slice fails
                continue
            window = A_prev[i, rows, cols]
            A[i, h, w, c] = pool(window if bug == "all_channels" else window[..., c])
        return A, (A_prev, hparameters)

    return variant


def _conv_backward_variant(bug: str) -> Callable[..., object]:
    def variant(dZ, cache):
        A_prev, W, b, stride, pad, (m, n_H, n_W, n_C) = _conv_args("conv_backward", *cache)
        dZ = np.asarray(dZ, dtype=np.float64)
        f = W.shape[0]
        step = 1 if bug == "vert_start_no_stride" else stride
        A_pad = zero_pad(A_prev, pad)
        dA_pad, dW, db = np.zeros(A_pad.shape), np.zeros(W.shape), np.zeros(b.shape)
        for i, h, w, c in np.ndindex(m, n_H, n_W, n_C):
            rows, cols = slice(h * step, h * step + f), slice(w * step, w * step + f)
            g = dZ[i, h, w, c]
            if bug == "dA_prev_overwrite":
                dA_pad[i, rows, cols, :] = W[:, :, :, c] * g
            elif bug == "dA_prev_uses_input":
                dA_pad[i, rows, cols, :] += A_pad[i, rows, cols, :] * g
            else:
                dA_pad[i, rows, cols, :] += W[:, :, :, c] * g
            a_slice = (
                A_prev[i, rows, cols, :] if bug == "dW_unpadded_input" else A_pad[i, rows, cols]
            )
            if bug == "dW_overwrite":
                dW[:, :, :, c] = a_slice * g
            else:
                dW[:, :, :, c] += a_slice * g  # an unpadded slice cut short fails, or broadcasts
            if bug == "db_overwrite":
                db[:, :, :, c] = g
            else:
                db[:, :, :, c] += g
        if bug == "returns_dZ":
            db = dZ
        if bug == "db_shape":
            db = db.reshape(n_C)
        if bug == "crop_pad_minus_pad/returned":  # the crop returned as it is: empty at pad 0
            return dA_pad[:, pad:-pad, pad:-pad, :], dW, db
        if bug == "crop_pad_minus_pad":  # the notebook's form: fails to broadcast when pad = 0
            dA_prev = np.zeros(A_prev.shape)
            dA_prev[:] = dA_pad[:, pad:-pad, pad:-pad, :]
            return dA_prev, dW, db
        return dA_pad[:, pad : pad + A_prev.shape[1], pad : pad + A_prev.shape[2], :], dW, db

    return variant


def _pool_backward_variant(bug: str) -> Callable[..., object]:
    def variant(dA, cache, mode="max"):
        A_prev, f, stride, (m, n_H, n_W, n_C) = _pool_args("pool_backward", *cache)
        dA = np.asarray(dA, dtype=np.float64)
        step = 1 if bug == "vert_start_no_stride" else stride
        dA_prev = np.zeros(A_prev.shape)
        for i, h, w, c in np.ndindex(m, n_H, n_W, n_C):
            rows, cols = slice(h * step, h * step + f), slice(w * step, w * step + f)
            g = dA[i, h * step, w * step, c] if bug == "dA_indexed_by_corner" else dA[i, h, w, c]
            if mode == "max":
                window = A_prev[i, rows, cols, c]
                if bug == "mask_window_no_stride":
                    window = A_prev[i, h : h + f, w : w + f, c]
                if bug == "first_max_only":
                    mask = _variant("create_mask_from_window", "first_max_only")(window)
                else:
                    mask = window == np.max(window)
                share = mask * g
            else:
                divisor = {"average_not_divided": 1, "average_divided_by_sum": f + f}
                share = np.full((f, f), g / divisor.get(bug, f * f))
            if bug == "overwrite":
                dA_prev[i, rows, cols, c] = share
            else:
                dA_prev[i, rows, cols, c] += share
        return dA_prev

    return variant


_VARIANTS: dict[str, dict[str, Callable[..., object]]] = {
    function: {bug: _variant(function, bug) for bug in bugs} for function, bugs in _BUGS.items()
}


# --- where each bug sits in a learner's code, and how to put it right -----------------------------
#
# _WHERE: for each bug, regular expressions over the learner's lines (without indentation and
# comment), tried in order; the first that matches quotes its lines. They only place a bug the
# results have named (convgrad.grading.functions.locate), never name one.

_START_NO_STRIDE = (
    r"^\w*(start|top|left|begin)\w*\s*=\s*[hwij]\s*$",
    r"^\w*(start|top|left)\w*\s*,\s*\w+\s*=\s*[hi]\s*,\s*[wj]\s*$",
    r"\[[^\]]*\b([hw])\s*:\s*\1\s*\+\s*\w+",
)
_OUT_SIZE = (r"n_[HW]\w*\s*=.*\(\s*1\s*\+\s*\w", r"n_[HW]\w*\s*=.*1\s*\+.*/", r"^n_[HW]\w*\s*=")
_PAD_CALL = (r"np\.pad\s*\(", r"\bpad\s*\(", r"^\w+\s*\[.*\]\s*=\s*X\b")
# the other axis's size in an output size: n_W = ...n_H_prev... (or the reverse)
_OTHER_AXIS = (r"^n_W\w*\s*=.*\bn_H", r"^n_H\w*\s*=.*\bn_W")
# a division that takes only the last term: "... 2 * pad / stride", not "(...) / stride"
_PRECEDENCE = (r"^n_[HW]\w*\s*=.*[\w\]]\s*//?\s*stride", r"^n_[HW]\w*\s*=")

_WHERE: dict[str, dict[str, tuple[str, ...]]] = {
    "zero_pad": {
        **dict.fromkeys(("pads_channels", "pads_batch", "one_side", "pads_every_axis"), _PAD_CALL),
        "slice_pad_minus_pad": (r":\s*-\s*pad\b.*\]\s*=", r":\s*-\s*pad\b"),
        "pads_with_pad_value": (r"constant_values\s*=\s*\(?\s*pad\b", r"np\.pad\s*\("),
    },
    "conv_single_step": {
        "bias_inside_sum": (
            r"\+\s*(float\s*\(\s*)?b\b.*\)|\(.*\+\s*(float\s*\(\s*)?b\b",
            r"\+\s*(float\s*\(\s*)?b\b",
        ),
        "no_bias": (
            r"^\w+\s*\+\s*(float\s*\(\s*|np\.squeeze\s*\(\s*)?b\b",  # Z + b, never assigned
            r"^Z\s*=.*sum\s*\(",
            r"^return\b.*sum\s*\(",
            r"^Z\s*=",
            r"^return\b",
        ),
    },
    "conv_forward": {
        "vert_start_no_stride": _START_NO_STRIDE,
        "out_size_parenthesis": _OUT_SIZE,
        "bias_whole": (r"conv_single_step\s*\([^)]*,\s*b\s*\)", r"=\s*b\s*$", r"\+\s*b\s*$"),
        "no_padding": (r"=\s*A_prev\s*\[\s*i\s*\]", r"=\s*A_prev\s*\[", r"\bA_prev\s*\["),
        "n_W_from_height": _OTHER_AXIS,
        "out_size_precedence": _PRECEDENCE,
        # Z = ... without b: the line that fills Z (the loops' cell or the vectorised whole)
        "no_bias": (
            r"^Z\s*(\[.*\])?\s*=(?!.*\bb\b)(?!.*conv_single_step)(?!\s*np\.(zeros|empty))",
            r"^return\b(?!.*\bb\b)",
        ),
    },
    "pool_forward": {
        "vert_start_no_stride": _START_NO_STRIDE,
        "out_size_parenthesis": _OUT_SIZE,
        "all_channels": (
            r"axis\s*=\s*\(\s*1\s*,\s*2\s*,\s*3\s*\)",  # a vectorised max over every channel
            r"A_prev\w*\s*\[.*,\s*:\s*\]",
            r"\[[^\]]*,\s*:\s*\]\s*$",
        ),
        # A_prev[vert_start:vert_end, ...]: the first index a slice, not i (nor a bare ":")
        "no_example_index": (r"\bA_prev\s*\[\s*[^\],:\s][^\],:]*:",),
        "n_W_from_height": _OTHER_AXIS,
        "out_size_precedence": _PRECEDENCE,
    },
    "conv_backward": {
        "crop_pad_minus_pad": (r"\bpad\s*:\s*-\s*pad\b(?!\s*or\b)", r":\s*-\s*pad\b"),
        "vert_start_no_stride": _START_NO_STRIDE,
        "dA_prev_overwrite": (r"^d[aA]\w*\s*\[.*\]\s*=(?!=).*\bW\b",),
        "dW_overwrite": (r"^dW\w*\s*\[.*\]\s*=(?!=)",),
        "db_overwrite": (r"^db\w*\s*\[.*\]\s*=(?!=)",),
        "dA_prev_uses_input": (r"^d[aA]\w*\s*\[.*\]\s*\+?=.*\b(a_slice\w*|a_prev\w*|A_prev\w*)\b",),
        "dW_unpadded_input": (
            r"^a_slice\w*\s*=\s*(a_prev|A_prev)\s*\[",
            r"^dW\w*\s*\[.*\]\s*\+?=.*\b(a_prev|A_prev)\s*\[",
        ),
        "returns_dZ": (r"^return\b.*,\s*dZ\s*\)?\s*$",),
        "db_shape": (r"^db\w*\s*=(?!.*(keepdims|reshape)).*sum\s*\(", r"^db\w*\s*="),
    },
    "create_mask_from_window": {
        "first_max_only": (r"argmax|np\.zeros\s*\(\s*x\.shape",),
        "max_per_column": (r"axis\s*=\s*0|max\s*\([^)]*,\s*0\s*\)",),
        "max_per_row": (r"axis\s*=\s*(1|-1)\b|max\s*\([^)]*,\s*(1|-1)\s*[,)]",),
    },
    "distribute_value": {
        "divided_by_sum": (
            r"/\s*\(\s*\w+\s*\+\s*\w+\s*\)",
            r"/\s*(np\.)?sum\s*\(",
            r"/\s*\(?\s*\w+\s*\+\s*\w+",
            r"^\w+\s*=\s*\(?\s*n_H\w*\s*\+\s*n_W\w*\s*\)?\s*$",  # the divisor kept in a name
        ),
        "not_divided": (r"=\s*dz\s*$", r"\*\s*dz\b|\bdz\s*\*", r"^average\s*="),
        "shape_transposed": (
            r"\(\s*n_W\s*,\s*n_H\s*\)",
            r"shape\s*\[\s*::\s*-1\s*\]",
            r"np\.(ones|full|zeros)\s*\(",
        ),
        "dz_forgotten": (
            r"np\.(ones|full)\w*\s*\(.*\)\s*/",  # np.ones(shape) / (n_H * n_W)
            r"^average\s*=(?!.*\bdz\b)",
            r"^return\b(?!.*\bdz\b)",
        ),
        "floor_division": (r"//",),
        "precedence": (r"/\s*n_H\s*\*\s*n_W\b|/\s*n_W\s*\*\s*n_H\b", r"/\s*\w+\s*\*\s*\w+"),
    },
    "pool_backward": {
        "overwrite": (r"^dA\w*\s*\[.*\]\s*=(?!=)",),
        "first_max_only": (r"argmax|np\.zeros\s*\(\s*x\.shape",),
        "mask_window_no_stride": (r"\b([hw])\s*:\s*\1\s*\+\s*(?!1\b)\w+",),
        "average_not_divided": (
            r"np\.ones\w*\s*\(.*\)\s*\*\s*\w+(\s*\[[^\]]*\])?\s*$|[\w\]]\s*\*\s*np\.ones\w*\s*\(",
            r"np\.full\s*\(",
            r"\+=\s*\w+\s*$",
        ),
        "vert_start_no_stride": _START_NO_STRIDE,
        "average_divided_by_sum": (
            r"/\s*\(\s*\w+\s*\+\s*\w+\s*\)",
            r"/\s*(np\.)?sum\s*\(",
            r"/\s*\(?\s*\w+\s*\+\s*\w+",
        ),
        "dA_indexed_by_corner": (r"\bdA\s*\[[^\]]*(start|top|left|\*\s*stride)",),
    },
}

_HINT = "The notebook's hint crops with [pad:-pad, pad:-pad], "
_FIXES: dict[str, dict[str, str]] = {
    "zero_pad": {
        bug: "Pad only the two image axes: np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), "
        "mode='constant', constant_values=(0, 0)). X is (m, n_H, n_W, n_C), channels last."
        for bug in ("pads_channels", "pads_batch", "one_side", "pads_every_axis")
    }
    | {
        "slice_pad_minus_pad": "X_pad[:, pad:-pad, pad:-pad, :] is empty when pad = 0 (-0 is 0). "
        "Copy into X_pad[:, pad:pad + n_H, pad:pad + n_W, :], or use "
        "np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0))).",
        "pads_with_pad_value": "constant_values is the value the border is filled with, not its "
        "width: np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode='constant', "
        "constant_values=(0, 0)).",
    },
    "conv_single_step": {
        "bias_inside_sum": "Sum the products first, then add the bias once: "
        "Z = np.sum(a_slice_prev * W) + float(b).",
        "no_bias": "Add the bias after the sum: Z = np.sum(a_slice_prev * W) + float(b).",
    },
    "conv_forward": {
        "vert_start_no_stride": "Output cell (h, w) reads the window that starts at "
        "vert_start = h * stride, horiz_start = w * stride.",
        "out_size_parenthesis": "n_H = int((n_H_prev - f + 2 * pad) / stride) + 1: the 1 is added "
        "after the division.",
        "bias_whole": "Pass channel c's bias only: b[:, :, :, c].",
        "no_padding": "Slide over the padded input: A_prev_pad = zero_pad(A_prev, pad), then "
        "a_prev_pad = A_prev_pad[i].",
        "no_bias": "Add channel c's bias to every output cell: + b[0, 0, 0, c] (or + b, "
        "which broadcasts over (m, n_H, n_W, n_C)).",
        "n_W_from_height": "The width has its own size: "
        "n_W = int((n_W_prev - f + 2 * pad) / stride) + 1. "
        "The notebook's inputs are square, where the two agree.",
        "out_size_precedence": "Divide the whole numerator: n_H = int((n_H_prev - f + 2 * pad) / "
        "stride) + 1. Without the parentheses only 2 * pad is divided; at stride 1 it makes no "
        "difference.",
    },
    "pool_forward": {
        "vert_start_no_stride": "Output cell (h, w) reads the window that starts at "
        "vert_start = h * stride, horiz_start = w * stride.",
        "out_size_parenthesis": "n_H = int(1 + (n_H_prev - f) / stride): the 1 is added after "
        "the division.",
        "all_channels": "Pool each channel on its own: A_prev[i, vert_start:vert_end, "
        "horiz_start:horiz_end, c].",
        "no_example_index": "Index the example first: A_prev[i, vert_start:vert_end, "
        "horiz_start:horiz_end, c] (or a_prev = A_prev[i], then slice a_prev).",
        "n_W_from_height": "The width has its own size: n_W = int(1 + (n_W_prev - f) / stride). "
        "The notebook's inputs are square, where the two agree.",
        "out_size_precedence": "Divide the whole difference: "
        "n_H = int(1 + (n_H_prev - f) / stride). Without the parentheses only f is divided; "
        "at stride 1 it makes no difference.",
    },
    "conv_backward": {
        "crop_pad_minus_pad": _HINT + "and that slice is empty when pad = 0 (the notebook only "
        "tests pad = 2). Crop with da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :], "
        "which works for every pad.",
        "vert_start_no_stride": "The window of output cell (h, w) starts at h * stride and "
        "w * stride, in the backward pass as in the forward pass.",
        "dA_prev_overwrite": "Windows overlap: add into da_prev_pad with +=.",
        "dW_overwrite": "Every window contributes to dW: dW[:, :, :, c] += a_slice * "
        "dZ[i, h, w, c].",
        "db_overwrite": "Every window contributes to db: db[:, :, :, c] += dZ[i, h, w, c].",
        "dA_prev_uses_input": "The gradient to the input goes through the weights: "
        "da_prev_pad[window] += W[:, :, :, c] * dZ[i, h, w, c].",
        "dW_unpadded_input": "vert_start and horiz_start index the padded input: take a_slice from "
        "a_prev_pad = A_prev_pad[i], as in conv_forward.",
        "returns_dZ": "Return the bias gradient: return dA_prev, dW, db.",
        "db_shape": "Keep the bias's shape (1, 1, 1, n_C): np.sum(dZ, axis=(0, 1, 2), "
        "keepdims=True), or .reshape(1, 1, 1, n_C).",
    },
    "create_mask_from_window": {
        "first_max_only": "The course's rule marks every maximum: mask = (x == np.max(x)).",
        "max_per_column": "Compare with the window's single maximum: mask = (x == np.max(x)).",
        "max_per_row": "Compare with the window's single maximum: mask = (x == np.max(x)).",
    },
    "distribute_value": {
        "divided_by_sum": "The average of n_H * n_W cells: average = dz / (n_H * n_W). "
        "The notebook tests only (2, 2), where n_H + n_W = n_H * n_W.",
        "not_divided": "Divide by the number of cells: average = dz / (n_H * n_W).",
        "shape_transposed": "Return an array of the given shape, (n_H, n_W): "
        "np.ones(shape) * average.",
        "dz_forgotten": "Spread dz itself: average = dz / (n_H * n_W), then np.ones(shape) * "
        "average.",
        "floor_division": "Use true division, dz / (n_H * n_W): // rounds down to a whole number.",
        "precedence": "Put the product in parentheses: dz / (n_H * n_W). On square windows "
        "dz / n * n is dz itself, so nothing is averaged.",
    },
    "pool_backward": {
        "overwrite": "Windows overlap when stride < f, and a cell then gets gradient from each "
        "window that holds it: add with dA_prev[...] += ..., not =.",
        "first_max_only": "The course's create_mask_from_window marks every maximum "
        "(x == np.max(x)): a tie sends the gradient to each.",
        "mask_window_no_stride": "Build the mask from the same window you add into: "
        "a_prev[vert_start:vert_end, horiz_start:horiz_end, c].",
        "average_not_divided": "Average pooling spreads dA[i, h, w, c] / (f * f) over the window: "
        "distribute_value(da, (f, f)).",
        "vert_start_no_stride": "The window of output cell (h, w) starts at h * stride and "
        "w * stride.",
        "average_divided_by_sum": "The window holds f * f cells: spread da / (f * f), not "
        "da / (f + f) (equal only for f = 2).",
        "dA_indexed_by_corner": "Read the gradient of output cell (h, w): dA[i, h, w, c]. The "
        "window's corner (vert_start, horiz_start) equals (h, w) only at stride 1, the only "
        "stride the notebook tests.",
    },
}
