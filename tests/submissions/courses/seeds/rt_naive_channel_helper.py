# expect: fail
# function: conv2d_naive
# bug: channels_not_summed
# line: 23
import numpy as np


def correlate2d(image, kernel):
    kh, kw = kernel.shape
    oh, ow = image.shape[0] - kh + 1, image.shape[1] - kw + 1
    result = np.zeros((oh, ow))
    for i in range(oh):
        for j in range(ow):
            result[i, j] = np.sum(image[i : i + kh, j : j + kw] * kernel)
    return result


def conv2d_naive(x, W):
    C_out, C_in, kH, kW = W.shape
    out = np.zeros((C_out, x.shape[1] - kH + 1, x.shape[2] - kW + 1))
    for o in range(C_out):
        for c in range(C_in):
            out[o] = correlate2d(x[c], W[o, c])
    return out
