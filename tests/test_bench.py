"""``convgrad bench`` end to end: the quick suite runs, writes its JSON, and refuses wrong kernels.

These run the benchmark once per case (``--repeat 1``) and check what it reports, never how fast.
"""

import json

import numpy as np
import pytest

from convgrad import bench, convolution
from convgrad.cli import main
from convgrad.kernels import accel

CASE_FIELDS = {
    "name",
    "x_shape",
    "w_shape",
    "stride",
    "padding",
    "dilation",
    "groups",
    "flops",
    "strategy",
    "convgrad_ms",
    "convgrad_forward_ms",
    "convgrad_backward_ms",
    "convgrad_gflops",
    "fraction_of_matmul",
    "torch_ms",
    "torch_forward_ms",
    "torch_backward_ms",
    "torch_gflops",
    "ratio",
    "max_error",
    "fast_ms",
    "fast_forward_ms",
    "fast_backward_ms",
    "fast_timed",
    "fast_strategy",
    "fast_ratio",
    "fast_max_error",
}


def test_quick_suite_runs_and_writes_json(tmp_path, capsys):
    path = tmp_path / "bench.json"
    assert main(["bench", "--quick", "--repeat", "1", "--threads", "1", "--json", str(path)]) == 0
    out = capsys.readouterr().out
    assert "GFLOP/s" in out and "geometric mean" in out
    report = json.loads(path.read_text())
    assert report["threads"] == 1 and report["repeat"] == 1
    assert report["matmul_gflops"] > 0 and report["machine"]["numpy"] == np.__version__
    assert report["command"].startswith("convgrad bench")
    names = [c["name"] for c in report["cases"]]
    assert names == [c.name for c in bench.SUITE if c.quick]
    for case in report["cases"]:
        assert set(case) == CASE_FIELDS
        assert case["convgrad_ms"] > 0 and case["torch_ms"] > 0
        assert case["ratio"] == pytest.approx(case["convgrad_ms"] / case["torch_ms"])
        assert set(case["max_error"]) == {"y", "dx", "dw", "db"}
        assert max(case["max_error"].values()) <= bench.AGREEMENT
    assert report["geomean_ratio"] > 0 and report["worst_ratio"] >= report["geomean_ratio"]


def test_without_torch_reports_convgrads_own_figures(tmp_path):
    path = tmp_path / "bench.json"
    argv = ["bench", "--case", "lenet-conv2", "--repeat", "1", "--no-torch", "--json", str(path)]
    assert main(argv) == 0
    report = json.loads(path.read_text())
    (case,) = report["cases"]
    assert report["torch"] is None and case["torch_ms"] is None and case["ratio"] is None
    assert case["convgrad_gflops"] > 0


@pytest.mark.parametrize("torch_oracle", [True, False], ids=["torch", "float64"])
@pytest.mark.parametrize("kernel", ["_forward", "_input_grad", "_weight_grad"])
def test_a_wrong_kernel_is_caught_before_timing(monkeypatch, capsys, kernel, torch_oracle):
    right = getattr(convolution, kernel)

    def wrong(*args, **kwargs):
        result = right(*args, **kwargs)
        if result.dtype == np.float32:  # the float64 oracle stays right
            result.flat[0] += 0.01 * np.abs(result).max()
        return result

    monkeypatch.setattr(convolution, kernel, wrong)
    argv = ["bench", "--case", "lenet-conv2", "--repeat", "1"] + ["--no-torch"] * (not torch_oracle)
    assert main(argv) == 1
    assert "differs from" in capsys.readouterr().err


def test_unknown_case_is_an_error(capsys):
    assert main(["bench", "--case", "no-such-layer"]) == 2
    assert "no case matches" in capsys.readouterr().err


def test_flops_count_the_direct_convolution():
    case = bench.Case("t", (2, 3, 8, 8), (4, 3, 3, 3), padding=1)
    assert case.flops() == 3 * 2 * (2 * 4 * 8 * 8) * (3 * 3 * 3)


def test_the_large_kernel_cases_run_by_fft_and_agree_with_torch(capsys):
    assert bench.select(None, quick=False, large=True) == list(bench.LARGE_KERNELS)
    for case in bench.LARGE_KERNELS:
        with accel.accelerator("numpy"):  # with numba, the depthwise ones take its taps
            chosen = convolution.chosen_strategy(case.x, case.w, **case.kwargs())
        assert chosen == "fft", case.name
    assert main(["bench", "--case", "large-11x11", "--repeat", "1", "--threads", "1"]) == 0
    assert "large-11x11" in capsys.readouterr().out


def test_both_paths_are_reported_when_numba_works(tmp_path, capsys):
    """With numba, the [fast] path is timed where its kernels run (depthwise) and takes the
    NumPy figures elsewhere; without it, no [fast] figures at all."""
    from convgrad.kernels import accel

    path = tmp_path / "bench.json"
    argv = ["bench", "--case", "mobilenet-dw512", "--case", "lenet-conv2", "--repeat", "1"]
    argv += ["--case", "resnet20-64"]  # Winograd's, with numba
    assert main([*argv, "--threads", "1", "--json", str(path)]) == 0
    out = capsys.readouterr().out
    report = json.loads(path.read_text())
    if accel.available() is None:
        assert report["fast"] is None and report["geomean_ratio_fast"] is None
        assert all(c["fast_ms"] is None for c in report["cases"])
        return
    assert "convgrad[fast] / PyTorch" in out and report["fast"].startswith("numba ")
    lenet, dw, resnet = sorted(report["cases"], key=lambda c: c["name"])
    assert dw["fast_timed"] and dw["fast_strategy"] == "taps/numba" and dw["fast_ms"] > 0
    assert resnet["fast_timed"] and resnet["fast_strategy"] == "winograd/numba"
    assert max(dw["fast_max_error"].values()) <= bench.AGREEMENT
    assert dw["fast_ratio"] == pytest.approx(dw["fast_ms"] / dw["torch_ms"])
    assert not lenet["fast_timed"] and lenet["fast_ms"] == lenet["convgrad_ms"]
    assert dw["strategy"] == "taps" and lenet["strategy"] == "nhwc"  # NHWC_FEW_CHANNELS


def test_a_bad_accelerator_in_the_environment_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("CONVGRAD_ACCEL", "gpu")
    assert main(["bench", "--case", "lenet-conv2", "--repeat", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "CONVGRAD_ACCEL must be one of" in err


def test_a_bad_openvino_switch_in_the_environment_is_one_line(monkeypatch, capsys):
    monkeypatch.setenv("CONVGRAD_OPENVINO", "maybe")
    assert main(["bench", "--case", "lenet-conv2", "--repeat", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "CONVGRAD_OPENVINO must be 0 or 1" in err
    assert "'maybe'" in err
