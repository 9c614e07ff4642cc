"""``convgrad exercises``: what a learner reads to check their API before grading."""

import inspect
import subprocess
import sys

import pytest

from convgrad.cli import main
from convgrad.exercises import COURSES


def test_lists_every_course_and_every_function_with_its_signature(capsys):
    assert main(["exercises"]) == 0
    out = capsys.readouterr().out
    for name, (title, module) in COURSES.items():
        assert f"{name}: {title}" in out
        for exercise in module.EXERCISES:
            params = ", ".join(inspect.signature(getattr(module, exercise.name)).parameters)
            assert f"  {exercise.name}(" in out
            for param in params.split(", "):
                assert param in out
    assert "pool_backward(dA, cache, mode='max')" in out
    assert "conv2d(x, W, padding=0, stride=1)" in out
    assert "max_pool_forward_naive(x, pool_param)" in out
    assert "mini_cnn_forward(x, W_conv, W_fc)" in out
    assert "'object'" not in out  # convgrad's type annotations are not the course's API


def test_one_course_shows_that_course_only(capsys):
    assert main(["exercises", "dlai"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dlai: deeplearning.ai Course 4 Week 1")
    assert "A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C)" in out
    assert "create_mask_from_window(x)" in out
    assert "cs231n" not in out and "mini_cnn_forward" not in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_every_listed_function_shows_what_it_takes_and_returns(capsys):
    assert main(["exercises", "seeds"]) == 0
    lines = capsys.readouterr().out.splitlines()
    _, module = COURSES["seeds"]
    for exercise in module.EXERCISES:
        at = next(i for i, line in enumerate(lines) if line.startswith(f"  {exercise.name}("))
        assert lines[at + 1].strip().startswith("takes:")
        assert any(line.strip().startswith("returns:") for line in lines[at + 2 : at + 5])


@pytest.mark.parametrize("course", ["nope", "DLAI", ""])
def test_an_unknown_course_is_one_line_and_exit_2(course, capsys):
    assert main(["exercises", course]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert f"course: unknown course {course!r}" in captured.err
    assert "seeds, cs231n, dlai" in captured.err


def test_runs_as_a_command():
    result = subprocess.run(
        [sys.executable, "-m", "convgrad", "exercises", "cs231n"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "max_pool_backward_naive(dout, cache)" in result.stdout
    assert result.stderr == ""
