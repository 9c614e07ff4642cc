# expect: fail
# function: conv2d_naive
# bug: out_size_off_by_one
# line: 12
import numpy as np


def conv2d_naive(x, W):
    C_in, H, Wd = x.shape
    C_out, _, kH, kW = W.shape
    out_h = H - kH + 1
    out_w = Wd - kW
    out = np.zeros((C_out, out_h, out_w))
    for o in range(C_out):
        for i in range(out_h):
            for j in range(out_w):
                out[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return out
