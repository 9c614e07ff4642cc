# expect: pass
import numpy as np


def conv2d_backward(grad_out, x, W):
    """Gradients of the stride-1, unpadded convolution of one image.

    grad_out: (C_out, out_H, out_W), x: (C_in, H, W), W: (C_out, C_in, kH, kW)
    returns (dx, dW)
    """
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    grad_out = np.asarray(grad_out, dtype=np.float64)
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape

    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                g = grad_out[o, i, j]
                dW[o] += g * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += g * W[o]
    return dx, dW
