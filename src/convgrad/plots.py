"""Pictures of a training run, drawn with matplotlib (the ``train`` extra).

Each function takes what it draws and a path, writes a PNG and returns the figure's pixel size.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise ImportError('the pictures need matplotlib: pip install "convgrad[train]"') from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def curves(history: Sequence[dict], path: str | Path, label_smoothing: float = 0.0) -> None:
    """Loss and accuracy per epoch, train and test, side by side. The training loss is the one
    minimised, with ``label_smoothing``; the test loss has none, so the two differ even for a
    model that fits both equally, and the legend says so."""
    plt = _pyplot()
    epochs = [h["epoch"] for h in history]
    fig, (loss, acc) = plt.subplots(1, 2, figsize=(9, 3.5), layout="constrained")
    train_label = f"train (label smoothing {label_smoothing:g})" if label_smoothing else "train"
    for split, label in (("train", train_label), ("test", "test (no smoothing)")):
        loss.plot(epochs, [h[f"{split}_loss"] for h in history], marker="o", label=label)
        acc.plot(epochs, [100 * h[f"{split}_accuracy"] for h in history], marker="o", label=split)
    loss.set(xlabel="epoch", ylabel="cross-entropy", title="loss", yscale="log")
    acc.set(xlabel="epoch", ylabel="%", title="accuracy")
    for ax in (loss, acc):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _grid(count: int) -> tuple[int, int]:
    """Rows and columns of a near-square grid of ``count`` tiles (at least one of each)."""
    cols = max(1, int(np.ceil(np.sqrt(count))))
    return max(1, -(-count // cols)), cols


def filters(weight: np.ndarray, path: str | Path) -> None:
    """First-layer kernels ``w (C_out, C_in, kH, kW)``, a tile each, input channels averaged,
    on one colour scale symmetric about 0, shown by a colour bar."""
    plt = _pyplot()
    tiles = weight.mean(axis=1)  # (C_out, kH, kW)
    rows, cols = _grid(len(tiles))
    fig, axes = plt.subplots(
        rows, cols, figsize=(1.2 * cols + 1.0, 1.2 * rows + 0.4), squeeze=False
    )
    limit = float(np.abs(tiles).max()) or 1.0
    image = None
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i < len(tiles):
            image = ax.imshow(tiles[i], cmap="RdBu_r", vmin=-limit, vmax=limit)
    if image is not None:
        fig.colorbar(image, ax=axes.ravel().tolist(), shrink=0.8, label="weight")
    fig.suptitle(f"first-layer filters ({len(tiles)}; red +, blue -)")
    fig.savefig(path, dpi=100)
    plt.close(fig)


def misclassified(
    images: np.ndarray,
    labels: np.ndarray,
    probabilities: np.ndarray,
    classes: Sequence[str],
    path: str | Path,
    limit: int = 36,
) -> None:
    """A grid of the wrongly classified images ``(N, C, H, W)``: each tile says the true label,
    the predicted one and the probability the model gave each (``probabilities (N, classes)``).
    With none wrong, the picture says so."""
    plt = _pyplot()
    predicted = np.argmax(probabilities, axis=1)
    every = np.flatnonzero(labels != predicted)
    wrong = every[:limit]
    rows, cols = _grid(len(wrong))
    size = (max(4.0, 1.6 * cols), 1.9 * rows + 0.6)
    fig, axes = plt.subplots(rows, cols, figsize=size, squeeze=False, layout="constrained")
    for ax in axes.flat:
        ax.set_axis_off()
    for ax, i in zip(axes.flat, wrong):
        t, p = labels[i], predicted[i]
        ax.imshow(images[i].mean(axis=0), cmap="gray_r")
        ax.set_title(
            f"true {classes[t]} ({100 * probabilities[i, t]:.0f}%)\n"
            f"predicted {classes[p]} ({100 * probabilities[i, p]:.0f}%)",
            fontsize=7,
        )
    if len(every) == 0:
        axes.flat[0].text(
            0.5, 0.5, "none: every test image\nis classified right", ha="center", va="center"
        )
    shown = f", the first {len(wrong)} shown" if len(wrong) < len(every) else ""
    fig.suptitle(
        f"misclassified: {len(every)} of {len(labels)} test images{shown}\n"
        "(the model's probability for the true and the predicted label)",
        fontsize=9,
    )
    fig.savefig(path, dpi=100)
    plt.close(fig)
