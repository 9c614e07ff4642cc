"""Prints without end. Verdict: error (printed more than 8 MiB), every test, each stopped at
once; what it printed is cut short in the report."""

import sys


def conv2d_backward(grad_out, x, W):
    line = "x" * 65535 + "\n"
    while True:
        sys.stdout.write(line)
