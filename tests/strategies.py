"""Hypothesis strategies: random convolution configurations, valid by construction.

Validity is decided here with the formulas written out independently of convgrad._args, so a
wrong output-size rule in the library cannot hide behind the same rule in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

MODES = ("zeros", "reflect", "replicate", "circular")
LAYOUTS = ("contiguous", "fortran", "strided", "reversed", "channels_last")


@dataclass
class Config:
    n: int
    x: np.ndarray
    w: np.ndarray
    b: np.ndarray | None
    stride: object
    padding: object
    dilation: object
    groups: int
    padding_mode: str
    pairs: tuple  # the padding as (before, after) pairs, worked out by the test itself
    out: tuple  # the output's spatial shape, worked out by the test itself
    seed: int

    def kwargs(self):
        return dict(
            stride=self.stride,
            padding=self.padding,
            dilation=self.dilation,
            groups=self.groups,
            padding_mode=self.padding_mode,
        )

    def dy(self):
        lead = self.x.shape[: -self.n - 1]
        rng = np.random.default_rng(self.seed + 1)
        return rng.standard_normal((*lead, self.w.shape[0], *self.out))


def relayout(a: np.ndarray, layout: str) -> np.ndarray:
    """The same values as ``a`` in a different memory layout."""
    if layout == "fortran":
        return np.asfortranarray(a)
    if layout == "strided":
        big = np.zeros(tuple(2 * s for s in a.shape), dtype=a.dtype)
        big[tuple(slice(None, None, 2) for _ in a.shape)] = a
        return big[tuple(slice(None, None, 2) for _ in a.shape)]
    if layout == "reversed":
        return np.flip(np.flip(a).copy())
    if layout == "channels_last" and a.ndim >= 3:  # (N, C, *spatial) laid out (N, *spatial, C)
        moved = np.ascontiguousarray(np.moveaxis(a, 1, -1))
        return np.moveaxis(moved, -1, 1)
    return a


def _per_dim(draw, n, values):
    """An int, or n ints, drawn from ``values``; returned with its n-tuple expansion."""
    if draw(st.booleans()):
        v = draw(values)
        return v, (v,) * n
    t = tuple(draw(values) for _ in range(n))
    return t, t


def _channels(draw, max_groups, wide):
    """``(groups, c_in, c_out)``: 1 to ``max_groups`` groups of 1 or 2 input and 1 to 3 output
    channels; ``wide``, 2 to ``max_groups`` groups of 16 or 17 and 16 to 18."""
    groups = draw(st.integers(2 if wide else 1, max_groups))
    per_in, per_out = ((16, 17), (16, 18)) if wide else ((1, 2), (1, 3))
    return groups, groups * draw(st.integers(*per_in)), groups * draw(st.integers(*per_out))


def _arrays(draw, dtype, x_shape, w_shape, c_out):
    """Random ``x`` (batched or not), ``w`` and ``b`` (or None) in random layouts, and the seed."""
    lead = (draw(st.integers(1, 3)),) if draw(st.booleans()) else ()
    seed = draw(st.integers(0, 2**31))
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((*lead, *x_shape)).astype(dtype)
    w = rng.standard_normal(w_shape).astype(dtype)
    b = rng.standard_normal(c_out).astype(dtype) if draw(st.booleans()) else None
    x = relayout(x, draw(st.sampled_from(LAYOUTS)))
    w = relayout(w, draw(st.sampled_from(LAYOUTS)))
    return x, w, b, seed


@st.composite
def conv_configs(draw, dims=(1, 2, 3), dtype=np.float64, max_stride=3, max_groups=3, wide=False):
    """A convolution's arrays and arguments; ``wide``: 2 or 3 groups of 16 to 18 channels each
    way (convgrad runs those group by group)."""
    n = draw(st.sampled_from(dims))
    max_size = {1: 9, 2: 7, 3: 5}[n]
    groups, c_in, c_out = _channels(draw, max_groups, wide)
    kernel = tuple(draw(st.integers(1, 3 if n == 3 else 4)) for _ in range(n))
    stride, s = _per_dim(draw, n, st.integers(1, max_stride))
    dilation, d = _per_dim(draw, n, st.integers(1, 3))
    spatial = tuple(draw(st.integers(1, max_size)) for _ in range(n))
    mode = draw(st.sampled_from(MODES))
    form = draw(st.sampled_from(("int", "per_dim", "pairs", "valid", "same")))
    if form == "int":
        padding = draw(st.integers(0, 3))
        pairs = ((padding, padding),) * n
    elif form == "per_dim":
        padding = tuple(draw(st.integers(0, 3)) for _ in range(n))
        pairs = tuple((p, p) for p in padding)
    elif form == "pairs":
        padding = tuple((draw(st.integers(0, 3)), draw(st.integers(0, 3))) for _ in range(n))
        pairs = padding
    elif form == "valid":
        padding, pairs = "valid", ((0, 0),) * n
    else:  # TensorFlow's rule, which is PyTorch's for stride 1
        padding = "same"
        pairs = []
        for size, k, si, di in zip(spatial, kernel, s, d):
            total = max((-(-size // si) - 1) * si + di * (k - 1) + 1 - size, 0)
            pairs.append((total // 2, total - total // 2))
        pairs = tuple(pairs)
    for size, (lo, hi) in zip(spatial, pairs):
        assume(mode != "reflect" or max(lo, hi) < size)
        assume(mode != "circular" or max(lo, hi) <= size)
    out = tuple(
        (size + lo + hi - di * (k - 1) - 1) // si + 1
        for size, (lo, hi), k, si, di in zip(spatial, pairs, kernel, s, d)
    )
    assume(all(o >= 1 for o in out))
    if padding == "same":
        assert out == tuple(-(-size // si) for size, si in zip(spatial, s))
    x, w, b, seed = _arrays(draw, dtype, (c_in, *spatial), (c_out, c_in // groups, *kernel), c_out)
    return Config(n, x, w, b, stride, padding, dilation, groups, mode, pairs, out, seed)


@dataclass
class TransposeConfig:
    n: int
    x: np.ndarray
    w: np.ndarray
    b: np.ndarray | None
    stride: object
    padding: object
    output_padding: object
    groups: int
    dilation: object
    pairs: tuple
    extra: tuple
    out: tuple
    seed: int

    def kwargs(self):
        return dict(
            stride=self.stride,
            padding=self.padding,
            output_padding=self.output_padding,
            groups=self.groups,
            dilation=self.dilation,
        )

    def dy(self):
        lead = self.x.shape[: -self.n - 1]
        rng = np.random.default_rng(self.seed + 1)
        return rng.standard_normal((*lead, self.w.shape[1] * self.groups, *self.out))


@st.composite
def transpose_configs(
    draw, dims=(1, 2, 3), dtype=np.float64, max_stride=3, max_groups=3, wide=False
):
    """A transposed convolution's arrays and arguments; ``wide`` as :func:`conv_configs`'s."""
    n = draw(st.sampled_from(dims))
    max_size = {1: 6, 2: 5, 3: 3}[n]
    groups, c_in, c_out = _channels(draw, max_groups, wide)
    kernel = tuple(draw(st.integers(1, 3)) for _ in range(n))
    stride, s = _per_dim(draw, n, st.integers(1, max_stride))
    dilation, d = _per_dim(draw, n, st.integers(1, 3))
    extra = tuple(draw(st.integers(0, max(si, di) - 1)) for si, di in zip(s, d))
    output_padding = extra if draw(st.booleans()) or len(set(extra)) > 1 else extra[0]
    spatial = tuple(draw(st.integers(1, max_size)) for _ in range(n))
    form = draw(st.sampled_from(("int", "per_dim", "pairs")))
    if form == "int":
        padding = draw(st.integers(0, 2))
        pairs = ((padding, padding),) * n
    elif form == "per_dim":
        padding = tuple(draw(st.integers(0, 2)) for _ in range(n))
        pairs = tuple((p, p) for p in padding)
    else:
        padding = tuple((draw(st.integers(0, 2)), draw(st.integers(0, 2))) for _ in range(n))
        pairs = padding
    out = tuple(
        (size - 1) * si - lo - hi + di * (k - 1) + e + 1
        for size, si, (lo, hi), di, k, e in zip(spatial, s, pairs, d, kernel, extra)
    )
    assume(all(o >= 1 for o in out))
    x, w, b, seed = _arrays(draw, dtype, (c_in, *spatial), (c_in, c_out // groups, *kernel), c_out)
    return TransposeConfig(
        n, x, w, b, stride, padding, output_padding, groups, dilation, pairs, extra, out, seed
    )


@dataclass
class PoolConfig:
    """A 2-D pooling: ``x``, its keyword arguments, and the output's spatial shape."""

    x: np.ndarray
    kwargs: dict
    out: tuple
    seed: int

    def dy(self):
        rng = np.random.default_rng(self.seed + 1)
        return rng.standard_normal((*self.x.shape[:-2], *self.out))


def _pool_out(size, k, s, p, d, ceil_mode):
    """PyTorch's pooling output length, written out here independently of convgrad.pooling."""
    numerator = size + 2 * p - d * (k - 1) - 1
    out = (-(-numerator // s) if ceil_mode else numerator // s) + 1
    if ceil_mode and (out - 1) * s >= size + p:
        out -= 1  # the last window may not start in the right padding
    return out


@st.composite
def pool_configs(draw, kind="max", dtype=np.float64):
    """Max (``kind="max"``) or average (``"avg"``) pooling configurations, awkward ones included:
    stride different from the kernel, overlapping windows, padding, ceil mode, output sizes that
    do not divide, integer-valued inputs with ties, non-contiguous layouts, unbatched inputs."""
    spatial = (draw(st.integers(1, 7)), draw(st.integers(1, 7)))
    kernel, k = _per_dim(draw, 2, st.integers(1, 4))
    if draw(st.booleans()):
        stride, s = None, k
    else:
        stride, s = _per_dim(draw, 2, st.integers(1, 3))
    padding, p = _per_dim(draw, 2, st.integers(0, 2))
    assume(all(pi <= ki // 2 for pi, ki in zip(p, k)))
    kwargs = dict(kernel_size=kernel, stride=stride, padding=padding, ceil_mode=draw(st.booleans()))
    d = (1, 1)
    if kind == "max":
        kwargs["dilation"], d = _per_dim(draw, 2, st.integers(1, 2))
    else:
        kwargs["count_include_pad"] = draw(st.booleans())
        kwargs["divisor_override"] = draw(st.sampled_from((None, None, 2, 5)))
    out = tuple(
        _pool_out(size, ki, si, pi, di, kwargs["ceil_mode"])
        for size, ki, si, pi, di in zip(spatial, k, s, p, d)
    )
    assume(all(o >= 1 for o in out))
    for size, o, ki, si, pi, di in zip(spatial, out, k, s, p, d):  # no window of padding only
        assume(all(any(0 <= j * si - pi + t * di < size for t in range(ki)) for j in range(o)))
    lead = (draw(st.integers(1, 2)), draw(st.integers(1, 3)))[draw(st.integers(0, 1)) :]
    seed = draw(st.integers(0, 2**31))
    rng = np.random.default_rng(seed)
    if draw(st.booleans()):  # few distinct values: ties in max pooling windows
        x = rng.integers(-2, 3, (*lead, *spatial)).astype(dtype)
    else:
        x = rng.standard_normal((*lead, *spatial)).astype(dtype)
    x = relayout(x, draw(st.sampled_from(LAYOUTS)))
    return PoolConfig(x, kwargs, out, seed)
