# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np


def _gather(x, ph, pw, stride):
    """Every window, flattened: (N, C, H_out, W_out, ph * pw), and their top-left corners."""
    N, C, H, W = x.shape
    H_out, W_out = (H - ph) // stride + 1, (W - pw) // stride + 1
    cols = np.empty((N, C, H_out, W_out, ph * pw))
    for i in range(H_out):
        for j in range(W_out):
            top, left = i * stride, j * stride
            cols[:, :, i, j] = x[:, :, top : top + ph, left : left + pw].reshape(N, C, -1)
    return cols


def max_pool_forward_naive(x, pool_param):
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    out = _gather(x, ph, pw, stride).max(axis=-1)
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    best = _gather(x, ph, pw, stride).argmax(axis=-1)  # (N, C, H_out, W_out)
    dx = np.zeros(x.shape)
    N, C, H_out, W_out = dout.shape
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    u, v = np.unravel_index(best[n, c, i, j], (ph, pw))
                    dx[n, c, i * stride + u, j * stride + v] += dout[n, c, i, j]
    return dx
