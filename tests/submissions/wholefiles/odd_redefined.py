# expect: fail
# function: create_mask_from_window
# bug: first_max_only
# line: 18
# pass: distribute_value
# the right version first, then a later "optimisation" that Python keeps: the second one is graded
import numpy as np


def create_mask_from_window(x):
    return x == np.max(x)


# faster? (the last definition is the one that runs)


def create_mask_from_window(x):  # noqa: F811
    mask = np.zeros(x.shape, dtype=bool)
    mask[np.unravel_index(np.argmax(x), x.shape)] = True
    return mask


def distribute_value(dz, shape):
    n_H, n_W = shape
    return np.ones(shape) * dz / (n_H * n_W)
