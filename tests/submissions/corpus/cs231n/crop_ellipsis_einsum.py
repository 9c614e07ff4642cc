# expect: fail
# bug: crop_negative_pad
# line: 38
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    S = conv_param["stride"]
    P = conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out = (H + 2 * P - HH) // S + 1
    W_out = (W + 2 * P - WW) // S + 1
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    out = np.empty((N, F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            out[..., i, j] = np.einsum("nchw,fchw->nf", x_pad[..., i * S:i * S + HH, j * S:j * S + WW], w)
    out += b[:, None, None]
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    S = conv_param["stride"]
    P = conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out, W_out = dout.shape[-2:]
    x_pad = np.pad(x, ((0, 0), (0, 0), (P, P), (P, P)))
    dx_padded = np.zeros(x_pad.shape)
    dw = np.zeros(w.shape)
    for i in range(H_out):
        for j in range(W_out):
            dw += np.einsum("nf,nchw->fchw", dout[..., i, j], x_pad[..., i * S:i * S + HH, j * S:j * S + WW])
            dx_padded[..., i * S:i * S + HH, j * S:j * S + WW] += np.einsum("nf,fchw->nchw", dout[..., i, j], w)
    db = dout.sum(axis=(0, 2, 3))
    dx = dx_padded[..., P:-P, P:-P]
    return dx, dw, db
