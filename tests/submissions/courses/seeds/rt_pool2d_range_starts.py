# expect: fail
# function: max_pool_2d
# bug: last_window_dropped
# line: 12
import numpy as np


def max_pool_2d(x):
    C, H, W = x.shape
    out = np.zeros((C, H // 2, W // 2))
    for c in range(C):
        for r in range(0, H - 2, 2):
            for q in range(0, W - 2, 2):
                out[c, r // 2, q // 2] = np.max(x[c, r : r + 2, q : q + 2])
    return out
