"""The convolutional layer of the cs231n assignments: naive loops, and fast drop-ins.

The API of the assignment's ``layers.py`` and ``fast_layers.py``:

- ``x (N, C, H, W)``: a batch of images; ``w (F, C, HH, WW)``: ``F`` filters; ``b (F,)``;
- ``conv_param = {"stride": s, "pad": p}``: ``s >= 1`` and ``p >= 0`` ints, ``p`` zeros added on
  every side of each image;
- ``out (N, F, H_out, W_out)`` with ``H_out = 1 + (H + 2 * p - HH) // s`` and
  ``W_out = 1 + (W + 2 * p - WW) // s``;
- the forward pass returns ``(out, cache)`` with ``cache = (x, w, b, conv_param)``, the arguments
  as given (lists become arrays, arrays are neither copied nor cast); the backward pass takes
  ``(dout, cache)`` and returns ``(dx, dw, db)`` shaped like ``x``, ``w`` and ``b``.

Writing ``xp`` for ``x`` padded with zeros and ``rows = i*s : i*s + HH``, ``cols = j*s : j*s + WW``
for the window of output cell ``(i, j)``::

    out[n, f, i, j]       = sum(xp[n, :, rows, cols] * w[f]) + b[f]
    db[f]                += dout[n, f, i, j]
    dw[f]                += dout[n, f, i, j] * xp[n, :, rows, cols]
    dxp[n, :, rows, cols] += dout[n, f, i, j] * w[f]

and ``dx`` is ``dxp`` with the padding cropped off: the padding is not an input, so the gradient
that lands on it is dropped. The input is never modified and no result shares memory with an
argument.

Output size: the assignment asserts that ``(H + 2 * p - HH) % s == 0`` (and likewise for the
width). Here, as in PyTorch, the division is floored instead: when the stride does not divide,
the last rows or columns of the padded input that no window reaches are ignored by the forward
pass and get a zero gradient.

:func:`conv_forward_fast` and :func:`conv_backward_fast` have the same signatures and results and
delegate to :func:`convgrad.conv2d` and :func:`convgrad.conv2d_backward`: drop-in replacements for
the assignment's Cython-built fast layers that need no compiler. Their cache is the naive one, so
the naive and fast functions mix freely.

The second half of the module is what ``convgrad grade --api cs231n`` grades against
(:data:`COURSE`): the battery, with only inputs the assignment's template accepts (the stride
divides ``H + 2 * pad - HH``); the probes; and the bug catalogue, :func:`buggy_forward` and
:func:`buggy_backward` (the loops above with one mistake switched on, the mistakes real students
make).

Dtypes follow :mod:`convgrad._args`: float32 stays float32, float64 stays float64, integers are
computed in float64, mixed floats promote.

>>> import numpy as np
>>> x = np.ones((2, 3, 5, 5)); w = np.ones((4, 3, 3, 3)); b = np.zeros(4)
>>> out, cache = conv_forward_naive(x, w, b, {"stride": 2, "pad": 1})
>>> out.shape, float(out[0, 0, 1, 1])
((2, 4, 3, 3), 27.0)
>>> dx, dw, db = conv_backward_naive(np.ones_like(out), cache)
>>> dx.shape, dw.shape, db.tolist()
((2, 3, 5, 5), (4, 3, 3, 3), [18.0, 18.0, 18.0, 18.0])
"""

from __future__ import annotations

import functools
import itertools
import numbers
from collections.abc import Iterator, Mapping

import numpy as np

from .. import _args
from ..convolution import conv2d, conv2d_backward
from ..grading.battery import Api, Arrays, Case, Params, Probe, rng, small_values
from ..grading.bugs import KNOWN, Bug, Variant
from ._catalogue import Case as CourseCase
from ._catalogue import Exercise, int_params, normal, tied

_CONV_PARAM = {"stride": 1, "pad": 0}  # each key and its smallest value


def _conv_param(fn: str, conv_param: object) -> tuple[int, int]:
    """``(stride, pad)`` from ``conv_param = {"stride": s, "pad": p}``, checked."""
    if not isinstance(conv_param, Mapping):
        raise TypeError(
            f"{fn}: conv_param must be a dict {{'stride': s, 'pad': p}}; got {conv_param!r:.80}"
        )
    for key in conv_param:
        if key not in _CONV_PARAM:
            raise ValueError(
                f"{fn}: conv_param has the unknown key {key!r}; it takes only 'stride' and 'pad'"
            )
    values = []
    for key, smallest in _CONV_PARAM.items():
        if key not in conv_param:
            raise ValueError(
                f"{fn}: conv_param is missing the key {key!r}; it needs "
                f"{{'stride': s, 'pad': p}} with ints s >= 1 and p >= 0"
            )
        value = conv_param[key]
        if not isinstance(value, numbers.Integral) or isinstance(value, bool):
            raise TypeError(f"{fn}: conv_param[{key!r}] must be an int; got {value!r:.80}")
        if value < smallest:
            raise ValueError(f"{fn}: conv_param[{key!r}] must be >= {smallest}; got {value}")
        values.append(int(value))
    stride, pad = values
    return stride, pad


def _check_forward(
    fn: str, x: object, w: object, b: object, conv_param: object
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int, tuple[int, int, int, int]]:
    """The arguments as arrays, ``stride``, ``pad`` and the output's shape, all checked."""
    stride, pad = _conv_param(fn, conv_param)
    x = _args.as_array(fn, "x", x)
    w = _args.as_array(fn, "w", w)
    b = _args.as_array(fn, "b", b)
    if x.ndim != 4 or 0 in x.shape:
        raise ValueError(
            f"{fn}: x must be 4-D (N, C, H, W) with no empty dimension; got shape {x.shape}"
        )
    if w.ndim != 4 or 0 in w.shape:
        raise ValueError(
            f"{fn}: w must be 4-D (F, C, HH, WW) with no empty dimension; got shape {w.shape}"
        )
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    if w.shape[1] != C:
        raise ValueError(
            f"{fn}: w.shape[1] must equal the channels C of x; got w shape "
            f"{w.shape} for x shape {x.shape}"
        )
    if b.shape != (F,):
        raise ValueError(
            f"{fn}: b must have shape (F,) = ({F},), one value per filter of w "
            f"{w.shape}; got shape {b.shape}"
        )
    if HH > H + 2 * pad or WW > W + 2 * pad:
        raise ValueError(
            f"{fn}: the filters (HH, WW) = {(HH, WW)} must fit inside the padded "
            f"input (H + 2 * pad, W + 2 * pad) = {(H + 2 * pad, W + 2 * pad)}; "
            f"got x shape {x.shape}, w shape {w.shape}, pad {pad}"
        )
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    return x, w, b, stride, pad, (N, F, H_out, W_out)


def _check_backward(
    fn: str, dout: object, cache: object
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int, int, np.dtype]:
    """``dout`` and the cached arguments as arrays of the compute dtype, ``stride``, ``pad`` and
    the dtype of the results, all checked."""
    if not isinstance(cache, tuple | list) or len(cache) != 4:
        got = f"length {len(cache)}" if isinstance(cache, tuple | list) else repr(cache)[:80]
        raise TypeError(
            f"{fn}: cache must be the 4-tuple (x, w, b, conv_param) that the forward "
            f"pass returned; got {type(cache).__name__} {got}"
        )
    x, w, b, stride, pad, out_shape = _check_forward(fn, *cache)
    dout = _args.as_array(fn, "dout", dout)
    if dout.shape != out_shape:
        raise ValueError(
            f"{fn}: dout must have the forward output's shape (N, F, H_out, W_out) "
            f"= {out_shape}; got shape {dout.shape}"
        )
    compute, out_dtype = _args.result_dtype(dout, x, w, b)
    dout, x, w, b = (a.astype(compute, copy=False) for a in (dout, x, w, b))
    return dout, x, w, b, stride, pad, out_dtype


def conv_forward_naive(x, w, b, conv_param):
    """The forward pass of a convolutional layer, as nested loops.

    Args:
        x: ``(N, C, H, W)``, the input images.
        w: ``(F, C, HH, WW)``, the filters.
        b: ``(F,)``, the biases.
        conv_param: ``{"stride": s, "pad": p}``, ints ``s >= 1``, ``p >= 0``.

    Returns:
        ``(out, cache)``: ``out (N, F, H_out, W_out)`` with ``H_out = 1 + (H + 2p - HH) // s``
        and ``W_out = 1 + (W + 2p - WW) // s``; ``cache = (x, w, b, conv_param)``.

    >>> import numpy as np
    >>> out, _ = conv_forward_naive(np.ones((1, 1, 3, 3)), np.ones((1, 1, 2, 2)), [0.5],
    ...                             {"stride": 1, "pad": 0})
    >>> out.tolist()
    [[[[4.5, 4.5], [4.5, 4.5]]]]
    """
    fn = "conv_forward_naive"
    x, w, b, stride, pad, (N, F, H_out, W_out) = _check_forward(fn, x, w, b, conv_param)
    cache = (x, w, b, conv_param)
    compute, out_dtype = _args.result_dtype(x, w, b)
    x, w, b = (a.astype(compute, copy=False) for a in (x, w, b))
    HH, WW = w.shape[2:]

    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))  # a new array: x is untouched
    out = np.zeros((N, F, H_out, W_out), dtype=compute)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    rows = slice(i * stride, i * stride + HH)
                    cols = slice(j * stride, j * stride + WW)
                    out[n, f, i, j] = np.sum(xp[n, :, rows, cols] * w[f]) + b[f]
    return out.astype(out_dtype, copy=False), cache


def conv_backward_naive(dout, cache):
    """The backward pass of a convolutional layer, as nested loops.

    Args:
        dout: ``(N, F, H_out, W_out)``, the gradient of the loss with respect to ``out``.
        cache: ``(x, w, b, conv_param)``, as returned by :func:`conv_forward_naive`.

    Returns:
        ``(dx, dw, db)``: ``dx (N, C, H, W)``, ``dw (F, C, HH, WW)`` and ``db (F,)``.

    >>> import numpy as np
    >>> out, cache = conv_forward_naive(np.ones((1, 1, 3, 3)), np.ones((1, 1, 2, 2)), [0.5],
    ...                                 {"stride": 1, "pad": 0})
    >>> dx, dw, db = conv_backward_naive(np.ones_like(out), cache)
    >>> dx[0, 0].tolist(), dw[0, 0].tolist(), db.tolist()
    ([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]], [[4.0, 4.0], [4.0, 4.0]], [4.0])
    """
    dout, x, w, b, stride, pad, out_dtype = _check_backward("conv_backward_naive", dout, cache)
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape

    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))  # a new array: x is untouched
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    rows = slice(i * stride, i * stride + HH)
                    cols = slice(j * stride, j * stride + WW)
                    g = dout[n, f, i, j]
                    db[f] += g
                    dw[f] += g * xp[n, :, rows, cols]
                    dxp[n, :, rows, cols] += g * w[f]
    dx = dxp[:, :, pad : pad + H, pad : pad + W].copy()  # crop the padding; a copy, not a view
    return tuple(a.astype(out_dtype, copy=False) for a in (dx, dw, db))


def conv_forward_fast(x, w, b, conv_param):
    """:func:`conv_forward_naive`, computed by :func:`convgrad.conv2d`; same arguments and results.

    >>> import numpy as np
    >>> out, cache = conv_forward_fast(np.ones((2, 3, 5, 5)), np.ones((4, 3, 3, 3)), np.zeros(4),
    ...                                {"stride": 2, "pad": 1})
    >>> out.shape, float(out[0, 0, 1, 1])
    ((2, 4, 3, 3), 27.0)
    """
    x, w, b, stride, pad, _ = _check_forward("conv_forward_fast", x, w, b, conv_param)
    return conv2d(x, w, b, stride=stride, padding=pad), (x, w, b, conv_param)


def conv_backward_fast(dout, cache):
    """:func:`conv_backward_naive`, computed by :func:`convgrad.conv2d_backward`.

    Takes ``dout (N, F, H_out, W_out)`` and the ``cache`` of either forward pass; returns
    ``(dx, dw, db)`` shaped like ``x``, ``w`` and ``b``.

    >>> import numpy as np
    >>> out, cache = conv_forward_fast(np.ones((2, 3, 5, 5)), np.ones((4, 3, 3, 3)), np.zeros(4),
    ...                                {"stride": 2, "pad": 1})
    >>> dx, dw, db = conv_backward_fast(np.ones_like(out), cache)
    >>> dx.shape, dw.shape, db.tolist()
    ((2, 3, 5, 5), (4, 3, 3, 3), [18.0, 18.0, 18.0, 18.0])
    """
    dout, x, w, b, stride, pad, out_dtype = _check_backward("conv_backward_fast", dout, cache)
    dx, dw, db = conv2d_backward(dout, x, w, stride=stride, padding=pad)
    return tuple(a.astype(out_dtype, copy=False) for a in (dx, dw, db))


# --- Max pooling: the same assignment's next step -------------------------------------------------
#
# pool_param = {"pool_height": ph, "pool_width": pw, "stride": s}, no padding, every channel on
# its own: out[n, c, i, j] = max(x[n, c, rows, cols]) with rows = i*s : i*s + ph and
# cols = j*s : j*s + pw, H_out = 1 + (H - ph) // s and W_out = 1 + (W - pw) // s. (The
# assignment says one may assume that s divides H - ph; here the division is floored, as in
# PyTorch.) The backward pass routes dout[n, c, i, j] to the window's maximum, and adds: windows
# overlap when s < ph or s < pw. When a window holds tied maxima, the whole gradient goes to the
# first in row-major order (np.argmax's choice, and PyTorch's): the gradient of the max of
# numbers some of which are equal is any one of them, and giving the full amount to each tie
# would count it twice. The assignment's gradient check, on random inputs, never sees a tie.

_POOL_PARAM = ("pool_height", "pool_width", "stride")


def _pool_param(fn: str, pool_param: object) -> tuple[int, int, int]:
    """``(pool_height, pool_width, stride)`` from ``pool_param``, checked (all ints >= 1)."""
    ph, pw, stride = int_params(fn, "pool_param", pool_param, dict.fromkeys(_POOL_PARAM, 1))
    return ph, pw, stride


def _check_pool(fn: str, x: object, pool_param: object):
    """``x`` as an array, the pooling parameters and the output's shape, all checked."""
    ph, pw, stride = _pool_param(fn, pool_param)
    x = _args.as_array(fn, "x", x)
    if x.ndim != 4 or 0 in x.shape:
        raise ValueError(
            f"{fn}: x must be 4-D (N, C, H, W) with no empty dimension; got shape {x.shape}"
        )
    N, C, H, W = x.shape
    if ph > H or pw > W:
        raise ValueError(
            f"{fn}: the pooling window (pool_height, pool_width) = {(ph, pw)} must "
            f"fit inside x (H, W) = {(H, W)}"
        )
    return x, ph, pw, stride, (N, C, 1 + (H - ph) // stride, 1 + (W - pw) // stride)


def max_pool_forward_naive(x, pool_param):
    """The forward pass of a max-pooling layer, as nested loops.

    Args:
        x: ``(N, C, H, W)``.
        pool_param: ``{"pool_height": ph, "pool_width": pw, "stride": s}``, ints ``>= 1``.

    Returns:
        ``(out, cache)``: ``out (N, C, 1 + (H - ph) // s, 1 + (W - pw) // s)``;
        ``cache = (x, pool_param)``.

    >>> out, _ = max_pool_forward_naive(np.arange(16).reshape(1, 1, 4, 4),
    ...                                 {"pool_height": 2, "pool_width": 2, "stride": 2})
    >>> out[0, 0].tolist()
    [[5.0, 7.0], [13.0, 15.0]]
    """
    x, ph, pw, stride, (N, C, H_out, W_out) = _check_pool("max_pool_forward_naive", x, pool_param)
    cache = (x, pool_param)
    compute, out_dtype = _args.result_dtype(x)
    xc = x.astype(compute, copy=False)
    out = np.zeros((N, C, H_out, W_out), dtype=compute)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = xc[n, c, i * stride : i * stride + ph, j * stride : j * stride + pw]
                    out[n, c, i, j] = np.max(window)
    return out.astype(out_dtype, copy=False), cache


def max_pool_backward_naive(dout, cache):
    """The backward pass of a max-pooling layer, as nested loops.

    Each ``dout[n, c, i, j]`` goes to the maximum of its window, the first one in row-major order
    when several are tied; overlapping windows add up.

    Args:
        dout: ``(N, C, H_out, W_out)``, the gradient of the loss with respect to ``out``.
        cache: ``(x, pool_param)``, as :func:`max_pool_forward_naive` returned it.

    Returns:
        ``dx (N, C, H, W)``.

    >>> x = np.array([[[[1, 3], [3, 2]]]])
    >>> out, cache = max_pool_forward_naive(x, {"pool_height": 2, "pool_width": 2, "stride": 2})
    >>> max_pool_backward_naive(np.ones_like(out), cache)[0, 0].tolist()
    [[0.0, 1.0], [0.0, 0.0]]
    """
    fn = "max_pool_backward_naive"
    if not isinstance(cache, tuple | list) or len(cache) != 2:
        raise TypeError(
            f"{fn}: cache must be the pair (x, pool_param) that the forward pass "
            f"returned; got {type(cache).__name__} {repr(cache)[:60]}"
        )
    x, ph, pw, stride, out_shape = _check_pool(fn, *cache)
    dout = _args.as_array(fn, "dout", dout)
    if dout.shape != out_shape:
        raise ValueError(
            f"{fn}: dout must have the forward output's shape (N, C, H_out, W_out) "
            f"= {out_shape}; got shape {dout.shape}"
        )
    compute, out_dtype = _args.result_dtype(dout, x)
    dout, x = dout.astype(compute, copy=False), x.astype(compute, copy=False)
    N, C, H_out, W_out = out_shape

    dx = np.zeros(x.shape, dtype=compute)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    top, left = i * stride, j * stride
                    window = x[n, c, top : top + ph, left : left + pw]
                    u, v = np.unravel_index(np.argmax(window), window.shape)  # the first maximum
                    dx[n, c, top + u, left + v] += dout[n, c, i, j]
    return dx.astype(out_dtype, copy=False)


EXERCISES = (
    Exercise(
        "conv_forward_naive",
        'x (N, C, H, W), w (F, C, HH, WW), b (F,), conv_param {"stride", "pad"}',
        "(out (N, F, H_out, W_out), cache (x, w, b, conv_param)); "
        "H_out = 1 + (H + 2 pad - HH) // stride, W_out likewise",
        cached=True,
        results=("out",),
    ),
    Exercise(
        "conv_backward_naive",
        "dout (N, F, H_out, W_out), cache (x, w, b, conv_param) from conv_forward_naive",
        "(dx (N, C, H, W), dw (F, C, HH, WW), db (F,))",
        results=("dx", "dw", "db"),
        forward="conv_forward_naive",
    ),
    Exercise(
        "max_pool_forward_naive",
        'x (N, C, H, W), pool_param {"pool_height", "pool_width", "stride"}',
        "(out (N, C, H_out, W_out), cache (x, pool_param)); "
        "H_out = 1 + (H - pool_height) // stride, W_out likewise",
        cached=True,
        results=("out",),
    ),
    Exercise(
        "max_pool_backward_naive",
        "dout (N, C, H_out, W_out), cache (x, pool_param) from max_pool_forward_naive",
        "dx (N, C, H, W): each dout to its window's first maximum, overlapping windows added",
        results=("dx",),
        forward="max_pool_forward_naive",
    ),
)


def _pool_case(name, about, x, window, grad):
    """A case for the forward pass, or for the backward pass with a random ``dout``;
    ``window = (pool_height, pool_width, stride)``."""
    ph, pw, stride = window
    pool_param = {"pool_height": ph, "pool_width": pw, "stride": stride}
    if not grad:
        return CourseCase(name, about, (x, pool_param))
    N, C, H, W = x.shape
    dout = normal(50, N, C, 1 + (H - ph) // stride, 1 + (W - pw) // stride)
    return CourseCase(name, about, (dout, (x, pool_param)))


def battery(function: str) -> list[CourseCase]:
    """The pooling functions' test inputs (fresh arrays on every call), each with what it
    exercises; the conv layer's battery lives in :mod:`convgrad.grading.battery`. Every input
    meets the assignment's assumption that the stride divides ``H - pool_height`` and
    ``W - pool_width``.

    >>> [case.name for case in battery("max_pool_backward_naive")][:2]
    ['2x2, stride 2', '2x2, stride 1, overlapping']
    """
    if function not in ("max_pool_forward_naive", "max_pool_backward_naive"):
        raise ValueError(f"battery: cs231n's pooling has no function {function!r}")
    grad = function == "max_pool_backward_naive"
    cases = [
        ("2x2, stride 2", "the assignment's own test: windows side by side",
         normal(51, 2, 3, 4, 4), (2, 2, 2)),
        ("2x2, stride 1, overlapping", "windows share cells: gradients add up",
         normal(52, 1, 2, 4, 5), (2, 2, 1)),
        ("ties", "tied maxima: the gradient goes to one of them, not to each",
         tied(53, 2, 2, 4, 4), (2, 2, 2)),
        ("ties, overlapping", "tied maxima in windows that overlap",
         tied(54, 1, 2, 5, 5), (3, 3, 1)),
        ("3x2 window, stride 2", "pool_height != pool_width, non-square input",
         normal(55, 1, 2, 7, 6), (3, 2, 2)),
        ("1x3 window, stride 1", "a flat window on a wide input",
         normal(56, 2, 1, 3, 6), (1, 3, 1)),
    ]  # fmt: skip
    return [_pool_case(*case, grad) for case in cases]


_BUGS = {
    "max_pool_forward_naive": {
        "stride_ignored": "the window starts at (i, j), not (i * stride, j * stride)",
        "height_width_swapped": "the window is pool_width tall and pool_height wide",
        "windows_off_edge": "H_out = H // stride: windows that start near the edge run off it "
        "and are cut short",
        "max_over_channels": "the max of x[n, :, rows, cols], over every channel at once",
        "float_output_size": "H_out = 1 + (H - pool_height) / stride: Python 2's division, a "
        "float in Python 3 that np.zeros and range refuse",
        "reshape_non_overlapping": "x.reshape(N, C, H // pool_height, pool_height, W // "
        "pool_width, pool_width).max(axis=(3, 5)): tiles the image, right only when the stride "
        "equals the window and the window divides the image",
        "out_size_wrong_dim": "one output size from the other axis: W_out = 1 + (H - "
        "pool_width) // stride (or H_out from W)",
        "max_without_axis": "np.max(x[:, :, rows, cols]) with no axis: one maximum over every "
        "image and channel, where each (n, c) needs its own",
        "window_by_stride": "the window is stride cells a side (rows i * stride:(i + 1) * "
        "stride), not pool_height by pool_width",
    },
    "max_pool_backward_naive": {
        "all_ties": "every tied maximum gets the full gradient (mask = window == max)",
        "overwrite": "dx[window] = mask * dout instead of +=: overlapping windows lost",
        "index_overwrite": "dx[n, c, top + u, left + v] = dout[n, c, i, j] instead of +=: a cell "
        "that is the maximum of two overlapping windows keeps only the last gradient",
        "mask_wrong_window": "the mask comes from the window at (i, j) without the stride, the "
        "gradient goes to the strided window",
        "stride_ignored": "the window starts at (i, j), not (i * stride, j * stride)",
        "height_width_swapped": "the window is pool_width tall and pool_height wide",
        "dout_transposed": "reads dout[n, c, j, i] for output cell (i, j)",
        "unravel_by_height": "turns the flat argmax k into (k // pool_height, k % pool_height): "
        "right only for square windows",
        "ties_split": "a tied window's gradient is split among its maxima (mask / mask.sum()), "
        "where the layer gives all of it to the first",
        "windows_off_edge": "loops over H // stride rows (and W // stride columns) of dout: "
        "past the last window when they overlap or do not tile the image",
        "grad_wrong_window": "the maximum is found in the strided window, but the gradient goes "
        "to the window at (i, j) without the stride",
        "window_by_stride": "the window is stride cells a side (rows i * stride:(i + 1) * "
        "stride), not pool_height by pool_width",
        "fancy_index_broadcast": "dx[:, :, rows, cols] += dout[:, :, i, j] with rows and cols "
        "of shape (N, C): the slices and the index arrays broadcast against each other, so each "
        "(n, c) plane gets a gradient at the maximum of every image's and channel's window",
    },
}


def _pool_forward_variant(bug: str, form: str = ""):
    def max_pool_forward_naive(x, pool_param):
        x = np.asarray(x, dtype=np.float64)
        ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
        if bug == "height_width_swapped":
            ph, pw = pw, ph
        N, C, H, W = x.shape
        H_out, W_out = 1 + (H - ph) // s, 1 + (W - pw) // s
        if bug == "windows_off_edge":
            H_out, W_out = H // s, W // s
        if bug == "float_output_size":
            H_out, W_out = 1 + (H - ph) / s, 1 + (W - pw) / s
        if bug == "out_size_wrong_dim":
            H_out, W_out = (1 + (W - ph) // s, W_out) if form else (H_out, 1 + (H - pw) // s)
        if bug == "reshape_non_overlapping":
            tiles = x.reshape(N, C, H // ph, ph, W // pw, pw)
            return tiles.max(axis=(3, 5)), (x, pool_param)
        step = 1 if bug == "stride_ignored" else s
        if bug == "window_by_stride":
            ph = pw = s
        out = np.zeros((N, C, H_out, W_out))
        for n, c, i, j in np.ndindex(N, C, H_out, W_out):
            rows, cols = slice(i * step, i * step + ph), slice(j * step, j * step + pw)
            channels = slice(None) if bug in ("max_over_channels", "max_without_axis") else c
            images = slice(None) if bug == "max_without_axis" else n
            out[n, c, i, j] = np.max(x[images, channels, rows, cols])
        return out, (x, pool_param)

    return max_pool_forward_naive


def _pool_backward_variant(bug: str):
    def max_pool_backward_naive(dout, cache):
        x, pool_param = cache
        x, dout = np.asarray(x, dtype=np.float64), np.asarray(dout, dtype=np.float64)
        ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
        if bug == "height_width_swapped":
            ph, pw = pw, ph
        step = 1 if bug == "stride_ignored" else s
        N, C, H_out, W_out = dout.shape
        if bug == "windows_off_edge":  # dout[n, c, i, j] past its last row raises
            H_out, W_out = x.shape[2] // s, x.shape[3] // s
        dx = np.zeros(x.shape)
        if bug == "fancy_index_broadcast":
            for i, j in np.ndindex(H_out, W_out):
                window = x[:, :, i * s : i * s + ph, j * s : j * s + pw].reshape(N, C, -1)
                k = np.argmax(window, axis=2)  # (N, C)
                dx[:, :, i * s + k // pw, j * s + k % pw] += dout[:, :, i, j]
            return dx
        if bug == "window_by_stride":
            ph = pw = s
        for n, c, i, j in np.ndindex(N, C, H_out, W_out):
            rows, cols = slice(i * step, i * step + ph), slice(j * step, j * step + pw)
            window = x[n, c, rows, cols]
            if bug == "grad_wrong_window":
                rows, cols = slice(i, i + ph), slice(j, j + pw)
            if bug == "mask_wrong_window":
                window = x[n, c, i : i + ph, j : j + pw]
            if bug in ("all_ties", "ties_split"):
                mask = window == np.max(window)
                if bug == "ties_split":
                    mask = mask / np.sum(mask)
            elif bug == "unravel_by_height":  # the cell may fall outside the window, or x
                k = int(np.argmax(window))
                dx[n, c, i * step + k // ph, j * step + k % ph] += dout[n, c, i, j]
                continue
            else:
                mask = np.zeros(window.shape)
                mask[np.unravel_index(np.argmax(window), window.shape)] = 1
            g = dout[n, c, j, i] if bug == "dout_transposed" else dout[n, c, i, j]
            if bug == "overwrite":
                dx[n, c, rows, cols] = mask * g
            elif bug == "index_overwrite":
                u, v = np.unravel_index(np.argmax(window), window.shape)
                dx[n, c, i * step + u, j * step + v] = g
            else:
                dx[n, c, rows, cols] += mask * g
        return dx

    return max_pool_backward_naive


def _with_doc(function, text):
    function.__doc__ = text
    return function


_VARIANTS = {
    "max_pool_forward_naive": {
        bug: _with_doc(_pool_forward_variant(bug), text)
        for bug, text in _BUGS["max_pool_forward_naive"].items()
    },
    "max_pool_backward_naive": {
        bug: _with_doc(_pool_backward_variant(bug), text)
        for bug, text in _BUGS["max_pool_backward_naive"].items()
    },
}
# the same bug in another form: the grader matches a learner's code against each form
_VARIANTS["max_pool_forward_naive"]["out_size_wrong_dim"].forms = (  # type: ignore[attr-defined]
    _VARIANTS["max_pool_forward_naive"]["out_size_wrong_dim"],
    _pool_forward_variant("out_size_wrong_dim", "height"),
)
# --- grading: the battery, the probes and the bug catalogue ---------------------------------------


def out_size(size: int, kernel: int, stride: int, pad: int) -> int:
    """The assignment's ``1 + (H + 2 * pad - HH) // stride``."""
    return 1 + (size + 2 * pad - kernel) // stride


def _reference(inputs: Arrays, params: Params) -> Arrays:
    out, cache = conv_forward_naive(inputs["x"], inputs["w"], inputs["b"], dict(params))
    dx, dw, db = conv_backward_naive(inputs["dout"], cache)
    return {"out": out, "dx": dx, "dw": dw, "db": db}


def _inputs(seed: int, x: tuple, w: tuple, stride: int, pad: int, dtype=np.float64):
    generator = rng(seed)
    N, _, H, W = x
    F, _, HH, WW = w
    assert (H + 2 * pad - HH) % stride == 0 and (W + 2 * pad - WW) % stride == 0, (x, w, stride)
    dout = (N, F, out_size(H, HH, stride, pad), out_size(W, WW, stride, pad))
    inputs = {
        "x": generator.standard_normal(x).astype(dtype),
        "w": generator.standard_normal(w).astype(dtype),
        "b": generator.standard_normal(F).astype(dtype),
        "dout": generator.standard_normal(dout).astype(dtype),
    }
    return inputs, {"stride": stride, "pad": pad}


def _case(name: str, about: str, seed: int, x, w, stride, pad, **kw) -> Case:
    dtype = kw.pop("dtype", np.float64)
    inputs, params = _inputs(seed, x, w, stride, pad, dtype)
    return Case(name, about, inputs, params, **kw)


def _cases() -> list[Case]:
    zero = _case(
        "zero dout gives zero gradients",
        "dout = 0 (pad 1): no upstream signal, so dx, dw and db are exactly zero",
        3,
        (1, 2, 4, 4),
        (2, 2, 3, 3),
        1,
        1,
    )
    zero.inputs["dout"][...] = 0
    one = _case(
        "one nonzero dout position",
        "one dout cell set (pad 0, stride 1): dw[f] is that cell's x window, dx one filter",
        4,
        (1, 1, 4, 4),
        (1, 1, 2, 2),
        1,
        0,
    )
    one.inputs["dout"][...] = 0
    one.inputs["dout"][0, 0, 1, 2] = 1
    asymmetric = _case(
        "asymmetric filter",
        "a 3x3 filter with no symmetry (pad 1): catches a flipped or transposed kernel",
        12,
        (1, 1, 5, 5),
        (1, 1, 3, 3),
        1,
        1,
    )
    asymmetric.inputs["w"][...] = np.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    return [
        _case(
            "returns three arrays of the right shapes",
            "dx shaped like x, dw like w, db like b (N = 2, stride 2, pad 1)",
            1,
            (2, 3, 5, 5),
            (4, 3, 3, 3),
            2,
            1,
            check="shapes",
        ),
        _case(
            "stride 1, no padding",
            "the plain loop, pad 0: also a crop that assumes pad > 0 ([pad:-pad] is empty here)",
            2,
            (1, 2, 4, 4),
            (2, 2, 2, 2),
            1,
            0,
        ),
        zero,
        one,
        _case(
            "overlapping windows",
            "3x3 filters at stride 1, pad 0: a pixel in several windows sums their gradients",
            5,
            (1, 1, 5, 5),
            (1, 1, 3, 3),
            1,
            0,
        ),
        _case(
            "padding 1",
            "pad 1: the windows run over the padded x and the padding is cropped off dx",
            6,
            (1, 2, 4, 4),
            (2, 2, 3, 3),
            1,
            1,
        ),
        _case(
            "stride 2, padding 1",
            "stride 2: window (i, j) starts at (i * stride, j * stride), forward and backward",
            7,
            (1, 2, 5, 5),
            (2, 2, 3, 3),
            2,
            1,
        ),
        _case(
            "padding 2",
            "pad 2: two rows and columns cropped on every side, not a pad hard-coded to 1",
            8,
            (1, 1, 4, 4),
            (1, 1, 3, 3),
            1,
            2,
        ),
        _case(
            "stride 3, padding 2",
            "stride 3 and pad 2 together on 8x8 (the stride divides 8 + 2 * 2 - 3)",
            9,
            (1, 2, 8, 8),
            (2, 2, 3, 3),
            3,
            2,
        ),
        _case(
            "several images",
            "N = 3: dw and db are summed over the images, not averaged or overwritten",
            10,
            (3, 2, 4, 4),
            (2, 2, 3, 3),
            1,
            1,
        ),
        _case(
            "non-square input and filter",
            "H = 5, W = 6 and a 3x2 filter: heights and widths kept apart everywhere",
            11,
            (2, 2, 5, 6),
            (3, 2, 3, 2),
            2,
            1,
        ),
        _case(
            "taller than wide",
            "H = 6 > W = 5 with a 2x3 filter (pad 1): catches an output height taken from a width",
            16,
            (2, 2, 6, 5),
            (2, 2, 2, 3),
            1,
            1,
        ),
        _case(
            "several channels in and out",
            "C = 3, F = 4: each filter's gradient stays in its own channels",
            13,
            (2, 3, 4, 4),
            (4, 3, 2, 2),
            1,
            0,
        ),
        asymmetric,
        _case(
            "float32 input",
            "float32 arrays: no precision lost to a cast",
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


def _notes() -> list[Case]:
    """A stride that does not divide: outside the template (which asserts), so only a note."""
    generator = rng(15)
    x, w = generator.standard_normal((1, 1, 4, 4)), generator.standard_normal((1, 1, 3, 3))
    dout = generator.standard_normal((1, 1, 1, 1))
    return [
        Case(
            "a stride that does not divide",
            "with a stride that does not divide H + 2 * pad - HH (4x4 input, 3x3 filter, "
            "stride 2, pad 0; the template asserts against it, PyTorch floors the output size)",
            {"x": x, "w": w, "b": np.zeros(1), "dout": dout},
            {"stride": 2, "pad": 0},
        )
    ]


@functools.cache
def _configs() -> list[tuple]:
    """The small configurations the template accepts, smallest first."""
    configs = []
    for N, C, F, H, W, HH, WW, stride, pad in itertools.product(
        (1, 2), (1, 2), (1, 2), (2, 3, 4), (2, 3, 4), (1, 2, 3), (1, 2, 3), (1, 2, 3), (0, 1, 2)
    ):
        if HH > H + 2 * pad or WW > W + 2 * pad:
            continue
        if (H + 2 * pad - HH) % stride or (W + 2 * pad - WW) % stride:
            continue
        dout = (N, F, out_size(H, HH, stride, pad), out_size(W, WW, stride, pad))
        size = N * C * H * W + F * C * HH * WW + int(np.prod(dout))
        configs.append((size, stride, pad, (N, C, H, W), (F, C, HH, WW), dout))
    configs.sort()
    return configs


def _candidates(case: Case) -> Iterator[tuple[Arrays, Params]]:
    """Small inputs the template accepts, smallest first, with the case's dtype."""
    dtype = case.inputs["x"].dtype
    configs = _configs()
    for k, (_, stride, pad, x, w, dout) in enumerate(configs):
        generator = rng(1000 + k)
        yield (
            {
                "x": small_values(generator, x, dtype),
                "w": small_values(generator, w, dtype),
                "b": small_values(generator, (w[0],), dtype),
                "dout": small_values(generator, dout, dtype),
            },
            {"stride": stride, "pad": pad},
        )


_BASE = {"N": 2, "C": 2, "F": 2, "H": 5, "W": 5, "HH": 3, "WW": 3, "stride": 1, "pad": 1}


def _probes() -> list[Probe]:
    """The base configuration, then one parameter changed at a time (sizes the stride divides)."""
    series: list[tuple[str, str, dict[str, int]]] = [("", "", {})]
    series += [("pad", str(p), {"pad": p}) for p in (0, 2)]
    series += [("stride", "2", {"stride": 2}), ("stride", "3", {"stride": 3, "H": 7, "W": 7})]
    series += [("H != W", "H = 5, W = 7", {"W": 7}), ("H != W", "H = 7, W = 5", {"H": 7})]
    series += [("HH != WW", "HH = 3, WW = 2", {"WW": 2}), ("HH != WW", "HH = 2, WW = 3", {"HH": 2})]
    series += [(k, str(v), {k: v}) for k in ("C", "F", "N") for v in (1, 3)]
    probes = []
    for k, (parameter, value, change) in enumerate(series):
        c = {**_BASE, **change}
        inputs, params = _inputs(
            200 + k,
            (c["N"], c["C"], c["H"], c["W"]),
            (c["F"], c["C"], c["HH"], c["WW"]),
            c["stride"],
            c["pad"],
        )
        base = {"H != W": "H = W", "HH != WW": "HH = WW"}.get(parameter, str(_BASE.get(parameter)))
        probes.append(Probe(parameter, value, inputs, params, base))
    return probes


def _short(window: np.ndarray, HH: int, WW: int) -> bool:
    return window.shape[-2:] != (HH, WW)


def buggy_forward(
    bug: str, x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int
) -> np.ndarray | None:
    """:func:`conv_forward_naive`'s ``out (N, F, H_out, W_out)`` with the mistake ``bug`` in it
    (``""``: none); None where such code raises."""
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    floats = np.result_type(x, w, b, np.float16)
    if bug == "pads_every_axis":
        try:
            return _forward_padding_every_axis(x.astype(floats), w, b, stride, pad)
        except ValueError:  # a window of C + 2 * pad channels times w[f]
            return None
    used = 1 if bug.startswith("hardcoded_pad") else pad
    if bug == "param_key_swapped":  # pad = conv_param["stride"]
        used = pad = stride
    xp = np.pad(x.astype(floats), ((0, 0), (0, 0), (used, used), (used, used)))
    H_out, W_out = out_size(H, HH, stride, pad), out_size(W, WW, stride, pad)
    if bug == "hardcoded_pad/sizes":
        H_out, W_out = out_size(H, HH, stride, 1), out_size(W, WW, stride, 1)
    elif bug == "out_size_wrong_dim/kernel":
        W_out = out_size(W, HH, stride, pad)
    elif bug == "out_size_wrong_dim/kernel-rows":
        H_out = out_size(H, WW, stride, pad)
    elif bug == "out_size_wrong_dim/input":
        W_out = out_size(H, WW, stride, pad)
    elif bug == "hw_swapped/x":
        H_out, W_out = out_size(W, HH, stride, pad), out_size(H, WW, stride, pad)
    elif bug == "hw_swapped/square":
        W_out = H_out
    if min(H_out, W_out) < 0:
        return None
    rows, cols = H_out, W_out  # the cells the loops reach
    if bug == "loop_unpadded":
        rows = max(0, min(H_out, out_size(H, HH, stride, 0)))
        cols = max(0, min(W_out, out_size(W, WW, stride, 0)))
    elif bug == "skip_last":
        rows, cols = H_out - 1, W_out - 1
    step = 1 if bug == "stride_ignored" else stride
    out = np.zeros((N, F, H_out, W_out), floats)
    for i in range(rows):
        for j in range(cols):
            window = xp[:, :, i * step : i * step + HH, j * step : j * step + WW]
            if _short(window, HH, WW):
                return None
            bias = 0 if bug == "bias_wrong/missing" else b
            if bug == "bias_wrong/inside_sum":  # np.sum(window * w[f] + b[f])
                bias = b * (C * HH * WW)
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", window, w) + bias
    return out


def _forward_padding_every_axis(
    x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int
) -> np.ndarray:
    """The assignment's four loops over ``np.pad(x, pad)``, which pads the images and the
    channels too: each window ``x_pad[n, :, ...]`` holds ``C + 2 * pad`` channels, and its
    product with ``w[f]`` raises NumPy's own broadcast error (the learner's message), or, with
    one channel, broadcasts and sums image ``n - pad``."""
    N, _, H, W = x.shape
    F, _, HH, WW = w.shape
    xp = np.pad(x, pad)
    H_out, W_out = out_size(H, HH, stride, pad), out_size(W, WW, stride, pad)
    out = np.zeros((N, F, H_out, W_out), x.dtype)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    window = xp[n, :, i * stride : i * stride + HH, j * stride : j * stride + WW]
                    out[n, f, i, j] = np.sum(window * w[f]) + b[f]
    return out


_IN_ORDER = {"dx_overwrite", "dw_overwrite", "db_overwrite", "dx_reset", "dw_last_image"}


def _backward_loops(bug, dout, xp, kernel, dxp, dw, db, rows, cols, step) -> bool:
    """The assignment's loop over (n, f, i, j), for the mistakes whose result depends on the
    order of the cells; False where the learner's code would raise."""
    N, F = dout.shape[:2]
    HH, WW = kernel.shape[2:]
    for n in range(N):
        if bug == "dw_last_image":
            dw[...] = 0
        for f in range(F):
            for i in range(rows):
                for j in range(cols):
                    r, c = slice(i * step, i * step + HH), slice(j * step, j * step + WW)
                    window = xp[n, :, r, c]
                    if _short(window, HH, WW):
                        return False
                    g = dout[n, f, i, j]
                    dw_term = g * (kernel[f] if bug == "dw_uses_w" else window)
                    if bug == "dw_transposed":
                        dw_term = dw_term.swapaxes(1, 2)
                    dx_term = g * (window if bug == "dx_uses_x" else kernel[f])
                    if bug == "dw_overwrite":
                        dw[f] = dw_term
                    else:
                        dw[f] += dw_term
                    if bug == "dx_reset":
                        dxp[...] = 0
                    if bug == "dx_overwrite":
                        dxp[n, :, r, c] = dx_term
                    else:
                        dxp[n, :, r, c] += dx_term
                    if bug == "db_overwrite":
                        db[f] = g
                    else:
                        db[f] += g
    return True


def _backward_cells(bug, dout, xp, kernel, dxp, dw, db, rows, cols, step) -> bool:
    """The same sums, one output cell (i, j) at a time for all images and filters at once."""
    HH, WW = kernel.shape[2:]
    for i in range(rows):
        for j in range(cols):
            r, c = slice(i * step, i * step + HH), slice(j * step, j * step + WW)
            window = xp[:, :, r, c]  # (N, C, HH, WW)
            if _short(window, HH, WW):
                return False
            g = dout[:, :, i, j]  # (N, F)
            db += g.sum(axis=0)
            if bug == "dw_uses_w":
                dw += g.sum(axis=0)[:, None, None, None] * kernel
            elif bug == "dw_transposed":
                dw += np.einsum("nf,nchw->fcwh", g, window)
            else:
                dw += np.einsum("nf,nchw->fchw", g, window)
            if bug == "dx_uses_x":
                dxp[:, :, r, c] += g.sum(axis=1)[:, None, None, None] * window
            else:
                dxp[:, :, r, c] += np.einsum("nf,fchw->nchw", g, kernel)
    return True


def buggy_backward(
    bug: str,
    dout: np.ndarray,
    x: np.ndarray,
    w: np.ndarray,
    stride: int,
    pad: int,
    _loops: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """:func:`conv_backward_naive` (``dout (N, F, H_out, W_out)``, ``x (N, C, H, W)``,
    ``w (F, C, HH, WW)``) with the mistake ``bug`` in it (``""``: none); None where such code
    raises. ``_loops`` runs the plain four loops for every mistake (the test of the faster
    path)."""
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    floats = np.result_type(dout, x, w, np.float16)
    used = 1 if bug in ("hardcoded_pad/both", "hardcoded_pad/pad") else pad
    if bug == "param_key_swapped":  # pad = conv_param["stride"]
        used = pad = stride
    xp = np.pad(x.astype(floats), ((0, 0), (0, 0), (used, used), (used, used)))
    dxp, dw, db = np.zeros(xp.shape, floats), np.zeros(w.shape, floats), np.zeros(F, floats)
    kernel = w.astype(floats)  # what dx multiplies
    if bug == "dx_flipped_kernel":
        kernel = kernel[:, :, ::-1, ::-1]
    if bug in ("dx_transposed_kernel", "dw_transposed") and HH != WW:
        return None
    if bug == "dx_transposed_kernel":
        kernel = kernel.swapaxes(2, 3)
    rows, cols = H_out, W_out  # the cells the loops visit
    if bug == "skip_last":
        rows, cols = H_out - 1, W_out - 1
    elif bug == "out_size_wrong_dim/kernel":
        cols = out_size(W, HH, stride, pad)
    elif bug == "out_size_wrong_dim/kernel-rows":
        rows = out_size(H, WW, stride, pad)
    elif bug == "out_size_wrong_dim/input":
        cols = out_size(H, WW, stride, pad)
    elif bug == "hw_swapped/loops":
        rows, cols = out_size(W, HH, stride, pad), out_size(H, WW, stride, pad)
    elif bug == "loop_unpadded":
        rows = max(0, min(H_out, out_size(H, HH, stride, 0)))
        cols = max(0, min(W_out, out_size(W, WW, stride, 0)))
    if rows > H_out or cols > W_out:
        return None  # dout[n, f, i, j] out of bounds
    step = 1 if bug == "stride_ignored" else stride
    if bug in _IN_ORDER or _loops:
        ok = _backward_loops(bug, dout, xp, kernel, dxp, dw, db, rows, cols, step)
    else:
        ok = _backward_cells(bug, dout, xp, kernel, dxp, dw, db, rows, cols, step)
    if not ok:
        return None
    crops = {
        "dx_not_cropped": (slice(None), slice(None)),
        "crop_end_only": (slice(0, H), slice(0, W)),
        "crop_start_only": (slice(2 * pad, None), slice(2 * pad, None)),
        "crop_negative_pad": (slice(pad, -pad), slice(pad, -pad)),
        "hardcoded_pad/crop": (slice(1, -1), slice(1, -1)),
        "hardcoded_pad/both": (slice(1, -1), slice(1, -1)),
        "hw_swapped/crop": (slice(pad, pad + W), slice(pad, pad + H)),
        "hw_swapped/crop_square": (slice(pad, pad + H), slice(pad, pad + H)),
        "crop_wrong_end": (slice(pad, H), slice(pad, W)),
    }
    r, c = crops.get(bug, (slice(pad, pad + H), slice(pad, pad + W)))
    dx = dxp[:, :, r, c]
    if bug == "dw_mean_batch":
        dw /= N
    if bug == "db_mean_batch":
        db /= N
    return dx, dw, db


def _forward_variant(name: str) -> Variant:
    def run(inputs: Arrays, params: Params) -> Arrays | None:
        out = buggy_forward(
            name, inputs["x"], inputs["w"], inputs["b"], params["stride"], params["pad"]
        )
        return None if out is None else {"out": out}

    if name != "pads_every_axis":
        return Variant(name.split("/")[0], name, ("out",), run)

    def raising(inputs: Arrays, params: Params) -> Arrays:
        x, w, b = (inputs[k] for k in ("x", "w", "b"))
        floats = np.result_type(x, w, b, np.float16)
        return {"out": _forward_padding_every_axis(x.astype(floats), w, b, **params)}

    def quiet(inputs: Arrays, params: Params) -> Arrays | None:
        try:
            return raising(inputs, params)
        except ValueError:  # NumPy's broadcast error, as the learner's code raises it
            return None

    return Variant(name, name, ("out",), quiet, raising)


def _backward_variant(name: str) -> Variant:
    def run(inputs: Arrays, params: Params) -> Arrays | None:
        result = buggy_backward(
            name, inputs["dout"], inputs["x"], inputs["w"], params["stride"], params["pad"]
        )
        return None if result is None else dict(zip(("dx", "dw", "db"), result))

    return Variant(name.split("/")[0], name, ("dx", "dw", "db"), run)


def _db_variant(name: str) -> Variant:
    """db from ``dout (N, F, H_out, W_out)`` summed the wrong way (the rest of the pass right)."""

    def run(inputs: Arrays, params: Params) -> Arrays | None:
        dout = inputs["dout"]
        g = dout.astype(np.result_type(dout, inputs["x"], inputs["w"], np.float16))
        right = g.sum(axis=(0, 2, 3))  # (F,)
        db = {
            "db_wrong_axes/0": g.sum(axis=0),  # (F, H_out, W_out)
            "db_wrong_axes/012": g.sum(axis=(0, 1, 2)),  # (W_out,)
            "db_wrong_axes/23": g.sum(axis=(2, 3)),  # (N, F)
            "db_wrong_axes/F1": right.reshape(-1, 1),  # (F, 1)
            # db[f] += dout[n, f].sum() inside the loops over (i, j): once per position
            "db_wrong_axes/inner": right * (dout.shape[2] * dout.shape[3]),
        }[name]
        return {"db": db}

    return Variant("db_wrong_axes", name, ("db",), run)


def _rest_variant(name: str) -> Variant:
    """Mistakes that are the right pass on other numbers: dw from windows not weighted by dout
    (``dw[f] += window``), and dx set back to zeros inside the loop over the images or the
    filters, so only the last image's (or the last image's last filter's) part survives."""

    def run(inputs: Arrays, params: Params) -> Arrays | None:
        dout, x, w = inputs["dout"], inputs["x"], inputs["w"]
        stride, pad = params["stride"], params["pad"]
        if name == "dw_uses_w/no_dout":
            result = buggy_backward("", np.ones_like(dout), x, w, stride, pad)
            return None if result is None else {"dw": result[1]}
        kept = np.zeros_like(dout)
        if name == "dx_reset/image":
            kept[-1] = dout[-1]
        else:  # "dx_reset/filter"
            kept[-1, -1] = dout[-1, -1]
        result = buggy_backward("", kept, x, w, stride, pad)
        return None if result is None else {"dx": result[0]}

    changes = ("dw",) if name.startswith("dw") else ("dx",)
    return Variant(name.split("/")[0], name, changes, run)


REST_MISTAKES = ("dw_uses_w/no_dout", "dx_reset/image", "dx_reset/filter")

DB_MISTAKES = (
    "db_wrong_axes/0",
    "db_wrong_axes/012",
    "db_wrong_axes/23",
    "db_wrong_axes/F1",
    "db_wrong_axes/inner",
)

FORWARD_MISTAKES = (
    "bias_wrong/missing",
    "bias_wrong/inside_sum",
    "hardcoded_pad/pad",
    "hardcoded_pad/sizes",
    "stride_ignored",
    "out_size_wrong_dim/kernel",
    "out_size_wrong_dim/kernel-rows",
    "out_size_wrong_dim/input",
    "hw_swapped/x",
    "hw_swapped/square",
    "loop_unpadded",
    "skip_last",
    "param_key_swapped",
    "pads_every_axis",
)
BACKWARD_MISTAKES = (
    "param_key_swapped",
    "crop_negative_pad",
    "hardcoded_pad/crop",
    "hardcoded_pad/both",
    "hardcoded_pad/pad",
    "dx_overwrite",
    "dw_overwrite",
    "db_overwrite",
    "stride_ignored",
    "loop_unpadded",
    "out_size_wrong_dim/kernel",
    "out_size_wrong_dim/kernel-rows",
    "out_size_wrong_dim/input",
    "hw_swapped/crop",
    "hw_swapped/crop_square",
    "crop_wrong_end",
    "hw_swapped/loops",
    "dx_not_cropped",
    "crop_end_only",
    "crop_start_only",
    "dx_flipped_kernel",
    "dx_transposed_kernel",
    "dw_transposed",
    "dx_uses_x",
    "dw_uses_w",
    "skip_last",
    "dx_reset",
    "dw_mean_batch",
    "db_mean_batch",
    "dw_last_image",
)

_CROP = "`dx = dx_pad[:, :, pad:pad + H, pad:pad + W]`"
BUGS = {
    **KNOWN,
    **{
        b.id: b
        for b in (
            Bug(
                "pads_every_axis",
                "np.pad(x, pad) pads every axis: the images and the channels too",
                "Given one width, `np.pad` pads all four axes of x: `x_pad` is `(N + 2 * pad, "
                "C + 2 * pad, H + 2 * pad, W + 2 * pad)`, a window holds C + 2 * pad channels "
                "(its product with `w[f]` fails to broadcast, or sums the wrong images when C = "
                "1), and it shows only when pad > 0. Give a width per axis: "
                "`np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))`.",
                ("out", "dx", "dw", "db"),
            ),
            Bug(
                "axes_unpacked",
                "a shape is unpacked into the wrong number of names",
                "`x` is `(N, C, H, W)`, `w` is `(F, C, HH, WW)` and `dout` is "
                "`(N, F, H_out, W_out)`: four axes each, a batch of images and a bank of "
                "filters. Unpack four names from each shape (`N, C, H, W = x.shape`), or take "
                "the one you need by index (`x.shape[2]`).",
            ),
            Bug(
                "crop_negative_pad",
                "dx is cropped with [pad:-pad], which is empty when pad = 0",
                "`dx_pad[:, :, pad:-pad, pad:-pad]` is right for pad >= 1, but with pad = 0 the "
                "slice is `[0:-0]`, that is `[0:0]`: empty, so dx comes back with 0 rows and 0 "
                "columns instead of x's shape (or assigning it raises), and only when pad = 0. "
                f"Crop with an end that counts up from pad: {_CROP} (and fill a padded array's "
                "middle with `x_pad[:, :, pad:pad + H, pad:pad + W] = x`, or use `np.pad`).",
                ("dx",),
            ),
            Bug(
                "hardcoded_pad",
                "the padding or the crop is hard-coded to 1 instead of pad",
                "A `1` where `pad` belongs (`np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))`, or "
                "`dx_pad[:, :, 1:-1, 1:-1]`) is right only for pad = 1. Pad with "
                f"`(pad, pad)` and crop with {_CROP}.",
                ("out", "dx", "dw", "db"),
            ),
            Bug(
                "crop_wrong_end",
                "dx is cropped with the wrong end",
                "`dx_pad[:, :, pad:H, pad:W]` stops pad rows and columns short: the padded array "
                "has pad + H + pad rows, and x's rows are the H after the first pad. The end "
                f"counts up from pad: {_CROP}.",
                ("dx",),
            ),
            Bug(
                "db_wrong_axes",
                "db is summed over the wrong axes",
                "db[f] is the sum of dout[:, f] over the images and every output position: "
                "`db = dout.sum(axis=(0, 2, 3))`, shaped (F,) like b. Summing over other axes, "
                "keeping an axis, or adding an image's whole sum once per window position (inside "
                "the loops over i and j) gives another shape or a multiple of the right db.",
                ("db",),
            ),
            Bug(
                "param_key_swapped",
                "pad is read from the wrong key of conv_param",
                "`pad = conv_param['stride']` gives the stride where the padding belongs, so the "
                "result is right only when the two happen to be equal. Read each from its own "
                "key: `stride, pad = conv_param['stride'], conv_param['pad']`.",
                ("out", "dx", "dw", "db"),
            ),
            Bug(
                "bias_wrong",
                "the bias is added wrongly in the forward pass",
                "Each output cell gets its filter's bias once: "
                "`out[n, f, i, j] = np.sum(window * w[f]) + b[f]`. Inside the sum "
                "(`np.sum(window * w[f] + b[f])`) it is added once per element of the window; "
                "left out, it is not added at all.",
                ("out",),
            ),
            Bug(
                "dx_not_cropped",
                "dx still has the padding",
                "dx must be shaped like x: the gradient that lands on the zero padding is "
                f"dropped, {_CROP}.",
                ("dx",),
            ),
            Bug(
                "crop_end_only",
                "the padding is cropped from the wrong side",
                "`dx_pad[:, :, :H, :W]` drops 2 * pad rows at the bottom and none at the top; "
                f"the padding is on both sides: {_CROP}.",
                ("dx",),
            ),
            Bug(
                "crop_start_only",
                "the padding is cropped from the wrong side",
                "`dx_pad[:, :, 2 * pad:, 2 * pad:]` drops 2 * pad rows at the top and none at "
                f"the bottom; the padding is on both sides: {_CROP}.",
                ("dx",),
            ),
            Bug(
                "dw_mean_batch",
                "dw is averaged over the images",
                "The loss is a sum over the batch as far as this layer knows (any 1/N lives in "
                "the loss's own gradient, already inside dout): sum dw over the images, do not "
                "divide by N.",
                ("dw",),
            ),
            Bug(
                "db_mean_batch",
                "db is averaged over the images",
                "db[f] is the sum of dout[:, f] over the images and positions: do not divide by N.",
                ("db",),
            ),
            Bug(
                "dw_last_image",
                "dw is reset for each image",
                "dw is set back to zeros inside the loop over images, so only the last image "
                "counts. Create dw once, before the loops, and add every image's contribution.",
                ("dw",),
            ),
        )
    },
}

COURSE = Api(
    name="cs231n",
    function="conv_backward_naive",
    inputs=("x", "w", "b", "dout"),
    outputs=("out", "dx", "dw", "db"),
    optional=("out",),
    names={"dW": "dw", "W": "w", "o": "f", "g": "dout", "dx": "dx", "x": "x"},
    reference=_reference,
    cases=_cases,
    candidates=_candidates,
    probes=_probes,
    variants=tuple(_forward_variant(m) for m in FORWARD_MISTAKES)
    + tuple(_backward_variant(m) for m in BACKWARD_MISTAKES)
    + tuple(_db_variant(m) for m in DB_MISTAKES)
    + tuple(_rest_variant(m) for m in REST_MISTAKES),
    bugs=BUGS,
    notes=_notes,
)


# --- pooling: where each bug sits in a learner's code, and how to put it right --------------------
#
# Regular expressions over the learner's lines (without indentation and comment), tried in order;
# the first that matches quotes its lines (convgrad.grading.functions.locate). They only place a
# bug the results have named, never name one.

# an output loop's variable: i, j, h, w, k, l, hi, wi, y, x... (learners name them all ways)
_LOOP = r"[a-z][a-z0-9]?"
_UNSTRIDED = r"\[[^\]]*\b(" + _LOOP + r")\s*:\s*\1\s*\+\s*\w+"  # a window x[..., i:i + ph]
_NO_STRIDE = (
    rf"^\w*(top|left|start|h0|w0|row|col)\w*(\s*,\s*\w+)?\s*=\s*{_LOOP}\s*(,\s*{_LOOP}\s*)?$",
    _UNSTRIDED,
)
_SWAPPED = (
    r"(height|HH|ph|PH|pool_h)\w*\s*=.*pool_width",
    r"(width|WW|pw|PW|pool_w)\w*\s*=.*pool_height",
    r"=.*pool_width.*,.*pool_height",
)
_WINDOW = r"(pool_height|pool_h|ph|PH|HH|HP|window\.shape\[0\])"  # a window's height
_WIDTH = r"(pool_width|pool_w|pw|PW|WW|WP)"
_DIM = r"(_?(out|new|o|p|2|prime|pool))?\s*=[^=]*\b"  # an output size's name, then its value
_STRIDE = r"(stride|s|S|st)"
_BY_STRIDE = (  # a window's end one stride after its start: start + stride, (i + 1) * stride
    r"=\s*\w+\s*\+\s*" + _STRIDE + r"\s*$",
    r"\(\s*\w+\s*\+\s*1\s*\)\s*\*\s*" + _STRIDE + r"\b",
    r":\s*\w+\s*\*\s*" + _STRIDE + r"\s*\+\s*" + _STRIDE + r"\b",
)
_DX = r"^(d_?[xX]|grad|d_?input|d_?in\b)"  # the gradient's name: dx, dX, d_x, grad_x, dinput...
_WHERE: dict[str, dict[str, tuple[str, ...]]] = {
    "max_pool_forward_naive": {
        "stride_ignored": _NO_STRIDE,
        "height_width_swapped": _SWAPPED,
        "windows_off_edge": (
            r"=\s*\(?\s*[HWhw]\w*\s*//\s*\w+\s*\)?\s*$",
            r"range\s*\(\s*0\s*,\s*[HWhw]\w*\s*,",
        ),
        "max_over_channels": (r"\[\s*\w+\s*,\s*:\s*,", r"axis\s*=\s*\(\s*1\s*,"),
        "float_output_size": (
            r"(?<![/])/(?!/)\s*\(?\s*(stride|s|S|pool_param)\b",
            r"(?<![/])/(?!/)",
        ),
        "reshape_non_overlapping": (r"\.reshape\s*\(.*//", r"\.reshape\s*\("),
        "out_size_wrong_dim": (
            r"^(out_?)?[Ww]" + _DIM + r"[Hh]\w*\s*-",
            r"^(out_?)?[Hh]" + _DIM + r"[Ww]\w*\s*-",
        ),
        "max_without_axis": (
            r"^\w+\s*\[\s*:\s*,\s*:.*=\s*np\.a?max\s*\(\s*\w+\s*(\[[^\]]*\])?\s*\)",
            r"np\.a?max\s*\(\s*\w+\s*\[\s*:\s*,\s*:[^\]]*\]\s*\)",
            r"np\.a?max\s*\(\s*\w+\s*(\[[^\]]*\])?\s*\)",
            r"\.max\s*\(\s*\)",
        ),
        "window_by_stride": _BY_STRIDE,
    },
    "max_pool_backward_naive": {
        "all_ties": (
            r"==\s*.*\bmax\s*\(|==\s*np\.amax|\.max\s*\(.*==",
            r"^(?!assert\b).*[\w\)\]]\s*==\s*[\w\(]",  # the mask, its max found before
        ),
        "overwrite": (_DX + r"\w*\s*\[.*\]\s*=(?!=)",),
        "index_overwrite": (_DX + r"\w*\s*\[.*\]\s*=(?!=)",),
        "mask_wrong_window": (_UNSTRIDED,),
        "stride_ignored": _NO_STRIDE,
        "height_width_swapped": _SWAPPED,
        "dout_transposed": (
            r"dout\s*\[\s*\w+\s*,\s*\w+\s*,\s*(j\s*,\s*i|w\s*,\s*h|l\s*,\s*k|wi\s*,\s*hi|"
            r"x\s*,\s*y|ow\s*,\s*oh|col\s*,\s*row|q\s*,\s*p|b\s*,\s*a)\s*\]",
        ),
        "unravel_by_height": (
            r"[/%]\s*(pool_height|ph|PH|HH|HP|pool_h)\b",
            r"divmod\s*\(.*,\s*" + _WINDOW + r"\s*\)",
            r"unravel_index\s*\(.*\(\s*" + _WIDTH + r"\s*,\s*" + _WINDOW + r"\s*\)",
            r"argmax",
        ),
        "ties_split": (
            r"/\s*(np\.)?(sum|count_nonzero)\s*\(|/\s*\w+\.sum\s*\(",
            r"(?<![/])/(?!/)",
        ),
        "windows_off_edge": (
            r"range\s*\(\s*[HWhw]\w*\s*//\s*\w+\s*\)",
            r"=\s*\(?\s*[HWhw]\w*\s*//\s*\w+\s*\)?\s*$",
        ),
        "grad_wrong_window": (
            _DX + r"\w*\s*\[[^\]]*\b(" + _LOOP + r")\s*:\s*\2\s*\+",
            _UNSTRIDED,
        ),
        "window_by_stride": _BY_STRIDE,
        "fancy_index_broadcast": (
            _DX + r"\w*\s*\[\s*:\s*,\s*:\s*,[^\]:]*\]\s*\+?=",
            _DX + r"\w*\s*\[\s*:\s*,\s*:\s*,",
        ),
    },
}

_FIXES: dict[str, dict[str, str]] = {
    "max_pool_forward_naive": {
        "stride_ignored": "Output cell (i, j) reads the window that starts at (i * stride, "
        "j * stride).",
        "height_width_swapped": "The window is pool_height rows tall and pool_width columns "
        "wide: x[n, c, top:top + pool_height, left:left + pool_width].",
        "windows_off_edge": "H_out = 1 + (H - pool_height) // stride: only windows that fit "
        "inside x.",
        "max_over_channels": "Pool each channel on its own: np.max(x[n, c, rows, cols]).",
        "float_output_size": "Use floor division: H_out = 1 + (H - pool_height) // stride "
        "(/ gives a float in Python 3).",
        "reshape_non_overlapping": "Tiling by reshape works only when stride == pool_height "
        "== pool_width and the windows tile x exactly (the assignment's own test: 2x2 at "
        "stride 2). Slide the window instead: x[n, c, i * stride:i * stride + pool_height, "
        "j * stride:j * stride + pool_width].",
        "out_size_wrong_dim": "Each output size comes from its own axis: H_out = 1 + (H - "
        "pool_height) // stride, W_out = 1 + (W - pool_width) // stride.",
        "max_without_axis": "Take the maximum over the window's two axes only: np.max(window, "
        "axis=(2, 3)) for a window x[:, :, rows, cols].",
        "window_by_stride": "The stride moves the window; its size is the pool's: rows i * "
        "stride:i * stride + pool_height, columns j * stride:j * stride + pool_width. The "
        "assignment's 2x2 windows at stride 2 cannot tell the two apart.",
    },
    "max_pool_backward_naive": {
        "all_ties": "The gradient of a max goes to one maximum (PyTorch's rule, and this "
        "layer's): mark only np.argmax's cell, the first maximum. Giving each tie the full "
        "gradient counts it several times. Ties are rare with random floats, so the "
        "assignment's own check does not see this.",
        "overwrite": "Windows overlap when stride < pool size: add with dx[...] += ..., not =. "
        "The assignment tests only 2x2 windows at stride 2, which never overlap.",
        "index_overwrite": "A cell can be the maximum of two overlapping windows: add with "
        "dx[n, c, r, s] += dout[n, c, i, j].",
        "mask_wrong_window": "Find the maximum in the same window you send the gradient to: "
        "x[n, c, i * stride:i * stride + pool_height, j * stride:j * stride + pool_width].",
        "stride_ignored": "Output cell (i, j) came from the window at (i * stride, j * stride).",
        "height_width_swapped": "The window is pool_height rows tall and pool_width columns wide.",
        "dout_transposed": "The gradient of output cell (i, j) is dout[n, c, i, j].",
        "unravel_by_height": "Unravel by the window's width: np.unravel_index(k, "
        "(pool_height, pool_width)), i.e. (k // pool_width, k % pool_width).",
        "ties_split": "Splitting a tie is a valid subgradient, but this layer (like PyTorch) "
        "gives the whole gradient to the first maximum, np.argmax's cell; the assignment's "
        "random inputs never tie, so it does not notice either way.",
        "windows_off_edge": "Loop over dout's own size, H_out = 1 + (H - pool_height) // "
        "stride (dout.shape[2]), not H // stride.",
        "grad_wrong_window": "Send the gradient to the window the maximum came from: dx[n, c, "
        "i * stride:i * stride + pool_height, j * stride:j * stride + pool_width].",
        "window_by_stride": "The stride moves the window; its size is the pool's: rows i * "
        "stride:i * stride + pool_height, columns j * stride:j * stride + pool_width. The "
        "assignment's 2x2 windows at stride 2 cannot tell the two apart.",
        "fancy_index_broadcast": "Index the images and channels too, with arrays that pair "
        "them with rows and cols: n, c = np.meshgrid(np.arange(N), np.arange(C), "
        "indexing='ij'); dx[n, c, rows, cols] += dout[:, :, i, j] (each (n, c) has one "
        "maximum per window, so no index repeats).",
    },
}
