"""The "taps" kernels, for grouped convolutions with one input channel per group (depthwise).

With ``G = C_in`` groups of ``Og`` outputs,
``y[n, g, o, p] = sum_t w[g*Og + o, 0, t] * xp[n, g, p*s + t*d]``: one broadcast multiply-add per
kernel tap ``t`` over the strided slice of ``xp`` that the tap reads. The matrix products of
im2col would be ``Og x K`` by ``K x P`` per group, too thin to pay for gathering the windows.
``dx`` and ``dw`` follow tap by tap:
``dxp[n, g, p*s + t*d] += sum_o w[g*Og + o, 0, t] * dy[n, g*Og + o, p]`` and
``dw[g*Og + o, 0, t] = sum_{n,p} dy[n, g*Og + o, p] * xp[n, g, p*s + t*d]``.

With one output per group (depthwise layers), the forward runs over whole padded planes laid out
groups first (:func:`_forward_planes`; with a stride, over the planes' phases), so that each
multiply and add is one long NumPy loop per group rather than one short loop per (image,
group); at stride 1 ``dx`` is then the forward convolution of ``dy`` zero-padded, with the
kernel flipped (:func:`input_grad_folded`), and ``dw`` one dot product per group and tap over the
same planes (:func:`weight_grad_planes`). The broadcast multiplies run with NumPy's buffers a row
long (:func:`convgrad._np.row_loops`). Measurements by ``PLANES_BLOCK_BYTES`` and
``PLANES_DW_RUN``.

The planes and their blocks are each thread's kept buffers (:func:`convgrad.kernels.nhwc.scratch`),
as nhwc's are: fresh arrays of megabytes came from pages glibc had given back, 1,779 page faults
a forward + backward of MobileNet's 512-channel layer (batch 8, 2 threads, no optimiser to keep
freed memory: :mod:`convgrad._memory`), 11.0 / 13.4 ms against 6.7 / 7.3 with the buffers kept
(two runs, medians of 21, 2026-11-30).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import im2col as _im2col
from . import parallel as _parallel
from .nhwc import scratch

# The taps run over blocks of (images, groups) small enough to stay in the core's cache while
# every tap passes over them: a tap is two passes (multiply, add) over the block, not over the
# whole batch.
BLOCK_BYTES = 4 << 20
# :func:`_forward_planes` runs over blocks of groups of about this many bytes of each array, as
# many blocks on each thread. Its forward, float32, batch 8, 3x3, 2 threads, ms at 256 KiB / 512
# KiB / 1 / 2 / 4 MiB (2026-11-30, ``python benchmarks/depthwise_planes.py --block-sweep``, a
# noisy machine): 1024 channels at 7x7 3.88 / 2.28 / 2.00 / 1.79 / 1.86; 512 at 14x14 8.78 /
# 2.97 / 2.69 / 2.80 / 2.60; 64 at 56x56 8.43 / 7.01 / 4.88 / 3.35 / 4.81; 32 at 112x112 10.5 /
# 9.35 / 8.05 / 7.33 / 8.08. Small blocks are many NumPy calls, and two threads making them
# wait on each other for the GIL. Against the plane-by-plane path, ms before / after, one
# thread (``python benchmarks/depthwise_planes.py``, alternating calls, medians of 31):
# forward 4.02 / 2.95 at 7x7, 4.81 / 4.08 at 14x14, 9.00 / 5.44 at 28x28, 4.87 / 4.73 at 56x56,
# 10.1 / 10.1 at 112x112, 12.1 / 7.25 for 5x5 at 28x28; ``dx`` 5.01 / 4.23, 6.47 / 4.28,
# 12.4 / 5.59, 7.87 / 5.13, 12.9 / 10.6, 15.9 / 7.41. 1-D (k = 3, 4096 long) and 3-D (3x3x3,
# 16x32x32) forwards measured the same (3.04 / 3.12, 4.10 / 4.14), their ``dx`` faster.
PLANES_BLOCK_BYTES = 2 << 20


def _blocks(batch: int, groups: int, per_plane: int) -> Iterator[tuple[slice, slice]]:
    """``(images, groups)`` blocks of about ``BLOCK_BYTES``; one (image, group) is ``per_plane``."""
    per_image = per_plane * groups
    if per_image <= BLOCK_BYTES:
        step = BLOCK_BYTES // per_image
        for n in range(0, batch, step):
            yield slice(n, min(n + step, batch)), slice(None)
        return
    step = max(1, BLOCK_BYTES // max(per_plane, 1))
    for n in range(batch):
        for g in range(0, groups, step):
            yield slice(n, n + 1), slice(g, min(g + step, groups))


def _tap_weights(w: np.ndarray, groups: int) -> np.ndarray:
    """``w (G*Og, 1, *kernel)`` -> ``(G, Og, K)``, one column per tap."""
    return w.reshape(groups, w.shape[0] // groups, w[0].size)


def _plane_bytes(og: int, spec: ConvSpec, itemsize: int) -> int:
    """Bytes one (image, group) touches: its padded input and ``Og`` output planes."""
    return (og * math.prod(spec.out_spatial) + math.prod(spec.padded_spatial)) * itemsize


class _Taps:
    """What each kernel tap reads from a block ``a (n, g, *padded)``, and where outputs live.

    With stride 1 the outputs are kept at flat positions (see :mod:`convgrad._np`): a tap reads
    ``a_flat[..., off : off + Q]``, one contiguous run per plane; otherwise, or when ``flat`` is
    false, outputs are ``(*out)`` and a tap reads a strided slice. The backward passes keep zeros
    of ``dy`` at the flat positions between rows, which meet the input's values there (``dw``)
    or the weights (``dx``): ``0 * inf`` is NaN. ``dx`` is flat only when the weights are
    finite; ``dw`` is computed again without the flat layout when its flat result is not finite.
    """

    def __init__(self, spec: ConvSpec, flat: bool = True):
        self.spec = spec
        self.flat = flat and set(spec.stride) == {1}
        padded = spec.padded_spatial
        self.shape = (_np.flat_span(spec.out_spatial, padded),) if self.flat else spec.out_spatial
        self.taps = list(np.ndindex(*spec.kernel))

    def read(self, a: np.ndarray, tap: tuple[int, ...]) -> np.ndarray:
        """``(n, g, *shape)``: what ``tap`` reads (a view; ``a`` must be C-ordered if flat)."""
        s = self.spec
        if not self.flat:
            return _np.tap_view(a, tap, s.stride, s.dilation, s.out_spatial)
        start = _np.flat_offset(tap, s.dilation, s.padded_spatial)
        return a.reshape(*a.shape[:2], -1)[:, :, start : start + self.shape[0]]

    def outputs(self, a: np.ndarray) -> np.ndarray:
        """The outputs ``(..., *out)`` among ``a (..., *shape)``: a view."""
        if not self.flat:
            return a
        return _np.flat_positions(a, self.spec.out_spatial, self.spec.padded_spatial)


def forward(xp: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` from the padded ``xp (N, G, *padded)``."""
    w_t = _tap_weights(w, spec.groups)  # (G, Og, K)
    taps, og = _Taps(spec), w_t.shape[1]
    xp = np.ascontiguousarray(xp)
    y = np.empty((xp.shape[0], spec.groups, og, *spec.out_spatial), dtype=xp.dtype)
    # y is (N, G, Og, *out); a tap's weights broadcast as (g, Og, 1, ...) over a block

    def block(part: tuple[slice, slice]) -> None:
        images, groups = part
        x_block = xp[images, groups]
        acc = np.empty((*x_block.shape[:2], og, *taps.shape), dtype=y.dtype)
        term = np.empty_like(acc)
        for k, tap in enumerate(taps.taps):
            weights = _broadcastable(w_t[groups, :, k], len(taps.shape))
            np.multiply(taps.read(x_block, tap)[:, :, None], weights, out=term if k else acc)
            if k:
                acc += term
        y[images, groups] = taps.outputs(acc)

    # blocks write disjoint parts of y: they run across threads
    _parallel.run(
        block, list(_blocks(xp.shape[0], spec.groups, _plane_bytes(og, spec, y.itemsize)))
    )
    return y.reshape(xp.shape[0], w.shape[0], *spec.out_spatial)


def convolve(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of the unpadded ``x (N, G, *in)``: over whole planes
    (:func:`_forward_planes`) with one output per group, else :func:`forward`."""
    if _planes_apply(w, spec):
        return _forward_planes(x, w, spec)
    return forward(_np.pad(x, spec.padding, spec.padding_mode), w, spec)


def _planes_apply(w: np.ndarray, spec: ConvSpec) -> bool:
    return w.shape[0] == spec.groups


class _Planes:
    """``x (N, G, *in)`` padded, laid out groups first, ``(G, N, *grid)``, end to end in one
    buffer with zeros after the last plane; each group's planes are one run of ``N * P`` numbers
    (``P`` positions a plane), and :meth:`reads` is what a tap reads for a block of groups.
    Outputs are computed at every position of each plane, those past the last row or column of
    outputs reading into the next plane (or the zeros), and are dropped.

    With a stride ``s`` the padded planes are split into their ``s`` phases along each
    dimension (polyphase): phase ``a`` holds the padded positions ``a, a + s, a + 2s, ...``, a
    ``grid`` of ``ceil(padded / s)`` positions (the shorter phases end in zeros), and the
    phases' planes lie one after the other, each laid out as above. Tap ``t`` reads
    ``xp[s * o + t * d]``, which is position ``o + (t * d) // s`` of phase ``(t * d) % s``: every
    tap reads its phase at stride 1, so the outputs are again one run per group and tap."""

    def __init__(self, x: np.ndarray, spec: ConvSpec, dtype: np.dtype) -> None:
        n_img, groups = x.shape[:2]
        stride = spec.stride
        self.grid = _phase_grid(spec)
        self.plane = math.prod(self.grid)
        self.run = n_img * self.plane
        segment = groups * self.run  # one phase's planes
        phases = list(np.ndindex(*stride))
        by_phase = _phase_taps(spec, self.grid)
        reads = sorted(
            (k, i * segment + shift) for i, taps in enumerate(by_phase) for k, shift in taps
        )
        self.offsets = [offset for _, offset in reads]  # where each tap reads in the buffer
        size = len(phases) * segment
        margin = max(shift for taps in by_phase for _, shift in taps)
        self.buffer = scratch("taps_planes", (size + margin,), dtype)  # this thread's, kept
        self.buffer[size:] = 0  # what the last plane's dropped positions read
        views = [
            self.buffer[i * segment : (i + 1) * segment].reshape(groups, n_img, *self.grid)
            for i in range(len(phases))
        ]
        if len(phases) == 1 and spec.padding_mode == "zeros":
            _np.pad_into(views[0].swapaxes(0, 1), x, spec.padding, 2)
            return
        if spec.padding_mode == "zeros":  # each phase's share of x, into zeros
            self.buffer[:size] = 0
            for phase, view in zip(phases, views):
                take, put = _phase_slices(phase, spec, x.shape[2:])
                view.swapaxes(0, 1)[put] = x[take]
            return
        xp = _np.pad(x, spec.padding, spec.padding_mode)
        for phase, view in zip(phases, views):
            steps: tuple[Any, ...] = (..., *(slice(a, None, s) for a, s in zip(phase, stride)))
            source = xp[steps]
            inside: tuple[Any, ...] = (..., *(slice(0, n) for n in source.shape[2:]))
            view.swapaxes(0, 1)[inside] = source
            for axis, n in enumerate(source.shape[2:]):  # a shorter phase's last positions
                if n < self.grid[axis]:
                    view[(slice(None), slice(None), *(slice(None),) * axis, slice(n, None))] = 0

    def reads(self, gs: slice, off: int) -> np.ndarray:
        """``(g, N * P)``: what the tap at offset ``off`` reads for the groups ``gs``."""
        return _runs(self.buffer, gs.start * self.run + off, gs.stop - gs.start, self.run)

    def blocks(self, groups: int) -> list[slice]:
        """Blocks of groups of about ``PLANES_BLOCK_BYTES`` of a run each, as many a thread."""
        return _group_blocks(groups, self.run * self.buffer.itemsize)


def _phase_grid(spec: ConvSpec) -> tuple[int, ...]:
    """The positions of a phase's plane: ``ceil(padded / s)`` along each dimension."""
    return tuple(-(-p // s) for p, s in zip(spec.padded_spatial, spec.stride))


def _runs(buffer: np.ndarray, start: int, count: int, run: int) -> np.ndarray:
    """``(count, run)``: ``count`` runs of ``run`` numbers of the flat ``buffer``, one after
    the other from ``start`` (a read-only view; the last may reach past its own group)."""
    item = buffer.itemsize
    return np.lib.stride_tricks.as_strided(
        buffer[start:], (count, run), (run * item, item), writeable=False
    )


def _group_blocks(groups: int, run_bytes: int) -> list[slice]:
    """Blocks of groups of about ``PLANES_BLOCK_BYTES`` (``run_bytes`` a group), as many a
    thread."""
    threads = _parallel.threads()
    count = -(-groups * run_bytes // PLANES_BLOCK_BYTES)
    count = min(groups, -(-max(count, 1) // threads) * threads)
    bounds = [groups * i // count for i in range(count + 1)]
    return [slice(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _phase_taps(spec: ConvSpec, grid: tuple[int, ...]) -> list[list[tuple[int, int]]]:
    """For each phase of the padded planes (``np.ndindex(*stride)`` order), its taps: ``(k,
    shift)``, the tap's index in the kernel and how far, in flat positions of a phase's
    ``grid``, it reads from the output position (tap ``t`` reads position ``o + (t * d) // s``
    of phase ``(t * d) % s``)."""
    phases = list(np.ndindex(*spec.stride))
    taps: list[list[tuple[int, int]]] = [[] for _ in phases]
    for k, tap in enumerate(np.ndindex(*spec.kernel)):
        reach = [t * d for t, d in zip(tap, spec.dilation)]
        shift = tuple(r // s for r, s in zip(reach, spec.stride))
        phase = phases.index(tuple(r % s for r, s in zip(reach, spec.stride)))
        taps[phase].append((k, _np.flat_offset(shift, (1,) * len(shift), grid)))
    return taps


def _phase_slices(
    phase: tuple[int, ...], spec: ConvSpec, sizes: tuple[int, ...]
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """``(take, put)``: the unpadded positions ``x[..., take]`` (``sizes`` the unpadded
    spatial shape) that zero padding puts in ``phase``, and where in the phase's grid
    (``phase_view[..., put]``)."""
    take: list[slice] = []
    put: list[slice] = []
    for a, s, (lo, _), n in zip(phase, spec.stride, spec.padding, sizes):
        first = (a - lo) % s  # x's first index in this phase: lo + first = a (mod s)
        count = len(range(first, n, s))
        take.append(slice(first, n, s))
        put.append(slice((lo + first) // s, (lo + first) // s + count))
    return (..., *take), (..., *put)


def _forward_planes(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """:func:`forward` for one output per group, over whole padded planes (:class:`_Planes`;
    with a stride, their phases): a multiply of a block of groups by a tap's weights is one
    NumPy inner loop of ``N * P`` numbers a group. :func:`forward`'s runs are a plane's ``Q``
    positions, one inner loop per (image, group): on the 512-channel 14x14 layer (``Q`` = 222)
    2,048 a tap."""
    n_img, groups = x.shape[:2]
    dtype = np.result_type(x, w)
    planes = _Planes(x, spec, dtype)
    w_t = w.reshape(groups, -1).astype(dtype, copy=False)  # (G, K)
    y = np.empty((n_img, groups, *spec.out_spatial), dtype)
    interior: tuple[Any, ...] = (..., *(slice(0, o) for o in spec.out_spatial))

    def block(gs: slice) -> None:
        acc = scratch("taps_acc", (gs.stop - gs.start, planes.run), dtype)
        term = scratch("taps_term", acc.shape, dtype)
        with _np.row_loops(planes.run):
            for k, off in enumerate(planes.offsets):
                np.multiply(planes.reads(gs, off), w_t[gs, k, None], out=term if k else acc)
                if k:
                    acc += term
        y[:, gs] = acc.reshape(len(acc), n_img, *planes.grid)[interior].swapaxes(0, 1)

    _parallel.run(block, planes.blocks(groups))
    return y


def input_grad_folded(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, G, *in)``: with one output per group and finite weights, at stride 1 the forward
    convolution of ``dy`` zero-padded by ``d * (k - 1)``, with the kernel flipped
    (:func:`_forward_planes`, which gathers; for zero padding only the unpadded positions), at
    a stride the gather over the planes' phases (:func:`_input_grad_phases`); else
    :func:`input_grad`'s scatter, folded through the padding. The padding of ``dy`` meets every
    weight: ``0 * inf`` is NaN, so weights that are not all finite take the scatter."""
    if not (_planes_apply(w, spec) and np.isfinite(w).all()):
        return _np.pad_backward(input_grad(dy, w, spec), spec.padding, spec.padding_mode)
    if set(spec.stride) != {1}:
        return _input_grad_phases(dy, w, spec)
    flipped = np.flip(w, axis=tuple(range(2, 2 + len(spec.kernel))))
    spec_t, spec_i = _im2col.input_grad_specs(spec)
    if spec_i is not None:  # the unpadded positions of dxp: dx itself
        return _forward_planes(dy, flipped, spec_i)
    return _np.pad_backward(_forward_planes(dy, flipped, spec_t), spec.padding, spec.padding_mode)


def _input_grad_phases(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, G, *in)`` for one output per group at a stride, finite weights, by the phases of
    the padded planes (:class:`_Planes`): position ``i`` of phase ``a`` receives
    ``sum_t w_t * dy[i - (t * d) // s]`` over the taps ``t`` of that phase, a gather over
    ``dy`` laid out as the phases' planes (``(G, N, *grid)``, zeros past the outputs and before
    the first plane), one run per group and tap. The zeros meet every weight (``0 * inf``):
    the weights must be finite. Each position reads back at most ``(t * d) // s`` of its
    phase's rows, columns..., which lie past the outputs, in the zeros (a phase's grid is
    ``ceil(padded / s)``, at least ``(t * d) // s`` more than the outputs)."""
    n_img, groups = dy.shape[:2]
    dtype = np.result_type(dy, w)
    grid = _phase_grid(spec)
    run = n_img * math.prod(grid)
    phases = list(np.ndindex(*spec.stride))
    by_phase = _phase_taps(spec, grid)
    margin = max(shift for taps in by_phase for _, shift in taps)
    buffer = scratch("taps_planes", (margin + groups * run,), dtype)
    buffer[...] = 0
    planes = buffer[margin:].reshape(groups, n_img, *grid).swapaxes(0, 1)
    outputs: tuple[Any, ...] = (..., *(slice(0, o) for o in spec.out_spatial))
    planes[outputs] = dy
    w_t = w.reshape(groups, -1).astype(dtype, copy=False)  # (G, K)
    zeros = spec.padding_mode == "zeros"
    shape = spec.in_spatial if zeros else spec.padded_spatial
    dx = np.empty((n_img, groups, *shape), dtype)
    item = buffer.itemsize

    def block(gs: slice) -> None:
        acc = scratch("taps_acc", (gs.stop - gs.start, run), dtype)
        term = scratch("taps_term", acc.shape, dtype)
        for phase, taps in zip(phases, by_phase):
            if not taps:  # no tap reads this phase: its positions get no gradient
                acc[...] = 0
            with _np.row_loops(run):
                for j, (k, shift) in enumerate(taps):
                    reads = _runs(buffer, margin - shift + gs.start * run, len(acc), run)
                    np.multiply(reads, w_t[gs, k, None], out=term if j else acc)
                    if j:
                        acc += term
            values = acc.reshape(len(acc), n_img, *grid).swapaxes(0, 1)
            if zeros:  # the unpadded positions only
                take, put = _phase_slices(phase, spec, spec.in_spatial)
                dx[:, gs][take] = values[put]
            else:
                steps: tuple[Any, ...] = (
                    ...,
                    *(slice(a, None, s) for a, s in zip(phase, spec.stride)),
                )
                target = dx[:, gs][steps]
                inside: tuple[Any, ...] = (..., *(slice(0, n) for n in target.shape[2:]))
                target[...] = values[inside]

    _parallel.run(block, _group_blocks(groups, run * item))
    return dx if zeros else _np.pad_backward(dx, spec.padding, spec.padding_mode)


def _dy_block(dy_t: np.ndarray, taps: _Taps) -> np.ndarray:
    """A block of ``dy (n, g, Og, *out)`` laid out like the outputs (zeros between rows)."""
    if not taps.flat:
        return dy_t
    flat = np.zeros((*dy_t.shape[:3], *taps.shape), dtype=dy_t.dtype)
    taps.outputs(flat)[...] = dy_t
    return flat


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dxp (N, G, *padded)``, the gradient of the padded input, from ``dy (N, C_out, *out)``."""
    w_t = _tap_weights(w, spec.groups)  # (G, Og, K)
    taps, og = _Taps(spec, flat=bool(np.isfinite(w).all())), w_t.shape[1]
    dy_t = dy.reshape(dy.shape[0], spec.groups, og, *spec.out_spatial)  # (N, G, Og, *out)
    dxp = np.zeros((dy.shape[0], spec.groups, *spec.padded_spatial), dtype=dy.dtype)

    def block(part: tuple[slice, slice]) -> None:
        images, groups = part
        dy_block, dx_block = _dy_block(dy_t[images, groups], taps), dxp[images, groups]
        term = np.empty(dy_block.shape, dtype=dy.dtype)  # (n, g, Og, *shape)
        for k, tap in enumerate(taps.taps):
            np.multiply(_broadcastable(w_t[groups, :, k], len(taps.shape)), dy_block, out=term)
            taps.read(dx_block, tap)[...] += term.sum(axis=2) if og > 1 else term[:, :, 0]

    # blocks write disjoint parts of dxp: they run across threads
    _parallel.run(
        block, list(_blocks(dy.shape[0], spec.groups, _plane_bytes(og, spec, dy.itemsize)))
    )
    return dxp


def weight_grad(dy: np.ndarray, xp: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and the padded ``xp``."""
    dw = _weight_grad(dy, np.ascontiguousarray(xp), spec, w, flat=True)
    if not np.isfinite(dw).all():  # a NaN or infinity of xp may have met the zeros between rows
        dw = _weight_grad(dy, xp, spec, w, flat=False)
    return dw


# weight_grad_planes is the choice for one output per group on one thread, and on more where a
# group's planes hold at most PLANES_DW_RUN numbers (its dot products do not gain from a second
# thread; :func:`weight_grad` splits its blocks). dw alone, float32, 3x3, batch 8 unless said,
# ms weight_grad / weight_grad_planes, medians of 21 alternating calls (2026-11-30, a scratch
# script; a noisy machine): one thread: 512 channels at 14x14 (2,048 numbers a group's planes)
# 2.61 / 2.33 and 2.96 / 2.22, 1024 at 7x7 (648) 2.00 / 1.81, 256 at 28x28 (7,200) 4.80 / 3.79,
# 64 at 56x56 (26,912) 4.70 / 3.55, 32 at 112x112 9.19 / 6.51, batch 32 64 at 16x16 1.65 / 1.46,
# stride 2: 128 at 28x28 1.62 / 1.03, 256 at 14x14 1.20 / 0.81; weight_grad on two threads
# against weight_grad_planes on one: 2.80 / 2.22, 2.00 / 1.83, 3.39 / 4.24, 3.06 / 3.90, 5.88 /
# 7.11, 1.63 / 1.87; stride 2 1.61 / 1.12, 1.24 / 0.83. Split over two threads (blocks of
# groups, the BLAS at one thread each) it measured slower than on one: 2.31 -> 4.20 ms at 14x14.
PLANES_DW_RUN = 4096


def weight_grad_by_planes(w: np.ndarray, spec: ConvSpec, batch: int) -> bool:
    """Whether ``dw`` takes :func:`weight_grad_planes` (the rule by ``PLANES_DW_RUN``)."""
    if not _planes_apply(w, spec):
        return False
    return _parallel.threads() == 1 or batch * math.prod(_phase_grid(spec)) <= PLANES_DW_RUN


def weight_grad_planes(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` like ``w`` for one output per group, from ``dy (N, G, *out)`` and the unpadded
    ``x (N, G, *in)``, over :class:`_Planes` (with a stride, the planes' phases): with ``dy``
    laid out as the planes' outputs (``(G, N, *grid)``, zeros past the outputs),
    ``dw[g, t] = <dy[g], what tap t reads for g>``, one dot product of ``N * P`` numbers a group
    and tap (NumPy's matmul of ``(g, 1, N * P)`` by ``(g, N * P, 1)``: the BLAS's dot, one call
    a group). :func:`weight_grad`'s einsum sums a plane's ``Q`` positions at a time, 9 sums per
    (image, group). The zeros of ``dy`` meet the input's values past the outputs, and ``0 * inf``
    is NaN: a result that is not finite is computed again by :func:`weight_grad`."""
    n_img, groups = x.shape[:2]
    dtype = np.result_type(dy, x)
    planes = _Planes(x, spec, dtype)
    interior: tuple[Any, ...] = (..., *(slice(0, o) for o in spec.out_spatial))
    dw = np.empty((groups, len(planes.offsets)), dtype)

    def block(gs: slice) -> None:
        outputs = scratch("taps_acc", (gs.stop - gs.start, n_img, *planes.grid), dtype)
        outputs[...] = 0
        outputs[interior] = dy[:, gs].swapaxes(0, 1)
        rows = outputs.reshape(len(outputs), 1, planes.run)
        for k, off in enumerate(planes.offsets):
            dw[gs, k] = np.matmul(rows, planes.reads(gs, off)[:, :, None])[:, 0, 0]

    for gs in planes.blocks(groups):  # on this thread: see PLANES_DW_RUN
        block(gs)
    if not np.isfinite(dw).all():  # an infinity or NaN of x met the zeros past the outputs
        return weight_grad(dy, _np.pad(x, spec.padding, spec.padding_mode), spec, w)
    return dw.reshape(w.shape)


def _weight_grad(
    dy: np.ndarray, xp: np.ndarray, spec: ConvSpec, w: np.ndarray, flat: bool
) -> np.ndarray:
    w_t = _tap_weights(w, spec.groups)  # (G, Og, K)
    taps, og = _Taps(spec, flat), w_t.shape[1]
    dy_t = dy.reshape(dy.shape[0], spec.groups, og, *spec.out_spatial)  # (N, G, Og, *out)
    dw = np.zeros(w_t.shape, dtype=dy.dtype)
    space = "hijk"[: len(taps.shape)]
    products = f"ngo{space},ng{space}->go"  # sum over images and positions, one pass, no temporary

    def block(part: tuple[slice, slice]) -> tuple[slice, np.ndarray]:
        images, groups = part
        dy_block, x_block = _dy_block(dy_t[images, groups], taps), xp[images, groups]
        partial = [np.einsum(products, dy_block, taps.read(x_block, t)) for t in taps.taps]
        return groups, np.stack(partial, axis=-1)  # (g, Og, K)

    # blocks of the same groups add up: each returns its sum, added here
    parts = _blocks(dy.shape[0], spec.groups, _plane_bytes(og, spec, dy.itemsize))
    for groups, partial in _parallel.run(block, list(parts)):
        dw[groups] += partial
    return dw.reshape(w.shape)


def _broadcastable(w_tap: np.ndarray, n: int) -> np.ndarray:
    """One tap's weights ``(G, Og)`` as ``(G, Og, 1, ..., 1)``, to multiply ``(N, G, Og, *out)``."""
    return w_tap.reshape(*w_tap.shape, *(1,) * n)
