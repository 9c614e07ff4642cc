# expect: fail
# function: mini_cnn_forward
# bug: batch_axis_kept
# line: 43
import numpy as np


def conv2d_naive(x, W):
    C_out, C_in, kH, kW = W.shape
    oh, ow = x.shape[1] - kH + 1, x.shape[2] - kW + 1
    y = np.zeros((C_out, oh, ow))
    for o in range(C_out):
        for i in range(oh):
            for j in range(ow):
                y[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return y


def relu(x):
    return np.maximum(x, 0.0)


def max_pool_2d(x, kernel_size=2, stride=2):
    C, H, W = x.shape
    oh, ow = (H - kernel_size) // stride + 1, (W - kernel_size) // stride + 1
    y = np.empty((C, oh, ow))
    for i in range(oh):
        for j in range(ow):
            y[:, i, j] = np.max(
                x[:, i * stride : i * stride + kernel_size, j * stride : j * stride + kernel_size],
                axis=(1, 2),
            )
    return y


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def mini_cnn_forward(x, W_conv, W_fc):
    h = max_pool_2d(relu(conv2d_naive(x, W_conv)))
    flat = h.reshape(1, -1)  # one row: the batch of one image
    return softmax(flat @ W_fc)
