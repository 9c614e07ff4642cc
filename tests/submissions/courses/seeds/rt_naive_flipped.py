# expect: fail
# function: conv2d_naive
# bug: kernel_flipped
# line: 13
import numpy as np


def conv2d_naive(x, W):
    C_in, H, Wd = x.shape
    C_out, _, kH, kW = W.shape
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        kernel = np.flip(W[o], axis=(1, 2))  # convolution flips the kernel
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                out[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * kernel)
    return out
