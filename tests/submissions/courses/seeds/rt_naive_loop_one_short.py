# expect: fail
# function: conv2d_naive
# bug: loop_one_short
# line: 13
import numpy as np


def conv2d_naive(x, W):
    C_in, H, W_in = x.shape
    C_out, _, kH, kW = W.shape
    y = np.zeros((C_out, H - kH + 1, W_in - kW + 1))
    for o in range(C_out):
        for i in range(H - kH):
            for j in range(W_in - kW):
                y[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return y
