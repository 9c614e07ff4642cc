"""Where layers get their random numbers, and PyTorch's default initialisation.

Every layer takes ``rng``, a ``numpy.random.Generator``; when it is None the layer draws from this
module's generator, which :func:`manual_seed` replaces, so a whole run repeats from one seed.

PyTorch initialises convolution and linear weights with ``kaiming_uniform_(a=sqrt(5))``: a uniform
distribution with bound ``gain * sqrt(3 / fan_in)`` and ``gain = sqrt(2 / (1 + a**2))``, which is
``1 / sqrt(fan_in)``; biases are uniform with the same bound. ``fan_in`` is ``weight.shape[1]``
times the kernel's size: ``C_in // groups * prod(kernel)`` for a convolution, ``in_features`` for a
linear layer, and ``C_out // groups * prod(kernel)`` for a transposed convolution, whose weight
is ``(C_in, C_out // groups, *kernel)``.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from .. import _args

_generator = np.random.default_rng()


def manual_seed(seed: int) -> None:
    """Reseed the generator that layers built, or run, with ``rng=None`` draw from.

    >>> manual_seed(0); a = uniform((2,), 1.0, None, np.float64)
    >>> manual_seed(0); bool((a == uniform((2,), 1.0, None, np.float64)).all())
    True
    """
    global _generator
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise TypeError(f"manual_seed: seed must be an int >= 0; got {seed!r:.80}")
    _generator = np.random.default_rng(int(seed))


def generator(rng: np.random.Generator | None) -> np.random.Generator:
    """``rng``, or the module's generator when it is None."""
    if rng is None:
        return _generator
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator or None; got {rng!r:.80}")
    return rng


def fan_in(weight_shape: tuple[int, ...]) -> int:
    """``weight.shape[1] * prod(weight.shape[2:])``, as PyTorch computes it.

    >>> fan_in((16, 3, 5, 5)), fan_in((10, 64))
    (75, 64)
    """
    return weight_shape[1] * math.prod(weight_shape[2:])


def check_layer(
    name: str, shape: tuple[int, ...], dtype: object, because: str, rng: object = None
) -> np.dtype:
    """A layer's ``dtype`` (a float dtype) and ``rng``, and its weight's ``shape`` within this
    machine's memory, checked before anything is drawn; the dtype, as NumPy's."""
    try:
        dt = np.dtype(dtype)  # type: ignore[call-overload]
    except (TypeError, ValueError) as err:
        raise TypeError(f"{name}: dtype must be a float dtype; got {dtype!r:.80}") from err
    if dt.kind != "f" or dt.itemsize > 8:
        raise TypeError(f"{name}: dtype must be float16, float32 or float64; got {dt}")
    if rng is not None and not isinstance(rng, np.random.Generator):
        raise TypeError(f"{name}: rng must be a numpy.random.Generator or None; got {rng!r:.80}")
    _args.check_size(name, "the weight", shape, because, itemsize=8)  # drawn in float64
    return dt


def uniform(
    shape: tuple[int, ...], bound: float, rng: np.random.Generator | None, dtype
) -> np.ndarray:
    """``U(-bound, bound)`` samples of ``dtype``."""
    return generator(rng).uniform(-bound, bound, size=shape).astype(dtype)


def kaiming_bound(weight_shape: tuple[int, ...]) -> float:
    """``1 / sqrt(fan_in)``: PyTorch's bound for default weights and biases (0 when fan_in is 0)."""
    fan = fan_in(weight_shape)
    return 1 / math.sqrt(fan) if fan > 0 else 0.0
