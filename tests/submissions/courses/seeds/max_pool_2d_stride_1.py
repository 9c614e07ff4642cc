# expect: fail
# function: max_pool_2d
# bug: stride_1
# line: 10
import numpy as np


def max_pool_2d(x):
    C, H, W = x.shape
    out = np.zeros((C, H - 1, W - 1))
    for c in range(C):
        for i in range(H - 1):
            for j in range(W - 1):
                out[c, i, j] = np.max(x[c, i : i + 2, j : j + 2])
    return out
