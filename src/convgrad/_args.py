"""Checking and normalising the arguments of every convolution function.

Both the fast kernels and the reference loops call into this module, so a shape rule, an
output-size formula or a padding convention is written exactly once.

The dtype rule (applied by :func:`result_dtype` everywhere):

- float32 stays float32 and float64 stays float64, from the inputs to every output;
- mixed float inputs promote as NumPy promotes them (float32 with float64 gives float64);
- when every input is bool or integer, the result is float64 (a gradient is not an integer);
  integers mixed with floats promote as NumPy promotes them (int64 with float32 gives float64);
- float16 is computed in float32 and returned as float16;
- complex, long double, object, string and other non-real dtypes raise ``TypeError``.

Padding conventions (:func:`conv_padding`):

- an int ``p`` pads every spatial side by ``p``; one int per spatial dimension pads both sides of
  that dimension; one ``(before, after)`` pair per spatial dimension pads asymmetrically;
- ``"valid"`` is no padding;
- ``"same"`` keeps ``out = ceil(in / stride)``: the total padding is
  ``max((out - 1) * stride + dilation * (kernel - 1) + 1 - in, 0)``, split as ``total // 2`` before
  and the rest after, so an odd total puts the extra row or column at the end (bottom, right).
  For stride 1 this is PyTorch's rule; PyTorch refuses stride > 1, where this is TensorFlow's.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np

PADDING_MODES = ("zeros", "reflect", "replicate", "circular")

Pairs = tuple[tuple[int, int], ...]

F = TypeVar("F", bound=Callable[..., Any])


def ieee(f: F) -> F:
    """Run ``f`` with NumPy's floating-point warnings off: NaN and infinities in the inputs
    propagate silently through the arithmetic (``inf - inf`` is NaN), as in PyTorch."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with np.errstate(all="ignore"):
            return f(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def aliases(**names: str) -> Callable[[F], F]:
    """Let a function whose parameters carry PyTorch's names (``input``, ``weight``, ``bias``)
    also take convgrad's own as keywords: ``names`` maps each old name to PyTorch's
    (``x="input"``). Both given, by keyword or one by position, is a ``TypeError`` naming both.
    The signature shown (``inspect.signature``, ``help``) is the wrapped function's, PyTorch's.

    >>> @aliases(x="input")
    ... def f(input, scale=1):
    ...     return input * scale
    >>> f(2, scale=3), f(input=2), f(x=2)
    (6, 2, 2)
    >>> f(2, x=3)
    Traceback (most recent call last):
    TypeError: f: input and x name the same argument (PyTorch's name and convgrad's); pass one
    """

    def decorate(f: F) -> F:
        params = list(inspect.signature(f).parameters)
        position = {new: params.index(new) for new in names.values()}

        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in names.items():
                if old in kwargs:
                    if new in kwargs or position[new] < len(args):
                        raise TypeError(
                            f"{f.__name__}: {new} and {old} name the same argument (PyTorch's "
                            f"name and convgrad's); pass one"
                        )
                    kwargs[new] = kwargs.pop(old)
            return f(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def output_size(size: int, kernel: int, stride: int, dilation: int, before: int, after: int) -> int:
    """Length of a convolution's output along one dimension.

    ``out = floor((size + before + after - dilation * (kernel - 1) - 1) / stride) + 1``

    >>> output_size(5, 3, 2, 1, 1, 1)
    3
    """
    return (size + before + after - dilation * (kernel - 1) - 1) // stride + 1


def transpose_output_size(
    size: int, kernel: int, stride: int, dilation: int, before: int, after: int, extra: int
) -> int:
    """Length of a transposed convolution's output along one dimension.

    ``out = (size - 1) * stride - before - after + dilation * (kernel - 1) + extra + 1``, where
    ``extra`` is ``output_padding``.

    >>> transpose_output_size(3, 3, 2, 1, 1, 1, 1)
    6
    """
    return (size - 1) * stride - before - after + dilation * (kernel - 1) + extra + 1


def as_array(fn: str, name: str, value: object) -> np.ndarray:
    """``value`` as an ndarray of a real numeric dtype, or a ``TypeError`` naming the argument."""
    try:
        array = np.asarray(value)  # subclasses (matrix, masked) are read as plain arrays
    except (ValueError, TypeError) as err:
        raise TypeError(f"{fn}: {name} must be an array of numbers; got {value!r:.80}") from err
    if array.dtype.kind not in "biuf":
        raise TypeError(
            f"{fn}: {name} must hold real numbers (bool, int or float); got dtype {array.dtype}"
        )
    if array.dtype.kind == "f" and array.dtype.itemsize > 8:
        raise TypeError(
            f"{fn}: {name} has dtype {array.dtype}; convgrad computes in float64 at most"
        )
    return array


def result_dtype(*arrays: np.ndarray | None) -> tuple[np.dtype, np.dtype]:
    """The (compute, output) dtypes for these inputs, by the rule in the module docstring."""
    dtype = np.result_type(*[a.dtype for a in arrays if a is not None])
    if dtype.kind in "biu":
        return np.dtype(np.float64), np.dtype(np.float64)
    if dtype == np.float16:
        return np.dtype(np.float32), np.dtype(np.float16)
    return dtype, dtype


def ntuple(fn: str, name: str, value: object, n: int, minimum: int) -> tuple[int, ...]:
    """An int or a sequence of ``n`` ints, each at least ``minimum``, as an ``n``-tuple."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if _is_int(value):
        values: tuple[int, ...] = (int(value),) * n  # type: ignore[call-overload]
    elif isinstance(value, Sequence) and not isinstance(value, str):
        if len(value) != n:
            raise ValueError(
                f"{fn}: {name} must be an int or {n} ints (one per spatial dimension); "
                f"got {value!r}"
            )
        if not all(_is_int(v) for v in value):
            raise TypeError(f"{fn}: {name} must hold ints; got {value!r}")
        values = tuple(int(v) for v in value)
    else:
        raise TypeError(f"{fn}: {name} must be an int or a tuple of {n} ints; got {value!r}")
    if any(v < minimum for v in values):
        raise ValueError(f"{fn}: {name} must be >= {minimum} in every dimension; got {value!r}")
    return values


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def padding_pairs(fn: str, padding: object, n: int) -> Pairs:
    """Numeric padding (int, ``n`` ints, or ``n`` ``(before, after)`` pairs) as ``n`` pairs."""
    if isinstance(padding, np.ndarray):
        padding = padding.tolist()
    if (
        isinstance(padding, Sequence)
        and not isinstance(padding, str)
        and len(padding) > 0
        and all(isinstance(p, Sequence) and not isinstance(p, str) for p in padding)
    ):
        if len(padding) != n or any(len(p) != 2 for p in padding):
            raise ValueError(
                f"{fn}: padding given as pairs needs {n} (before, after) pairs, one per spatial "
                f"dimension; got {padding!r}"
            )
        flat = ntuple(fn, "padding", [v for p in padding for v in p], 2 * n, 0)
        return tuple((flat[2 * i], flat[2 * i + 1]) for i in range(n))
    per_dim = ntuple(fn, "padding", padding, n, 0)
    return tuple((p, p) for p in per_dim)


def conv_padding(
    fn: str,
    padding: object,
    spatial: tuple[int, ...],
    kernel: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
) -> Pairs:
    """Any accepted ``padding`` of a convolution as one ``(before, after)`` pair per dimension."""
    if isinstance(padding, str):
        if padding == "valid":
            return tuple((0, 0) for _ in spatial)
        if padding == "same":
            pairs = []
            for size, k, s, d in zip(spatial, kernel, stride, dilation, strict=True):
                out = -(-size // s)
                total = max((out - 1) * s + d * (k - 1) + 1 - size, 0)
                pairs.append((total // 2, total - total // 2))
            return tuple(pairs)
        raise ValueError(f"{fn}: padding must be 'valid', 'same' or numbers; got {padding!r}")
    return padding_pairs(fn, padding, len(spatial))


def source_index(j: int, size: int, before: int, mode: str) -> int | None:
    """The input index that padded position ``j`` copies along one dimension, or None for zero.

    ``i = j - before`` is the position in the input; outside ``[0, size)``, ``reflect`` mirrors
    it about the edge without repeating the edge, ``replicate`` clamps it to the edge and
    ``circular`` wraps it around.

    >>> [source_index(j, 3, 2, "reflect") for j in range(7)]
    [2, 1, 0, 1, 2, 1, 0]
    >>> [source_index(j, 3, 2, "circular") for j in range(7)]
    [1, 2, 0, 1, 2, 0, 1]
    """
    i = j - before
    if 0 <= i < size:
        return i
    if mode == "zeros":
        return None
    if mode == "reflect":
        return -i if i < 0 else 2 * (size - 1) - i
    if mode == "replicate":
        return min(max(i, 0), size - 1)
    return i % size  # circular


@dataclass(frozen=True)
class ConvSpec:
    """Everything a kernel needs to know about one convolution, checked and normalised.

    For a transposed convolution, ``in_spatial`` and ``out_spatial`` are those of the
    *equivalent forward* convolution whose input gradient it computes: ``in_spatial`` is the
    transposed convolution's (uncropped) output, ``out_spatial`` its input.
    """

    stride: tuple[int, ...]
    dilation: tuple[int, ...]
    padding: Pairs
    groups: int
    padding_mode: str
    kernel: tuple[int, ...]
    in_spatial: tuple[int, ...]
    out_spatial: tuple[int, ...]

    @property
    def padded_spatial(self) -> tuple[int, ...]:
        return tuple(s + lo + hi for s, (lo, hi) in zip(self.in_spatial, self.padding, strict=True))


_LETTERS = {1: ("L",), 2: ("H", "W"), 3: ("D", "H", "W")}


def _layout(prefix: str, n: int, spatial: str = "") -> str:
    return "(" + ", ".join([*prefix.split(","), *(spatial + c for c in _LETTERS[n])]) + ")"


def check_input(fn: str, x: np.ndarray, n: int, channels: str) -> bool:
    """Check ``x`` is ``(N, C, *spatial)`` or ``(C, *spatial)``; return whether it is batched."""
    if x.ndim not in (n + 1, n + 2):
        raise ValueError(
            f"{fn}: x must be {n + 2}-D {_layout('N,' + channels, n)} or {n + 1}-D unbatched "
            f"{_layout(channels, n)}; got shape {x.shape}"
        )
    if any(s < 1 for s in x.shape[x.ndim - n - 1 :]):
        raise ValueError(
            f"{fn}: x must have at least 1 channel and 1 element per spatial "
            f"dimension; got shape {x.shape}"
        )
    return x.ndim == n + 2


def check_weight(fn: str, w: np.ndarray, n: int, layout: str) -> None:
    if w.ndim != n + 2:
        raise ValueError(
            f"{fn}: w must be {n + 2}-D {_layout(layout, n, 'k')}; got shape {w.shape}"
        )
    if any(s < 1 for s in w.shape):
        raise ValueError(f"{fn}: w must have no empty dimension; got shape {w.shape}")


def check_groups(fn: str, groups: object) -> int:
    if not _is_int(groups):
        raise TypeError(f"{fn}: groups must be an int; got {groups!r}")
    if int(groups) < 1:  # type: ignore[call-overload]
        raise ValueError(f"{fn}: groups must be >= 1; got {groups}")
    return int(groups)  # type: ignore[call-overload]


def memory_bytes() -> int:
    """This machine's physical memory (1 TiB where the platform does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 1 << 40


def check_size(fn: str, what: str, shape: tuple[int, ...], because: str, itemsize: int = 8) -> None:
    """Refuse, before anything is allocated, an array of ``shape`` larger than the machine's
    memory: a typo in a size (``padding=10**6``) gets one clear line, not a ``MemoryError`` or
    a swapping machine. ``because`` names the arguments that set the shape."""
    need = math.prod(shape) * itemsize
    if need > memory_bytes():
        raise ValueError(
            f"{fn}: {what} would have shape {tuple(shape)}, {need / 2**30:.3g} GiB, more than "
            f"this machine's memory ({memory_bytes() / 2**30:.3g} GiB); check {because}"
        )


def check_bias(fn: str, b: np.ndarray | None, c_out: int) -> None:
    if b is not None and b.shape != (c_out,):
        raise ValueError(
            f"{fn}: b must have shape ({c_out},), one value per output channel; got shape {b.shape}"
        )


_SWITCH = {"": True, "1": True, "true": True, "yes": True, "on": True,
           "0": False, "false": False, "no": False, "off": False}  # fmt: skip


def env_switch(name: str) -> bool | None:
    """The on/off environment variable ``name``: True when it is unset, empty, ``1``, ``true``,
    ``yes`` or ``on``; False for ``0``, ``false``, ``no`` or ``off`` (any case, spaces around
    ignored); None for anything else, which the caller refuses with its own rule."""
    return _SWITCH.get(os.environ.get(name, "").strip().lower())


def check_flag(fn: str, name: str, value: object) -> bool:
    """``value`` as a bool; only True or False (NumPy's too) are flags."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{fn}: {name} must be True or False; got {value!r:.80}")
    return bool(value)


def check_real(fn: str, name: str, value: object, low: float = -math.inf, high: float = math.inf,
               *, low_open: bool = False) -> float:  # fmt: skip
    """``value`` as a finite float in ``[low, high]`` (``(low, high]`` with ``low_open``)."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise TypeError(f"{fn}: {name} must be a real number; got {value!r:.80}")
    v = float(value)
    if not math.isfinite(v) or v < low or v > high or (low_open and v == low):
        where = f"{'(' if low_open else '['}{low}, {high}]"
        raise ValueError(f"{fn}: {name} must be a finite number in {where}; got {value!r:.80}")
    return v


def check_bias_flag(fn: str, bias: object) -> bool:
    if not isinstance(bias, (bool, np.bool_)):
        raise TypeError(
            f"{fn}: bias must be True or False (whether to return db); got {bias!r:.80}"
        )
    return bool(bias)


def check_dy(fn: str, dy: np.ndarray, expected: tuple[int, ...]) -> None:
    if dy.shape != expected:
        raise ValueError(
            f"{fn}: dy must have the forward output's shape {expected}; got shape {dy.shape}"
        )


class _Unkeyable(Exception):
    """An argument that a spec cache's key cannot hold exactly (:func:`spec_cache`)."""


def _key(value: object) -> object:
    """``value`` as part of a cache key equal to no other argument's: an array by its shape, an
    int, str, bool, float or None with its type (``True == 1``, but ``stride=True`` must still
    be refused), a tuple item by item; anything else raises :class:`_Unkeyable`."""
    kind = type(value)
    if kind is np.ndarray:
        return kind, value.shape  # type: ignore[attr-defined]
    if kind in (int, str, bool, float) or value is None:
        return kind, value
    if kind is tuple:
        return kind, tuple(_key(v) for v in value)  # type: ignore[attr-defined]
    raise _Unkeyable


#: Specs kept by each cached spec function before its cache starts again.
SPEC_CACHE = 256


def spec_cache(check: F) -> F:
    """Keep the specs ``check`` returns, by its arguments (arrays by their shapes): a training
    loop checks the same layers' arguments every step, 13 us a convolution (a digits training
    step made 4 such checks, 8 of pooling). Only checks that passed are kept, and only for
    positional arguments that :func:`_key` holds exactly; the rest are checked every time."""
    cache: dict[object, Any] = {}

    @functools.wraps(check)
    def cached(*args: Any, **kwargs: Any) -> Any:
        try:
            key = None if kwargs else tuple(_key(a) for a in args)
        except _Unkeyable:
            key = None
        if key is None:
            return check(*args, **kwargs)
        spec = cache.get(key)
        if spec is None:
            spec = check(*args)
            if len(cache) >= SPEC_CACHE:
                cache.clear()
            cache[key] = spec
        return spec

    cached.cache = cache  # type: ignore[attr-defined]
    return cached  # type: ignore[return-value]


@spec_cache
def conv_spec(
    fn: str,
    n: int,
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None,
    stride: object,
    padding: object,
    dilation: object,
    groups: object,
    padding_mode: object,
) -> ConvSpec:
    """Check a convolution's arguments against each other and normalise them."""
    check_input(fn, x, n, "C_in")
    check_weight(fn, w, n, "C_out,C_in // groups")
    groups = check_groups(fn, groups)
    c_in, spatial = x.shape[-n - 1], tuple(x.shape[-n:])
    c_out, kernel = w.shape[0], tuple(w.shape[2:])
    if c_in % groups or c_out % groups:
        raise ValueError(
            f"{fn}: groups={groups} must divide both C_in={c_in} (x shape {x.shape}) "
            f"and C_out={c_out} (w shape {w.shape})"
        )
    if w.shape[1] != c_in // groups:
        raise ValueError(
            f"{fn}: w.shape[1] must be C_in // groups = {c_in} // {groups} = "
            f"{c_in // groups}; got w shape {w.shape} for x shape {x.shape}"
        )
    check_bias(fn, b, c_out)
    stride_t = ntuple(fn, "stride", stride, n, 1)
    dilation_t = ntuple(fn, "dilation", dilation, n, 1)
    pairs = conv_padding(fn, padding, spatial, kernel, stride_t, dilation_t)
    if not isinstance(padding_mode, str):
        raise TypeError(
            f"{fn}: padding_mode must be a string, one of {PADDING_MODES}; got {padding_mode!r}"
        )
    if padding_mode not in PADDING_MODES:
        raise ValueError(f"{fn}: padding_mode must be one of {PADDING_MODES}; got {padding_mode!r}")
    for i, (size, (lo, hi)) in enumerate(zip(spatial, pairs, strict=True)):
        if padding_mode == "reflect" and max(lo, hi) >= size:
            raise ValueError(
                f"{fn}: reflect padding must be smaller than the input along each "
                f"dimension; got padding {(lo, hi)} for size {size} in spatial "
                f"dimension {i} of x shape {x.shape}"
            )
        if padding_mode == "circular" and max(lo, hi) > size:
            raise ValueError(
                f"{fn}: circular padding must be at most the input size along each "
                f"dimension; got padding {(lo, hi)} for size {size} in spatial "
                f"dimension {i} of x shape {x.shape}"
            )
    out = tuple(
        output_size(size, k, s, d, lo, hi)
        for size, k, s, d, (lo, hi) in zip(
            spatial, kernel, stride_t, dilation_t, pairs, strict=True
        )
    )
    if any(o < 1 for o in out):
        extent = tuple(d * (k - 1) + 1 for k, d in zip(kernel, dilation_t, strict=True))
        padded = tuple(s + lo + hi for s, (lo, hi) in zip(spatial, pairs, strict=True))
        raise ValueError(
            f"{fn}: the kernel (extent {extent} with dilation {dilation_t}) is larger "
            f"than the padded input {padded} (x shape {x.shape}, padding {pairs})"
        )
    batch = x.shape[0] if x.ndim == n + 2 else 1
    padded = tuple(s + lo + hi for s, (lo, hi) in zip(spatial, pairs, strict=True))
    check_size(fn, "the padded input", (batch, c_in, *padded), "padding")
    check_size(fn, "the output", (batch, c_out, *out), "padding, stride and dilation")
    return ConvSpec(stride_t, dilation_t, pairs, groups, padding_mode, kernel, spatial, out)


@spec_cache
def conv_transpose_spec(
    fn: str,
    n: int,
    x: np.ndarray,
    w: np.ndarray,
    b: np.ndarray | None,
    stride: object,
    padding: object,
    output_padding: object,
    groups: object,
    dilation: object,
) -> tuple[ConvSpec, tuple[int, ...]]:
    """Check a transposed convolution's arguments; return its spec and its output's spatial shape.

    The spec describes the equivalent forward convolution (see :class:`ConvSpec`): its input is
    the transposed convolution's output, zero-padded by ``padding``; ``output_padding`` is the part
    of that padded input, at its trailing end, that no window reaches.
    """
    check_input(fn, x, n, "C_in")
    check_weight(fn, w, n, "C_in,C_out // groups")
    groups = check_groups(fn, groups)
    c_in, spatial = x.shape[-n - 1], tuple(x.shape[-n:])
    kernel = tuple(w.shape[2:])
    if w.shape[0] != c_in:
        raise ValueError(
            f"{fn}: w.shape[0] must equal C_in = {c_in} (x shape {x.shape}); got w shape {w.shape}"
        )
    if c_in % groups:
        raise ValueError(f"{fn}: groups={groups} must divide C_in={c_in} (x shape {x.shape})")
    check_bias(fn, b, w.shape[1] * groups)
    stride_t = ntuple(fn, "stride", stride, n, 1)
    dilation_t = ntuple(fn, "dilation", dilation, n, 1)
    if isinstance(padding, str):
        raise ValueError(
            f"{fn}: padding must be numbers for a transposed convolution; got {padding!r}"
        )
    pairs = padding_pairs(fn, padding, n)
    extra = ntuple(fn, "output_padding", output_padding, n, 0)
    for e, s, d in zip(extra, stride_t, dilation_t, strict=True):
        if e >= max(s, d):
            raise ValueError(
                f"{fn}: output_padding must be smaller than stride or dilation; got "
                f"output_padding {extra}, stride {stride_t}, dilation {dilation_t}"
            )
    full = tuple(
        transpose_output_size(size, k, s, d, 0, 0, e)
        for size, k, s, d, e in zip(spatial, kernel, stride_t, dilation_t, extra, strict=True)
    )
    out = tuple(f - lo - hi for f, (lo, hi) in zip(full, pairs, strict=True))
    if any(o < 1 for o in out):
        raise ValueError(
            f"{fn}: padding {pairs} crops the whole output (uncropped size {full}, "
            f"x shape {x.shape}, w shape {w.shape})"
        )
    batch = x.shape[0] if x.ndim == n + 2 else 1
    check_size(fn, "the output before cropping", (batch, w.shape[1] * groups, *full),
               "stride, dilation and the kernel size")  # fmt: skip
    spec = ConvSpec(stride_t, dilation_t, pairs, groups, "zeros", kernel, out, spatial)
    return spec, out
