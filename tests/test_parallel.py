"""convgrad's small thread pool: results in order, every item once, and at most ``most`` at once."""

import threading
import time

import pytest

from convgrad import _parallel


@pytest.mark.parametrize("threads", [1, 2, 5])
@pytest.mark.parametrize("most", [None, 1, 2, 3])
@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_run_returns_every_result_in_order(threads, most, count):
    with _parallel.limit(threads):
        assert _parallel.run(lambda i: i * i, list(range(count)), most) == [
            i * i for i in range(count)
        ]


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


def test_limit_rejects_less_than_one_thread():
    with pytest.raises(ValueError, match="threads must be >= 1"):
        with _parallel.limit(0):
            pass
