# expect: fail
# function: pool_forward
# bug: vert_start_no_stride
# line: 16
import numpy as np


def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    pool = np.max if mode == "max" else np.mean
    for i, h, w, c in np.ndindex(A.shape):
        A[i, h, w, c] = pool(A_prev[i, h : h + f, w : w + f, c])
    return A, (A_prev, hparameters)
