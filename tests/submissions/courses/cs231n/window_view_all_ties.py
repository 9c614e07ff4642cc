# expect: fail
# function: max_pool_backward_naive
# bug: all_ties
# line: 13
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    windows = sliding_window_view(x, (ph, pw), axis=(2, 3))[:, :, ::s, ::s]
    masks = windows == windows.max(axis=(-2, -1), keepdims=True)
    dx = np.zeros_like(x)
    N, C, H_out, W_out = dout.shape
    for i in range(H_out):
        for j in range(W_out):
            g = dout[:, :, i, j][:, :, None, None]
            dx[:, :, i * s : i * s + ph, j * s : j * s + pw] += masks[:, :, i, j] * g
    return dx
