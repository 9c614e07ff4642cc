# expect: fail
# function: max_pool_2d
# bug: max_over_channels
# line: 14
import numpy as np


def max_pool_2d(x):
    C, H, W = x.shape
    out = np.zeros((C, H // 2, W // 2))
    for c in range(C):
        for i in range(H // 2):
            for j in range(W // 2):
                out[c, i, j] = np.max(x[:, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2])
    return out
