"""Grade a course's functions other than the conv backward passes: pooling, padding, the
capstone, deeplearning.ai's step-by-step functions.

A course module of :mod:`convgrad.exercises` describes each function the same way
(:mod:`convgrad.exercises._catalogue`): its :class:`~convgrad.exercises._catalogue.Exercise`
(signature, result names, the forward pass whose cache a backward pass takes), its reference
answer, ``battery(function)``, the real bugs learners make (``_VARIANTS``, buggy versions of the
reference, with ``_BUGS`` in words, ``_FIXES`` saying how to put each right, and ``_WHERE``, the
patterns of the lines that hold each one).

For each test of the battery the learner's function runs in the sandbox (:mod:`.sandbox`, the api
``"functions"``: the arguments travel as arrays and JSON, the result comes back rebuilt, the inputs
are checked for changes). A backward pass gets its cache from the learner's own forward pass when
the file defines one, as in the notebook; when that fails and the course's own cache passes, the
forward pass's cache is named as the cause. A wrong result is compared with every buggy variant's
on every test: a variant that does what the learner's code does on every test names the bug; else
each failing test is explained by the variants that match it. The lines that hold a named bug are
quoted from the learner's source (confirm-only: a pattern never names a bug by itself).
"""

from __future__ import annotations

import ast
import inspect
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from ..exercises._catalogue import Case, Exercise, Outcome, call, same_result
from . import small, static
from .bugs import exception_hint, signature_hint
from .report import ArrayCheck, Diagnosis, Example, FileReport, TestResult
from .sandbox import Other, Reply

EXAMPLE_ELEMENTS = 120  # a failing test's inputs are printed when they hold at most this many
# Shrinking: the time for one function's smaller examples, and the time limit of each call then
# (a candidate that loops forever must not cost the test's whole limit)
SHRINK_SECONDS = 0.5
SHRINK_CALL_SECONDS = 1.0
SHRINK_FLOOR = 16  # candidates looked at whatever the clock says (a loaded machine is slow)


@dataclass(frozen=True)
class Graded:
    """One function of a course, as the engine grades it."""

    course: str
    module: ModuleType
    exercise: Exercise

    @property
    def name(self) -> str:
        return self.exercise.name

    @property
    def numpy1(self) -> bool:
        return bool(getattr(self.module, "NUMPY1", False))

    @property
    def reference(self) -> Callable[..., object]:
        return getattr(self.module, self.name)  # type: ignore[no-any-return]

    @property
    def _api(self) -> Any:
        """The conv layer's :class:`~.battery.Api`, for a forward pass graded on its own (cs231n's
        ``conv_forward_naive`` in a file without the backward pass)."""
        return getattr(self.module, "COURSE", None) if self.name in _LAYER_FORWARDS else None

    def cases(self) -> list[Case]:
        if self._api is not None:
            return _forward_cases(self._api)
        return self.module.battery(self.name)  # type: ignore[no-any-return]

    @property
    def variants(self) -> dict[str, Callable[..., object]]:
        if self._api is not None:
            return _forward_variants(self._api)
        return dict(getattr(self.module, "_VARIANTS", {}).get(self.name, {}))

    def bug_text(self, bug: str) -> str:
        if self._api is not None and bug in self._api.bugs:
            return _filled(self._api.bugs[bug].title, self._api.names)
        return str(getattr(self.module, "_BUGS", {}).get(self.name, {}).get(bug, bug))

    def fix_text(self, bug: str) -> str:
        if self._api is not None and bug in self._api.bugs:
            return _filled(self._api.bugs[bug].explanation, self._api.names)
        return str(getattr(self.module, "_FIXES", {}).get(self.name, {}).get(bug, ""))

    def patterns(self, bug: str) -> tuple[str, ...]:
        return tuple(getattr(self.module, "_WHERE", {}).get(self.name, {}).get(bug, ()))

    def arg_names(self) -> list[str]:
        try:
            return list(inspect.signature(self.reference).parameters)
        except (TypeError, ValueError):
            return []


_LAYER_FORWARDS = {"conv_forward_naive"}
# where the conv layer's static reading finds no line: the line that writes the output
_LAYER_WHERE = {
    "bias_wrong": (r"^out\w*\s*\[.*\]\s*\+?=", r"^\w+\s*\[.*\]\s*\+?=.*sum"),
}


def _filled(text: str, names: dict[str, str]) -> str:
    try:
        return text.format(**names)
    except (KeyError, IndexError, ValueError):
        return text


def _forward_cases(api: Any) -> list[Case]:
    """The conv layer's battery as calls of its forward pass ``(x, w, b, conv_param)``."""
    cases, seen = [], set()
    for case in api.cases():
        if case.check != "values" or case.expected is not None or case.name in seen:
            continue
        seen.add(case.name)
        x, w, b = (case.inputs[n] for n in ("x", "w", "b"))
        cases.append(Case(case.name, case.about, (x, w, b, dict(case.params))))
    return cases


def _forward_variants(api: Any) -> dict[str, Callable[..., object]]:
    """The conv layer's forward-pass mistakes as buggy forward passes, one per bug (its other
    ways of being written in ``forms``)."""
    grouped: dict[str, list[Callable[..., object]]] = {}
    for variant in api.variants:
        if tuple(variant.changes) != ("out",):
            continue

        def forward(x, w, b, conv_param, run=variant.raising or variant.run):  # type: ignore[no-untyped-def]
            inputs = {"x": np.asarray(x), "w": np.asarray(w), "b": np.asarray(b)}
            params = {k: conv_param[k] for k in ("stride", "pad")}
            result = run(inputs, params)  # raising: NumPy's own error, as the learner's code
            if result is None:
                raise ValueError("code with this mistake raises here")
            return result["out"], None

        grouped.setdefault(variant.bug, []).append(forward)
    for forms in grouped.values():
        forms[0].forms = tuple(forms)  # type: ignore[attr-defined]
    return {bug: forms[0] for bug, forms in grouped.items()}


class _Args:
    """A case's arguments in the sandbox's JSON form, each array once (by identity) as a file."""

    def __init__(self) -> None:
        self.arrays: dict[str, np.ndarray] = {}
        self.labels: dict[str, str] = {}
        self._ids: dict[int, str] = {}

    def encode(self, value: object, label: str) -> list[Any]:
        if isinstance(value, np.ndarray):
            if id(value) not in self._ids:
                name = f"a{len(self.arrays)}"
                self._ids[id(value)] = name
                self.arrays[name] = value
                self.labels[name] = label
            return ["array", self._ids[id(value)]]
        if isinstance(value, np.generic):
            value = value.item()
        if value is None or isinstance(value, bool | int | float | str):
            return ["value", value]
        if isinstance(value, tuple | list):
            kind = "tuple" if isinstance(value, tuple) else "list"
            return [kind, [self.encode(v, f"{label}[{i}]") for i, v in enumerate(value)]]
        if isinstance(value, dict):
            return ["dict", [[str(k), self.encode(v, f"{label}[{k!r}]")] for k, v in value.items()]]
        raise TypeError(f"a battery argument of type {type(value).__name__}")


def plan_for(graded: Graded, case: Case, forward: str | None) -> tuple[dict[str, Any], _Args]:
    """The sandbox request for ``case``: its arguments and, when ``forward`` names the learner's
    forward pass, the call that makes the cache."""
    args = _Args()
    names = graded.arg_names()
    label = [names[i] if i < len(names) else f"argument {i + 1}" for i in range(len(case.args))]
    plan: dict[str, Any] = {
        "function": graded.name,
        "args": [args.encode(a, label[i]) for i, a in enumerate(case.args)],
        "kwargs": [[k, args.encode(v, k)] for k, v in case.kwargs.items()],
        "cached": graded.exercise.cached,
        "numpy1": graded.numpy1,
        "extra": [args.encode(v, "extra") for v in graded.exercise.extra],
    }
    if graded.exercise.starter:
        plan["starter"] = [list(graded.exercise.starter), getattr(graded.module, "STARTER", "")]
    if forward:
        at = graded.exercise.cache_at
        cache = case.args[at]
        items = cache if isinstance(cache, tuple | list) else (cache,)
        plan["forward"] = {
            "function": forward,
            "args": [args.encode(v, f"cache[{i}]") for i, v in enumerate(items)],
            "kwargs": [[k, args.encode(v, k)] for k, v in case.kwargs.items()],
        }
        plan["cache_at"] = at
    return plan, args


# --- one file ----------------------------------------------------------------------------------


def grade_functions(
    path: str,
    course: str,
    module: ModuleType,
    functions: list[str],
    sandbox: Any,
    defined: set[str],
    source: str,
) -> list[FileReport]:
    """Grade ``functions`` of ``course`` in the file ``path`` with the already started
    ``sandbox`` (api ``"functions"``); one report per function."""
    exercises = {e.name: e for e in module.EXERCISES}
    reports = []
    isolation = getattr(sandbox, "isolation", None)
    for name in functions:
        graded = Graded(course, module, exercises[name])
        start = time.perf_counter()
        report = FileReport(path, course, name)
        report.isolation = isolation.describe() if isolation is not None else ""
        forward = graded.exercise.forward if graded.exercise.forward in defined else None
        if graded.exercise.forward and forward is None:
            report.notes.append(
                f"no {graded.exercise.forward}() in the file: {name} gets the course's cache"
            )
        _FunctionGrader(graded, sandbox, source, forward).run(report)
        report.seconds = time.perf_counter() - start
        reports.append(report)
        if report.cheat or any(t.status == "not run" and t.message for t in report.tests):
            break  # the sandbox refuses every later call too
    _blame_helpers(reports, source)
    _blame_globals(reports, source, module)
    return reports


_PARAMETERS = {"hparameters", "conv_param", "pool_param", "stride", "pad", "f", "mode", "cache"}


def _blame_globals(reports: list[FileReport], source: str, module: ModuleType) -> None:
    """A failing function that reads a global of the file holding one of the course's
    arguments (a notebook's test cell left ``hparameters`` at the top level) where it should
    read its own argument or cache: named, with the lines that read it."""
    tree = parse(source)
    if tree is None:
        return
    defs = definitions(tree)
    data = set()  # names the top level binds to values, not functions or modules
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id not in defs:
                    data.add(name.id)
    course_names = set(_PARAMETERS)
    for exercise in module.EXERCISES:
        try:
            course_names |= set(inspect.signature(getattr(module, exercise.name)).parameters)
        except (TypeError, ValueError, AttributeError):
            continue
    for report in reports:
        found = defs.get(report.function)
        if report.passed or report.cheat or report.load_error:
            continue
        if not isinstance(found, ast.FunctionDef):
            continue
        own = {a.arg for a in ast.walk(found.args) if isinstance(a, ast.arg)}
        names_in = [n for n in ast.walk(found) if isinstance(n, ast.Name)]
        stored = {n.id for n in names_in if not isinstance(n.ctx, ast.Load)}
        read = {n.id for n in names_in if isinstance(n.ctx, ast.Load)}
        suspects = sorted((read & data & course_names) - own - stored)
        if not suspects:
            continue
        names = ", ".join(suspects)
        quoted = locate(source, report.function, (r"\b(" + "|".join(suspects) + r")\b",), limit=2)
        blame = Diagnosis(
            None,
            "reads_global",
            f"it reads {names} from the file's top level (a test cell's), not from its own "
            "arguments",
            f"The function must get {names} from its arguments (or the cache they hold): the "
            "global is whatever the notebook's last test cell left, right for that test only.",
            quoted,
        )
        for test in report.tests:
            if test.status in ("fail", "error"):
                test.diagnoses.insert(0, blame)


def _blame_helpers(reports: list[FileReport], source: str) -> None:
    """A function with no bug named that calls another graded function of the file that fails
    its own tests (``conv_forward`` calling a wrong ``zero_pad``) is told to put that right
    first."""
    tree = parse(source)
    if tree is None:
        return
    defs = {name: node for name, node in definitions(tree).items() if node is not None}
    wrong = {r.function for r in reports if not r.passed and not r.cheat and not r.load_error}
    for report in reports:
        if report.passed or report.function not in defs:
            continue
        called = {
            n.func.id
            for n in ast.walk(defs[report.function])
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        }
        culprits = sorted((called & wrong) - {report.function})
        if not culprits:
            continue
        names = ", ".join(f"{c}()" for c in culprits)
        for bug in report.bugs:  # a bug seen only in errors: the helper's error, most likely
            carrying = [t for t in report.tests if any(d.bug == bug for d in t.diagnoses)]
            if all(t.status == "error" for t in carrying):
                for t in carrying:
                    t.diagnoses = [d for d in t.diagnoses if d.bug != bug]
        also = "; the diagnosis below may come from it" if report.bugs else ""
        hint = Diagnosis(
            None,
            None,
            f"it calls your {names}, which fails its own tests (see its report): put that "
            f"right first{also}",
            "",
        )
        for test in report.tests:
            if test.status in ("fail", "error"):
                test.diagnoses.insert(0, hint)


class _FunctionGrader:
    def __init__(self, graded: Graded, sandbox: Any, source: str, forward: str | None) -> None:
        self.graded = graded
        self.sandbox = sandbox
        self.source = source
        self.forward = forward
        self.variants = graded.variants  # built once: the matching and shrinking read them often
        self._lines: dict[str, list[str]] = {}  # per bug: the ties and each diagnosis ask again

    def run(self, report: FileReport) -> None:
        cases = self.graded.cases()
        outcomes: list[Outcome | None] = []
        expected: list[Outcome] = []
        stop = ""
        for case in cases:
            want = call(self.graded.reference, case, self.graded.exercise, self.graded.numpy1)
            expected.append(want)
            if stop:
                report.tests.append(TestResult(case.name, case.about, "not run", message=stop))
                outcomes.append(None)
                continue
            result, outcome, reply = self.test(case, want)
            report.tests.append(result)
            outcomes.append(outcome)
            if reply.kind == "reference":
                report.cheat = reply.message
                stop = "not run: " + reply.message
            elif reply.kind in ("timeout", "protocol", "interrupted"):
                stop = (
                    "not run: an earlier test "
                    + {
                        "timeout": "ran out of time",
                        "protocol": "broke the grader's protocol",
                        "interrupted": "was stopped",
                    }[reply.kind]
                )
        if report.cheat:
            return
        self.diagnose(report, cases, outcomes, expected)
        self.shrink(report, cases, outcomes, expected)

    def shrink(
        self,
        report: FileReport,
        cases: list[Case],
        outcomes: list[Outcome | None],
        expected: list[Outcome],
    ) -> None:
        """For each kind of failure (the bugs named, or the status), the smallest candidate input
        (:mod:`.small`) on which the learner's code fails the same way; the failing test's own
        input when none is found in time and it is small."""
        names = self.graded.arg_names()
        shown: dict[tuple[str, ...], Example | None] = {}
        timed_out = any(t.status == "timeout" for t in report.tests)
        deadline = time.perf_counter() + SHRINK_SECONDS
        pool = [] if timed_out else small.candidates(self.graded.course, self.graded.name)
        for i, test in enumerate(report.tests):
            got = outcomes[i]
            if test.status not in ("fail", "error") or got is None:
                continue
            bugs = tuple(d.bug for d in test.diagnoses if d.bug)
            if "not_implemented" in bugs:
                continue  # a stub's zeros or None: no example teaches more than its name
            key = bugs or (test.status,)
            if key in shown:
                test.smallest = shown[key]
                continue
            example = None
            for k, candidate in enumerate(pool):
                if k >= SHRINK_FLOOR and time.perf_counter() > deadline:
                    break
                example = self.shows(candidate, bugs, test.status, names)
                if example is not None:
                    break
            if example is None:
                title = "the input that shows it"
                example = _example(cases[i], got, expected[i], self.graded.exercise, names, title)
            shown[key] = test.smallest = example

    def shows(
        self, case: Case, bugs: tuple[str, ...], status: str, names: list[str]
    ) -> Example | None:
        """An example from ``case`` when the learner's code fails on it as it failed a test: as
        the bugs ``bugs`` do, or (none named) with the same ``status``."""
        want = call(self.graded.reference, case, self.graded.exercise, self.graded.numpy1)
        timeout = getattr(self.sandbox, "timeout", None)
        if timeout is not None:
            self.sandbox.timeout = min(timeout, SHRINK_CALL_SECONDS)
        try:
            reply, _ = self.call(case, self.forward)
        finally:
            if timeout is not None:
                self.sandbox.timeout = timeout
        got = _outcome(reply)
        if got is None or _status(reply, got, want, case) != status:
            return None
        if bugs:
            variants = self.variants
            for bug in bugs:
                forms = getattr(variants.get(bug), "forms", (variants.get(bug),))
                if not any(
                    f is not None
                    and _same(got, call(f, case, self.graded.exercise, self.graded.numpy1), case)
                    for f in forms
                ):
                    return None
        return _example(
            case, got, want, self.graded.exercise, names, "smallest input that shows it"
        )

    def call(self, case: Case, forward: str | None) -> tuple[Reply, _Args]:
        plan, args = plan_for(self.graded, case, forward)
        reply = self.sandbox.call(args.arrays, None, plan)
        if not isinstance(reply, Reply):
            reply = Reply(str(getattr(reply, "kind", "crash")), str(getattr(reply, "message", "")))
        return reply, args

    def test(self, case: Case, want: Outcome) -> tuple[TestResult, Outcome | None, Reply]:
        reply, args = self.call(case, self.forward)
        got = _outcome(reply)
        if self.forward and (got is None or not _same(got, want, case)):
            alone, alone_args = self.call(case, None)  # the course's own cache
            other = _outcome(alone)
            if other is not None and _same(other, want, case):
                result = TestResult(case.name, case.about, "fail", reply.seconds)
                result.message = (
                    f"with the cache from your {self.forward}() it goes wrong; with the "
                    f"course's cache it is right: your {self.forward}() does not return the "
                    "cache this function reads"
                )
                return result, got, reply
        status = _status(reply, got, want, case)
        result = TestResult(case.name, case.about, status, reply.seconds)
        result.notes = [n for n in reply.notes if not n.startswith("the cache came from")]
        if reply.output:
            result.notes.append("printed: " + reply.output[:300])
        if status == "pass":
            return result, got, reply
        if reply.kind != "ok":
            result.message = reply.message or reply.kind
            result.traceback = list(reply.traceback)[-4:]
        if got is not None and not got.raised:
            result.arrays = _checks(got.returned, want, self.graded.exercise)
            if got.modified_inputs:
                changed = [args.labels.get(n, n) for n in reply.modified]
                result.message = "it changed its input " + ", ".join(changed) + " while it ran"
        elif got is not None and want.raised:
            result.message = f"the reference raises {want.raised} here; yours raised too"
        return result, got, reply

    def diagnose(
        self,
        report: FileReport,
        cases: list[Case],
        outcomes: list[Outcome | None],
        expected: list[Outcome],
    ) -> None:
        failing = [i for i, t in enumerate(report.tests) if t.status not in ("pass", "not run")]
        if not failing:
            return
        done = [o for o in outcomes if o is not None]
        if done and all(
            o.raised == "NotImplementedError" or (not o.raised and o.returned is None) for o in done
        ):
            quoted = locate(self.source, self.graded.name, _STUB_LINES, limit=1)
            stub = Diagnosis(None, "not_implemented", _STUB_TITLE, _STUB_FIX, quoted)
            for i in failing:
                report.tests[i].diagnoses.append(stub)
            return
        variants = self.variants
        ran = [i for i, o in enumerate(outcomes) if o is not None]
        matches: dict[str, set[int]] = {}
        conflicts: dict[str, set[int]] = {}  # the variant is wrong, the code returned otherwise
        for bug, variant in variants.items():
            matched, against = set(), set()
            forms = getattr(variant, "forms", (variant,))  # one bug written in several ways
            for i in ran:
                got = outcomes[i]
                assert got is not None
                wrong = False
                for form in forms:
                    mine = call(form, cases[i], self.graded.exercise, self.graded.numpy1)
                    if _same(got, mine, cases[i]):
                        matched.add(i)
                        break
                    wrong = wrong or not _same(mine, expected[i], cases[i])
                else:  # wrong where the code is wrong otherwise (where it is right, the bug
                    # may sit in a branch the test does not take: average mode, say)
                    if wrong and not got.raised and i in failing:
                        against.add(i)
            matches[bug], conflicts[bug] = matched, against
        full = [b for b, m in matches.items() if set(ran) <= m and m & set(failing)]
        if len(full) > 1:  # the lines break the tie, when some are found
            located = [b for b in full if self.lines(b)]
            full = located or full
        chosen: dict[str, set[int]] = {b: set(failing) for b in full[:2]}
        if not chosen:  # explain each failing test by the variants that do what the code did
            # on it (an error only when its type and words are the variant's), first those that
            # never give a wrong value the code does not give (a second bug may hide the rest)
            clean = [b for b in variants if not conflicts[b]]
            chosen = _cover(clean, set(failing), matches, self.lines)
            left = set(failing) - {i for where in chosen.values() for i in where}
            valued = {i for i in left if not getattr(outcomes[i], "raised", "x")}
            # then, for wrong values only, any variant that gives the same
            chosen.update(_cover(list(variants), valued, matches, self.lines))
        for bug, where in chosen.items():
            diagnosis = Diagnosis(
                None, bug, self.graded.bug_text(bug), self.graded.fix_text(bug), self.lines(bug)
            )
            for i in sorted(where):
                report.tests[i].diagnoses.append(diagnosis)
        explained = {i for where in chosen.values() for i in where}
        for i in failing:
            test = report.tests[i]
            if i in explained or test.status not in ("fail", "error"):
                continue
            if test.status == "error" and (named := self.exception_bug(test)) is not None:
                test.diagnoses.append(named)
                continue
            hint = _hint(test) if test.status == "fail" else signature_hint(test.message)
            if hint:
                test.diagnoses.append(Diagnosis(None, None, hint, ""))

    def exception_bug(self, test: TestResult) -> Diagnosis | None:
        """The conv layer's bug that a familiar exception names (:func:`.bugs.exception_hint`,
        as the backward pass's grader reads it: ``/`` in an output size, a fixed reshape...),
        with its lines; None for other functions and other messages."""
        api = self.graded._api
        if api is None:
            return None
        raised = test.traceback[-1] if test.traceback else ""
        found = exception_hint(test.message, raised, api.bugs)
        if found is None or found[0] is None or found[0] not in api.bugs:
            return None
        bug = found[0]
        return Diagnosis(
            None,
            bug,
            self.graded.bug_text(bug),
            f"{self.graded.fix_text(bug)} (from: {test.message[:120]})",
            self.lines(bug),
        )

    def lines(self, bug: str) -> list[str]:
        """The learner's lines holding ``bug`` (its patterns, or the conv layer's static
        reading), once per bug."""
        if bug not in self._lines:
            self._lines[bug] = self._find_lines(bug)
        return self._lines[bug]

    def _find_lines(self, bug: str) -> list[str]:
        if self.graded._api is not None:  # the conv layer's static reading places its bugs
            try:
                found = static.read_source(self.source, self.graded.course)
            except Exception:  # noqa: BLE001 - a reading bug: no line rather than no grade
                found = []
            quoted = [f"line {f.line}: {f.code}" for f in found if f.bug == bug][:2]
            return quoted or locate(self.source, self.graded.name, _LAYER_WHERE.get(bug, ()))
        patterns = self.graded.patterns(bug)
        if not patterns:
            return []
        return locate(self.source, self.graded.name, patterns)


_STUB_LINES = (
    r"^raise\s+NotImplementedError",
    r"^pass$",
    r"^return(\s+None)?$",
    r"^(\w+\s*=\s*None|\.\.\.)$",
)
_STUB_TITLE = "not written yet: it returns None (the template's pass, or a missing return)"
_STUB_FIX = (
    "Write the function's body, between the template's START and END markers if it has them, "
    "and return its result."
)


def _outcome(reply: Reply) -> Outcome | None:
    """What the learner's call did, as :func:`_same` compares it; None when it did not
    finish (a timeout, a crash, a protocol breach)."""
    if reply.kind == "ok":
        return Outcome(returned=reply.result, modified_inputs=bool(reply.modified))
    if reply.kind == "exception":
        kind, _, message = reply.message.partition(":")
        return Outcome(raised=kind or "Exception", message=message.strip())
    return None


def _cover(
    bugs: list[str],
    tests: set[int],
    matches: dict[str, set[int]],
    lines: Callable[[str], list[str]],
) -> dict[str, set[int]]:
    """Greedily, the bugs that explain the most of ``tests`` (each the tests it matches), ties
    going to the bug that matches more tests overall, then to one whose line is found."""
    chosen: dict[str, set[int]] = {}
    left = set(tests)
    while left:
        best = max(
            bugs,
            key=lambda b: (len(matches[b] & left), len(matches[b]), bool(lines(b))),
            default=None,
        )
        if best is None or not matches[best] & left:
            break
        chosen[best] = matches[best] & left
        left -= matches[best]
    return chosen


def _tolerance(case: Case) -> tuple[float, float]:
    """``same_result``'s tolerances, looser for a case with float32 or float16 inputs (computed
    in that precision, a right answer differs from float64's in the 7th digit)."""
    arrays = [a for a in case.args if isinstance(a, np.ndarray)]
    if any(a.dtype in (np.float32, np.float16) for a in arrays):
        return 1e-4, 1e-5
    return 1e-7, 1e-9


def _same(a: Outcome, b: Outcome, case: Case) -> bool:
    """Whether two calls on ``case`` did the same: both raised, or both returned the same result
    (to the case's tolerance) and both left (or both changed) their arguments."""
    if a.raised or b.raised:  # the same exception: two codes raise for unrelated reasons too
        return a.raised == b.raised and _skeleton(a.message) == _skeleton(b.message)
    rtol, atol = _tolerance(case)
    return a.modified_inputs == b.modified_inputs and same_result(
        a.returned, b.returned, rtol, atol
    )


def _skeleton(message: str) -> str:
    """An exception message's words, without the numbers and shapes that differ between two
    ways of writing the same mistake ("could not broadcast input array from shape into shape")."""
    return " ".join(re.findall(r"[A-Za-z_]+", message))


def _status(reply: Reply, got: Outcome | None, want: Outcome, case: Case) -> str:
    if got is None:
        known = ("timeout", "memory", "crash", "not run")
        return reply.kind if reply.kind in known else "error"
    if _same(got, want, case):
        return "pass"
    if got.raised:
        return "error"
    return "fail"


def _parts(value: object, names: tuple[str, ...]) -> list[tuple[str, object]]:
    if len(names) > 1:
        if isinstance(value, tuple | list) and len(value) == len(names):
            return list(zip(names, value))
        return []
    return [(names[0] if names else "result", value)]


def _checks(got: object, want: Outcome, exercise: Exercise) -> list[ArrayCheck]:
    """One :class:`ArrayCheck` per result, or one saying what was returned instead."""
    names = exercise.results or ("result",)
    expected = _parts(want.returned, names)
    mine = _parts(got, names)
    if not mine:
        what = _describe(got)
        want_text = "(" + ", ".join(names) + ")"
        return [ArrayCheck(want_text, False, (), None, "", f"returned {what}, not {want_text}")]
    checks = []
    for (name, value), (_, right) in zip(mine, expected):
        checks.append(_compare(name, value, right))
    return checks


def _describe(value: object) -> str:
    if isinstance(value, tuple | list):
        return f"a {type(value).__name__} of {len(value)} values"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if isinstance(value, Other):
        return value.what
    return type(value).__name__


def _compare(name: str, value: object, right: object) -> ArrayCheck:
    want = np.asarray(right, dtype=np.float64)
    if isinstance(value, Other) or value is None:
        what = "None" if value is None else value.what
        problem = f"got {what}" if what.startswith("an array") else f"got {what}, not numbers"
        return ArrayCheck(name, False, want.shape, None, "", problem)
    try:
        got = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return ArrayCheck(name, False, want.shape, None, "", "not an array of numbers")
    dtype = str(np.asarray(value).dtype)
    if got.shape != want.shape and got.size == want.size == 1:
        got, want = got.reshape(()), want.reshape(())
    if got.shape != want.shape:
        return ArrayCheck(name, False, want.shape, got.shape, dtype)
    ok = same_result(got, want)
    bad = ~np.isclose(got, want, rtol=1e-7, atol=1e-9, equal_nan=True)
    check = ArrayCheck(name, ok, want.shape, got.shape, dtype, wrong=int(bad.sum()), size=got.size)
    if not ok and bad.any():
        err = np.where(bad, np.abs(np.nan_to_num(got - want, nan=np.inf)), -1.0)
        index = np.unravel_index(int(np.argmax(err)), err.shape) if err.ndim else ()
        check.worst_index = tuple(int(i) for i in index)
        check.max_error = float(np.max(err))
        check.expected_value = float(want[index])
        check.got_value = float(got[index])
    return check


def _example(
    case: Case,
    got: Outcome | None,
    want: Outcome,
    exercise: Exercise,
    names: list[str],
    title: str = "the test's input",
) -> Example | None:
    """The failing test's inputs with the right and the learner's results, when small enough to
    read."""
    arrays: dict[str, np.ndarray] = {}
    params: dict[str, Any] = {}

    def add(label: str, value: object) -> None:
        if isinstance(value, np.ndarray):
            arrays[label] = value
        elif isinstance(value, tuple | list) and any(isinstance(v, np.ndarray) for v in value):
            for i, v in enumerate(value):
                add(f"{label}[{i}]", v)
        else:
            params[label] = value

    for i, value in enumerate(case.args):
        name = names[i] if i < len(names) else f"argument {i + 1}"
        if i == exercise.cache_at and exercise.forward and isinstance(value, tuple | list):
            for j, item in enumerate(value):
                add(f"{name}[{j}]", item)
        else:
            add(name, value)
    for key, value in case.kwargs.items():
        add(key, value)
    if sum(a.size for a in arrays.values()) > EXAMPLE_ELEMENTS or got is None:
        return None
    if got.raised:
        return Example(arrays, params, {}, {}, [], "", f"{title} (yours raised {got.raised})")
    results = exercise.results or ("result",)
    expected = {n: np.asarray(v) for n, v in _parts(want.returned, results) if _numeric(v)}
    mine = {n: np.asarray(v) for n, v in _parts(got.returned, results) if _numeric(v)}
    wrong = [n for n in expected if n not in mine or not same_result(mine[n], expected[n])]
    return Example(arrays, params, expected, mine, wrong, params_label="", title=title)


def _numeric(value: object) -> bool:
    try:
        return np.asarray(value).dtype.kind in "biuf"
    except (TypeError, ValueError):
        return False


def _hint(result: TestResult) -> str:
    for check in result.arrays:
        if not check.ok and check.got_shape is not None and check.got_shape != check.expected_shape:
            return (
                f"{check.name} has the wrong shape: expected {check.expected_shape}, got "
                f"{check.got_shape}; check how the output size is computed"
            )
    return ""


# --- the learner's lines ---------------------------------------------------------------------


def locate(source: str, function: str, patterns: tuple[str, ...], limit: int = 2) -> list[str]:
    r"""The lines of ``function`` (and of the file's functions it calls) that match the first of
    ``patterns`` that matches any (regular expressions over a line without its indentation and
    comment), quoted as ``"line N: code"``: at most ``limit``, the function's own lines before
    its helpers'.

    >>> locate("def f(x):\n    y = x\n    return y[::-1]\n", "f", (r"np\.flip", r"::\s*-1"))
    ['line 3: return y[::-1]']
    """
    tree = parse(source)
    if tree is None:
        return []
    defs = {name: node for name, node in definitions(tree).items() if node is not None}
    if function not in defs:
        return []
    order = [function]
    for name in order:  # the functions it calls, breadth first
        for inner in ast.walk(defs[name]):
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name):
                if inner.func.id in defs and inner.func.id not in order:
                    order.append(inner.func.id)
    text = source.removeprefix("\ufeff").splitlines()
    for pattern in patterns:  # the first pattern that matches a line wins
        regex = re.compile(pattern)
        found: list[str] = []
        for name in order:
            node = defs[name]
            body = node.body if isinstance(node.body, list) else [node.body]
            body_start = body[0].lineno if isinstance(node.body, list) and body else node.lineno
            for number in range(body_start, (node.end_lineno or node.lineno) + 1):
                code = _code(text[number - 1]) if number <= len(text) else ""
                if code and regex.search(code):
                    found.append(f"line {number}: {code}")
                    if len(found) >= limit:
                        return found
            if found:
                return found
    return []


# IPython's lines, as the sandbox's child skips them: magics (%, %%), shell (!), help (x?, ??x)
_MAGIC = re.compile(r"^([ \t]*)([%!].*|\?\??[\w.]*|[\w.]+\?\??)[ \t]*$", re.M)


def parse(source: str) -> ast.Module | None:
    """``source`` parsed (a UTF-8 BOM dropped), IPython's lines (a notebook exported to a
    script) read as ``pass``; None when it cannot be parsed."""
    source = source.removeprefix("\ufeff")
    for text in (source, _MAGIC.sub(lambda m: m.group(1) + "pass  # " + m.group(2), source)):
        try:
            return ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    return None


Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def definitions(tree: ast.Module) -> dict[str, Definition | None]:
    r"""The names the file's top level binds to functions, each with its definition (None when
    it cannot be read, as for ``f = make()``): ``def`` (also inside ``if``, ``try`` and
    ``with`` blocks, not under ``if __name__ == "__main__"``), a lambda, another function's name
    (``conv2d_naive = my_conv``) or a class's static method (``zero_pad = Layers.zero_pad``).
    The last binding of a name is the one that runs.

    >>> sorted(definitions(ast.parse("def f(): pass\ng = f\nif True:\n    def h(): pass\n")))
    ['f', 'g', 'h']
    """
    defs: dict[str, Definition | None] = {}
    classes: dict[str, dict[str, Definition]] = {}

    def main_guard(node: ast.If) -> bool:
        test = node.test
        return (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and test.left.id == "__name__"
        )

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                defs[node.name] = node
            elif isinstance(node, ast.ClassDef):
                classes[node.name] = {
                    n.name: n
                    for n in node.body
                    if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
                }
            elif isinstance(node, ast.If) and not main_guard(node):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.With):
                visit(node.body)
            elif isinstance(node, ast.Assign):
                value = node.value
                bound: Definition | None = None
                if isinstance(value, ast.Lambda):
                    bound = value
                elif isinstance(value, ast.Name):
                    bound = defs.get(value.id)
                elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
                    bound = classes.get(value.value.id, {}).get(value.attr)
                elif not isinstance(value, ast.Call):
                    continue
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        defs[target.id] = bound

    visit(tree.body)
    return defs


def _code(line: str) -> str:
    """``line`` without its indentation and a trailing comment (a ``#`` in a string kept)."""
    stripped = line.strip()
    if stripped.startswith("#"):
        return ""
    quote = ""
    for i, ch in enumerate(stripped):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            return stripped[:i].rstrip()
    return stripped
