# expect: pass
import numpy as np


def conv2d_backward(grad_out, x, W):
    """(dx, dW) for y[o, i, j] = sum_{c,u,v} W[o, c, u, v] * x[c, i + u, j + v]."""
    x = np.asarray(x, np.float64)
    W = np.asarray(W, np.float64)
    g = np.asarray(grad_out, np.float64)
    n_out, n_in, kh, kw = W.shape
    _, h, w = x.shape
    oh, ow = h - kh + 1, w - kw + 1
    i = np.arange(oh)[:, None, None, None] + np.arange(kh)[None, None, :, None]
    j = np.arange(ow)[None, :, None, None] + np.arange(kw)[None, None, None, :]
    i, j = np.broadcast_arrays(i, j)                    # (oh, ow, kh, kw)
    patches = x[:, i, j]                                # (n_in, oh, ow, kh, kw)
    dW = np.einsum('oab,cabuv->ocuv', g, patches)
    dpatches = np.einsum('oab,ocuv->cabuv', g, W)
    dx = np.zeros_like(x)
    np.add.at(dx, (slice(None), i, j), dpatches)
    return dx, dW
