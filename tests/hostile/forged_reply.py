"""Writes its own lines into the grader's reply channel: garbage, an extra key, a second reply.
Verdict: error (the protocol broken), every test; never a pass, never a grader crash."""

import json
import os
import sys

import numpy as np


def conv2d_backward(grad_out, x, W):
    fd = int(sys.argv[2])
    os.write(fd, b'{"id": 1, "kind": "ok", "outputs": ["dx", "dW"], "notes": [], "seconds": 0}\n')
    os.write(fd, json.dumps({"id": 1, "kind": "ok", "dx": "all passed"}).encode() + b"\n")
    os.write(fd, b"not json at all\n")
    return np.zeros(x.shape), np.zeros(W.shape)
