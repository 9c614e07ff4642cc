# expect: fail
# function: conv2d_naive
# bug: loop_one_short
# line: 13
import numpy as np


def conv2d_naive(x, W):
    _, H, Wd = x.shape
    C_out, _, kH, kW = W.shape
    res = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH):
            for j in range(Wd - kW + 1):
                res[o, i, j] = np.sum(W[o] * x[:, i : i + kH, j : j + kW])
    return res
