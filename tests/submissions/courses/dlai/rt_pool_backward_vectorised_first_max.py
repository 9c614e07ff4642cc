# expect: fail
# function: pool_backward
# bug: first_max_only
# line: 20
import numpy as np


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                vs, hs = h * stride, w * stride
                for c in range(n_C):
                    if mode == "max":
                        window = A_prev[i, vs : vs + f, hs : hs + f, c]
                        r, s = np.unravel_index(window.argmax(), window.shape)
                        dA_prev[i, vs + r, hs + s, c] += dA[i, h, w, c]
                    else:
                        dA_prev[i, vs : vs + f, hs : hs + f, c] += dA[i, h, w, c] / f / f
    return dA_prev
