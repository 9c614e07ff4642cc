# expect: fail
# bug: pads_every_axis
# bug: pads_every_axis
# bug: pads_every_axis
# line: 19
# line: 42
# line: 43
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    out = None
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    out = np.zeros((N, F, H_out, W_out))
    x_pad = np.pad(x, pad, "constant")
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    r, c = i * stride, j * stride
                    out[n, f, i, j] = np.sum(x_pad[n, :, r:r + HH, c:c + WW] * w[f]) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    dx, dw, db = None, None, None
    x, w, b, conv_param = cache
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape

    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)

    x_pad = np.pad(x, pad, "constant")
    dx_pad = np.pad(dx, pad, "constant")
    for n in range(N):
        for f in range(F):
            db[f] += np.sum(dout[n, f])
            for i in range(H_out):
                for j in range(W_out):
                    r, c = i * stride, j * stride
                    dw[f] += x_pad[n, :, r:r + HH, c:c + WW] * dout[n, f, i, j]
                    dx_pad[n, :, r:r + HH, c:c + WW] += w[f] * dout[n, f, i, j]
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
