"""The "nhwc" kernels: im2col with the channels last, for groups of one.

:mod:`convgrad.kernels.im2col` gathers ``cols (C, *kernel, n, *out)``: each run its copy moves
is one output row (28 numbers on a 28x28 image, 7 on a 7x7 one), and small images make it a
copy of short runs. Here the padded image is laid out channels last, ``xp (n, *padded, C)``, and
the windows are gathered as ``cols (n, *out, *kernel, C)``: every run is ``C`` numbers (one
pixel's channels), and the copy costs little more than a read of ``cols``. Then, with
``wm[(t, c), o] = w[o, c, t]`` (``K * C`` by ``C_out``):

- forward: ``y = cols @ wm``, ``(n * P, C_out)``, moved to ``(n, C_out, *out)``;
- ``dw``: ``dw = (dy @ cols)`` with ``dy`` laid out ``(n * P, C_out)`` channels last, summed
  over the images: each weight sees the inputs it multiplied;
- ``dx``, stride 1: a forward convolution of ``dy``, zero-padded by ``d * (k - 1)`` on each side,
  with the kernel flipped and its channel axes swapped (as im2col's shift does); it gives the
  padded ``dxp`` whole, which is folded back through the padding. Other strides:
  ``dcols = dy @ wm.T`` and each tap's columns added back onto the positions they were read
  from.

A convolution runs in the pieces of :func:`convgrad.kernels.im2col.pieces` (a few images, or a
block of output rows of one image, about ``CHUNK_BYTES`` of windows each), on the threads by
shares of the batch (:func:`convgrad.kernels.parallel.over_images`). Each thread keeps its
buffers (:func:`scratch`) from call to call: a fresh 8 MiB array is 2,048 pages the kernel must
fault in and zero, which measured as long as the copy that fills it.

Reads: the forward and ``dw`` read each input only where a window does; the stride-1 ``dx``
multiplies the weights by the zeros around ``dy`` too, so ``0 * inf`` is NaN: a non-finite
``dy`` or ``w`` goes to im2col (``convgrad.convolution._strategy``).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import im2col, parallel
from .im2col import Piece, pieces

_local = threading.local()
# Buffers larger than this are not kept between calls (one piece's windows are about
# im2col.CHUNK_BYTES, its input and output a fraction of that).
KEEP_BYTES = 32 << 20


def scratch(slot: str, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """An uninitialised array of this thread's, reused by the next call that asks for ``slot``."""
    need = math.prod(shape) * dtype.itemsize
    if need > KEEP_BYTES:
        return np.empty(shape, dtype)
    pool = getattr(_local, "pool", None)
    if pool is None:
        pool = _local.pool = {}
    buffer = pool.get(slot)
    if buffer is None or buffer.size < need:
        buffer = pool[slot] = np.empty(max(need, 1), np.uint8)
    return buffer[:need].view(dtype).reshape(shape)


def budget() -> int:
    """The bytes of windows in one piece: im2col's ``CHUNK_BYTES`` shared among the threads,
    which work on a piece each. Per-thread pieces of 1 / 4 / 16 / 64 MiB, forward + dx + dw on 2
    threads, ms: ResNet-20's 16 channels at 28x28 9.0 / 7.8 / 7.9 / 9.3, 32 at 14x14 5.7 / 4.8 /
    4.1 / 6.0, 32 -> 64 at 14x14 9.0 / 7.1 / 9.6 / 8.3 (one run each, quiet machine)."""
    return max(1, im2col.CHUNK_BYTES // parallel.threads())


def chunks(
    images: range, channels: int, spec: ConvSpec, dtype: np.dtype
) -> Iterator[tuple[slice, list[Piece]]]:
    """:func:`convgrad.kernels.im2col.pieces` of ``images``, each chunk with its images as a
    slice of the whole batch, in pieces of :func:`budget` bytes."""
    for chunk in pieces(len(images), channels, spec, dtype.itemsize, budget()):
        first = chunk[0].images
        yield slice(images.start + first.start, images.start + first.stop), chunk


def _channels_last(x: np.ndarray, spec: ConvSpec, dtype: np.dtype, slot: str) -> np.ndarray:
    """``x (m, C, *in)`` padded and channels last: ``(m, *padded, C)``, in a scratch buffer."""
    m, c = x.shape[:2]
    xp = scratch(slot, (m, *spec.padded_spatial, c), dtype)
    if spec.padding_mode != "zeros":
        xp[...] = _np.channels_last(_np.pad(x, spec.padding, spec.padding_mode))
        return xp
    _np.pad_into(xp, _np.channels_last(x), spec.padding, 1)
    return xp


def _gather(xp: np.ndarray, spec: ConvSpec, dtype: np.dtype) -> np.ndarray:
    """The windows of ``xp (m, *padded, C)`` as ``(m * P, K * C)``, in a scratch buffer."""
    st = xp.strides
    view = np.lib.stride_tricks.as_strided(
        xp,
        (xp.shape[0], *spec.out_spatial, *spec.kernel, xp.shape[-1]),
        (
            st[0],
            *(s * st[1 + i] for i, s in enumerate(spec.stride)),
            *(d * st[1 + i] for i, d in enumerate(spec.dilation)),
            st[-1],
        ),
        writeable=False,
    )
    cols = scratch("cols", view.shape, dtype)
    cols[...] = view
    return cols.reshape(xp.shape[0] * math.prod(spec.out_spatial), -1)


def _weights(w: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """``wm[(t, c), o] = w[o, c, t]``: ``(K * C, C_out)``."""
    c_out, c_in = w.shape[:2]
    wm = w.reshape(c_out, c_in, -1).transpose(0, 2, 1).reshape(c_out, -1).T
    return np.ascontiguousarray(wm, dtype=dtype)


def _convolve(
    x: np.ndarray, wm: np.ndarray, spec: ConvSpec, out: np.ndarray, images: range, first: int = 0
) -> None:
    """``out[first + i] = conv(x[images[i]])`` for ``wm (K * C, C_out)``, piece by piece; ``out``
    is ``(*, C_out, *out)``."""
    dtype = out.dtype
    c_out = wm.shape[1]
    for part, chunk in chunks(images, x.shape[1], spec, dtype):
        xp = _channels_last(x[part], spec, dtype, "xp")
        for p in chunk:
            cols = _gather(xp[:, p.lo : p.hi], p.spec, dtype)
            y = scratch("y", (cols.shape[0], c_out), dtype)
            np.matmul(cols, wm, out=y)
            y = y.reshape(xp.shape[0], *p.spec.out_spatial, c_out)
            at = slice(part.start - images.start + first, part.stop - images.start + first)
            out[at, :, p.rows] = _np.channels_first(y)
            del cols, y  # before the next piece's: buffers past KEEP_BYTES are new arrays
        del xp


def forward(
    x: np.ndarray,
    w: np.ndarray,
    spec: ConvSpec,
    convolve: Callable[..., None] | None = None,
    weights: Callable[[np.ndarray, np.dtype], np.ndarray] | None = None,
) -> np.ndarray:
    """``y (N, C_out, *out)`` of ``x (N, C_in, *in)``, without bias, run by ``convolve`` with
    the kernel laid out by ``weights`` (as in :func:`input_grad`)."""
    convolve = _convolve if convolve is None else convolve
    weights = _weights if weights is None else weights
    dtype = np.result_type(x, w)
    wm = weights(w, dtype)
    y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype)
    parallel.over_images(
        x.shape[0],
        lambda images: convolve(x, wm, spec, y, images, images.start),
        parallel.conv_size(spec, w, x.shape[0]),
    )
    return y


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and ``x (N, C_in, *in)``."""
    dtype = np.result_type(dy, x)
    c_out, k = w.shape[0], math.prod(spec.kernel)

    def work(images: range) -> np.ndarray:
        dw = np.zeros((c_out, k * x.shape[1]), dtype)
        for part, chunk in chunks(images, x.shape[1], spec, dtype):
            xp = _channels_last(x[part], spec, dtype, "xp")
            for p in chunk:
                cols = _gather(xp[:, p.lo : p.hi], p.spec, dtype)
                dyc = scratch("dy", (xp.shape[0], *p.spec.out_spatial, c_out), dtype)
                dyc[...] = _np.channels_last(dy[part, :, p.rows])
                dw += dyc.reshape(-1, c_out).T @ cols
                del cols, dyc  # before the next piece's (buffers past KEEP_BYTES are new)
            del xp
        return dw

    parts = parallel.over_images(x.shape[0], work, parallel.conv_size(spec, w, x.shape[0]))
    dw = parts[0] if len(parts) == 1 else np.sum(parts, axis=0)
    return np.ascontiguousarray(dw.reshape(c_out, k, -1).transpose(0, 2, 1)).reshape(w.shape)


def input_grad(
    dy: np.ndarray,
    w: np.ndarray,
    spec: ConvSpec,
    convolve: Callable[..., None] | None = None,
    weights: Callable[[np.ndarray, np.dtype], np.ndarray] | None = None,
) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``, folded through the padding; the
    stride-1 forward convolution of ``dy`` run by ``convolve`` with the kernel laid out by
    ``weights`` (this module's :func:`_convolve` and :func:`_weights` unless given: the rows
    strategy passes its own)."""
    if set(spec.stride) != {1}:
        return _input_grad_scatter(dy, w, spec)
    convolve = _convolve if convolve is None else convolve
    weights = _weights if weights is None else weights
    dtype = np.result_type(dy, w)
    c_in, dims = w.shape[1], len(spec.kernel)
    padded = spec.padded_spatial
    # dxp[c, q] = sum_{o, t} dyfull[o, q + t * d] * w[o, c, k - 1 - t]: a convolution of dyfull
    # with the kernel flipped and its channel axes swapped
    flipped = np.flip(w, axis=tuple(range(2, 2 + dims))).swapaxes(0, 1)  # (C_in, C_out, *k)
    wm = weights(flipped, dtype)
    spec_t, spec_i = im2col.input_grad_specs(spec)
    dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype)

    def work(images: range) -> None:
        if spec_i is not None:  # only the unpadded positions of dxp
            convolve(dy, wm, spec_i, dx, images, images.start)
            return
        dxp = np.empty((len(images), c_in, *padded), dtype)
        convolve(dy, wm, spec_t, dxp, images, 0)
        _np.pad_backward_into(dx[images.start : images.stop], dxp, spec.padding, spec.padding_mode)

    parallel.over_images(dy.shape[0], work, parallel.conv_size(spec, w, dy.shape[0]))
    return dx


def _input_grad_scatter(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx`` for any stride: ``dcols = dy @ wm.T``, each tap added back where it was read."""
    dtype = np.result_type(dy, w)
    c_out, c_in = w.shape[:2]
    wm_t = np.ascontiguousarray(_weights(w, dtype).T)  # (C_out, K * C)
    dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype)
    padded = spec.padded_spatial

    def work(images: range) -> None:
        for part, chunk in chunks(images, c_in, spec, dtype):
            m = part.stop - part.start
            dxp = np.zeros((m, *padded, c_in), dtype)
            for p in chunk:
                dyc = scratch("dy", (m, *p.spec.out_spatial, c_out), dtype)
                dyc[...] = _np.channels_last(dy[part, :, p.rows])
                dcols = scratch("cols", (dyc.size // c_out, wm_t.shape[1]), dtype)
                np.matmul(dyc.reshape(-1, c_out), wm_t, out=dcols)
                dcols = dcols.reshape(m, *p.spec.out_spatial, *spec.kernel, c_in)
                rows = dxp[:, p.lo : p.hi]
                at = (slice(None),) * (1 + len(spec.kernel))
                for t in np.ndindex(*spec.kernel):
                    where = _np.tap_slices(t, spec.stride, spec.dilation, p.spec.out_spatial)
                    rows[(slice(None), *where)] += dcols[(*at, *t)]
                del dyc, dcols  # before the next piece's (buffers past KEEP_BYTES are new)
            dxp_first = _np.channels_first(dxp)
            _np.pad_backward_into(dx[part], dxp_first, spec.padding, spec.padding_mode)
            del dxp, dxp_first, rows

    parallel.over_images(dy.shape[0], work, parallel.conv_size(spec, w, dy.shape[0]))
    return dx
