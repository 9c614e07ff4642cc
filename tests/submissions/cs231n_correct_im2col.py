"""Correct, vectorised with im2col: every window is a column, the conv one matrix product."""

import numpy as np


def _columns(x_pad, HH, WW, stride, H_out, W_out):
    N, C = x_pad.shape[:2]
    cols = np.empty((N, C, HH, WW, H_out, W_out), dtype=x_pad.dtype)
    for u in range(HH):
        for v in range(WW):
            cols[:, :, u, v] = x_pad[
                :, :, u : u + stride * H_out : stride, v : v + stride * W_out : stride
            ]
    return cols.reshape(N, C * HH * WW, H_out * W_out)  # (N, C*HH*WW, H_out*W_out)


def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    assert (H + 2 * pad - HH) % stride == 0, "height does not work"
    assert (W + 2 * pad - WW) % stride == 0, "width does not work"
    H_out = (H + 2 * pad - HH) // stride + 1
    W_out = (W + 2 * pad - WW) // stride + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = _columns(x_pad, HH, WW, stride, H_out, W_out)
    out = w.reshape(F, -1) @ cols + b[:, None]  # (N, F, H_out*W_out)
    return out.reshape(N, F, H_out, W_out), (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = _columns(x_pad, HH, WW, stride, H_out, W_out)
    d = dout.reshape(N, F, H_out * W_out)
    db = d.sum(axis=(0, 2))
    dw = np.einsum("nfp,nkp->fk", d, cols).reshape(w.shape)
    dcols = (w.reshape(F, -1).T @ d).reshape(N, C, HH, WW, H_out, W_out)
    dx_pad = np.zeros_like(x_pad, dtype=dcols.dtype)
    for u in range(HH):
        for v in range(WW):
            dx_pad[:, :, u : u + stride * H_out : stride, v : v + stride * W_out : stride] += dcols[
                :, :, u, v
            ]
    dx = dx_pad[:, :, pad : pad + H, pad : pad + W]
    return dx, dw, db
