"""Correct, loops over output cells and filters only: each window sliced for the whole batch."""

import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    Ho = int(1 + (H + 2 * P - HH) / S)
    Wo = int(1 + (W + 2 * P - WW) / S)
    xp = np.pad(x, [(0, 0), (0, 0), (P, P), (P, P)], "constant", constant_values=0)
    out = np.zeros((N, F, Ho, Wo))
    for f in range(F):
        for i in range(Ho):
            for j in range(Wo):
                window = xp[:, :, i * S : i * S + HH, j * S : j * S + WW]
                out[:, f, i, j] = np.sum(window * w[f], axis=(1, 2, 3)) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    S, P = conv_param["stride"], conv_param["pad"]
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, [(0, 0), (0, 0), (P, P), (P, P)], "constant", constant_values=0)
    dxp = np.zeros_like(xp, dtype=float)
    dw = np.zeros_like(w, dtype=float)
    db = np.sum(dout, axis=(0, 2, 3))
    for f in range(F):
        for i in range(Ho):
            for j in range(Wo):
                g = dout[:, f, i, j][:, None, None, None]  # (N, 1, 1, 1)
                window = xp[:, :, i * S : i * S + HH, j * S : j * S + WW]
                dw[f] += np.sum(window * g, axis=0)
                dxp[:, :, i * S : i * S + HH, j * S : j * S + WW] += w[f] * g
    dx = dxp[:, :, P : P + H, P : P + W]
    return dx, dw, db
