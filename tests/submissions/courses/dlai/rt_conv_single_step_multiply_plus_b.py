# expect: fail
# function: conv_single_step
# bug: bias_inside_sum
# line: 9
import numpy as np


def conv_single_step(a_slice_prev, W, b):
    s = np.multiply(a_slice_prev, W) + b
    Z = np.sum(s)
    return Z
