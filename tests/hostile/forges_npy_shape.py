"""Writes .npy files whose header declares the shape (0, 2**62, 2**62): no elements, and a
shape no array can have. Verdict: error (the protocol broken), never a grader crash."""

import os
import sys


def conv2d_backward(grad_out, x, W):
    f = sys._getframe(1)
    while "request" not in f.f_locals:
        f = f.f_back
    h = "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 2**62, 2**62), }"
    h = h.replace("2**62", str(2**62)).ljust(117) + "\n"
    for name in ("out_dx.npy", "out_dW.npy"):
        with open(os.path.join("..", "io", name), "wb") as out:
            out.write(b"\x93NUMPY\x01\x00" + len(h).to_bytes(2, "little") + h.encode())
    line = '{"id": %d, "kind": "ok", "outputs": ["dx", "dW"], "notes": [], "seconds": 0}\n'
    os.write(int(sys.argv[2]), (line % f.f_locals["request"]["id"]).encode())
    os._exit(0)
