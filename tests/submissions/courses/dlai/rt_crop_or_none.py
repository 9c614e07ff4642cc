# expect: pass
# function: zero_pad
# function: conv_backward
# function: pool_backward
import numpy as np


def zero_pad(X, pad):
    X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), "constant", constant_values=(0, 0))
    return X_pad


def conv_backward(dZ, cache):
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    (m, n_H, n_W, n_C) = dZ.shape
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for c in range(n_C):
            for h in range(n_H):
                for w in range(n_W):
                    vert_start = h * stride
                    vert_end = vert_start + f
                    horiz_start = w * stride
                    horiz_end = horiz_start + f
                    a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += (
                        W[:, :, :, c] * dZ[i, h, w, c]
                    )
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        # -pad or None: the whole axis when pad is 0
        dA_prev[i, :, :, :] = da_prev_pad[pad : -pad or None, pad : -pad or None, :]
    return dA_prev, dW, db


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    stride = hparameters["stride"]
    f = hparameters["f"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vert_start = h * stride
                    horiz_start = w * stride
                    window = A_prev[
                        i, vert_start : vert_start + f, horiz_start : horiz_start + f, c
                    ]
                    if mode == "max":
                        dA_prev[
                            i, vert_start : vert_start + f, horiz_start : horiz_start + f, c
                        ] += (window == window.max()) * dA[i, h, w, c]
                    elif mode == "average":
                        dA_prev[
                            i, vert_start : vert_start + f, horiz_start : horiz_start + f, c
                        ] += dA[i, h, w, c] / f**2 * np.ones((f, f))
    return dA_prev
