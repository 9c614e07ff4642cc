# expect: fail
# function: conv2d
# bug: last_window_dropped
# line: 14
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)), "constant")
    _, Hp, Wp = xp.shape
    out = np.zeros((C_out, (Hp - kH) // stride + 1, (Wp - kW) // stride + 1))
    for o in range(C_out):
        for a, top in enumerate(range(0, Hp - kH, stride)):
            for b, left in enumerate(range(0, Wp - kW, stride)):
                out[o, a, b] = np.sum(xp[:, top : top + kH, left : left + kW] * W[o])
    return out
