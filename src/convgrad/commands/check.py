"""``convgrad check``: runs one convolution, of any configuration, through the fast kernels and the
reference loops, and checks its gradients against finite differences:

    convgrad check --size 7 --kernel 3 --stride 2 --padding same --padding-mode reflect
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

import convgrad
from convgrad import reference
from convgrad.gradcheck import gradcheck


def _ints(text: str) -> int | tuple[int, ...]:
    """``"3"`` -> 3, ``"3,2"`` -> (3, 2)."""
    values = tuple(int(v) for v in text.split(","))
    return values[0] if len(values) == 1 else values


def _padding(text: str) -> object:
    if text in ("same", "valid"):
        return text
    return _ints(text)


def _per_dim(value: int | tuple[int, ...], n: int) -> tuple[int, ...]:
    return value if isinstance(value, tuple) else (value,) * n


def add_parser(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="check one convolution's gradients against finite differences and the reference",
        description="Run one convolution through the fast kernels and the reference loops, "
        "compare them, and check every gradient against central finite differences (float64).",
    )
    check.add_argument("--dims", type=int, choices=(1, 2, 3), default=2, help="spatial dims")
    check.add_argument("--transpose", action="store_true", help="a transposed convolution")
    check.add_argument("--batch", type=int, default=2, help="N (default 2)")
    check.add_argument("--in-channels", type=int, default=2, help="C_in (default 2)")
    check.add_argument("--out-channels", type=int, default=3, help="C_out (default 3)")
    check.add_argument("--size", type=_ints, default=6, help="input size: 6 or 6,5 (default 6)")
    check.add_argument("--kernel", type=_ints, default=3, help="kernel size (default 3)")
    check.add_argument("--stride", type=_ints, default=1)
    check.add_argument("--padding", type=_padding, default=1, help="int(s), same or valid")
    check.add_argument("--dilation", type=_ints, default=1)
    check.add_argument("--groups", type=int, default=1)
    check.add_argument("--output-padding", type=_ints, default=0, help="transposed only")
    check.add_argument(
        "--padding-mode", choices=("zeros", "reflect", "replicate", "circular"), default="zeros"
    )
    check.add_argument(
        "--mode",
        choices=("full", "fast"),
        default="full",
        help="finite differences per element (full) or along random directions",
    )
    check.add_argument("--seed", type=int, default=0)
    check.set_defaults(run=_check)


def _check(args: argparse.Namespace) -> int:
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
            output_padding=args.output_padding,
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
        print(f"error: {err}", file=sys.stderr)
        return 2
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
