"""The piecewise-linear activations of :mod:`convgrad.kernels.pointwise`, compiled with numba:
``leaky_relu``, ``hardtanh`` (and so ``relu6``), ``hardsigmoid`` and ``hardswish``, forward and
backward, one pass a number.

NumPy's blocks make 6 to 11 passes for these (a comparison, a product, a branchless select on
the numbers' bits); a loop with the branch in it makes one, which LLVM turns into vector
selects. Each is PyTorch's formula with its branches, NaN included (a comparison with NaN is
false), so it agrees with NumPy's twin to the last bit in float64. In float32 the constants (3,
6, 1/6) promote the arithmetic to float64 and the result is rounded once: at most one unit in
the last place from NumPy's, which rounds each step.

The others (``sigmoid``, ``tanh``, ``silu``, ``elu``, ``softplus``, both GELUs) stay on NumPy:
without Intel's SVML, numba calls the C library's ``exp``, ``tanh`` and ``erf`` a number at a
time. Measured, float32, 1.6 M numbers, one thread, ms (a scratch script, medians of 20): a
sigmoid 14.6 in numba against NumPy's ``exp`` alone 1.7, GELU's ``erf`` 34; a leaky ReLU's
backward 1.07 in numba against 2.5 to 2.9 in NumPy's blocks.

numba is optional (``pip install "convgrad[fast]"``); this module imports it at the top, so it is
imported only through :mod:`convgrad.kernels.accel`.
"""

from __future__ import annotations

from collections.abc import Callable

import numba
import numpy as np

from .pointwise import SIXTH


@numba.njit(nogil=True, cache=True)
def _leaky_relu(x, out, slope):  # pragma: no cover - compiled
    for i in range(x.size):
        v = x[i]
        out[i] = v if v > 0 else v * slope


@numba.njit(nogil=True, cache=True)
def _leaky_relu_backward(g, x, out, slope):  # pragma: no cover - compiled
    for i in range(x.size):
        out[i] = g[i] if x[i] > 0 else g[i] * slope


@numba.njit(nogil=True, cache=True)
def _hardtanh(x, out, lo, hi):  # pragma: no cover - compiled
    # min(max(x, lo), hi), NaN kept (NumPy's maximum and minimum propagate it)
    for i in range(x.size):
        v = x[i]
        if v < lo:
            v = lo
        elif v > hi:
            v = hi
        out[i] = v


@numba.njit(nogil=True, cache=True)
def _hardtanh_backward(g, x, out, lo, hi):  # pragma: no cover - compiled
    for i in range(x.size):
        v = x[i]
        out[i] = g[i] if v > lo and v < hi else 0.0


@numba.njit(nogil=True, cache=True)
def _hardsigmoid(x, out):  # pragma: no cover - compiled
    # min(max(x + 3, 0), 6) / 6
    for i in range(x.size):
        t = x[i] + 3.0
        if t < 0.0:
            t = 0.0
        elif t > 6.0:
            t = 6.0
        out[i] = t / 6.0


@numba.njit(nogil=True, cache=True)
def _hardsigmoid_backward(g, x, out, sixth):  # pragma: no cover - compiled
    for i in range(x.size):
        v = x[i]
        out[i] = g[i] * sixth if v > -3.0 and v < 3.0 else 0.0


@numba.njit(nogil=True, cache=True)
def _hardswish(x, out):  # pragma: no cover - compiled
    # x * min(max(x + 3, 0), 6) / 6
    for i in range(x.size):
        v = x[i]
        t = v + 3.0
        if t < 0.0:
            t = 0.0
        elif t > 6.0:
            t = 6.0
        out[i] = t * v / 6.0


@numba.njit(nogil=True, cache=True)
def _hardswish_backward(g, x, out):  # pragma: no cover - compiled
    # x <= -3 ? 0 : x < 3 ? g * (x / 3 + 0.5) : g
    for i in range(x.size):
        v = x[i]
        if v <= -3.0:
            out[i] = 0.0
        elif v < 3.0:
            out[i] = (v / 3.0 + 0.5) * g[i]
        else:
            out[i] = g[i]


# name: (forward(x, out, *numbers), backward(g, x, out, *numbers), numbers added to the backward's)
KERNELS: dict[str, tuple[Callable[..., None], Callable[..., None], tuple[float, ...]]] = {
    "leaky_relu": (_leaky_relu, _leaky_relu_backward, ()),
    "hardtanh": (_hardtanh, _hardtanh_backward, ()),
    "hardsigmoid": (_hardsigmoid, _hardsigmoid_backward, (SIXTH,)),
    "hardswish": (_hardswish, _hardswish_backward, ()),
}


def forward(name: str, x: np.ndarray, *params: np.floating) -> np.ndarray:
    """``y = f(x)``; ``x`` contiguous, float32 or float64; ``params`` numbers of its dtype (so
    that float32 stays float32 where PyTorch's does)."""
    out = np.empty_like(x)
    KERNELS[name][0](x.reshape(-1), out.reshape(-1), *params)
    return out


def backward(name: str, g: np.ndarray, x: np.ndarray, *params: np.floating) -> np.ndarray:
    """``dx = g * f'(x)``; ``g`` and ``x`` contiguous, of one shape and dtype."""
    out = np.empty_like(x)
    numbers = (*params, *(x.dtype.type(c) for c in KERNELS[name][2]))
    KERNELS[name][1](g.reshape(-1), x.reshape(-1), out.reshape(-1), *numbers)
    return out
