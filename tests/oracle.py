"""The tests' oracles: PyTorch, and plain central differences.

Every comparison with PyTorch in the tests goes through :func:`torch_conv` and
:func:`torch_conv_transpose`, so the way convgrad's arguments map onto torch's is written once.
Padding modes and per-side pairs are applied with ``torch.nn.functional.pad`` (as ``nn.Conv2d``
does for non-zero modes); ``"same"`` is passed to torch as is (stride 1 only).
"""

from __future__ import annotations

import warnings

import numpy as np
import torch
import torch.nn.functional as F

TORCH_MODE = {
    "zeros": "constant",
    "reflect": "reflect",
    "replicate": "replicate",
    "circular": "circular",
}
CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
CONV_T = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}


def _leaf(a):
    return None if a is None else torch.tensor(np.array(a), dtype=torch.float64, requires_grad=True)


def _grads(y, dy, *leaves):
    y.backward(torch.tensor(np.array(dy), dtype=torch.float64))
    return tuple(None if t is None else t.grad.numpy() for t in leaves)


def torch_conv(n, x, w, b, dy, stride, padding, dilation, groups, padding_mode):
    """torch's ``(y, dx, dw, db)`` in float64; ``padding`` is "same", "valid" or pairs."""
    tx, tw, tb = _leaf(x), _leaf(w), _leaf(b)
    batched = tx.ndim == n + 2
    xin = tx if batched else tx[None]
    if isinstance(padding, str):
        with warnings.catch_warnings():  # torch warns that even kernels need a padded copy
            warnings.filterwarnings("ignore", "Using padding='same'", UserWarning)
            y = CONV[n](xin, tw, tb, stride, padding, dilation, groups)
    else:
        flat = [v for lo_hi in reversed(padding) for v in lo_hi]  # last dimension first
        xin = F.pad(xin, flat, mode=TORCH_MODE[padding_mode])
        y = CONV[n](xin, tw, tb, stride, 0, dilation, groups)
    y = y if batched else y[0]
    if dy is None:
        return y.detach().numpy()
    return (y.detach().numpy(), *_grads(y, dy, tx, tw, tb))


def torch_conv_transpose(n, x, w, b, dy, stride, padding, output_padding, groups, dilation):
    """torch's ``(y, dx, dw, db)`` of a transposed convolution; ``padding`` is pairs.

    Symmetric pairs go to torch's own ``padding``; asymmetric ones (which torch lacks) crop the
    unpadded result.
    """
    tx, tw, tb = _leaf(x), _leaf(w), _leaf(b)
    if all(lo == hi for lo, hi in padding):
        y = CONV_T[n](
            tx, tw, tb, stride, [lo for lo, _ in padding], output_padding, groups, dilation
        )
    else:
        y = CONV_T[n](tx, tw, tb, stride, 0, output_padding, groups, dilation)
        y = y[(..., *(slice(lo, size - hi) for size, (lo, hi) in zip(y.shape[-n:], padding)))]
    if dy is None:
        return y.detach().numpy()
    return (y.detach().numpy(), *_grads(y, dy, tx, tw, tb))


def numerical_grad(f, a, eps=1e-6):
    """Central differences of the scalar ``f(a)`` with respect to every element of ``a``."""
    grad = np.zeros(a.shape)
    for idx in np.ndindex(a.shape):
        plus, minus = a.copy(), a.copy()
        plus[idx] += eps
        minus[idx] -= eps
        grad[idx] = (f(plus) - f(minus)) / (2 * eps)
    return grad


def torch_module_grads(module, x, dy, *, requires_grad=True):
    """Run the torch module ``module`` (float64) on ``x`` and back from ``dy``.

    Returns ``(y, dx, grads)``, ``grads`` a dict from parameter name to its gradient (None where
    torch computed none); ``dx`` is None when ``requires_grad`` is False (integer inputs).
    """
    tx = torch.tensor(np.array(x), requires_grad=requires_grad)
    y = module(tx)
    y.backward(torch.tensor(np.array(dy), dtype=y.dtype))
    grads = {
        name: None if p.grad is None else p.grad.numpy().copy()
        for name, p in module.named_parameters()
    }
    dx = tx.grad.numpy() if requires_grad else None
    return y.detach().numpy(), dx, grads


def to_torch_state(state):
    """A convgrad ``state_dict`` as torch tensors, for ``torch_module.load_state_dict``."""
    return {k: torch.from_numpy(np.array(v)) for k, v in state.items()}
