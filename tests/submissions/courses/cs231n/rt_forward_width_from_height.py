# expect: fail
# function: max_pool_forward_naive
# bug: out_size_wrong_dim
# line: 12
import numpy as np


def max_pool_forward_naive(x, pool_param):
    N, C, H, W = x.shape
    PH, PW, S = pool_param["pool_height"], pool_param["pool_width"], pool_param["stride"]
    H_new = 1 + (H - PH) // S
    W_new = 1 + (H - PW) // S
    out = np.zeros((N, C, H_new, W_new))
    for n in range(N):
        for c in range(C):
            for h in range(H_new):
                for w in range(W_new):
                    out[n, c, h, w] = np.max(x[n, c, h * S : h * S + PH, w * S : w * S + PW])
    return out, (x, pool_param)
