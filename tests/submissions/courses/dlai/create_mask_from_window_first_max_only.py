# expect: fail
# function: create_mask_from_window
# bug: first_max_only
# line: 9
import numpy as np


def create_mask_from_window(x):
    mask = np.zeros(x.shape)
    mask[np.unravel_index(np.argmax(x), x.shape)] = 1
    return mask
