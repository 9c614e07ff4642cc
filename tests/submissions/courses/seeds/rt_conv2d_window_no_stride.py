# expect: fail
# function: conv2d
# bug: stride_ignored
# line: 19
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    if padding > 0:
        x = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    _, H, Wd = x.shape
    out_H = (H - kH) // stride + 1
    out_W = (Wd - kW) // stride + 1
    out = np.zeros((C_out, out_H, out_W))
    for i in range(out_H):
        for j in range(out_W):
            for o in range(C_out):
                out[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return out
