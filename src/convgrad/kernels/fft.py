"""The FFT kernels: convolutions as products of Fourier transforms, for large kernels.

A convolution's cost by im2col or taps grows with the number of kernel taps ``K``; by FFT it
does not. Take the padded input ``xp`` and the kernel with its dilation written out as zeros
(``wd``, extent ``E = d*(k-1)+1`` per dimension); ``V = P - E + 1`` stride-1 outputs fit in
``P`` padded positions, and the strided outputs are every ``s``-th of them. With transforms of
length ``L >= P`` (the next 5-smooth number, which pocketfft transforms fastest), nothing wraps
around, and per frequency ``f`` (``*`` the complex conjugate, sums over each group's channels):

- forward: ``y_full[p] = sum_t wd[t] xp[p+t]``, a correlation:
  ``Y[n, o] = sum_c X[n, c] * W[o, c]*``; ``y`` is ``y_full[::s]``;
- ``dx``: ``dxp[q] = sum_p dy_full[p] wd[q-p]``, a convolution, where ``dy_full`` is ``dy``
  spread back to every ``s``-th position with zeros between: ``DXP[n, c] = sum_o DY[n, o] W[o, c]``;
- ``dw``: ``dw_full[t] = sum_p dy_full[p] xp[p+t]``, a correlation:
  ``DW[o, c] = sum_n DY[n, o]* X[n, c]``; ``dw`` is ``dw_full[::d]`` over the first ``E`` lags.

Each frequency's channel sum is a small complex matrix product, or an elementwise product when
each group has one input channel (depthwise). The work runs in chunks of images on
:mod:`convgrad.kernels.parallel`'s threads (NumPy's transforms run on one core each); the kernel's
transform ``W`` is held whole, ``C_out * C_in/G`` planes of ``L`` frequencies, so the automatic
choice (:func:`convgrad.convolution._automatic`) takes this strategy only where that is small.

Every transform is computed in float64 (complex128), float32 inputs too, converted a chunk at
a time: a transform's rounding error is relative to the whole image, so in float32 an output
much smaller than its image lost up to 2.6e-4 of its channel's scale (the module docstring of
:mod:`convgrad.convolution`); in float64 that is below float32's own rounding. Results come back
in the inputs' dtype.
"""

from __future__ import annotations

import functools
import math
import threading

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import im2col as _im2col
from . import parallel as _parallel

COMPUTE = np.dtype(np.float64)  # the transforms' precision, whatever the inputs' (module doc)


@functools.lru_cache(maxsize=1024)
def fast_length(n: int) -> int:
    """The smallest ``2^a 3^b 5^c >= n``: a length pocketfft transforms quickly."""
    best = 1 << max(n - 1, 0).bit_length()  # the next power of two
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            p = p35 * (1 << max(0, (-(-n // p35) - 1).bit_length()))  # p35 * 2^a >= n
            best = min(best, p)
            p35 *= 3
        p5 *= 5
    return best


def _lengths(spec: ConvSpec) -> tuple[int, ...]:
    """The transforms' lengths: the padded input's, rounded up to 5-smooth numbers."""
    return tuple(fast_length(p) for p in spec.padded_spatial)


def spectrum(spec: ConvSpec) -> tuple[int, ...]:
    """The shape of one plane's transform: ``lengths``, the last halved (a real transform)."""
    lengths = _lengths(spec)
    return (*lengths[:-1], lengths[-1] // 2 + 1)


class _Plan:
    """The geometry shared by the three kernels of one convolution."""

    def __init__(self, spec: ConvSpec, w: np.ndarray):
        self.spec = spec
        self.dims = len(spec.kernel)
        self.axes = tuple(range(-self.dims, 0))
        self.extent = tuple(d * (k - 1) + 1 for k, d in zip(spec.kernel, spec.dilation))
        self.lengths = _lengths(spec)
        self.groups, self.og, self.cg = spec.groups, w.shape[0] // spec.groups, w.shape[1]
        # where the outputs lie among the stride-1 outputs, and the taps among the dilated kernel
        self.outputs = tuple(
            slice(0, (o - 1) * s + 1, s) for o, s in zip(spec.out_spatial, spec.stride)
        )
        self.taps = tuple(slice(0, e, d) for e, d in zip(self.extent, spec.dilation))
        self.frequencies = spectrum(spec)

    def transform(self, a: np.ndarray) -> np.ndarray:
        """``rfftn`` over the spatial axes, zero-padded to ``lengths``, in float64."""
        return np.fft.rfftn(a.astype(np.float64, copy=False), s=self.lengths, axes=self.axes)

    def inverse(self, a: np.ndarray) -> np.ndarray:
        return np.fft.irfftn(a, s=self.lengths, axes=self.axes)

    def kernel(self, w: np.ndarray) -> np.ndarray:
        """The transform of the dilated kernel, ``W (C_out, Cg, *F)``, evaluated directly: a
        kernel has ``k`` taps per dimension, far fewer than the ``L`` a transform would pad it
        to, so one dimension at a time is a matrix product with the ``k`` rows of the DFT
        matrix that the taps (at ``t * d``) select, the last dimension first (half spectrum),
        each result C-ordered as it comes."""
        ctype = np.dtype(np.complex128)
        out = w.astype(ctype)
        lead = w.shape[:2]
        for axis in reversed(range(self.dims)):
            k, d = self.spec.kernel[axis], self.spec.dilation[axis]
            length, f = self.lengths[axis], self.frequencies[axis]
            # exp(-2 pi i t f / L) with t f reduced mod L in integers first, for accuracy
            phase = (np.arange(k)[:, None] * d * np.arange(f)[None, :]) % length
            dft = np.exp(-2j * np.pi * phase / length).astype(ctype)  # (k, f)
            before = math.prod(self.spec.kernel[:axis])
            after = math.prod(self.frequencies[axis + 1 :])
            if axis == self.dims - 1:
                out = out.reshape(*lead, before, k) @ dft  # (..., before, f)
            else:
                out = dft.T @ out.reshape(*lead, before, k, after)  # (..., before, f, after)
        return out.reshape(*lead, *self.frequencies)

    def spread(self, dy: np.ndarray) -> np.ndarray:
        """``dy (n, C_out, *out)`` at every ``s``-th stride-1 output position, zeros between."""
        if set(self.spec.stride) == {1}:
            return dy
        full = np.zeros((*dy.shape[:2], *(s.stop for s in self.outputs)), dy.dtype)
        full[(slice(None), slice(None), *self.outputs)] = dy
        return full

    def chunks(self, batch: int, channels: int, itemsize: int) -> tuple[list[slice], int]:
        """Chunks of images of about ``CHUNK_BYTES`` of transforms each, at least one per
        thread, and how many may run at once (their transforms together within
        ``2 * CHUNK_BYTES``). An image's transforms are ``channels`` (``C_in + C_out``) complex
        planes; measured with tracemalloc, their intermediates, the copies laid out for the
        matrix product and the product take about 4 times that at their peak."""
        per_image = 4 * channels * math.prod(self.frequencies) * 2 * itemsize
        step = max(1, min(_im2col.CHUNK_BYTES // per_image, -(-batch // _parallel.threads())))
        most = max(1, 2 * _im2col.CHUNK_BYTES // (step * per_image))
        return [slice(n, min(n + step, batch)) for n in range(0, batch, step)], most


def _kernel_matrices(w_f: np.ndarray, plan: _Plan, rows: str) -> np.ndarray:
    """The kernel's transform ``(G*Og, Cg, *F)`` as one matrix per group and frequency,
    ``(G, F, Og, Cg)`` (``rows="o"``) or ``(G, F, Cg, Og)``: laid out once per call, not per
    chunk."""
    t = w_f.reshape(plan.groups, plan.og, plan.cg, -1)
    return np.ascontiguousarray(t.transpose((0, 3, 1, 2) if rows == "o" else (0, 3, 2, 1)))


def _image_matrices(t: np.ndarray, plan: _Plan, images_first: bool) -> np.ndarray:
    """Transforms ``(n, G*k, *F)`` as ``(G, F, n, k)`` (``images_first``) or ``(G, F, k, n)``."""
    t = t.reshape(t.shape[0], plan.groups, -1, math.prod(plan.frequencies))  # (n, G, k, F)
    return np.ascontiguousarray(t.transpose((1, 3, 0, 2) if images_first else (1, 3, 2, 0)))


def _images(m: np.ndarray, plan: _Plan) -> np.ndarray:
    """Products ``(G, F, k, n)`` back as transforms ``(n, G*k, *F)``."""
    g, _, k, n = m.shape
    return m.transpose(3, 0, 2, 1).reshape(n, g * k, *plan.frequencies)


def kernel_bytes(spec: ConvSpec, w: np.ndarray, itemsize: int) -> int:
    """Bytes of the kernel's transform ``W (C_out, Cg, *F)``, which the kernels hold whole."""
    return w.shape[0] * w.shape[1] * math.prod(spectrum(spec)) * 2 * itemsize


def forward(xp: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` from the padded ``xp (N, C_in, *padded)``, without bias."""
    plan = _Plan(spec, w)
    dtype = np.result_type(xp, w)
    w_f = plan.kernel(w)  # (C_out, Cg, *F)
    np.conj(w_f, out=w_f)  # the forward is a correlation
    # as the products need it: (C_out, 1, *F) for one input channel per group, else (G, F, Og, Cg)
    w_f = w_f if plan.cg == 1 else _kernel_matrices(w_f, plan, rows="o")
    y = np.empty((xp.shape[0], w.shape[0], *spec.out_spatial), dtype=dtype)

    def chunk(images: slice) -> None:
        x_f = plan.transform(xp[images])  # (n, C_in, *F)
        if plan.cg == 1:  # elementwise: y_f[n, g, o] = x_f[n, g] * w_f[g, o]
            n, freq = x_f.shape[0], x_f.shape[2:]
            y_f = x_f.reshape(n, plan.groups, 1, *freq) * w_f.reshape(plan.groups, plan.og, *freq)
            y_f = y_f.reshape(n, w.shape[0], *freq)
        else:
            y_f = _images(w_f @ _image_matrices(x_f, plan, images_first=False), plan)
        y[images] = plan.inverse(y_f)[(slice(None), slice(None), *plan.outputs)]

    # chunks write disjoint parts of y: they run across threads
    _parallel.run(chunk, *plan.chunks(xp.shape[0], xp.shape[1] + w.shape[0], COMPUTE.itemsize))
    return y


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``: each chunk's ``dxp`` is folded back
    through the padding as it comes."""
    plan = _Plan(spec, w)
    dtype = np.result_type(dy, w)
    w_f = plan.kernel(w)  # (C_out, Cg, *F): dx is a convolution
    # as the products need it: (C_out, 1, *F) for one input channel per group, else (G, F, Cg, Og)
    w_f = w_f if plan.cg == 1 else _kernel_matrices(w_f, plan, rows="c")
    c_in = plan.cg * plan.groups
    dx = np.empty((dy.shape[0], c_in, *spec.in_spatial), dtype=dtype)
    padded = tuple(slice(0, p) for p in spec.padded_spatial)

    def chunk(images: slice) -> None:
        dy_f = plan.transform(plan.spread(dy[images]))  # (n, C_out, *F)
        if plan.cg == 1:  # dxp_f[n, g] = sum_o dy_f[n, g, o] * w_f[g, o]
            n, freq = dy_f.shape[0], dy_f.shape[2:]
            terms = dy_f.reshape(n, plan.groups, plan.og, *freq) * w_f.reshape(
                plan.groups, plan.og, *freq
            )
            dxp_f = terms.sum(axis=2) if plan.og > 1 else terms[:, :, 0]
        else:
            dxp_f = _images(w_f @ _image_matrices(dy_f, plan, images_first=False), plan)
        dxp = plan.inverse(dxp_f)[(slice(None), slice(None), *padded)]
        _np.pad_backward_into(dx[images], dxp, spec.padding, spec.padding_mode)

    # chunks write disjoint parts of dx: they run across threads
    _parallel.run(chunk, *plan.chunks(dy.shape[0], dy.shape[1] + c_in, COMPUTE.itemsize))
    return dx


def weight_grad(dy: np.ndarray, xp: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and the padded ``xp``."""
    plan = _Plan(spec, w)
    dtype = np.result_type(dy, xp)

    def chunk(images: slice) -> np.ndarray:
        """This chunk's ``dw_f``: ``(G*Og, 1, *F)`` for one input channel per group, else
        ``(G, F, Og, Cg)``."""
        dy_f = np.conj(plan.transform(plan.spread(dy[images])))  # dw is a correlation
        x_f = plan.transform(xp[images])
        if plan.cg == 1:  # dw_f[g, o] = sum_n dy_f[n, g, o] * x_f[n, g]
            n, freq = x_f.shape[0], x_f.shape[2:]
            terms = dy_f.reshape(n, plan.groups, plan.og, *freq) * x_f.reshape(
                n, plan.groups, 1, *freq
            )
            return terms.sum(axis=0).reshape(w.shape[0], 1, *freq)
        dy_m = _image_matrices(dy_f, plan, images_first=False)  # (G, F, Og, n)
        return dy_m @ _image_matrices(x_f, plan, images_first=True)  # (G, F, Og, Cg)

    # chunks of images add up, each into the sum as it ends: no more than one transform of the
    # kernel's size per thread is alive
    f = math.prod(plan.frequencies)
    shape = (w.shape[0], 1, f) if plan.cg == 1 else (plan.groups, f, plan.og, plan.cg)
    total = np.zeros(shape, dtype=np.complex128)
    lock = threading.Lock()

    def add(images: slice) -> None:
        part = chunk(images).reshape(shape)
        with lock:
            np.add(total, part, out=total)

    chunks, most = plan.chunks(dy.shape[0], dy.shape[1] + xp.shape[1], COMPUTE.itemsize)
    # each chunk's part is the size of the kernel's transform: at most 2 * CHUNK_BYTES of them
    most = min(most, max(1, 2 * _im2col.CHUNK_BYTES // total.nbytes))
    _parallel.run(add, chunks, most)
    if plan.cg > 1:  # (G, F, Og, Cg) -> (G*Og, Cg, F)
        total = total.transpose(0, 2, 3, 1).reshape(w.shape[0], plan.cg, f)
    dw_f = total.reshape(w.shape[0], plan.cg, *plan.frequencies)
    dw = plan.inverse(dw_f)[(slice(None), slice(None), *plan.taps)]
    return np.ascontiguousarray(dw, dtype=dtype)
