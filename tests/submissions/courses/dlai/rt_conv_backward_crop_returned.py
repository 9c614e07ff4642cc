# expect: fail
# function: conv_backward
# bug: crop_pad_minus_pad
# line: 25
import numpy as np


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad = np.zeros(A_pad.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    for h in range(n_H):
        for w in range(n_W):
            vs, hs = h * stride, w * stride
            for c in range(n_C):
                g = dZ[:, h, w, c].reshape(m, 1, 1, 1)
                dA_pad[:, vs : vs + f, hs : hs + f, :] += W[:, :, :, c] * g
                dW[:, :, :, c] += np.sum(A_pad[:, vs : vs + f, hs : hs + f, :] * g, axis=0)
                db[:, :, :, c] += np.sum(dZ[:, h, w, c])
    return dA_pad[:, pad:-pad, pad:-pad, :], dW, db
