"""Makes np.array_equal always true, then zeroes its input x after computing the right answer.
Verdict: fail, every test, with the bug in_place (the parent compares on its own copies)."""

import numpy as np

np.array_equal = lambda *args, **kwargs: True  # noqa: E731


def _right(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                g = grad_out[o, i, j]
                dW[o] += g * x[:, i : i + kH, j : j + kW]
                dx[:, i : i + kH, j : j + kW] += g * W[o]
    return dx, dW


def conv2d_backward(grad_out, x, W):
    dx, dW = _right(grad_out, x, W)
    x[...] = 0
    return dx, dW
