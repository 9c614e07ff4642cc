"""Known buggy backward passes, and how to recognise a learner's bug from its output.

Each :class:`Bug` is a classic mistake written as code: :func:`buggy_backward` is the assignment's
loop with one mistake switched on. When a learner's result is wrong, :func:`diagnose` runs every
buggy variant on the same inputs; a variant whose result matches the learner's (``allclose``) while
differing from the right answer names the bug. Each result array is matched on its own, so two
bugs in one submission (say, in dx and in dW) are both named. When no variant matches,
:func:`hints` describes the error's shape: a constant factor, a transpose, a flip, which rows and
columns are wrong.

>>> x = np.arange(9.0).reshape(1, 1, 3, 3); w = np.ones((1, 1, 2, 2)); dout = np.ones((1, 1, 2, 2))
>>> buggy_backward("dw_overwrite", dout, x, w, 1, 0)[1][0, 0].tolist()
[[4.0, 5.0], [7.0, 8.0]]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .battery import Api, Arrays, Params


@dataclass(frozen=True)
class Bug:
    """A classic mistake: ``id``, a title and an explanation with the fix (``{dW}``, ``{W}``,
    ``{o}``, ``{g}`` are filled in with the API's names), the APIs it applies to and the results
    it changes (lower case: ``dx``, ``dw``, ``db``)."""

    id: str
    title: str
    explanation: str
    apis: tuple[str, ...]
    changes: tuple[str, ...]


BOTH = ("exercise", "cs231n")
CS = ("cs231n",)

BUGS = (
    Bug(
        "dw_overwrite",
        "{dW} is overwritten instead of accumulated",
        "`{dW}[{o}] = ...` keeps only the last output cell's contribution. Each weight is used at "
        "every output position, so its gradient is a sum over all of them: write "
        "`{dW}[{o}] += {g}[...] * patch`.",
        BOTH,
        ("dw",),
    ),
    Bug(
        "dx_overwrite",
        "dx is overwritten instead of accumulated",
        "`dx[window] = ...` replaces what earlier output cells sent to the pixels where windows "
        "overlap. A pixel lies in several windows and its gradient is the sum: write "
        "`dx[window] += {g}[...] * {W}[{o}]`.",
        BOTH,
        ("dx",),
    ),
    Bug(
        "dx_reset",
        "dx is reset inside the loop",
        "dx is set back to zeros inside the loop over output cells, so only the last cell's "
        "contribution survives. Create dx once, before the loops.",
        BOTH,
        ("dx",),
    ),
    Bug(
        "dx_flipped_kernel",
        "dx uses the flipped kernel",
        "The forward pass is a cross-correlation (no flip), so each output cell sends "
        "`{g}[...] * {W}[{o}]` back to its window unflipped. Drop the `[::-1, ::-1]` (the flip "
        "belongs to the formula written as a full convolution, not to the window loop).",
        BOTH,
        ("dx",),
    ),
    Bug(
        "dx_transposed_kernel",
        "dx uses the kernel transposed",
        "Kernel tap (u, v) goes back to window position (u, v), not (v, u): rows and columns "
        "of {W} are swapped in dx.",
        BOTH,
        ("dx",),
    ),
    Bug(
        "dw_transposed",
        "{dW}'s kernel indices are swapped",
        "Tap (u, v) of {dW} gets the window pixel at row u, column v; yours has row and column "
        "swapped (`{dW}[..., v, u]`).",
        BOTH,
        ("dw",),
    ),
    Bug(
        "dx_uses_x",
        "dx accumulates the input instead of the kernel",
        "The derivative of `sum({W}[{o}] * patch)` with respect to the patch is `{W}[{o}]`: "
        "write `dx[window] += {g}[...] * {W}[{o}]`, not `... * x[window]`.",
        BOTH,
        ("dx",),
    ),
    Bug(
        "dw_uses_w",
        "{dW} accumulates the kernel instead of the input patch",
        "The derivative of `sum({W}[{o}] * patch)` with respect to `{W}[{o}]` is the patch: write "
        "`{dW}[{o}] += {g}[...] * x[window]`.",
        BOTH,
        ("dw",),
    ),
    Bug(
        "skip_last",
        "the loop misses the last row and column of output cells",
        "The output has `H - kH + 1` rows and `W - kW + 1` columns (with padding and stride, "
        "`1 + (H + 2 * pad - HH) // stride`); a loop over `range(H - kH)` stops one short.",
        BOTH,
        ("dx", "dw", "db"),
    ),
    Bug(
        "int_truncation",
        "the gradients are stored in integer arrays",
        "`np.zeros_like(x)` has x's dtype: with integer x (as in the exercise's example) every "
        "sum written into it is truncated to a whole number. Create the gradients as floats: "
        "`np.zeros(x.shape)`.",
        ("exercise",),
        ("dx", "dw"),
    ),
    Bug(
        "stride_ignored",
        "the stride is ignored in the backward pass",
        "Output cell (i, j) read the window starting at row `i * stride`, column "
        "`j * stride`; the backward pass must send its gradient to that same window.",
        CS,
        ("dx", "dw"),
    ),
    Bug(
        "dx_not_cropped",
        "dx still has the padding",
        "dx must be shaped like x: the gradient that lands on the zero padding is dropped, "
        "`dx = dx_padded[:, :, pad:pad + H, pad:pad + W]`.",
        CS,
        ("dx",),
    ),
    Bug(
        "crop_end_only",
        "the padding is cropped from the wrong side",
        "`dx_padded[:, :, :H, :W]` drops 2 * pad rows at the bottom and none at the top; the "
        "padding is on both sides: `dx_padded[:, :, pad:pad + H, pad:pad + W]`.",
        CS,
        ("dx",),
    ),
    Bug(
        "crop_start_only",
        "the padding is cropped from the wrong side",
        "`dx_padded[:, :, 2 * pad:, 2 * pad:]` drops 2 * pad rows at the top and none at the "
        "bottom; the padding is on both sides: `dx_padded[:, :, pad:pad + H, pad:pad + W]`.",
        CS,
        ("dx",),
    ),
    Bug(
        "dw_mean_batch",
        "dw is averaged over the images",
        "The loss is a sum over the batch as far as this layer knows (any 1/N lives in the "
        "loss's own gradient, already inside dout): sum dw over the images, do not divide by N.",
        CS,
        ("dw",),
    ),
    Bug(
        "db_mean_batch",
        "db is averaged over the images",
        "db[f] is the sum of dout[:, f] over the images and positions: do not divide by N.",
        CS,
        ("db",),
    ),
    Bug(
        "dw_last_image",
        "dw is reset for each image",
        "dw is set back to zeros inside the loop over images, so only the last image counts. "
        "Create dw once, before the loops, and add every image's contribution.",
        CS,
        ("dw",),
    ),
    Bug(
        "db_overwrite",
        "db is overwritten instead of accumulated",
        "`db[f] = dout[n, f, i, j]` keeps only the last cell; `db[f] += ...`, or "
        "`db = dout.sum(axis=(0, 2, 3))`.",
        CS,
        ("db",),
    ),
)
BY_ID = {bug.id: bug for bug in BUGS}

IN_PLACE = Bug(
    "in_place",
    "the input was modified",
    "A backward pass must leave its inputs as they were: the caller still needs them. Something "
    "like `dx = x` does not copy, so writing into dx writes into x; start from `np.zeros(x.shape)` "
    "and pad with `np.pad` (which returns a new array).",
    BOTH,
    (),
)
SWAPPED = Bug(
    "swapped_outputs",
    "the results are returned in the wrong order",
    "Return `(dx, {dW})`: the gradient with respect to the input first, then the kernel's.",
    BOTH,
    (),
)


def buggy_backward(
    bug: str, dout: np.ndarray, x: np.ndarray, w: np.ndarray, stride: int, pad: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """cs231n's naive backward pass (``dout (N, F, H_out, W_out)``, ``x (N, C, H, W)``,
    ``w (F, C, HH, WW)``) with the mistake ``bug`` in it; ``None`` where it cannot run."""
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    floats = np.result_type(dout, x, w, np.float16)
    x = x.astype(floats)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp, dw, db = np.zeros(xp.shape, floats), np.zeros(w.shape, floats), np.zeros(F, floats)
    kernel = w.astype(floats)  # what dx multiplies
    if bug == "dx_flipped_kernel":
        kernel = kernel[:, :, ::-1, ::-1]
    if bug == "dx_transposed_kernel" or bug == "dw_transposed":
        if HH != WW:
            return None
        kernel = kernel.swapaxes(2, 3) if bug == "dx_transposed_kernel" else kernel
    step = 1 if bug == "stride_ignored" else stride
    last = 1 if bug == "skip_last" else 0
    for n in range(N):
        if bug == "dw_last_image":
            dw[...] = 0
        for f in range(F):
            for i in range(H_out - last):
                for j in range(W_out - last):
                    rows, cols = slice(i * step, i * step + HH), slice(j * step, j * step + WW)
                    window = xp[n, :, rows, cols]
                    if window.shape[1:] != (HH, WW):
                        return None  # the learner's code would have crashed
                    g = dout[n, f, i, j]
                    dw_term = g * (kernel[f] if bug == "dw_uses_w" else window)
                    if bug == "dw_transposed":
                        dw_term = dw_term.swapaxes(1, 2)
                    dx_term = g * (window if bug == "dx_uses_x" else kernel[f])
                    if bug == "dw_overwrite":
                        dw[f] = dw_term
                    else:
                        dw[f] += dw_term
                    if bug == "dx_reset":
                        dxp[...] = 0
                    if bug == "dx_overwrite":
                        dxp[n, :, rows, cols] = dx_term
                    else:
                        dxp[n, :, rows, cols] += dx_term
                    if bug == "db_overwrite":
                        db[f] = g
                    else:
                        db[f] += g
    crops = {
        "dx_not_cropped": (slice(None), slice(None)),
        "crop_end_only": (slice(0, H), slice(0, W)),
        "crop_start_only": (slice(2 * pad, None), slice(2 * pad, None)),
    }
    rows, cols = crops.get(bug, (slice(pad, pad + H), slice(pad, pad + W)))
    dx = dxp[:, :, rows, cols]
    if bug == "dw_mean_batch":
        dw /= N
    if bug == "db_mean_batch":
        db /= N
    return dx, dw, db


def _int_truncation(g: np.ndarray, x: np.ndarray, W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The exercise's loop with ``dx = np.zeros_like(x)``: integer x gives an integer dx."""
    C_out, _, kH, kW = W.shape
    dx, dW = np.zeros_like(x), np.zeros_like(W)
    for o in range(C_out):
        for i in range(g.shape[1]):
            for j in range(g.shape[2]):
                dW[o] = dW[o] + g[o, i, j] * x[:, i : i + kH, j : j + kW]  # truncates if int
                dx[:, i : i + kH, j : j + kW] = dx[:, i : i + kH, j : j + kW] + g[o, i, j] * W[o]
    return dx, dW


def variant(api: Api, bug: Bug, inputs: Arrays, params: Params) -> Arrays | None:
    """The results of the buggy variant ``bug`` on ``inputs``, named as ``api`` names them."""
    if api.name == "exercise":
        g, x, W = inputs["grad_out"], inputs["x"], inputs["W"]
        if bug.id == "int_truncation":
            dx, dW = _int_truncation(g, x, W)
            return {"dx": dx, "dW": dW}
        result = buggy_backward(bug.id, g[None], x[None], W, 1, 0)
        return None if result is None else {"dx": result[0][0], "dW": result[1]}
    x, w, dout = inputs["x"], inputs["w"], inputs["dout"]
    result = buggy_backward(bug.id, dout, x, w, params["stride"], params["pad"])
    return None if result is None else dict(zip(("dx", "dw", "db"), result))


def close(a: np.ndarray, b: np.ndarray, rtol: float, atol: float) -> bool:
    """Same shape and ``allclose``, with ``atol`` scaled by the size of ``b``."""
    if a.shape != b.shape:
        return False
    scale = max(1.0, float(np.max(np.abs(b), initial=0.0)))
    return bool(np.allclose(a, b, rtol=rtol, atol=atol * scale))


def matching_bugs(
    api: Api,
    name: str,
    got: np.ndarray,
    inputs: Arrays,
    params: Params,
    right: np.ndarray,
    rtol: float = 1e-6,
    atol: float = 1e-8,
) -> list[Bug]:
    """The known bugs whose variant gives ``got`` for result ``name`` where the right answer is
    ``right``."""
    found = []
    for bug in BUGS:
        if api.name not in bug.apis or name.lower() not in bug.changes:
            continue
        out = variant(api, bug, inputs, params)
        if out is None or close(out[name], right, rtol, atol) or not np.any(out[name]):
            continue  # the bug does not show here, or gives zeros: too common to name a bug
        if close(got.astype(np.float64), out[name].astype(np.float64), rtol, atol):
            found.append(bug)
    return found


def hints(name: str, got: np.ndarray, right: np.ndarray, rtol: float, atol: float) -> list[str]:
    """Plain-words descriptions of how ``got`` differs from ``right`` (same shape)."""
    if not np.all(np.isfinite(got)):
        return [f"{name} holds NaN or infinite values: an uninitialised array (np.empty)?"]
    if got.dtype.kind in "biu" and not np.all(right == np.round(right)):
        return [f"{name} is an integer array ({got.dtype}): fractions were truncated"]
    if not np.any(got) and np.any(right):
        return [f"{name} is all zeros: nothing was added into it, or the wrong array returned"]
    out = []
    flat_g, flat_r = got.ravel().astype(np.float64), right.ravel().astype(np.float64)
    k = float(flat_g @ flat_r) / float(flat_r @ flat_r) if np.any(flat_r) else 0.0
    if k and close(got, k * right, rtol, atol):
        out.append(f"{name} is off by a constant factor: yours = {k:.4g} x the right one")
    elif got.ndim >= 2 and close(got, np.swapaxes(right, -1, -2), rtol, atol):
        out.append(f"{name} is transposed: rows and columns swapped")
    elif close(got, right[..., ::-1, ::-1], rtol, atol):
        out.append(f"{name} is flipped upside down and left to right")
    elif np.isclose(got.sum(), right.sum(), rtol=1e-6) and got.ndim >= 2:
        out.append(
            f"{name} has the right total but it lands in the wrong places: a window "
            "offset or index bug"
        )
    if got.ndim >= 2 and not out:
        out.append(_where(name, got, right, rtol, atol))
    return out


def _where(name: str, got: np.ndarray, right: np.ndarray, rtol: float, atol: float) -> str:
    """Which rows and columns (last two axes) and which leading indices hold the wrong values."""
    scale = max(1.0, float(np.max(np.abs(right), initial=0.0)))
    wrong = ~np.isclose(got, right, rtol=rtol, atol=atol * scale)
    plane = wrong.reshape(-1, *wrong.shape[-2:]).any(axis=0)
    rows, cols = np.flatnonzero(plane.any(axis=1)), np.flatnonzero(plane.any(axis=0))
    h, w = plane.shape
    border = np.zeros_like(plane)
    border[[0, -1], :] = border[:, [0, -1]] = True
    if plane.all():
        where = "everywhere"
    elif (plane <= border).all() and h > 2 and w > 2:
        where = "only on the border (first/last rows and columns)"
    elif not (plane & border).any():
        where = "only in the interior, never on the border"
    else:
        where = f"in rows {_list(rows, h)} and columns {_list(cols, w)}"
    lead = wrong.reshape(*wrong.shape[:-2], -1).any(axis=-1)
    if lead.ndim and not lead.all():
        which = [tuple(int(v) for v in i) for i in np.argwhere(lead)]
        where += f"; only at leading indices {which[:6]}{' ...' if len(which) > 6 else ''}"
    return f"{name} is wrong {where} ({int(wrong.sum())} of {wrong.size} elements)"


def _list(indices: np.ndarray, size: int) -> str:
    values = [int(i) for i in indices]
    if values == list(range(values[0], values[-1] + 1)) and len(values) > 2:
        return f"{values[0]}..{values[-1]} (of 0..{size - 1})"
    return f"{values} (of 0..{size - 1})"


EXCEPTION_HINTS = (
    (
        "Cannot cast ufunc",
        "a gradient array has an integer dtype (np.zeros_like of an integer "
        "input?): create it with np.zeros(shape) so it holds floats",
    ),
    (
        "could not be broadcast",
        "a window and the kernel have different shapes: check the window "
        "bounds (i * stride to i * stride + HH) and that x was padded before slicing it",
    ),
    (
        "out of bounds",
        "an index runs past the end of an array: check the loop ranges against "
        "the output size (H - kH + 1, or 1 + (H + 2 * pad - HH) // stride)",
    ),
    ("not enough values to unpack", "check what the cache holds and how many values you unpack"),
)


def exception_hint(message: str) -> str | None:
    """A plain-words hint for a learner's exception message, when it is a familiar one."""
    for needle, hint in EXCEPTION_HINTS:
        if needle in message:
            return hint
    return None
