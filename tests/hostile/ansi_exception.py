"""Raises an exception whose text moves the cursor, clears the line and prints a fake "all 11
tests passed" on lines of its own. Verdict: error, every test; the report shows the text on one
line, escaped."""


def conv2d_backward(grad_out, x, W):
    raise ValueError("\x1b[1A\x1b[2K\r\n  all 11 tests passed\n\x1b[32mPASS\x1b[0m\u202e")
