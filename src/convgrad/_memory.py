"""Freed memory kept in the process while convolutions run, so that the next call's arrays do not
fault their pages in again.

A training step, or any loop of convolutions, allocates and frees the same arrays every time:
activations, gradients, the kernels' buffers, megabytes each. glibc's ``malloc`` serves such sizes
by ``mmap`` (from 128 KiB, a threshold it raises as blocks are freed, up to 32 MiB) and gives freed
memory back to the system (``munmap``, or trimming the heap's top once it passes twice that
threshold); the next call's array then faults in every one of its pages, and on a virtual machine
a fault costs microseconds: a 1.6 MB array is 400 of them. The dynamic thresholds do not save a
loop that frees two arrays of one size together, as a forward and backward pass do: their space
at the heap's top is twice the threshold they raised, trimmed every time. On the development VM:

- a training-mode batch norm of ``(32, 16, 28, 28)`` (forward and backward) took 4.3 ms with
  glibc's defaults and 0.95 ms with freed memory kept, and a ResNet-20 training step 174 ms and
  133 to 146 (BENCHMARKS.md, issue 14);
- a process that allocates two 1 MiB arrays and frees them, in a loop, faulted 480 pages a turn
  (of 512), and none with freed memory kept;
- a user's loop of ``conv2d`` and ``conv2d_backward`` with no optimiser (the suite's cases one
  after another, ``python benchmarks/keep_memory_ab.py --convolutions``, two rounds), ms a pass
  with glibc's defaults / kept: ResNet-20's 16 channels 15.6 and 10.1 / 7.2 and 7.0 (1,989
  faults a pass / none), its 16 -> 32 stride-2 layer 9.1 and 7.9 / 5.6 and 5.6, ResNet-18's 64
  channels 33.5 and 30.0 / 19.1 and 18.7; the other 17 cases faulted little and did not move
  past the noise. In a scratch process whose heap had come to that state, OpenVINO's forward of
  MobileNet's 512-channel depthwise layer took 2.9 ms (1,536 faults a call) against 0.31.

:func:`keep_freed_memory` sets both thresholds with glibc's ``mallopt``: blocks up to 32 MiB
(glibc's largest threshold) come from the heap, and up to 1 GiB of freed heap stays in the
process. The convolutions' entry points (:mod:`convgrad.convolution`) and the optimisers
(:class:`convgrad.optim.Optimizer`) call it, once per process in effect: ``import convgrad``
alone changes nothing. The process keeps the memory its largest call used, which it held at its
peak anyway. ``CONVGRAD_KEEP_MEMORY=0`` turns it off; a process started with malloc settings of
its own (``MALLOC_MMAP_THRESHOLD_``, ``MALLOC_TRIM_THRESHOLD_``, ``MALLOC_TOP_PAD_``,
``MALLOC_MMAP_MAX_``, or ``glibc.malloc`` tunables in ``GLIBC_TUNABLES``) keeps them; elsewhere
than glibc (macOS, Windows, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import os
import sys

from . import _args

M_TRIM_THRESHOLD = -1  # glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 << 20  # glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit: mallopt refuses more
TRIM_THRESHOLD = 1 << 30

_state: dict[str, bool] = {}


def wanted() -> bool:
    """Whether ``CONVGRAD_KEEP_MEMORY`` lets freed memory be kept: unset, empty, ``1``, ``true``,
    ``yes`` or ``on`` (any case) yes; ``0``, ``false``, ``no`` or ``off`` no; any other value is
    a ``ValueError`` naming the variable (``false`` must not keep the memory)."""
    kept = _args.env_switch("CONVGRAD_KEEP_MEMORY")
    if kept is not None:
        return kept
    raise ValueError(
        f"CONVGRAD_KEEP_MEMORY must be 0 (freed memory returned to the system) or 1 (kept, the "
        f"default); got {os.environ['CONVGRAD_KEEP_MEMORY']!r:.40}"
    )


def keep_freed_memory() -> bool:
    """Ask glibc to keep freed memory (the module docstring); whether it is kept. Once per
    process; ``CONVGRAD_KEEP_MEMORY=0``, malloc settings of the process's own
    (:func:`own_settings`) or another C library leave malloc as it is."""
    if "kept" not in _state:
        _state["kept"] = wanted() and not own_settings() and _mallopt()
    return _state["kept"]


# glibc's environment variables for the settings mallopt would change, and their tunables
OWN_VARIABLES = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_",
                 "MALLOC_MMAP_MAX_")  # fmt: skip
OWN_TUNABLES = ("mmap_threshold", "trim_threshold", "top_pad", "mmap_max")


def own_settings() -> str | None:
    """The name of the malloc setting this process was started with (an environment variable, or
    a ``glibc.malloc`` tunable in ``GLIBC_TUNABLES``, ``name=value`` items joined by ``:``), which
    convgrad leaves as it is; None when there is none."""
    for name in OWN_VARIABLES:
        if os.environ.get(name, "").strip():
            return name
    for item in os.environ.get("GLIBC_TUNABLES", "").split(":"):
        name = item.split("=", 1)[0].strip()
        if name.startswith("glibc.malloc.") and name.removeprefix("glibc.malloc.") in OWN_TUNABLES:
            return name
    return None


def _mallopt() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    if not hasattr(libc, "gnu_get_libc_version"):  # glibc only: musl's mallopt does nothing
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
