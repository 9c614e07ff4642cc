"""Every command-line mistake ends with exit status 2 and one line on stderr, before any work.

Run in-process through ``convgrad.cli.main`` (a mistake argparse sees raises SystemExit(2); one
found later returns 2), except where a real process is the point (a closed pipe).
"""

import os
import subprocess
import sys

import numpy as np
import pytest

from convgrad.cli import main

# Placeholders, filled in from the fixtures: {model} a real model, {img} a real drawing,
# {tmp} an empty folder, {file} an ordinary file, {garbage} a file of random bytes.
MISTAKES = {
    "train": [
        ["--lr", "-1"],
        ["--lr", "0"],
        ["--lr", "nan"],
        ["--lr", "inf"],
        ["--lr", "fast"],
        ["--label-smoothing", "2"],
        ["--label-smoothing", "1"],
        ["--label-smoothing", "-0.1"],
        ["--label-smoothing", "nan"],
        ["--epochs", "0"],
        ["--epochs", "-3"],
        ["--epochs", "1.5"],
        ["--epochs", "99999999999999999999"],
        ["--batch-size", "0"],
        ["--batch-size", "-8"],
        ["--batch-size", "10000000"],
        ["--weight-decay", "-1"],
        ["--weight-decay", "nan"],
        ["--seed", "-1"],
        ["--seed", "x"],
        ["--limit", "0"],
        ["--limit", "-5"],
        ["--dataset", "cifar"],
        ["--optimizer", "rmsprop"],
        ["--out", "{file}/run"],
        ["--epochs"],
        ["--no-such-option"],
    ],
    "evaluate": [
        ["{garbage}"],
        ["{tmp}/missing.npz"],
        ["{tmp}"],
        ["{model}", "--dataset", "cifar"],
        [],
    ],
    "predict": [
        ["{model}", "{img}", "--top", "0"],
        ["{model}", "{img}", "--top", "-1"],
        ["{model}", "{img}", "--invert", "maybe"],
        ["{model}", "{tmp}/missing.png"],
        ["{model}", "{garbage}"],
        ["{model}", "{tmp}"],
        ["{garbage}", "{img}"],
        ["{model}", "{blank}"],
        ["{model}", "{const}"],
        ["{model}", "{cut}"],
        ["{model}", "{img}", "{garbage}"],
        ["{model}"],
    ],
    "check": [
        ["--kernel", "0"],
        ["--kernel", "-1"],
        ["--kernel", "3,x"],
        ["--groups", "4"],
        ["--groups", "0"],
        ["--in-channels", "4", "--out-channels", "6", "--groups", "4"],
        ["--output-padding", "1"],
        ["--output-padding", "-1", "--transpose"],
        ["--size", "a"],
        ["--size", "0"],
        ["--size", "1000"],
        ["--size", "3,3,3"],
        ["--stride", "0"],
        ["--dilation", "0"],
        ["--padding", "-1"],
        ["--padding", "middle"],
        ["--transpose", "--padding", "same"],
        ["--batch", "0"],
        ["--batch", "100000"],
        ["--in-channels", "0"],
        ["--out-channels", "-2"],
        ["--seed", "-1"],
        ["--dims", "4"],
        ["--kernel", "9", "--padding", "0"],
        ["--padding-mode", "mirror"],
        ["--mode", "slow"],
    ],
    "explain": [
        ["--size", "0"],
        ["--size", "1,2,3"],
        ["--size", "100000"],
        ["--kernel", "0"],
        ["--stride", "0"],
        ["--padding", "-1"],
        ["--dilation", "0"],
        ["--channels", "0"],
        ["--channels", "1000"],
        ["--seed", "-1"],
        ["--cell", "a,b"],
        ["--cell", "9,9", "--out", "{tmp}/x.png"],
        ["--pixel", "1"],
        ["--pixel", "7,0"],
        ["--size", "16", "--out", "{tmp}/big.gif"],
        ["--size", "60", "--out", "{tmp}/big.png"],
        ["--channels", "9", "--out", "{tmp}/x.png"],
        ["--out", "{tmp}/missing/x.png"],
        ["--out", "{tmp}/x.jpg"],
        ["--out", "{tmp}"],
        ["--out", "{file}/x.gif"],
    ],
    "grade": [
        ["{file}", "--timeout", "0"],
        ["{file}", "--timeout", "nan"],
        ["{file}", "--timeout", "-1"],
        ["{file}", "--memory", "0"],
        ["{file}", "--memory", "lots"],
        ["{tmp}/missing.py"],
        ["{tmp}"],
        ["{file}", "--api", "keras"],
        [],
    ],
    "bench": [
        ["--repeat", "0"],
        ["--repeat", "-1"],
        ["--threads", "0"],
        ["--threads", "-1"],
        ["--threads", "many"],
        ["--case", "no-such-case"],
        ["--json", "{tmp}/missing/out.json"],
        ["--json", "{tmp}"],
    ],
    "": [["no-such-command"], [], ["--no-such-option"]],
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A real model (one short epoch), a drawing, a blank image, garbage and plain files."""
    from PIL import Image

    folder = tmp_path_factory.mktemp("files")
    model_dir = folder / "run"
    argv = ["train", "--epochs", "1", "--limit", "100", "--no-progress", "--out", str(model_dir)]
    assert main(argv) == 0
    img = np.zeros((40, 40), np.uint8)
    img[5:35, 18:23] = 255
    Image.fromarray(img).save(folder / "one.png")
    Image.fromarray(np.zeros((40, 40), np.uint8)).save(folder / "blank.png")
    (folder / "garbage.npz").write_bytes(np.random.default_rng(0).bytes(3000))
    np.save(folder / "const.npy", np.full((5, 5), 3.0))
    (folder / "cut.png").write_bytes((folder / "one.png").read_bytes()[:60])
    (folder / "plain.py").write_text("x = 1\n")
    return {
        "model": model_dir / "model.npz",
        "img": folder / "one.png",
        "blank": folder / "blank.png",
        "garbage": folder / "garbage.npz",
        "const": folder / "const.npy",
        "cut": folder / "cut.png",
        "file": folder / "plain.py",
    }


def run(argv, capsys):
    """``(exit status, stdout, stderr)`` of ``convgrad argv``, in this process."""
    try:
        status = main(argv)
    except SystemExit as exit:
        status = exit.code
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "command, argv", [(c, a) for c, cases in MISTAKES.items() for a in cases], ids=repr
)
def test_a_mistake_is_exit_2_and_one_line(command, argv, files, tmp_path, capsys):
    names = {k: str(v) for k, v in files.items()} | {"tmp": str(tmp_path)}
    argv = [command] * bool(command) + [a.format(**names) for a in argv]
    status, out, err = run(argv, capsys)
    assert status == 2, (argv, out, err)
    assert len(err.splitlines()) == 1, (argv, err)
    assert "Traceback" not in err and err.startswith("convgrad")
    assert "epoch" not in out  # nothing trained


@pytest.mark.parametrize(
    "argv, named",
    [
        (["train", "--lr", "-1"], "argument --lr: must be a finite number in (0, 10]; got '-1'"),
        (["train", "--lr", "nan"], "--lr: must be a finite number"),
        (
            ["train", "--label-smoothing", "2"],
            "--label-smoothing: must be a finite number in [0, 1)",
        ),
        (["train", "--epochs", "0"], "--epochs: must be an integer from 1 to"),
        (["check", "--groups", "4"], "--groups 4 must divide --in-channels 2"),
        (
            ["check", "--kernel", "0"],
            "--kernel: must be a kernel size: every value an integer >= 1",
        ),
        (["check", "--output-padding", "1"], "--output-padding: only a transposed convolution"),
        (["check", "--size", "a"], "--size: must be a size"),
        (
            ["explain", "--size", "16", "--out", "x.gif"],
            "at most 64; the output (14, 14) needs 196",
        ),
        (
            ["explain", "--size", "9", "--kernel", "2", "--out", "x.gif"],
            "at most 10000 cells in all",
        ),
        (["bench", "--threads", "0"], "--threads: must be an integer from 1 to 1024; got '0'"),
    ],
)
def test_the_line_names_the_option_the_value_and_the_rule(argv, named, capsys):
    status, _, err = run(argv, capsys)
    assert status == 2 and named in err, err
    assert "invalid _ints value" not in err


def test_an_unwritable_out_is_refused_before_training(tmp_path, capsys):
    (tmp_path / "file").write_text("")
    status, out, err = run(["train", "--out", str(tmp_path / "file" / "run")], capsys)
    assert status == 2 and "--out: cannot write in the folder" in err
    assert out == ""  # not even the data set's line: nothing loaded, nothing trained


def test_explain_out_into_a_missing_folder_names_it(tmp_path, capsys):
    status, _, err = run(["explain", "--out", str(tmp_path / "nope" / "x.png")], capsys)
    assert status == 2 and f"the folder {tmp_path / 'nope'} " in err and "does not exist" in err


@pytest.mark.parametrize(
    "argv, module",
    [
        (["train"], "tqdm"),
        (["train", "--no-progress"], "matplotlib"),
        (["train", "--no-progress"], "sklearn"),
        (["explain", "--out", "{tmp}/x.png"], "matplotlib"),
        (["predict", "{model}", "{img}"], "PIL"),
    ],
)
def test_a_missing_extra_is_said_up_front(argv, module, files, tmp_path, capsys, monkeypatch):
    names = {k: str(v) for k, v in files.items()} | {"tmp": str(tmp_path)}
    argv = [a.format(**names) for a in argv]
    monkeypatch.chdir(tmp_path)  # train's default --out goes here
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    status, out, err = run(argv, capsys)
    assert status == 2 and len(err.splitlines()) == 1
    assert module in err and 'pip install "convgrad[' in err
    assert "epoch" not in out


def test_output_into_a_closed_pipe_ends_quietly():
    read, write = os.pipe()
    os.close(read)  # the reader is gone, like `| head` after its lines
    try:
        done = subprocess.run(
            [sys.executable, "-m", "convgrad", "explain", "--size", "12", "--pixel", "5,5"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    assert done.returncode in (0, 141), done.stderr
    assert done.stderr == ""


def test_piped_into_head(tmp_path):
    done = subprocess.run(
        f"{sys.executable} -m convgrad explain --size 40 --kernel 5 --channels 8 | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("conv2d: x (8, 40, 40)")
    assert done.stderr == ""


def test_train_at_full_test_accuracy_prints_it_and_draws(tmp_path, capsys, monkeypatch):
    """The misclassified picture divided by zero when nothing was misclassified."""
    from convgrad import training

    real = training.evaluate

    def perfect(classifier, x, y):
        result = real(classifier, x, y)
        probabilities = np.eye(classifier.config["classes"])[y]
        return result | {
            "predicted": y.copy(),
            "probabilities": probabilities,
            "accuracy": 1.0,
            "confusion": training.confusion_matrix(y, y, classifier.config["classes"]),
        }

    monkeypatch.setattr(training, "evaluate", perfect)
    argv = ["train", "--epochs", "1", "--limit", "100", "--no-progress", "--out", str(tmp_path)]
    status, out, err = run(argv, capsys)
    assert status == 0, err
    assert out.strip().splitlines()[-1] == "test accuracy: 100.0%"
    assert "confusion matrix" in out
    assert (tmp_path / "misclassified.png").stat().st_size > 0
