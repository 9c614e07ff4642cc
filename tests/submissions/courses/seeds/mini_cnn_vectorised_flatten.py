# expect: fail
# function: mini_cnn_forward
# bug: flatten_channels_last
# line: 14
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def mini_cnn_forward(x, W_conv, W_fc):
    windows = sliding_window_view(x, (3, 3), axis=(1, 2))  # (1, 6, 6, 3, 3)
    feature = np.einsum("cijuv,ocuv->ijo", windows, W_conv)  # (6, 6, C_out): channels last
    feature = np.maximum(feature, 0)
    pooled = feature.reshape(3, 2, 3, 2, -1).max(axis=(1, 3))  # (3, 3, C_out)
    logits = pooled.reshape(-1) @ W_fc
    e = np.exp(logits - logits.max())
    return e / e.sum()
