"""OpenVINO's convolutions (``convgrad[fast]``) against the reference loops and PyTorch.

Every layer drawn here runs with the ``openvino`` strategy forced, float32, and is held to the
float64 reference loops to 1e-5 of each result's scale (the issue's bound for accelerated
float32 kernels), NaN and infinities where PyTorch has them; a spy checks that OpenVINO ran
where it supports the layer. Skipped where OpenVINO is not installed (CI installs ``.[test]``).
"""

import collections
import math
import threading
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("openvino")

from convgrad import convolution, reference  # noqa: E402
from convgrad._args import conv_spec  # noqa: E402
from convgrad.kernels import accel, conv_openvino, parallel  # noqa: E402
from oracle import torch_conv  # noqa: E402
from spies import calls_to  # noqa: E402
from strategies import conv_configs, transpose_configs  # noqa: E402

PASSES = ("forward", "input_grad", "weight_grad")


@pytest.fixture(autouse=True)
def fresh_accelerator(monkeypatch):
    """Each test starts with OpenVINO's state as a new process has it."""
    for name in ("CONVGRAD_ACCEL", "CONVGRAD_STRATEGY", "CONVGRAD_OPENVINO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(accel, "_openvino", {"module": None, "failed": False, "warned": False})
    monkeypatch.setattr(conv_openvino, "_seen", collections.OrderedDict())  # no shape met yet
    monkeypatch.setattr(conv_openvino, "_compiled", collections.OrderedDict())


def _spy(monkeypatch):
    """The passes OpenVINO ran, in order."""
    return calls_to(monkeypatch, conv_openvino, PASSES)


def _close(a, b, rtol, what):
    """``a`` and ``b`` agree to ``rtol`` of ``b``'s finite scale, NaN where ``b`` has NaN."""
    if a is None or b is None:
        assert a is None and b is None, what
        return
    assert a.shape == b.shape, what
    finite = np.isfinite(b)
    scale = max(float(np.max(np.abs(b[finite]), initial=0.0)), 1e-30)
    np.testing.assert_allclose(a, b, rtol=0, atol=rtol * scale, err_msg=what)


def _spec(cfg):
    x = cfg.x if cfg.x.ndim == cfg.n + 2 else cfg.x[None]
    kw = cfg.kwargs()
    return conv_spec("conv", cfg.n, x, cfg.w, None, *kw.values())


@given(conv_configs(dtype=np.float32), st.booleans())
def test_openvino_matches_the_reference_loops_in_float32(cfg, read_only):
    """1-D, 2-D and 3-D layers of any stride, dilation, padding and groups; the padding modes
    other than zeros, which OpenVINO does not run, and the ``dw`` of grouped layers take
    NumPy's kernels."""
    f = getattr(convolution, f"conv{cfg.n}d")
    backward = getattr(convolution, f"conv{cfg.n}d_backward")
    dy = cfg.dy().astype(np.float32)
    for a in (cfg.x, cfg.w, dy):
        a.flags.writeable = not read_only
    x0, w0, dy0 = cfg.x.copy(), cfg.w.copy(), dy.copy()
    with pytest.MonkeyPatch.context() as patch:
        calls = _spy(patch)
        with convolution.strategy("openvino"):
            ours = (
                f(cfg.x, cfg.w, cfg.b, **cfg.kwargs()),
                *backward(dy, cfg.x, cfg.w, **cfg.kwargs()),
            )
    spec = _spec(cfg)
    assert calls == [kind for kind in PASSES if conv_openvino.supports(spec, kind)]
    as64 = [None if a is None else a.astype(np.float64) for a in (cfg.x, cfg.w, cfg.b)]
    ref_f = getattr(reference, f"conv{cfg.n}d")
    ref_b = getattr(reference, f"conv{cfg.n}d_backward")
    expected = (
        ref_f(*as64, **cfg.kwargs()),
        *ref_b(dy.astype(np.float64), *as64[:2], **cfg.kwargs()),
    )
    for what, a, r in zip(("y", "dx", "dw", "db"), ours, expected):
        if r is None:
            assert a is None or cfg.b is None, what
            continue
        assert a.dtype == np.float32, what
        _close(a.astype(np.float64), r, 1e-5, what)
    for a, a0 in ((cfg.x, x0), (cfg.w, w0), (dy, dy0)):
        np.testing.assert_array_equal(a, a0)  # inputs untouched


@given(transpose_configs(dtype=np.float32))
def test_openvino_transposed_convolutions_match_the_reference_loops(cfg):
    f = getattr(convolution, f"conv_transpose{cfg.n}d")
    backward = getattr(convolution, f"conv_transpose{cfg.n}d_backward")
    dy = cfg.dy().astype(np.float32)
    with convolution.strategy("openvino"):
        ours = (f(cfg.x, cfg.w, cfg.b, **cfg.kwargs()), *backward(dy, cfg.x, cfg.w, **cfg.kwargs()))
    as64 = [None if a is None else a.astype(np.float64) for a in (cfg.x, cfg.w, cfg.b)]
    ref_f = getattr(reference, f"conv_transpose{cfg.n}d")
    ref_b = getattr(reference, f"conv_transpose{cfg.n}d_backward")
    expected = (
        ref_f(*as64, **cfg.kwargs()),
        *ref_b(dy.astype(np.float64), *as64[:2], **cfg.kwargs()),
    )
    for what, a, r in zip(("y", "dx", "dw"), ours, expected):
        assert a.dtype == np.float32, what
        _close(a.astype(np.float64), r, 1e-5, what)


@given(
    conv_configs(dims=(2,), dtype=np.float32),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from([np.nan, np.inf, -np.inf])), max_size=3),
)
def test_nan_and_infinities_reach_the_outputs_pytorch_gives_them(cfg, bad):
    """A NaN or an infinity in ``x``, ``w`` or ``dy`` reaches exactly the outputs whose windows
    read it, as in PyTorch (in float64 here, whose NaN pattern float32 must share)."""
    dy = cfg.dy().astype(np.float32)
    x, w = cfg.x.copy(), cfg.w.copy()
    for i, (where, value) in enumerate(bad):
        target = (x, w, dy)[i % 3]
        target.flat[int(where * (target.size - 1))] = value
    kw = cfg.kwargs()
    with convolution.strategy("openvino"):
        ours = (convolution.conv2d(x, w, **kw), *convolution.conv2d_backward(dy, x, w, **kw)[:2])
    expected = torch_conv(
        2, x, w, None, dy, cfg.stride, cfg.pairs, cfg.dilation, cfg.groups, cfg.padding_mode
    )
    for what, a, t in zip(("y", "dx", "dw"), ours, expected):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(t), err_msg=what)
        np.testing.assert_array_equal(np.isposinf(a), np.isposinf(t), err_msg=what)
        np.testing.assert_array_equal(np.isneginf(a), np.isneginf(t), err_msg=what)


def test_float64_and_the_numpy_backend_never_run_openvino(monkeypatch):
    monkeypatch.setattr(convolution, "OPENVINO_MIN_MACS", 0)  # small layers, automatically
    calls = _spy(monkeypatch)
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((4, 16, 10, 10)), rng.standard_normal((16, 16, 3, 3))
    dy = rng.standard_normal((4, 16, 10, 10))
    with convolution.strategy("openvino"):  # float64: the automatic choice runs instead
        y = convolution.conv2d(x, w, padding=1)
        dx, dw, _ = convolution.conv2d_backward(dy, x, w, padding=1)
    assert calls == []
    _close(y, reference.conv2d(x, w, padding=1), 1e-12, "y")
    _close(dx, reference.conv2d_backward(dy, x, w, padding=1)[0], 1e-12, "dx")
    x32, w32 = x.astype(np.float32), w.astype(np.float32)
    with accel.accelerator("numpy"), convolution.strategy("openvino"):
        convolution.conv2d(x32, w32, padding=1)
    monkeypatch.setenv("CONVGRAD_OPENVINO", "0")
    convolution.conv2d(x32, w32, padding=1)
    assert calls == []
    monkeypatch.delenv("CONVGRAD_OPENVINO")
    convolution.conv2d(x32, w32, padding=1)  # a shape's first call is NumPy's
    assert calls == []
    convolution.conv2d(x32, w32, padding=1)
    assert calls == ["forward"]


def test_a_shape_met_once_is_left_to_numpy_and_compiled_on_its_second_call(monkeypatch):
    """Compiling a model costs more than a pass of a shape met once (a loop over images of many
    sizes): OpenVINO runs, and compiles, from a shape's second call on."""
    monkeypatch.setattr(convolution, "OPENVINO_MIN_MACS", 0)
    monkeypatch.setattr(conv_openvino, "SEEN", 3)
    monkeypatch.setattr(conv_openvino, "_models", collections.OrderedDict())  # none compiled
    calls = _spy(monkeypatch)
    rng = np.random.default_rng(1)
    w = rng.standard_normal((16, 16, 3, 3)).astype(np.float32)
    results = {}
    convolution.conv2d(rng.standard_normal((2, 16, 8, 8)).astype(np.float32), w, padding=1)
    assert accel._openvino["module"] is None  # a first call does not even load OpenVINO
    for size in (9, 10, 11, 12, 9, 12, 12):  # 9 is forgotten (3 remembered) before it returns
        x = rng.standard_normal((2, 16, size, size)).astype(np.float32)
        before = len(calls)
        y = convolution.conv2d(x, w, padding=1)
        results.setdefault(size, []).append(len(calls) > before)
        _close(y, reference.conv2d(x.astype(np.float64), w.astype(np.float64), padding=1),
               1e-5, f"y {size}")  # fmt: skip
    assert results == {9: [False, False], 10: [False], 11: [False], 12: [False, True, True]}
    # the automatic choice's name is the steady one, and asking for it counts no call
    assert convolution.chosen_strategy((2, 16, 13, 13), w.shape, padding=1) == "openvino"
    x = rng.standard_normal((2, 16, 13, 13)).astype(np.float32)
    convolution.conv2d(x, w, padding=1)
    assert calls.count("forward") == 2


def _chosen(x_shape, w_shape, kind="forward", dtype=np.float32, **kwargs):
    """The automatic strategy for pass ``kind`` of a layer of these shapes."""
    n = len(w_shape) - 2
    x, w = np.zeros(x_shape, dtype), np.zeros(w_shape, dtype)
    kw = dict(stride=1, padding=0, dilation=1, groups=1, padding_mode="zeros") | kwargs
    spec = conv_spec("conv", n, x, w, None, *kw.values())
    dy = np.zeros((x_shape[0], w_shape[0], *spec.out_spatial), dtype)
    if kind == "input_grad":
        return convolution._input_grad_strategy(spec, w, dy, steady=True)
    inputs = (x, w) if kind == "forward" else (dy, x)
    return convolution._strategy(spec, w, *inputs, kind=kind, steady=True)


def test_the_automatic_choice_takes_openvino_where_it_measured_faster(monkeypatch):
    resnet20 = [((32, 16, 28, 28), (16, 16, 3, 3)), ((32, 32, 14, 14), (32, 32, 3, 3)),
                ((32, 64, 7, 7), (64, 64, 3, 3))]  # fmt: skip
    for x_shape, w_shape in resnet20:
        assert _chosen(x_shape, w_shape, padding=1) == "openvino"
        assert _chosen(x_shape, w_shape, "input_grad", padding=1) == "openvino"
    # dw: small batches of small planes only (its filter is dy)
    assert _chosen((32, 64, 7, 7), (64, 64, 3, 3), "weight_grad", padding=1) == "openvino"
    assert _chosen((8, 32, 28, 28), (32, 32, 3, 3), "weight_grad", padding=1) == "openvino"
    assert _chosen((32, 16, 28, 28), (16, 16, 3, 3), "weight_grad", padding=1) == "openvino"
    assert _chosen((32, 16, 28, 28), (32, 16, 3, 3), "weight_grad", padding=1) != "openvino"
    assert _chosen((32, 16, 56, 56), (16, 16, 3, 3), "weight_grad", padding=1) != "openvino"
    assert _chosen((8, 256, 7, 7), (256, 256, 3, 3), "weight_grad", padding=1) != "openvino"
    assert _chosen((8, 32, 28, 28), (32, 32, 3, 3), "weight_grad", padding=1, stride=2) != (
        "openvino"
    )
    assert _chosen((8, 32, 7, 7), (64, 32, 5, 5), "weight_grad", padding=2) != "openvino"
    # dw at stride 2 (OPENVINO_STRIDED_DW_POSITIONS): few positions, neither thin nor wide
    for x_shape, w_shape, expected in (
        ((32, 32, 14, 14), (64, 32, 3, 3), True), ((64, 32, 16, 16), (64, 32, 3, 3), True),
        ((16, 32, 28, 28), (64, 32, 3, 3), True), ((32, 16, 28, 28), (32, 16, 3, 3), False),
        ((16, 64, 16, 16), (128, 64, 3, 3), False),  # faster alone, slower in ResNet-18's step
        ((32, 64, 28, 28), (128, 64, 3, 3), False), ((16, 128, 8, 8), (256, 128, 3, 3), False),
        ((32, 16, 16, 16), (32, 16, 3, 3), False), ((32, 32, 14, 14), (64, 32, 5, 5), False),
    ):  # fmt: skip
        chosen = _chosen(x_shape, w_shape, "weight_grad", padding=1, stride=2)
        assert (chosen == "openvino") == expected, (x_shape, w_shape, chosen)
    # never: 1x1 kernels, few input channels (forward), groups, other padding modes, float64
    for kind in PASSES:
        assert _chosen((32, 64, 14, 14), (64, 64, 1, 1), kind) != "openvino"
        assert _chosen((32, 64, 14, 14), (64, 32, 3, 3), kind, groups=2) != "openvino"
        assert _chosen((32, 16, 14, 14), (16, 16, 3, 3), kind, padding=1,
                       padding_mode="reflect") != "openvino"  # fmt: skip
        assert _chosen((8, 16, 14, 14), (16, 16, 3, 3), kind, np.float64, padding=1) != ("openvino")
    assert _chosen((32, 3, 28, 28), (16, 3, 3, 3), padding=1) != "openvino"  # RGB: mixed
    assert _chosen((32, 1, 28, 28), (16, 1, 3, 3), padding=1) != "openvino"
    for kind in ("forward", "input_grad"):  # 4 channels and more: faster
        assert _chosen((32, 4, 28, 28), (16, 4, 3, 3), kind, padding=1) == "openvino"
        assert _chosen((64, 6, 14, 14), (16, 6, 5, 5), kind) == "openvino"  # LeNet's 15.4 M
        # ...up to OPENVINO_FEW_MACS multiply-adds below 8 channels
        assert _chosen((128, 4, 32, 32), (64, 4, 3, 3), kind, padding=1) != "openvino"
        assert _chosen((128, 8, 32, 32), (64, 8, 3, 3), kind, padding=1) == "openvino"
    assert _chosen((64, 1, 28, 28), (64, 1, 3, 3), "input_grad", padding=1) != "openvino"
    assert _chosen((2, 3, 224, 224), (64, 3, 7, 7), "input_grad", padding=3, stride=2) != (
        "openvino"
    )  # ResNet-18's stem
    # large inputs too, where Winograd's compiled transforms pay (numba): OpenVINO measured
    # faster there once its results were channels last
    for kind in ("forward", "input_grad"):
        assert _chosen((64, 16, 32, 32), (16, 16, 3, 3), kind, padding=1) == "openvino"
        assert _chosen((8, 64, 56, 56), (64, 64, 3, 3), kind, padding=1) == "openvino"
        assert _chosen((64, 32, 16, 16), (32, 32, 3, 3), kind, padding=1) == "openvino"
    # tapblocks (the BLAS's threads, which slowed OpenVINO's passes after it) is not chosen
    # where OpenVINO runs: TAPBLOCKS_WITH_OPENVINO (a layer on its own: no split just before)
    monkeypatch.setattr(parallel, "_last_split", [-math.inf])
    for x_shape, w_shape in (((32, 256, 7, 7), (256, 256, 3, 3)),
                             ((64, 128, 4, 4), (256, 128, 3, 3))):  # fmt: skip
        assert _chosen(x_shape, w_shape, "weight_grad", padding=1) != "tapblocks"
        assert _chosen(x_shape, w_shape, "weight_grad", np.float64, padding=1) == "tapblocks"
    assert _chosen((4, 48, 4, 4), (48, 48, 3, 3), "weight_grad", padding=1) == "tapblocks"  # 1 M
    # small passes (the digits' CNN: 9.4 M multiply-adds) stay NumPy's
    for kind in PASSES:
        assert _chosen((32, 32, 4, 4), (64, 32, 3, 3), kind, padding=1) != "openvino"
    # depthwise 3x3: forward and dx on planes of at most 14x14 outputs; dw stays numba's
    for kind, expected in zip(PASSES, (True, True, False), strict=True):
        for x_shape, stride in (
            ((16, 256, 7, 7), 1),
            ((32, 128, 14, 14), 2),
            ((8, 512, 14, 14), 1),
        ):
            chosen = _chosen(x_shape, (x_shape[1], 1, 3, 3), kind, padding=1, stride=stride,
                             groups=x_shape[1])  # fmt: skip
            assert (chosen == "openvino") == expected, (x_shape, kind, chosen)
        for x_shape, w_shape in (((32, 64, 28, 28), (64, 1, 3, 3)), ((16, 96, 7, 7), (96, 1, 5, 5)),
                                 ((16, 128, 7, 7), (128, 2, 3, 3))):  # fmt: skip
            groups = x_shape[1] // w_shape[1]
            chosen = _chosen(x_shape, w_shape, kind, padding=w_shape[-1] // 2, groups=groups)
            assert chosen != "openvino", (x_shape, w_shape, kind)
    with accel.accelerator("numpy"):
        assert _chosen((32, 16, 28, 28), (16, 16, 3, 3), padding=1) != "openvino"


def test_a_failing_openvino_is_said_once_and_numpy_computes_the_result(monkeypatch):
    monkeypatch.setattr(convolution, "OPENVINO_MIN_MACS", 0)  # small layers, automatically

    def broken(*args):
        raise RuntimeError("Exception from src/inference: cannot compile")

    monkeypatch.setattr(conv_openvino, "forward", broken)
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 8, 9, 9)).astype(np.float32)
    w = rng.standard_normal((8, 8, 3, 3)).astype(np.float32)
    convolution.conv2d(x, w, padding=1)  # a shape's first call is NumPy's
    with pytest.warns(RuntimeWarning, match="OpenVINO failed in forward"):
        y = convolution.conv2d(x, w, padding=1)
    _close(y.astype(np.float64), reference.conv2d(x.astype(np.float64), w.astype(np.float64),
           padding=1), 1e-5, "y")  # fmt: skip
    assert accel.openvino_kernels() is None  # off from then on, silently
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        convolution.conv2d(x, w, padding=1)
    assert "failed" in accel.openvino_status()


def test_results_are_their_own_arrays_and_threads_get_their_own_requests():
    """A result is not the request's output buffer, which the next call would overwrite; calls
    from several threads at once each get their own request."""
    rng = np.random.default_rng(2)
    w = rng.standard_normal((16, 16, 3, 3)).astype(np.float32)
    xs = [rng.standard_normal((4, 16, 12, 12)).astype(np.float32) for _ in range(6)]
    expected = [reference.conv2d(x.astype(np.float64), w.astype(np.float64), padding=1) for x in xs]
    with convolution.strategy("openvino"):
        first = convolution.conv2d(xs[0], w, padding=1)
        convolution.conv2d(xs[1], w, padding=1)
    _close(first.astype(np.float64), expected[0], 1e-5, "the first result, after a second call")
    results: dict[int, list[np.ndarray]] = {}

    def work(i):
        with convolution.strategy("openvino"):
            results[i] = [convolution.conv2d(xs[(i + k) % 6], w, padding=1) for k in range(12)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, ys in results.items():
        for k, y in enumerate(ys):
            _close(y.astype(np.float64), expected[(i + k) % 6], 1e-5, f"thread {i}, call {k}")


def test_output_padding_gives_back_the_input_size():
    x, w = np.zeros((1, 2, 10, 9), np.float32), np.zeros((3, 2, 3, 3), np.float32)
    spec = conv_spec("conv", 2, x, w, None, (3, 2), 1, 1, 1, "zeros")
    assert spec.out_spatial == (4, 5)
    # (out - 1) * s - 2 + 3 gives 10 and 9: nothing past it; 2 rows more with a stride of 4
    assert conv_openvino.output_padding(spec) == [0, 0]
    spec = conv_spec("conv", 2, x, w, None, (4, 4), 1, 1, 1, "zeros")
    assert spec.out_spatial == (3, 3) and conv_openvino.output_padding(spec) == [1, 0]


def test_a_network_through_the_tape_gets_the_gradients_numpy_gives(monkeypatch):
    """The automatic choice inside ``convgrad.nn``: a ResNet-20-like block in float32, its
    gradients with OpenVINO on within 1e-5 of those with NumPy alone, and OpenVINO ran."""
    from convgrad import nn
    from convgrad.autograd import Tensor

    monkeypatch.setattr(convolution, "OPENVINO_MIN_MACS", 0)  # small layers, automatically
    calls = _spy(monkeypatch)
    rng = np.random.default_rng(5)
    model = nn.Sequential(
        nn.Conv2d(8, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
        nn.Conv2d(16, 16, 3, padding=1, bias=False), nn.ReLU(), nn.Flatten(),
    )  # fmt: skip
    x = rng.standard_normal((4, 8, 12, 12)).astype(np.float32)
    g = rng.standard_normal((4, 16 * 12 * 12)).astype(np.float32)

    def gradients():
        xt = Tensor(x, requires_grad=True)
        model(xt).backward(g)
        grads = [xt.grad, *(p.grad for p in model.parameters())]
        for p in model.parameters():
            p.grad = None
        return grads

    gradients()  # the first step meets each shape once: NumPy's, and OpenVINO's compiles next
    calls.clear()
    fast = gradients()
    assert set(calls) == set(PASSES)
    with accel.accelerator("numpy"):
        slow = gradients()
    for i, (a, b) in enumerate(zip(fast, slow, strict=True)):
        assert a.dtype == np.float32
        _close(a.astype(np.float64), b.astype(np.float64), 1e-5, f"gradient {i}")
