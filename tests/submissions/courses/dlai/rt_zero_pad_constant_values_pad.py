# expect: fail
# function: zero_pad
# bug: pads_with_pad_value
# line: 10
import numpy as np


def zero_pad(X, pad):
    X_pad = np.pad(
        X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), "constant", constant_values=(pad, pad)
    )
    return X_pad
