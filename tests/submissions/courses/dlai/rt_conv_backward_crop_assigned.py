# expect: fail
# function: conv_backward
# bug: crop_pad_minus_pad
# line: 31
import numpy as np


def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant")


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = np.zeros_like(A_prev_pad)
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vs = h * stride
                    hs = w * stride
                    dA_prev_pad[i, vs : vs + f, hs : hs + f, :] += W[..., c] * dZ[i, h, w, c]
                    dW[..., c] += A_prev_pad[i, vs : vs + f, hs : hs + f, :] * dZ[i, h, w, c]
                    db[..., c] += dZ[i, h, w, c]
    dA_prev = dA_prev_pad[:, pad:-pad, pad:-pad, :]
    return dA_prev, dW, db
