"""``convgrad check``: runs one convolution, of any configuration, through the fast kernels and the
reference loops, and checks its gradients against finite differences:

    convgrad check --size 7 --kernel 3 --stride 2 --padding same --padding-mode reflect
"""

from __future__ import annotations

import argparse
import math

import numpy as np

import convgrad
from convgrad import reference
from convgrad.gradcheck import gradcheck

from ._options import SEED, UsageError, integer

# Bounds that keep one check to seconds: full finite differences evaluate the convolution twice
# per element of x, w and b.
MAX_SIDE = 64
MAX_COUNT = 64
MAX_ELEMENTS = {"full": 20_000, "fast": 2_000_000}


def _ints(low: int, what: str):
    """An option type: ``"3"`` -> 3, ``"3,2"`` -> (3, 2), every value an integer >= ``low``."""

    def parse(text: str) -> int | tuple[int, ...]:
        try:
            values = tuple(int(v) for v in text.split(","))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"must be {what}: an integer >= {low} or one per dimension, 'a,b'; got {text!r}"
            ) from None
        if any(v < low or v > 10**6 for v in values):
            raise argparse.ArgumentTypeError(
                f"must be {what}: every value an integer >= {low}; got {text!r}"
            )
        return values[0] if len(values) == 1 else values

    parse.__name__ = what
    return parse


def _padding(text: str) -> object:
    if text in ("same", "valid"):
        return text
    try:
        return _ints(0, "a padding")(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"must be 'same', 'valid', an integer >= 0 or one per dimension 'a,b'; got {text!r}"
        ) from None


def _per_dim(value: int | tuple[int, ...], n: int) -> tuple[int, ...]:
    return value if isinstance(value, tuple) else (value,) * n


def add_parser(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="check one convolution's gradients against finite differences and the reference",
        description="Run one convolution through the fast kernels and the reference loops, "
        "compare them, and check every gradient against central finite differences (float64). "
        f"Sizes are at most {MAX_SIDE} per dimension; with --mode full, x and w hold at most "
        f"{MAX_ELEMENTS['full']} numbers together ({MAX_ELEMENTS['fast']} with --mode fast).",
    )
    count = integer(1, MAX_COUNT)
    check.add_argument("--dims", type=int, choices=(1, 2, 3), default=2, help="spatial dims")
    check.add_argument("--transpose", action="store_true", help="a transposed convolution")
    check.add_argument("--batch", type=count, default=2, help="N (default 2)")
    check.add_argument("--in-channels", type=count, default=2, help="C_in (default 2)")
    check.add_argument("--out-channels", type=count, default=3, help="C_out (default 3)")
    check.add_argument(
        "--size", type=_ints(1, "a size"), default=6, help="input size: 6 or 6,5 (default 6)"
    )
    check.add_argument(
        "--kernel", type=_ints(1, "a kernel size"), default=3, help="kernel size (default 3)"
    )
    check.add_argument("--stride", type=_ints(1, "a stride"), default=1)
    check.add_argument("--padding", type=_padding, default=1, help="int(s), same or valid")
    check.add_argument("--dilation", type=_ints(1, "a dilation"), default=1)
    check.add_argument(
        "--groups", type=count, default=1, help="must divide --in-channels and --out-channels"
    )
    check.add_argument(
        "--output-padding",
        type=_ints(0, "an output padding"),
        default=None,
        help="transposed only (default 0)",
    )
    check.add_argument(
        "--padding-mode", choices=("zeros", "reflect", "replicate", "circular"), default="zeros"
    )
    check.add_argument(
        "--mode",
        choices=("full", "fast"),
        default="full",
        help="finite differences per element (full) or along random directions",
    )
    check.add_argument("--seed", type=SEED, default=0)
    check.set_defaults(run=_check)


def _validate(args: argparse.Namespace) -> None:
    """The combinations the option types cannot see, said before any work."""
    n = args.dims
    for option in ("size", "kernel", "stride", "dilation", "output_padding", "padding"):
        value = getattr(args, option)
        if isinstance(value, tuple) and len(value) != n:
            raise UsageError(
                f"--{option.replace('_', '-')}: {','.join(map(str, value))} gives "
                f"{len(value)} values; --dims {n} needs {'1' if n == 1 else f'1 or {n}'}"
            )
    if args.output_padding is not None and not args.transpose:
        raise UsageError("--output-padding: only a transposed convolution has one; add --transpose")
    if args.transpose and isinstance(args.padding, str):
        raise UsageError(
            f"--padding: a transposed convolution takes integers, not {args.padding!r}"
        )
    for option in ("in_channels", "out_channels"):
        if getattr(args, option) % args.groups:
            raise UsageError(
                f"--groups {args.groups} must divide --{option.replace('_', '-')} "
                f"{getattr(args, option)}"
            )
    size, kernel = _per_dim(args.size, n), _per_dim(args.kernel, n)
    if max(size) > MAX_SIDE or max(kernel) > MAX_SIDE:
        raise UsageError(
            f"--size and --kernel: at most {MAX_SIDE} per dimension; got "
            f"{args.size} and {args.kernel}"
        )
    elements = args.batch * args.in_channels * math.prod(size) + args.out_channels * (
        args.in_channels // args.groups
    ) * math.prod(kernel)
    if elements > MAX_ELEMENTS[args.mode]:
        raise UsageError(
            f"x and w hold {elements} numbers; --mode {args.mode} checks at most "
            f"{MAX_ELEMENTS[args.mode]} (lower --size, --batch or the channels)"
        )


def _check(args: argparse.Namespace) -> int:
    _validate(args)
    n = args.dims
    rng = np.random.default_rng(args.seed)
    size, kernel = _per_dim(args.size, n), _per_dim(args.kernel, n)
    c_in, c_out, groups = args.in_channels, args.out_channels, args.groups
    x = rng.standard_normal((args.batch, c_in, *size))
    b = rng.standard_normal(c_out)
    if args.transpose:
        name = f"conv_transpose{n}d"
        w = rng.standard_normal((c_in, c_out // max(groups, 1), *kernel))
        kw = dict(
            stride=args.stride,
            padding=args.padding,
            output_padding=args.output_padding or 0,
            groups=groups,
            dilation=args.dilation,
        )
    else:
        name = f"conv{n}d"
        w = rng.standard_normal((c_out, c_in // max(groups, 1), *kernel))
        kw = dict(
            stride=args.stride,
            padding=args.padding,
            dilation=args.dilation,
            groups=groups,
            padding_mode=args.padding_mode,
        )
    fast, fast_backward = getattr(convgrad, name), getattr(convgrad, f"{name}_backward")
    slow, slow_backward = getattr(reference, name), getattr(reference, f"{name}_backward")
    try:
        y = fast(x, w, b, **kw)
    except (ValueError, TypeError) as err:
        raise UsageError(" ".join(str(err).split())) from None
    settings = ", ".join(f"{k}={v!r}" for k, v in kw.items())
    print(f"{name}: x {x.shape}, w {w.shape}, b {b.shape} -> y {y.shape}\n  {settings}")

    dy = rng.standard_normal(y.shape)
    ours, theirs = (
        (y, *fast_backward(dy, x, w, **kw)),
        (slow(x, w, b, **kw), *slow_backward(dy, x, w, **kw)),
    )
    agree = True
    print("\nfast kernels against the reference loops (largest |difference|):")
    for label, a, r in zip(("y", "dx", "dw", "db"), ours, theirs):
        diff = float(np.max(np.abs(a - r), initial=0.0))
        ok = diff <= 1e-12 * max(1.0, float(np.max(np.abs(r), initial=0.0)))
        agree &= ok
        print(f"  {label:<3}{diff:10.2e}  {'ok' if ok else 'MISMATCH'}")

    def forward(x, w, b):
        return fast(x, w, b, **kw)

    def backward(dy, x, w, b):
        return fast_backward(dy, x, w, **kw)

    report = gradcheck(forward, backward, (x, w, b), mode=args.mode, seed=args.seed)
    print(f"\n{report}")
    return 0 if agree and report.passed else 1
