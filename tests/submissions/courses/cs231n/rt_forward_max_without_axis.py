# expect: fail
# function: max_pool_forward_naive
# bug: max_without_axis
# line: 19
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    pool_h = pool_param["pool_height"]
    pool_w = pool_param["pool_width"]
    stride = pool_param["stride"]
    out_h = 1 + (H - pool_h) // stride
    out_w = 1 + (W - pool_w) // stride
    out = np.zeros((N, C, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = x[:, :, i * stride : i * stride + pool_h, j * stride : j * stride + pool_w]
            out[:, :, i, j] = np.max(window)
    return out, (x, pool_param)
