"""Training steps, or a loop of convolutions, with glibc's freed memory kept
(``convgrad._memory``) and not, in processes that do not import PyTorch (as ``convgrad train``
and a user's own loop run).

    python benchmarks/keep_memory_ab.py [--network resnet20-28] [--batches 10] [--rounds 2]
    python benchmarks/keep_memory_ab.py --convolutions [--rounds 2]

Each round runs two fresh processes, ``CONVGRAD_KEEP_MEMORY=0`` then unset; each process times
``--batches`` steps after one untimed step (``convgrad.bench_train``'s networks, 2 threads), and
``--torch`` imports PyTorch first in both. Prints ms per step. With ``--convolutions`` each process
runs the suite's cases (``convgrad bench --list``) one after another as a user's script would,
``conv2d`` then ``conv2d_backward`` with no optimiser, and prints per case the median ms of 10
passes after 3 untimed ones and the page faults a pass (``getrusage``'s minor faults).
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

CONVOLUTIONS = """
import resource, time
import numpy as np
import convgrad
from convgrad.bench import SUITE
rng = np.random.default_rng(0)
for case in SUITE:
    x = rng.standard_normal(case.x, dtype=np.float32)
    w = rng.standard_normal(case.w, dtype=np.float32) / np.float32(3)
    b = np.zeros(case.w[0], np.float32)
    conv = getattr(convgrad, f"conv{{case.dims}}d")
    backward = getattr(convgrad, f"conv{{case.dims}}d_backward")
    dy = rng.standard_normal(conv(x, w, b, **case.kwargs()).shape, dtype=np.float32)
    times = []
    for i in range(13):
        if i == 3:
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        start = time.perf_counter()
        conv(x, w, b, **case.kwargs())
        backward(dy, x, w, **case.kwargs())
        times.append(time.perf_counter() - start)
    faults = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults) / 10
    print(case.name, np.median(times[3:]) * 1e3, faults, flush=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--network", default="resnet20-28")
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--torch", action="store_true", help="import PyTorch in both processes")
    parser.add_argument(
        "--convolutions", action="store_true", help="the suite's cases in a loop, no optimiser"
    )
    args = parser.parse_args()
    code = CHILD.format(network=args.network, batches=args.batches, torch=args.torch)
    if args.convolutions:
        code = CONVOLUTIONS.format()
    for _ in range(args.rounds):
        for keep in ("0", ""):
            env = dict(os.environ, CONVGRAD_KEEP_MEMORY=keep)
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                 text=True, check=True)  # fmt: skip
            label = "CONVGRAD_KEEP_MEMORY=0" if keep else "kept (default)"
            if not args.convolutions:
                print(f"{args.network}: {label:24s} {float(out.stdout):.1f} ms a step", flush=True)
                continue
            for line in out.stdout.splitlines():
                name, ms, faults = line.split()
                print(f"{name:20s} {label:24s} {float(ms):8.2f} ms a pass "
                      f"{float(faults):7.0f} faults", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
