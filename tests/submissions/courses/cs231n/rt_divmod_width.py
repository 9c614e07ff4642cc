# expect: pass
# function: max_pool_backward_naive
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = x.shape
    pool_h, pool_w = pool_param["pool_height"], pool_param["pool_width"]
    stride = pool_param["stride"]
    H_out = (H - pool_h) // stride + 1
    W_out = (W - pool_w) // stride + 1
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(H_out):
                for j in range(W_out):
                    window = x[
                        n, c, i * stride : i * stride + pool_h, j * stride : j * stride + pool_w
                    ]
                    row, col = divmod(int(np.argmax(window)), pool_w)
                    dx[n, c, i * stride + row, j * stride + col] += dout[n, c, i, j]
    return dx
