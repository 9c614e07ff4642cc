# expect: fail
# bug: dx_uses_x
# line: 17
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    C_out, C_in, kH, kW = W.shape
    _, oh, ow = grad_out.shape
    dx, dW = np.zeros(x.shape), np.zeros(W.shape)
    for o in range(C_out):
        for i in range(oh):
            for j in range(ow):
                window = x[:, i:i + kH, j:j + kW]
                dW[o] += grad_out[o, i, j] * window
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * window
    return dx, dW
