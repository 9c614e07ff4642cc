"""The speed suite behind ``convgrad bench``: convgrad's forward + backward against PyTorch's.

Each case times one forward pass and one backward pass (``dx``, ``dw``, ``db``) in float32 on the
CPU, with the same number of threads for PyTorch, for NumPy's BLAS (through threadpoolctl, which
comes with scikit-learn; without it the BLAS keeps its own setting, which the output says) and
for convgrad's own threads (:mod:`convgrad.kernels.parallel`). Before any time counts, every result
(``y, dx, dw, db``) is compared with PyTorch's (or, without PyTorch, with convgrad's own float64
im2col result); a case that disagrees stops the run. Then one warm-up, and ``repeat`` rounds
that alternate convgrad and PyTorch, so that both see the same machine; the figures are
medians. GFLOP/s count direct-convolution FLOPs (forward, dx and dw:
``3 * 2 * y.size * C_in/groups * K``), whatever algorithm ran, so that a faster algorithm shows
as a higher rate. The float32 matrix-multiply rate of NumPy, measured in the same run at its
start and again at its end, is the yardstick: each row is printed once, as its case ends, with
``%mm`` of the first rate; the JSON's ``%mm`` is of the better of the two.

convgrad runs on NumPy's kernels (the default install), and, when numba or OpenVINO works in
this process, on the ``[fast]`` path too (:mod:`convgrad.kernels.accel`): timed in the same
rounds where its kernels run on a case, the NumPy figures elsewhere, since the [fast] path runs
NumPy's kernels there (``=`` in the table, ``fast_timed`` false in the JSON).

>>> [c.name for c in SUITE if c.quick]
['lenet-conv2', 'resnet20-16', 'mobilenet-dw512', 'conv1d-long']
"""

from __future__ import annotations

import contextlib
import datetime
import json
import math
import os
import platform
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import convolution
from .kernels import accel
from .kernels import parallel as _parallel

# Agreement bound, relative to the largest magnitude of the result: float32 sums of up to a
# few tens of thousands of products agree with a float64 or oneDNN sum to ~1e-5 of the scale.
AGREEMENT = 1e-3

# Before each timed run: this many seconds of rest, then untimed runs (WARM). After a call,
# OpenBLAS's threads (NumPy's) and OpenMP's (PyTorch's) spin, waiting for more work, for up to
# about a tenth of a second: on a machine with few cores they would take the cores from the
# other library's next run. A library's own threads, on the other hand, are awake between its
# calls in a training loop: the untimed run wakes them.
PAUSE = 0.1
# After the rest, untimed runs for at least this many seconds (and at least one). One untimed run
# was not enough on the development VM: after 0.05 s idle its next few milliseconds of work ran
# up to 1.8x slower (convgrad's ResNet-20 32-channel layer, forward + backward: 4.0 ms back to
# back, 7.3 ms after the rest and one untimed run), a penalty that fell on whichever library's
# threads had slept (convgrad's pool threads block between calls; PyTorch's OpenMP threads spin
# for a while first) and that a training loop, which never rests, does not pay. BENCHMARKS.md has
# the suite's figures with one untimed run and with this.
WARM = 0.05


@dataclass(frozen=True)
class Case:
    """One convolution layer: ``x (N, C_in, *spatial)``, ``w (C_out, C_in // groups, *kernel)``."""

    name: str
    x: tuple[int, ...]
    w: tuple[int, ...]
    stride: int = 1
    padding: int = 0
    dilation: int = 1
    groups: int = 1
    quick: bool = False

    @property
    def dims(self) -> int:
        return len(self.x) - 2

    def kwargs(self) -> dict[str, int]:
        return dict(
            stride=self.stride, padding=self.padding, dilation=self.dilation, groups=self.groups
        )

    def out_spatial(self) -> tuple[int, ...]:
        return tuple(
            (size + 2 * self.padding - self.dilation * (k - 1) - 1) // self.stride + 1
            for size, k in zip(self.x[2:], self.w[2:])
        )

    def flops(self) -> int:
        """Direct-convolution FLOPs of forward, dx and dw together."""
        y_size = self.x[0] * self.w[0] * math.prod(self.out_spatial())
        return 3 * 2 * y_size * math.prod(self.w[1:])


SUITE = (
    # LeNet on MNIST
    Case("lenet-conv1", (64, 1, 28, 28), (6, 1, 5, 5)),
    Case("lenet-conv2", (64, 6, 14, 14), (16, 6, 5, 5), quick=True),
    # CIFAR ResNet-20: the three stages and the two stride-2 transitions
    Case("resnet20-16", (64, 16, 32, 32), (16, 16, 3, 3), padding=1, quick=True),
    Case("resnet20-32", (64, 32, 16, 16), (32, 32, 3, 3), padding=1),
    Case("resnet20-64", (64, 64, 8, 8), (64, 64, 3, 3), padding=1),
    Case("resnet20-16to32-s2", (64, 16, 32, 32), (32, 16, 3, 3), stride=2, padding=1),
    Case("resnet20-32to64-s2", (64, 32, 16, 16), (64, 32, 3, 3), stride=2, padding=1),
    # ResNet-18 at N=8: the four stages, a stride-2 3x3, a 1x1 downsampling, the stem (N=2)
    Case("resnet18-64", (8, 64, 56, 56), (64, 64, 3, 3), padding=1),
    Case("resnet18-128", (8, 128, 28, 28), (128, 128, 3, 3), padding=1),
    Case("resnet18-256", (8, 256, 14, 14), (256, 256, 3, 3), padding=1),
    Case("resnet18-512", (8, 512, 7, 7), (512, 512, 3, 3), padding=1),
    Case("resnet18-64to128-s2", (8, 64, 56, 56), (128, 64, 3, 3), stride=2, padding=1),
    Case("resnet18-down-1x1", (8, 64, 56, 56), (128, 64, 1, 1), stride=2),
    Case("resnet18-stem", (2, 3, 224, 224), (64, 3, 7, 7), stride=2, padding=3),
    # MobileNet: depthwise 3x3 (groups = channels) and a pointwise 1x1
    Case("mobilenet-dw32", (8, 32, 112, 112), (32, 1, 3, 3), padding=1, groups=32),
    Case("mobilenet-dw512", (8, 512, 14, 14), (512, 1, 3, 3), padding=1, groups=512, quick=True),
    Case("mobilenet-pw", (8, 64, 56, 56), (128, 64, 1, 1)),
    # dilation, 1-D over a long sequence, a small 3-D convolution
    Case("dilated-3x3", (8, 64, 28, 28), (64, 64, 3, 3), padding=2, dilation=2),
    Case("conv1d-long", (8, 64, 4096), (64, 64, 5), padding=2, quick=True),
    Case("conv3d-small", (2, 16, 16, 16, 16), (32, 16, 3, 3, 3), padding=1),
)

# Beyond the suite (``convgrad bench --large``): large kernels, where the automatic choice
# is the FFT strategy, an algorithm PyTorch does not use on the CPU.
LARGE_KERNELS = (
    Case("large-dw-9x9", (8, 32, 112, 112), (32, 1, 9, 9), padding=4, groups=32),
    Case("large-dw-13x13", (8, 128, 28, 28), (128, 1, 13, 13), padding=6, groups=128),
    Case("large-11x11", (8, 16, 64, 64), (16, 16, 11, 11), padding=5),
    Case("large-conv1d-k129", (8, 16, 4096), (16, 16, 129), padding=64),
    Case("large-conv1d-dw-k255", (8, 256, 4096), (256, 1, 255), padding=127, groups=256),
)


@dataclass
class Result:
    case: Case
    convgrad_ms: float  # median of forward + backward
    convgrad_forward_ms: float
    convgrad_backward_ms: float
    torch_ms: float | None = None
    torch_forward_ms: float | None = None
    torch_backward_ms: float | None = None
    max_error: dict[str, float] = field(default_factory=dict)  # relative to each result's scale
    strategy: str = ""
    # the [fast] path (numba, OpenVINO): timed where its kernels run; elsewhere it runs NumPy's,
    # the same code as convgrad_ms (fast_timed False, fast_ms is convgrad_ms)
    fast_ms: float | None = None
    fast_forward_ms: float | None = None
    fast_backward_ms: float | None = None
    fast_timed: bool = False
    fast_strategy: str = ""
    fast_max_error: dict[str, float] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return None if self.torch_ms is None else self.convgrad_ms / self.torch_ms

    @property
    def fast_ratio(self) -> float | None:
        if self.torch_ms is None or self.fast_ms is None:
            return None
        return self.fast_ms / self.torch_ms

    def as_dict(self, matmul_gflops: float) -> dict[str, Any]:
        flops = self.case.flops()
        rate = flops / self.convgrad_ms / 1e6
        return dict(
            name=self.case.name,
            x_shape=list(self.case.x),
            w_shape=list(self.case.w),
            **self.case.kwargs(),
            flops=flops,
            strategy=self.strategy,
            convgrad_ms=self.convgrad_ms,
            convgrad_forward_ms=self.convgrad_forward_ms,
            convgrad_backward_ms=self.convgrad_backward_ms,
            convgrad_gflops=rate,
            fraction_of_matmul=rate / matmul_gflops,
            torch_ms=self.torch_ms,
            torch_forward_ms=self.torch_forward_ms,
            torch_backward_ms=self.torch_backward_ms,
            torch_gflops=None if self.torch_ms is None else flops / self.torch_ms / 1e6,
            ratio=self.ratio,
            max_error=self.max_error,
            fast_ms=self.fast_ms,
            fast_forward_ms=self.fast_forward_ms,
            fast_backward_ms=self.fast_backward_ms,
            fast_timed=self.fast_timed,
            fast_strategy=self.fast_strategy,
            fast_ratio=self.fast_ratio,
            fast_max_error=self.fast_max_error,
        )


class DisagreementError(AssertionError):
    """convgrad's result differs from the oracle's: no time is reported for a wrong answer."""


@contextlib.contextmanager
def thread_limit(threads: int) -> Iterator[str]:
    """Limit NumPy's BLAS to ``threads`` for the block; yields how (or that it could not)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        with _parallel.limit(threads):
            yield "not limited (threadpoolctl is not installed; set OPENBLAS_NUM_THREADS)"
        return
    with threadpool_limits(limits=threads, user_api="blas"), _parallel.limit(threads):
        yield f"{threads} (threadpoolctl)"


def matmul_gflops(repeat: int, size: int = 2048) -> float:
    """NumPy's float32 ``size x size`` matrix-multiply rate in GFLOP/s, median of ``repeat``."""
    a = np.random.default_rng(0).standard_normal((size, size), dtype=np.float32)
    out = a @ a
    runs = []
    for _ in range(max(repeat, 3)):
        start = time.perf_counter()
        np.matmul(a, a, out=out)
        runs.append(time.perf_counter() - start)
    return 2 * size**3 / float(np.median(runs)) / 1e9


def _inputs(case: Case) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(0)
    x = rng.standard_normal(case.x, dtype=np.float32)
    fan_in = np.float32(math.sqrt(math.prod(case.w[1:])))
    w = rng.standard_normal(case.w, dtype=np.float32) / fan_in
    b = rng.standard_normal(case.w[0], dtype=np.float32)
    dy = rng.standard_normal((case.x[0], case.w[0], *case.out_spatial()), dtype=np.float32)
    return x, w, b, dy


def _convgrad_runs(
    case: Case, x, w, b, dy, backend: str | None = None
) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """convgrad's forward and backward calls; on ``backend`` (``"numpy"``, ``"numba"``) when
    given, else on the default accelerator."""
    n, kw = case.dims, case.kwargs()
    conv = getattr(convolution, f"conv{n}d")
    conv_backward = getattr(convolution, f"conv{n}d_backward")

    def forward():
        with accel.accelerator(backend):
            return conv(x, w, b, **kw)

    def backward():
        with accel.accelerator(backend):
            return conv_backward(dy, x, w, **kw)

    return forward, backward


COMPILED = ("taps", "winograd", "openvino")  # the strategies with [fast]'s kernels


def _fast_strategies(case: Case) -> tuple[str, str, str]:
    """The forward's, ``dx``'s and ``dw``'s strategies with [fast]'s accelerators on."""
    with accel.accelerator(None):
        return convolution.chosen_strategies(case.x, case.w, **case.kwargs())


def fast_strategy(case: Case) -> str:
    """The strategies the [fast] path (numba and OpenVINO on, where installed) takes on this
    case: one name where the forward, ``dx`` and ``dw`` take the same (numba's marked
    ``/numba``), else the three, comma-separated."""
    names = _fast_strategies(case)
    if len(set(names)) == 1:
        return names[0] + ("/numba" if names[0] in ("taps", "winograd") else "")
    return ",".join(names)


def uses_fast_kernels(case: Case) -> bool:
    """Whether the [fast] path runs compiled kernels on this case in any pass (else it runs
    NumPy's)."""
    return any(name in COMPILED for name in _fast_strategies(case))


def _torch_runs(torch, case: Case, x, w, b, dy):
    conv = getattr(torch.nn.functional, f"conv{case.dims}d")
    tx, tw, tb = (torch.from_numpy(a).requires_grad_() for a in (x, w, b))
    tdy = torch.from_numpy(dy)
    state: dict[str, Any] = {}

    def forward():
        state["y"] = conv(tx, tw, tb, **case.kwargs())
        return state["y"]

    def backward():
        return torch.autograd.grad(state["y"], (tx, tw, tb), tdy)

    return forward, backward


def _oracle(case: Case, x, w, b, dy, torch) -> tuple[np.ndarray, ...]:
    if torch is not None:
        forward, backward = _torch_runs(torch, case, x, w, b, dy)
        y = forward().detach().numpy()
        return (y, *(g.numpy() for g in backward()))
    as64 = [a.astype(np.float64) for a in (x, w, b, dy)]
    with convolution.strategy("im2col"):
        forward64, backward64 = _convgrad_runs(case, *as64)
        return (forward64(), *backward64())


def check_agreement(case: Case, torch=None, backend: str | None = "numpy") -> dict[str, float]:
    """Largest ``|ours - oracle| / max|oracle|`` of ``y, dx, dw, db``; raises if any is large."""
    x, w, b, dy = _inputs(case)
    forward, backward = _convgrad_runs(case, x, w, b, dy, backend)
    ours = (forward(), *backward())
    errors = {}
    label = "convgrad[fast]" if backend == "numba" else "convgrad"
    for name, a, r in zip(("y", "dx", "dw", "db"), ours, _oracle(case, x, w, b, dy, torch)):
        scale = max(float(np.max(np.abs(r))), 1e-30)
        errors[name] = float(np.max(np.abs(a.astype(np.float64) - r))) / scale
        if not errors[name] <= AGREEMENT:
            raise DisagreementError(
                f"{case.name}: {label}'s {name} differs from "
                f"{'PyTorch' if torch is not None else 'float64 im2col'} by "
                f"{errors[name]:.2e} of its scale (allowed {AGREEMENT:.0e})"
            )
    return errors


def _median_ms(runs: Sequence[float]) -> float:
    return float(np.median(runs)) * 1e3


def run_case(case: Case, repeat: int, torch=None, fast: bool = False) -> Result:
    """Check agreement, warm up, then time ``repeat`` alternating rounds: convgrad on NumPy,
    PyTorch, and with ``fast`` convgrad on numba where its kernels run on this case."""
    # numba's OpenMP threading layer, once started, sets the process's OpenMP thread count, which
    # is PyTorch's too (convgrad's kernels no longer start it, but a user's numba code may):
    # PyTorch's count is set again before each of its runs
    torch_threads = None if torch is None else torch.get_num_threads()
    errors = check_agreement(case, torch)  # also the first warm-up
    x, w, b, dy = _inputs(case)
    contenders = {"convgrad": _convgrad_runs(case, x, w, b, dy, "numpy")}
    fast_timed = fast and uses_fast_kernels(case)
    if fast_timed:
        fast_errors = check_agreement(case, torch, None)
        contenders["fast"] = _convgrad_runs(case, x, w, b, dy, None)
    if torch is not None:
        contenders["torch"] = _torch_runs(torch, case, x, w, b, dy)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for round_ in range(repeat + 1):  # round 0 is the warm-up
        for name, (forward, backward) in contenders.items():
            if name == "torch":
                torch.set_num_threads(torch_threads)
            time.sleep(PAUSE)  # the other's spinning threads go idle...
            warm_until = time.perf_counter() + WARM
            forward(), backward()  # ...and this one's wake up, as they are in a training loop
            while time.perf_counter() < warm_until:
                forward(), backward()
            start = time.perf_counter()
            forward()
            middle = time.perf_counter()
            backward()
            end = time.perf_counter()
            if round_:
                times[name].append((middle - start, end - middle))

    def medians(name: str) -> tuple[float, float, float]:
        fwd, bwd = zip(*times[name])
        return _median_ms([f + b for f, b in times[name]]), _median_ms(fwd), _median_ms(bwd)

    result = Result(case, *medians("convgrad"), max_error=errors)
    with accel.accelerator("numpy"):
        result.strategy = convolution.chosen_strategy(case.x, case.w, **case.kwargs())
    if fast_timed:
        result.fast_ms, result.fast_forward_ms, result.fast_backward_ms = medians("fast")
        result.fast_timed, result.fast_strategy = True, fast_strategy(case)
        result.fast_max_error = fast_errors
    elif fast:  # the same kernels as the NumPy path: the same figures
        result.fast_ms = result.convgrad_ms
        result.fast_forward_ms, result.fast_backward_ms = (
            result.convgrad_forward_ms,
            result.convgrad_backward_ms,
        )
        result.fast_strategy, result.fast_max_error = "=", errors
    if torch is not None:
        result.torch_ms, result.torch_forward_ms, result.torch_backward_ms = medians("torch")
    return result


def geometric_mean(values: list[float]) -> float:
    return float(np.exp(np.mean(np.log(values)))) if values else float("nan")


def _machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        with open("/proc/cpuinfo") as f:
            names = [line.split(":", 1)[1].strip() for line in f if line.startswith("model name")]
        if names:
            cpu = names[0]
    return dict(
        cpu=cpu,
        cores=os.cpu_count(),
        platform=platform.platform(),
        python=platform.python_version(),
        numpy=np.__version__,
    )


def _row(cells: list[str], widths: list[int]) -> str:
    return " ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def format_table(results: list[Result], matmul: float, fast: bool = False) -> str:
    """The table's header, one row per result and the geometric means; with ``fast``, the
    [fast] path's time and ratio too (``=`` where it runs NumPy's kernels)."""
    widths = [20, 10, 9, 9, 9, 6, 8, 7, 9] + [9, 6] * fast
    head = [
        "case",
        "strategy",
        "ours ms",
        "fwd/bwd",
        "torch ms",
        "ratio",
        "GFLOP/s",
        "%mm",
        "torch GF",
    ] + ["fast ms", "ratio"] * fast
    lines = [_row(head, widths)]
    for r in results:
        rate = r.case.flops() / r.convgrad_ms / 1e6
        torch_rate = "" if r.torch_ms is None else f"{r.case.flops() / r.torch_ms / 1e6:.1f}"
        split = f"{r.convgrad_forward_ms:.1f}/{r.convgrad_backward_ms:.1f}"
        cells = [
            r.case.name,
            r.strategy,
            f"{r.convgrad_ms:.2f}",
            split,
            "" if r.torch_ms is None else f"{r.torch_ms:.2f}",
            "" if r.ratio is None else f"{r.ratio:.2f}",
            f"{rate:.1f}",
            f"{100 * rate / matmul:.0f}%",
            torch_rate,
        ]
        if fast:
            same = "=" if not r.fast_timed else ""
            cells += [
                "" if r.fast_ms is None else f"{same}{r.fast_ms:.2f}",
                "" if r.fast_ratio is None else f"{r.fast_ratio:.2f}",
            ]
        lines.append(_row(cells, widths))
    ratios = [r.ratio for r in results if r.ratio is not None]
    if ratios:
        lines.append(
            f"geometric mean of convgrad / PyTorch: {geometric_mean(ratios):.3f}; "
            f"worst {max(ratios):.2f} ({max(results, key=lambda r: r.ratio or 0).case.name})"
        )
    fast_ratios = [r.fast_ratio for r in results if r.fast_ratio is not None]
    if fast and fast_ratios:
        worst = max(results, key=lambda r: r.fast_ratio or 0)
        lines.append(
            f"geometric mean of convgrad[fast] / PyTorch: {geometric_mean(fast_ratios):.3f}; "
            f"worst {max(fast_ratios):.2f} ({worst.case.name})"
        )
    return "\n".join(lines)


def select(names: list[str] | None, quick: bool, large: bool = False) -> list[Case]:
    """The cases to run: those named (a name matches a case of the suite or of
    ``LARGE_KERNELS`` whose name contains it), or the quick subset, or the large kernels, or
    the whole suite."""
    cases = [c for c in SUITE if c.quick] if quick else list(LARGE_KERNELS if large else SUITE)
    if names:
        known = (*SUITE, *LARGE_KERNELS)
        cases = [c for c in known if any(n in c.name for n in names)]
        if not cases:
            raise ValueError(f"no case matches {names}; cases: {[c.name for c in known]}")
    return cases


def load_torch(wanted: bool):
    if not wanted:
        return None
    try:
        import torch
    except ImportError:
        return None
    return torch


def run(
    cases: list[Case],
    repeat: int,
    threads: int,
    torch=None,
    echo: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run ``cases``; print the table as it goes; return everything as a JSON-ready dict.

    convgrad runs on NumPy's kernels and, when numba or OpenVINO works here (and
    ``CONVGRAD_ACCEL`` does not ask for NumPy), on the [fast] path too."""
    if torch is not None:
        torch.set_num_threads(threads)
    fast = accel.fast_available()
    with thread_limit(threads) as blas_threads:
        matmul = matmul_gflops(repeat)
        echo(
            f"NumPy float32 matmul (2048^3): {matmul:.1f} GFLOP/s; NumPy BLAS threads: "
            f"{blas_threads}; PyTorch: "
            + (f"{torch.__version__}, {torch.get_num_threads()} threads" if torch else "absent")
            + f"; [fast]: {accel.fast_status() if fast else f'not run ({accel.fast_status()})'}"
        )
        results = []
        echo(format_table([], matmul, fast))  # the header
        for case in cases:
            results.append(run_case(case, repeat, torch, fast))
            echo(format_table(results[-1:], matmul, fast).splitlines()[1])
        matmul_after = matmul_gflops(repeat)
    ratios = [r.ratio for r in results if r.ratio is not None]
    fast_ratios = [r.fast_ratio for r in results if r.fast_ratio is not None]
    best = max(matmul, matmul_after)  # the JSON's %mm is of the better rate: the capacity
    echo(
        f"\nNumPy float32 matmul at the end of the run: {matmul_after:.1f} GFLOP/s (the rows' "
        f"%mm are of the first, {matmul:.1f}; the JSON's of the better, {best:.1f})"
    )
    summary = format_table(results, best, fast).splitlines()[1 + len(results) :]
    if summary:
        echo("\n".join(summary))
    return dict(
        date=datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        machine=_machine(),
        torch=None if torch is None else torch.__version__,
        threads=threads,
        blas_threads=blas_threads,
        repeat=repeat,
        matmul_gflops=matmul,
        matmul_gflops_after=matmul_after,
        cases=[r.as_dict(best) for r in results],
        geomean_ratio=geometric_mean(ratios) if ratios else None,
        worst_ratio=max(ratios) if ratios else None,
        fast=accel.fast_status() if fast else None,
        geomean_ratio_fast=geometric_mean(fast_ratios) if fast_ratios else None,
        worst_ratio_fast=max(fast_ratios) if fast_ratios else None,
    )


def write_json(report: dict[str, Any], path: str) -> None:
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
