# expect: fail
# function: create_mask_from_window
# bug: max_per_column
# line: 9
import numpy as np


def create_mask_from_window(x):
    mask = x == np.amax(x, 0)
    return mask
