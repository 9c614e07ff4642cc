# expect: fail
# function: conv_single_step
# bug: no_bias
# line: 11
import numpy as np


def conv_single_step(a_slice_prev, W, b):
    s = np.multiply(a_slice_prev, W)
    Z = np.sum(s)
    Z + float(b)
    return Z
