# expect: fail
# bug: axes_unpacked
# line: 8
import numpy as np


def conv2d_backward(grad_out, x, W):
    H, Wx = x.shape
    C_out, C_in, kH, kW = W.shape
    dx = np.zeros((C_in, H, Wx))
    dW = np.zeros((C_out, C_in, kH, kW))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wx - kW + 1):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * W[o]
    return dx, dW
