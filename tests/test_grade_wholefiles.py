"""Whole files as learners hand them in (issue 15, red team round 2): cs231n's ``layers.py`` with
every layer of the assignment, deeplearning.ai's notebook as .ipynb and as nbconvert's .py, the
seeds' series in one file with its own checks, and odd but honest files (a BOM, CRLF, tabs,
Latin-1, non-ASCII names, a function redefined, aliases, static methods, 18 000 lines).

The files are in tests/submissions/wholefiles/ (README.md there lists what each must get). Each
is graded with :func:`convgrad.grading.files.grade`; the grader must detect the course, grade
every course function the file defines (and only those), fail the buggy one with its bug named
and its line quoted, and pass the others. Behaviour that is wrong today is written with the
right expectation and marked ``xfail(strict=True)``: its reason says what to fix.
"""

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from convgrad.grading import files as grading_files

FOLDER = Path(__file__).parent / "submissions" / "wholefiles"


@dataclass
class Expect:
    """What grading one file must give: its ``course``; the functions that must ``pass``; the
    ones that must fail, each with its bugs as (bug id, the lines any of which may be quoted;
    empty: no line checked); the functions the file does not define (``missing``: the rest of
    the course's); ``xfail``: why the grader gets it wrong today."""

    course: str
    passes: tuple[str, ...] = ()
    fails: dict[str, list[tuple[str, tuple[int, ...]]]] = field(default_factory=dict)
    xfail: str = ""


CS231N_ALL = (
    "conv_forward_naive",
    "conv_backward_naive",
    "max_pool_forward_naive",
    "max_pool_backward_naive",
)
DLAI_ALL = (
    "zero_pad",
    "conv_single_step",
    "conv_forward",
    "pool_forward",
    "conv_backward",
    "create_mask_from_window",
    "distribute_value",
    "pool_backward",
)
SEEDS_ALL = (
    "conv2d_naive",
    "conv2d",
    "relu",
    "max_pool_2d",
    "softmax",
    "conv2d_backward",
    "mini_cnn_forward",
)

EXPECT = {
    # cs231n assignment 2: the whole layers.py (affine, relu, batchnorm stubs, dropout, losses)
    "cs231n_layers.py": Expect("cs231n", CS231N_ALL),
    "cs231n_layers_pool_overwrite.py": Expect(
        "cs231n",
        ("conv_forward_naive", "conv_backward_naive", "max_pool_forward_naive"),
        {"max_pool_backward_naive": [("index_overwrite", (243,))]},
    ),
    "cs231n_layers_crop.py": Expect(
        "cs231n",
        ("conv_forward_naive", "max_pool_forward_naive", "max_pool_backward_naive"),
        {"conv_backward_naive": [("crop_negative_pad", (188,))]},
    ),
    "cs231n_layers_stubs.py": Expect(
        "cs231n",
        ("conv_forward_naive", "max_pool_forward_naive"),
        {
            "conv_backward_naive": [("not_implemented", (172,))],
            "max_pool_backward_naive": [("not_implemented", (207,))],
        },
    ),
    # a .py copied out of the notebook by hand: raw % lines, 2-space indents, input()
    "dlai_raw_magics.py": Expect(
        "dlai", ("zero_pad",), {"conv_single_step": [("bias_inside_sum", (22,))]}
    ),
    # deeplearning.ai: the notebook (conv_forward defined twice, the later one right), the
    # notebook with the hint's crop, and two nbconvert exports of an older year
    "dlai_notebook.ipynb": Expect("dlai", DLAI_ALL),
    "dlai_nbconvert_v2.py": Expect("dlai", DLAI_ALL),
    "dlai_notebook_hint_crop.ipynb": Expect(
        "dlai",
        tuple(n for n in DLAI_ALL if n != "conv_backward"),
        {"conv_backward": [("crop_pad_minus_pad", ())]},  # its line: see the cell test
    ),
    # the seeds' series: every step in one file, with asserts and a __main__ block
    "seeds_all_steps.py": Expect("seeds", SEEDS_ALL),
    "seeds_all_steps_naive_softmax.py": Expect(
        "seeds",
        ("conv2d_naive", "conv2d", "relu", "max_pool_2d", "conv2d_backward"),
        {
            "softmax": [("no_max_subtraction", (66,))],
            # it calls the learner's softmax: nan for large logits, the helper named
            "mini_cnn_forward": [("softmax_no_max_subtraction", (66,))],
        },
    ),
    "seeds_step01.py": Expect("seeds", ("conv2d_naive",)),
    # step 06 alone, importing its helpers from the learner's other files (not there)
    "seeds_step06_imports.py": Expect("seeds", ("mini_cnn_forward",)),
    # odd but honest
    "odd_crlf_tabs_stride.py": Expect(
        "seeds", ("relu",), {"conv2d": [("stride_ignored", (20, 21))]}
    ),
    "odd_latin1.py": Expect("seeds", ("relu", "softmax")),
    "odd_nonascii.py": Expect("dlai", ("zero_pad", "conv_single_step", "distribute_value")),
    "odd_redefined.py": Expect(
        "dlai", ("distribute_value",), {"create_mask_from_window": [("first_max_only", (18, 19))]}
    ),
    "odd_long.py": Expect("cs231n", CS231N_ALL),
    # wrong today
    "dlai_nbconvert_divided_by_sum.py": Expect(
        "dlai",
        tuple(n for n in DLAI_ALL if n not in ("distribute_value", "pool_backward")),
        # pool_backward is right but calls the wrong distribute_value: it fails
        {"distribute_value": [("divided_by_sum", (226, 227))], "pool_backward": []},
    ),
    "cs231n_layers_forward_no_bias.py": Expect(
        "cs231n",
        ("conv_backward_naive", "max_pool_forward_naive", "max_pool_backward_naive"),
        {"conv_forward_naive": [("bias_wrong", (151,))]},
    ),
    "dlai_help_syntax.ipynb": Expect(
        "dlai",
        ("zero_pad", "pool_forward"),
        # conv_forward is right but calls the wrong conv_single_step: it fails
        {"conv_single_step": [("bias_inside_sum", ())], "conv_forward": []},
    ),
    "cs231n_layers_pdb.py": Expect(
        "cs231n",
        CS231N_ALL,
    ),
    "odd_crlf_bom_tabs.py": Expect(
        "seeds",
        ("conv2d", "relu"),
    ),
    "odd_alias.py": Expect(
        "seeds",
        ("conv2d_naive", "relu", "softmax"),
    ),
    "odd_class_static.py": Expect(
        "dlai",
        ("zero_pad", "create_mask_from_window", "distribute_value"),
    ),
    "odd_if_true.py": Expect(
        "cs231n",
        ("max_pool_forward_naive", "max_pool_backward_naive"),
    ),
}
# graded with a shorter time limit in its own test (a notebook cell that trains for 30 s)
SLOW = "dlai_training_cell.ipynb"
# with tests of their own: a file that does not parse, a notebook that defines nothing graded
OWN = {
    "cs231n_python2_print.py",
    "cs231n_notebook_imports_layers.ipynb",
    "dlai_global_hparameters.ipynb",
    SLOW,
}
FILES = sorted(p.name for p in FOLDER.iterdir() if p.suffix in (".py", ".ipynb"))


def params():
    return [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason=EXPECT[name].xfail)]
            if EXPECT[name].xfail
            else [],
            id=name,
        )
        for name in sorted(EXPECT)
    ]


def test_every_file_has_an_expectation():
    assert set(FILES) - OWN == set(EXPECT)


@pytest.mark.parametrize("name", params())
def test_each_function_gets_its_verdict(name):
    expect = EXPECT[name]
    result = grading_files.grade(FOLDER / name)
    text = result.text()
    assert result.course == expect.course, text
    reports = {r.function: r for r in result.reports}
    graded = set(expect.passes) | set(expect.fails)
    assert set(reports) == graded, text
    for function in expect.passes:
        report = reports[function]
        assert report.passed and not report.bugs and not report.load_error, text
    for function, bugs in expect.fails.items():
        report = reports[function]
        assert not report.passed, text
        quoted = {d.bug: d.lines for t in report.tests for d in t.diagnoses if d.bug}
        for bug, lines in bugs:
            assert bug in report.bugs, (bug, report.bugs)
            if lines:
                starts = tuple(f"line {n}: " for n in lines)
                assert any(q.startswith(starts) for q in quoted[bug]), (bug, quoted[bug])
    defined = graded
    course = grading_files.course_functions(expect.course)
    assert sorted(result.missing) == sorted(set(course) - defined), result.missing


def test_top_level_statements_that_raise_are_skipped_with_a_note():
    """The notebook's magics, its missing modules (h5py, public_tests) and the course's test
    calls are skipped, each said once, and every function is still graded."""
    result = grading_files.grade(FOLDER / "dlai_notebook.ipynb")
    notes = [n for r in result.reports for n in r.notes]
    assert any("IPython lines" in n for n in notes)
    assert any("h5py" in n and "ModuleNotFoundError" in n for n in notes)
    assert any("public_tests" in n for n in notes)
    assert any("zero_pad_test(zero_pad)" in n and "NameError" in n for n in notes)
    assert result.passed


def test_the_learners_own_failing_assert_does_not_fail_the_function():
    result = grading_files.grade(FOLDER / "seeds_step01.py")
    notes = [n for r in result.reports for n in r.notes]
    assert any("AssertionError" in n and "line 19" in n for n in notes), notes
    assert result.passed


def test_a_stub_left_with_pass_is_said_to_be_unfinished():
    result = grading_files.grade(FOLDER / "cs231n_layers_stubs.py")
    text = result.text()
    assert "not finished" in text or "not written yet" in text
    # the stubs the course does not grade (batchnorm, spatial batchnorm) are not graded
    assert "batchnorm" not in " ".join(r.function for r in result.reports)


def test_a_cell_that_runs_too_long_is_skipped():
    result = grading_files.grade(FOLDER / SLOW, timeout=2.0)
    reports = {r.function: r for r in result.reports}
    assert set(reports) == {"zero_pad", "create_mask_from_window"}
    assert all(r.passed for r in reports.values()), result.text()


def test_python_2_print_names_the_line():
    result = grading_files.grade(FOLDER / "cs231n_python2_print.py")
    assert not result.passed
    errors = [r.load_error for r in result.reports if r.load_error]
    assert errors and "syntax error" in errors[0] and "line 113" in errors[0], errors


def test_python_2_print_keeps_its_course():
    result = grading_files.grade(FOLDER / "cs231n_python2_print.py")
    assert result.course == "cs231n"
    assert "conv2d_naive" not in result.missing


def test_the_cs231n_notebook_points_to_layers_py():
    result = grading_files.grade(FOLDER / "cs231n_notebook_imports_layers.ipynb")
    assert result.course == "cs231n" and not result.passed
    assert "cs231n/layers.py" in result.text() or "cs231n.layers" in result.text()
    assert "conv2d_backward" not in result.text()


def test_a_function_reading_the_notebooks_global_fails():
    """conv_backward unpacks ``(A_prev, W, b, _) = cache`` and reads ``hparameters``: the global
    a test cell left (pad 2, stride 2, the only case the course tests). It must fail."""
    result = grading_files.grade(FOLDER / "dlai_global_hparameters.ipynb")
    reports = {r.function: r for r in result.reports}
    assert set(reports) == {"zero_pad", "conv_single_step", "conv_forward", "conv_backward"}
    assert not reports["conv_backward"].passed
    assert all(reports[n].passed for n in ("zero_pad", "conv_single_step", "conv_forward"))


def test_a_function_reading_the_notebooks_global_is_diagnosed():
    result = grading_files.grade(FOLDER / "dlai_global_hparameters.ipynb")
    report = next(r for r in result.reports if r.function == "conv_backward")
    quoted = [q for t in report.tests for d in t.diagnoses for q in d.lines]
    assert any("hparameters" in q for q in quoted), quoted


def test_a_notebooks_bug_is_quoted_with_its_cell():
    result = grading_files.grade(FOLDER / "dlai_notebook_hint_crop.ipynb")
    report = next(r for r in result.reports if r.function == "conv_backward")
    quoted = [q for t in report.tests for d in t.diagnoses if d.bug for q in d.lines]
    assert quoted and all("cell 17" in q for q in quoted), quoted


def test_the_command_grades_the_whole_folder_as_json():
    """One ``convgrad grade --json FOLDER`` over every file (.py and .ipynb): valid JSON, one
    entry per file, no traceback, the same verdicts as the library."""
    run = subprocess.run(
        [sys.executable, "-m", "convgrad", "grade", "--json", str(FOLDER)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 1, run.stderr  # some files fail
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    data = json.loads(run.stdout)
    assert sorted(Path(d["file"]).name for d in data) == FILES
    for entry in data:
        name = Path(entry["file"]).name
        if name in EXPECT and not EXPECT[name].xfail:
            assert entry["course"] == EXPECT[name].course, name
            assert entry["passed"] == (not EXPECT[name].fails), name


def test_the_child_reads_a_bom_and_a_coding_line_without_loading_a_codec(monkeypatch):
    import codecs

    from convgrad.grading import _child

    def no_codecs(name):  # as inside a sandbox whose stdlib is out of reach
        raise LookupError(name)

    text = "x = 'caf\u00e9'\r\n"
    assert _child._source_text(b"\xef\xbb\xbf" + text.encode()) == text
    monkeypatch.setattr(codecs, "lookup", no_codecs)
    assert _child._source_text(b"\xef\xbb\xbf" + text.encode()) == text
    assert _child._source_text(text.encode()) == text


def test_a_file_saved_with_a_bom_keeps_its_lines_quoted(tmp_path):
    # a Windows editor's copy of a learner's file: UTF-8 with a BOM, CRLF line endings
    source = (FOLDER.parent / "corpus" / "exercise" / "dx_overwrite.py").read_text()
    path = tmp_path / "dx_overwrite.py"
    path.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode())
    text = grading_files.grade(path).text()
    assert "dx_overwrite" in text and "line 16: dx[:, i:i+kH, j:j+kW] =" in text, text
