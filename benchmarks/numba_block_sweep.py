"""``taps_numba.BLOCK_POSITIONS`` swept: the numba kernels alone (forward, dx, dw), float32.

Each value runs in a process of its own with a fresh numba cache (the constant is compiled
in). CPU time of the process, 1 numba thread, median of 7, after one untimed run.

    python benchmarks/numba_block_sweep.py [VALUE ...]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

CHILD = r"""
import sys, time, numpy as np, numba
from convgrad import _args, _np
from convgrad.kernels import taps_numba as tn
tn.BLOCK_POSITIONS = int(sys.argv[1])
numba.set_num_threads(1)
rng = np.random.default_rng(0)
out = []
CASES = [((8, 32, 112, 112), (32, 1, 3, 3), 1, 1), ((8, 512, 14, 14), (512, 1, 3, 3), 1, 1),
         ((8, 96, 28, 28), (96, 1, 5, 5), 2, 1), ((8, 64, 4096), (64, 1, 5), 2, 1)]
for xs, ws, pad, s in CASES:
    x = rng.standard_normal(xs).astype(np.float32); w = rng.standard_normal(ws).astype(np.float32)
    n = len(xs) - 2
    spec = _args.conv_spec("c", n, x, w, None, s, pad, 1, xs[1], "zeros")
    xp = np.ascontiguousarray(_np.pad(x, spec.padding, "zeros"))
    dy = rng.standard_normal((xs[0], ws[0], *spec.out_spatial)).astype(np.float32)
    def run():
        tn.forward(xp, w, spec); tn.input_grad(dy, w, spec); tn.weight_grad(dy, xp, spec, w)
    run(); times = []
    for _ in range(7):
        t = time.process_time(); run(); times.append(time.process_time() - t)
    out.append(f"{1e3 * float(np.median(times)):6.2f}")
print(sys.argv[1].rjust(6), *out)
"""


def main() -> None:
    values = sys.argv[1:] or ["1", "256", "1024", "2048", "4096", "16384"]
    print("block  dw32@112  dw512@14  dw5x5@28  dw1d@4096   (ms, fwd+dx+dw)")
    for value in values:
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "NUMBA_CACHE_DIR": cache}
            subprocess.run([sys.executable, "-c", CHILD, value], env=env, check=True)


if __name__ == "__main__":
    main()
