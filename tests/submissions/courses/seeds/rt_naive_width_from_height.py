# expect: fail
# function: conv2d_naive
# bug: out_size_wrong_dim
# line: 12
import numpy as np


def conv2d_naive(x, W):
    C_in, H, width = x.shape
    C_out, _, kH, kW = W.shape
    out_h = H - kH + 1
    out_w = H - kW + 1
    y = np.zeros((C_out, out_h, out_w))
    for o in range(C_out):
        for r in range(out_h):
            for c in range(out_w):
                y[o, r, c] = np.sum(W[o] * x[:, r : r + kH, c : c + kW])
    return y
