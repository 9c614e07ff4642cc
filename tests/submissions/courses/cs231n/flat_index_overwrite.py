# expect: fail
# function: max_pool_backward_naive
# bug: index_overwrite
# line: 19
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    N, C, H_out, W_out = dout.shape
    dx = np.zeros(x.shape)
    for i in range(H_out):
        for j in range(W_out):
            region = x[:, :, i * s : i * s + ph, j * s : j * s + pw].reshape(N, C, -1)
            k = region.argmax(axis=2)
            for n in range(N):
                for c in range(C):
                    dx[n, c, i * s + k[n, c] // pw, j * s + k[n, c] % pw] = dout[n, c, i, j]
    return dx
