# expect: pass
import numpy as np


def im2col(x_padded, HH, WW, stride, H_out, W_out):
    """Stack every receptive field as a column: (C*HH*WW, N*H_out*W_out)."""
    N, C, _, _ = x_padded.shape
    cols = np.zeros((C * HH * WW, N * H_out * W_out))
    idx = 0
    for n in range(N):
        for i in range(H_out):
            for j in range(W_out):
                field = x_padded[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                cols[:, idx] = field.reshape(-1)
                idx += 1
    return cols


def col2im(cols, padded_shape, HH, WW, stride, H_out, W_out):
    """Inverse of im2col: add every column back onto its receptive field."""
    N, C, _, _ = padded_shape
    img = np.zeros(padded_shape)
    idx = 0
    for n in range(N):
        for i in range(H_out):
            for j in range(W_out):
                img[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += \
                    cols[:, idx].reshape(C, HH, WW)
                idx += 1
    return img


def conv_forward_naive(x, w, b, conv_param):
    stride = conv_param['stride']
    pad = conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    assert (H + 2 * pad - HH) % stride == 0, 'height does not fit'
    assert (W + 2 * pad - WW) % stride == 0, 'width does not fit'
    H_out = (H + 2 * pad - HH) // stride + 1
    W_out = (W + 2 * pad - WW) // stride + 1

    x_padded = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], mode='constant')
    x_cols = im2col(x_padded, HH, WW, stride, H_out, W_out)
    w_row = w.reshape(F, -1)                       # (F, C*HH*WW)
    res = w_row.dot(x_cols) + b.reshape(-1, 1)     # (F, N*H_out*W_out)
    out = res.reshape(F, N, H_out, W_out).transpose(1, 0, 2, 3)

    cache = (x, w, b, conv_param, x_cols)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param, x_cols = cache
    stride = conv_param['stride']
    pad = conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape

    db = np.sum(dout, axis=(0, 2, 3))
    dout_rows = dout.transpose(1, 0, 2, 3).reshape(F, -1)   # (F, N*H_out*W_out)
    dw = dout_rows.dot(x_cols.T).reshape(w.shape)
    dx_cols = w.reshape(F, -1).T.dot(dout_rows)            # (C*HH*WW, N*H_out*W_out)
    dx_padded = col2im(dx_cols, (N, C, H + 2 * pad, W + 2 * pad), HH, WW, stride, H_out, W_out)
    dx = dx_padded[:, :, pad:H + pad, pad:W + pad]
    return dx, dw, db
