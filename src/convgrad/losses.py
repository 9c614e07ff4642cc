"""Losses and their gradients: ``cross_entropy`` (from logits) and ``mse_loss``.

``reduction`` is ``"mean"`` (the default), ``"sum"`` or ``"none"``, as PyTorch's; a reduced loss
is a 0-d array, ``"none"`` gives one loss per sample (cross-entropy) or per element (MSE). Each
``*_backward`` takes ``dloss``, shaped like the loss (a number for a reduced one), and the forward's
arguments.

Cross-entropy with ``C`` classes, ``logp = log_softmax(x)`` per row, computed as
``x - m - log(sum(exp(x - m)))`` with ``m`` the row's maximum (no overflow), and with label
smoothing ``e`` the target distribution ``q = (1 - e) * onehot(target) + e / C``:

    loss[n] = -sum_c q[n, c] * logp[n, c]
    dx[n]   = dloss[n] * (softmax(x[n]) - q[n])

since ``d logp[c] / d x[k] = [c == k] - softmax(x)[k]`` and ``q`` sums to 1. ``"mean"`` divides the
summed loss, and so the gradient, by ``N``.

Mean squared error: ``loss = (input - target)**2``, ``dinput = 2 * (input - target) * dloss``,
divided by the number of elements for ``"mean"``; ``dtarget = -dinput``.
"""

from __future__ import annotations

import numpy as np

from . import _args

REDUCTIONS = ("mean", "sum", "none")


def _check_reduction(fn: str, reduction: object) -> str:
    if not isinstance(reduction, str) or reduction not in REDUCTIONS:
        raise ValueError(f"{fn}: reduction must be one of {REDUCTIONS}; got {reduction!r}")
    return reduction


def _reduce(loss: np.ndarray, reduction: str) -> np.ndarray:
    if reduction == "none":
        return loss
    return np.asarray(loss.sum() if reduction == "sum" else loss.mean())


def _check_dloss(fn: str, dloss: object, shape: tuple[int, ...], reduction: str) -> np.ndarray:
    d = _args.as_array(fn, "dloss", dloss)
    expected = shape if reduction == "none" else ()
    if d.shape != expected:
        raise ValueError(
            f"{fn}: dloss must have the loss's shape {expected} (reduction={reduction!r}); "
            f"got shape {d.shape}"
        )
    return d


# --- cross-entropy ------------------------------------------------------------------------------


def _check_cross_entropy(fn, x, target, reduction, label_smoothing):
    reduction = _check_reduction(fn, reduction)
    x = _args.as_array(fn, "input", x)
    try:
        target = np.asarray(target)
    except (ValueError, TypeError) as err:
        raise TypeError(
            f"{fn}: target must be an array of class indices; got {target!r:.80}"
        ) from err
    if x.ndim != 2 or x.shape[1] < 1:
        raise ValueError(f"{fn}: input must be 2-D logits (N, C); got shape {x.shape}")
    if target.dtype.kind not in "iu":
        raise TypeError(f"{fn}: target must hold integer class indices; got dtype {target.dtype}")
    if target.shape != x.shape[:1]:
        raise ValueError(
            f"{fn}: target must have shape (N,) = {x.shape[:1]}, one class per row of input; "
            f"got shape {target.shape} for input shape {x.shape}"
        )
    if target.size and (target.min() < 0 or target.max() >= x.shape[1]):
        raise ValueError(
            f"{fn}: target must hold classes in [0, C) = [0, {x.shape[1]}); got values from "
            f"{target.min()} to {target.max()}"
        )
    _args.check_real(fn, "label_smoothing", label_smoothing, 0.0, 1.0)
    compute, out = _args.result_dtype(x)
    return x.astype(compute, copy=False), target, reduction, float(label_smoothing), out


def _log_softmax(x: np.ndarray) -> np.ndarray:
    """``(N, C)``: ``x - log(sum(exp(x)))`` per row, with each row's maximum taken out first;
    four passes, one new array and one temporary."""
    out = np.subtract(x, x.max(axis=1, keepdims=True))  # each row's maximum at 0
    sums = np.exp(out).sum(axis=1, keepdims=True)
    out -= np.log(sums)
    return out


def _cross_entropy_loss(logp: np.ndarray, target: np.ndarray, reduction: str, smoothing: float):
    """:func:`cross_entropy` from the log-probabilities ``logp (N, C)``."""
    # -sum_c q[c] logp[c], written as PyTorch computes it: the target's term alone, plus the
    # smoothing's mean over classes only when there is smoothing (so 0 * -inf never makes a NaN)
    loss = -(1 - smoothing) * logp[np.arange(logp.shape[0]), target]  # (N,)
    if smoothing:
        loss -= smoothing / logp.shape[1] * logp.sum(axis=1)
    return _reduce(loss, reduction)


def _cross_entropy_grad(
    logp: np.ndarray, target: np.ndarray, d: np.ndarray, reduction: str, smoothing: float
) -> np.ndarray:
    """:func:`cross_entropy_backward` from the log-probabilities ``logp (N, C)`` and ``dloss``
    ``d`` in their dtype: ``(softmax - q) * d``, ``q`` the smoothed one-hot targets, divided by
    ``N`` for the mean; ``q`` is never made: the target's entries are set apart and take
    ``q[t] = e / C + (1 - e)`` in one subtraction, as a whole ``q`` would give them."""
    n, classes = logp.shape
    rows = np.arange(n)
    dx = np.exp(logp)  # the probabilities
    kind = dx.dtype.type
    at_target = dx[rows, target] - (kind(smoothing / classes) + kind(1 - smoothing))
    if smoothing:
        dx -= kind(smoothing / classes)
    dx[rows, target] = at_target
    dx *= d[:, None] if reduction == "none" else d
    if reduction == "mean" and n:
        dx /= n
    return dx


def _check_torch_only(fn: str, **given: object) -> None:
    """PyTorch's arguments that convgrad takes for its signature at their defaults only:
    ``size_average`` and ``reduce`` (deprecated there for ``reduction``) and ``weight``."""
    for name, value in given.items():
        if value is not None:
            rule = (
                "class weights are not implemented"
                if name == "weight"
                else "it is deprecated in PyTorch; use reduction"
            )
            raise ValueError(f"{fn}: {name} must be None ({rule}); got {value!r:.80}")


@_args.ieee
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
    """Cross-entropy of logits against class indices (PyTorch's ``cross_entropy``).

    Args:
        input: logits ``(N, C)``.
        target: integer classes ``(N,)``, each in ``[0, C)``.
        weight, size_average, reduce: PyTorch's; only None (class weights are not
            implemented; the other two are deprecated there).
        ignore_index: an int; no target may equal it (ignoring targets is not implemented),
            so the result is PyTorch's whenever it is accepted.
        reduction: ``"mean"``, ``"sum"`` or ``"none"`` (keyword: PyTorch's position).
        label_smoothing: ``e`` in ``[0, 1]``: the target puts ``e / C`` on every class.

    Returns:
        the loss: a 0-d array, or ``(N,)`` for ``reduction="none"``.

    >>> import numpy as np
    >>> float(cross_entropy(np.zeros((2, 4)), np.array([0, 3])))  # log(4)
    1.3862943611198906
    """
    _check_torch_only("cross_entropy", weight=weight, size_average=size_average, reduce=reduce)
    x, target, reduction, smoothing, out = _check_cross_entropy(
        "cross_entropy", input, target, reduction, label_smoothing
    )
    if not _args._is_int(ignore_index):
        raise TypeError(f"cross_entropy: ignore_index must be an int; got {ignore_index!r:.80}")
    if np.any(target == ignore_index):
        raise ValueError(
            f"cross_entropy: no target may equal ignore_index={ignore_index}: ignoring targets "
            f"is not implemented"
        )
    loss = _cross_entropy_loss(_log_softmax(x), target, reduction, smoothing)
    return loss.astype(out, copy=False)


@_args.ieee
def cross_entropy_backward(dloss, input, target, reduction="mean", label_smoothing=0.0):
    """Gradient of :func:`cross_entropy` with respect to ``input``: ``(N, C)``.

    ``dloss`` is a number (or 0-d array), or ``(N,)`` for ``reduction="none"``.

    >>> import numpy as np
    >>> cross_entropy_backward(1.0, np.zeros((1, 2)), np.array([1]))
    array([[ 0.5, -0.5]])
    """
    fn = "cross_entropy_backward"
    x, target, reduction, smoothing, out = _check_cross_entropy(
        fn, input, target, reduction, label_smoothing
    )
    d = _check_dloss(fn, dloss, x.shape[:1], reduction).astype(x.dtype)
    return _cross_entropy_grad(_log_softmax(x), target, d, reduction, smoothing).astype(
        out, copy=False
    )


# --- mean squared error -------------------------------------------------------------------------


def _check_mse(fn, x, target, reduction):
    reduction = _check_reduction(fn, reduction)
    x, t = _args.as_array(fn, "input", x), _args.as_array(fn, "target", target)
    if x.shape != t.shape:
        raise ValueError(f"{fn}: target must have input's shape {x.shape}; got shape {t.shape}")
    compute, out = _args.result_dtype(x, t)
    return x.astype(compute, copy=False), t.astype(compute, copy=False), reduction, out


@_args.ieee
def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Mean squared error ``(input - target)**2``, reduced (PyTorch's ``mse_loss``).

    ``input`` and ``target`` have the same shape; the loss is 0-d, or that shape for ``"none"``.
    ``size_average``, ``reduce`` and ``weight`` are PyTorch's, taken at None only.

    >>> import numpy as np
    >>> float(mse_loss(np.array([1.0, 3.0]), np.zeros(2)))
    5.0
    """
    _check_torch_only("mse_loss", size_average=size_average, reduce=reduce, weight=weight)
    x, t, reduction, out = _check_mse("mse_loss", input, target, reduction)
    return _reduce((x - t) ** 2, reduction).astype(out, copy=False)


@_args.ieee
def mse_loss_backward(dloss, input, target, reduction="mean"):
    """Gradient of :func:`mse_loss` with respect to ``input``; that of ``target`` is its negative.

    >>> import numpy as np
    >>> mse_loss_backward(1.0, np.array([1.0, 3.0]), np.zeros(2))
    array([1., 3.])
    """
    fn = "mse_loss_backward"
    x, t, reduction, out = _check_mse(fn, input, target, reduction)
    d = _check_dloss(fn, dloss, x.shape, reduction).astype(x.dtype)
    norm = 2 / x.size if reduction == "mean" and x.size else 2  # first, as PyTorch: no overflow
    dx = norm * (x - t) * d
    return dx.astype(out, copy=False)
