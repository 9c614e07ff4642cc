# expect: fail
# function: conv2d
# bug: pads_channel_axis
# line: 11
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_in, H, W_in = x.shape
    C_out, _, kH, kW = W.shape
    x_pad = np.pad(x, padding)
    out_H = (H + 2 * padding - kH) // stride + 1
    out_W = (W_in + 2 * padding - kW) // stride + 1
    out = np.zeros((C_out, out_H, out_W))
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                r, c = i * stride, j * stride
                out[o, i, j] = np.sum(x_pad[:, r : r + kH, c : c + kW] * W[o])
    return out
