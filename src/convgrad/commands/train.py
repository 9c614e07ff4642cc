"""``convgrad train``, ``convgrad evaluate MODEL`` and ``convgrad predict MODEL IMAGE``.

``train`` fits the default small CNN (:func:`convgrad.training.small_cnn_config`) with
convgrad's own gradients, shows a progress bar, prints ``test accuracy: NN.N%`` and a confusion
matrix, and writes to ``--out``: ``model.npz``, ``settings.json``, ``metrics.json``,
``curves.png``, ``filters.png``, ``misclassified.png``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from ._options import SEED, UsageError, integer, real, require, writable_folder

DATASETS = ("digits", "mnist", "fashion-mnist")
# An MNIST epoch (60,000 images, 3 stages) takes about 3 minutes on 2 cores; digits' about 0.6 s.
EPOCHS = {"digits": 15, "mnist": 3, "fashion-mnist": 3}
MAX_EPOCHS = 10_000
MAX_BATCH = 4096  # a batch's first activations, 4096 x 32 x 28 x 28 float32, are 411 MB


class _Help(argparse.ArgumentDefaultsHelpFormatter):
    """Shows each option's default, except where there is none (None)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None:
            return action.help
        return super()._get_help_string(action)


def add_parser(commands: argparse._SubParsersAction) -> None:
    from convgrad.training import MODELS, OPTIMIZERS, Settings

    d = Settings()
    train = commands.add_parser(
        "train",
        help="train a small CNN on real images with convgrad's gradients",
        description="Train a small CNN (conv-BN-ReLU-pool stages, then a linear layer) with "
        "convgrad's layers, backward passes and optimisers. The default data set, scikit-learn's "
        "8x8 digits, is bundled: no download.",
        formatter_class=_Help,
    )
    train.add_argument("--dataset", choices=DATASETS, default=d.dataset, help="data set")
    train.add_argument(
        "--model",
        choices=MODELS,
        default=d.model,
        help="the default small CNN, or a ResNet-20 (trained through convgrad's autograd tape)",
    )
    train.add_argument(
        "--data-dir",
        type=Path,
        default=Path("data"),
        help="where MNIST / Fashion-MNIST IDX files are, or are downloaded to",
    )
    train.add_argument(
        "--epochs",
        type=integer(1, MAX_EPOCHS),
        default=None,
        help="passes over the data (default: 15 for digits, 3 for mnist and fashion-mnist)",
    )
    train.add_argument(
        "--batch-size", type=integer(1, MAX_BATCH), default=d.batch_size, help="images per step"
    )
    train.add_argument(
        "--lr", type=real(0, 10, low_open=True), default=d.lr, help="peak learning rate (cosine)"
    )
    train.add_argument(
        "--optimizer", choices=tuple(OPTIMIZERS), default=d.optimizer, help="sgd has momentum 0.9"
    )
    train.add_argument("--weight-decay", type=real(0, 1), default=d.weight_decay, help="L2 penalty")
    train.add_argument(
        "--label-smoothing",
        type=real(0, 1, high_open=True),
        default=d.label_smoothing,
        help="the training loss's target smoothing (the test loss has none)",
    )
    train.add_argument("--seed", type=SEED, default=d.seed, help="same seed, same numbers")
    train.add_argument(
        "--limit", type=integer(1), default=None, help="use only the first N training images"
    )
    train.add_argument("--out", type=Path, default=Path("runs/latest"), help="output folder")
    train.add_argument("--no-progress", action="store_true", help="no progress bar")
    train.set_defaults(run=_train)

    evaluate = commands.add_parser(
        "evaluate",
        help="accuracy and confusion matrix of a saved model on a test set",
        description="Evaluate a model saved by `convgrad train` on the test images of its data "
        "set (or of --dataset); only the test files are needed.",
    )
    evaluate.add_argument("model", type=Path, help="a model.npz written by convgrad train")
    evaluate.add_argument("--dataset", choices=DATASETS, default=None)
    evaluate.add_argument("--data-dir", type=Path, default=Path("data"))
    evaluate.set_defaults(run=_evaluate)

    predict = commands.add_parser(
        "predict",
        help="classify image files with a saved model",
        description="Classify images (PNG, JPEG, ... or .npy) with a saved model. Each image is "
        "prepared like the model's training data: transparent pixels become background; the "
        "image is turned to grey, and to light ink on a dark background (a light border means a "
        "light background, unless --invert says otherwise); it is cropped to the ink, padded to "
        "a square, resized with antialiasing and centred by its centre of mass: for digits "
        "(8x8) the ink fills the frame's height, its strokes thinned or thickened to the data's "
        "ink, with the contrast of the 0..16 counts; for "
        "MNIST (28x28) it fits a 20x20 box centred by mass, as MNIST was made. For digits the "
        "probabilities are the mean over 9 positions half a pixel apart. Needs Pillow "
        '(matplotlib brings it): pip install "convgrad[train]".',
    )
    predict.add_argument("model", type=Path)
    predict.add_argument("images", type=Path, nargs="+", metavar="IMAGE")
    predict.add_argument(
        "--invert",
        choices=("auto", "yes", "no"),
        default="auto",
        help="yes: the image has dark ink on a light background; no: light on dark; auto: "
        "decide by the image's border (default)",
    )
    predict.add_argument(
        "--top", type=integer(1), default=3, help="how many classes to show (default 3)"
    )
    predict.set_defaults(run=_predict)


def _load(name: str, data_dir: Path, train: bool = True) -> Any:
    from convgrad.data import load_dataset

    try:
        return load_dataset(name, data_dir=data_dir, train=train)
    except ValueError as err:
        raise UsageError(str(err)) from None
    except OSError as err:
        raise UsageError(f"--data-dir {data_dir}: {err}") from None


def _confusion_text(m: np.ndarray, classes: list[str]) -> str:
    labels = [c[:8] for c in classes]
    width = max(5, *(len(c) for c in labels), len(str(m.max())) + 1)
    head = " " * (width + 1) + "".join(f"{c:>{width}}" for c in labels)
    rows = [f"{c:>{width}} " + "".join(f"{v:>{width}}" for v in row) for c, row in zip(labels, m)]
    return "\n".join(["confusion matrix (rows: true class, columns: predicted)", head, *rows])


def _train(args: argparse.Namespace) -> int:
    needs = {"matplotlib": "the pictures"}
    if args.dataset == "digits":
        needs["sklearn"] = "the bundled digits"
    if not args.no_progress:
        needs["tqdm"] = "the progress bar; --no-progress runs without it"
    require("train", needs, "train")
    out: Path = args.out
    writable_folder("--out", out)

    from convgrad import plots
    from convgrad.training import Settings, evaluate, train

    settings = Settings(
        dataset=args.dataset,
        epochs=args.epochs or EPOCHS[args.dataset],
        batch_size=args.batch_size,
        lr=args.lr,
        optimizer=args.optimizer,
        weight_decay=args.weight_decay,
        label_smoothing=args.label_smoothing,
        seed=args.seed,
        model=args.model,
    )
    split = _load(args.dataset, args.data_dir)
    if args.limit is not None:
        split = split._replace(
            x_train=split.x_train[: args.limit], y_train=split.y_train[: args.limit]
        )
    print(
        f"{split.name}: {len(split.x_train)} training and {len(split.x_test)} test images "
        f"{split.x_train.shape[1:]}, {len(split.classes)} classes"
    )

    def progress(it, total, description):
        from tqdm import tqdm

        return tqdm(it, total=total, desc=description, leave=False, file=sys.stderr)

    start = time.perf_counter()
    classifier, history = train(
        split, settings, progress=None if args.no_progress else progress, report=print
    )
    seconds = time.perf_counter() - start
    final = evaluate(classifier, split.x_test, split.y_test)

    classifier.save(out / "model.npz")
    (out / "settings.json").write_text(json.dumps(asdict(settings), indent=2) + "\n")
    metrics = {
        "test_accuracy": final["accuracy"],
        "test_loss": final["loss"],
        "seconds": seconds,
        "confusion_matrix": final["confusion"].tolist(),
        "classes": list(split.classes),
        "history": history,
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    plots.curves(history, out / "curves.png", label_smoothing=settings.label_smoothing)
    plots.filters(next(classifier.model.parameters()).data, out / "filters.png")
    plots.misclassified(
        split.x_test,
        split.y_test,
        final["probabilities"],
        split.classes,
        out / "misclassified.png",
    )
    print(
        f"trained in {seconds:.1f} s; wrote {out}/: model.npz, settings.json, metrics.json, "
        "curves.png, filters.png, misclassified.png"
    )
    print(_confusion_text(final["confusion"], list(split.classes)))
    print(f"test accuracy: {100 * final['accuracy']:.1f}%")
    return 0


def _classifier(path: Path) -> Any:
    from convgrad.training import load_classifier

    try:
        return load_classifier(path)
    except ValueError as err:
        raise UsageError(str(err)) from None


def _evaluate(args: argparse.Namespace) -> int:
    from convgrad.training import evaluate

    classifier = _classifier(args.model)
    name = args.dataset or classifier.info.get("dataset", "digits")
    if name == "digits":
        require("evaluate", {"sklearn": "the bundled digits"}, "train")
    split = _load(name, args.data_dir, train=False)
    c, size = classifier.config["in_channels"], classifier.config["size"]
    if split.x_test.shape[1:] != (c, size, size):
        raise UsageError(
            f"the model {args.model} takes images of shape {(c, size, size)}; "
            f"{name}'s are {split.x_test.shape[1:]}"
        )
    result = evaluate(classifier, split.x_test, split.y_test)
    print(f"{name}: {len(split.y_test)} test images")
    print(_confusion_text(result["confusion"], list(split.classes)))
    print(f"test loss: {result['loss']:.4f}")
    print(f"test accuracy: {100 * result['accuracy']:.1f}%")
    return 0


def _predict(args: argparse.Namespace) -> int:
    require("predict", {"PIL": "reading images"}, "train")
    from convgrad.images import prepare_file, style_of

    classifier = _classifier(args.model)
    c, size = classifier.config["in_channels"], classifier.config["size"]
    style = style_of(classifier.info.get("dataset"), size)
    try:
        views = [prepare_file(p, style, args.invert) for p in args.images]  # each (K, H, W)
    except ValueError as err:
        raise UsageError(str(err)) from None
    classes = classifier.info.get("classes") or [
        str(i) for i in range(classifier.config["classes"])
    ]
    # each image's probabilities: the mean over its views (K, C, H, W)
    probs = [classifier.probabilities(np.repeat(v[:, None], c, axis=1)).mean(axis=0) for v in views]
    for path, p in zip(args.images, probs):
        top = np.argsort(-p, kind="stable")[: args.top]
        others = ", ".join(f"{classes[k]} {100 * p[k]:.1f}%" for k in top[1:])
        print(
            f"{path}: {classes[top[0]]} ({100 * p[top[0]]:.1f}%)"
            + (f"; then {others}" if others else "")
        )
    return 0
