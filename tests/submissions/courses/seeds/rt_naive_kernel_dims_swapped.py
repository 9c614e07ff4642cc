# expect: fail
# function: conv2d_naive
# bug: kernel_dims_swapped
# line: 15
import numpy as np


def conv2d_naive(x, W):
    C_in, H, Wd = x.shape
    C_out, C_in, kH, kW = W.shape
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                window = x[:, i : i + kW, j : j + kH]
                out[o, i, j] = np.sum(window * W[o])
    return out
