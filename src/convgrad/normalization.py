"""Batch normalisation, forward and backward, in training and in evaluation.

Shapes: ``x (N, C, *spatial)`` (``(N, C)``, ``(N, C, L)``, ``(N, C, H, W)``...); ``weight`` (gamma),
``bias`` (beta), ``running_mean`` and ``running_var`` are ``(C,)``. Statistics are per channel,
over the ``M = N * prod(spatial)`` values of that channel.

Forward: ``y = weight * xhat + bias`` with ``xhat = (x - mean) / sqrt(var + eps)``, where ``mean``
and ``var`` are the batch's own (``var`` biased, divided by ``M``) in training, or when there are
no running statistics, and ``running_mean`` and ``running_var`` otherwise.

Backward. ``dbias = sum(dy)`` and ``dweight = sum(dy * xhat)`` over each channel's ``M`` values.
With fixed (running) statistics, ``dx = dy * weight / sqrt(var + eps)``. With batch statistics
``mean`` and ``var`` depend on ``x`` too; writing ``g = dy * weight`` (the gradient at ``xhat``),
``d mean / d x = 1 / M`` and ``d var / d x = 2 (x - mean) / M`` give, after collecting terms,

    dx = (g - mean(g) - xhat * mean(g * xhat)) / sqrt(var + eps)

with the means over the channel's ``M`` values: the part of ``g`` that a shift or a scaling of
the channel would explain is removed. (:mod:`convgrad.reference` spells out the chain rule
through ``mean`` and ``var`` step by step.)

Running statistics. Unlike PyTorch's ``F.batch_norm``, which updates ``running_mean`` and
``running_var`` in place, :func:`batch_norm` never modifies its inputs; :func:`batch_norm_stats`
returns the updated statistics:
``new = (1 - momentum) * running + momentum * batch``, with the *unbiased* batch variance
(divided by ``M - 1``), as PyTorch's.
"""

from __future__ import annotations

import math
import numbers
from typing import NamedTuple

import numpy as np

from . import _args


class BatchNormGrads(NamedTuple):
    """Gradients of :func:`batch_norm`: ``dx`` like ``x``, ``dweight`` and ``dbias`` ``(C,)``."""

    dx: np.ndarray
    dweight: np.ndarray
    dbias: np.ndarray


_NO_DY = object()  # the forward's checks: no dy at all (None is a bad dy)


def _check(fn, x, running_mean, running_var, weight, bias, eps, dy=_NO_DY, training=False):
    _args.check_flag(fn, "training", training)
    x = _args.as_array(fn, "x", x)
    extra = [] if dy is _NO_DY else [_args.as_array(fn, "dy", dy)]
    if x.ndim < 2:
        raise ValueError(f"{fn}: x must be (N, C, *spatial), at least 2-D; got shape {x.shape}")
    C = x.shape[1]
    named = {"running_mean": running_mean, "running_var": running_var}
    named |= {"weight": weight, "bias": bias}
    arrays = {}
    for name, value in named.items():
        if value is not None:
            a = _args.as_array(fn, name, value)
            if a.shape != (C,):
                raise ValueError(
                    f"{fn}: {name} must have shape ({C},), one value per channel of x "
                    f"(shape {x.shape}); got shape {a.shape}"
                )
            arrays[name] = a
    if (running_mean is None) != (running_var is None):
        raise ValueError(f"{fn}: running_mean and running_var must be given together or not at all")
    if isinstance(eps, bool) or not isinstance(eps, numbers.Real):
        raise TypeError(f"{fn}: eps must be a number >= 0; got {eps!r:.80}")
    if not 0 <= eps < math.inf:
        raise ValueError(f"{fn}: eps must be a finite number >= 0; got {eps!r:.80}")
    if extra:
        _args.check_dy(fn, extra[0], x.shape)
        arrays["dy"] = extra[0]
    compute, out = _args.result_dtype(x, *arrays.values())
    cast = {k: v.astype(compute, copy=False) for k, v in arrays.items()}
    return x.astype(compute, copy=False), cast, out


def _channels(x: np.ndarray) -> tuple[int, ...]:
    """The axes every channel's statistics run over: all but axis 1."""
    return (0, *range(2, x.ndim))


def _per_channel(a: np.ndarray, ndim: int) -> np.ndarray:
    """``(C,)`` as ``(1, C, 1, ..., 1)``, to broadcast against ``(N, C, *spatial)``."""
    return a.reshape(1, -1, *(1,) * (ndim - 2))


def _statistics(x, arrays, training) -> tuple[np.ndarray, np.ndarray]:
    """The mean and variance that normalise ``x``, broadcastable to it."""
    if training or "running_mean" not in arrays:
        values = int(np.prod(x.shape)) // x.shape[1]
        if values < 2:
            raise ValueError(
                f"batch_norm: batch statistics (training, or no running statistics) need more "
                f"than 1 value per channel; got x shape {x.shape}"
            )
        mean = x.mean(axis=_channels(x), keepdims=True)
        return mean, ((x - mean) ** 2).mean(axis=_channels(x), keepdims=True)
    return (
        _per_channel(arrays["running_mean"], x.ndim),
        _per_channel(arrays["running_var"], x.ndim),
    )


@_args.aliases(x="input")
@_args.ieee
def batch_norm(
    input,
    running_mean=None,
    running_var=None,
    weight=None,
    bias=None,
    training=False,
    momentum=0.1,
    eps=1e-5,
):
    """Batch normalisation (PyTorch's ``batch_norm``, without its in-place running update).

    Args:
        input: ``x (N, C, *spatial)`` (PyTorch's name; ``x`` is accepted too).
        running_mean, running_var: ``(C,)``, or both None (then batch statistics are used);
            optional here, where PyTorch requires them.
        weight, bias: ``(C,)`` or None (ones and zeros).
        training: normalise with the batch's statistics rather than the running ones.
        momentum: unused here (see :func:`batch_norm_stats`); kept for PyTorch's signature.
        eps: added to the variance.

    Returns:
        y: shaped like ``x``.

    >>> import numpy as np
    >>> batch_norm(np.array([[1.0], [3.0]]), training=True, eps=0.0)
    array([[-1.],
           [ 1.]])
    """
    if momentum is not None:  # unused, as PyTorch's without running statistics to update
        _args.check_real("batch_norm", "momentum", momentum)
    x, arrays, out = _check(
        "batch_norm", input, running_mean, running_var, weight, bias, eps, training=training
    )
    mean, var = _statistics(x, arrays, training)
    y = (x - mean) / np.sqrt(var + eps)
    if "weight" in arrays:
        y *= _per_channel(arrays["weight"], x.ndim)
    if "bias" in arrays:
        y += _per_channel(arrays["bias"], x.ndim)
    return y.astype(out, copy=False)


@_args.ieee
def batch_norm_backward(
    dy, x, running_mean=None, running_var=None, weight=None, training=False, eps=1e-5
):
    """Gradients of :func:`batch_norm`: ``BatchNormGrads(dx, dweight, dbias)``.

    ``dy`` and ``x`` are ``(N, C, *spatial)``; ``dweight`` and ``dbias`` are ``(C,)``, the gradients
    of a weight and bias whether or not the forward pass had them (as ones and zeros).

    >>> import numpy as np
    >>> x = np.array([[1.0], [3.0]])
    >>> batch_norm_backward(np.ones((2, 1)), x, training=True).dx  # a shift changes nothing
    array([[0.],
           [0.]])
    """
    fn = "batch_norm_backward"
    x, arrays, out = _check(fn, x, running_mean, running_var, weight, None, eps, dy, training)
    dy = arrays["dy"]
    axes = _channels(x)
    mean, var = _statistics(x, arrays, training)
    inv_std = 1 / np.sqrt(var + eps)
    xhat = (x - mean) * inv_std
    gamma = _per_channel(arrays["weight"], x.ndim) if "weight" in arrays else 1
    g = dy * gamma  # the gradient at xhat
    if training or "running_mean" not in arrays:
        g_mean = g.mean(axis=axes, keepdims=True)
        dx = (g - g_mean - xhat * (g * xhat).mean(axis=axes, keepdims=True)) * inv_std
    else:
        dx = g * inv_std
    return BatchNormGrads(
        dx.astype(out, copy=False),
        (dy * xhat).sum(axis=axes).astype(out, copy=False),
        dy.sum(axis=axes).astype(out, copy=False),
    )


@_args.ieee
def batch_norm_stats(x, running_mean, running_var, momentum=0.1):
    """The running statistics after one training step on ``x``: ``(new_mean, new_var)``.

    ``new = (1 - momentum) * running + momentum * batch``, with the unbiased batch variance.
    ``x (N, C, *spatial)``; ``running_mean``, ``running_var`` and the results are ``(C,)``, in
    their own dtype.

    >>> import numpy as np
    >>> batch_norm_stats(np.array([[1.0], [3.0]]), np.zeros(1), np.ones(1), momentum=0.5)
    (array([1.]), array([1.5]))
    """
    fn = "batch_norm_stats"
    if running_mean is None or running_var is None:
        raise ValueError(f"{fn}: running_mean and running_var must be arrays; got None")
    x, arrays, _ = _check(fn, x, running_mean, running_var, None, None, 1.0)
    _args.check_real(fn, "momentum", momentum)
    values = int(np.prod(x.shape)) // x.shape[1]
    if values < 2:
        raise ValueError(
            f"{fn}: the unbiased variance needs more than 1 value per channel; "
            f"got x shape {x.shape}"
        )
    mean = x.mean(axis=_channels(x))
    var = ((x - _per_channel(mean, x.ndim)) ** 2).sum(axis=_channels(x)) / (values - 1)
    rm, rv = np.asarray(running_mean), np.asarray(running_var)
    return (
        ((1 - momentum) * arrays["running_mean"] + momentum * mean).astype(rm.dtype),
        ((1 - momentum) * arrays["running_var"] + momentum * var).astype(rv.dtype),
    )
