# expect: fail
# function: max_pool_forward_naive
# bug: window_by_stride
# line: 18
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    pool_height, pool_width = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    out_height = (H - pool_height) // stride + 1
    out_width = (W - pool_width) // stride + 1
    out = np.zeros((N, C, out_height, out_width))
    for h in range(out_height):
        for w in range(out_width):
            h_start = h * stride
            h_end = h_start + stride
            w_start = w * stride
            w_end = w_start + stride
            pool = x[:, :, h_start:h_end, w_start:w_end]
            out[:, :, h, w] = np.max(pool.reshape(N, C, -1), axis=2)
    return out, (x, pool_param)
