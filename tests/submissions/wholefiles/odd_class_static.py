# expect: pass
# function: zero_pad
# function: create_mask_from_window
# function: distribute_value
# the learner grouped the functions as static methods of a class, then exported them by name
import numpy as np


class Layers:
    @staticmethod
    def zero_pad(X, pad):
        return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)))

    @staticmethod
    def create_mask_from_window(x):
        return x == np.max(x)

    @staticmethod
    def distribute_value(dz, shape):
        n_H, n_W = shape
        return np.ones(shape) * (dz / (n_H * n_W))


zero_pad = Layers.zero_pad
create_mask_from_window = Layers.create_mask_from_window
distribute_value = Layers.distribute_value
