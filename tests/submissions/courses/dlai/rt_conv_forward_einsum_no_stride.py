# expect: fail
# function: conv_forward
# bug: vert_start_no_stride
# line: 18
import numpy as np


def conv_forward(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, _, _, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    Z = np.zeros((m, n_H, n_W, n_C))
    for h in range(n_H):
        for w in range(n_W):
            patch = A_pad[:, h : h + f, w : w + f, :]
            Z[:, h, w, :] = np.einsum("mijc,ijcd->md", patch, W) + b[0, 0, 0, :]
    return Z, (A_prev, W, b, hparameters)
