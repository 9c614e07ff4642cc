# expect: pass
# function: conv2d_naive
# function: max_pool_2d
import numpy as np


def conv2d_naive(x, W):
    c_out = W.shape[0]
    kh, kw = W.shape[2], W.shape[3]
    h, w = x.shape[1], x.shape[2]
    filters = W.reshape(c_out, -1)  # (C_out, C_in * kH * kW)
    y = np.zeros((c_out, h - kh + 1, w - kw + 1))
    for r in range(h - kh + 1):
        for q in range(w - kw + 1):
            y[:, r, q] = filters.dot(x[:, r : r + kh, q : q + kw].reshape(-1))
    return y


def max_pool_2d(x):
    c, h, w = x.shape
    h2, w2 = h // 2, w // 2
    cropped = x[:, : 2 * h2, : 2 * w2]
    quads = [cropped[:, a::2, b::2] for a in (0, 1) for b in (0, 1)]
    return np.maximum.reduce(quads)
