# expect: fail
# function: zero_pad
# bug: pads_channels
# line: 9
import numpy as np


def zero_pad(X, pad):
    X_pad = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")
    return X_pad
