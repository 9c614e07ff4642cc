"""out_H = H - kH and out_W = W - kW: the last row and column of output cells are skipped."""

import numpy as np


def conv2d_backward(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(x.shape[1] - kH):
            for j in range(x.shape[2] - kW):
                g = grad_out[o, i, j]
                dW[o] += g * x[:, i : i + kH, j : j + kW]
                dx[:, i : i + kH, j : j + kW] += g * W[o]
    return dx, dW
