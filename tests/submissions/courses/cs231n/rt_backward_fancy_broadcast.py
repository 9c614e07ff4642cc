# expect: fail
# function: max_pool_backward_naive
# bug: fancy_index_broadcast
# line: 21
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    Hout = 1 + (H - ph) // s
    Wout = 1 + (W - pw) // s
    dx = np.zeros_like(x)
    for i in range(Hout):
        for j in range(Wout):
            window = x[:, :, i * s : i * s + ph, j * s : j * s + pw].reshape(N, C, ph * pw)
            idx = np.argmax(window, axis=2)
            rows = i * s + idx // pw
            cols = j * s + idx % pw
            dx[:, :, rows, cols] += dout[:, :, i, j]
    return dx
