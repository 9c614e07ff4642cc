"""Claims outputs with names that point outside the exchange folder, and links out_dx.npy to a
file elsewhere, then ends its process. Verdict: error (the protocol broken), every test."""

import os
import sys

import numpy as np


def conv2d_backward(grad_out, x, W):
    folder = os.path.join(os.path.dirname(os.getcwd()), "io")
    np.save("/tmp/cghostile_dx.npy", np.zeros(x.shape))
    for name in ("out_dx.npy", "out_dW.npy"):
        try:
            os.symlink("/tmp/cghostile_dx.npy", os.path.join(folder, name))
        except OSError:
            pass
    fd = int(sys.argv[2])
    reply = b'{"id": ID, "kind": "ok", "outputs": ["../../../etc/passwd", "dW"], "notes": [], '
    for call in range(1, 40):
        os.write(fd, reply.replace(b"ID", str(call).encode()) + b'"seconds": 0}\n')
    os._exit(0)
