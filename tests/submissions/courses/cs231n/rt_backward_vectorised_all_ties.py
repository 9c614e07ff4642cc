# expect: fail
# function: max_pool_backward_naive
# bug: all_ties
# line: 32
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - ph) // stride
    W_out = 1 + (W - pw) // stride
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            x_pool = x[:, :, i * stride : i * stride + ph, j * stride : j * stride + pw]
            out[:, :, i, j] = np.max(x_pool, axis=(2, 3))
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, stride = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = 1 + (H - ph) // stride
    W_out = 1 + (W - pw) // stride
    dx = np.zeros_like(x)
    for i in range(H_out):
        for j in range(W_out):
            x_pool = x[:, :, i * stride : i * stride + ph, j * stride : j * stride + pw]
            max_pool = np.max(x_pool, axis=(2, 3), keepdims=True)
            mask = x_pool == max_pool
            dx[:, :, i * stride : i * stride + ph, j * stride : j * stride + pw] += (
                mask * dout[:, :, i, j][:, :, None, None]
            )
    return dx
