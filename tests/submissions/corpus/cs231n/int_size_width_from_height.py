# expect: fail
# bug: out_size_wrong_dim
# line: 18
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    out = None
    ###########################################################################
    # TODO: Implement the convolutional forward pass.                         #
    # Hint: you can use the function np.pad for padding.                      #
    ###########################################################################
    N, C, H, W = x.shape
    F, C, HH, WW = w.shape
    stride = conv_param['stride']
    pad = conv_param['pad']
    H2 = int(1 + (H + 2 * pad - HH) / stride)
    W2 = int(1 + (H + 2 * pad - WW) / stride)
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), 'constant')
    out = np.zeros((N, F, H2, W2))
    for f in range(F):
        for n in range(N):
            for height in range(H2):
                for width in range(W2):
                    x_tmp = x_pad[n, :, height * stride:height * stride + HH, width * stride:width * stride + WW]
                    out[n, f, height, width] = np.sum(x_tmp * w[f])
        out[:, f, :, :] = out[:, f, :, :] + b[f]
    ###########################################################################
    #                             END OF YOUR CODE                            #
    ###########################################################################
    cache = (x, w, b, conv_param)
    return out, cache


def conv_backward_naive(dout, cache):
    dx, dw, db = None, None, None
    x, w, b, conv_param = cache
    pad = conv_param['pad']
    stride = conv_param['stride']
    F, C, HH, WW = w.shape
    N, C, H, W = x.shape
    N, F, H2, W2 = dout.shape
    pad_x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode='constant', constant_values=0)
    pad_dx = np.zeros_like(pad_x)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for f in range(F):
        for n in range(N):
            for j in range(W2):
                for i in range(H2):
                    db[f] += dout[n, f, i, j]
                    dw[f] += pad_x[n, :, i * stride:HH + i * stride, j * stride:WW + j * stride] * dout[n, f, i, j]
                    pad_dx[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += w[f] * dout[n, f, i, j]
    dx = pad_dx[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
