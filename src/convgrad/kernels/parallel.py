"""Threads for the depthwise kernels' elementwise passes.

NumPy's matrix product runs on every core (through its BLAS), but its ufuncs run on one. They
release the GIL, so the depthwise kernels (:mod:`convgrad.kernels.taps`), which are ufuncs only, run
their independent blocks of images and groups on a small thread pool. (Splitting the im2col
kernels' copies the same way measured no faster: BLAS's own threads compete for the cores.)
The number of threads is ``CONVGRAD_THREADS`` when set (an integer from 1 to
``MAX_THREADS``), else the number of CPUs; :func:`limit` changes it for a block (``convgrad bench
--threads`` uses it, so that convgrad and PyTorch get as many).

The variable is read when threads are first needed, not at import: ``import convgrad`` (and so
``convgrad --help``, the grader, every kernel that runs on one thread) keeps working whatever it
holds, and a bad value raises one ``ValueError`` naming the variable and the rule from the call
that needs it, which a caller such as the command line can catch and report (:func:`threads`
checks it up front).
"""

from __future__ import annotations

import contextlib
import numbers
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")
R = TypeVar("R")

# a bound on a pool's size, far above any machine's cores: a typo such as 100000 would otherwise
# start that many threads
MAX_THREADS = 1024
_threads: int | None = None  # None until first needed: then CONVGRAD_THREADS or the CPUs
_pool: tuple[int, ThreadPoolExecutor] | None = None  # (its size, the pool)


def _from_environment() -> int:
    """``CONVGRAD_THREADS`` as a thread count, or the number of CPUs when it is unset or empty."""
    text = os.environ.get("CONVGRAD_THREADS", "").strip()
    if not text:
        return os.cpu_count() or 1
    if not (text.isascii() and text.isdigit() and len(text) <= 6 and 1 <= int(text) <= MAX_THREADS):
        raise ValueError(
            f"CONVGRAD_THREADS must be a whole number of threads from 1 to {MAX_THREADS} "
            f"(or unset, for one per CPU); got {text!r:.40}"
        )
    return int(text)


def threads() -> int:
    """How many threads the kernels use now; reads ``CONVGRAD_THREADS`` the first time."""
    global _threads
    if _threads is None:
        _threads = _from_environment()
    return _threads


@contextlib.contextmanager
def limit(n: int) -> Iterator[None]:
    """Use ``n`` threads (1: none besides the caller's) inside the block."""
    global _threads
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"threads must be an int; got {n!r:.80}")
    if not 1 <= n <= MAX_THREADS:
        raise ValueError(f"threads must be from 1 to {MAX_THREADS}; got {n}")
    before, _threads = _threads, int(n)
    try:
        yield
    finally:
        _threads = before


def run(f: Callable[[T], R], items: Sequence[T], most: int | None = None) -> list[R]:
    """``[f(item) for item in items]``, on the thread pool when there are threads to spare;
    on no more than ``most`` threads at once when given (to bound the memory of items in
    flight)."""
    global _pool
    count = threads()
    workers = min(count, most or count, len(items))
    if workers <= 1:
        return [f(item) for item in items]
    if _pool is None or _pool[0] < count:
        _pool = (count, ThreadPoolExecutor(count, thread_name_prefix="convgrad"))
    if workers == len(items):
        return list(_pool[1].map(f, items))
    # each worker takes every workers-th item, in turn
    shares = list(_pool[1].map(lambda k: [f(item) for item in items[k::workers]], range(workers)))
    return [shares[i % workers][i // workers] for i in range(len(items))]


_controller: dict[str, Any] = {}  # threadpoolctl's controller, made once (it inspects libraries)
_controller_lock = threading.Lock()


@contextlib.contextmanager
def blas_single() -> Iterator[bool]:
    """NumPy's BLAS limited to one thread inside the block, through threadpoolctl (an optional
    dependency: it comes with scikit-learn, ``convgrad[train]``); yields whether it could be."""
    with _controller_lock:
        if "it" not in _controller:
            try:
                from threadpoolctl import ThreadpoolController

                _controller["it"] = ThreadpoolController()
            except ImportError:
                _controller["it"] = None
    controller = _controller["it"]
    if controller is None:
        yield False
        return
    with controller.limit(limits=1, user_api="blas"):
        yield True


def over_images(batch: int, work: Callable[[range], R]) -> list[R]:
    """``work(images)`` over shares of ``range(batch)``, one share per thread with the BLAS at
    one thread each, when there are threads and threadpoolctl can limit the BLAS; else
    ``[work(range(batch))]``, on this thread with the BLAS's own threads.

    Each thread runs its own images' products whole, instead of the BLAS splitting every product
    in two: thin products split poorly, and the BLAS's workers spin between products, taking a
    core from whatever runs next (BENCHMARKS.md, issue 14).

    The floating-point flags are ignored inside ``work``, on each thread (NumPy's error state is
    per thread): a product of an infinity and a zero is NaN, as in PyTorch, and the BLAS, now on
    the calling threads, raises the flags that its own threads kept to themselves.
    """

    def quiet(images: range) -> R:
        with np.errstate(invalid="ignore", over="ignore"):
            return work(images)

    count = min(threads(), batch)
    with blas_single() as single:
        if count <= 1 or not single:
            return [quiet(range(batch))]
        shares = [range(batch * k // count, batch * (k + 1) // count) for k in range(count)]
        return run(quiet, shares)
