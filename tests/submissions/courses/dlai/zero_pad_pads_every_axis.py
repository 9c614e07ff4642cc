# expect: fail
# function: zero_pad
# bug: pads_every_axis
# line: 9
import numpy as np


def zero_pad(X, pad):
    X_pad = np.pad(X, pad, mode="constant")
    return X_pad
