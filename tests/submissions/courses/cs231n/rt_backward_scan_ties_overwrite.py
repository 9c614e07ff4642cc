# expect: fail
# function: max_pool_backward_naive
# bug: all_ties
# bug: index_overwrite
# line: 26
# line: 27
import numpy as np


def max_pool_backward_naive(dout, cache):
    x, pool_param = cache
    N, C, H, W = np.shape(x)
    stride = pool_param["stride"]
    HH, WW = pool_param["pool_height"], pool_param["pool_width"]
    hh = int(1 + (H - HH) / stride)
    ww = int(1 + (W - WW) / stride)
    dx = np.zeros(np.shape(x))
    for i in range(N):
        for c in range(C):
            for j in range(hh):
                for k in range(ww):
                    top, left = j * stride, k * stride
                    max_val = np.max(x[i, c, top : top + HH, left : left + WW])
                    for r in range(top, top + HH):
                        for q in range(left, left + WW):
                            if x[i, c, r, q] == max_val:
                                dx[i, c, r, q] = dout[i, c, j, k]
    return dx
