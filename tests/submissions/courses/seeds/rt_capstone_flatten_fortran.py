# expect: fail
# function: mini_cnn_forward
# bug: flatten_fortran
# line: 41
import numpy as np


def conv2d_naive(x, W):
    C_out, _, kH, kW = W.shape
    _, H, Wd = x.shape
    y = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                y[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return y


def relu(x):
    return np.maximum(x, 0)


def max_pool_2d(x, kernel_size=2, stride=2):
    C, H, W = x.shape
    oh, ow = (H - kernel_size) // stride + 1, (W - kernel_size) // stride + 1
    y = np.zeros((C, oh, ow))
    for i in range(oh):
        for j in range(ow):
            a, b = i * stride, j * stride
            y[:, i, j] = x[:, a : a + kernel_size, b : b + kernel_size].max(axis=(1, 2))
    return y


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def mini_cnn_forward(x, W_conv, W_fc):
    pooled = max_pool_2d(relu(conv2d_naive(x, W_conv)), 2, 2)
    features = pooled.flatten(order="F")
    return softmax(features @ W_fc)
