# expect: pass
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
  """
  A naive implementation of the forward pass for a convolutional layer.
  """
  out = None
  N, C, H, W = x.shape
  F, _, HH, WW = w.shape
  stride = conv_param['stride']
  pad = conv_param['pad']
  H_out = int((H + 2 * pad - HH) / stride) + 1
  W_out = int((W + 2 * pad - WW) / stride) + 1

  padded = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
  out = np.zeros((N, F, H_out, W_out))
  for n in range(N):
    for f in range(F):
      for i in range(H_out):
        for j in range(W_out):
          for c in range(C):
            out[n, f, i, j] += np.sum(padded[n, c, i*stride:i*stride+HH, j*stride:j*stride+WW] * w[f, c])
          out[n, f, i, j] += b[f]
  cache = (x, w, b, conv_param)
  return out, cache


def conv_backward_naive(dout, cache):
  """
  A naive implementation of the backward pass for a convolutional layer.
  """
  dx, dw, db = None, None, None
  x, w, b, conv_param = cache
  N, C, H, W = x.shape
  F, _, HH, WW = w.shape
  stride = conv_param['stride']
  pad = conv_param['pad']
  H_out = int((H + 2 * pad - HH) / stride) + 1
  W_out = int((W + 2 * pad - WW) / stride) + 1

  padded = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], 'constant')
  padded_dx = np.zeros(padded.shape)
  dw = np.zeros(w.shape)
  db = np.zeros(b.shape)
  for n in range(N):
    for f in range(F):
      for i in range(H_out):
        for j in range(W_out):
          g = dout[n, f, i, j]
          db[f] = db[f] + g
          for c in range(C):
            dw[f, c] += g * padded[n, c, i*stride:i*stride+HH, j*stride:j*stride+WW]
            padded_dx[n, c, i*stride:i*stride+HH, j*stride:j*stride+WW] += g * w[f, c]
  dx = padded_dx[:, :, pad:pad+H, pad:pad+W]
  return dx, dw, db
