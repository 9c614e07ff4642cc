"""Winograd F(2x2, 3x3): 3x3 convolutions with stride 1 and no dilation, in 2-D.

Each 2x2 block of outputs (a tile) reads a 4x4 block of the padded input ``d``; with
``U = G g G^T`` (4x4 per pair of channels) and ``V = B^T d B`` (4x4 per tile and input channel),

    Y = A^T [ sum_c U[o, c] * V[c] ] A        (* elementwise)

which is 16 matrix products ``M[k,l] = U[k,l] @ V[k,l]``, ``(C_out, C_in)`` by ``(C_in, tiles)``,
instead of the 9 of direct convolution over 4 times the positions: 2.25 times fewer
multiplications, for transforms that cost a few passes over the input and output. The matrices
(Lavin and Gray, 2015) hold only 0, 1, -1 and 1/2, so the transforms are exact up to rounding:

    B^T = [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]]
    G   = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]]
    A^T = [[1, 1, 1, 0], [0, 1, -1, -1]]

Backward. ``dx`` is a forward convolution of ``dy`` (see :mod:`convgrad.kernels.im2col`), so it is
computed the same way. For ``dw``: ``Y`` is linear in ``U``, so
``dU[o, c] = sum_tiles (A dY A^T) * V[c]`` (16 matrix products ``(C_out, tiles)`` by
``(tiles, C_in)``), and ``dw[o, c] = G^T dU[o, c] G``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import im2col as _im2col

G = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0.0, 0.0, 1.0]])


def supports(spec: ConvSpec, w: np.ndarray) -> bool:
    return (
        spec.kernel == (3, 3)
        and spec.stride == (1, 1)
        and spec.dilation == (1, 1)
        and spec.groups == 1
    )


def _tiles(spec: ConvSpec) -> tuple[int, int]:
    """Tiles along each dimension: ``ceil(out / 2)``."""
    return -(-spec.out_spatial[0] // 2), -(-spec.out_spatial[1] // 2)


def image_bytes(channels: int, spec: ConvSpec, itemsize: int) -> int:
    """Bytes of one image's transformed input ``V (16, C, tiles)``."""
    th, tw = _tiles(spec)
    return 16 * channels * th * tw * itemsize


def _chunks(batch: int, per_image: int) -> Iterator[slice]:
    step = max(1, _im2col.CHUNK_BYTES // max(per_image, 1))
    for first in range(0, batch, step):
        yield slice(first, min(first + step, batch))


def _padded_tiles(x: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``x (n, C, H, W)`` padded, then zero-extended to ``(n, C, 2*th + 2, 2*tw + 2)``."""
    th, tw = _tiles(spec)
    xp = _np.pad(x, spec.padding, spec.padding_mode)
    if xp.shape[2:] == (2 * th + 2, 2 * tw + 2):
        return xp
    out = np.zeros((*xp.shape[:2], 2 * th + 2, 2 * tw + 2), dtype=xp.dtype)
    out[:, :, : xp.shape[2], : xp.shape[3]] = xp
    return out


def _input_transform(xp: np.ndarray, th: int, tw: int) -> np.ndarray:
    """``V = B^T d B`` for every 4x4 tile ``d`` of ``xp (n, C, 2*th + 2, 2*tw + 2)``:
    ``(16, C, n*th*tw)``, one matrix per position ``(k, l)`` in the tile."""
    n, c = xp.shape[:2]
    d = [xp[:, :, k : k + 2 * th : 2] for k in range(4)]  # row k of every tile: (n, C, th, W)
    rows = (d[0] - d[2], d[1] + d[2], d[2] - d[1], d[1] - d[3])  # B^T d
    v = np.empty((4, 4, c, n, th, tw), dtype=xp.dtype)
    for k, r in enumerate(rows):
        e = [np.moveaxis(r[..., j : j + 2 * tw : 2], 1, 0) for j in range(4)]  # (C, n, th, tw)
        np.subtract(e[0], e[2], out=v[k, 0])  # (B^T d) B
        np.add(e[1], e[2], out=v[k, 1])
        np.subtract(e[2], e[1], out=v[k, 2])
        np.subtract(e[1], e[3], out=v[k, 3])
    return v.reshape(16, c, n * th * tw)


def _output_transform(m: np.ndarray, n: int, th: int, tw: int) -> np.ndarray:
    """``Y = A^T M A`` for every tile of ``m (16, C_out, n*th*tw)``: ``(n, C_out, 2*th, 2*tw)``."""
    c_out = m.shape[1]
    m = m.reshape(4, 4, c_out, n, th, tw)
    r0 = m[0] + m[1] + m[2]  # A^T M: (4, C_out, n, th, tw), one per column l of the tile
    r1 = m[1] - m[2] - m[3]
    y = np.empty((n, c_out, th, 2, tw, 2), dtype=m.dtype)
    for a, r in enumerate((r0, r1)):
        y[:, :, :, a, :, 0] = np.moveaxis(r[0] + r[1] + r[2], 0, 1)  # (A^T M) A
        y[:, :, :, a, :, 1] = np.moveaxis(r[1] - r[2] - r[3], 0, 1)
    return y.reshape(n, c_out, 2 * th, 2 * tw)


def _gradient_transform(dy: np.ndarray, th: int, tw: int) -> np.ndarray:
    """``A dY A^T`` for every 2x2 tile of ``dy (n, C_out, *out)``: ``(16, C_out, n*th*tw)``."""
    n, c_out = dy.shape[:2]
    tiles = np.zeros((n, c_out, th, 2, tw, 2), dtype=dy.dtype)
    tiles.reshape(n, c_out, 2 * th, 2 * tw)[:, :, : dy.shape[2], : dy.shape[3]] = dy
    d = [[np.moveaxis(tiles[:, :, :, a, :, b], 1, 0) for b in range(2)] for a in range(2)]
    rows = [  # A dY: (4 rows) x (2 columns), each (C_out, n, th, tw)
        d[0],
        [d[0][0] + d[1][0], d[0][1] + d[1][1]],
        [d[0][0] - d[1][0], d[0][1] - d[1][1]],
        [-d[1][0], -d[1][1]],
    ]
    z = np.empty((4, 4, c_out, n, th, tw), dtype=dy.dtype)
    for k, (r0, r1) in enumerate(rows):  # (A dY) A^T
        z[k, 0] = r0
        np.add(r0, r1, out=z[k, 1])
        np.subtract(r0, r1, out=z[k, 2])
        np.negative(r1, out=z[k, 3])
    return z.reshape(16, c_out, n * th * tw)


def forward(
    x: np.ndarray, w: np.ndarray, spec: ConvSpec, out: np.ndarray | None = None
) -> Iterator[tuple[slice, np.ndarray]]:
    """``y (n, C_out, *out)`` for each chunk of images of ``x (N, C_in, H, W)``, without bias;
    written into ``out[images]`` when ``out`` is given."""
    th, tw = _tiles(spec)
    oh, ow = spec.out_spatial
    dtype = np.result_type(x, w)
    u = kernel_transform(w, dtype)  # (16, O, C)
    for images in _chunks(x.shape[0], image_bytes(x.shape[1], spec, dtype.itemsize)):
        xp = _padded_tiles(x[images], spec)  # (n, C_in, 2*th + 2, 2*tw + 2)
        m = u @ _input_transform(xp, th, tw)  # (16, C_out, n*th*tw)
        y = _output_transform(m, xp.shape[0], th, tw)[:, :, :oh, :ow]
        if out is not None:
            out[images] = y
            y = out[images]
        yield images, y


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw (C_out, C_in, 3, 3)`` from ``dy (N, C_out, *out)`` and ``x (N, C_in, H, W)``."""
    th, tw = _tiles(spec)
    dtype = np.result_type(dy, x)
    du = np.zeros((16, w.shape[0], w.shape[1]), dtype=dtype)
    for images in _chunks(x.shape[0], image_bytes(x.shape[1], spec, dtype.itemsize)):
        v = _input_transform(_padded_tiles(x[images], spec), th, tw)  # (16, C_in, T)
        du += _gradient_transform(dy[images], th, tw) @ v.transpose(0, 2, 1)
    return kernel_gradient(du, dtype)


def kernel_transform(w: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """``U = G w G^T`` of ``w (C_out, C_in, 3, 3)``: ``(16, C_out, C_in)``, one matrix per
    position ``(k, l)`` in the tile. One product, ``kron(G, G) (16, 9)`` by the kernels as
    columns: ``U[(k, l)] = sum_(i, j) G[k, i] G[l, j] w[i, j]`` (two tensordots and a transpose
    took 17 ms at 512 channels, this 1.5)."""
    gg = np.kron(G, G).astype(dtype)
    c_out, c_in = w.shape[:2]
    return (gg @ w.reshape(c_out * c_in, 9).T).reshape(16, c_out, c_in)


def kernel_gradient(du: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """``dw = G^T dU G`` of ``dU (16, C_out, C_in)``: ``(C_out, C_in, 3, 3)``, the transpose
    of :func:`kernel_transform`'s product."""
    gg = np.kron(G, G).astype(dtype)
    c_out, c_in = du.shape[1:]
    return (du.reshape(16, c_out * c_in).T @ gg).reshape(c_out, c_in, 3, 3)
