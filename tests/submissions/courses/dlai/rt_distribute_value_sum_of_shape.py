# expect: fail
# function: distribute_value
# bug: divided_by_sum
# line: 9
import numpy as np


def distribute_value(dz, shape):
    average = dz / np.sum(shape)
    a = np.full(shape, average)
    return a
