# expect: fail
# bug: hw_swapped
# line: 35
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    stride = conv_param.get('stride')
    pad = conv_param.get('pad')
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    HHH = 1 + (H + 2 * pad - HH) // stride
    WWW = 1 + (W + 2 * pad - WW) // stride
    x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant')
    out = np.zeros((N, F, HHH, WWW))
    for n in range(N):
        for f in range(F):
            for hhh in range(HHH):
                for www in range(WWW):
                    out[n][f][hhh][www] = b[f]
                    for c in range(C):
                        out[n][f][hhh][www] += np.sum(w[f][c] * x[n][c][hhh * stride:hhh * stride + HH, www * stride:www * stride + WW])
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache   # x was padded in the forward pass
    stride = conv_param.get('stride')
    pad = conv_param.get('pad')
    (N, F, HHH, WWW) = dout.shape
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    dx = np.zeros_like(x)
    dx_nopad = np.zeros((N, C, H - 2 * pad, H - 2 * pad))
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for n in range(N):
        for f in range(F):
            for hhh in range(HHH):
                for www in range(WWW):
                    db[f] += dout[n, f, hhh, www]
                    dw[f] += dout[n, f, hhh, www] * x[n, :, hhh * stride:hhh * stride + HH, www * stride:www * stride + WW]
                    dx[n, :, hhh * stride:hhh * stride + HH, www * stride:www * stride + WW] += dout[n, f, hhh, www] * w[f]
    dx_nopad[:] = dx[:, :, pad:pad + H - 2 * pad, pad:pad + W - 2 * pad]
    return dx_nopad, dw, db
