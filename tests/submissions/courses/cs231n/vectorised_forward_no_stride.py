# expect: fail
# function: max_pool_forward_naive
# bug: stride_ignored
# line: 15
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    HH, WW, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out, W_out = 1 + (H - HH) // S, 1 + (W - WW) // S
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[:, :, i, j] = x[:, :, i : i + HH, j : j + WW].max(axis=(2, 3))
    return out, (x, pool_param)
