# expect: pass
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    """Forward pass of a conv layer. Returns (out, cache)."""
    out = None
    s = conv_param['stride']
    p = conv_param['pad']
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    Hp = 1 + (H + 2 * p - HH) // s
    Wp = 1 + (W + 2 * p - WW) // s

    # zero padding on the two spatial axes only
    xp = np.zeros((N, C, H + 2 * p, W + 2 * p))
    if p > 0:
        xp[:, :, p:-p, p:-p] = x
    else:
        xp[:] = x

    out = np.zeros((N, F, Hp, Wp))
    for n in range(N):
        for i in range(Hp):
            for j in range(Wp):
                patch = xp[n, :, i * s:i * s + HH, j * s:j * s + WW]
                # all filters at once: (F, C, HH, WW) * (C, HH, WW)
                out[n, :, i, j] = np.sum(w * patch, axis=(1, 2, 3)) + b

    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    """Backward pass of a conv layer. Returns (dx, dw, db)."""
    dx, dw, db = None, None, None
    x, w, b, conv_param = cache
    s = conv_param['stride']
    p = conv_param['pad']
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    N, F, Hp, Wp = dout.shape

    xp = np.pad(x, ((0,), (0,), (p,), (p,)), 'constant')
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    db = dout.sum(axis=(0, 2, 3))

    for n in range(N):
        for i in range(Hp):
            for j in range(Wp):
                patch = xp[n, :, i * s:i * s + HH, j * s:j * s + WW]
                for f in range(F):
                    dw[f] += patch * dout[n, f, i, j]
                    dxp[n, :, i * s:i * s + HH, j * s:j * s + WW] += w[f] * dout[n, f, i, j]

    if p == 0:
        dx = dxp
    else:
        dx = dxp[:, :, p:-p, p:-p]
    return dx, dw, db
