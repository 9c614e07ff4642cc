"""The corpus of realistic learner submissions, checked on its own against PyTorch (float64).

``tests/submissions/corpus/<course>/*.py`` are submissions written in the styles of public student
code, each headed by what it is::

    # expect: fail
    # bug: crop_negative_pad     (one line per bug; none for a passing file)
    # line: 37                   (the line holding each bug, in the same order)

These tests hold the corpus to its headers without convgrad's grader: a ``pass`` file agrees with
``torch.nn.functional.conv2d`` and its autograd on every configuration of a grid that its course's
template accepts, a ``fail`` file disagrees (or raises) on at least one, and each ``# line:`` is a
line of code. The grader's own tests (test_grade.py, test_static.py) then use the corpus knowing
it is right.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from oracle import torch_conv

CORPUS = Path(__file__).parent / "submissions" / "corpus"
COURSES = ("cs231n", "exercise")

# The bug ids the corpus may name: the shared list of issue 10, and the catalogue's below.
SHARED_IDS = {
    "crop_negative_pad",
    "hardcoded_pad",
    "round_out_size",
    "out_size_wrong_dim",
    "hw_swapped",
    "loop_unpadded",
    "fixed_reshape",
    "dx_overwrite",
    "dw_overwrite",
    "db_overwrite",
    "stride_ignored",
    "not_implemented",
    "cache_scrambled",
}
NEW_IDS = {
    "param_key_swapped",  # seen in real code, in no list yet: pad = conv_param['stride']
    "axes_unpacked",  # N, C, H, W = x.shape on the exercise's one image
    "arguments_swapped",  # def conv2d_backward(x, W, grad_out): the arrays by position
    "pads_every_axis",  # np.pad(x, pad) on cs231n's 4-D x (dlai's zero_pad has it as well)
}
# the catalogue's ids (bugs.py), written out: that module is being rebuilt on another branch
CATALOGUE_IDS = {
    "dx_flipped_kernel",
    "dx_transposed_kernel",
    "dw_transposed",
    "dx_uses_x",
    "dw_uses_w",
    "skip_last",
    "int_truncation",
    "dx_not_cropped",
    "crop_end_only",
    "crop_start_only",
    "dw_mean_batch",
    "db_mean_batch",
    "dw_last_image",
    "dx_reset",
    "in_place",
    "swapped_outputs",
}
KNOWN_IDS = SHARED_IDS | NEW_IDS | CATALOGUE_IDS

# cs231n: (N, C, H, W, F, HH, WW, stride, pad), each with a stride that divides
# H + 2 * pad - HH and W + 2 * pad - WW, as the assignment's template asserts.
CS231N_GRID = (
    (1, 1, 4, 4, 1, 2, 2, 1, 0),
    (2, 3, 5, 7, 2, 3, 3, 1, 1),
    (2, 3, 4, 6, 2, 3, 3, 1, 0),
    (1, 2, 7, 5, 3, 3, 3, 2, 1),
    (2, 2, 6, 8, 2, 2, 4, 2, 2),
    (1, 3, 5, 5, 2, 3, 3, 1, 2),
    (2, 1, 8, 10, 2, 4, 3, 3, 1),
    (1, 2, 3, 5, 2, 1, 1, 1, 0),
    (2, 2, 5, 4, 3, 2, 3, 1, 1),
    (1, 1, 4, 4, 1, 4, 4, 1, 0),
    (2, 3, 9, 9, 2, 3, 3, 2, 1),
)
# the exercise: (C_in, H, W, C_out, kH, kW, integer inputs), stride 1, no padding, one image.
EXERCISE_GRID = (
    (1, 4, 4, 1, 2, 2, True),
    (2, 5, 7, 3, 3, 2, False),
    (3, 6, 4, 2, 1, 3, False),
    (1, 3, 3, 2, 3, 3, False),
    (2, 4, 6, 2, 2, 3, False),
    (1, 5, 5, 1, 3, 3, False),
    (2, 7, 5, 2, 3, 1, False),
)


@dataclass(frozen=True)
class Entry:
    path: Path
    course: str
    expect: str
    bugs: tuple[str, ...]
    lines: tuple[int, ...]


def read_header(path: Path) -> Entry:
    """The ``# expect:``, ``# bug:`` and ``# line:`` header of a corpus file."""
    expect, bugs, lines = None, [], []
    for text in path.read_text().splitlines():
        match = re.fullmatch(r"# (expect|bug|line): (\S+)", text)
        if match is None:
            break
        key, value = match.groups()
        if key == "expect":
            expect = value
        elif key == "bug":
            bugs.append(value)
        else:
            lines.append(int(value))
    assert expect in ("pass", "fail"), f"{path.name}: no '# expect: pass|fail' header"
    return Entry(path, path.parent.name, expect, tuple(bugs), tuple(lines))


def corpus(course: str | None = None) -> list[Entry]:
    courses = COURSES if course is None else (course,)
    return [read_header(p) for c in courses for p in sorted((CORPUS / c).glob("*.py"))]


def load(path: Path):
    """The learner's file as a fresh module, imported from its path."""
    name = f"corpus_{path.parent.name}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def same(got, want) -> bool:
    got = np.asarray(got, dtype=np.float64)
    return got.shape == want.shape and np.allclose(got, want, rtol=1e-9, atol=1e-10)


@functools.cache
def cs231n_cases() -> tuple:
    """Each grid configuration's inputs and PyTorch's ``(out, dx, dw, db)``, computed once."""
    rng = np.random.default_rng(0)
    cases = []
    for N, C, H, W, F, HH, WW, stride, pad in CS231N_GRID:
        x = rng.standard_normal((N, C, H, W))
        w = rng.standard_normal((F, C, HH, WW))
        b = rng.standard_normal(F)
        H_out, W_out = 1 + (H + 2 * pad - HH) // stride, 1 + (W + 2 * pad - WW) // stride
        dout = rng.standard_normal((N, F, H_out, W_out))
        padding = ((pad, pad), (pad, pad))
        want = torch_conv(2, x, w, b, dout, (stride, stride), padding, (1, 1), 1, "zeros")
        label = f"x {x.shape} w {w.shape} stride {stride} pad {pad}"
        cases.append((label, x, w, b, {"stride": stride, "pad": pad}, dout, want))
    return tuple(cases)


@functools.cache
def exercise_cases() -> tuple:
    """Each grid configuration's inputs and PyTorch's ``(dx, dW)``, computed once."""
    rng = np.random.default_rng(0)
    cases = []
    for C_in, H, W, C_out, kH, kW, integers in EXERCISE_GRID:
        if integers:
            x = rng.integers(-5, 6, (C_in, H, W))
            w = rng.integers(-3, 4, (C_out, C_in, kH, kW))
        else:
            x = rng.standard_normal((C_in, H, W))
            w = rng.standard_normal((C_out, C_in, kH, kW))
        grad_out = rng.standard_normal((C_out, H - kH + 1, W - kW + 1))
        _, want_dx, want_dw, _ = torch_conv(
            2, x, w, None, grad_out, (1, 1), ((0, 0), (0, 0)), (1, 1), 1, "zeros"
        )
        cases.append((f"x {x.shape} {x.dtype} W {w.shape}", x, w, grad_out, (want_dx, want_dw)))
    return tuple(cases)


def cs231n_mismatches(module) -> list[str]:
    """The grid configurations on which the learner's forward or backward pass is wrong."""
    wrong = []
    for label, x, w, b, conv_param, dout, want in cs231n_cases():
        try:
            out, cache = module.conv_forward_naive(x.copy(), w.copy(), b.copy(), dict(conv_param))
            dx, dw, db = module.conv_backward_naive(dout.copy(), cache)
            ok = all(same(g, t) for g, t in zip((out, dx, dw, db), want))
        except Exception as error:  # a learner's crash is a wrong answer here
            wrong.append(f"{label}: raises {type(error).__name__}")
            continue
        if not ok:
            wrong.append(f"{label}: wrong values or shapes")
    return wrong


def exercise_mismatches(module) -> list[str]:
    """The grid configurations on which the learner's ``conv2d_backward`` is wrong."""
    wrong = []
    for label, x, w, grad_out, (want_dx, want_dw) in exercise_cases():
        try:
            dx, dW = module.conv2d_backward(grad_out.copy(), x.copy(), w.copy())
            ok = same(dx, want_dx) and same(dW, want_dw)
        except Exception as error:
            wrong.append(f"{label}: raises {type(error).__name__}")
            continue
        if not ok:
            wrong.append(f"{label}: wrong values or shapes")
    return wrong


MISMATCHES = {"cs231n": cs231n_mismatches, "exercise": exercise_mismatches}


def test_the_corpus_is_big_and_varied_enough():
    entries = corpus()
    passing = [e for e in entries if e.expect == "pass"]
    failing = [e for e in entries if e.expect == "fail"]
    assert len(passing) >= 12 and len(failing) >= 30
    for course in COURSES:
        assert any(e.expect == "pass" and e.course == course for e in entries)
        assert any(e.expect == "fail" and e.course == course for e in entries)
    named = {bug for e in failing for bug in e.bugs}
    assert SHARED_IDS <= named, f"bug classes without a submission: {SHARED_IDS - named}"
    crops = [e for e in failing if "crop_negative_pad" in e.bugs]
    assert len(crops) >= 8 and any(len(set(e.bugs)) > 1 for e in crops)


@pytest.mark.parametrize("entry", corpus(), ids=lambda e: f"{e.course}/{e.path.stem}")
def test_headers_are_well_formed(entry):
    if entry.expect == "pass":
        assert entry.bugs == () and entry.lines == ()
        return
    assert entry.bugs and len(entry.bugs) == len(entry.lines)
    assert set(entry.bugs) <= KNOWN_IDS, set(entry.bugs) - KNOWN_IDS
    source = entry.path.read_text().splitlines()
    for line in entry.lines:
        assert 1 <= line <= len(source)
        code = source[line - 1].strip()
        assert code and not code.startswith("#"), f"line {line} is not code: {code!r}"


@pytest.mark.parametrize("entry", corpus(), ids=lambda e: f"{e.course}/{e.path.stem}")
def test_each_file_behaves_as_its_header_says(entry):
    wrong = MISMATCHES[entry.course](load(entry.path))
    if entry.expect == "pass":
        assert wrong == [], f"{entry.path.name} should pass but is wrong on: {wrong}"
    else:
        assert wrong, f"{entry.path.name} should fail but agrees with PyTorch everywhere"


def test_the_checks_can_fail():
    """The mismatch finders are not vacuous: the course's reference answers pass them and a
    planted bug (a reference whose dx forgets a window) fails them."""
    from convgrad.exercises import cs231n, seeds

    assert cs231n_mismatches(cs231n) == []
    assert exercise_mismatches(seeds) == []

    class Broken:
        @staticmethod
        def conv2d_backward(grad_out, x, W):
            dx, dW = seeds.conv2d_backward(grad_out, x, W)
            dx = np.array(dx)
            dx[..., 0, 0] = 0.0
            return dx, dW

    assert len(exercise_mismatches(Broken)) == len(EXERCISE_GRID)


MORE = Path(__file__).parent / "submissions" / "more"
MORE_FILES = [read_header(p) for p in sorted(MORE.glob("*/*.py"))]


@pytest.mark.parametrize("entry", MORE_FILES, ids=lambda e: f"{e.course}/{e.path.stem}")
def test_the_further_files_behave_as_their_headers_say(entry):
    # tests/submissions/more: files from trying the grader on new code (bugs the static reading
    # need not find, so they stay out of the corpus that tests/test_static.py holds it to)
    module = load(entry.path)
    if "in_place" in entry.bugs:  # right values, written into the caller's x
        rng = np.random.default_rng(0)
        x, w, b = rng.normal(size=(2, 3, 5, 5)), rng.normal(size=(4, 3, 3, 3)), rng.normal(size=4)
        before = x.copy()
        out, cache = module.conv_forward_naive(x, w, b, {"stride": 1, "pad": 1})
        module.conv_backward_naive(rng.normal(size=out.shape), cache)
        assert not np.array_equal(x, before)
        return
    wrong = MISMATCHES[entry.course](module)
    assert bool(wrong) == (entry.expect == "fail"), (entry.path.name, wrong)
