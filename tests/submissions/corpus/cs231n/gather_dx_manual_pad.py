# expect: pass
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    stride = conv_param.get('stride', 1)
    pad = conv_param.get('pad', 0)
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    Hp, Wp = H + 2 * pad, W + 2 * pad
    x_padded = np.zeros((N, C, Hp, Wp), dtype=x.dtype)
    x_padded[:, :, pad:pad + H, pad:pad + W] = x
    H_out = (Hp - HH) // stride + 1
    W_out = (Wp - WW) // stride + 1
    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    r0, c0 = i * stride, j * stride
                    out[n, f, i, j] = np.sum(x_padded[n, :, r0:r0 + HH, c0:c0 + WW] * w[f]) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    stride = conv_param.get('stride', 1)
    pad = conv_param.get('pad', 0)
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_padded = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    x_padded[:, :, pad:pad + H, pad:pad + W] = x

    db = np.array([dout[:, f].sum() for f in range(F)])
    dw = np.zeros(w.shape)
    for f in range(F):
        for c in range(C):
            for u in range(HH):
                for v in range(WW):
                    total = 0.0
                    for i in range(H_out):
                        for j in range(W_out):
                            total += dout[:, f, i, j] @ x_padded[:, c, i * stride + u, j * stride + v]
                    dw[f, c, u, v] = total

    # gather: every input pixel collects from the output cells whose window covers it
    dx = np.zeros(x.shape)
    for h in range(H):
        for k in range(W):
            hp, kp = h + pad, k + pad
            acc = np.zeros((N, C))
            for i in range(H_out):
                u = hp - i * stride
                if u < 0 or u >= HH:
                    continue
                for j in range(W_out):
                    v = kp - j * stride
                    if 0 <= v < WW:
                        acc += dout[:, :, i, j] @ w[:, :, u, v]
            dx[:, :, h, k] = acc
    return dx, dw, db
