# expect: fail
# function: conv2d_naive
# bug: channels_not_summed
# line: 15
import numpy as np


def conv2d_naive(x, W):
    _, H, Wx = x.shape
    F, _, kH, kW = W.shape
    out = np.zeros((F, H - kH + 1, Wx - kW + 1))
    for f in range(F):
        for i in range(H - kH + 1):
            for j in range(Wx - kW + 1):
                patch = x[0, i : i + kH, j : j + kW]
                out[f, i, j] = np.sum(patch * W[f, 0])
    return out
