# expect: pass
import numpy as np


def im2col(img, kh, kw):
    # rows: one per output position; columns: C*kh*kw values of the patch
    C, H, W = img.shape
    oh, ow = H - kh + 1, W - kw + 1
    cols = np.empty((oh * ow, C * kh * kw))
    r = 0
    for i in range(oh):
        for j in range(ow):
            cols[r] = img[:, i:i + kh, j:j + kw].ravel()
            r += 1
    return cols


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    grad_out = np.asarray(grad_out, dtype=float)
    Cout, Cin, kh, kw = W.shape
    _, H, Wx = x.shape
    oh, ow = H - kh + 1, Wx - kw + 1

    cols = im2col(x, kh, kw)                    # (oh*ow, Cin*kh*kw)
    g = grad_out.reshape(Cout, oh * ow)         # (Cout, oh*ow)
    dW = (g @ cols).reshape(Cout, Cin, kh, kw)
    dcols = g.T @ W.reshape(Cout, -1)           # (oh*ow, Cin*kh*kw)

    dx = np.zeros_like(x)
    r = 0
    for i in range(oh):
        for j in range(ow):
            dx[:, i:i + kh, j:j + kw] += dcols[r].reshape(Cin, kh, kw)
            r += 1
    return dx, dW
