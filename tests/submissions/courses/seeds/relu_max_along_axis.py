# expect: fail
# function: relu
# bug: max_along_axis
# line: 9
import numpy as np


def relu(x):
    return np.max(x, 0)
