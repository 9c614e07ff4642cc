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

import numpy as np

from .. import _args


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
