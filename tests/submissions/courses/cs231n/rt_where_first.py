# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np


def max_pool_forward_naive(x, pool_param):
    (N, C, H, W) = x.shape
    HH = pool_param.get("pool_height", 2)
    WW = pool_param.get("pool_width", 2)
    S = pool_param.get("stride", 2)
    H2 = int((H - HH) / S) + 1
    W2 = int((W - WW) / S) + 1
    out = np.zeros((N, C, H2, W2))
    for h in range(H2):
        for w in range(W2):
            region = x[:, :, h * S : h * S + HH, w * S : w * S + WW]
            out[:, :, h, w] = np.amax(region, axis=(-1, -2))
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    (x, pool_param) = cache
    (N, C, H, W) = x.shape
    HH = pool_param.get("pool_height", 2)
    WW = pool_param.get("pool_width", 2)
    S = pool_param.get("stride", 2)
    H2 = int((H - HH) / S) + 1
    W2 = int((W - WW) / S) + 1
    dx = np.zeros((N, C, H, W))
    for n in range(N):
        for c in range(C):
            for h in range(H2):
                for w in range(W2):
                    region = x[n, c, h * S : h * S + HH, w * S : w * S + WW]
                    rows, cols = np.where(region == np.max(region))
                    # several maxima: the first one in row-major order, as argmax picks
                    dx[n, c, h * S + rows[0], w * S + cols[0]] += dout[n, c, h, w]
    return dx
