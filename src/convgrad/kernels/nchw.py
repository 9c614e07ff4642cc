"""The "nchw" kernels: im2col image by image, in the layout the arrays already have.

:mod:`convgrad.kernels.im2col` gathers the windows of a whole chunk of images into one matrix
``cols (G, Cg*K, n*P)``, so that one product covers them: its output ``(G, Og, n*P)`` has the
images inside the channels, and must be moved to ``(n, C_out, P)`` (a copy of the output), as
``dy`` must be moved the other way for ``dx`` and ``dw``. When the output is larger than the
windows (few input channels: a network's first layer, LeNet's), those two copies cost more than
the gather and as much as the product. Here each image's windows are a matrix of their own,
``cols[n] (G, Cg*K, P)``, and with ``w_g (G, Og, Cg*K)``:

- forward: ``y[n] = w_g @ cols[n]``, written straight into ``y (n, C_out, *out)``;
- ``dw``: ``dw_g = sum_n dy[n] @ cols[n].T``, ``dy`` read where it lies;
- ``dx``: ``dcols[n] = w_g.T @ dy[n]``, each tap's columns added back onto the positions of the
  padded image they were read from, any stride. At stride 1 the adds run over flat positions
  (as im2col's ``shift`` gathers): ``dy`` is laid out over the ``Q`` positions from its first
  output to its last, with zeros between its rows, so each tap's columns are one run of ``Q``
  numbers per image and channel, added at the tap's offset into the flattened padded image,
  instead of one run per output row.

A 1x1 kernel at stride 1 without padding gathers nothing: ``cols[n]`` is ``x[n]`` itself, and
``dx[n] = w_g.T @ dy[n]``. The products are one per image (and group), of ``P`` columns each:
good shapes when the images are large, poor on tiny ones; the automatic choice
(``convgrad.convolution.NCHW_POSITIONS``, with the measurements) takes this strategy for 1x1
kernels, 1-D layers, layers with few input channels and groups with few products per output,
from 49 positions per image, and there takes ``dx`` from im2col or nhwc unless the layer has
groups or a 1x1 kernel (the tap-by-tap adds measured slower than their ``dx``).

Reads: the forward and ``dw`` read each input only where a window does; ``dx`` adds each
product only where a window read, except that the flat runs multiply the weights by the zeros
between ``dy``'s rows too (``0 * inf`` is NaN), so weights that are not all finite take the
tap-by-tap adds. A NaN or an infinity reaches what PyTorch's reaches.
The work runs on the threads by shares of the batch, in the pieces of
:func:`convgrad.kernels.im2col.pieces` (:func:`convgrad.kernels.nhwc.chunks`).
"""

from __future__ import annotations

import math

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import parallel
from .nhwc import budget, chunks, scratch


def gathers(spec: ConvSpec) -> bool:
    """Whether the windows must be gathered: not for a 1x1 kernel at stride 1 without padding,
    whose windows are the image itself (unless it is a transposed convolution's, with an
    ``output_padding`` that no window reaches)."""
    flat = set(spec.kernel) | set(spec.stride) == {1}
    bare = all(lo == hi == 0 for lo, hi in spec.padding) and spec.in_spatial == spec.out_spatial
    return not (flat and bare)


def _padded(x: np.ndarray, spec: ConvSpec, dtype: np.dtype) -> np.ndarray:
    """``x (m, C, *in)`` padded: ``(m, C, *padded)``, in a scratch buffer for zero padding."""
    if spec.padding_mode != "zeros":
        return np.ascontiguousarray(_np.pad(x, spec.padding, spec.padding_mode), dtype)
    if all(lo == hi == 0 for lo, hi in spec.padding) and x.dtype == dtype:
        return x
    xp = scratch("xp", (*x.shape[:2], *spec.padded_spatial), dtype)
    _np.pad_into(xp, x, spec.padding, 2)
    return xp


def _windows(xp: np.ndarray, spec: ConvSpec, dtype: np.dtype) -> np.ndarray:
    """The windows of ``xp (m, C, *padded)`` as ``(m, G, Cg * K, P)``."""
    m, c = xp.shape[:2]
    shape = (m, spec.groups, c // spec.groups * math.prod(spec.kernel), -1)
    if not gathers(spec):
        return xp.reshape(shape)
    dims = len(spec.kernel)
    view = _np.windows(xp, spec.kernel, spec.stride, spec.dilation, spec.out_spatial)
    view = view.transpose(0, 1, *range(2 + dims, 2 + 2 * dims), *range(2, 2 + dims))
    cols = scratch("cols", view.shape, dtype)  # (m, C, *kernel, *out)
    cols[...] = view
    return cols.reshape(shape)


def _read(a: np.ndarray, groups: int) -> np.ndarray:
    """``a (m, C, *spatial)`` as ``(m, G, C / G, prod(spatial))`` (a copy if it must be)."""
    return a.reshape(a.shape[0], groups, a.shape[1] // groups, -1)


def _write(a: np.ndarray, groups: int) -> np.ndarray:
    """:func:`_read`'s shape as a view of ``a``, for products to be written into: ``a``'s
    planes must each be contiguous, as those of a block of whole rows of a new array are."""
    item, spatial = a.itemsize, a.shape[2:]
    steps = _np.flat_steps(spatial)
    if any(n > 1 and s != step * item for n, s, step in zip(spatial, a.strides[2:], steps)):
        raise AssertionError("nchw writes products into planes that are not contiguous")
    shape = (a.shape[0], groups, a.shape[1] // groups, math.prod(spatial))
    plane = a.strides[1]
    strides = (a.strides[0], plane * shape[2], plane, item)
    return np.lib.stride_tricks.as_strided(a, shape, strides)


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of ``x (N, C_in, *in)``, without bias."""
    dtype = np.result_type(x, w)
    w_g = w.reshape(spec.groups, w.shape[0] // spec.groups, -1).astype(dtype, copy=False)
    y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype)

    def work(images: range) -> None:
        for part, chunk in chunks(images, x.shape[1], spec, dtype):
            xp = _padded(x[part], spec, dtype)
            for p in chunk:
                cols = _windows(xp[:, :, p.lo : p.hi], p.spec, dtype)
                np.matmul(w_g, cols, out=_write(y[part, :, p.rows], spec.groups))
                del cols

    parallel.over_images(x.shape[0], work, parallel.conv_size(spec, w, x.shape[0]))
    return y


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and ``x (N, C_in, *in)``."""
    dtype = np.result_type(dy, x)
    groups = spec.groups

    def work(images: range) -> np.ndarray:
        dw = np.zeros((groups, w.shape[0] // groups, w[0].size), dtype)
        for part, chunk in chunks(images, x.shape[1], spec, dtype):
            xp = _padded(x[part], spec, dtype)
            for p in chunk:
                cols = _windows(xp[:, :, p.lo : p.hi], p.spec, dtype)
                dyp = _read(dy[part, :, p.rows], groups)
                # each image's product is w's size: a few images at a time, within a piece's bytes
                step = max(1, budget() // (dw.size * dtype.itemsize))
                for i in range(0, len(cols), step):
                    some = slice(i, i + step)
                    products = scratch("dw", (len(cols[some]), *dw.shape), dtype)
                    np.matmul(dyp[some], cols[some].swapaxes(-1, -2), out=products)
                    dw += products.sum(axis=0)
                    del products
                del cols
        return dw

    parts = parallel.over_images(x.shape[0], work, parallel.conv_size(spec, w, x.shape[0]))
    dw = parts[0] if len(parts) == 1 else np.sum(parts, axis=0)
    return dw.reshape(w.shape)


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``, folded through the padding."""
    dtype = np.result_type(dy, w)
    groups, c_in = spec.groups, w.shape[1] * spec.groups
    w_t = w.reshape(groups, w.shape[0] // groups, -1).swapaxes(1, 2).astype(dtype, copy=False)
    dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype)
    size = parallel.conv_size(spec, w, dy.shape[0])
    if not gathers(spec):  # 1x1, stride 1, no padding: dx[n] = w_g.T @ dy[n]

        def product(images: range) -> None:
            part = slice(images.start, images.stop)
            np.matmul(w_t, _read(dy[part], groups), out=_write(dx[part], groups))

        parallel.over_images(dy.shape[0], product, size)
        return dx
    # flat positions (the module docstring) where dy's zeros between rows stay zeros: stride 1
    # and finite weights (0 * inf is NaN)
    flat = set(spec.stride) == {1} and bool(np.isfinite(w).all())
    padded = spec.padded_spatial

    def work(images: range) -> None:
        for part, chunk in chunks(images, c_in, spec, dtype):
            m = part.stop - part.start
            dxp = scratch("dxp", (m, c_in, *padded), dtype)
            dxp[...] = 0
            for p in chunk:
                rows = dxp[:, :, p.lo : p.hi]
                if flat:
                    _add_flat(rows, w_t, dy[part, :, p.rows], p.spec)
                else:
                    _add_windows(rows, w_t, dy[part, :, p.rows], p.spec)
                del rows
            _np.pad_backward_into(dx[part], dxp, spec.padding, spec.padding_mode)
            del dxp

    parallel.over_images(dy.shape[0], work, size)
    return dx


def _add_windows(rows: np.ndarray, w_t: np.ndarray, dy: np.ndarray, spec: ConvSpec) -> None:
    """Add ``dcols = w_t @ dy`` onto ``rows (m, C_in, *padded rows)``, each tap's columns onto
    the positions they were read from (any stride)."""
    m, c_in, out, groups = dy.shape[0], rows.shape[1], spec.out_spatial, spec.groups
    dcols = scratch("cols", (m, groups, w_t.shape[1], math.prod(out)), rows.dtype)
    np.matmul(w_t, _read(dy, groups), out=dcols)
    taps = dcols.reshape(m, c_in, *spec.kernel, *out)
    for t in np.ndindex(*spec.kernel):
        where = _np.tap_slices(t, spec.stride, spec.dilation, out)
        rows[(slice(None), slice(None), *where)] += taps[(slice(None),) * 2 + t]


def _add_flat(rows: np.ndarray, w_t: np.ndarray, dy: np.ndarray, spec: ConvSpec) -> None:
    """:func:`_add_windows` at stride 1 over flat positions: with ``dy`` laid out over the ``Q``
    positions from the first output to the last (zeros between its rows), each tap's columns
    are one run of ``Q`` per image and channel, added at the tap's offset."""
    m, c_in, groups, spatial = dy.shape[0], rows.shape[1], spec.groups, rows.shape[2:]
    q = _np.flat_span(spec.out_spatial, spatial)
    dyq = scratch("dyq", (m, dy.shape[1], q), rows.dtype)
    dyq[...] = 0
    _np.flat_positions(dyq, spec.out_spatial, spatial)[...] = dy
    dcols = scratch("cols", (m, groups, w_t.shape[1], q), rows.dtype)
    np.matmul(w_t, dyq.reshape(m, groups, -1, q), out=dcols)
    taps = dcols.reshape(m, c_in, math.prod(spec.kernel), q)
    planes = _write(rows, 1).reshape(m, c_in, -1)  # (m, C_in, prod(rows' spatial)), a view
    for k, t in enumerate(np.ndindex(*spec.kernel)):
        at = _np.flat_offset(t, spec.dilation, spatial)
        planes[:, :, at : at + q] += taps[:, :, k]
