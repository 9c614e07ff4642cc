# expect: fail
# function: distribute_value
# bug: not_divided
# line: 10
import numpy as np


def distribute_value(dz, shape):
    (n_H, n_W) = shape
    average = dz
    a = np.ones(shape) * average
    return a
