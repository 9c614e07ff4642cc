"""Winograd F(2x2, 3x3) with its transforms compiled by numba (the optional ``convgrad[fast]``).

The same function as :mod:`convgrad.kernels.winograd` (which stays the NumPy path and the oracle
these kernels are tested against), with the same matrices and the same 16 matrix products a
set of images, ``M[k] = U[k] @ V[k]``, run by the BLAS. What numba changes is the transforms
around the products: NumPy's take one array operation per term, over strided views of every
tile (the input's transform took 11.5 ms where the products took 11.0, at ResNet-18's 64
channels on 56x56, batch 8); here each is one pass, a row of tiles at a time, with the loops
along the row contiguous, which LLVM vectorises.

- ``_input_tiles``: ``V = B^T d B`` of every 4x4 tile ``d`` of the zero-padded input, read
  straight from ``x`` (the padding and the zeros that round the output up to whole tiles are
  never stored): ``(16, C, tiles)``.
- ``_output_tiles``: ``Y = A^T M A`` of every tile of ``M (16, C_out, tiles)``, written into
  ``y``, the last row and column of a tile dropped where the output ends.
- ``_gradient_tiles``: ``A dY A^T`` of every 2x2 tile of ``dy`` (zeros past its end), for ``dw``.

The products run on sets of a few images, or of a block of tile rows of one large image
(:func:`_sets`): the transformed input is 4 times the input's size, and a set whose ``V`` and
``M`` stay in the caches measured faster than the whole batch at once (ResNet-18's 64 channels
at 56x56, batch 8, forward, one thread: 28.6 ms for the batch, 20.0 one image a set); the memory
they take stays that of a set however large the images. The images are shared among convgrad's
threads, the BLAS at one thread each (:func:`convgrad.kernels.parallel.over_images`).

The 16 planes of ``V`` and ``M`` lie ``PLANE_GAP`` numbers apart beyond their size, so that their
rows do not fall on the same cache sets: with planes exactly ``C * tiles`` numbers long (a
multiple of 4096 bytes at 64 channels and 28x28 tiles), the output transform's 16 reads a tile
took 0.36 ms for one image where they took 0.20 with the gap.

Accuracy: the transforms hold only 0, 1, -1 and 1/2, as in the NumPy module; in float32 the
forward measured 3.4e-7 to 6.8e-7 of the output's scale against a float64 reference, as the
direct strategies (4.9e-7 to 6.5e-7), on ResNet-18's and ResNet-20's layers.

Non-finite inputs never come here: :func:`convgrad.convolution._strategy` sends them to a direct
strategy, as for the NumPy transforms.
"""

from __future__ import annotations

from collections.abc import Iterator

import numba
import numpy as np

from .. import _np
from .._args import ConvSpec
from . import im2col as _im2col
from . import nhwc as _nhwc
from . import parallel as _parallel
from . import winograd as _winograd

_FLAGS = {"reassoc", "contract"}
PLANE_GAP = 16
# The products run on sets of whole images of at least this many bytes of V (16 * C_in numbers
# a tile), and at least C_out tiles, so that a set's products read the weights' U (16 * C_out *
# C_in numbers) once for as many tiles as U holds output channels. forward + dx + dw, float32,
# 2 threads, ms for sets of at least 64 / 128 / 256 / 512 / 1024 / 2048 tiles (a scratch sweep
# alternating the sizes, medians of 3): 16 channels at 16x16, batch 32: 3.15 / 2.47 / 2.14 /
# 2.08 / 2.08 / 2.08; at 32x32: 5.91 / 6.17 / 5.93 / 5.64 / 5.89 / 5.80; 128 at 28x28, batch 8:
# 23.8 / 24.8 / 28.3 / 28.4 / 30.0 / 31.3 (one image, 196 tiles, a set is best); 512 at 14x14,
# batch 8: 164 / 158 / 147 / 142 / 141 / 143; 64 at 56x56: 28.7 / 28.8 / 28.6 / 28.9 / 31.8 /
# 31.6; 32 at 14x14, batch 32: 3.53 / 3.44 / 3.31 / 3.36 / 3.20 / 3.27.
SET_BYTES = 512 << 10


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _input_tiles(x, ph, pw, a0, a1, tw, v):  # type: ignore[no-untyped-def]
    # x (n, C, H, W), v (16, C, n * (a1 - a0) * tw): the rows a0 .. a1 - 1 of tiles; tile (a, b)
    # of image i reads rows 2a .. 2a + 3 and columns 2b .. 2b + 3 of x padded by ph rows and pw
    # columns before it (zeros past it)
    n, c, h_in, w_in = x.shape
    wp = 2 * tw + 2
    rows = np.zeros((4, wp), x.dtype)
    r = np.empty((4, wp), x.dtype)
    cols = min(w_in, wp - pw)
    for i in range(n):
        for ch in range(c):
            for a in range(a0, a1):
                for k in range(4):
                    h = 2 * a + k - ph
                    dst = rows[k, pw : pw + cols]
                    if 0 <= h < h_in:
                        src = x[i, ch, h]
                        for j in range(cols):
                            dst[j] = src[j]
                    else:
                        for j in range(cols):
                            dst[j] = 0
                d0, d1, d2, d3 = rows[0], rows[1], rows[2], rows[3]
                r0, r1, r2, r3 = r[0], r[1], r[2], r[3]
                for j in range(wp):  # B^T d
                    r0[j] = d0[j] - d2[j]
                    r1[j] = d1[j] + d2[j]
                    r2[j] = d2[j] - d1[j]
                    r3[j] = d1[j] - d3[j]
                t0 = (i * (a1 - a0) + a - a0) * tw
                for k in range(4):  # (B^T d) B
                    e = r[k]
                    v0 = v[4 * k, ch, t0 : t0 + tw]
                    v1 = v[4 * k + 1, ch, t0 : t0 + tw]
                    v2 = v[4 * k + 2, ch, t0 : t0 + tw]
                    v3 = v[4 * k + 3, ch, t0 : t0 + tw]
                    for b in range(tw):
                        e0, e1, e2, e3 = e[2 * b], e[2 * b + 1], e[2 * b + 2], e[2 * b + 3]
                        v0[b] = e0 - e2
                        v1[b] = e1 + e2
                        v2[b] = e2 - e1
                        v3[b] = e1 - e3


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _output_tiles(m, a0, a1, tw, y):  # type: ignore[no-untyped-def]
    # m (16, C_out, n * (a1 - a0) * tw), the rows a0 .. a1 - 1 of tiles; y (n, C_out, OH, OW)
    # with OH <= 2 * (number of tile rows), OW <= 2 tw
    n, c_out, oh, ow = y.shape
    row0 = np.empty(2 * tw, m.dtype)
    row1 = np.empty(2 * tw, m.dtype)
    for i in range(n):
        for o in range(c_out):
            for a in range(a0, a1):
                t0 = (i * (a1 - a0) + a - a0) * tw
                m0 = m[0, o, t0 : t0 + tw]
                m1 = m[1, o, t0 : t0 + tw]
                m2 = m[2, o, t0 : t0 + tw]
                m3 = m[3, o, t0 : t0 + tw]
                m4 = m[4, o, t0 : t0 + tw]
                m5 = m[5, o, t0 : t0 + tw]
                m6 = m[6, o, t0 : t0 + tw]
                m7 = m[7, o, t0 : t0 + tw]
                m8 = m[8, o, t0 : t0 + tw]
                m9 = m[9, o, t0 : t0 + tw]
                m10 = m[10, o, t0 : t0 + tw]
                m11 = m[11, o, t0 : t0 + tw]
                m12 = m[12, o, t0 : t0 + tw]
                m13 = m[13, o, t0 : t0 + tw]
                m14 = m[14, o, t0 : t0 + tw]
                m15 = m[15, o, t0 : t0 + tw]
                for b in range(tw):
                    # M A, row by row of the tile: columns [m0 + m1 + m2, m1 - m2 - m3]
                    c00 = m0[b] + m1[b] + m2[b]
                    c01 = m1[b] - m2[b] - m3[b]
                    c10 = m4[b] + m5[b] + m6[b]
                    c11 = m5[b] - m6[b] - m7[b]
                    c20 = m8[b] + m9[b] + m10[b]
                    c21 = m9[b] - m10[b] - m11[b]
                    c30 = m12[b] + m13[b] + m14[b]
                    c31 = m13[b] - m14[b] - m15[b]
                    row0[2 * b] = c00 + c10 + c20  # A^T (M A)
                    row0[2 * b + 1] = c01 + c11 + c21
                    row1[2 * b] = c10 - c20 - c30
                    row1[2 * b + 1] = c11 - c21 - c31
                dst = y[i, o, 2 * a]
                for j in range(ow):
                    dst[j] = row0[j]
                if 2 * a + 1 < oh:
                    dst = y[i, o, 2 * a + 1]
                    for j in range(ow):
                        dst[j] = row1[j]


@numba.njit(nogil=True, cache=True, fastmath=_FLAGS)
def _gradient_tiles(dy, a0, a1, tw, z):  # type: ignore[no-untyped-def]
    # dy (n, C_out, OH, OW), z (16, C_out, n * (a1 - a0) * tw): A dY A^T of the rows a0 .. a1 - 1
    # of 2x2 tiles of dy, with zeros past its end; A = [[1, 0], [1, 1], [1, -1], [0, -1]]
    n, c_out, oh, ow = dy.shape
    rows = np.zeros((2, 2 * tw), dy.dtype)
    r = np.empty((4, 2 * tw), dy.dtype)
    for i in range(n):
        for o in range(c_out):
            for a in range(a0, a1):
                for k in range(2):
                    dst = rows[k, :ow]
                    if 2 * a + k < oh:
                        src = dy[i, o, 2 * a + k]
                        for j in range(ow):
                            dst[j] = src[j]
                    else:
                        for j in range(ow):
                            dst[j] = 0
                g0, g1 = rows[0], rows[1]
                r0, r1, r2, r3 = r[0], r[1], r[2], r[3]
                for j in range(2 * tw):  # A dY
                    r0[j] = g0[j]
                    r1[j] = g0[j] + g1[j]
                    r2[j] = g0[j] - g1[j]
                    r3[j] = -g1[j]
                t0 = (i * (a1 - a0) + a - a0) * tw
                for k in range(4):  # (A dY) A^T
                    e = r[k]
                    z0 = z[4 * k, o, t0 : t0 + tw]
                    z1 = z[4 * k + 1, o, t0 : t0 + tw]
                    z2 = z[4 * k + 2, o, t0 : t0 + tw]
                    z3 = z[4 * k + 3, o, t0 : t0 + tw]
                    for b in range(tw):
                        p, q = e[2 * b], e[2 * b + 1]
                        z0[b] = p
                        z1[b] = p + q
                        z2[b] = p - q
                        z3[b] = -q


def _sets(
    images: range, spec: ConvSpec, c_in: int, c_out: int, itemsize: int
) -> Iterator[tuple[slice, int, int]]:
    """The sets of products over ``images``: ``(images, first tile row, end)``, of at least
    ``SET_BYTES`` of V and ``c_out`` tiles each (``SET_BYTES`` and its measurements): whole
    images where one holds fewer tiles, else blocks of tile rows of one image, so that a set's
    V and M stay that size however large the image."""
    th, tw = _winograd._tiles(spec)
    tiles = max(-(-SET_BYTES // (16 * c_in * itemsize)), c_out)
    if tiles >= th * tw:
        step = -(-tiles // (th * tw))
        for first in range(images.start, images.stop, step):
            yield slice(first, min(first + step, images.stop)), 0, th
        return
    rows = -(-tiles // tw)
    for i in images:
        for a0 in range(0, th, rows):
            yield slice(i, i + 1), a0, min(a0 + rows, th)


def _planes(slot: str, rows: int, tiles: int, dtype: np.dtype) -> np.ndarray:
    """An uninitialised ``(16, rows, tiles)`` whose planes lie ``PLANE_GAP`` numbers apart, in
    this thread's scratch buffer ``slot`` (:func:`convgrad.kernels.nhwc.scratch`): nhwc's own
    slots for its windows and products, which no call of nhwc holds while these run, so that
    the memory a thread keeps between calls does not grow."""
    flat = _nhwc.scratch(slot, (16, rows * tiles + PLANE_GAP), np.dtype(dtype))
    return flat[:, : rows * tiles].reshape(16, rows, tiles)


def _zero_padded(x: np.ndarray, spec: ConvSpec) -> tuple[np.ndarray, int, int]:
    """``x`` and the zeros before its rows and columns: other padding modes are padded here."""
    if spec.padding_mode == "zeros":
        return x, spec.padding[0][0], spec.padding[1][0]
    return _np.pad(x, spec.padding, spec.padding_mode), 0, 0


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, OH, OW)`` of ``x (N, C_in, H, W)``, without bias."""
    dtype = np.result_type(x, w)
    x = np.ascontiguousarray(x, dtype)
    tw = _winograd._tiles(spec)[1]
    with _parallel.blas_single():  # the BLAS's workers, woken, would spin beside the shares
        u = _winograd.kernel_transform(w, dtype)  # (16, C_out, C_in)
    y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype)
    xs, ph, pw = _zero_padded(x, spec)

    def share(images: range) -> None:
        for part, a0, a1 in _sets(images, spec, x.shape[1], w.shape[0], dtype.itemsize):
            tiles = (part.stop - part.start) * (a1 - a0) * tw
            v = _planes("cols", x.shape[1], tiles, dtype)
            _input_tiles(xs[part], ph, pw, a0, a1, tw, v)
            m = _planes("y", w.shape[0], tiles, dtype)
            np.matmul(u, v, out=m)
            _output_tiles(m, a0, a1, tw, y[part])

    _parallel.over_images(x.shape[0], share, _parallel.conv_size(spec, w, x.shape[0]))
    return y


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, H, W)``: the forward convolution of ``dy`` with ``w`` flipped and its
    channel axes swapped (:func:`convgrad.kernels.im2col.input_grad_specs`), folded through the
    padding where the padding is not zeros or exceeds the kernel's reach."""
    spec_t, spec_i = _im2col.input_grad_specs(spec)
    w_t = np.flip(w, axis=(2, 3)).swapaxes(0, 1)
    if spec_i is not None:  # only the unpadded positions: dx itself
        return forward(dy, w_t, spec_i)
    dxp = forward(dy, w_t, spec_t)
    dx = np.empty((dy.shape[0], w.shape[1], *spec.in_spatial), dxp.dtype)
    _np.pad_backward_into(dx, dxp, spec.padding, spec.padding_mode)
    return dx


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw (C_out, C_in, 3, 3)`` from ``dy (N, C_out, OH, OW)`` and ``x (N, C_in, H, W)``:
    ``dU[k] = sum_tiles Z[k] V[k]^T`` (the NumPy module's derivation), then ``G^T dU G``."""
    dtype = np.result_type(dy, x)
    x = np.ascontiguousarray(x, dtype)
    dy = np.ascontiguousarray(dy, dtype)
    tw = _winograd._tiles(spec)[1]
    xs, ph, pw = _zero_padded(x, spec)
    c_out, c_in = w.shape[:2]

    def share(images: range) -> np.ndarray:
        du = np.zeros((16, c_out, c_in), dtype)
        for part, a0, a1 in _sets(images, spec, c_in, c_out, dtype.itemsize):
            tiles = (part.stop - part.start) * (a1 - a0) * tw
            v = _planes("cols", c_in, tiles, dtype)
            _input_tiles(xs[part], ph, pw, a0, a1, tw, v)
            z = _planes("y", c_out, tiles, dtype)
            _gradient_tiles(dy[part], a0, a1, tw, z)
            du += z @ v.transpose(0, 2, 1)
        return du

    parts = _parallel.over_images(x.shape[0], share, _parallel.conv_size(spec, w, x.shape[0]))
    du = parts[0] if len(parts) == 1 else np.sum(parts, axis=0)
    with _parallel.blas_single():
        return _winograd.kernel_gradient(du, dtype)
