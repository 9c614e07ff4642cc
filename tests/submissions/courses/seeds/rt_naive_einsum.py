# expect: pass
# function: conv2d_naive
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_naive(x, W):
    kH, kW = W.shape[2], W.shape[3]
    patches = sliding_window_view(x, (kH, kW), axis=(1, 2))  # (C_in, out_H, out_W, kH, kW)
    return np.einsum("chwuv,ocuv->ohw", patches, W)
