"""Grade one learner file: run the battery in a sandbox, compare, diagnose, probe, shrink.

:func:`grade_file` returns a :class:`~convgrad.grading.report.FileReport`. For each test the
learner's function runs in the child process (:mod:`.sandbox`) on copies of the inputs; whatever
comes back (arrays of any shape or dtype, lists, scalars, None, objects) is compared with the
expected results (:mod:`.battery`); a wrong result is matched against the course's buggy variants
(:mod:`.bugs`) and the lines the static reading (:mod:`.static`) flagged are quoted with the bug
they hold; the smallest of a few hundred tiny inputs that shows the same failure (the same arrays
wrong, the same bug) is kept for the report. When a test fails, the probes (:mod:`.probing`) say
which parameter values break the code. After a test runs out of time the remaining tests are not
run: each would wait out the limit too.

The grader talks to the sandbox only through ``start()`` and ``call(inputs, params)``, so any
object with those two methods (a fake, in tests) can stand in for it.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any, Protocol

import numpy as np

from . import bugs, lines, probing, static
from .battery import Api, Arrays, Case, Params, Probe, course
from .report import ArrayCheck, Diagnosis, Example, FileReport, TestResult
from .sandbox import Reply, Sandbox, read_text

# Shrinking: the time for all the failing tests of one file (one test takes at most half of what
# is left), and the candidates per test. A sandbox round trip took 5 to 8 ms on the shared 2-core
# machine under load (cProfile of grade_file("tests/submissions/cs231n_zeros.py", "cs231n")), so
# 0.6 s covers some 80 candidates; the candidates a named bug cannot show on are never run.
SHRINK_SECONDS = 0.6
# The static reading of a file larger than this is skipped: it took 14 s (and lines.py 4 s) on a
# 1 MiB function of one repeated statement; real learners' files are under 50 KiB
STATIC_LIMIT = 128 * 2**10
SHRINK_CANDIDATES = 150
# the first calls are made whatever the clock says: on a loaded machine the budget alone left a
# failure without an example (measured at load average 6 on 2 cores; that one needs 13 calls)
SHRINK_FLOOR = 16


class Runner(Protocol):
    """What the grader needs of a sandbox."""

    def start(self) -> Any: ...

    def call(self, inputs: Arrays, params: Params | None = None) -> Any: ...


def grade_file(
    path: str | os.PathLike[str],
    api: str = "exercise",
    function: str | None = None,
    timeout: float = 10.0,
    memory_mb: int = 2048,
    forward: str = "conv_forward_naive",
    sandbox: Runner | None = None,
    ignore: tuple[str, ...] = (),
) -> FileReport:
    """Grade the backward pass in the Python file ``path`` against ``api``'s battery.

    ``function`` defaults to the API's name (``conv2d_backward`` or ``conv_backward_naive``);
    ``timeout`` is in seconds per test, ``memory_mb`` what the learner's code may allocate;
    ``sandbox`` replaces the child process (any object with ``start()`` and ``call()``);
    ``ignore`` names results not compared (cs231n's ``out``, when the forward pass is graded on
    its own).
    """
    spec = course(api)
    name = function or spec.function
    box: Runner = sandbox or Sandbox(path, api, name, forward, timeout, memory_mb)
    source = _source(path)
    readable = len(source) <= STATIC_LIMIT
    grader = _Grader(spec, box, _findings(source, api) if readable else [])
    grader.ignored = ignore
    try:
        grader.confirming = lines.confirming(source) if readable else []
    except (RecursionError, MemoryError):  # a source nested past the parser's stack
        grader.confirming = []
    start = time.perf_counter()
    report = FileReport(str(path), api, name)
    if not readable:
        report.notes.append(
            f"the file is {len(source) // 1024} KiB: its lines are not read (over "
            f"{STATIC_LIMIT // 1024} KiB), only its results are graded"
        )
    isolation = getattr(box, "isolation", None)
    report.isolation = isolation.describe() if isolation is not None else ""
    try:
        loaded = box.start()
        if not getattr(loaded, "ok", False):
            kind = getattr(loaded, "kind", "load")
            if kind == "reference":
                report.cheat = str(getattr(loaded, "message", ""))
            elif kind == "interrupted":
                report.notes.append(str(getattr(loaded, "message", "")))
            else:
                report.load_error = _load_message(loaded)
            report.tests = [TestResult(c.name, c.about, "not run") for c in spec.cases()]
        else:
            report.notes += [str(n) for n in getattr(loaded, "notes", [])]
            if api == "cs231n" and not getattr(loaded, "has_forward", True):
                report.notes.append(
                    f"no {forward}() in the file: the backward pass gets the cache "
                    "(x, w, b, conv_param)"
                )
            grader.battery(report)
    finally:
        close = getattr(box, "close", None)
        if callable(close):
            close()
    report.seconds = time.perf_counter() - start
    return report


def _source(path: str | os.PathLike[str]) -> str:
    """The learner's file as text, read as the sandbox reads it (a regular file, no link, no
    FIFO, bounded); "" when it cannot be read, which the sandbox then reports."""
    try:
        return read_text(os.fspath(path))
    except (OSError, ValueError):
        return ""


def _findings(source: str, api: str) -> list[static.Finding]:
    try:
        return list(static.read_source(source, api))
    except Exception:  # noqa: BLE001 - a reading bug: grade without it
        return []


def _load_message(reply: Any) -> str:
    kind = getattr(reply, "kind", "load")
    what = {
        "syntax": "the file has a syntax error",
        "missing": "the function to grade is missing",
        "timeout": "importing the file did not finish in time",
        "memory": "importing the file used too much memory",
        "crash": "the process crashed while importing the file",
    }.get(kind, "importing the file raised an exception")
    text = [f"{what}: {getattr(reply, 'message', '')}"]
    text += [f"  {t}" for t in getattr(reply, "traceback", [])]
    return "\n".join(text)


class _Grader:
    def __init__(self, api: Api, sandbox: Runner, findings: list[static.Finding]) -> None:
        self.api = api
        self.sandbox = sandbox
        self.findings = findings
        self.confirming: list[static.Finding] = []  # quoted only under a bug named otherwise
        self.ignored: tuple[str, ...] = ()  # results not compared here
        self.shrink_left = SHRINK_SECONDS
        self._memo: dict[tuple[int, str], Reply] = {}
        self._variants: dict[tuple[object, str], Arrays | None] = {}
        self._weak: dict[int, bool] = {}  # id(diagnosis): named only from all-zero results
        self._probed: list[tuple[Probe, Reply]] = []
        self._examples: dict[tuple, Example | None] = {}  # by failure signature and dtypes

    def battery(self, report: FileReport) -> None:
        stopped = False
        for case in self.api.cases():
            if stopped:
                result = TestResult(
                    case.name, case.about, "not run", message="an earlier test ran out of time"
                )
            else:
                with np.errstate(all="ignore"):
                    result = self.run(case)
                stopped = result.status == "timeout"
            cheat = getattr(self.sandbox, "cheat", None)
            if cheat:  # caught using the reference solution: no score
                report.cheat = cheat
                result = TestResult(case.name, case.about, "not run")
                stopped = True
            report.tests.append(result)
        if stopped or report.cheat:
            return
        with np.errstate(all="ignore"):
            if report.passed:
                report.notes += self.notes()
                return
            report.probes = self.probe()
            report.pattern = probing.summarise(report.probes)
            self.tidy(report)
            cases = {c.name: c for c in self.api.cases()}
            for t in report.tests:
                if t.status == "fail" and t.name in cases:
                    t.smallest = self.shrink(cases[t.name], t)
        self.attach_findings(report)

    # --- one test -----------------------------------------------------------------------------

    def call(self, inputs: Arrays, params: Params) -> Reply:
        reply = _normalise(self.sandbox.call(inputs, params))
        for name in self.ignored:  # graded on its own (the forward pass's out)
            reply.outputs.pop(name, None)
        return reply

    def run(self, case: Case) -> TestResult:
        reply = self.call(case.inputs, case.params)
        result = TestResult(case.name, case.about, "pass", seconds=reply.seconds, notes=reply.notes)
        if not reply.ok:
            return self.failed_call(result, reply, {np.ndim(a) for a in case.inputs.values()})
        expected = self.api.expected(case)
        names = case.compare or tuple(
            n for n in self.api.outputs if n not in self.api.optional or n in reply.outputs
        )
        for name in names:
            result.arrays.append(_compare(name, reply.outputs.get(name), expected[name], case))
        if case.check == "shapes":
            for check in result.arrays:
                check.ok = check.problem == "" and check.got_shape == check.expected_shape
        wrong = [c.name for c in result.arrays if not c.ok]
        if reply.modified:
            result.diagnoses.append(
                self.named("in_place", None, f"changed: {', '.join(reply.modified)}")
            )
        if not wrong and not reply.modified:
            return result
        result.status = "fail"
        right = self.api.reference(case.inputs, case.params)
        got = {n: a for n, a in reply.outputs.items() if n in right}
        result.diagnoses += self.diagnose(
            ("case", case.name), case.inputs, case.params, got, right, wrong
        )
        return result

    def failed_call(
        self, result: TestResult, reply: Reply, ndims: set[int] | None = None
    ) -> TestResult:
        """``result`` for a call that did not return (``ndims``: the numbers of axes of the
        arrays it was given)."""
        result.status = {
            "timeout": "timeout",
            "memory": "memory",
            "crash": "crash",
            "interrupted": "not run",
        }.get(reply.kind, "error")
        result.message = reply.message
        result.traceback = reply.traceback
        if reply.kind == "memory":
            result.message = f"used too much memory: {reply.message}"
        output = getattr(reply, "output", "")
        if output and reply.kind != "interrupted":
            result.notes.append(f"it printed: {output[:300]}")
        if reply.kind == "bad_return" and "None" in reply.message:
            result.diagnoses.append(self.named("not_implemented", None))
        raised = reply.traceback[-1] if reply.traceback else ""  # the learner's line
        found = bugs.exception_hint(reply.message, raised, self.api.bugs, ndims or ())
        if found is not None:
            bug, hint = found
            if bug is not None and bug in self.api.bugs:
                d = self.named(bug, None, f"from: {reply.message[:120]}")
                where = re.fullmatch(r"line (\d+), in [^:]*: (.*)", raised)
                if bug == "axes_unpacked" and where:  # the unpack that raised is the mistake
                    d.lines = [f"line {where[1]}: {where[2]}"]
                result.diagnoses.append(d)
            elif hint:
                result.diagnoses.append(Diagnosis(None, None, hint, ""))
        if hint := bugs.signature_hint(reply.message):  # a call its parameters do not take
            result.diagnoses.append(Diagnosis(None, None, hint, ""))
        return result

    def named(self, bug: str, array: str | None, extra: str = "") -> Diagnosis:
        known = self.api.bugs[bug]
        text = known.explanation.format(**self.api.names)
        d = Diagnosis(
            array,
            bug,
            known.title.format(**self.api.names),
            text + (f" ({extra})" if extra else ""),
        )
        self._weak[id(d)] = False  # an id may be reused once a candidate's diagnosis is gone
        return d

    def diagnose(
        self,
        key: object,
        inputs: Arrays,
        params: Params,
        got: Arrays,
        right: Arrays,
        wrong: list[str],
    ) -> list[Diagnosis]:
        """What is wrong with the results ``wrong`` (names) of ``got``: named bugs, else hints."""
        api, found = self.api, list[Diagnosis]()
        if api.name == "exercise" and {"dx", "dW"} <= set(got) and {"dx", "dW"} & set(wrong):
            if got["dx"].shape == right["dW"].shape and got["dW"].shape == right["dx"].shape:
                if right["dx"].shape != right["dW"].shape:
                    return [self.named("swapped_outputs", None)]

        def add(bug: str, name: str, weak: bool) -> None:
            same = [d for d in found if d.bug == bug]
            if same:  # one bug, several arrays: name it once
                same[0].array = f"{same[0].array}, {name}"
                self._weak[id(same[0])] = self._weak.get(id(same[0]), True) and weak
            else:
                found.append(self.named(bug, name))
                self._weak[id(found[-1])] = weak

        for name in wrong:
            if name not in got:
                found.append(Diagnosis(name, None, f"{name} is missing or not numbers", ""))
                continue
            mine, want = got[name], right[name]
            zeros = mine.shape == want.shape and not np.any(mine) and bool(np.any(want))
            matched = bugs.matching_bugs(
                api, name, mine, want, lambda v: self.variant(key, v, inputs, params), zeros
            )
            for bug in matched:
                add(bug, name, zeros)
            if matched:
                continue
            if zeros or _handed_back(mine, inputs):
                add("not_implemented", name, zeros)
            elif mine.shape != want.shape:
                found.append(
                    Diagnosis(
                        name,
                        None,
                        f"{name} has the wrong shape",
                        _shape_hint(name, mine.shape, want.shape, params),
                    )
                )
            else:
                for hint in bugs.hints(name, mine, want, 1e-6, 1e-8):
                    found.append(Diagnosis(name, None, hint, ""))
        return found

    def variant(
        self, key: object, v: bugs.Variant, inputs: Arrays, params: Params
    ) -> Arrays | None:
        memo = (key, v.name)
        if memo not in self._variants:
            try:
                self._variants[memo] = v.run(inputs, params)
            except (ValueError, IndexError, TypeError):
                self._variants[memo] = None  # the buggy code would raise here too
        return self._variants[memo]

    # --- the smallest input that shows the same failure ---------------------------------------

    def shrink(self, case: Case, result: TestResult) -> Example | None:
        """The smallest candidate input on which the learner's code fails the way it failed
        ``case``: the same arrays wrong (each with a wrong shape, or wrong values, as there) and
        the same bugs named; None when none is found in the budget."""
        want = _signature(result, self._weak)
        start = time.perf_counter()
        dtypes = ",".join(str(a.dtype) for a in case.inputs.values())
        if (want.key(), dtypes) in self._examples:
            return self._examples[want.key(), dtypes]
        found = None
        calls = 0  # sandbox calls made here: the first SHRINK_FLOOR are made whatever the clock
        for k, (inputs, params) in enumerate(self.api.candidates(case)):
            if k >= SHRINK_CANDIDATES:
                break
            key = (k, dtypes)
            out_of_time = calls >= SHRINK_FLOOR and (
                time.perf_counter() - start > max(0.1, self.shrink_left / 2)
            )
            if out_of_time and key not in self._memo:
                continue  # past the budget, only the inputs already run are looked at
            if want.bugs and not self.can_show(key, want, inputs, params):
                continue
            if key not in self._memo:
                self._memo[key] = self.call(inputs, params)
                calls += 1
            reply = self._memo[key]
            if reply.kind in ("timeout", "interrupted", "reference"):
                break
            if not reply.ok:
                continue
            right = self.api.reference(inputs, params)
            checks = [_compare(n, reply.outputs.get(n), right[n], case) for n in want.arrays]
            others = [
                n
                for n in case.compare or right
                if n not in want.arrays
                and (n in reply.outputs or n not in self.api.optional)
                and not _compare(n, reply.outputs.get(n), right[n], case).ok
            ]
            kinds = tuple(_kind(c) for c in checks)
            if others or kinds != want.kinds or bool(reply.modified) != want.modified:
                continue
            if any(not np.any(right[n]) for n in want.arrays):
                continue  # wrong where the answer is all zeros: not instructive
            got = {n: a for n, a in reply.outputs.items() if n in right}
            named = self.diagnose(("candidate", key), inputs, params, got, right, list(want.arrays))
            zeros = all(n in got and not np.any(got[n]) for n in want.arrays)
            unfinished = zeros and want.bugs == {"not_implemented"}  # zeros: whatever else fits
            if _named(named, self._weak) != want.bugs and not unfinished:
                continue
            wrong = list(want.arrays) + (["inputs"] if reply.modified else [])
            found = Example(inputs, params, right, got, wrong)
            break
        self.shrink_left -= time.perf_counter() - start
        self._examples[want.key(), dtypes] = found
        return found

    def can_show(self, key: object, want: _Signature, inputs: Arrays, params: Params) -> bool:
        """Whether each bug of ``want`` changes one of its arrays on these inputs."""
        right = self.api.reference(inputs, params)
        for bug in want.bugs:
            shows = False
            for v in self.api.variants:
                if v.bug != bug or not set(v.changes) & set(want.arrays):
                    continue
                out = self.variant(("candidate", key), v, inputs, params)
                shows = out is None or any(
                    n in out and not bugs.close(out[n], right[n], 1e-6, 1e-8) for n in want.arrays
                )
                if shows:
                    break
            if not shows and any(v.bug == bug for v in self.api.variants):
                return False
        return True

    # --- probes, notes, static findings -------------------------------------------------------

    def probe(self) -> list[probing.ProbeResult]:
        results = []
        for p in self.api.probes():
            reply = self.call(p.inputs, p.params)
            if reply.kind in ("timeout", "interrupted", "reference"):
                break
            self._probed.append((p, reply))
            if not reply.ok:
                results.append(probing.ProbeResult(p.parameter, p.value, p.base, False, ["raises"]))
                continue
            right = self.api.reference(p.inputs, p.params)
            wrong = [
                n
                for n in right
                if (n in reply.outputs or n not in self.api.optional)
                and not _compare(n, reply.outputs.get(n), right[n], _PROBE).ok
            ]
            results.append(probing.ProbeResult(p.parameter, p.value, p.base, not wrong, wrong))
        return results

    def notes(self) -> list[str]:
        """Inputs outside the template: what the code does with them, as notes only."""
        out = []
        for case in self.api.notes():
            reply = self.call(case.inputs, case.params)
            if not reply.ok:
                if reply.kind != "timeout" and not reply.message.startswith("AssertionError"):
                    out.append(f"{case.about}: your code raises {reply.message[:100]}")
                continue
            right = self.api.reference(case.inputs, case.params)
            bad = [
                f"{n} {_compare(n, reply.outputs.get(n), right[n], case).got_shape}"
                for n in right
                if (n in reply.outputs or n not in self.api.optional)
                and not _compare(n, reply.outputs.get(n), right[n], case).ok
            ]
            if bad:
                out.append(f"{case.about}: your results differ from PyTorch's: {', '.join(bad)}")
        return [f"{n} (a note, not a fail)" for n in out]

    def tidy(self, report: FileReport) -> None:
        """Drop what the whole file contradicts: a bug named only from an all-zero result where
        another test names a bug for that array, and, where several bugs give the same wrong
        result, those that reproduce fewer of the probes."""
        strong: dict[str, set[str]] = {}  # array: the bugs named for it from nonzero results
        for t in report.tests:
            for d in t.diagnoses:
                if d.bug and not self._weak.get(id(d), False):
                    for a in _arrays(d):
                        strong.setdefault(a, set()).add(d.bug)
        unfinished = {
            a
            for t in report.tests
            for d in t.diagnoses
            if d.bug == "not_implemented" and self._weak.get(id(d), False)
            for a in _arrays(d)
        }
        for t in report.tests:
            weak = [d for d in t.diagnoses if d.bug and self._weak.get(id(d), False)]
            drop = {
                id(d)
                for d in weak
                if any(a in strong and d.bug not in strong[a] for a in _arrays(d))
            }
            drop |= {
                id(d) for d in weak if d.bug != "not_implemented" and set(_arrays(d)) & unfinished
            }
            t.diagnoses = [d for d in t.diagnoses if id(d) not in drop]
            named = [d for d in t.diagnoses if d.bug and d.bug in _variant_bugs(self.api)]
            if len(named) < 2:
                continue
            # the probes reproduced, and half a point where the learner's source shows the bug:
            # that breaks only exact ties between bugs that give the same results
            read = {f.bug for f in self.findings}
            seen = {f.bug for f in self.confirming}  # a line such a bug would be on
            scores = {
                d.bug: self.probe_score(d.bug) + 0.5 * (d.bug in read) + 0.25 * (d.bug in seen)
                for d in named
                if d.bug
            }
            best = max(scores.values())
            t.diagnoses = [
                d for d in t.diagnoses if d not in named or scores.get(d.bug or "") == best
            ]

    def probe_score(self, bug: str) -> int:
        """How many probes one of ``bug``'s variants reproduces (results, or raising)."""
        score = 0
        variants = [v for v in self.api.variants if v.bug == bug]
        for k, (p, reply) in enumerate(self._probed):
            outs = [self.variant(("probe", k), v, p.inputs, p.params) for v in variants]
            if not reply.ok:
                score += any(o is None for o in outs)
                continue
            score += any(
                o is not None
                and all(
                    n in reply.outputs and bugs.close(reply.outputs[n], o[n], 1e-6, 1e-8) for n in o
                )
                for o in outs
            )
        return score

    def attach_findings(self, report: FileReport) -> None:
        """Quote the lines the static reading flagged under the diagnoses that name their bug;
        the others become likely causes under the failing tests whose results their bug can
        change."""
        quotes: dict[str, list[static.Finding]] = {}
        for f in self.confirming:
            quotes.setdefault(f.bug, []).append(f)
        by_bug: dict[str, list[static.Finding]] = {}
        for f in self.findings:
            if f.bug in self.api.bugs:
                by_bug.setdefault(f.bug, []).append(f)
        quotes.update(by_bug)
        for bug in static.CERTAIN & by_bug.keys():  # what the code alone shows: named first
            for t in report.tests:
                if t.passed or t.status == "not run" or any(d.bug == bug for d in t.diagnoses):
                    continue
                d = self.named(bug, None)
                d.lines = [_quote(f) for f in by_bug[bug]]
                # arrays handed to the wrong names: their shapes' unpacking fails in consequence
                t.diagnoses = [d, *(e for e in t.diagnoses if e.bug != "axes_unpacked")]
        named = {d.bug for t in report.tests for d in t.diagnoses if d.bug}
        for t in report.tests:
            if t.passed or t.status == "not run":
                continue
            for d in t.diagnoses:
                if d.bug in quotes and not d.lines:
                    # the lines, then the bug's own explanation (the findings' messages say the
                    # same again; they serve the likely causes below, which have no other text)
                    d.lines = [_quote(f) for f in quotes[d.bug]]
            wrong = {c.name.lower() for c in t.arrays if not c.ok}
            # the arrays a bug named from the results already explains: a finding there is more
            # likely a consequence of that bug (an unpacking swapped makes every size look wrong)
            explained = {a.lower() for d in t.diagnoses if d.bug for a in _arrays(d)}
            for bug, found in by_bug.items():
                if bug in named:
                    continue
                changes = set(self.api.bugs[bug].changes)
                if t.status == "fail" and changes and not changes & wrong:
                    continue
                if any(d.bug and not d.likely for d in t.diagnoses) and (
                    t.status != "fail" or wrong <= explained
                ):
                    continue
                known = self.api.bugs[bug]
                t.diagnoses.append(
                    Diagnosis(
                        None,
                        bug,
                        "likely cause: " + known.title.format(**self.api.names),
                        " ".join(dict.fromkeys(f.message for f in found)),
                        lines=[_quote(f) for f in found],
                        likely=True,
                    )
                )


_PROBE = Case("probe", "", {}, rtol=1e-6, atol=1e-8)


def _variant_bugs(api: Api) -> set[str]:
    return {v.bug for v in api.variants}


def _arrays(d: Diagnosis) -> list[str]:
    return (d.array or "").split(", ") if d.array else []


def _quote(f: static.Finding) -> str:
    return f"line {f.line}: {f.code}"


def _normalise(reply: Any) -> Reply:
    """``reply`` as a :class:`Reply` whose outputs are numeric arrays; anything else the learner
    returned is dropped from the outputs (and reported as missing or not numbers)."""
    if not isinstance(reply, Reply):
        reply = Reply(
            str(getattr(reply, "kind", "crash")),
            str(getattr(reply, "message", "")),
            list(getattr(reply, "traceback", []) or []),
            dict(getattr(reply, "outputs", {}) or {}),
            list(getattr(reply, "modified", []) or []),
            list(getattr(reply, "notes", []) or []),
            float(getattr(reply, "seconds", 0.0) or 0.0),
        )
    outputs: dict[str, np.ndarray] = {}
    given = reply.outputs if isinstance(reply.outputs, dict) else {}
    for name, value in given.items():
        array = _as_numbers(value)
        if array is not None:
            outputs[str(name)] = array
    reply.outputs = outputs
    return reply


def _as_numbers(value: object) -> np.ndarray | None:
    """``value`` as an array of real numbers, or None when it is not one."""
    if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
        return value
    try:
        array = np.asarray(value)
    except Exception:  # noqa: BLE001 - ragged lists, objects that refuse: not numbers
        return None
    return array if array.dtype.kind in "biuf" else None


def _handed_back(got: np.ndarray, inputs: Arrays) -> bool:
    """One of the inputs handed back unchanged, as a result."""
    return any(
        a.shape == got.shape and got.size > 1 and bugs.close(got, a, 1e-12, 0.0)
        for a in inputs.values()
    )


class _Signature:
    def __init__(
        self, arrays: tuple[str, ...], kinds: tuple[str, ...], bugs_: set[str], modified: bool
    ):
        self.arrays, self.kinds, self.bugs, self.modified = arrays, kinds, bugs_, modified

    def key(self) -> tuple:
        return self.arrays, self.kinds, tuple(sorted(self.bugs)), self.modified


def _named(diagnoses: list[Diagnosis], weak: dict[int, bool]) -> set[str]:
    """The bugs named from the results (not the likely causes, not the modified inputs)."""
    return {d.bug for d in diagnoses if d.bug and not d.likely} - {"in_place"}


def _signature(result: TestResult, weak: dict[int, bool]) -> _Signature:
    wrong = [c for c in result.arrays if not c.ok]
    named = _named(result.diagnoses, weak)
    modified = any(d.bug == "in_place" for d in result.diagnoses)
    return _Signature(tuple(c.name for c in wrong), tuple(_kind(c) for c in wrong), named, modified)


def _kind(check: ArrayCheck) -> str:
    if check.ok:
        return "right"
    if check.problem:
        return "missing"
    return "shape" if check.got_shape != check.expected_shape else "values"


def _shape_hint(name: str, got: tuple, want: tuple, params: Params) -> str:
    hint = f"expected shape {want}, got {got}"
    pad = params.get("pad", 0)
    if len(got) == len(want) == 4 and got[:2] == want[:2] and pad:
        if got[2:] == (want[2] + 2 * pad, want[3] + 2 * pad):
            hint += ": that is the padded shape; crop the padding off"
    if len(got) != len(want):
        hint += f": {len(got)} dimensions instead of {len(want)}"
    elif got == want[::-1] or (len(got) >= 2 and got == (*want[:-2], want[-1], want[-2])):
        hint += ": the axes are in the wrong order"
    return hint


def _compare(name: str, got: np.ndarray | None, want: np.ndarray, case: Case) -> ArrayCheck:
    if got is None:
        return ArrayCheck(
            name, False, tuple(want.shape), None, "", problem="missing or not numbers"
        )
    check = ArrayCheck(name, True, tuple(want.shape), tuple(got.shape), str(got.dtype))
    if got.shape != want.shape:
        check.ok = False
        return check
    with np.errstate(all="ignore"):
        error = np.abs(got.astype(np.float64) - want.astype(np.float64))
        scale = max(1.0, float(np.max(np.abs(want), initial=0.0)))
        bad = ~(error <= case.atol * scale + case.rtol * np.abs(want))  # NaN counts as wrong
    check.wrong, check.size = int(bad.sum()), int(bad.size)
    check.ok = check.wrong == 0
    if error.size:
        index = np.unravel_index(np.argmax(np.where(np.isnan(error), np.inf, error)), error.shape)
        check.worst_index = tuple(int(i) for i in index)
        check.max_error = float(error[index])
        check.expected_value, check.got_value = float(want[index]), float(got[index])
    return check
