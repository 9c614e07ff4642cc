"""A fully connected layer: ``y = x @ w.T + b``, and its gradients.

Shapes: ``x (*, in_features)``, ``w (out_features, in_features)``, ``b (out_features,)`` or None,
``y (*, out_features)``; ``*`` is any number of leading dimensions (none included).

Backward, from ``y[m, o] = sum_i x[m, i] * w[o, i] + b[o]`` with the leading dimensions flattened
into ``m``:

- ``dx = dy @ w``: each input feature collects the weights it was multiplied by;
- ``dw = dy.T @ x``, summed over ``m``: each weight sees the inputs it multiplied;
- ``db = dy.sum over m``.

The products share their rows among convgrad's threads, with the BLAS at one thread each, when
they are large enough, as the convolutions' do (:func:`_product`).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import _args
from .kernels import parallel


class LinearGrads(NamedTuple):
    """Gradients of :func:`linear`: ``dx`` like ``x``, ``dw`` like ``w``, ``db`` or None."""

    dx: np.ndarray
    dw: np.ndarray
    db: np.ndarray | None


def _check(fn: str, x: np.ndarray, w: np.ndarray, b: np.ndarray | None) -> None:
    if w.ndim != 2:
        raise ValueError(f"{fn}: w must be 2-D (out_features, in_features); got shape {w.shape}")
    if x.ndim < 1 or x.shape[-1] != w.shape[1]:
        raise ValueError(
            f"{fn}: x's last dimension must be in_features = w.shape[1] = {w.shape[1]}; "
            f"got x shape {x.shape} for w shape {w.shape}"
        )
    _args.check_bias(fn, b, w.shape[0])


def _product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` for ``a (m, k)`` and ``b (k, n)``, the rows of ``a`` shared among convgrad's
    threads with the BLAS at one thread each from ``parallel.SPLIT_FLOPS``
    (:func:`convgrad.kernels.parallel.over_images`). On the BLAS's own threads, a product large
    enough to wake them between layers that run on convgrad's threads left them spinning through
    those layers: a training step of a CNN on 32x32 images with a ``Linear(4096, 256)`` head
    took 36 to 41 ms, 28 with the head's products on one BLAS thread (2 threads, a scratch
    script); on convgrad's threads the large ones keep both cores."""
    out = np.empty((a.shape[0], b.shape[1]), np.result_type(a, b))

    def rows(share: range) -> None:
        part = slice(share.start, share.stop)
        np.matmul(a[part], b, out=out[part])

    parallel.over_images(a.shape[0], rows, (0, 2.0 * a.shape[0] * a.shape[1] * b.shape[1]))
    return out


@_args.aliases(x="input", w="weight", b="bias")
@_args.ieee
def linear(input, weight, bias=None):
    """``y = x @ w.T + b`` (PyTorch's ``linear``).

    Args:
        input: ``x (*, in_features)`` (also accepted as ``x``).
        weight: ``w (out_features, in_features)`` (also ``w``).
        bias: ``b (out_features,)`` or None (also ``b``).

    Returns:
        y: ``(*, out_features)``.

    >>> import numpy as np
    >>> linear(np.ones((2, 3)), np.ones((4, 3)), np.arange(4.0))
    array([[3., 4., 5., 6.],
           [3., 4., 5., 6.]])
    """
    x, w = _args.as_array("linear", "x", input), _args.as_array("linear", "w", weight)
    b = None if bias is None else _args.as_array("linear", "b", bias)
    _check("linear", x, w, b)
    compute, out = _args.result_dtype(x, w, b)
    x2 = x.astype(compute, copy=False).reshape(-1, w.shape[1])
    y = _product(x2, w.astype(compute, copy=False).T).reshape(*x.shape[:-1], w.shape[0])
    if b is not None:
        y = y + b.astype(compute, copy=False)
    return np.asarray(y).astype(out, copy=False)


@_args.ieee
def linear_backward(dy, x, w, bias=True):
    """Gradients of :func:`linear`: ``LinearGrads(dx, dw, db)``; ``db`` is None if not ``bias``.

    ``dy (*, out_features)``, ``x (*, in_features)``, ``w (out_features, in_features)``.

    >>> import numpy as np
    >>> dx, dw, db = linear_backward(np.ones((2, 4)), np.ones((2, 3)), np.ones((4, 3)))
    >>> dx.shape, dw.shape, db.tolist()
    ((2, 3), (4, 3), [2.0, 2.0, 2.0, 2.0])
    """
    return _backward(dy, x, w, bias, input_grad=True)


def _backward(dy, x, w, bias, input_grad: bool) -> LinearGrads:
    """:func:`linear_backward`, with ``dx`` None unless ``input_grad``: the tape skips it for an
    input that needs no gradient (a network's input, as PyTorch does)."""
    fn = "linear_backward"
    bias = _args.check_bias_flag(fn, bias)
    dy = _args.as_array(fn, "dy", dy)
    x, w = _args.as_array(fn, "x", x), _args.as_array(fn, "w", w)
    _check(fn, x, w, None)
    _args.check_dy(fn, dy, (*x.shape[:-1], w.shape[0]))
    compute, out = _args.result_dtype(dy, x, w)
    dy2 = dy.astype(compute, copy=False).reshape(-1, w.shape[0])  # (M, out_features)
    x2 = x.astype(compute, copy=False).reshape(-1, w.shape[1])  # (M, in_features)
    dx = _product(dy2, w.astype(compute, copy=False)).reshape(x.shape) if input_grad else None
    dw = _product(dy2.T, x2)  # (out_features, in_features)
    db = dy2.sum(axis=0) if bias else None
    return LinearGrads(
        None if dx is None else dx.astype(out, copy=False),  # type: ignore[arg-type]
        dw.astype(out, copy=False),
        None if db is None else db.astype(out, copy=False),
    )
