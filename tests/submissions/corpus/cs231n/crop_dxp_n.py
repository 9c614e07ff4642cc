# expect: fail
# bug: crop_negative_pad
# line: 48
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    pad = conv_param['pad']
    stride = conv_param['stride']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    Hout = 1 + (H + 2*pad - HH) // stride
    Wout = 1 + (W + 2*pad - WW) // stride
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant', constant_values=0)
    out = np.zeros((N, F, Hout, Wout))
    for r in range(N):
        for i in range(Hout):
            for j in range(Wout):
                tl_y = i*stride
                tl_x = j*stride
                x_r = xp[r, :, tl_y:tl_y+HH, tl_x:tl_x+WW]
                out[r, :, i, j] = np.sum(w * x_r, axis=(1, 2, 3)) + b
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    pad = conv_param['pad']
    stride = conv_param['stride']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, Hout, Wout = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant', constant_values=0)
    dxp = np.zeros_like(xp)
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    db = np.sum(dout, axis=(0, 2, 3))
    for n in range(N):
        for i in range(Hout):
            for j in range(Wout):
                tl_y = i*stride
                tl_x = j*stride
                x_r = xp[n, :, tl_y:tl_y+HH, tl_x:tl_x+WW]
                for f in range(F):
                    dw[f] += dout[n, f, i, j] * x_r
                    dxp[n, :, tl_y:tl_y+HH, tl_x:tl_x+WW] += dout[n, f, i, j] * w[f]
        dx[n] = dxp[n, :, pad:-pad, pad:-pad]
    return dx, dw, db
