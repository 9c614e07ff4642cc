# expect: fail
# bug: not_implemented
# line: 20
import numpy as np


def conv2d_forward(x, W):
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wd - kW + 1):
                out[o, i, j] = np.sum(x[:, i:i + kH, j:j + kW] * W[o])
    return out


def conv2d_backward(grad_out, x, W):
    # TODO: implement
    pass
