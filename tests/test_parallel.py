"""convgrad's small thread pool: results in order, every item once, and at most ``most`` at once."""

import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from convgrad.kernels import parallel as _parallel


@pytest.mark.parametrize("threads", [1, 2, 5])
@pytest.mark.parametrize("most", [None, 1, 2, 3])
@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_run_returns_every_result_in_order(threads, most, count):
    with _parallel.limit(threads):
        assert _parallel.run(lambda i: i * i, list(range(count)), most) == [
            i * i for i in range(count)
        ]


@pytest.mark.parametrize("most", [None, 1])
def test_run_carries_the_callers_floating_point_error_state_to_every_thread(most):
    """NumPy's error state is per thread: without it, a pool thread warned of the ``0 * inf``
    its caller ignores (the depthwise planes' forward with an infinite weight)."""
    import numpy as np

    def work(_):
        return np.geterr()["invalid"], float(np.float64(0.0) * np.float64(np.inf))

    with _parallel.limit(3), np.errstate(invalid="ignore"):
        results = _parallel.run(work, list(range(6)), most)
    assert all(state == "ignore" for state, _ in results)
    with _parallel.limit(3), np.errstate(invalid="raise"):
        with pytest.raises(FloatingPointError):
            _parallel.run(work, list(range(6)), most)


def test_run_keeps_to_most_items_at_once():
    lock, running, peak = threading.Lock(), [0], [0]

    def work(_):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.005)
        with lock:
            running[0] -= 1

    with _parallel.limit(4):
        _parallel.run(work, list(range(12)), most=2)
    assert 1 <= peak[0] <= 2


def test_run_uses_every_thread_without_a_bound():
    together = threading.Barrier(4, timeout=10)  # passes only when 4 items run at once

    with _parallel.limit(4):
        assert _parallel.run(lambda i: together.wait() >= 0, list(range(8))) == [True] * 8


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1e9", "2.5", "100000", "99999999999999999"])
def test_a_bad_convgrad_threads_is_named_when_threads_are_needed(value):
    # import convgrad keeps working; the first threaded kernel says what is wrong, in one line
    code = textwrap.dedent(
        """
        import numpy as np, convgrad
        try:
            convgrad.conv2d(np.ones((2, 3, 9, 9)), np.ones((3, 1, 3, 3)), groups=3)  # taps
        except ValueError as err:
            print("ValueError:", err)
        """
    )
    env = {**os.environ, "CONVGRAD_THREADS": value}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ValueError: CONVGRAD_THREADS must be a whole"), done.stdout
    assert "from 1 to" in done.stdout and repr(value) in done.stdout


@pytest.mark.parametrize(("value", "expected"), [("3", 3), (" 2 ", 2), ("", os.cpu_count())])
def test_convgrad_threads_sets_the_count(monkeypatch, value, expected):
    monkeypatch.setenv("CONVGRAD_THREADS", value)
    monkeypatch.setattr(_parallel, "_threads", None)
    assert _parallel.threads() == expected


@pytest.mark.parametrize("n", [0, -1, 10**6, True, 2.0, "2", None])
def test_limit_refuses_what_is_not_a_thread_count(n):
    with pytest.raises((TypeError, ValueError), match="threads must"), _parallel.limit(n):
        pass


def test_two_python_threads_limiting_at_once_each_keep_their_own_count():
    """limit() holds for the thread that set it (and the pool's threads working for it): a
    second Python thread inside its own limit, entered and left in between, changes nothing."""
    entered, left = threading.Barrier(2), threading.Barrier(2)
    seen: dict[str, list[int]] = {"a": [], "b": []}

    def worker(name: str, n: int, leave_first: bool) -> None:
        with _parallel.limit(n):
            entered.wait()  # both inside their limits
            seen[name].append(_parallel.threads())
            seen[name] += _parallel.run(lambda _: _parallel.threads(), range(4))
            if not leave_first:
                left.wait()  # the other has left its block
            seen[name].append(_parallel.threads())
        if leave_first:
            left.wait()

    default = _parallel.threads()
    threads = [threading.Thread(target=worker, args=("a", 1, False)),
               threading.Thread(target=worker, args=("b", 3, True))]  # fmt: skip
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert seen == {"a": [1] * 6, "b": [3] * 6}
    assert _parallel.threads() == default


def _blas_threads():
    controller = _parallel._controller["it"]
    return [i["num_threads"] for i in controller.info() if i["user_api"] == "blas"]


def test_a_call_too_small_to_split_keeps_the_blas_at_one_thread_right_after_a_split(monkeypatch):
    """In a training loop the kernels split their work among convgrad's threads; a small call
    between two split ones must not wake the BLAS's own threads, which would spin and take a
    core from the next split (parallel.QUIET_AFTER_SPLIT). Long after, it gets them back."""
    pytest.importorskip("threadpoolctl")
    with _parallel.blas_single():  # makes the controller
        pass
    before = _blas_threads()
    if not before or max(before) < 2:
        pytest.skip("the BLAS runs one thread here")
    monkeypatch.setattr(_parallel, "_threads", 2)
    small, large = (16, 1e6), (10_000, 1e9)
    seen = []

    def work(images):
        seen.append(_blas_threads())
        return len(images)

    monkeypatch.setattr(_parallel, "_last_split", [-float("inf")])
    assert _parallel.over_images(8, work, small) == [8]
    assert seen.pop() == before  # no split yet: the BLAS's own threads
    assert _parallel.over_images(8, work, large) == [4, 4]
    assert seen == [[1] * len(before)] * 2
    seen.clear()
    assert _parallel.over_images(8, work, small) == [8]
    assert seen.pop() == [1] * len(before)  # right after a split
    assert _blas_threads() == before
    monkeypatch.setattr(_parallel, "QUIET_AFTER_SPLIT", 0.0)
    assert _parallel.over_images(8, work, small) == [8]
    assert seen.pop() == before


def test_a_pass_under_the_minimum_flops_runs_whole_however_large_its_images(monkeypatch):
    monkeypatch.setattr(_parallel, "_threads", 2)
    monkeypatch.setattr(_parallel, "_last_split", [-float("inf")])

    def work(images):
        return len(images)

    large_images = (10_000, _parallel.SPLIT_MIN_FLOPS / 2)  # a first layer's pass
    assert _parallel.over_images(8, work, large_images) == [8]
    enough = (10_000, _parallel.SPLIT_MIN_FLOPS)
    assert _parallel.over_images(8, work, enough) == ([4, 4] if _blas_limits() else [8])
    assert _parallel.over_images(8, work, (16, _parallel.SPLIT_FLOPS)) == (
        [4, 4] if _blas_limits() else [8]
    )


def _blas_limits():
    with _parallel.blas_single() as single:
        return single


def test_a_numba_split_counts_as_a_split(monkeypatch):
    monkeypatch.setattr(_parallel, "_threads", 2)
    monkeypatch.setattr(_parallel, "_last_split", [-float("inf")])
    _parallel.over_jobs(lambda first, last: None, 4, False)
    assert not _parallel.split_recently()
    _parallel.over_jobs(lambda first, last: None, 4, True)
    assert _parallel.split_recently()
