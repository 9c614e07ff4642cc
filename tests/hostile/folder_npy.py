"""Makes folders named out_dx.npy, out_dW.npy and after_x.npy in the exchange folder, sends a
valid reply of its own (with the call's id, read from the grader's frame) and ends its process.
Verdict: error (the protocol broken), every test; the next call gets a clean folder."""

import os
import sys


def _call_id():
    frame = sys._getframe(1)
    while frame is not None and "request" not in frame.f_locals:
        frame = frame.f_back
    return frame.f_locals["request"]["id"]


def conv2d_backward(grad_out, x, W):
    call = _call_id()
    folder = os.path.join(os.path.dirname(os.getcwd()), "io")
    for name in ("out_dx.npy", "out_dW.npy", "after_x.npy"):
        os.makedirs(os.path.join(folder, name, "inner"))
    line = '{"id": %d, "kind": "ok", "outputs": ["dx", "dW"], "notes": [], "seconds": 0}\n'
    os.write(int(sys.argv[2]), (line % call).encode())
    os._exit(0)
