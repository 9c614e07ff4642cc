# expect: pass
# function: conv2d_naive
import numpy as np


def conv2d_naive(x, W):
    C_in, H, W_in = x.shape
    C_out, _, kH, kW = W.shape
    out_H = H - kH + 1
    out_W = W_in - kW + 1
    out = np.zeros((C_out, out_H, out_W))
    for o in range(C_out):
        for c in range(C_in):
            for i in range(out_H):
                for j in range(out_W):
                    out[o, i, j] += np.sum(x[c, i : i + kH, j : j + kW] * W[o, c])
    return out
