"""Forges a reply whose time is a 400-digit integer (too big for a float). Verdict: error
(the protocol broken), never a grader crash."""

import os
import sys


def conv2d_backward(grad_out, x, W):
    f = sys._getframe(1)
    while "request" not in f.f_locals:
        f = f.f_back
    line = '{"id": %d, "kind": "exception", "message": "", "traceback": [], "seconds": 1%s}\n'
    os.write(int(sys.argv[2]), (line % (f.f_locals["request"]["id"], "0" * 400)).encode())
    os._exit(0)
