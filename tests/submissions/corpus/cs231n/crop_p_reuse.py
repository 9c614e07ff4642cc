# expect: fail
# bug: crop_negative_pad
# line: 57
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    """
    Input:
    - x: Input data of shape (N, C, H, W)
    - w: Filter weights of shape (F, C, HH, WW)
    - b: Biases, of shape (F,)
    """
    out = None
    ###########################################################################
    # TODO: Implement the convolutional forward pass.                         #
    ###########################################################################
    s, p = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    Ho = 1 + (H + 2 * p - HH) // s
    Wo = 1 + (W + 2 * p - WW) // s
    x = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)), 'constant')
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            x_slice = x[:, :, i * s:i * s + HH, j * s:j * s + WW]
            for f in range(F):
                out[:, f, i, j] = np.sum(x_slice * w[f], axis=(1, 2, 3)) + b[f]
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    dx, dw, db = None, None, None
    ###########################################################################
    # TODO: Implement the convolutional backward pass.                        #
    ###########################################################################
    x, w, b, conv_param = cache   # x is already padded
    s, p = conv_param['stride'], conv_param['pad']
    N, F, Ho, Wo = dout.shape
    F, _, HH, WW = w.shape
    dx = np.zeros(x.shape)
    dw = np.zeros(w.shape)
    db = np.sum(dout, axis=(0, 2, 3))
    for i in range(Ho):
        for j in range(Wo):
            x_slice = x[:, :, i * s:i * s + HH, j * s:j * s + WW]
            for f in range(F):
                dw[f] += np.sum(x_slice * dout[:, f, i, j][:, None, None, None], axis=0)
            for n in range(N):
                dx[n, :, i * s:i * s + HH, j * s:j * s + WW] += np.sum(
                    w * dout[n, :, i, j][:, None, None, None], axis=0)
    dx = dx[:, :, p:-p, p:-p]
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    return dx, dw, db
