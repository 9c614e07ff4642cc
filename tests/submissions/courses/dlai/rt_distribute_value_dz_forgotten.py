# expect: fail
# function: distribute_value
# bug: dz_forgotten
# line: 11
import numpy as np


def distribute_value(dz, shape):
    (n_H, n_W) = shape
    average = n_H * n_W
    a = np.ones(shape) / average
    return a
