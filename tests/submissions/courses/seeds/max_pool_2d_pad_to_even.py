# expect: fail
# function: max_pool_2d
# bug: windows_off_edge
# line: 10
import numpy as np


def max_pool_2d(x):
    C, H, W = x.shape
    x = np.pad(x, ((0, 0), (0, H % 2), (0, W % 2)), constant_values=-np.inf)
    h, w = x.shape[1] // 2, x.shape[2] // 2
    return x.reshape(C, h, 2, w, 2).max(axis=(2, 4))
