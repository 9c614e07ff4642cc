"""``convgrad explain``: the pictures are checked for what they draw (where the highlighted window
sits, computed here from the convolution's formula), the text for the pairs it lists."""

import re

import numpy as np
import pytest

pytest.importorskip("matplotlib")
from matplotlib.colors import to_rgb  # noqa: E402
from PIL import Image  # noqa: E402

import convgrad  # noqa: E402
from convgrad.cli import main  # noqa: E402
from convgrad.explain import (  # noqa: E402
    HIGHLIGHT,
    HIGHLIGHT_PAD,
    Geometry,
    layout,
    pixel_sources,
)

GEOMETRIES = [
    # size, kernel, stride, padding, dilation, cell
    ((5, 5), (3, 3), (1, 1), (0, 0), (1, 1), (1, 1)),
    ((5, 6), (3, 2), (2, 2), (1, 1), (1, 1), (0, 2)),
    ((6, 6), (2, 2), (1, 1), (1, 1), (2, 2), (0, 0)),
    ((7, 5), (3, 3), (3, 1), (2, 0), (1, 2), (1, 0)),
]


def window(size, kernel, stride, padding, dilation, cell):
    """The padded positions output ``cell`` reads, from y[i, j] = sum w[u, v] xp[i s + u d, ...]."""
    (i, j), (s0, s1), (d0, d1) = cell, stride, dilation
    return {(i * s0 + u * d0, j * s1 + v * d1) for u in range(kernel[0]) for v in range(kernel[1])}


def coloured(image, g, label, shape, colour):
    """The cells of the grid drawn in panel ``label`` whose colour is ``colour``: each cell is
    sampled inside, away from its number, at a pixel computed from :func:`layout`'s rectangles
    (inches; 100 dpi; image rows count from the top)."""
    (_, height), boxes = layout(g)
    left, bottom, width, box_height = boxes[label]
    rows, cols = shape
    want = tuple(int(round(255 * c)) for c in to_rgb(colour))
    found = set()
    for r, c in np.ndindex(rows, cols):
        x = (left + (c + 0.2) * width / cols) * 100
        y = (height - bottom - box_height + (r + 0.2) * box_height / rows) * 100
        if tuple(image[int(y), int(x), :3]) == want:
            found.add((r, c))
    return found


@pytest.mark.parametrize("size, kernel, stride, padding, dilation, cell", GEOMETRIES)
def test_the_png_highlights_exactly_the_cells_window(tmp_path, size, kernel, stride, padding,
                                                     dilation, cell):  # fmt: skip
    g = Geometry(size, kernel, stride, padding, dilation, channels=2)
    path = tmp_path / "cell.png"
    argv = ["explain", "--out", str(path), "--channels", "2", "--cell", f"{cell[0]},{cell[1]}"]
    for name, value in zip(("size", "kernel", "stride", "padding", "dilation"),
                           (size, kernel, stride, padding, dilation)):  # fmt: skip
        argv += [f"--{name}", f"{value[0]},{value[1]}"]
    assert main(argv) == 0

    with Image.open(path) as png:
        image = np.asarray(png.convert("RGBA"))
    (width, height), _ = layout(g)
    assert image.shape[:2] == (round(height * 100), round(width * 100))

    expected = window(size, kernel, stride, padding, dilation, cell)
    inside = {
        (r, c)
        for r, c in expected
        if padding[0] <= r < padding[0] + size[0] and padding[1] <= c < padding[1] + size[1]
    }
    padded = (size[0] + 2 * padding[0], size[1] + 2 * padding[1])
    for ch in range(2):
        assert coloured(image, g, f"x[{ch}]", padded, HIGHLIGHT) == inside
        assert coloured(image, g, f"x[{ch}]", padded, HIGHLIGHT_PAD) == expected - inside
        assert coloured(image, g, f"dy[{ch}]", g.out, HIGHLIGHT) == {cell}
        dx_cells = {(r - padding[0], c - padding[1]) for r, c in inside}
        assert coloured(image, g, f"dx[{ch}]", size, HIGHLIGHT) == dx_cells
        assert len(coloured(image, g, f"w[{ch}]", kernel, HIGHLIGHT)) == kernel[0] * kernel[1]


def test_the_contributions_add_up_to_the_backward_pass():
    for size, kernel, stride, padding, dilation, _ in GEOMETRIES:
        g = Geometry(size, kernel, stride, padding, dilation, channels=2)
        x, w, dy = g.numbers(seed=3)
        assert np.array_equal(x, np.round(x)) and np.all(np.abs(w) <= 2)  # readable
        parts = [g.contribution(cell, x, w, dy) for cell in np.ndindex(*g.out)]
        dx, dw, _ = convgrad.conv2d_backward(dy[None], x[None], w, stride=stride,
                                             padding=padding, dilation=dilation)  # fmt: skip
        np.testing.assert_allclose(sum(p[0] for p in parts), dx[0], atol=1e-12)
        np.testing.assert_allclose(sum(p[1] for p in parts), dw[0], atol=1e-12)


def test_the_gif_has_one_frame_per_output_cell_following_the_cells(tmp_path):
    size, kernel, stride, padding, dilation = (3, 4), (2, 2), (2, 2), (1, 0), (1, 1)
    g = Geometry(size, kernel, stride, padding, dilation)
    path = tmp_path / "steps.gif"
    argv = ["explain", "--out", str(path), "--size", "3,4", "--kernel", "2", "--stride", "2"]
    assert main([*argv, "--padding", "1,0"]) == 0
    cells = list(np.ndindex(*g.out))
    (width, height), _ = layout(g)
    with Image.open(path) as gif:
        assert gif.n_frames == len(cells) == 2 * 2
        frames = []
        for k in range(gif.n_frames):
            gif.seek(k)
            frames.append(np.asarray(gif.convert("RGBA")))
    for k, frame in enumerate(frames):
        assert frame.shape[:2] == (round(height * 100), round(width * 100))
        assert coloured(frame, g, "dy[0]", g.out, HIGHLIGHT) == {cells[k]}
        got = coloured(frame, g, "x[0]", g.padded, HIGHLIGHT)
        got |= coloured(frame, g, "x[0]", g.padded, HIGHLIGHT_PAD)
        assert got == window(size, kernel, stride, padding, dilation, cells[k])


@pytest.mark.parametrize("size, kernel, stride, padding, dilation, _", GEOMETRIES)
def test_the_text_lists_exactly_the_pairs_that_reach_the_pixel(capsys, size, kernel, stride,
                                                               padding, dilation, _):  # fmt: skip
    g = Geometry(size, kernel, stride, padding, dilation)
    x, w, dy = g.numbers()
    dx, _, _ = convgrad.conv2d_backward(dy[None], x[None], w, stride=stride, padding=padding,
                                        dilation=dilation)  # fmt: skip
    for pixel in [(0, 0), (size[0] // 2, size[1] // 2), (size[0] - 1, size[1] - 1)]:
        expected = {
            ((i, j), (u, v))
            for i, j in np.ndindex(*g.out)
            for u in range(kernel[0])
            for v in range(kernel[1])
            if (i * stride[0] + u * dilation[0] - padding[0],
                j * stride[1] + v * dilation[1] - padding[1]) == pixel
        }  # fmt: skip
        assert set(pixel_sources(g, pixel)) == expected
        argv = ["explain", "--pixel", f"{pixel[0]},{pixel[1]}"]
        for name, value in zip(("size", "kernel", "stride", "padding", "dilation"),
                               (size, kernel, stride, padding, dilation)):  # fmt: skip
            argv += [f"--{name}", f"{value[0]},{value[1]}"]
        assert main(argv) == 0
        out = capsys.readouterr().out
        listed = re.findall(r"dy\[0, (\d+), (\d+)\] \* w\[0, 0, (\d+), (\d+)\]", out)
        assert {((int(a), int(b)), (int(c), int(d))) for a, b, c, d in listed} == expected
        assert len(listed) == len(expected)
        total = re.search(rf"dx\[0, {pixel[0]}, {pixel[1]}\] = (\S+)$", out, re.M).group(1)
        assert float(total) == dx[0, 0, pixel[0], pixel[1]]


def test_a_pixel_no_window_reads(capsys):
    assert main(["explain", "--size", "5", "--kernel", "1", "--stride", "2", "--pixel", "1,1"]) == 0
    assert "no output cell reads this pixel" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv, named",
    [
        (["--size", "3", "--kernel", "5"], "kernel"),
        (["--size", "4", "--kernel", "3", "--dilation", "2"], "kernel"),
        (["--cell", "9,9", "--out", "x.png"], "cell"),
        (["--pixel", "7,0"], "pixel"),
        (["--out", "x.jpg"], "out"),
        (["--stride", "0"], "stride"),
    ],
)
def test_bad_input_names_the_argument(capsys, argv, named):
    try:
        status = main(["explain", *argv])
    except SystemExit as exit:  # a mistake argparse sees
        status = exit.code
    assert status == 2
    err = capsys.readouterr().err
    assert named in err and len(err.splitlines()) == 1
