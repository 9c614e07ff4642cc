# expect: fail
# function: conv_forward
# bug: no_bias
# line: 16
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv_forward(A_prev, W, b, hparameters):
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    f = W.shape[0]
    A_prev_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    # (m, n_H, n_W, n_C_prev, f, f): every window, at the stride
    windows = sliding_window_view(A_prev_pad, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    Z = np.einsum("mhwcij,ijcd->mhwd", windows, W)
    cache = (A_prev, W, b, hparameters)
    return Z, cache
