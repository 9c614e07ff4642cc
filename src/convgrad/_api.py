"""The public convolution functions, built once over any set of kernels.

The fast module (:mod:`convgrad.convolution`) and the reference loops (:mod:`convgrad.reference`)
each provide four N-dimensional kernels working on checked, batched arrays of the compute dtype.
This module wraps them in the user-facing functions: PyTorch's argument names and defaults,
argument checking, the dtype rule, unbatched inputs, and the ``(dx, dw, db)`` named tuple.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from . import _args
from ._args import ConvSpec


class ConvGrads(NamedTuple):
    """Gradients of a convolution: ``dx`` like ``x``, ``dw`` like ``w``, ``db (C_out,)`` or None."""

    dx: np.ndarray
    dw: np.ndarray
    db: np.ndarray | None


class Kernels(NamedTuple):
    """Four kernels over batched arrays ``x (N, C, *spatial)`` and a checked :class:`ConvSpec`."""

    conv_forward: Callable[[np.ndarray, np.ndarray, np.ndarray | None, ConvSpec], np.ndarray]
    conv_backward: Callable[[np.ndarray, np.ndarray, np.ndarray, ConvSpec, bool], ConvGrads]
    transpose_forward: Callable[[np.ndarray, np.ndarray, np.ndarray | None, ConvSpec], np.ndarray]
    transpose_backward: Callable[[np.ndarray, np.ndarray, np.ndarray, ConvSpec, bool], ConvGrads]


_SHAPES = {
    1: ("(N, C_in, L)", "(C_out, C_in // groups, kL)", "(N, C_out, L_out)"),
    2: ("(N, C_in, H, W)", "(C_out, C_in // groups, kH, kW)", "(N, C_out, H_out, W_out)"),
    3: (
        "(N, C_in, D, H, W)",
        "(C_out, C_in // groups, kD, kH, kW)",
        "(N, C_out, D_out, H_out, W_out)",
    ),
}
_T_WEIGHT = {
    1: "(C_in, C_out // groups, kL)",
    2: "(C_in, C_out // groups, kH, kW)",
    3: "(C_in, C_out // groups, kD, kH, kW)",
}
_EXAMPLE_SPATIAL = {1: (6,), 2: (6, 5), 3: (4, 6, 5)}
# the forward functions take PyTorch's names and convgrad's shorter ones; the backward functions
# keep their documented ``dy, x, w``
_TORCH_NAMES = _args.aliases(x="input", w="weight", b="bias")


def _finish(a: np.ndarray, dtype: np.dtype, batched: bool) -> np.ndarray:
    a = a.astype(dtype, copy=False)
    return a if batched else a[0]


def conv_function(kernels: Kernels, n: int, module: str) -> Callable[..., np.ndarray]:
    name = f"conv{n}d"
    x_shape, w_shape, y_shape = _SHAPES[n]

    def conv(
        input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros"
    ):
        x = _args.as_array(name, "x", input)
        w = _args.as_array(name, "w", weight)
        b = None if bias is None else _args.as_array(name, "b", bias)
        spec = _args.conv_spec(name, n, x, w, b, stride, padding, dilation, groups, padding_mode)
        compute, out = _args.result_dtype(x, w, b)
        batched = x.ndim == n + 2
        xb = (x if batched else x[None]).astype(compute, copy=False)
        bc = None if b is None else b.astype(compute, copy=False)
        y = kernels.conv_forward(xb, w.astype(compute, copy=False), bc, spec)
        return _finish(y, out, batched)

    shape = (2, 3, *_EXAMPLE_SPATIAL[n])
    conv.__doc__ = f"""{n}-D convolution (cross-correlation, as PyTorch's ``conv{n}d``).

    Args:
        input: ``x {x_shape}``, or unbatched without ``N``.
        weight: ``w {w_shape}``.
        bias: ``b (C_out,)`` or None.
        stride, dilation: an int or {n} ints, each >= 1.
        padding: an int, {n} ints, {n} ``(before, after)`` pairs, ``"valid"`` or ``"same"``
            (see :mod:`convgrad._args` for where ``"same"`` puts an odd total).
        groups: splits channels into independent groups; divides ``C_in`` and ``C_out``.
        padding_mode: ``"zeros"``, ``"reflect"``, ``"replicate"`` or ``"circular"``.

    Returns:
        y: ``{y_shape}``, where along each spatial dimension
        ``out = floor((in + before + after - dilation * (kernel - 1) - 1) / stride) + 1``.

    ``input``, ``weight`` and ``bias`` (PyTorch's names) may also be passed as ``x``, ``w``
    and ``b``; errors call them by these short names.

    >>> import numpy as np, {module} as m
    >>> x = np.ones({shape}); w = np.ones((4, 3, *{(3,) * n}))
    >>> m.{name}(x, w, padding=1).shape
    {(2, 4, *_EXAMPLE_SPATIAL[n])}
    """
    return _TORCH_NAMES(_args.ieee(_named(conv, name, module)))


def conv_backward_function(kernels: Kernels, n: int, module: str) -> Callable[..., ConvGrads]:
    name = f"conv{n}d_backward"
    x_shape, w_shape, y_shape = _SHAPES[n]

    def conv_backward(
        dy, x, w, stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros", bias=True
    ):
        bias = _args.check_bias_flag(name, bias)
        dy = _args.as_array(name, "dy", dy)
        x = _args.as_array(name, "x", x)
        w = _args.as_array(name, "w", w)
        spec = _args.conv_spec(name, n, x, w, None, stride, padding, dilation, groups, padding_mode)
        batched = x.ndim == n + 2
        lead = x.shape[:1] if batched else ()
        _args.check_dy(name, dy, (*lead, w.shape[0], *spec.out_spatial))
        compute, out = _args.result_dtype(dy, x, w)
        dyb, xb = ((a if batched else a[None]).astype(compute, copy=False) for a in (dy, x))
        dx, dw, db = kernels.conv_backward(dyb, xb, w.astype(compute, copy=False), spec, bias)
        return ConvGrads(
            _finish(dx, out, batched),
            dw.astype(out, copy=False),
            None if db is None else db.astype(out, copy=False),
        )

    shape = (2, 3, *_EXAMPLE_SPATIAL[n])
    conv_backward.__doc__ = f"""Gradients of :func:`conv{n}d`: ``dx``, ``dw`` and ``db``.

    Takes ``dy {y_shape}`` (the gradient of the loss with respect to the output) and the
    forward pass's arguments; returns ``ConvGrads(dx, dw, db)`` shaped like ``x {x_shape}``,
    ``w {w_shape}`` and ``b (C_out,)``; ``db`` is None when ``bias=False``.

    ``dx`` is a transposed convolution of ``dy`` with ``w`` (folded back through the padding),
    ``dw`` a correlation of ``x`` with ``dy``, ``db`` the sum of ``dy`` over batch and space.

    >>> import numpy as np, {module} as m
    >>> x = np.ones({shape}); w = np.ones((4, 3, *{(3,) * n}))
    >>> dy = np.ones_like(m.conv{n}d(x, w, padding=1))
    >>> dx, dw, db = m.{name}(dy, x, w, padding=1)
    >>> dx.shape == x.shape, dw.shape == w.shape, db.tolist()
    (True, True, {[float(2 * np.prod(_EXAMPLE_SPATIAL[n]))] * 4})
    """
    return _args.ieee(_named(conv_backward, name, module))


def conv_transpose_function(kernels: Kernels, n: int, module: str) -> Callable[..., np.ndarray]:
    name = f"conv_transpose{n}d"

    def conv_transpose(
        input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1
    ):
        x = _args.as_array(name, "x", input)
        w = _args.as_array(name, "w", weight)
        b = None if bias is None else _args.as_array(name, "b", bias)
        spec, _ = _args.conv_transpose_spec(
            name, n, x, w, b, stride, padding, output_padding, groups, dilation
        )
        compute, out = _args.result_dtype(x, w, b)
        batched = x.ndim == n + 2
        xb = (x if batched else x[None]).astype(compute, copy=False)
        bc = None if b is None else b.astype(compute, copy=False)
        y = kernels.transpose_forward(xb, w.astype(compute, copy=False), bc, spec)
        return _finish(y, out, batched)

    shape = (2, 3, *_EXAMPLE_SPATIAL[n])
    out_example = tuple(2 * s for s in _EXAMPLE_SPATIAL[n])
    conv_transpose.__doc__ = f"""{n}-D transposed convolution (PyTorch's ``conv_transpose{n}d``).

    The adjoint of :func:`conv{n}d` in its input: it spreads each input pixel over a window of
    the output. ``input`` is ``x {_SHAPES[n][0]}`` or unbatched, ``weight`` is
    ``w {_T_WEIGHT[n]}``, ``bias`` is ``b (C_out,)`` or None (PyTorch's names; ``x``, ``w`` and
    ``b`` are accepted too, and used in errors).
    ``padding`` (an int, {n} ints or {n} ``(before, after)`` pairs) crops the output;
    ``output_padding`` (smaller than stride or dilation) adds to its trailing end. Along each
    spatial dimension
    ``out = (in - 1) * stride - before - after + dilation * (kernel - 1) + output_padding + 1``.

    >>> import numpy as np, {module} as m
    >>> x = np.ones({shape}); w = np.ones((3, 4, *{(3,) * n}))
    >>> m.{name}(x, w, stride=2, padding=1, output_padding=1).shape
    {(2, 4, *out_example)}
    """
    return _TORCH_NAMES(_args.ieee(_named(conv_transpose, name, module)))


def conv_transpose_backward_function(
    kernels: Kernels, n: int, module: str
) -> Callable[..., ConvGrads]:
    name = f"conv_transpose{n}d_backward"

    def conv_transpose_backward(
        dy, x, w, stride=1, padding=0, output_padding=0, groups=1, dilation=1, bias=True
    ):
        bias = _args.check_bias_flag(name, bias)
        dy = _args.as_array(name, "dy", dy)
        x = _args.as_array(name, "x", x)
        w = _args.as_array(name, "w", w)
        spec, out_spatial = _args.conv_transpose_spec(
            name, n, x, w, None, stride, padding, output_padding, groups, dilation
        )
        batched = x.ndim == n + 2
        lead = x.shape[:1] if batched else ()
        _args.check_dy(name, dy, (*lead, w.shape[1] * spec.groups, *out_spatial))
        compute, out = _args.result_dtype(dy, x, w)
        dyb, xb = ((a if batched else a[None]).astype(compute, copy=False) for a in (dy, x))
        dx, dw, db = kernels.transpose_backward(dyb, xb, w.astype(compute, copy=False), spec, bias)
        return ConvGrads(
            _finish(dx, out, batched),
            dw.astype(out, copy=False),
            None if db is None else db.astype(out, copy=False),
        )

    shape = (2, 3, *_EXAMPLE_SPATIAL[n])
    conv_transpose_backward.__doc__ = f"""Gradients of :func:`conv_transpose{n}d`.

    Takes ``dy`` shaped like the transposed convolution's output and its forward arguments;
    returns ``ConvGrads(dx, dw, db)`` shaped like ``x``, ``w {_T_WEIGHT[n]}`` and ``(C_out,)``;
    ``db`` is None when ``bias=False``. ``dx`` is the plain convolution of ``dy`` with ``w``.

    >>> import numpy as np, {module} as m
    >>> x = np.ones({shape}); w = np.ones((3, 4, *{(3,) * n}))
    >>> dy = np.ones_like(m.conv_transpose{n}d(x, w, stride=2))
    >>> dx, dw, db = m.{name}(dy, x, w, stride=2)
    >>> dx.shape == x.shape, dw.shape == w.shape, db.shape
    (True, True, (4,))
    """
    return _args.ieee(_named(conv_transpose_backward, name, module))


def _named(f, name: str, module: str):
    f.__name__ = f.__qualname__ = name
    f.__module__ = module
    return f
