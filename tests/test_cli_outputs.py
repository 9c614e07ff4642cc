"""What the commands show: the explain GIF's sums and its bounds, bench's rows and help, and the
training pictures' words (read from the figures as they are saved)."""

import time

import numpy as np
import pytest

pytest.importorskip("matplotlib")
import matplotlib.figure  # noqa: E402
import matplotlib.text  # noqa: E402

import convgrad  # noqa: E402
from convgrad import explain, plots  # noqa: E402
from convgrad.cli import main  # noqa: E402


def test_the_gif_accumulates_dx_and_dw_to_the_backward_pass(tmp_path, monkeypatch):
    g = explain.Geometry((4, 5), (2, 3), stride=(1, 2), padding=(1, 0), channels=2)
    x, w, dy = g.numbers(3)
    drawn = {}
    real = explain._draw

    def spy(fig, axes, geometry, cell, numbers, totals, title):
        drawn[cell] = tuple(np.array(t) for t in totals)
        return real(fig, axes, geometry, cell, numbers, totals, title)

    monkeypatch.setattr(explain, "_draw", spy)
    frames = explain.animate(g, str(tmp_path / "a.gif"), seed=3)
    cells = list(np.ndindex(*g.out))
    assert frames == len(cells) and list(drawn) == cells
    for k, cell in enumerate(cells):  # after cell k: the sum of the first k + 1 cells' parts
        dx, dw = (sum(p) for p in zip(*(g.contribution(c, x, w, dy) for c in cells[: k + 1])))
        np.testing.assert_allclose(drawn[cell][0], dx, atol=1e-12)
        np.testing.assert_allclose(drawn[cell][1], dw, atol=1e-12)
    dx, dw, _ = convgrad.conv2d_backward(
        dy[None], x[None], w, stride=g.stride, padding=g.padding, dilation=g.dilation
    )
    np.testing.assert_allclose(drawn[cells[-1]][0], dx[0], atol=1e-12)  # the whole pass
    np.testing.assert_allclose(drawn[cells[-1]][1], dw[0], atol=1e-12)


@pytest.mark.parametrize(
    "size, kernel, channels, gif",
    [((16, 16), (3, 3), 1, True), ((9, 9), (2, 2), 1, True), ((30, 30), (3, 3), 1, False)],
)
def test_pictures_over_the_limits_are_refused_before_drawing(size, kernel, channels, gif, tmp_path):
    g = explain.Geometry(size, kernel, channels=channels)
    start = time.perf_counter()
    with pytest.raises(ValueError, match="^size: a (GIF|PNG)"):
        if gif:
            explain.animate(g, str(tmp_path / "a.gif"))
        else:
            explain.draw_cell(g)
    assert time.perf_counter() - start < 1
    assert not (tmp_path / "a.gif").exists()


def test_the_gif_shows_its_progress(tmp_path, capsys):
    assert main(["explain", "--size", "3", "--kernel", "2", "--out", str(tmp_path / "a.gif")]) == 0
    err = capsys.readouterr().err
    assert "frame 4 of 4" in err


def test_bench_prints_each_row_once(capsys):
    argv = ["bench", "--case", "lenet-conv2", "--repeat", "1", "--threads", "1", "--no-torch"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("lenet-conv2") for line in lines) == 1
    assert sum(line.startswith("case") for line in lines) == 1  # one header


def test_bench_help_shows_percent_mm(capsys):
    with pytest.raises(SystemExit):
        main(["bench", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "%mm is that rate" in out and "%%mm" not in out


@pytest.fixture
def words(monkeypatch):
    """Every text of every figure saved while the test runs."""

    class Seen(list):
        figures: list = []

    seen = Seen()
    real = matplotlib.figure.Figure.savefig

    def savefig(fig, *args, **kwargs):
        seen.extend(t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text())
        seen.figures.append(fig)
        return real(fig, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", savefig)
    return seen


def test_the_curves_say_the_training_loss_has_label_smoothing(tmp_path, words):
    history = [
        {"epoch": e, "train_loss": 1 / e, "test_loss": 0.8 / e, "train_accuracy": 0.5,
         "test_accuracy": 0.6}
        for e in (1, 2)
    ]  # fmt: skip
    plots.curves(history, tmp_path / "c.png", label_smoothing=0.1)
    assert "train (label smoothing 0.1)" in words and "test (no smoothing)" in words


def test_the_filters_have_a_colour_scale(tmp_path, words):
    w = np.random.default_rng(0).standard_normal((8, 1, 3, 3))
    plots.filters(w, tmp_path / "f.png")
    assert "weight" in words  # the colour bar's label
    bar = [ax for fig in words.figures for ax in fig.axes if ax.get_ylabel() == "weight"]
    limit = np.abs(w.mean(axis=1)).max()
    assert len(bar) == 1 and bar[0].get_ylim() == pytest.approx((-limit, limit))


def test_misclassified_tiles_say_truth_prediction_and_probabilities(tmp_path, words):
    images = np.zeros((3, 1, 8, 8))
    labels = np.array([3, 1, 2])
    probabilities = np.full((3, 10), 0.0)
    probabilities[0, [3, 5]] = 0.25, 0.75  # wrong: true 3, predicted 5
    probabilities[1, 1] = probabilities[2, 2] = 1.0
    plots.misclassified(images, labels, probabilities, list("0123456789"), tmp_path / "m.png")
    assert "true 3 (25%)\npredicted 5 (75%)" in words
    assert any("misclassified: 1 of 3" in t for t in words)


def test_misclassified_with_none_wrong_says_so(tmp_path, words):
    labels = np.array([0, 1])
    plots.misclassified(
        np.zeros((2, 1, 8, 8)), labels, np.eye(10)[labels], "0123456789", tmp_path / "m.png"
    )
    assert any("misclassified: 0 of 2" in t for t in words)
    assert any(t.startswith("none") for t in words)
    assert (tmp_path / "m.png").stat().st_size > 0


def test_evaluate_needs_only_the_test_files(tmp_path, capsys):
    """MNIST's training files (47 MB) are not needed to evaluate on its test split."""
    from convgrad.data import write_idx
    from convgrad.training import Classifier, build_model, small_cnn_config

    rng = np.random.default_rng(0)
    folder = tmp_path / "data" / "mnist"
    folder.mkdir(parents=True)
    write_idx(folder / "t10k-images-idx3-ubyte.gz", rng.integers(0, 256, (12, 28, 28), np.uint8))
    write_idx(folder / "t10k-labels-idx1-ubyte", rng.integers(0, 10, 12).astype(np.uint8))
    config = small_cnn_config(1, 28, 10, width=4)
    Classifier(build_model(config), config, 0.1, 0.3, {"dataset": "mnist"}).save(tmp_path / "m.npz")
    argv = ["evaluate", str(tmp_path / "m.npz"), "--data-dir", str(tmp_path / "data")]
    assert main(argv) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "mnist: 12 test images" in out and "test accuracy" in out
    assert sorted(p.name for p in folder.iterdir()) == [
        "t10k-images-idx3-ubyte.gz",
        "t10k-labels-idx1-ubyte",
    ]  # nothing downloaded
