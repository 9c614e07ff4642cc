# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np
from numpy.lib.stride_tricks import as_strided


def _windows(x, ph, pw, stride):
    N, C, H, W = x.shape
    Ho = (H - ph) // stride + 1
    Wo = (W - pw) // stride + 1
    sn, sc, sh, sw = x.strides
    shape = (N, C, Ho, Wo, ph, pw)
    strides = (sn, sc, sh * stride, sw * stride, sh, sw)
    return as_strided(x, shape=shape, strides=strides, writeable=False)


def max_pool_forward_naive(x, pool_param):
    ph, pw = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    x = np.ascontiguousarray(x)
    out = _windows(x, ph, pw, stride).max(axis=(4, 5))
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    ph, pw = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    x = np.ascontiguousarray(x)
    N, C, Ho, Wo = dout.shape
    flat = _windows(x, ph, pw, stride).reshape(N, C, Ho, Wo, ph * pw)
    arg = flat.argmax(axis=-1)
    n, c, i, j = np.indices((N, C, Ho, Wo))
    rows = i * stride + arg // pw
    cols = j * stride + arg % pw
    dx = np.zeros(x.shape)
    np.add.at(dx, (n, c, rows, cols), dout)
    return dx
