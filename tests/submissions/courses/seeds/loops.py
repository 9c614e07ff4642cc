# expect: pass
# function: conv2d
# function: relu
# function: max_pool_2d
# function: softmax
# function: mini_cnn_forward
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_in, H, W_in = x.shape
    C_out, _, kH, kW = W.shape
    x_pad = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    out_H = (H + 2 * padding - kH) // stride + 1
    out_W = (W_in + 2 * padding - kW) // stride + 1
    out = np.zeros((C_out, out_H, out_W))
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                r, c = i * stride, j * stride
                out[o, i, j] = np.sum(x_pad[:, r : r + kH, c : c + kW] * W[o])
    return out


def relu(x):
    return np.maximum(x, 0)


def max_pool_2d(x):
    C, H, W = x.shape
    out = np.zeros((C, H // 2, W // 2))
    for c in range(C):
        for i in range(H // 2):
            for j in range(W // 2):
                out[c, i, j] = np.max(x[c, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2])
    return out


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def mini_cnn_forward(x, W_conv, W_fc):
    h = conv2d(x, W_conv)
    h = relu(h)
    h = max_pool_2d(h)
    flat = h.flatten()
    logits = flat @ W_fc
    return softmax(logits)
