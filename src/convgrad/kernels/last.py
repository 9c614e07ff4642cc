"""1x1 convolutions of arrays laid out channels last: one matrix product each.

An array ``(N, C, H, W)`` laid out channels last (:func:`convgrad._np.is_channels_last`; what
OpenVINO's convolutions give, ``kernels/conv_openvino.py``) is, in memory, a matrix of ``N H W``
pixels by ``C`` channels. A 1x1 convolution without groups or padding is then, with ``wm = w``
viewed ``(C_out, C_in)`` and ``s`` the stride:

- forward: ``y = x[:, :, ::s, ::s] @ wm.T``, ``(N H' W', C_out)``: ``y`` channels last;
- ``dx``: ``dy @ wm``, ``(N H' W', C_in)``, put at the positions the stride read (zeros between
  them), channels last;
- ``dw``: ``dy.T @ x[:, :, ::s, ::s]``, ``(C_out, C_in)``.

The NumPy strategies read such an array in C order (each a transposing copy of its input, and
of ``dy``), and give C order back, which the next channels-last layer reads again: ResNet's 1x1
shortcuts between OpenVINO's layers. Every product here reads the arrays where they lie (at
stride 1), by shares of the batch (:func:`_shares`), and each input once, as the other
strategies do: a NaN or an infinity reaches the outputs PyTorch's reach.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import parallel

R = TypeVar("R")

_FLOATS = (np.dtype(np.float32), np.dtype(np.float64))


def applies(spec: ConvSpec, w: np.ndarray, *arrays: np.ndarray) -> bool:
    """Whether this is a 2-D 1x1 convolution without groups or padding, of float arrays of one
    dtype, one of ``arrays`` laid out channels last."""
    return (
        len(spec.kernel) == 2
        and spec.kernel == (1, 1)
        and spec.groups == 1
        and all(p == (0, 0) for p in spec.padding)
        and all(a.dtype == w.dtype for a in arrays)
        and w.dtype in _FLOATS
        and any(_np.is_channels_last(a) for a in arrays)
    )


def _read(a: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """The positions of ``a (N, C, H, W)`` that the stride reads, as rows ``(N H' W', C)`` (a
    view where ``a`` is channels last at stride 1, else a copy)."""
    sh, sw = spec.stride
    taken = a[:, :, ::sh, ::sw] if (sh, sw) != (1, 1) else a
    return _np.channels_last(taken).reshape(-1, a.shape[1])


def _shares(batch: int, spec: ConvSpec, w: np.ndarray, work: Callable[[range], R]) -> list[R]:
    """``work(images)`` over shares of the batch on convgrad's threads, the BLAS at one thread
    each (:func:`convgrad.kernels.parallel.over_images`); a pass too small to split runs on
    this thread with the BLAS at one thread all the same: OpenBLAS's workers, woken by a product,
    spin after it and took the cores from the OpenVINO layers around (a ResNet-20 step on 28x28
    images with its 1x1 shortcuts here, ms: 168 and 180 with the BLAS's threads, 131 at one)."""
    size = parallel.conv_size(spec, w, batch)
    if size[1] < parallel.SPLIT_MIN_FLOPS:
        with parallel.blas_single():
            return [work(range(batch))]
    return parallel.over_images(batch, work, size)


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)``, laid out channels last."""
    c_out = w.shape[0]
    y = _np.empty_channels_last((x.shape[0], c_out, *spec.out_spatial), w.dtype)
    wm = w.reshape(c_out, -1).T

    def work(images: range) -> None:
        part = slice(images.start, images.stop)
        out = _np.channels_last(y[part]).reshape(-1, c_out)
        np.matmul(_read(x[part], spec), wm, out=out)

    _shares(x.shape[0], spec, w, work)
    return y


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)``, laid out channels last."""
    c_out, c_in = w.shape[:2]
    wm = w.reshape(c_out, c_in)
    shape = (dy.shape[0], c_in, *spec.in_spatial)
    one = spec.stride == (1, 1)
    dx = _np.empty_channels_last(shape, w.dtype)
    sh, sw = spec.stride

    def work(images: range) -> None:
        part = slice(images.start, images.stop)
        rows = _np.channels_last(dy[part]).reshape(-1, c_out)  # a copy unless channels last
        if one:
            np.matmul(rows, wm, out=_np.channels_last(dx[part]).reshape(-1, c_in))
            return
        _np.channels_last(dx[part])[...] = 0
        read = _np.channels_last(dx[part, :, ::sh, ::sw])
        read[...] = (rows @ wm).reshape(read.shape)

    _shares(dy.shape[0], spec, w, work)
    return dx


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``."""
    c_out = w.shape[0]

    def work(images: range) -> np.ndarray:
        part = slice(images.start, images.stop)
        rows = _np.channels_last(dy[part]).reshape(-1, c_out)
        return rows.T @ _read(x[part], spec)

    parts = _shares(x.shape[0], spec, w, work)
    dw = parts[0] if len(parts) == 1 else np.sum(parts, axis=0)
    return dw.reshape(w.shape)
