"""The training benchmark behind ``convgrad bench --train``: training steps of convgrad's networks
against their PyTorch twins.

Each network is trained as ``convgrad train`` trains it (:func:`convgrad.training.train_step`:
batch 32, Adam at 3e-3, cross-entropy with label smoothing 0.1; the default CNN through its
explicit backward, the ResNet-20 through the tape) on random images of its input size, and its
PyTorch twin (:func:`convgrad.training.torch_model`) on the same batches from the same weights.
A timed run is ``batches`` steps from the initial weights with a fresh optimiser: by default the
digits' training epoch, 1437 images in 45 batches of 32.

Before any time counts, one step of each from the same weights, in float64, must give the same
loss and parameter gradients (to :data:`AGREEMENT` of the largest gradient); else the run stops.
Then, as in :mod:`convgrad.bench`, the contenders alternate: each rests
(:data:`convgrad.bench.PAUSE`), runs one untimed step, then its timed run; the figures are
medians over ``repeat`` rounds, after one untimed round. Threads: ``threads`` for PyTorch, for
NumPy's BLAS and for convgrad's own pool.

convgrad's contenders are :data:`VARIANTS`, a list of named setups, so that another build of
convgrad (an accelerated one) adds a column: each gets its own time and ratio.

>>> [n.name for n in NETWORKS]
['cnn-digits', 'cnn-28', 'resnet20-28']
"""

from __future__ import annotations

import contextlib
import datetime
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import bench, nn, optim
from .kernels import accel
from .training import build_model, small_cnn_config, torch_model, train_step

#: Agreement of one float64 step's loss and gradients with PyTorch's (relative to the loss and to
#: the largest gradient); measured 1e-14 on the ResNet-20.
AGREEMENT = 1e-9
BATCH = 32
#: The digits' training split (``convgrad.data``): 1437 images, 45 batches of 32.
EPOCH_BATCHES = 45


@dataclass(frozen=True)
class Network:
    """A network of ``convgrad train`` on images of ``size x size`` with one channel."""

    name: str
    model: str  # "cnn" (explicit backward) or "resnet20" (the tape)
    size: int
    classes: int = 10

    def config(self) -> dict:
        if self.model == "cnn":
            return small_cnn_config(1, self.size, self.classes)
        return {"model": self.model, "in_channels": 1, "size": self.size, "classes": self.classes}

    @property
    def tape(self) -> bool:
        return self.model != "cnn"


NETWORKS = (
    Network("cnn-digits", "cnn", 8),  # convgrad train's default: the 8x8 digits
    Network("cnn-28", "cnn", 28),  # MNIST's size: a third stage
    Network("resnet20-28", "resnet20", 28),
)


@dataclass(frozen=True)
class Variant:
    """A build of convgrad to time: ``setup()`` is a context manager it runs inside."""

    name: str
    setup: Callable[[], contextlib.AbstractContextManager[Any]]


VARIANTS: list[Variant] = [Variant("convgrad", lambda: accel.accelerator("numpy"))]
#: The ``[fast]`` build's column, added when numba's or OpenVINO's kernels can run here
#: (:func:`variants`): each accelerator that is installed.
FAST = Variant("convgrad[fast]", lambda: accel.accelerator(None))


def variants() -> list[Variant]:
    """:data:`VARIANTS`, and :data:`FAST` after them when numba or OpenVINO works in this
    process and ``CONVGRAD_ACCEL`` does not ask for NumPy: pure NumPy and ``[fast]`` side by
    side."""
    if not accel.fast_available():
        return list(VARIANTS)
    return [*VARIANTS, FAST]


class DisagreementError(AssertionError):
    """convgrad's training step differs from PyTorch's: no time is reported for it."""


def select(names: list[str] | None) -> list[Network]:
    """The networks named (exact names), or all of them; ValueError naming the unknown ones."""
    if not names:
        return list(NETWORKS)
    known = {n.name: n for n in NETWORKS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(
            f"--network: no network {', '.join(map(repr, unknown))}; the networks are "
            f"{', '.join(known)}"
        )
    return [known[n] for n in dict.fromkeys(names)]


def make_batches(network: Network, count: int, seed: int = 0) -> list[tuple[np.ndarray, ...]]:
    """``count`` batches ``(x (32, 1, size, size) float32, y (32,) int64)``, the same for all."""
    rng = np.random.default_rng(seed)
    shape = (BATCH, 1, network.size, network.size)
    return [
        (rng.standard_normal(shape, dtype=np.float32), rng.integers(0, network.classes, BATCH))
        for _ in range(count)
    ]


class _Convgrad:
    """convgrad's side: the model from the network's config, a fresh Adam per run."""

    def __init__(
        self, network: Network, dtype: Any = np.float32, initial: dict | None = None
    ) -> None:
        self.network = network
        self.model = build_model(network.config(), dtype=dtype)
        if initial is not None:
            self.model.load_state_dict(initial)
        self.initial = self.model.state_dict()
        self.loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)

    def restart(self) -> None:
        self.model.load_state_dict(self.initial)
        self.model.train()
        self.opt: Any = optim.Adam(self.model.parameters(), lr=3e-3)

    def step(self, x: np.ndarray, y: np.ndarray) -> float:
        return train_step(self.model, self.loss_fn, self.opt, x, y, self.network.tape)[1]

    def grads(self, x: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
        """The loss and the parameters' gradients of one step, without the update."""
        self.restart()
        self.model.zero_grad()
        self.opt = _NoStep()
        loss = self.step(x, y)
        grads = {}
        for key, p in self.model.named_parameters():
            assert p.grad is not None, key
            grads[key] = p.grad
        return loss, grads


class _NoStep:
    """An optimiser that does nothing, so that a step leaves its gradients to be read."""

    def zero_grad(self) -> None:
        pass

    def step(self) -> None:
        pass


class _Torch:
    """PyTorch's side: the twin, loaded with convgrad's initial weights."""

    def __init__(
        self, torch: Any, network: Network, initial: dict[str, np.ndarray], double: bool = False
    ) -> None:
        self.torch = torch
        self.model = torch_model(network.config())
        if double:
            self.model = self.model.double()
        self.initial = {k: torch.from_numpy(np.array(v)) for k, v in initial.items()}
        self.loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)

    def restart(self) -> None:
        self.model.load_state_dict(self.initial)
        self.model.train()
        self.opt = self.torch.optim.Adam(self.model.parameters(), lr=3e-3)

    def step(self, x: np.ndarray, y: np.ndarray) -> float:
        self.opt.zero_grad()
        loss = self.loss_fn(self.model(self.torch.from_numpy(x)), self.torch.from_numpy(y))
        loss.backward()
        self.opt.step()
        return float(loss.detach())

    def grads(self, x: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
        self.restart()
        self.opt.zero_grad()
        loss = self.loss_fn(self.model(self.torch.from_numpy(x)), self.torch.from_numpy(y))
        loss.backward()
        return float(loss.detach()), {k: p.grad.numpy() for k, p in self.model.named_parameters()}


def check_agreement(
    torch: Any, network: Network, initial: dict[str, np.ndarray], batch: tuple[np.ndarray, ...]
) -> float:
    """The largest disagreement of one float64 step's loss (relative to the loss) and gradients
    (relative to the model's largest gradient: a convolution's bias before a batch norm has a
    gradient that is zero but for rounding) from the same weights and batch; DisagreementError
    if it is over :data:`AGREEMENT`.

    In float64, because float32 rounding through the ResNet-20's 19 batch norms reaches 3.8e-3
    of the largest gradient (before and after the fast paths alike), where float64 agrees to
    1e-14 (``python benchmarks/train_agreement.py``).
    """
    x, y = batch
    ours = _Convgrad(network, np.float64, initial)
    theirs = _Torch(torch, network, ours.initial, double=True)
    loss, grads = ours.grads(x.astype(np.float64), y)
    their_loss, their_grads = theirs.grads(x.astype(np.float64), y)
    worst = abs(loss - their_loss) / max(abs(their_loss), 1e-30)
    where = "the loss"
    scale = max(max(float(np.max(np.abs(g))) for g in their_grads.values()), 1e-30)
    for key, g in their_grads.items():
        error = float(np.max(np.abs(grads[key].astype(np.float64) - g))) / scale
        if error > worst:
            worst, where = error, f"the gradient of {key}"
    if not worst <= AGREEMENT:
        raise DisagreementError(
            f"{network.name}: convgrad's training step differs from PyTorch's in {where} by "
            f"{worst:.2e} "
            f"of its scale (allowed {AGREEMENT:.0e})"
        )
    return worst


def _timed_run(contender: Any, batches: list[tuple[np.ndarray, ...]]) -> float:
    """Rest, one untimed step, then the timed run from the initial weights: seconds."""
    time.sleep(bench.PAUSE)
    contender.restart()
    contender.step(*batches[0])  # wakes this library's threads, as in a training loop
    contender.restart()
    start = time.perf_counter()
    for x, y in batches:
        contender.step(x, y)
    return time.perf_counter() - start


@contextlib.contextmanager
def _torch_threads(torch: Any, count: int) -> Iterator[None]:
    """PyTorch on ``count`` threads inside the block (numba may have changed it meanwhile)."""
    torch.set_num_threads(count)
    yield


def run_network(
    network: Network,
    batches: int,
    repeat: int,
    torch: Any = None,
    contenders_: list[Variant] | None = None,
) -> dict[str, Any]:
    """Check, then time ``repeat`` alternating rounds of every variant (``contenders_``, else
    :func:`variants`) and PyTorch."""
    chosen = variants() if contenders_ is None else contenders_
    # numba's OpenMP threading layer, once started, sets the process's OpenMP thread count, which
    # is PyTorch's too (convgrad's kernels no longer start it, but a user's numba code may):
    # PyTorch's count is set again before each of its runs
    torch_threads = 0 if torch is None else int(torch.get_num_threads())
    data = make_batches(network, batches)
    contenders: dict[str, Any] = {}
    setups: dict[str, Callable[[], contextlib.AbstractContextManager[Any]]] = {}
    initial = None
    for variant in chosen:  # the same weights for all
        with variant.setup():
            contenders[variant.name] = _Convgrad(network, initial=initial)
        initial = contenders[variant.name].initial
        setups[variant.name] = variant.setup
    errors = {}
    if torch is not None:
        assert initial is not None
        for variant in chosen:
            with variant.setup():
                errors[variant.name] = check_agreement(torch, network, initial, data[0])
        contenders["torch"] = _Torch(torch, network, initial)
        setups["torch"] = lambda: _torch_threads(torch, torch_threads)
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for round_ in range(repeat + 1):  # round 0 is the warm-up
        for name, contender in contenders.items():
            with setups[name]():
                seconds = _timed_run(contender, data)
            if round_:
                times[name].append(seconds)
    ms = {name: statistics.median(t) * 1e3 for name, t in times.items()}
    torch_ms = ms.pop("torch", None)
    return dict(
        name=network.name,
        model=network.model,
        image_size=network.size,
        batch_size=BATCH,
        batches=batches,
        convgrad_ms=ms,
        torch_ms=torch_ms,
        ratio=None if torch_ms is None else {k: v / torch_ms for k, v in ms.items()},
        max_error=errors,
    )


def format_table(rows: list[dict[str, Any]], chosen: list[Variant] | None = None) -> str:
    """One line per network: batches, then each variant's ms and ratio, then PyTorch's ms."""
    names = [v.name for v in (VARIANTS if chosen is None else chosen)]
    head = ["network", "batches"]
    for name in names:
        head += [f"{name} ms", "ratio"]
    head += ["torch ms", "ms/step"]
    widths = [12, 7] + [w for name in names for w in (max(len(name) + 3, 9), 6)] + [9, 8]
    lines = [bench._row(head, widths)]
    for r in rows:
        cells = [r["name"], str(r["batches"])]
        for name in names:
            ratio = "" if r["ratio"] is None else f"{r['ratio'][name]:.2f}"
            cells += [f"{r['convgrad_ms'][name]:.1f}", ratio]
        torch_ms = "" if r["torch_ms"] is None else f"{r['torch_ms']:.1f}"
        cells += [torch_ms, f"{r['convgrad_ms'][names[0]] / r['batches']:.2f}"]
        lines.append(bench._row(cells, widths))
    return "\n".join(lines)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    with np.errstate(all="ignore"):
        yield


def run(
    networks: list[Network],
    batches: int,
    repeat: int,
    threads: int,
    torch: Any = None,
    echo: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run the networks; print the table as it goes; return everything as a JSON-ready dict."""
    if torch is not None:
        torch.set_num_threads(threads)
    with bench.thread_limit(threads) as blas_threads, _quiet():
        echo(
            f"training steps: batch {BATCH}, Adam, {batches} batches per run, median of {repeat} "
            f"alternating runs; NumPy BLAS threads: {blas_threads}; PyTorch: "
            + (
                f"{torch.__version__}, {torch.get_num_threads()} threads"
                if torch
                else "absent (convgrad's own figures only)"
            )
        )
        chosen = variants()
        echo(format_table([], chosen))
        rows = []
        for network in networks:
            rows.append(run_network(network, batches, repeat, torch, chosen))
            echo(format_table(rows[-1:], chosen).splitlines()[1])
    return dict(
        date=datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        machine=bench._machine(),
        torch=None if torch is None else torch.__version__,
        threads=threads,
        blas_threads=blas_threads,
        repeat=repeat,
        batches=batches,
        variants=[v.name for v in chosen],
        networks=rows,
    )
