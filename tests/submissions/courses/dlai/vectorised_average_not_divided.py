# expect: fail
# function: pool_backward
# bug: average_not_divided
# line: 22
import numpy as np


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for h in range(n_H):
        for w in range(n_W):
            rows = slice(h * stride, h * stride + f)
            cols = slice(w * stride, w * stride + f)
            g = dA[:, h, w, :][:, None, None, :]
            if mode == "max":
                window = A_prev[:, rows, cols, :]
                dA_prev[:, rows, cols, :] += (window == window.max(axis=(1, 2), keepdims=True)) * g
            else:
                dA_prev[:, rows, cols, :] += g
    return dA_prev
