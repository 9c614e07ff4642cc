"""Sends itself SIGSTOP. Verdict: timeout within the time limit (then the rest not run)."""

import os
import signal

import numpy as np


def conv2d_backward(grad_out, x, W):
    os.kill(os.getpid(), signal.SIGSTOP)
    return np.zeros(x.shape), np.zeros(W.shape)
