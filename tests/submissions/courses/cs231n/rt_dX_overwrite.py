# expect: fail
# function: max_pool_backward_naive
# bug: index_overwrite
# line: 21
import numpy as np


def max_pool_backward_naive(dout, cache):
    X, pool_param = cache
    N, C, H, W = X.shape
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    _, _, out_h, out_w = dout.shape
    dX = np.zeros_like(X)
    for n in range(N):
        for c in range(C):
            for h in range(out_h):
                for w in range(out_w):
                    y0, x0 = h * stride, w * stride
                    patch = X[n, c, y0 : y0 + ph, x0 : x0 + pw]
                    dy, dx = np.unravel_index(np.argmax(patch), patch.shape)
                    dX[n, c, y0 + dy, x0 + dx] = dout[n, c, h, w]
    return dX
