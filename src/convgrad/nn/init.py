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
from typing import Any

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


# --- PyTorch's in-place initialisers (``torch.nn.init``) -----------------------------------------
#
# Each fills a Parameter (or Tensor, or NumPy array) in place and returns it; the numbers come
# from ``generator`` (a numpy.random.Generator) or this module's generator, so they follow
# PyTorch's distributions, not its random streams. Fans, for a weight (out, in, *kernel):
# ``fan_in = in * prod(kernel)``, ``fan_out = out * prod(kernel)``.

_GAINS = {"linear": 1.0, "sigmoid": 1.0, "tanh": 5.0 / 3, "relu": math.sqrt(2.0), "selu": 0.75}
_GAINS.update({f"conv{n}d": 1.0 for n in (1, 2, 3)})
_GAINS.update({f"conv_transpose{n}d": 1.0 for n in (1, 2, 3)})


_draws = generator  # the initialisers' argument ``generator`` hides the function's name


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """PyTorch's recommended gain for ``nonlinearity``.

    >>> calculate_gain("relu") == math.sqrt(2), calculate_gain("leaky_relu", 0.2)
    (True, 1.3867504905630728)
    """
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        if isinstance(slope, bool) or not isinstance(slope, int | float):
            raise ValueError(f"calculate_gain: param must be a number; got {param!r}")
        return math.sqrt(2.0 / (1 + slope**2))
    if nonlinearity not in _GAINS:
        raise ValueError(
            f"calculate_gain: nonlinearity must be one of {sorted([*_GAINS, 'leaky_relu'])}; "
            f"got {nonlinearity!r}"
        )
    return _GAINS[nonlinearity]


def _array(fn: str, tensor: Any) -> np.ndarray:
    a = getattr(tensor, "data", tensor)
    if not isinstance(a, np.ndarray) or a.dtype.kind != "f":
        raise TypeError(
            f"{fn}: tensor must be a float Parameter, Tensor or array; got {tensor!r:.60}"
        )
    return a


def _fans(fn: str, shape: tuple[int, ...]) -> tuple[int, int]:
    if len(shape) < 2:
        raise ValueError(f"{fn}: fans need a tensor of 2 or more dimensions; got shape {shape}")
    field = math.prod(shape[2:])
    return shape[1] * field, shape[0] * field


def _fill(tensor: Any, a: np.ndarray, values: Any) -> Any:
    a[...] = values
    return tensor


def uniform_(tensor: Any, a: float = 0.0, b: float = 1.0, generator: Any = None) -> Any:
    """Fill with ``U(a, b)``."""
    arr = _array("uniform_", tensor)
    return _fill(tensor, arr, _draws(generator).uniform(a, b, arr.shape))


def normal_(tensor: Any, mean: float = 0.0, std: float = 1.0, generator: Any = None) -> Any:
    """Fill with ``N(mean, std**2)``."""
    arr = _array("normal_", tensor)
    return _fill(tensor, arr, _draws(generator).normal(mean, std, arr.shape))


def trunc_normal_(tensor: Any, mean: float = 0.0, std: float = 1.0, a: float = -2.0,
                  b: float = 2.0, generator: Any = None) -> Any:  # fmt: skip
    """Fill with ``N(mean, std**2)`` truncated to ``[a, b]`` (out-of-range draws redrawn)."""
    arr = _array("trunc_normal_", tensor)
    if not a < b:
        raise ValueError(f"trunc_normal_: a must be below b; got a={a}, b={b}")
    rng = _draws(generator)
    values = rng.normal(mean, std, arr.shape)
    for _ in range(1000):  # each round redraws the values outside [a, b]
        bad = (values < a) | (values > b)
        if not bad.any():
            break
        values[bad] = rng.normal(mean, std, int(bad.sum()))
    return _fill(tensor, arr, np.clip(values, a, b))


def constant_(tensor: Any, val: float) -> Any:
    return _fill(tensor, _array("constant_", tensor), val)


def zeros_(tensor: Any) -> Any:
    return _fill(tensor, _array("zeros_", tensor), 0.0)


def ones_(tensor: Any) -> Any:
    return _fill(tensor, _array("ones_", tensor), 1.0)


def xavier_uniform_(tensor: Any, gain: float = 1.0, generator: Any = None) -> Any:
    """``U(-a, a)``, ``a = gain * sqrt(6 / (fan_in + fan_out))`` (Glorot)."""
    fan_in, fan_out = _fans("xavier_uniform_", _array("xavier_uniform_", tensor).shape)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return uniform_(tensor, -bound, bound, generator)


def xavier_normal_(tensor: Any, gain: float = 1.0, generator: Any = None) -> Any:
    """``N(0, std**2)``, ``std = gain * sqrt(2 / (fan_in + fan_out))`` (Glorot)."""
    fan_in, fan_out = _fans("xavier_normal_", _array("xavier_normal_", tensor).shape)
    return normal_(tensor, 0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), generator)


def _kaiming_std(fn: str, tensor: Any, a: float, mode: str, nonlinearity: str) -> float:
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"{fn}: mode must be 'fan_in' or 'fan_out'; got {mode!r}")
    fan_in, fan_out = _fans(fn, _array(fn, tensor).shape)
    fan = fan_in if mode == "fan_in" else fan_out
    return calculate_gain(nonlinearity, a) / math.sqrt(fan) if fan else 0.0


def kaiming_uniform_(tensor: Any, a: float = 0.0, mode: str = "fan_in",
                     nonlinearity: str = "leaky_relu", generator: Any = None) -> Any:  # fmt: skip
    """``U(-bound, bound)``, ``bound = sqrt(3) * gain / sqrt(fan)`` (He)."""
    bound = math.sqrt(3.0) * _kaiming_std("kaiming_uniform_", tensor, a, mode, nonlinearity)
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor: Any, a: float = 0.0, mode: str = "fan_in",
                    nonlinearity: str = "leaky_relu", generator: Any = None) -> Any:  # fmt: skip
    """``N(0, std**2)``, ``std = gain / sqrt(fan)`` (He)."""
    std = _kaiming_std("kaiming_normal_", tensor, a, mode, nonlinearity)
    return normal_(tensor, 0.0, std, generator)
