# expect: fail
# function: max_pool_backward_naive
# bug: ties_split
# line: 24
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    HH, WW = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    H_out = (H - HH) // stride + 1
    W_out = (W - WW) // stride + 1
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[n, c, i * stride : i * stride + HH, j * stride : j * stride + WW]
                    mask = window == np.max(window)
                    # share the gradient equally between tied maxima
                    dx[n, c, i * stride : i * stride + HH, j * stride : j * stride + WW] += (
                        dout[n, c, i, j] * mask / np.sum(mask)
                    )
    return dx
