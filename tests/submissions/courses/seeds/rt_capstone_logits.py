# expect: fail
# function: mini_cnn_forward
# bug: no_softmax
# line: 22
import numpy as np


def relu(x):
    return np.maximum(x, 0)


def mini_cnn_forward(x, W_conv, W_fc):
    C_out = W_conv.shape[0]
    conv = np.zeros((C_out, 6, 6))
    for o in range(C_out):
        for i in range(6):
            for j in range(6):
                conv[o, i, j] = np.sum(x[:, i : i + 3, j : j + 3] * W_conv[o])
    a = relu(conv)
    pooled = a.reshape(C_out, 3, 2, 3, 2).max(axis=(2, 4))
    scores = pooled.reshape(-1) @ W_fc
    return scores
