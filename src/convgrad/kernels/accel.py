"""The optional accelerator: which backend runs the kernels that have a compiled twin.

``pip install "convgrad[fast]"`` adds numba; the kernels compiled with it then run where they
measured faster than NumPy's: grouped and depthwise convolutions
(:mod:`convgrad.kernels.taps_numba`; the choice is :func:`convgrad.convolution._automatic`'s),
Winograd's transforms for 3x3 layers (:mod:`convgrad.kernels.winograd_numba`; the choice is
:func:`convgrad.convolution._winograd_pays`'s), training-mode batch norm
(:mod:`convgrad.kernels.norm_numba`) and the forward of max pooling over 2x2 blocks
(:mod:`convgrad.kernels.pool_numba`), all for float32 and float64 arrays. It adds OpenVINO too,
whose CPU plugin runs float32 convolutions with oneDNN's compiled kernels (groups of one, and
small depthwise layers' forward and ``dx``: :mod:`convgrad.kernels.conv_openvino`; the choice is
:func:`convgrad.convolution._openvino_pays`'s).
The pure-NumPy kernels stay: they are what runs without either, and the oracle every compiled
kernel is tested against.

The backend is, in order: the one :func:`accelerator` sets for a block, else the environment
variable ``CONVGRAD_ACCEL`` (``numpy`` or ``numba``; unset or empty means numba when it works),
read when a kernel first asks. ``numpy`` turns OpenVINO off too; the other name runs both
accelerators, each where it is installed (``CONVGRAD_OPENVINO=0`` keeps OpenVINO off alone).
Nothing breaks without them: asked for and absent, or present and failing (an import or a
compilation error), it is said once, as a ``RuntimeWarning``, and NumPy runs. An accelerator
merely absent, and not asked for, is said nowhere: that is the default install.

Compiled kernels are cached on disk (``cache=True``): the first process compiles them (about 7 s
per dtype on the development machine), the next ones load them (about 0.3 s, most of it numba's
own start). A command-line run that waits more than :data:`NOTICE_AFTER` seconds for them says
so on stderr (:func:`announce_compiles`).

Threads: the kernels share their jobs (planes, channels) among convgrad's own threads
(:func:`convgrad.kernels.parallel.over_jobs`), with the BLAS held to one thread meanwhile; none
uses numba's own (OpenMP) threads, which fought the BLAS's spinning workers
(:mod:`convgrad.kernels.taps_numba` has the measurements). Calls from several Python threads at
once take turns.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any, TextIO, TypeVar

from .. import _args

BACKENDS = ("numpy", "numba")
NOTICE_AFTER = 2.0  # seconds: a longer wait is a compilation (3 to 10 s; a cache load 0.1 to 0.8)

R = TypeVar("R")

_FORCED: contextvars.ContextVar[str | None] = contextvars.ContextVar("convgrad_accel", default=None)
_state: dict[str, Any] = {
    "module": None, "norm": None, "pool": None, "winograd": None, "pointwise": None, "optim": None,
    "failed": False, "warned": False, "compiled": set(),
}  # fmt: skip
_openvino: dict[str, Any] = {"module": None, "failed": False, "warned": False}
_lock = threading.Lock()  # one numba call at a time, and one import
_announce: TextIO | None = None


@contextlib.contextmanager
def accelerator(name: str | None) -> Iterator[None]:
    """Run the kernels that have a compiled twin on ``name`` (``"numpy"`` or ``"numba"``)
    inside the block; ``None`` restores the default (``CONVGRAD_ACCEL``, else numba when it
    works).

    >>> import numpy as np, convgrad
    >>> with accelerator("numpy"):
    ...     convgrad.conv2d(np.ones((1, 2, 4, 4)), np.ones((2, 1, 3, 3)), groups=2).shape
    (1, 2, 2, 2)
    """
    if name is not None and name not in BACKENDS:
        raise ValueError(f"accelerator must be one of {BACKENDS} or None; got {name!r:.40}")
    token = _FORCED.set(name)
    try:
        yield
    finally:
        _FORCED.reset(token)


def requested() -> str | None:
    """The backend asked for (by :func:`accelerator`, else ``CONVGRAD_ACCEL``), or ``None``."""
    forced = _FORCED.get()
    if forced is not None:
        return forced
    text = os.environ.get("CONVGRAD_ACCEL", "").strip()
    if not text:
        return None
    if text not in BACKENDS:
        raise ValueError(
            f"CONVGRAD_ACCEL must be one of {BACKENDS} (or unset, for numba when it works); "
            f"got {text!r:.40}"
        )
    return text


def _say_once(message: str, state: dict[str, Any] | None = None) -> None:
    state = _state if state is None else state
    if not state["warned"]:
        state["warned"] = True
        warnings.warn(f"convgrad: {message}; using NumPy", RuntimeWarning, stacklevel=4)


def _load() -> ModuleType | None:
    """The numba kernels' module, imported once; ``None`` when numba is absent or fails."""
    if _state["module"] is None and not _state["failed"]:
        with _lock:
            if _state["module"] is None and not _state["failed"]:
                try:
                    from . import (
                        norm_numba,
                        optim_numba,
                        pointwise_numba,
                        pool_numba,
                        taps_numba,
                        winograd_numba,
                    )
                except ModuleNotFoundError as err:
                    _state["failed"] = "absent" if err.name == "numba" else f"failed: {err}"
                except Exception as err:  # numba present but broken: any import error
                    _state["failed"] = f"failed: {type(err).__name__}: {err}"
                else:
                    _state["module"], _state["norm"] = taps_numba, norm_numba
                    _state["pool"], _state["winograd"] = pool_numba, winograd_numba
                    _state["pointwise"], _state["optim"] = pointwise_numba, optim_numba
    return _state["module"]


def available() -> str | None:
    """numba's version when its kernels can run in this process (loading them, silently), else
    ``None``; :func:`status` says why not."""
    if _load() is None:
        return None
    import numba

    return str(numba.__version__)


def status() -> str:
    """A few words on numba here: its version, or that it is absent or failed."""
    version = available()
    if version is not None:
        return f"numba {version}"
    return "numba absent" if _state["failed"] == "absent" else f"numba {_state['failed']}"


def numba_kernels(kind: str = "taps") -> ModuleType | None:
    """The compiled kernels' module when they should run now, else ``None`` (NumPy runs):
    ``"taps"`` (:mod:`convgrad.kernels.taps_numba`), ``"norm"`` (batch norm,
    :mod:`convgrad.kernels.norm_numba`), ``"pool"`` (max pooling over 2x2 blocks,
    :mod:`convgrad.kernels.pool_numba`), ``"winograd"`` (Winograd's transforms,
    :mod:`convgrad.kernels.winograd_numba`), ``"pointwise"`` (the piecewise-linear
    activations, :mod:`convgrad.kernels.pointwise_numba`) or ``"optim"`` (Adam's update,
    :mod:`convgrad.kernels.optim_numba`)."""
    wanted = requested()
    if wanted == "numpy":
        return None
    module = _load()
    if module is None:
        reason = _state["failed"]
        if reason != "absent":
            _say_once(f"numba {reason}")
        elif wanted == "numba":
            _say_once('numba was asked for but is not installed (pip install "convgrad[fast]")')
    if module is None:
        return None
    return module if kind == "taps" else _state.get(kind)


def active() -> str:
    """The backend the compiled kernels' twins run on now: ``"numba"`` or ``"numpy"``."""
    return "numpy" if numba_kernels() is None else "numba"


def run(name: str, kernel: Callable[..., R], *args: object) -> R | None:
    """``kernel(*args)``, a numba kernel's caller; ``None`` if numba fails (said once; NumPy runs
    from then on, and the caller computes this result with it).

    ``name`` and the arguments' dtype name the compilation, for the notice on stderr.
    """
    module = _state["module"]
    assert module is not None, "numba_kernels() first"
    import numba

    timer = key = None
    if _announce is not None:  # the command line says a first compile (the key: 4 us a call)
        # numba compiles once per dtype, and again for read-only arrays (a separate type to it)
        read_only = tuple(not a.flags.writeable for a in args if hasattr(a, "flags"))
        key = (name, *(str(getattr(a, "dtype", "")) for a in args[:1]), read_only)
    if key is not None and key not in _state["compiled"]:
        stream = _announce
        line = f"convgrad: compiling the numba kernel {name} ({key[1]}; once, cached afterwards)"

        def notice() -> None:
            with contextlib.suppress(ValueError, OSError):  # a stream closed meanwhile
                print(line, file=stream, flush=True)

        timer = threading.Timer(NOTICE_AFTER, notice)
        timer.daemon = True
        timer.start()
    try:
        with _lock:
            result = kernel(*args)
    except numba.core.errors.NumbaError as err:
        _state["failed"], _state["module"] = f"failed: {type(err).__name__}", None
        _state["norm"] = _state["pool"] = _state["winograd"] = _state["pointwise"] = None
        _state["optim"] = None
        _say_once(f"numba could not compile {name} ({' '.join(str(err).split())[:200]})")
        return None
    finally:
        if timer is not None:
            timer.cancel()
    if key is not None:
        _state["compiled"].add(key)
    return result


def _load_openvino() -> ModuleType | None:
    """OpenVINO's convolutions' module, imported once; ``None`` when OpenVINO is absent or
    fails (said once, unless merely absent)."""
    state = _openvino
    if state["module"] is None and not state["failed"]:
        with _lock:
            if state["module"] is None and not state["failed"]:
                from . import conv_openvino

                try:
                    conv_openvino.runtime()
                except ModuleNotFoundError as err:
                    absent = err.name is not None and err.name.split(".")[0] == "openvino"
                    state["failed"] = "absent" if absent else f"failed: {err}"
                except Exception as err:  # present but broken: any import error
                    state["failed"] = f"failed: {type(err).__name__}: {err}"
                else:
                    state["module"] = conv_openvino
    if state["failed"] and state["failed"] != "absent":
        _say_once(f"OpenVINO {state['failed']}", state)
    return state["module"]


def openvino_wanted() -> bool:
    """``CONVGRAD_OPENVINO``: unset, ``1`` (``on``, ``yes``, ``true``) lets OpenVINO run where
    installed; ``0`` (``off``, ``no``, ``false``) keeps it off; anything else is a
    ``ValueError``."""
    wanted = _args.env_switch("CONVGRAD_OPENVINO")
    if wanted is None:
        text = os.environ["CONVGRAD_OPENVINO"]
        raise ValueError(f"CONVGRAD_OPENVINO must be 0 or 1 (or unset); got {text!r:.40}")
    return wanted


def openvino_kernels() -> ModuleType | None:
    """OpenVINO's convolutions (:mod:`convgrad.kernels.conv_openvino`) when they should run
    now, else ``None``: not with the ``numpy`` backend, nor with ``CONVGRAD_OPENVINO=0``."""
    if requested() == "numpy" or not openvino_wanted():
        return None
    return _load_openvino()


def openvino_status() -> str:
    """A few words on OpenVINO here: its version, or that it is absent, failed or off."""
    if not openvino_wanted():
        return "OpenVINO off (CONVGRAD_OPENVINO)"
    module = _load_openvino()
    if module is not None:
        return f"OpenVINO {module.version()}"
    return f"OpenVINO {_openvino['failed']}"


def fast_available() -> bool:
    """Whether any of ``convgrad[fast]``'s accelerators (numba, OpenVINO) can run here now."""
    if requested() == "numpy":
        return False
    return available() is not None or openvino_kernels() is not None


def fast_status() -> str:
    """A few words on ``convgrad[fast]``'s accelerators here: numba's and OpenVINO's."""
    return f"{status()}, {openvino_status()}"


def run_openvino(name: str, kernel: Callable[..., R], *args: object) -> R | None:
    """``kernel(*args)``, an OpenVINO kernel; ``None`` if OpenVINO fails (said once; it is off
    from then on, and the caller computes this result with NumPy)."""
    try:
        return kernel(*args)
    except RuntimeError as err:  # OpenVINO's errors: a model it cannot compile or run
        _openvino["module"], _openvino["failed"] = None, f"failed in {name}"
        _say_once(f"OpenVINO failed in {name} ({' '.join(str(err).split())[:200]})", _openvino)
        return None


def announce_compiles(stream: TextIO | None = sys.stderr) -> None:
    """Say on ``stream`` (``None``: nowhere) when a kernel waits for its compilation."""
    global _announce
    _announce = stream
