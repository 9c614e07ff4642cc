# expect: fail
# bug: crop_negative_pad
# line: 44
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    stride = conv_param['stride']
    pad = conv_param['pad']
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    H_ = 1 + (H + 2 * pad - HH) // stride
    W_ = 1 + (W + 2 * pad - WW) // stride
    out = np.zeros((N, F, H_, W_))
    for n in range(N):
        xn = np.pad(x[n], ((0, 0), (pad, pad), (pad, pad)), 'constant')
        for f in range(F):
            for i in range(H_):
                for j in range(W_):
                    out[n, f, i, j] = np.sum(xn[:, i*stride:i*stride+HH, j*stride:j*stride+WW] * w[f]) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    stride = conv_param['stride']
    pad = conv_param['pad']
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    _, _, H_, W_ = dout.shape
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for n in range(N):
        xn = np.pad(x[n], ((0, 0), (pad, pad), (pad, pad)), 'constant')
        dxn = np.zeros_like(xn)
        for f in range(F):
            for i in range(H_):
                for j in range(W_):
                    dw[f] += xn[:, i*stride:i*stride+HH, j*stride:j*stride+WW] * dout[n, f, i, j]
                    dxn[:, i*stride:i*stride+HH, j*stride:j*stride+WW] += w[f] * dout[n, f, i, j]
                    db[f] += dout[n, f, i, j]
                    dx[n] = dxn[:, pad:-pad, pad:-pad]
    return dx, dw, db
