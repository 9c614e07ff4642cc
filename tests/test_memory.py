"""The extra memory of a backward call stays under max(64 MiB, 2 x (size of x + size of y)).

NumPy reports its allocations to tracemalloc, so the peak traced during a call is what that call
allocated on top of what existed before it: every temporary, and the results (dx, dw, db).
Without chunking, the gathered windows of the im2col kernels alone are K times the input.
"""

import tracemalloc

import numpy as np
import pytest

import convgrad
from convgrad import convolution
from convgrad.kernels import accel
from convgrad.kernels import parallel as _parallel

MiB = 1 << 20


def _peak(f, *args, **kwargs) -> int:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = f(*args, **kwargs)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    del result
    return peak


CASES = {
    # 8 MiB in, 8 MiB out: the windows would be 72 MiB, one matrix product 9 times the input
    "3x3": dict(x=(8, 64, 64, 64), w=(64, 64, 3, 3), padding=1),
    "3x3, stride 2, reflect": dict(
        x=(8, 64, 64, 64), w=(128, 64, 3, 3), stride=2, padding=1, padding_mode="reflect"
    ),
    "5x5, 1-D": dict(x=(8, 64, 4096), w=(64, 64, 25), padding=12),
    "depthwise": dict(x=(8, 128, 64, 64), w=(128, 1, 3, 3), padding=1, groups=128),
    # large kernels, computed by FFT: transforms of chunks of images, and the kernel's
    "FFT, 11x11": dict(x=(32, 16, 64, 64), w=(16, 16, 11, 11), padding=5),
    "FFT, 1-D depthwise k=255": dict(x=(8, 256, 4096), w=(256, 1, 255), padding=127, groups=256),
}


@pytest.mark.parametrize("threads", [1, 8], ids=["1 thread", "8 threads"])
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_backward_extra_memory_is_bounded(case, threads):
    case = dict(case)
    x_shape, w_shape = case.pop("x"), case.pop("w")
    n = len(x_shape) - 2
    large = np.prod(w_shape[2:]) > 100
    with accel.accelerator("numpy"):  # with numba, depthwise layers take its taps
        assert (convolution.chosen_strategy(x_shape, w_shape, **case) == "fft") == large
    rng = np.random.default_rng(0)
    x = rng.standard_normal(x_shape, dtype=np.float32)
    w = rng.standard_normal(w_shape, dtype=np.float32)
    y = getattr(convgrad, f"conv{n}d")(x, w, **case)
    dy = rng.standard_normal(y.shape, dtype=np.float32)
    bound = max(64 * MiB, 2 * (x.nbytes + y.nbytes))
    with _parallel.limit(threads):  # threads work on several chunks at once
        peak = _peak(getattr(convgrad, f"conv{n}d_backward"), dy, x, w, **case)
    assert peak <= bound, f"backward allocated {peak / MiB:.1f} MiB; bound {bound / MiB:.1f} MiB"


def test_transposed_backward_extra_memory_is_bounded():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 64, 32, 32), dtype=np.float32)
    w = rng.standard_normal((64, 32, 3, 3), dtype=np.float32)
    kw = dict(stride=2, padding=1, output_padding=1)
    y = convgrad.conv_transpose2d(x, w, **kw)  # (8, 32, 64, 64)
    dy = rng.standard_normal(y.shape, dtype=np.float32)
    bound = max(64 * MiB, 2 * (x.nbytes + y.nbytes))
    peak = _peak(convgrad.conv_transpose2d_backward, dy, x, w, **kw)
    assert peak <= bound, f"backward allocated {peak / MiB:.1f} MiB; bound {bound / MiB:.1f} MiB"


def test_the_measure_sees_numpy_allocations():
    assert _peak(np.ones, (1024, 1024)) >= 8 * MiB
