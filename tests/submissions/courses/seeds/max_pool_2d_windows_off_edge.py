# expect: fail
# function: max_pool_2d
# bug: windows_off_edge
# line: 10
import numpy as np


def max_pool_2d(x):
    C, H, W = x.shape
    out = np.zeros((C, (H + 1) // 2, (W + 1) // 2))
    for c in range(C):
        for i in range((H + 1) // 2):
            for j in range((W + 1) // 2):
                out[c, i, j] = np.max(x[c, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2])
    return out
