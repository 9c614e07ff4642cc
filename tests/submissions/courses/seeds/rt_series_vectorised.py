# expect: pass
# function: conv2d
# function: relu
# function: max_pool_2d
# function: softmax
# function: mini_cnn_forward
import numpy as np
from numpy.lib.stride_tricks import as_strided


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding))).astype(float)
    _, Hp, Wp = xp.shape
    out_H = (Hp - kH) // stride + 1
    out_W = (Wp - kW) // stride + 1
    sc, sh, sw = xp.strides
    windows = as_strided(
        xp,
        shape=(C_in, out_H, out_W, kH, kW),
        strides=(sc, sh * stride, sw * stride, sh, sw),
        writeable=False,
    )
    return np.tensordot(W, windows, axes=([1, 2, 3], [0, 3, 4]))  # (C_out, out_H, out_W)


def relu(x):
    return x * (x > 0)


def max_pool_2d(x):
    C, H, W = x.shape
    x = x[:, : H // 2 * 2, : W // 2 * 2]  # an odd last row or column is dropped
    return x.reshape(C, H // 2, 2, W // 2, 2).max(axis=(2, 4))


def softmax(z):
    shifted = z - z.max()
    return np.exp(shifted - np.log(np.sum(np.exp(shifted))))


def mini_cnn_forward(x, W_conv, W_fc):
    features = max_pool_2d(relu(conv2d(x, W_conv)))
    return softmax(features.ravel() @ W_fc)
