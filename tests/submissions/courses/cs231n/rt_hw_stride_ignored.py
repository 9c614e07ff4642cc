# expect: fail
# function: max_pool_forward_naive
# bug: stride_ignored
# line: 16
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    HH, WW, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - HH) // stride
    W_out = 1 + (W - WW) // stride
    out = np.zeros((N, C, H_out, W_out))
    for h in range(H_out):
        for w in range(W_out):
            out[:, :, h, w] = np.max(x[:, :, h : h + HH, w : w + WW], axis=(2, 3))
    return out, (x, pool_param)
