"""The im2col kernels: gather every window into a matrix, then one matrix product per group.

Notation: ``G`` groups, ``Cg = C_in / G`` and ``Og = C_out / G`` channels per group, ``K`` taps
per kernel, ``P`` output positions per image, ``xp`` the padded input.

Forward: ``y[n, o, p] = sum_{c,t} w[o, c, t] * xp[n, c, p*s + t*d]``. Gathering
``cols[g, (c, t), (n, p)] = xp[n, g*Cg + c, p*s + t*d]`` makes it ``y_g = w_g @ cols_g``.

Backward, derived from that product (``dy_g`` is ``dy`` laid out as ``(G, Og, N*P)``):

- ``dw_g = dy_g @ cols_g.T``: each weight sees the input values it multiplied (a correlation of
  ``x`` with ``dy``);
- ``dcols_g = w_g.T @ dy_g``, then every column is added back onto the window it was read from,
  which gives ``dxp`` (a transposed convolution of ``dy`` with ``w``); folding ``dxp`` back
  through the padding gives ``dx``;

Two ways to gather (``shift=False`` / ``True``):

- ``"im2col"``, any stride: ``cols`` is a copy of the window view ``(C, *kernel, N, *out)``; its
  innermost run is one output row (``W_out`` numbers, or fewer with stride).
- ``"shift"``, stride 1: number the positions of each padded image in memory order
  (``q = h * W_p + w`` in 2-D); tap ``t`` then reads ``xp_flat[q + off_t]`` for output ``q``,
  with ``off_t = sum_i t_i * d_i * (stride of dimension i)``. Taking ``q`` over every padded
  position from the first output to the last (``Q`` of them, the output rows plus the
  ``d*(k-1)`` columns between them), each tap's rows of ``cols`` are one contiguous run of ``Q``
  numbers per channel and image: a cheap copy. The positions between rows are computed and
  dropped (in the forward), or given a zero ``dy`` (in ``dw``). With stride 1, ``dx`` is itself
  a forward convolution: ``dxp`` is ``dy``, zero-padded by ``d*(k-1)`` on each side, correlated
  with the kernel flipped and its channel axes swapped, so it is gathered the same way instead of
  scattered.

The work runs in pieces: a few images at a time, and when one image's windows are larger than
``CHUNK_BYTES``, a block of output rows of one image. Each piece is gathered, multiplied and
scattered on its own, which bounds the extra memory of a call by the pieces' buffers whatever the
batch and image size, and keeps a piece's windows in cache between the copy that writes them and
the matrix product that reads them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import NamedTuple

import numpy as np

from .. import _np
from .._args import ConvSpec

CHUNK_BYTES = 8 << 20


class Piece(NamedTuple):
    images: slice  # of the batch
    rows: slice  # of the first output dimension
    lo: int  # the rows of the padded input that those output rows read: [lo, hi)
    hi: int
    spec: ConvSpec  # the convolution of padded rows [lo, hi) into output rows ``rows``


def pieces(
    batch: int, channels: int, spec: ConvSpec, itemsize: int, budget: int | None = None
) -> Iterator[list[Piece]]:
    """The pieces of a convolution, image chunk by image chunk: each list shares its images.

    ``channels * K * P * itemsize`` bytes of windows per image; a chunk holds about ``budget``
    (``CHUNK_BYTES`` unless given) of them, and an image with more is cut into blocks of output
    rows.
    """
    budget = CHUNK_BYTES if budget is None else budget
    for chunk in _pieces(batch, channels, spec, itemsize, budget):
        yield list(chunk)


@functools.lru_cache(maxsize=256)
def _pieces(
    batch: int, channels: int, spec: ConvSpec, itemsize: int, budget: int
) -> tuple[tuple[Piece, ...], ...]:
    """:func:`pieces`, cached by its arguments: a small layer's pieces cost 20 us to make."""
    chunks = []
    rows = spec.out_spatial[0]
    per_image = channels * math.prod(spec.kernel) * math.prod(spec.out_spatial) * itemsize
    images = max(1, budget // max(per_image, 1))
    block = rows if images > 1 else max(1, min(rows, budget * rows // max(per_image, 1)))
    s, d, k = spec.stride[0], spec.dilation[0], spec.kernel[0]
    for first in range(0, batch, images):
        chunk = slice(first, min(first + images, batch))
        out = []
        for r0 in range(0, rows, block):
            r1 = min(r0 + block, rows)
            sub = replace(spec, out_spatial=(r1 - r0, *spec.out_spatial[1:]))
            out.append(Piece(chunk, slice(r0, r1), r0 * s, (r1 - 1) * s + d * (k - 1) + 1, sub))
        chunks.append(tuple(out))
    return tuple(chunks)


def gather(xp: np.ndarray, spec: ConvSpec, shift: bool) -> np.ndarray:
    """The windows of ``xp (n, C, *padded)`` as ``cols (G, Cg*K, n*P)``, or ``n*Q`` with shift."""
    n, channels, spatial = xp.shape[0], xp.shape[1], xp.shape[2:]
    rows = channels // spec.groups * math.prod(spec.kernel)  # Cg*K
    dims = len(spatial)
    if not shift:
        view = _np.windows(xp, spec.kernel, spec.stride, spec.dilation, spec.out_spatial)
        # view is (n, C, *out, *kernel); bring it to (C, *kernel, n, *out)
        order = (1, *range(2 + dims, 2 + 2 * dims), 0, *range(2, 2 + dims))
        return view.transpose(order).reshape(spec.groups, rows, -1)  # one copy
    steps = _np.flat_steps(spatial)
    item = xp.itemsize
    assert xp.strides[2:] == tuple(s * item for s in steps), "shift needs C-ordered images"
    q = _np.flat_span(spec.out_spatial, spatial)
    taps = tuple(d * s * item for d, s in zip(spec.dilation, steps))
    view = np.lib.stride_tricks.as_strided(
        xp, (n, channels, *spec.kernel, q), (*xp.strides[:2], *taps, item), writeable=False
    )  # view[n, c, *t, q] = xp_flat[n, c, q + off_t]
    order = (1, *range(2, 2 + dims), 0, 2 + dims)  # (C, *kernel, n, Q)
    return view.transpose(order).reshape(spec.groups, rows, -1)


def scatter_outputs(
    y_g: np.ndarray, out: np.ndarray, spec: ConvSpec, spatial: tuple[int, ...], shift: bool
) -> None:
    """Write the product ``y_g (G, Og, n*P or n*Q)`` into ``out (n, C_out, *out)``."""
    c_out, n = out.shape[1], out.shape[0]
    if shift:
        y = _np.flat_positions(y_g.reshape(c_out, n, -1), spec.out_spatial, spatial)
    else:
        y = y_g.reshape(c_out, n, *spec.out_spatial)
    out[...] = np.moveaxis(y, 0, 1)


def gather_outputs(
    dy: np.ndarray, groups: int, spec: ConvSpec, spatial: tuple[int, ...], shift: bool
) -> np.ndarray:
    """``dy (n, C_out, *out)`` laid out like a product: ``(G, Og, n*P)``, or ``n*Q`` with shift
    (zeros at the positions between output rows)."""
    n, c_out = dy.shape[:2]
    if not shift:
        return np.moveaxis(dy, 1, 0).reshape(groups, c_out // groups, -1)
    flat = np.zeros((c_out, n, _np.flat_span(spec.out_spatial, spatial)), dtype=dy.dtype)
    _np.flat_positions(flat, spec.out_spatial, spatial)[...] = np.moveaxis(dy, 1, 0)
    return flat.reshape(groups, c_out // groups, -1)


def _weight_matrix(w: np.ndarray, groups: int) -> np.ndarray:
    return w.reshape(groups, w.shape[0] // groups, w[0].size)  # (G, Og, Cg*K)


def forward(
    x: np.ndarray, w: np.ndarray, spec: ConvSpec, shift: bool, out: np.ndarray | None = None
) -> Iterator[tuple[slice, np.ndarray]]:
    """``y (n, C_out, *out)`` for each chunk of images of ``x (N, C_in, *in)``, without bias.

    Written into ``out[images]`` when ``out (N, C_out, *out)`` is given, else into a new array.
    """
    c_out, w_g = w.shape[0], _weight_matrix(w, spec.groups)
    dtype = np.result_type(x, w)
    for chunk in pieces(x.shape[0], x.shape[1], spec, dtype.itemsize):
        images = chunk[0].images
        xp = np.ascontiguousarray(_np.pad(x[images], spec.padding, spec.padding_mode))
        # xp is (n, C_in, *padded), C-ordered as the shift gather needs
        y = np.empty((xp.shape[0], c_out, *spec.out_spatial), dtype) if out is None else out[images]
        for p in chunk:
            block = xp[:, :, p.lo : p.hi]
            y_g = w_g @ gather(block, p.spec, shift)  # (G, Og, n*P)
            scatter_outputs(y_g, y[:, :, p.rows], p.spec, block.shape[2:], shift)
        yield images, y


@functools.lru_cache(maxsize=256)
def input_grad_specs(spec: ConvSpec) -> tuple[ConvSpec, ConvSpec | None]:
    """A stride-1 ``dx`` as forward convolutions of ``dy``: ``spec_t`` gives the padded ``dxp``
    (``dy`` zero-padded by ``d * (k - 1)``, correlated with the kernel flipped), and ``spec_i``,
    for zero padding within the kernel's reach, only its unpadded positions (``dx`` itself, with
    less padding), else ``None``. Cached: ``dataclasses.replace`` costs 7 us a call."""
    padded = spec.padded_spatial
    # padded positions past the last window's reach (a transposed convolution's output_padding)
    # get no gradient: the trailing zero padding of dy is longer by their number
    full = tuple(
        (d * (k - 1), p - o)
        for k, d, o, p in zip(spec.kernel, spec.dilation, spec.out_spatial, padded)
    )
    spec_t = replace(
        spec, padding=full, padding_mode="zeros", in_spatial=spec.out_spatial, out_spatial=padded
    )
    if spec.padding_mode != "zeros":
        return spec_t, None
    inner = tuple(((lo_t - lo), (hi_t - hi)) for (lo_t, hi_t), (lo, hi) in zip(full, spec.padding))
    if not all(a >= 0 and b >= 0 for a, b in inner):
        return spec_t, None
    return spec_t, replace(spec_t, padding=inner, out_spatial=spec.in_spatial)


Forward = Callable[[np.ndarray, np.ndarray, ConvSpec], Iterator[tuple[slice, np.ndarray]]]


def input_grad_by_forward(
    dy: np.ndarray, w: np.ndarray, spec: ConvSpec, forward: Forward
) -> np.ndarray:
    """``dx`` of a stride-1 convolution as a forward convolution: ``dxp`` is ``dy`` zero-padded
    by ``d*(k-1)`` on each side, correlated with ``w`` flipped and its channel axes swapped;
    ``forward(dy, w_t, spec_t)`` computes it chunk by chunk, and each chunk is folded back
    through the padding as it comes."""
    c_in = w.shape[1] * spec.groups
    spec_t, _ = input_grad_specs(spec)
    og, dims = w.shape[0] // spec.groups, len(spec.kernel)
    w_t = w.reshape(spec.groups, og, *w.shape[1:]).swapaxes(1, 2)  # (G, Cg, Og, *kernel)
    w_t = np.flip(w_t, axis=tuple(range(3, 3 + dims))).reshape(c_in, og, *spec.kernel)
    dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype=np.result_type(dy, w))
    for images, dxp in forward(dy, w_t, spec_t):
        _np.pad_backward_into(dx[images], dxp, spec.padding, spec.padding_mode)
    return dx


def input_grad(
    dy: np.ndarray, w: np.ndarray, spec: ConvSpec, shift: bool, out: np.ndarray | None = None
) -> np.ndarray:
    """``dx (N, C_in, *in)``: the transposed convolution of ``dy``, folded through the padding;
    written into ``out`` when given (without shift)."""
    if shift:
        return input_grad_by_forward(dy, w, spec, lambda dy, w, spec: forward(dy, w, spec, True))
    c_in, padded = w.shape[1] * spec.groups, spec.padded_spatial
    shape = (dy.shape[0], c_in, *spec.in_spatial)
    dx = np.empty(shape, dtype=np.result_type(dy, w)) if out is None else out
    w_g = _weight_matrix(w, spec.groups)
    for chunk in pieces(dy.shape[0], c_in, spec, dx.dtype.itemsize):
        images = chunk[0].images
        dxp = np.zeros((c_in, len(range(dy.shape[0])[images]), *padded), dtype=dx.dtype)
        for p in chunk:
            dy_g = gather_outputs(dy[images, :, p.rows], spec.groups, p.spec, (), shift=False)
            dcols = w_g.transpose(0, 2, 1) @ dy_g  # (G, Cg*K, n*P)
            dcols = dcols.reshape(c_in, *spec.kernel, dxp.shape[1], *p.spec.out_spatial)
            # dcols is (C_in, *kernel, n, *out); add each window onto the rows it was read from
            rows = dxp[:, :, p.lo : p.hi]
            _np.scatter_windows(dcols, rows.shape[2:], spec.stride, spec.dilation, out=rows)
        # dxp is (C_in, n, *padded); fold it through the padding as (n, C_in, *padded)
        _np.pad_backward_into(dx[images], np.moveaxis(dxp, 0, 1), spec.padding, spec.padding_mode)
    return dx


def weight_grad(
    dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray, shift: bool
) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and the input ``x (N, C_in, *in)``."""
    dw_g = np.zeros(_weight_matrix(w, spec.groups).shape, np.result_type(dy, x))
    for chunk in pieces(x.shape[0], x.shape[1], spec, dw_g.dtype.itemsize):
        images = chunk[0].images
        xp = np.ascontiguousarray(_np.pad(x[images], spec.padding, spec.padding_mode))
        for p in chunk:
            block = xp[:, :, p.lo : p.hi]
            cols = gather(block, p.spec, shift)  # (G, Cg*K, n*P)
            dy_g = gather_outputs(
                dy[images, :, p.rows], spec.groups, p.spec, block.shape[2:], shift
            )
            dw_g += dy_g @ cols.transpose(0, 2, 1)
    return dw_g.reshape(w.shape)
