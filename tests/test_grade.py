"""``convgrad grade``: planted-bug submissions are failed with their bug named, correct ones pass,
and whatever the learner's code does (loop, crash, raise, allocate) the grader comes back."""

import itertools
import json
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from convgrad import cs231n
from convgrad.cli import main
from convgrad.exercises.cs231n import BACKWARD_MISTAKES, buggy_backward
from convgrad.exercises.cs231n import COURSE as CS231N
from convgrad.exercises.seeds import COURSE as EXERCISE
from convgrad.grading import bugs, format_summary, format_text, grade_file, grader
from convgrad.grading import files as grading_files
from convgrad.grading.sandbox import Sandbox

SUBMISSIONS = Path(__file__).parent / "submissions"


def grade(name, **kw):
    return grade_file(SUBMISSIONS / f"{name}.py", **kw)


@pytest.mark.parametrize(
    "name, api",
    [
        ("correct", "exercise"),
        ("correct_by_taps", "exercise"),
        ("correct_einsum", "exercise"),
        ("cs231n_correct", "cs231n"),
        ("cs231n_correct_im2col", "cs231n"),  # asserts that the stride divides, as the template
        ("cs231n_correct_windows", "cs231n"),
        ("cs231n_correct_batch", "cs231n"),
        ("cs231n_round_out_size", "cs231n"),  # round() equals // whenever the stride divides
    ],
)
def test_correct_solutions_pass(name, api):
    report = grade(name, api=api)
    assert report.passed, format_text(report)
    assert report.bugs == [] and report.load_error is None
    assert all(t.status == "pass" for t in report.tests)
    assert "tests passed" in format_text(report)


@pytest.mark.parametrize(
    "name, bug",
    [
        ("dw_overwrite", "dw_overwrite"),
        ("dx_overwrite", "dx_overwrite"),
        ("dx_flipped_kernel", "dx_flipped_kernel"),
        ("dx_last_cell", "dx_reset"),
        ("dx_uses_x", "dx_uses_x"),
        ("transposed_kernel", "dx_transposed_kernel"),
        ("off_by_one", "skip_last"),
        ("swapped_outputs", "swapped_outputs"),
        ("int_truncation", "int_truncation"),
        ("in_place", "in_place"),
    ],
)
def test_planted_exercise_bugs_are_named(name, bug):
    report = grade(name)
    assert not report.passed
    assert bug in report.bugs, format_text(report)
    text = format_text(report)
    assert f"[{bug}]" in text and "smallest input that shows it" in text
    failing = [t for t in report.tests if t.status == "fail"]
    assert failing and all(t.smallest is not None for t in failing)


@pytest.mark.parametrize(
    "name, bugs",
    [
        ("cs231n_stride_ignored", {"stride_ignored"}),
        ("cs231n_not_cropped", {"dx_not_cropped"}),
        ("cs231n_crop_end", {"crop_end_only"}),
        ("cs231n_dw_mean", {"dw_mean_batch", "db_mean_batch"}),
        ("cs231n_crop_negative_pad", {"crop_negative_pad"}),
        ("cs231n_crop_negative_pad_per_image", {"crop_negative_pad"}),  # raises at pad = 0
        ("cs231n_kernel_swapped", {"hw_swapped"}),  # raises when HH != WW
        ("cs231n_bias_inside_sum", {"bias_wrong"}),
        ("cs231n_hardcoded_pad", {"hardcoded_pad"}),
        ("cs231n_hardcoded_crop", {"hardcoded_pad"}),
        ("cs231n_float_out_size", {"round_out_size"}),
        ("cs231n_wrong_dim", {"out_size_wrong_dim"}),
        ("cs231n_loop_unpadded", {"loop_unpadded"}),
        ("cs231n_fixed_reshape", {"fixed_reshape"}),
        ("cs231n_dx_overwrite", {"dx_overwrite"}),
        ("cs231n_dw_overwrite", {"dw_overwrite"}),
        ("cs231n_db_overwrite", {"db_overwrite"}),
        ("cs231n_not_implemented", {"not_implemented"}),
        ("cs231n_zeros", {"not_implemented"}),
        ("cs231n_cache_scrambled", {"cache_scrambled"}),
    ],
)
def test_planted_cs231n_bugs_are_named(name, bugs):
    report = grade(name, api="cs231n")
    assert not report.passed
    assert set(report.bugs) == bugs, format_text(report)
    assert all(f"[{bug}]" in format_text(report) for bug in bugs)


def test_a_square_input_assumed_is_named_with_what_breaks_it():
    # W_out = H_out gives the same results as an output width taken from the filter's height
    # on every input here but those with H != W, where it raises; the source's
    # `H_out = W_out = 1 + (H + 2 * pad - HH) // stride` is read as the width computed from the
    # height, which breaks the tie.
    report = grade("cs231n_square", api="cs231n")
    assert report.bugs == ["out_size_wrong_dim"], format_text(report)
    assert report.pattern[0].startswith("wrong whenever H != W")


@pytest.mark.parametrize(
    "name, bug",
    [("exercise_wrong_dim", "out_size_wrong_dim"), ("exercise_todo", "not_implemented")],
)
def test_more_exercise_bugs_are_named(name, bug):
    report = grade(name)
    assert report.bugs == [bug], format_text(report)


@pytest.mark.parametrize(
    "name, pattern",
    [
        ("cs231n_crop_negative_pad", ["wrong only for pad = 0 (dx)"]),
        ("cs231n_hardcoded_crop", ["right only for pad = 1"]),
        ("cs231n_stride_ignored", ["wrong whenever stride > 1 (dx, dw)"]),
        ("cs231n_wrong_dim", ["wrong whenever HH != WW (out, raises)"]),
        (
            "cs231n_dw_mean",
            ["wrong already in the base configuration (dw, db)", "right only for N = 1"],
        ),
    ],
)
def test_the_probes_say_which_values_break_it(name, pattern):
    report = grade(name, api="cs231n")
    assert report.pattern == pattern
    assert "which inputs break it" in format_text(report)


def test_the_crop_with_minus_pad_says_it_breaks_at_pad_0_only():
    report = grade("cs231n_crop_negative_pad", api="cs231n")
    failing = [t for t in report.tests if not t.passed]
    assert failing and all(t.status == "fail" for t in failing)
    cases = {c.name: c for c in CS231N.cases()}
    assert {cases[t.name].params["pad"] for t in failing} == {0}
    text = format_text(report)
    assert "empty when pad = 0" in text and "pad:pad + H" in text
    assert failing[0].smallest is not None and failing[0].smallest.params["pad"] == 0
    assert failing[0].smallest.got["dx"].size == 0


def test_a_stride_that_does_not_divide_is_at_most_a_note():
    # The template asserts (stride divides H + 2 * pad - HH): the battery holds only such inputs,
    # and the candidates and probes too; an input outside it is a note on a passing file.
    cases = CS231N.cases()
    assert len({c.about for c in cases}) == len(cases) and all(c.about for c in cases)
    for case in cases:
        H, W = case.inputs["x"].shape[2:]
        HH, WW = case.inputs["w"].shape[2:]
        s, p = case.params["stride"], case.params["pad"]
        assert (H + 2 * p - HH) % s == 0 and (W + 2 * p - WW) % s == 0, case.name
    probes = [(p.inputs, p.params) for p in CS231N.probes()]
    for inputs, params in [*itertools.islice(CS231N.candidates(cases[0]), 400), *probes]:
        H, W = inputs["x"].shape[2:]
        HH, WW = inputs["w"].shape[2:]
        s, p = params["stride"], params["pad"]
        assert (H + 2 * p - HH) % s == 0 and (W + 2 * p - WW) % s == 0
    report = grade("cs231n_round_out_size", api="cs231n")
    assert report.passed and report.bugs == []
    assert any("does not divide" in n and "not a fail" in n for n in report.notes)
    assert not grade("cs231n_correct_im2col", api="cs231n").notes  # its assert: no note


@pytest.mark.parametrize(
    "name, api",
    [
        ("cs231n_crop_negative_pad", "cs231n"),
        ("cs231n_hardcoded_pad", "cs231n"),
        ("cs231n_crop_end", "cs231n"),
        ("cs231n_dw_mean", "cs231n"),
        ("cs231n_zeros", "cs231n"),
        ("dx_last_cell", "exercise"),
        ("off_by_one", "exercise"),
        ("in_place", "exercise"),
    ],
)
def test_every_smallest_input_shows_the_failure_of_its_test(name, api):
    report = grade(name, api=api)
    spec = CS231N if api == "cs231n" else EXERCISE
    cases = {c.name: c for c in spec.cases()}
    shown = 0
    with Sandbox(SUBMISSIONS / f"{name}.py", api, spec.function) as box:
        assert box.start().ok
        for t in report.tests:
            if t.smallest is None:
                continue
            shown += 1
            example, case = t.smallest, cases[t.name]
            reply = box.call(example.inputs, example.params)
            right = spec.reference(example.inputs, example.params)
            names = case.compare or [n for n in right if n in reply.outputs]
            wrong = [n for n in names if not bugs.close(reply.outputs[n], right[n], 1e-6, 1e-8)]
            assert wrong == [c.name for c in t.arrays if not c.ok], t.name
            assert example.wrong == wrong + (["inputs"] if reply.modified else [])
            named = {d.bug for d in t.diagnoses if d.bug and d.bug != "in_place"}
            for n in wrong:
                got = reply.outputs[n]
                if got.shape == right[n].shape and not np.any(got):
                    continue  # all zeros: named from the whole file, not from one input
                found = bugs.matching_bugs(
                    spec, n, got, right[n], lambda v, e=example: v.run(e.inputs, e.params)
                )
                assert named & set(found) or not named, (t.name, n, found, named)
    assert shown


def test_a_failing_test_reports_the_worst_element_with_both_values():
    report = grade("dw_overwrite")
    test = next(t for t in report.tests if t.name == "overlapping windows")
    case = next(c for c in EXERCISE.cases() if c.name == "overlapping windows")
    (check,) = test.arrays[1:]
    assert check.name == "dW" and not check.ok
    right = EXERCISE.reference(case.inputs, case.params)["dW"]
    (overwrite,) = [v for v in EXERCISE.variants if v.bug == "dw_overwrite"]
    got = overwrite.run(case.inputs, case.params)["dW"]  # the same bug, by hand
    worst = np.unravel_index(np.argmax(np.abs(got - right)), right.shape)
    assert check.worst_index == tuple(int(i) for i in worst)
    assert check.expected_value == pytest.approx(right[worst])
    assert check.got_value == pytest.approx(got[worst])


def test_the_smallest_input_is_the_smallest_that_shows_the_bug():
    # Overwriting dW shows as soon as two output cells share a kernel: grad_out has 2 elements,
    # and the smallest such input is x (1, 1, 2) with a 1x1 kernel.
    report = grade("dw_overwrite")
    example = report.tests[1].smallest
    assert example is not None and example.wrong == ["dW"]
    assert example.inputs["x"].shape == (1, 1, 2) and example.inputs["W"].shape == (1, 1, 1, 1)
    g, x = example.inputs["grad_out"], example.inputs["x"]
    assert example.expected["dW"].item() == pytest.approx(float(np.sum(g * x)))
    assert example.got["dW"].item() == pytest.approx(float(g[0, 0, -1] * x[0, 0, -1]))


def test_the_infinite_loop_is_stopped_by_the_timeout():
    start = time.perf_counter()
    report = grade("infinite_loop", timeout=2)
    assert time.perf_counter() - start < 8
    assert report.tests[0].status == "timeout" and "2 s" in report.tests[0].message
    assert {t.status for t in report.tests[1:]} == {"not run"}
    assert not report.passed


def test_a_huge_allocation_is_a_memory_verdict():
    report = grade("huge_allocation", memory_mb=512)
    assert {t.status for t in report.tests} == {"memory"}
    assert "too much memory" in report.tests[0].message
    assert "np.ones((20000, 20000))" in report.tests[0].traceback[0]


def test_an_exception_shows_the_learners_lines_and_a_hint():
    report = grade("raises")
    test = report.tests[0]
    assert test.status == "error" and test.message.startswith("ValueError")
    assert test.traceback == [
        "line 16, in conv2d_backward: dx[:, i : i + kH + 1, j : j + kW] += g * W[o]"
    ]
    assert "window" in test.diagnoses[0].title


def test_load_errors_are_reported(tmp_path):
    bad = tmp_path / "syntax.py"
    bad.write_text("def conv2d_backward(grad_out, x, W)\n    return x, W\n")
    report = grade_file(bad)
    assert (
        not report.passed and "SyntaxError" in report.load_error and "line 1" in report.load_error
    )
    assert {t.status for t in report.tests} == {"not run"}

    report = grade("missing_function")
    assert "no function conv2d_backward()" in report.load_error
    assert "conv_backward" in report.load_error
    # --function grades it under its own name: it runs, and fails on values
    report = grade("missing_function", function="conv_backward")
    assert report.load_error is None and report.tests[0].passed and not report.passed


def test_a_crash_is_a_verdict_and_the_next_test_still_runs(tmp_path):
    path = tmp_path / "crash.py"
    path.write_text(
        "import os\n\n\ndef conv2d_backward(grad_out, x, W):\n"
        "    if x.dtype.kind == 'f':\n        os._exit(3)\n    return x * 0.0, W * 0.0\n"
    )
    report = grade_file(path)
    assert report.tests[0].status == "crash" and "status 3" in report.tests[0].message
    assert report.tests[-1].status == "fail"  # integer x: a fresh process ran it


def test_prints_do_not_disturb_the_grader_and_hints_describe_unknown_bugs(tmp_path):
    path = tmp_path / "doubled.py"
    source = (SUBMISSIONS / "correct.py").read_text()
    source = source.replace(
        "    return dx, dW", "    print('hello', dx.shape)\n    return 2 * dx, dW"
    )
    path.write_text(source)
    report = grade_file(path)
    assert report.bugs == []
    hints = {d.title for t in report.tests for d in t.diagnoses}
    assert "dx is off by a constant factor: yours = 2 x the right one" in hints


def test_cs231n_without_a_forward_pass_gets_the_standard_cache(tmp_path):
    source = (SUBMISSIONS / "cs231n_correct.py").read_text()
    path = tmp_path / "backward_only.py"
    path.write_text("import numpy as np\n\n\n" + source[source.index("def conv_backward_naive") :])
    report = grade_file(path, api="cs231n")
    assert report.passed and "no conv_forward_naive()" in report.notes[0]


def test_every_known_bug_is_caught_by_the_battery_and_the_clean_loop_is_right():
    rng = np.random.default_rng(0)
    x, w, dout = rng.standard_normal((2, 2, 5, 4)), rng.standard_normal((3, 2, 3, 2)), None
    out, cache = cs231n.conv_forward_naive(x, w, np.zeros(3), {"stride": 2, "pad": 1})
    dout = rng.standard_normal(out.shape)
    for got, want in zip(
        buggy_backward("", dout, x, w, 2, 1), cs231n.conv_backward_naive(dout, cache)
    ):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    for api in (EXERCISE, CS231N):
        for v in api.variants:
            differs = False
            for case in api.cases():
                right = api.reference(case.inputs, case.params)
                out = v.run(case.inputs, case.params)
                differs |= out is not None and any(
                    out[k].shape != right[k].shape or not np.allclose(out[k], right[k]) for k in out
                )
            assert differs, (api.name, v.name)


@pytest.mark.parametrize("stride, pad", [(1, 0), (2, 1), (1, 2)])
def test_the_catalogue_computes_each_mistake_as_the_plain_four_loops_do(stride, pad):
    rng = np.random.default_rng(stride + pad)
    x, w = rng.standard_normal((2, 3, 5, 5)), rng.standard_normal((2, 3, 3, 3))
    out, _ = cs231n.conv_forward_naive(x, w, np.zeros(2), {"stride": stride, "pad": pad})
    dout = rng.standard_normal(out.shape)
    for mistake in ("", *BACKWARD_MISTAKES):
        fast = buggy_backward(mistake, dout, x, w, stride, pad)
        slow = buggy_backward(mistake, dout, x, w, stride, pad, _loops=True)
        assert (fast is None) == (slow is None), mistake
        for a, b in zip(fast or (), slow or ()):
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12, err_msg=mistake)


def test_every_api_of_the_command_grades(capsys):
    """Each --api choice grades its file (--api exercise raised a KeyError: the check of
    --function looked the exercise up among the courses even with no --function)."""
    cases = [("exercise", "dx_overwrite.py", "dx_overwrite"),
             ("cs231n", "cs231n_dw_overwrite.py", "dw_overwrite")]  # fmt: skip
    for api, name, bug in cases:
        assert main(["grade", str(SUBMISSIONS / name), "--api", api]) == 1
        out = capsys.readouterr().out
        assert f"[{bug}]" in out and "Traceback" not in out


def test_the_command_exit_status_and_json(tmp_path, capsys):
    assert main(["grade", str(SUBMISSIONS / "correct.py")]) == 0
    assert "all 12 tests passed" in capsys.readouterr().out
    assert main(["grade", str(SUBMISSIONS / "dx_overwrite.py"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False and data["bugs"] == ["dx_overwrite"]
    assert data["score"] == [3, 12] and len(data["tests"]) == 12
    failing = [t for t in data["tests"] if t["status"] == "fail"]
    assert failing[0]["diagnoses"][0]["bug"] == "dx_overwrite"
    assert "smallest" in failing[0] and "seconds" in failing[0]

    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("correct", "dw_overwrite"):
        shutil.copy(SUBMISSIONS / f"{name}.py", folder / f"{name}.py")
    assert main(["grade", str(folder), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [Path(d["file"]).name for d in data] == ["correct.py", "dw_overwrite.py"]
    assert [d["passed"] for d in data] == [True, False]

    assert main(["grade", str(tmp_path / "nope.py")]) == 2
    assert "nope.py does not exist" in capsys.readouterr().err


def test_the_summary_names_each_files_bugs():
    reports = [grade("correct"), grade("dw_overwrite")]
    lines = format_summary(reports).splitlines()
    assert "PASS  12/12" in lines[0] and lines[1].endswith("FAIL   3/12  dw_overwrite")


def test_the_api_is_found_from_the_functions_a_file_defines(tmp_path, capsys):
    for name in ("correct", "cs231n_correct"):
        shutil.copy(SUBMISSIONS / f"{name}.py", tmp_path / f"{name}.py")
    (tmp_path / "broken.py").write_text("def conv_backward_naive(:\n")
    assert main(["grade", str(tmp_path), "--json", "--timeout", "20"]) == 1  # broken.py fails
    reports = {Path(r["file"]).name: r for r in json.loads(capsys.readouterr().out)}
    assert reports["correct.py"]["api"] == "exercise" and reports["correct.py"]["passed"]
    assert (
        reports["cs231n_correct.py"]["api"] == "cs231n" and reports["cs231n_correct.py"]["passed"]
    )
    assert reports["broken.py"]["load_error"]  # a syntax error: reported, not guessed around


def test_a_very_large_file_is_graded_on_its_results_alone(tmp_path):
    # the static reading of a 1 MiB function took 14 s: past STATIC_LIMIT only results count
    path = tmp_path / "large.py"
    padding = "# " + "x" * 98 + "\n"
    path.write_text(
        padding * (grader.STATIC_LIMIT // len(padding) + 1)
        + (SUBMISSIONS / "correct.py").read_text()
    )
    report = grade_file(path)
    assert report.passed, format_text(report)
    assert any("its lines are not read" in n for n in report.notes)


@pytest.mark.parametrize(
    "course, name, unpack",
    [
        ("exercise", "batched_unpack", "N, C, H, Wd = x.shape"),
        ("exercise", "one_channel_unpack", "H, Wx = x.shape"),
        ("cs231n", "kernel_three_axes", "F, HH, WW = w.shape"),
    ],
)
def test_a_shape_unpacked_wrong_is_named_on_its_line_not_as_a_cache(course, name, unpack):
    """The one-image exercise has no cache: "values to unpack" on a shape is the number of axes
    assumed (a batch axis the exercise does not have), named on the line that raised."""
    report = grade_file(SUBMISSIONS / "corpus" / course / f"{name}.py", api=course)
    first = report.tests[0].diagnoses[0]
    assert (first.bug, first.lines) == ("axes_unpacked", [first.lines[0]])
    assert first.lines[0].endswith(unpack) and first.lines[0].startswith("line ")
    assert "cache" not in first.title + first.explanation
    shape = "`(C_in, H, W)`" if course == "exercise" else "`(N, C, H, W)`"
    assert shape in first.explanation  # x's own shape, for this course


def test_a_cache_that_changed_an_arrays_axes_is_still_the_cache():
    report = grade_file(SUBMISSIONS / "corpus" / "cs231n" / "cache_reshaped_w.py", api="cs231n")
    assert report.tests[0].diagnoses[0].bug == "cache_scrambled"  # w reshaped to 2-D: "got 2"


def test_parameters_in_another_order_are_named_first_and_explain_the_unpacking():
    report = grade_file(SUBMISSIONS / "corpus" / "exercise" / "params_reordered.py")
    for test in report.tests:
        assert test.diagnoses[0].bug == "arguments_swapped", test.name
        assert test.diagnoses[0].lines == ["line 9: def conv2d_backward(x, W, grad_out):"]
        assert all(d.bug != "axes_unpacked" for d in test.diagnoses)  # its consequence


@pytest.mark.parametrize(
    "source, signature",
    [
        ("def conv2d_backward(grad_out, x):\n    return x, x\n", "conv2d_backward(grad_out, x, W)"),
        ("def conv2d_backward(grad_out, x, W, b):\n    return x, W\n", "(grad_out, x, W)"),
        ("def conv2d_naive(x):\n    return x\n", "conv2d_naive(x, W)"),
        ("def conv2d(x, W, stride):\n    return x\n", "conv2d(x, W, padding=0, stride=1)"),
    ],
)
def test_a_function_that_does_not_take_the_courses_arguments_gets_its_signature(
    tmp_path, source, signature
):
    path = tmp_path / "learner.py"
    path.write_text("import numpy as np\n\n\n" + source)
    name = source[4 : source.index("(")]
    (report,) = [r for r in grading_files.grade(path).reports if r.function == name]
    first = report.tests[0]
    assert first.status == "error" and "argument" in first.message
    hints = [d.title for d in first.diagnoses if d.bug is None]
    assert any(signature in h and "in this order" in h for h in hints), hints


def test_a_helpers_own_wrong_call_gets_no_signature_hint():
    message = "TypeError: pad_input() missing 1 required positional argument: 'pad'"
    assert bugs.signature_hint(message) == ""
    assert bugs.signature_hint("TypeError: unsupported operand type(s) for +") == ""


def test_the_forward_pass_graded_on_its_own_names_a_familiar_exceptions_bug(tmp_path):
    """cs231n's conv_forward_naive, graded by the functions' grader: "'float' object cannot be
    interpreted as an integer" from np.zeros is the output size computed with /, on its lines."""
    source = (SUBMISSIONS / "corpus" / "cs231n" / "loops_classic.py").read_text()
    source = source.replace("- HH) // stride", "- HH) / stride").replace(
        "- WW) // stride", "- WW) / stride"
    )
    path = tmp_path / "layers.py"
    path.write_text(source)
    (forward,) = [
        r for r in grading_files.grade(path).reports if r.function == "conv_forward_naive"
    ]
    first = forward.tests[0]
    assert first.status == "error" and "cannot be interpreted as an integer" in first.message
    named = [d for d in first.diagnoses if d.bug == "round_out_size"]
    assert named and any("H_out = 1 + (H + 2 * pad - HH) / stride" in q for q in named[0].lines)
