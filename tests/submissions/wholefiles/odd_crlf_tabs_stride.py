# expect: fail
# function: conv2d
# bug: stride_ignored
# line: 20
# pass: relu
# saved on Windows: UTF-8 with a BOM, CRLF line endings, tabs for indentation
import numpy as np


def conv2d(x, W, padding=0, stride=1):
	C_out, C_in, kH, kW = W.shape
	xp = np.pad(x, ((0, 0), (padding, padding), (padding, padding)))
	_, H, Wd = xp.shape
	Ho = (H - kH) // stride + 1
	Wo = (Wd - kW) // stride + 1
	out = np.zeros((C_out, Ho, Wo))
	for o in range(C_out):
		for i in range(Ho):
			for j in range(Wo):
				r = i
				c = j
				out[o, i, j] = (xp[:, r:r + kH, c:c + kW] * W[o]).sum()
	return out


def relu(x):
	return np.where(x > 0, x, 0.0)
