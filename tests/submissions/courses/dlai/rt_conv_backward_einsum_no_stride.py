# expect: fail
# function: conv_backward
# bug: vert_start_no_stride
# line: 19
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
            g = dZ[:, h, w, :]
            dA_pad[:, h : h + f, w : w + f, :] += np.einsum("ijcd,md->mijc", W, g)
            dW += np.einsum("mijc,md->ijcd", A_pad[:, h : h + f, w : w + f, :], g)
    db = dZ.sum(axis=(0, 1, 2), keepdims=True)
    return dA_pad[:, pad : pad + A_prev.shape[1], pad : pad + A_prev.shape[2], :], dW, db
