# expect: pass
# function: conv2d
# function: relu
# function: max_pool_2d
# function: softmax
# function: mini_cnn_forward
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, W, padding=0, stride=1):
    kH, kW = W.shape[2:]
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    patches = sliding_window_view(xp, (kH, kW), axis=(1, 2))[:, ::stride, ::stride]
    # patches: (C_in, out_H, out_W, kH, kW); W: (C_out, C_in, kH, kW)
    return np.einsum("cijuv,ocuv->oij", patches, W)


def relu(x):
    return x * (x > 0)


def max_pool_2d(x):
    C, H, W = x.shape
    h, w = H // 2, W // 2
    return x[:, : 2 * h, : 2 * w].reshape(C, h, 2, w, 2).max(axis=(2, 4))


def softmax(z):
    shifted = z - z.max()
    return np.exp(shifted - np.log(np.exp(shifted).sum()))


def mini_cnn_forward(x, W_conv, W_fc):
    pooled = max_pool_2d(relu(conv2d(x, W_conv)))
    return softmax(pooled.reshape(-1) @ W_fc)
