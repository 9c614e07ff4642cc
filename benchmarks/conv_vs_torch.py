"""convgrad's forward + backward against PyTorch's on the CPU: the suite of ``convgrad bench``.

    python benchmarks/conv_vs_torch.py [--quick] [--case NAME] [--repeat N] [--threads N]
                                       [--json FILE] [--no-torch]

The suite and the timing discipline live in :mod:`convgrad.bench` (so that the installed
``convgrad bench`` command runs the same thing); this script is the same command run from a
checkout. Results go in BENCHMARKS.md.
"""

from __future__ import annotations

import sys

from convgrad.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["bench", *sys.argv[1:]]))
