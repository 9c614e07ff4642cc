# expect: pass
# function: zero_pad
# function: conv_forward
# function: conv_backward
import numpy as np


def zero_pad(X, pad):
    return np.pad(X, [(0, 0), (pad, pad), (pad, pad), (0, 0)])


def conv_forward(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    s, p = hparameters["stride"], hparameters["pad"]
    n_H = (n_H_prev + 2 * p - f) // s + 1
    n_W = (n_W_prev + 2 * p - f) // s + 1
    A_pad = zero_pad(A_prev, p)
    Z = np.empty((m, n_H, n_W, n_C))
    for h in range(n_H):
        for w in range(n_W):
            patch = A_pad[:, h * s : h * s + f, w * s : w * s + f, :]  # (m, f, f, n_C_prev)
            Z[:, h, w, :] = np.tensordot(patch, W, axes=([1, 2, 3], [0, 1, 2])) + b.reshape(n_C)
    return Z, (A_prev, W, b, hparameters)


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    s, p = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = zero_pad(A_prev, p)
    dA_pad = np.zeros_like(A_pad)
    dW = np.zeros_like(W)
    for h in range(n_H):
        for w in range(n_W):
            patch = A_pad[:, h * s : h * s + f, w * s : w * s + f, :]
            g = dZ[:, h, w, :]  # (m, n_C)
            dA_pad[:, h * s : h * s + f, w * s : w * s + f, :] += np.tensordot(
                g, W, axes=([1], [3])
            )
            dW += np.tensordot(patch, g, axes=([0], [0]))
    db = np.sum(dZ, axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    dA_prev = dA_pad[:, p : p + A_prev.shape[1], p : p + A_prev.shape[2], :]
    return dA_prev, dW, db
