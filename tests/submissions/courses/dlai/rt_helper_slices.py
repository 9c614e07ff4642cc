# expect: pass
# function: conv_single_step
# function: pool_forward
# function: conv_forward
# function: pool_backward
# function: conv_backward
import numpy as np


def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (pad,) * 2, (pad,) * 2, (0, 0)))


def window(h, w, f, stride):
    top, left = h * stride, w * stride
    return slice(top, top + f), slice(left, left + f)


def conv_single_step(a_slice_prev, W, b):
    Z = float(np.sum(a_slice_prev * W) + b)
    return Z


def conv_forward(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = (n_H_prev - f + 2 * pad) // stride + 1
    n_W = (n_W_prev - f + 2 * pad) // stride + 1
    A_prev_pad = zero_pad(A_prev, pad)
    Z = np.zeros((m, n_H, n_W, n_C))
    for i, h, w, c in np.ndindex(m, n_H, n_W, n_C):
        rows, cols = window(h, w, f, stride)
        Z[i, h, w, c] = conv_single_step(A_prev_pad[i, rows, cols, :], W[..., c], b[..., c])
    return Z, (A_prev, W, b, hparameters)


def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H, n_W = (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1
    reduce = np.max if mode == "max" else np.mean
    A = np.zeros((m, n_H, n_W, n_C))
    for i, h, w, c in np.ndindex(A.shape):
        rows, cols = window(h, w, f, stride)
        A[i, h, w, c] = reduce(A_prev[i, rows, cols, c])
    return A, (A_prev, hparameters)


def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = np.zeros(A_prev_pad.shape)
    dW, db = np.zeros(W.shape), np.zeros(b.shape)
    for i, h, w, c in np.ndindex(dZ.shape):
        rows, cols = window(h, w, f, stride)
        dA_prev_pad[i, rows, cols, :] += W[..., c] * dZ[i, h, w, c]
        dW[..., c] += A_prev_pad[i, rows, cols, :] * dZ[i, h, w, c]
        db[..., c] += dZ[i, h, w, c]
    end_h = pad + A_prev.shape[1]
    end_w = pad + A_prev.shape[2]
    return dA_prev_pad[:, pad:end_h, pad:end_w, :], dW, db


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    dA_prev = np.zeros(A_prev.shape)
    for i, h, w, c in np.ndindex(dA.shape):
        rows, cols = window(h, w, f, stride)
        if mode == "max":
            x = A_prev[i, rows, cols, c]
            dA_prev[i, rows, cols, c] += (x == np.max(x)) * dA[i, h, w, c]
        else:
            dA_prev[i, rows, cols, c] += dA[i, h, w, c] / (f * f)
    return dA_prev
