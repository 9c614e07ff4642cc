"""The grader's parent side never crashes, whatever the learner's code returns, and it quotes the
static reading's findings where they explain a failure.

A fake sandbox (any object with ``start()`` and ``call()``) hands the grader arbitrary returned
values, for every API: wrong shapes, dimensions and dtypes, NaN, lists, scalars, None, objects;
each must end in a verdict, a text report and a JSON report.
"""

import json
from pathlib import Path
from unittest import mock

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convgrad.grading import format_summary, format_text, grade_file, grader, static
from convgrad.grading.battery import course
from convgrad.grading.sandbox import Reply

SUBMISSIONS = Path(__file__).parent / "submissions"

_DTYPES = st.sampled_from(
    [np.bool_, np.int8, np.int64, np.uint8, np.float16, np.float32, np.float64, np.complex128]
)


def _arrays(shape=None):
    shapes = hnp.array_shapes(min_dims=0, max_dims=5, min_side=0, max_side=4)
    return _DTYPES.flatmap(lambda dtype: hnp.arrays(dtype, shape if shape is not None else shapes))


_VALUES = st.one_of(
    st.none(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=3),
    st.just(object()),
    st.lists(st.floats(allow_nan=True), max_size=4),
    st.lists(st.lists(st.integers(-3, 3), max_size=3), max_size=3),  # ragged, often
    _arrays(),
)

_LIKE = {  # changes of the right answer: its shape with wrong values, or nearly its shape
    "zeros": np.zeros_like,
    "plus one": lambda a: a + 1,
    "nan": lambda a: np.full_like(a, np.nan),
    "transposed": lambda a: a.T.copy(),
    "one more dimension": lambda a: a[None],
    "flat": np.ravel,
    "integers": lambda a: a.astype(np.int64),
    "float16": lambda a: a.astype(np.float16),
    "huge": lambda a: a * 1e308,
    "random": lambda a: np.random.default_rng(0).standard_normal(a.shape),
}

# One returned value: "right", "missing", a change of the right answer, or any value at all.
_PLAN = st.one_of(
    st.sampled_from(["right", "missing", *_LIKE]), st.tuples(st.just("value"), _VALUES)
)
_REPLY = st.tuples(
    st.sampled_from(["ok"] * 6 + ["exception", "bad_return", "crash"]),
    st.sampled_from(["", "ValueError: could not be broadcast", "dx is not an array: None"]),
    st.lists(_PLAN, min_size=4, max_size=4),
    st.sampled_from([[], ["x"]]),
)


class FakeSandbox:
    """Answers the k-th call with the k-th of the replies drawn (cycling), each returned value
    made from the right answer on the call's inputs."""

    def __init__(self, replies, api):
        self.replies, self.api, self.calls = replies, api, 0

    def start(self):
        return Reply("ok", has_forward=True)

    def call(self, inputs, params=None):
        kind, message, plans, modified = self.replies[self.calls % len(self.replies)]
        self.calls += 1
        if kind != "ok":
            return Reply(kind, message)
        right = self.api.reference(inputs, params or {})
        outputs = {}
        for (name, value), plan in zip(right.items(), plans):
            if plan == "right":
                outputs[name] = value.copy()
            elif isinstance(plan, tuple):
                outputs[name] = plan[1]
            elif plan != "missing":
                outputs[name] = _LIKE[plan](value)
        return Reply("ok", outputs=outputs, modified=modified)


@pytest.mark.parametrize("api", ["exercise", "cs231n"])
@settings(max_examples=15)
@given(replies=st.lists(_REPLY, min_size=1, max_size=12))
def test_any_returned_value_gets_a_verdict_and_a_report(api, replies):
    spec = course(api)
    with mock.patch.object(grader, "SHRINK_SECONDS", 0.05):
        report = grade_file(SUBMISSIONS / "correct.py", api, sandbox=FakeSandbox(replies, spec))
    assert len(report.tests) == len(spec.cases())
    assert {t.status for t in report.tests} <= {"pass", "fail", "error", "crash"}
    text = format_text(report)
    assert text.endswith("tests passed")
    json.dumps(report.to_json())
    format_summary([report])


def test_a_wrong_db_and_a_db_of_the_wrong_ndim_get_verdicts():
    # both crashed the parent before (hints() and _where() assumed two dimensions)
    spec = course("cs231n")

    class Box:
        def __init__(self, change):
            self.change = change

        def start(self):
            return Reply("ok", has_forward=True)

        def call(self, inputs, params=None):
            right = spec.reference(inputs, params or {})
            right["db"] = self.change(right["db"])
            return Reply("ok", outputs=right)

    for change in (lambda db: db + 1.0, lambda db: db[:, None], lambda db: np.float64(db.sum())):
        report = grade_file(SUBMISSIONS / "cs231n_correct.py", "cs231n", sandbox=Box(change))
        assert not report.passed and "db" in format_text(report)


def _findings(source, course):
    lines = source.splitlines()
    found = []
    for k, line in enumerate(lines, 1):
        if "= dx_pad[:, :, pad:-pad" in line:
            found.append(
                static.Finding("crop_negative_pad", k, line.strip(), "crop with pad:pad + H")
            )
        if "np.zeros_like(w)" in line:  # a made-up finding no variant can confirm
            found.append(static.Finding("dw_overwrite", k, line.strip(), "check the += on dw"))
    return found


def test_static_findings_are_quoted_under_the_diagnoses_that_name_their_bug():
    with mock.patch.object(static, "read_source", _findings):
        report = grade_file(SUBMISSIONS / "cs231n_crop_negative_pad.py", "cs231n")
    text = format_text(report)
    source = (SUBMISSIONS / "cs231n_crop_negative_pad.py").read_text().splitlines()
    line = next(k for k, s in enumerate(source, 1) if "= dx_pad[:, :, pad:-pad" in s)
    assert f"line {line}: dx = dx_pad[:, :, pad:-pad, pad:-pad]" in text
    named = [d for t in report.tests for d in t.diagnoses if d.bug == "crop_negative_pad"]
    assert named and all(d.lines and not d.likely for d in named)
    # the dw finding explains no failing test (only dx is wrong): never shown
    assert "dw_overwrite" not in report.bugs and "check the += on dw" not in text
    assert report.bugs == ["crop_negative_pad"]


def test_unconfirmed_findings_are_likely_causes_under_failing_tests_only(tmp_path):
    def findings(source, course):
        return [static.Finding("hardcoded_pad", 3, "x = 1", "use pad, not 1")]

    # dx scaled by 1.5: wrong, and like no bug of the catalogue
    source = (SUBMISSIONS / "cs231n_correct.py").read_text()
    scaled = tmp_path / "scaled.py"
    scaled.write_text(source.replace("return dx, dw, db", "return dx * 1.5, dw, db"))
    assert scaled.read_text() != source
    with mock.patch.object(static, "read_source", findings):
        failing = grade_file(scaled, "cs231n")
        explained = grade_file(SUBMISSIONS / "cs231n_float_out_size.py", "cs231n")
        passing = grade_file(SUBMISSIONS / "cs231n_correct.py", "cs231n")
    likely = [d for t in failing.tests for d in t.diagnoses if d.likely]
    assert likely and all(d.bug == "hardcoded_pad" and d.lines == ["line 3: x = 1"] for d in likely)
    assert failing.bugs == ["hardcoded_pad"]
    assert "likely cause" in format_text(failing)
    # where a bug the results show already explains every failing test, no guess is added
    assert explained.bugs == ["round_out_size"], format_text(explained)
    assert passing.passed and passing.bugs == [] and "likely" not in format_text(passing)


def test_a_static_reading_that_raises_does_not_stop_the_grading():
    def broken(source, course):
        raise RuntimeError("a bug in the reader")

    with mock.patch.object(static, "read_source", broken):
        report = grade_file(SUBMISSIONS / "cs231n_dx_overwrite.py", "cs231n")
    assert report.bugs == ["dx_overwrite"]
