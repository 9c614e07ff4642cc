# expect: pass
# function: conv2d
# function: relu
# function: softmax
import math

import numpy as np


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    x_padded = np.pad(x, ((0, 0), (padding, padding), (padding, padding)), mode="constant")
    H_out = int(math.floor((x.shape[1] + 2 * padding - kH) / stride)) + 1
    W_out = int(math.floor((x.shape[2] + 2 * padding - kW) / stride)) + 1
    out = np.zeros((C_out, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            patch = x_padded[:, i * stride : i * stride + kH, j * stride : j * stride + kW]
            out[:, i, j] = np.tensordot(W, patch, axes=([1, 2, 3], [0, 1, 2]))
    return out


def relu(x):
    return np.clip(x, 0, None)


def softmax(z):
    z = np.asarray(z, dtype=float)
    log_sum = np.max(z) + np.log(np.sum(np.exp(z - np.max(z))))
    return np.exp(z - log_sum)
