# expect: fail
# function: zero_pad
# bug: pads_batch
# line: 9
import numpy as np


def zero_pad(X, pad):
    X_pad = np.pad(X, ((pad, pad), (pad, pad), (0, 0), (0, 0)), mode="constant")
    return X_pad
