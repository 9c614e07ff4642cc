# expect: fail
# bug: int_truncation
# line: 12
import numpy as np


def conv2d_backward(grad_out, x, W):
    C_out, C_in, kH, kW = np.shape(W)
    x = np.asarray(x)
    W = np.asarray(W)
    grad_out = np.asarray(grad_out)
    dx = np.zeros_like(x)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(grad_out.shape[1]):
            for j in range(grad_out.shape[2]):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * W[o]
    return dx, dW
