# expect: fail
# function: mini_cnn_forward
# bug: kernel_flipped
# line: 13
import numpy as np


def convolve(image, kernels):
    n_out, _, k, _ = kernels.shape
    size = image.shape[1] - k + 1
    maps = np.zeros((n_out, size, size))
    for f in range(n_out):
        flipped = kernels[f, 0, ::-1, ::-1]
        for i in range(size):
            for j in range(size):
                maps[f, i, j] = np.sum(image[0, i : i + k, j : j + k] * flipped)
    return maps


def mini_cnn_forward(x, W_conv, W_fc):
    maps = np.maximum(convolve(x, W_conv), 0)
    C = maps.shape[0]
    pooled = maps.reshape(C, 3, 2, 3, 2).max(axis=(2, 4))
    logits = pooled.reshape(-1) @ W_fc
    logits = logits - logits.max()
    return np.exp(logits) / np.exp(logits).sum()
