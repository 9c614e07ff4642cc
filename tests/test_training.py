"""Training, saving and loading a classifier; the train / evaluate / predict commands end to end."""

import json

import numpy as np
import pytest
import torch

from convgrad import nn
from convgrad.cli import main
from convgrad.data import load_digits
from convgrad.training import (
    Classifier,
    Settings,
    build_model,
    confusion_matrix,
    evaluate,
    load_classifier,
    small_cnn_config,
    torch_model,
    train,
)


@pytest.fixture(scope="module")
def digits():
    return load_digits()


@pytest.fixture(scope="module")
def small(digits):
    """300 training images: enough for the loss to fall in two epochs."""
    return digits._replace(x_train=digits.x_train[:300], y_train=digits.y_train[:300])


@pytest.fixture(scope="module")
def trained(small):
    return train(small, Settings(epochs=2, seed=3))


def _torch_twin(classifier):
    twin = torch_model(classifier.config).double().eval()
    state = {k: torch.from_numpy(np.array(v)) for k, v in classifier.model.state_dict().items()}
    twin.load_state_dict(state)
    return twin


@pytest.mark.parametrize("size", [8, 28])
def test_the_default_network_matches_its_torch_twin_in_float64(size):
    config = small_cnn_config(in_channels=1, size=size, classes=10)
    nn.manual_seed(0)
    ours = build_model(config, dtype=np.float64)
    x = np.random.default_rng(1).random((5, 1, size, size))
    twin = torch_model(config).double()
    twin.load_state_dict({k: torch.from_numpy(v) for k, v in ours.state_dict().items()})
    for mode in ("train", "eval"):
        getattr(ours, mode)(), getattr(twin, mode)()
        np.testing.assert_allclose(
            ours(x), twin(torch.from_numpy(x)).detach().numpy(), rtol=1e-10, atol=1e-12
        )


def test_training_lowers_the_loss_and_learns(trained, small):
    classifier, history = trained
    assert [h["epoch"] for h in history] == [1, 2]
    assert history[-1]["train_loss"] < history[0]["train_loss"] < np.log(10)
    # Chance is 10%; two epochs on 300 images reach well above it.
    assert evaluate(classifier, small.x_test, small.y_test)["accuracy"] > 0.5


def test_same_seed_same_numbers(small):
    def run(seed):
        _, history = train(small, Settings(epochs=1, seed=seed))
        return [{k: v for k, v in h.items() if k != "seconds"} for h in history]

    assert run(5) == run(5)
    assert run(5) != run(6)


def test_a_saved_model_loads_with_the_same_predictions(trained, small, tmp_path):
    classifier, _ = trained
    path = tmp_path / "model.npz"
    classifier.save(path)
    with np.load(path, allow_pickle=False) as f:  # no pickled objects inside
        assert "config" in f.files
    loaded = load_classifier(path)
    np.testing.assert_array_equal(loaded.logits(small.x_test), classifier.logits(small.x_test))
    assert (loaded.mean, loaded.std, loaded.config) == (
        classifier.mean,
        classifier.std,
        classifier.config,
    )


def test_saved_weights_give_the_same_predictions_in_pytorch(trained, small, tmp_path):
    classifier, _ = trained
    classifier.save(tmp_path / "model.npz")
    loaded = load_classifier(tmp_path / "model.npz")
    twin = _torch_twin(loaded)
    x = (small.x_test.astype(np.float64) - loaded.mean) / loaded.std
    theirs = twin(torch.from_numpy(x)).detach().numpy()
    np.testing.assert_allclose(loaded.logits(small.x_test), theirs, rtol=1e-4, atol=1e-4)
    np.testing.assert_array_equal(loaded.predict(small.x_test), theirs.argmax(axis=1))


def test_loading_something_else_fails_clearly(tmp_path):
    np.savez(tmp_path / "other.npz", a=np.zeros(3))
    with pytest.raises(ValueError, match="not a convgrad model"):
        load_classifier(tmp_path / "other.npz")
    (tmp_path / "text.npz").write_text("hello")
    with pytest.raises(ValueError, match="cannot read"):
        load_classifier(tmp_path / "text.npz")


def test_an_unknown_layer_in_a_config_is_named():
    with pytest.raises(ValueError, match="unknown layer 'Softmax2d'"):
        build_model({"layers": [["Softmax2d", {}]]})


def test_confusion_matrix_counts_pairs():
    from sklearn.metrics import confusion_matrix as sk_confusion

    rng = np.random.default_rng(0)
    y, p = rng.integers(0, 4, 50), rng.integers(0, 4, 50)
    np.testing.assert_array_equal(confusion_matrix(y, p, 4), sk_confusion(y, p, labels=range(4)))


def test_train_evaluate_predict_end_to_end(tmp_path, capsys, digits):
    from PIL import Image

    out = tmp_path / "run"
    argv = ["train", "--epochs", "1", "--limit", "200", "--out", str(out), "--no-progress"]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "confusion matrix" in text
    accuracy_line = text.strip().splitlines()[-1]
    assert accuracy_line.startswith("test accuracy: ") and accuracy_line.endswith("%")

    metrics = json.loads((out / "metrics.json").read_text())
    assert f"{100 * metrics['test_accuracy']:.1f}%" in accuracy_line
    assert np.sum(metrics["confusion_matrix"]) == len(digits.y_test)
    assert json.loads((out / "settings.json").read_text())["epochs"] == 1
    for name in ("curves.png", "filters.png", "misclassified.png"):
        with Image.open(out / name) as img:
            assert img.format == "PNG" and min(img.size) >= 200

    assert main(["evaluate", str(out / "model.npz")]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == accuracy_line

    # predict on a test digit saved as a PNG (dark on light, as drawn on paper) and as .npy.
    classifier = load_classifier(out / "model.npz")
    image = digits.x_test[0, 0]
    Image.fromarray((255 * (1 - image)).astype(np.uint8)).save(tmp_path / "digit.png")
    np.save(tmp_path / "digit.npy", image)
    assert main(["predict", str(out / "model.npz"), str(tmp_path / "digit.npy")]) == 0
    expected = str(classifier.predict(digits.x_test[:1])[0])
    assert capsys.readouterr().out.split(": ")[1].startswith(expected + " (")
    assert main(["predict", str(out / "model.npz"), str(tmp_path / "digit.png")]) == 0
    assert capsys.readouterr().out.split(": ")[1].startswith(expected + " (")


def test_commands_report_bad_files(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path / "missing.npz")]) == 2
    assert "error:" in capsys.readouterr().err
    Classifier(build_model(small_cnn_config(1, 8, 10)), small_cnn_config(1, 8, 10)).save(
        tmp_path / "m.npz"
    )
    (tmp_path / "not-an-image.png").write_text("no")
    assert main(["predict", str(tmp_path / "m.npz"), str(tmp_path / "not-an-image.png")]) == 2
    assert "not an image file" in capsys.readouterr().err


def test_a_resnet20_config_is_bounded_like_any_other():
    from convgrad.training import check_config

    good = {"model": "resnet20", "in_channels": 1, "size": 8, "classes": 10}
    assert check_config(dict(good)) == good
    for bad, fragment in [
        ({**good, "layers": []}, "exactly the keys"),
        ({**good, "size": 10**6}, "size"),
        ({**good, "in_channels": 64, "size": 512}, r"in_channels \* size\*\*2"),
    ]:
        with pytest.raises(ValueError, match=fragment):
            check_config(bad)
