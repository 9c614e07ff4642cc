"""One learner file, every function it defines: which course it is, which functions to grade, and
one report for all of them.

``convgrad grade FILE`` reads the file's top-level functions (without running it), picks the
course whose functions it defines most of (:func:`detect`), and grades each of them: the conv
backward passes (seeds' ``conv2d_backward``, cs231n's ``conv_backward_naive`` with its forward
pass) with :mod:`.grader`, every other function with :mod:`.functions`. The report says which of
the course's functions the file does not define.

>>> detect({"pool_forward", "pool_backward", "zero_pad"})
'dlai'
>>> detect({"max_pool_forward_naive", "relu"})
'cs231n'
"""

from __future__ import annotations

import ast
import os
import re
import time
from dataclasses import dataclass, field
from typing import Any

from ..exercises import COURSES as MODULES
from . import cheats
from . import functions as functions_
from .cheats import escape
from .grader import grade_file
from .report import CHEAT_VERDICT, FileReport, TestResult, format_text
from .sandbox import Sandbox, _read_source, read_text

# --api names: a course of convgrad.exercises, or one conv backward pass alone (the old APIs)
APIS = ("auto", "exercise", "cs231n", "seeds", "dlai")
# the functions the conv-backward grader (grader.py) grades: course, function -> its api there
BACKWARD = {("seeds", "conv2d_backward"): "exercise", ("cs231n", "conv_backward_naive"): "cs231n"}
# a forward pass graded on its own: its result is not compared again in the backward's report
FORWARDS = {("cs231n", "conv_backward_naive"): ("conv_forward_naive", "out")}
# names a file of any course may define as helpers: they count little towards its course
COMMON = {"relu", "softmax"}


def defined_functions(path: str | os.PathLike[str]) -> set[str] | None:
    """The names the file's top level binds to functions (:func:`.functions.definitions`), read
    as the sandbox reads it; for a file Python 3 cannot parse (a Python 2 ``print``), the names
    of its top-level ``def`` lines; None when it cannot be read."""
    try:
        text = read_text(os.fspath(path))
    except (OSError, ValueError):
        return None
    tree = functions_.parse(text)
    if tree is None:
        return set(re.findall(r"^def\s+(\w+)\s*\(", text, re.M))
    return set(functions_.definitions(tree))


# where a course keeps the functions its notebooks import
_HOMES = {"cs231n": "cs231n/layers.py, where the assignment has you write them"}


def _used_names(path: str | os.PathLike[str]) -> set[str]:
    """The names the file reads (calls, imports), for a notebook that uses a course's functions
    without defining them."""
    try:
        tree = functions_.parse(read_text(os.fspath(path)))
    except (OSError, ValueError):
        return set()
    if tree is None:
        return set()
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {a.name for a in node.names}
    return names


def _cheats(path: str) -> bool:
    """Whether the file reaches for convgrad (the sandbox then says so, with no score)."""
    try:
        return bool(cheats.reference_use(_read_source(path)))
    except (OSError, ValueError):
        return False


def course_functions(course: str) -> list[str]:
    return [e.name for e in MODULES[course][1].EXERCISES]


_ALL_FUNCTIONS = {
    e.name for course in ("seeds", "cs231n", "dlai") for e in MODULES[course][1].EXERCISES
}


def detect(defined: set[str]) -> str:
    """The course whose functions ``defined`` holds most of (helpers such as ``relu`` count
    little); the seeds' series when it holds none."""

    def score(course: str) -> float:
        return sum(0.25 if n in COMMON else 1.0 for n in course_functions(course) if n in defined)

    best = max(("seeds", "cs231n", "dlai"), key=score)
    return best if score(best) > 0 else "seeds"


@dataclass
class FileGrade:
    """Every graded function of one file: ``reports`` (one per function), and the course's
    functions the file does not define (``missing``)."""

    path: str
    course: str
    reports: list[FileReport] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return bool(self.reports) and all(r.passed for r in self.reports)

    @property
    def cheat(self) -> str | None:
        return next((r.cheat for r in self.reports if r.cheat), None)

    @property
    def bugs(self) -> list[str]:
        return list(dict.fromkeys(b for r in self.reports for b in r.bugs))

    def to_json(self) -> dict[str, Any]:
        """The first function's report as before (``api``, ``function``, ``tests``...), with
        ``course``, ``functions`` (every function's report), ``missing``, and ``passed``,
        ``score`` and ``bugs`` over every function."""
        each = [r.to_json() for r in self.reports]
        data: dict[str, Any] = dict(each[0]) if each else {"file": self.path, "api": self.course}
        cheat = self.cheat
        data.update(
            course=self.course,
            functions=each,
            missing=self.missing,
            passed=self.passed,
            bugs=self.bugs,
            verdict=CHEAT_VERDICT if cheat else None,
            cheat=cheat,
            score=None
            if cheat
            else [
                sum(t.passed for r in self.reports for t in r.tests),
                sum(len(r.tests) for r in self.reports),
            ],
            seconds=round(self.seconds, 3),
        )
        return data

    def text(self) -> str:
        parts = []
        said: set[str] = set()
        for number, report in enumerate(self.reports):
            isolation, notes = report.isolation, report.notes
            if number and isolation == self.reports[0].isolation:
                report.isolation = ""  # said once, for the first function
            report.notes = [n for n in notes if n not in said]  # the file's notes: once
            said.update(notes)
            if len(self.reports) > 1 and report.passed:  # one line of tests for a right one
                text = format_text(report).splitlines()
                keep = [t for t in text if not t.startswith("  PASS ")]
                parts.append("\n".join(keep))
            else:
                parts.append(format_text(report))
            report.isolation, report.notes = isolation, notes
        if self.missing and not self.cheat:
            title = MODULES[self.course][0] if self.course in MODULES else self.course
            parts.append(
                f"{escape(self.path)}: not found in the file ({title}): "
                + ", ".join(f"{n}()" for n in self.missing)
            )
        return "\n".join(parts)


def grade(
    path: str | os.PathLike[str],
    api: str = "auto",
    function: str | None = None,
    timeout: float = 10.0,
    memory_mb: int = 2048,
    forward: str = "conv_forward_naive",
) -> FileGrade:
    """Grade the file ``path``: for ``api`` ``"auto"`` the course it is detected as; for a course
    name that course's functions it defines (``function``: only that one); for ``"exercise"`` and
    ``"cs231n"`` with a ``function`` not of the course, that function as the conv backward pass
    (the learner named it otherwise)."""
    start = time.perf_counter()
    path = os.fspath(path)
    defined = defined_functions(path)
    course = detect(defined or set()) if api == "auto" else api
    if api == "auto" and not (defined or set()) & _ALL_FUNCTIONS:
        course = detect(_used_names(path))  # a notebook importing the course's functions
    if course == "exercise":
        result = FileGrade(path, "seeds")
        result.reports = [grade_file(path, "exercise", function, timeout, memory_mb, forward)]
        result.seconds = time.perf_counter() - start
        return result
    names = course_functions(course)
    if function and function not in names:  # the conv backward pass, under another name
        result = FileGrade(path, course)
        api_ = "cs231n" if course == "cs231n" else "exercise"
        result.reports = [grade_file(path, api_, function, timeout, memory_mb, forward)]
        result.seconds = time.perf_counter() - start
        return result
    found = [n for n in names if defined is not None and n in defined]
    if function:
        found = [function]
    result = FileGrade(path, course, missing=[n for n in names if n not in (defined or set())])
    used = _used_names(path) & set(names) if not found and not _cheats(path) else set()
    if used:  # a notebook that calls the course's functions from their module
        report = FileReport(path, course, "")
        calls = ", ".join(f"{n}()" for n in names if n in used)
        them = "them" if len(used) > 1 else "it"
        home = _HOMES.get(course, f"the file that defines {them}")
        report.load_error = (
            f"the file uses {calls} but does not define {them} (it imports {them}): grade {home}"
        )
        result.reports, result.missing = [report], []
        result.seconds = time.perf_counter() - start
        return result
    if not found:  # nothing of the course: the old message names what the file defines
        fallback = {"seeds": "exercise", "cs231n": "cs231n"}.get(course)
        if fallback:
            result.reports = [grade_file(path, fallback, None, timeout, memory_mb, forward)]
            result.missing = [n for n in result.missing if n != result.reports[0].function]
        else:
            report = FileReport(path, course, "")
            what = ", ".join(sorted(defined)[:20]) if defined else "nothing it could read"
            report.load_error = (
                f"the file defines none of the course's functions ({', '.join(names)}); "
                f"it defines: {what}"
            )
            result.reports = [report]
            result.missing = []
        result.seconds = time.perf_counter() - start
        return result
    backward = [n for n in found if (course, n) in BACKWARD]
    rest = [n for n in found if (course, n) not in BACKWARD]
    reports: dict[str, FileReport] = {}
    for name in backward:
        own, result_name = FORWARDS.get((course, name), ("", ""))
        ignore = (result_name,) if own in found else ()
        reports[name] = grade_file(
            path, BACKWARD[(course, name)], name, timeout, memory_mb, forward, ignore=ignore
        )
    if rest and not any(r.cheat for r in reports.values()):
        reports.update(_grade_rest(path, course, rest, defined or set(), timeout, memory_mb))
    result.reports = [reports[n] for n in found if n in reports]
    if path.endswith(".ipynb"):
        _in_cells(result.reports, _source_text(path))
    result.seconds = time.perf_counter() - start
    return result


def _in_cells(reports: list[FileReport], script: str) -> None:
    """A notebook's lines said as Jupyter shows them: ``cell N, line M`` instead of the line of
    the script its code cells make (:func:`.sandbox.notebook_script` heads each with
    ``# cell N``)."""
    where: dict[int, tuple[int, int]] = {}
    cell, first = 0, 0
    for number, text in enumerate(script.splitlines(), 1):
        marker = re.fullmatch(r"# cell (\d+)", text)
        if marker:
            cell, first = int(marker.group(1)), number
        elif cell:
            where[number] = (cell, number - first)

    def said(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            found = where.get(int(match.group(1)))
            return f"cell {found[0]}, line {found[1]}" if found else match.group(0)

        return re.sub(r"(?<!, )\bline (\d+)\b", one, text)

    done: set[int] = set()  # a diagnosis is shared by the tests it explains: said once
    for report in reports:
        report.notes = [said(n) for n in report.notes]
        if report.load_error:
            report.load_error = said(report.load_error)
        for test in report.tests:
            test.message = said(test.message)
            test.traceback = [said(t) for t in test.traceback]
            test.notes = [said(n) for n in test.notes]
            for d in test.diagnoses:
                if id(d) not in done:
                    done.add(id(d))
                    d.lines = [said(q) for q in d.lines]


def _grade_rest(
    path: str, course: str, names: list[str], defined: set[str], timeout: float, memory_mb: int
) -> dict[str, FileReport]:
    module = MODULES[course][1]
    sandbox = Sandbox(path, "functions", "", timeout=timeout, memory_mb=memory_mb)
    try:
        loaded = sandbox.start()
        if not loaded.ok:
            reports = {}
            for name in names:
                report = FileReport(path, course, name)
                report.isolation = sandbox.isolation.describe()
                if loaded.kind == "reference":
                    report.cheat = loaded.message
                elif loaded.kind == "interrupted":
                    report.notes.append(loaded.message)
                else:
                    report.load_error = _load_message(loaded)
                exercise = {e.name: e for e in module.EXERCISES}[name]
                cases = functions_.Graded(course, module, exercise).cases()
                report.tests = [TestResult(c.name, c.about, "not run") for c in cases]
                reports[name] = report
            return reports
        source = _source_text(path)
        graded = functions_.grade_functions(path, course, module, names, sandbox, defined, source)
        if graded:
            graded[0].notes[:0] = loaded.notes  # the file's top level: said once
        return {r.function: r for r in graded}
    finally:
        sandbox.close()


def _source_text(path: str) -> str:
    try:
        return read_text(path)
    except (OSError, ValueError):
        return ""


def _load_message(reply: Any) -> str:
    from .grader import _load_message as message

    return message(reply)
