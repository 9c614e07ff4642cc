# expect: fail
# function: conv2d
# bug: float_output_size
# line: 12
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_in, H, Wd = x.shape
    C_out, _, kH, kW = W.shape
    x_p = np.pad(x, ((0, 0), (padding, padding), (padding, padding)), mode="constant")
    out_H = (H + 2 * padding - kH) / stride + 1
    out_W = (Wd + 2 * padding - kW) / stride + 1
    out = np.zeros((C_out, out_H, out_W))
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                hs, ws = i * stride, j * stride
                out[o, i, j] = np.sum(x_p[:, hs : hs + kH, ws : ws + kW] * W[o])
    return out
