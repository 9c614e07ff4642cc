"""Threads for the depthwise kernels' elementwise passes.

NumPy's matrix product runs on every core (through its BLAS), but its ufuncs run on one. They
release the GIL, so the depthwise kernels (:mod:`convgrad._taps`), which are ufuncs only, run
their independent blocks of images and groups on a small thread pool. (Splitting the im2col
kernels' copies the same way measured no faster: BLAS's own threads compete for the cores.)
The number of threads is ``CONVGRAD_THREADS`` when set, else the number of CPUs; :func:`limit`
changes it for a block (``convgrad bench --threads`` uses it, so that convgrad and PyTorch get
as many).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_threads = int(os.environ.get("CONVGRAD_THREADS", "0")) or os.cpu_count() or 1
_pool: tuple[int, ThreadPoolExecutor] | None = None  # (its size, the pool)


def threads() -> int:
    return _threads


@contextlib.contextmanager
def limit(n: int) -> Iterator[None]:
    """Use ``n`` threads (1: none besides the caller's) inside the block."""
    global _threads
    if n < 1:
        raise ValueError(f"threads must be >= 1; got {n}")
    before, _threads = _threads, n
    try:
        yield
    finally:
        _threads = before


def run(f: Callable[[T], R], items: Sequence[T], most: int | None = None) -> list[R]:
    """``[f(item) for item in items]``, on the thread pool when there are threads to spare;
    on no more than ``most`` threads at once when given (to bound the memory of items in
    flight)."""
    global _pool
    workers = min(_threads, most or _threads, len(items))
    if workers <= 1:
        return [f(item) for item in items]
    if _pool is None or _pool[0] < _threads:
        _pool = (_threads, ThreadPoolExecutor(_threads, thread_name_prefix="convgrad"))
    if workers == len(items):
        return list(_pool[1].map(f, items))
    # each worker takes every workers-th item, in turn
    shares = list(_pool[1].map(lambda k: [f(item) for item in items[k::workers]], range(workers)))
    return [shares[i % workers][i // workers] for i in range(len(items))]
