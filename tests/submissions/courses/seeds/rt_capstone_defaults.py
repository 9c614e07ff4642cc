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
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                out[o, i, j] = np.sum(x[:, i : i + kH, j : j + kW] * W[o])
    return out


def relu(x):
    return np.maximum(0, x)


def max_pool_2d(x, kernel_size=2, stride=2):
    C, H, W = x.shape
    out_H = (H - kernel_size) // stride + 1
    out_W = (W - kernel_size) // stride + 1
    out = np.zeros((C, out_H, out_W))
    for c in range(C):
        for i in range(out_H):
            for j in range(out_W):
                r, s = i * stride, j * stride
                out[c, i, j] = x[c, r : r + kernel_size, s : s + kernel_size].max()
    return out


def softmax(z):
    z = z - np.max(z)
    e = np.exp(z)
    return e / e.sum()


def mini_cnn_forward(x, W_conv, W_fc):
    h = conv2d_naive(x, W_conv)  # (C_out, 6, 6)
    h = relu(h)
    h = max_pool_2d(h, 2, 2)  # (C_out, 3, 3)
    flat = h.reshape(-1)  # (C_out * 9,)
    logits = flat @ W_fc  # (2,)
    return softmax(logits)
