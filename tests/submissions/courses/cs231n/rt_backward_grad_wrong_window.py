# expect: fail
# function: max_pool_backward_naive
# bug: grad_wrong_window
# line: 23
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    HP, WP, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - HP) // S
    W_out = 1 + (W - WP) // S
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    h1, w1 = i * S, j * S
                    window = x[n, c, h1 : h1 + HP, w1 : w1 + WP]
                    mask = np.zeros_like(window)
                    mask[np.unravel_index(window.argmax(), window.shape)] = 1
                    dx[n, c, i : i + HP, j : j + WP] += mask * dout[n, c, i, j]
    return dx
