# expect: fail
# function: zero_pad
# bug: one_side
# line: 9
import numpy as np


def zero_pad(X, pad):
    X_pad = np.pad(X, ((0, 0), (0, pad), (0, pad), (0, 0)), mode="constant")
    return X_pad
