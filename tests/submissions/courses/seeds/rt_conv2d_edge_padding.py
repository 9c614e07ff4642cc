# expect: fail
# function: conv2d
# bug: pad_not_zeros
# line: 10
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    x_pad = np.pad(x, ((0, 0), (padding, padding), (padding, padding)), mode="edge")
    H_out = (x_pad.shape[1] - kH) // stride + 1
    W_out = (x_pad.shape[2] - kW) // stride + 1
    out = np.zeros((C_out, H_out, W_out))
    for o in range(C_out):
        for i in range(H_out):
            for j in range(W_out):
                window = x_pad[:, i * stride : i * stride + kH, j * stride : j * stride + kW]
                out[o, i, j] = (window * W[o]).sum()
    return out
