# expect: fail
# function: max_pool_2d
# bug: odd_size_refused
# line: 9
import numpy as np


def max_pool_2d(x):
    top = np.maximum(x[:, ::2, ::2], x[:, ::2, 1::2])
    bottom = np.maximum(x[:, 1::2, ::2], x[:, 1::2, 1::2])
    return np.maximum(top, bottom)
