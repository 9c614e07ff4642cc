# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np


def max_pool_forward_naive(x, pool_param):
    n, c, h, w = x.shape
    pool_h, pool_w = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    out_h = (h - pool_h) // stride + 1
    out_w = (w - pool_w) // stride + 1
    out = np.zeros((n, c, out_h, out_w))
    for hi in range(out_h):
        for wi in range(out_w):
            hs, ws = hi * stride, wi * stride
            out[:, :, hi, wi] = np.amax(x[:, :, hs : hs + pool_h, ws : ws + pool_w], axis=(2, 3))
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    n, c, h, w = x.shape
    pool_h, pool_w = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    dX = np.zeros((n, c, h, w))
    for ni in range(n):
        for ci in range(c):
            for hi in range(dout.shape[2]):
                for wi in range(dout.shape[3]):
                    hs, ws = hi * stride, wi * stride
                    patch = x[ni, ci, hs : hs + pool_h, ws : ws + pool_w]
                    dh, dw = np.unravel_index(np.argmax(patch), (pool_h, pool_w))
                    dX[ni, ci, hs + dh, ws + dw] += dout[ni, ci, hi, wi]
    return dX
