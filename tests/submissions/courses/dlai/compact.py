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

POOLS = {"max": np.max, "average": np.mean}


def zero_pad(X, pad):
    m, n_H, n_W, n_C = X.shape
    X_pad = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C))
    X_pad[:, pad : pad + n_H, pad : pad + n_W, :] = X
    return X_pad


def conv_single_step(a_slice_prev, W, b):
    return np.sum(a_slice_prev * W) + b.item()


def corners(n_out, stride, f):
    return [(k, k * stride, k * stride + f) for k in range(n_out)]


def conv_forward(A_prev, W, b, hparameters):
    s, p = hparameters["stride"], hparameters["pad"]
    f, _, _, n_C = W.shape
    m, H, Wd, _ = A_prev.shape
    n_H, n_W = (H + 2 * p - f) // s + 1, (Wd + 2 * p - f) // s + 1
    A_pad = zero_pad(A_prev, p)
    Z = np.zeros((m, n_H, n_W, n_C))
    for h, top, bottom in corners(n_H, s, f):
        for w, left, right in corners(n_W, s, f):
            for c in range(n_C):
                for i in range(m):
                    Z[i, h, w, c] = conv_single_step(
                        A_pad[i, top:bottom, left:right], W[..., c], b[..., c]
                    )
    return Z, (A_prev, W, b, hparameters)


def pool_forward(A_prev, hparameters, mode="max"):
    f, s = hparameters["f"], hparameters["stride"]
    m, H, Wd, n_C = A_prev.shape
    A = np.zeros((m, (H - f) // s + 1, (Wd - f) // s + 1, n_C))
    for h, top, bottom in corners(A.shape[1], s, f):
        for w, left, right in corners(A.shape[2], s, f):
            A[:, h, w, :] = POOLS[mode](A_prev[:, top:bottom, left:right, :], axis=(1, 2))
    return A, (A_prev, hparameters)


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    s, p = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = zero_pad(A_prev, p)
    dA_pad, dW, db = np.zeros_like(A_pad), np.zeros_like(W), np.zeros_like(b)
    for i in range(m):
        for h, top, bottom in corners(n_H, s, f):
            for w, left, right in corners(n_W, s, f):
                for c in range(n_C):
                    g = dZ[i, h, w, c]
                    dA_pad[i, top:bottom, left:right] += g * W[..., c]
                    dW[..., c] += g * A_pad[i, top:bottom, left:right]
                    db[..., c] += g
    n_H_prev, n_W_prev = A_prev.shape[1:3]
    return dA_pad[:, p : p + n_H_prev, p : p + n_W_prev], dW, db


def create_mask_from_window(x):
    return np.isclose(x, np.max(x), rtol=0, atol=0)


def distribute_value(dz, shape):
    n_H, n_W = shape
    return np.full((n_H, n_W), dz / (n_H * n_W))


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, s = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros_like(A_prev, dtype=float)
    for i in range(m):
        for h, top, bottom in corners(n_H, s, f):
            for w, left, right in corners(n_W, s, f):
                for c in range(n_C):
                    if mode == "max":
                        share = create_mask_from_window(A_prev[i, top:bottom, left:right, c])
                        share = share * dA[i, h, w, c]
                    else:
                        share = distribute_value(dA[i, h, w, c], (f, f))
                    dA_prev[i, top:bottom, left:right, c] += share
    return dA_prev
