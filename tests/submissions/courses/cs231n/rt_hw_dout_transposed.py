# expect: fail
# function: max_pool_backward_naive
# bug: dout_transposed
# line: 19
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    HH, WW, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for h in range(dout.shape[2]):
                for w in range(dout.shape[3]):
                    window = x[n, c, h * s : h * s + HH, w * s : w * s + WW]
                    a, b = np.unravel_index(window.argmax(), window.shape)
                    dx[n, c, h * s + a, w * s + b] += dout[n, c, w, h]
    return dx
