# expect: fail
# function: max_pool_2d
# bug: mean_pool
# line: 13
import numpy as np


def max_pool_2d(x):
    C, H, W = x.shape
    pooled = np.zeros((C, H // 2, W // 2))
    for i in range(H // 2):
        for j in range(W // 2):
            pooled[:, i, j] = x[:, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2].mean(axis=(1, 2))
    return pooled
