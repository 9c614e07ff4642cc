# expect: fail
# bug: hardcoded_pad
# line: 15
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    _, oh, ow = grad_out.shape
    # full correlation with the flipped kernel (3x3 kernel -> pad by 2)
    g = np.pad(grad_out, ((0, 0), (2, 2), (2, 2)))
    Wf = np.flip(W, axis=(2, 3))
    dx = np.zeros((C_in, H, Wd))
    for c in range(C_in):
        for p in range(H):
            for q in range(Wd):
                dx[c, p, q] = np.sum(g[:, p:p + kH, q:q + kW] * Wf[:, c])
    dW = np.zeros_like(W)
    for u in range(kH):
        for v in range(kW):
            dW[:, :, u, v] = np.tensordot(grad_out, x[:, u:u + oh, v:v + ow], axes=([1, 2], [1, 2]))
    return dx, dW
