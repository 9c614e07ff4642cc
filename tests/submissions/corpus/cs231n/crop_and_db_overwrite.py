# expect: fail
# bug: db_overwrite
# bug: crop_negative_pad
# line: 46
# line: 49
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    out = None
    stride = conv_param['stride']
    pad = conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    out = np.zeros((N, F, H_out, W_out))
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    for n in range(N):
        for f in range(F):
            for h_out in range(H_out):
                for w_out in range(W_out):
                    x_slice = x_pad[n, :, h_out * stride:h_out * stride + HH, w_out * stride:w_out * stride + WW]
                    out[n, f, h_out, w_out] = np.sum(x_slice * w[f]) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    dx, dw, db = None, None, None
    x, w, b, conv_param = cache
    stride = conv_param['stride']
    pad = conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant')
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for n in range(N):
        for f in range(F):
            for h_out in range(H_out):
                for w_out in range(W_out):
                    x_slice = x_pad[n, :, h_out * stride:h_out * stride + HH, w_out * stride:w_out * stride + WW]
                    db[f] = dout[n, f, h_out, w_out]
                    dw[f] += x_slice * dout[n, f, h_out, w_out]
                    dx_pad[n, :, h_out * stride:h_out * stride + HH, w_out * stride:w_out * stride + WW] += w[f] * dout[n, f, h_out, w_out]
    dx = dx_pad[:, :, pad:-pad, pad:-pad]
    return dx, dw, db
