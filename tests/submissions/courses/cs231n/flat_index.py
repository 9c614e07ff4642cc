# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np


def _windows(H, W, pool_param):
    """(i, j, rows, cols) for every pooling window."""
    ph, pw, s = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    for i in range((H - ph) // s + 1):
        for j in range((W - pw) // s + 1):
            yield i, j, slice(i * s, i * s + ph), slice(j * s, j * s + pw)


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    positions = list(_windows(H, W, pool_param))
    H_out, W_out = positions[-1][0] + 1, positions[-1][1] + 1
    out = np.zeros((N, C, H_out, W_out))
    for i, j, rows, cols in positions:
        region = x[:, :, rows, cols].reshape(N, C, -1)
        out[:, :, i, j] = region.max(axis=2)
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    pw = pool_param["pool_width"]
    dx = np.zeros_like(x, dtype=np.float64)
    for i, j, rows, cols in _windows(H, W, pool_param):
        region = x[:, :, rows, cols].reshape(N, C, -1)
        k = region.argmax(axis=2)  # (N, C): the first maximum of each window
        for n in range(N):
            for c in range(C):
                r, q = rows.start + k[n, c] // pw, cols.start + k[n, c] % pw
                dx[n, c, r, q] += dout[n, c, i, j]
    return dx
