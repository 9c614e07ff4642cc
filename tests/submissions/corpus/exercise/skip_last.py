# expect: fail
# bug: skip_last
# bug: skip_last
# line: 17
# line: 18
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    C, H, Wx = x.shape
    F, _, kH, kW = W.shape
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for f in range(F):
        for i in range(H - kH):
            for j in range(Wx - kW):
                dW[f] += grad_out[f, i, j] * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += grad_out[f, i, j] * W[f]
    return dx, dW
