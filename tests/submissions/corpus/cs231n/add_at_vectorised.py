# expect: pass
import numpy as np


def _out_size(size, k, stride, pad):
    return (size + 2 * pad - k) // stride + 1


def _window_index(H, W, HH, WW, stride, pad):
    """Row and column of every tap of every window in the padded image:
    rows, cols: (H_out, W_out, HH, WW)."""
    H_out, W_out = _out_size(H, HH, stride, pad), _out_size(W, WW, stride, pad)
    i = np.arange(H_out)[:, None, None, None] * stride + np.arange(HH)[None, None, :, None]
    j = np.arange(W_out)[None, :, None, None] * stride + np.arange(WW)[None, None, None, :]
    rows = np.broadcast_to(i, (H_out, W_out, HH, WW))
    cols = np.broadcast_to(j, (H_out, W_out, HH, WW))
    return rows, cols


def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    rows, cols = _window_index(H, W, HH, WW, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    patches = xp[:, :, rows, cols]                       # (N, C, H_out, W_out, HH, WW)
    out = np.einsum('ncijuv,fcuv->nfij', patches, w) + b[None, :, None, None]
    return out, (x, w, b, conv_param)


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    rows, cols = _window_index(H, W, HH, WW, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    patches = xp[:, :, rows, cols]
    dw = np.einsum('nfij,ncijuv->fcuv', dout, patches)
    db = dout.sum(axis=(0, 2, 3))
    dpatches = np.einsum('nfij,fcuv->ncijuv', dout, w)
    dxp = np.zeros_like(xp)
    np.add.at(dxp, (slice(None), slice(None), rows, cols), dpatches)   # windows overlap: add, not set
    dx = dxp[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
