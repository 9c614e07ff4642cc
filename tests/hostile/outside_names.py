"""Sends its own reply with the right names and the call's id (read from the grader's frame),
after linking out_dx.npy and out_dW.npy to a file elsewhere, and ends its process. Verdict: error
(the protocol broken: the links are never followed), every test. (Names such as "../x" are
refused by the schema: tests/test_sandbox.py checks that on the parser.)"""

import os
import sys

import numpy as np


def _call_id():
    frame = sys._getframe(1)
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    return frame.f_locals["request"]["id"]


def conv2d_backward(grad_out, x, W):
    call = _call_id()
    folder = os.path.join(os.path.dirname(os.getcwd()), "io")
    elsewhere = os.path.join(os.getcwd(), "dx.npy")
    np.save(elsewhere, np.zeros(x.shape))
    for name in ("out_dx.npy", "out_dW.npy"):
        os.symlink(elsewhere, os.path.join(folder, name))
    reply = {"id": call, "kind": "ok", "outputs": ["dx", "dW"], "notes": [], "seconds": 0}
    os.write(int(sys.argv[2]), (repr(reply).replace("'", '"') + "\n").encode())
    os._exit(0)
