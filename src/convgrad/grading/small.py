"""Small inputs to show a failure on: for each course function, candidates smallest first.

:mod:`.functions` runs them through the learner's function after a test failed, and keeps the
first that fails the same way (the same bug's result, or the same kind of failure): a 1x3x3 input
whose three numbers show the bug reads better than the 2x5x5x3 test that found it. Every
candidate is an input the course's template accepts (the cs231n assignment asks the stride to
divide the pooled size; deeplearning.ai's windows fit inside the input).

>>> [c.name for c in candidates("dlai", "distribute_value")][:2]
['dz = 2, shape (1, 1)', 'dz = 2, shape (1, 2)']
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np

from ..exercises import cs231n, dlai
from ..exercises._catalogue import Case, normal, tied

LIMIT = 60  # candidates per function


def candidates(course: str, function: str) -> list[Case]:
    """Small inputs for ``function`` of ``course``, smallest first (at most :data:`LIMIT`); an
    empty list for a function without them."""
    maker = _MAKERS.get((course, function))
    if maker is None:
        return []
    found = sorted(maker(), key=_size)
    return found[:LIMIT]


def _size(case: Case) -> int:
    count = 0

    def walk(value: object) -> None:
        nonlocal count
        if isinstance(value, np.ndarray):
            count += value.size
        elif isinstance(value, tuple | list):
            for v in value:
                walk(v)

    walk(case.args)
    return count


def _windows(stride_divides: bool) -> Iterator[tuple[int, int, int, int, int]]:
    """(H, W, window height, window width, stride) for small pooling inputs."""
    for H, W, ph, pw, stride in itertools.product(
        range(1, 6), range(1, 6), (1, 2, 3), (1, 2, 3), (1, 2, 3)
    ):
        if ph > H or pw > W or H * W > 16:
            continue
        if stride_divides and ((H - ph) % stride or (W - pw) % stride):
            continue
        yield H, W, ph, pw, stride


def _dlai_pool(grad: bool) -> list[Case]:
    found = []
    for H, W, f, width, stride in _windows(False):
        if width != f:  # the course's windows are square
            continue
        for mode in ("max", "average"):
            for values, kind in (
                (normal(H * 7 + W, 1, H, W, 1), ""),
                (tied(H + W, 1, H, W, 1), ", ties"),
            ):
                name = f"{H}x{W}, f {f}, stride {stride}, {mode}{kind}"
                found.append(dlai._pool_case(name, "", values, (f, stride, mode), grad))
    return found


def _dlai_conv(grad: bool) -> list[Case]:
    found = []
    for H, W, f, stride, pad in itertools.product(
        range(1, 5), range(1, 5), (1, 2, 3), (1, 2), (0, 1, 2)
    ):
        if f > min(H, W) + 2 * pad or H * W > 12:
            continue
        for n_C in (1, 2):
            name = f"{H}x{W}, f {f}, stride {stride}, pad {pad}, {n_C} filter(s)"
            found.append(
                dlai._conv_case(name, "", 3 + H + W, (1, H, W, 1), (f, n_C, stride, pad), grad)
            )
    return found


def _cs231n_pool(grad: bool) -> list[Case]:
    found = []
    for H, W, ph, pw, stride in _windows(True):
        for values, kind in (
            (normal(H * 5 + W, 1, 1, H, W), ""),
            (tied(H + W, 1, 1, H, W), ", ties"),
        ):
            name = f"{H}x{W}, {ph}x{pw} window, stride {stride}{kind}"
            found.append(cs231n._pool_case(name, "", values, (ph, pw, stride), grad))
    return found


def _seeds_conv2d() -> list[Case]:
    found = []
    for H, W, kH, kW, padding, stride in itertools.product(
        range(1, 5), range(1, 5), (1, 2), (1, 2), (0, 1), (1, 2)
    ):
        if kH > H + 2 * padding or kW > W + 2 * padding or H * W > 12:
            continue
        name = f"{H}x{W}, {kH}x{kW} kernel, padding {padding}, stride {stride}"
        x, w = normal(H * 3 + W, 1, H, W), normal(kH + kW, 1, 1, kH, kW)
        found.append(Case(name, "", (x, w), {"padding": padding, "stride": stride}))
    return found


def _seeds_naive() -> list[Case]:
    found = []
    for H, W, kH, kW, C in itertools.product(range(1, 4), range(1, 4), (1, 2), (1, 2), (1, 2)):
        if kH <= H and kW <= W:
            name = f"{C} channel(s) {H}x{W}, {kH}x{kW} kernel"
            found.append(Case(name, "", (normal(H + W, C, H, W), normal(kH * kW, 1, C, kH, kW))))
    return found


def _seeds_pool() -> list[Case]:
    found = []
    for C, H, W in itertools.product((1, 2), range(2, 6), range(2, 6)):
        found.append(Case(f"{C} channel(s) {H}x{W}", "", (normal(C * 10 + H * 3 + W, C, H, W),)))
    return found


def _seeds_vectors() -> list[Case]:
    found = []
    for n in (1, 2, 3):
        for scale in (1.0, 1000.0):
            found.append(Case(f"{n} values, scale {scale:g}", "", (normal(n, n) * scale,)))
    return found


def _distribute() -> list[Case]:
    found = []
    for n_H, n_W in itertools.product((1, 2, 3), (1, 2, 3)):
        found.append(Case(f"dz = 2, shape ({n_H}, {n_W})", "", (2.0, (n_H, n_W))))
    return found


def _masks() -> list[Case]:
    found = []
    for shape in ((1, 2), (2, 1), (2, 2), (2, 3), (3, 3)):
        found.append(Case(f"{shape[0]}x{shape[1]}", "", (normal(sum(shape), *shape),)))
        found.append(Case(f"{shape[0]}x{shape[1]}, ties", "", (tied(sum(shape), *shape),)))
    return found


def _zero_pad() -> list[Case]:
    found = []
    for H, W, C, pad in itertools.product((1, 2), (1, 2), (1, 2), (0, 1, 2)):
        found.append(Case(f"1x{H}x{W}x{C}, pad {pad}", "", (normal(H + W + C, 1, H, W, C), pad)))
    return found


def _single_step() -> list[Case]:
    found = []
    for f, C in itertools.product((1, 2), (1, 2)):
        a, w = normal(f + C, f, f, C), normal(f * C + 5, f, f, C)
        found.append(Case(f"{f}x{f}x{C}", "", (a, w, normal(f, 1, 1, 1))))
    return found


def _cs231n_conv() -> list[Case]:
    found = []
    for H, W, k, stride, pad in itertools.product(
        (1, 2, 3, 4), (1, 2, 3, 4), (1, 2), (1, 2), (0, 1)
    ):
        if k > H + 2 * pad or k > W + 2 * pad or (H + 2 * pad - k) % stride:
            continue
        if (W + 2 * pad - k) % stride:
            continue  # the assignment asks the stride to divide both
        x, w, b = normal(H * 4 + W, 1, 1, H, W), normal(k + 7, 1, 1, k, k), normal(3, 1)
        name = f"{H}x{W}, {k}x{k} filter, stride {stride}, pad {pad}"
        found.append(Case(name, "", (x, w, b, {"stride": stride, "pad": pad})))
    return found


_MAKERS = {
    ("cs231n", "conv_forward_naive"): _cs231n_conv,
    ("dlai", "zero_pad"): _zero_pad,
    ("dlai", "conv_single_step"): _single_step,
    ("dlai", "conv_forward"): lambda: _dlai_conv(False),
    ("dlai", "conv_backward"): lambda: _dlai_conv(True),
    ("dlai", "pool_forward"): lambda: _dlai_pool(False),
    ("dlai", "pool_backward"): lambda: _dlai_pool(True),
    ("dlai", "create_mask_from_window"): _masks,
    ("dlai", "distribute_value"): _distribute,
    ("cs231n", "max_pool_forward_naive"): lambda: _cs231n_pool(False),
    ("cs231n", "max_pool_backward_naive"): lambda: _cs231n_pool(True),
    ("seeds", "conv2d_naive"): _seeds_naive,
    ("seeds", "conv2d"): _seeds_conv2d,
    ("seeds", "relu"): _seeds_vectors,
    ("seeds", "softmax"): _seeds_vectors,
    ("seeds", "max_pool_2d"): _seeds_pool,
}
