# expect: pass
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _unpad(a, pad):
    if pad == 0:
        return a
    return a[:, :, pad:-pad, pad:-pad]


def conv_forward_naive(x, w, b, conv_param):
    """(out, cache): cache keeps the padded input so the backward pass can reuse it."""
    stride, pad = conv_param["stride"], conv_param["pad"]
    F, C, HH, WW = w.shape
    x_p = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    # windows: (N, C, H_p - HH + 1, W_p - WW + 1, HH, WW), then keep every stride-th one
    windows = sliding_window_view(x_p, (HH, WW), axis=(2, 3))[:, :, ::stride, ::stride]
    out = np.einsum("nchwkl,fckl->nfhw", windows, w) + b[None, :, None, None]
    cache = (x_p, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x_p, w, b, conv_param = cache
    stride, pad = conv_param["stride"], conv_param["pad"]
    F, C, HH, WW = w.shape
    N, _, H_out, W_out = dout.shape

    windows = sliding_window_view(x_p, (HH, WW), axis=(2, 3))[:, :, ::stride, ::stride]
    dw = np.einsum("nfhw,nchwkl->fckl", dout, windows)
    db = dout.sum(axis=(0, 2, 3))

    dx_p = np.zeros_like(x_p)
    for kh in range(HH):
        for kw in range(WW):
            # tap (kh, kw) of every window, as one strided block of the padded input
            rows = slice(kh, kh + stride * (H_out - 1) + 1, stride)
            cols = slice(kw, kw + stride * (W_out - 1) + 1, stride)
            dx_p[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dout, w[:, :, kh, kw])
    dx = _unpad(dx_p, pad)
    return dx, dw, db
