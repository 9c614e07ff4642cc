# expect: fail
# function: create_mask_from_window
# bug: first_max_only
# line: 10
import numpy as np


def create_mask_from_window(x):
    mask = np.zeros_like(x, dtype=bool)
    mask.flat[np.argmax(x)] = True
    return mask
