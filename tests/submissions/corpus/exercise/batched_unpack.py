# expect: fail
# bug: axes_unpacked
# line: 9
import numpy as np


def conv2d_backward(grad_out, x, W):
    # written from the batched cs231n layout: one more axis than the exercise passes
    N, C, H, Wd = x.shape
    F, _, kH, kW = W.shape
    _, _, oH, oW = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for n in range(N):
        for f in range(F):
            for i in range(oH):
                for j in range(oW):
                    dW[f] += grad_out[n, f, i, j] * x[n, :, i:i + kH, j:j + kW]
                    dx[n, :, i:i + kH, j:j + kW] += grad_out[n, f, i, j] * W[f]
    return dx, dW
