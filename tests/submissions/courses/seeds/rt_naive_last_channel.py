# expect: fail
# function: conv2d_naive
# bug: channels_not_summed
# line: 17
import numpy as np


def conv2d_naive(x, W):
    C_in, H, W_ = x.shape
    C_out, _, kH, kW = W.shape
    out_H, out_W = H - kH + 1, W_ - kW + 1
    out = np.zeros((C_out, out_H, out_W))
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                for c in range(C_in):
                    out[o, i, j] = np.sum(x[c, i : i + kH, j : j + kW] * W[o, c])
    return out
