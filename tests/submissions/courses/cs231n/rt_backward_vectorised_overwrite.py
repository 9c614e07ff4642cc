# expect: fail
# function: max_pool_backward_naive
# bug: overwrite
# line: 25
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph = pool_param["pool_height"]
    pw = pool_param["pool_width"]
    s = pool_param["stride"]
    _, _, Hp, Wp = dout.shape
    dx = np.zeros_like(x)
    for i in range(Hp):
        for j in range(Wp):
            win = x[:, :, i * s : i * s + ph, j * s : j * s + pw].reshape(N, C, ph * pw)
            first = np.argmax(win, axis=2)
            mask = np.zeros_like(win)
            for n in range(N):
                for c in range(C):
                    mask[n, c, first[n, c]] = 1
            mask = mask.reshape(N, C, ph, pw)
            dx[:, :, i * s : i * s + ph, j * s : j * s + pw] = mask * dout[:, :, i, j, None, None]
    return dx
