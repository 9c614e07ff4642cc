"""Max pooling over non-overlapping 2x2 blocks, forward, compiled with numba.

The same function as :func:`convgrad._blockpool.max_taps` and ``max_forward`` (NumPy's, which
stay the default and the oracle) for ``kernel == stride == 2`` with nothing padded: output
``(i, j)`` is the maximum of the block whose top-left input pixel is ``(2i, 2j)``, and ``tap`` its
winner ``a * 2 + b``, PyTorch's: the first maximum in the block's row-major order, or the last NaN
where the block holds one (NaN compares false, so ``v > best or v != v`` takes each NaN and keeps
the last; NumPy's path leaves such taps to the general path, which picks the same). A block of
``-inf`` only wins at its first pixel.

Each output's block is read in one go, its four taps unrolled, where NumPy's path copies the
blocks taps first and makes 3 maxima and 11 one-byte passes over them. Forward with taps
(``max_pool2d_saving``), float32, one thread, ms NumPy / numba, medians of 41 alternating with
PyTorch's forward + backward (``python benchmarks/pool_numba_ab.py``): (32, 32, 28, 28) 0.86 /
0.40, (32, 64, 14, 14) 0.54 / 0.33, (32, 128, 7, 7) 0.34 / 0.23, (32, 32, 8, 8) 0.150 / 0.060,
(32, 64, 4, 4) 0.118 / 0.079, (16, 64, 56, 56) 3.59 / 0.89.

Not compiled, measured slower than NumPy's:

- other block sizes: a loop over the block's taps inside each output (3x3 at (32, 32, 27, 27)
  1.94 against NumPy's 0.86), and a loop per tap over whole rows (2 to 3 times slower, as
  :mod:`convgrad.kernels.norm_numba` records): the stride-``kW`` loads did not vectorise;
- the backward, four selects a block (1.46 against NumPy's 0.85 at (32, 32, 28, 28), 0.83 /
  0.50 at (32, 64, 14, 14)): NumPy's multiplies into the strided views of ``dx`` stay.

The kernel runs on the calling thread: like batch norm's, it reads each number once.
numba is optional (``pip install "convgrad[fast]"``); this module imports it at the top, so it is
imported only through :mod:`convgrad.kernels.accel`.
"""

from __future__ import annotations

import numba
import numpy as np


@numba.njit(nogil=True, cache=True)
def _max_taps_2x2(x, y, tap):
    # x (P, H, W) planes, y and tap (P, H // 2, W // 2)
    oh, ow = y.shape[1], y.shape[2]
    for p in range(x.shape[0]):
        for i in range(oh):
            out, won = y[p, i], tap[p, i]
            r0, r1 = x[p, 2 * i], x[p, 2 * i + 1]
            for j in range(ow):
                best, t = r0[2 * j], 0
                v = r0[2 * j + 1]
                if v > best or v != v:
                    best, t = v, 1
                v = r1[2 * j]
                if v > best or v != v:
                    best, t = v, 2
                v = r1[2 * j + 1]
                if v > best or v != v:
                    best, t = v, 3
                out[j], won[j] = best, t


def max_taps_2x2(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(y, tap)`` of ``x (N, C, H, W)`` over 2x2 blocks: the maxima and the winning taps
    (uint8), PyTorch's winners (the module docstring)."""
    out = (*x.shape[:2], x.shape[2] // 2, x.shape[3] // 2)
    y = np.empty(out, x.dtype)
    tap = np.empty(out, np.uint8)
    planes = out[0] * out[1]  # not -1 in the shapes: a batch may be empty
    _max_taps_2x2(
        np.ascontiguousarray(x).reshape(planes, *x.shape[2:]),
        y.reshape(planes, *out[2:]),
        tap.reshape(planes, *out[2:]),
    )
    return y, tap
