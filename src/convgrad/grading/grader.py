"""Grade one learner file: run the battery in a sandbox, compare, diagnose, shrink.

:func:`grade_file` returns a :class:`~convgrad.grading.report.FileReport`. For each test the
learner's function runs in the child process (:mod:`.sandbox`) on copies of the inputs; its
results are compared with the expected ones (:mod:`.battery`); a failing result is matched
against the known buggy variants (:mod:`.bugs`), and the smallest of a few hundred tiny inputs
that still shows the failure (the same bug, when one was named) is found and kept for the report.
After a test runs out of time the remaining tests are not run: each would wait out the limit too.
"""

from __future__ import annotations

import os
import time

import numpy as np

from . import bugs
from .battery import APIS, Api, Arrays, Case, Params
from .report import ArrayCheck, Diagnosis, Example, FileReport, TestResult
from .sandbox import Reply, Sandbox

SHRINK_SECONDS = 2.0  # per file, over all its failing tests
SHRINK_CANDIDATES = 200  # per failing test


def grade_file(
    path: str | os.PathLike[str],
    api: str = "exercise",
    function: str | None = None,
    timeout: float = 10.0,
    memory_mb: int = 2048,
    forward: str = "conv_forward_naive",
) -> FileReport:
    """Grade the backward pass in the Python file ``path`` against ``api``'s battery.

    ``function`` defaults to the API's name (``conv2d_backward`` or ``conv_backward_naive``);
    ``timeout`` is in seconds per test, ``memory_mb`` what the learner's code may allocate.
    """
    spec = APIS[api]
    grader = _Grader(
        spec, Sandbox(path, api, function or spec.function, forward, timeout, memory_mb)
    )
    start = time.perf_counter()
    report = FileReport(str(path), api, function or spec.function)
    report.isolation = grader.sandbox.isolation.describe()
    with grader.sandbox:
        loaded = grader.sandbox.start()
        if not loaded.ok:
            if loaded.kind == "reference":
                report.cheat = loaded.message
            elif loaded.kind == "interrupted":
                report.notes.append(loaded.message)
            else:
                report.load_error = _load_message(loaded)
            report.tests = [TestResult(c.name, c.about, "not run") for c in spec.cases()]
        else:
            if api == "cs231n" and not loaded.has_forward:
                report.notes.append(
                    f"no {forward}() in the file: the backward pass gets the cache "
                    "(x, w, b, conv_param)"
                )
            stopped = False
            for case in spec.cases():
                if stopped:
                    result = TestResult(
                        case.name, case.about, "not run", message="an earlier test ran out of time"
                    )
                else:
                    result = grader.run(case)
                    stopped = result.status == "timeout"
                if grader.sandbox.cheat:  # caught using the reference: no score
                    report.cheat = grader.sandbox.cheat
                    result = TestResult(case.name, case.about, "not run")
                report.tests.append(result)
    report.seconds = time.perf_counter() - start
    return report


def _load_message(reply: Reply) -> str:
    what = {
        "syntax": "the file has a syntax error",
        "missing": "the function to grade is missing",
        "timeout": "importing the file did not finish in time",
        "memory": "importing the file used too much memory",
        "crash": "the process crashed while importing the file",
    }.get(reply.kind, "importing the file raised an exception")
    lines = [f"{what}: {reply.message}", *(f"  {t}" for t in reply.traceback)]
    return "\n".join(lines)


class _Grader:
    def __init__(self, api: Api, sandbox: Sandbox) -> None:
        self.api = api
        self.sandbox = sandbox
        self.shrink_left = SHRINK_SECONDS
        self._memo: dict[tuple[int, str], Reply] = {}

    def run(self, case: Case) -> TestResult:
        reply = self.sandbox.call(case.inputs, case.params)
        result = TestResult(case.name, case.about, "pass", seconds=reply.seconds, notes=reply.notes)
        if not reply.ok:
            return _failed_call(result, reply)
        expected = self.api.expected(case)
        names = case.compare or tuple(n for n in expected if n in reply.outputs)
        for name in names:
            result.arrays.append(_compare(name, reply.outputs[name], expected[name], case))
        if case.check == "shapes":
            for check in result.arrays:
                check.ok = check.got_shape == check.expected_shape
        wrong = [c.name for c in result.arrays if not c.ok]
        if reply.modified:
            result.diagnoses.append(
                _diagnosis(self.api, bugs.IN_PLACE, None, f"changed: {', '.join(reply.modified)}")
            )
        if not wrong and not reply.modified:
            return result
        result.status = "fail"
        right = self.api.reference(case.inputs, case.params)
        result.diagnoses += self.diagnose(
            case.inputs, case.params, reply.outputs, right, wrong, case
        )
        ids = {d.bug for d in result.diagnoses if d.bug}
        result.smallest = self.shrink(case, wrong, ids)
        return result

    def diagnose(
        self,
        inputs: Arrays,
        params: Params,
        got: Arrays,
        right: Arrays,
        wrong: list[str],
        case: Case,
    ) -> list[Diagnosis]:
        api, found = self.api, list[Diagnosis]()
        if api.name == "exercise" and {"dx", "dW"} <= set(got) and {"dx", "dW"} & set(wrong):
            if got["dx"].shape == right["dW"].shape and got["dW"].shape == right["dx"].shape:
                return [_diagnosis(api, bugs.SWAPPED, None)]
        for name in wrong:
            matched = bugs.matching_bugs(
                api, name, got[name], inputs, params, right[name], rtol=max(case.rtol, 1e-6)
            )
            if matched:
                for bug in matched:
                    same = [d for d in found if d.bug == bug.id]
                    if same:  # one bug, several arrays: name it once
                        same[0].array = f"{same[0].array}, {name}"
                    else:
                        found.append(_diagnosis(api, bug, name))
            elif got[name].shape != right[name].shape:
                found.append(
                    Diagnosis(
                        name,
                        None,
                        f"{name} has the wrong shape",
                        _shape_hint(name, got[name].shape, right[name].shape, inputs, params),
                    )
                )
            else:
                for hint in bugs.hints(name, got[name], right[name], case.rtol, case.atol):
                    found.append(Diagnosis(name, None, hint, ""))
        return found

    def shrink(self, case: Case, wrong: list[str], ids: set[str]) -> Example | None:
        """The smallest candidate input on which the learner's result is still wrong (showing one
        of the bugs in ``ids``, when there are any); None when none is found in the budget."""
        fallback = None
        start = time.perf_counter()
        dtypes = ",".join(str(a.dtype) for a in case.inputs.values())
        for k, (inputs, params) in enumerate(self.api.candidates(case)):
            if k >= SHRINK_CANDIDATES or time.perf_counter() - start > self.shrink_left:
                break
            key = (k, dtypes)
            if key not in self._memo:
                self._memo[key] = self.sandbox.call(inputs, params)
            reply = self._memo[key]
            if reply.kind in ("timeout", "interrupted", "reference"):
                break
            if not reply.ok:
                continue
            right = self.api.reference(inputs, params)
            bad = [
                n
                for n in wrong
                if n in reply.outputs and not bugs.close(reply.outputs[n], right[n], 1e-6, 1e-8)
            ]
            if "in_place" in ids and reply.modified:
                bad.append("inputs")
            if not bad or any(not np.any(right[n]) for n in bad if n in right):
                continue  # right, or wrong where the answer is all zeros: not instructive
            example = Example(inputs, params, right, reply.outputs, bad)
            if not ids:
                fallback = example
                break
            found = {"in_place"} if reply.modified else set()
            arrays = [n for n in bad if n != "inputs"]
            for d in self.diagnose(inputs, params, reply.outputs, right, arrays, case):
                found.add(d.bug or "")
            if found & ids:
                fallback = example
                break
            fallback = fallback or example
        self.shrink_left -= time.perf_counter() - start
        return fallback


def _diagnosis(api: Api, bug: bugs.Bug, name: str | None, extra: str = "") -> Diagnosis:
    text = bug.explanation.format(**api.names)
    return Diagnosis(
        name, bug.id, bug.title.format(**api.names), text + (f" ({extra})" if extra else "")
    )


def _shape_hint(name: str, got: tuple, want: tuple, inputs: Arrays, params: Params) -> str:
    hint = f"expected shape {want}, got {got}"
    pad = params.get("pad", 0)
    if len(got) == len(want) == 4 and got[:2] == want[:2] and pad:
        if got[2:] == (want[2] + 2 * pad, want[3] + 2 * pad):
            hint += ": that is the padded shape; crop the padding off"
    if got == want[::-1] or (len(got) >= 2 and got == (*want[:-2], want[-1], want[-2])):
        hint += ": the axes are in the wrong order"
    return hint


def _compare(name: str, got: np.ndarray, want: np.ndarray, case: Case) -> ArrayCheck:
    check = ArrayCheck(name, True, tuple(want.shape), tuple(got.shape), str(got.dtype))
    if got.shape != want.shape:
        check.ok = False
        return check
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


def _failed_call(result: TestResult, reply: Reply) -> TestResult:
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
    if reply.output and reply.kind != "interrupted":
        result.notes.append(f"it printed: {reply.output[:300]}")
    hint = bugs.exception_hint(reply.message)
    if hint:
        result.diagnoses.append(Diagnosis(None, None, hint, ""))
    return result
