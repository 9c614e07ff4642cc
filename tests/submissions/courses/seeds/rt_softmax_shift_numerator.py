# expect: fail
# function: softmax
# bug: shift_numerator_only
# line: 10
import numpy as np


def softmax(z):
    exps = np.exp(z - np.max(z))
    return exps / np.sum(np.exp(z))
