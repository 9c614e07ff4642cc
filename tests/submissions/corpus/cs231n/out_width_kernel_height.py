# expect: fail
# bug: out_size_wrong_dim
# bug: out_size_wrong_dim
# line: 14
# line: 32
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param['stride'], conv_param['pad']
    Hout = (H - HH + 2 * P) // S + 1
    Wout = (W - HH + 2 * P) // S + 1
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    out = np.zeros((N, F, Hout, Wout))
    for n in range(N):
        for f in range(F):
            for r in range(Hout):
                for c in range(Wout):
                    out[n, f, r, c] = (xp[n, :, r*S:r*S+HH, c*S:c*S+WW] * w[f]).sum() + b[f]
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    S, P = conv_param['stride'], conv_param['pad']
    Hout = (H - HH + 2 * P) // S + 1
    Wout = (W - HH + 2 * P) // S + 1
    xp = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for n in range(N):
        for f in range(F):
            for r in range(Hout):
                for c in range(Wout):
                    g = dout[n, f, r, c]
                    db[f] += g
                    dw[f] += g * xp[n, :, r*S:r*S+HH, c*S:c*S+WW]
                    dxp[n, :, r*S:r*S+HH, c*S:c*S+WW] += g * w[f]
    dx = dxp[:, :, P:P+H, P:P+W]
    return dx, dw, db
