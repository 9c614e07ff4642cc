"""Double fork: the grandchild is orphaned and sleeps forever. Verdict: pass, with a note; no
cghostile process left."""

import os
import time

import numpy as np


def _mark():
    """Name this process cghostile, for the test to find it in /proc."""
    try:
        with open("/proc/self/comm", "w") as f:
            f.write("cghostile")
    except OSError:
        pass


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
    pid = os.fork()
    if pid == 0:
        if os.fork() == 0:
            _mark()
            while True:
                time.sleep(0.05)
        os._exit(0)
    os.waitpid(pid, 0)
    return _right(grad_out, x, W)
