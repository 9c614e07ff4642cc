# expect: pass
# function: pool_forward
# function: create_mask_from_window
# function: distribute_value
# function: pool_backward
import numpy as np


def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H = int(1 + (n_H_prev - f) / stride)
    n_W = int(1 + (n_W_prev - f) / stride)
    A = np.zeros((m, n_H, n_W, n_C))
    for h in range(n_H):
        for w in range(n_W):
            window = A_prev[:, h * stride : h * stride + f, w * stride : w * stride + f, :]
            if mode == "max":
                A[:, h, w, :] = np.max(window, axis=(1, 2))
            elif mode == "average":
                A[:, h, w, :] = np.mean(window, axis=(1, 2))
    return A, (A_prev, hparameters)


def create_mask_from_window(x):
    mask = np.where(x == np.amax(x), 1, 0)
    return mask


def distribute_value(dz, shape):
    (n_H, n_W) = shape
    a = np.ones((n_H, n_W)) * (dz / (n_H * n_W))
    return a


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    _, n_H, n_W, _ = dA.shape
    dA_prev = np.zeros_like(A_prev, dtype=float)
    for h in range(n_H):
        for w in range(n_W):
            vs, hs = h * stride, w * stride
            g = dA[:, h : h + 1, w : w + 1, :]  # (m, 1, 1, n_C)
            if mode == "max":
                window = A_prev[:, vs : vs + f, hs : hs + f, :]
                mask = window == window.max(axis=(1, 2), keepdims=True)
                dA_prev[:, vs : vs + f, hs : hs + f, :] += mask * g
            elif mode == "average":
                dA_prev[:, vs : vs + f, hs : hs + f, :] += np.ones((1, f, f, 1)) * g / (f * f)
    return dA_prev
