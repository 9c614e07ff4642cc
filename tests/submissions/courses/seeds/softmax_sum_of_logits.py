# expect: fail
# function: softmax
# bug: sum_of_logits
# line: 10
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(z)
