# expect: fail
# bug: pads_every_axis
# line: 27
import numpy as np


def conv2d_forward(x, W):
    C_out, C_in, kH, kW = W.shape
    _, H, Wid = x.shape
    y = np.zeros((C_out, H - kH + 1, Wid - kW + 1))
    for o in range(C_out):
        for i in range(H - kH + 1):
            for j in range(Wid - kW + 1):
                y[o, i, j] = np.sum(x[:, i:i + kH, j:j + kW] * W[o])
    return y


def conv2d_backward(grad_out, x, W):
    # dx: the full correlation of grad_out (padded) with the flipped kernel
    x = np.array(x, dtype=float)
    W = np.array(W, dtype=float)
    grad_out = np.array(grad_out, dtype=float)
    C_out, C_in, kH, kW = W.shape
    _, H, Wid = x.shape
    _, oh, ow = grad_out.shape

    padded = np.pad(grad_out, kH - 1)
    flipped = W[:, :, ::-1, ::-1]
    dx = np.zeros((C_in, H, Wid))
    for c in range(C_in):
        for p in range(H):
            for q in range(Wid):
                dx[c, p, q] = np.sum(padded[:, p:p + kH, q:q + kW] * flipped[:, c])

    dW = np.zeros(W.shape)
    for o in range(C_out):
        for c in range(C_in):
            for u in range(kH):
                for v in range(kW):
                    dW[o, c, u, v] = np.sum(grad_out[o] * x[c, u:u + oh, v:v + ow])
    return dx, dW
