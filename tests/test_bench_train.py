"""``convgrad bench --train`` end to end on one batch: it checks the step against PyTorch's, writes
its table and JSON, works without PyTorch, refuses a wrong step and bad options. These check what
it reports, never how fast."""

import contextlib
import json

import numpy as np
import pytest

from convgrad import bench_train, normalization
from convgrad.kernels import accel
from test_cli_mistakes import run

FAST = ["bench", "--train", "--batches", "1", "--repeat", "1", "--threads", "1"]


def test_one_batch_of_the_default_network_writes_table_and_json(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(bench_train.bench, "PAUSE", 0.0)
    path = tmp_path / "train.json"
    status, out, err = run([*FAST, "--network", "cnn-digits", "--json", str(path)], capsys)
    assert status == 0, err
    assert "convgrad ms" in out and "torch ms" in out and "cnn-digits" in out
    report = json.loads(path.read_text())
    fast = ["convgrad[fast]"] if accel.available() else []  # numba: its column too
    assert report["variants"] == ["convgrad", *fast] and report["batches"] == 1
    assert report["command"].startswith("convgrad bench --train --batches 1 --repeat 1")
    (row,) = report["networks"]
    assert row["name"] == "cnn-digits" and row["image_size"] == 8 and row["batch_size"] == 32
    assert row["convgrad_ms"]["convgrad"] > 0 and row["torch_ms"] > 0
    assert row["ratio"]["convgrad"] == pytest.approx(
        row["convgrad_ms"]["convgrad"] / row["torch_ms"]
    )
    assert 0 <= row["max_error"]["convgrad"] <= bench_train.AGREEMENT


def test_the_tape_network_agrees_with_torch_in_float64():
    network = bench_train.select(["resnet20-28"])[0]
    torch = bench_train.bench.load_torch(True)
    data = bench_train.make_batches(network, 1)
    initial = bench_train._Convgrad(network).initial
    assert bench_train.check_agreement(torch, network, initial, data[0]) <= 1e-12


def test_without_torch_it_says_so(capsys, monkeypatch):
    monkeypatch.setattr(bench_train.bench, "PAUSE", 0.0)
    status, out, _ = run([*FAST, "--network", "cnn-digits", "--no-torch"], capsys)
    assert status == 0 and "absent (convgrad's own figures only)" in out


def test_a_second_variant_adds_its_column(capsys, monkeypatch):
    monkeypatch.setattr(bench_train.bench, "PAUSE", 0.0)
    extra = bench_train.Variant("convgrad [fast]", contextlib.nullcontext)
    monkeypatch.setattr(bench_train, "VARIANTS", [*bench_train.VARIANTS, extra])
    status, out, _ = run([*FAST, "--network", "cnn-digits", "--no-torch"], capsys)
    assert status == 0 and "convgrad [fast] ms" in out.splitlines()[1]


def test_a_wrong_training_step_stops_the_run(capsys, monkeypatch):
    monkeypatch.setattr(bench_train.bench, "PAUSE", 0.0)
    right = normalization._train_backward

    def planted(dy, saved, weight, *relu):  # dx 0.1% too large
        dx, dweight, dbias = right(dy, saved, weight, *relu)
        return dx * 1.001, dweight, dbias

    monkeypatch.setattr(normalization, "_train_backward", planted)
    status, out, err = run([*FAST, "--network", "cnn-digits"], capsys)
    assert status == 1 and "differs from PyTorch's" in err and "cnn-digits" in err


@pytest.mark.parametrize(
    "argv, named",
    [
        (["--train", "--batches", "0"], "--batches: must be an integer from 1 to 100000"),
        (["--train", "--network", "vgg"], "--network: no network 'vgg'; the networks are"),
        (["--batches", "3"], "--batches needs --train"),
        (["--network", "cnn-28"], "--network needs --train"),
        (["--train", "--quick"], "--quick times the convolution suite"),
        (["--train", "--case", "lenet"], "--case times the convolution suite"),
        (["--train", "--json", "/nonexistent-folder/x.json"], "--json: the folder"),
    ],
)
def test_a_mistake_is_one_line_and_exit_2(argv, named, capsys):
    status, out, err = run(["bench", *argv], capsys)
    assert status == 2 and len(err.splitlines()) == 1 and named in err, err
    assert "ms" not in out  # nothing timed


def test_batches_are_the_same_for_every_contender():
    network = bench_train.select(["cnn-28"])[0]
    a, b = bench_train.make_batches(network, 2), bench_train.make_batches(network, 2)
    assert all(np.array_equal(x, y) for pa, pb in zip(a, b) for x, y in zip(pa, pb))
    assert a[0][0].shape == (32, 1, 28, 28) and a[0][0].dtype == np.float32
