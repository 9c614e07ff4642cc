# expect: fail
# function: pool_backward
# bug: dA_indexed_by_corner
# line: 19
import numpy as np


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, s = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros_like(A_prev, dtype=float)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                top, left = h * s, w * s
                for c in range(n_C):
                    window = A_prev[i, top : top + f, left : left + f, c]
                    g = dA[i, top, left, c]
                    if mode == "max":
                        dA_prev[i, top : top + f, left : left + f, c] += (
                            window == window.max()
                        ) * g
                    else:
                        dA_prev[i, top : top + f, left : left + f, c] += g / (f * f)
    return dA_prev
