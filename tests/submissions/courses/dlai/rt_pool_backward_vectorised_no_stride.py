# expect: fail
# function: pool_backward
# bug: vert_start_no_stride
# line: 17
import numpy as np


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f = hparameters["f"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for h in range(n_H):
        for w in range(n_W):
            g = dA[:, h, w, :].reshape(m, 1, 1, n_C)
            if mode == "max":
                window = A_prev[:, h : h + f, w : w + f, :]
                mask = window == window.max(axis=(1, 2), keepdims=True)
                dA_prev[:, h : h + f, w : w + f, :] += mask * g
            else:
                dA_prev[:, h : h + f, w : w + f, :] += g / (f * f)
    return dA_prev
