"""What ``convgrad grade`` found, as data (:class:`FileReport`), as text, and as JSON.

A test's ``status`` is ``"pass"``, ``"fail"`` (wrong results, or an input modified), ``"error"``
(an exception, or a return value that is not the expected tuple of arrays), ``"timeout"``,
``"memory"``, ``"crash"`` or ``"not run"``. A file caught importing convgrad (its reference answers
or its grader) gets no score but the verdict "uses the reference solution" (``FileReport.cheat``
says where); ``FileReport.isolation`` says how its code was shut in. Text that came from the
learner's process, and file names, are printed escaped (:func:`.cheats.escape`).
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .cheats import escape
from .probing import ProbeResult


@dataclass
class ArrayCheck:
    """One result array compared with the expected one; the worst element when shapes agree."""

    name: str
    ok: bool
    expected_shape: tuple[int, ...]
    got_shape: tuple[int, ...] | None  # None: nothing numeric came back (see ``problem``)
    got_dtype: str
    problem: str = ""
    wrong: int = 0
    size: int = 0
    worst_index: tuple[int, ...] | None = None
    max_error: float | None = None
    expected_value: float | None = None
    got_value: float | None = None


@dataclass
class Diagnosis:
    """A named bug (``bug`` is its id) or a plain hint (``bug`` is None), for result ``array``.

    ``lines`` quotes the learner's lines that hold the bug (``"line 42: dx = ..."``), from the
    static reading; ``likely`` marks a bug found only there, shown under a failing test it could
    explain.
    """

    array: str | None
    bug: str | None
    title: str
    explanation: str
    lines: list[str] = field(default_factory=list)
    likely: bool = False


@dataclass
class Example:
    """The smallest input found that shows the failure, with the right and the learner's results."""

    inputs: dict[str, np.ndarray]
    params: dict[str, int]
    expected: dict[str, np.ndarray]
    got: dict[str, np.ndarray]
    wrong: list[str]
    params_label: str = "conv_param"  # "": each parameter on a line of its own, by name
    title: str = "smallest input that shows it"

    def key(self) -> tuple:
        shapes = tuple((k, v.shape, str(v.dtype)) for k, v in self.inputs.items())
        return shapes, repr(self.params), tuple(self.wrong)


@dataclass
class TestResult:
    name: str
    about: str
    status: str
    seconds: float = 0.0
    message: str = ""
    traceback: list[str] = field(default_factory=list)
    arrays: list[ArrayCheck] = field(default_factory=list)
    diagnoses: list[Diagnosis] = field(default_factory=list)
    smallest: Example | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.status == "pass"


@dataclass
class FileReport:
    path: str
    api: str
    function: str
    tests: list[TestResult] = field(default_factory=list)
    load_error: str | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    probes: list[ProbeResult] = field(default_factory=list)
    pattern: list[str] = field(default_factory=list)  # the probes in words
    isolation: str = ""  # how the learner's code was shut in (grading.isolation)
    cheat: str | None = None  # how it was caught using convgrad's reference solution

    @property
    def passed(self) -> bool:
        return self.load_error is None and self.cheat is None and all(t.passed for t in self.tests)

    @property
    def bugs(self) -> list[str]:
        """The ids of the bugs named, in order of first appearance: those the results show first,
        then the likely causes the static reading found."""
        found = [d for t in self.tests for d in t.diagnoses if d.bug]
        return list(dict.fromkeys(d.bug for d in sorted(found, key=lambda d: d.likely) if d.bug))

    def to_json(self) -> dict[str, Any]:
        return _plain(
            {
                "file": self.path,
                "api": self.api,
                "function": self.function,
                "passed": self.passed,
                "verdict": CHEAT_VERDICT if self.cheat else None,
                "cheat": self.cheat,
                "score": None
                if self.cheat
                else [sum(t.passed for t in self.tests), len(self.tests)],
                "isolation": self.isolation,
                "bugs": self.bugs,
                "load_error": self.load_error,
                "notes": self.notes,
                "pattern": self.pattern,
                "probes": [vars(p) for p in self.probes],
                "seconds": round(self.seconds, 3),
                "tests": [_test_json(t) for t in self.tests],
            }
        )


def _test_json(t: TestResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": t.name,
        "status": t.status,
        "seconds": round(t.seconds, 4),
        "arrays": [vars(a) for a in t.arrays],
        "diagnoses": [vars(d) for d in t.diagnoses],
    }
    if t.message:
        out["message"] = t.message
        out["traceback"] = t.traceback
    if t.notes:
        out["notes"] = t.notes
    if t.smallest is not None:
        out["smallest"] = vars(t.smallest)
    return out


def _plain(value: Any) -> Any:
    """``value`` made of JSON types: arrays as lists, NaN and infinities as strings."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return _plain(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _array(a: np.ndarray, indent: str) -> str:
    text = np.array2string(a, precision=4, separator=", ", suppress_small=True)
    return ("\n" + indent).join(line for line in text.splitlines() if line.strip())


def _value(v: float | None) -> str:
    return "?" if v is None else f"{v:.6g}"


CHEAT_VERDICT = "uses the reference solution"

MARKS = {
    "pass": "PASS",
    "fail": "FAIL",
    "error": "ERROR",
    "timeout": "TIMEOUT",
    "memory": "MEMORY",
    "crash": "CRASH",
    "not run": "----",
}


def format_text(report: FileReport) -> str:
    """The report for a terminal: one line per test, details under each failing one, and the
    notes of a passing one (that it printed, or left processes running), each note once."""
    lines = [f"{escape(report.path)}  ({report.api}: {escape(report.function)})"]
    lines += [f"  note: {n}" for n in report.notes]
    if report.isolation:
        lines.append(f"  sandbox: {report.isolation}")
    if report.cheat:
        lines.append(f"  verdict: {CHEAT_VERDICT}, no score ({report.cheat})")
        return "\n".join(lines)
    if report.load_error:
        lines += ["  could not grade: " + report.load_error.replace("\n", "\n    ")]
        return "\n".join(lines)
    explained: set[str] = set()
    shown: set[tuple] = set()
    errors: set[tuple[str, str]] = set()
    noted: set[str] = set()  # passing tests' notes already shown
    pad = " " * 10
    for t in report.tests:
        lines.append(
            f"  {MARKS[t.status]:<7} {t.name}"
            + (f"  ({t.seconds * 1e3:.1f} ms)" if t.status == "pass" else "")
        )
        if t.passed:
            lines += [pad + f"note: {n}" for n in t.notes if n not in noted]
            noted.update(t.notes)
            continue
        if t.status != "fail" and (t.status, t.message) not in errors:
            lines.append(pad + f"checks: {t.about}")
        if t.message and (t.status, t.message) in errors:
            lines.append(pad + "the same error as above")
        elif t.message:
            errors.add((t.status, t.message))
            lines.append(pad + t.message)
            lines += [pad + "  " + tb for tb in t.traceback]
        lines += [pad + f"note: {n}" for n in t.notes]
        for a in t.arrays:
            if a.ok:
                continue
            if a.problem:
                lines.append(pad + f"{a.name}: {a.problem}")
            elif a.got_shape != a.expected_shape:
                lines.append(
                    pad + f"{a.name}: expected shape {a.expected_shape}, got {a.got_shape}"
                )
            else:
                where = list(a.worst_index) if a.worst_index is not None else "?"
                lines.append(
                    pad + f"{a.name}: {a.wrong} of {a.size} elements wrong; worst at {where}: "
                    f"expected {_value(a.expected_value)}, got {_value(a.got_value)}"
                )
        for d in t.diagnoses:
            if d.bug is None:
                if d.title not in explained:
                    lines.append(pad + f"hint: {d.title}")
                explained.add(d.title)
            elif d.bug + (d.array or "") in explained:
                lines.append(pad + f"diagnosis: {d.title} (explained above)")
            else:
                explained.add(d.bug + (d.array or ""))
                lines.append(pad + f"diagnosis: {d.title} [{d.bug}]")
                lines += [pad + "  " + escape(q) for q in d.lines]  # the learner's source
                lines += textwrap.wrap(
                    d.explanation, 100, initial_indent=pad + "  ", subsequent_indent=pad + "  "
                )
        if t.smallest is not None:
            if t.smallest.key() in shown:
                lines.append(pad + "smallest input that shows it: as above")
            else:
                shown.add(t.smallest.key())
                lines += _example(t.smallest, pad)
    if report.pattern:
        lines.append("  which inputs break it (one parameter changed at a time):")
        lines += [f"    {p}" for p in report.pattern]
    passed = sum(t.passed for t in report.tests)
    total = len(report.tests)
    lines.append(
        f"  all {total} tests passed" if passed == total else f"  {passed} of {total} tests passed"
    )
    return "\n".join(lines)


def _example(e: Example, pad: str) -> list[str]:
    if not e.params_label:
        lines = [pad + e.title + ":"]
        inner = pad + "  "
        lines += [inner + f"{name} = {value!r}" for name, value in e.params.items()]
    else:
        params = f", {e.params_label} = {e.params}" if e.params else ""
        lines = [pad + "smallest input that shows it" + params + ":"]
        inner = pad + "  "
    for name, a in e.inputs.items():
        lines.append(inner + f"{name} = " + _array(a, inner + " " * (len(name) + 3)))
    if "inputs" in e.wrong:
        lines.append(inner + "(your code changed these inputs while it ran)")
    for name in e.wrong:
        if name in e.expected:
            label = f"expected {name} = "
            lines.append(inner + label + _array(e.expected[name], inner + " " * len(label)))
            label = f"yours    {name} = "
            got = e.got.get(name)
            if got is None:
                lines.append(inner + label + "(missing, or not numbers)")
                continue
            shape = f"  (shape {got.shape})" if got.shape != e.expected[name].shape else ""
            lines.append(inner + label + _array(got, inner + " " * len(label)) + shape)
    return lines


def format_summary(reports: list[FileReport]) -> str:
    """One line per file: passed tests out of all, and the bugs named."""
    paths = [r.path for r in reports]
    label = {
        id(r): escape(r.path) + (f" {r.function}" if paths.count(r.path) > 1 else "")
        for r in reports
    }
    width = max(len(text) for text in label.values())
    lines = []
    for r in reports:
        score = f"{sum(t.passed for t in r.tests)}/{len(r.tests)}"
        statuses = dict.fromkeys(t.status for t in r.tests if not t.passed and t.status != "fail")
        what = "could not load" if r.load_error else ", ".join([*r.bugs, *statuses])
        if r.cheat:
            score, what = "-", CHEAT_VERDICT
        mark = "CHEAT" if r.cheat else "PASS" if r.passed else "FAIL"
        lines.append(f"{label[id(r)]:<{width}}  {mark:<4}  {score:>5}  {what}")
    return "\n".join(lines)
