"""Training steps with glibc's freed memory kept (``convgrad._memory``) and not, in processes
that do not import PyTorch (as ``convgrad train`` runs).

    python benchmarks/keep_memory_ab.py [--network resnet20-28] [--batches 10] [--rounds 2]

Each round runs two fresh processes, ``CONVGRAD_KEEP_MEMORY=0`` then unset; each process times
``--batches`` steps after one untimed step (``convgrad.bench_train``'s networks, 2 threads), and
``--torch`` imports PyTorch first in both. Prints ms per step.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

CHILD = """
import sys, time
import numpy as np
if {torch}:
    import torch
from convgrad import bench_train as bt
net = {{n.name: n for n in bt.NETWORKS}}[{network!r}]
data = bt.make_batches(net, {batches})
c = bt._Convgrad(net)
c.restart()
with np.errstate(all="ignore"):
    c.step(*data[0])
    c.restart()
    t = time.perf_counter()
    for x, y in data:
        c.step(x, y)
print((time.perf_counter() - t) / {batches} * 1e3)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", default="resnet20-28")
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--torch", action="store_true", help="import PyTorch in both processes")
    args = parser.parse_args()
    code = CHILD.format(network=args.network, batches=args.batches, torch=args.torch)
    for _ in range(args.rounds):
        for keep in ("0", ""):
            env = dict(os.environ, CONVGRAD_KEEP_MEMORY=keep)
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                 text=True, check=True)  # fmt: skip
            label = "CONVGRAD_KEEP_MEMORY=0" if keep else "kept (default)"
            print(f"{args.network}: {label:24s} {float(out.stdout):.1f} ms a step", flush=True)


if __name__ == "__main__":
    main()
