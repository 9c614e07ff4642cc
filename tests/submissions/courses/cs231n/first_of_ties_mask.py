# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np


def max_pool_forward_naive(x, pool_param):
    out = None
    N, C, H, W = x.shape
    HH = pool_param.get("pool_height", 2)
    WW = pool_param.get("pool_width", 2)
    stride = pool_param.get("stride", 2)
    H_new = 1 + (H - HH) // stride
    W_new = 1 + (W - WW) // stride
    out = np.empty((N, C, H_new, W_new))
    for i in range(H_new):
        for j in range(W_new):
            block = x[:, :, i * stride : i * stride + HH, j * stride : j * stride + WW]
            out[:, :, i, j] = np.amax(block, axis=(2, 3))
    cache = (x, pool_param)
    return out, cache


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    HH, WW, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    N, C, H_new, W_new = dout.shape
    dx = np.zeros_like(x, dtype=float)
    for n in range(N):
        for c in range(C):
            for i in range(H_new):
                for j in range(W_new):
                    rows = slice(i * stride, i * stride + HH)
                    cols = slice(j * stride, j * stride + WW)
                    block = x[n, c, rows, cols]
                    is_max = block == block.max()
                    # keep only the first maximum, so a tie is not counted twice
                    first = is_max & (np.cumsum(is_max).reshape(block.shape) == 1)
                    dx[n, c, rows, cols] += first * dout[n, c, i, j]
    return dx
