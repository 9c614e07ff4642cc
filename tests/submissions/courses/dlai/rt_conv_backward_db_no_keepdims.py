# expect: fail
# function: conv_backward
# bug: db_shape
# line: 38
import numpy as np


def conv_forward(A_prev, W, b, hparameters):
    stride, pad = hparameters["stride"], hparameters["pad"]
    f, _, _, n_C = W.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    m, H, Wd, _ = A_pad.shape
    n_H, n_W = (H - f) // stride + 1, (Wd - f) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    for h in range(n_H):
        for w in range(n_W):
            patch = A_pad[:, h * stride : h * stride + f, w * stride : w * stride + f, :]
            Z[:, h, w, :] = np.einsum("mijc,ijcd->md", patch, W)
    Z += b
    return Z, (A_prev, W, b, hparameters)


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad = np.zeros(A_pad.shape)
    dW = np.zeros(W.shape)
    for h in range(n_H):
        for w in range(n_W):
            patch = A_pad[:, h * stride : h * stride + f, w * stride : w * stride + f, :]
            dA_pad[:, h * stride : h * stride + f, w * stride : w * stride + f, :] += np.einsum(
                "ijcd,md->mijc", W, dZ[:, h, w, :]
            )
            dW += np.einsum("mijc,md->ijcd", patch, dZ[:, h, w, :])
    db = np.sum(dZ, axis=(0, 1, 2))
    dA_prev = dA_pad[:, pad : pad + A_prev.shape[1], pad : pad + A_prev.shape[2], :]
    return dA_prev, dW, db
