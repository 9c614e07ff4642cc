"""Raises its own address-space limit, then allocates 800 MB. Verdict under --memory 256:
memory, every test."""

import resource

import numpy as np


def conv2d_backward(grad_out, x, W):
    for limit in (resource.RLIMIT_AS, resource.RLIMIT_DATA):
        try:
            resource.setrlimit(limit, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        except (ValueError, OSError):
            pass
    scratch = np.ones(100_000_000)  # 800 MB
    return np.zeros(x.shape) + scratch[0] * 0, np.zeros(W.shape)
