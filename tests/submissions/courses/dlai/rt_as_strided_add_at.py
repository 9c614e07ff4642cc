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
from numpy.lib.stride_tricks import as_strided


def zero_pad(X, pad):
    m, n_H, n_W, n_C = X.shape
    X_pad = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C))
    X_pad[:, pad : pad + n_H, pad : pad + n_W, :] = X
    return X_pad


def conv_single_step(a_slice_prev, W, b):
    return np.einsum("ijk,ijk->", a_slice_prev, W) + np.asarray(b).item()


def windows(A, f, stride):
    # (m, n_H, n_W, f, f, n_C) view of every window
    m, H, Wd, C = A.shape
    n_H = (H - f) // stride + 1
    n_W = (Wd - f) // stride + 1
    s0, s1, s2, s3 = A.strides
    return as_strided(
        A, (m, n_H, n_W, f, f, C), (s0, s1 * stride, s2 * stride, s1, s2, s3), writeable=False
    )


def conv_forward(A_prev, W, b, hparameters):
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    A_pad = np.ascontiguousarray(zero_pad(A_prev, pad))
    cols = windows(A_pad, f, stride)
    Z = np.einsum("mhwijc,ijcd->mhwd", cols, W) + b[0, 0, 0]
    return Z, (A_prev, W, b, hparameters)


def pool_forward(A_prev, hparameters, mode="max"):
    cols = windows(np.ascontiguousarray(A_prev), hparameters["f"], hparameters["stride"])
    if mode == "max":
        A = cols.max(axis=(3, 4))
    elif mode == "average":
        A = cols.mean(axis=(3, 4))
    return A, (A_prev, hparameters)


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.ascontiguousarray(zero_pad(A_prev, pad))
    cols = windows(A_pad, f, stride)
    dW = np.einsum("mhwijc,mhwd->ijcd", cols, dZ)
    db = dZ.sum(axis=(0, 1, 2), keepdims=True)
    dcols = np.einsum("ijcd,mhwd->mhwijc", W, dZ)
    rows = (np.arange(n_H) * stride)[:, None, None, None] + np.arange(f)[None, None, :, None]
    cols_ = (np.arange(n_W) * stride)[None, :, None, None] + np.arange(f)[None, None, None, :]
    dA_pad = np.zeros(A_pad.shape)
    for i in range(m):
        np.add.at(dA_pad[i], (rows, cols_), dcols[i])
    n_H_prev, n_W_prev = A_prev.shape[1], A_prev.shape[2]
    dA_prev = dA_pad[:, pad : pad + n_H_prev, pad : pad + n_W_prev, :]
    return dA_prev, dW, db


def create_mask_from_window(x):
    return np.isclose(x, np.max(x), rtol=0, atol=0)


def distribute_value(dz, shape):
    return np.full(shape, dz / np.prod(shape))


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    cols = windows(np.ascontiguousarray(A_prev), f, stride)
    if mode == "max":
        mask = cols == cols.max(axis=(3, 4), keepdims=True)
        dcols = mask * dA[:, :, :, None, None, :]
    else:
        dcols = np.broadcast_to(dA[:, :, :, None, None, :] / (f * f), cols.shape)
    rows = (np.arange(n_H) * stride)[:, None, None, None] + np.arange(f)[None, None, :, None]
    cols_ = (np.arange(n_W) * stride)[None, :, None, None] + np.arange(f)[None, None, None, :]
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        np.add.at(dA_prev[i], (rows, cols_), dcols[i])
    return dA_prev
