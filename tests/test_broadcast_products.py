"""A product with a number per row (a squeeze-and-excitation gate): its forward with NumPy's
buffers a row long, its backward's sums as dot products per row. Against PyTorch, float64 and
float32, with NaN and infinities."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from convgrad.autograd import Tensor
from convgrad.autograd.engine import _rows

CASES = [
    ((4, 6, 5, 5), (4, 6, 1, 1)),  # rows of 25: einsum
    ((4, 6, 20, 20), (4, 6, 1, 1)),  # rows of 400: the BLAS's dots, and the buffers a row long
    ((3, 300), (3, 1)),
    ((3, 7), (3, 1)),
    ((2, 3, 4), (1, 3, 1)),  # a number per channel, broadcast over the batch too
    ((2, 3, 4), (3, 1)),
    ((4, 6, 5, 5), (6, 1, 1)),  # group norm's weight
    ((4, 6, 16, 16), (1, 6, 1, 1)),
    ((2, 3, 4), (2, 1, 4)),  # ones in the middle: NumPy's broadcast as before
    ((5,), ()),
]


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize(("a_shape", "b_shape"), CASES)
@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize("poison", [None, np.nan, np.inf])
def test_products_with_a_number_per_row_match_torch(dtype, a_shape, b_shape, swap, poison):
    rng = np.random.default_rng(0)
    a = rng.standard_normal(a_shape).astype(dtype)
    b = rng.standard_normal(b_shape).astype(dtype)
    if poison is not None:
        a.flat[a.size // 2] = poison
    ta, tb = Tensor(a, requires_grad=True), Tensor(b, requires_grad=True)
    y = tb * ta if swap else ta * tb
    g = rng.standard_normal(y.shape).astype(dtype)
    y.backward(g)
    xa = torch.tensor(a, dtype=torch.float64, requires_grad=True)
    xb = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    xy = xb * xa if swap else xa * xb
    xy.backward(torch.from_numpy(g.astype(np.float64)))
    tol = 1e-12 if dtype == np.float64 else 2e-5
    for ours, theirs in ((y.data, xy), (ta.grad, xa.grad), (tb.grad, xb.grad)):
        theirs = theirs.detach().numpy()
        assert ours.shape == theirs.shape and ours.dtype == dtype
        np.testing.assert_array_equal(np.isnan(ours), np.isnan(theirs))
        np.testing.assert_allclose(ours, theirs, rtol=tol, atol=tol)


def test_rows_name_one_number_per_row_only():
    assert _rows((4, 6, 5, 5), (4, 6, 1, 1)) == (0, 2)
    assert _rows((3, 7), (3, 1)) == (0, 1)
    assert _rows((2, 3, 4), (1, 3, 1)) == (1, 2)  # a number per channel
    assert _rows((2, 3, 4), (3, 1)) == (1, 2)
    assert _rows((4, 6, 5, 5), (6, 1, 1)) == (1, 2)
    assert _rows((2, 3), (2, 3)) is None  # no broadcast
    assert _rows((2, 3, 4), (2, 1, 4)) is None  # ones in the middle
    assert _rows((2, 3, 1), (2, 1, 1)) == (0, 1)  # rows of three
    assert _rows((3, 1), (1, 1)) is None  # broadcast over the batch only
    assert _rows((5,), ()) is None
    assert _rows((2, 3), (4, 2, 3)) is None


def test_the_gate_on_either_side_runs_rows_of_its_plane(monkeypatch):
    from convgrad import _np
    from convgrad.autograd import engine

    rows, real = [], _np.row_loops
    monkeypatch.setattr(_np, "row_loops", lambda row: rows.append(row) or real(row))
    a, b = np.ones((4, 6, 20, 20), np.float32), np.ones((4, 6, 1, 1), np.float32)
    engine._times(a, b)
    engine._times(b, a)
    engine._times(a, np.ones((6, 1, 1), np.float32))
    assert rows == [400, 400, 400]
