"""The "tapblocks" kernels: one matrix product per kernel tap, over the outputs whose tap falls
inside the input, the whole batch at once, channels last.

With the input laid out channels last, ``xl (N, *in, C)``, kernel tap ``t`` of output ``o``
reads input position ``o * s + t * d - lo`` along each dimension (stride ``s``, dilation ``d``,
padding ``lo`` before). The outputs for which that position is inside the input form one block
``o_min[t] <= o < o_max[t]`` in each dimension, and the positions they read form one strided
block of ``xl``. With ``W_t = w[:, :, t].T`` ``(C, O)``:

- forward: ``y[block_t] += xl[reads_t] @ W_t`` for each tap, the block copied to ``(rows, C)``
  first, ``rows`` being the block's outputs over the whole batch;
- ``dx``: ``dxl[reads_t] += dyl[block_t] @ W_t.T``;
- ``dw``: ``dw[:, :, t] = (xl[reads_t].T @ dyl[block_t]).T``.

What the padding would add is never multiplied: on a 4x4 plane with 3x3 windows and padding 1,
the taps' blocks hold 100 of the 144 products im2col computes. Each product has every image's
rows (``M`` = the batch times the block's outputs), ``K`` = ``C`` and ``O`` columns: shapes the
BLAS runs well even where one image has a handful of positions, which is where im2col's gather
moves runs of a few numbers and its products are thin. The products run on the BLAS's own
threads; the copies and additions around them, each the size of the input or the output, on the
calling thread. (Sharing the images among convgrad's threads, with the BLAS at one thread each,
measured 1.5 to 2 times slower: half the rows a product, and twice the calls.) Inside a training
step the BLAS's threads, which spin after a product, fight the pool threads of the layers that
split their batch next, and the whole step measured slower: the automatic choice takes this
strategy only outside such loops (``convgrad.convolution.TAPBLOCKS_POSITIONS`` has the rule and
the measurements).

Reads: each product reads only what a window reads, so NaN and infinities reach what the
reference's reach: nothing multiplies the padding. Other padding modes (reflect, replicate,
circular) pad the input first, as the other strategies do, and fold ``dx`` back through it.
Groups of one.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator

import numpy as np

from .. import _np
from .._args import ConvSpec


def _unpadded(spec: ConvSpec) -> ConvSpec:
    """The same convolution of the input padded beforehand (for modes other than zeros)."""
    none = tuple((0, 0) for _ in spec.padding)
    return dataclasses.replace(
        spec, padding=none, padding_mode="zeros", in_spatial=spec.padded_spatial
    )


def _blocks(spec: ConvSpec) -> Iterator[tuple[int, tuple[slice, ...], tuple[slice, ...]]]:
    """``(t, outputs, reads)`` for each kernel tap (flat index ``t``, row-major) whose block is
    not empty: the outputs' slices and the slices of the input they read, per dimension."""
    per_dim = []
    for k, s, d, (lo, _), n_in, n_out in zip(
        spec.kernel, spec.stride, spec.dilation, spec.padding, spec.in_spatial, spec.out_spatial,
        strict=True,
    ):  # fmt: skip
        ranges: list[tuple[slice, slice] | None] = []
        for tap in range(k):
            shift = tap * d - lo  # the input position that output 0's tap reads
            first = max(0, -(shift // s))  # ceil(-shift / s): the first output inside
            last = min(n_out, (n_in - 1 - shift) // s + 1)  # past the last one inside
            if first >= last:
                ranges.append(None)
                continue
            start = first * s + shift
            ranges.append((slice(first, last), slice(start, start + (last - first - 1) * s + 1, s)))
        per_dim.append(ranges)
    for t, taps in enumerate(np.ndindex(*spec.kernel)):
        picked = [per_dim[i][tap] for i, tap in enumerate(taps)]
        if any(p is None for p in picked):
            continue
        yield t, tuple(p[0] for p in picked), tuple(p[1] for p in picked)  # type: ignore[index]


def _channels_last(a: np.ndarray) -> np.ndarray:
    """``(N, C, *spatial)`` as a new ``(N, *spatial, C)`` array."""
    return np.ascontiguousarray(_np.channels_last(a))


def _channels_first(a: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(_np.channels_first(a))


def _block(a: np.ndarray, where: tuple[slice, ...]) -> np.ndarray:
    """The block ``a[:, *where, :]`` as a ``(rows, channels)`` matrix (a copy unless whole)."""
    return np.ascontiguousarray(a[(slice(None), *where)]).reshape(-1, a.shape[-1])


def _ordered(spec: ConvSpec) -> tuple[list[tuple[int, tuple[slice, ...], tuple[slice, ...]]], bool]:
    """:func:`_blocks`, one whose block is every output first when there is one (its product is
    written straight into the output, whose zeros need no pass of their own); and whether there
    is."""
    blocks = list(_blocks(spec))
    every = tuple(slice(0, n) for n in spec.out_spatial)
    whole = next((b for b in blocks if b[1] == every), None)
    if whole is None:
        return blocks, False
    return [whole, *(b for b in blocks if b is not whole)], True


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of ``x (N, C_in, *in)``, without bias."""
    if spec.padding_mode != "zeros":
        return forward(_np.pad(x, spec.padding, spec.padding_mode), w, _unpadded(spec))
    dtype = np.result_type(x, w)
    c_out, c_in = w.shape[:2]
    xl = _channels_last(x.astype(dtype, copy=False))
    wt = np.ascontiguousarray(w.reshape(c_out, c_in, -1).transpose(2, 1, 0), dtype)  # (K, C, O)
    blocks, whole = _ordered(spec)
    y = (np.empty if whole else np.zeros)((x.shape[0], *spec.out_spatial, c_out), dtype)
    for i, (t, outputs, reads) in enumerate(blocks):
        if i == 0 and whole:
            np.matmul(_block(xl, reads), wt[t], out=y.reshape(-1, c_out))
            continue
        target = y[(slice(None), *outputs)]
        target += (_block(xl, reads) @ wt[t]).reshape(target.shape)
    return _channels_first(y)


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``."""
    if spec.padding_mode != "zeros":
        dxp = input_grad(dy, w, _unpadded(spec))
        return _np.pad_backward(dxp, spec.padding, spec.padding_mode)
    dtype = np.result_type(dy, w)
    c_out, c_in = w.shape[:2]
    dyl = _channels_last(dy.astype(dtype, copy=False))
    wt = np.ascontiguousarray(w.reshape(c_out, c_in, -1).transpose(2, 0, 1), dtype)  # (K, O, C)
    dxl = np.zeros((dy.shape[0], *spec.in_spatial, c_in), dtype)
    for t, outputs, reads in _blocks(spec):
        target = dxl[(slice(None), *reads)]
        target += (_block(dyl, outputs) @ wt[t]).reshape(target.shape)
    return _channels_first(dxl)


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and ``x (N, C_in, *in)``."""
    if spec.padding_mode != "zeros":
        return weight_grad(dy, _np.pad(x, spec.padding, spec.padding_mode), _unpadded(spec), w)
    dtype = np.result_type(dy, x)
    c_out, c_in = w.shape[:2]
    xl = _channels_last(x.astype(dtype, copy=False))
    dyl = _channels_last(dy.astype(dtype, copy=False))
    dw = np.zeros((math.prod(spec.kernel), c_in, c_out), dtype)  # (K, C, O)
    for t, outputs, reads in _blocks(spec):
        np.matmul(_block(xl, reads).T, _block(dyl, outputs), out=dw[t])
    return np.ascontiguousarray(dw.transpose(2, 1, 0)).reshape(w.shape)
