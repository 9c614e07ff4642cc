# expect: pass
# function: conv2d_naive
import numpy as np


def conv2d_naive(x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    oh, ow = H - kH + 1, Wd - kW + 1
    cols = np.empty((C_in * kH * kW, oh * ow))
    col = 0
    for i in range(oh):
        for j in range(ow):
            cols[:, col] = x[:, i : i + kH, j : j + kW].ravel()
            col += 1
    out = W.reshape(C_out, -1) @ cols
    return out.reshape(C_out, oh, ow)
