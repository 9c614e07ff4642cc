"""The non-overlapping max-pooling fast path (convgrad._blockpool) against its twin, the general
path of convgrad.pooling, and against PyTorch, in float64.

Inputs are integer-valued so that windows hold ties (PyTorch's rule: the first maximum in the
window's row-major order wins), with -inf, +inf and NaN planted; sizes that the kernel does not
divide leave rows and columns that no window reads.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

from convgrad import _blockpool, _np, nn, pooling, reference
from convgrad.autograd import Tensor
from convgrad.kernels import accel
from convgrad.nn import functional

TIGHT = dict(rtol=1e-12, atol=1e-12)
# NumPy's blocks, and numba's (convgrad.kernels.pool_numba) where it is installed
BACKENDS = ["numpy", "numba"] if accel.available() else ["numpy"]


@st.composite
def block_configs(draw, special=True):
    """``(x, kernel, ceil_mode)``: a float64 ``(N, C, H, W)`` input, possibly non-contiguous,
    and a kernel whose non-overlapping windows fit inside it."""
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    n, c = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h = draw(st.integers(kernel[0], 3 * kernel[0] + 2))
    w = draw(st.integers(kernel[1], 3 * kernel[1] + 2))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.integers(-2, 3, (n, c, h, w)).astype(np.float64)  # small integers: ties
    if special and draw(st.booleans()):
        for value in draw(st.lists(st.sampled_from([-np.inf, np.inf, np.nan]), max_size=3)):
            x[tuple(rng.integers(0, s) for s in x.shape)] = value
    if draw(st.booleans()):  # non-contiguous: a transposed copy, read back as (N, C, H, W)
        x = np.ascontiguousarray(x.transpose(0, 1, 3, 2)).transpose(0, 1, 3, 2)
    return x, kernel


@st.composite
def two_by_two(draw):
    """``(x, (2, 2))``: block_configs' inputs for the most common pooling, whose forward numba
    compiles (convgrad.kernels.pool_numba)."""
    x, _ = draw(block_configs())
    shape = (*x.shape[:2], max(2, x.shape[2]), max(2, x.shape[3]))
    return np.resize(x, shape), (2, 2)


def _last(a):
    """``a`` laid out channels last, read back as ``(N, C, H, W)``."""
    return np.ascontiguousarray(a.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)


def _spec(x, kernel):
    return pooling.pool_spec("test", x, kernel, None, 0, 1, False)


@pytest.mark.parametrize("backend", BACKENDS)
@given(cfg=st.one_of(block_configs(), two_by_two()), poison_dy=st.booleans())
def test_block_taps_match_the_general_path(cfg, poison_dy, backend):
    """NumPy's blocks give no taps where a block holds a NaN (the general path then picks the
    last NaN); numba's (2x2 blocks) pick it themselves. A NaN or infinity in dy reaches its
    winner only."""
    x, kernel = cfg
    spec = _spec(x, kernel)
    assert _blockpool.applies(spec)
    x0 = x.copy()
    with accel.accelerator(backend):
        y_fast, tap_fast = _blockpool.max_taps(x, spec)
        y_eval = _blockpool.max_forward(x, spec)
    y_ref, tap_ref = pooling._max_taps(x, spec)
    np.testing.assert_array_equal(y_fast, y_ref)  # NaN where NaN
    np.testing.assert_array_equal(y_eval, y_ref)
    np.testing.assert_array_equal(x, x0)
    numba_taps = backend == "numba" and kernel == (2, 2)
    if not numba_taps and np.isnan(y_ref).any():
        assert tap_fast is None  # the general path picks the last NaN
        return
    # infinities of both signs are no NaN: the taps are found
    assert tap_fast is not None
    np.testing.assert_array_equal(tap_fast, tap_ref)
    dy = np.random.default_rng(0).standard_normal(y_ref.shape)
    if poison_dy:
        flat = dy.reshape(-1)  # a view: dy is new
        for k, value in enumerate((np.nan, np.inf, -np.inf)):
            flat[(7 * k) % flat.size] = value
    with accel.accelerator(backend):
        dx_fast = _blockpool.max_backward(dy, tap_fast, x.shape, spec)
    dx_ref = pooling._scatter_winners(dy, x.shape, tap_ref, spec)
    np.testing.assert_array_equal(dx_fast, dx_ref)


@given(block_configs())
def test_block_taps_chunk_by_chunk_match_the_general_path(cfg):
    """One image per chunk of the taps-first copy: a NaN in one chunk still leaves every
    chunk's maxima in y, and the taps of the others are not trusted."""
    x, kernel = cfg
    spec = _spec(x, kernel)
    before, _blockpool.CHUNK_BYTES = _blockpool.CHUNK_BYTES, 1
    try:
        with accel.accelerator("numpy"):  # numba's kernel copies no chunks
            y_fast, tap_fast = _blockpool.max_taps(x, spec)
    finally:
        _blockpool.CHUNK_BYTES = before
    y_ref, tap_ref = pooling._max_taps(x, spec)
    np.testing.assert_array_equal(y_fast, y_ref)
    if np.isnan(y_ref).any():
        assert tap_fast is None
    else:
        np.testing.assert_array_equal(tap_fast, tap_ref)


@pytest.mark.parametrize("backend", BACKENDS)
@given(cfg=st.one_of(block_configs(), two_by_two()), batched=st.booleans(),
       planted_dy=st.sampled_from([None, np.nan, np.inf]))  # fmt: skip
def test_max_pool2d_matches_torch(cfg, batched, planted_dy, backend):
    with accel.accelerator(backend):
        _matches_torch(cfg, batched, planted_dy)


def _matches_torch(cfg, batched, planted_dy):
    x, kernel = cfg
    x = x if batched else x[0]
    rng = np.random.default_rng(1)
    tx = torch.tensor(x, requires_grad=True)
    ty, tidx = F.max_pool2d(tx, kernel, return_indices=True)
    dy = rng.standard_normal(ty.shape)
    if planted_dy is not None:
        dy.flat[rng.integers(0, dy.size)] = planted_dy
    ty.backward(torch.tensor(dy))
    expected_y, expected_dx = ty.detach().numpy(), tx.grad.numpy()
    np.testing.assert_allclose(pooling.max_pool2d(x, kernel), expected_y, **TIGHT)
    y, idx = pooling.max_pool2d(x, kernel, return_indices=True)
    np.testing.assert_array_equal(idx, tidx.numpy())
    np.testing.assert_allclose(pooling.max_pool2d_backward(dy, x, kernel), expected_dx, **TIGHT)
    y, saved = pooling.max_pool2d_saving(x, kernel)
    np.testing.assert_allclose(y, expected_y, **TIGHT)
    dx = pooling.max_pool2d_backward_saved(dy, x, saved, kernel)
    np.testing.assert_allclose(dx, expected_dx, **TIGHT)


@given(block_configs(special=False))
def test_layer_and_tape_match_torch(cfg):
    x, kernel = cfg
    dy = np.random.default_rng(2).standard_normal(pooling.max_pool2d(x, kernel).shape)
    tx = torch.tensor(x, requires_grad=True)
    ty = torch.nn.MaxPool2d(kernel)(tx)
    ty.backward(torch.tensor(dy))
    layer = nn.MaxPool2d(kernel)
    np.testing.assert_allclose(layer(x), ty.detach().numpy(), **TIGHT)
    np.testing.assert_allclose(layer.backward(dy), tx.grad.numpy(), **TIGHT)
    t = Tensor(x, requires_grad=True)
    functional.max_pool2d(t, kernel).backward(dy)
    np.testing.assert_allclose(t.grad, tx.grad.numpy(), **TIGHT)


def test_ties_after_relu_go_to_the_first_pixel():
    x = np.zeros((1, 1, 2, 4))
    x[0, 0, 1, 3] = 1.0  # window 0: all zeros (tie), window 1: the last pixel wins
    y, saved = pooling.max_pool2d_saving(x, 2)
    dx = pooling.max_pool2d_backward_saved(np.ones_like(y), x, saved, 2)
    np.testing.assert_array_equal(dx[0, 0], [[1, 0, 0, 0], [0, 0, 0, 1]])


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("last", [False, True, "x"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_blocks_with_signed_zeros_infinities_and_overflowing_sums_match_torch(backend, last, dtype):
    """Ties of signed zeros, infinities, sums that overflow or are inf - inf (numba's C-order
    kernel takes its NaN path on a NaN sum), NaN, in both layouts: y and dx as PyTorch's, and
    numba's y bit for bit (the first pixel's zero; NumPy's maximum may keep the other sign).
    ``"x"``: x channels last and dy in C order (a ``Flatten`` after the pooling): numba's dx
    is laid out as x, for the layers before it."""
    big = np.finfo(dtype).max
    values = np.array([0.0, -0.0, 1.0, -1.0, big, -big, np.inf, -np.inf, np.nan], dtype)
    rng = np.random.default_rng(5)
    chances = [0.3, 0.3, 0.1, 0.1, 0.05, 0.05, 0.04, 0.04, 0.02]
    x = rng.choice(values, size=(3, 4, 9, 10), p=chances)
    dy = rng.choice(values, size=(3, 4, 4, 5))
    if last:
        x = _last(x)
    if last is True:
        dy = _last(dy)
    with accel.accelerator(backend):
        y, saved = pooling.max_pool2d_saving(x, 2)
        dx = pooling.max_pool2d_backward_saved(dy, x, saved, 2)
    if backend == "numba":
        assert _np.is_channels_last(dx) == bool(last)
    tx = torch.from_numpy(np.ascontiguousarray(x)).requires_grad_()
    ty = F.max_pool2d(tx, 2)
    ty.backward(torch.from_numpy(np.ascontiguousarray(dy)))
    np.testing.assert_array_equal(y, ty.detach().numpy())  # NaN where NaN
    np.testing.assert_array_equal(dx, tx.grad.numpy())  # torch's 0 + dy turns -0.0 into 0.0
    if backend == "numba":
        bits = np.uint32 if dtype == np.float32 else np.uint64
        ours, theirs = np.ascontiguousarray(y).view(bits), ty.detach().numpy().view(bits)
        np.testing.assert_array_equal(ours, theirs)


def test_float32_stays_float32_and_inputs_are_not_modified():
    x = np.random.default_rng(3).standard_normal((2, 3, 6, 6)).astype(np.float32)
    before = x.copy()
    y, saved = pooling.max_pool2d_saving(x, 2)
    dy = np.ones_like(y)
    dx = pooling.max_pool2d_backward_saved(dy, x, saved, 2)
    assert y.dtype == dx.dtype == np.float32
    np.testing.assert_array_equal(x, before)
    np.testing.assert_array_equal(dy, 1)


def test_overlapping_and_padded_windows_take_the_taps_path_not_the_blocks():
    x = np.random.default_rng(3).standard_normal((2, 3, 5, 5))
    for kwargs in (dict(stride=1), dict(padding=1), dict(dilation=2), dict(ceil_mode=True)):
        spec = pooling.pool_spec("test", x, 2, kwargs.get("stride"),
                                 kwargs.get("padding", 0), kwargs.get("dilation", 1),
                                 kwargs.get("ceil_mode", False))  # fmt: skip
        assert not _blockpool.applies(spec), kwargs
        y, saved = pooling.max_pool2d_saving(x, 2, **kwargs)
        assert saved is not None and saved.dtype == np.uint8, kwargs  # kernels/pool_taps.py
        dy = np.ones_like(y)
        np.testing.assert_array_equal(
            pooling.max_pool2d_backward_saved(dy, x, saved, 2, **kwargs),
            reference.max_pool2d_backward(dy, x, 2, **kwargs),
        )


def test_saved_taps_of_the_wrong_shape_are_refused():
    x = np.zeros((1, 1, 4, 4))
    with pytest.raises(ValueError, match="saved must be"):
        pooling.max_pool2d_backward_saved(np.ones((1, 1, 2, 2)), x, np.zeros((1, 1, 3, 3)), 2)


@given(block_configs(), st.booleans(), st.sampled_from([None, 3, -2]), st.booleans())
def test_avg_pool_blocks_match_the_general_path_and_torch(cfg, include_pad, divisor, batched):
    x, kernel = cfg
    x = x if batched else x[0]
    kwargs = dict(count_include_pad=include_pad, divisor_override=divisor)
    y = pooling.avg_pool2d(x, kernel, **kwargs)
    dy = np.random.default_rng(4).standard_normal(y.shape)
    dx = pooling.avg_pool2d_backward(dy, x, kernel, **kwargs)
    with pytest.MonkeyPatch.context() as mp:  # the general path, the twin
        mp.setattr(_blockpool, "applies", lambda spec: False)
        y_ref = pooling.avg_pool2d(x, kernel, **kwargs)
        dx_ref = pooling.avg_pool2d_backward(dy, x, kernel, **kwargs)
    np.testing.assert_array_equal(y, y_ref)  # the same sums in the same order: bit for bit
    np.testing.assert_array_equal(dx, dx_ref)
    assert np.array_equal(np.signbit(y), np.signbit(y_ref))
    tx = torch.tensor(x, requires_grad=True)
    ty = F.avg_pool2d(tx, kernel, **kwargs)
    ty.backward(torch.tensor(dy))
    np.testing.assert_allclose(y, ty.detach().numpy(), **TIGHT)
    np.testing.assert_allclose(dx, tx.grad.numpy(), **TIGHT)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_empty_batch_pools_to_an_empty_batch(backend):
    x = np.zeros((0, 3, 8, 8), np.float32)
    with accel.accelerator(backend):
        y, saved = pooling.max_pool2d_saving(x, 2)
        dx = pooling.max_pool2d_backward_saved(np.zeros(y.shape, np.float32), x, saved, 2)
    assert y.shape == (0, 3, 4, 4) and dx.shape == x.shape
