# expect: fail
# bug: dw_overwrite
# line: 18
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    C_out, C_in, kH, kW = W.shape
    C_in, H, Wd = x.shape
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                patch = x[:, i:i+kH, j:j+kW]
                dW[o] = grad_out[o, i, j] * patch
                dx[:, i:i+kH, j:j+kW] += grad_out[o, i, j] * W[o]
    return dx, dW
