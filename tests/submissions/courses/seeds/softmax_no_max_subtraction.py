# expect: fail
# function: softmax
# bug: no_max_subtraction
# line: 9
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e)
