# expect: pass
# function: zero_pad
# function: conv_single_step
# function: conv_forward
# function: pool_forward
# function: conv_backward
# function: create_mask_from_window
# function: distribute_value
# function: pool_backward
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def zero_pad(X, pad):
    return np.pad(X, [(0, 0), (pad, pad), (pad, pad), (0, 0)], constant_values=0)


def conv_single_step(a_slice_prev, W, b):
    return float(np.tensordot(a_slice_prev, W, axes=3) + np.squeeze(b))


def _windows(A, f, stride):
    """(m, n_H, n_W, n_C, f, f): every f x f window of A, at the stride."""
    return sliding_window_view(A, (f, f), axis=(1, 2))[:, ::stride, ::stride]


def conv_forward(A_prev, W, b, hparameters):
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    windows = _windows(zero_pad(A_prev, pad), f, stride)  # (m, n_H, n_W, n_C_prev, f, f)
    Z = np.einsum("mhwcuv,uvcd->mhwd", windows, W) + b.reshape(1, 1, 1, -1)
    return Z, (A_prev, W, b, hparameters)


def pool_forward(A_prev, hparameters, mode="max"):
    windows = _windows(A_prev, hparameters["f"], hparameters["stride"])
    if mode == "max":
        A = windows.max(axis=(4, 5))
    else:
        A = windows.mean(axis=(4, 5))
    return A, (A_prev, hparameters)


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = zero_pad(A_prev, pad)
    dA_pad = np.zeros(A_pad.shape)
    dW = np.zeros(W.shape)
    for h in range(n_H):
        for w in range(n_W):
            rows = slice(h * stride, h * stride + f)
            cols = slice(w * stride, w * stride + f)
            g = dZ[:, h, w, :]  # (m, n_C)
            dA_pad[:, rows, cols, :] += np.einsum("uvcd,md->muvc", W, g)
            dW += np.einsum("muvc,md->uvcd", A_pad[:, rows, cols, :], g)
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    H, Wd = A_prev.shape[1:3]
    return dA_pad[:, pad : pad + H, pad : pad + Wd, :], dW, db


def create_mask_from_window(x):
    return x == x.max()


def distribute_value(dz, shape):
    return np.full(shape, dz / np.prod(shape))


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for h in range(n_H):
        for w in range(n_W):
            rows = slice(h * stride, h * stride + f)
            cols = slice(w * stride, w * stride + f)
            g = dA[:, h, w, :][:, None, None, :]  # (m, 1, 1, n_C)
            if mode == "max":
                window = A_prev[:, rows, cols, :]
                mask = window == window.max(axis=(1, 2), keepdims=True)
                dA_prev[:, rows, cols, :] += mask * g
            else:
                dA_prev[:, rows, cols, :] += g / (f * f)
    return dA_prev
