# expect: pass
# function: conv_forward
# function: pool_forward
# function: distribute_value
# function: create_mask_from_window
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)


def im2col(A_pad, f, stride, n_H, n_W):
    m, _, _, n_C_prev = A_pad.shape
    cols = np.zeros((m, n_H, n_W, f * f * n_C_prev))
    for h in range(n_H):
        for w in range(n_W):
            patch = A_pad[:, h * stride : h * stride + f, w * stride : w * stride + f, :]
            cols[:, h, w, :] = patch.reshape(m, -1)
    return cols


def conv_forward(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, _, _, n_C = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    n_H = int((n_H_prev - f + 2 * pad) / stride) + 1
    n_W = int((n_W_prev - f + 2 * pad) / stride) + 1
    cols = im2col(zero_pad(A_prev, pad), f, stride, n_H, n_W)
    Z = cols @ W.reshape(-1, n_C) + b.reshape(1, 1, 1, n_C)
    return Z, (A_prev, W, b, hparameters)


def pool_forward(A_prev, hparameters, mode="max"):
    f = hparameters["f"]
    stride = hparameters["stride"]
    view = sliding_window_view(A_prev, (f, f), axis=(1, 2))  # (m, H', W', n_C, f, f)
    view = view[:, ::stride, ::stride]
    if mode == "max":
        A = view.max(axis=(-2, -1))
    else:
        A = view.mean(axis=(-2, -1))
    cache = (A_prev, hparameters)
    return A, cache


def create_mask_from_window(x):
    mask = x >= x.max()
    return mask


def distribute_value(dz, shape):
    a = np.ones(shape)
    return a * dz / a.size
