# expect: fail
# function: max_pool_forward_naive
# bug: out_size_wrong_dim
# line: 14
import numpy as np


def max_pool_forward_naive(x, pool_param):
    n, c, h, w = x.shape
    pool_h = pool_param["pool_height"]
    pool_w = pool_param["pool_width"]
    stride = pool_param["stride"]
    out_h = (h - pool_h) // stride + 1
    out_w = (h - pool_w) // stride + 1
    out = np.zeros((n, c, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            hs, ws = i * stride, j * stride
            out[:, :, i, j] = np.amax(x[:, :, hs : hs + pool_h, ws : ws + pool_w], axis=(2, 3))
    return out, (x, pool_param)
