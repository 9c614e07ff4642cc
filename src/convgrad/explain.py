"""Where every gradient of a 2-D convolution goes: the geometry, as text and as pictures.

One image ``x (C, H, W)``, one filter ``w (1, C, kH, kW)``, zero padding ``padding``, ``stride``
and ``dilation``; output cell ``(i, j)`` reads the padded input at rows ``i * stride + u *
dilation`` and columns ``j * stride + v * dilation`` for kernel taps ``(u, v)``, so its upstream
gradient ``dy[i, j]`` goes back to exactly those pixels and taps::

    dx[c, row - padding, col - padding] += dy[i, j] * w[0, c, u, v]   (padding: dropped)
    dw[0, c, u, v]                      += dy[i, j] * xp[c, row, col]

:class:`Geometry` computes this; :func:`pixel_sources` and :func:`format_pixel` answer "where does
the gradient of this input pixel come from"; :func:`draw_cell` (one output cell, a PNG) and
:func:`animate` (every cell in turn, dx accumulating, a GIF) draw it with matplotlib, imported
only there. The numbers are small integers drawn from a seeded generator, so they can be read.

>>> g = Geometry(size=(4, 4), kernel=(3, 3), padding=1)
>>> g.out
(4, 4)
>>> g.window((0, 0))[:2]
[((0, 0), (0, 0)), ((0, 1), (0, 1))]
>>> [(cell, tap) for cell, tap in pixel_sources(g, (0, 0))][:2]
[((0, 0), (1, 1)), ((0, 1), (1, 0))]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

import convgrad

from ._args import output_size

Pair = tuple[int, int]

HIGHLIGHT = "#ff9900"  # the window's input pixels, the output cell, the taps
HIGHLIGHT_PAD = "#ffd9a0"  # the window's padding pixels: read, but their gradient is dropped
PADDING = "#d9d9d9"
PLAIN = "#ffffff"
CELL_INCHES = 0.42


@dataclass(frozen=True)
class Geometry:
    """The shapes of one 2-D convolution; ``channels`` is ``C``, the input's channels."""

    size: Pair
    kernel: Pair
    stride: Pair = (1, 1)
    padding: Pair = (0, 0)
    dilation: Pair = (1, 1)
    channels: int = 1

    def __post_init__(self) -> None:
        for name in ("size", "kernel", "stride", "padding", "dilation"):
            value = getattr(self, name)
            if isinstance(value, int):
                object.__setattr__(self, name, (value, value))
        for name, low in (
            ("size", 1),
            ("kernel", 1),
            ("stride", 1),
            ("padding", 0),
            ("dilation", 1),
        ):
            if min(getattr(self, name)) < low:
                raise ValueError(f"{name} must be at least {low}; got {getattr(self, name)}")
        if self.channels < 1:
            raise ValueError(f"channels must be at least 1; got {self.channels}")
        for d in range(2):
            extent = self.dilation[d] * (self.kernel[d] - 1) + 1
            if extent > self.padded[d]:
                raise ValueError(
                    f"kernel: the kernel spans {extent} pixels along dimension {d} "
                    f"(dilation * (kernel - 1) + 1), more than the padded input's "
                    f"{self.padded[d]} (size + 2 * padding); got size {self.size}, kernel "
                    f"{self.kernel}, padding {self.padding}, dilation {self.dilation}"
                )

    @property
    def padded(self) -> Pair:
        return (self.size[0] + 2 * self.padding[0], self.size[1] + 2 * self.padding[1])

    @property
    def out(self) -> Pair:
        """``(out_H, out_W)``, by convgrad's one output-size formula."""
        return tuple(  # type: ignore[return-value]
            output_size(
                self.size[d],
                self.kernel[d],
                self.stride[d],
                self.dilation[d],
                self.padding[d],
                self.padding[d],
            )
            for d in range(2)
        )

    def window(self, cell: Pair) -> list[tuple[Pair, Pair]]:
        """``(tap (u, v), padded position (row, col))`` for each tap output ``cell`` reads."""
        i, j = cell
        (s0, s1), (d0, d1) = self.stride, self.dilation
        return [
            ((u, v), (i * s0 + u * d0, j * s1 + v * d1))
            for u in range(self.kernel[0])
            for v in range(self.kernel[1])
        ]

    def is_padding(self, position: Pair) -> bool:
        """Whether padded position ``(row, col)`` is padding rather than an input pixel."""
        return not all(
            self.padding[d] <= position[d] < self.padding[d] + self.size[d] for d in range(2)
        )

    def numbers(self, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Readable values: ``x (C, H, W)`` in -3..3, ``w (1, C, kH, kW)`` in -2..2 without 0,
        ``dy (1, out_H, out_W)`` in 1..3 with a sign, as float64."""
        rng = np.random.default_rng(seed)
        x = rng.integers(-3, 4, size=(self.channels, *self.size)).astype(float)
        w = rng.choice([-2, -1, 1, 2], size=(1, self.channels, *self.kernel)).astype(float)
        dy = rng.integers(1, 4, size=(1, *self.out)) * rng.choice([-1, 1], size=(1, *self.out))
        return x, w, dy.astype(float)

    def gradients(self, x: np.ndarray, w: np.ndarray, dy: np.ndarray):
        """``(dx, dw)`` by :func:`convgrad.conv2d_backward`: what the pictures add up to."""
        dx, dw, _ = convgrad.conv2d_backward(
            dy, x, w, stride=self.stride, padding=self.padding, dilation=self.dilation, bias=False
        )
        return dx, dw

    def contribution(self, cell: Pair, x: np.ndarray, w: np.ndarray, dy: np.ndarray):
        """What output ``cell`` alone sends back: ``dx (C, H, W)`` and ``dw (C, kH, kW)``."""
        dx, dw = np.zeros(x.shape), np.zeros(w.shape[1:])
        xp = np.pad(x, ((0, 0), *((p, p) for p in self.padding)))
        g = dy[0, cell[0], cell[1]]
        for (u, v), (r, c) in self.window(cell):
            dw[:, u, v] += g * xp[:, r, c]
            if not self.is_padding((r, c)):
                dx[:, r - self.padding[0], c - self.padding[1]] += g * w[0, :, u, v]
        return dx, dw


def pixel_sources(g: Geometry, pixel: Pair) -> list[tuple[Pair, Pair]]:
    """``(output cell, kernel tap)`` pairs whose gradient reaches input ``pixel`` (unpadded
    coordinates), in order of output cell."""
    if not (0 <= pixel[0] < g.size[0] and 0 <= pixel[1] < g.size[1]):
        raise ValueError(f"pixel: {pixel} is outside the input of size {g.size}")
    target = (pixel[0] + g.padding[0], pixel[1] + g.padding[1])
    return [
        (cell, tap)
        for cell in np.ndindex(*g.out)
        for tap, position in g.window(cell)
        if position == target
    ]


def format_pixel(g: Geometry, pixel: Pair, seed: int = 0) -> str:
    """Which output cells and kernel taps input ``pixel``'s gradient comes from, with numbers."""
    x, w, dy = g.numbers(seed)
    dx, _ = g.gradients(x, w, dy)
    sources = pixel_sources(g, pixel)
    p, q = pixel
    lines = [
        f"conv2d: x {x.shape}, w {w.shape}, stride {g.stride}, padding {g.padding}, dilation "
        f"{g.dilation} -> y {dy.shape}",
        f"input pixel ({p}, {q}) is read by {len(sources)} (output cell, kernel tap) pairs; for "
        "each channel c:",
        f"  dx[c, {p}, {q}] = sum over them of dy[0, i, j] * w[0, c, u, v]",
    ]
    for c in range(g.channels):
        terms = []
        for (i, j), (u, v) in sources:
            a, b = dy[0, i, j], w[0, c, u, v]
            terms.append(f"    dy[0, {i}, {j}] * w[0, {c}, {u}, {v}] = {a:g} * {b:g} = {a * b:g}")
        lines.append(f"channel {c}:")
        lines += terms or ["    (no output cell reads this pixel: its gradient is 0)"]
        lines.append(f"  dx[{c}, {p}, {q}] = {dx[c, p, q]:g}")
    return "\n".join(lines)


# --- pictures ------------------------------------------------------------------------------

PANELS = ("x", "w", "dy", "dx", "dw")


def layout(g: Geometry) -> tuple[tuple[float, float], dict[str, tuple[float, float, float, float]]]:
    """The figure's size in inches and each panel's rectangle ``(left, bottom, width, height)``
    in inches; panel ``name`` of channel ``c`` is drawn in the axes labelled ``f"{name}[{c}]"``."""
    grids = {"x": g.padded, "w": g.kernel, "dy": g.out, "dx": g.size, "dw": g.kernel}
    gap, top, bottom = 1.0, 0.9, 0.2
    row_h = max(rows for rows, _ in grids.values()) * CELL_INCHES + 0.6
    width = gap + sum(cols * CELL_INCHES + gap for _, cols in grids.values())
    height = top + bottom + g.channels * row_h
    boxes, left = {}, gap
    for name in PANELS:
        rows, cols = grids[name]
        boxes[name] = (left, rows * CELL_INCHES, cols * CELL_INCHES, row_h)
        left += cols * CELL_INCHES + gap
    return (width, height), {
        f"{name}[{c}]": (x0, height - top - c * row_h - h, w, h)
        for c in range(g.channels)
        for name, (x0, h, w, _) in boxes.items()
    }


def _grid(ax: Any, values: np.ndarray, colours: np.ndarray, title: str) -> None:
    """A grid of cells: ``colours`` (hex strings) as one image, grid lines, one number each."""
    from matplotlib.colors import to_rgb

    rows, cols = values.shape
    rgb = np.array([[to_rgb(colour) for colour in row] for row in colours])  # (rows, cols, 3)
    ax.imshow(rgb, extent=(0, cols, rows, 0), interpolation="nearest", aspect="auto")
    ax.vlines(range(cols + 1), 0, rows, colors="#555555", linewidth=0.8)
    ax.hlines(range(rows + 1), 0, cols, colors="#555555", linewidth=0.8)
    for r, c in np.ndindex(rows, cols):
        ax.text(c + 0.5, r + 0.55, f"{values[r, c]:g}", ha="center", va="center", fontsize=8)
    ax.set_xlim(0, cols)
    ax.set_ylim(rows, 0)
    ax.set_axis_off()
    ax.set_title(title, fontsize=9)


def _figure(g: Geometry) -> tuple[Any, dict[str, Any]]:
    from matplotlib.figure import Figure

    (width, height), boxes = layout(g)
    fig = Figure(figsize=(width, height), dpi=100)
    axes = {}
    for label, (x0, y0, w, h) in boxes.items():
        axes[label] = fig.add_axes((x0 / width, y0 / height, w / width, h / height), label=label)
    return fig, axes


def _draw(fig: Any, axes: dict[str, Any], g: Geometry, cell: Pair, numbers, totals, title):
    """Draw every panel for output ``cell``; the dx and dw panels show ``totals = (dx, dw)``
    (the sums so far) when given, else the cell's own contribution."""
    x, w, dy = numbers
    xp = np.pad(x, ((0, 0), *((p, p) for p in g.padding)))
    window = g.window(cell)
    dx_one, dw_one = g.contribution(cell, x, w, dy)
    inside = {
        (r - g.padding[0], c - g.padding[1]) for _, (r, c) in window if not g.is_padding((r, c))
    }
    for c in range(g.channels):
        colours = np.full(g.padded, PLAIN, dtype=object)
        for r, col in np.ndindex(*g.padded):
            colours[r, col] = PADDING if g.is_padding((r, col)) else PLAIN
        for _, (r, col) in window:
            colours[r, col] = HIGHLIGHT_PAD if g.is_padding((r, col)) else HIGHLIGHT
        _grid(
            axes[f"x[{c}]"],
            xp[c],
            colours,
            f"x[{c}]{', padded' if any(g.padding) else ''} (dashed: next window)",
        )
        _next_window(axes[f"x[{c}]"], g, cell)
        _grid(axes[f"w[{c}]"], w[0, c], np.full(g.kernel, HIGHLIGHT, dtype=object), f"w[0, {c}]")
        out_colours = np.full(g.out, PLAIN, dtype=object)
        out_colours[cell] = HIGHLIGHT
        _grid(axes[f"dy[{c}]"], dy[0], out_colours, f"dy, cell {cell}")
        dx_colours = np.full(g.size, PLAIN, dtype=object)
        for p in inside:
            dx_colours[p] = HIGHLIGHT
        dx_values, dw_values = (dx_one, dw_one) if totals is None else totals
        dx_label = f"dx[{c}] += dy{cell} * w" if totals is None else f"dx[{c}] so far"
        dw_label = f"dw[0, {c}] += dy{cell} * patch" if totals is None else f"dw[0, {c}] so far"
        _grid(axes[f"dx[{c}]"], dx_values[c], dx_colours, dx_label)
        _grid(axes[f"dw[{c}]"], dw_values[c], np.full(g.kernel, HIGHLIGHT, dtype=object), dw_label)
    fig.suptitle(title, fontsize=10)


def _next_window(ax: Any, g: Geometry, cell: Pair) -> None:
    """A dashed outline around the next cell's window (to the right, else below): the stride."""
    from matplotlib.patches import Rectangle

    i, j = cell
    nxt = (i, j + 1) if j + 1 < g.out[1] else (i + 1, 0) if i + 1 < g.out[0] else None
    if nxt is None:
        return
    rows, cols = zip(*(position for _, position in g.window(nxt)))
    ax.add_patch(
        Rectangle(
            (min(cols), min(rows)),
            max(cols) - min(cols) + 1,
            max(rows) - min(rows) + 1,
            fill=False,
            edgecolor="#1f5fbf",
            linestyle="--",
            linewidth=1.6,
        )
    )


def _settings(g: Geometry) -> str:
    return (
        f"x {g.size}, kernel {g.kernel}, stride {g.stride}, padding {g.padding}, dilation "
        f"{g.dilation}"
    )


def draw_cell(g: Geometry, cell: Pair | None = None, seed: int = 0) -> Any:
    """A matplotlib ``Figure`` for output ``cell`` (default: the centre one): the padded input
    with the cell's window highlighted (padding grey, the window's padding pale), the kernel, dy
    with the cell, and what the cell sends to dx and dw, with the numbers."""
    check_picture(g, gif=False)
    cell = check_cell(g, cell)
    fig, axes = _figure(g)
    _draw(
        fig,
        axes,
        g,
        cell,
        g.numbers(seed),
        None,
        f"output cell {cell} sends dy{cell} back to its window and its kernel ({_settings(g)})",
    )
    return fig


#: The largest pictures drawn. A GIF's frames are whole figures, held until it is written, so
#: its cost grows with the frames (one per output cell) times the cells drawn in each (x padded,
#: w, dy, dx, dw, per channel): ``--size 16`` was 256 frames of 726 cells, 256 s and 2.4 GB.
#: Measured on this project's 2-core machine (`/usr/bin/time convgrad explain ... --out f.gif`):
#: --size 5 --kernel 3, 9 frames of 77 cells: 5.6 s, 116 MB; --size 9 --kernel 2, 64 frames of
#: 234 cells (15,000 frame-cells): 35 s, 425 MB. A PNG of --size 20 (1,260 cells): 3.9 s.
MAX_FRAMES = 64
MAX_GIF_WORK = 10_000  # frames times cells per frame: about 25 s and 300 MB
MAX_PNG_CELLS = 2000
MAX_CHANNELS = 4


def check_picture(g: Geometry, gif: bool) -> None:
    """ValueError, naming the limit, for a picture over :data:`MAX_CHANNELS` channels, a PNG
    over :data:`MAX_PNG_CELLS` cells, or a GIF over :data:`MAX_FRAMES` frames or
    :data:`MAX_GIF_WORK` frames times cells (cells: x padded, w, dy, dx and dw, per channel)."""
    cells = g.channels * sum(r * c for r, c in (g.padded, g.kernel, g.out, g.size, g.kernel))
    frames = g.out[0] * g.out[1]
    if g.channels > MAX_CHANNELS:
        raise ValueError(f"channels: a picture shows at most {MAX_CHANNELS}; got {g.channels}")
    if not gif and cells > MAX_PNG_CELLS:
        raise ValueError(
            f"size: a PNG shows at most {MAX_PNG_CELLS} cells (x padded, w, dy, dx and dw, per "
            f"channel); size {g.size}, kernel {g.kernel}, padding {g.padding}, {g.channels} "
            f"channel(s) need {cells}"
        )
    if gif and frames > MAX_FRAMES:
        raise ValueError(
            f"size: a GIF has one frame per output cell, at most {MAX_FRAMES}; the output "
            f"{g.out} needs {frames} (lower --size, or raise --stride)"
        )
    if gif and frames * cells > MAX_GIF_WORK:
        raise ValueError(
            f"size: a GIF draws at most {MAX_GIF_WORK} cells in all (frames times cells per "
            f"frame); size {g.size}, kernel {g.kernel}, padding {g.padding}, {g.channels} "
            f"channel(s) need {frames} x {cells} = {frames * cells}"
        )


def animate(
    g: Geometry,
    path: str,
    seed: int = 0,
    fps: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write a GIF to ``path``: one frame per output cell, dx and dw accumulating cell by cell
    (where windows overlap the sums grow; the last frame shows the whole backward pass);
    returns the number of frames. ``progress(done, total)`` is called after each frame.
    ValueError beyond the limits of :func:`check_picture`."""
    from matplotlib.animation import FuncAnimation, PillowWriter

    check_picture(g, gif=True)
    numbers = g.numbers(seed)
    x, w, dy = numbers
    cells = list(np.ndindex(*g.out))
    fig, axes = _figure(g)
    # The sums after each cell: (frames, C, H, W) and (frames, C, kH, kW), small by the limits.
    parts = [g.contribution(cell, x, w, dy) for cell in cells]
    dx_sums = np.cumsum([dx for dx, _ in parts], axis=0)
    dw_sums = np.cumsum([dw for _, dw in parts], axis=0)

    def frame(k: int) -> list:
        for ax in axes.values():
            ax.clear()
        _draw(
            fig,
            axes,
            g,
            cells[k],
            numbers,
            (dx_sums[k], dw_sums[k]),
            f"step {k + 1} of {len(cells)}: output cell {cells[k]} ({_settings(g)})",
        )
        if progress is not None:
            progress(k + 1, len(cells))
        return []

    FuncAnimation(fig, frame, frames=len(cells), blit=False, repeat=False).save(
        path, writer=PillowWriter(fps=fps)
    )
    return len(cells)


def check_cell(g: Geometry, cell: Pair | None) -> Pair:
    if cell is None:
        return (g.out[0] // 2, g.out[1] // 2)
    if not (0 <= cell[0] < g.out[0] and 0 <= cell[1] < g.out[1]):
        raise ValueError(f"cell: {tuple(cell)} is outside the output of size {g.out}")
    return (int(cell[0]), int(cell[1]))
