"""The "rows" kernels: stride-1 convolutions whose last kernel axis is taken by the matrix product's
output columns instead of by the gathered windows; for thin layers, channels last, groups of one.

:mod:`convgrad.kernels.nhwc` gathers every tap, ``K * C`` numbers per output, and multiplies
``(n*P, K*C) @ (K*C, F)``: with 16 channels that is ``(M, 144) @ (144, 16)``, a product too thin
for the BLAS (74 GFLOP/s on the development machine's 2 threads, where ``(M, 48) @ (48, 48)``
runs at 155). Here, in 2-D with a ``kh x kw`` kernel, the gather takes the ``kh`` kernel rows
only, over every padded column, and the kernel's columns become output columns:

- ``A[n, h, w', (i, c)] = xp[n, h + i*dh, w', c]`` (``kh * C`` numbers per padded position),
- ``B[(i, c), (j, f)] = w[f, c, i, j]``, and ``Z = A @ B``, ``(n*H_out*W_p, kw * F)``,
- ``y[n, h, w, f] = sum_j Z[n, h, w + j*dw, j, f]``: ``kw - 1`` additions of output-sized views.

Any rank alike: every kernel axis but the last is gathered, the last is summed by shifted views
(in 1-D nothing is gathered at all). From the same layout:

- ``dx`` (stride 1) is a forward convolution of ``dy`` zero-padded by ``d * (k - 1)``, with the
  kernel flipped and its channel axes swapped, as in :mod:`convgrad.kernels.nhwc`;
- ``dw``: with ``D[n, h, w', (j, f)] = dy[n, h, w' - j*dw, f]`` (zero outside), ``dw`` is
  ``A.T @ D``, ``(kh * C, kw * F)``: one product with the batch's positions as its inner size.

Reads: the forward and ``dw`` read the padded positions between windows too (``Z``'s columns
past the last output are dropped; ``D`` is zero there), and ``0 * inf`` is NaN: a non-finite input
goes to nhwc (``convgrad.convolution._strategy``). The pieces, threads and buffers are nhwc's.
"""

from __future__ import annotations

import math

import numpy as np

from .._args import ConvSpec
from . import nhwc, parallel


def _row_windows(xp: np.ndarray, spec: ConvSpec, dtype: np.dtype) -> np.ndarray:
    """``A`` of the module docstring for ``xp (m, *padded, C)``: ``(m * prod(out[:-1]) * W_p,
    prod(kernel[:-1]) * C)``, in a scratch buffer (``xp`` itself in 1-D, where it is that)."""
    st, dims = xp.strides, len(spec.kernel)
    if dims == 1:
        return xp.reshape(-1, xp.shape[-1])
    view = np.lib.stride_tricks.as_strided(
        xp,
        (xp.shape[0], *spec.out_spatial[:-1], xp.shape[-2], *spec.kernel[:-1], xp.shape[-1]),
        (
            st[0],
            *st[1:dims],
            st[dims],
            *(d * st[1 + i] for i, d in enumerate(spec.dilation[:-1])),
            st[-1],
        ),
        writeable=False,
    )
    cols = nhwc.scratch("cols", view.shape, dtype)
    cols[...] = view
    rows = xp.shape[0] * math.prod(spec.out_spatial[:-1]) * xp.shape[-2]
    return cols.reshape(rows, -1)


def _weights(w: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """``B[(i, c), (j, f)] = w[f, c, i, j]`` (``i`` every kernel axis but the last, ``j`` the
    last): ``(prod(kernel[:-1]) * C, kernel[-1] * F)``."""
    c_out, c_in, *kernel = w.shape
    b = w.reshape(c_out, c_in, -1, kernel[-1])  # (F, C, I, J)
    return np.ascontiguousarray(b.transpose(2, 1, 3, 0).reshape(-1, kernel[-1] * c_out), dtype)


def _convolve(
    x: np.ndarray, b: np.ndarray, spec: ConvSpec, out: np.ndarray, images: range, first: int
) -> None:
    """``out[first + i] = conv(x[images[i]])`` for ``b`` of :func:`_weights`, piece by piece."""
    dtype, kw, dw = out.dtype, spec.kernel[-1], spec.dilation[-1]
    c_out = b.shape[1] // kw
    for part, chunk in nhwc.chunks(images, x.shape[1], spec, dtype):
        xp = nhwc._channels_last(x[part], spec, dtype, "xp")
        for p in chunk:
            block = xp[:, p.lo : p.hi]
            a = _row_windows(block, p.spec, dtype)
            z = nhwc.scratch("y", (a.shape[0], b.shape[1]), dtype)
            np.matmul(a, b, out=z)
            z = z.reshape(xp.shape[0], *p.spec.out_spatial[:-1], block.shape[-2], kw, c_out)
            width = p.spec.out_spatial[-1]
            y = nhwc.scratch("sum", (*z.shape[:-3], width, c_out), dtype)
            y[...] = z[..., 0:width, 0, :]
            for j in range(1, kw):
                y += z[..., j * dw : j * dw + width, j, :]
            at = slice(part.start - images.start + first, part.stop - images.start + first)
            out[at, :, p.rows] = np.moveaxis(y, -1, 1)


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of ``x (N, C_in, *in)``, without bias; stride 1."""
    return nhwc.forward(x, w, spec, convolve=_convolve, weights=_weights)


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``, folded through the padding; stride 1:
    nhwc's forward convolution of ``dy``, run by :func:`_convolve`."""
    return nhwc.input_grad(dy, w, spec, convolve=_convolve, weights=_weights)


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and ``x (N, C_in, *in)``."""
    dtype = np.result_type(dy, x)
    c_out, c_in, *kernel = w.shape
    kw, dw_ = kernel[-1], spec.dilation[-1]

    def work(images: range) -> np.ndarray:
        acc = np.zeros((math.prod(kernel[:-1]) * c_in, kw * c_out), dtype)
        for part, chunk in nhwc.chunks(images, c_in, spec, dtype):
            xp = nhwc._channels_last(x[part], spec, dtype, "xp")
            for p in chunk:
                block = xp[:, p.lo : p.hi]
                a = _row_windows(block, p.spec, dtype)
                width = p.spec.out_spatial[-1]
                d = nhwc.scratch(
                    "dy", (xp.shape[0], *p.spec.out_spatial[:-1], block.shape[-2], kw, c_out), dtype
                )
                d.fill(0)
                g = np.moveaxis(dy[part, :, p.rows], 1, -1)  # (m, *out, F)
                for j in range(kw):
                    d[..., j * dw_ : j * dw_ + width, j, :] = g
                acc += a.T @ d.reshape(a.shape[0], -1)
        return acc

    parts = parallel.over_images(x.shape[0], work, parallel.conv_size(spec, w, x.shape[0]))
    acc = parts[0] if len(parts) == 1 else np.sum(parts, axis=0)
    # acc[(i, c), (j, f)] = dw[f, c, i, j]
    i_count = math.prod(kernel[:-1])
    dw = acc.reshape(i_count, c_in, kw, c_out).transpose(3, 1, 0, 2)
    return np.ascontiguousarray(dw).reshape(w.shape)
