# expect: fail
# function: relu
# bug: modifies_input
# line: 9
import numpy as np


def relu(x):
    np.putmask(x, x < 0, 0)
    return x
