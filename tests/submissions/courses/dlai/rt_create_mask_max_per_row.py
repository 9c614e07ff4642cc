# expect: fail
# function: create_mask_from_window
# bug: max_per_row
# line: 9
import numpy as np


def create_mask_from_window(x):
    mask = x == np.max(x, axis=1, keepdims=True)
    return mask
