# expect: fail
# function: conv2d
# bug: kernel_flipped
# line: 13
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, W, padding=0, stride=1):
    kH, kW = W.shape[2:]
    xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(xp, (kH, kW), axis=(1, 2))[:, ::stride, ::stride]
    kernel = np.flip(W, axis=(2, 3))
    return np.einsum("cijuv,ocuv->oij", windows, kernel)
