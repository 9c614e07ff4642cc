# expect: pass
# function: conv2d
# function: relu
# function: max_pool_2d
# function: softmax
# function: mini_cnn_forward
import numpy as np


def im2col(xp, kH, kW, out_H, out_W, stride):
    """Every window of the padded image as one column: (C_in * kH * kW, out_H * out_W)."""
    columns = []
    for i in range(out_H):
        for j in range(out_W):
            patch = xp[:, i * stride : i * stride + kH, j * stride : j * stride + kW]
            columns.append(patch.reshape(-1))
    return np.stack(columns, axis=1)


def conv2d(x, W, padding=0, stride=1):
    C_out, C_in, kH, kW = W.shape
    xp = np.pad(x, [(0, 0), (padding, padding), (padding, padding)], mode="constant")
    out_H = (xp.shape[1] - kH) // stride + 1
    out_W = (xp.shape[2] - kW) // stride + 1
    cols = im2col(xp, kH, kW, out_H, out_W, stride)
    return (W.reshape(C_out, -1) @ cols).reshape(C_out, out_H, out_W)


def relu(x):
    return np.where(x > 0, x, 0.0)


def max_pool_2d(x):
    C, H, W = x.shape
    H2, W2 = H // 2 * 2, W // 2 * 2
    corners = [x[:, a:H2:2, b:W2:2] for a in (0, 1) for b in (0, 1)]
    return np.maximum.reduce(corners)


def softmax(z):
    exps = np.exp(np.asarray(z, dtype=float) - np.max(z))
    return exps / exps.sum()


def mini_cnn_forward(x, W_conv, W_fc):
    features = conv2d(x, W_conv, padding=0, stride=1)  # (C_out, 6, 6)
    features = max_pool_2d(relu(features))  # (C_out, 3, 3)
    scores = np.dot(features.flatten(), W_fc)  # (2,)
    return softmax(scores)
