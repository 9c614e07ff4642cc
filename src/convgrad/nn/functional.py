"""``convgrad.nn.functional`` (``F``): PyTorch's functional API on Tensors and on arrays.

Each function takes PyTorch's arguments and defaults. Given Tensors (:mod:`convgrad.autograd`)
it returns a Tensor and records its backward on the tape; given only NumPy arrays it returns an
array. The backward of each primitive is convgrad's own ``*_backward`` function beside its
forward (convolution, pooling, activations, linear, batch norm, cross-entropy, MSE); the
others (softmax, GELU, NLL, BCE with logits, pad, interpolate, unfold/fold, adaptive max
pooling) have their backward written right below their forward here, and the composites
(layer norm, cross-entropy with weights or probability targets, 1-D pooling) are built from
recorded ops, so their gradients come from the tape.

>>> import numpy as np
>>> import convgrad as cg
>>> x = cg.tensor(np.array([[-1.0, 2.0]]), requires_grad=True)
>>> loss = cross_entropy(relu(x), np.array([1]))
>>> round(loss.item(), 6)
0.126928
>>> loss.backward(); x.grad.round(6)
array([[ 0.      , -0.119203]])
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import _args, _np, activations, convolution, dense, losses, normalization, pooling
from ..autograd import Tensor, as_tensor, record
from ..kernels import pointwise
from . import init

__all__ = [
    "adaptive_avg_pool2d",
    "adaptive_max_pool2d",
    "avg_pool1d",
    "avg_pool2d",
    "batch_norm",
    "binary_cross_entropy_with_logits",
    "conv1d",
    "conv2d",
    "conv3d",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose3d",
    "cross_entropy",
    "dropout",
    "dropout2d",
    "elu",
    "fold",
    "gelu",
    "group_norm",
    "hardsigmoid",
    "hardswish",
    "hardtanh",
    "interpolate",
    "layer_norm",
    "leaky_relu",
    "linear",
    "log_softmax",
    "max_pool1d",
    "max_pool2d",
    "mse_loss",
    "nll_loss",
    "pad",
    "relu",
    "relu6",
    "sigmoid",
    "silu",
    "softmax",
    "softplus",
    "tanh",
    "unfold",
]


def _d(x: Any) -> Any:
    """The array inside a Tensor; anything else unchanged."""
    return x.data if isinstance(x, Tensor) else x


def _result(y: Tensor, *inputs: Any) -> Any:
    """A composite's result: the Tensor when any input was a Tensor, else its array."""
    return y if any(isinstance(i, Tensor) for i in inputs) else y.data


def _check_legacy(fn: str, size_average: Any, reduce: Any) -> None:
    if size_average is not None or reduce is not None:
        raise ValueError(f"{fn}: size_average and reduce are deprecated; use reduction=")


# --- activations --------------------------------------------------------------------------------


def relu(input: Any, inplace: bool = False) -> Any:
    """``max(x, 0)``; ``inplace`` is accepted and ignored (inputs are never modified)."""
    x = _d(input)
    return record(activations.relu(x), (input,), lambda g: (activations.relu_backward(g, x),))


def leaky_relu(input: Any, negative_slope: float = 0.01, inplace: bool = False) -> Any:
    x = _d(input)
    return record(
        activations.leaky_relu(x, negative_slope),
        (input,),
        lambda g: (activations.leaky_relu_backward(g, x, negative_slope),),
    )


def _pointwise(fn: str, input: Any, *params: float) -> Any:
    """The activation ``fn`` of :mod:`convgrad.kernels.pointwise`, recorded with its backward,
    which reads the input or the output, as PyTorch's does, or what the forward kept
    (``pointwise.SAVING``: the exact GELU's ``Phi(x)``)."""
    x = _float_array(fn.removesuffix("_tanh"), input)
    if fn in pointwise.SAVING:
        y, kept = pointwise.forward_saving(fn, x)
        return record(y, (input,), lambda g: (pointwise.backward_saved(fn, g, x, kept),))
    y = pointwise.forward(fn, x, *params)
    saved = y if pointwise.KERNELS[fn][2] == "y" else x
    return record(y, (input,), lambda g: (pointwise.backward(fn, g, saved, *params),))


def _floats(input: Any) -> bool:
    x = _d(input)
    return isinstance(x, np.ndarray) and x.dtype.kind == "f"


def sigmoid(input: Any) -> Any:
    """``1 / (1 + exp(-x))``; backward ``g y (1 - y)`` from the output."""
    if _floats(input):
        return _pointwise("sigmoid", input)
    x = _d(input)  # integers, lists: activations' conversions
    return record(activations.sigmoid(x), (input,), lambda g: (activations.sigmoid_backward(g, x),))


def tanh(input: Any) -> Any:
    """``tanh(x)``; backward ``g (1 - y^2)`` from the output."""
    if _floats(input):
        return _pointwise("tanh", input)
    x = _d(input)
    return record(activations.tanh(x), (input,), lambda g: (activations.tanh_backward(g, x),))


def _float_array(fn: str, input: Any) -> np.ndarray:
    x = np.asarray(_d(input))
    if x.dtype.kind != "f":
        raise TypeError(f"{fn}: input must be a floating-point array; got dtype {x.dtype}")
    return x


def _number(fn: str, name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.floating | np.integer):
        raise TypeError(f"{fn}: {name} must be a number; got {value!r:.80}")
    return float(value)


def hardtanh(input: Any, min_val: float = -1.0, max_val: float = 1.0, inplace: bool = False):
    """``clip(x, min_val, max_val)``; gradient 1 strictly inside, 0 outside, at the ends and at
    NaN (PyTorch's)."""
    lo, hi = _number("hardtanh", "min_val", min_val), _number("hardtanh", "max_val", max_val)
    return _pointwise("hardtanh", input, lo, hi)


def relu6(input: Any, inplace: bool = False) -> Any:
    """``min(max(x, 0), 6)``."""
    return hardtanh(input, 0.0, 6.0)


def silu(input: Any, inplace: bool = False) -> Any:
    """``x / (1 + exp(-x))``; ``d/dx = s (1 + x (1 - s))``, ``s = sigmoid(x)``."""
    return _pointwise("silu", input)


def hardsigmoid(input: Any, inplace: bool = False) -> Any:
    """``clip(x + 3, 0, 6) / 6``; gradient ``1/6`` strictly inside ``(-3, 3)`` (1/6 rounded to
    float32 in every dtype, as PyTorch's CPU kernel)."""
    return _pointwise("hardsigmoid", input)


def hardswish(input: Any, inplace: bool = False) -> Any:
    """``x * relu6(x + 3) / 6``; ``d/dx = x / 3 + 0.5`` on ``(-3, 3)``, 0 from -3 down, 1 from 3
    up (PyTorch's values at the ends; 1 at NaN)."""
    return _pointwise("hardswish", input)


def elu(input: Any, alpha: float = 1.0, inplace: bool = False) -> Any:
    """``x`` for ``x > 0``, else ``alpha (exp(x) - 1)``, whose derivative is ``alpha exp(x)``."""
    return _pointwise("elu", input, _number("elu", "alpha", alpha))


def softplus(input: Any, beta: float = 1.0, threshold: float = 20.0) -> Any:
    """``log(1 + exp(beta x)) / beta`` (``x`` where ``beta x > threshold``); ``d/dx`` is
    ``sigmoid(beta x)``."""
    b, t = _number("softplus", "beta", beta), _number("softplus", "threshold", threshold)
    return _pointwise("softplus", input, b, t)


def gelu(input: Any, approximate: str = "none") -> Any:
    """``x * Phi(x)``, Phi the standard normal CDF (``approximate="tanh"``: its tanh fit); see
    :mod:`convgrad.kernels.pointwise` for how ``Phi`` is computed.

    Exact: ``d/dx = Phi(x) + x * phi(x)``, ``phi(x) = exp(-x**2 / 2) / sqrt(2 pi)``. Tanh:
    ``y = x/2 (1 + tanh u)``, ``u = sqrt(2/pi) (x + 0.044715 x**3)``, so
    ``d/dx = (1 + t)/2 + x/2 (1 - t**2) sqrt(2/pi) (1 + 3 * 0.044715 x**2)``.

    >>> gelu(np.array([0.0, 1.0])).round(6)
    array([0.      , 0.841345])
    """
    if approximate not in ("none", "tanh"):
        raise ValueError(f"gelu: approximate must be 'none' or 'tanh'; got {approximate!r}")
    if approximate == "none":  # Phi(x) kept for the backward: erfc costs NumPy 24 passes
        return _pointwise("gelu", input)
    return _pointwise("gelu_tanh", input)


def _softmax_dim(fn: str, ndim: int, dim: Any) -> int:
    if dim is None:  # PyTorch's legacy choice, which it warns about
        dim = 0 if ndim in (0, 1, 3) else 1
    if not isinstance(dim, int) or not -max(ndim, 1) <= dim < max(ndim, 1):
        raise ValueError(f"{fn}: dim must be an int naming a dimension of input; got {dim!r}")
    return dim % max(ndim, 1)


def softmax(input: Any, dim: int | None = None, dtype: Any = None) -> Any:
    """``exp(x) / sum(exp(x))`` along ``dim``; backward ``dx = y * (g - sum(g * y))``.

    >>> softmax(np.log(np.array([1.0, 3.0])), dim=0)
    array([0.25, 0.75])
    """
    x = np.asarray(_d(input), dtype=dtype)
    dim = _softmax_dim("softmax", x.ndim, dim)
    with np.errstate(all="ignore"):  # NaN and infinities propagate (inf - inf is NaN)
        y = np.subtract(x, x.max(axis=dim, keepdims=True), dtype=_floating(x))
        np.exp(y, out=y)
        y /= y.sum(axis=dim, keepdims=True)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        with np.errstate(all="ignore"):
            dx = np.subtract(g, _dots_along(g, y, dim))
            dx *= y
        return (dx,)

    return record(y, (input,), backward)


def _floating(x: np.ndarray) -> np.dtype:
    """The dtype ``exp`` gives ``x``'s: its own for floats, float64 for integers and booleans."""
    return np.result_type(x.dtype, 1.0)


def _dots_along(a: np.ndarray, b: np.ndarray, dim: int) -> np.ndarray:
    """``sum(a * b)`` along ``dim``, kept as an axis of 1, without the product array where the
    axis is the last (:func:`convgrad._np.row_dots`)."""
    if dim == a.ndim - 1 and a.ndim:
        return _np.row_dots(a, b)[..., None]
    return np.multiply(a, b).sum(axis=dim, keepdims=True)


def log_softmax(input: Any, dim: int | None = None, dtype: Any = None) -> Any:
    """``x - log(sum(exp(x)))`` along ``dim``; backward ``dx = g - softmax(x) * sum(g)``.

    >>> log_softmax(np.zeros(2), dim=0).round(6)
    array([-0.693147, -0.693147])
    """
    x = np.asarray(_d(input), dtype=dtype)
    dim = _softmax_dim("log_softmax", x.ndim, dim)
    with np.errstate(all="ignore"):  # NaN and infinities propagate (inf - inf is NaN)
        y = np.subtract(x, x.max(axis=dim, keepdims=True), dtype=_floating(x))
        y -= np.log(np.exp(y).sum(axis=dim, keepdims=True))

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        with np.errstate(all="ignore"):
            dx = np.exp(y)
            dx *= g.sum(axis=dim, keepdims=True)
            return (np.subtract(g, dx, out=dx),)

    return record(y, (input,), backward)


def _check_p(fn: str, p: Any) -> float:
    if isinstance(p, bool) or not isinstance(p, int | float) or not 0 <= p <= 1:
        raise ValueError(f"{fn}: p must be a probability in [0, 1]; got {p!r}")
    return float(p)


def _masked(input: Any, p: float, mask_shape: tuple[int, ...]) -> Any:
    x = np.asarray(_d(input))
    keep = init.generator(None).random(mask_shape) >= p
    dtype = x.dtype if x.dtype.kind == "f" else np.float64
    scale = (keep / (1 - p) if p < 1 else np.zeros(mask_shape)).astype(dtype)
    return record(x * scale, (input,), lambda g: (sum_to(g * scale, x.shape),))


def sum_to(g: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    return g if g.shape == shape else np.broadcast_to(g, shape).copy()


def dropout(input: Any, p: float = 0.5, training: bool = True, inplace: bool = False) -> Any:
    """Zero each element with probability ``p`` and scale the rest by ``1 / (1 - p)`` in
    training; the identity otherwise. Draws from :mod:`convgrad.nn.init`'s generator."""
    p = _check_p("dropout", p)
    if not training or p == 0:
        return input
    return _masked(input, p, np.shape(_d(input)))


def dropout2d(input: Any, p: float = 0.5, training: bool = True, inplace: bool = False) -> Any:
    """Zero whole channels of ``x (N, C, H, W)`` (or ``(C, H, W)``) with probability ``p``."""
    p = _check_p("dropout2d", p)
    shape = np.shape(_d(input))
    if len(shape) not in (3, 4):
        raise ValueError(f"dropout2d: input must be 3-D or 4-D; got shape {shape}")
    if not training or p == 0:
        return input
    return _masked(input, p, (*shape[:-2], 1, 1))


# --- linear and convolutions --------------------------------------------------------------------


def linear(input: Any, weight: Any, bias: Any = None) -> Any:
    """``x @ weight.T + bias``; backward by :func:`convgrad.dense.linear_backward`."""
    x, w, b = _d(input), _d(weight), _d(bias)
    # an input that needs no gradient (a network's input) gets no dx, as in PyTorch
    input_grad = isinstance(input, Tensor) and input.requires_grad

    def backward(g: np.ndarray) -> tuple[Any, ...]:
        return tuple(dense._backward(g, x, w, b is not None, input_grad))

    return record(dense.linear(x, w, b), (input, weight, bias), backward)


def _conv(name: str, input: Any, weight: Any, bias: Any, **kw: Any) -> Any:
    """Convolution ``name`` (``"conv2d"``, ``"conv_transpose2d"``...) of convgrad, recorded
    with its ``*_backward``."""
    x, w, b = _d(input), _d(weight), _d(bias)
    forward = getattr(convolution, name)
    backward_fn = getattr(convolution, f"{name}_backward")
    # an input that needs no gradient (the network's input) gets no dx, as in PyTorch
    skip_dx = name.startswith("conv") and name[4].isdigit()
    skip_dx = skip_dx and not (isinstance(input, Tensor) and input.requires_grad)

    def backward(g: np.ndarray) -> tuple[Any, ...]:
        if skip_dx:
            return (None, *_conv_param_grads(int(name[4]), g, x, w, b is not None, kw))
        return tuple(backward_fn(g, x, w, **kw, bias=b is not None))

    return record(forward(x, w, b, **kw), (input, weight, bias), backward)


def _conv_param_grads(
    n: int, dy: Any, x: Any, w: np.ndarray, bias: bool, kw: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray | None]:
    """``(dw, db)`` of ``conv{n}d`` without its ``dx``: the checks and dtype rule of
    :func:`convgrad.conv2d_backward`, then only its weight-gradient kernel.

    :func:`convgrad.convolution.conv_backward` computes all three gradients; until it can be
    asked for fewer, this calls the kernel it calls for ``dw`` (``convolution._weight_grad``).
    """
    name = f"conv{n}d_backward"
    with np.errstate(all="ignore"):
        dy, x, w = (_args.as_array(name, k, a) for k, a in (("dy", dy), ("x", x), ("w", w)))
        spec = _args.conv_spec(name, n, x, w, None, kw["stride"], kw["padding"],
                               kw["dilation"], kw["groups"], kw["padding_mode"])  # fmt: skip
        batched = x.ndim == n + 2
        lead = x.shape[:1] if batched else ()
        _args.check_dy(name, dy, (*lead, w.shape[0], *spec.out_spatial))
        compute, out = _args.result_dtype(dy, x, w)
        dyb, xb = ((a if batched else a[None]).astype(compute, copy=False) for a in (dy, x))
        dw = convolution._weight_grad(dyb, xb, spec, w.astype(compute, copy=False))
        db = convolution._bias_grad(dyb, bias)
    return dw.astype(out, copy=False), None if db is None else db.astype(out, copy=False)


def _conv_function(n: int) -> Any:
    def conv(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, *,
             padding_mode="zeros"):  # fmt: skip
        return _conv(f"conv{n}d", input, weight, bias, stride=stride, padding=padding,
                     dilation=dilation, groups=groups, padding_mode=padding_mode)  # fmt: skip

    conv.__name__ = conv.__qualname__ = f"conv{n}d"
    conv.__doc__ = f"""{n}-D convolution (PyTorch's ``conv{n}d``), backward by
    :func:`convgrad.conv{n}d_backward`; ``padding_mode`` as the layers take it."""
    return conv


def _conv_transpose_function(n: int) -> Any:
    def conv_transpose(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                       dilation=1):  # fmt: skip
        return _conv(f"conv_transpose{n}d", input, weight, bias, stride=stride, padding=padding,
                     output_padding=output_padding, groups=groups, dilation=dilation)  # fmt: skip

    conv_transpose.__name__ = conv_transpose.__qualname__ = f"conv_transpose{n}d"
    conv_transpose.__doc__ = f"""{n}-D transposed convolution (PyTorch's
    ``conv_transpose{n}d``), backward by :func:`convgrad.conv_transpose{n}d_backward`."""
    return conv_transpose


conv1d, conv2d, conv3d = (_conv_function(n) for n in (1, 2, 3))
conv_transpose1d, conv_transpose2d, conv_transpose3d = (
    _conv_transpose_function(n) for n in (1, 2, 3)
)


# --- pooling ------------------------------------------------------------------------------------


def _max_indices(x: np.ndarray, kernel_size, stride, padding, dilation, ceil_mode) -> np.ndarray:
    """PyTorch's ``return_indices``: each window's winner as a flat index into its ``H * W``."""
    xb = x if x.ndim == 4 else x[None]
    spec = pooling.pool_spec("max_pool2d", xb, kernel_size, stride, padding, dilation, ceil_mode)
    H, W = xb.shape[2:]
    kW = spec.kernel[1]
    tap = pooling._max_windows(xb, spec).argmax(axis=-1)  # (N, C, oH, oW), the winning tap
    oH, oW = spec.out_spatial
    (top, _), (left, _) = spec.pairs
    row = np.arange(oH)[:, None] * spec.stride[0] + tap // kW * spec.dilation[0] - top
    col = np.arange(oW) * spec.stride[1] + tap % kW * spec.dilation[1] - left
    idx = (row * W + col).astype(np.int64)
    return idx if x.ndim == 4 else idx[0]


def max_pool2d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """2-D max pooling; with ``return_indices`` also each maximum's flat index in ``H * W``."""
    x = _d(input)
    args = (kernel_size, stride, padding, dilation, ceil_mode)
    if isinstance(input, Tensor) and input.requires_grad:  # the winners, kept for backward
        out, saved = pooling.max_pool2d_saving(x, *args)
    else:
        out, saved = pooling.max_pool2d(x, *args), None
    y = record(out, (input,), lambda g: (pooling.max_pool2d_backward_saved(g, x, saved, *args),))
    if not return_indices:
        return y
    idx = _max_indices(np.asarray(x), *args)
    return y, (Tensor(idx) if isinstance(input, Tensor) else idx)


def _one(fn: str, name: str, value: Any) -> int:
    if isinstance(value, list | tuple):
        if len(value) != 1:
            raise ValueError(f"{fn}: {name} must be an int or 1 int; got {value!r}")
        value = value[0]
    return value


def _pool1d_input(fn: str, input: Any) -> Tensor:
    x = as_tensor(input)
    if x.ndim not in (2, 3):
        raise ValueError(f"{fn}: input must be (N, C, L) or (C, L); got shape {x.shape}")
    return x.unsqueeze(-2)  # (N, C, 1, L)


def max_pool1d(
    input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False
):
    """1-D max pooling of ``x (N, C, L)``: 2-D max pooling of ``(N, C, 1, L)``."""
    fn = "max_pool1d"
    k = _one(fn, "kernel_size", kernel_size)
    s = k if stride is None else _one(fn, "stride", stride)
    p, d = _one(fn, "padding", padding), _one(fn, "dilation", dilation)
    out = max_pool2d(
        _pool1d_input(fn, input), (1, k), (1, s), (0, p), (1, d), ceil_mode, return_indices
    )
    if return_indices:
        y, idx = out
        return _result(y.squeeze(-2), input), _result(idx.squeeze(-2), input)
    return _result(out.squeeze(-2), input)


def avg_pool2d(
    input,
    kernel_size,
    stride=None,
    padding=0,
    ceil_mode=False,
    count_include_pad=True,
    divisor_override=None,
):
    """2-D average pooling; backward by :func:`convgrad.pooling.avg_pool2d_backward`."""
    x = _d(input)
    args = (kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)
    return record(
        pooling.avg_pool2d(x, *args),
        (input,),
        lambda g: (pooling.avg_pool2d_backward(g, x, *args),),
    )


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    """1-D average pooling of ``x (N, C, L)``: 2-D average pooling of ``(N, C, 1, L)``."""
    fn = "avg_pool1d"
    k = _one(fn, "kernel_size", kernel_size)
    s = k if stride is None else _one(fn, "stride", stride)
    p = _one(fn, "padding", padding)
    y = avg_pool2d(_pool1d_input(fn, input), (1, k), (1, s), (0, p), ceil_mode, count_include_pad)
    return _result(y.squeeze(-2), input)


def adaptive_avg_pool2d(input: Any, output_size: Any) -> Any:
    x = _d(input)
    return record(
        pooling.adaptive_avg_pool2d(x, output_size),
        (input,),
        lambda g: (pooling.adaptive_avg_pool2d_backward(g, x, output_size),),
    )


def adaptive_max_pool2d(input: Any, output_size: Any, return_indices: bool = False) -> Any:
    """Max over adaptive windows (those of :func:`adaptive_avg_pool2d`).

    Backward: each ``dy`` value goes to its window's (first) maximum, ``dx.flat[index] += dy``.

    >>> adaptive_max_pool2d(np.arange(6.0).reshape(1, 1, 2, 3), 1)
    array([[[[5.]]]])
    """
    fn = "adaptive_max_pool2d"
    x = np.asarray(_d(input))
    if x.ndim not in (3, 4) or x.dtype.kind != "f":
        raise ValueError(f"{fn}: input must be a float (N, C, H, W) or (C, H, W); got {x.shape}")
    xb = x if x.ndim == 4 else x[None]
    N, C, H, W = xb.shape
    oH, oW = pooling.adaptive_output_size(fn, xb, output_size)
    y = np.empty((N, C, oH, oW), dtype=x.dtype)
    idx = np.empty((N, C, oH, oW), dtype=np.int64)
    for i, (h0, h1) in enumerate(pooling.adaptive_bounds(H, oH)):
        for j, (w0, w1) in enumerate(pooling.adaptive_bounds(W, oW)):
            window = xb[:, :, h0:h1, w0:w1].reshape(N, C, -1)  # (N, C, window size)
            a = window.argmax(axis=-1)  # (N, C)
            y[:, :, i, j] = np.take_along_axis(window, a[..., None], axis=-1)[..., 0]
            idx[:, :, i, j] = (h0 + a // (w1 - w0)) * W + w0 + a % (w1 - w0)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        dx = np.zeros((N * C, H * W), dtype=x.dtype)
        rows = np.arange(N * C)[:, None]
        np.add.at(dx, (rows, idx.reshape(N * C, -1)), g.reshape(N * C, -1))
        return (dx.reshape(x.shape),)

    if x.ndim == 3:
        y, idx = y[0], idx[0]
    out = record(y, (input,), backward)
    if not return_indices:
        return out
    return out, (Tensor(idx) if isinstance(input, Tensor) else idx)


# --- normalisation ------------------------------------------------------------------------------


def batch_norm(
    input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5
):
    """Batch normalisation; backward by :func:`convgrad.normalization.batch_norm_backward`.

    Unlike PyTorch's, it never updates ``running_mean`` and ``running_var`` (convgrad never
    modifies its inputs): :class:`convgrad.nn.BatchNorm2d` updates its buffers itself, with
    :func:`convgrad.normalization.batch_norm_stats`.
    """
    x, w, b = _d(input), _d(weight), _d(bias)
    rm, rv = (None, None) if training else (_d(running_mean), _d(running_var))
    _args.check_flag("batch_norm", "training", training)
    if training or rm is None:
        return _batch_norm_train(input, weight, bias, eps)[0]

    def backward(g: np.ndarray) -> tuple[Any, ...]:
        dx, dw, db = normalization.batch_norm_backward(g, x, rm, rv, w, training=training, eps=eps)
        return dx, dw, db

    y = normalization.batch_norm(x, rm, rv, w, b, training=training, eps=eps)
    return record(y, (input, weight, bias), backward)


def _batch_norm_train(input: Any, weight: Any, bias: Any, eps: float) -> tuple[Any, Any]:
    """Batch normalisation with the batch's statistics, recorded with the backward that reuses
    the forward's ``xhat`` (:func:`convgrad.normalization.batch_norm_saving`); returns
    ``(y, saved)``, ``saved`` holding the statistics for the running update."""
    w = _d(weight)
    y, saved = normalization.batch_norm_saving(_d(input), w, _d(bias), eps=eps)

    def backward(g: np.ndarray) -> tuple[Any, ...]:
        return tuple(normalization.batch_norm_backward_saved(g, saved, w))

    return record(y, (input, weight, bias), backward), saved


def _batch_norm_relu_train(
    input: Any, weight: Any, bias: Any, eps: float, residual: Any = None
) -> tuple[Any, Any]:
    """``relu`` of :func:`_batch_norm_train` (plus ``residual`` first, when given), one recorded
    op: the ReLU inside batch norm's passes, forward and backward
    (:func:`convgrad.normalization.batch_norm_relu_saving`)."""
    w, added = _d(weight), residual is not None
    y, saved = normalization.batch_norm_relu_saving(
        _d(input), w, _d(bias), eps=eps, residual=_d(residual) if added else None
    )

    def backward(g: np.ndarray) -> tuple[Any, ...]:
        return tuple(normalization.batch_norm_relu_backward_saved(g, y, saved, w, residual=added))

    inputs = (input, weight, bias, residual) if added else (input, weight, bias)
    return record(y, inputs, backward), saved


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    """Normalise over the trailing ``normalized_shape`` dimensions, then scale and shift.

    Each group of ``D = prod(normalized_shape)`` values is one channel of a batch
    normalisation with batch statistics: ``x (*, D)`` is seen as ``(1, M, D)`` and normalised
    by batch norm's kernels (:func:`convgrad.normalization.batch_norm_saving`'s). The scale
    and shift are one recorded op: ``y = xhat * weight + bias`` in one new array, and backward
    ``dxhat = g * weight``, ``dweight`` a dot product per column of ``g`` and ``xhat`` (no
    product array), ``dbias`` a column sum. As tape ops (three products, a sum and two
    reductions over whole arrays) they took 11 of 16 ms at ``(32, 196, 384)`` (a profile);
    forward + backward then measured 14 to 22% faster, pure NumPy and ``[fast]`` (23.1 -> 19.9
    and 16.1 -> 12.9 ms there, 2 threads, a scratch script, medians of 15).

    >>> layer_norm(np.array([[1.0, 3.0]]), (2,), eps=0.0)
    array([[-1.,  1.]])
    """
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    x = as_tensor(input)
    if x.shape[x.ndim - len(shape) :] != shape:
        raise ValueError(
            f"layer_norm: input's trailing dimensions must be normalized_shape {shape}; got "
            f"input shape {x.shape}"
        )
    D = math.prod(shape)
    w, b = _d(weight), _d(bias)
    for name, a in (("weight", w), ("bias", b)):
        if a is not None and np.shape(a) != shape:
            raise ValueError(
                f"layer_norm: {name} must have shape normalized_shape {shape}; got {np.shape(a)}"
            )
    rows = x.data.reshape(1, x.data.size // max(D, 1), D)
    checked = normalization._check("layer_norm", rows, None, None, None, None, eps, training=True)
    x3, out = checked[0], checked[2]
    if x3.shape[1] == 0 or D == 0:  # nothing to normalise: batch norm's kernels need rows
        y = batch_norm(x.reshape(rows.shape), None, None, training=True, eps=eps).reshape(x.shape)
        y = y * weight if weight is not None else y
        return _result(y + bias if bias is not None else y, input, weight, bias)
    with np.errstate(all="ignore"):  # NaN and infinities propagate, as in PyTorch
        _, saved = normalization._train_forward(x3, None, None, eps, output=False)
        xhat = saved.xhat[0]  # (M, D)
        y = xhat * np.reshape(w, D) if w is not None else xhat.copy()
        if b is not None:
            y += np.reshape(b, D)

    @_args.ieee
    def backward(g: np.ndarray) -> tuple[Any, ...]:
        g2 = g.reshape(xhat.shape)
        dx = None
        if x.requires_grad:  # not for a network's input, as PyTorch
            dxhat = g2 * np.reshape(w, D) if w is not None else g2
            dx = normalization._train_backward(dxhat[None], saved, None)[0]
            dx = dx.reshape(x.shape).astype(out, copy=False)
        dw = None if w is None else np.einsum("md,md->d", g2, xhat).reshape(shape)
        db = None if b is None else g2.sum(axis=0).reshape(shape)
        return dx, dw, db

    dtype = np.result_type(out, *(a for a in (w, b) if a is not None))
    y = y.reshape(x.shape).astype(dtype, copy=False)
    return record(y, (input, weight, bias), backward)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    """Normalise each sample's ``C / num_groups`` channels together, then scale and shift per
    channel: ``x (N, C, *)`` is seen as ``(1, N * G, rest)`` and normalised by batch norm's
    kernels, as :func:`layer_norm`, with the scale and shift one recorded op as there:
    ``dweight`` a dot product per (image, channel) row (:func:`convgrad._np.row_dots`),
    ``dbias`` a row sum, no ``dx`` for an input without gradient. Forward + backward, against
    the tape ops, 2 threads (a scratch script, medians of 15): ``(8, 32, 64, 64)``, 8 groups,
    5.25 -> 4.41 ms pure NumPy and 4.31 -> 3.43 with ``[fast]``; ``(32, 64, 28, 28)``, 32
    groups, 9.06 -> 8.07 and 8.25 -> 6.62.

    >>> group_norm(np.array([[[1.0], [3.0], [0.0], [2.0]]]), 2, eps=0.0)[0, :, 0]
    array([-1.,  1., -1.,  1.])
    """
    x = as_tensor(input)
    if x.ndim < 2 or not isinstance(num_groups, int) or num_groups < 1 or x.shape[1] % num_groups:
        raise ValueError(
            f"group_norm: num_groups must divide the channels of input (N, C, *); got "
            f"num_groups={num_groups!r} for input shape {x.shape}"
        )
    N, C = x.shape[:2]
    w, b = _d(weight), _d(bias)
    for name, a in (("weight", w), ("bias", b)):
        if a is not None and np.shape(a) != (C,):
            raise ValueError(f"group_norm: {name} must have shape ({C},); got {np.shape(a)}")
    rows = x.data.reshape(1, N * num_groups, -1)
    if rows.size == 0 or rows.shape[2] < 2:  # batch norm's check says what is wrong
        y = batch_norm(x.reshape(rows.shape), None, None, training=True, eps=eps).reshape(x.shape)
        per_channel = (C, *(1,) * (x.ndim - 2))
        y = y * as_tensor(weight).reshape(per_channel) if weight is not None else y
        y = y + as_tensor(bias).reshape(per_channel) if bias is not None else y
        return _result(y, input, weight, bias)
    checked = normalization._check("group_norm", rows, None, None, None, None, eps, training=True)
    x3, out = checked[0], checked[2]
    P = rows.size // (N * C)
    with np.errstate(all="ignore"), _np.row_loops(P):  # NaN and infinities propagate
        _, saved = normalization._train_forward(x3, None, None, eps, output=False)
        xhat = saved.xhat.reshape(N, C, P)
        y = xhat * np.reshape(w, (1, C, 1)) if w is not None else xhat.copy()  # per (n, c) row
        if b is not None:
            y += np.reshape(b, (1, C, 1))

    @_args.ieee
    def backward(g: np.ndarray) -> tuple[Any, ...]:
        g3 = g.reshape(N, C, P)
        dx = None
        if x.requires_grad:
            with _np.row_loops(P):
                dxhat = g3 * np.reshape(w, (1, C, 1)) if w is not None else g3
            dx = normalization._train_backward(dxhat.reshape(rows.shape), saved, None)[0]
            dx = dx.reshape(x.shape).astype(out, copy=False)
        dw = None if w is None else _np.row_dots(g3, xhat).sum(axis=0)
        db = None if b is None else g3.sum(axis=2).sum(axis=0)
        return dx, dw, db

    dtype = np.result_type(out, *(a for a in (w, b) if a is not None))
    return record(y.reshape(x.shape).astype(dtype, copy=False), (input, weight, bias), backward)


# --- padding, resizing, windows -----------------------------------------------------------------

_PAD_MODES = {
    "constant": "zeros",
    "reflect": "reflect",
    "replicate": "replicate",
    "circular": "circular",
}


def pad(input: Any, pad: Any, mode: str = "constant", value: float | None = None) -> Any:
    """Pad the last ``len(pad) // 2`` dimensions: ``pad = (left, right, top, bottom, ...)``,
    the last dimension first (PyTorch's order); the backward crops, or folds reflected,
    replicated and wrapped values back (:func:`convgrad._np.pad_backward`).

    >>> pad(np.ones((1, 2)), (1, 2), value=0.5)
    array([[0.5, 1. , 1. , 0.5, 0.5]])
    """
    if mode not in _PAD_MODES:
        raise ValueError(f"pad: mode must be one of {tuple(_PAD_MODES)}; got {mode!r}")
    x = np.asarray(_d(input))
    widths = tuple(pad)
    if (
        len(widths) % 2
        or len(widths) // 2 > x.ndim
        or not all(isinstance(w, int | np.integer) and w >= 0 for w in widths)
    ):
        raise ValueError(
            f"pad: pad must hold pairs of ints >= 0, at most 2 per dimension of input "
            f"(shape {x.shape}); got {pad!r}"
        )
    pairs = tuple((int(widths[2 * i]), int(widths[2 * i + 1])) for i in range(len(widths) // 2))
    pairs = pairs[::-1]  # first-dimension first, as _np.pad takes them
    if mode == "constant":
        full = [(0, 0)] * (x.ndim - len(pairs)) + list(pairs)
        y = np.pad(x, full, constant_values=0 if value is None else value)
    else:
        y = _np.pad(x, pairs, _PAD_MODES[mode])
    return record(y, (input,), lambda g: (_np.pad_backward(g, pairs, _PAD_MODES[mode]),))


Taps = list[tuple[np.ndarray, np.ndarray | None]]


def _resize_taps(n_in: int, n_out: int, mode: str, align_corners: bool, scale: float | None):
    """Output position ``i`` along one axis as ``sum_k w_k[i] * x[idx_k[i]]``: ``[(idx, None)]``
    for the nearest modes, ``[(i0, 1 - lam), (i1, lam)]`` for the linear ones (PyTorch's source
    index). Each ``idx`` never decreases."""
    ratio = (1 / scale) if scale else n_in / n_out
    i = np.arange(n_out, dtype=np.float64)
    if mode in ("nearest", "nearest-exact"):
        src = np.floor((i + (0.5 if mode == "nearest-exact" else 0.0)) * ratio)
        return [(np.minimum(src.astype(np.intp), n_in - 1), None)]
    if align_corners:
        src = i * ((n_in - 1) / (n_out - 1)) if n_out > 1 else np.zeros(n_out)
    else:
        src = np.maximum(ratio * (i + 0.5) - 0.5, 0.0)
    if n_in == n_out and scale in (None, 1.0):  # PyTorch copies such an axis: a NaN next door
        return [(np.arange(n_in), None)]  # stays there (tests/test_interpolate.py found it)
    i0 = np.floor(src).astype(np.intp)
    i1 = np.where(i0 < n_in - 1, i0 + 1, i0)  # read even at weight 0, as PyTorch
    lam = src - i0
    return [(i0, 1 - lam), (i1, lam)]


def _taps_matrix(taps: Taps, n_in: int, dtype: np.dtype) -> np.ndarray:
    """``A (n_out, n_in)`` with ``A @ a`` :func:`_gather`'s result along an axis, for finite
    ``a`` (a product carries a NaN or an infinity to every output of its row, as ``0 * nan``)."""
    a = np.zeros((len(taps[0][0]), n_in))
    for idx, w in taps:
        np.add.at(a, (np.arange(len(idx)), idx), 1.0 if w is None else w)
    return a.astype(dtype)


def _along(a: np.ndarray, matrices: list[np.ndarray]) -> np.ndarray:
    """``a``'s spatial axes each multiplied by its matrix: ``(.., in, ..) -> (.., out, ..)``.
    Upsampling ``(16, 64, 28, 28)`` bilinearly by 2, float32: forward 24 ms against
    :func:`_gather`'s 26, backward 12 against :func:`_scatter`'s 119 (``np.add.reduceat``
    along the last axis is most of it)."""
    for axis, m in enumerate(matrices, start=2):
        a = np.moveaxis(np.tensordot(m, a, axes=(1, axis)), 0, axis)
    return np.ascontiguousarray(a)


def _gather(a: np.ndarray, taps: Taps, axis: int) -> np.ndarray:
    """``sum_k w_k * a[..., idx_k, ...]`` along ``axis``: a NaN reaches only the outputs that
    read it, as in PyTorch (a matrix product would carry it to the whole row)."""
    trailing = (1,) * (a.ndim - axis - 1)
    out = None
    with np.errstate(all="ignore"):  # an infinity at weight 0 is NaN, as in PyTorch
        for idx, w in taps:
            term = np.take(a, idx, axis=axis)
            if w is not None:
                term *= w.astype(a.dtype).reshape(-1, *trailing)
            out = term if out is None else np.add(out, term, out=out)
    assert out is not None
    return out


def _scatter(g: np.ndarray, taps: Taps, axis: int, n_in: int) -> np.ndarray:
    """The backward of :func:`_gather`: each output's gradient added to the inputs it read.
    ``idx`` never decreases, so the outputs of one input are a run: ``np.add.reduceat``."""
    trailing = (1,) * (g.ndim - axis - 1)
    shape = list(g.shape)
    shape[axis] = n_in
    dx = np.zeros(shape, g.dtype)
    with np.errstate(all="ignore"):  # as the forward's
        for idx, w in taps:
            term = g if w is None else g * w.astype(g.dtype).reshape(-1, *trailing)
            starts = np.flatnonzero(np.diff(idx, prepend=-1))  # the first output of each run
            runs = np.add.reduceat(term, starts, axis=axis)
            where: list[Any] = [slice(None)] * g.ndim
            where[axis] = idx[starts]
            dx[tuple(where)] += runs
    return dx


_LINEAR_MODES = {"linear": 1, "bilinear": 2, "trilinear": 3}


def _repeats(taps: list[Taps], spatial: tuple[int, ...]) -> tuple[int, ...] | None:
    """``k`` per axis when each axis's nearest neighbours repeat every input ``k`` times in
    order (an upsampling by a whole factor, or a size of ``k`` times the input's), else None."""
    repeats = []
    for ((idx, _),), n_in in zip(taps, spatial):
        k = len(idx) // n_in
        if k * n_in != len(idx) or not np.array_equal(idx, np.arange(len(idx)) // k):
            return None
        repeats.append(k)
    return tuple(repeats)


def _upsample(x: np.ndarray, repeats: tuple[int, ...]) -> np.ndarray:
    """Each value of ``x (N, C, *spatial)`` repeated ``repeats[d]`` times along axis ``d``: a
    strided write of ``x`` per copy (the matrix products took 2 reads and a transposed copy per
    axis, 30 ms against PyTorch's 7 to 9 at (16, 64, 28, 28) x 2; a broadcast view's copy runs
    an inner loop of ``k`` numbers, 17 ms)."""
    lead, sizes = x.shape[:2], x.shape[2:]
    y = np.empty(lead + tuple(v for s, k in zip(sizes, repeats) for v in (s, k)), x.dtype)
    for copy in np.ndindex(*repeats):  # (N, C, S1, k1, S2, k2, ...): copy (i1, i2, ...)
        y[(slice(None),) * 2 + tuple(v for i in copy for v in (slice(None), i))] = x
    return y.reshape(lead + tuple(s * k for s, k in zip(sizes, repeats)))


def _upsample_backward(g: np.ndarray, repeats: tuple[int, ...]) -> np.ndarray:
    """The sum of each block of ``repeats`` values of ``g``, a strided view's add per copy."""
    lead = g.shape[:2]
    sizes = tuple(o // k for o, k in zip(g.shape[2:], repeats))
    g6 = np.ascontiguousarray(g).reshape(
        lead + tuple(v for s, k in zip(sizes, repeats) for v in (s, k))
    )
    dx = None
    for copy in np.ndindex(*repeats):  # (i1, i2, ...): the i-th repeat along each axis
        index = (slice(None),) * 2 + tuple(v for i in copy for v in (slice(None), i))
        if dx is None:
            dx = g6[index].copy()
        else:
            dx += g6[index]
    assert dx is not None
    return dx


def interpolate(
    input,
    size=None,
    scale_factor=None,
    mode="nearest",
    align_corners=None,
    recompute_scale_factor=None,
    antialias=False,
):
    """Resize ``x (N, C, *spatial)``: ``mode`` ``"nearest"``, ``"nearest-exact"``,
    ``"linear"`` (1-D), ``"bilinear"`` (2-D) or ``"trilinear"`` (3-D).

    Each mode is separable: along every spatial dimension an output is one input (nearest) or
    two inputs weighted (linear), gathered; the backward adds each gradient back to the inputs
    it read. Whole-factor nearest upsampling is a repeat (:func:`_upsample`).

    >>> interpolate(np.array([[[1.0, 3.0]]]), scale_factor=2, mode="linear")
    array([[[1. , 1.5, 2.5, 3. ]]])
    """
    fn = "interpolate"
    x = np.asarray(_d(input))
    n = x.ndim - 2
    if n < 1:
        raise ValueError(f"{fn}: input must be (N, C, *spatial); got shape {x.shape}")
    if mode in _LINEAR_MODES and _LINEAR_MODES[mode] != n:
        raise ValueError(
            f"{fn}: mode {mode!r} needs {_LINEAR_MODES[mode] + 2}-D input; got {n + 2}-D"
        )
    if mode not in ("nearest", "nearest-exact", *_LINEAR_MODES):
        raise ValueError(
            f"{fn}: mode must be nearest, nearest-exact, linear, bilinear or "
            f"trilinear; got {mode!r}"
        )
    if align_corners is not None and mode not in _LINEAR_MODES:
        raise ValueError(f"{fn}: align_corners only applies to the linear modes; got {mode!r}")
    if antialias:
        raise ValueError(f"{fn}: antialias=True is not supported")
    if (size is None) == (scale_factor is None):
        raise ValueError(f"{fn}: give exactly one of size and scale_factor")
    spatial = x.shape[2:]
    if size is not None:
        sizes = (size,) * n if isinstance(size, int) else tuple(size)
        scales: tuple[float | None, ...] = (None,) * n
    else:
        factors = (scale_factor,) * n if isinstance(scale_factor, int | float) else scale_factor
        sizes = tuple(int(math.floor(s * f)) for s, f in zip(spatial, factors))
        scales = (None,) * n if recompute_scale_factor else tuple(float(f) for f in factors)
    if len(sizes) != n or not all(isinstance(s, int) and s >= 1 for s in sizes):
        raise ValueError(f"{fn}: size must be {n} ints >= 1; got {sizes!r}")
    taps = [
        _resize_taps(i, o, mode, bool(align_corners), s) for i, o, s in zip(spatial, sizes, scales)
    ]
    if mode.startswith("nearest") and (repeats := _repeats(taps, spatial)) is not None:
        return record(_upsample(x, repeats), (input,), lambda g: (_upsample_backward(g, repeats),))

    mats = [_taps_matrix(t, i, x.dtype) for t, i in zip(taps, spatial)]

    def forward(a: np.ndarray) -> np.ndarray:
        if _np.finite(a):  # the products, as the backward's (_along says why)
            return _along(a, mats)
        for axis, t in enumerate(taps, start=2):  # (.., in, ..) -> (.., out, ..) on each axis
            a = _gather(a, t, axis)
        return a

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        if _np.finite(g):
            return (_along(g, [m.T for m in mats]),)
        for axis in range(x.ndim - 1, 1, -1):
            g = _scatter(g, taps[axis - 2], axis, spatial[axis - 2])
        return (g,)

    return record(forward(x), (input,), backward)


def _window_spec(fn: str, x_spatial, kernel_size, dilation, padding, stride):
    k, d, p, s = (
        (v, v) if isinstance(v, int) else tuple(v) for v in (kernel_size, dilation, padding, stride)
    )
    for name, v, low in (
        ("kernel_size", k, 1),
        ("dilation", d, 1),
        ("padding", p, 0),
        ("stride", s, 1),
    ):
        if len(v) != 2 or not all(isinstance(i, int) and i >= low for i in v):
            raise ValueError(f"{fn}: {name} must be an int or 2 ints >= {low}; got {v!r}")
    padded = tuple(n + 2 * pi for n, pi in zip(x_spatial, p))
    out = tuple((n - di * (ki - 1) - 1) // si + 1 for n, ki, di, si in zip(padded, k, d, s))
    if min(out) < 1:
        raise ValueError(
            f"{fn}: the kernel {k} (dilation {d}) does not fit the padded size {padded}"
        )
    return k, d, p, s, padded, out


def _unfold(x: np.ndarray, k, d, p, s, out) -> np.ndarray:
    N, C = x.shape[:2]
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])))
    view = _np.windows(xp, k, s, d, out)  # (N, C, oH, oW, kH, kW)
    cols = view.transpose(0, 1, 4, 5, 2, 3)  # (N, C, kH, kW, oH, oW)
    return cols.reshape(N, C * k[0] * k[1], out[0] * out[1])


def _fold(cols: np.ndarray, C: int, k, d, p, s, padded, out) -> np.ndarray:
    N = cols.shape[0]
    blocks = cols.reshape(N, C, k[0], k[1], out[0], out[1]).transpose(1, 2, 3, 0, 4, 5)
    xp = _np.scatter_windows(blocks, padded, s, d)  # (C, N, *padded), overlaps summed
    xp = xp.transpose(1, 0, 2, 3)
    return np.ascontiguousarray(xp[:, :, p[0] : padded[0] - p[0], p[1] : padded[1] - p[1]])


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    """Every window of ``x (N, C, H, W)`` as a column: ``(N, C * kH * kW, L)``, ``L`` windows.

    Its backward is :func:`fold` of the gradient (each window's values go back and add up).

    >>> unfold(np.arange(4.0).reshape(1, 1, 2, 2), 1).tolist()
    [[[0.0, 1.0, 2.0, 3.0]]]
    """
    x = np.asarray(_d(input))
    if x.ndim != 4:
        raise ValueError(f"unfold: input must be 4-D (N, C, H, W); got shape {x.shape}")
    k, d, p, s, padded, out = _window_spec(
        "unfold", x.shape[2:], kernel_size, dilation, padding, stride
    )
    C = x.shape[1]
    return record(
        _unfold(x, k, d, p, s, out),
        (input,),
        lambda g: (_fold(g, C, k, d, p, s, padded, out),),
    )


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Sum columns ``(N, C * kH * kW, L)`` back into ``(N, C, *output_size)``: the adjoint of
    :func:`unfold`, whose forward is this function's backward.

    >>> fold(np.ones((1, 4, 4)), (3, 3), 2)[0, 0]
    array([[1., 2., 1.],
           [2., 4., 2.],
           [1., 2., 1.]])
    """
    cols = np.asarray(_d(input))
    size = (output_size, output_size) if isinstance(output_size, int) else tuple(output_size)
    k, d, p, s, padded, out = _window_spec("fold", size, kernel_size, dilation, padding, stride)
    taps = k[0] * k[1]
    if cols.ndim != 3 or cols.shape[1] % taps or cols.shape[2] != out[0] * out[1]:
        raise ValueError(
            f"fold: input must be (N, C * {taps}, {out[0] * out[1]}) for these sizes; "
            f"got shape {cols.shape}"
        )
    C = cols.shape[1] // taps
    return record(
        _fold(cols, C, k, d, p, s, padded, out),
        (input,),
        lambda g: (_unfold(g, k, d, p, s, out),),
    )


# --- losses -------------------------------------------------------------------------------------


def _reduced(loss: Any, reduction: str, divisor: Any = None) -> Any:
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.sum() / divisor if divisor is not None else loss.mean()


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """Mean squared error; backward by :func:`convgrad.losses.mse_loss_backward`."""
    _check_legacy("mse_loss", size_average, reduce)
    x, t = _d(input), _d(target)

    def backward(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        dx = losses.mse_loss_backward(g, x, t, reduction)
        return dx, -dx

    return record(losses.mse_loss(x, t, reduction=reduction), (input, target), backward)


def _class_rows(fn: str, input: Tensor, target: np.ndarray) -> tuple[Tensor, np.ndarray]:
    """``input (N, C, *d)`` and ``target (N, *d)`` as rows ``(M, C)`` and ``(M,)``."""
    if input.ndim == 1:
        return input.unsqueeze(0), target.reshape(1)
    if input.ndim < 2 or target.shape != (input.shape[0], *input.shape[2:]):
        raise ValueError(
            f"{fn}: target must have shape (N, *d) = {(input.shape[0], *input.shape[2:])} for "
            f"input (N, C, *d) {input.shape}; got shape {target.shape}"
        )
    if target.dtype.kind not in "iu":
        raise TypeError(f"{fn}: target must hold integer class indices; got dtype {target.dtype}")
    C = input.shape[1]
    if input.ndim > 2:
        input = input.permute(0, *range(2, input.ndim), 1)  # (N, *d, C)
    return input.reshape(-1, C), target.reshape(-1)


def _class_weights(fn, weight, target, ignore_index, C):
    """Each row's weight ``w[target]`` (0 where ignored) and the row targets made safe."""
    valid = target != ignore_index
    if np.any(valid & ((target < 0) | (target >= C))):
        bad = target[valid & ((target < 0) | (target >= C))]
        raise ValueError(
            f"{fn}: target must hold classes in [0, {C}) or ignore_index; got {bad[0]}"
        )
    safe = np.where(valid, target, 0)
    if weight is None:
        return valid.astype(np.float64), safe
    w = np.asarray(_d(weight))
    if w.shape != (C,):
        raise ValueError(f"{fn}: weight must have shape (C,) = ({C},); got shape {w.shape}")
    return w[safe] * valid, safe


def nll_loss(
    input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"
):
    """Negative log-likelihood of log-probabilities ``(N, C, *d)`` at classes ``(N, *d)``.

    ``loss[n] = -weight[t_n] * input[n, t_n]`` (0 where ``t_n == ignore_index``); ``"mean"``
    divides the sum by the sum of the rows' weights, as PyTorch's. Backward: ``dx[n, t_n] =
    -weight[t_n] * g[n]``, zero elsewhere.

    >>> float(nll_loss(np.log(np.array([[0.5, 0.5]])), np.array([0])).round(6))
    0.693147
    """
    fn = "nll_loss"
    _check_legacy(fn, size_average, reduce)
    losses._check_reduction(fn, reduction)
    x = as_tensor(input)
    target_nd = np.asarray(_d(target))
    rows, t = _class_rows(fn, x, target_nd)
    M, C = rows.shape
    w, safe = _class_weights(fn, weight, t, ignore_index, C)
    w = w.astype(x.dtype)
    picked = np.arange(M)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        dx = np.zeros((M, C), dtype=g.dtype)
        dx[picked, safe] = -w * g
        return (dx,)

    loss = record(-w * rows.data[picked, safe], (rows,), backward)  # (M,)
    if reduction == "none":
        return _result(loss.reshape(target_nd.shape), input)
    return _result(_reduced(loss, reduction, w.sum()), input)


def cross_entropy(
    input,
    target,
    weight=None,
    size_average=None,
    ignore_index=-100,
    reduce=None,
    reduction="mean",
    label_smoothing=0.0,
):
    """Cross-entropy of logits ``(N, C, *d)`` (or ``(C,)``) against classes ``(N, *d)`` or
    class probabilities shaped like the logits; PyTorch's ``weight``, ``ignore_index``,
    ``reduction`` and ``label_smoothing``.

    Plain class targets on ``(N, C)`` use :func:`convgrad.losses.cross_entropy` and its
    backward; the rest is ``log_softmax`` then :func:`nll_loss` (and, with label smoothing, the
    weighted mean of ``-log_softmax`` over classes), recorded on the tape.

    >>> float(cross_entropy(np.zeros((2, 4)), np.array([0, 3])).round(6))
    1.386294
    """
    fn = "cross_entropy"
    _check_legacy(fn, size_average, reduce)
    losses._check_reduction(fn, reduction)
    e = float(label_smoothing)
    t = np.asarray(_d(target))
    x_shape = np.shape(_d(input))
    probabilities = t.dtype.kind == "f"
    if not probabilities and len(x_shape) == 2 and weight is None and not np.any(t == ignore_index):
        return _class_cross_entropy(input, t, reduction, e)
    x = as_tensor(input)
    C = x.shape[1] if x.ndim > 1 else x.shape[0]
    logp = log_softmax(x, dim=1 if x.ndim > 1 else 0)
    w = None if weight is None else np.asarray(_d(weight)).astype(x.dtype)
    w_b = None if w is None else w.reshape(C, *(1,) * (x.ndim - 2))  # broadcast over (N, C, *d)
    if probabilities:
        if t.shape != x.shape:
            raise ValueError(
                f"{fn}: probability targets must have input's shape {x.shape}; got {t.shape}"
            )
        q = t * (1 - e) + e / C if e else t
        per = logp * q if w_b is None else logp * (q * w_b)
        loss = -per.sum(1 if x.ndim > 1 else 0)  # (N, *d)
        return _result(_reduced(loss, reduction, x.data.size // C), input)
    loss = nll_loss(logp, t, weight=w, ignore_index=ignore_index, reduction=reduction)
    if not e:
        return _result(loss, input)
    rows, safe_t = _class_rows(fn, logp, t)
    rw, _ = _class_weights(fn, w, safe_t, ignore_index, C)
    valid = (safe_t != ignore_index).astype(x.dtype)
    smooth = -(rows if w is None else rows * w).sum(1) * valid  # (M,), 0 where ignored
    if reduction == "none":
        smooth = smooth.reshape(t.shape)
    else:
        smooth = _reduced(smooth, reduction, valid.sum() if w is None else rw.sum())
    return _result(loss * (1 - e) + smooth * (e / C), input)


def _class_cross_entropy(input: Any, target: np.ndarray, reduction: str, smoothing: float) -> Any:
    """:func:`convgrad.losses.cross_entropy` on ``(N, C)`` logits, recorded; the backward
    (:func:`convgrad.losses.cross_entropy_backward`'s arithmetic) starts from the forward's
    log-probabilities, kept, instead of taking them again."""
    x, target, reduction, smoothing, out = losses._check_cross_entropy(
        "cross_entropy", _d(input), target, reduction, smoothing
    )
    with np.errstate(all="ignore"):
        logp = losses._log_softmax(x)
        loss = losses._cross_entropy_loss(logp, target, reduction, smoothing)

    def backward(g: np.ndarray) -> tuple[np.ndarray]:
        with np.errstate(all="ignore"):
            d = np.asarray(g, dtype=logp.dtype)
            grad = losses._cross_entropy_grad(logp, target, d, reduction, smoothing)
        return (grad.astype(out, copy=False),)

    return record(loss.astype(out, copy=False), (input,), backward)


def binary_cross_entropy_with_logits(
    input, target, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None
):
    """``-w [p t log(sigmoid x) + (1 - t) log(1 - sigmoid x)]``, ``p = pos_weight``, stably:
    ``w [(1 - t) x + (1 + (p - 1) t) softplus(-x)]``; backward
    ``dx = w [(1 + (p - 1) t) sigmoid(x) - p t]``.

    >>> float(binary_cross_entropy_with_logits(np.zeros(2), np.array([0.0, 1.0])).round(6))
    0.693147
    """
    fn = "binary_cross_entropy_with_logits"
    _check_legacy(fn, size_average, reduce)
    losses._check_reduction(fn, reduction)
    x, t = np.asarray(_d(input)), np.asarray(_d(target))
    if t.shape != x.shape:
        raise ValueError(f"{fn}: target must have input's shape {x.shape}; got shape {t.shape}")
    p = 1.0 if pos_weight is None else np.asarray(_d(pos_weight))
    w = 1.0 if weight is None else np.asarray(_d(weight))
    lw = 1 + (p - 1) * t
    softplus = np.log1p(np.exp(-np.abs(x))) + np.maximum(-x, 0)  # softplus(-x)
    per = w * ((1 - t) * x + lw * softplus)

    def backward(g: np.ndarray) -> tuple[np.ndarray, None]:
        return g * w * (lw * activations.sigmoid(x) - p * t), None

    loss = record(np.asarray(per, dtype=x.dtype), (as_tensor(input), target), backward)
    return _result(_reduced(loss, reduction), input)
