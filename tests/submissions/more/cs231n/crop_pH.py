# expect: fail
# bug: crop_wrong_end
# line: 36
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    s, p = conv_param['stride'], conv_param['pad']
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)), 'constant')
    F, _, HH, WW = w.shape
    Ho = 1 + (xp.shape[2] - HH) // s
    Wo = 1 + (xp.shape[3] - WW) // s
    out = np.zeros((x.shape[0], F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = np.tensordot(xp[:, :, i*s:i*s+HH, j*s:j*s+WW], w, ([1, 2, 3], [1, 2, 3])) + b
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    s, p = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)), 'constant')
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    db = np.sum(dout, axis=(0, 2, 3))
    for n in range(N):
        for i in range(Ho):
            for j in range(Wo):
                for f in range(F):
                    dw[f] += xp[n, :, i*s:i*s+HH, j*s:j*s+WW] * dout[n, f, i, j]
                    dxp[n, :, i*s:i*s+HH, j*s:j*s+WW] += w[f] * dout[n, f, i, j]
    dx = dxp[:, :, p:H, p:W]
    return dx, dw, db
