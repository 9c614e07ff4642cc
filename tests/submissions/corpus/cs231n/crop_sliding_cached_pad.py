# expect: fail
# bug: crop_negative_pad
# line: 31
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    s = conv_param['stride']
    p = conv_param['pad']
    F, C, FH, FW = w.shape
    x_pad = np.pad(x, [(0, 0), (0, 0), (p, p), (p, p)])
    fields = np.lib.stride_tricks.sliding_window_view(x_pad, (FH, FW), axis=(2, 3))[:, :, ::s, ::s]
    out = np.einsum('nchwij,fcij->nfhw', fields, w) + b.reshape(1, F, 1, 1)
    cache = (x_pad, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x_pad, w, b, conv_param = cache
    s = conv_param['stride']
    p = conv_param['pad']
    F, C, FH, FW = w.shape
    N, _, HO, WO = dout.shape
    fields = np.lib.stride_tricks.sliding_window_view(x_pad, (FH, FW), axis=(2, 3))[:, :, ::s, ::s]
    dw = np.einsum('nfhw,nchwij->fcij', dout, fields)
    db = np.sum(dout, axis=(0, 2, 3))
    dx_pad = np.zeros_like(x_pad)
    for h in range(HO):
        for k in range(WO):
            dx_pad[:, :, h*s:h*s+FH, k*s:k*s+FW] += np.einsum('nf,fcij->ncij', dout[:, :, h, k], w)
    dx = dx_pad[:, :, p:-p, p:-p]
    return dx, dw, db
