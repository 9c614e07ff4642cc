"""Freed memory kept in the process during training, so that the next step's arrays do not fault
their pages in again.

A training step allocates and frees the same arrays every step: activations, gradients, the
kernels' buffers, megabytes each. glibc's ``malloc`` serves such sizes by ``mmap`` (from 128 KiB,
a threshold it raises as blocks are freed, up to 32 MiB) and gives freed memory back to the
system (``munmap``, or trimming the heap's top past 128 KiB); the next step's array then faults
in every one of its pages, and on a virtual machine a fault costs microseconds: a 1.6 MB array
is 400 of them. On the development VM a training-mode batch norm of ``(32, 16, 28, 28)``
(forward and backward) took 4.3 ms with glibc's defaults and 0.95 ms with freed memory kept,
and a ResNet-20 training step 174 ms and 133 to 146 (``MALLOC_MMAP_THRESHOLD_`` and
``MALLOC_TRIM_THRESHOLD_`` set; BENCHMARKS.md, issue 14).

:func:`keep_freed_memory` sets both thresholds with glibc's ``mallopt``: blocks up to 32 MiB
(glibc's largest threshold) come from the heap, and up to 1 GiB of freed heap stays in the
process. Optimisers call it (:class:`convgrad.optim.Optimizer`): creating one is the sign that a
training loop starts. The process keeps the memory its largest step used, which a training
process holds anyway at its peak. ``CONVGRAD_KEEP_MEMORY=0`` turns it off; elsewhere than glibc
(macOS, Windows, musl) it does nothing.
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
    process; ``CONVGRAD_KEEP_MEMORY=0`` (or another C library) leaves malloc as it is."""
    if "kept" not in _state:
        _state["kept"] = wanted() and _mallopt()
    return _state["kept"]


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
