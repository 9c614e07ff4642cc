# expect: fail
# bug: hw_swapped
# bug: hw_swapped
# line: 18
# line: 19
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    k = W.shape[-1]
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for o in range(grad_out.shape[0]):
        for i in range(grad_out.shape[1]):
            for j in range(grad_out.shape[2]):
                dW[o] += grad_out[o, i, j] * x[:, i:i + k, j:j + k]
                dx[:, i:i + k, j:j + k] += grad_out[o, i, j] * W[o]
    return dx, dW
