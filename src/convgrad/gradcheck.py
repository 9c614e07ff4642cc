"""Check a backward pass against central finite differences of its forward pass.

:func:`gradcheck` takes ``forward(*inputs) -> y`` and ``backward(dy, *inputs) -> gradients``
and compares the gradients with finite differences, in float64 and on copies of the inputs.

The scalar being differentiated is ``L = sum(forward(*inputs) * dy)`` for a fixed random ``dy``
(drawn from ``seed``), whose gradient is exactly ``backward(dy, *inputs)``. A random ``dy``
rather than ``y.sum()`` matters: with an all-ones ``dy`` several classic bugs cancel out (a
flipped kernel, for instance, gives the right input gradient under full padding).

Two modes:

- ``"full"``: every element of every input is nudged by ``+-eps`` in turn,
  ``numeric[i] = (L(x + eps e_i) - L(x - eps e_i)) / (2 eps)``; two forward passes per element,
  so for small inputs. It says which elements are wrong.
- ``"fast"``: the dot-product test (HIPS autograd's ``check_vjp``). For each input and each of
  ``directions`` random directions ``v`` (standard normal, shaped like the input),
  ``(L(x + eps v) - L(x - eps v)) / (2 eps)`` must equal ``<gradient, v>``; two forward passes
  per direction whatever the input's size. It says which input is wrong, not where, and an error
  in a few elements of a large input is diluted: it must exceed ``rtol`` times the whole product.

Backward functions that return more gradients than there are inputs are adapted with a lambda,
since gradients are matched to inputs by position: a convolution without bias checks as
``backward=lambda dy, x, w: conv2d_backward(dy, x, w, bias=False)[:2]``.
"""

from __future__ import annotations

import inspect
import numbers
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MODES = ("full", "fast")
MAX_DIRECTIONS = 10_000  # two forward passes each: far past any useful count
_NAN = float("nan")


@dataclass(frozen=True)
class InputReport:
    """How one input's analytic gradient compared with finite differences.

    ``status`` is ``"passed"``, ``"failed"`` or ``"skipped"`` (the backward returned None for
    it; a skipped input does not fail the report). An item (an element in full mode, a direction
    in fast mode) is wrong when ``not |analytic - numeric| <= atol + rtol * |numeric|``, so NaN
    is always wrong. ``worst`` is the item that most exceeds that bound: an index tuple in full
    mode, a direction number in fast mode; ``analytic`` and ``numeric`` are the values there.
    ``max_rel_error`` divides by ``max(|analytic|, |numeric|, atol)``, the floor keeping gradients
    near zero from reading as large relative errors. ``wrong`` is the boolean mask of wrong items
    (shaped like the input in full mode, ``(directions,)`` in fast mode). ``expected_error``
    estimates how far the finite differences themselves can be off (see :func:`gradcheck`).

    >>> import numpy as np
    >>> r = gradcheck(np.sin, lambda dy, x: (dy * np.cos(x),), (np.zeros(3),))[0]
    >>> r.name, r.status, r.n_wrong, r.n_checked
    ('x', 'passed', 0, 3)
    """

    name: str
    position: int
    shape: tuple[int, ...]
    mode: str
    status: str
    message: str = ""
    max_abs_error: float = _NAN
    max_rel_error: float = _NAN
    worst: tuple[int, ...] | int | None = None
    analytic: float = _NAN
    numeric: float = _NAN
    n_wrong: int = 0
    n_checked: int = 0
    atol: float = _NAN
    rtol: float = _NAN
    expected_error: float = _NAN
    wrong: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def passed(self) -> bool:
        """True unless this input failed (a skipped input passes)."""
        return self.status != "failed"

    def __str__(self) -> str:
        return "\n".join(self._lines())

    def _lines(self) -> list[str]:
        head = f"{self.name} {self.shape}"
        if self.status == "skipped":
            return [f"{head}: skipped, {self.message}"]
        if self.message:
            return [f"{head}: FAILED, {self.message}"]
        errors = f"max abs err {self.max_abs_error:.3g}, max rel err {self.max_rel_error:.3g}"
        if self.status == "passed":
            return [f"{head}: passed, {errors} (fd error ~{self.expected_error:.2g})"]
        items = "elements" if self.mode == "full" else "random directions"
        where = "at" if self.mode == "full" else "along direction"
        what = "" if self.mode == "full" else " <gradient, v>"
        worst = _index(self.name, self.worst) if isinstance(self.worst, tuple) else self.worst
        lines = [
            f"{head}: FAILED, wrong {self.n_wrong} of {self.n_checked} {items}, {errors}",
            f"    worst {where} {worst}: analytic{what} {self.analytic:.6g}, "
            f"numeric {self.numeric:.6g}",
            f"    allowed |analytic - numeric| <= {self.atol:g} + {self.rtol:g} * |numeric| "
            f"(fd error ~{self.expected_error:.2g})",
        ]
        if self.expected_error > self.atol:
            lines.append(
                "    note: the finite differences alone may be off by more than atol; "
                "compute in float64 or change eps"
            )
        if self.mode == "full" and self.wrong is not None:
            lines += ["    " + line for line in _where_lines(self.name, self.wrong)]
        return lines


@dataclass(frozen=True)
class GradcheckReport:
    """The result of :func:`gradcheck`: ``passed``, and one :class:`InputReport` per input.

    Index it by position or by name (``report[1]``, ``report["w"]``), iterate over it, or print
    it: a PASSED/FAILED header, then a line (or a block, for a failure) per input.

    >>> import numpy as np
    >>> report = gradcheck(lambda x: 2 * x, lambda dy, x: (3 * dy,), (np.ones((2, 3)),))
    >>> print(report)
    gradcheck FAILED: 1 input, element by element; eps 1e-06, atol 1e-05, rtol 0.0001, seed 0
      x (2, 3): FAILED, wrong 6 of 6 elements, max abs err 0.64, max rel err 0.333
          worst at x[0, 2]: analytic 1.92127, numeric 1.28085
          allowed |analytic - numeric| <= 1e-05 + 0.0001 * |numeric| (fd error ~8.5e-10)
          where the wrong elements are (x wrong, . right):
            x[:, :]
            x x x
            x x x
    """

    mode: str
    eps: float
    atol: float
    rtol: float
    seed: object
    directions: int | None
    inputs: tuple[InputReport, ...]

    @property
    def passed(self) -> bool:
        """True when no input failed."""
        return all(r.passed for r in self.inputs)

    @property
    def failed_inputs(self) -> tuple[str, ...]:
        """The names of the inputs that failed, in order."""
        return tuple(r.name for r in self.inputs if not r.passed)

    def __getitem__(self, key: int | str) -> InputReport:
        if isinstance(key, str):
            for r in self.inputs:
                if r.name == key:
                    return r
            raise KeyError(f"no input named {key!r}; inputs are {[r.name for r in self.inputs]}")
        return self.inputs[key]

    def __iter__(self) -> Iterator[InputReport]:
        return iter(self.inputs)

    def __len__(self) -> int:
        return len(self.inputs)

    def __str__(self) -> str:
        count = f"{len(self.inputs)} input{'s' if len(self.inputs) != 1 else ''}"
        how = (
            "element by element"
            if self.mode == "full"
            else f"along {self.directions} random directions each"
        )
        header = (
            f"gradcheck {'PASSED' if self.passed else 'FAILED'}: {count}, {how}; "
            f"eps {self.eps:g}, atol {self.atol:g}, rtol {self.rtol:g}, seed {self.seed}"
        )
        return "\n".join([header, *("  " + line for r in self.inputs for line in r._lines())])


def gradcheck(
    forward: Callable[..., object],
    backward: Callable[..., object],
    inputs: Sequence[object],
    *,
    mode: str = "full",
    eps: float = 1e-6,
    atol: float = 1e-5,
    rtol: float = 1e-4,
    seed: int | None = 0,
    directions: int = 4,
) -> GradcheckReport:
    """Compare ``backward``'s gradients with central finite differences of ``forward``.

    Args:
        forward: ``forward(*inputs) -> y``, an array of any shape (a scalar included).
        backward: ``backward(dy, *inputs) -> gradients`` with ``dy`` shaped like ``y``: a tuple,
            list or named tuple (such as :class:`~convgrad.ConvGrads`) holding one gradient per
            input, by position, each shaped like its input or None (that input is skipped).
            An array is accepted when there is one input. Adapt other signatures with a lambda:
            ``lambda dy, x, w, b: conv2d_backward(dy, x, w, padding=1)`` for inputs ``(x, w, b)``.
        inputs: a sequence of arrays (or array-likes), the arguments of ``forward``. They are
            copied to float64 and never modified; input names come from ``forward``'s parameter
            names, else ``input0``, ``input1``...
        mode: ``"full"`` (every element; ``2 * size`` forward passes per input) or ``"fast"``
            (the dot-product test along ``directions`` random directions; ``2 * directions``
            forward passes per input, whatever its size). See the module docstring.
        eps: the finite-difference step, > 0.
        atol, rtol: an item passes when ``|analytic - numeric| <= atol + rtol * |numeric|``.
        seed: seeds ``dy`` and the fast mode's directions.
        directions: the number of random directions per input in fast mode, >= 1.

    Returns:
        a :class:`GradcheckReport`.

    The defaults, for float64. The error of a central difference is a truncation term,
    ``eps**2 / 6 * |L'''|``, plus a rounding term, ``machine_eps * |L| / eps`` (the two
    evaluations of ``L`` each carry a relative rounding error of about ``machine_eps``, and their
    difference is divided by ``2 eps``). Taking the size of the third derivative to be that of
    ``L`` itself, with ``|L|`` measured as ``S = sum(|y * dy|)`` so that cancellation in the sum
    does not hide it, the report's ``expected_error`` is ``eps**2 * S + machine_eps * S / eps``,
    with ``machine_eps`` that of ``forward``'s output dtype. The sum is smallest near
    ``eps = machine_eps ** (1/3)``, about ``6e-6`` in float64; ``eps = 1e-6`` leans to the rounding
    side because convolutions are linear in each input, so their truncation term is zero. For
    unit-scale inputs of a few hundred elements that leaves an error around ``1e-9``, far below
    ``atol = 1e-5``, while a real bug errs by the size of the gradient itself; ``rtol = 1e-4``
    covers large gradients whose rounding grows with them. The expected error is reported, not
    added to the bound: in float32 it can exceed the gradient, and a checker that then passes
    everything would be worse than one that fails and says why.

    >>> import numpy as np
    >>> from convgrad import conv2d, conv2d_backward
    >>> rng = np.random.default_rng(0)
    >>> x, w, b = rng.normal(size=(1, 2, 4, 4)), rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    >>> report = gradcheck(lambda x, w, b: conv2d(x, w, b, padding=1),
    ...                    lambda dy, x, w, b: conv2d_backward(dy, x, w, padding=1), (x, w, b))
    >>> report.passed, [r.name for r in report]
    (True, ['x', 'w', 'b'])
    >>> flipped = lambda dy, x, w, b: conv2d_backward(dy, x, w[..., ::-1, ::-1], padding=1)
    >>> gradcheck(lambda x, w, b: conv2d(x, w, b, padding=1), flipped, (x, w, b)).failed_inputs
    ('x',)
    """
    _check_arguments(forward, backward, inputs, mode, eps, atol, rtol, directions, seed)
    arrays = [_as_float64(value, i) for i, value in enumerate(inputs)]
    names = _input_names(forward, len(arrays))
    rng = np.random.default_rng(seed)

    y, machine_eps = _output(forward(*arrays))
    dy = rng.standard_normal(y.shape)
    grads = _gradients(backward(dy.copy(), *(a.copy() for a in arrays)), len(arrays))
    size = float(np.sum(np.abs(y * dy)))
    expected = eps**2 * size + machine_eps * size / eps

    def loss(args: list[np.ndarray]) -> float:
        return float(np.sum(_output(forward(*args))[0] * dy))

    results = []
    for i, (name, x, g) in enumerate(zip(names, arrays, grads, strict=True)):
        common: dict[str, Any] = dict(name=name, position=i, shape=x.shape, mode=mode)
        status, problem, g = _check_gradient(g, x.shape)
        if g is None:
            results.append(InputReport(status=status, message=problem, **common))
            continue
        if mode == "full":
            analytic, numeric = g, _numeric_full(loss, arrays, i, eps)
        else:
            vs = [rng.standard_normal(x.shape) for _ in range(directions)]
            analytic = np.array([np.sum(g * v) for v in vs])
            numeric = _numeric_fast(loss, arrays, i, eps, vs)
        results.append(_compare(analytic, numeric, atol, rtol, expected, common))
    return GradcheckReport(
        mode, eps, atol, rtol, seed, directions if mode == "fast" else None, tuple(results)
    )


def _check_arguments(forward, backward, inputs, mode, eps, atol, rtol, directions, seed) -> None:
    if not callable(forward):
        raise TypeError(
            f"gradcheck: forward must be callable, forward(*inputs) -> y; "
            f"got {type(forward).__name__}"
        )
    if not callable(backward):
        raise TypeError(
            f"gradcheck: backward must be callable, backward(dy, *inputs) -> "
            f"gradients; got {type(backward).__name__}"
        )
    if isinstance(inputs, np.ndarray | str) or not isinstance(inputs, Sequence):
        raise TypeError(
            f"gradcheck: inputs must be a tuple or list of arrays, one per argument "
            f"of forward (write (x,) for one); got {type(inputs).__name__}"
        )
    if not isinstance(mode, str) or mode not in MODES:
        raise ValueError(f"gradcheck: mode must be one of {MODES}; got {mode!r}")
    if not (isinstance(eps, int | float) and 0 < eps <= 1):
        raise ValueError(f"gradcheck: eps must be a number in (0, 1]; got {eps!r:.80}")
    for name, value in (("atol", atol), ("rtol", rtol)):
        if not (isinstance(value, int | float) and value >= 0):
            raise ValueError(f"gradcheck: {name} must be a number >= 0; got {value!r}")
    if isinstance(directions, bool) or not isinstance(directions, int):
        raise TypeError(f"gradcheck: directions must be an int; got {directions!r:.80}")
    if not 1 <= directions <= MAX_DIRECTIONS:
        raise ValueError(
            f"gradcheck: directions must be from 1 to {MAX_DIRECTIONS}; got {directions!r}"
        )
    if seed is not None and (
        isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0
    ):
        raise TypeError(f"gradcheck: seed must be an int >= 0 or None; got {seed!r:.80}")


def _as_float64(value: object, i: int) -> np.ndarray:
    """A fresh C-contiguous float64 copy of ``inputs[i]``, so that edits never reach the caller."""
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as err:
        raise TypeError(f"gradcheck: inputs[{i}] must be an array of real numbers") from err
    if array.dtype.kind not in "biuf":
        raise TypeError(
            f"gradcheck: inputs[{i}] must be an array of real numbers; got dtype {array.dtype}"
        )
    return np.array(array, dtype=np.float64, order="C")


def _input_names(forward: Callable[..., object], count: int) -> list[str]:
    """``forward``'s positional parameter names for the inputs, else ``input0``, ``input1``..."""
    try:
        params = list(inspect.signature(forward).parameters.values())
    except (TypeError, ValueError):  # builtins and ufuncs may have no signature
        params = []
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    names = [p.name for p in params if p.kind in positional]
    return [names[i] if i < len(names) else f"input{i}" for i in range(count)]


def _output(y: object) -> tuple[np.ndarray, float]:
    """``forward``'s result as float64, and the machine epsilon of the dtype it came in."""
    y = np.asarray(y)
    if y.dtype.kind not in "biuf":
        raise TypeError(
            f"gradcheck: forward must return an array of real numbers; got dtype {y.dtype}"
        )
    machine_eps = np.finfo(y.dtype if y.dtype.kind == "f" else np.float64).eps
    return y.astype(np.float64), float(machine_eps)


def _gradients(result: object, count: int) -> list[object]:
    if isinstance(result, np.ndarray) and count == 1:
        return [result]
    if not isinstance(result, tuple | list):
        raise TypeError(
            f"gradcheck: backward must return a tuple or list of gradients, one per "
            f"input; got {type(result).__name__}"
        )
    if len(result) != count:
        raise ValueError(
            f"gradcheck: backward returned {len(result)} gradients for {count} inputs; they are "
            f"matched by position, so adapt backward with a lambda, e.g. for inputs (x, w): "
            f"lambda dy, x, w: conv2d_backward(dy, x, w, bias=False)[:2]"
        )
    return list(result)


def _check_gradient(g: object, shape: tuple[int, ...]) -> tuple[str, str, np.ndarray | None]:
    """``(status, problem, gradient as float64)``; no gradient when it is skipped or unusable."""
    if g is None:
        return "skipped", "backward returned None for it", None
    array = np.asarray(g)
    if array.dtype.kind not in "biuf":
        return "failed", f"its gradient must hold real numbers; got dtype {array.dtype}", None
    if array.shape != shape:
        return "failed", f"its gradient has shape {array.shape}, not the input's {shape}", None
    return "", "", array.astype(np.float64)


def _numeric_full(loss, arrays: list[np.ndarray], i: int, eps: float) -> np.ndarray:
    """``dL/d arrays[i]`` element by element; ``arrays[i]`` is restored afterwards."""
    x = arrays[i]
    flat = x.reshape(-1)  # a view: x is a C-contiguous copy
    grad = np.empty(x.size)
    for k in range(x.size):
        old = flat[k]
        flat[k] = old + eps
        up, hi = loss(arrays), flat[k]
        flat[k] = old - eps
        down, lo = loss(arrays), flat[k]
        flat[k] = old
        grad[k] = (up - down) / (hi - lo)  # the step actually taken, after rounding x +- eps
    return grad.reshape(x.shape)


def _numeric_fast(loss, arrays: list[np.ndarray], i: int, eps: float, vs) -> np.ndarray:
    """``(L(x + eps v) - L(x - eps v)) / (2 eps)`` for each direction ``v``, ``x = arrays[i]``."""
    x, args = arrays[i], list(arrays)
    values = []
    for v in vs:
        args[i] = x + eps * v
        up = loss(args)
        args[i] = x - eps * v
        values.append((up - loss(args)) / (2 * eps))
    return np.array(values)


def _compare(analytic, numeric, atol, rtol, expected, common) -> InputReport:
    """Compare the analytic and numeric items (elements or directions) of one input."""
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf is NaN, counted as wrong
        err = np.abs(analytic - numeric)
        bound = atol + rtol * np.abs(numeric)
        wrong = ~(err <= bound)
        floor = atol if atol > 0 else np.finfo(np.float64).tiny
        rel = err / np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), floor)
        excess = np.where(np.isnan(err - bound), np.inf, err - bound)
    if err.size == 0:
        return InputReport(
            status="passed",
            max_abs_error=0.0,
            max_rel_error=0.0,
            atol=atol,
            rtol=rtol,
            expected_error=expected,
            wrong=wrong,
            **common,
        )
    k = int(np.argmax(excess))
    worst = tuple(int(j) for j in np.unravel_index(k, err.shape))
    return InputReport(
        status="failed" if wrong.any() else "passed",
        max_abs_error=float(err.max()),
        max_rel_error=float(rel.max()),
        worst=worst if common["mode"] == "full" else k,
        analytic=float(analytic.flat[k]),
        numeric=float(numeric.flat[k]),
        n_wrong=int(wrong.sum()),
        n_checked=int(err.size),
        atol=atol,
        rtol=rtol,
        expected_error=expected,
        wrong=wrong,
        **common,
    )


def _index(name: str, index: tuple[object, ...]) -> str:
    return f"{name}[{', '.join(str(i) for i in index)}]"


def _where_lines(name: str, wrong: np.ndarray) -> list[str]:
    """Where a failing input's wrong elements lie: the axes they are confined to, and a mask."""
    lines = []
    confined = []
    for axis in range(wrong.ndim):
        others = tuple(a for a in range(wrong.ndim) if a != axis)
        hit = np.flatnonzero(wrong.any(axis=others))
        if len(hit) < wrong.shape[axis]:
            shown = ", ".join(str(j) for j in hit[:8]) + (", ..." if len(hit) > 8 else "")
            confined.append(f"axis {axis} index {{{shown}}}")
    if confined:
        lines.append("all wrong elements lie at " + "; ".join(confined))
    return lines + _mask_lines(name, wrong)


def _mask_lines(name: str, wrong: np.ndarray, max_slices: int = 8) -> list[str]:
    """A small picture of ``wrong``: its trailing 2-D slices side by side, x wrong, . right."""
    if wrong.ndim == 0 or (wrong.ndim == 1 and wrong.size > 48):
        return []
    grid = wrong.reshape(1, -1) if wrong.ndim == 1 else wrong
    h, w = grid.shape[-2:]
    if h > 12 or w > 24:
        return []
    lead = grid.shape[:-2]
    slices = [idx for idx in np.ndindex(*lead) if grid[idx].any()]
    blocks = []
    for idx in slices[:max_slices]:
        label = f"{name}[:]" if wrong.ndim == 1 else _index(name, (*idx, ":", ":"))
        rows = [" ".join("x" if v else "." for v in row) for row in grid[idx]]
        width = max(len(label), len(rows[0]))
        blocks.append([s.ljust(width) for s in (label, *rows)])
    lines = ["where the wrong elements are (x wrong, . right):"]
    per_line = max(1, 90 // (len(blocks[0][0]) + 3))
    for start in range(0, len(blocks), per_line):
        lines += [
            "  " + "   ".join(parts).rstrip()
            for parts in zip(*blocks[start : start + per_line], strict=True)
        ]
    skipped = len(slices) - len(blocks)
    clean = int(np.prod(lead)) - len(slices)
    notes = ([f"{skipped} more slices with wrong elements not shown"] if skipped else []) + (
        [f"{clean} slices with no wrong element not shown"] if clean else []
    )
    return lines + (["  (" + "; ".join(notes) + ")"] if notes else [])
