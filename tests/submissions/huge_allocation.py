"""Allocates a 20000 x 20000 float64 scratch array (3.2 GB)."""

import numpy as np


def conv2d_backward(grad_out, x, W):
    scratch = np.ones((20000, 20000))
    return np.zeros(x.shape) + scratch[0, 0], np.zeros(W.shape)
