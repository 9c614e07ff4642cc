"""The static reading of learners' code: each rule on small sources, then the whole corpus.

Over ``tests/submissions/corpus`` (checked against PyTorch by test_corpus.py): every annotated
bug that the reading claims to detect is found with its id on its line, no ``pass`` file gets a
finding that claims a bug, and no ``fail`` file gets one its header does not list.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convgrad.grading.static import DETECTED, NOTE, Finding, _read, read_source
from test_corpus import corpus


def bugs(source: str, course: str = "cs231n") -> list[tuple[str, int]]:
    return [(f.bug, f.line) for f in read_source(textwrap.dedent(source), course) if f.bug]


def notes(source: str, course: str = "cs231n") -> list[int]:
    return [f.line for f in read_source(textwrap.dedent(source), course) if f.bug == NOTE]


# A correct cs231n pair; the tests below change one line of it at a time.
FORWARD = """
import numpy as np


def conv_forward_naive(x, w, b, conv_param):
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    H_out = 1 + (H + 2 * pad - HH) // stride
    W_out = 1 + (W + 2 * pad - WW) // stride
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, H_out, W_out))
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    win = x_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    out[n, f, i, j] = np.sum(win * w[f]) + b[f]
    cache = (x, w, b, conv_param)
    return out, cache
"""
BACKWARD = """

def conv_backward_naive(dout, cache):
    x, w, b, conv_param = cache
    stride, pad = conv_param['stride'], conv_param['pad']
    N, C, H, W = x.shape
    F, _, HH, WW = w.shape
    _, _, H_out, W_out = dout.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    win = x_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]
                    db[f] += dout[n, f, i, j]
                    dw[f] += win * dout[n, f, i, j]
                    g = dout[n, f, i, j]
                    dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += w[f] * g
    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
"""
CORRECT = FORWARD + BACKWARD


def changed(old: str, new: str) -> tuple[str, int]:
    """The correct pair with one line replaced, and that line's number."""
    assert CORRECT.count(old) == 1, old
    source = CORRECT.replace(old, new)
    line = source[: source.index(new)].count("\n") + 1
    return source, line


def test_the_correct_pair_gets_no_finding():
    assert read_source(CORRECT, "cs231n") == []


@pytest.mark.parametrize(
    "old, new, bug",
    [
        (
            "dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "dx_pad[:, :, pad:-pad, pad:-pad]",
            "crop_negative_pad",
        ),
        (
            "dx = dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "dx = dx_pad[..., pad:-pad, pad:-pad]",
            "crop_negative_pad",
        ),
        ("dx_pad[:, :, pad:pad + H, pad:pad + W]", "dx_pad[:, :, 1:-1, 1:-1]", "hardcoded_pad"),
        (
            "dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "dx_pad[:, :, 1:H + 1, 1:W + 1]",
            "hardcoded_pad",
        ),
        ("dx_pad[:, :, pad:pad + H, pad:pad + W]", "dx_pad[:, :, :H, :W]", "crop_end_only"),
        ("dx_pad[:, :, pad:pad + H, pad:pad + W]", "dx_pad[:, :, pad:, pad:]", "crop_start_only"),
        (
            "W_out = 1 + (W + 2 * pad - WW) // stride",
            "W_out = 1 + (H + 2 * pad - HH) // stride",
            "out_size_wrong_dim",
        ),
        (
            "W_out = 1 + (W + 2 * pad - WW) // stride",
            "W_out = 1 + (W + 2 * pad - HH) // stride",
            "out_size_wrong_dim",
        ),
        (
            "H_out = 1 + (H + 2 * pad - HH) // stride",
            "H_out = 1 + (H + 2 * pad - HH) / stride",
            "round_out_size",
        ),
        (
            "H_out = 1 + (H + 2 * pad - HH) // stride",
            "H_out = np.floor((H + 2 * pad - HH) / stride) + 1",
            "round_out_size",
        ),
        (
            "H_out = 1 + (H + 2 * pad - HH) // stride",
            "H_out = 1 + (H - HH) // stride",
            "loop_unpadded",
        ),
        ("W_out = 1 + (W + 2 * pad - WW) // stride", "W_out = H_out", "hw_swapped"),
        (
            "out = np.zeros((N, F, H_out, W_out))",
            "out = np.zeros((N, F, H_out, H_out))",
            "hw_swapped",
        ),
        (
            "out[n, f, i, j] = np.sum(win * w[f]) + b[f]",
            "out[n, f, i, j] = np.sum(win.reshape(3, 3) * w[f]) + b[f]",
            "fixed_reshape",
        ),
        ("db[f] += dout[n, f, i, j]", "db[f] = dout[n, f, i, j]", "db_overwrite"),
        ("dw[f] += win * dout[n, f, i, j]", "dw[f] = win * dout[n, f, i, j]", "dw_overwrite"),
        ("dw[f] += win * dout[n, f, i, j]", "dw[f] += w[f] * dout[n, f, i, j]", "dw_uses_w"),
        (
            "dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += w[f] * g",
            "dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] = w[f] * g",
            "dx_overwrite",
        ),
        (
            "dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += w[f] * g",
            "dx_pad[n, :, i:i + HH, j:j + WW] += w[f] * g",
            "stride_ignored",
        ),
        (
            "dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += w[f] * g",
            "dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += win * g",
            "dx_uses_x",
        ),
        (
            "dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW] += w[f] * g",
            "dx_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + HH] += w[f] * g",
            "hw_swapped",
        ),
        ("    return dx, dw, db", "    return dx, dw / N, db", "dw_mean_batch"),
        (
            "    cache = (x, w, b, conv_param)",
            "    cache = (x, w.transpose(1, 0, 2, 3), b, conv_param)",
            "cache_scrambled",
        ),
        (
            "    cache = (x, w, b, conv_param)",
            "    w = w.reshape(F, -1)\n    cache = (x, w, b, conv_param)",
            "cache_scrambled",
        ),
        (
            "x_pad = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))\n    out",
            "x_pad = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))\n    out",
            "hardcoded_pad",
        ),
        (
            "            for i in range(H_out):\n                for j in range(W_out):\n"
            "                    win = x_pad[n, :, i * stride:i * stride + HH, "
            "j * stride:j * stride + WW]\n                    out",
            "            for i in range(H_out):\n                for j in range(H_out):\n"
            "                    win = x_pad[n, :, i * stride:i * stride + HH, "
            "j * stride:j * stride + WW]\n                    out",
            "hw_swapped",
        ),
    ],
)
def test_each_rule_names_its_bug_on_its_line(old, new, bug):
    source, line = changed(old, new)
    if bug == "hw_swapped" and "range(H_out)" in new:
        line += 1  # the inner loop
    found = bugs(source)
    assert (bug, line) in found, found
    assert {b for b, _ in found} == {bug}, found


def test_height_and_width_swapped():
    source, line = changed(
        "out = np.zeros((N, F, H_out, W_out))", "out = np.zeros((N, F, W_out, H_out))"
    )
    assert bugs(source) == [("hw_swapped", line)]
    window = "x_pad[n, :, i * stride:i * stride + HH, j * stride:j * stride + WW]\n        "
    source, line = changed(
        window + "            out",
        window.replace("+ HH", "+ @").replace("+ WW", "+ HH").replace("@", "WW")
        + "            out",
    )
    assert bugs(source) == [("hw_swapped", line)]
    unpack = "    N, C, H, W = x.shape\n    F, _, HH, WW = w.shape\n    H_out = 1"
    source, line = changed(unpack, unpack.replace("H, W = x", "W, H = x"))
    assert ("hw_swapped", line) in bugs(source)
    # rows and columns are a height and a width too
    source = (
        CORRECT.replace("N, C, H, W = x.shape", "N, C, rows, cols = x.shape")
        .replace("H +", "rows +")
        .replace("W +", "cols +")
        .replace("+ H,", "+ rows,")
        .replace("+ W]", "+ cols]")
    )
    assert bugs(source) == []


def test_window_starts_bounded_by_the_unpadded_size():
    loops = "            for i in range(H_out):\n                for j in range(W_out):\n"
    old = loops + "                    win = x_pad[n, :, i * stride:i * stride + HH, "
    new = (
        "            for i in range(0, H, stride):\n                for j in range(0, W, stride):\n"
        "                    win = x_pad[n, :, i:i + HH, "
    )
    forward = FORWARD.replace(old, new).replace("j * stride:j * stride + WW]", "j:j + WW]")
    line = forward[: forward.index(new)].count("\n") + 1
    found = bugs(forward + BACKWARD)
    assert ("loop_unpadded", line) in found and ("loop_unpadded", line + 1) in found
    # a gather over the input's own pixels is bounded by the input's size, rightly
    gather = CORRECT.replace(
        "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]\n",
        (
            "    dx = np.zeros_like(x)\n    for h in range(H):\n        for k in range(W):\n"
            "            dx[:, :, h, k] = dx_pad[:, :, h + pad, k + pad]\n"
        ),
    )
    assert bugs(gather) == []


def test_a_finding_quotes_its_line_and_speaks_to_the_learner():
    source, line = changed("pad:pad + H, pad:pad + W]", "pad:-pad, pad:-pad]")
    (finding,) = read_source(source, "cs231n")
    assert finding == Finding(
        finding.bug, line, "dx = dx_pad[:, :, pad:-pad, pad:-pad]", finding.message
    )
    assert "pad = 0" in finding.message and "pad:pad + H" in finding.message
    assert all(
        len(f.code) <= 120 for f in read_source(source.replace("H]", "H]" + " " * 200), "cs231n")
    )


@pytest.mark.parametrize(
    "old, new",
    [
        # a guarded crop is right for every pad
        (
            "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "    if pad > 0:\n        dx = dx_pad[:, :, pad:-pad, pad:-pad]\n    else:\n"
            "        dx = dx_pad",
        ),
        (
            "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "    dx = dx_pad if pad == 0 else dx_pad[:, :, pad:-pad, pad:-pad]",
        ),
        (
            "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "    dx = dx_pad[:, :, pad:-pad or None, pad:-pad or None]",
        ),
        (
            "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "    if not pad:\n        dx = dx_pad\n"
            "    else:\n        dx = dx_pad[:, :, pad:-pad, pad:-pad]",
        ),
        (
            "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]",
            "    if 0 < pad:\n        dx_pad = dx_pad[:, :, pad:-pad, pad:-pad]\n    dx = dx_pad",
        ),
        # int() and round() of an exact division: a note, not a bug
        (
            "H_out = 1 + (H + 2 * pad - HH) // stride",
            "H_out = int(1 + (H + 2 * pad - HH) / stride)",
        ),
        # a float size made an int before use
        (
            "W_out = 1 + (W + 2 * pad - WW) // stride",
            "W_out = 1 + (W + 2 * pad - WW) / stride\n    W_out = int(W_out)",
        ),
        # a wrong size that nothing uses
        (
            "    _, _, H_out, W_out = dout.shape",
            "    H_new = 1 + (H + 2 * pad - HH) / stride\n    _, _, H_out, W_out = dout.shape",
        ),
        # = that writes each element once, or the same value again
        ("db[f] += dout[n, f, i, j]", "db[f] = np.sum(dout[:, f])"),
        ("db[f] += dout[n, f, i, j]", "db[f] = db[f] + dout[n, f, i, j]"),
        # reshapes from the shapes, and a bias broadcast
        (
            "out[n, f, i, j] = np.sum(win * w[f]) + b[f]",
            "out[n, f, i, j] = win.reshape(-1).dot("
            "w[f].reshape(w.shape[1] * w.shape[2] * w.shape[3])) + b[f]",
        ),
        # the cache holds the padded input, or an extra item: both are the learner's own deal
        ("    cache = (x, w, b, conv_param)", "    cache = (x, w, b, conv_param, x_pad)"),
    ],
)
def test_correct_variants_get_no_bug(old, new):
    source, _ = changed(old, new)
    assert bugs(source) == []


@pytest.mark.parametrize(
    "guard", ["if pad >= 0:", "if pad == 0:", "if not pad != 0:", "if pad <= 0:", "if 0 <= pad:"]
)
def test_a_guard_that_lets_pad_0_through_guards_nothing(guard):
    source, line = changed(
        "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]",
        f"    dx = dx_pad\n    {guard}\n        dx = dx_pad[:, :, pad:-pad, pad:-pad]",
    )
    assert bugs(source) == [("crop_negative_pad", line + 2)]


def test_int_of_a_division_gets_a_note():
    source, line = changed(
        "H_out = 1 + (H + 2 * pad - HH) // stride", "H_out = int((H + 2 * pad - HH) / stride) + 1"
    )
    assert bugs(source) == [] and notes(source) == [line]


def test_dimensions_unpacked_from_a_shape_slice():
    source = CORRECT.replace("F, _, HH, WW = w.shape", "F = w.shape[0]\n    HH, WW = w.shape[2:]")
    assert bugs(source) == []
    wrong = source.replace("W_out = 1 + (W + 2 * pad - WW)", "W_out = 1 + (W + 2 * pad - HH)")
    assert [b for b, _ in bugs(wrong)] == ["out_size_wrong_dim"]


def test_a_full_correlation_gather_over_dout_is_not_an_unpadded_loop():
    gather = CORRECT.replace(
        "    dx = dx_pad[:, :, pad:pad + H, pad:pad + W]\n",
        "    g = np.pad(dout, ((0, 0), (0, 0), (HH - 1, HH - 1), (WW - 1, WW - 1)))\n"
        "    dx = np.zeros_like(x)\n"
        "    for h in range(H):\n"
        "        for k in range(W):\n"
        "            dx[:, :, h, k] = np.einsum('nfuv,fcuv->nc', g[:, :, h:h + HH, k:k + WW], w)\n",
    )
    assert bugs(gather) == []


def test_python_2_and_numpy_1_names_get_notes():
    source = CORRECT.replace("in range(N)", "in xrange(N)").replace("np.pad(", "np.lib.pad(")
    found = read_source(source, "cs231n")
    assert found and {f.bug for f in found} == {NOTE}
    assert {f.code.split()[0] for f in found} == {"for", "x_pad"}


def test_only_the_graded_functions_and_their_helpers_are_read():
    pool = """
    def max_pool_backward_naive(dout, cache):
        dx = np.zeros((2, 2))
        for i in range(2):
            dx[0] = dout[i]
        return dx[:, :, 1:-1, 1:-1]
    """
    assert bugs(CORRECT + textwrap.dedent(pool)) == []
    helper = """
    def unpad(a, pad):
        return a[:, :, pad:-pad, pad:-pad]
    """
    source = CORRECT.replace(
        "dx = dx_pad[:, :, pad:pad + H, pad:pad + W]", "dx = unpad(dx_pad, pad)"
    )
    source += textwrap.dedent(helper)
    assert [b for b, _ in bugs(source)] == ["crop_negative_pad"]
    guarded = helper.replace(
        "    return a[", "    if pad == 0:\n            return a\n        return a["
    )
    source = source[: source.index("\ndef unpad")] + textwrap.dedent(guarded)
    assert bugs(source) == []


EXERCISE = """
import numpy as np


def conv2d_backward(grad_out, x, W):
    C_out, C_in, kH, kW = W.shape
    C, H, Wd = x.shape
    out_H, out_W = H - kH + 1, Wd - kW + 1
    dx = np.zeros(x.shape)
    dW = np.zeros(W.shape)
    for o in range(C_out):
        for i in range(out_H):
            for j in range(out_W):
                g = grad_out[o, i, j]
                dW[o] += g * x[:, i:i + kH, j:j + kW]
                dx[:, i:i + kH, j:j + kW] += g * W[o]
    return dx, dW
"""


@pytest.mark.parametrize(
    "old, new, bug",
    [
        ("dx[:, i:i + kH, j:j + kW] +=", "dx[:, i:i + kH, j:j + kW] =", "dx_overwrite"),
        ("dW[o] += g", "dW[o] = g", "dw_overwrite"),
        ("g * W[o]", "g * W[o, :, ::-1, ::-1]", "dx_flipped_kernel"),
        ("g * W[o]", "g * x[:, i:i + kH, j:j + kW]", "dx_uses_x"),
        ("Wd - kW + 1", "Wd - kH + 1", "out_size_wrong_dim"),
        ("for i in range(out_H)", "for i in range(H - kH)", "skip_last"),
        (
            "                g = grad_out",
            "                dx = np.zeros(x.shape)\n                g = grad_out",
            "dx_reset",
        ),
        ("    return dx, dW", "    return dx, None", "not_implemented"),
    ],
)
def test_exercise_rules(old, new, bug):
    assert EXERCISE.count(old) == 1
    source = EXERCISE.replace(old, new)
    found = bugs(source, "exercise")
    assert bug in {b for b, _ in found}, found


def test_a_gather_with_the_flipped_kernel_is_right():
    gather = """
    import numpy as np


    def conv2d_backward(grad_out, x, W):
        C_out, C_in, kH, kW = W.shape
        _, H, Wd = x.shape
        g = np.pad(grad_out, ((0, 0), (kH - 1, kH - 1), (kW - 1, kW - 1)))
        dx = np.zeros(x.shape)
        for c in range(C_in):
            for p in range(H):
                for q in range(Wd):
                    dx[c, p, q] += np.sum(g[:, p:p + kH, q:q + kW] * W[:, c, ::-1, ::-1])
        return dx, np.zeros(W.shape) + 1
    """
    assert bugs(gather, "exercise") == []


def test_exercise_correct_and_unfinished():
    assert read_source(EXERCISE, "exercise") == []
    stub = "def conv2d_backward(grad_out, x, W):\n    '''TODO'''\n    pass\n"
    assert bugs(stub, "exercise") == [("not_implemented", 3)]
    zeros = EXERCISE.replace("                dx[:, i:i + kH, j:j + kW] += g * W[o]\n", "")
    assert ("not_implemented", zeros.count("\n", 0, zeros.index("return dx")) + 1) in bugs(
        zeros, "exercise"
    )
    # a helper defined inside the function has returns of its own
    inner = EXERCISE.replace(
        "    return dx, dW", "    def unused():\n        return None\n\n    return dx, dW"
    )
    assert bugs(inner, "exercise") == []
    # dx padded into a new array, which gets the gradient, and dx returned as it was
    forgot = EXERCISE.replace(
        "    dW = np.zeros(W.shape)\n", "    dW = np.zeros(W.shape)\n    d = np.pad(dx, 0)\n"
    )
    forgot = forgot.replace("dx[:, i:i + kH", "d[:, i:i + kH")
    assert [b for b, _ in bugs(forgot, "exercise")] == ["not_implemented"]
    # only what the code returns counts: the template's TODO comments are not evidence
    assert bugs("# TODO: implement\n" + EXERCISE, "exercise") == []


@pytest.mark.parametrize(
    "source",
    [
        "",
        "def broken(:",
        "\x00",
        "conv2d_backward = 3",
        "(" * 500 + ")" * 500,
        "def conv2d_backward(*a, **k):\n    return a[0][:-1:-1]\n",
        "def conv_forward_naive():\n    return\ndef conv_backward_naive():\n    return\n",
    ],
)
def test_never_raises_on_odd_files(source):
    for course in ("exercise", "cs231n", "elsewhere"):
        assert isinstance(read_source(source, course), list)


FILES = corpus()


@given(data=st.data())
def test_the_reading_itself_does_not_fail_on_mutilated_files(data):
    """Cut lines out of corpus files: whatever still parses is read without an exception
    (``_read`` directly, since ``read_source`` would hide one)."""
    entry = data.draw(st.sampled_from(FILES))
    lines = entry.path.read_text().splitlines()
    keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    source = "\n".join(line for line, k in zip(lines, keep) if k)
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    findings = _read(tree, source.splitlines(), entry.course)
    assert all(isinstance(f, Finding) and 1 <= f.line for f in findings)


@pytest.mark.parametrize("entry", FILES, ids=lambda e: f"{e.course}/{e.path.stem}")
def test_corpus_bugs_are_found_on_their_lines(entry):
    found = read_source(entry.path.read_text(), entry.course)
    claimed = {(f.bug, f.line) for f in found if f.bug != NOTE}
    annotated = set(zip(entry.bugs, entry.lines))
    expected = {(bug, line) for bug, line in annotated if bug in DETECTED}
    assert expected <= claimed, f"missed: {expected - claimed}"
    assert claimed <= annotated, f"false alarms: {claimed - annotated}"
    for f in found:
        assert f.code == entry.path.read_text().splitlines()[f.line - 1].strip()[:120]
        assert f.message.endswith(".") and len(f.message) < 400


def test_most_corpus_bugs_are_read_statically():
    annotated = [bug for e in corpus() for bug in e.bugs]
    read = [bug for bug in annotated if bug in DETECTED]
    assert len(read) / len(annotated) >= 0.9


PLANTED = Path(__file__).parent / "submissions"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("correct", set()),
        ("correct_by_taps", set()),
        ("cs231n_correct", set()),
        ("dw_overwrite", {"dw_overwrite"}),
        ("dx_overwrite", {"dx_overwrite"}),
        ("dx_flipped_kernel", {"dx_flipped_kernel"}),
        ("dx_last_cell", {"dx_reset"}),
        ("dx_uses_x", {"dx_uses_x"}),
        ("off_by_one", {"skip_last"}),
        ("swapped_outputs", {"swapped_outputs"}),
        ("cs231n_not_cropped", {"dx_not_cropped"}),
        ("cs231n_stride_ignored", {"stride_ignored"}),
        ("cs231n_crop_end", {"crop_end_only"}),
        ("cs231n_dw_mean", {"dw_mean_batch", "db_mean_batch"}),
    ],
)
def test_the_planted_submissions_of_test_grade(name, expected):
    course = "cs231n" if name.startswith("cs231n") else "exercise"
    found = read_source((PLANTED / f"{name}.py").read_text(), course)
    assert {f.bug for f in found} == expected


def test_the_reference_answers_get_no_finding():
    from convgrad.exercises import cs231n, seeds

    for module, course in ((cs231n, "cs231n"), (seeds, "exercise")):
        assert read_source(Path(module.__file__).read_text(), course) == []


def test_exercise_messages_use_the_exercise_names():
    messages = [
        f.message for e in corpus("exercise") for f in read_source(e.path.read_text(), "exercise")
    ]
    assert messages
    for message in messages:
        assert not any(word in message for word in ("dout", "w[f]", "conv_param", "HH", "stride"))


@pytest.mark.parametrize(
    "params, swapped",
    [
        ("grad_out, x, W", False),
        ("dout, x, w", False),
        ("dy, inp, kernel", False),
        ("g, X, W, stride=1", False),
        ("a, b, c", False),  # names that say nothing of the order
        ("x, W, grad_out", True),
        ("x, w, dout", True),
        ("W, x, grad_out", True),
        ("grad_out, W, x", True),
        ("dy, kernel, image", True),
    ],
)
def test_parameters_named_in_another_order_are_found_on_the_def_line(params, swapped):
    source = f"import numpy as np\n\n\ndef conv2d_backward({params}):\n    return 1, 2\n"
    found = [f for f in read_source(source, "exercise") if f.bug == "arguments_swapped"]
    assert [(f.line, f.code) for f in found] == (
        [(4, f"def conv2d_backward({params}):")] if swapped else []
    )
    cs231n = read_source(source.replace("conv2d_backward", "conv_backward_naive"), "cs231n")
    assert all(f.bug != "arguments_swapped" for f in cs231n)  # its template fixes the order


@pytest.mark.parametrize(
    "call, found",
    [
        ("np.pad(x, pad)", True),
        ("np.pad(x, pad, 'constant')", True),
        ("np.pad(x, pad_width=pad, mode='constant')", True),
        ("np.pad(x, (pad, pad))", True),
        ("np.pad(x[n], pad)", True),  # one image: its channels padded
        ("np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))", False),
        ("np.pad(x[n, c], pad)", False),  # a 2-D plane: one width is right
        ("np.pad(x, pad_width)", False),  # a width built elsewhere: unknown
    ],
)
def test_np_pad_with_one_width_on_the_4d_input_pads_every_axis(call, found):
    source = textwrap.dedent(
        f"""
        import numpy as np

        def conv_forward_naive(x, w, b, conv_param):
            pad = conv_param['pad']
            pad_width = ((0, 0), (0, 0), (pad, pad), (pad, pad))
            n, c = 0, 0
            x_pad = {call}
            return x_pad, (x, w, b, conv_param)
        """
    )
    bugs = {f.bug for f in read_source(source, "cs231n")}
    assert ("pads_every_axis" in bugs) == found


@pytest.mark.parametrize(
    "call, found",
    [
        ("np.pad(grad_out, kH - 1)", True),
        ("np.pad(grad_out, p)", True),  # p = kH - 1
        ("np.pad(grad_out, (kH - 1, kW - 1))", True),
        ("np.pad(x, 1)", True),
        ("np.pad(grad_out, ((0, 0), (kH - 1, kH - 1), (kW - 1, kW - 1)))", False),
        ("np.pad(grad_out[0], kH - 1)", False),  # one channel's plane
    ],
)
def test_np_pad_with_one_width_on_the_exercises_3d_arrays_pads_the_channels(call, found):
    source = textwrap.dedent(
        f"""
        import numpy as np

        def conv2d_backward(grad_out, x, W):
            C_out, C_in, kH, kW = W.shape
            p = kH - 1
            padded = {call}
            return padded, W
        """
    )
    bugs = {f.bug for f in read_source(source, "exercise")}
    assert ("pads_every_axis" in bugs) == found
