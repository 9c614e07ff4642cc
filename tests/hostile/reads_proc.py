"""Looks through /proc for the grader (its command line, environment, open files). Verdict
(with a PID namespace): pass, having seen nothing of it; with one it raises and says what it
saw."""

import os

import numpy as np


def _right(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    _, out_H, out_W = grad_out.shape
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                g = grad_out[o, i, j]
                dW[o] += g * x[:, i : i + kH, j : j + kW]
                dx[:, i : i + kH, j : j + kW] += g * W[o]
    return dx, dW


def _snoop():
    seen = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        for what in ("cmdline", "environ"):
            try:
                with open(f"/proc/{pid}/{what}", "rb") as f:
                    text = f.read()
            except OSError:
                continue
            if b"pytest" in text or b"convgrad grade" in text or b"CONVGRAD" in text:
                seen.append(f"{pid}/{what}")
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
            if len(fds) > 12:
                seen.append(f"{pid}/fd")
        except OSError:
            pass
    return seen


def conv2d_backward(grad_out, x, W):
    seen = _snoop()
    if seen:
        raise RuntimeError("saw the grader: " + ", ".join(seen[:5]))
    return _right(grad_out, x, W)
