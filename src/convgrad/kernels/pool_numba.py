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

The backward (:func:`max_backward_2x2`) writes each block's four pixels in one go, ``dy`` at
the winning tap and ``+0`` elsewhere (a select: a NaN or infinite ``dy`` reaches only its
winner, as on NumPy's path), into the block's two rows of ``dx`` viewed one at a time, and zeroes
the row and column an odd size leaves outside the blocks; NumPy's path makes four multiplies into
strided views of ``dx``. Float32, 2 threads for NumPy (its shares of the batch), one for numba,
ms NumPy / numba, medians of 35, two rounds (a scratch script, 2026-12-01): (32, 32, 28, 28)
1.23, 1.16 / 0.38, 0.35; (32, 64, 14, 14) 0.59, 0.60 / 0.25, 0.25. An earlier version, four
selects a block through ``dx``'s four-dimensional indices, had measured slower (1.46 against
0.85 at (32, 32, 28, 28)). Inside the 28x28 CNN's training step, where ``dx`` goes to memory,
the max-pooling family took 4.12 to 4.16 ms a step against 4.42 and 4.54 (three rounds
alternating, ``python benchmarks/train_profile.py --model cnn --size 28 --threads 2``; the third
round of the earlier code, 6.25, fell on a busy moment).

Arrays laid out channels last (``(N, H, W, C)`` in memory: OpenVINO's results) take their
own pair of kernels, each block's four pixels being rows of ``C`` numbers: the loop along the
channels vectorises, where the C-order kernels' loop along a row reads every other number.
``y``, ``tap`` and ``dx`` keep the layout. Float32, one thread, ms C order / channels last, two
rounds (a scratch script, medians of 60): forward (32, 32, 28, 28) 0.88, 0.95 / 0.19, 0.20;
(32, 64, 14, 14) 0.61, 0.65 / 0.09, 0.09; (32, 128, 7, 7) 0.27 / 0.03; backward 1.42, 1.44 /
1.78, 1.70; 0.97, 0.79 / 1.16, 0.81; 0.45, 0.50 / 0.30, 0.34.

Not compiled, measured slower than NumPy's: other block sizes, a loop over the block's taps
inside each output (3x3 at (32, 32, 27, 27) 1.94 against NumPy's 0.86), and a loop per tap over
whole rows (2 to 3 times slower, as :mod:`convgrad.kernels.norm_numba` records): the
stride-``kW`` loads did not vectorise.

**Selects without branches.** x86 without AVX-512 has no conditional move for a float: LLVM
makes a select of two floats a branch, unless its condition is one compare of those two values
(then a ``maxss``, or a blend). On the AMD EPYC (AVX2) of 2026-12-01 the C-order kernels, whose
loop along a row is too short to vectorise (``ow``), were slower than NumPy's: noisy values
mispredict every other block (``(32, 32, 28, 28)`` forward 3.2 ms on normal values, 0.60 on
zeros). ``_best_unless_nan`` selects on one compare each and leaves blocks with a NaN to
``_best`` on a rarely taken branch; the backward kernels move ``dy`` as its bits under a mask
of the tap. Forward with taps and backward, float32, 2 threads, ms NumPy -> numba
(``python benchmarks/pool_numba_ab.py --threads 2``), before: (32, 32, 28, 28) 1.82 -> 3.52 and
1.80 -> 2.19, (32, 64, 14, 14) 1.02 -> 1.83 and 0.89 -> 1.15; after: 1.57 -> 0.76 and 1.42 ->
0.78, 0.72 -> 0.30 and 0.62 -> 0.35. The channels-last backward, vectorised but selecting,
went from 1.39 to 0.30 ms (a scratch script, (32, 32, 28, 28)); its forward (0.24) was already
blends.

The kernels run on the calling thread: like batch norm's, they read each number once.
numba is optional (``pip install "convgrad[fast]"``); this module imports it at the top, so it is
imported only through :mod:`convgrad.kernels.accel`.
"""

from __future__ import annotations

import numba
import numpy as np

from .. import _np


@numba.njit(inline="always")
def _best(a, b, c, d):
    # the maximum of a block's four pixels, in row-major order, and its tap: the first maximum,
    # or the last NaN (v != v)
    best, t = a, 0
    if b > best or b != b:
        best, t = b, 1
    if c > best or c != c:
        best, t = c, 2
    if d > best or d != d:
        best, t = d, 3
    return best, t


@numba.njit(inline="always")
def _best_unless_nan(a, b, c, d):
    # _best, each select on one compare of the two values it picks between: x86 without
    # AVX-512 makes such a select a maxss and a setcc, where a select on _best's two compares
    # (v > best or v != v) became a branch, mispredicted on every other block of noisy values
    # (the module docstring). A NaN among the four (their sum is NaN; so is inf - inf: _best
    # gives the same there) takes _best, on a branch that is rarely taken.
    if a + b + c + d != a + b + c + d:
        return _best(a, b, c, d)
    wins = b > a
    best = b if wins else a
    t = np.uint8(wins)
    wins = c > best
    best = c if wins else best
    t = np.uint8(2) if wins else t
    wins = d > best
    best = d if wins else best
    t = np.uint8(3) if wins else t
    return best, t


@numba.njit(nogil=True, cache=True)
def _max_taps_2x2(x, y, tap):
    # x (P, H, W) planes, y and tap (P, H // 2, W // 2)
    oh, ow = y.shape[1], y.shape[2]
    for p in range(x.shape[0]):
        for i in range(oh):
            out, won = y[p, i], tap[p, i]
            r0, r1 = x[p, 2 * i], x[p, 2 * i + 1]
            for j in range(ow):  # too few (ow) to vectorise: scalar, hence _best_unless_nan
                out[j], won[j] = _best_unless_nan(
                    r0[2 * j], r0[2 * j + 1], r1[2 * j], r1[2 * j + 1]
                )


@numba.njit(nogil=True, cache=True)
def _max_taps_2x2_last(x, y, tap):
    # _max_taps_2x2 for arrays laid out channels last: x (N, H, W, C), y and tap (N, H // 2,
    # W // 2, C); the loop along the channels vectorises, each block's four pixels rows of C
    n_images, oh, ow, channels = y.shape
    for n in range(n_images):
        for i in range(oh):
            for j in range(ow):
                a, b = x[n, 2 * i, 2 * j], x[n, 2 * i, 2 * j + 1]
                c, d = x[n, 2 * i + 1, 2 * j], x[n, 2 * i + 1, 2 * j + 1]
                out, won = y[n, i, j], tap[n, i, j]
                for k in range(channels):
                    out[k], won[k] = _best(a[k], b[k], c[k], d[k])


@numba.njit(nogil=True, cache=True)
def _max_backward_2x2_last(dy, tap, dx):
    # _max_backward_2x2 for arrays laid out channels last: dy, tap (N, oh, ow, C), dx (N, H, W,
    # C) with H in (2 oh, 2 oh + 1), W likewise; dy and dx as their bits (_bits)
    n_images, oh, ow, channels = dy.shape
    height, width = dx.shape[1], dx.shape[2]
    bits = dx.dtype.type
    zero = bits(0)
    for n in range(n_images):
        for i in range(oh):
            for j in range(ow):
                g, won = dy[n, i, j], tap[n, i, j]
                a, b = dx[n, 2 * i, 2 * j], dx[n, 2 * i, 2 * j + 1]
                c, d = dx[n, 2 * i + 1, 2 * j], dx[n, 2 * i + 1, 2 * j + 1]
                for k in range(channels):
                    gk, t = g[k], won[k]
                    a[k] = gk & -bits(t == 0)
                    b[k] = gk & -bits(t == 1)
                    c[k] = gk & -bits(t == 2)
                    d[k] = gk & -bits(t == 3)
            for r in range(2 * i, 2 * i + 2):
                for col in range(2 * ow, width):
                    dx[n, r, col, :] = zero
        for r in range(2 * oh, height):
            dx[n, r, :, :] = zero


def max_taps_2x2(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(y, tap)`` of ``x (N, C, H, W)`` over 2x2 blocks: the maxima and the winning taps
    (uint8), PyTorch's winners (the module docstring)."""
    out = (*x.shape[:2], x.shape[2] // 2, x.shape[3] // 2)
    if _np.is_channels_last(x):  # so are y and tap: the blocks' pixels are rows of channels
        y, tap = _np.empty_channels_last(out, x.dtype), _np.empty_channels_last(out, np.uint8)
        _max_taps_2x2_last(_np.channels_last(x), _np.channels_last(y), _np.channels_last(tap))
        return y, tap
    y = np.empty(out, x.dtype)
    tap = np.empty(out, np.uint8)
    planes = out[0] * out[1]  # not -1 in the shapes: a batch may be empty
    _max_taps_2x2(
        np.ascontiguousarray(x).reshape(planes, *x.shape[2:]),
        y.reshape(planes, *out[2:]),
        tap.reshape(planes, *out[2:]),
    )
    return y, tap


@numba.njit(nogil=True, cache=True)
def _max_backward_2x2(dy, tap, dx):
    # dy, tap (P, oh, ow); dx (P, H, W) with H in (2 oh, 2 oh + 1), W likewise; dy and dx as
    # their bits (_bits): each pixel is dy's bits under a mask of its tap, where a select of
    # dy or 0.0 became a branch on x86 without AVX-512 (the module docstring)
    oh, ow = dy.shape[1], dy.shape[2]
    height, width = dx.shape[1], dx.shape[2]
    bits = dx.dtype.type
    zero = bits(0)
    for p in range(dy.shape[0]):
        for i in range(oh):
            g, won = dy[p, i], tap[p, i]
            r0, r1 = dx[p, 2 * i], dx[p, 2 * i + 1]
            for j in range(ow):
                gj, t = g[j], won[j]
                r0[2 * j] = gj & -bits(t == 0)
                r0[2 * j + 1] = gj & -bits(t == 1)
                r1[2 * j] = gj & -bits(t == 2)
                r1[2 * j + 1] = gj & -bits(t == 3)
            for c in range(2 * ow, width):
                r0[c] = zero
                r1[c] = zero
        for r in range(2 * oh, height):
            row = dx[p, r]
            for c in range(width):
                row[c] = zero


def max_backward_2x2(dy: np.ndarray, tap: np.ndarray, x_shape: tuple[int, ...]) -> np.ndarray:
    """``dx`` shaped ``x_shape (N, C, H, W)`` of max pooling over 2x2 blocks: each ``dy`` value
    on its block's winning tap (``tap``, as :func:`max_taps_2x2` gives it), zero elsewhere;
    laid out as ``tap``, and so as the forward's ``x``. A ``dy`` in the other layout is copied
    to the tap's: it is a quarter of ``dx``, and what comes before the pooling (batch norm's
    backward, a convolution's) reads ``dx`` beside arrays it saved in the forward's layout (a
    ``Flatten`` after the pooling gives back a C-order ``dy``)."""
    if _np.is_channels_last(tap) and not _np.is_channels_last(dy):
        dy = _np.as_channels_last(dy)
    if _np.is_channels_last(dy) and _np.is_channels_last(tap):  # dx too
        dx = _np.empty_channels_last(x_shape, dy.dtype)
        _max_backward_2x2_last(
            _bits(_np.channels_last(dy)), _np.channels_last(tap), _bits(_np.channels_last(dx))
        )
        return dx
    out = dy.shape[2:]
    planes = dy.shape[0] * dy.shape[1]
    dx = np.empty(x_shape, dy.dtype)
    _max_backward_2x2(
        _bits(np.ascontiguousarray(dy).reshape(planes, *out)),
        np.ascontiguousarray(tap).reshape(planes, *out),
        _bits(dx.reshape(planes, *x_shape[2:])),
    )
    return dx


def _bits(a: np.ndarray) -> np.ndarray:
    """``a`` (float32 or float64, its last axis contiguous) viewed as the signed integers of
    its size: the backward kernels move gradients as bits."""
    return a.view(np.int32 if a.itemsize == 4 else np.int64)
