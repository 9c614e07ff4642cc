# expect: pass
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    x_zero_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant')
    H_pad, W_pad = H + 2 * pad, W + 2 * pad
    H_out = 1 + (H_pad - HH) // stride
    W_out = 1 + (W_pad - WW) // stride
    out = np.zeros((N, F, H_out, W_out))

    # vectorised over the batch and the filters: one einsum per output position
    for i_out, i_inp in enumerate(range(0, H_pad - HH + 1, stride)):
        for j_out, j_inp in enumerate(range(0, W_pad - WW + 1, stride)):
            region = x_zero_pad[:, :, i_inp:i_inp + HH, j_inp:j_inp + WW]
            out[:, :, i_out, j_out] = np.einsum('nchw,fchw->nf', region, w) + b

    cache = (x, w, b, conv_param, x_zero_pad)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param, x_zero_pad = cache
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_pad, W_pad = H + 2 * pad, W + 2 * pad

    dx_zero_pad = np.zeros_like(x_zero_pad)
    dw = np.zeros_like(w)
    db = np.sum(dout, axis=(0, 2, 3))

    for i_out, i_inp in enumerate(range(0, H_pad - HH + 1, stride)):
        for j_out, j_inp in enumerate(range(0, W_pad - WW + 1, stride)):
            g = dout[:, :, i_out, j_out]  # (N, F)
            region = x_zero_pad[:, :, i_inp:i_inp + HH, j_inp:j_inp + WW]
            dw += np.einsum('nf,nchw->fchw', g, region)
            dx_zero_pad[:, :, i_inp:i_inp + HH, j_inp:j_inp + WW] += np.einsum('nf,fchw->nchw', g, w)

    dx = dx_zero_pad[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
