# expect: pass
import numpy as np


def conv2d_backward(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    C, H, Wd = x.shape
    oh, ow = H - kH + 1, Wd - kW + 1
    dx = np.zeros((C, H, Wd))
    dW = np.zeros((C_out, C_in, kH, kW))
    # one kernel tap at a time: tap (u, v) sees the block x[:, u:u+oh, v:v+ow]
    for u in range(kH):
        for v in range(kW):
            block = x[:, u:u + oh, v:v + ow]
            dW[:, :, u, v] = np.tensordot(grad_out, block, axes=([1, 2], [1, 2]))
            dx[:, u:u + oh, v:v + ow] += np.tensordot(W[:, :, u, v], grad_out, axes=([0], [0]))
    return dx, dW
