# expect: fail
# function: max_pool_backward_naive
# bug: unravel_by_height
# line: 20
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    Ho, Wo = dout.shape[2:]
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    window = x[n, c, i * s : i * s + ph, j * s : j * s + pw]
                    k = window.argmax()
                    u, v = divmod(k, ph)
                    dx[n, c, i * s + u, j * s + v] += dout[n, c, i, j]
    return dx
