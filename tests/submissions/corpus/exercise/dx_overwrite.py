# expect: fail
# bug: dx_overwrite
# line: 16
import numpy as np


def conv2d_backward(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                dW[o] += grad_out[o, i, j] * x[:, i:i+kH, j:j+kW]
                dx[:, i:i+kH, j:j+kW] = grad_out[o, i, j] * W[o]
    return dx, dW
