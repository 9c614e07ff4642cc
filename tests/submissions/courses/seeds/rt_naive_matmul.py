# expect: fail
# function: conv2d_naive
# bug: matmul_not_elementwise
# line: 16
import numpy as np


def conv2d_naive(x, W):
    C_in, H, Wd = x.shape
    C_out, _, kH, kW = W.shape
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                patch = x[:, i : i + kH, j : j + kW]
                out[o, i, j] = np.sum(patch @ W[o])
    return out
