"""Adam's update compiled with numba: one pass over a parameter where NumPy makes 13.

:class:`convgrad.optim.Adam` in NumPy runs its update as 13 passes over each parameter, each
through memory once its arrays outgrow the caches (the parameter, its gradient, the two moments
and a scratch array). Here each number is read and written once, with the same operations in
the same order, each rounded in the parameter's dtype (the constants come in that dtype, and
numba contracts no multiply-add without fastmath), so the result is NumPy's to the last bit.

numba is optional (``pip install "convgrad[fast]"``); this module imports it at the top, so it is
imported only through :mod:`convgrad.kernels.accel`.
"""

from __future__ import annotations

import numba
import numpy as np

# error_model="numpy": a division by zero is IEEE's inf or NaN, as in NumPy, with no check per
# number; that check, and a loop over range(first, last), each kept LLVM from vectorising the
# loop: 1.7 to 1.9 ms a step of 537,354 float32 numbers, against 0.37 to 0.49 for this one (one
# thread, medians of 50, a scratch script; AMSGrad's branch, the same each number, costs 0.02).
# The shares come as views, each run from 0.


@numba.njit(nogil=True, cache=True, error_model="numpy")
def _adam(p, g, m, v, v_max, amsgrad, c1, b2, c2, bias2, eps, step):  # pragma: no cover - compiled
    for i in range(p.size):
        gi = g[i]
        mi = m[i] + (gi - m[i]) * c1
        vi = v[i] * b2 + gi * gi * c2
        m[i] = mi
        v[i] = vi
        if amsgrad:  # np.maximum(v_max, v): a NaN on either side wins, v_max's first
            a = v_max[i]
            if a != a or a >= vi:
                vi = a
            v_max[i] = vi
        p[i] = p[i] - mi / (np.sqrt(vi) / bias2 + eps) * step


def adam(
    p: np.ndarray, g: np.ndarray, m: np.ndarray, v: np.ndarray, v_max: np.ndarray | None,
    first: int, last: int, numbers: tuple[np.floating, ...],
) -> None:  # fmt: skip
    """Adam's step on ``[first, last)`` of the flat arrays ``p``, ``g``, ``m``, ``v`` (and
    ``v_max`` with AMSGrad), in place: ``numbers`` are ``(1 - b1, b2, 1 - b2, sqrt(1 - b2**t),
    eps, lr / (1 - b1**t))`` in the arrays' dtype (:func:`convgrad.optim.adam._numbers`)."""
    s = slice(first, last)
    kept = m[s][:0] if v_max is None else v_max[s]  # AMSGrad's v_max, or nothing
    _adam(p[s], g[s], m[s], v[s], kept, v_max is not None, *numbers)
