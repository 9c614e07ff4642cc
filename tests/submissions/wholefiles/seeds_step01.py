# expect: pass
# function: conv2d_naive
# the learner's own assert at the top level is wrong (expects (1, 3, 3)): it raises, the function is right
import numpy as np


def conv2d_naive(x, W):
    """x: (C_in, H, W), W: (C_out, C_in, kH, kW) -> (C_out, H - kH + 1, W - kW + 1)"""
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                out[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return out


assert conv2d_naive(np.ones((1, 3, 3)), np.ones((1, 1, 2, 2))).shape == (1, 3, 3), "my shape check"
