"""Deletes the exchange folder (or all it can of it) during the call, and answers zeros.
Verdict: fail (or error, where its deletion breaks the reply), never a grader crash; each call
gets a fresh folder."""

import os
import shutil

import numpy as np


def conv2d_backward(grad_out, x, W):
    folder = os.path.join(os.path.dirname(os.getcwd()), "io")
    shutil.rmtree(folder, ignore_errors=True)
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        os.unlink(os.path.join(folder, name))
    return np.zeros(x.shape), np.zeros(W.shape)
