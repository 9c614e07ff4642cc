# expect: fail
# function: softmax
# bug: no_max_subtraction
# line: 9
import numpy as np


def softmax(z):
    return np.exp(z) / np.exp(z).sum()
