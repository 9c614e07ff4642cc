"""The "tapmm" kernels: stride-1 convolutions as one matrix product per kernel tap, channels last.

Lay one padded image out channels last and flatten its positions in memory order:
``xf[q, c] = xp[c, q]`` with ``q = h * W_p + w`` in 2-D (any rank alike). With stride 1, output
``q`` reads tap ``t`` at ``q + off_t`` (``off_t = sum_i t_i * d_i * step_i``, as in
:mod:`convgrad.kernels.im2col`'s shift). Taking ``q`` over the ``Q`` positions from the first
output to the last (the outputs and the columns between their rows), each tap's rows of ``xf``
are one contiguous block ``xf[off_t : off_t + Q]``, ``(Q, C_in)``, a view: no gather at all.
With ``W_t = w[:, :, t].T`` ``(C_in, C_out)``:

- forward: ``yf = sum_t xf[off_t : off_t + Q] @ W_t`` ``(Q, C_out)``; the outputs are every
  ``W_p``-th run of ``W_out`` rows of ``yf`` (the rest are dropped);
- ``dx``: ``dxf[off_t : off_t + Q] += dyf @ W_t.T``, where ``dyf`` is ``dy`` laid out the same
  way with zeros between the rows; ``dxf`` is then folded back through the padding;
- ``dw``: ``dw[:, :, t] = (xf[off_t : off_t + Q].T @ dyf).T``, one product per tap, summed over
  images.

So ``K`` products of ``(Q, C_in)`` by ``(C_in, C_out)`` replace im2col's one product of
``(Q, K * C_in)`` by ``(K * C_in, C_out)``: the same FLOPs, without the gathered copy (``K`` times
the image) or the scatter of ``dx``, for ``K`` additions of an output-sized block (NumPy's matrix
product cannot accumulate into its output). It pays where an image has many positions for its
channels; the rule and its measurements are by ``convgrad.convolution.TAPMM_*``.

One image at a time, so that its blocks stay in cache between the product that writes them and
the addition that reads them; the images are shared among the threads with the BLAS at one thread
each (:func:`convgrad.kernels.parallel.over_images`): NumPy's BLAS splits these thin products
poorly across threads.
"""

from __future__ import annotations

import math

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import parallel


def _positions(a: np.ndarray, spec: ConvSpec, padded: tuple[int, ...]) -> np.ndarray:
    """The outputs among the flat positions of ``a (Q, C)``: a view ``(*out, C)``, writeable
    when ``a`` is (each output is one distinct position)."""
    steps = tuple(s * a.strides[0] for s in _np.flat_steps(padded))
    return np.lib.stride_tricks.as_strided(
        a, (*spec.out_spatial, a.shape[1]), (*steps, a.strides[1]), writeable=a.flags.writeable
    )


def _layout(spec: ConvSpec, w: np.ndarray) -> tuple[list[int], np.ndarray, int, int]:
    """Each tap's offset, the weights as ``(K, C_in, C_out)``, ``Q`` and the padded size."""
    padded = spec.padded_spatial
    offsets = [_np.flat_offset(t, spec.dilation, padded) for t in np.ndindex(*spec.kernel)]
    dims = len(spec.kernel)
    w_t = np.moveaxis(w.reshape(*w.shape[:2], -1), -1, 0)  # (K, C_out, C_in)
    w_t = np.ascontiguousarray(w_t.transpose(0, 2, 1))  # (K, C_in, C_out)
    assert len(offsets) == w_t.shape[0] and dims == len(padded)
    return offsets, w_t, _np.flat_span(spec.out_spatial, padded), math.prod(padded)


def _channels_last(a: np.ndarray) -> np.ndarray:
    """``a (C, *spatial)`` as a new C-ordered ``(prod(spatial), C)``."""
    return np.ascontiguousarray(a.reshape(a.shape[0], -1).T)


def _flat_dy(dy: np.ndarray, spec: ConvSpec, q: int) -> np.ndarray:
    """``dy (C_out, *out)`` of one image at its flat positions: ``(Q, C_out)``, zeros between."""
    flat = np.zeros((q, dy.shape[0]), dtype=dy.dtype)
    _positions(flat, spec, spec.padded_spatial)[...] = np.moveaxis(dy, 0, -1)
    return flat


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of ``x (N, C_in, *in)``, without bias."""
    offsets, w_t, q, _ = _layout(spec, w)
    dtype = np.result_type(x, w)
    w_t = w_t.astype(dtype, copy=False)
    y = np.empty((x.shape[0], w.shape[0], *spec.out_spatial), dtype=dtype)

    def work(images: range) -> None:
        acc = np.empty((q, w.shape[0]), dtype=dtype)
        term = np.empty_like(acc)
        for n in images:
            xp = _np.pad(x[n : n + 1], spec.padding, spec.padding_mode)[0]  # (C_in, *padded)
            xf = _channels_last(xp.astype(dtype, copy=False))  # (P, C_in)
            for k, off in enumerate(offsets):
                np.matmul(xf[off : off + q], w_t[k], out=term if k else acc)
                if k:
                    acc += term
            y[n] = np.moveaxis(_positions(acc, spec, spec.padded_spatial), -1, 0)

    parallel.over_images(x.shape[0], work)
    return y


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``, folded through the padding."""
    offsets, w_t, q, p = _layout(spec, w)
    dtype = np.result_type(dy, w)
    w_t = np.ascontiguousarray(w_t.astype(dtype, copy=False).transpose(0, 2, 1))  # (K, O, C)
    c_in = w.shape[1]
    dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype=dtype)

    def work(images: range) -> None:
        dxf = np.empty((p, c_in), dtype=dtype)
        term = np.empty((q, c_in), dtype=dtype)
        for n in images:
            dyf = _flat_dy(dy[n].astype(dtype, copy=False), spec, q)  # (Q, C_out)
            dxf[...] = 0
            for k, off in enumerate(offsets):
                np.matmul(dyf, w_t[k], out=term)
                dxf[off : off + q] += term
            dxp = dxf.T.reshape(1, c_in, *spec.padded_spatial)  # (1, C_in, *padded)
            _np.pad_backward_into(dx[n : n + 1], dxp, spec.padding, spec.padding_mode)

    parallel.over_images(dy.shape[0], work)
    return dx


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and ``x (N, C_in, *in)``."""
    offsets, _, q, _ = _layout(spec, w)
    dtype = np.result_type(dy, x)

    def work(images: range) -> np.ndarray:
        dw_t = np.zeros((len(offsets), w.shape[1], w.shape[0]), dtype=dtype)  # (K, C_in, C_out)
        for n in images:
            xp = _np.pad(x[n : n + 1], spec.padding, spec.padding_mode)[0]
            xf = _channels_last(xp.astype(dtype, copy=False))  # (P, C_in)
            dyf = _flat_dy(dy[n].astype(dtype, copy=False), spec, q)  # (Q, C_out)
            for k, off in enumerate(offsets):
                dw_t[k] += xf[off : off + q].T @ dyf
        return dw_t

    dw_t = sum(parallel.over_images(x.shape[0], work))  # each thread's images, summed
    dw = np.moveaxis(np.asarray(dw_t).transpose(0, 2, 1), 0, -1)  # (C_out, C_in, K)
    return np.ascontiguousarray(dw).reshape(w.shape)
