# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def max_pool_forward_naive(x, pool_param):
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    windows = sliding_window_view(x, (ph, pw), axis=(2, 3))[:, :, ::s, ::s]
    out = windows.max(axis=(-2, -1))  # (N, C, H_out, W_out)
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    windows = sliding_window_view(x, (ph, pw), axis=(2, 3))[:, :, ::s, ::s]
    N, C, H_out, W_out = dout.shape
    flat = windows.reshape(N, C, H_out, W_out, ph * pw).argmax(axis=-1)  # first maximum
    dx = np.zeros(x.shape)
    for n, c, i, j in np.ndindex(N, C, H_out, W_out):
        u, v = divmod(flat[n, c, i, j], pw)
        dx[n, c, i * s + u, j * s + v] += dout[n, c, i, j]
    return dx
