"""Naming a learner's bug from a wrong result: the mistakes, the matching, the plain-words hints.

Each course's catalogue (``COURSE.variants`` in :mod:`convgrad.exercises`) holds buggy versions of
its reference, one :class:`Variant` per way of writing a mistake. When a learner's result is
wrong, :func:`matching_bugs` runs every variant on the same inputs; a variant whose result has the
learner's shape and values (``allclose``) while differing from the right answer names the bug.
Each result array is matched on its own, so two bugs in one submission (say, in dx and in dw) are
both named. :data:`KNOWN` says in words what each mistake shared by the courses is and how to fix
it; a course adds its own. When no variant matches, :func:`hints` describes the error: a constant
factor, a transpose, a flip, which rows and columns are wrong; :func:`exception_hint` does the
same for a familiar exception message.

>>> close(np.zeros((1, 0)), np.ones((1, 0)), 1e-7, 1e-9), close(np.ones(2), np.ones(3), 1e-7, 1e-9)
(True, False)
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np

from .battery import Api, Arrays, Params


@dataclass(frozen=True)
class Bug:
    """A mistake: ``id``, a title and an explanation with the fix (``{dW}``, ``{W}``, ``{o}``,
    ``{g}``, ``{dx}``, ``{x}`` are filled in with the course's names) and the results it can
    change (lower case: ``out``, ``dx``, ``dw``, ``db``; empty: any)."""

    id: str
    title: str
    explanation: str
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Variant:
    """One way of writing bug ``bug``: ``run(inputs, params)`` gives the results (those named in
    ``changes``) that code with this mistake returns, or None where that code would raise;
    ``raising``, when given, does the same but raises what that code raises (NumPy's own
    message, which the graders match an error by)."""

    bug: str
    name: str
    changes: tuple[str, ...]
    run: Callable[[Arrays, Params], Arrays | None]
    raising: Callable[[Arrays, Params], Arrays] | None = None


def _bug(id: str, title: str, explanation: str, changes: tuple[str, ...] = ()) -> Bug:
    return Bug(id, title, explanation, changes)


KNOWN = {
    b.id: b
    for b in (
        _bug(
            "dw_overwrite",
            "{dW} is overwritten instead of accumulated",
            "`{dW}[{o}] = ...` keeps only the last output cell's contribution. Each weight is used "
            "at every output position, so its gradient is a sum over all of them: write "
            "`{dW}[{o}] += {g}[...] * patch`.",
            ("dw",),
        ),
        _bug(
            "dx_overwrite",
            "dx is overwritten instead of accumulated",
            "`dx[window] = ...` replaces what earlier output cells sent to the pixels where "
            "windows overlap. A pixel lies in several windows and its gradient is the sum: write "
            "`dx[window] += {g}[...] * {W}[{o}]`.",
            ("dx",),
        ),
        _bug(
            "db_overwrite",
            "db is overwritten instead of accumulated",
            "`db[f] = dout[n, f, i, j]` keeps only the last cell; write `db[f] += ...`, or "
            "`db = dout.sum(axis=(0, 2, 3))`.",
            ("db",),
        ),
        _bug(
            "dx_reset",
            "dx is reset inside the loop",
            "dx is set back to zeros inside a loop (over the output cells, the filters or the "
            "images), so only the last pass's contribution survives. Create dx once, before "
            "the loops.",
            ("dx",),
        ),
        _bug(
            "dx_flipped_kernel",
            "dx uses the kernel flipped the wrong way",
            "The forward pass is a cross-correlation (no flip), so in a loop over the output "
            "cells each cell sends `{g}[...] * {W}[{o}]` back to its window unflipped: drop a "
            "`[::-1, ::-1]` there. Written as a full convolution of the padded {g} (a loop over "
            "the input pixels), it is the other way round: that form needs the kernel flipped, "
            "`{W}[..., ::-1, ::-1]`.",
            ("dx",),
        ),
        _bug(
            "dx_transposed_kernel",
            "dx uses the kernel transposed",
            "Kernel tap (u, v) goes back to window position (u, v), not (v, u): rows and columns "
            "of {W} are swapped in dx.",
            ("dx",),
        ),
        _bug(
            "dw_transposed",
            "{dW}'s kernel indices are swapped",
            "Tap (u, v) of {dW} gets the window pixel at row u, column v; yours has row and "
            "column swapped (`{dW}[..., v, u]`).",
            ("dw",),
        ),
        _bug(
            "dx_uses_x",
            "dx accumulates the input instead of the kernel",
            "The derivative of `sum({W}[{o}] * patch)` with respect to the patch is `{W}[{o}]`: "
            "write `dx[window] += {g}[...] * {W}[{o}]`, not `... * x[window]`.",
            ("dx",),
        ),
        _bug(
            "dw_uses_w",
            "{dW} does not accumulate the upstream gradient times the input patch",
            "The derivative of `sum({W}[{o}] * patch)` with respect to `{W}[{o}]` is the patch, "
            "weighted by the upstream gradient of that cell: write "
            "`{dW}[{o}] += {g}[...] * x[window]` (not the kernel, and not the patch alone).",
            ("dw",),
        ),
        _bug(
            "skip_last",
            "the loop misses the last row and column of output cells",
            "The output has `H - kH + 1` rows and `W - kW + 1` columns (with padding and stride, "
            "`1 + (H + 2 * pad - HH) // stride`); a loop over `range(H - kH)` stops one short.",
            ("out", "dx", "dw", "db"),
        ),
        _bug(
            "stride_ignored",
            "the stride is ignored",
            "Output cell (i, j) reads the window starting at row `i * stride`, column "
            "`j * stride`, not at (i, j); the backward pass must send its gradient to that same "
            "window. It shows only when stride > 1.",
            ("out", "dx", "dw"),
        ),
        _bug(
            "out_size_wrong_dim",
            "an output size is computed from the wrong dimension",
            "The output height comes from the heights alone and the width from the widths alone: "
            "`H_out = 1 + (H + 2 * pad - HH) // stride`, `W_out = 1 + (W + 2 * pad - WW) // "
            "stride` (no pad and stride 1: `H - kH + 1`, `W - kW + 1`). Using the kernel's height "
            "or the input's height for the width is invisible on square inputs and kernels only.",
            ("out", "dx", "dw", "db"),
        ),
        _bug(
            "hw_swapped",
            "height and width are swapped (or a square input or kernel is assumed)",
            "`x.shape` is `(N, C, H, W)` and `w.shape` is `(F, C, HH, WW)`: rows first, then "
            "columns. Unpack them in that order, and use the height for rows and the width for "
            "columns everywhere (sizes, loops, windows, the crop). Square test inputs hide this.",
            ("out", "dx", "dw", "db"),
        ),
        _bug(
            "loop_unpadded",
            "the loops are bounded by the unpadded size",
            "With padding, the windows slide over the padded input, `H + 2 * pad` rows: loop over "
            "the output cells, `for i in range(H_out)` with "
            "`H_out = 1 + (H + 2 * pad - HH) // stride`, not over `range(H - HH + 1)`. The cells "
            "your loop never reaches stay zero; it shows only when pad > 0.",
            ("out", "dx", "dw", "db"),
        ),
        _bug(
            "round_out_size",
            "the output size is computed with / (or round()) instead of //",
            "`(H + 2 * pad - HH) / stride` is a float in Python 3 (np.zeros and range reject it), "
            "and round() rounds where the formula floors: write "
            "`H_out = 1 + (H + 2 * pad - HH) // stride`.",
            ("out",),
        ),
        _bug(
            "fixed_reshape",
            "a window or kernel is reshaped to a fixed size",
            "A reshape to fixed sizes such as `(3, 3)` only fits one kernel size and one channel "
            "count: take the sizes from the arrays (`F, C, HH, WW = w.shape`) or avoid the reshape "
            "(`np.sum(window * w[f])` needs none).",
        ),
        _bug(
            "not_implemented",
            "the function is not finished",
            "It returns None, zeros or one of its inputs: a `pass` or TODO is still there, or "
            "the result is never written into the array returned. Compute each gradient and "
            "return the arrays you filled.",
        ),
        _bug(
            "cache_scrambled",
            "the cache does not hold what the backward pass reads from it",
            "The forward pass stores something different from what the backward pass unpacks "
            "(a reshaped or transposed kernel, a padded x, a different order). Keep the cache "
            "`(x, w, b, conv_param)` with the arrays as given, and reshape inside the backward "
            "pass if you need to.",
        ),
        _bug(
            "in_place",
            "the input was modified",
            "A backward pass must leave its inputs as they were: the caller still needs them. "
            "Something like `dx = x` does not copy, so writing into dx writes into x; start from "
            "`np.zeros(x.shape)` and pad with `np.pad` (which returns a new array).",
        ),
        _bug(
            "swapped_outputs",
            "the results are returned in the wrong order",
            "Return `(dx, {dW})`: the gradient with respect to the input first, then the kernel's.",
        ),
    )
}


def close(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> bool:
    """Same shape and ``allclose``, with ``atol`` scaled by the size of ``b``."""
    if a.shape != b.shape:
        return False
    a, b = a.astype(np.float64), b.astype(np.float64)
    scale = max(1.0, float(np.max(np.abs(b), initial=0.0)))
    return bool(np.allclose(a, b, rtol=rtol, atol=atol * scale))


def matching_bugs(
    api: Api,
    name: str,
    got: np.ndarray,
    right: np.ndarray,
    run: Callable[[Variant], Arrays | None],
    zeros: bool = False,
    rtol: float = 1e-6,
    atol: float = 1e-8,
) -> list[str]:
    """The ids of the bugs one of whose variants gives ``got`` for result ``name`` where the right
    answer is ``right``; ``run(variant)`` gives a variant's results on the same inputs. A variant
    that gives all zeros names its bug only when ``zeros`` says the learner's result is all zeros
    too (a weak match: unfinished code gives zeros as well)."""
    found: list[str] = []
    for v in api.variants:
        if name not in v.changes or v.bug in found:
            continue
        out = run(v)
        mine = None if out is None else out.get(name)
        if mine is None or close(mine, right, rtol, atol):
            continue  # that code would raise, or the bug does not show on these inputs
        if mine.shape == right.shape and not np.any(mine) and not zeros:
            continue  # all zeros: too common to name a bug
        if close(got, mine, rtol, atol):
            found.append(v.bug)
    return found


def hints(name: str, got: np.ndarray, right: np.ndarray, rtol: float, atol: float) -> list[str]:
    """Plain-words descriptions of how ``got`` differs from ``right`` (the same shape)."""
    if got.shape != right.shape:
        return [f"{name} has shape {got.shape}, expected {right.shape}"]
    if not np.all(np.isfinite(got)):
        return [f"{name} holds NaN or infinite values: an uninitialised array (np.empty)?"]
    if got.dtype.kind in "biu" and not np.all(right == np.round(right)):
        return [f"{name} is an integer array ({got.dtype}): fractions were truncated"]
    flat_g, flat_r = got.ravel().astype(np.float64), right.ravel().astype(np.float64)
    k = float(flat_g @ flat_r) / float(flat_r @ flat_r) if np.any(flat_r) else 0.0
    if k and np.isfinite(k) and close(got, k * right, rtol, atol):
        return [f"{name} is off by a constant factor: yours = {k:.4g} x the right one"]
    if got.ndim >= 2 and close(got, np.swapaxes(right, -1, -2), rtol, atol):
        return [f"{name} is transposed: rows and columns swapped"]
    if got.ndim >= 2 and close(got, right[..., ::-1, ::-1], rtol, atol):
        return [f"{name} is flipped upside down and left to right"]
    if got.ndim >= 2 and np.isclose(flat_g.sum(), flat_r.sum(), rtol=1e-6):
        return [
            f"{name} has the right total but it lands in the wrong places: a window "
            "offset or index bug"
        ]
    return [_where(name, got, right, rtol, atol)]


def _where(name: str, got: np.ndarray, right: np.ndarray, rtol: float, atol: float) -> str:
    """Which rows and columns (last two axes) and which leading indices hold the wrong values."""
    got, right = got.astype(np.float64), right.astype(np.float64)
    scale = max(1.0, float(np.max(np.abs(right), initial=0.0)))
    wrong = ~np.isclose(got, right, rtol=rtol, atol=atol * scale)
    count = f"({int(wrong.sum())} of {wrong.size} elements)"
    if not wrong.any():
        return f"{name} is slightly off everywhere {count}"
    if wrong.ndim < 2:
        at = [int(i) for i in np.flatnonzero(wrong)]
        return f"{name} is wrong at {at[:8]}{' ...' if len(at) > 8 else ''} {count}"
    plane = wrong.reshape(-1, *wrong.shape[-2:]).any(axis=0)
    rows, cols = np.flatnonzero(plane.any(axis=1)), np.flatnonzero(plane.any(axis=0))
    h, w = plane.shape
    border = np.zeros_like(plane)
    border[[0, -1], :] = border[:, [0, -1]] = True
    if plane.all():
        where = "everywhere"
    elif (plane <= border).all() and h > 2 and w > 2:
        where = "only on the border (first/last rows and columns)"
    elif not (plane & border).any():
        where = "only in the interior, never on the border"
    else:
        where = f"in rows {_list(rows, h)} and columns {_list(cols, w)}"
    lead = wrong.reshape(*wrong.shape[:-2], -1).any(axis=-1)
    if lead.ndim and not lead.all():
        which = [tuple(int(v) for v in i) for i in np.argwhere(lead)]
        where += f"; only at leading indices {which[:6]}{' ...' if len(which) > 6 else ''}"
    return f"{name} is wrong {where} {count}"


def _list(indices: np.ndarray, size: int) -> str:
    values = [int(i) for i in indices]
    if len(values) > 2 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}..{values[-1]} (of 0..{size - 1})"
    return f"{values} (of 0..{size - 1})"


EXCEPTION_HINTS: tuple[tuple[str, str | None, str], ...] = (
    ("object cannot be interpreted as an integer", "round_out_size", ""),
    ("cannot reshape array of size", "fixed_reshape", ""),
    (
        "Cannot cast ufunc",
        "int_truncation",
        "a gradient array has an integer dtype (np.zeros_like of an integer input?): create it "
        "with np.zeros(shape) so it holds floats",
    ),
    (
        "could not be broadcast",
        None,
        "a window and the kernel have different shapes: check the window bounds (i * stride to "
        "i * stride + HH), the padding (pad, not a number) and that x was padded before slicing",
    ),
    (
        "out of bounds",
        None,
        "an index runs past the end of an array: check the loop ranges against the output size "
        "(H - kH + 1, or 1 + (H + 2 * pad - HH) // stride)",
    ),
)


def signature_hint(message: str) -> str:
    """A hint for a call of a course's function that its parameters do not take (``f() takes
    2 positional arguments but 3 were given``, ``f() missing 1 required positional argument``):
    the signature the course calls it with. Empty for any other message, and for a function no
    course has (the learner's own helper, called wrongly from their code).

    >>> signature_hint("TypeError: conv2d_backward() missing 1 required positional argument: 'b'")
    '`conv2d_backward` is called as its course writes it, `conv2d_backward(grad_out, x, W)`: \
give it these parameters, with these names and in this order (`convgrad exercises` lists every \
signature)'
    """
    from ..exercises import COURSES  # here: the courses' modules import this one

    found = re.search(r"\b(\w+)\(\) (?:takes|missing|got an unexpected)", message)
    if found is None:
        return ""
    for _, module in COURSES.values():
        if any(e.name == found[1] for e in module.EXERCISES):
            signature = inspect.signature(getattr(module, found[1]))
            names = ", ".join(
                str(p.replace(annotation=p.empty)) for p in signature.parameters.values()
            )
            return (
                f"`{found[1]}` is called as its course writes it, `{found[1]}({names})`: give "
                "it these parameters, with these names and in this order (`convgrad exercises` "
                "lists every signature)"
            )
    return ""


def _shapes(message: str) -> list[tuple[int, ...]]:
    """The shapes written in a NumPy message: ``(3,0,0)``, ``(3, 2, 3)``."""
    found = re.findall(r"\(((?:\d+, ?)+\d+),?\)", message)
    return [tuple(int(n) for n in text.split(",")) for text in found]


def exception_hint(
    message: str, line: str = "", known: Collection[str] = (), ndims: Collection[int] = ()
) -> tuple[str | None, str] | None:
    """``(bug id or None, hint)`` for a learner's exception message, when it is a familiar one.
    ``line`` is the learner's line that raised, ``known`` the course's bug ids and ``ndims`` the
    numbers of axes of the arrays the test passed, when given.

    "values to unpack" has two causes: a shape unpacked into the wrong number of names
    (``axes_unpacked``: ``N, C, H, W = x.shape`` where x is one image), on a line that unpacks
    a shape, and a cache that does not hold what the backward pass unpacks
    (``cache_scrambled``), for the courses that have a cache: the tuple itself, or one of its
    arrays with a number of axes no input has (a kernel reshaped to 2-D: "got 2"). The first of
    the two the course knows is named.

    >>> exception_hint("could not broadcast input array from shape (3,0,0) into shape (3,4,4)")
    ('crop_negative_pad', '')
    >>> exception_hint("operands could not be broadcast together with shapes (2,3,2) (2,2,3) ")
    ('hw_swapped', '')
    >>> unpack = "not enough values to unpack (expected 4, got 3)"
    >>> exception_hint(unpack, "line 5, in conv2d_backward: N, C, H, W = x.shape")
    ('axes_unpacked', '')
    >>> exception_hint(unpack, "line 9, in conv_backward_naive: x, w, b, conv_param = cache")
    ('cache_scrambled', '')
    >>> exception_hint(unpack, "line 9, in f: x, w, b, p = cache", known={"axes_unpacked"})
    ('axes_unpacked', '')
    >>> reshaped = "not enough values to unpack (expected 4, got 2)"
    >>> exception_hint(reshaped, "line 31, in f: F, C, HH, WW = w.shape", ndims={4, 1})
    ('cache_scrambled', '')
    """
    if "values to unpack" in message:
        got = re.search(r"got (\d+)", message)
        foreign = got is not None and bool(ndims) and int(got[1]) not in ndims
        candidates = ["cache_scrambled", "axes_unpacked"]
        if re.search(r"\bshape\b", line) and not foreign:
            candidates.reverse()
        return next((c for c in candidates if not known or c in known), candidates[0]), ""
    if "broadcast" in message:
        shapes = [s for s in _shapes(message) if len(s) >= 2]
        if any(0 in s[-2:] for s in shapes) and any(0 not in s for s in shapes):
            return "crop_negative_pad", ""  # an empty crop: [pad:-pad] with pad = 0
        for a in shapes:
            for b in shapes:
                if len(a) == len(b) and a[-2] != a[-1] and a[-2:] == b[-1:-3:-1]:
                    return "hw_swapped", ""  # a window and a kernel with the axes swapped
    for needle, bug, hint in EXCEPTION_HINTS:
        if needle in message:
            return bug, hint
    return None
