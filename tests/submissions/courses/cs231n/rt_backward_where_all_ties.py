# expect: fail
# function: max_pool_backward_naive
# bug: all_ties
# line: 18
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    HH, WW, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    patch = x[n, c, i * S : i * S + HH, j * S : j * S + WW]
                    rows, cols = np.where(patch == patch.max())
                    dx[n, c, i * S + rows, j * S + cols] += dout[n, c, i, j]
    return dx
