# expect: fail
# bug: hardcoded_pad
# line: 51
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    out = None
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride = conv_param['stride']
    pad = conv_param['pad']
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant')
    out = np.zeros((N, F, H_out, W_out))
    for i_N in range(N):
        for i_F in range(F):
            for i_H in range(H_out):
                for i_W in range(W_out):
                    H_start = i_H * stride
                    W_start = i_W * stride
                    x_patch = x_pad[i_N, :, H_start:H_start + HH, W_start:W_start + WW]
                    out[i_N, i_F, i_H, i_W] = np.sum(x_patch * w[i_F]) + b[i_F]
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    dx, dw, db = None, None, None
    x, w, b, conv_param = cache
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    stride = conv_param['stride']
    pad = conv_param['pad']
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant')
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for i_N in range(N):
        for i_F in range(F):
            for i_H in range(H_out):
                for i_W in range(W_out):
                    H_start = i_H * stride
                    W_start = i_W * stride
                    x_patch = x_pad[i_N, :, H_start:H_start + HH, W_start:W_start + WW]
                    dw[i_F] += x_patch * dout[i_N, i_F, i_H, i_W]
                    dx_pad[i_N, :, H_start:H_start + HH, W_start:W_start + WW] += w[i_F] * dout[i_N, i_F, i_H, i_W]
                    db[i_F] += dout[i_N, i_F, i_H, i_W]
    dx = dx_pad[:, :, 1:-1, 1:-1]
    return dx, dw, db
