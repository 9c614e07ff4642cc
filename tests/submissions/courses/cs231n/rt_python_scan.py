# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
import numpy as np


def _argmax_window(plane, top, left, height, width):
    best, best_pos = plane[top, left], (top, left)
    for r in range(top, top + height):
        for q in range(left, left + width):
            if plane[r, q] > best:
                best, best_pos = plane[r, q], (r, q)
    return best, best_pos


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    height, width = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    out_h = (H - height) // stride + 1
    out_w = (W - width) // stride + 1
    out = np.zeros((N, C, out_h, out_w))
    for n in range(N):
        for c in range(C):
            for a in range(out_h):
                for b in range(out_w):
                    value, _ = _argmax_window(x[n, c], a * stride, b * stride, height, width)
                    out[n, c, a, b] = value
    return out, (x, pool_param)


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    height, width = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    out_h, out_w = dout.shape[2], dout.shape[3]
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for a in range(out_h):
                for b in range(out_w):
                    _, (r, q) = _argmax_window(x[n, c], a * stride, b * stride, height, width)
                    dx[n, c, r, q] = dx[n, c, r, q] + dout[n, c, a, b]
    return dx
