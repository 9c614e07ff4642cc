# expect: fail
# function: max_pool_forward_naive
# bug: float_output_size
# line: 11
import numpy as np


def max_pool_forward_naive(x, pool_param):
    HH, WW, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    N, C, H, W = x.shape
    H_new = 1 + (H - HH) / s
    W_new = 1 + (W - WW) / s
    out = np.zeros((N, C, H_new, W_new))
    for i in range(N):
        for j in range(C):
            for k in range(H_new):
                for m in range(W_new):
                    out[i, j, k, m] = np.max(x[i, j, k * s : HH + k * s, m * s : WW + m * s])
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    HH, WW, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    N, C, H, W = x.shape
    H_new = 1 + (H - HH) // s
    W_new = 1 + (W - WW) // s
    dx = np.zeros_like(x)
    for i in range(N):
        for j in range(C):
            for k in range(H_new):
                for m in range(W_new):
                    window = x[i, j, k * s : HH + k * s, m * s : WW + m * s]
                    a, b = np.unravel_index(np.argmax(window), window.shape)
                    dx[i, j, k * s + a, m * s + b] += dout[i, j, k, m]
    return dx
