# expect: pass
# function: conv2d_naive
# function: relu
# function: max_pool_2d
# function: softmax
# function: mini_cnn_forward
import numpy as np


def conv2d_naive(x, W):
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    y = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for c in range(C_in):
            for u in range(kH):
                for v in range(kW):
                    y[o] += W[o, c, u, v] * x[c, u : u + H - kH + 1, v : v + Wd - kW + 1]
    return y


def relu(x):
    return (np.abs(x) + x) / 2


def max_pool_2d(x):
    C, H, W = x.shape
    y = np.empty((C, H // 2, W // 2))
    for c in range(C):
        for i in range(H // 2):
            for j in range(W // 2):
                y[c, i, j] = np.amax(x[c, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2])
    return y


def softmax(z):
    z = z - np.max(z)
    return np.exp(z) / np.sum(np.exp(z))


def mini_cnn_forward(x, W_conv, W_fc):
    a = relu(conv2d_naive(x, W_conv))
    p = max_pool_2d(a)
    scores = np.dot(W_fc.T, p.flatten())
    return softmax(scores)
