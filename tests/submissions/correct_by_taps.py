"""A correct conv2d_backward written the other way round: a loop over kernel taps (u, v)."""

import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for u in range(kH):
        for v in range(kW):
            patch = x[:, u : u + out_H, v : v + out_W]  # (C_in, out_H, out_W)
            dW[:, :, u, v] = np.einsum("oij,cij->oc", grad_out, patch)
            dx[:, u : u + out_H, v : v + out_W] += np.einsum("oij,oc->cij", grad_out, W[:, :, u, v])
    return dx, dW
