# expect: fail
# bug: out_size_wrong_dim
# line: 13
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.array(x, dtype=float)
    W = np.array(W, dtype=float)
    C_in, H, W_in = x.shape
    C_out, _, kH, kW = W.shape
    out_h = H - kH + 1
    out_w = W_in - kH + 1
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for o in range(C_out):
        for i in range(out_h):
            for j in range(out_w):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * W[o]
    return dx, dW
