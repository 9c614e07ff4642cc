"""``BatchNorm2d``: batch normalisation with PyTorch's parameters, buffers and modes.

Training normalises with the batch's statistics and updates the running ones
(``momentum=None``: their cumulative average, ``1 / num_batches_tracked``); evaluation normalises
with the running statistics. Without ``track_running_stats`` the batch statistics are used in
both modes and there are no buffers. See :mod:`convgrad.normalization` for the math.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import _args
from .. import normalization as F
from ..autograd import Tensor
from . import functional, init
from .module import Module
from .parameter import Parameter


class BatchNorm2d(Module):
    """Batch normalisation of ``x (N, C, H, W)`` per channel, ``C = num_features``.

    Parameters ``weight`` (ones) and ``bias`` (zeros) when ``affine`` (``bias=False``, a
    keyword of recent PyTorch versions, keeps the weight only); buffers ``running_mean``
    (zeros), ``running_var`` (ones) and ``num_batches_tracked`` (an int64 0) when
    ``track_running_stats``: the keys and shapes of PyTorch's state_dict.

    >>> bn = BatchNorm2d(3)
    >>> list(bn.state_dict())
    ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']
    >>> y = bn(np.random.default_rng(0).normal(5.0, 2.0, (4, 3, 2, 2)))
    >>> bn.running_mean.round(1), int(bn.num_batches_tracked)
    (array([0.5, 0.5, 0.5], dtype=float32), 1)
    """

    _dims: tuple[int, ...] = (4,)
    _layout = "(N, C, H, W)"

    def __init__(
        self,
        num_features: int,
        eps: float = 1e-5,
        momentum: float | None = 0.1,
        affine: bool = True,
        track_running_stats: bool = True,
        *,
        bias: bool = True,
        dtype: Any = np.float32,
    ) -> None:
        super().__init__()
        name = type(self).__name__
        if not _args._is_int(num_features) or num_features < 1:
            raise ValueError(f"{name}: num_features must be an int >= 1; got {num_features!r}")
        if momentum is not None and (
            isinstance(momentum, bool) or not isinstance(momentum, int | float)
        ):
            raise TypeError(f"{name}: momentum must be a number or None; got {momentum!r}")
        if isinstance(eps, bool) or not isinstance(eps, int | float) or eps < 0:
            raise ValueError(f"{name}: eps must be a number >= 0; got {eps!r}")
        if isinstance(eps, float) and not math.isfinite(eps):
            raise ValueError(f"{name}: eps must be a finite number >= 0; got {eps!r}")
        if momentum is not None and not math.isfinite(momentum):
            raise ValueError(f"{name}: momentum must be a finite number or None; got {momentum!r}")
        for flag in ("affine", "track_running_stats", "bias"):
            _args.check_flag(name, flag, {"affine": affine, "track_running_stats":
                                          track_running_stats, "bias": bias}[flag])  # fmt: skip
        init.check_layer(name, (num_features,), dtype, "num_features")
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        self.weight = Parameter(np.ones(num_features, dtype=dtype)) if affine else None
        self.bias = Parameter(np.zeros(num_features, dtype=dtype)) if affine and bias else None
        if track_running_stats:
            self.register_buffer("running_mean", np.zeros(num_features, dtype=dtype))
            self.register_buffer("running_var", np.ones(num_features, dtype=dtype))
            self.register_buffer("num_batches_tracked", np.array(0, dtype=np.int64))
        else:
            self.running_mean = self.running_var = self.num_batches_tracked = None

    def _check(self, x: Any) -> np.ndarray:
        x = _args.as_array(type(self).__name__, "x", x)
        if x.ndim not in self._dims or x.shape[1] != self.num_features:
            raise ValueError(
                f"{type(self).__name__}: x must be {self._layout} with C = num_features = "
                f"{self.num_features}; got shape {x.shape}"
            )
        return x

    def _uses_batch_stats(self) -> bool:
        return self.training or self.running_mean is None

    def _stats(self) -> tuple[Any, Any]:
        if self._uses_batch_stats():
            return None, None
        return self.running_mean, self.running_var

    def forward(self, x: Any) -> Any:
        if isinstance(x, Tensor):
            self._check(x.data)
            if self._uses_batch_stats():  # the forward's statistics serve the running update
                y, saved = functional._batch_norm_train(x, self.weight, self.bias, self.eps)
                self._update_running_stats(saved)
                return y
            mean, var = self._stats()
            return functional.batch_norm(x, mean, var, self.weight, self.bias, False, eps=self.eps)
        x = self._check(x)
        self._x, self._batch_stats, self._relu_out = x, self._uses_batch_stats(), None
        weight = None if self.weight is None else self.weight.data
        bias = None if self.bias is None else self.bias.data
        if self._batch_stats:  # xhat kept for backward, statistics for the running update
            y, self._kept = F.batch_norm_saving(x, weight, bias, eps=self.eps)
            self._update_running_stats(self._kept)
            return y
        self._kept = None
        mean, var = self._stats()
        return F.batch_norm(x, mean, var, weight, bias, training=False, eps=self.eps)

    def _fuses_relu(self, x: Any) -> bool:
        """Whether :meth:`_forward_relu` runs ReLU inside batch norm's passes for this input:
        training with the batch's statistics, float32 or float64 (numba's kernels, with
        ``convgrad[fast]``, apply it in their passes; NumPy's in place on ``y``, a share of
        channels at a time while it is in cache, and its backward into ``dx``)."""
        data = x.data if isinstance(x, Tensor) else x
        return self._uses_batch_stats() and isinstance(data, np.ndarray) and data.dtype in F._FLOATS

    def _forward_relu(self, x: Any, residual: Any = None) -> Any:
        """``relu(self(x))`` in one pass (:func:`convgrad.normalization.batch_norm_relu_saving`),
        for a ``Sequential`` (or a model) whose ``ReLU`` follows this layer; :meth:`backward`
        then runs the ReLU's backward too. ``relu(self(x) + residual)`` with ``residual``
        (ResNet's blocks, through the tape: the residual's gradient is recorded). Only where
        :meth:`_fuses_relu`."""
        if isinstance(x, Tensor):
            self._check(x.data)
            y, saved = functional._batch_norm_relu_train(
                x, self.weight, self.bias, self.eps, residual
            )
            self._update_running_stats(saved)
            return y
        x = self._check(x)
        self._x, self._batch_stats = x, True
        weight = None if self.weight is None else self.weight.data
        bias = None if self.bias is None else self.bias.data
        if isinstance(residual, Tensor):
            residual = residual.data
        y, self._kept = F.batch_norm_relu_saving(x, weight, bias, eps=self.eps, residual=residual)
        self._relu_out = y
        self._update_running_stats(self._kept)
        return y

    def _update_running_stats(self, saved: F.BatchNormSaved) -> None:
        if self.training and self.running_mean is not None:
            self.num_batches_tracked = self.num_batches_tracked + 1
            factor = 1 / int(self.num_batches_tracked) if self.momentum is None else self.momentum
            self.running_mean, self.running_var = F.running_stats(
                saved, self.running_mean, self.running_var, momentum=factor
            )

    def backward(self, dy: Any) -> np.ndarray:
        x = self._saved()
        weight = None if self.weight is None else self.weight.data
        if self._batch_stats and self.__dict__.get("_relu_out") is not None:
            dx, dweight, dbias = F.batch_norm_relu_backward_saved(
                dy, self._relu_out, self._kept, weight
            )
        elif self._batch_stats:
            dx, dweight, dbias = F.batch_norm_backward_saved(dy, self._kept, weight)
        else:  # the statistics forward used: the running ones, unchanged in eval mode
            mean, var = self.running_mean, self.running_var
            dx, dweight, dbias = F.batch_norm_backward(
                dy, x, mean, var, weight, training=False, eps=self.eps
            )
        if self.weight is not None:
            self.weight.accumulate(dweight)
        if self.bias is not None:
            self.bias.accumulate(dbias)
        return dx

    def extra_repr(self) -> str:
        return (
            f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, "
            f"affine={self.affine}, bias={self.bias is not None}, "
            f"track_running_stats={self.track_running_stats}"
        )


class BatchNorm1d(BatchNorm2d):
    """Batch normalisation of ``x (N, C)`` or ``(N, C, L)`` per channel, ``C = num_features``;
    the parameters, buffers and modes of :class:`BatchNorm2d`.

    >>> bn = BatchNorm1d(2)
    >>> bn(np.array([[1.0, 0.0], [3.0, 2.0]])).round(3)
    array([[-1., -1.],
           [ 1.,  1.]])
    """

    _dims = (2, 3)
    _layout = "(N, C) or (N, C, L)"
