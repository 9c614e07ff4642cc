# expect: fail
# function: distribute_value
# bug: shape_transposed
# line: 11
import numpy as np


def distribute_value(dz, shape):
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    a = np.ones((n_W, n_H)) * average
    return a
