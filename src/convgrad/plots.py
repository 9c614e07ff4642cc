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


def curves(history: Sequence[dict], path: str | Path) -> None:
    """Loss and accuracy per epoch, train and test, side by side."""
    plt = _pyplot()
    epochs = [h["epoch"] for h in history]
    fig, (loss, acc) = plt.subplots(1, 2, figsize=(9, 3.5), layout="constrained")
    for split in ("train", "test"):
        loss.plot(epochs, [h[f"{split}_loss"] for h in history], marker="o", label=split)
        acc.plot(epochs, [100 * h[f"{split}_accuracy"] for h in history], marker="o", label=split)
    loss.set(xlabel="epoch", ylabel="cross-entropy", title="loss", yscale="log")
    acc.set(xlabel="epoch", ylabel="%", title="accuracy")
    for ax in (loss, acc):
        ax.grid(alpha=0.3)
        ax.legend()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _grid(count: int) -> tuple[int, int]:
    cols = int(np.ceil(np.sqrt(count)))
    return max(1, -(-count // cols)), max(1, cols)


def filters(weight: np.ndarray, path: str | Path) -> None:
    """First-layer kernels ``w (C_out, C_in, kH, kW)``, a tile each, input channels averaged."""
    plt = _pyplot()
    tiles = weight.mean(axis=1)  # (C_out, kH, kW)
    rows, cols = _grid(len(tiles))
    fig, axes = plt.subplots(rows, cols, figsize=(1.2 * cols, 1.2 * rows + 0.4), squeeze=False)
    limit = float(np.abs(tiles).max()) or 1.0
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i < len(tiles):
            ax.imshow(tiles[i], cmap="RdBu_r", vmin=-limit, vmax=limit)
    fig.suptitle("first-layer filters (red +, blue -)")
    fig.savefig(path, dpi=100)
    plt.close(fig)


def misclassified(
    images: np.ndarray,
    labels: np.ndarray,
    predicted: np.ndarray,
    classes: Sequence[str],
    path: str | Path,
    limit: int = 36,
) -> None:
    """A grid of the wrongly classified images ``(N, C, H, W)``, each titled "true -> predicted"."""
    plt = _pyplot()
    every = np.flatnonzero(labels != predicted)
    wrong = every[:limit]
    rows, cols = _grid(len(wrong))
    size = (max(4.0, 1.4 * cols), 1.6 * rows + 0.6)
    fig, axes = plt.subplots(rows, cols, figsize=size, squeeze=False, layout="constrained")
    for ax in axes.flat:
        ax.set_axis_off()
    for ax, i in zip(axes.flat, wrong):
        ax.imshow(images[i].mean(axis=0), cmap="gray_r")
        ax.set_title(f"{classes[labels[i]]} -> {classes[predicted[i]]}", fontsize=8)
    shown = f", the first {len(wrong)} shown" if len(wrong) < len(every) else ""
    fig.suptitle(f"misclassified: {len(every)} of {len(labels)} test images{shown}")
    fig.savefig(path, dpi=100)
    plt.close(fig)
