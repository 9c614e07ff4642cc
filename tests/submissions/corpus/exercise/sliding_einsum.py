# expect: pass
from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_backward(grad_out: np.ndarray, x: np.ndarray, W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    g = np.asarray(grad_out, dtype=np.float64)
    *_, kh, kw = W.shape
    # patches[c, i, j, u, v] = x[c, i + u, j + v]
    patches = sliding_window_view(x, (kh, kw), axis=(1, 2))
    dW = np.einsum("oij,cijuv->ocuv", g, patches)
    # dx: pad g by the kernel size less one and correlate with the flipped kernel
    g_full = np.pad(g, ((0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    g_windows = sliding_window_view(g_full, (kh, kw), axis=(1, 2))
    dx = np.einsum("opquv,ocuv->cpq", g_windows, W[:, :, ::-1, ::-1])
    return dx, dW
