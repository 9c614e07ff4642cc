"""``convgrad explain``: where the gradients of a 2-D convolution go, as text or pictures.

convgrad explain --size 5 --kernel 3 --pixel 2,2          # text: which cells and taps
convgrad explain --size 5 --kernel 3 --stride 2 --padding 1 --out cell.png --cell 1,1
convgrad explain --size 6 --kernel 2 --dilation 2 --padding 1 --out steps.gif
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _pair(text: str) -> tuple[int, int]:
    """``"3"`` -> (3, 3), ``"3,2"`` -> (3, 2)."""
    try:
        values = tuple(int(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an int or two ints 'a,b'; got {text!r}"
        ) from None
    if len(values) not in (1, 2):
        raise argparse.ArgumentTypeError(f"expected an int or two ints 'a,b'; got {text!r}")
    return (values[0], values[-1])


def _index(text: str) -> tuple[int, int]:
    value = _pair(text)
    if "," not in text:
        raise argparse.ArgumentTypeError(f"expected a position 'i,j'; got {text!r}")
    return value


def add_parser(commands: argparse._SubParsersAction) -> None:
    explain = commands.add_parser(
        "explain",
        help="show where a convolution's gradients go (text, PNG or GIF)",
        description="Show, for a 2-D convolution of one image, how each output cell's gradient "
        "flows back to its input window (dx) and its kernel (dw). Without --out: text, for one "
        "input pixel. With --out FILE.png: one output cell. With --out FILE.gif: every output "
        "cell in turn, dx accumulating. Needs matplotlib for pictures: pip install "
        '"convgrad[learn]".',
    )
    explain.add_argument("--size", type=_pair, default=(5, 5), help="input H,W (default 5)")
    explain.add_argument("--kernel", type=_pair, default=(3, 3), help="kernel kH,kW (default 3)")
    explain.add_argument("--stride", type=_pair, default=(1, 1))
    explain.add_argument("--padding", type=_pair, default=(0, 0))
    explain.add_argument("--dilation", type=_pair, default=(1, 1))
    explain.add_argument("--channels", type=int, default=1, help="input channels (default 1)")
    explain.add_argument("--cell", type=_index, help="output cell i,j for the PNG (default centre)")
    explain.add_argument(
        "--pixel", type=_index, help="input pixel i,j for the text (default centre)"
    )
    explain.add_argument("--text", action="store_true", help="print the text even with --out")
    explain.add_argument("--out", type=Path, help="FILE.png (one cell) or FILE.gif (every cell)")
    explain.add_argument("--seed", type=int, default=0, help="seed of the small integers shown")
    explain.set_defaults(run=_explain)


def _explain(args: argparse.Namespace) -> int:
    from convgrad.explain import Geometry, animate, draw_cell, format_pixel

    try:
        g = Geometry(
            args.size, args.kernel, args.stride, args.padding, args.dilation, args.channels
        )
        if args.out is not None and args.out.suffix.lower() not in (".png", ".gif"):
            raise ValueError(f"out: must end in .png or .gif; got {args.out}")
        if args.text or args.out is None:
            pixel = args.pixel or (g.size[0] // 2, g.size[1] // 2)
            print(format_pixel(g, pixel, args.seed))
        if args.out is None:
            return 0
        try:
            import matplotlib
        except ImportError:
            print(
                'convgrad explain: pictures need matplotlib: pip install "convgrad[learn]"',
                file=sys.stderr,
            )
            return 2
        matplotlib.use("Agg")
        if args.out.suffix.lower() == ".png":
            draw_cell(g, args.cell, args.seed).savefig(args.out)
            print(f"wrote {args.out}")
        else:
            frames = animate(g, str(args.out), args.seed)
            print(f"wrote {args.out} ({frames} frames, one per output cell)")
    except ValueError as err:
        print(f"convgrad explain: error: {err}", file=sys.stderr)
        return 2
    return 0
