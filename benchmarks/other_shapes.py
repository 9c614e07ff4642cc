"""Layers outside ``convgrad bench``'s suite, against PyTorch: pure NumPy and ``[fast]``.

    python benchmarks/other_shapes.py [--repeat 5] [--only NAME ...] [--json FILE]

The issue's targets are held on shapes and networks the suite does not hold. These are layers
of other well-known networks (AlexNet, VGG, ResNeXt, ShuffleNet, MobileNet's channel
multipliers, ConvNeXt, U-Net, Inception, SqueezeNet, 1-D audio and text, 3-D video), and a few
odd ones (batch 1, a 1x7 kernel, stride 3, 4x4 planes). Each is timed as the suite is
(:func:`convgrad.bench.run_case`: agreement checked, then alternating rounds after a rest and a
warm-up, forward + dx + dw + db, medians), on ``CONVGRAD_THREADS`` threads (2 on the
development machine) with PyTorch on as many.
"""

from __future__ import annotations

import argparse
import json
import math

from convgrad import bench
from convgrad.bench import Case
from convgrad.kernels import parallel

CASES = (
    Case("alexnet-conv1", (4, 3, 224, 224), (64, 3, 11, 11), stride=4, padding=2),
    Case("alexnet-conv2", (4, 64, 27, 27), (192, 64, 5, 5), padding=2),
    Case("vgg-conv1-2", (2, 64, 112, 112), (64, 64, 3, 3), padding=1),
    Case("vgg-conv3", (4, 256, 28, 28), (256, 256, 3, 3), padding=1),
    Case("vgg-conv4", (4, 512, 14, 14), (512, 512, 3, 3), padding=1),
    Case("resnext-g32", (8, 128, 28, 28), (128, 4, 3, 3), padding=1, groups=32),
    Case("shufflenet-g4-1x1", (16, 240, 28, 28), (240, 60, 1, 1), groups=4),
    Case("dw-mult2", (8, 32, 56, 56), (64, 1, 3, 3), padding=1, groups=32),
    Case("dw5x5-s2", (8, 96, 56, 56), (96, 1, 5, 5), stride=2, padding=2, groups=96),
    Case("dw7x7-convnext", (8, 96, 56, 56), (96, 1, 7, 7), padding=3, groups=96),
    Case("unet-enc", (2, 64, 128, 128), (64, 64, 3, 3), padding=1),
    Case("unet-1ch-in", (4, 1, 128, 128), (32, 1, 3, 3), padding=1),
    Case("tiny-batch1", (1, 32, 32, 32), (32, 32, 3, 3), padding=1),
    Case("mnist-5x5-pad", (128, 1, 28, 28), (20, 1, 5, 5), padding=2),
    Case("cifar-first", (128, 3, 32, 32), (64, 3, 3, 3), padding=1),
    Case("rect-kernel-1x7", (8, 64, 17, 17), (64, 64, 1, 7)),
    Case("inception-3x3-s2", (8, 288, 35, 35), (384, 288, 3, 3), stride=2),
    Case("squeeze-1x1", (32, 64, 14, 14), (16, 64, 1, 1)),
    Case("pw-expand", (32, 16, 14, 14), (96, 16, 1, 1)),
    Case("dilated-4", (4, 128, 32, 32), (128, 128, 3, 3), padding=4, dilation=4),
    Case("conv1d-audio-s4", (8, 1, 16000), (32, 1, 80), stride=4),
    Case("conv1d-text", (32, 128, 256), (128, 128, 3), padding=1),
    Case("conv1d-dw", (16, 256, 512), (256, 1, 3), padding=1, groups=256),
    Case("conv3d-video", (2, 3, 16, 56, 56), (32, 3, 3, 3, 3), padding=1),
    Case("conv3d-mid", (2, 32, 8, 28, 28), (32, 32, 3, 3, 3), padding=1),
    Case("conv3d-dw", (2, 64, 8, 28, 28), (64, 1, 3, 3, 3), padding=1, groups=64),
    Case("odd-5x5-s3", (8, 24, 50, 50), (48, 24, 5, 5), stride=3, padding=1),
    Case("late-7x7", (32, 256, 7, 7), (256, 256, 3, 3), padding=1),
    Case("head-4x4", (64, 128, 4, 4), (256, 128, 3, 3), padding=1),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=[], help="only these cases, by name")
    parser.add_argument("--json", default="", help="write the rows to this file")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(parallel.threads())
    rows = []
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        r = bench.run_case(case, args.repeat, torch=torch, fast=True)
        rows.append(r.as_dict(matmul_gflops=math.nan))
        print(
            f"{case.name:18s} ms pure {r.convgrad_ms:8.2f}  [fast] {r.fast_ms:8.2f}  "
            f"torch {r.torch_ms:8.2f}   ratio {r.ratio:5.2f}  [fast] {r.fast_ratio:5.2f}  "
            f"({r.strategy})",
            flush=True,
        )

    def geomean(key: str) -> float:
        return bench.geometric_mean([row[key] for row in rows])

    print(f"geometric mean: pure {geomean('ratio'):.3f}, [fast] {geomean('fast_ratio'):.3f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"threads": parallel.threads(), "cases": rows}, f, indent=1)


if __name__ == "__main__":
    main()
