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
import contextvars
import math
import numbers
import os
import threading
import time
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
# limit()'s count, per thread (and per asyncio task): two threads limiting at once each keep
# their own; the pool's threads take their caller's (run)
_LIMIT: contextvars.ContextVar[int | None] = contextvars.ContextVar("threads", default=None)
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
    """How many threads the kernels use now (in this thread): :func:`limit`'s count inside its
    block, else ``CONVGRAD_THREADS`` (read the first time) or the number of CPUs."""
    global _threads
    limited = _LIMIT.get()
    if limited is not None:
        return limited
    if _threads is None:
        _threads = _from_environment()
    return _threads


@contextlib.contextmanager
def limit(n: int) -> Iterator[None]:
    """Use ``n`` threads (1: none besides the caller's) inside the block, in the calling thread
    (and the pool's threads working for it); other Python threads keep their own count."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"threads must be an int; got {n!r:.80}")
    if not 1 <= n <= MAX_THREADS:
        raise ValueError(f"threads must be from 1 to {MAX_THREADS}; got {n}")
    token = _LIMIT.set(int(n))
    try:
        yield
    finally:
        _LIMIT.reset(token)


def run(f: Callable[[T], R], items: Sequence[T], most: int | None = None) -> list[R]:
    """``[f(item) for item in items]``, on the thread pool when there are threads to spare;
    on no more than ``most`` threads at once when given (to bound the memory of items in
    flight). The caller's floating-point error state holds on every thread (NumPy's is per
    thread: a pool thread would otherwise warn of the ``0 * inf`` its caller ignores)."""
    global _pool
    count = threads()
    workers = min(count, most or count, len(items))
    if workers <= 1:
        return [f(item) for item in items]
    state = np.geterr()

    def within(item: T) -> R:
        token = _LIMIT.set(count)  # the caller's count, for what f asks of threads()
        try:
            with np.errstate(**state):
                return f(item)
        finally:
            _LIMIT.reset(token)

    if _pool is None or _pool[0] < count:
        _pool = (count, ThreadPoolExecutor(count, thread_name_prefix="convgrad"))
    if workers == len(items):
        return list(_pool[1].map(within, items))
    # each worker takes every workers-th item, in turn
    shares = list(
        _pool[1].map(lambda k: [within(item) for item in items[k::workers]], range(workers))
    )
    return [shares[i % workers][i // workers] for i in range(len(items))]


_controller: dict[str, Any] = {}  # threadpoolctl's controller, made once (it inspects libraries)
_controller_lock = threading.Lock()
# blocks of blas_single open now, and the BLAS's threads before the first of them opened
_inside: dict[str, Any] = {"blocks": 0, "before": None}


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
    with _controller_lock:
        if _inside["blocks"] == 0:
            _inside["before"] = [lib.num_threads for lib in controller.lib_controllers]
        _inside["blocks"] += 1
    try:
        with controller.limit(limits=1, user_api="blas"):
            yield True
    finally:
        with _controller_lock:
            _inside["blocks"] -= 1
            if _inside["blocks"] == 0:
                _restore(controller, _inside["before"])


def _restore(controller: Any, before: list[int]) -> None:
    """The BLAS's threads back to ``before``, as the last of overlapping :func:`blas_single`
    blocks leaves. Each block restores what it found on entry, and a process-wide pool (OpenBLAS
    on pthreads) had one thread when a block entered inside another's: leaving last, it kept
    the whole process at one thread for good. threadpoolctl lets only the thread that set a
    limit change it again (``clear_controlling_thread``), so that is cleared first."""
    libs = controller.lib_controllers
    if [lib.num_threads for lib in libs] == before:
        return
    for lib, count in zip(libs, before, strict=True):
        clear = getattr(type(lib), "clear_controlling_thread", None)
        if clear is not None:
            clear(force=True)
        lib.set_num_threads(count)
        if clear is not None:
            clear(force=True)


# The batch is split over the threads only when the work is large enough: at least
# SPLIT_POSITIONS output positions per image, or SPLIT_FLOPS in the product. Small images make
# many small NumPy calls per image, and two threads then contend for the GIL. Measured on the
# quiet 2-core machine (2026-11-29), float32, batch 32, 3x3, padding 1:
# - one layer's forward + dx + dw, medians of 15 alternating runs (a scratch script),
#   ms split / one thread: 1->32 at 28x28 (784 positions, 14 MFLOP a pass) 3.43 / 7.39;
#   1->32 at 8x8 (64, 1.3 MFLOP) 1.45 / 0.86; 32->64 at 4x4 (16, 19 MFLOP) 3.20 / 2.33;
# - a whole training step (convgrad bench --train, alternating processes): the digits' CNN
#   (8x8 and 4x4 layers) 292-316 ms split, 228-234 ms not; the 28x28 CNN, whose 14x14 and 7x7
#   layers have 231 MFLOP a pass, 1503-1597 ms split, 1799-1848 ms not.
SPLIT_POSITIONS = 256
SPLIT_FLOPS = 50e6
# ...and never below SPLIT_MIN_FLOPS, however large the images: waking the pool thread and
# limiting the BLAS cost more than half of a pass this small saves. A first layer, 1 -> 32 at
# 28x28, batch 32 (14 MFLOP a pass), 2 threads, right after another split (as in training),
# medians of 9 rounds alternating, ms split / one thread (a scratch script, 2026-11-30):
# forward 0.60 to 0.85 / 0.40 to 0.52, dw 0.58 / 0.29, dx 0.85 / 0.66; 1 -> 16 forward 0.47 /
# 0.28. From 57 MFLOP (3 -> 32 at 32x32, batch 32) the split paid for dx (1.73 / 2.42). Inside
# a training step (the first layer's forward and dw timed in the step, split and not
# alternating round by round, medians of the rounds' ms a step,
# ``python benchmarks/first_layer_split.py``): the 28x28 CNN 1.99 -> 1.21, 1.99 -> 1.26 and
# 1.50 -> 0.88, the ResNet-20 (1 -> 16 at 28x28) 1.78 -> 1.06. The whole step gains less: the
# next split wakes the pool thread instead (every op timed in the step, 20 rounds: forward
# -0.19 ms, the first layer's dw -0.35, the other layers' backward +0.28; the step -0.24 and
# -0.34).
SPLIT_MIN_FLOPS = 20e6


def conv_size(spec: Any, w: np.ndarray, batch: int) -> tuple[int, float]:
    """A convolution pass's size for :func:`over_images`: output positions per image, and FLOPs
    over the batch (2 per multiply-add)."""
    positions = math.prod(spec.out_spatial)
    return positions, 2.0 * positions * w.size * batch


# After the kernels have shared work among convgrad's threads, the BLAS's own threads would only
# fight them: a call too small to split runs with the BLAS at one thread for QUIET_AFTER_SPLIT
# seconds after the last split (a training loop's steady state), and on the BLAS's threads
# otherwise. OpenBLAS's workers spin after each multithreaded product and take a core from
# convgrad's threads for the layers that follow. Measured on a ResNet-20 training step (28x28,
# batch 32, 2 threads, ``python benchmarks/train_profile.py --model resnet20 --threads 2``,
# wall clock): with its two 1x1 shortcut convolutions sent to im2col, whose one product per call
# is large enough for OpenBLAS to wake its workers, 181 and 186 ms a step; the same calls with
# the BLAS at one thread, 123 and 138; the shortcuts by nchw (products too small to wake them),
# 116 and 120. The calls themselves take 7 ms of the difference (alone, one after another).
QUIET_AFTER_SPLIT = 0.1
_last_split = [-math.inf]  # time.perf_counter() when a split last ended


def split_recently() -> bool:
    """Whether a split ended less than :data:`QUIET_AFTER_SPLIT` seconds ago: the calling code
    is then in a loop of split layers (a training step), whose threads the BLAS's own would
    fight."""
    return time.perf_counter() - _last_split[0] < QUIET_AFTER_SPLIT


def over_images(
    batch: int, work: Callable[[range], R], size: tuple[int, float] | None = None
) -> list[R]:
    """``work(images)`` over shares of ``range(batch)``, one share per thread with the BLAS at
    one thread each, when there are threads, threadpoolctl can limit the BLAS, and the work is
    large enough (``size``, when given: output positions per image and FLOPs, at least
    :data:`SPLIT_POSITIONS` or :data:`SPLIT_FLOPS`, and at least :data:`SPLIT_MIN_FLOPS`);
    else ``[work(range(batch))]``, on this thread, with the BLAS's own threads unless a split
    ended less than :data:`QUIET_AFTER_SPLIT` seconds ago (then with the BLAS at one thread).

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
    if size is not None and (
        size[1] < SPLIT_MIN_FLOPS or (size[0] < SPLIT_POSITIONS and size[1] < SPLIT_FLOPS)
    ):
        count = 1
    if count <= 1:
        if not split_recently():
            return [quiet(range(batch))]
        with blas_single():
            return [quiet(range(batch))]
    with blas_single() as single:
        if not single:
            return [quiet(range(batch))]
        shares = [range(batch * k // count, batch * (k + 1) // count) for k in range(count)]
        try:
            return run(quiet, shares)
        finally:
            _last_split[0] = time.perf_counter()


# Elementwise work (batch norm, ReLU, pooling: NumPy's ufuncs, which run on one core and release
# the GIL) is split over the threads from this many elements of its largest array. Waking a
# pool thread costs this VM 0.1 to 0.2 ms, which only large arrays repay. Forward + backward,
# float32, ms on one thread / split over two, freed memory kept as in training
# (``python benchmarks/elementwise_split.py``): (32, 32, 28, 28) (802,816 elements) batch norm
# 2.19 / 1.98, ReLU 0.74 / 0.67, max pooling 1.85 / 1.64; (32, 16, 28, 28) (401,408) 0.98 /
# 1.35, 0.37 / 0.58, 0.97 / 1.26; (32, 32, 8, 8) 0.27 / 0.91, 0.08 / 0.40, 0.31 / 0.83. (With
# glibc returning freed memory to the system, convgrad._memory, the split paid from 200,000
# elements: batch norm 2.95 / 1.67 at (32, 32, 14, 14). It was splitting the page faults.)
SPLIT_ELEMENTS = 1 << 20


def over_parts(n: int, work: Callable[[slice], R], elements: int) -> list[R]:
    """``work(part)`` over shares of ``range(n)`` (images or channels), one share per thread,
    when there are threads and the work has at least :data:`SPLIT_ELEMENTS` elements; else
    ``[work(slice(0, n))]``. The caller's floating-point error state holds on every thread
    (NumPy's is per thread)."""
    count = min(threads(), n)
    if count <= 1 or elements < SPLIT_ELEMENTS:
        return [work(slice(0, n))]
    return run(work, [slice(n * k // count, n * (k + 1) // count) for k in range(count)])


def over_jobs(kernel: Callable[[int, int], None], jobs: int, split: bool) -> None:
    """``kernel(first, last)`` over shares of ``range(jobs)``, one share per thread with the
    BLAS at one thread, when ``split`` and there are threads; else ``kernel(0, jobs)``. For the
    numba accelerator's kernels, which release the GIL and write disjoint outputs per job."""
    count = threads()  # read (and checked) whether or not this call splits
    parts = min(jobs, count) if split else 1
    if parts <= 1:
        kernel(0, jobs)
        return
    shares = [(jobs * k // parts, jobs * (k + 1) // parts) for k in range(parts)]
    with blas_single():
        try:
            run(lambda share: kernel(*share), shares)
        finally:
            _last_split[0] = time.perf_counter()
