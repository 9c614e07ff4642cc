# expect: fail
# function: max_pool_backward_naive
# bug: window_by_stride
# line: 17
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    stride = pool_param["stride"]
    N, C, out_h, out_w = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(out_h):
                for j in range(out_w):
                    region = x[n, c, i * stride : (i + 1) * stride, j * stride : (j + 1) * stride]
                    a, b = np.unravel_index(np.argmax(region), region.shape)
                    dx[n, c, i * stride + a, j * stride + b] += dout[n, c, i, j]
    return dx
