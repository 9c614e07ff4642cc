"""The grading sandbox against hostile submissions (tests/hostile/): each gets the verdict it must
get, the grader always reports, nothing a submission starts outlives its test, and no file appears
outside the sandbox. Guarantees that need a namespace or a dedicated uid are skipped, saying so,
where this machine does not give them."""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from convgrad.cli import main
from convgrad.grading import cheats, format_summary, format_text, grade_file, isolation, sandbox
from convgrad.grading.battery import course

HOSTILE = Path(__file__).parent / "hostile"
SUBMISSIONS = Path(__file__).parent / "submissions"
LEVEL = isolation.detect()
AVAILABLE = [lvl for lvl in isolation.LEVELS if isolation._works(lvl)]
OUTSIDE = ["/tmp", "/var/tmp", "/dev/shm", "/root", str(HOSTILE)]

needs_read_only = pytest.mark.skipif(
    LEVEL.level == "plain", reason="needs a read-only view of the filesystem"
)
needs_pid_namespace = pytest.mark.skipif(not LEVEL.pid_namespace, reason="needs a PID namespace")
needs_network_namespace = pytest.mark.skipif(
    not LEVEL.pid_namespace, reason="needs a network namespace"
)
needs_containment = pytest.mark.skipif(
    not LEVEL.pid_namespace and LEVEL.uid is None,
    reason="without a namespace or a dedicated uid the learner can signal the grader",
)


def marked_processes() -> list[int]:
    """Live processes the hostile submissions named ``cghostile``."""
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() == "cghostile" and isolation.alive(int(pid)):
                    found.append(int(pid))
        except (OSError, ValueError):
            continue
    return found


def stray_files() -> list[str]:
    return sorted(
        str(p)
        for folder in OUTSIDE
        if os.path.isdir(folder)
        for p in Path(folder).glob("cghostile*")
    )


@pytest.fixture(autouse=True)
def nothing_outlives_the_test():
    before = set(os.listdir(HOSTILE))
    yield
    deadline = time.monotonic() + 2
    while marked_processes() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marked_processes() == []
    assert stray_files() == []
    assert set(os.listdir(HOSTILE)) == before
    assert not sandbox.interrupted()


def grade(name, timeout=2.0, **kw):
    return grade_file(HOSTILE / f"{name}.py", timeout=timeout, **kw)


def statuses(report):
    return {t.status for t in report.tests}


@needs_read_only
def test_writes_outside_its_folder_leave_no_file():
    report = grade("writes_outside")
    assert report.passed, format_text(report)


@pytest.mark.parametrize("name", ["forks", "double_fork", "setsid_survivor"])
def test_processes_it_starts_are_killed_when_each_test_ends(name):
    report = grade(name)
    assert report.passed, format_text(report)
    notes = [n for t in report.tests for n in t.notes]
    assert len(notes) == len(report.tests) and "the grader killed them" in notes[0]


@pytest.mark.parametrize("level", AVAILABLE)
def test_a_setsid_survivor_is_killed_at_every_isolation_level(level, monkeypatch):
    monkeypatch.setenv(isolation.ENV_LEVEL, level)
    report = grade("setsid_survivor")
    assert report.passed and report.isolation.startswith(
        {"bwrap": "bubblewrap", "unshare": "unshare", "plain": "no namespaces"}[level]
    )


def test_a_raised_rlimit_does_not_let_it_allocate():
    report = grade("raises_rlimit", memory_mb=256)
    assert statuses(report) == {"memory"}, format_text(report)


@needs_pid_namespace
def test_it_cannot_see_the_grader_in_proc():
    report = grade("reads_proc")
    assert report.passed, format_text(report)


@needs_containment
def test_signals_to_everything_it_sees_leave_the_grader_reporting():
    start = time.perf_counter()
    report = grade("signals_grader", timeout=1)
    assert time.perf_counter() - start < 30
    assert len(report.tests) == len(course("exercise").cases()) and not report.passed
    assert statuses(report) <= {"pass", "crash", "timeout", "not run", "fail"}
    with open("/proc/self/stat") as f:
        assert f.read().rsplit(")", 1)[1].split()[0] != "T"  # this process was not stopped


def test_a_child_that_stops_itself_ends_in_a_timeout():
    start = time.perf_counter()
    report = grade("stops_itself", timeout=1)
    assert time.perf_counter() - start < 5
    assert report.tests[0].status == "timeout"
    assert statuses(report) == {"timeout", "not run"}


@needs_network_namespace
def test_no_loopback_connection(tmp_path):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        path = tmp_path / "loopback.py"
        path.write_text((HOSTILE / "loopback.py").read_text().replace("PORT = 0", f"PORT = {port}"))
        report = grade_file(path, timeout=2)
        assert report.passed, format_text(report)
        with pytest.raises(BlockingIOError):
            server.accept()


def test_importing_the_reference_is_caught_in_the_source(capsys):
    report = grade("imports_exercises")
    assert not report.passed and "line 4: imports convgrad.exercises" in report.cheat
    assert statuses(report) == {"not run"}
    data = report.to_json()
    assert data["verdict"] == "uses the reference solution" and data["score"] is None
    assert "verdict: uses the reference solution" in format_text(report)
    assert "CHEAT" in format_summary([report])
    assert main(["grade", str(HOSTILE / "imports_exercises.py")]) == 3
    capsys.readouterr()


def test_importing_the_grader_at_run_time_is_caught_even_when_the_error_is():
    report = grade("imports_battery")
    assert report.cheat and "while running" in report.cheat, format_text(report)
    assert not report.passed and report.to_json()["score"] is None


def test_disarming_the_guards_does_not_hide_a_reference_import():
    report = grade("rewrites_guards")
    assert report.cheat and not report.passed, format_text(report)
    assert report.to_json()["score"] is None


def test_an_honest_file_may_import_matplotlib(tmp_path):
    # notebooks exported to .py import pyplot at the top; importing it sets functions'
    # __defaults__, which the guards allow for every function but their own
    pytest.importorskip("matplotlib")
    if (
        LEVEL.level != "bwrap"
        and LEVEL.uid is not None
        and isolation.closed_folders(isolation.interpreter_paths())
    ):  # only bwrap opens a way through a closed folder (pyenv's /root) to a dropped uid
        pytest.skip("the standard library is behind a folder the learner's uid cannot enter")
    path = tmp_path / "with_pyplot.py"
    path.write_text("import matplotlib.pyplot as plt\n" + (SUBMISSIONS / "correct.py").read_text())
    report = grade_file(path, timeout=20)
    assert report.passed, format_text(report)


def test_an_old_file_importing_xrange_from_past_is_graded(tmp_path):
    # `from past.builtins import xrange` heads many older cs231n files; without the `future`
    # package installed they would not import at all
    path = tmp_path / "old_style.py"
    source = (SUBMISSIONS / "correct.py").read_text().replace("range(", "xrange(")
    assert "xrange(" in source
    path.write_text("from past.builtins import xrange\n" + source)
    report = grade_file(path, timeout=20)
    assert report.passed, format_text(report)


@pytest.mark.parametrize("name", ["forges_huge_time", "forges_npy_shape"])
def test_forged_replies_that_break_the_parser_are_verdicts(name):
    report = grade(name)
    assert not report.passed and statuses(report) <= {"error", "not run"}, format_text(report)


def test_deep_folders_are_removed_without_a_crash():
    before = set(glob.glob("/tmp/convgrad-grade-*"))
    report = grade("nests_folders")
    assert not report.passed and report.load_error is None, format_text(report)
    assert set(glob.glob("/tmp/convgrad-grade-*")) <= before


def test_a_source_nested_past_the_parser_is_a_verdict(tmp_path):
    path = tmp_path / "deep.py"
    path.write_text("def conv2d_backward(grad_out, x, W):\n    pass\ny = a" + ".b" * 60000 + "\n")
    report = grade_file(path, timeout=5)
    assert not report.passed and report.load_error, format_text(report)


def test_memfd_is_not_there_to_hide_memory_in(tmp_path):
    path = tmp_path / "memfd.py"
    path.write_text(
        "import os\n\n\ndef conv2d_backward(grad_out, x, W):\n"
        "    os.memfd_create('m')\n    return x * 0, W * 0\n"
    )
    report = grade_file(path, timeout=5)
    assert statuses(report) == {"error"}, format_text(report)
    assert "memfd_create" in report.tests[0].message


@needs_containment
def test_a_checkouts_history_and_its_source_by_dir_fd_are_out_of_reach(tmp_path):
    root = Path(isolation.package_folder()).parent.parent
    if not (root / ".git").is_dir() or Path(isolation.package_folder()).parent.name != "src":
        pytest.skip("convgrad is not running from a git checkout")
    cases = {
        "history.py": f"import os\nos.listdir({str(root / '.git')!r})\n",
        "dir_fd.py": (
            f"import os\nfd = os.open({str(root)!r}, os.O_RDONLY)\n"
            "os.open('src/convgrad/exercises/seeds.py', os.O_RDONLY, dir_fd=fd)\n"
        ),
    }
    for name, head in cases.items():
        path = tmp_path / name
        path.write_text(head + (SUBMISSIONS / "correct.py").read_text())
        report = grade_file(path, timeout=5)
        # caught as a cheat, or the read failed: the top level skips a statement that raises
        failed = [n for n in report.notes if n.startswith("line 3: ") and "skipped" in n]
        assert report.cheat or (name == "dir_fd.py" and failed), format_text(report)


def test_reading_the_reference_files_is_caught(tmp_path):
    seeds = Path(isolation.package_folder()) / "exercises" / "seeds.py"
    path = tmp_path / "reads_seeds.py"
    path.write_text(
        "import numpy as np\n\n\ndef conv2d_backward(grad_out, x, W):\n"
        "    try:\n"
        f"        open({str(seeds)!r}).read()\n"
        "    except OSError:\n"
        "        pass\n"
        "    return np.zeros(x.shape), np.zeros(W.shape)\n"
    )
    report = grade_file(path, timeout=2)
    assert report.cheat and "seeds.py" in report.cheat, format_text(report)


@pytest.mark.parametrize("name", ["patches_array_equal", "forges_arguments"])
def test_a_modified_input_cannot_be_hidden(name):
    report = grade(name)
    assert not report.passed and "in_place" in report.bugs, format_text(report)
    assert statuses(report) == {"fail"}


@pytest.mark.parametrize(
    "name, says",
    [
        ("forged_reply", "two replies to one call"),
        ("outside_names", "out_dx.npy cannot be opened"),
        ("folder_npy", "not a regular file"),
    ],
)
def test_forged_replies_are_protocol_verdicts(name, says):
    report = grade(name)
    assert statuses(report) == {"error"}, format_text(report)
    assert says in report.tests[0].message and "broke the protocol" in report.tests[0].message
    assert all("not run: an earlier call broke the protocol" in t.message for t in report.tests[1:])


def test_deleting_the_exchange_folder_is_a_verdict_not_a_crash():
    report = grade("deletes_exchange")
    assert len(report.tests) == len(course("exercise").cases()) and statuses(report) <= {
        "pass",
        "fail",
        "error",
    }
    assert not report.passed


def test_a_flood_of_output_is_stopped_and_cut_short():
    start = time.perf_counter()
    report = grade("floods_stdout")
    assert time.perf_counter() - start < 20
    assert statuses(report) == {"error"}
    assert "printed more than 8 MiB" in report.tests[0].message
    assert len(json.dumps(report.to_json())) < 100_000


def test_a_huge_array_is_refused_before_it_is_loaded():
    report = grade("huge_array")
    assert statuses(report) == {"error"} and "too large" in report.tests[0].message
    assert len(json.dumps(report.to_json())) < 100_000


def test_exception_text_cannot_fake_report_lines():
    report = grade("ansi_exception")
    assert statuses(report) == {"error"}
    text = format_text(report)
    assert "\x1b" not in text and "\u202e" not in text and "\r" not in text
    assert "  all 11 tests passed" not in text.splitlines()
    assert text.splitlines()[-1] == f"  0 of {len(course('exercise').cases())} tests passed"
    assert "\\x1b[2K\\r\\n  all 11 tests passed" in report.tests[0].message


@pytest.mark.parametrize("sig, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_to_the_grader_kills_the_children_and_still_reports(tmp_path, sig, status):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "a_loop.py").write_text(
        "import numpy as np\n\n\ndef conv2d_backward(grad_out, x, W):\n"
        "    open('/proc/self/comm', 'w').write('cghostile')\n"
        "    while True:\n        pass\n"
    )
    shutil.copy(SUBMISSIONS / "correct.py", folder / "b_correct.py")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "convgrad", "grade", str(folder), "--timeout", "60", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while not marked_processes() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marked_processes(), "the looping submission never started"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == status, err.decode()
    data = json.loads(out)
    assert [Path(d["file"]).name for d in data] == ["a_loop.py", "b_correct.py"]
    assert {t["status"] for d in data for t in d["tests"]} == {"not run"}
    assert "stopped by" in data[0]["tests"][0]["message"]
    assert not err


def test_the_report_says_which_isolation_was_used(capsys):
    report = grade_file(SUBMISSIONS / "correct.py")
    assert report.passed and report.isolation == LEVEL.describe()
    assert f"  sandbox: {LEVEL.describe()}" in format_text(report).splitlines()
    assert report.to_json()["isolation"] == LEVEL.describe()


def test_isolation_falls_back_cleanly(monkeypatch):
    monkeypatch.delenv(isolation.ENV_LEVEL, raising=False)
    monkeypatch.setattr(isolation, "_found", {"bwrap": False})
    monkeypatch.setattr(isolation.shutil, "which", lambda tool: None)
    assert isolation.detect().level == "plain"
    monkeypatch.setenv(isolation.ENV_LEVEL, "bwrap")
    with pytest.raises(ValueError, match="CONVGRAD_SANDBOX=bwrap: that isolation does not work"):
        isolation.detect()
    monkeypatch.setenv(isolation.ENV_LEVEL, "jail")
    with pytest.raises(ValueError, match="CONVGRAD_SANDBOX: expected one of"):
        isolation.detect()


def test_a_bad_isolation_setting_is_a_usage_error(monkeypatch, capsys):
    monkeypatch.setenv(isolation.ENV_LEVEL, "jail")
    assert main(["grade", str(SUBMISSIONS / "correct.py")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "CONVGRAD_SANDBOX" in err


def test_honest_calls_read_back_exactly_what_was_returned():
    case = course("exercise").cases()[5]
    with sandbox.Sandbox(SUBMISSIONS / "correct.py", "exercise", "conv2d_backward") as box:
        assert box.start().ok
        reply = box.call(case.inputs, case.params)
    right = course("exercise").reference(case.inputs, case.params)
    assert reply.ok and reply.modified == [] and set(reply.outputs) == {"dx", "dW"}
    for name in ("dx", "dW"):
        np.testing.assert_array_equal(reply.outputs[name], right[name])


@pytest.mark.parametrize(
    "line, says",
    [
        (b"[1, 2]", "not a JSON object"),
        (b"{bad", "not JSON"),
        (b'{"id": 2, "kind": "ok", "outputs": ["dx", "dW"], "notes": [], "seconds": 0}', "call"),
        (b'{"id": 1, "kind": "ok", "outputs": ["dx", "dW"], "seconds": 0, "x": 1}', "unknown"),
        (b'{"id": 1, "kind": "ok", "outputs": ["dx", "dX"], "notes": [], "seconds": 0}', "names"),
        (b'{"id": 1, "kind": "ok", "outputs": ["dx", "dx"], "notes": [], "seconds": 0}', "names"),
        (
            b'{"id": 1, "kind": "ok", "outputs": ["../../x", "dW"], "notes": [], "seconds": 0}',
            "names",
        ),
        (b'{"id": 1, "kind": "ok", "notes": [], "seconds": 0}', "missing"),
        (b'{"id": 1, "kind": "pass", "outputs": ["dx", "dW"]}', "unknown kind"),
        (b'{"id": 1, "kind": "exception", "message": 3}', "wrong type"),
        (b'{"id": 1, "kind": "exception", "seconds": -1}', "not a time"),
        (b'{"id": true, "end": "exit", "code": 0, "cpu": 0}', "call"),
        (b'{"id": 1, "end": "later", "code": 0, "cpu": 0}', "out of place"),
    ],
)
def test_every_reply_line_is_checked_against_the_schema(line, says):
    with pytest.raises(sandbox._Broken, match=says):
        sandbox._parse(line, 1, "exercise", False)


def test_arrays_are_read_only_from_bounded_regular_files(tmp_path):
    folder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        np.save(tmp_path / "ok.npy", np.arange(6.0).reshape(2, 3))
        np.testing.assert_array_equal(
            sandbox._read_npy(folder, "ok.npy", 6), np.arange(6.0).reshape(2, 3)
        )
        with pytest.raises(sandbox._Broken, match="more than 5"):
            sandbox._read_npy(folder, "ok.npy", 5)
        np.save(tmp_path / "objects.npy", np.array([{}, 1], dtype=object), allow_pickle=True)
        with pytest.raises(sandbox._Broken, match="object"):
            sandbox._read_npy(folder, "objects.npy", 100)
        (tmp_path / "link.npy").symlink_to(tmp_path / "ok.npy")
        with pytest.raises(sandbox._Broken, match="cannot be opened"):
            sandbox._read_npy(folder, "link.npy", 100)
        (tmp_path / "dir.npy").mkdir()
        with pytest.raises(sandbox._Broken, match="not a regular file"):
            sandbox._read_npy(folder, "dir.npy", 100)
        data = (tmp_path / "ok.npy").read_bytes()
        (tmp_path / "short.npy").write_bytes(data[:-8])
        with pytest.raises(sandbox._Broken, match="cut short"):
            sandbox._read_npy(folder, "short.npy", 100)
        (tmp_path / "junk.npy").write_bytes(b"\x93NUMPY\x01\x00\x10\x00{'descr': 3}    ")
        with pytest.raises(sandbox._Broken, match="not a .npy file"):
            sandbox._read_npy(folder, "junk.npy", 100)
        header = "{'descr': '<f8', 'fortran_order': False, 'shape': (-2, 3), }"
        header += " " * (118 - len(header)) + "\n"
        (tmp_path / "negative.npy").write_bytes(b"\x93NUMPY\x01\x00\x76\x00" + header.encode())
        with pytest.raises(sandbox._Broken, match="shape|not a .npy"):
            sandbox._read_npy(folder, "negative.npy", 100)
        with pytest.raises(sandbox._Broken, match="missing"):
            sandbox._read_npy(folder, "absent.npy", 100)
    finally:
        os.close(folder)


@pytest.mark.parametrize(
    "source, found",
    [
        ("import convgrad\n", ["line 1: imports convgrad"]),
        (
            "import numpy as np, convgrad.grading.battery as b\n",
            ["line 1: imports convgrad.grading.battery"],
        ),
        ("from convgrad import cs231n\n", ["line 1: imports convgrad"]),
        ("x = 1\nm = __import__('convgrad.exercises')\n", ["line 2: imports convgrad.exercises"]),
        ("import importlib\nimportlib.import_module('convgrad')\n", ["line 2: imports convgrad"]),
        ('"""Graded by convgrad."""\nimport convgradient\nprint("convgrad")\n', []),
        ("from . import convgrad\n", []),
        ("def f(:\n", []),
    ],
)
def test_reference_imports_are_found_in_the_source(source, found):
    assert cheats.reference_use(source) == found


def test_escaped_text_is_one_printable_line():
    text = cheats.escape("a\nb\r\x1b[31m\u202ec\u2028d\x00" + "é", 100)
    assert text == "a\\nb\\r\\x1b[31m\\u202ec\\u2028d\\x00é"
    assert cheats.escape("x" * 50, 10) == "x" * 10 + " ... (cut at 10 characters)"


def test_a_submission_that_is_a_link_a_fifo_or_huge_is_refused_unread(tmp_path):
    (tmp_path / "shadow.py").symlink_to("/etc/passwd")
    os.mkfifo(tmp_path / "fifo.py")
    (tmp_path / "huge.py").write_bytes(b"#" * (sandbox.SOURCE_LIMIT + 1))
    for name, says in [
        ("shadow.py", "symbolic link"),
        ("fifo.py", "not a regular file"),
        ("huge.py", "over 1 MiB"),
    ]:
        report = grade_file(tmp_path / name, timeout=2)
        assert not report.passed and says in report.load_error, report.load_error
        assert "root:" not in format_text(report)


def test_a_file_name_cannot_fake_report_lines(tmp_path, capsys):
    name = "x\n  all 11 tests passed\x1b[0m.py"
    shutil.copy(HOSTILE / "ansi_exception.py", tmp_path / name)
    assert main(["grade", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "  all 11 tests passed" not in out.splitlines()
    assert "x\\n  all 11 tests passed\\x1b[0m.py" in out
