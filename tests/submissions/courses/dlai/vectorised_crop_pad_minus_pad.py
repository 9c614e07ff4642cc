# expect: fail
# function: conv_backward
# bug: crop_pad_minus_pad
# line: 23
import numpy as np


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
            rows = slice(h * stride, h * stride + f)
            cols = slice(w * stride, w * stride + f)
            dA_pad[:, rows, cols, :] += np.einsum("uvcd,md->muvc", W, dZ[:, h, w, :])
            dW += np.einsum("muvc,md->uvcd", A_pad[:, rows, cols, :], dZ[:, h, w, :])
    db = dZ.sum(axis=(0, 1, 2), keepdims=True)
    return dA_pad[:, pad:-pad, pad:-pad, :], dW, db
