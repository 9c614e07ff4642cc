# expect: fail
# function: max_pool_backward_naive
# bug: all_ties
# bug: overwrite
# line: 22
# line: 22
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    HH, WW, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - HH) // stride
    W_out = 1 + (W - WW) // stride
    dx = np.zeros_like(x)
    for i in range(H_out):
        for j in range(W_out):
            block = x[:, :, i * stride : i * stride + HH, j * stride : j * stride + WW]
            m = np.max(block, axis=(2, 3))[:, :, np.newaxis, np.newaxis]
            g = dout[:, :, i, j][:, :, np.newaxis, np.newaxis]
            dx[:, :, i * stride : i * stride + HH, j * stride : j * stride + WW] = (block == m) * g
    return dx
