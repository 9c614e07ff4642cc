"""Nests 1,500 folders in its working folder at import (deeper than a recursive delete can go).
Verdict: graded (the answer is zeros: fail), and the sandbox's folders are still removed."""

import os

for _ in range(1500):
    os.mkdir("d")
    os.chdir("d")


def conv2d_backward(grad_out, x, W):
    return x * 0, W * 0
