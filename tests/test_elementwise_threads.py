"""Batch norm, ReLU and max pooling split over the threads (``parallel.over_parts``) give the
same bits as on one thread, NaN and infinities included, and leave their inputs unchanged; and
glibc's freed memory is kept only once an optimiser asks, and never with
``CONVGRAD_KEEP_MEMORY=0``."""

import subprocess
import sys
import textwrap
import warnings

import numpy as np
import pytest

from convgrad import activations, normalization, pooling
from convgrad.kernels import accel, parallel


def _poisoned(rng, shape, poison):
    a = rng.standard_normal(shape)
    if poison is not None:
        a.flat[rng.integers(0, a.size, 3)] = poison
    return a


def _both(monkeypatch, f, threads=3):
    """``f()`` on one thread, then split over ``threads`` threads from the first element."""
    with parallel.limit(1):
        one = f()
    monkeypatch.setattr(parallel, "SPLIT_ELEMENTS", 0)
    with parallel.limit(threads):
        split = f()
    return one, split


def _same(one, split):
    for a, b in zip(one, split, strict=True):
        if a is None or b is None:
            assert a is None and b is None
            continue
        assert a.dtype == b.dtype and a.shape == b.shape
        np.testing.assert_array_equal(a, b)


def _batch_norm_inputs(seed, shape, poison, dtype):
    """``x``, ``dy`` (with ``poison`` planted in each) and a weight and bias for 7 channels."""
    rng = np.random.default_rng(seed)
    x = _poisoned(rng, shape, poison).astype(dtype)
    dy = _poisoned(rng, x.shape, poison).astype(dtype)
    return x, dy, rng.standard_normal(7).astype(dtype), rng.standard_normal(7).astype(dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("poison", [None, np.nan, np.inf])
@pytest.mark.parametrize("shape", [(5, 7, 6, 4), (64, 7)])  # (N, C): the columns' sums
def test_batch_norm_split_over_channels_gives_the_same_bits(monkeypatch, dtype, poison, shape):
    x, dy, w, b = inputs = _batch_norm_inputs(0, shape, poison, dtype)
    copies = [a.copy() for a in inputs]

    def run():
        y, saved = normalization.batch_norm_saving(x, w, b)
        grads = normalization.batch_norm_backward_saved(dy, saved, w)
        return (y, *saved, *grads)

    with accel.accelerator("numpy"):  # NumPy's shares (numba's kernels: test_norm_numba.py)
        _same(*_both(monkeypatch, run))
    for a, c in zip(inputs, copies):
        np.testing.assert_array_equal(a, c)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("poison", [None, np.nan, np.inf])
@pytest.mark.parametrize("shape", [(5, 7, 6, 4), (3, 7, 2, 2), (64, 7)])
def test_batch_norm_with_its_relu_split_over_channels_gives_the_bits_apart(
    monkeypatch, dtype, poison, shape
):
    """NumPy's path: the ReLU in place on each share of ``y`` (rows of a share's channels of an
    image: 3 x 24 numbers, or too few for rows of zeros), its backward into ``dx``'s share."""
    x, dy, w, b = inputs = _batch_norm_inputs(3, shape, poison, dtype)
    copies = [a.copy() for a in inputs]

    def fused():
        y, saved = normalization.batch_norm_relu_saving(x, w, b)
        return (y, *saved, *normalization.batch_norm_relu_backward_saved(dy, y, saved, w))

    def apart():
        y, saved = normalization.batch_norm_saving(x, w, b)
        out = activations.relu(y)
        g = activations.relu_backward(dy, out)
        return (out, *saved, *normalization.batch_norm_backward_saved(g, saved, w))

    with accel.accelerator("numpy"), np.errstate(all="ignore"):
        one, split = _both(monkeypatch, fused)
        _same(one, split)
        _same(split, apart())
    for a, c in zip(inputs, copies):
        np.testing.assert_array_equal(a, c)


@pytest.mark.parametrize("poison", [None, np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("shape", [(6, 3, 4, 4), (5,), ()])
def test_relu_split_over_the_batch_gives_the_same_bits(monkeypatch, poison, shape):
    rng = np.random.default_rng(1)
    x = _poisoned(rng, shape, poison) if shape else np.float64(-0.5)
    dy = _poisoned(rng, shape, poison) if shape else np.float64(poison or 2.0)

    def run():
        return activations.relu(x), activations.relu_backward(dy, x)

    _same(*_both(monkeypatch, run))
    assert np.shape(run()[0]) == shape


@pytest.mark.parametrize("poison", [None, np.nan, np.inf])
@pytest.mark.parametrize("size", [8, 9])  # 9: a row and a column no block covers
def test_max_pooling_split_over_the_batch_gives_the_same_bits(monkeypatch, poison, size):
    rng = np.random.default_rng(2)
    x = _poisoned(rng, (7, 3, size, size), poison).astype(np.float32)
    dy = _poisoned(rng, (7, 3, 4, 4), poison).astype(np.float32)

    def run():
        y, saved = pooling.max_pool2d_saving(x, 2)
        return y, pooling.max_pool2d_backward_saved(dy, x, saved, 2)

    one, split = _both(monkeypatch, run)
    _same(one, split)


def test_split_work_keeps_the_callers_error_state(monkeypatch):
    """Overflow in a worker thread warns no more than on the caller's thread (ieee functions
    switch NumPy's warnings off, and the workers must too)."""
    monkeypatch.setattr(parallel, "SPLIT_ELEMENTS", 0)
    x = np.full((4, 2, 3, 3), 3e38, dtype=np.float32)
    with parallel.limit(2), warnings.catch_warnings():
        warnings.simplefilter("error")
        y, saved = normalization.batch_norm_saving(x * np.float32(1), np.full(2, 1e30, np.float32))
    assert y.shape == x.shape


def _keep(env):
    code = textwrap.dedent(
        """
        import convgrad._memory as m
        from convgrad import nn, optim
        print(m._state.get("kept"))
        optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1)
        print(m._state.get("kept"))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_freed_memory_is_kept_once_an_optimiser_is_made(monkeypatch):
    import os

    env = dict(os.environ)
    env.pop("CONVGRAD_KEEP_MEMORY", None)
    before, after = _keep(env)
    assert before == "None"
    assert after in ("True", "False")  # False where the C library is not glibc
    assert _keep(env | {"CONVGRAD_KEEP_MEMORY": "0"}) == ["None", "False"]
