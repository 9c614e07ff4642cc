"""Forgets to advance its loop counter: never returns."""

import numpy as np


def conv2d_backward(grad_out, x, W):
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    i = 0
    while i < grad_out.shape[1]:
        dx += 0.0
    return dx, dW
