"""Fast vectorised convolutions in N dimensions: forward, backward, transposed.

Every operation is three kernels: the forward ``y``, the input gradient ``dx`` and the weight
gradient ``dw`` (``db[o] = sum_{n,p} dy[n, o, p]`` needs no kernel). Each kernel comes in
several strategies, which compute the same function in different ways:

=============  ===========================================================  ====================
strategy       how                                                          computes
=============  ===========================================================  ====================
``im2col``     gather every window into a matrix, one matrix product per    everything
               group; ``dx`` scatters the product's columns back
               (:mod:`convgrad.kernels.im2col`)
``shift``      im2col whose windows are contiguous runs of the flattened    stride 1
               image; ``dx`` is a forward convolution of ``dy``
``winograd``   Winograd F(2x2, 3x3): 16 products over 4x4 tiles instead     2-D 3x3, stride 1,
               of 9 over pixels (:mod:`convgrad.kernels.winograd`; with     no dilation, groups 1
               numba, its transforms compiled:
               :mod:`convgrad.kernels.winograd_numba`)
``taps``       one broadcast multiply-add per kernel tap, in cache-sized    one input channel
               blocks on threads (:mod:`convgrad.kernels.taps`)             per group (depthwise)
``fft``        products of Fourier transforms, per frequency a small        everything
               matrix product over channels (:mod:`convgrad.kernels.fft`)
``tapmm``      one matrix product per kernel tap over the channels-last     stride 1, groups 1
               image, images on threads (:mod:`convgrad.kernels.tapmm`)
``nhwc``       im2col over the channels-last image: each window a run of    groups 1
               whole pixels, one matrix product; ``dx`` a forward
               convolution of ``dy`` at stride 1 (:mod:`convgrad.kernels.nhwc`)
``rows``       nhwc with the last kernel axis in the product's output       stride 1, groups 1
               columns: fatter products for thin layers, shifted sums
               (:mod:`convgrad.kernels.rows`)
``nchw``       im2col image by image in the arrays' own layout: products    everything
               written straight into ``y``, ``dy`` read where it lies; a
               1x1 kernel gathers nothing (:mod:`convgrad.kernels.nchw`)
``tapblocks``  one matrix product per kernel tap over the outputs whose     groups 1
               tap is inside the input, the whole batch a product, on the
               BLAS's threads (:mod:`convgrad.kernels.tapblocks`)
``openvino``   OpenVINO's CPU plugin (oneDNN's compiled direct              groups 1, zero
               convolutions), float32, with ``convgrad[fast]``              padding
               (:mod:`convgrad.kernels.conv_openvino`)
=============  ===========================================================  ====================

The automatic choice (:func:`_strategy`) is, with OpenVINO installed (``convgrad[fast]``),
``openvino`` for float32 layers of groups of one with more than one tap, where it measured faster
(:func:`_openvino_pays`, whose rule has the measurements); else, with the numba accelerator,
``winograd`` for 2-D
3x3 layers of stride 1 without dilation or groups, with at least 16 channels each way, on planes
of 8x8 and more that whole 2x2 tiles cover with little waste, and batches of at least as many
tiles as output channels (:func:`_winograd_pays`, whose rule has the measurements: 1.0 to 2.1
times faster than the direct strategies there); otherwise (:func:`_automatic`) ``fft`` for large
kernels (from about 7x7 on large images with few channels, to never on small images with many;
9x9 and up when each group has one input channel; the rule and its measurements are by its
code), ``taps`` for other depthwise convolutions (and, with the numba accelerator, grouped ones
with few channels per group: :mod:`convgrad.kernels.accel`), ``nchw`` for 1x1 kernels, 1-D
layers, layers with few input channels and groups with few products per output, on images with
at least 49 output positions (with im2col's or nhwc's ``dx`` where there are no groups and more
than one tap), ``tapblocks`` for 2-D layers of 48 to 383 channels on planes of at most 64
output positions and batches of at most 1,600 positions, outside a loop of layers that split
their batch over convgrad's threads (``TAPBLOCKS_POSITIONS``), ``nhwc`` for layers without
groups with at least 16 input channels and more than one tap, on images with at least one output
position per 4 input channels, and ``im2col`` for the rest, except grouped layers with at least
16 channels a group each way, which run group by group, each group a layer without groups with
its own automatic choice (``GROUP_CHANNELS``): on the development machine
``shift``, ``winograd`` (with NumPy's transforms), ``rows`` and (since ``nhwc``) ``tapmm``
measured no faster (BENCHMARKS.md has the figures). :func:`strategy` (or the
``CONVGRAD_STRATEGY`` environment variable) forces one where it applies; the tests hold every
strategy to the reference loops.

NaN and infinities. ``im2col``, ``taps`` and ``tapblocks`` read each input only where a window
does, so a NaN reaches exactly the outputs whose windows read it, as in PyTorch. ``tapmm`` and
``shift`` compute the positions between output rows too, with zeros for their ``dy``, and
``0 * inf`` is NaN (a NaN at the end of a row of ``x`` reached all of ``shift``'s ``dw``): a
non-finite input sends them to ``im2col``; so does a non-finite ``dy`` or ``w`` for
``nhwc``'s stride-1 ``dx``, which multiplies the weights by the zeros around ``dy``; ``rows``
reads the positions between windows too, and sends a non-finite input to ``nhwc``. ``fft`` and
``winograd`` transform whole images or tiles, where one NaN or infinity would reach every
frequency and so every output (``inf * 0`` and ``inf - inf`` are NaN); when an input is not
finite they hand the convolution to the direct strategy the automatic choice would take
(:func:`_direct`; the check is one sum per input, ``isfinite(sum(a))``, which is NaN or inf
whenever ``a`` holds one, and at worst sends a sum that overflows to the direct strategy too).

float32 in the FFT. A transform's rounding error is relative to the whole image (its norm),
not to each output: an output much smaller than the image around it (a dark patch beside a
bright one, a channel whose weights cancel) loses its digits. In float32 that measured up to
2.6e-4 of the output channel's largest value, against 1e-6 for the direct strategies (the
command is in ``tests/test_fft.py``'s float32 test). The FFT kernels therefore transform in
float64 whatever the inputs' dtype, a chunk of images at a time, and return the inputs' dtype
(:mod:`convgrad.kernels.fft`).

A transposed convolution is the input-gradient of the convolution whose input is its output, so
its forward is that convolution's ``dx`` kernel, and its backward is a forward convolution
(``dx``) and the same weight gradient with the roles of input and upstream gradient swapped.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import math
import os
from collections.abc import Iterator
from types import ModuleType

import numpy as np

from . import _api, _args, _memory, _np
from ._api import ConvGrads
from ._args import ConvSpec
from .kernels import accel
from .kernels import conv_openvino as _openvino
from .kernels import fft as _fft
from .kernels import im2col as _im2col
from .kernels import last as _last
from .kernels import nchw as _nchw
from .kernels import nhwc as _nhwc
from .kernels import parallel as _parallel
from .kernels import rows as _rows
from .kernels import tapblocks as _tapblocks
from .kernels import tapmm as _tapmm
from .kernels import taps as _taps
from .kernels import winograd as _winograd

# Strategies: how a convolution is computed. Each computes the same function; the choice by
# shape is made in _automatic() and can be overridden with strategy() or CONVGRAD_STRATEGY.
STRATEGIES = (
    "im2col",
    "shift",
    "winograd",
    "taps",
    "fft",
    "tapmm",
    "nhwc",
    "rows",
    "nchw",
    "tapblocks",
    "openvino",
)
# Where "fft" becomes the automatic choice, from measured crossovers on the development machine
# (BENCHMARKS.md, "Large kernels"; fft time / the other strategy's):
# - one input channel per group, against taps: 2-D 5x5 1.2-2.4, 7x7 0.65-1.5, 9x9 0.72-1.07,
#   11x11 0.68-0.91; 1-D k=31 1.5, k=65 0.57-0.91, k=255 0.28-0.31. Taps per output decide.
# - otherwise, against im2col, the FFT's products per frequency against im2col's per output and
#   tap decide: ``K * P_out / F`` (taps, output positions, frequencies of one image) measured
#   51, 56, 62 where the FFT lost (1.62, 1.42, 1.29) and 75 to 245 where it won (0.18 to 0.91).
# Since the FFT transforms in float64 (the module docstring), its CPU time on float32 is 1.2 to
# 2.5 times what it was. Against the direct strategy, forward + backward, CPU time, 1 thread
# (``OPENBLAS_NUM_THREADS=1 python benchmarks/fft_cpu_time.py``): depthwise 2-D 7x7 1.49
# (112x112) and 0.70 (14x14), 9x9 0.77 and 0.87, 11x11 0.80, 13x13 0.48; depthwise 1-D k=65
# 1.24, k=255 0.38; dense 16 -> 16 7x7 1.00, 64 -> 64 7x7 4.05 (not chosen), 1-D k=33 1.09 (not
# chosen), k=65 0.63. Only the depthwise k=65 turned: one channel per group now needs 80 taps
# per output (9x9 and up).
# With numba (convgrad[fast]) depthwise convolutions take its taps at every size: forward +
# backward, float32, 2 threads, ms numba taps / FFT (``CONVGRAD_STRATEGY=taps`` and ``=fft``,
# ``convgrad bench --large --case dw``): 9x9 at 112x112 28.4 / 161, 13x13 at 28x28 17.2 / 54.7,
# 1-D k=255 135 / 450.
FFT_TAPS_ONE_CHANNEL = 80
FFT_SCORE = 70
FFT_KERNEL_BYTES = 16 << 20  # the kernel's transform, held whole: the memory bound holds
# Where the numba taps (convgrad[fast]) replace im2col on a grouped convolution with several input
# channels per group: at most this many products per output (``Cg * K``), and more than one tap.
# NumPy / numba CPU time, forward + backward, float32, 1 thread, batch 8
# (``python benchmarks/numba_crossover.py``): 4 channels 3x3 at 28x28 (36 products) 1.76, 8x3x3
# (72) 1.17 at 28x28 and 1.43 at 56x56, 1-D 8 x k=5 (40) 1.70; 32x3x3 (288) 0.57, 1x1 with 16
# channels (16, where im2col gathers nothing) 0.39. Depthwise (one channel per group) always
# takes them: 1.41 (3x3 stride 2) to 5.0 (5x5). Again after the kernels were reworked
# (2026-11-30: padding in the kernels, taps fused): 36 products 1.78, 72 1.07 and 1.30, 1-D 1.20;
# depthwise 1.78 (stride 2) to 5.90 (5x5). Again after the copies as loops, the flat rows and
# the phases (eighth session, two runs): 36 products 2.18 and 1.89, 72 1.23 to 1.24 and 1.47 to
# 1.51, 1-D 1.96 and 1.68; 144 (16 x 3x3) 1.03, at stride 2 0.99, 288 1.00 and 1.01, 1x1 1.02
# and 1.06: ties, left to im2col; depthwise 1.68 (stride 2) to 6.19.
NUMBA_GROUPED_PRODUCTS = 72
# A grouped convolution whose automatic choice is im2col, with at least GROUP_CHANNELS input and
# output channels in each group, runs group by group as convolutions without groups, each with
# its own automatic choice (nhwc, mostly), on views of the group's channels (_groups_apart).
# im2col gathers every group's windows into one matrix and multiplies group by group; nhwc's
# windows are runs of a pixel's channels. Forward + dx + dw, float32, batch 32 unless said, 2
# threads, NumPy, ms im2col / group by group (a scratch script, medians of 5 alternating rounds,
# 2026-11-30, an Intel Xeon VM): 64 channels in 2 groups at 28x28 53.8 / 44.2, 128 in 4 at
# 14x14 34.0 / 29.1, 256 in 8 at 14x14 66.3 / 57.1, 96 in 2 at 27x27 5x5 181 / 129, 256 in 2
# at 13x13 83.4 / 80.3, 512 in 16 at 7x7 44.2 / 37.6, batch 8 256 in 8 at 28x28 51.7 / 49.9.
# Where the automatic choice is nchw (small groups on large planes) group by group lost or tied:
# 128 in 8 at 14x14 25.6 / 30.1, 64 in 4 at 28x28 43.0 / 42.8.
GROUP_CHANNELS = 16


def _groups_apart(name: str, spec: ConvSpec, w: np.ndarray) -> bool:
    """Whether a convolution for which strategy ``name`` was chosen runs group by group
    (``GROUP_CHANNELS`` has the rule and its measurements)."""
    per_group = min(w.shape[1], w.shape[0] // spec.groups)
    apart = spec.groups > 1 and per_group >= GROUP_CHANNELS
    return apart and name == "im2col" and _FORCED.get() is None


def _one_group(spec: ConvSpec) -> ConvSpec:
    return dataclasses.replace(spec, groups=1)


def _group_slices(w: np.ndarray, groups: int) -> Iterator[tuple[slice, slice]]:
    """``(input channels, output channels)`` of each group."""
    c_in, c_out = w.shape[1], w.shape[0] // groups
    for g in range(groups):
        yield slice(g * c_in, (g + 1) * c_in), slice(g * c_out, (g + 1) * c_out)


# "tapmm" (one product per kernel tap, channels last) was the automatic choice for stride-1
# layers with 16 or more input channels until "nhwc" measured faster on every one of them (below;
# BENCHMARKS.md has both crossovers); it stays a strategy that strategy() can force.
# Where "nhwc" (im2col with the channels last) is the automatic choice, in place of tapmm and
# im2col: no groups, more than one tap, at least NHWC_CHANNELS input channels and at least one
# output position per NHWC_CHANNELS_PER_POSITION input channels. Forward + dx + dw, float32,
# wall clock on 2 threads, quiet machine, runs back to back as in a training loop, medians of 7
# (``python benchmarks/nhwc_crossover.py``), ms im2col / tapmm / nhwc: ResNet-20 on 28x28 16 ch
# 8.08 / 10.91 / 6.21, 32 ch at 14x14 6.68 / 6.73 / 4.28, 64 at 7x7 6.50 / 6.94 / 3.98, stride 2
# 16 -> 32 5.37 / - / 3.94, 32 -> 64 6.00 / - / 3.31; the default CNN's 32 -> 64 at 14x14 8.42 /
# 8.77 / 7.65, 64 -> 128 at 7x7 8.26 / 9.33 / 6.33, 32 -> 64 at 4x4 2.12 / 1.92 / 1.13; the bench
# suite's ResNet-20 16 at 32x32 59.4 / 51.8 / 29.7, ResNet-18 64 49.1 / 46.4 / 41.7, 128 50.5 /
# 41.6 / 39.5, 256 (196 positions for 256 channels) 37.8 / 47.1 / 36.9, 64 -> 128 stride 2 25.6 /
# - / 24.8. Left to im2col: ResNet-18 512 at 7x7 (49 positions for 512 channels) 40.8 / 89.8 /
# 47.6, 1x1 kernels (nothing to gather: 5.09 / - / 6.55 and 17.0 / 23.4 / 21.3), few channels
# (LeNet's 6: 4.20 / 5.09 / 4.58; 3: 20.8 / - / 28.8; 1: 3.28 / 8.73 / 5.18).
NHWC_CHANNELS = 16
NHWC_CHANNELS_PER_POSITION = 4
# ...and fewer than NHWC_MAX_CHANNELS input channels: from 384 im2col was as fast or faster on
# every layer measured (eleventh session, 2026-11-30, the same measure, medians of 5, a noisy
# machine, ``python benchmarks/nhwc_crossover.py --small-planes``), ms im2col / nhwc: 512 at
# 14x14 batch 4 67.0 / 90.2 and 71.2 / 95.7, batch 8 137.2 / 156.6; 512 at 28x28 batch 2 138.3 /
# 168.4; 384 at 14x14 batch 4 44.7 / 50.0, batch 8 82.6 / 89.3; 3-D 3x3x3 (a scratch script) 512
# at 8x8x8 batch 4 672 / 827, 384 at 6x14x14 batch 2 404 / 399. At 256 channels the two were
# within 10% either way (14x14 batch 8 37.4 / 38.1 and 39.4 / 40.3, batch 32 139.9 / 131.3).
NHWC_MAX_CHANNELS = 384
# 2-D stride-1 layers with NHWC_FEW_CHANNELS to 15 input channels that nchw does not take (more
# than NCHW_MANY_TAPS taps on fewer than NCHW_SMALL_IMAGE positions, or fewer than
# NCHW_POSITIONS positions), which im2col took before, take nhwc's forward and dw, whose
# gathered runs are a pixel's channels, and nchw's dx, whose flat runs skip the wide zero border
# nhwc's dx gathers around dy (k - 1 on each side of a valid convolution). Forward + dx + dw,
# float32, 2 threads, NumPy, ms im2col / nhwc and nchw's dx, three alternating rounds (a scratch
# script; the first two rounds): LeNet's second layer (64, 6, 14, 14) 5x5 3.51, 3.72 / 3.13,
# 3.14; 8 channels 4.76, 4.67 / 4.07, 4.02; 6 at 12x12 3.46, 3.48 / 2.27, 2.17; 12 -> 24 5x5 at
# 10x10 8.89, 7.59 / 5.87, 5.95; 6 -> 16 7x7 at 14x14 3.64, 3.63 / 2.21, 2.21; 15 -> 32 3x3 at
# 6x6 1.40, 1.39 / 0.96, 0.95; 8 at 5x5 0.54 / 0.40; 6 at 6x6 0.36 / 0.30 to 0.34; 4 at 4x4
# 0.33 / 0.32 to 0.33. nhwc's own dx lost there (LeNet's second layer: im2col 4.20, nhwc 4.58 in
# the comment above). Where nchw is chosen (3x3 on 28x28 and larger images) it stayed faster:
# 4 -> 8 at 28x28 1.83 to 2.16 (nchw) / 2.96 to 3.74, 8 -> 16 at 32x32 5.47 to 6.04 / 6.82 to 8.06.
NHWC_FEW_CHANNELS = 4
# ...but where nchw's forward is chosen for such a layer (NCHW_SMALL_IMAGE), nhwc's dx gathers
# C_out * taps numbers an input position and im2col's scatters C_in * taps: dx is im2col's when
# the layer widens (C_out > C_in), nhwc's otherwise. dx alone, float32, 2 threads, NumPy, ms
# nhwc / nchw / im2col, best of 3 medians of 5 alternating (the twentieth session, an Intel
# Xeon; a scratch script), batch 32 unless said: widening, 4 -> 32 5x5 at 28x28 batch 64 17.5
# / 5.25 / 3.99; 6 -> 16 5x5 padded batch 64 9.90 / 8.67 / 5.99; 6 -> 16 3x3 2.37 / 1.61 / 1.55;
# 8 -> 16 2.16 / 1.95 / 1.77; 12 -> 24 3.47 / 3.32 / 2.53; 4 -> 8 1.55 / 1.18 / 1.26; 8 -> 16 at
# 32x32 2.73 / 2.77 / 2.27; batch 16 at 56x56 3.97 / 3.29 / 2.96; 6 -> 32 5x5 10.1 / 4.16 /
# 3.09; 12 -> 24 5x5 5.87 / 4.77 / 3.32; 4 -> 16 7x7 9.60 / 7.68 / 5.56; 8 -> 32 7x7 batch 16
# 11.3 / 10.7 / 7.95; 15 -> 32 5.40 / 4.51 / 3.67; 8 -> 64 7.23 / 3.07 / 2.81; 4 -> 64 5x5
# 16.5 / 5.06 / 3.57; 8 -> 16 5x5 at 64x64 batch 8 5.89 / 5.44 / 5.54; as wide: 8 -> 8 7x7 5.05
# / 12.8 / 12.9, 4 -> 4 7x7 2.80 / 6.70 / 5.30, 8 -> 8 5x5 2.92 / 6.00 / 4.87, 12 -> 12 7x7
# 6.76 / 18.9 / 13.0, 8 -> 8 3x3 1.29 / 1.92 / 1.63.
# Where "nchw" (im2col image by image, in the arrays' own layout) is the automatic choice, before
# nhwc and im2col: at least NCHW_POSITIONS output positions per image, and a 1x1 kernel, one
# dimension with at most NCHW_MANY_TAPS taps, groups with at most NCHW_GROUPED_PRODUCTS products
# per output (``Cg * K``), or fewer than NHWC_CHANNELS input channels with at most
# NCHW_MANY_TAPS taps or at least NCHW_SMALL_IMAGE positions. Its dx adds each tap's products
# back, which lost to im2col's and nhwc's without groups: there, but for 1x1 kernels, dx stays
# theirs (_input_grad_strategy). Forward + dx + dw, float32, 2 threads, NumPy only, quiet
# machine, medians of 7 alternating rounds (``python benchmarks/nchw_crossover.py``), ms before
# (im2col or nhwc, the earlier automatic choice) / nchw forced / the automatic choice now:
# - few channels: LeNet's first layer 4.37 / 4.20 / 3.36, the 28x28 CNN's 1 -> 32 2.91 / 2.35 /
#   2.10, the digits' 1 -> 32 at 8x8 0.51 / 0.56 / 0.44, CIFAR 3 -> 16 3.96 / 3.29 / 2.87,
#   3 -> 32 at 28x28 3.71 / 3.62 / 3.11, ResNet-18's stem 16.0 / 14.7 / 15.5, 3-D 4 channels
#   15.9 / 15.3 / 13.8; not chosen: LeNet's second layer (25 taps, 100 positions) 3.93 /
#   4.05, 8 channels 5x5 at 14x14 4.93 / 5.69 (now nhwc's with nchw's dx: NHWC_FEW_CHANNELS);
# - 1x1: MobileNet's pointwise 13.5 / 10.2 / 9.6, 64 at 28x28 8.09 / 5.25 / 5.18, ResNet-18's
#   stride-2 downsampling 4.56 / 3.86 / 3.99, 256 -> 64 at 7x7 3.16 / 2.20; left to im2col:
#   512 at 4x4 (16 positions) 7.25 / 10.06;
# - 1-D: 128 channels k=3 over 1024 43.5 / 34.6 / 36.1, 256 over 512 69.4 / 58.4 / 62.6, 64
#   k=9 over 4096 63.1 / 60.1 / 57.0, 32 k=5 over 1024 8.20 / 7.80 / 7.37, 32 k=9 over 1024
#   10.3 / 12.9 / 10.8, 64 k=3 over 128 3.32 / 3.79 / 3.52; left to nhwc: 16 k=33 over 4096
#   19.8 / 42.6 (its dx) / 23.4 (nchw's forward and dw, nhwc's dx);
# - groups (NumPy; numba's taps take few channels per group first): ResNeXt's 32 groups of 4
#   12.4 / 9.6, 4 groups of 16 at 28x28 17.9 / 15.1, 8 of 8 at 14x14 11.5 / 7.2; left to
#   im2col: AlexNet's 2 groups of 48 5x5 (1,200 products) 79.4 / 89.5, 2 of 64 at 7x7 10.3 /
#   11.5, 4 of 16 at 4x4 (16 positions).
# Layers with 16 or more channels and 3x3 kernels stay with nhwc: ResNet-20's 16 at 28x28 5.85
# / 7.74, the 28x28 CNN's 32 -> 64 6.82 / 7.92. nchw's dw sums one product of w's size per
# image, which costs as much as the products themselves when each has few positions for its
# ``Cg * K``: no more than NCHW_PRODUCTS_PER_POSITION per position (ResNet-50's 1x1 at 7x7,
# im2col / nchw, 5 rounds: 512 -> 2048 18.6 / 20.6, 2048 -> 512 18.3 / 21.4, 10 and 42 per
# position; at 14x14, 1024 -> 256 17.4 / 16.0, 5 per position).
NCHW_POSITIONS = 49
NCHW_PRODUCTS_PER_POSITION = 8
NCHW_GROUPED_PRODUCTS = 256
NCHW_MANY_TAPS = 9
NCHW_SMALL_IMAGE = 128
# "tapblocks" (one product per kernel tap over the outputs whose tap is inside the input, the
# whole batch a product, on the BLAS's threads) is the automatic choice for 2-D layers without
# groups, with more than one tap, at most TAPBLOCKS_POSITIONS output positions per image and
# TAPBLOCKS_ROWS over the batch (the products' rows), and TAPBLOCKS_MIN_CHANNELS to
# TAPBLOCKS_MAX_CHANNELS - 1 channels each way, unless a split ended less than
# parallel.QUIET_AFTER_SPLIT seconds ago. Inside a training step, where other layers split the
# batch over convgrad's threads, its products on the BLAS's threads made the whole step slower,
# though each layer alone was faster: a ResNet-20 epoch on 28x28 images (whose 64-channel 7x7
# layers it took), ``convgrad bench --train``, 9.6 and 9.9 -> 12.8 and 13.8 s (11.5 with its
# products on one thread); a ResNet-18-like step on 64x64 images 115 and 129 -> 157 and 166 ms.
# Alone (a layer at a time, inference of small networks, a benchmark of one layer), on small
# planes and batches, where im2col's and nhwc's gathers copy runs of a few numbers and a third
# or more of their products multiply the padding, it measured faster. Forward + dx + dw,
# float32, 2 threads, ms the earlier automatic choice / tapblocks, medians of 9 rounds
# alternating on a noisy machine (a scratch script, 2026-11-30):
# - won: 4x4, batch 16, 256 channels 16.4 / 9.3; batch 64, 128 -> 256 26.0 / 11.9 (the other
#   shapes' head-4x4); 64 -> 128, batch 32, 3.91 / 2.76; 64 channels, batch 64, 6.02 / 3.74;
#   7x7, batch 32, 64 -> 128 (the 28x28 CNN's third layer) 12.3 / 8.5, 128 19.2 / 17.8; 8x8,
#   batch 16, 128 11.4 / 7.7; batch 4, 256 15.8 / 11.4; batch 32, 48 6.54 / 5.41, 64 9.57 /
#   9.23 (2,048 rows: a tie); batch 8, 64 2.34 / 1.90; stride 2 to 4x4, 128 -> 256 9.76 / 5.58;
# - tied or lost, left as they were: 512 channels (7x7 batch 8 58.4 / 69.4 and 43.8 / 55.9,
#   batch 2 22.2 / 33.9, 4x4 batch 32 68.0 / 65.5), 32 at 8x8 2.35 / 3.05, 256 at 7x7 (49
#   positions, batch 32) 34.4 / 32.0, larger planes (14x14: 32 -> 64 22.5 / 21.1, 256 42.7 /
#   44.4; 16 at 28x28 11.6 / 34.6; stride 2 from 16x16 10.6 / 11.2); batch 64 at 8x8 (4,096
#   rows, ResNet-20's third stage in the suite), 64 channels, 13.4 / 27.3 and 15.1 / 19.7.
# With numba, against Winograd on the 8x8 planes it would take (ms Winograd / tapblocks): batch
# 16, 128 channels 10.6 / 8.0; batch 4, 256 19.9 / 14.4; batch 8, 64 3.54 / 2.09; lost at batch
# 32, 64 7.05 / 8.05 (2,048 rows); at batch 64, 64 channels, 12.0 / 27.3 and 13.4 / 19.7.
TAPBLOCKS_POSITIONS = 64
TAPBLOCKS_ROWS = 1600
TAPBLOCKS_MIN_CHANNELS = 48
TAPBLOCKS_MAX_CHANNELS = 384
# TAPBLOCKS_WITH_OPENVINO: where OpenVINO runs the layer (float32, convgrad[fast], at least
# OPENVINO_MIN_MACS a pass: _openvino_nearby), tapblocks is not chosen.
# Its products run on the BLAS's threads, which spin for a while after each; OpenVINO's passes
# right after ran twice as slow. A layer's forward, dx and dw one after the other (OpenVINO's
# forward and dx, dw by each strategy forced), float32, 2 threads, medians of 8 (the twentieth
# session, an Intel Xeon; a scratch script), ms forward / dx / dw: batch 32 of 256 channels at
# 7x7, dw by tapblocks 14.8 / 16.8 / 13.0, by im2col 7.01 / 7.05 / 12.4, nhwc 7.01 / 7.16 / 11.6;
# batch 64 of 128 -> 256 at 4x4, 4.47 / 3.93 / 4.57 against im2col's 2.99 / 2.53 / 5.23; batch
# 16 of 128 at 8x8, 2.28 / 2.24 / 3.10 against Winograd's 1.40 / 1.36 / 2.76. With OpenBLAS's
# workers told to sleep at once (OPENBLAS_THREAD_TIMEOUT=4, read when it loads), the first
# layer's forward and dx took 7.43 and 7.39 after tapblocks' dw.
_FORCED: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "convgrad_strategy", default=os.environ.get("CONVGRAD_STRATEGY") or None
)


@contextlib.contextmanager
def strategy(name: str | None) -> Iterator[None]:
    """Use strategy ``name`` for every convolution it supports inside the block (others keep
    the automatic choice); ``None`` restores the automatic choice. The environment variable
    ``CONVGRAD_STRATEGY`` sets the same default for a whole process.

    >>> import numpy as np, convgrad
    >>> with strategy("im2col"):
    ...     convgrad.conv2d(np.ones((1, 2, 4, 4)), np.ones((2, 1, 3, 3)), groups=2).shape
    (1, 2, 2, 2)
    """
    if name is not None and name not in STRATEGIES:
        raise ValueError(f"strategy must be one of {STRATEGIES} or None; got {name!r}")
    token = _FORCED.set(name)
    try:
        yield
    finally:
        _FORCED.reset(token)


def _numba(spec: ConvSpec, w: np.ndarray) -> ModuleType | None:
    """The numba kernels (:mod:`convgrad.kernels.taps_numba`) when they run this convolution's
    taps: a grouped one, with the accelerator on (:mod:`convgrad.kernels.accel`); else ``None``."""
    return accel.numba_kernels() if spec.groups > 1 else None


def _winograd_numba(spec: ConvSpec, *arrays: np.ndarray) -> ModuleType | None:
    """Winograd's compiled transforms (:mod:`convgrad.kernels.winograd_numba`) when the
    accelerator is on and they take these arrays' dtype; else ``None`` (NumPy's run)."""
    if np.result_type(*arrays) not in (np.float32, np.float64):
        return None
    return accel.numba_kernels("winograd")


def _taps_pays(spec: ConvSpec, w: np.ndarray) -> bool:
    """Whether the taps strategy is the automatic choice among the direct ones: one input
    channel per group (depthwise), or, with numba, a grouped convolution with few products per
    output (``NUMBA_GROUPED_PRODUCTS``, whose comment has the measurements)."""
    if spec.groups == 1:
        return False
    if w.shape[1] == 1:
        return True
    taps = math.prod(spec.kernel)
    few = taps > 1 and w.shape[1] * taps <= NUMBA_GROUPED_PRODUCTS
    return few and _numba(spec, w) is not None


def supports(name: str, spec: ConvSpec, w: np.ndarray) -> bool:
    """Whether strategy ``name`` can compute this convolution."""
    if name == "taps":
        return w.shape[1] == 1 or _numba(spec, w) is not None
    if name == "shift":
        return set(spec.stride) == {1}
    if name == "tapmm":
        return set(spec.stride) == {1} and spec.groups == 1
    if name == "nhwc":
        return spec.groups == 1
    if name == "rows":
        return set(spec.stride) == {1} and spec.groups == 1
    if name == "tapblocks":
        return spec.groups == 1
    if name == "openvino":
        return _openvino.supports(spec, "forward")
    if name == "winograd":
        return _winograd.supports(spec, w)
    return name in ("im2col", "fft", "nchw")


# With the numba accelerator, Winograd F(2x2, 3x3) (kernels/winograd_numba.py) is the automatic
# choice for 2-D 3x3 layers of stride 1, without dilation or groups, in float32 or float64, with
# at least WINOGRAD_CHANNELS input and output channels, on planes of at least WINOGRAD_TILES
# tiles whose whole 2x2 tiles hold at most WINOGRAD_WASTE times the output positions, and
# whose batch holds at least as many tiles as there are output channels (a set of products reads
# the weights' transform, 16 * C_out * C_in numbers, once). forward + dx + dw, float32, 2
# threads, ms direct / Winograd, speedup (``python benchmarks/winograd_crossover.py``,
# 2026-11-30, a noisy machine):
# - won, batch 8: 64 channels at 56x56 41.2 / 29.3 (1.40), 128 at 28x28 39.7 / 29.7 (1.34),
#   256 at 14x14 39.9 / 33.0 (1.21), 256 at 28x28 1.47, 128 at 56x56 1.73, 32 at 56x56 2.08,
#   16 at 56x56 1.38, 64 at 16x16 1.19; batch 32: 16 at 28x28 1.20, 32 at 14x14 1.20, 16 at
#   32x32 1.44, 32 at 16x16 1.34, 64 at 8x8 1.07, 128 at 14x14 1.38, 64 at 15x15 (tiles 1.14
#   times the positions) 1.60, 16 at 16x16 1.12; batch 64 (ResNet-20's stages at 32x32): 16
#   channels 1.40, 32 0.98 (1.31 in a first run), 64 1.19; batch 1 and 2: 64 at 56x56 1.31, 128
#   at 28x28 1.56;
# - lost where the tiles waste a third (7x7 planes: 32 x 64 channels 0.92, 32 x 128 0.89, 8 x
#   512 0.44), with fewer tiles than output channels (2 x 256 at 14x14 0.74; 16 x 256 at 8x8,
#   as many, 1.04; 8 x 512 at 14x14, fewer, won 1.38 here and 1.09 in a first run) and with 8
#   channels in a first run (32 at 32x32 0.96; 1.23 here).
# - small planes, measured again and again on this noisy machine, mostly lost or tied: 4x4
#   (2x2 tiles), batch 32 or 64, 32 or 64 channels: 0.62 to 1.34; 6x6 (3x3 tiles) 0.81 to 0.93
#   (once 1.80); 8x8 (16 tiles) won in every run, 1.07 to 1.52. Planes of fewer than
#   WINOGRAD_TILES tiles stay direct.
WINOGRAD_CHANNELS = 16
WINOGRAD_WASTE = 1.2
WINOGRAD_TILES = 16


def _winograd_pays(spec: ConvSpec, w: np.ndarray, batch: int, dtype: np.dtype) -> bool:
    """Whether Winograd's compiled transforms are the automatic choice (the rule and its
    measurements are by ``WINOGRAD_CHANNELS``)."""
    if not _winograd.supports(spec, w) or dtype not in (np.float32, np.float64):
        return False
    if min(w.shape[:2]) < WINOGRAD_CHANNELS:
        return False
    th, tw = _winograd._tiles(spec)
    positions = math.prod(spec.out_spatial)
    if th * tw < WINOGRAD_TILES or 4 * th * tw > WINOGRAD_WASTE * positions:
        return False
    if batch * th * tw < w.shape[0]:
        return False
    return accel.numba_kernels("winograd") is not None


# With OpenVINO (``convgrad[fast]``), its compiled convolutions (kernels/conv_openvino.py) are the
# automatic choice for float32 layers of groups of one, zero padding and more than one tap,
# where the automatic choice is not the FFT, for passes of at least OPENVINO_MIN_MACS
# multiply-adds: the forward and ``dx`` with at least OPENVINO_CHANNELS input channels, ``dw``
# at stride 1 where the batch's output positions are at most OPENVINO_DW_POSITIONS (4 times as
# many with at most OPENVINO_DW_THIN output channels), the channels' product at most
# OPENVINO_DW_CHANNELS and a plane's output positions at least OPENVINO_DW_TAPS times the taps
# (its ``dw`` is a convolution whose filter is ``dy``, which oneDNN runs well only small). Time
# OpenVINO / the automatic choice with numba, per pass (forward, dx, dw), float32, 2 threads,
# best of 2 medians of 11 (a scratch sweep of 88 layers, 2026-12-01, an Intel Xeon with
# AVX-512):
# - forward and dx, 3x3 or 5x5: 0.28 to 0.83 from 8 input channels up (batch 8 and 32, 8 to 128
#   channels, 7x7 to 56x56, stride 1 and 2), except 128 channels at 14x14, batch 32, 0.99 and
#   0.79, and dx of 256 channels at 7x7, stride 2, 1.20; with 4 input channels, the forward
#   0.51 to 1.16, dx 0.28 to 1.04;
# - 1x1 kernels, all passes: 0.89 to 6.9 (lost almost everywhere: NumPy's are one product);
# - dw: at batch 8 on 28x28 and smaller planes, 8 to 64 channels, 0.39 to 1.0; 7x7 with 256
#   channels 1.94, 5x5 kernels on 7x7 planes 1.21 and 1.26, stride 2 0.93 to 2.08; batch 32 on
#   28x28 and 56x56 0.94 to 2.27, on 14x14 0.54 and 0.78 with 64 channels, 1.39 with 128.
#   Again, best of 3 medians of 21 (``dw`` alone, the same day): ResNet-20's layers at batch
#   32, 16 channels at 28x28 0.76, 32 at 14x14 0.80, 64 at 7x7 0.71, their stride-2 layers
#   0.94 and 0.92; 16 -> 32 channels at 28x28 1.55, 32 at 28x28 1.76, 16 at 56x56 1.49, 32 -> 64
#   at 14x14 0.60, 64 at 14x14 0.76, 128 at 14x14 1.17. With 16 output channels or fewer
#   (OPENVINO_DW_THIN) oneDNN ran 4 times the positions as well: batch 32 at 28x28 with 4, 8
#   and 16 input channels 0.99, 0.98 and 0.76, batch 8 at 56x56 0.86; batch 32 at 56x56 1.39.
# - inside a small network's training step, OpenVINO's calls slowed the NumPy work around them:
#   the digits' CNN (8x8 images, batch 32; its second layer 9.4 M multiply-adds a pass, where
#   OpenVINO's forward and dx alone took half NumPy's time) stepped in 4.16 to 4.45 ms with
#   OpenVINO against 3.62 to 3.98 without, every op family slower (``python
#   benchmarks/train_profile.py --model cnn --size 8 --batches 45 --threads 2``, three rounds
#   alternating; 1 thread for OpenVINO, or its threads not pinned, the same). Passes of fewer
#   than OPENVINO_MIN_MACS multiply-adds stay NumPy's: the smallest layer of the 28x28 CNN and
#   of the ResNet-20 has 57.8 M. LeNet-5's second layer (6 -> 16 channels, 5x5, 14x14, batch
#   64: 15.4 M), given to OpenVINO, made its whole step faster: 11.5 and 10.7 ms -> 9.5 and 9.0
#   (the twentieth session, ``lenet5`` of ``benchmarks/other_networks.py``, two runs of 7 rounds
#   alternating, [fast]); the threshold lies between the two networks' layers.
# - few input channels (the twentieth session, the same Xeon, no padding, best of 2 medians of
#   9, OpenVINO / the automatic choice without it; batch 32 and 64, 16 and 32 output channels,
#   3x3 and 5x5, 14x14 and 28x28): with 4 and 6 input channels, at 12 M multiply-adds or more,
#   the forward 0.34 to 0.96, dx 0.20 to 0.43 but one 1.32 (4 -> 32, 5x5, 14x14, batch 64);
#   below 12 M the forward 0.38 to 1.09. With 3 channels (RGB stems) dx 0.48 to 1.65 and the
#   forward 0.42 to 1.75, mixed: they stay NumPy's (OPENVINO_CHANNELS). Held to AVX2 (as
#   above), batch 64, 4 and 6 channels: the forward 0.33 to 0.80, dx 0.31 to 0.98. Those
#   layers had at most 177 M multiply-adds. Larger ones, OpenVINO / the automatic choice
#   without it (best of 2 medians of 7): 4 -> 32 at 64x64, batch 32 (151 M), 7.1 and 1.03
#   (again: 0.72 and 0.95); 4 -> 64 at 32x32, batch 128, 1.66 and 1.38; 4 -> 32 at 96x96,
#   batch 16, 1.90 and 0.99; 6 -> 64 at 32x32, batch 128, 1.27 and 1.12; 4 -> 64 7x7 stride 2
#   at 224x224, batch 8, 1.00 and 1.37; 4 -> 64 at 56x56 0.98 and 1.22; but 6 -> 32 at 64x64
#   0.61 and 0.73, 6 -> 16 5x5 at 56x56 0.27 and 0.42. With fewer than OPENVINO_WIDE input
#   channels, the forward and dx are OpenVINO's up to OPENVINO_FEW_MACS multiply-adds, where
#   every pass measured won but one dx (1.32, above).
# - against Winograd's compiled transforms (which the automatic choice takes without OpenVINO on
#   3x3 layers of 16 channels or more), forward + dx + dw, medians of 5 rounds alternating,
#   OpenVINO / Winograd (``dw`` forced to OpenVINO here): batch 32 of 16 channels at 28x28 0.66
#   (inputs of 1.6 MB), 32 at 14x14 0.65, 64 at 7x7 0.54; batch 64 of 32 at 16x16 (2 MiB) 0.54,
#   of 64 at 8x8 0.58; but batch 64 of 16 at 32x32 (4 MiB) 1.40 (forward 1.41, dx 1.33), batch
#   8 of 64 at 56x56 (6.4 MB) forward 1.33, dx 0.96, of 128 at 28x28 (3.2 MB) 0.91 and 0.96.
#   Those figures predate the channels-last results (kernels/conv_openvino.py) and inputs past
#   2 MiB stayed Winograd's. Measured again after them (the twentieth session, the same Xeon,
#   forward and dx, best of 3 medians of 7 alternating, OpenVINO / Winograd): batch 64 of 16
#   at 32x32 0.39 and 0.43, 32 of 16 at 56x56 0.40 and 0.41, 32 of 32 at 32x32 0.52 and 0.56,
#   16 of 32 at 56x56 0.58 and 0.56, 32 of 64 at 28x28 0.68 and 0.64, 8 of 64 at 56x56 0.81
#   and 0.76, 16 of 64 at 56x56 0.79 and 0.80, 8 of 128 at 28x28 0.87 and 0.80, 16 of 128 at
#   28x28 0.84 and 0.87, 8 of 32 at 112x112 0.58 and 0.55, 4 of 64 at 64x64 0.79 and 0.73,
#   batch 64 of 64 at 16x16 0.65 and 0.63: 16 layers of 2 to 12 MiB, every one faster, and with
#   C-order results too (0.78 to 0.87). With OpenVINO, NumPy's BLAS and numba held to AVX2
#   (``ONEDNN_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell NUMBA_CPU_NAME=haswell``, the same Xeon;
#   the AMD EPYC of 2026-12-01 had no AVX-512; that of 2026-12-02 has it, with NumPy's
#   OpenBLAS held to its Haswell kernels by the machine's OPENBLAS_CORETYPE): 16 channels 0.44
#   to 0.52, 64 channels 0.89 to 0.96, but batch 8 of 128 at 28x28 1.12 and 1.08. OpenVINO now
#   takes them at any size; inside training steps: ``benchmarks/openvino_winograd_ab.py``,
#   BENCHMARKS.md.
# - the stem of ResNet-18 (3 channels, 7x7, stride 2, 224x224): dx 9.60 ms against 4.69. The
#   forward and dx both need OPENVINO_CHANNELS input channels.
OPENVINO_CHANNELS = 4
OPENVINO_WIDE = 8
OPENVINO_FEW_MACS = 128 << 20
OPENVINO_MIN_MACS = 12 << 20
OPENVINO_DW_POSITIONS = 8 * 28 * 28
OPENVINO_DW_THIN = 16
OPENVINO_DW_CHANNELS = 64 * 128
OPENVINO_DW_TAPS = 4


def _openvino_pays(
    kind: str, spec: ConvSpec, w: np.ndarray, inputs: tuple[np.ndarray, ...], steady: bool = True
) -> bool:
    """Whether OpenVINO's kernels are the automatic choice for pass ``kind`` (``"forward"``,
    ``"input_grad"``, ``"weight_grad"``) of this layer on ``inputs`` (the rule and its
    measurements are by ``OPENVINO_CHANNELS``); unless ``steady``, only from the shape's second
    call (:func:`_openvino_ready`), and OpenVINO is not even imported before."""
    taps = math.prod(spec.kernel)
    if taps == 1 or not _openvino.supports(spec, kind):
        return False
    if any(a.dtype != np.float32 for a in (w, *inputs)):
        return False
    if spec.groups > 1:
        return _openvino_depthwise_pays(spec, w)
    macs = _macs(spec, w, inputs[0])
    if macs < OPENVINO_MIN_MACS:
        return False
    if kind != "weight_grad" and w.shape[1] < OPENVINO_CHANNELS:
        return False
    if kind != "weight_grad" and w.shape[1] < OPENVINO_WIDE and macs > OPENVINO_FEW_MACS:
        return False
    if kind == "weight_grad" and set(spec.stride) == {2}:
        if not _openvino_strided_dw_pays(spec, w, inputs[0].shape[0]):
            return False
    elif kind == "weight_grad":
        positions = math.prod(spec.out_spatial)
        if set(spec.stride) != {1} or positions < OPENVINO_DW_TAPS * taps:
            return False
        most = OPENVINO_DW_POSITIONS * (4 if w.shape[0] <= OPENVINO_DW_THIN else 1)
        if inputs[0].shape[0] * positions > most:
            return False
        if w.shape[0] * w.shape[1] > OPENVINO_DW_CHANNELS:
            return False
    if _automatic(spec, w) == "fft" or not (steady or _openvino_ready(kind, spec, inputs)):
        return False
    return accel.openvino_kernels() is not None


# ``dw`` of 3x3 layers at stride 2 (2-D), where the filter of OpenVINO's convolution is ``dy``
# read 2 apart (kernels/conv_openvino.py), measured apart from stride 1 (the 2026-12-02 AMD
# EPYC, 2 threads, ``dw`` alone, medians of 30, two runs, ms the automatic choice without it
# (nhwc's; im2col's at 128 channels) / OpenVINO): batch 32 of 32 -> 64 channels at 14x14 1.09
# / 0.89 and 0.89 / 0.71; 16 of 64 -> 128 at 16x16 2.16 / 1.77, 1.30 / 1.16; 32 of 32 -> 64
# at 16x16 1.26 / 0.92, 1.20 / 0.57; 64 of 32 -> 64 at 16x16 2.34 / 1.84, 1.32 / 1.07; 32 of
# 64 -> 128 at 14x14 3.01 / 2.60, 2.26 / 1.87; 16 of 32 -> 64 at 28x28 1.75 / 1.44, 1.37 /
# 0.92; 8 of 64 -> 128 at 28x28 3.05 / 2.86, 1.60 / 1.43; 32 of 64 -> 128 at 8x8 1.34 / 0.83,
# 1.09 / 0.64; 32 of 128 -> 128 at 8x8 3.26 / 1.66, 1.80 / 1.27. It lost with more images or
# positions: 32 of 16 -> 32 at 28x28 1.14 / 1.24, 32 of 64 -> 128 at 28x28 5.84 / 8.64, 64 of
# 64 -> 128 at 56x56 41.9 / 80.7, 64 of 16 -> 32 at 32x32 3.47 / 3.54 and 2.76 / 2.40; with
# many channels: 8 of 128 -> 256 at 14x14 3.13 / 4.28, 2.71 / 3.30, 16 of 128 -> 256 at 8x8
# 1.35 / 1.72; and thin: 32 of 16 -> 32 at 16x16 0.41 / 0.41, 0.36 / 0.52. Inside training
# steps (a scratch script: the stride-2 layers' dw calls timed inside 3 steps, 7 rounds
# alternating with the rule switched off, two runs, ms a step) ResNet-20's 32 -> 64 at 14x14
# (batch 32 of 28x28 images) took 2.68 / 2.74 and 2.08 / 2.83 with the rule / without, but the
# 64 -> 128 at 16x16 of ResNet-18's stages (batch 16 of 64x64 images, ``resnet18-mini`` of
# ``benchmarks/other_networks.py``) 3.63 / 3.43 and 3.74 / 3.59: slower, though alone it won
# twice. OpenVINO takes ``dw`` at stride 2 with at most OPENVINO_STRIDED_DW_POSITIONS output
# positions over the batch and between OPENVINO_STRIDED_DW_THIN and OPENVINO_STRIDED_DW_CHANNELS
# weights a tap: the layers of 64 x 128 and more, which won alone, are left out with the one that
# lost inside its step.
OPENVINO_STRIDED_DW_POSITIONS = 4096
OPENVINO_STRIDED_DW_THIN = 32 * 64
OPENVINO_STRIDED_DW_CHANNELS = 64 * 64


def _openvino_strided_dw_pays(spec: ConvSpec, w: np.ndarray, batch: int) -> bool:
    """Whether OpenVINO's ``dw`` pays for this 3x3 layer at stride 2 (the rule and its
    measurements are by ``OPENVINO_STRIDED_DW_POSITIONS``)."""
    if len(spec.kernel) != 2 or spec.kernel != (3, 3) or set(spec.dilation) != {1}:
        return False
    if batch * math.prod(spec.out_spatial) > OPENVINO_STRIDED_DW_POSITIONS:
        return False
    return OPENVINO_STRIDED_DW_THIN <= w.shape[0] * w.shape[1] <= OPENVINO_STRIDED_DW_CHANNELS


# Depthwise layers (one input channel a group) take OpenVINO's grouped forward and ``dx`` on
# output planes of at most OPENVINO_DEPTHWISE_POSITIONS, where numba's taps lost; ``dw`` stays
# numba's (OpenVINO's would be a grouped convolution whose filter is ``dy``). 3x3, float32, 2
# threads, ms OpenVINO / numba's taps, forward and dx (a scratch script, medians of 21,
# 2026-12-01): batch 16 of 256 channels at 7x7 0.34 / 1.43 and 0.33 / 0.98; 32 of 128 at 14x14,
# stride 2, 0.49 / 1.26 and 0.73 / 1.34; 8 of 512 at 14x14 1.24 / 1.13 and 0.99 / 1.40; 8 of 96
# at 56x56, stride 2, 1.44 / 1.51 and 1.76 / 3.16; but at stride 1 on larger planes 32 of 64
# at 28x28 1.73 / 1.35 and 1.47 / 1.51, 32 of 32 at 56x56 3.85 / 1.95, 8 of 32 at 112x112
# 3.47 / 1.76. Other grouped layers were not measured and stay as they were.
OPENVINO_DEPTHWISE_POSITIONS = 14 * 14
OPENVINO_DEPTHWISE_TAPS = 9


def _openvino_depthwise_pays(spec: ConvSpec, w: np.ndarray) -> bool:
    """Whether OpenVINO's grouped forward or ``dx`` is the automatic choice for this grouped
    layer (the rule and its measurements are by ``OPENVINO_DEPTHWISE_POSITIONS``)."""
    depthwise = w.shape[1] == 1 and w.shape[0] == spec.groups
    positions = math.prod(spec.out_spatial)
    if not depthwise or positions > OPENVINO_DEPTHWISE_POSITIONS:
        return False
    if math.prod(spec.kernel) > OPENVINO_DEPTHWISE_TAPS:  # measured on 3x3 only
        return False
    return accel.openvino_kernels() is not None


def _automatic(spec: ConvSpec, w: np.ndarray) -> str:
    """``"fft"`` for large kernels, whose cost by the other strategies grows with their taps
    (the thresholds above); else ``"taps"`` for grouped convolutions with one input channel per
    group (depthwise), whose matrix products would be too thin to pay for gathering windows;
    ``"im2col"`` otherwise. ("shift" and "winograd" are correct but measured no faster on the
    development machine.) The FFT also needs its kernel transform within ``FFT_KERNEL_BYTES``.
    """
    taps = math.prod(spec.kernel)
    if w.shape[1] == 1 and _numba(spec, w) is not None:
        return "taps"  # numba's taps beat the FFT at every size measured (FFT_TAPS_ONE_CHANNEL)
    if w.shape[1] == 1:
        large = taps / math.prod(spec.stride) >= FFT_TAPS_ONE_CHANNEL
    else:
        frequencies = math.prod(_fft.spectrum(spec))
        large = taps * math.prod(spec.out_spatial) / frequencies >= FFT_SCORE
    if large and _fft.kernel_bytes(spec, w, 8) <= FFT_KERNEL_BYTES:  # float64: module doc
        return "fft"
    return _direct(spec, w)


def _few_channels(spec: ConvSpec, w: np.ndarray) -> bool:
    """A 2-D stride-1 layer with ``NHWC_FEW_CHANNELS`` to ``NHWC_CHANNELS - 1`` input channels
    and more than one tap, without groups: nhwc's forward and dw, nchw's dx (the rule and its
    measurements are by ``NHWC_FEW_CHANNELS``)."""
    return (
        spec.groups == 1
        and len(spec.kernel) == 2
        and spec.stride == (1, 1)
        and NHWC_FEW_CHANNELS <= w.shape[1] < NHWC_CHANNELS
        and math.prod(spec.kernel) > 1
    )


def _nhwc_pays(spec: ConvSpec, w: np.ndarray) -> bool:
    """Whether "nhwc" is the automatic choice (the rule and its measurements are by
    ``NHWC_CHANNELS``, ``NHWC_MAX_CHANNELS`` and ``NHWC_FEW_CHANNELS``)."""
    if _few_channels(spec, w):
        return True
    if spec.groups != 1 or not NHWC_CHANNELS <= w.shape[1] < NHWC_MAX_CHANNELS:
        return False
    if math.prod(spec.kernel) == 1:
        return False
    return math.prod(spec.out_spatial) * NHWC_CHANNELS_PER_POSITION >= w.shape[1]


def _nchw_pays(spec: ConvSpec, w: np.ndarray) -> bool:
    """Whether "nchw" is the automatic choice (the rule and its measurements are by
    ``NCHW_POSITIONS``)."""
    positions, taps = math.prod(spec.out_spatial), math.prod(spec.kernel)
    if positions < NCHW_POSITIONS or w.shape[1] * taps > NCHW_PRODUCTS_PER_POSITION * positions:
        return False
    if taps == 1:
        return True
    if len(spec.kernel) == 1:
        return taps <= NCHW_MANY_TAPS
    if spec.groups > 1:
        return w.shape[1] * taps <= NCHW_GROUPED_PRODUCTS
    few = w.shape[1] < NHWC_CHANNELS
    return few and (taps <= NCHW_MANY_TAPS or positions >= NCHW_SMALL_IMAGE)


def _tapblocks_pays(spec: ConvSpec, w: np.ndarray, batch: int) -> bool:
    """Whether "tapblocks" is the automatic choice for a batch of ``batch`` images (the rule and
    its measurements are by ``TAPBLOCKS_POSITIONS``)."""
    positions = math.prod(spec.out_spatial)
    return (
        spec.groups == 1
        and len(spec.kernel) == 2
        and math.prod(spec.kernel) > 1
        and positions <= TAPBLOCKS_POSITIONS
        and batch * positions <= TAPBLOCKS_ROWS
        and not _parallel.split_recently()
        and TAPBLOCKS_MIN_CHANNELS <= min(w.shape[:2])
        and max(w.shape[:2]) < TAPBLOCKS_MAX_CHANNELS
    )


def _direct(spec: ConvSpec, w: np.ndarray, nchw: bool = True) -> str:
    """The automatic choice among the strategies that read each input only where a window does
    (without nchw when ``nchw`` is false)."""
    if _taps_pays(spec, w):
        return "taps"
    if nchw and _nchw_pays(spec, w):
        return "nchw"
    return "nhwc" if _nhwc_pays(spec, w) else "im2col"


def _input_grad_strategy(
    spec: ConvSpec, w: np.ndarray, dy: np.ndarray, steady: bool = False
) -> str:
    """:func:`_strategy` for ``dx``: where nchw is the automatic choice for a layer without
    groups and with more than one tap, ``dx`` is im2col's or nhwc's, which measured faster
    there (``NCHW_POSITIONS``); nchw's forward and ``dw`` stay. Where nhwc is, for a layer with
    few channels (``NHWC_FEW_CHANNELS``), ``dx`` is nchw's. A forced strategy keeps its own."""
    name = _strategy(spec, w, dy, w, kind="input_grad", steady=steady)
    if name == "nhwc" and _FORCED.get() != "nhwc" and _few_channels(spec, w):
        return "nchw"
    own = _FORCED.get() == "nchw" or spec.groups > 1 or math.prod(spec.kernel) == 1
    if name != "nchw" or own:
        return name
    if _few_channels(spec, w) and w.shape[0] > w.shape[1]:
        return "im2col"  # a widening layer: the comment by NHWC_FEW_CHANNELS
    return _direct(spec, w, nchw=False)


def _openvino_ready(kind: str, spec: ConvSpec, inputs: tuple[np.ndarray, ...]) -> bool:
    """Whether this pass's model is compiled, or this is its shape's second call."""
    return _openvino.ready(kind, spec, inputs[0].shape, inputs[1].shape)


def _openvino_runs(*arrays: np.ndarray) -> bool:
    """Whether OpenVINO's kernels can run on these arrays now: float32, and OpenVINO present
    and on (:func:`convgrad.kernels.accel.openvino_kernels`)."""
    if any(a.dtype != np.float32 for a in arrays):
        return False
    return accel.openvino_kernels() is not None


def _openvino_nearby(spec: ConvSpec, w: np.ndarray, inputs: tuple[np.ndarray, ...]) -> bool:
    """Whether OpenVINO would run this layer's forward or dx (float32, present and on, and
    at least OPENVINO_MIN_MACS a pass), which BLAS threads spinning after tapblocks slow
    (``TAPBLOCKS_WITH_OPENVINO``)."""
    return _macs(spec, w, inputs[0]) >= OPENVINO_MIN_MACS and _openvino_runs(w, *inputs)


def _macs(spec: ConvSpec, w: np.ndarray, first: np.ndarray) -> int:
    """The multiply-adds of one pass over the batch of ``first`` (``x``, or ``dy``)."""
    return first.shape[0] * math.prod(spec.out_spatial) * w.size


def _openvino_reads_padding(
    kind: str, w: np.ndarray, inputs: tuple[np.ndarray, ...]
) -> tuple[np.ndarray, ...]:
    """The arrays that OpenVINO's pass ``kind`` would multiply by the padding's zeros where
    PyTorch and the other strategies do: it skips the padding, so a NaN or an infinity there
    (``0 * inf``) would not reach the outputs it reaches in PyTorch. The forward's and ``dx``'s
    weights, ``dw``'s ``dy``; one sum each (:func:`_finite`)."""
    return (inputs[0],) if kind == "weight_grad" else (w,)


def _finite(*arrays: np.ndarray) -> bool:
    """Whether every array is free of NaN and infinities (or, rarely, a sum overflowed)."""
    return _np.finite(*arrays)


def _strategy(
    spec: ConvSpec, w: np.ndarray, *inputs: np.ndarray, kind: str = "forward", steady: bool = False
) -> str:
    """The strategy for pass ``kind`` of this convolution (``"forward"``, ``"input_grad"``,
    ``"weight_grad"``); ``inputs`` are the arrays the kernel will transform, sent to a direct
    strategy when one is not finite (the module docstring says why). OpenVINO's kernels run
    from a shape's second call (:func:`convgrad.kernels.conv_openvino.ready`); ``steady`` names
    the choice from then on, without counting this call."""
    forced = _FORCED.get()
    if forced is not None and forced not in STRATEGIES:  # only the environment can do this
        raise ValueError(f"CONVGRAD_STRATEGY must be one of {STRATEGIES}; got {forced!r}")
    if forced == "openvino" and not (_openvino.supports(spec, kind) and _openvino_runs(w, *inputs)):
        forced = None  # float64, OpenVINO absent, a grouped dw: the automatic choice
    if forced is not None and supports(forced, spec, w):
        name = forced
    elif inputs and _openvino_pays(kind, spec, w, inputs, steady):
        name = "openvino"
    elif (
        inputs
        and _tapblocks_pays(spec, w, inputs[0].shape[0])
        and not _openvino_nearby(spec, w, inputs)
    ):
        name = "tapblocks"
    elif inputs and _winograd_pays(spec, w, inputs[0].shape[0], np.result_type(*inputs)):
        name = "winograd"
    else:
        name = _automatic(spec, w)
    if name in ("fft", "winograd") and not _finite(*inputs):
        return _direct(spec, w)
    if name == "openvino" and not _finite(*_openvino_reads_padding(kind, w, inputs)):
        return _direct(spec, w)
    if name in ("tapmm", "shift") and not _finite(*inputs):
        return "im2col"
    if name == "rows" and not _finite(*inputs):
        return "nhwc"  # rows reads the positions between windows too (kernels/rows.py)
    return name


def chosen_strategy(x_shape: tuple[int, ...], w_shape: tuple[int, ...], **kwargs: object) -> str:
    """The strategy a float32 convolution of these shapes and keyword arguments would use now
    for its forward (:func:`chosen_strategies` has ``dx``'s and ``dw``'s too)."""
    return chosen_strategies(x_shape, w_shape, **kwargs)[0]


def chosen_strategies(
    x_shape: tuple[int, ...], w_shape: tuple[int, ...], **kwargs: object
) -> tuple[str, str, str]:
    """The strategies of the forward, ``dx`` and ``dw`` of a float32 convolution of these
    shapes and keyword arguments now (from a shape's second call, OpenVINO's included)."""
    n = len(w_shape) - 2
    x, w = (np.broadcast_to(np.float32(0), s) for s in (x_shape, w_shape))
    kw = dict(stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros") | kwargs
    args = (kw[k] for k in ("stride", "padding", "dilation", "groups", "padding_mode"))
    spec = _args.conv_spec(f"conv{n}d", n, x, w, None, *args)
    batched = x if x.ndim == n + 2 else x[None]
    dy = np.broadcast_to(np.float32(0), (batched.shape[0], w.shape[0], *spec.out_spatial))
    return (
        _strategy(spec, w, batched, w, steady=True),
        _input_grad_strategy(spec, w, dy, steady=True),
        _strategy(spec, w, dy, batched, kind="weight_grad", steady=True),
    )


def _last_pays(name: str, spec: ConvSpec, w: np.ndarray, *arrays: np.ndarray) -> bool:
    """Whether a 1x1 layer's pass runs as one product of its channels-last arrays
    (:mod:`convgrad.kernels.last`) rather than by strategy ``name``: the automatic choice
    (nothing forced), not OpenVINO's, and one of ``arrays`` laid out channels last."""
    return name != "openvino" and _FORCED.get() is None and _last.applies(spec, w, *arrays)


def _forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of the convolution of ``x (N, C_in, *in)``, without bias."""
    name = _strategy(spec, w, x, w)
    if name == "openvino" and (fast := accel.openvino_kernels()) is not None:
        y = accel.run_openvino("forward", fast.forward, x, w, spec)
        return _forward(x, w, spec) if y is None else y  # None: OpenVINO failed, and is off now
    if _last_pays(name, spec, w, x):
        return _last.forward(x, w, spec)
    if _groups_apart(name, spec, w):
        grouped = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), np.result_type(x, w))
        for ins, outs in _group_slices(w, spec.groups):
            grouped[:, outs] = _forward(x[:, ins], w[outs], _one_group(spec))
        return grouped
    if name == "taps" and (fast := _numba(spec, w)) is not None:
        y = accel.run("forward", fast.forward, x, w, spec)
        return _forward(x, w, spec) if y is None else y  # None: numba failed, and is off now
    if name == "taps":
        return _taps.convolve(x, w, spec)
    if name == "fft":
        return _fft.forward(_np.pad(x, spec.padding, spec.padding_mode), w, spec)
    if name == "tapmm":
        return _tapmm.forward(x, w, spec)
    if name == "tapblocks":
        return _tapblocks.forward(x, w, spec)
    if name == "nhwc":
        return _nhwc.forward(x, w, spec)
    if name == "rows":
        return _rows.forward(x, w, spec)
    if name == "nchw":
        return _nchw.forward(x, w, spec)
    if name == "winograd" and (fast := _winograd_numba(spec, x, w)) is not None:
        y = accel.run("winograd_forward", fast.forward, x, w, spec)
        if y is not None:  # None: numba failed, and is off now
            return y
    y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype=np.result_type(x, w))
    if name == "im2col":  # shares of the batch on the threads, the BLAS at one thread each

        def share(images: range) -> None:
            part = slice(images.start, images.stop)
            for _ in _im2col.forward(x[part], w, spec, shift=False, out=y[part]):
                pass

        _parallel.over_images(x.shape[0], share, _parallel.conv_size(spec, w, x.shape[0]))
        return y
    if name == "winograd":
        chunks = _winograd.forward(x, w, spec, out=y)
    else:
        chunks = _im2col.forward(x, w, spec, shift=name == "shift", out=y)
    for _ in chunks:  # each chunk of images is written into y
        pass
    return y


def _input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)``: the transposed convolution of ``dy``, folded through the padding."""
    name = _input_grad_strategy(spec, w, dy)
    if name == "openvino" and (fast := accel.openvino_kernels()) is not None:
        dx = accel.run_openvino("input_grad", fast.input_grad, dy, w, spec)
        return _input_grad(dy, w, spec) if dx is None else dx  # None: OpenVINO failed
    if _last_pays(name, spec, w, dy):
        return _last.input_grad(dy, w, spec)
    if _groups_apart(name, spec, w):
        shape = (dy.shape[0], w.shape[1] * spec.groups, *spec.in_spatial)
        grouped = np.empty(shape, np.result_type(dy, w))
        for ins, outs in _group_slices(w, spec.groups):
            grouped[:, ins] = _input_grad(dy[:, outs], w[outs], _one_group(spec))
        return grouped
    if name == "taps" and (fast := _numba(spec, w)) is not None:
        dx = accel.run("input_grad", fast.input_grad, dy, w, spec)
        return _input_grad(dy, w, spec) if dx is None else dx  # None: numba failed
    if name == "taps":
        return _taps.input_grad_folded(dy, w, spec)
    if name == "fft":
        return _fft.input_grad(dy, w, spec)
    if name == "tapmm":
        return _tapmm.input_grad(dy, w, spec)
    if name == "tapblocks":
        return _tapblocks.input_grad(dy, w, spec)
    if name == "rows":  # _strategy checked dy and w: finite
        return _rows.input_grad(dy, w, spec)
    if name == "nchw":
        return _nchw.input_grad(dy, w, spec)
    if name == "nhwc" and (set(spec.stride) != {1} or _finite(dy, w)):
        return _nhwc.input_grad(dy, w, spec)  # stride 1: multiplies w by dy's zero padding
    if name == "winograd" and (fast := _winograd_numba(spec, dy, w)) is not None:
        dx = accel.run("winograd_input_grad", fast.input_grad, dy, w, spec)
        if dx is not None:  # None: numba failed, and is off now
            return dx
    if name == "winograd":
        return _im2col.input_grad_by_forward(dy, w, spec, _winograd.forward)
    if name == "shift":
        return _im2col.input_grad(dy, w, spec, shift=True)
    dx = np.empty((dy.shape[0], w.shape[1] * spec.groups, *spec.in_spatial), np.result_type(dy, w))

    def share(images: range) -> None:
        part = slice(images.start, images.stop)
        _im2col.input_grad(dy[part], w, spec, shift=False, out=dx[part])

    _parallel.over_images(dy.shape[0], share, _parallel.conv_size(spec, w, dy.shape[0]))
    return dx


def _weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and the input ``x (N, C_in, *in)``."""
    name = _strategy(spec, w, dy, x, kind="weight_grad")
    if name == "openvino" and (fast := accel.openvino_kernels()) is not None:
        dw = accel.run_openvino("weight_grad", fast.weight_grad, dy, x, spec, w)
        return _weight_grad(dy, x, spec, w) if dw is None else dw  # None: OpenVINO failed
    if _last_pays(name, spec, w, dy, x):
        return _last.weight_grad(dy, x, spec, w)
    if _groups_apart(name, spec, w):
        parts = [
            _weight_grad(dy[:, outs], x[:, ins], _one_group(spec), w[outs])
            for ins, outs in _group_slices(w, spec.groups)
        ]
        return np.concatenate(parts)
    if name == "taps" and (fast := _numba(spec, w)) is not None:
        dw = accel.run("weight_grad", fast.weight_grad, dy, x, spec, w)
        return _weight_grad(dy, x, spec, w) if dw is None else dw  # None: numba failed
    if name == "taps" and _taps.weight_grad_by_planes(w, spec, x.shape[0]):
        return _taps.weight_grad_planes(dy, x, spec, w)
    if name in ("taps", "fft"):
        kernels = _taps if name == "taps" else _fft
        return kernels.weight_grad(dy, _np.pad(x, spec.padding, spec.padding_mode), spec, w)
    if name == "winograd" and (fast := _winograd_numba(spec, dy, x)) is not None:
        dw = accel.run("winograd_weight_grad", fast.weight_grad, dy, x, spec, w)
        if dw is not None:  # None: numba failed, and is off now
            return dw
    if name == "winograd":
        return _winograd.weight_grad(dy, x, spec, w)
    if name == "tapmm":
        return _tapmm.weight_grad(dy, x, spec, w)
    if name == "tapblocks":
        return _tapblocks.weight_grad(dy, x, spec, w)
    if name == "nhwc":
        return _nhwc.weight_grad(dy, x, spec, w)
    if name == "rows":
        return _rows.weight_grad(dy, x, spec, w)
    if name == "nchw":
        return _nchw.weight_grad(dy, x, spec, w)
    if name == "shift":
        return _im2col.weight_grad(dy, x, spec, w, shift=True)

    def share(images: range) -> np.ndarray:
        part = slice(images.start, images.stop)
        return _im2col.weight_grad(dy[part], x[part], spec, w, shift=False)

    parts = _parallel.over_images(x.shape[0], share, _parallel.conv_size(spec, w, x.shape[0]))
    return parts[0] if len(parts) == 1 else np.sum(parts, axis=0)


def _bias_grad(dy: np.ndarray, bias: bool) -> np.ndarray | None:
    return _np.channel_sums(dy) if bias else None


def _add_bias(y: np.ndarray, b: np.ndarray | None) -> np.ndarray:
    if b is not None:
        y += _np.channel_plane(b, y)
    return y


# Each entry point below first asks glibc to keep freed memory (convgrad._memory says why): a
# loop of convolutions frees and reallocates the same arrays, whether or not an optimiser runs it.


def conv_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, spec: ConvSpec) -> np.ndarray:
    _memory.keep_freed_memory()
    return _add_bias(_forward(x, w, spec), b)


def conv_backward(
    dy: np.ndarray, x: np.ndarray, w: np.ndarray, spec: ConvSpec, bias: bool
) -> ConvGrads:
    _memory.keep_freed_memory()
    return ConvGrads(_input_grad(dy, w, spec), _weight_grad(dy, x, spec, w), _bias_grad(dy, bias))


def transpose_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray | None, spec: ConvSpec
) -> np.ndarray:
    _memory.keep_freed_memory()
    return _add_bias(_input_grad(x, w, spec), b)  # spec.padding_mode is "zeros"


def transpose_backward(
    dy: np.ndarray, x: np.ndarray, w: np.ndarray, spec: ConvSpec, bias: bool
) -> ConvGrads:
    _memory.keep_freed_memory()
    return ConvGrads(_forward(dy, w, spec), _weight_grad(x, dy, spec, w), _bias_grad(dy, bias))


KERNELS = _api.Kernels(conv_forward, conv_backward, transpose_forward, transpose_backward)

conv1d = _api.conv_function(KERNELS, 1, __name__)
conv2d = _api.conv_function(KERNELS, 2, __name__)
conv3d = _api.conv_function(KERNELS, 3, __name__)
conv1d_backward = _api.conv_backward_function(KERNELS, 1, __name__)
conv2d_backward = _api.conv_backward_function(KERNELS, 2, __name__)
conv3d_backward = _api.conv_backward_function(KERNELS, 3, __name__)
conv_transpose1d = _api.conv_transpose_function(KERNELS, 1, __name__)
conv_transpose2d = _api.conv_transpose_function(KERNELS, 2, __name__)
conv_transpose3d = _api.conv_transpose_function(KERNELS, 3, __name__)
conv_transpose1d_backward = _api.conv_transpose_backward_function(KERNELS, 1, __name__)
conv_transpose2d_backward = _api.conv_transpose_backward_function(KERNELS, 2, __name__)
conv_transpose3d_backward = _api.conv_transpose_backward_function(KERNELS, 3, __name__)
