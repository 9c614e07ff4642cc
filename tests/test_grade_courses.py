"""Grading every course's functions: the corpus in tests/submissions/courses/ graded against its
headers, the command line over one file, and what a hostile or broken file gets.

Each corpus file's header (see tests/test_courses_corpus.py) says which functions it defines that
must pass, or which function holds which bug on which line; here the grader must say the same:
the right verdict for every function, the bug named, and its line quoted.
"""

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from convgrad.grading import files as grading_files
from convgrad.grading import format_text
from convgrad.grading.functions import locate
from test_courses_corpus import header

CORPUS = Path(__file__).parent / "submissions" / "courses"
FILES = sorted(CORPUS.glob("*/*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_grader_agrees_with_the_header(path):
    fields = header(path)
    start = time.perf_counter()
    result = grading_files.grade(path)
    seconds = time.perf_counter() - start
    assert result.course == path.parent.name
    reports = {r.function: r for r in result.reports}
    assert set(fields["function"]) <= set(reports), result.text()
    if fields["expect"] == ["pass"]:
        for function in fields["function"]:
            assert reports[function].passed, reports[function].tests
            assert not reports[function].bugs
        return
    report = reports[fields["function"][0]]
    assert not report.passed
    quoted = {d.bug: d.lines for t in report.tests for d in t.diagnoses if d.bug}
    for bug, line in zip(fields["bug"], fields["line"]):
        assert bug in report.bugs, (bug, report.bugs)
        assert any(q.startswith(f"line {line}: ") for q in quoted[bug]), (bug, line, quoted[bug])
    assert seconds < 20  # a generous bound: the time per file is measured in the notes, not here


def test_a_correct_file_names_no_bug_and_no_line():
    result = grading_files.grade(CORPUS / "dlai" / "notebook.py")
    assert result.passed and not result.bugs and not result.missing
    assert "diagnosis" not in result.text() and "line " not in result.text()


def test_functions_the_file_does_not_define_are_named():
    result = grading_files.grade(CORPUS / "dlai" / "zero_pad_one_side.py")
    assert [r.function for r in result.reports] == ["zero_pad"]
    assert "pool_backward" in result.missing and "zero_pad" not in result.missing
    assert "not found in the file" in result.text() and "pool_backward()" in result.text()


def test_the_course_is_detected_from_the_functions_defined():
    assert grading_files.detect({"conv2d", "relu", "softmax"}) == "seeds"
    assert grading_files.detect({"max_pool_backward_naive"}) == "cs231n"
    assert grading_files.detect({"zero_pad", "relu"}) == "dlai"
    assert grading_files.detect({"relu", "conv2d_backward", "zero_pad"}) == "seeds"
    assert grading_files.detect(set()) == "seeds"


def test_a_backward_pass_gets_the_learners_own_cache(tmp_path):
    # the forward pass keeps its cache in another order; the backward pass reads that order
    path = tmp_path / "own_cache.py"
    path.write_text(
        (CORPUS / "cs231n" / "loops_argmax.py")
        .read_text()
        .replace("cache = (x, pool_param)", "cache = (pool_param, x)")
        .replace("x, pool_param = cache", "pool_param, x = cache")
    )
    assert "= (pool_param, x)" in path.read_text() and "pool_param, x = cache" in path.read_text()
    result = grading_files.grade(path)
    assert result.passed, result.text()


def test_a_forward_cache_the_backward_cannot_read_is_named(tmp_path):
    path = tmp_path / "bad_cache.py"
    path.write_text(
        (CORPUS / "cs231n" / "loops_argmax.py")
        .read_text()
        .replace("cache = (x, pool_param)", "cache = (out, pool_param)")
    )
    assert "= (out, pool_param)" in path.read_text()
    report = {r.function: r for r in grading_files.grade(path).reports}["max_pool_backward_naive"]
    assert not report.passed
    assert "does not return the cache this function reads" in report.tests[0].message


HOSTILE = {
    "returns_an_object": (
        "def relu(x):\n    class Odd:\n        def __array__(self, *a, **k):\n"
        "            raise RuntimeError('no')\n    return Odd()\n",
        "fail",
    ),
    "returns_deep_lists": (
        "def relu(x):\n    v = [x]\n    for _ in range(50):\n        v = [v]\n    return v\n",
        "fail",
    ),
    "returns_many_arrays": ("def relu(x):\n    return tuple(x for _ in range(500))\n", "fail"),
    "writes_into_its_input": (
        "import numpy as np\ndef relu(x):\n    np.maximum(x, 0, out=x)\n    return x\n",
        "fail",
    ),
    "loops_forever": ("def relu(x):\n    while True:\n        pass\n", "timeout"),
    "raises": ("def relu(x):\n    raise KeyboardInterrupt\n", "error"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_or_broken_function_gets_a_verdict(tmp_path, name):
    source, status = HOSTILE[name]
    path = tmp_path / f"{name}.py"
    path.write_text(source)
    result = grading_files.grade(path, "seeds", "relu", timeout=1.0)
    (report,) = result.reports
    assert not report.passed
    assert report.tests[0].status == status, report.tests[0]


def test_locate_quotes_only_the_function_and_what_it_calls():
    source = textwrap.dedent(
        """\
        def helper(a):
            return a[::-1]

        def other(a):
            return a[::-1]

        def f(x):
            y = helper(x)  # a comment with [::-1]
            return y
        """
    )
    assert locate(source, "f", (r"::\s*-1",)) == ["line 2: return a[::-1]"]
    assert locate(source, "missing", (r".",)) == []
    assert locate("def f(:\n", "f", (r".",)) == []


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "convgrad", "grade", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_command_grades_every_function_of_the_file():
    done = run(CORPUS / "dlai" / "pool_backward_overwrite.py")
    assert done.returncode == 1, done.stderr
    assert "[overwrite]" in done.stdout and "line 39: " in done.stdout
    assert "(dlai: pool_forward)" in done.stdout or "(dlai: pool_backward)" in done.stdout


def test_the_command_json_has_every_function_and_the_missing_ones():
    done = run(CORPUS / "cs231n" / "window_view_all_ties.py", "--json")
    data = json.loads(done.stdout)
    assert data["course"] == "cs231n" and data["passed"] is False
    assert "all_ties" in data["bugs"]
    assert {f["function"] for f in data["functions"]} >= {"max_pool_backward_naive"}
    assert "conv_backward_naive" in data["missing"]


def test_the_command_grades_one_function_when_asked():
    done = run(CORPUS / "dlai" / "notebook.py", "--function", "distribute_value")
    assert done.returncode == 0, done.stdout
    assert "(dlai: distribute_value)" in done.stdout
    assert "(dlai: conv_forward)" not in done.stdout


def test_an_unknown_function_is_a_usage_error():
    done = run(CORPUS / "dlai" / "notebook.py", "--api", "dlai", "--function", "pool_fwd")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "pool_fwd" in done.stderr
    # another course's function is not this course's
    done = run(CORPUS / "dlai" / "notebook.py", "--api", "dlai", "--function", "conv2d")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "'conv2d' is not a function of dlai" in done.stderr


NOTEBOOK = """\
#!/usr/bin/env python
# coding: utf-8
import numpy as np
import h5py
from public_tests import *

get_ipython().run_line_magic('matplotlib', 'inline')
%load_ext autoreload
!ls datasets
np.random.seed(1)

def distribute_value(dz, shape):
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    a = np.ones(shape) * average
    return a

a = distribute_value(2, (2, 2))
print('distributed value =', a)
distribute_value_test(distribute_value)
"""


def test_a_notebook_exported_to_a_script_is_graded(tmp_path):
    path = tmp_path / "Convolution_model_Step_by_Step.py"
    path.write_text(NOTEBOOK)
    result = grading_files.grade(path)
    assert result.course == "dlai" and result.passed, result.text()
    notes = result.reports[0].notes
    assert any("IPython lines" in n for n in notes)
    assert any(n.startswith("line 4: `import h5py` raised ModuleNotFoundError") for n in notes)
    assert any("`distribute_value_test(distribute_value)` raised NameError" in n for n in notes)


def test_the_smallest_example_shows_the_same_bug():
    result = grading_files.grade(CORPUS / "dlai" / "distribute_value_divided_by_sum.py")
    (report,) = result.reports
    failing = [t for t in report.tests if not t.passed]
    example = failing[0].smallest
    assert example is not None and example.title == "smallest input that shows it"
    assert example.params == {"dz": 2.0, "shape": (1, 1)}  # the smallest shape, where 1 + 1 != 1
    assert example.expected["a"].tolist() == [[2.0]] and example.got["a"].tolist() == [[1.0]]


HELPER_WRONG = """\
import numpy as np

def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (0, pad), (0, pad), (0, 0)))

def conv_forward(A_prev, W, b, hparameters):
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    n_H = (n_H_prev - f + 2 * pad) // stride + 1
    n_W = (n_W_prev - f + 2 * pad) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_pad = zero_pad(A_prev, pad)
    for h in range(n_H):
        for w in range(n_W):
            window = A_pad[:, h * stride:h * stride + f, w * stride:w * stride + f, :]
            Z[:, h, w, :] = np.tensordot(window, W, axes=3) + b[0, 0, 0]
    return Z, (A_prev, W, b, hparameters)

def pool_forward(A_prev, hparameters, mode="max"):
    # YOUR CODE STARTS HERE
    pass
"""


def test_a_wrong_helper_is_blamed_and_a_stub_is_named(tmp_path):
    path = tmp_path / "helper.py"
    path.write_text(HELPER_WRONG)
    reports = {r.function: r for r in grading_files.grade(path).reports}
    assert reports["zero_pad"].bugs == ["one_side"]
    forward = reports["conv_forward"]
    assert not forward.passed and forward.bugs == []  # no variant of its own matches
    hints = [d.title for t in forward.tests for d in t.diagnoses if d.bug is None]
    assert any("it calls your zero_pad()" in h for h in hints), hints
    stub = reports["pool_forward"]
    assert stub.bugs == ["not_implemented"]
    quoted = [q for t in stub.tests for d in t.diagnoses for q in d.lines]
    assert quoted and quoted[0] == "line 22: pass"


LAYER_FORWARD = """\
import numpy as np

def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param["stride"], conv_param["pad"]
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    H_out, W_out = 1 + (H + 2 * pad - HH) // stride, 1 + (W + 2 * pad - WW) // stride
    out = np.zeros((N, F, H_out, W_out), dtype=x.dtype)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    window = xp[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = np.sum(window * w[f]) + b[f]
    return out, (x, w, b, conv_param)
"""


def test_a_conv_forward_pass_alone_is_graded(tmp_path):
    # float32 inputs, computed in float32: right to float32's precision
    path = tmp_path / "forward.py"
    path.write_text(LAYER_FORWARD)
    result = grading_files.grade(path)
    (report,) = result.reports
    assert report.function == "conv_forward_naive" and report.passed, result.text()
    assert "conv_backward_naive" in result.missing
    path.write_text(
        LAYER_FORWARD.replace("i * stride:i * stride", "i:i").replace(
            "j * stride:j * stride", "j:j"
        )
    )
    (report,) = grading_files.grade(path).reports
    assert report.bugs == ["stride_ignored"]
    quoted = [q for t in report.tests for d in t.diagnoses for q in d.lines]
    assert quoted and quoted[0].startswith("line 14: ")


def test_a_jupyter_notebook_is_graded_from_its_code_cells(tmp_path):
    cells = [
        {"cell_type": "markdown", "source": ["# Convolution model: step by step"]},
        {"cell_type": "code", "source": ["import numpy as np\n", "%matplotlib inline"]},
        {
            "cell_type": "code",
            "source": [
                "def distribute_value(dz, shape):\n",
                "    (n_H, n_W) = shape\n",
                "    average = dz / (n_H + n_W)\n",
                "    return np.ones(shape) * average",
            ],
            "outputs": [{"output_type": "stream", "text": ["x" * 1000]}],
        },
    ]
    path = tmp_path / "Convolution_model_Step_by_Step_v1.ipynb"
    path.write_text(json.dumps({"cells": cells, "nbformat": 4, "metadata": {}}))
    (report,) = grading_files.grade(path).reports
    assert report.function == "distribute_value" and report.bugs == ["divided_by_sum"]
    quoted = [q for t in report.tests for d in t.diagnoses for q in d.lines]
    # said as Jupyter shows it: the third line of the third cell (the markdown cell counts)
    assert quoted[0] == "cell 3, line 3: average = dz / (n_H + n_W)"
    (tmp_path / "broken.ipynb").write_text("{not json")
    (report,) = grading_files.grade(tmp_path / "broken.ipynb").reports
    assert "not a Jupyter notebook" in (report.load_error or "")


def test_a_string_argument_is_the_same_object_as_the_literal(tmp_path):
    # `mode is "max"` works in the notebook, where "max" is one interned string
    source = (CORPUS / "dlai" / "notebook.py").read_text()
    assert 'if mode == "max":' in source
    path = tmp_path / "identity.py"
    path.write_text(source.replace('if mode == "max":', 'if mode is "max":  # noqa: F632'))
    result = grading_files.grade(path, function="pool_backward")
    assert result.passed, result.text()


def test_the_capstone_gets_the_starters_helpers_and_pooling_takes_its_sizes(tmp_path):
    # step 06's starter provides conv2d_naive, relu, max_pool_2d and softmax; some versions of
    # step 03 write max_pool_2d(x, kernel_size, stride)
    capstone = tmp_path / "capstone.py"
    capstone.write_text(
        "def mini_cnn_forward(x, W_conv, W_fc):\n"
        "    h = max_pool_2d(relu(conv2d_naive(x, W_conv)), 2, 2)\n"
        "    return softmax(h.flatten() @ W_fc)\n"
    )
    (report,) = grading_files.grade(capstone).reports
    assert report.passed, format_text(report)
    assert any("from the course's starter code" in n for t in report.tests for n in t.notes)
    # the passing tests' notes reach the terminal too, each note once
    text = format_text(report)
    notes = {n for t in report.tests for n in t.notes}
    assert all(text.count(f"note: {n}") == 1 for n in notes), text
    pool = tmp_path / "pool.py"
    pool.write_text(
        "import numpy as np\n\n"
        "def max_pool_2d(x, kernel_size, stride):\n"
        "    C, H, W = x.shape\n"
        "    n_H, n_W = (H - kernel_size) // stride + 1, (W - kernel_size) // stride + 1\n"
        "    out = np.zeros((C, n_H, n_W))\n"
        "    for i in range(n_H):\n"
        "        for j in range(n_W):\n"
        "            r, c = i * stride, j * stride\n"
        "            out[:, i, j] = x[:, r:r + kernel_size, c:c + kernel_size].max(axis=(1, 2))\n"
        "    return out\n"
    )
    (report,) = grading_files.grade(pool).reports
    assert report.function == "max_pool_2d" and report.passed, format_text(report)


def test_a_forward_pass_without_its_cache_fails(tmp_path):
    source = (CORPUS / "cs231n" / "loops_argmax.py").read_text()
    assert "return out, cache" in source
    path = tmp_path / "nocache.py"
    path.write_text(source.replace("return out, cache", "return out"))
    reports = {r.function: r for r in grading_files.grade(path).reports}
    forward = reports["max_pool_forward_naive"]
    assert not forward.passed
    assert "without its cache" in forward.tests[0].arrays[0].problem


def test_names_numpy_2_removed_still_work_for_old_answers(tmp_path):
    # np.float, np.product, np.float_ and np.asscalar: gone in NumPy 2, common in old answers
    path = tmp_path / "numpy1.py"
    path.write_text(
        "import numpy as np\n\n"
        "def distribute_value(dz, shape):\n"
        "    average = np.float(dz) / np.product(shape)\n"
        "    return np.ones(shape, dtype=np.float_) * average\n\n"
        "def conv_single_step(a_slice_prev, W, b):\n"
        "    return np.asscalar(np.sum(a_slice_prev * W) + b)\n"
    )
    result = grading_files.grade(path)
    assert [r.function for r in result.reports] == ["conv_single_step", "distribute_value"]
    assert result.passed, result.text()
