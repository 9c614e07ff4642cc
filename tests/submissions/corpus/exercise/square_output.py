# expect: fail
# bug: hw_swapped
# line: 17
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    C_out, C_in, kH, kW = W.shape
    _, H, _ = x.shape
    n = H - kH + 1
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for o in range(C_out):
        for i in range(n):
            for j in range(n):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * W[o]
    return dx, dW
