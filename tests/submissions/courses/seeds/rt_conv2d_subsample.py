# expect: pass
# function: conv2d_naive
# function: conv2d
import numpy as np


def conv2d_naive(x, W):
    C_out, C_in, kH, kW = W.shape
    _, H, Wd = x.shape
    out = np.zeros((C_out, H - kH + 1, Wd - kW + 1))
    for u in range(kH):
        for v in range(kW):
            # every output cell reads x at (i + u, j + v): one shifted copy per kernel tap
            shifted = x[:, u : u + H - kH + 1, v : v + Wd - kW + 1]
            out += np.einsum("oc,chw->ohw", W[:, :, u, v], shifted)
    return out


def conv2d(x, W, padding=0, stride=1):
    padded = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
    full = conv2d_naive(padded, W)  # stride 1 over the padded image
    return full[:, ::stride, ::stride]
