"""The function has another name than the one graded."""

import numpy as np


def conv_backward(grad_out, x, W):
    return np.zeros(x.shape), np.zeros(W.shape)
