"""Makes folders named out_dx.npy and after_x.npy in the exchange folder, sends a valid-looking
reply of its own and ends its process. Verdict: error (the protocol broken), every test."""

import os
import sys


def conv2d_backward(grad_out, x, W):
    folder = os.path.join(os.path.dirname(os.getcwd()), "io")
    for name in ("out_dx.npy", "out_dW.npy", "after_x.npy"):
        os.makedirs(os.path.join(folder, name), exist_ok=True)
    fd = int(sys.argv[2])
    for call in range(1, 40):
        line = '{"id": %d, "kind": "ok", "outputs": ["dx", "dW"], "notes": [], "seconds": 0}\n'
        os.write(fd, (line % call).encode())
    os._exit(0)
