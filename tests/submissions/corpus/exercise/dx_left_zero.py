# expect: fail
# bug: not_implemented
# line: 17
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    C_out, C_in, kH, kW = W.shape
    dx = np.zeros_like(x)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(grad_out.shape[1]):
            for j in range(grad_out.shape[2]):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
    # TODO: dx
    return dx, dW
