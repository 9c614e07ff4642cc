"""What every course module describes the same way: its functions' API, its test inputs.

- :class:`Exercise`: one function a learner writes, with the shapes it takes and returns, for
  ``convgrad exercises``;
- :class:`Case`: one named input to such a function, with a line saying what it exercises. A
  course module's ``battery(function)`` returns its list of cases, fresh arrays on every call, all
  of them inputs the course's own template accepts;
- :func:`same_result`: whether two results (arrays, scalars, or tuples of them) agree;
- :func:`call` and :func:`same_outcome`: run a function on a case (on copies of its inputs) and
  compare what two calls did, an exception or a change to the inputs included;
- :class:`Numpy1Array`: arrays that behave as NumPy 1.x's did where deeplearning.ai's notebook
  relies on it (``float(b)`` of a ``(1, 1, 1)`` array), for answers written before NumPy 2;
- :func:`int_params`: a course's dict of int hyperparameters, checked.

A course module also keeps, private, ``_VARIANTS``: for each function, a dict from bug id to a
buggy version of the reference with the reference's signature and the bug in its docstring.
"""

from __future__ import annotations

import copy
import numbers
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Exercise:
    """A function of a course: ``name``, the shapes it ``takes`` and what it ``returns``.

    ``cached`` is true for a forward pass that returns ``(result, cache)``: the cache is the
    learner's own business (only their backward pass reads it), so only ``result`` is compared.
    ``results`` names what is compared (one name, or one per item of a returned tuple);
    ``forward`` is, for a backward pass, the forward pass whose cache it takes as its argument
    ``cache_at`` (the grader passes the learner's own cache when the file defines it);
    ``extra``, the values of the parameters some years' versions take on top (the series' step
    03 writes ``max_pool_2d(x, kernel_size, stride)``), passed when the learner's function asks
    for them; ``starter``, the helpers the course's starter code provides to this function (the
    module's ``STARTER`` source), which the grader provides where the file does not define them.
    """

    name: str
    takes: str
    returns: str
    cached: bool = False
    results: tuple[str, ...] = ()
    forward: str = ""
    cache_at: int = 1
    extra: tuple[object, ...] = ()  # passed on when the learner's version wants more arguments
    starter: tuple[str, ...] = ()  # helpers the course's starter code gives: used when missing

    def compared(self, returned: object) -> object:
        """The part of what the function returned that is compared with the reference."""
        if self.cached and isinstance(returned, tuple | list) and len(returned) == 2:
            return returned[0]
        return returned


@dataclass(frozen=True)
class Case:
    """One input to a course function: ``fn(*args, **kwargs)``, with what it exercises."""

    name: str
    about: str
    args: tuple[object, ...]
    kwargs: Mapping[str, object] = field(default_factory=dict)


def int_params(fn: str, name: str, params: object, smallest: Mapping[str, int]) -> list[int]:
    """The ints ``params[key]``, each at least ``smallest[key]``, from a course's dict of
    hyperparameters (keys it does not read are allowed), or one clear error.

    >>> int_params("f", "pool_param", {"stride": 2, "extra": None}, {"stride": 1})
    [2]
    """
    keys = tuple(smallest)
    if not isinstance(params, Mapping):
        raise TypeError(f"{fn}: {name} must be a dict with the keys {keys}; got {params!r:.80}")
    values = []
    for key, least in smallest.items():
        if key not in params:
            raise ValueError(
                f"{fn}: {name} is missing the key {key!r}; it needs {keys}, got {tuple(params)}"
            )
        value = params[key]
        if not isinstance(value, numbers.Integral) or isinstance(value, bool):
            raise TypeError(f"{fn}: {name}[{key!r}] must be an int; got {value!r:.80}")
        if value < least:
            raise ValueError(f"{fn}: {name}[{key!r}] must be >= {least}; got {value}")
        values.append(int(value))
    return values


def rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def normal(seed: int, *shape: int) -> np.ndarray:
    """Standard normal float64 values: no two equal, so no tied maximum."""
    return rng(seed).standard_normal(shape)


def tied(seed: int, *shape: int) -> np.ndarray:
    """Float64 integers in -1..2: most pooling windows hold a tied maximum."""
    return rng(seed).integers(-1, 3, size=shape).astype(np.float64)


def same_result(a: object, b: object, rtol: float = 1e-7, atol: float = 1e-9) -> bool:
    """Whether two results agree: the same structure, shapes and values (NaN equal to NaN).

    A scalar and an array of one element agree when their values do: deeplearning.ai's
    ``conv_single_step`` returned a ``(1, 1, 1)`` array in older years and a float in newer ones.

    >>> same_result((np.ones(2), 3.0), (np.ones(2), np.float64(3)))
    True
    >>> same_result(np.ones((2, 1)), np.ones(2))
    False
    """
    if isinstance(a, Mapping) or isinstance(b, Mapping):
        return (
            isinstance(a, Mapping)
            and isinstance(b, Mapping)
            and a.keys() == b.keys()
            and all(same_result(a[k], b[k], rtol, atol) for k in a)
        )
    if isinstance(a, tuple | list) or isinstance(b, tuple | list):
        if not (isinstance(a, tuple | list) and isinstance(b, tuple | list)) or len(a) != len(b):
            return False
        return all(same_result(x, y, rtol, atol) for x, y in zip(a, b))
    try:
        x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    if (x.ndim == 0 and y.size == 1) or (y.ndim == 0 and x.size == 1):
        x, y = x.reshape(()), y.reshape(())
    return x.shape == y.shape and bool(np.allclose(x, y, rtol=rtol, atol=atol, equal_nan=True))


class Numpy1Array(np.ndarray):
    """An array that, holding one element, converts to a Python float, as NumPy 1.x arrays did.

    NumPy 2 refuses ``float(b)`` for ``b`` of shape ``(1, 1, 1)``, and refuses to store such an
    array in one cell (``Z[i, h, w, c] = b``), with a ``TypeError`` or ``ValueError``. The
    deeplearning.ai notebook relies on both: its hint for ``conv_single_step`` is
    ``Z = Z + float(b)``, and in its older years ``conv_single_step`` returned a ``(1, 1, 1)`` array
    that ``conv_forward`` stored in ``Z``. A learner's right answer written for NumPy 1.x runs on
    NumPy 2 when its arrays come in this type; slices and results of arithmetic keep the type.

    >>> b = np.full((1, 1, 1), 0.5).view(Numpy1Array)
    >>> float(b) + 1
    1.5
    """

    def __float__(self) -> float:
        if self.size != 1:
            raise TypeError(f"only arrays of one element convert to float; got shape {self.shape}")
        return float(np.asarray(self).reshape(()))


def numpy1(value: object) -> object:
    """``value`` with every float array in it (in tuples, lists and dicts too) viewed as a
    :class:`Numpy1Array`; anything else as it is."""
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return value.view(Numpy1Array)
    if isinstance(value, tuple | list):
        return type(value)(numpy1(v) for v in value)
    if isinstance(value, dict):
        return {k: numpy1(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Outcome:
    """What one call did: the compared part of what it returned, or the exception it raised,
    and whether it changed its arguments."""

    returned: object = None
    raised: str = ""
    modified_inputs: bool = False
    message: str = ""  # the exception's message, when it raised


def call(
    fn: Callable[..., object], case: Case, exercise: Exercise, as_numpy1: bool = False
) -> Outcome:
    """Run ``fn`` on a deep copy of ``case``'s arguments, warnings silenced: a warning is not a
    wrong answer (an overflow shows as inf or nan in the result, and is judged there). With
    ``as_numpy1``, the float arrays come as :class:`Numpy1Array` (for code written for NumPy 1).

    >>> call(np.max, Case("one", "", ([[1.0, 2.0]],)), Exercise("max", "", "")).returned
    np.float64(2.0)
    """
    args, kwargs = copy.deepcopy(case.args), copy.deepcopy(dict(case.kwargs))
    if as_numpy1:
        args = tuple(numpy1(a) for a in args)
        kwargs = {k: numpy1(v) for k, v in kwargs.items()}
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            returned = exercise.compared(fn(*args, **kwargs))
    except Exception as err:  # a variant (or a learner) may fail in any way: that is its outcome
        return Outcome(raised=type(err).__name__, message=str(err)[:300])
    modified = not same_result(list(args), list(case.args)) or any(
        not same_result(kwargs[k], v) for k, v in case.kwargs.items() if not isinstance(v, str)
    )
    return Outcome(returned=returned, modified_inputs=modified)


def same_outcome(a: Outcome, b: Outcome) -> bool:
    """Whether two calls did the same: both raised, or both returned the same result and both
    left (or both changed) their arguments."""
    if a.raised or b.raised:
        return bool(a.raised) and bool(b.raised)
    return a.modified_inputs == b.modified_inputs and same_result(a.returned, b.returned)
