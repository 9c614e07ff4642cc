# expect: fail
# function: max_pool_backward_naive
# bug: windows_off_edge
# line: 16
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    stride = pool_param["stride"]
    pool_height, pool_width = pool_param["pool_height"], pool_param["pool_width"]
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(H // stride):
                for j in range(W // stride):
                    r0, c0 = i * stride, j * stride
                    patch = x[n, c, r0 : r0 + pool_height, c0 : c0 + pool_width]
                    k = np.argmax(patch)
                    dr, dc = divmod(k, patch.shape[1])
                    dx[n, c, r0 + dr, c0 + dc] += dout[n, c, i, j]
    return dx
