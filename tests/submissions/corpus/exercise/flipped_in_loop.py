# expect: fail
# bug: dx_flipped_kernel
# line: 18
import numpy as np


def conv2d_backward(grad_out, x, W):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    C_out, C_in, kH, kW = W.shape
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for o in range(C_out):
        for i in range(grad_out.shape[1]):
            for j in range(grad_out.shape[2]):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
                # backprop through a convolution = convolution with the rotated kernel
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * W[o, :, ::-1, ::-1]
    return dx, dW
