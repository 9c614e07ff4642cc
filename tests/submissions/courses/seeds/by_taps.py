# expect: pass
# function: conv2d
# function: relu
# function: max_pool_2d
# function: softmax
# function: mini_cnn_forward
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    """Sum over the kernel's taps of a shifted, strided copy of the image times one weight."""
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    x = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    n_i = (H + 2 * padding - kH) // stride + 1
    n_j = (Wd + 2 * padding - kW) // stride + 1
    y = np.zeros((C_out, n_i, n_j))
    for u in range(kH):
        for v in range(kW):
            shifted = x[:, u : u + stride * n_i : stride, v : v + stride * n_j : stride]
            y += np.tensordot(W[:, :, u, v], shifted, axes=([1], [0]))
    return y


def relu(x):
    out = np.array(x, dtype=float)
    out[out < 0] = 0.0
    return out


def max_pool_2d(x):
    C, H, W = x.shape
    out = np.full((C, H // 2, W // 2), -np.inf)
    for a in range(2):
        for b in range(2):
            out = np.maximum(out, x[:, a : a + 2 * (H // 2) : 2, b : b + 2 * (W // 2) : 2])
    return out


def softmax(z):
    m = max(z)
    e = np.array([np.exp(v - m) for v in z])
    return e / e.sum()


def mini_cnn_forward(x, W_conv, W_fc):
    h = max_pool_2d(relu(conv2d(x, W_conv)))
    C_out = h.shape[0]
    logits = np.zeros(W_fc.shape[1])
    for c in range(C_out):
        logits += h[c].reshape(9) @ W_fc[9 * c : 9 * c + 9]
    return softmax(logits)
