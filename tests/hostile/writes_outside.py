"""Writes files outside its working folder, then answers correctly. Verdict: pass, and none of
the files exists afterwards (bwrap: a read-only filesystem and a private /tmp)."""

import os

import numpy as np

TARGETS = [
    "/tmp/cghostile_written",
    "/var/tmp/cghostile_written",
    "/dev/shm/cghostile_written",
    os.path.join(os.path.dirname(os.getcwd()), "..", "cghostile_written"),
    os.path.expanduser("~/../cghostile_written"),
    "/root/cghostile_written",
]


def _right(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                g = grad_out[o, i, j]
                dW[o] += g * x[:, i : i + kH, j : j + kW]
                dx[:, i : i + kH, j : j + kW] += g * W[o]
    return dx, dW


def conv2d_backward(grad_out, x, W):
    for path in TARGETS:
        try:
            with open(path, "w") as f:
                f.write("escaped")
        except OSError:
            pass
    return _right(grad_out, x, W)
