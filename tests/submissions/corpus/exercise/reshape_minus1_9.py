# expect: fail
# bug: fixed_reshape
# bug: fixed_reshape
# line: 17
# line: 20
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    C_out, C_in, kH, kW = W.shape
    _, oh, ow = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        w_flat = W[o].reshape(-1, 9)
        for i in range(oh):
            for j in range(ow):
                patch = x[:, i:i+kH, j:j+kW].reshape(-1, 9)
                dW[o] += (grad_out[o, i, j] * patch).reshape(C_in, kH, kW)
                dx[:, i:i+kH, j:j+kW] += (grad_out[o, i, j] * w_flat).reshape(C_in, kH, kW)
    return dx, dW
