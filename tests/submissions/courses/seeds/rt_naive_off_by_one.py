# expect: fail
# function: conv2d_naive
# bug: out_size_off_by_one
# line: 11
import numpy as np


def conv2d_naive(x, W):
    c_in, h, w = x.shape
    c_out, _, kh, kw = W.shape
    oh, ow = h - kh, w - kw
    y = np.zeros((c_out, oh, ow))
    for o in range(c_out):
        for i in range(oh):
            for j in range(ow):
                y[o, i, j] = (x[:, i : i + kh, j : j + kw] * W[o]).sum()
    return y
