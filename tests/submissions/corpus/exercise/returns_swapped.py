# expect: fail
# bug: swapped_outputs
# line: 20
import numpy as np


def conv2d_backward(grad_out, x, W):
    """Backprop through the conv: returns the two gradients."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape
    dW = np.zeros_like(W)
    dx = np.zeros_like(x)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * W[o]
    return dW, dx
