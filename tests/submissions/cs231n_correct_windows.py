"""Correct, with numpy's sliding_window_view and einsum, vectorised over the batch."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _windows(x_pad, HH, WW, stride):
    view = sliding_window_view(x_pad, (HH, WW), axis=(2, 3))  # (N, C, Hp-HH+1, Wp-WW+1, HH, WW)
    return view[:, :, ::stride, ::stride]


def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param["stride"], conv_param["pad"]
    F, _, HH, WW = w.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")
    out = np.einsum("nchwuv,fcuv->nfhw", _windows(x_pad, HH, WW, stride), w)
    out += b.reshape(1, -1, 1, 1)
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")
    db = dout.sum(axis=(0, 2, 3))
    dw = np.einsum("nchwuv,nfhw->fcuv", _windows(x_pad, HH, WW, stride), dout)
    dx_pad = np.zeros(x_pad.shape)
    for i in range(H_out):
        for j in range(W_out):
            r, c = i * stride, j * stride
            dx_pad[:, :, r : r + HH, c : c + WW] += np.einsum("nf,fcuv->ncuv", dout[:, :, i, j], w)
    dx = dx_pad[:, :, pad : pad + H, pad : pad + W]
    return dx, dw, db
