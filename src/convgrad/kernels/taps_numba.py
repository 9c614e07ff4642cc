"""The taps strategy compiled with numba: grouped and depthwise convolutions as direct loops.

The same function as :mod:`convgrad.kernels.taps` (which stays the default and the oracle), for
any number of input channels per group. With ``G`` groups, ``Cg = C_in / G`` and
``Og = C_out / G`` channels per group, and ``xp`` the padded input,

    y[n, g*Og + o, p] = sum_{c, t} w[g*Og + o, c, t] * xp[n, g*Cg + c, p*s + t*d]

and, from it,

- ``dxp[n, g*Cg + c, p*s + t*d] += sum_o w[g*Og + o, c, t] * dy[n, g*Og + o, p]`` (the
  transposed convolution), of which ``dx`` is the interior (with zero padding; other padding
  modes are padded and folded back with NumPy);
- ``dw[g*Og + o, c, t] = sum_{n, p} dy[n, g*Og + o, p] * xp[n, g*Cg + c, p*s + t*d]``.

The kernels pad with zeros themselves: each job copies its input planes into a buffer whose
border stays zero (and ``dx`` copies out the interior of its buffer), so no padded copy of the
batch is made or folded.

Each kernel runs over independent jobs: the forward and ``dx`` over (image, group) pairs, each
writing its own planes; ``dw`` over (group, input channel) pairs, each summing over the whole batch
into the taps of its group's output channels, an input plane loaded once for all of them. The jobs
are shared among convgrad's threads (:mod:`convgrad.kernels.parallel`), not numba's: the kernels
release the GIL, and convgrad's threads limit the BLAS to one thread while they run. numba's own
threads (OpenMP) fought the BLAS's spinning workers: one forward of 512 channels at 14x14 took 0.8
ms alone on 2 numba threads and 12 ms right after a BLAS product; on convgrad's threads, 1.0 and
1.2.

Inside a job the loops run over a block of output rows at a time, as one flat run of the padded
plane (the positions between rows computed and dropped), every tap added while the block is in
cache. Taps go by nines (a 3x3 kernel in one pass), then threes, then ones; ``dx``'s scatter
``dxp[base + off_t + j] += w_t * dy[j]`` runs as a gather over a copy of the block's ``dy`` with
zero margins, so that it too adds nine taps a pass. The innermost loop runs along the last
dimension, contiguous, which LLVM vectorises: a strided layer's planes are split into their phases,
which every tap reads at stride 1 (``_phase_offsets`` and the comment above it). ``dw`` sums each
block's products in the inputs' dtype and adds the block sums in float64. The zeros between rows
(and in ``dx``'s margins) meet the weights in ``dx`` and the input in ``dw``: where those hold a
NaN or an infinity, ``0 * inf`` would be NaN, so ``dx`` then scatters row by row (over the padded
planes, strided rows at a stride) and ``dw`` takes that plane row by row.

Every spatial rank runs as 3-D: 1-D and 2-D arrays get leading dimensions of size 1. 2-D layers
at stride 1 whose output keeps the input's narrow width (3x3 with padding 1 on planes up to
20 wide) run the flat kernels instead: unpadded planes laid flat, one copy per kernel column
(``_forward_flat`` and its comment).

Only the reassociation and contraction fast-math flags are on (for the vectorised row sums and
fused multiply-adds), never ``nnan``/``ninf``: a NaN in ``x`` reaches exactly the outputs whose
windows read it, as in NumPy's kernels.

numba is optional (``pip install "convgrad[fast]"``); this module imports it at the top, so it is
imported only through :mod:`convgrad.kernels.accel`, which falls back to NumPy when it cannot.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numba
import numpy as np

from .. import _np
from .._args import ConvSpec
from . import parallel as _parallel

_FLAGS = {"reassoc", "contract"}
# Output rows per block when the last two strides are 1: a block is one flat run of about this
# many padded positions (the rows and the columns between them), long enough for the vectorised
# loops to pay for their start on small images (14 x 14), small enough to stay in the L1 cache.
# forward + dx + dw of depthwise layers, float32, batch 8, CPU ms on 1 thread, for 1 (a row at a
# time) / 256 / 1024 / 2048 / 4096 / 16384 (``python benchmarks/numba_block_sweep.py``): 32
# channels 3x3 at 112x112 10.7 / 9.4 / 9.2 / 9.5 / 11.0 / 13.6; 512 channels 3x3 at 14x14 11.9 /
# 4.0 / 4.2 / 4.0 / 4.2 / 3.7; 96 channels 5x5 at 28x28 10.3 / 4.7 / 4.3 / 4.0 / 4.3 / 4.0.
# The value is compiled in: changing it needs a fresh cache (NUMBA_CACHE_DIR).
BLOCK_POSITIONS = 2048
# Multiply-adds in a call from which its jobs are shared among convgrad's threads. Inside a
# network, splitting pays from the smallest layers up: a MobileNet-v1-style training step (batch
# 16 of 64x64 images, depthwise layers of 0.6 M to 4.7 M multiply-adds a pass, each after a
# pointwise layer's BLAS products), 2 threads, medians of 9 rounds alternating in one process
# (``python benchmarks/numba_split_ab.py --rounds 9``), ms no split / split from this value /
# every call split: 78.8 / 65.6 / 64.1 and 80.4 / 66.7 / 65.5 (0.83 and 0.81). Alone, a call
# split after a 2-thread BLAS product (whose worker spins) measured slower below about 8 M
# (depthwise 3x3 forward + backward, float32, medians of 21, ms one thread / split: (8, 16, 14,
# 14) 0.2 M multiply-adds 0.54 / 1.0; (8, 32, 28, 28) 1.8 M 1.27 / 1.60; (32, 32, 28, 28) 7.2 M
# 4.3 / 4.9) and faster above (8, 32, 112, 112) 29 M 14.3 / 8 to 11. Calls below 0.5 M, where
# waking a thread (0.1 to 0.2 ms) is most of the work, stay on one thread.
SPLIT_WORK = 1 << 19
# The widest rows, and kernel rows, that the flat kernels (rows as wide as the input, below)
# take; wider ones copy and store their padded planes row by row. Forward + dx + dw, float32,
# batch 8, depthwise unless said, 3x3, one thread, ms padded planes / flat, medians of 31
# alternating (``python benchmarks/flat_rows_ab.py``): 7x7 (1024 channels) 3.25 / 2.95, 8x8
# (batch 32) 0.42 / 0.37, 14x14 (512) 3.34 / 2.71, 14x14 with 8 channels a group 9.53 / 6.90,
# 16x16 0.78 / 0.76, 20x20 0.91 / 0.79, 28x28 4.74 / 4.81, 56x56 4.54 / 4.84, 112x112 9.17 /
# 10.40; 5x5 at 14x14 2.82 / 2.84 and at 28x28 3.96 / 4.39 (a copy of the plane for each
# kernel column, where the padded planes make one).
FLAT_MAX_WIDTH = 20
FLAT_MAX_KERNEL = 3
# The longest slot (a plane and its zeros) that the flat forward and dx lay end to end with the
# next images' (compiled in). Forward + dx + dw, float32, depthwise 3x3, one thread, ms one image
# a pass / runs of images (a scratch A/B of the two versions, medians of 31): 7x7 (slots of 65,
# 1024 channels) 2.97 / 2.44 and 4.04 / 3.31, 8x8 batch 32 0.42 / 0.34, batch 64 1.53 / 1.29;
# 14x14 (226) 2.80 / 2.93 and 3.22 / 3.41, 16x16 0.78 / 0.85, 20x20 0.80 / 0.86. dw stays one
# image a pass (runs of dy copied into slots: 0.9 to 1.1 times the time).
FLAT_RUN_SLOT = 128


@numba.njit(inline="always")
def _axpy(acc, weight, src):
    """``acc += weight * src`` over 1-D arrays of one length."""
    for j in range(acc.shape[0]):
        acc[j] += weight * src[j]


@numba.njit(inline="always")
def _copy(target, source):
    """``target[:] = source`` over 1-D arrays of one length, as a loop: numba's slice assignment
    goes through its general n-d iterator and costs 5 times as much (4096 x 3 copies of 196
    numbers: 0.73 ms, as a loop 0.14), which was most of a small plane's time."""
    for j in range(target.shape[0]):
        target[j] = source[j]


@numba.njit(inline="always")
def _zero(target):
    """``target[:] = 0`` over a 1-D array, as a loop (see :func:`_copy`)."""
    for j in range(target.shape[0]):
        target[j] = 0


@numba.njit(inline="always")
def _dot(a, b, zero):
    """``sum(a * b)`` over 1-D arrays of one length, in the arrays' dtype."""
    total = zero
    for j in range(a.shape[0]):
        total += a[j] * b[j]
    return total


# Fused taps. ``offsets[t]`` is where tap ``t`` reads in a flat source, relative to a block's
# start; ``weights[t]`` its weight. Nine taps (a 3x3 kernel) are one pass over the block, so the
# accumulator is loaded and stored once for nine multiply-adds instead of once for each; longer
# kernels go by nines, then threes, then ones.


@numba.njit(inline="always")
def _sum9(acc, src, base, offsets, weights, t):
    # slices first: an index known not to be negative keeps the loop free of wraparound checks,
    # which stop LLVM from vectorising it
    m = acc.shape[0]
    w0, w1, w2, w3, w4 = weights[t], weights[t + 1], weights[t + 2], weights[t + 3], weights[t + 4]
    w5, w6, w7, w8 = weights[t + 5], weights[t + 6], weights[t + 7], weights[t + 8]
    s0 = src[base + offsets[t] :][:m]
    s1 = src[base + offsets[t + 1] :][:m]
    s2 = src[base + offsets[t + 2] :][:m]
    s3 = src[base + offsets[t + 3] :][:m]
    s4 = src[base + offsets[t + 4] :][:m]
    s5 = src[base + offsets[t + 5] :][:m]
    s6 = src[base + offsets[t + 6] :][:m]
    s7 = src[base + offsets[t + 7] :][:m]
    s8 = src[base + offsets[t + 8] :][:m]
    for j in range(m):
        acc[j] += (
            w0 * s0[j] + w1 * s1[j] + w2 * s2[j] + w3 * s3[j] + w4 * s4[j]
            + w5 * s5[j] + w6 * s6[j] + w7 * s7[j] + w8 * s8[j]
        )  # fmt: skip


@numba.njit(inline="always")
def _sum3(acc, src, base, offsets, weights, t):
    m = acc.shape[0]
    w0, w1, w2 = weights[t], weights[t + 1], weights[t + 2]
    s0 = src[base + offsets[t] :][:m]
    s1 = src[base + offsets[t + 1] :][:m]
    s2 = src[base + offsets[t + 2] :][:m]
    for j in range(m):
        acc[j] += w0 * s0[j] + w1 * s1[j] + w2 * s2[j]


@numba.njit(inline="always")
def _sum1(acc, src, base, offsets, weights, t):
    _axpy(acc, weights[t], src[base + offsets[t] :][: acc.shape[0]])


@numba.njit(inline="always")
def _add_taps(acc, src, base, offsets, weights):
    """``acc[j] += sum_t weights[t] * src[base + offsets[t] + j]``."""
    t, count = 0, offsets.shape[0]
    while t + 9 <= count:
        _sum9(acc, src, base, offsets, weights, t)
        t += 9
    while t + 3 <= count:
        _sum3(acc, src, base, offsets, weights, t)
        t += 3
    while t < count:
        _sum1(acc, src, base, offsets, weights, t)
        t += 1


@numba.njit(inline="always")
def _dots3(sums, grad, src, base, offsets, t, zero):
    m = grad.shape[0]
    a0 = src[base + offsets[t] :][:m]
    a1 = src[base + offsets[t + 1] :][:m]
    a2 = src[base + offsets[t + 2] :][:m]
    s0, s1, s2 = zero, zero, zero
    for j in range(m):
        g = grad[j]
        s0 += g * a0[j]
        s1 += g * a1[j]
        s2 += g * a2[j]
    sums[t] += s0
    sums[t + 1] += s1
    sums[t + 2] += s2


@numba.njit(inline="always")
def _dot_taps(sums, grad, src, base, offsets, zero):
    """``sums[t] += sum_j grad[j] * src[base + offsets[t] + j]`` (each sum in the arrays' dtype,
    added to ``sums``, which is float64)."""
    t, count = 0, offsets.shape[0]
    while t + 3 <= count:
        _dots3(sums, grad, src, base, offsets, t, zero)
        t += 3
    while t < count:
        sums[t] += _dot(grad, src[base + offsets[t] : base + offsets[t] + grad.shape[0]], zero)
        t += 1


@numba.njit(inline="always")
def _groups(c_in, weights):
    """``(Cg, groups, Og)`` of a convolution with ``c_in`` input channels and ``weights``
    ``(C_out, Cg, ...)``."""
    cg = weights.shape[1]
    groups = c_in // cg
    return cg, groups, weights.shape[0] // groups


@numba.njit(inline="always")
def _rows(oh, pw, stride, flat):
    """Output rows per block: a flat run when allowed and the last two strides are 1, else one."""
    if flat and stride[1] == 1 and stride[2] == 1:
        return max(1, min(oh, BLOCK_POSITIONS // pw))
    return 1


@numba.njit(inline="always")
def _start(z, i, lo, padded):
    """Where row ``(z, i)`` of the unpadded plane starts in the flat padded plane."""
    return ((z + lo[0]) * padded[1] + i + lo[1]) * padded[2] + lo[2]


@numba.njit(inline="always")
def _finite(a, zero):
    """Whether every value of the 1-D ``a`` is finite."""
    check = zero
    for j in range(a.shape[0]):
        check += a[j] * zero  # NaN once any value is NaN or infinite
    return check == zero


@numba.njit(inline="always")
def _store(target, plane, lo, padded):
    """Copy the interior of the flat ``plane`` into ``target (D, H, W)``."""
    for z in range(target.shape[0]):
        for i in range(target.shape[1]):
            start = _start(z, i, lo, padded)
            _copy(target[z, i], plane[start : start + target.shape[2]])


@numba.njit(inline="always")
def _offsets(cg, kernel, dilation, padded, plane_size):
    """Where each tap ``(c, a, b, e)`` (``w[o]``'s order) reads in ``cg`` flat planes laid end
    to end, relative to a window's first position."""
    kd, kh, kw = kernel
    ph, pw = padded[1], padded[2]
    offsets = np.empty(cg * kd * kh * kw, dtype=np.int64)
    t = 0
    for c in range(cg):
        for a in range(kd):
            for b in range(kh):
                for e in range(kw):
                    offsets[t] = c * plane_size + ((a * dilation[0] * ph) + b * dilation[1]) * pw
                    offsets[t] += e * dilation[2]
                    t += 1
    return offsets


# Strides as phases. The padded plane is split into its ``sh * sw`` phases, ``(r, c)`` holding
# the padded positions ``(r + sh * i, c + sw * j)``, each a plane of ``QH x QW`` (``ceil(PH /
# sh)`` rows of ``ceil(PW / sw)``; the depth is not split), laid end to end. Tap ``(a, b, e)``
# of output ``(z, i, j)`` reads the padded position ``(z*sd + a*dd, i*sh + b*dh, j*sw + e*dw)``,
# which is position ``(z*sd + a*dd, i + (b*dh) // sh, j + (e*dw) // sw)`` of phase ``((b*dh) %
# sh, (e*dw) % sw)``: every tap reads its phase at stride 1 along the rows, so the flat runs of
# a block of rows serve strided layers too (with ``sh = sw = 1`` there is one phase, the padded
# plane itself). The phases' columns past a row's outputs are read between rows and dropped, as
# the padded plane's are. Before, a strided layer ran one strided row a tap. Forward + dx + dw,
# float32, batch 8, 3x3 depthwise at stride 2 unless said, one thread, ms strided rows / phases,
# medians of 31 alternating (a scratch A/B of the two modules; BENCHMARKS.md): 32 channels at
# 112x112 13.76 / 8.66, 64 at 56x56 6.73 / 4.47, 128 at 28x28 4.17 / 3.28, 256 at 14x14 2.84 /
# 2.65, 512 at 14x14 5.66 / 5.34, 5x5 128 at 28x28 10.04 / 3.85, 8 channels a group 256 at
# 28x28 60.1 / 26.2, 1-D 64 x 4096 5.35 / 3.70, 3-D 16 at 16x32x32 3.40 / 2.02; at stride 1 the
# same within 1 %.


@numba.njit(inline="always")
def _phase_shape(padded, stride):
    """``(QH, QW)``: the rows and columns of a phase plane."""
    return (padded[1] + stride[1] - 1) // stride[1], (padded[2] + stride[2] - 1) // stride[2]


@numba.njit(inline="always")
def _phase_size(padded, stride):
    """The numbers in one phase plane."""
    qh, qw = _phase_shape(padded, stride)
    return padded[0] * qh * qw


@numba.njit(inline="always")
def _phase_row(lo, stride, qh, qw, size, z, i):
    """Where row ``(z, i)`` of the unpadded plane starts in the phases laid end to end (its
    first column's phase; the columns' phases follow, ``size`` apart)."""
    padded_row = i + lo[1]
    if stride[1] == 1:  # no division on the rows of stride-1 layers
        return ((z + lo[0]) * qh + padded_row) * qw
    phase = (padded_row % stride[1]) * stride[2]
    return phase * size + ((z + lo[0]) * qh + padded_row // stride[1]) * qw


@numba.njit(inline="always")
def _load_phases(planes, source, lo, padded, stride):
    """Copy ``source (D, H, W)`` into the phases of its padded plane, laid end to end in the
    flat ``planes``, whose other positions stay as they are (zeros)."""
    sw, width = stride[2], source.shape[2]
    qh, qw = _phase_shape(padded, stride)
    size = padded[0] * qh * qw
    for z in range(source.shape[0]):
        for i in range(source.shape[1]):
            start = _phase_row(lo, stride, qh, qw, size, z, i)
            row = source[z, i]
            if sw == 1:  # one phase along the rows: a contiguous copy
                _copy(planes[start + lo[2] : start + lo[2] + width], row)
                continue
            for c in range(sw):
                first = (c - lo[2]) % sw  # the first column of the row in phase c
                if first >= width:
                    continue
                target = planes[start + c * size + (first + lo[2]) // sw :]
                for k in range((width - first + sw - 1) // sw):
                    target[k] = row[first + k * sw]


@numba.njit(inline="always")
def _store_phases(target, planes, lo, padded, stride):
    """Copy the interior of the phases in ``planes`` into ``target (D, H, W)``."""
    sw, width = stride[2], target.shape[2]
    qh, qw = _phase_shape(padded, stride)
    size = padded[0] * qh * qw
    for z in range(target.shape[0]):
        for i in range(target.shape[1]):
            start = _phase_row(lo, stride, qh, qw, size, z, i)
            row = target[z, i]
            if sw == 1:
                _copy(row, planes[start + lo[2] : start + lo[2] + width])
                continue
            for c in range(sw):
                first = (c - lo[2]) % sw
                if first >= width:
                    continue
                source = planes[start + c * size + (first + lo[2]) // sw :]
                for k in range((width - first + sw - 1) // sw):
                    row[first + k * sw] = source[k]


@numba.njit(inline="always")
def _phase_offsets(cg, kernel, dilation, padded, stride):
    """Where each tap ``(c, a, b, e)`` (``w[o]``'s order) reads in ``cg`` channels' phases laid
    end to end, relative to an output's position in its phase plane."""
    kd, kh, kw = kernel
    sh, sw = stride[1], stride[2]
    qh, qw = _phase_shape(padded, stride)
    size = padded[0] * qh * qw
    offsets = np.empty(cg * kd * kh * kw, dtype=np.int64)
    t = 0
    for c in range(cg):
        for a in range(kd):
            for b in range(kh):
                for e in range(kw):
                    down, across = b * dilation[1], e * dilation[2]
                    phase = (down % sh) * sw + across % sw
                    offsets[t] = (c * sh * sw + phase) * size + across // sw
                    offsets[t] += (a * dilation[0] * qh + down // sh) * qw
                    t += 1
    return offsets


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _forward(x, w, y, lo, padded, stride, dilation, first_job, last_job):
    # x (N, C_in, D, H, W), w (C_out, Cg, KD, KH, KW), y (N, C_out, OD, OH, OW); jobs are
    # (image, group) pairs, n * groups + g; the planes are split into phases (above)
    cg, groups, og = _groups(x.shape[1], w)
    od, oh, ow = y.shape[2], y.shape[3], y.shape[4]
    qh, qw = _phase_shape(padded, stride)
    plane = stride[1] * stride[2] * _phase_size(padded, stride)  # one channel's phases
    rows = _rows(oh, qw, (1, 1, 1), True)  # the block's positions between rows are dropped
    offsets = _phase_offsets(cg, w.shape[2:], dilation, padded, stride)
    planes = np.zeros(cg * plane, dtype=y.dtype)  # the group's phases end to end; borders zero
    buffer = np.empty((rows - 1) * qw + ow, dtype=y.dtype)
    for job in range(first_job, last_job):
        n = job // groups
        g = job % groups
        for c in range(cg):
            _load_phases(planes[c * plane : (c + 1) * plane], x[n, g * cg + c], lo, padded, stride)
        for o in range(g * og, (g + 1) * og):
            weights = w[o].ravel()
            for z in range(od):
                for i0 in range(0, oh, rows):
                    count = min(rows, oh - i0)
                    acc = buffer[: (count - 1) * qw + ow]  # count rows at their phase places
                    _zero(acc)
                    _add_taps(acc, planes, (z * stride[0] * qh + i0) * qw, offsets, weights)
                    for r in range(count):
                        _copy(y[n, o, z, i0 + r], acc[r * qw : r * qw + ow])


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _input_grad(dy, w, dx, lo, padded, stride, dilation, flat, first_job, last_job):
    # dy (N, C_out, OD, OH, OW), w (C_out, Cg, KD, KH, KW), dx (N, C_in, D, H, W): the interior
    # of each padded plane's gradient; jobs are (image, group) pairs.
    # With unit strides along the rows, the scatter dxp[base + off_t + j] += w_t * grad[j] is
    # run as a gather, dxp[base + q] += sum_t w_t * grad[q - off_t] over q < n + M (M the
    # largest offset), from a copy of the block's dy with M zeros on either side. The gather
    # runs one depth tap at a time (its kernel plane's taps, from base + a * dilation * plane):
    # with every tap in one gather, M would span kernel depth planes of zeros, swept at every
    # block (3x3x3 at 112x112: 14.5 times the positions of the scatter; one depth at a time 1.1).
    # Where a block is one row (rows wider than BLOCK_POSITIONS / 2, or a row stride), it runs
    # one kernel row at a time for the same reason: a kernel plane's margin of kernel-height
    # rows would be swept for every output row (3x3 on rows of 1024 or more: 3 times).
    cg, groups, og = _groups(dx.shape[1], w)
    od, oh, ow = dy.shape[2], dy.shape[3], dy.shape[4]
    ph, pw = padded[1], padded[2]
    size = padded[0] * ph * pw
    sd, sh, sw = stride
    rows = _rows(oh, pw, stride, flat)  # flat: w is finite, so the zeros of grad add 0
    offsets = _offsets(1, w.shape[2:], dilation, padded, size)  # within one plane
    kd, kh, kw = w.shape[2], w.shape[3], w.shape[4]
    # a gather takes the taps of one kernel plane (a block of rows) or of one kernel row (a row)
    unit = kh * kw if rows > 1 else kw
    leads = kd if rows > 1 else kd * kh  # where each gather starts, from a block's base
    lead = np.empty(leads, dtype=np.int64)
    for a in range(kd):
        if rows > 1:
            lead[a] = a * dilation[0] * ph * pw
        else:
            for b in range(kh):
                lead[a * kh + b] = (a * dilation[0] * ph + b * dilation[1]) * pw
    margin = offsets[unit - 1]  # the largest offset within a gather's taps
    back = margin - offsets[:unit]  # the gather's offsets into the zero-margined dy
    plane = np.empty(size, dtype=dx.dtype)
    span = (rows - 1) * pw + ow
    grad = np.zeros(span + 2 * margin, dtype=dx.dtype)  # zero margins and between rows
    for job in range(first_job, last_job):
        n = job // groups
        g = job % groups
        for c in range(cg):
            _zero(plane)
            for o in range(g * og, (g + 1) * og):
                weights = w[o, c].ravel()
                for z in range(od):
                    for i0 in range(0, oh, rows):
                        count = min(rows, oh - i0)
                        base = (z * sd * ph + i0 * sh) * pw
                        n_run = (count - 1) * pw + ow
                        if flat and sw == 1:  # the gather multiplies w by zeros of grad
                            for r in range(count):
                                start = margin + r * pw
                                _copy(grad[start : start + ow], dy[n, o, z, i0 + r])
                            _zero(grad[margin + n_run :])  # after a shorter last block
                            for k in range(leads):
                                at = base + lead[k]
                                taps = weights[k * unit : (k + 1) * unit]
                                _add_taps(plane[at : at + n_run + margin], grad, 0, back, taps)
                        else:
                            row = dy[n, o, z, i0]
                            for t in range(offsets.shape[0]):
                                first = base + offsets[t]
                                last = first + (ow - 1) * sw + 1
                                _axpy(plane[first:last:sw], weights[t], row)
            _store(dx[n, g * cg + c], plane, lo, padded)


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _weight_grad(dy, x, dw_out, lo, padded, stride, dilation, first_job, last_job):
    # dy (N, C_out, OD, OH, OW), x (N, C_in, D, H, W), dw_out (C_out, Cg, KD, KH, KW) float64;
    # jobs are (group, input channel) pairs, g * Cg + c, each loading an input plane once for
    # the group's Og output channels; the planes are split into phases (above)
    n_images = x.shape[0]
    cg, groups, og = _groups(x.shape[1], dw_out)
    od, oh, ow = dy.shape[2], dy.shape[3], dy.shape[4]
    qh, qw = _phase_shape(padded, stride)
    zero = dy.dtype.type(0)
    block_rows = _rows(oh, qw, (1, 1, 1), True)
    offsets = _phase_offsets(1, dw_out.shape[2:], dilation, padded, stride)
    plane = np.zeros(stride[1] * stride[2] * _phase_size(padded, stride), dtype=x.dtype)
    buffer = np.zeros((block_rows - 1) * qw + ow, dtype=dy.dtype)  # zero between the rows
    for job in range(first_job, last_job):
        g = job // cg
        c = job % cg
        for n in range(n_images):
            # a non-finite value between the rows would meet a zero of the buffer: NaN
            _load_phases(plane, x[n, g * cg + c], lo, padded, stride)
            rows = block_rows if _finite(plane, zero) else 1
            for o in range(g * og, (g + 1) * og):
                sums = dw_out[o, c].ravel()  # a view: dw_out is contiguous
                for z in range(od):
                    for i0 in range(0, oh, rows):
                        count = min(rows, oh - i0)
                        grad = buffer[: (count - 1) * qw + ow]
                        for r in range(count):
                            _copy(grad[r * qw : r * qw + ow], dy[n, o, z, i0 + r])
                        base = (z * stride[0] * qh + i0) * qw
                        _dot_taps(sums, grad, plane, base, offsets, zero)


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _input_grad_phases(dy, w, dx, lo, padded, stride, dilation, first_job, last_job):
    # dy (N, C_out, OD, OH, OW), w (C_out, Cg, KD, KH, KW) finite, dx (N, C_in, D, H, W); jobs
    # are (image, group) pairs. The transposed convolution by phases (above): each phase of the
    # padded plane's gradient gathers its own taps, phase[q] += sum_t w_t * dy[q - off_t], from
    # dy laid out as a phase plane (each output at its phase position, zeros elsewhere and in a
    # margin of the largest offset before it), then the phases' interior is copied into dx.
    # The zeros meet the weights, which must be finite; the others take _input_grad's scatter.
    cg, groups, og = _groups(dx.shape[1], w)
    od, oh, ow = dy.shape[2], dy.shape[3], dy.shape[4]
    qh, qw = _phase_shape(padded, stride)
    size = _phase_size(padded, stride)
    phases = stride[1] * stride[2]
    offsets = _phase_offsets(1, w.shape[2:], dilation, padded, stride)
    order = np.argsort(offsets // size, kind="mergesort")  # the taps phase by phase
    starts = np.zeros(phases + 1, dtype=np.int64)  # phase p's taps: order[starts[p]:starts[p+1]]
    for t in range(offsets.shape[0]):
        starts[offsets[t] // size + 1] += 1
    for p in range(phases):
        starts[p + 1] += starts[p]
    within = offsets % size
    margin = within.max()
    back = np.empty(offsets.shape[0], dtype=np.int64)  # into grad, from a phase position
    for k in range(offsets.shape[0]):
        back[k] = margin - within[order[k]]
    planes = np.empty(phases * size, dtype=dx.dtype)
    grad = np.zeros(margin + size, dtype=dx.dtype)  # zeros stay where no output lands
    weights = np.empty(offsets.shape[0], dtype=dx.dtype)
    for job in range(first_job, last_job):
        n = job // groups
        g = job % groups
        for c in range(cg):
            _zero(planes)
            for o in range(g * og, (g + 1) * og):
                for z in range(od):
                    for i in range(oh):
                        at = margin + (z * stride[0] * qh + i) * qw
                        _copy(grad[at : at + ow], dy[n, o, z, i])
                taps = w[o, c].ravel()
                for k in range(offsets.shape[0]):
                    weights[k] = taps[order[k]]
                for p in range(phases):
                    first, last = starts[p], starts[p + 1]
                    if first < last:
                        target = planes[p * size : (p + 1) * size]
                        _add_taps(target, grad, 0, back[first:last], weights[first:last])
            _store_phases(dx[n, g * cg + c], planes, lo, padded, stride)


# Rows as wide as the input's. When a 2-D convolution has stride 1 and zero padding that keeps
# the width (``OW == W``: 3x3 with padding 1, 5x5 with padding 2, any height), output position
# ``p = i * W + j`` reads input position ``p + off`` with ``off = (a*dh - lo_h) * W + b*dw - lo_w``
# in the unpadded plane laid flat: rows need no padding between them, only zeros before and
# after the plane (the rows above and below it). A read across a row's end (column ``j + e``,
# ``e = b*dw - lo_w``, before 0 or past ``W - 1``) lands in the neighbouring row instead of the
# padding; each kernel column therefore reads its own copy of the plane, with the columns that
# such reads reach set to zero: the last ``-e`` columns when ``e < 0``, the first ``e`` when
# ``e > 0``. Every read then gives the padded plane's value, zeros where it is padding, so NaN and
# infinities meet exactly the zeros of the padding, as in the reference loops. The kernels copy
# whole planes in (one per kernel column) and whole planes of outputs out, where the padded
# planes above copy and store row by row. A run of images (about BLOCK_POSITIONS numbers) lies
# end to end, each plane in a slot of its zeros, so that one pass of the taps serves them all
# (the positions between slots computed and dropped); ``dw`` goes image by image. ``dx`` is
# the same gather over ``dy`` with the taps' offsets negated (the transposed convolution), whose
# zeros meet the weights: it runs only for finite weights.


@numba.njit(inline="always")
def _flat_layout(cg, kh, kw, width, lo, dilation, n_in, n_out, sign, images):
    """The taps' offsets ``(c, a, b)`` into ``cg * kw`` copies, each of ``images`` slots of
    ``length`` numbers laid end to end: a slot holds an ``n_in`` plane with zeros before and
    after it (``before`` and the rest of ``length``) for the reads of ``n_out`` outputs;
    ``sign`` -1 negates the offsets (``dx``'s gather). Returns ``(offsets, before, length)``."""
    lowest, highest = 0, 0
    for a in range(kh):
        for b in range(kw):
            off = sign * ((a * dilation[0] - lo[0]) * width + b * dilation[1] - lo[1])
            if (a == 0 and b == 0) or off < lowest:
                lowest = off
            if (a == 0 and b == 0) or off > highest:
                highest = off
    before = max(0, -lowest)
    length = before + n_in + max(0, highest + n_out - n_in)
    offsets = np.empty(cg * kh * kw, dtype=np.int64)
    t = 0
    for c in range(cg):
        for a in range(kh):
            for b in range(kw):
                column = b * dilation[1] - lo[1]
                off = sign * ((a * dilation[0] - lo[0]) * width + column)
                offsets[t] = (c * kw + b) * images * length + before + off
                t += 1
    return offsets, before, length


@numba.njit(inline="always")
def _fill_columns(segment, source, width, shift):
    """Copy the flat plane ``source`` (rows of ``width``) into ``segment``, then zero the
    columns that a read ``shift`` columns across would take from the neighbouring row."""
    _copy(segment, source)
    count = min(abs(shift), width)
    if count == 0:
        return
    first = width - count if shift < 0 else 0
    for r in range(segment.shape[0] // width):
        _zero(segment[r * width + first : r * width + first + count])


@numba.njit(inline="always")
def _flat_images(n_images, length):
    """How many images' planes the flat forward and ``dx`` lay end to end: about
    ``BLOCK_POSITIONS`` numbers a run where a plane's slot is at most ``FLAT_RUN_SLOT`` long,
    else one."""
    if length > FLAT_RUN_SLOT:
        return 1
    return max(1, min(n_images, BLOCK_POSITIONS // length))


@numba.njit(inline="always")
def _flat_taps(acc, planes, base, offsets, weights):
    """``_add_taps`` over ``acc`` block by block (``BLOCK_POSITIONS`` a block, for the cache)."""
    for j0 in range(0, acc.shape[0], BLOCK_POSITIONS):
        _add_taps(acc[j0 : j0 + BLOCK_POSITIONS], planes, base + j0, offsets, weights)


@numba.njit(inline="always")
def _flat_plan(cg, kh, kw, width, lo, dilation, n_in, n_out, sign, n_images):
    """The flat forward's or ``dx``'s layout: ``(offsets, before, length, images)``, the images
    a run takes (_flat_images) and the taps' offsets into copies of that many slots."""
    _, _, length = _flat_layout(1, kh, kw, width, lo, dilation, n_in, n_out, sign, 1)
    images = _flat_images(n_images, length)
    offsets, before, _ = _flat_layout(cg, kh, kw, width, lo, dilation, n_in, n_out, sign, images)
    return offsets, before, length, images


@numba.njit(inline="always")
def _flat_job(job, n_images, images):
    """``(g, n0, count)`` of a flat forward's or ``dx``'s job, ``g * N + n`` (group-major, so
    that the runs' first images spread over the shares); ``count`` is 0 inside a run, whose
    first image's job does it, whichever share has it."""
    n0 = job % n_images
    count = 0 if n0 % images else min(images, n_images - n0)
    return job // n_images, n0, count


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _forward_flat(x, w, y, width, lo, dilation, first_job, last_job):
    # x (N, C_in, H*W), w (C_out, Cg, KH, KW), y (N, C_out, OH*W); jobs are (group, image)
    # pairs, g * N + n: the job of a run's first image (_flat_images) does the run
    n_images, kh, kw = x.shape[0], w.shape[2], w.shape[3]
    cg, groups, og = _groups(x.shape[1], w)
    n_in, n_out = x.shape[2], y.shape[2]
    plan = _flat_plan(cg, kh, kw, width, lo, dilation, n_in, n_out, 1, n_images)
    offsets, before, length, images = plan
    span = images * length  # a copy: its images' slots
    planes = np.zeros(cg * kw * span, dtype=y.dtype)
    out = np.empty(span, dtype=y.dtype)
    for job in range(first_job, last_job):
        g, n0, count = _flat_job(job, n_images, images)
        if count == 0:
            continue
        for c in range(cg):
            for b in range(kw):
                shift = b * dilation[1] - lo[1]
                for i in range(count):
                    start = (c * kw + b) * span + i * length + before
                    segment = planes[start : start + n_in]
                    _fill_columns(segment, x[n0 + i, g * cg + c], width, shift)
        for o in range(g * og, (g + 1) * og):
            # one image: in place; a run: the positions between images computed and dropped
            acc = y[n0, o] if images == 1 else out[: (count - 1) * length + n_out]
            _zero(acc)
            _flat_taps(acc, planes, 0, offsets, w[o].ravel())
            if images > 1:
                for i in range(count):
                    _copy(y[n0 + i, o], acc[i * length : i * length + n_out])


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _input_grad_flat(dy, w, dx, width, lo, dilation, first_job, last_job):
    # dy (N, C_out, OH*W), w (C_out, Cg, KH, KW) finite, dx (N, C_in, H*W); jobs are (group,
    # image) pairs, as the forward's
    n_images, kh, kw = dy.shape[0], w.shape[2], w.shape[3]
    cg, groups, og = _groups(dx.shape[1], w)
    n_in, n_out = dy.shape[2], dx.shape[2]
    plan = _flat_plan(1, kh, kw, width, lo, dilation, n_in, n_out, -1, n_images)
    offsets, before, length, images = plan
    span = images * length
    planes = np.zeros(og * kw * span, dtype=dx.dtype)
    out = np.empty(span, dtype=dx.dtype)
    for job in range(first_job, last_job):
        g, n0, count = _flat_job(job, n_images, images)
        if count == 0:
            continue
        for o in range(og):
            for b in range(kw):
                shift = lo[1] - b * dilation[1]
                for i in range(count):
                    start = (o * kw + b) * span + i * length + before
                    segment = planes[start : start + n_in]
                    _fill_columns(segment, dy[n0 + i, g * og + o], width, shift)
        for c in range(cg):
            acc = dx[n0, g * cg + c] if images == 1 else out[: (count - 1) * length + n_out]
            _zero(acc)
            for o in range(og):
                _flat_taps(acc, planes, o * kw * span, offsets, w[g * og + o, c].ravel())
            if images > 1:
                for i in range(count):
                    _copy(dx[n0 + i, g * cg + c], acc[i * length : i * length + n_out])


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _weight_grad_flat(dy, x, dw_out, width, lo, dilation, first_job, last_job):
    # dy (N, C_out, OH*W), x (N, C_in, H*W), dw_out (C_out, Cg, KH, KW) float64; jobs are
    # (group, input channel) pairs, as _weight_grad's; one image at a time, dy's planes read
    # where they are (a run of images, as the forward's, needs dy copied into slots: 0.9 to 1.1
    # times the time, a scratch A/B; FLAT_RUN_SLOT's comment)
    n_images, kh, kw = x.shape[0], dw_out.shape[2], dw_out.shape[3]
    cg, groups, og = _groups(x.shape[1], dw_out)
    n_in, n_out = x.shape[2], dy.shape[2]
    zero = dy.dtype.type(0)
    offsets, before, length = _flat_layout(1, kh, kw, width, lo, dilation, n_in, n_out, 1, 1)
    planes = np.zeros(kw * length, dtype=x.dtype)
    for job in range(first_job, last_job):
        g = job // cg
        c = job % cg
        for n in range(n_images):
            for b in range(kw):
                start = b * length + before
                shift = b * dilation[1] - lo[1]
                _fill_columns(planes[start : start + n_in], x[n, g * cg + c], width, shift)
            for o in range(g * og, (g + 1) * og):
                sums = dw_out[o, c].ravel()  # a view: dw_out is contiguous
                grad = dy[n, o]
                for j0 in range(0, n_out, BLOCK_POSITIONS):
                    _dot_taps(sums, grad[j0 : j0 + BLOCK_POSITIONS], planes, j0, offsets, zero)


def _as_3d(a: np.ndarray, dims: int) -> np.ndarray:
    """``a (N, C, *spatial)`` as ``(N, C, 1, ..., *spatial)``: three spatial dimensions."""
    return a.reshape(*a.shape[:2], *(1,) * (3 - dims), *a.shape[2:])


def _three(values: tuple[int, ...]) -> tuple[int, int, int]:
    padded = (1,) * (3 - len(values)) + tuple(int(v) for v in values)
    return padded[0], padded[1], padded[2]


def _contiguous(a: np.ndarray, dtype: np.dtype) -> np.ndarray:
    return np.ascontiguousarray(a, dtype=dtype)


def _padding(x: np.ndarray, spec: ConvSpec) -> tuple[np.ndarray, tuple[int, int, int]]:
    """The input the kernels read and the padding before its first element on each axis: the
    kernels pad with zeros themselves; other modes are padded here."""
    if spec.padding_mode == "zeros":
        return x, _before(spec)
    return _np.pad(x, spec.padding, spec.padding_mode), (0, 0, 0)


def _before(spec: ConvSpec) -> tuple[int, int, int]:
    """The zero padding before the input on each of three spatial axes."""
    before = (0,) * (3 - len(spec.padding)) + tuple(int(lo) for lo, _ in spec.padding)
    return before[0], before[1], before[2]


def _run(kernel: Callable[..., None], args: tuple[Any, ...], jobs: int, work: float) -> None:
    """``kernel(*args, first, last)`` over shares of ``range(jobs)`` on convgrad's threads when
    ``work`` multiply-adds reach ``SPLIT_WORK``; each job's sums are the same whichever share
    runs it."""
    _parallel.over_jobs(lambda first, last: kernel(*args, first, last), jobs, work >= SPLIT_WORK)


def _work(spec: ConvSpec, w: np.ndarray, batch: int) -> float:
    return float(batch) * w.size * float(math.prod(spec.out_spatial))


def _flat(spec: ConvSpec) -> bool:
    """Whether the rows-as-wide-as-the-input kernels run this 2-D convolution: zero padding,
    stride 1 and an output as wide as the input."""
    return (
        len(spec.kernel) == 2
        and spec.padding_mode == "zeros"
        and all(s == 1 for s in spec.stride)
        and spec.out_spatial[1] == spec.in_spatial[1]
        and spec.in_spatial[1] <= FLAT_MAX_WIDTH
        and spec.kernel[1] <= FLAT_MAX_KERNEL
    )


def _flat_args(spec: ConvSpec) -> tuple[int, tuple[int, int], tuple[int, int]]:
    lo = (int(spec.padding[0][0]), int(spec.padding[1][0]))
    dilation = (int(spec.dilation[0]), int(spec.dilation[1]))
    return int(spec.in_spatial[1]), lo, dilation


def _planes(a: np.ndarray) -> np.ndarray:
    """``a (N, C, H, W)`` as ``(N, C, H * W)``."""
    return a.reshape(*a.shape[:2], math.prod(a.shape[2:]))  # not -1: a batch may be empty


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` from the input ``x (N, C_in, *in)``."""
    dims, dtype = len(spec.kernel), np.result_type(x, w)
    if _flat(spec):
        y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype=dtype)
        flat_args = (
            _planes(_contiguous(x, dtype)),
            _contiguous(w, dtype),
            _planes(y),
            *_flat_args(spec),
        )
        _run(_forward_flat, flat_args, x.shape[0] * spec.groups, _work(spec, w, x.shape[0]))
        return y
    xs, lo = _padding(_contiguous(x, dtype), spec)
    y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype=dtype)
    args = (
        _as_3d(xs, dims),
        _as_3d(_contiguous(w, dtype), dims),
        _as_3d(y, dims),
        lo,
        _three(spec.padded_spatial),
        _three(spec.stride),
        _three(spec.dilation),
    )
    _run(_forward, args, x.shape[0] * spec.groups, _work(spec, w, x.shape[0]))
    return y


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``."""
    dims, dtype = len(spec.kernel), np.result_type(dy, w)
    c_in = w.shape[1] * spec.groups
    finite = bool(np.isfinite(w).all())  # a non-finite weight times the zeros read: NaN
    if finite and _flat(spec):
        dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype=dtype)
        flat_args = (
            _planes(_contiguous(dy, dtype)),
            _contiguous(w, dtype),
            _planes(dx),
            *_flat_args(spec),
        )
        _run(_input_grad_flat, flat_args, dy.shape[0] * spec.groups, _work(spec, w, dy.shape[0]))
        return dx
    zeros = spec.padding_mode == "zeros"
    target = spec.in_spatial if zeros else spec.padded_spatial  # else folded below
    dx = np.empty((dy.shape[0], c_in, *target), dtype=dtype)
    w = _contiguous(w, dtype)
    args = (
        _as_3d(_contiguous(dy, dtype), dims),
        _as_3d(w, dims),
        _as_3d(dx, dims),
        _before(spec) if zeros else (0, 0, 0),
        _three(spec.padded_spatial),
        _three(spec.stride),
        _three(spec.dilation),
        finite,  # a non-finite weight times the zeros between rows: NaN
    )
    # strided, with finite weights: by phases (each phase's gather is one long run); else the
    # gather (stride 1) or the scatter (a row at a time) of _input_grad
    jobs, work = dy.shape[0] * spec.groups, _work(spec, w, dy.shape[0])
    if finite and any(s != 1 for s in spec.stride):
        _run(_input_grad_phases, args[:-1], jobs, work)
    else:
        _run(_input_grad, args, jobs, work)
    return dx if zeros else _np.pad_backward(dx, spec.padding, spec.padding_mode)


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and the input ``x (N, C_in, *in)``."""
    dims, dtype = len(spec.kernel), np.result_type(dy, x)
    dw = np.zeros(w.shape, dtype=np.float64)  # row sums added in float64 (module docstring)
    if _flat(spec):
        flat_args = (
            _planes(_contiguous(dy, dtype)),
            _planes(_contiguous(x, dtype)),
            dw,
            *_flat_args(spec),
        )
        _run(_weight_grad_flat, flat_args, spec.groups * w.shape[1], _work(spec, w, dy.shape[0]))
        return dw.astype(dtype, copy=False)
    xs, lo = _padding(_contiguous(x, dtype), spec)
    args = (
        _as_3d(_contiguous(dy, dtype), dims),
        _as_3d(xs, dims),
        _as_3d(dw, dims),
        lo,
        _three(spec.padded_spatial),
        _three(spec.stride),
        _three(spec.dilation),
    )
    _run(_weight_grad, args, spec.groups * w.shape[1], _work(spec, w, dy.shape[0]))
    return dw.astype(dtype, copy=False)
