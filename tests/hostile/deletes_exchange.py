"""Deletes the exchange folder (or all it can of it) during the call. Verdict: error, every
test (and the grader makes the folder anew for each call)."""

import os
import shutil

import numpy as np


def conv2d_backward(grad_out, x, W):
    folder = os.path.join(os.path.dirname(os.getcwd()), "io")
    shutil.rmtree(folder, ignore_errors=True)
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        os.unlink(os.path.join(folder, name))
    return np.zeros(x.shape), np.zeros(W.shape)
