# expect: fail
# function: max_pool_forward_naive
# bug: windows_off_edge
# line: 11
import numpy as np


def max_pool_forward_naive(x, pool_param):
    n, c, h, w = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    out_h = h // s
    out_w = w // s
    out = np.zeros((n, c, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[:, :, i, j] = x[:, :, i * s : i * s + ph, j * s : j * s + pw].max(axis=(2, 3))
    return out, (x, pool_param)
