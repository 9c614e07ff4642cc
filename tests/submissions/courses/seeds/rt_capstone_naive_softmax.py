# expect: fail
# function: mini_cnn_forward
# bug: softmax_no_max_subtraction
# line: 36
import numpy as np


def conv2d_naive(x, W):
    kH, kW = W.shape[2:]
    out_H, out_W = x.shape[1] - kH + 1, x.shape[2] - kW + 1
    out = np.zeros((W.shape[0], out_H, out_W))
    for i in range(out_H):
        for j in range(out_W):
            out[:, i, j] = np.tensordot(W, x[:, i : i + kH, j : j + kW], axes=3)
    return out


def relu(x):
    return np.where(x > 0, x, 0)


def max_pool_2d(x, kernel_size=2, stride=2):
    C, H, W = x.shape
    out = np.zeros((C, (H - kernel_size) // stride + 1, (W - kernel_size) // stride + 1))
    for c in range(C):
        for i in range(out.shape[1]):
            for j in range(out.shape[2]):
                win = x[
                    c, i * stride : i * stride + kernel_size, j * stride : j * stride + kernel_size
                ]
                out[c, i, j] = win.max()
    return out


def softmax(z):
    return np.exp(z) / np.sum(np.exp(z))


def mini_cnn_forward(x, W_conv, W_fc):
    h = conv2d_naive(x, W_conv)
    h = relu(h)
    h = max_pool_2d(h, kernel_size=2, stride=2)
    return softmax(h.reshape(-1) @ W_fc)
