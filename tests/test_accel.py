"""The accelerator switch (:mod:`convgrad.kernels.accel`), with or without numba installed.

numba's absence and failure are simulated by the switch's state, so these run everywhere; the
numba kernels themselves are tested in ``test_taps_numba.py``.
"""

import subprocess
import sys
import warnings

import numpy as np
import pytest

from convgrad import convolution, reference
from convgrad.kernels import accel

X, W = np.arange(2 * 4 * 6 * 6.0).reshape(2, 4, 6, 6) / 50, np.linspace(-1, 1, 2 * 4 * 9)
W = W.reshape(8, 1, 3, 3)  # depthwise with 2 outputs per group
KW = dict(padding=1, groups=4)


def _state(failed):
    return {"module": None, "failed": failed, "warned": False, "compiled": set()}


@pytest.fixture
def without_numba(monkeypatch):
    """As in a process where ``import numba`` raised ModuleNotFoundError."""
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    monkeypatch.setattr(accel, "_state", _state("absent"))


def _expected():
    return reference.conv2d(X, W, **KW)


def test_absent_numba_is_silent_by_default_and_numpy_runs(without_numba):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = convolution.conv2d(X, W, **KW)
    np.testing.assert_allclose(y, _expected(), rtol=1e-12, atol=1e-12)
    assert accel.active() == "numpy"
    assert convolution.chosen_strategy((2, 8, 6, 6), (8, 2, 3, 3), padding=1, groups=4) == "im2col"


@pytest.mark.parametrize("how", ["context", "environment"])
def test_absent_numba_asked_for_is_said_once(without_numba, monkeypatch, how):
    if how == "environment":
        monkeypatch.setenv("CONVGRAD_ACCEL", "numba")
    with accel.accelerator("numba" if how == "context" else None):
        with pytest.warns(RuntimeWarning, match="numba was asked for but is not ins") as seen:
            ys = [convolution.conv2d(X, W, **KW) for _ in range(3)]
    assert len(seen) == 1
    for y in ys:
        np.testing.assert_allclose(y, _expected(), rtol=1e-12, atol=1e-12)


def test_numba_failing_at_import_is_said_once(monkeypatch):
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    monkeypatch.setattr(accel, "_state", _state("failed: ImportError: planted"))
    with pytest.warns(RuntimeWarning, match="numba failed: ImportError: planted; using") as seen:
        y = convolution.conv2d(X, W, **KW)
        convolution.conv2d(X, W, **KW)
    assert len(seen) == 1
    np.testing.assert_allclose(y, _expected(), rtol=1e-12, atol=1e-12)


def test_numpy_asked_for_never_loads_numba(monkeypatch):
    monkeypatch.setattr(accel, "_state", _state(False))
    monkeypatch.setenv("CONVGRAD_ACCEL", "numpy")
    y = convolution.conv2d(X, W, **KW)
    assert accel._state["module"] is None and accel._state["failed"] is False
    np.testing.assert_allclose(y, _expected(), rtol=1e-12, atol=1e-12)
    assert accel.active() == "numpy"


def test_bad_names_are_errors_naming_the_argument(monkeypatch):
    with pytest.raises(ValueError, match="accelerator must be one of .* got 'cuda'"):
        with accel.accelerator("cuda"):
            pass
    monkeypatch.setenv("CONVGRAD_ACCEL", "fastest")
    with pytest.raises(ValueError, match="CONVGRAD_ACCEL must be one of .* got 'fastest'"):
        convolution.conv2d(X, W, **KW)
    with accel.accelerator("numpy"):  # the block's choice comes first
        convolution.conv2d(X, W, **KW)


def test_import_convgrad_does_not_import_numba():
    code = "import sys, convgrad; convgrad.conv2d; print('numba' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("error", "said"),
    [(ModuleNotFoundError("No module named 'openvino'", name="openvino"), False),
     (ImportError("libopenvino.so: cannot open shared object file"), True),
     (RuntimeError("Exception from src/inference: no CPU plugin"), True)],
)  # fmt: skip
def test_openvino_absent_is_silent_and_broken_is_said_once(monkeypatch, error, said):
    """OpenVINO (``convgrad[fast]``) merely absent says nothing; present but failing to load
    says so once; either way a float32 layer it would take runs on NumPy and is right."""
    from convgrad.kernels import conv_openvino

    monkeypatch.delenv("CONVGRAD_OPENVINO", raising=False)
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    monkeypatch.setattr(accel, "_openvino", {"module": None, "failed": False, "warned": False})

    def fail():
        raise error

    monkeypatch.setattr(conv_openvino, "runtime", fail)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((32, 16, 28, 28)).astype(np.float32)  # ResNet-20's first stage
    w = rng.standard_normal((16, 16, 3, 3)).astype(np.float32)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y = convolution.conv2d(x, w, padding=1)
        convolution.conv2d(x, w, padding=1)
    messages = [str(c.message) for c in caught if c.category is RuntimeWarning]
    assert len(messages) == (1 if said else 0), messages
    assert all("OpenVINO" in m and "using NumPy" in m for m in messages)
    assert accel.openvino_kernels() is None
    expected = reference.conv2d(x[:2].astype(np.float64), w.astype(np.float64), padding=1)
    np.testing.assert_allclose(y[:2], expected, rtol=0, atol=1e-5 * np.abs(expected).max())
