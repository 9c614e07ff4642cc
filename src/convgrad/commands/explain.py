"""``convgrad explain``: where the gradients of a 2-D convolution go, as text or pictures.

convgrad explain --size 5 --kernel 3 --pixel 2,2          # text: which cells and taps
convgrad explain --size 5 --kernel 3 --stride 2 --padding 1 --out cell.png --cell 1,1
convgrad explain --size 6 --kernel 2 --dilation 2 --padding 1 --out steps.gif
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from convgrad.explain import MAX_CHANNELS, MAX_FRAMES, MAX_GIF_WORK, MAX_PNG_CELLS

from ._options import SEED, UsageError, integer, require, writable_file

MAX_TEXT = 64  # the largest size, kernel, stride, padding or dilation, in pixels


def _pair(low: int, high: int = 256):
    """An option type: ``"3"`` -> (3, 3), ``"3,2"`` -> (3, 2), each from ``low`` to ``high``."""

    def parse(text: str) -> tuple[int, int]:
        rule = f"an integer from {low} to {high}, or two 'a,b'"
        try:
            values = tuple(int(v) for v in text.split(","))
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {rule}; got {text!r}") from None
        if len(values) not in (1, 2) or not all(low <= v <= high for v in values):
            raise argparse.ArgumentTypeError(f"must be {rule}; got {text!r}")
        return (values[0], values[-1])

    parse.__name__ = "pair"
    return parse


def _index(text: str) -> tuple[int, int]:
    if "," not in text:
        raise argparse.ArgumentTypeError(f"must be a position 'i,j'; got {text!r}")
    try:
        return _pair(0, 10**6)(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"must be a position 'i,j' of integers >= 0; got {text!r}"
        ) from None


def add_parser(commands: argparse._SubParsersAction) -> None:
    explain = commands.add_parser(
        "explain",
        help="show where a convolution's gradients go (text, PNG or GIF)",
        description="Show, for a 2-D convolution of one image, how each output cell's gradient "
        "flows back to its input window (dx) and its kernel (dw). Without --out: text, for one "
        "input pixel. With --out FILE.png: one output cell. With --out FILE.gif: every output "
        "cell in turn, dx accumulating. Needs matplotlib for pictures: pip install "
        '"convgrad[learn]". Pictures are bounded, and larger ones refused before any drawing: '
        f"a PNG shows at most {MAX_PNG_CELLS} cells (x padded, w, dy, dx and dw, per channel); "
        f"a GIF has at most {MAX_FRAMES} frames (one per output cell) and {MAX_GIF_WORK} cells "
        f"in all (about 25 s); at most {MAX_CHANNELS} channels.",
    )
    explain.add_argument(
        "--size", type=_pair(1, MAX_TEXT), default=(5, 5), help="input H,W (default 5)"
    )
    explain.add_argument(
        "--kernel", type=_pair(1, MAX_TEXT), default=(3, 3), help="kernel kH,kW (default 3)"
    )
    explain.add_argument("--stride", type=_pair(1, MAX_TEXT), default=(1, 1))
    explain.add_argument("--padding", type=_pair(0, MAX_TEXT), default=(0, 0))
    explain.add_argument("--dilation", type=_pair(1, MAX_TEXT), default=(1, 1))
    explain.add_argument(
        "--channels", type=integer(1, 16), default=1, help="input channels (default 1)"
    )
    explain.add_argument("--cell", type=_index, help="output cell i,j for the PNG (default centre)")
    explain.add_argument(
        "--pixel", type=_index, help="input pixel i,j for the text (default centre)"
    )
    explain.add_argument("--text", action="store_true", help="print the text even with --out")
    explain.add_argument("--out", type=Path, help="FILE.png (one cell) or FILE.gif (every cell)")
    explain.add_argument("--seed", type=SEED, default=0, help="seed of the small integers shown")
    explain.set_defaults(run=_explain)


def _explain(args: argparse.Namespace) -> int:
    from convgrad.explain import (
        Geometry,
        animate,
        check_cell,
        check_picture,
        draw_cell,
        format_pixel,
    )

    try:
        g = Geometry(
            args.size, args.kernel, args.stride, args.padding, args.dilation, args.channels
        )
        if args.out is not None:
            if args.out.suffix.lower() not in (".png", ".gif"):
                raise ValueError(f"--out: must end in .png or .gif; got {args.out}")
            check_picture(g, gif=args.out.suffix.lower() == ".gif")
            check_cell(g, args.cell)
        pixel = args.pixel or (g.size[0] // 2, g.size[1] // 2)
        text = format_pixel(g, pixel, args.seed) if args.text or args.out is None else None
    except ValueError as err:
        raise UsageError(str(err)) from None
    if args.out is not None:
        writable_file("--out", args.out)
        require("explain", {"matplotlib": "pictures"}, "learn")
    if text is not None:
        print(text)
    if args.out is None:
        return 0
    import matplotlib

    matplotlib.use("Agg")
    try:
        if args.out.suffix.lower() == ".png":
            draw_cell(g, args.cell, args.seed).savefig(args.out)
            print(f"wrote {args.out}")
        else:
            shown = [0]

            def progress(done: int, total: int) -> None:
                if done > shown[0]:  # matplotlib may draw the first frame twice
                    shown[0] = done
                    print(f"\rframe {done} of {total}", end="", file=sys.stderr, flush=True)

            frames = animate(g, str(args.out), args.seed, progress=progress)
            print(file=sys.stderr)
            print(f"wrote {args.out} ({frames} frames, one per output cell)")
    except ValueError as err:
        raise UsageError(str(err)) from None
    return 0
