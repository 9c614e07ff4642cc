# expect: pass
# function: conv2d_naive
# function: relu
# function: softmax
# functions under the learner's own names, bound to the series' names; lambdas
import numpy as np


def my_conv(x, W):
    C_out, C_in, kH, kW = W.shape
    H, Wd = x.shape[1:]
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for i in range(out.shape[1]):
        for j in range(out.shape[2]):
            patch = x[:, i : i + kH, j : j + kW]
            out[:, i, j] = np.tensordot(W, patch, axes=([1, 2, 3], [0, 1, 2]))
    return out


conv2d_naive = my_conv
relu = lambda x: np.maximum(x, 0)  # noqa: E731
softmax = lambda z: np.exp(z - z.max()) / np.exp(z - z.max()).sum()  # noqa: E731
