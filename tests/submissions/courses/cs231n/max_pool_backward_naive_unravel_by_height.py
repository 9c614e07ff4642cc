# expect: fail
# function: max_pool_backward_naive
# bug: unravel_by_height
# line: 23
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    pool_height = pool_param["pool_height"]
    pool_width = pool_param["pool_width"]
    stride = pool_param["stride"]
    _, _, H_out, W_out = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    top, left = i * stride, j * stride
                    window = x[n, c, top : top + pool_height, left : left + pool_width]
                    k = np.argmax(window)
                    r, s = k // pool_height, k % pool_height
                    dx[n, c, top + r, left + s] += dout[n, c, i, j]
    return dx
