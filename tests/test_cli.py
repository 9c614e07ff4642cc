"""The convgrad command, run as a user would run it."""

import subprocess
import sys

import pytest

from convgrad.cli import main


def test_check_passes_on_the_default_configuration(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "conv2d: x (2, 2, 6, 6), w (3, 2, 3, 3)" in out
    assert "gradcheck PASSED" in out
    assert "MISMATCH" not in out


@pytest.mark.parametrize(
    "argv",
    [
        [
            "check",
            "--dims",
            "1",
            "--size",
            "9",
            "--stride",
            "2",
            "--padding",
            "same",
            "--padding-mode",
            "reflect",
        ],
        ["check", "--dims", "3", "--size", "4", "--kernel", "2", "--mode", "fast"],
        ["check", "--transpose", "--stride", "2", "--output-padding", "1", "--groups", "1"],
        [
            "check",
            "--in-channels",
            "4",
            "--out-channels",
            "4",
            "--groups",
            "4",
            "--size",
            "5,4",
            "--kernel",
            "3,2",
            "--dilation",
            "2,1",
            "--padding-mode",
            "circular",
        ],
    ],
)
def test_check_passes_on_other_configurations(argv, capsys):
    assert main(argv) == 0, capsys.readouterr().out


def test_check_reports_bad_configurations_as_errors(capsys):
    assert main(["check", "--kernel", "9", "--padding", "0"]) == 2
    err = capsys.readouterr().err
    assert "error: conv2d: the kernel" in err and "larger than the padded input" in err


def test_the_installed_command_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "convgrad", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("convgrad ")
