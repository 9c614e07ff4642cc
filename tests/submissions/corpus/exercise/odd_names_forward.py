# expect: pass
import numpy as np


def conv2d(img, kernel):
    n_out, n_in, KH, KW = kernel.shape
    res = np.zeros((n_out, img.shape[1] - KH + 1, img.shape[2] - KW + 1))
    for oc in range(n_out):
        for r in range(res.shape[1]):
            for s in range(res.shape[2]):
                res[oc, r, s] = (img[:, r:r + KH, s:s + KW] * kernel[oc]).sum()
    return res


def conv2d_backward(grad_out, x, W):
    img = np.array(x).astype(np.float64)
    kernel = np.array(W).astype(np.float64)
    G = np.array(grad_out).astype(np.float64)
    n_out, n_in, KH, KW = kernel.shape
    d_img = np.zeros(img.shape)
    d_kernel = np.zeros(kernel.shape)
    for oc in range(len(kernel)):
        for r in range(G.shape[1]):
            for s in range(G.shape[2]):
                d_kernel[oc] = d_kernel[oc] + G[oc, r, s] * img[:, r:r + KH, s:s + KW]
                d_img[:, r:r + KH, s:s + KW] = d_img[:, r:r + KH, s:s + KW] + G[oc, r, s] * kernel[oc]
    return d_img, d_kernel
