"""What a course hands the grading engine: its tests, right answers, probes and bug catalogue.

A course is one module of :mod:`convgrad.exercises` that defines ``COURSE``, an :class:`Api`:

- ``cases()``: the battery, every :class:`Case` with a description of what it exercises, using
  only inputs the course's own template accepts;
- ``reference``: the right answers (or ``expected`` for a case that says otherwise);
- ``candidates(case)``: small inputs, smallest first, to shrink a failure to;
- ``probes()``: a base configuration and one-parameter variations of it (:class:`Probe`), to say
  which values break a learner's code;
- ``variants``: the bug catalogue, buggy versions of the reference (:class:`~.bugs.Variant`)
  matched against a learner's wrong results, and ``bugs``: what each bug id means, in words.

:func:`course` finds a course by the name ``convgrad grade --api`` takes; adding a course is adding
a module and one line to :data:`COURSES`.

>>> [case.name for case in course("exercise").cases()][1:3]
['dW matches finite differences', 'dx matches finite differences']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .bugs import Bug, Variant

Arrays = dict[str, np.ndarray]
Params = dict[str, int]

COURSES = {"exercise": "seeds", "cs231n": "cs231n"}  # --api name: module of convgrad.exercises


@dataclass(frozen=True)
class Case:
    """One test: the inputs, what is compared, and against what.

    ``check`` is ``"shapes"`` (only the shapes of the results) or ``"values"``; ``compare`` names
    the results compared (all when empty); ``expected`` computes the right answers when they do
    not come from the reference (the exercise's finite-difference tests).
    """

    name: str
    about: str
    inputs: Arrays
    params: Params = field(default_factory=dict)
    check: str = "values"
    compare: tuple[str, ...] = ()
    rtol: float = 1e-7
    atol: float = 1e-9
    expected: Callable[[Arrays], Arrays] | None = None


@dataclass(frozen=True)
class Probe:
    """One configuration of a probe series: ``parameter`` set to ``value`` (the base has
    ``parameter == ""``), the rest as in the base, where it is ``base``."""

    parameter: str
    value: str
    inputs: Arrays
    params: Params
    base: str = ""  # this parameter's value in the base configuration


@dataclass(frozen=True)
class Api:
    """One graded API: its names, reference, battery, probes and bug catalogue."""

    name: str
    function: str
    inputs: tuple[str, ...]  # the arrays handed over, in this order
    outputs: tuple[str, ...]  # the results compared, by name
    optional: tuple[str, ...]  # results compared only when the learner's code gives them
    names: dict[str, str]  # words for bug explanations: {dW}, {W}, {o}, {g}, {dx}, {x}
    reference: Callable[[Arrays, Params], Arrays]
    cases: Callable[[], list[Case]]
    candidates: Callable[[Case], Iterator[tuple[Arrays, Params]]]
    probes: Callable[[], list[Probe]]
    variants: tuple[Variant, ...]
    bugs: dict[str, Bug]
    notes: Callable[[], list[Case]] = list  # inputs outside the template: a note, never a fail

    def expected(self, case: Case) -> Arrays:
        """The right answers for ``case``."""
        if case.expected is not None:
            return case.expected(case.inputs)
        return self.reference(case.inputs, case.params)


def course(name: str) -> Api:
    """The course graded as ``--api name``; ValueError naming the known ones otherwise."""
    if name not in COURSES:
        raise ValueError(f"api: unknown course {name!r}; known: {', '.join(COURSES)}")
    return importlib.import_module(f"convgrad.exercises.{COURSES[name]}").COURSE  # type: ignore[no-any-return]


def rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def small_values(
    generator: np.random.Generator, shape: tuple[int, ...], dtype: np.dtype
) -> np.ndarray:
    """Readable nonzero numbers: integers 1..3 with a sign for integer dtypes, else halves."""
    magnitude = generator.integers(1, 4 if dtype.kind in "biu" else 5, size=shape)
    values = magnitude * generator.choice([-1, 1], size=shape)
    return values.astype(dtype) if dtype.kind in "biu" else (values / 2).astype(dtype)


def numeric_gradient(f: Callable[[], float], a: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central differences of ``f()`` with respect to each element of ``a`` (changed in place and
    restored)."""
    grad = np.zeros(a.shape)
    for index in np.ndindex(*a.shape):
        old = a[index]
        a[index] = old + eps
        up = f()
        a[index] = old - eps
        down = f()
        a[index] = old
        grad[index] = (up - down) / (2 * eps)
    return grad
