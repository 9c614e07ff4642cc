# expect: fail
# function: conv2d
# bug: out_size_ceil
# line: 13
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    xp = np.zeros((C_in, H + 2 * padding, Wd + 2 * padding))
    xp[:, padding : padding + H, padding : padding + Wd] = x
    out_H = int(np.ceil((H + 2 * padding - kH) / stride)) + 1
    out_W = int(np.ceil((Wd + 2 * padding - kW) / stride)) + 1
    out = np.zeros((C_out, out_H, out_W))
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                r, c = i * stride, j * stride
                out[o, i, j] = np.sum(xp[:, r : r + kH, c : c + kW] * W[o])
    return out
