"""The corpus of course submissions in tests/submissions/courses/, checked against itself.

Each file there is a submission written for these tests (in the styles learners write, none
copied), with a header the grading engine is later measured against::

    # expect: pass | fail
    # function: NAME          (one line per function the file is graded on)
    # bug: ID                 (fail files: one line per bug, an id of the course's catalogue)
    # line: N                 (fail files: the line holding each bug, in the same order)

Here: a pass file agrees with the reference (and with PyTorch where the course's rule is
PyTorch's) on every battery input; a fail file disagrees on at least one, and a file with one bug
fails on exactly the battery inputs where that bug's variant fails (the variants of this catalogue
also match most files output for output; a file in another style may fail differently, say with
an error where the variant returns a wrong shape); each ``line`` points at code inside a
function; every bug of every catalogue has a file.
"""

import ast
import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest

from convgrad.exercises import cs231n, dlai, seeds
from convgrad.exercises._catalogue import call, same_outcome, same_result
from test_courses import torch_expected

CORPUS = Path(__file__).parent / "submissions" / "courses"
COURSES = {"seeds": seeds, "cs231n": cs231n, "dlai": dlai}
# deeplearning.ai's learners wrote for NumPy 1: their arrays come as NumPy1Array (see call())
AS_NUMPY1 = {"seeds": False, "cs231n": False, "dlai": True}
FILES = sorted(CORPUS.glob("*/*.py"))


def header(path):
    """The header's fields: ``expect`` and lists ``function``, ``bug``, ``line``."""
    fields = {"expect": [], "function": [], "bug": [], "line": []}
    for text in path.read_text().splitlines():
        match = re.match(r"# (expect|function|bug|line): (\S+)$", text)
        if not match:
            break
        fields[match.group(1)].append(match.group(2))
    return fields


def load(path):
    spec = importlib.util.spec_from_file_location(f"corpus_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def exercise(course, function):
    return {e.name: e for e in COURSES[course].EXERCISES}[function]


def by_expect(expect):
    return [
        pytest.param(p, id=f"{p.parent.name}/{p.name}")
        for p in FILES
        if header(p)["expect"] == [expect]
    ]


@pytest.mark.parametrize("course", COURSES)
def test_every_course_has_a_corpus_that_covers_its_catalogue(course):
    headers = [header(p) for p in FILES if p.parent.name == course]
    assert sum(h["expect"] == ["pass"] for h in headers) >= 4
    assert sum(h["expect"] == ["fail"] for h in headers) >= 12
    covered = {
        (h["function"][0], bug) for h in headers if h["expect"] == ["fail"] for bug in h["bug"]
    }
    catalogue = {(f, bug) for f, bugs in COURSES[course]._BUGS.items() for bug in bugs}
    assert catalogue - covered == set()


@pytest.mark.parametrize("path", [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in FILES])
def test_the_header_is_well_formed_and_its_lines_point_at_code(path):
    fields, module = header(path), COURSES[path.parent.name]
    assert fields["expect"] in (["pass"], ["fail"])
    assert fields["function"] and all(f in module._BUGS for f in fields["function"])
    if fields["expect"] == ["pass"]:
        assert fields["bug"] == fields["line"] == []
        return
    assert len(fields["function"]) == 1 and fields["bug"]
    assert len(fields["line"]) == len(fields["bug"])
    assert all(bug in module._BUGS[fields["function"][0]] for bug in fields["bug"])
    source = path.read_text()
    lines = source.splitlines()
    spans = [
        (node.body[0].lineno, node.end_lineno)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef)
    ]
    for number in map(int, fields["line"]):
        text = lines[number - 1].strip()
        assert text and not text.startswith("#"), f"line {number} is not code: {text!r}"
        assert any(start <= number <= end for start, end in spans), (
            f"line {number} is outside a function"
        )


@pytest.mark.parametrize("path", by_expect("pass"))
def test_a_pass_file_agrees_with_the_reference_and_torch(path):
    course, submission = path.parent.name, load(path)
    module = COURSES[course]
    for function in header(path)["function"]:
        for case in module.battery(function):
            ex, numpy1 = exercise(course, function), AS_NUMPY1[course]
            got = call(getattr(submission, function), case, ex, numpy1)
            expected = call(getattr(module, function), case, ex, numpy1)
            assert same_outcome(got, expected), f"{function}: {case.name}: {got}"
            oracle = torch_expected(course, function, case)
            if oracle is not None:
                assert same_result(got.returned, oracle), f"{function}: {case.name} (torch)"


@pytest.mark.parametrize("path", by_expect("fail"))
def test_a_fail_file_disagrees_and_behaves_like_its_bug(path):
    course, submission, fields = path.parent.name, load(path), header(path)
    module, (function,) = COURSES[course], fields["function"]
    ex, reference = exercise(course, function), getattr(module, function)
    numpy1 = AS_NUMPY1[course]
    outcomes = [
        (case, call(getattr(submission, function), case, ex, numpy1))
        for case in module.battery(function)
    ]
    assert any(not same_outcome(got, call(reference, case, ex, numpy1)) for case, got in outcomes)
    if len(fields["bug"]) == 1:  # it fails exactly where its bug's variant fails
        variant = module._VARIANTS[function][fields["bug"][0]]
        for case, got in outcomes:
            right = call(reference, case, ex, numpy1)
            failed = not same_outcome(call(variant, case, ex, numpy1), right)
            assert (not same_outcome(got, right)) == failed, (
                f"{case.name}: the file and the variant {fields['bug'][0]!r} disagree on "
                f"whether this case fails"
            )


def numpy_refuses_float_of_an_array():
    try:
        float(np.ones((1, 1, 1)))
    except TypeError:
        return True
    return False


def test_the_notebooks_own_hint_runs_only_with_numpy1_arrays():
    # conv_single_step's hint, Z = Z + float(b) with b (1, 1, 1), is a TypeError on NumPy 2:
    # a grader that hands deeplearning.ai learners plain arrays fails their right answers.
    submission = load(CORPUS / "dlai" / "notebook_float_b.py")
    ex, case = exercise("dlai", "conv_forward"), dlai.battery("conv_forward")[0]
    right = call(dlai.conv_forward, case, ex)
    assert same_outcome(call(submission.conv_forward, case, ex, as_numpy1=True), right)
    plain = call(submission.conv_forward, case, ex)
    assert plain.raised if numpy_refuses_float_of_an_array() else same_outcome(plain, right)


# Bugs whose first _WHERE pattern matches a line that is right in a correct file, on purpose: the
# bug sits in a line of that very shape (zero_pad's np.pad call, Z = np.sum(s) before the bias is
# added, a crop guarded by "if pad", np.ones(shape) * average) and the results decide which it is.
DLAI_BROAD_FIRST_PATTERN = {
    ("zero_pad", "pads_channels"),
    ("zero_pad", "pads_batch"),
    ("zero_pad", "one_side"),
    ("zero_pad", "pads_every_axis"),
    ("conv_single_step", "bias_inside_sum"),
    ("conv_forward", "no_bias"),
    ("conv_backward", "crop_pad_minus_pad"),
    ("create_mask_from_window", "first_max_only"),
    ("pool_backward", "first_max_only"),
    ("pool_backward", "average_not_divided"),
}


def test_dlai_first_patterns_quote_no_line_of_a_correct_file():
    from convgrad.grading.functions import locate

    passing = [p for p in FILES if p.parent.name == "dlai" and header(p)["expect"] == ["pass"]]
    quoted = {}
    for function, bugs in dlai._WHERE.items():
        for bug, patterns in bugs.items():
            if (function, bug) in DLAI_BROAD_FIRST_PATTERN:
                continue
            for path in passing:
                lines = locate(path.read_text(), function, patterns[:1])
                if lines:
                    quoted[(function, bug)] = f"{path.name}: {lines[0]}"
    assert quoted == {}


# Bugs whose first line pattern is precise: it quotes no line of a right answer. (The others'
# patterns only confirm a bug the results named, and some match right lines too: np.pad, @.)
PRECISE = {
    ("seeds", "conv2d_naive"): (
        "kernel_flipped",
        "out_size_off_by_one",
        "channels_not_summed",
        "matmul_not_elementwise",
        "out_size_wrong_dim",
        "kernel_dims_swapped",
        "loop_one_short",
    ),
    ("seeds", "conv2d"): (
        "kernel_flipped",
        "last_window_dropped",
        "out_size_ceil",
        "pad_not_zeros",
    ),
    ("seeds", "relu"): ("python_max", "python_max_per_row"),
    ("seeds", "max_pool_2d"): ("last_window_dropped", "mean_pool"),
    ("seeds", "softmax"): ("shift_numerator_only",),
    ("seeds", "mini_cnn_forward"): ("flatten_fortran", "kernel_flipped", "batch_axis_kept"),
    ("cs231n", "max_pool_forward_naive"): (
        "reshape_non_overlapping",
        "out_size_wrong_dim",
        "max_without_axis",
        "window_by_stride",
    ),
    ("cs231n", "max_pool_backward_naive"): (
        "ties_split",
        "windows_off_edge",
        "grad_wrong_window",
        "window_by_stride",
        "fancy_index_broadcast",
    ),
}


@pytest.mark.parametrize("path", by_expect("pass"))
def test_a_precise_pattern_quotes_no_line_of_a_right_answer(path):
    from convgrad.grading.functions import locate

    course, source = path.parent.name, path.read_text()
    for function in header(path)["function"]:
        for bug in PRECISE.get((course, function), ()):
            first = COURSES[course]._WHERE[function][bug][0]
            assert locate(source, function, (first,)) == [], (function, bug)
