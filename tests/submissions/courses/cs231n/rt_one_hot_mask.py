# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out = int((H - ph) / s + 1)
    W_out = int((W - pw) / s + 1)
    out = np.zeros((N, C, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * s : i * s + ph, j * s : j * s + pw].reshape(N, C, -1)
            out[:, :, i, j] = window.max(axis=-1)
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_out, W_out = dout.shape[2], dout.shape[3]
    dx = np.zeros_like(x, dtype=float)
    eye = np.eye(ph * pw)
    for i in range(H_out):
        for j in range(W_out):
            window = x[:, :, i * s : i * s + ph, j * s : j * s + pw].reshape(N, C, -1)
            one_hot = eye[window.argmax(axis=-1)].reshape(N, C, ph, pw)  # first max only
            dx[:, :, i * s : i * s + ph, j * s : j * s + pw] += (
                one_hot * dout[:, :, i, j][:, :, None, None]
            )
    return dx
