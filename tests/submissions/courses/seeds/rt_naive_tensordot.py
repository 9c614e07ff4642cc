# expect: pass
# function: conv2d_naive
# function: relu
# function: softmax
import numpy as np


def conv2d_naive(x, W):
    C_out, C_in, kH, kW = W.shape
    H_out = x.shape[1] - kH + 1
    W_out = x.shape[2] - kW + 1
    y = np.empty((C_out, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            patch = x[:, i : i + kH, j : j + kW]  # (C_in, kH, kW)
            y[:, i, j] = np.tensordot(W, patch, axes=3)  # one value per output channel
    return y


def relu(x):
    return np.where(x < 0, 0.0, x)


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum(axis=-1, keepdims=True)
