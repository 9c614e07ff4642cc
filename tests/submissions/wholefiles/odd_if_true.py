# expect: pass
# function: max_pool_forward_naive
# function: max_pool_backward_naive
# a learner toggles their two versions with `if True:`; the functions are defined inside it
import numpy as np

USE_LOOPS = True

if True:

    def max_pool_forward_naive(x, pool_param):
        N, C, H, W = x.shape
        ph, pw = pool_param["pool_height"], pool_param["pool_width"]
        s = pool_param["stride"]
        Ho, Wo = 1 + (H - ph) // s, 1 + (W - pw) // s
        out = np.zeros((N, C, Ho, Wo))
        for i in range(Ho):
            for j in range(Wo):
                out[:, :, i, j] = x[:, :, i * s : i * s + ph, j * s : j * s + pw].max(axis=(2, 3))
        return out, (x, pool_param)

    def max_pool_backward_naive(dout, cache):
        x, pool_param = cache
        N, C, H, W = x.shape
        ph, pw = pool_param["pool_height"], pool_param["pool_width"]
        s = pool_param["stride"]
        dx = np.zeros_like(x)
        for n in range(N):
            for c in range(C):
                for i in range(dout.shape[2]):
                    for j in range(dout.shape[3]):
                        win = x[n, c, i * s : i * s + ph, j * s : j * s + pw]
                        r, q = np.unravel_index(np.argmax(win), win.shape)
                        dx[n, c, i * s + r, j * s + q] += dout[n, c, i, j]
        return dx
