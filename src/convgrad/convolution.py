"""Fast vectorised convolutions in N dimensions: forward, backward, transposed.

One algorithm serves 1-D, 2-D and 3-D: gather every window into a matrix (im2col), then one
matrix product per group. Notation: ``G`` groups, ``Cg = C_in / G`` and ``Og = C_out / G``
channels per group, ``K`` taps per kernel, ``P`` output positions per image.

Forward. With ``xp`` the padded input,
``y[n, o, p] = b[o] + sum_{c,t} w[o, c, t] * xp[n, c, p*s + t*d]``.
Gathering ``cols[g, (c, t), (n, p)] = xp[n, g*Cg + c, p*s + t*d]`` makes it ``y_g = w_g @ cols_g``.

Backward, derived from that product (``dy_g`` is ``dy`` laid out as ``(G, Og, N*P)``):

- ``dw_g = dy_g @ cols_g.T``: each weight sees the input values it multiplied (a correlation of
  ``x`` with ``dy``);
- ``dcols_g = w_g.T @ dy_g``, then every column is added back onto the window it was read from,
  which gives ``dxp`` (a transposed convolution of ``dy`` with ``w``); folding ``dxp`` back through
  the padding gives ``dx``;
- ``db[o] = sum_{n,p} dy[n, o, p]``.

A transposed convolution is the input-gradient of the convolution whose input is its output, so
its forward is ``dxp`` above (cropped by its padding), and its backward is a forward convolution
(``dx``) and the same weight gradient with the roles of input and upstream gradient swapped.
"""

from __future__ import annotations

import numpy as np

from . import _api, _np
from ._api import ConvGrads
from ._args import ConvSpec


def _columns(xp: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """Every window of ``xp (N, C, *padded)`` as ``cols (G, Cg*K, N*P)``, one copy."""
    n = len(spec.kernel)
    view = _np.windows(xp, spec.kernel, spec.stride, spec.dilation, spec.out_spatial)
    # view is (N, C, *out, *kernel); bring it to (C, *kernel, N, *out)
    order = (1, *range(2 + n, 2 + 2 * n), 0, *range(2, 2 + n))
    rows = xp.shape[1] // spec.groups * int(np.prod(spec.kernel))  # Cg*K
    positions = xp.shape[0] * int(np.prod(spec.out_spatial))  # N*P
    return view.transpose(order).reshape(spec.groups, rows, positions)


def _as_groups(a: np.ndarray, groups: int) -> np.ndarray:
    """``(N, C, *spatial)`` -> ``(G, C / G, N * prod(spatial))``, one copy."""
    positions = a.shape[0] * int(np.prod(a.shape[2:]))
    return np.moveaxis(a, 1, 0).reshape(groups, a.shape[1] // groups, positions)


def _from_groups(a: np.ndarray, batch: int, spatial: tuple[int, ...]) -> np.ndarray:
    """Inverse of :func:`_as_groups`: ``(G, C / G, N * P)`` -> contiguous ``(N, C, *spatial)``."""
    channels = a.shape[0] * a.shape[1]
    return np.ascontiguousarray(np.moveaxis(a.reshape(channels, batch, *spatial), 0, 1))


def _strategy(spec: ConvSpec, w: np.ndarray) -> str:
    """``"taps"`` for grouped convolutions with one input channel per group (depthwise), whose
    matrix products would be too thin to pay for gathering windows; ``"im2col"`` otherwise."""
    return "taps" if spec.groups > 1 and w.shape[1] == 1 else "im2col"


def _forward(xp: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of the convolution of the already padded ``xp``, without bias."""
    if _strategy(spec, w) == "taps":
        return _taps_forward(xp, w, spec)
    w_g = w.reshape(spec.groups, w.shape[0] // spec.groups, w[0].size)  # (G, Og, Cg*K)
    y_g = w_g @ _columns(xp, spec)  # (G, Og, N*P)
    return _from_groups(y_g, xp.shape[0], spec.out_spatial)


def _input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dxp (N, C_in, *padded)``: the gradient with respect to the padded input."""
    if _strategy(spec, w) == "taps":
        return _taps_input_grad(dy, w, spec)
    batch = dy.shape[0]
    w_g = w.reshape(spec.groups, w.shape[0] // spec.groups, w[0].size)  # (G, Og, Cg*K)
    dcols = w_g.transpose(0, 2, 1) @ _as_groups(dy, spec.groups)  # (G, Cg*K, N*P)
    dcols = dcols.reshape(
        w.shape[1] * spec.groups, *spec.kernel, batch, *spec.out_spatial
    )  # (C, *kernel, N, *out)
    dxp = _np.scatter_windows(dcols, spec.padded_spatial, spec.stride, spec.dilation)
    return np.moveaxis(dxp, 0, 1)  # (C, N, *padded) -> (N, C, *padded), a view


def _weight_grad(dy: np.ndarray, xp: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``, from ``dy (N, C_out, *out)`` and the padded input ``xp``."""
    if _strategy(spec, w) == "taps":
        return _taps_weight_grad(dy, xp, spec, w)
    dw_g = _as_groups(dy, spec.groups) @ _columns(xp, spec).transpose(0, 2, 1)  # (G, Og, Cg*K)
    return dw_g.reshape(w.shape)


# The "taps" strategy, for one input channel per group: with G = C_in groups of Og outputs,
# y[n, g, o, p] = sum_t w[g*Og + o, 0, t] * xp[n, g, p*s + t*d], one broadcast multiply-add
# per kernel tap t over the strided slice of xp that the tap reads; dx and dw follow tap by tap.


def _tap_weights(w: np.ndarray, groups: int) -> np.ndarray:
    """``w (G*Og, 1, *kernel)`` -> ``(G, Og, K)``, one column per tap."""
    return w.reshape(groups, w.shape[0] // groups, w[0].size)


def _taps_forward(xp: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    w_t = _tap_weights(w, spec.groups)  # (G, Og, K)
    y = np.zeros((xp.shape[0], *w_t.shape[:2], *spec.out_spatial), dtype=xp.dtype)
    # y is (N, G, Og, *out); a tap's weights broadcast as (G, Og, 1, ...) over it
    for k, tap in enumerate(np.ndindex(*spec.kernel)):
        xs = _np.tap_view(xp, tap, spec.stride, spec.dilation, spec.out_spatial)  # (N, G, *out)
        y += _broadcastable(w_t[:, :, k], len(spec.kernel)) * xs[:, :, None]
    return y.reshape(xp.shape[0], w.shape[0], *spec.out_spatial)


def _taps_input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    w_t = _tap_weights(w, spec.groups)  # (G, Og, K)
    dy_t = dy.reshape(dy.shape[0], *w_t.shape[:2], *spec.out_spatial)  # (N, G, Og, *out)
    dxp = np.zeros((dy.shape[0], spec.groups, *spec.padded_spatial), dtype=dy.dtype)
    for k, tap in enumerate(np.ndindex(*spec.kernel)):
        dxs = _np.tap_view(dxp, tap, spec.stride, spec.dilation, spec.out_spatial)  # (N, G, *out)
        contribution = _broadcastable(w_t[:, :, k], len(spec.kernel)) * dy_t
        dxs += contribution.sum(axis=2) if w_t.shape[1] > 1 else contribution[:, :, 0]
    return dxp


def _taps_weight_grad(dy: np.ndarray, xp: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    w_t = _tap_weights(w, spec.groups)  # (G, Og, K)
    batch, positions = dy.shape[0], int(np.prod(spec.out_spatial))
    dy_t = dy.reshape(batch, *w_t.shape[:2], positions)  # (N, G, Og, P)
    dw = np.empty(w_t.shape, dtype=dy.dtype)
    for k, tap in enumerate(np.ndindex(*spec.kernel)):
        xs = _np.tap_view(xp, tap, spec.stride, spec.dilation, spec.out_spatial)  # (N, G, *out)
        dw[:, :, k] = np.einsum("ngop,ngp->go", dy_t, xs.reshape(batch, spec.groups, positions))
    return dw.reshape(w.shape)


def _broadcastable(w_tap: np.ndarray, n: int) -> np.ndarray:
    """One tap's weights ``(G, Og)`` as ``(G, Og, 1, ..., 1)``, to multiply ``(N, G, Og, *out)``."""
    return w_tap.reshape(*w_tap.shape, *(1,) * n)


def _bias_grad(dy: np.ndarray, bias: bool) -> np.ndarray | None:
    return dy.sum(axis=(0, *range(2, dy.ndim))) if bias else None


def _add_bias(y: np.ndarray, b: np.ndarray | None) -> np.ndarray:
    if b is not None:
        y += b.reshape(-1, *(1,) * (y.ndim - 2))
    return y


def conv_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray | None, spec: ConvSpec) -> np.ndarray:
    xp = _np.pad(x, spec.padding, spec.padding_mode)
    return _add_bias(_forward(xp, w, spec), b)


def conv_backward(
    dy: np.ndarray, x: np.ndarray, w: np.ndarray, spec: ConvSpec, bias: bool
) -> ConvGrads:
    xp = _np.pad(x, spec.padding, spec.padding_mode)
    dx = _np.pad_backward(_input_grad(dy, w, spec), spec.padding, spec.padding_mode)
    return ConvGrads(dx, _weight_grad(dy, xp, spec, w), _bias_grad(dy, bias))


def transpose_forward(
    x: np.ndarray, w: np.ndarray, b: np.ndarray | None, spec: ConvSpec
) -> np.ndarray:
    y = _np.pad_backward(_input_grad(x, w, spec), spec.padding, "zeros")
    return _add_bias(y, b)


def transpose_backward(
    dy: np.ndarray, x: np.ndarray, w: np.ndarray, spec: ConvSpec, bias: bool
) -> ConvGrads:
    dyp = _np.pad(dy, spec.padding, "zeros")
    return ConvGrads(_forward(dyp, w, spec), _weight_grad(x, dyp, spec, w), _bias_grad(dy, bias))


KERNELS = _api.Kernels(conv_forward, conv_backward, transpose_forward, transpose_backward)

conv1d = _api.conv_function(KERNELS, 1, __name__)
conv2d = _api.conv_function(KERNELS, 2, __name__)
conv3d = _api.conv_function(KERNELS, 3, __name__)
conv1d_backward = _api.conv_backward_function(KERNELS, 1, __name__)
conv2d_backward = _api.conv_backward_function(KERNELS, 2, __name__)
conv3d_backward = _api.conv_backward_function(KERNELS, 3, __name__)
conv_transpose1d = _api.conv_transpose_function(KERNELS, 1, __name__)
conv_transpose2d = _api.conv_transpose_function(KERNELS, 2, __name__)
conv_transpose3d = _api.conv_transpose_function(KERNELS, 3, __name__)
conv_transpose1d_backward = _api.conv_transpose_backward_function(KERNELS, 1, __name__)
conv_transpose2d_backward = _api.conv_transpose_backward_function(KERNELS, 2, __name__)
conv_transpose3d_backward = _api.conv_transpose_backward_function(KERNELS, 3, __name__)
