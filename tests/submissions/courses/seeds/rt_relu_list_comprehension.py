# expect: fail
# function: relu
# bug: python_max_per_row
# line: 9
import numpy as np


def relu(x):
    return np.array([max(0, v) for v in x])
