"""Batch norm (training mode), alone or with the ReLU that follows it, and the ReLU's backward,
compiled with numba.

The same functions as NumPy's path, which stays the default and the oracle:
:func:`convgrad.normalization._train_forward` and ``_train_backward``. Each kernel runs one
channel per job, on the calling thread, in as few passes as the arithmetic allows, with no
temporary arrays:

- batch norm forward: the mean (one read of ``x``), the biased variance as the mean of squared
  deviations (a second read), then ``xhat = (x - mean) * inv_std`` and ``y = xhat * w + b`` in
  one pass that writes both. NumPy's path makes about twelve passes and a temporary.
- batch norm backward: ``dbias = sum(dy)`` and ``dweight = sum(dy * xhat)`` in one read of both,
  then ``dx = scale * dy - k * xhat - c`` in one pass (``scale = w * inv_std``,
  ``k = scale * dweight / M``, ``c = scale * dbias / M``, as NumPy's path).

Forward + backward, float32, ms, NumPy / numba on one thread, freed memory kept
(``python benchmarks/norm_numba_ab.py``): (32, 16, 28, 28) 0.93 / 0.34, (32, 32, 28, 28) 2.01 /
0.77, (32, 64, 14, 14) 1.02 / 0.37, (32, 128, 7, 7) 0.78 / 0.36, (32, 32, 8, 8) 0.26 / 0.12.
Where each pixel's channels lie together in memory, a channel's numbers are ``C`` apart, and a
channel's loop would not vectorise: arrays laid out channels last (OpenVINO's results,
``kernels/conv_openvino.py``), and ``BatchNorm1d``'s ``(N, C)`` (no positions). There the
array is rows of a few pixels' channels, ``(R, L)`` with ``L = k C`` about 256 numbers
(``_channel_rows``): each sum runs down the rows into ``L`` float64 sums, four rows at a time,
then folds the ``k`` pixels of each channel (``_bn_forward_rows``, ``_bn_backward_rows``);
``y``, ``xhat`` and ``dx`` keep the layout. Float32, one thread, ms C order / channels last (a
scratch script, medians of 40, two rounds): forward (32, 16, 28, 28) 0.34 / 0.38, (32, 32, 14,
14) 0.25 to 0.28 / 0.19 to 0.21, (32, 64, 7, 7) 0.13 / 0.09; backward 0.24 to 0.26 / 0.34 to
0.36, 0.15 to 0.17 / 0.15 to 0.17, 0.07 / 0.055 (one row at a time, the 16-channel forward
took 0.41, the backward 0.34 to 0.42). In C order a channel's numbers are ``N`` runs of its plane,
which its second and third passes find in the cache; channels last, each pass reads the whole
array. ``(N, C)`` arrays took rows of one pixel first (``_bn_forward_columns``, forward +
backward, ms; ``normalization._fast`` has NumPy's figures); the rows of ``k`` pixels measured
as fast or faster, two rounds each (a scratch script, medians of 60): (256, 1024) 0.49, 0.49
/ 0.49, 0.52; (128, 512) 0.15 / 0.15; (1024, 64) 0.15, 0.12 / 0.10, 0.08; (64, 4096) 0.68,
0.73 / 0.72, 0.58; (32, 256) 0.04 / 0.04 to 0.05.

Max pooling was compiled here first (each block's first maximum and its tap in one pass, the
backward one write per pixel) and measured 1.8 to 3 times slower than NumPy's strided passes
(0.92 / 1.76 ms at (32, 16, 28, 28)): numba's loops over strided rows did not vectorise. The
forward over 2x2 blocks, with the block's four taps unrolled inside each output, measured
faster later: it is :mod:`convgrad.kernels.pool_numba`.

Shared among convgrad's threads (channels [first, last) a share, as the convolution kernels
share their jobs), batch norm measured no faster, forward + backward, float32, ms one thread /
2 threads, alone and right after a BLAS product (a scratch script, medians of 15):
(32, 16, 28, 28) 0.35 / 0.64 and 0.7 / 0.8 to 0.9; (32, 64, 28, 28) 3.2 / 3.9 to 4.2 and 3.6 /
4.1 to 4.3; (32, 64, 56, 56) 10.9 / 11.3 to 11.5 and 11.3 to 13.3 / 11.4 to 12.0; inside
training steps (``python benchmarks/numba_split_ab.py --kernels norm`` before it was removed),
0.97 to 1.06 of the one-thread step on the 28x28 CNN, the ResNet-20 and a MobileNet, 1.17 on
the digits. The kernels take their channels as a range all the same.

- batch norm with the ReLU that follows it (``relu=True``; a ``Sequential``'s ``BatchNorm2d`` then
  ``ReLU``, and the ResNet's ``relu(bn1(conv1(x)))``), and with a residual added before that ReLU
  (``residual``: the end of ResNet's basic block, ``relu(bn2(conv2(h)) + shortcut)``): the forward
  writes ``relu(y + residual)`` in the pass that writes ``y`` (the sum without fast-math flags,
  :func:`_plus`, so that it rounds as NumPy's add); the backward reads that output and counts
  ``dy`` as ``0`` where it is ``<= 0`` (a NaN passes, as ``relu_backward``'s), and writes that
  masked ``dy`` out as the residual's gradient. The ReLU's own passes, the sum's and their arrays
  are gone; the backward reads one array more. The same bits as the calls apart
  (``tests/test_fused_relu.py``). Each loop with the ReLU or the residual is apart from the plain
  one: a test of ``relu`` inside the channels-last backward's loop kept it from vectorising (1.94
  against 0.42 ms at (32, 16, 28, 28)); but the backward's sums and its ``dx`` are one loop each
  with the ReLU and without, which masks ``dy`` by comparing ``y`` with a floor (``_floor``: a
  select, not a test of ``relu``), so that both round alike. Alone, float32, one thread, ms, plain
  / fused, medians of 40 (a scratch script, 2026-12-01): forward (32, 32, 28, 28) 0.67 / 0.68, (32,
  64, 14, 14) 0.53 / 0.64; backward 0.53 / 0.68, 0.59 / 0.70, where the ReLU's backward alone took
  0.40 and 0.20; channels last, (32, 16, 28, 28) forward 0.46 / 0.44, backward 0.40 to 0.42 / 0.49
  to 0.51 (the ReLU's backward 0.20 to 0.22); with the residual, forward 0.48 / 0.58 in C order and
  0.58 / 0.64 channels last (the sum alone 0.24), backward 0.30 / 0.52 and 0.48 / 0.65 (the ReLU's
  backward alone 0.22). Inside training steps: BENCHMARKS.md, issue 14, eighteenth session.
- ReLU's backward: ``dx = dy`` where ``x > 0`` or ``x`` is NaN, else ``0``, one select per
  number (arrays both laid out channels last walked as their memory lies). NumPy's path makes
  five passes (a sum of ``dy`` to learn whether it is finite, two passes of booleans, and a
  multiply by them that converts each to a float). Float32, one
  thread, ms NumPy / numba (a scratch script, medians of 200): (32, 32, 28, 28) 0.52 / 0.15,
  (32, 16, 28, 28) 0.20 / 0.053, (32, 32, 8, 8) 0.047 / 0.008; equal to NumPy's result (``0``
  where NumPy's multiply gives ``-0.0``, as PyTorch's select does).

Sums run in float64 whatever the dtype (NumPy's sum pairwise in the dtype): float32 results agree
with NumPy's to about 1e-6 of their scale, float64 ones to 1e-12; the tests hold them to that.
No fast-math flags: NaN and infinities propagate as in NumPy.

numba is optional (``pip install "convgrad[fast]"``); this module imports it at the top, so it is
imported only through :mod:`convgrad.kernels.accel`.
"""

from __future__ import annotations

import math

import numba
import numpy as np

from .. import _np

# Reassociation (so that LLVM vectorises the sums) and contraction (fused multiply-adds), never
# nnan or ninf: NaN and infinities propagate as in NumPy.
_FLAGS = {"reassoc", "contract"}
# The rows kernels without reassociation: each of their sums already runs down columns, one
# add per number, which vectorises without it. With it, the same compiled kernel gave the
# fused ReLU's forward and the plain one 1 ulp apart in float64 in some processes and not in
# others (xhat, then every gradient: test_norm_numba's small-plane test failed in one CI run and
# in 2 of 7 fresh-cache runs of a script that compiled the float32 kernels first; 0 of 8
# without). Without it the per-channel kernels' sums did not vectorise (forward + backward at
# the 28x28 CNN's sizes 1.1 -> 9.5 ms), the rows kernels' did: forward / backward with the
# ReLU, us with / without, two rounds (a scratch script, 2026-12-02): (32, 32, 8, 8) 40, 42 /
# 47, 40 and 49, 50 / 47, 50; (32, 64, 4, 4) 27 / 30 both ways; channels last (32, 16, 28, 28)
# 169, 167 / 230, 162 against 182, 183 / 174, 170, (32, 32, 14, 14) 107, 94 / 102, 112 against
# 104, 96 / 115, 107.
_ROW_FLAGS = {"contract"}


@numba.njit(nogil=True, cache=True)
def _plus(a, b):
    # a + b without fast-math flags: the residual is added to y as rounded, as NumPy's add does
    # (with reassociation allowed, y's bias could be added to the residual first)
    return a + b


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _bn_forward(
    x, weight, bias, eps, xhat, y, mean, var, inv_std, in_dtype, first, last, relu, add, res
):
    # x, xhat, y (N, C, L); weight, bias (C,) in y's dtype; mean, var, inv_std (C,) float64;
    # in_dtype (2, C) in x's dtype: the mean and inv_std rounded to it, as NumPy's path has them;
    # channels [first, last); relu: y = max(y, 0), ReLU fused (a NaN stays NaN, as np.maximum);
    # add: res (N, C, L) in y's dtype added first
    n_images, length = x.shape[0], x.shape[2]
    m = n_images * length
    zero = y.dtype.type(0.0)
    for c in range(first, last):
        total = 0.0
        for n in range(n_images):
            row = x[n, c]
            for j in range(length):
                total += row[j]
        mu = total / m
        squares = 0.0
        for n in range(n_images):
            row = x[n, c]
            for j in range(length):
                d = row[j] - mu
                squares += d * d
        v = squares / m
        inv = 1.0 / math.sqrt(v + eps)
        mean[c], var[c], inv_std[c] = mu, v, inv
        in_dtype[0, c], in_dtype[1, c] = mu, inv
        mu_x, inv_x = in_dtype[0, c], in_dtype[1, c]
        w, b = weight[c], bias[c]
        for n in range(n_images):
            row, h, out, r = x[n, c], xhat[n, c], y[n, c], res[n, c]
            if add:  # the loops apart: a test inside may keep a loop from vectorising
                for j in range(length):
                    value = (row[j] - mu_x) * inv_x
                    h[j] = value
                    o = _plus(value * w + b, r[j])
                    out[j] = zero if relu and o <= 0 else o
                continue
            for j in range(length):
                value = (row[j] - mu_x) * inv_x
                h[j] = value
                o = value * w + b
                out[j] = zero if relu and o <= 0 else o


@numba.njit(nogil=True, cache=True)
def _floor(y, relu):
    # The backward counts dy as 0 where y <= floor: 0 with the ReLU fused, NaN without it (y is
    # then dy, and nothing compares <= NaN). With and without the ReLU its sums and its dx are
    # then one loop each, which the compiler vectorises and contracts into fused multiply-adds
    # one way: the loops apart summed in different orders on an AMD EPYC with AVX-512 (the
    # fused pair's dbias 1.8e-15 from the pair apart, float64, 2026-12-02), and a fresh compile
    # of the dx loops apart contracted them differently (dx 1 ulp off, float64, in CI), where
    # the fused pair is to give the bits of batch norm's backward after relu_backward
    return y.dtype.type(0.0) if relu else y.dtype.type(np.nan)


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _bn_backward(dy, xhat, scale, dx, dweight, dbias, coef, first, last, relu, y, keep, g_out):
    # dy, xhat, dx (N, C, L); scale (C,) in dx's dtype; dweight, dbias (C,) float64; coef (2, C)
    # in dx's dtype: k and c of the module docstring; channels [first, last); relu: the
    # forward's ReLU fused, its output y (N, C, L): dy where y <= 0 counts as 0 (a NaN passes,
    # as relu_backward's); keep: that masked dy written to g_out (N, C, L), the gradient of a
    # residual added before the ReLU
    n_images, length = dy.shape[0], dy.shape[2]
    m = n_images * length
    zero = dy.dtype.type(0.0)
    floor = _floor(y, relu)
    for c in range(first, last):
        sum_dy = 0.0
        sum_dy_xhat = 0.0
        for n in range(n_images):
            g, h, o = dy[n, c], xhat[n, c], y[n, c]
            for j in range(length):  # one loop with the ReLU and without: _floor
                gj = zero if o[j] <= floor else g[j]
                sum_dy += gj
                sum_dy_xhat += gj * h[j]
        dbias[c], dweight[c] = sum_dy, sum_dy_xhat
        s = scale[c]
        coef[0, c], coef[1, c] = s * (sum_dy_xhat / m), s * (sum_dy / m)
        k, shift = coef[0, c], coef[1, c]
        for n in range(n_images):
            g, h, o, out, kept = dy[n, c], xhat[n, c], y[n, c], dx[n, c], g_out[n, c]
            for j in range(length):  # one loop with the ReLU and without, as the sums'
                gj = zero if o[j] <= floor else g[j]
                out[j] = s * gj - k * h[j] - shift
            if keep:
                for j in range(length):
                    kept[j] = zero if o[j] <= 0 else g[j]


@numba.njit(nogil=True, cache=True)
def _fold(acc, channels, plane, sums):
    # sums[c] += acc[j] over the columns j of channel c, in order: j = (g * channels + c) *
    # plane + p for g over the row's groups and p over the plane (no division per column)
    j = 0
    for _ in range(acc.size // (channels * plane)):
        for c in range(channels):
            for _p in range(plane):
                sums[c] += acc[j]
                j += 1


@numba.njit(nogil=True, cache=True)
def _spread(values, channels, plane, out):
    # out[j] = values[c] for each column j of channel c, as _fold's
    j = 0
    for _ in range(out.size // (channels * plane)):
        for c in range(channels):
            v = values[c]
            for _p in range(plane):
                out[j] = v
                j += 1


@numba.njit(nogil=True, cache=True, fastmath=_ROW_FLAGS)
def _bn_forward_rows(
    x, channels, plane, weight, bias, eps, xhat, y, mean, var, inv_std, in_dtype, relu, add, res
):
    # _bn_forward for x as rows (R, L): column j holds channel (j // plane) % channels (_fold).
    # Laid out channels last, or without positions, a row is k pixels' channels (plane 1, L =
    # k * channels); in C order, an image's small planes (plane = their size, L = channels *
    # plane). xhat, y alike. Each sum runs down the rows into float64 arrays of L, four rows at
    # a time (one load and store of the sums for four rows), then folds each channel's columns:
    # a pass walks contiguous rows, and every loop vectorises
    n_rows, width = x.shape
    m = n_rows * (width // channels)
    acc = np.zeros(width)
    i = 0
    while i + 4 <= n_rows:
        r0, r1, r2, r3 = x[i], x[i + 1], x[i + 2], x[i + 3]
        for j in range(width):
            acc[j] += (np.float64(r0[j]) + r1[j]) + (np.float64(r2[j]) + r3[j])
        i += 4
    for rest in range(i, n_rows):
        r = x[rest]
        for j in range(width):
            acc[j] += r[j]
    mu = np.empty(width)
    sums = np.zeros(channels)
    _fold(acc, channels, plane, sums)
    for c in range(channels):
        mean[c] = sums[c] / m
        sums[c] = 0.0
    _spread(mean, channels, plane, mu)
    acc[:] = 0.0
    i = 0
    while i + 4 <= n_rows:
        r0, r1, r2, r3 = x[i], x[i + 1], x[i + 2], x[i + 3]
        for j in range(width):
            d0, d1, d2, d3 = r0[j] - mu[j], r1[j] - mu[j], r2[j] - mu[j], r3[j] - mu[j]
            acc[j] += (d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3)
        i += 4
    for rest in range(i, n_rows):
        r = x[rest]
        for j in range(width):
            d = r[j] - mu[j]
            acc[j] += d * d
    _fold(acc, channels, plane, sums)
    for c in range(channels):
        v = sums[c] / m
        inv = 1.0 / math.sqrt(v + eps)
        var[c], inv_std[c] = v, inv
        in_dtype[0, c], in_dtype[1, c] = mean[c], inv
    mu_x, inv_x = np.empty(width, x.dtype), np.empty(width, x.dtype)
    w, b = np.empty(width, y.dtype), np.empty(width, y.dtype)
    zero = y.dtype.type(0.0)
    _spread(in_dtype[0], channels, plane, mu_x)
    _spread(in_dtype[1], channels, plane, inv_x)
    _spread(weight, channels, plane, w)
    _spread(bias, channels, plane, b)
    for i in range(n_rows):
        r, h, out, q = x[i], xhat[i], y[i], res[i]
        if add:  # the loops apart, as _bn_forward's
            for j in range(width):
                value = (r[j] - mu_x[j]) * inv_x[j]
                h[j] = value
                o = _plus(value * w[j] + b[j], q[j])
                out[j] = zero if relu and o <= 0 else o
            continue
        for j in range(width):
            value = (r[j] - mu_x[j]) * inv_x[j]
            h[j] = value
            o = value * w[j] + b[j]
            out[j] = zero if relu and o <= 0 else o


@numba.njit(nogil=True, cache=True, fastmath=_ROW_FLAGS)
def _bn_backward_rows(
    dy, xhat, channels, plane, scale, dx, dweight, dbias, coef, relu, y, keep, g_out
):
    # _bn_backward for arrays as rows (R, L) whose columns hold channels as _bn_forward_rows's;
    # relu, y, keep and g_out as _bn_backward's, as rows too
    n_rows, width = dy.shape
    m = n_rows * (width // channels)
    a, b = np.zeros(width), np.zeros(width)
    zero = dy.dtype.type(0.0)
    floor = _floor(y, relu)
    i = 0
    while i + 4 <= n_rows:  # one loop with the ReLU and without: _floor
        g0, g1, g2, g3 = dy[i], dy[i + 1], dy[i + 2], dy[i + 3]
        h0, h1, h2, h3 = xhat[i], xhat[i + 1], xhat[i + 2], xhat[i + 3]
        o0, o1, o2, o3 = y[i], y[i + 1], y[i + 2], y[i + 3]
        for j in range(width):
            e0 = np.float64(zero if o0[j] <= floor else g0[j])
            e1 = np.float64(zero if o1[j] <= floor else g1[j])
            e2 = np.float64(zero if o2[j] <= floor else g2[j])
            e3 = np.float64(zero if o3[j] <= floor else g3[j])
            a[j] += (e0 + e1) + (e2 + e3)
            b[j] += (e0 * h0[j] + e1 * h1[j]) + (e2 * h2[j] + e3 * h3[j])
        i += 4
    for rest in range(i, n_rows):
        g, h, o = dy[rest], xhat[rest], y[rest]
        for j in range(width):
            e = zero if o[j] <= floor else g[j]
            a[j] += e
            b[j] += np.float64(e) * h[j]
    sums_dy, sums_dy_xhat = np.zeros(channels), np.zeros(channels)
    _fold(a, channels, plane, sums_dy)
    _fold(b, channels, plane, sums_dy_xhat)
    for c in range(channels):
        sum_dy, sum_dy_xhat = sums_dy[c], sums_dy_xhat[c]
        dbias[c], dweight[c] = sum_dy, sum_dy_xhat
        s = scale[c]
        coef[0, c], coef[1, c] = s * (sum_dy_xhat / m), s * (sum_dy / m)
    sl, kl, cl = np.empty(width, dx.dtype), np.empty(width, dx.dtype), np.empty(width, dx.dtype)
    _spread(scale, channels, plane, sl)
    _spread(coef[0], channels, plane, kl)
    _spread(coef[1], channels, plane, cl)
    for i in range(n_rows):
        g, h, o, out, kept = dy[i], xhat[i], y[i], dx[i], g_out[i]
        for j in range(width):  # one loop with the ReLU and without, as the sums'
            e = zero if o[j] <= floor else g[j]
            out[j] = sl[j] * e - kl[j] * h[j] - cl[j]
        if keep:
            for j in range(width):
                kept[j] = zero if o[j] <= 0 else g[j]


# In C order, a channel's loops run over its plane in each image: on small planes they are short
# and many, and the per-channel kernels spent their time starting them (the digits' (32, 64, 4,
# 4), 2,048 loops of 16, took 0.12 ms forward where PyTorch's took 0.035). Up to SMALL_PLANE
# pixels, the images are the rows instead (L = C times the plane, _bn_forward_rows), from
# ROWS_MIN_IMAGES images: few rows leave the sums' setup and folds of L columns unshared. Forward
# and backward with the ReLU, float32, one thread, us, per channel / rows (a scratch script,
# medians of 200, 2026-12-02, AMD EPYC): (32, 32, 8, 8) 157 / 57; (32, 64, 4, 4) 260 / 34; (32,
# 64, 2, 2) 232 / 22; (32, 128, 7, 7) 622 / 196; (64, 64, 8, 8) 617 / 222; (8, 256, 7, 7) 306
# / 143; (32, 32, 9, 9) 180 / 83; (32, 64, 10, 10) 328 / 205; (32, 64, 12, 12) 380 / 265; (16,
# 128, 7, 7) 325 / 115; (8, 64, 8, 8) 79 / 49; (4, 64, 4, 4) 37 / 21; (32, 3, 8, 8) 22 / 19;
# but (2, 128, 7, 7) 41 / 50, (1, 64, 8, 8) 18 / 33; at 14x14 (32, 16) 105 / 96 and (32, 32) 195
# / 189, at 16x16 (32, 32) 208 / 237 and (64, 16) 203 / 237, at 28x28 (32, 16) 218 / 356.
SMALL_PLANE = 12 * 12
ROWS_MIN_IMAGES = 4


def _channel_rows(a: np.ndarray) -> tuple[np.ndarray, int] | None:
    """``a (N, C, *spatial)`` as rows ``(R, L)`` (a view) and the run of each channel's columns
    in a row, ``plane`` (column ``j`` holds channel ``(j // plane) % C``), where its memory is
    such rows: laid out channels last, or without positions (``BatchNorm1d``'s ``(N, C)``) in C
    order, a row is ``k`` pixels' channels (``L = k C`` about 256 numbers, ``k`` dividing the
    pixels; ``plane`` 1); in C order with planes of at most ``SMALL_PLANE`` pixels, from
    ``ROWS_MIN_IMAGES`` images, a row is an image (``plane`` the plane's size). ``None`` for
    any other layout."""
    channels = a.shape[1]
    if a.size == a.shape[0] * channels and a.flags.c_contiguous:
        rows = a.reshape(a.shape[0], channels)
    elif _np.is_channels_last(a):
        rows = _np.channels_last(a).reshape(-1, channels)
    elif a.flags.c_contiguous and a.size and a.shape[0] >= ROWS_MIN_IMAGES:
        plane = a.size // (a.shape[0] * channels)
        return (a.reshape(a.shape[0], -1), plane) if plane <= SMALL_PLANE else None
    else:
        return None
    k = 1
    for d in range(max(1, 256 // channels), 0, -1):
        if rows.shape[0] % d == 0:
            k = d
            break
    return rows.reshape(-1, k * channels), 1


def _rows_of(a: np.ndarray) -> np.ndarray:
    """The rows of ``a``, laid out as the array whose rows it is written or read beside."""
    found = _channel_rows(a)
    assert found is not None
    return found[0]


def _same_rows(found: tuple[np.ndarray, int], other: tuple[np.ndarray, int] | None) -> bool:
    """Whether another array's rows (:func:`_channel_rows`; None: it has none) line up with
    ``found`` column for column."""
    return other is not None and found[0].shape == other[0].shape and found[1] == other[1]


def _like(a: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """An uninitialised array shaped and laid out as ``a`` (channels last or C order)."""
    return (
        _np.empty_channels_last(a.shape, dtype)
        if _np.is_channels_last(a)
        else np.empty(a.shape, dtype)
    )


def batch_norm_forward(
    x: np.ndarray,
    weight: np.ndarray | None,
    bias: np.ndarray | None,
    eps: float,
    relu: bool = False,
    residual: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(y, xhat, mean, var, inv_std)`` of ``x (N, C, *spatial)``, float32 or float64; the
    statistics in ``x``'s dtype, ``y`` in ``x``'s dtype promoted with the weight's; ``y`` and
    ``xhat`` laid out as ``x`` when it is channels last. ``residual`` (shaped as ``x``): added
    to ``y``; ``relu``: ``y`` is then ``relu(y)``; both in the pass that writes ``y``."""
    channels = x.shape[1]
    dtype = x.dtype
    y_dtype = dtype if weight is None else np.result_type(dtype, weight)
    if residual is not None:
        y_dtype = np.result_type(y_dtype, residual)
    w = np.ones(channels, y_dtype) if weight is None else weight.astype(y_dtype)
    b = np.zeros(channels, y_dtype) if bias is None else bias.astype(y_dtype)
    stats = [np.empty(channels, np.float64) for _ in range(3)]
    in_dtype = np.empty((2, channels), dtype)
    add = residual is not None
    if x.size == x.shape[0] * channels:  # no positions: rows of channels, made contiguous
        x = np.ascontiguousarray(x)
    if (found := _channel_rows(x)) is not None:  # rows of channels: so are xhat and y
        rows, plane = found
        xhat, y = _like(x, dtype), _like(x, y_dtype)
        out = (_rows_of(xhat), _rows_of(y))
        res = out[1]  # not read without a residual
        if residual is not None:
            res = _rows_of(_as_layout_of(residual, y))
        _bn_forward_rows(  # type: ignore[call-arg]
            rows, channels, plane, w, b, float(eps), *out, *stats, in_dtype, relu, add, res
        )  # fmt: skip
        mean, var, inv_std = (s.astype(dtype) for s in stats)
        return y, xhat, mean, var, inv_std
    x3 = np.ascontiguousarray(x).reshape(x.shape[0], channels, -1)
    xhat = np.empty(x3.shape, dtype)
    y = np.empty(x3.shape, y_dtype)
    res3 = y
    if residual is not None:
        res3 = np.ascontiguousarray(residual, dtype=y_dtype).reshape(y.shape)
    _bn_forward(x3, w, b, float(eps), xhat, y, *stats, in_dtype, 0, channels, relu, add, res3)  # type: ignore[call-arg]
    mean, var, inv_std = (s.astype(dtype) for s in stats)
    return y.reshape(x.shape), xhat.reshape(x.shape), mean, var, inv_std


def _layout_of(a: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``a`` (its dtype kept) laid out as ``like`` of its shape, channels last or C order:
    itself when it already is, or when ``like`` is neither, else a copy."""
    if a.shape != like.shape:
        return a
    if _np.is_channels_last(like):
        return _np.as_channels_last(a)
    return np.ascontiguousarray(a) if like.flags.c_contiguous else a


def _as_layout_of(a: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``a`` in ``like``'s dtype and memory layout (channels last or C order)."""
    return _layout_of(a.astype(like.dtype, copy=False), like)


def batch_norm_backward(
    dy: np.ndarray,
    xhat: np.ndarray,
    scale: np.ndarray,
    y: np.ndarray | None = None,
    residual: bool = False,
) -> tuple[np.ndarray, ...]:
    """``(dx, dweight, dbias)``; ``dx`` in the dtype of ``dy`` and ``scale`` promoted, the
    sums in ``xhat``'s promoted likewise; ``dx`` laid out as ``xhat`` (channels last or C
    order). ``y``: the output of a forward with ``relu``, whose ReLU's backward runs inside
    (``dy`` counts as 0 where ``y <= 0``). ``residual``: that masked ``dy`` too, the gradient
    of the forward's residual, fourth.

    A ``dy`` laid out otherwise than ``xhat`` is copied to its layout first: one copy, where
    the kernels would copy ``xhat`` and ``y`` (and run the ReLU's backward apart). It happens
    where a layer's input comes from NumPy's C-order convolution and its ``dy`` from OpenVINO's
    channels-last ``dx`` (ResNet-20's first batch norm, after its one-channel stem), and the
    other way round (three of EfficientNet's layers at 8x8, in ``benchmarks/other_networks.py``)."""
    dy = _layout_of(dy, xhat)
    dtype = np.result_type(dy, scale)
    n, channels = dy.shape[:2]
    dweight, dbias = np.empty(channels, np.float64), np.empty(channels, np.float64)
    coef = np.empty((2, channels), dtype)
    sums = np.result_type(dy, xhat)
    if y is not None and (
        y.dtype != dy.dtype or _np.is_channels_last(y) != _np.is_channels_last(dy)
    ):
        dy, y = relu_backward(dy, y), None  # the ReLU's backward apart
    relu = y is not None
    if dy.size == n * channels:  # no positions: rows of channels, made contiguous
        dy, xhat = np.ascontiguousarray(dy), np.ascontiguousarray(xhat)
        y = None if y is None else np.ascontiguousarray(y)
    found = _channel_rows(dy) if dy.dtype == dtype and xhat.dtype == dtype else None
    hfound = None if found is None else _channel_rows(xhat)
    yfound = None if found is None or y is None else _channel_rows(y)
    if (
        found is not None
        and hfound is not None
        and _same_rows(found, hfound)
        and (y is None or _same_rows(found, yfound))
    ):
        (rows, plane), hrows = found, hfound[0]
        dx = _like(dy, dtype)
        out = _rows_of(dx)
        yrows = rows if y is None else _rows_of(y)
        kept = _like(dy, dy.dtype) if residual and relu else None
        krows = out if kept is None else _rows_of(kept)
        _bn_backward_rows(
            rows, hrows, channels, plane, scale.astype(dtype), out, dweight, dbias, coef, relu,
            yrows, kept is not None, krows,
        )  # fmt: skip
        grads = (dx, dweight.astype(sums), dbias.astype(sums))
        return (*grads, dy if kept is None else kept) if residual else grads
    dy3 = np.ascontiguousarray(dy, dtype=dtype).reshape(n, channels, -1)
    xhat3 = np.ascontiguousarray(xhat, dtype=dtype).reshape(n, channels, -1)
    y3 = dy3 if y is None else np.ascontiguousarray(y, dtype=dtype).reshape(dy3.shape)
    dx = np.empty(dy3.shape, dtype)
    kept3 = np.empty(dy3.shape, dtype) if residual and relu else None
    _bn_backward(
        dy3, xhat3, scale.astype(dtype), dx, dweight, dbias, coef, 0, channels, relu, y3,
        kept3 is not None, dx if kept3 is None else kept3,
    )  # fmt: skip
    grads = (dx.reshape(dy.shape), dweight.astype(sums), dbias.astype(sums))
    if not residual:
        return grads
    return (*grads, dy if kept3 is None else kept3.reshape(dy.shape))


@numba.njit(nogil=True, cache=True)
def _relu_backward(dy, x, dx):
    # dy, x, dx flat, one length; x <= 0 is false for NaN: a NaN passes its gradient (PyTorch)
    for i in range(dx.size):
        dx[i] = 0.0 if x[i] <= 0 else dy[i]


def relu_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``dx`` of ``relu`` for ``dy`` and ``x`` of one shape and float dtype, in that dtype."""
    if _np.is_channels_last(dy) and _np.is_channels_last(x):  # and so dx
        dx = _np.empty_channels_last(dy.shape, dy.dtype)
        flat = [_np.channels_last(a).reshape(-1) for a in (dy, x, dx)]
        _relu_backward(*flat)
        return dx
    dyf = np.ascontiguousarray(dy).reshape(-1)
    xf = np.ascontiguousarray(x).reshape(-1)
    dx = np.empty(dyf.shape, dyf.dtype)
    _relu_backward(dyf, xf, dx)
    return dx.reshape(dy.shape)
