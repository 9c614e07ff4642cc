# expect: pass
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    stride = conv_param.get('stride', 1)
    pad = conv_param.get('pad', 0)
    n_img, n_ch, height, width = x.shape
    n_filt, _, fh, fw = w.shape
    out_h = (height + 2 * pad - fh) // stride + 1
    out_w = (width + 2 * pad - fw) // stride + 1
    xpad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant', constant_values=0)

    out = np.zeros((n_img, n_filt, out_h, out_w)) + b.reshape(1, -1, 1, 1)
    # sum over the taps of the filter: each tap is a strided view of the padded input
    for u in range(fh):
        for v in range(fw):
            tap = xpad[:, :, u:u + stride * out_h:stride, v:v + stride * out_w:stride]
            out += np.tensordot(tap, w[:, :, u, v], axes=([1], [1])).transpose(0, 3, 1, 2)
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    stride = conv_param.get('stride', 1)
    pad = conv_param.get('pad', 0)
    n_img, n_ch, height, width = x.shape
    n_filt, _, fh, fw = w.shape
    out_h, out_w = dout.shape[2], dout.shape[3]
    xpad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant', constant_values=0)

    db = np.zeros(n_filt)
    for f in range(n_filt):
        db[f] = np.sum(dout[:, f])

    dw = np.zeros(w.shape)
    dxpad = np.zeros(xpad.shape)
    for f in range(n_filt):
        for c in range(n_ch):
            for u in range(fh):
                for v in range(fw):
                    tap = xpad[:, c, u:u + stride * out_h:stride, v:v + stride * out_w:stride]
                    dw[f, c, u, v] = np.sum(dout[:, f] * tap)
                    dxpad[:, c, u:u + stride * out_h:stride, v:v + stride * out_w:stride] += dout[:, f] * w[f, c, u, v]
    dx = dxpad[:, :, pad:pad + height, pad:pad + width]
    return dx, dw, db
