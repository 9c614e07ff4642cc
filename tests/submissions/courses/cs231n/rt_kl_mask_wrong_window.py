# expect: fail
# function: max_pool_backward_naive
# bug: mask_wrong_window
# line: 17
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    HH, WW, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for k in range(dout.shape[2]):
                for l2 in range(dout.shape[3]):
                    window = x[n, c, k : k + HH, l2 : l2 + WW]
                    m = np.zeros_like(window)
                    m[np.unravel_index(window.argmax(), window.shape)] = 1
                    dx[n, c, k * s : k * s + HH, l2 * s : l2 * s + WW] += m * dout[n, c, k, l2]
    return dx
