"""Elementwise activations and their gradients in blocks that stay in the caches, with no
``np.where``.

Each function is PyTorch's CPU formula (``aten/src/ATen/native/cpu/Activation.cpp``), with its
branches. :data:`REFERENCE` writes each one as it reads, with ``np.where``; it is the twin that
the blocks are tested against, bit for bit, NaN and infinities included (``tests/
test_pointwise.py``). The blocks compute the same numbers faster, for two reasons:

- **``np.where`` branches on every element.** On a random sign it mispredicts half of them:
  4.8 ns a float32 element (79 us for a block of 16,384), against 0.2 ns for a multiply. A
  branch here is :func:`select` instead: ``b ^ ((a ^ b) * cond)`` on the numbers' bits, which
  picks ``a`` or ``b`` whole, NaN and infinities included (17 to 19 us a block).
- **Temporaries in the caches.** A formula of ``k`` NumPy operations on a whole array makes ``k``
  passes through memory, and its temporaries are fresh pages. Over blocks of :data:`BLOCK_BYTES`,
  with temporaries kept per thread (:func:`convgrad.kernels.nhwc.scratch`), each pass reads and
  writes the caches. ``python benchmarks/activations.py --blocks``: a leaky ReLU's / SiLU's
  backward over 1.6 M float32 numbers, one thread, ms, over blocks of 16 KiB 9.2 / 8.7, 32 KiB
  7.5 / 5.1, 64 KiB 3.0 / 4.1, 128 KiB 2.7 / 3.7, 256 KiB 2.4 / 4.1, 512 KiB 3.4 / 4.7, 1 MiB
  3.9 / 4.9, 4 MiB 4.0 / 5.7. Small blocks pay NumPy's cost per call (a microsecond, a dozen
  calls a block).

The blocks run on the calling thread. Shared between two threads they measured no faster (a
leaky ReLU's backward 2.4 ms on one thread, 2.3 on two over blocks of 256 KiB, 6.5 against 3.6
over blocks of 64 KiB, a scratch script): each call is a few microseconds long, and the threads
queue for the GIL between them.

Each backward takes what PyTorch's saves: the input ``x``, or the output ``y`` for ``sigmoid``
and ``tanh`` (``dx = g y (1 - y)``, ``g (1 - y^2)``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from . import accel, nhwc

# a block's bytes: 256 KiB, 65,536 float32 numbers; the measurements are in the docstring
BLOCK_BYTES = 1 << 18

_BITS = {np.dtype(np.float32): np.int32, np.dtype(np.float64): np.int64}
SIXTH = float(np.float32(1 / 6))  # PyTorch's 1/6, rounded to float32 in every dtype
_SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
_GELU_CUBE = 0.044715


def _tmp(slot: str, n: int, dtype: Any) -> np.ndarray:
    """A temporary of this thread's for one block, kept between blocks and calls."""
    return nhwc.scratch("pointwise-" + slot, (n,), np.dtype(dtype))


def _mask(cond: np.ndarray, bits: Any) -> np.ndarray:
    """1 where ``cond``, 0 elsewhere, in the integer type ``bits``."""
    m = _tmp("mask", cond.size, bits)
    np.copyto(m, cond, casting="unsafe")
    return m


def select(cond: np.ndarray, a: np.ndarray, b: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``out = a`` where ``cond``, else ``b``, as ``np.where`` but without a branch: on the
    numbers' bits, ``b ^ ((a ^ b) * cond)``. ``out`` may be ``a`` or ``b``; 1-D arrays.

    >>> select(np.array([True, False]), np.array([1.0, np.nan]), np.array([np.inf, 2.0]),
    ...        np.empty(2))
    array([1., 2.])
    """
    bits = _BITS[out.dtype]
    ai, bi = a.view(bits), b.view(bits)
    t = np.bitwise_xor(ai, bi, out=_tmp("select", out.size, bits))
    t *= _mask(cond, bits)
    np.bitwise_xor(t, bi, out=out.view(bits))
    return out


def keep(cond: np.ndarray, a: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``out = a`` where ``cond``, else ``+0.0``: ``a``'s bits times ``cond``."""
    bits = _BITS[out.dtype]
    np.multiply(a.view(bits), _mask(cond, bits), out=out.view(bits))
    return out


def _bool(slot: str, n: int) -> np.ndarray:
    return _tmp(slot, n, np.bool_)


def _like(slot: str, a: np.ndarray) -> np.ndarray:
    return _tmp(slot, a.size, a.dtype)


# --- the formulas, one block at a time: out (n,), the inputs (n,), the numbers in x's dtype ----


def _leaky_relu(out: np.ndarray, x: np.ndarray, slope: Any) -> None:
    # x > 0 ? x : x * slope
    positive = np.greater(x, 0, out=_bool("c", x.size))
    select(positive, x, np.multiply(x, slope, out=out), out)


def _leaky_relu_backward(out: np.ndarray, g: np.ndarray, x: np.ndarray, slope: Any) -> None:
    # x > 0 ? g : g * slope
    positive = np.greater(x, 0, out=_bool("c", x.size))
    select(positive, g, np.multiply(g, slope, out=out), out)


def _sigmoid(out: np.ndarray, x: np.ndarray) -> None:
    # 1 / (1 + exp(-x)); exp overflows to inf for x < -88 (float32), and 1 / inf is 0
    np.negative(x, out=out)
    np.exp(out, out=out)
    out += 1
    np.reciprocal(out, out=out)


def _sigmoid_backward(out: np.ndarray, g: np.ndarray, y: np.ndarray) -> None:
    # g * (1 - y) * y
    np.subtract(1, y, out=out)
    out *= g
    out *= y


def _tanh(out: np.ndarray, x: np.ndarray) -> None:
    np.tanh(x, out=out)


def _tanh_backward(out: np.ndarray, g: np.ndarray, y: np.ndarray) -> None:
    # g * (1 - y * y)
    np.multiply(y, y, out=out)
    np.subtract(1, out, out=out)
    out *= g


def _silu(out: np.ndarray, x: np.ndarray) -> None:
    # x / (1 + exp(-x))
    np.negative(x, out=out)
    np.exp(out, out=out)
    out += 1
    np.divide(x, out, out=out)


def _silu_backward(out: np.ndarray, g: np.ndarray, x: np.ndarray) -> None:
    # s = 1 / (1 + exp(-x)); g * s * (1 + x * (1 - s))
    s = _like("s", out)
    _sigmoid(s, x)
    np.subtract(1, s, out=out)
    out *= x
    out += 1
    out *= s
    out *= g


def _hardsigmoid(out: np.ndarray, x: np.ndarray) -> None:
    # min(max(x + 3, 0), 6) / 6
    np.add(x, 3, out=out)
    np.maximum(out, 0, out=out)
    np.minimum(out, 6, out=out)
    out /= 6


def _hardsigmoid_backward(out: np.ndarray, g: np.ndarray, x: np.ndarray) -> None:
    # (x > -3 && x < 3) ? g / 6 : 0  (PyTorch multiplies by 1/6 rounded to float32)
    inside = np.greater(x, -3, out=_bool("c", x.size))
    inside &= np.less(x, 3, out=_bool("d", x.size))
    keep(inside, np.multiply(g, SIXTH, out=out), out)


def _hardswish(out: np.ndarray, x: np.ndarray) -> None:
    # x * min(max(x + 3, 0), 6) / 6
    np.add(x, 3, out=out)
    np.maximum(out, 0, out=out)
    np.minimum(out, 6, out=out)
    out *= x
    out /= 6


def _hardswish_backward(out: np.ndarray, g: np.ndarray, x: np.ndarray) -> None:
    # x <= -3 ? 0 : x < 3 ? g * (x / 3 + 0.5) : g
    np.divide(x, 3, out=out)
    out += 0.5
    out *= g
    select(np.less(x, 3, out=_bool("c", x.size)), out, g, out)
    low = np.less_equal(x, -3, out=_bool("c", x.size))
    keep(np.logical_not(low, out=low), out, out)


def _hardtanh(out: np.ndarray, x: np.ndarray, min_val: Any, max_val: Any) -> None:
    # min(max(x, min_val), max_val)
    np.maximum(x, min_val, out=out)
    np.minimum(out, max_val, out=out)


def _hardtanh_backward(
    out: np.ndarray, g: np.ndarray, x: np.ndarray, min_val: Any, max_val: Any
) -> None:
    # (x > min_val && x < max_val) ? g : 0  (0 at NaN)
    inside = np.greater(x, min_val, out=_bool("c", x.size))
    inside &= np.less(x, max_val, out=_bool("d", x.size))
    keep(inside, g, out)


def _elu(out: np.ndarray, x: np.ndarray, alpha: Any) -> None:
    # x <= 0 ? expm1(x) * alpha : x
    np.minimum(x, 0, out=out)
    np.expm1(out, out=out)
    out *= alpha
    select(np.less_equal(x, 0, out=_bool("c", x.size)), out, x, out)


def _elu_backward(out: np.ndarray, g: np.ndarray, x: np.ndarray, alpha: Any) -> None:
    # x <= 0 ? g * alpha * exp(x) : g
    np.minimum(x, 0, out=out)
    np.exp(out, out=out)
    out *= alpha
    out *= g
    select(np.less_equal(x, 0, out=_bool("c", x.size)), out, g, out)


def _softplus(out: np.ndarray, x: np.ndarray, beta: Any, threshold: Any) -> None:
    # x * beta > threshold ? x : log1p(exp(x * beta)) / beta, as
    # (log1p(exp(-|x * beta|)) + max(x * beta, 0)) / beta, which never overflows
    bx = np.multiply(x, beta, out=_like("s", out))
    np.abs(bx, out=out)
    np.negative(out, out=out)
    np.exp(out, out=out)
    np.log1p(out, out=out)
    linear = np.greater(bx, threshold, out=_bool("c", x.size))
    np.maximum(bx, 0, out=bx)
    out += bx
    out /= beta
    select(linear, x, out, out)


def _softplus_backward(
    out: np.ndarray, g: np.ndarray, x: np.ndarray, beta: Any, threshold: Any
) -> None:
    # x * beta > threshold ? g : g * sigmoid(x * beta)
    bx = np.multiply(x, beta, out=_like("s", out))
    _sigmoid(out, bx)
    out *= g
    select(np.greater(bx, threshold, out=_bool("c", x.size)), g, out, out)


# erfc(z) for z >= 0 as t exp(-z^2 + P(t)), t = 1 / (1 + z / 2), P of degree 9: the Chebyshev
# fit of Numerical Recipes (2nd ed., section 6.2), relative error under 1.2e-7 for every z >= 0.
# In float32 arithmetic it measured 1.6e-5 relative at z = 9 (the exponent's rounding; erfc is
# 1e-37 there) and GELU's output 6.1e-7 absolute from the float64 truth, where PyTorch's float32
# GELU is 1.2e-6 off (its 1 + erf(x / sqrt 2) cancels in the tail). float64 takes SciPy's erfc
# where installed, else math.erfc a number at a time.
_ERFC = (-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398,
         1.48851587, -0.82215223, 0.17087277)  # fmt: skip
_SQRT_HALF = math.sqrt(0.5)
_INV_SQRT_2PI = 1 / math.sqrt(2 * math.pi)


def _erfc_float32(out: np.ndarray, z: np.ndarray) -> None:
    """``out = erfc(z)`` for ``z >= 0`` (or NaN); ``out`` may not be ``z``."""
    t = _like("t", out)
    np.multiply(z, 0.5, out=t)
    t += 1
    np.reciprocal(t, out=t)
    np.multiply(t, _ERFC[9], out=out)
    for c in _ERFC[8:0:-1]:
        out += c
        out *= t
    out += _ERFC[0]
    u = _like("u", out)
    np.multiply(z, z, out=u)
    out -= u
    np.exp(out, out=out)
    out *= t


def _erfc64(z: np.ndarray) -> np.ndarray:
    try:
        from scipy.special import erfc
    except ImportError:
        return np.asarray(np.frompyfunc(math.erfc, 1, 1)(z), dtype=np.float64)
    return np.asarray(erfc(z), dtype=np.float64)


def _normal_cdf(out: np.ndarray, x: np.ndarray) -> None:
    """``out = Phi(x) = erfc(-x / sqrt 2) / 2``: ``erfc(|x| / sqrt 2) / 2`` below 0, one less it
    above, so that the tail below keeps its relative precision."""
    z = np.abs(x, out=_like("z", out))
    z *= _SQRT_HALF
    if out.dtype == np.float64:
        out[...] = _erfc64(z)
    else:
        _erfc_float32(out, z)
    out *= 0.5
    upper = np.subtract(1, out, out=z)
    select(np.less(x, 0, out=_bool("c", x.size)), out, upper, out)


def _gelu(out: np.ndarray, x: np.ndarray) -> None:
    # x * Phi(x)
    _normal_cdf(out, x)
    out *= x


def _gelu_backward(out: np.ndarray, g: np.ndarray, x: np.ndarray, cdf: Any = None) -> None:
    # g * (Phi(x) + x * phi(x)), phi(x) = exp(-x^2 / 2) / sqrt(2 pi); Phi(x) given, or computed
    pdf = np.multiply(x, x, out=_like("s", out))
    pdf *= -0.5
    np.exp(pdf, out=pdf)
    pdf *= _INV_SQRT_2PI
    pdf *= x
    if cdf is None:
        _normal_cdf(out, x)
    else:
        out[...] = cdf
    out += pdf
    out *= g


def _gelu_saving(y: np.ndarray, x: np.ndarray, cdf: np.ndarray) -> None:
    _normal_cdf(cdf, x)
    np.multiply(cdf, x, out=y)


def _gelu_tanh(out: np.ndarray, x: np.ndarray) -> None:
    # 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))
    np.multiply(x, x, out=out)
    out *= _GELU_CUBE
    out *= x
    out += x
    out *= _SQRT_2_OVER_PI
    np.tanh(out, out=out)
    out += 1
    out *= x
    out *= 0.5


def _gelu_tanh_backward(out: np.ndarray, g: np.ndarray, x: np.ndarray) -> None:
    # t = tanh(u), u = c (x + k x^3): g * (0.5 (1 + t) + 0.5 x (1 - t^2) c (1 + 3 k x^2))
    x2 = np.multiply(x, x, out=_like("s", out))
    t = np.multiply(x2, _GELU_CUBE, out=_like("t", out))
    t *= x
    t += x
    t *= _SQRT_2_OVER_PI
    np.tanh(t, out=t)
    x2 *= 3 * _GELU_CUBE
    x2 += 1
    x2 *= _SQRT_2_OVER_PI  # du/dx
    np.multiply(t, t, out=out)
    np.subtract(1, out, out=out)
    out *= x
    out *= 0.5
    out *= x2
    t += 1
    t *= 0.5
    out += t
    out *= g


Kernel = Callable[..., None]

# name: (forward, backward, what the backward reads besides g: "x" or "y")
KERNELS: dict[str, tuple[Kernel, Kernel, str]] = {
    "leaky_relu": (_leaky_relu, _leaky_relu_backward, "x"),
    "sigmoid": (_sigmoid, _sigmoid_backward, "y"),
    "tanh": (_tanh, _tanh_backward, "y"),
    "silu": (_silu, _silu_backward, "x"),
    "hardsigmoid": (_hardsigmoid, _hardsigmoid_backward, "x"),
    "hardswish": (_hardswish, _hardswish_backward, "x"),
    "hardtanh": (_hardtanh, _hardtanh_backward, "x"),
    "elu": (_elu, _elu_backward, "x"),
    "softplus": (_softplus, _softplus_backward, "x"),
    "gelu": (_gelu, _gelu_backward, "x"),
    "gelu_tanh": (_gelu_tanh, _gelu_tanh_backward, "x"),
}


def _blocks(kernel: Kernel, out: np.ndarray, ins: tuple[np.ndarray, ...], params: tuple) -> None:
    flat_out = out.reshape(-1)
    flat_ins = [a.reshape(-1) for a in ins]
    n = flat_out.size
    block = max(BLOCK_BYTES // out.itemsize, 1)
    params = tuple(out.dtype.type(p) for p in params)  # NumPy's maximum is 3x slower with a float

    with np.errstate(all="ignore"):
        for start in range(0, n, block):
            s = slice(start, min(start + block, n))
            kernel(flat_out[s], *(a[s] for a in flat_ins), *params)


def _ready(a: np.ndarray, dtype: np.dtype) -> np.ndarray:
    return np.asarray(a, dtype=dtype, order="C")  # ascontiguousarray would make 0-d 1-d


# the activations numba compiles (convgrad.kernels.pointwise_numba says why only these)
COMPILED = ("leaky_relu", "hardtanh", "hardsigmoid", "hardswish")


def _compiled(name: str) -> Any:
    """numba's twin of ``name`` when the accelerator is on and compiles it, else ``None``."""
    return accel.numba_kernels("pointwise") if name in COMPILED else None


def forward(name: str, x: np.ndarray, *params: Any) -> np.ndarray:
    """``y = f(x)`` for the activation ``name`` of :data:`KERNELS`; ``x`` float32 or float64,
    any shape; ``params`` its numbers in PyTorch's order (``negative_slope``; ``min_val,
    max_val``; ``alpha``; ``beta, threshold``)."""
    if x.dtype not in _BITS:  # float16, longdouble: the formula as it reads
        with np.errstate(all="ignore"):
            return np.asarray(REFERENCE[name][0](x, *params), dtype=x.dtype)
    x = _ready(x, x.dtype)
    if (fast := _compiled(name)) is not None:
        typed = tuple(x.dtype.type(p) for p in params)
        result = accel.run(f"{name} forward", fast.forward, name, x, *typed)
        if result is not None:  # None: numba failed, and is off now
            return result
    y = np.empty(x.shape, x.dtype)
    if y.size:
        _blocks(KERNELS[name][0], y, (x,), params)
    return y


def backward(name: str, g: np.ndarray, saved: np.ndarray, *params: Any) -> np.ndarray:
    """``dx = g * f'(x)``; ``saved`` is ``x``, or ``y`` where ``KERNELS[name][2]`` says so."""
    if saved.dtype not in _BITS:
        with np.errstate(all="ignore"):
            return np.asarray(REFERENCE[name][1](g, saved, *params), dtype=saved.dtype)
    saved = _ready(saved, saved.dtype)
    g = _ready(g, saved.dtype)
    if (fast := _compiled(name)) is not None:
        typed = tuple(saved.dtype.type(p) for p in params)
        result = accel.run(f"{name} backward", fast.backward, name, g, saved, *typed)
        if result is not None:
            return result
    dx = np.empty(saved.shape, saved.dtype)
    if dx.size:
        _blocks(KERNELS[name][1], dx, (g, saved), params)
    return dx


# name: (forward writing y and what it keeps, backward from it): the backward then skips
# erfc, 24 passes (NumPy has no erf). Forward + backward, float32, (32, 64, 28, 28), one
# thread, freed memory kept, CPU ms (a scratch script, medians of 21): GELU 30.9 -> 19.8. SiLU
# keeping its sigmoid measured 8.2 -> 7.6, not worth an array more per layer: it recomputes.
SAVING: dict[str, tuple[Kernel, Kernel]] = {"gelu": (_gelu_saving, _gelu_backward)}


def forward_saving(name: str, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(y, kept)`` for ``name`` of :data:`SAVING`, ``x`` float32 or float64: ``kept`` is
    ``Phi(x)`` for the exact GELU, for :func:`backward_saved`."""
    if x.dtype not in _BITS:
        return forward(name, x), x
    x = _ready(x, x.dtype)
    y, kept = np.empty(x.shape, x.dtype), np.empty(x.shape, x.dtype)
    _blocks(SAVING[name][0], y, (x, kept), ())  # kept, passed as an input, is written too
    return y, kept


def backward_saved(name: str, g: np.ndarray, x: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """``dx`` from what :func:`forward_saving` kept; the bits :func:`backward` gives."""
    if x.dtype not in _BITS:
        return backward(name, g, x)
    x = _ready(x, x.dtype)
    dx = np.empty(x.shape, x.dtype)
    _blocks(SAVING[name][1], dx, (_ready(g, x.dtype), x, _ready(kept, x.dtype)), ())
    return dx


# --- the twins: PyTorch's formulas as they read --------------------------------------------------


def _ref_sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def _ref_softplus(x: np.ndarray, beta: float, threshold: float) -> np.ndarray:
    bx = x * beta
    smooth = (np.log1p(np.exp(-np.abs(bx))) + np.maximum(bx, 0)) / beta
    return np.where(bx > threshold, x, smooth)


def _ref_gelu_tanh(x: np.ndarray) -> np.ndarray:
    return (np.tanh((x * x * _GELU_CUBE * x + x) * _SQRT_2_OVER_PI) + 1) * x * 0.5


def _ref_gelu_tanh_backward(g: np.ndarray, x: np.ndarray) -> np.ndarray:
    t = np.tanh((x * x * _GELU_CUBE * x + x) * _SQRT_2_OVER_PI)
    du = (x * x * (3 * _GELU_CUBE) + 1) * _SQRT_2_OVER_PI
    return ((1 - t * t) * x * 0.5 * du + (t + 1) * 0.5) * g


def _ref_erfc(z: np.ndarray) -> np.ndarray:
    if z.dtype == np.float64:
        return _erfc64(z)
    t = 1 / (z * 0.5 + 1)
    p = t * _ERFC[9]
    for c in _ERFC[8:0:-1]:
        p = (p + c) * t
    return np.exp(p + _ERFC[0] - z * z) * t


def _ref_normal_cdf(x: np.ndarray) -> np.ndarray:
    c = _ref_erfc(np.abs(x) * _SQRT_HALF) * 0.5
    return np.where(x < 0, c, 1 - c)


def _ref_gelu_backward(g: np.ndarray, x: np.ndarray) -> np.ndarray:
    pdf = np.exp(x * x * -0.5) * _INV_SQRT_2PI * x
    return (_ref_normal_cdf(x) + pdf) * g


# name: (forward(x, *params), backward(g, saved, *params))
REFERENCE: dict[str, tuple[Callable[..., np.ndarray], Callable[..., np.ndarray]]] = {
    "leaky_relu": (
        lambda x, s: np.where(x > 0, x, x * s),
        lambda g, x, s: np.where(x > 0, g, g * s),
    ),
    "sigmoid": (_ref_sigmoid, lambda g, y: (1 - y) * g * y),
    "tanh": (np.tanh, lambda g, y: (1 - y * y) * g),
    "silu": (
        lambda x: x / (1 + np.exp(-x)),
        lambda g, x: (1 + x * (1 - _ref_sigmoid(x))) * _ref_sigmoid(x) * g,
    ),
    "hardsigmoid": (
        lambda x: np.minimum(np.maximum(x + 3, 0), 6) / 6,
        lambda g, x: np.where((x > -3) & (x < 3), g * SIXTH, 0),
    ),
    "hardswish": (
        lambda x: np.minimum(np.maximum(x + 3, 0), 6) * x / 6,
        lambda g, x: np.where(x <= -3, 0, np.where(x < 3, (x / 3 + 0.5) * g, g)),
    ),
    "hardtanh": (
        lambda x, lo, hi: np.minimum(np.maximum(x, lo), hi),
        lambda g, x, lo, hi: np.where((x > lo) & (x < hi), g, 0),
    ),
    "elu": (
        lambda x, a: np.where(x <= 0, np.expm1(np.minimum(x, 0)) * a, x),
        lambda g, x, a: np.where(x <= 0, np.exp(np.minimum(x, 0)) * a * g, g),
    ),
    "softplus": (
        _ref_softplus,
        lambda g, x, b, t: np.where(x * b > t, g, _ref_sigmoid(x * b) * g),
    ),
    "gelu": (lambda x: _ref_normal_cdf(x) * x, _ref_gelu_backward),
    "gelu_tanh": (_ref_gelu_tanh, _ref_gelu_tanh_backward),
}
