"""Red-team cases for issue 14's speed code (the nhwc kernels, the threads of ``over_parts``,
``_memory``, numba's batch norm): what users pass, held to PyTorch in float64 or to NumPy's path."""

import concurrent.futures
import contextlib
import io
import os
import subprocess
import sys
import textwrap
import threading
import weakref

import numpy as np
import pytest
import torch

from convgrad import _args, activations, cli, convolution, normalization, pooling, reference
from convgrad.kernels import accel, im2col, nhwc, parallel
from test_elementwise_threads import _both

# --- batch norm of float32 values whose squares overflow float32 -------------------------------


def _torch_batch_norm(x, w, dy):
    """torch's ``(y, dx, dweight, dbias)`` in float64, batch statistics."""
    tx = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    tw = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    tb = torch.zeros(len(w), dtype=torch.float64, requires_grad=True)
    y = torch.nn.functional.batch_norm(tx, None, None, tw, tb, training=True)
    y.backward(torch.tensor(dy, dtype=torch.float64))
    return y.detach().numpy(), tx.grad.numpy(), tw.grad.numpy(), tb.grad.numpy()


def _huge(scale):
    """float32 ``x (4, 3, 5)`` about ``scale``; channel 1 stays small."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 3, 5)) * scale
    x[:, 1] /= scale
    return x.astype(np.float32), rng.standard_normal((4, 3, 5)).astype(np.float32)


@pytest.mark.parametrize("threads", [1, 3])
@pytest.mark.parametrize("scale", [1e20, 1e30, 1e38])
def test_batch_norm_of_huge_float32_values_normalises_them(scale, threads, monkeypatch):
    """Squares past float32's range made var inf, so y was 0 (and NaN past 1e38 / M): the
    overflowing channels' statistics are taken again in float64, as numba's kernel does."""
    x, dy = _huge(scale)
    w = np.array([1.5, -0.5, 2.0], np.float32)
    expected = _torch_batch_norm(x.astype(np.float64), w.astype(np.float64), dy)
    monkeypatch.setattr(parallel, "SPLIT_ELEMENTS", 0)
    with accel.accelerator("numpy"), parallel.limit(threads):
        y, saved = normalization.batch_norm_saving(x, w)
        grads = normalization.batch_norm_backward_saved(dy, saved, w)
    for what, ours, theirs in zip(("y", "dx", "dweight", "dbias"), (y, *grads), expected):
        assert ours.dtype == np.float32, what
        assert np.isfinite(ours).all(), what
        tol = 1e-5 * max(1.0, float(np.abs(theirs).max()))
        np.testing.assert_allclose(ours, theirs, rtol=1e-4, atol=tol, err_msg=what)
    np.testing.assert_allclose(saved.mean, x.astype(np.float64).mean(axis=(0, 2)), rtol=1e-6)


@pytest.mark.parametrize("threads", [1, 3])
def test_batch_norm_backward_of_a_huge_float32_dy_keeps_dx_finite(threads, monkeypatch):
    """sum(dy) past float32's range is inf (as dbias must be), but dx subtracts only its mean:
    the overflowing channels' means are taken in float64, as numba's kernel does."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 3, 50)).astype(np.float32)
    dy = (np.abs(rng.standard_normal(x.shape)) * 1e37 + 1e37).astype(np.float32)
    dy[:, 1] /= np.float32(1e37)  # a channel that does not overflow
    w = np.array([1.5, -0.5, 2.0], np.float32)
    expected = _torch_batch_norm(x.astype(np.float64), w.astype(np.float64), dy)
    monkeypatch.setattr(parallel, "SPLIT_ELEMENTS", 0)
    with accel.accelerator("numpy"), parallel.limit(threads):
        _, saved = normalization.batch_norm_saving(x, w)
        dx, dweight, dbias = normalization.batch_norm_backward_saved(dy, saved, w)
    assert dx.dtype == np.float32 and np.isfinite(dx).all()
    scale = float(np.abs(expected[1]).max())
    np.testing.assert_allclose(dx, expected[1], rtol=1e-4, atol=1e-5 * scale)
    np.testing.assert_allclose(dweight, expected[2], rtol=1e-4)
    big = np.abs(expected[3]) > np.finfo(np.float32).max
    assert big[[0, 2]].all() and not big[1]
    assert np.isinf(dbias[big]).all()
    np.testing.assert_allclose(dbias[~big], expected[3][~big], rtol=1e-4)


def test_batch_norm_of_a_narrow_float32_channel_is_float32_close():
    """Three values about 2.7 +- 0.02 (the draw that failed test_norm_numba's comparison): the
    mean's float32 sum erred by 1e-5 of xhat once divided by the small deviation; summed in
    float64 and rounded once, as numba's kernel does, it is held to float32's 1e-5."""
    rng = np.random.default_rng(1)
    x = (rng.standard_normal((3, 3, 1, 1)) * rng.uniform(0.1, 10) + rng.uniform(-5, 5)).astype(
        np.float32
    )
    dy = rng.standard_normal(x.shape).astype(np.float32)
    w = np.ones(3, np.float32)
    expected = _torch_batch_norm(x.astype(np.float64), w.astype(np.float64), dy)
    with accel.accelerator("numpy"):
        y, saved = normalization.batch_norm_saving(x)
        dx = normalization.batch_norm_backward_saved(dy, saved).dx
    for what, ours, theirs in (("y", y, expected[0]), ("dx", dx, expected[1])):
        tol = 1e-5 * float(np.abs(theirs).max())
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=tol, err_msg=what)


def test_batch_norm_of_huge_float32_values_agrees_with_numbas():
    pytest.importorskip("numba")
    x, dy = _huge(1e30)
    results = {}
    for name in ("numpy", "numba"):
        with accel.accelerator(name):
            y, saved = normalization.batch_norm_saving(x)
            grads = normalization.batch_norm_backward_saved(dy, saved)
        results[name] = (y, *saved, *grads)
    for ours, theirs in zip(results["numba"], results["numpy"], strict=True):
        assert ours.dtype == theirs.dtype
        np.testing.assert_array_equal(np.isinf(ours), np.isinf(theirs))
        finite = np.isfinite(theirs)
        scale = max(1.0, float(np.abs(theirs[finite]).max(initial=0)))
        np.testing.assert_allclose(ours[finite], theirs[finite], rtol=1e-5, atol=1e-5 * scale)


def test_a_bad_convgrad_threads_is_one_error_line_before_any_work(monkeypatch):
    monkeypatch.setenv("CONVGRAD_THREADS", "abc")  # train reached a traceback mid-epoch
    monkeypatch.setattr(parallel, "_threads", None)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert cli.main(["train", "--epochs", "1"]) == 2
    assert err.getvalue() == (
        "convgrad train: error: CONVGRAD_THREADS must be a whole number of threads from 1 to "
        "1024 (or unset, for one per CPU); got 'abc'\n"
    )


# --- CONVGRAD_KEEP_MEMORY --------------------------------------------------------------------


def _kept_after_an_optimiser(value):
    """``_memory._state["kept"]`` after an optimiser is made in a fresh process, or the error."""
    code = textwrap.dedent(
        """
        import convgrad._memory as m
        from convgrad import nn, optim
        try:
            optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1)
        except ValueError as err:
            print("ValueError:", err)
        else:
            print(m._state["kept"], m.keep_freed_memory())
        """
    )
    env = dict(os.environ, CONVGRAD_KEEP_MEMORY=value)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0 and not done.stderr, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("value", ["false", "off", "No", " 0 "])
def test_keep_memory_turned_off_in_words_is_off(value):
    assert _kept_after_an_optimiser(value) == "False False"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
@pytest.mark.parametrize("value", ["", "1", "true", "ON"])
def test_keep_memory_turned_on_keeps_it_where_glibc_is(value):
    assert _kept_after_an_optimiser(value) in ("True True", "False False")  # False: not glibc


def test_a_bad_keep_memory_value_is_one_error_naming_the_variable(monkeypatch):
    out = _kept_after_an_optimiser("2")
    assert out == (
        "ValueError: CONVGRAD_KEEP_MEMORY must be 0 (freed memory returned to the system) or 1 "
        "(kept, the default); got '2'"
    )
    monkeypatch.setenv("CONVGRAD_KEEP_MEMORY", "maybe")  # the command line: exit 2, one line
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert cli.main(["check"]) == 2
    assert err.getvalue() == (
        "convgrad check: error: CONVGRAD_KEEP_MEMORY must be 0 (freed memory returned to the "
        "system) or 1 (kept, the default); got 'maybe'\n"
    )


_FAULTS_AFTER_A_CONVOLUTION = """
import resource
import numpy as np
import convgrad
import convgrad._memory as m
print(m._state.get("kept"))
x = np.ones((2, 3, 8, 8), np.float32)
w = np.ones((4, 3, 3, 3), np.float32)
call = {call!r}
if call == "conv2d":
    convgrad.conv2d(x, w)
elif call == "conv2d_backward":
    convgrad.conv2d_backward(np.ones((2, 4, 6, 6), np.float32), x, w)
elif call == "conv_transpose2d":
    convgrad.conv_transpose2d(x, w.transpose(1, 0, 2, 3).copy())
else:
    convgrad.conv_transpose2d_backward(np.ones((2, 4, 10, 10), np.float32), x, w.swapaxes(0, 1))
print(m._state.get("kept"))
# two arrays of one size freed together, as a pass frees its outputs: with glibc's own thresholds
# their pages are given back and faulted in again every turn (480 of 512 here)
for _ in range(3):
    a, b = np.ones(1 << 18, np.float32), np.ones(1 << 18, np.float32)
    del a, b
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(20):
    a, b = np.ones(1 << 18, np.float32), np.ones(1 << 18, np.float32)
    del a, b
print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 20)
"""


def _after_a_convolution(call, **env):
    """What a fresh process says of ``_memory._state["kept"]`` before and after one call of
    ``call``, and the page faults a turn of allocating and freeing two 1 MiB arrays after it."""
    from convgrad import _memory

    theirs = ("CONVGRAD_KEEP_MEMORY", "GLIBC_TUNABLES", *_memory.OWN_VARIABLES)  # malloc's own
    environment = {k: v for k, v in os.environ.items() if k not in theirs} | env
    done = subprocess.run(
        [sys.executable, "-c", _FAULTS_AFTER_A_CONVOLUTION.format(call=call)],
        capture_output=True, text=True, env=environment, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and not done.stderr, done.stderr
    before, after, faults = done.stdout.split()
    return before, after, float(faults)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
@pytest.mark.parametrize(
    "call", ["conv2d", "conv2d_backward", "conv_transpose2d", "conv_transpose2d_backward"]
)
def test_a_loop_of_convolutions_keeps_freed_memory_without_an_optimiser(call):
    """A learner's own loop (conv2d, conv2d_backward, ``w -= lr * dw``) makes no optimiser: the
    convolution itself asks glibc to keep freed memory, so the next turn's arrays fault no pages."""
    before, after, faults = _after_a_convolution(call)
    assert before == "None"  # import convgrad alone changes nothing
    if after == "False":  # not glibc
        return
    assert after == "True"
    assert faults < 0.05 * 512, f"{faults} page faults a turn with freed memory kept"
    assert _after_a_convolution(call, CONVGRAD_KEEP_MEMORY="0")[:2] == ("None", "False")


class _Mallopt:
    """glibc as far as keep_freed_memory sees it, with its mallopt calls recorded."""

    def __init__(self):
        self.calls = []

        def mallopt(*args):  # a function, whose argtypes and restype can be set as ctypes' are
            self.calls.append(args)
            return 1

        self.mallopt = mallopt

    def gnu_get_libc_version(self):
        return b"2.36"


@pytest.mark.parametrize(
    "env",
    [
        {"MALLOC_TRIM_THRESHOLD_": "0"},
        {"MALLOC_MMAP_THRESHOLD_": "131072"},
        {"MALLOC_TOP_PAD_": "1048576"},
        {"MALLOC_MMAP_MAX_": "0"},
        {"GLIBC_TUNABLES": "glibc.malloc.trim_threshold=0"},
        {"GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2:glibc.malloc.mmap_threshold=65536"},
    ],
    ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()),
)
def test_malloc_settings_of_the_process_own_are_left_as_they_are(monkeypatch, env):
    from convgrad import _memory

    libc = _Mallopt()
    for name in ("CONVGRAD_KEEP_MEMORY", *_memory.OWN_VARIABLES, "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(_memory.sys, "platform", "linux")
    monkeypatch.setattr(_memory.ctypes, "CDLL", lambda name: libc)
    monkeypatch.setattr(_memory, "_state", {})
    assert _memory.keep_freed_memory() is True and len(libc.calls) == 2  # the fake glibc works
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    libc.calls.clear()
    monkeypatch.setattr(_memory, "_state", {})
    assert _memory.keep_freed_memory() is False and libc.calls == []


@pytest.mark.parametrize(
    "tunables", ["glibc.malloc.check=3", "glibc.cpu.x86_rep_movsb_threshold=2048", "", "::"]
)
def test_other_glibc_tunables_do_not_stop_freed_memory_being_kept(monkeypatch, tunables):
    from convgrad import _memory

    libc = _Mallopt()
    for name in ("CONVGRAD_KEEP_MEMORY", *_memory.OWN_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GLIBC_TUNABLES", tunables)
    monkeypatch.setattr(_memory.sys, "platform", "linux")
    monkeypatch.setattr(_memory.ctypes, "CDLL", lambda name: libc)
    monkeypatch.setattr(_memory, "_state", {})
    assert _memory.keep_freed_memory() is True
    assert libc.calls == [
        (_memory.M_MMAP_THRESHOLD, _memory.MMAP_THRESHOLD),
        (_memory.M_TRIM_THRESHOLD, _memory.TRIM_THRESHOLD),
    ]


# --- ReLU and max pooling split over the threads: the same bits, signed zeros included ----------


def _same_bits(one, split):
    assert one.dtype == split.dtype and one.shape == split.shape
    np.testing.assert_array_equal(one.view(np.uint8), split.view(np.uint8))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_relu_backward_split_keeps_the_bits_when_one_share_holds_a_nan(monkeypatch, dtype):
    """One share with a NaN in dy, the other finite: each share chose its own way to zero the
    blocked gradient, and negative dy there became -0.0 in one share and 0.0 in the other."""
    x = -np.ones((4, 3), dtype)
    dy = -np.ones((4, 3), dtype)
    dy[0, 0] = np.nan
    one, split = _both(monkeypatch, lambda: activations.relu_backward(dy, x), threads=2)
    _same_bits(one, split)


@pytest.mark.parametrize("size", [2, 3], ids=["whole", "a row and column left over"])
def test_max_pool_backward_split_keeps_the_bits_when_one_share_holds_an_inf(monkeypatch, size):
    x = np.zeros((2, 1, size, size))
    x[..., 0, 0] = 1
    dy = -np.ones((2, 1, 1, 1))
    dy[0] = np.inf

    def f():
        _, saved = pooling.max_pool2d_saving(x, 2)
        return pooling.max_pool2d_backward_saved(dy, x, saved, 2)

    one, split = _both(monkeypatch, f, threads=2)
    _same_bits(one, split)


# --- batch statistics of no channels -------------------------------------------------------------


@pytest.mark.parametrize("backend", ["numpy", "numba"])
def test_batch_statistics_of_no_channels_are_one_error_naming_x(backend):
    """``x (2, 0, 3)`` divided by its 0 channels: a ZeroDivisionError, not a ValueError."""
    x = np.zeros((2, 0, 3))
    rule = r"batch statistics need at least 1 channel in x \(axis 1\); got shape \(2, 0, 3\)"
    with accel.accelerator(backend):
        with pytest.raises(ValueError, match="batch_norm: " + rule):
            normalization.batch_norm_saving(x)
        with pytest.raises(ValueError, match="batch_norm: " + rule):
            normalization.batch_norm(x, training=True)
        with pytest.raises(ValueError, match="batch_norm: " + rule):
            normalization.batch_norm_backward(x, x, training=True)
        with pytest.raises(ValueError, match="batch_norm_stats: " + rule):
            normalization.batch_norm_stats(x, np.zeros(0), np.ones(0))


# --- nhwc: one piece's buffers alive at a time -------------------------------------------------


@pytest.mark.parametrize(
    "kernel, stride",
    [("forward", 1), ("weight_grad", 1), ("input_grad", 1), ("input_grad", (1, 2))],
    ids=["forward", "dw", "dx", "dx by scatter"],
)
def test_nhwc_holds_one_pieces_buffers_at_a_time(monkeypatch, kernel, stride):
    """Buffers past KEEP_BYTES are new arrays each piece; the last piece's must be gone before
    the next one's is made (they were held by the loop's variables: twice a piece's windows)."""
    alive: dict[str, list] = {}
    most: dict[str, int] = {}
    made = nhwc.scratch

    def tracked(slot, shape, dtype):
        a = made(slot, shape, dtype)
        refs = [r for r in alive.get(slot, []) if r() is not None] + [weakref.ref(a)]
        alive[slot] = refs
        most[slot] = max(most.get(slot, 0), len(refs))
        return a

    monkeypatch.setattr(nhwc, "KEEP_BYTES", 0)  # every buffer a new array
    monkeypatch.setattr(nhwc, "scratch", tracked)
    monkeypatch.setattr(im2col, "CHUNK_BYTES", 1)  # a piece per output row
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((2, 16, 5, 6)), rng.standard_normal((4, 16, 3, 3))
    spec = _args.conv_spec("conv", 2, x, w, None, stride, 1, 1, 1, "zeros")
    dy = rng.standard_normal((2, 4, *spec.out_spatial))
    args = {"forward": (x, w, spec), "weight_grad": (dy, x, spec, w), "input_grad": (dy, w, spec)}
    with parallel.limit(1):
        ours = getattr(nhwc, kernel)(*args[kernel])
    expected = reference.conv2d_backward(dy, x, w, stride=stride, padding=1)
    expected = {
        "forward": reference.conv2d(x, w, stride=stride, padding=1),
        "weight_grad": expected.dw,
        "input_grad": expected.dx,
    }[kernel]
    np.testing.assert_allclose(ours, expected, rtol=1e-12, atol=1e-12)
    assert most and max(most.values()) == 1, most


# --- numba's batch norm failing between the forward and the backward ---------------------------


def test_numba_failing_in_the_backward_is_said_once_and_numpy_finishes(monkeypatch):
    numba = pytest.importorskip("numba")
    from convgrad.kernels import norm_numba

    state = {"module": None, "norm": None, "failed": False, "warned": False, "compiled": set()}
    monkeypatch.setattr(accel, "_state", state)
    monkeypatch.delenv("CONVGRAD_ACCEL", raising=False)
    rng = np.random.default_rng(5)
    x, dy = rng.standard_normal((3, 4, 5)), rng.standard_normal((3, 4, 5))
    w = rng.standard_normal(4)
    with accel.accelerator("numpy"):
        y0, saved0 = normalization.batch_norm_saving(x, w)
        expected = normalization.batch_norm_backward_saved(dy, saved0, w)

    def broken(*args):
        raise numba.core.errors.TypingError("planted")

    y, saved = normalization.batch_norm_saving(x, w)  # numba's forward
    assert state["norm"] is not None
    monkeypatch.setattr(norm_numba, "_bn_backward", broken)
    with pytest.warns(RuntimeWarning, match="numba could not compile batch_norm_backward") as seen:
        grads = normalization.batch_norm_backward_saved(dy, saved, w)
        again = normalization.batch_norm_backward_saved(dy, saved, w)
        normalization.batch_norm_saving(x, w)  # NumPy from now on, silently
    assert len(seen) == 1 and accel.active() == "numpy"
    np.testing.assert_allclose(y, y0, rtol=1e-12, atol=1e-12)
    for ours, theirs, twice in zip(grads, expected, again, strict=True):
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-12)
        np.testing.assert_array_equal(ours, twice)


# --- nhwc, the automatic choice, through the tape and from several Python threads --------------


@pytest.mark.parametrize(
    "kw",
    [
        dict(stride=2, padding=1, padding_mode="reflect"),
        dict(padding="same", dilation=2, padding_mode="circular"),
        dict(stride=(2, 1), padding=(2, 0), dilation=(2, 1), padding_mode="replicate"),
    ],
)
def test_nhwc_through_the_tape_matches_torch(kw):
    import convgrad as cg

    rng = np.random.default_rng(6)
    x, w, b = rng.standard_normal((1, 16, 7, 6)), rng.standard_normal((3, 16, 3, 3)), np.ones(3)
    mode = kw.pop("padding_mode")
    assert convolution.chosen_strategy(x.shape, w.shape, **kw) == "nhwc"
    leaf = cg.tensor(x, requires_grad=True)
    layer = cg.nn.Conv2d(16, 3, 3, bias=True, padding_mode=mode, **kw).double()
    layer.weight.data[...], layer.bias.data[...] = w, b
    y = layer(leaf)
    dy = rng.standard_normal(y.shape)
    y.backward(dy)
    twin = torch.nn.Conv2d(16, 3, 3, bias=True, padding_mode=mode, **kw).double()
    with torch.no_grad():
        twin.weight[...], twin.bias[...] = torch.tensor(w), torch.tensor(b)
    tx = torch.tensor(x, requires_grad=True)
    ty = twin(tx)
    ty.backward(torch.tensor(dy))
    close = dict(rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(y.data, ty.detach().numpy(), **close)
    np.testing.assert_allclose(leaf.grad, tx.grad.numpy(), **close)
    np.testing.assert_allclose(layer.weight.grad, twin.weight.grad.numpy(), **close)
    np.testing.assert_allclose(layer.bias.grad, twin.bias.grad.numpy(), **close)


def test_nhwc_from_several_python_threads_gives_each_its_own_exact_result(monkeypatch):
    """Buffers are per thread: calls of other shapes and dtypes at once on other threads (and
    on the pool's) change no bit of a result."""
    monkeypatch.setattr(parallel, "SPLIT_POSITIONS", 0)
    monkeypatch.setattr(parallel, "SPLIT_MIN_FLOPS", 0)
    rng = np.random.default_rng(7)
    cases = []
    for i in range(8):
        dtype = (np.float32, np.float64)[i % 2]
        shape = (1 + i % 3, 16, 5 + i, 9 - i % 4)
        x = rng.standard_normal(shape).astype(dtype)
        w = rng.standard_normal((2 + i, 16, 3, 3)).astype(dtype)
        kw = dict(padding=1, stride=1 + i % 2)
        cases.append((x, w, kw))

    def one(case):
        x, w, kw = case
        with convolution.strategy("nhwc"):
            y = convolution.conv2d(x, w, **kw)
            return (y, *convolution.conv2d_backward(y, x, w, **kw)[:2])

    with parallel.limit(2):
        alone = [one(c) for c in cases]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            together = list(pool.map(one, cases * 3))
    for i, results in enumerate(together):
        for ours, theirs in zip(results, alone[i % len(cases)], strict=True):
            np.testing.assert_array_equal(ours, theirs)


# --- the BLAS's threads after blocks from several Python threads overlap -----------------------


def test_overlapping_blas_single_blocks_leave_the_blas_threads_as_they_were():
    """A enters, B enters, A leaves, B leaves: B restored the one thread it found on entry, and
    the process kept a one-thread BLAS for good."""
    pytest.importorskip("threadpoolctl")
    with parallel.blas_single():  # makes the controller, once, for the libraries loaded then
        pass
    controller = parallel._controller["it"]

    def blas_threads():  # of the libraries blas_single limits (torch may load more later)
        return [i["num_threads"] for i in controller.info() if i["user_api"] == "blas"]

    before = blas_threads()
    if not before or max(before) < 2:
        pytest.skip("the BLAS runs one thread here: nothing to restore")
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    inside = {}

    def a():
        with parallel.blas_single():
            a_in.set()
            b_in.wait(10)
            inside["a"] = blas_threads()
        a_out.set()

    def b():
        a_in.wait(10)
        with parallel.blas_single():
            b_in.set()
            a_out.wait(10)

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert inside["a"] == [1] * len(before)
    assert blas_threads() == before


def test_keep_memory_elsewhere_than_glibc_calls_no_mallopt_and_runs_once(monkeypatch):
    from convgrad import _memory

    calls = []

    class Musl:  # a C library with a mallopt that does nothing, and no gnu_get_libc_version
        def mallopt(self, *args):
            calls.append(args)
            return 1

    monkeypatch.delenv("CONVGRAD_KEEP_MEMORY", raising=False)
    monkeypatch.setattr(_memory, "_state", {})
    monkeypatch.setattr(_memory.sys, "platform", "linux")
    monkeypatch.setattr(_memory.ctypes, "CDLL", lambda name: Musl())
    assert _memory.keep_freed_memory() is False and calls == []

    def broken(name):
        raise OSError("no C library")

    monkeypatch.setattr(_memory, "_state", {})
    monkeypatch.setattr(_memory.ctypes, "CDLL", broken)
    assert _memory.keep_freed_memory() is False
    monkeypatch.setattr(_memory.ctypes, "CDLL", lambda name: 1 / 0)  # never asked again
    assert _memory.keep_freed_memory() is False
    monkeypatch.setattr(_memory.sys, "platform", "darwin")
    monkeypatch.setattr(_memory, "_state", {})
    assert _memory.keep_freed_memory() is False
