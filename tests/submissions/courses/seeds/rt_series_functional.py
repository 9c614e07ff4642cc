# expect: pass
# function: conv2d
# function: relu
# function: softmax
# function: mini_cnn_forward
import numpy as np


def conv2d(x, W, padding=0, stride=1):
    if padding:
        x = np.pad(x, [(0, 0), (padding, padding), (padding, padding)])
    C_out, C_in, kH, kW = W.shape
    rows = range(0, x.shape[1] - kH + 1, stride)
    cols = range(0, x.shape[2] - kW + 1, stride)
    return np.array(
        [
            [[np.sum(x[:, r : r + kH, c : c + kW] * W[o]) for c in cols] for r in rows]
            for o in range(C_out)
        ]
    )


def relu(x):
    return np.maximum(x, 0)


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def mini_cnn_forward(x, W_conv, W_fc):
    feature_maps = relu(conv2d(x, W_conv))
    C = feature_maps.shape[0]
    pooled = np.array(
        [
            [
                [feature_maps[c, 2 * i : 2 * i + 2, 2 * j : 2 * j + 2].max() for j in range(3)]
                for i in range(3)
            ]
            for c in range(C)
        ]
    )
    return softmax(pooled.ravel() @ W_fc)
