# expect: fail
# bug: arguments_swapped
# line: 9
import numpy as np

# Backward pass of a 2-D convolution (one image, stride 1, no padding).


def conv2d_backward(x, W, grad_out):
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    grad_out = np.asarray(grad_out, dtype=np.float64)
    C_out, C_in, kH, kW = W.shape
    _, oH, oW = grad_out.shape
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    for o in range(C_out):
        for i in range(oH):
            for j in range(oW):
                dW[o] += grad_out[o, i, j] * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += grad_out[o, i, j] * W[o]
    return dx, dW
