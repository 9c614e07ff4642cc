"""Prepare a drawing (an image file) the way the training data were prepared, for ``predict``.

The data sets were not made from raw photos of digits, and a model trained on them reads only
what looks like them:

- ``digits`` (scikit-learn's, from UCI's optdigits): each digit was scaled to fill a 32x32 bitmap
  (its height fills the frame), and each 4x4 block's count of ink pixels (0..16) became one of the
  8x8 pixels. The strokes are thick, and every class carries about the same ink: 19.5 of the 64
  pixels' worth on average.
- ``mnist``: each digit was scaled, keeping its aspect, to fit a 20x20 box with antialiasing, then
  placed in a 28x28 frame with its centre of mass at the centre.
- ``fashion-mnist``: each item was trimmed and scaled to fill the 28x28 frame.

:func:`prepare` does the same to an ink map (light ink on dark, from :func:`ink`): crop to the
ink's bounding box, pad to a square, resize with antialiasing (Pillow), bring the strokes to the
data's weight (digits: thinned or thickened to the data's ink; MNIST: thin strokes thickened),
centre by mass, and match the data's contrast (digits: counts of 16; MNIST: the ink's peak at
1). For digits, whose 8x8 pixels are coarse, :func:`prepare` returns the drawing at 9 positions a
half pixel apart, whose probabilities ``predict`` averages. :func:`prepare_file` reads the file
first: transparent pixels become background, and a light border means dark ink on light paper,
which is inverted.

>>> a = np.zeros((60, 40)); a[10:50, 18:24] = 1.0  # a bar: a "1"
>>> x = prepare(a, STYLES["digits"])
>>> x.shape, float(x.max()), bool(x[4, :, 0].max() == 0 and x[4, 0].max() > 0)
((9, 8, 8), 1.0, True)
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Style:
    """How a data set's images were made: ``size`` the frame, ``box`` the side the ink's square
    is scaled to, ``work`` the resolution the ink is scaled to before any block averaging,
    ``binary`` whether the data count ink pixels at that resolution (digits), ``mass`` the ink
    to bring a binary drawing to (in frame pixels), ``stroke`` the thinnest stroke otherwise
    (a fraction of ``box``), ``by_mass`` whether the ink's centre of mass goes to the centre."""

    name: str
    size: int
    box: int
    work: int
    binary: bool = False
    mass: float = 0.0
    stroke: float = 0.0
    by_mass: bool = True


# Digits' ink, and the half-pixel positions, were chosen by read rate on font glyphs (Pillow's
# default font and 7 DejaVu fonts, 10 digits drawn 5 ways: 400 drawings), with the models of
# `convgrad train --seed 0`, `1` and `2`; the mean over the three, all fonts / the default font:
#   strokes thickened to 0.12 of the height, one position     86.5% / 80%
#   the same, 9 positions                                      90.1% / 81%
#   ink brought to 19.5 pixels' worth, 9 positions             90.9% / 86%
#   ink brought to 22 (the data's 19.5 is a mean), 1 position  86.2% / 80%
#   ink brought to 22, 9 positions (the choice)                92.2% / 86%
#   ink brought to 25, 9 positions                             91.9% / 82%
# Before any preparation (the whole image resized to 8x8): 14%, with the seed-0 model. MNIST's
# stroke: about 2.5 of its 20 pixels, as its strokes are (not measured: no MNIST files here).
STYLES = {
    "digits": Style("digits", size=8, box=8, work=32, binary=True, mass=22.0),
    "mnist": Style("mnist", size=28, box=20, work=20, stroke=0.12),
    "fashion-mnist": Style("fashion-mnist", size=28, box=28, work=28, by_mass=False),
}


def style_of(dataset: object, size: int) -> Style:
    """The style of a model's data set; an unknown one goes by its image size: 8 is digits',
    anything else MNIST's, scaled to ``size``."""
    if isinstance(dataset, str) and dataset in STYLES and STYLES[dataset].size == size:
        return STYLES[dataset]
    if size == 8:
        return STYLES["digits"]
    box = max(1, round(size * 20 / 28))
    return Style("mnist", size=size, box=box, work=box, stroke=0.12)


def read_grey(path: Path) -> np.ndarray:
    """An image file (anything Pillow reads, or a 2-D ``.npy``) as grey ``(H, W)`` float64 in
    [0, 1]. Transparent pixels take the colour that contrasts with the opaque ones, so a black
    digit on a transparent background reads as black on white, and a white one as white on black.
    ValueError naming the file when it cannot be read."""
    from PIL import Image, UnidentifiedImageError

    if path.suffix.lower() == ".npy":
        try:
            a = np.load(path, allow_pickle=False)
        except (OSError, ValueError, EOFError) as err:
            raise ValueError(f"image: cannot read {path} as a .npy array: {err}") from None
        if a.dtype.kind not in "biuf" or a.ndim != 2 or a.size == 0 or a.size > 2**24:
            raise ValueError(
                f"image: {path} must hold a 2-D array of numbers (at most 2**24 of them); got "
                f"shape {a.shape} of {a.dtype}"
            )
        a = a.astype(np.float64)
        if not np.isfinite(a).all():
            raise ValueError(f"image: {path} holds NaN or infinite values")
        low, high = a.min(), a.max()
        if high > 1 or low < 0:  # not in [0, 1]: stretch it there (one value: all 0)
            return (a - low) / (high - low) if high > low else np.zeros_like(a)
        return a
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                if img.width * img.height > 2**26:
                    raise Image.DecompressionBombError(f"{img.width}x{img.height}")
                rgba = np.asarray(img.convert("RGBA"), dtype=np.float64) / 255.0  # (H, W, 4)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValueError(f"image: {path} is too large: over 2**26 pixels") from None
    except UnidentifiedImageError:
        raise ValueError(f"image: {path} is not an image file Pillow can read") from None
    except OSError as err:
        raise ValueError(f"image: cannot read {path}: {err.strerror or err}") from None
    grey = rgba[..., :3] @ np.array([0.299, 0.587, 0.114])  # (H, W), as Pillow's "L"
    alpha = rgba[..., 3]
    if alpha.min() < 1.0:
        opaque = alpha > 0.5
        tone = float(grey[opaque].mean()) if opaque.any() else 0.0
        background = 1.0 if tone < 0.5 else 0.0
        grey = alpha * grey + (1.0 - alpha) * background
    return grey


def ink(grey: np.ndarray, invert: str = "auto") -> np.ndarray:
    """Light ink on a dark background, ``(H, W)`` in [0, 1], the background at 0.

    ``invert``: ``"yes"`` (dark ink on light), ``"no"`` (light on dark), or ``"auto"``: the
    image's border (its outermost rows and columns) is the background; a light one is inverted.
    """
    if invert not in ("auto", "yes", "no"):
        raise ValueError(f"invert: must be 'auto', 'yes' or 'no'; got {invert!r}")
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    background = float(np.median(border))
    flip = invert == "yes" or (invert == "auto" and background > 0.5)
    a = 1.0 - grey if flip else grey
    level = 1.0 - background if flip else background
    if invert == "auto":
        a = np.clip(a - level, 0.0, None)  # the background to 0
    return a


def _dilate(a: np.ndarray) -> np.ndarray:
    """Grey dilation by a 3x3 cross: each pixel the largest of itself and its 4 neighbours."""
    p = np.pad(a, 1)
    return np.maximum.reduce([p[1:-1, 1:-1], p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:]])


def _erode(a: np.ndarray) -> np.ndarray:
    """Grey erosion by a 3x3 cross: each pixel the smallest of itself and its 4 neighbours."""
    p = np.pad(a, 1)
    return np.minimum.reduce([p[1:-1, 1:-1], p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:]])


def _to_mass(work: np.ndarray, mass: float) -> np.ndarray:
    """``work`` thinned or thickened, by a pixel at a time, to the ink closest to ``mass``."""
    candidates = [work]
    for _ in range(len(work) // 8):
        thinner = _erode(candidates[0])
        if thinner.sum() < 0.25 * work.sum():
            break
        candidates.insert(0, thinner)
    for _ in range(len(work) // 4):
        candidates.append(_dilate(candidates[-1]))
    return min(candidates, key=lambda c: abs(float(c.sum()) - mass))


def stroke_width(mask: np.ndarray) -> float:
    """The strokes' mean width in pixels, ``2 * area / perimeter`` of a boolean ink mask.

    >>> m = np.zeros((20, 20), bool); m[2:18, 8:12] = True  # a bar 4 pixels wide
    >>> round(stroke_width(m), 2)
    3.2
    """
    p = np.pad(mask, 1)
    edges = int(np.count_nonzero(p[1:] != p[:-1]) + np.count_nonzero(p[:, 1:] != p[:, :-1]))
    return 2.0 * float(np.count_nonzero(mask)) / float(edges) if edges else 0.0


def _resize(a: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    from PIL import Image

    img = Image.fromarray(a.astype(np.float32), mode="F")
    return np.asarray(img.resize((shape[1], shape[0]), Image.Resampling.LANCZOS), np.float64)


def prepare(a: np.ndarray, style: Style) -> np.ndarray:
    """An ink map ``(H, W)`` (light ink on 0) as the data set's images ``(K, size, size)``
    float32 in [0, 1]: one (``K = 1``), or for a binary style 9 a half frame pixel apart, the
    middle one (index 4) centred by mass. ValueError when there is no ink."""
    peak = float(a.max(initial=0.0))
    if not peak > 0.05:
        raise ValueError("has no ink: it is a single colour")
    a = a / peak
    rows, cols = np.nonzero(a > 0.3)
    a = a[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]  # crop to the ink
    h, w = a.shape
    side = max(h, w)
    square = np.zeros((side, side))
    top, left = (side - h) // 2, (side - w) // 2
    square[top : top + h, left : left + w] = a  # pad to a square, the ink in the middle
    work = np.clip(_resize(square, (style.work, style.work)), 0.0, 1.0)  # (work, work)
    scale = style.work // style.box  # work pixels per frame pixel
    if style.binary:
        work = _to_mass((work > 0.5).astype(np.float64), style.mass * scale**2)
    else:  # thicken thin strokes, a pixel at a time
        for _ in range(style.work // 4):
            if stroke_width(work > 0.5) >= style.stroke * style.work:
                break
            work = _dilate(work)
    side = style.size * scale  # the frame, in work pixels
    shift = [(side - style.work) / 2] * 2  # where the work square's corner goes
    if style.by_mass:
        for axis in range(2):
            profile = work.sum(axis=1 - axis)  # (work,)
            mass = float(profile @ np.arange(style.work)) / float(profile.sum())
            inked = np.flatnonzero(profile)
            # the centre of mass to the centre, as far as the ink stays in the frame
            shift[axis] = np.clip((side - 1) / 2 - mass, -inked[0], side - 1 - inked[-1])
    steps = (-(scale // 2), 0, scale // 2) if style.binary and scale > 1 else (0,)
    frames = [
        _place(work, side, int(round(shift[0])) + dr, int(round(shift[1])) + dc)
        for dr in steps
        for dc in steps
    ]
    out = np.stack(frames)  # (K, side, side)
    if scale > 1:  # count the ink in each block, as the digits did
        n = style.size
        out = out.reshape(len(out), n, scale, n, scale).mean(axis=(2, 4))  # (K, n, n)
    if style.binary:
        out = np.round(out * 16) / 16
    else:
        out = out / np.maximum(out.max(axis=(1, 2), keepdims=True), 1e-12)
    return out.astype(np.float32)


def _place(work: np.ndarray, side: int, r: int, c: int) -> np.ndarray:
    """``work`` in a ``(side, side)`` frame of zeros with its corner at ``(r, c)``, cut at the
    frame's edges."""
    frame = np.zeros((side, side))
    n = len(work)
    r0, c0, r1, c1 = max(r, 0), max(c, 0), min(r + n, side), min(c + n, side)
    if r0 < r1 and c0 < c1:
        frame[r0:r1, c0:c1] = work[r0 - r : r1 - r, c0 - c : c1 - c]
    return frame


def prepare_file(path: Path, style: Style, invert: str = "auto") -> np.ndarray:
    """:func:`read_grey`, :func:`ink` and :func:`prepare`: ``(K, size, size)`` float32 in
    [0, 1]."""
    try:
        return prepare(ink(read_grey(Path(path)), invert), style)
    except ValueError as err:
        if str(err).startswith("image:"):
            raise
        raise ValueError(f"image: {path} {err}") from None
