# expect: fail
# bug: crop_negative_pad
# line: 22
import numpy as np


def get_cols(x_pad, HH, WW, stride, H_out, W_out):
    N, C = x_pad.shape[:2]
    cols = np.zeros((N, H_out * W_out, C * HH * WW))
    for i in range(H_out):
        for j in range(W_out):
            cols[:, i * W_out + j, :] = x_pad[:, :, i * stride:i * stride + HH, j * stride:j * stride + WW].reshape(N, -1)
    return cols


def put_cols(dcols, x_shape, HH, WW, stride, pad, H_out, W_out):
    N, C, H, W = x_shape
    dx_pad = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    for i in range(H_out):
        for j in range(W_out):
            dx_pad[:, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += dcols[:, i * W_out + j, :].reshape(N, C, HH, WW)
    return dx_pad[:, :, pad:-pad, pad:-pad]


def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant')
    cols = get_cols(x_pad, HH, WW, stride, H_out, W_out)      # (N, H_out*W_out, C*HH*WW)
    out = cols @ w.reshape(F, -1).T + b                       # (N, H_out*W_out, F)
    out = out.transpose(0, 2, 1).reshape(N, F, H_out, W_out)
    cache = (x, w, b, conv_param, cols)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param, cols = cache
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    dout_r = dout.reshape(N, F, -1).transpose(0, 2, 1)     # (N, H_out*W_out, F)
    db = dout_r.sum(axis=(0, 1))
    dw = np.einsum('npf,npk->fk', dout_r, cols).reshape(w.shape)
    dcols = dout_r @ w.reshape(F, -1)                      # (N, H_out*W_out, C*HH*WW)
    dx = put_cols(dcols, x.shape, HH, WW, stride, pad, H_out, W_out)
    return dx, dw, db
