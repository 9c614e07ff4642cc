"""The course-function grader's parent side never crashes, whatever comes back from the learner's
code: a fake sandbox hands :func:`convgrad.grading.functions.grade_functions` arbitrary results
(what the sandbox can rebuild: None, bools, numbers, arrays of any shape and real dtype, tuples and
lists of them, other objects) and every kind of failed call; each file must end in reports that
format as text, summary and JSON.
"""

import json

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convgrad.exercises import COURSES
from convgrad.grading import format_summary, format_text
from convgrad.grading.functions import grade_functions
from convgrad.grading.sandbox import Other, Reply

_ARRAYS = st.sampled_from([np.bool_, np.int64, np.float32, np.float64]).flatmap(
    lambda dtype: hnp.arrays(dtype, hnp.array_shapes(min_dims=0, max_dims=5, max_side=4))
)
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**62), 2**62),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(Other("a dict")),
    _ARRAYS,
)
_RESULTS = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(st.tuples(inner, inner), st.lists(inner, max_size=4)),
    max_leaves=8,
)
_REPLIES = st.one_of(
    _RESULTS.map(lambda r: ("ok", r)),
    st.sampled_from(["exception", "timeout", "memory", "crash", "protocol", "bad_return"]).map(
        lambda k: (k, None)
    ),
)


class FakeSandbox:
    def __init__(self, replies, modified):
        self.replies, self.modified, self.calls = replies, modified, 0

    def call(self, inputs, params=None, plan=None):
        kind, result = self.replies[self.calls % len(self.replies)]
        self.calls += 1
        reply = Reply(kind, "ValueError: no" if kind == "exception" else kind)
        reply.result = result
        reply.modified = list(inputs)[:1] if self.modified else []
        return reply


FUNCTIONS = [(course, e.name) for course, (_, m) in COURSES.items() for e in m.EXERCISES]
FUNCTIONS = [
    (c, f)
    for c, f in FUNCTIONS
    if (c, f)
    not in {
        ("seeds", "conv2d_backward"),
        ("cs231n", "conv_forward_naive"),
        ("cs231n", "conv_backward_naive"),
    }  # fmt: skip
]


@pytest.mark.parametrize("course, function", FUNCTIONS)
@settings(max_examples=15, deadline=None)
@given(replies=st.lists(_REPLIES, min_size=1, max_size=4), modified=st.booleans())
def test_any_result_ends_in_a_report(course, function, replies, modified):
    module = COURSES[course][1]
    source = f"def {function}(*args):\n    return None\n"
    sandbox = FakeSandbox(replies, modified)
    (report,) = grade_functions("f.py", course, module, [function], sandbox, {function}, source)
    assert report.tests and all(t.status for t in report.tests)
    format_text(report)
    format_summary([report])
    json.dumps(report.to_json())
