"""Run a learner's file in a contained child process and get honest answers out of it.

:class:`Sandbox` copies the learner's file into a fresh, empty working folder and starts
:mod:`._child` (by path, with ``python -I``: no ``convgrad`` in that process) at the strongest
isolation this machine allows (:mod:`.isolation`: namespaces, a dedicated uid, hard limits).
The grader never runs learner code itself: an infinite loop, a crash, an exception, a huge
allocation or a hostile act comes back as a :class:`Reply` whose ``kind`` says which, and the
grader goes on.

- **time**: the parent waits at most ``timeout`` seconds (wall clock) for each call, then kills
  the whole process tree (``kind="timeout"``); a stopped (SIGSTOP) child is killed the same way;
  each call's worker also has a hard CPU-time limit;
- **memory**: a hard address-space limit, ``memory_mb`` on top of what NumPy uses
  (``kind="memory"``);
- **the channel**: requests and replies go over two inherited pipes, not stdin and stdout. Every
  line is checked against a fixed schema (kinds, keys and array names from fixed sets, the call's
  id); anything else is ``kind="protocol"``, and no later call runs;
- **arrays**: read only from regular files directly in the exchange folder, never through a
  link; the ``.npy`` header is read first, and object dtypes, or more elements than a few times
  the inputs' size, are refused before anything is loaded. The exchange folder is made anew for
  each call;
- **inputs**: the child passes the learner arrays mapped (shared) from the parent's input files,
  so writing into an argument writes into the file; after the call the parent reads each file
  through its own descriptor (the learner cannot swap the file under it) and lists the changed
  ones in ``Reply.modified``; nothing the child says about them is believed;
- **output**: the learner's stdout and stderr are read as they come, the first 64 KiB kept and
  shown escaped (:func:`.cheats.escape`); more than 8 MiB in one call stops the child
  (``kind="output"``);
- **processes**: whatever the learner's code started is killed when its call ends (a note says
  so), and everything when the sandbox closes;
- **the reference solution**: importing convgrad, found in the source before the child starts
  or by the child's audit hook while it runs, is ``kind="reference"``;
- **signals to the grader**: :func:`interrupt` (from a SIGTERM or SIGINT handler) ends the call
  in progress, and every later one, with ``kind="interrupted"``.

BLAS runs single-threaded in the child, so timings are comparable and memory is predictable.
"""

from __future__ import annotations

import errno
import io
import json
import math
import os
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.lib import format as npy

from . import cheats, isolation

ALARM_STATUS = 87  # the child's exit status after its audit hook caught a convgrad import
OUTPUT_KEPT = 64 * 2**10  # of the learner's stdout and stderr, per call
OUTPUT_LIMIT = 8 * 2**20  # more than this in one call stops the child
LINE_LIMIT = 2**16  # bytes in one reply line
START_SECONDS = 5.0  # on top of the time limit, for the interpreter and NumPy to start

_OUTPUTS = {"exercise": ({"dx", "dW"}, set()), "cs231n": ({"dx", "dw", "db"}, {"out"})}
# api "functions": the arrays of a result are named r0, r1, ... (at most _MAX_NODES)
_MAX_NODES = 64
_MAX_DEPTH = 6
_LOAD_ERRORS = {"exception", "syntax", "missing", "load", "memory"}
_CALL_ERRORS = {"exception", "memory", "bad_return"}

_stop = {"signal": 0}
_wake: list[int] = []


def interrupt(signum: int) -> None:
    """Stop the call in progress in every sandbox, and refuse later ones (safe in a signal
    handler)."""
    _stop["signal"] = signum
    if _wake:
        try:
            os.write(_wake[1], b"x")
        except OSError:
            pass


def interrupted() -> int:
    """The signal :func:`interrupt` was given (0 when none)."""
    return _stop["signal"]


def reset_interrupt() -> None:
    _stop["signal"] = 0
    if _wake:
        try:
            while os.read(_wake[0], 4096):
                pass
        except OSError:
            pass


def _wake_fd() -> int:
    if not _wake:
        r, w = os.pipe()
        os.set_blocking(r, False)
        os.set_blocking(w, False)
        _wake.extend((r, w))
    return _wake[0]


@dataclass
class Reply:
    """What one call (or the load) came back with.

    ``kind`` is ``"ok"``, ``"exception"``, ``"memory"``, ``"timeout"``, ``"crash"``,
    ``"bad_return"``, ``"syntax"``, ``"missing"``, ``"load"``, ``"protocol"`` (the child broke
    the protocol), ``"output"`` (it printed too much), ``"reference"`` (it uses convgrad's
    reference solution) or ``"interrupted"`` (the grader was told to stop). ``output`` is what the
    learner's code printed, escaped and cut short.
    """

    kind: str
    message: str = ""
    traceback: list[str] = field(default_factory=list)
    outputs: dict[str, np.ndarray] = field(default_factory=dict)
    modified: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    has_forward: bool = False
    output: str = ""
    result: object = None  # api "functions": what the learner's function returned, rebuilt

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


class _Broken(Exception):
    """The child broke the protocol; the message says how."""


class _TooLarge(_Broken):
    """A result array far larger than the inputs: refused before it is loaded."""


class Sandbox:
    """A child process holding the learner's module; :meth:`call` runs the graded function.

    ``api`` is ``"exercise"`` (``function(grad_out, x, W) -> (dx, dW)``) or ``"cs231n"``
    (``forward(x, w, b, conv_param) -> (out, cache)``, then ``function(dout, cache) ->
    (dx, dw, db)``; without a ``forward`` the cache is ``(x, w, b, conv_param)``).
    ``isolation`` describes how the child is shut in (:mod:`.isolation`).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        api: str,
        function: str,
        forward: str = "conv_forward_naive",
        timeout: float = 10.0,
        memory_mb: int = 2048,
    ) -> None:
        self.path = os.path.abspath(path)
        self.api, self.function, self.forward = api, function, forward
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.isolation = isolation.detect()
        self._root = tempfile.mkdtemp(prefix="convgrad-grade-")
        os.chmod(self._root, 0o711)  # the child's uid may pass through, not list or write
        self._work = os.path.join(self._root, "work")
        self._io = os.path.join(self._root, "io")
        self._proc: subprocess.Popen[bytes] | None = None
        self._child = 0  # the child's pid (below bwrap's or unshare's)
        self._requests = -1
        self._replies = -1
        self._buffer = b""
        self._id = 0
        self._printed = bytearray()
        self._printed_total = 0
        self.cheat: str | None = None  # once it is caught using the reference, every call says so
        self.broken: str | None = None  # once it broke the protocol, no call runs again
        self._encoded: Any = None  # api "functions": the last reply's result, in JSON form

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the child's life -------------------------------------------------------------------

    def start(self) -> Reply:
        """Start a child and import the learner's file in it: ``kind="ok"`` when it loaded."""
        self._kill()
        if interrupted():
            return self._interrupted()
        if self.cheat:
            return Reply("reference", self.cheat)
        try:
            source = _read_source(self.path)
        except OSError as err:
            return Reply("load", f"cannot read the file: {err.strerror}")
        except ValueError as err:
            return Reply("load", str(err))
        found = cheats.reference_use(source)
        if found:
            self.cheat = "; ".join(found)
            return Reply("reference", self.cheat)
        uid = self.isolation.uid
        for folder in (self._work, self._io):
            _remove_tree(folder)
            os.mkdir(folder, 0o700)
            if uid is not None:
                os.chown(folder, uid, uid)
        name = os.path.basename(self.path)
        if not name.isprintable() or name.startswith("."):
            name = "submission.py"
        if name.endswith(".ipynb"):  # its code cells, as a script
            name = name[: -len(".ipynb")] + ".py"
        copy = os.path.join(self._work, name)
        Path(copy).write_bytes(source)
        os.chmod(copy, 0o644)
        script = os.path.join(self._root, "child.py")
        if os.path.lexists(script):
            os.unlink(script)
        shutil.copyfile(Path(__file__).with_name("_child.py"), script)
        os.chmod(script, 0o644)

        request_r, self._requests = os.pipe()
        self._replies, reply_w = os.pipe()
        package = isolation.package_folder()
        hide = [package]
        if Path(package).parent.name == "src":  # a source checkout: its tests hold answers,
            root = Path(package).parent.parent  # its history every version of the reference
            for name in ("src", "tests", ".git", "build"):
                if (root / name).is_dir() and str(root / name) not in hide:
                    hide.append(str(root / name))
        argv = isolation.wrapper(self.isolation.level, hide, [self._root], self._work)
        argv += [sys.executable, "-I", "-B", script, str(request_r), str(reply_w)]
        if _numpy_folder() not in _isolated_path():
            argv.append(_numpy_folder())
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": self._work,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            **dict.fromkeys(("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"), "1"),
        }
        try:
            self._proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                pass_fds=(request_r, reply_w),
                start_new_session=True,
                cwd=self._work,
                env=env,
            )
        finally:
            os.close(request_r)
            os.close(reply_w)
        for stream in (self._proc.stdout, self._proc.stderr):
            assert stream is not None
            os.set_blocking(stream.fileno(), False)
        self._buffer = b""  # call ids go on rising: a stale line never matches
        depth = {"bwrap": 2, "unshare": 1}.get(self.isolation.level, 0)
        config = {
            "file": copy,
            "io": self._io,
            "api": self.api,
            "function": self.function,
            "forward": self.forward,
            "timeout": self.timeout,
            "memory_mb": self.memory_mb,
            "uid": uid,
            "nproc": 64 if uid is not None else None,
            "private_filesystem": self.isolation.level == "unshare",
            "closed": self.isolation.level != "bwrap"
            and bool(isolation.closed_folders(isolation.interpreter_paths())),
            "blocked": [os.path.realpath(p) for p in hide],
        }
        self._reset_printed()
        self._send(config)
        reply = self._exchange(0, self.timeout + START_SECONDS)
        if reply.kind == "timeout":
            reply.message = (
                f"stopped after {self.timeout + START_SECONDS:g} s (the time limit, "
                f"{self.timeout:g} s, and {START_SECONDS:g} s to start Python and NumPy)"
            )
        if self._proc is not None:
            self._child = isolation.chain(self._proc.pid, depth)
            if reply.ok:
                self._sweep(reply)
            else:
                self._kill()
        return reply

    def call(
        self,
        inputs: dict[str, np.ndarray],
        params: dict[str, int] | None = None,
        plan: dict[str, Any] | None = None,
    ) -> Reply:
        """Call the learner's function on copies of ``inputs`` (written to files); for the api
        ``"functions"``, ``plan`` says which function and how its arguments are built from
        ``inputs`` (:mod:`.functions`), and ``Reply.result`` holds what it returned."""
        if interrupted():
            return self._interrupted()
        if self.cheat:
            return Reply("reference", self.cheat)
        if self.broken:
            return Reply("protocol", f"not run: an earlier call broke the protocol ({self.broken})")
        if self._proc is None or self._proc.poll() is not None:
            loaded = self.start()
            if not loaded.ok:
                return loaded
        self._id += 1
        written: dict[str, tuple[int, bytes]] = {}
        try:
            folder = self._fresh_io()
            try:
                for name, array in inputs.items():
                    written[name] = _write_npy(folder, f"in_{name}.npy", array, self.isolation.uid)
            finally:
                os.close(folder)
            self._reset_printed()
            self._encoded = None
            request: dict[str, Any] = {"id": self._id, "inputs": list(inputs)}
            request["params"] = params or {}
            if plan is not None:
                request["plan"] = plan
            self._send(request)
            reply = self._exchange(self._id, self.timeout)
            if reply.kind != "timeout":  # the files the child mapped: any change is the caller's
                reply.modified = [n for n, (fd, data) in written.items() if _changed(fd, data)]
        except OSError as err:
            self._kill()
            return Reply("protocol", f"the exchange folder could not be prepared: {err}")
        finally:
            for fd, _ in written.values():
                os.close(fd)
        if self._proc is not None:
            self._sweep(reply)
        if reply.kind == "ok":
            try:
                self._read_arrays(reply, inputs)
                if self.api == "functions":
                    reply.result = _rebuild(self._encoded, reply.outputs)
            except _TooLarge as err:
                return Reply("bad_return", f"a result is too large: {err}", output=reply.output)
            except _Broken as err:
                failed = self._fail("protocol", f"the child broke the protocol: its arrays: {err}")
                failed.output = reply.output
                return failed
        return reply

    def close(self) -> None:
        self._kill()
        _remove_tree(self._root)

    def _kill(self) -> None:
        """Kill the child and everything below it; close the channel."""
        proc = self._proc
        if proc is not None:
            isolation.kill_below(proc.pid)
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            uid = self.isolation.uid
            if uid is not None and not self.isolation.pid_namespace:
                isolation.kill_uid(uid)  # setsid'd survivors of a plain child
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()
            self._proc = None
        for fd in (self._requests, self._replies):
            if fd >= 0:
                os.close(fd)
        self._requests = self._replies = -1
        self._child = 0

    def _sweep(self, reply: Reply) -> None:
        """Kill whatever the learner's code left running below the child."""
        if self._child:
            killed = isolation.kill_below(self._child)
            if killed:
                reply.notes.append(
                    f"the code left {killed} process{'es' if killed > 1 else ''} running after "
                    "it returned; the grader killed them"
                )

    # -- the channel ------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode() + b"\n"
        try:
            while data:
                data = data[os.write(self._requests, data) :]
        except OSError:
            pass  # the child is gone: the reply says how

    def _reset_printed(self) -> None:
        self._printed = bytearray()
        self._printed_total = 0

    def _printed_text(self, limit: int = 1000) -> str:
        return cheats.escape(self._printed.decode("utf-8", "replace").strip(), limit)

    def _exchange(self, call: int, timeout: float) -> Reply:
        """Wait for call ``call``'s reply (and, for a call, the child's end line) within
        ``timeout`` seconds; whatever else happens becomes the reply."""
        proc = self._proc
        assert proc is not None and proc.stdout is not None and proc.stderr is not None
        streams = {proc.stdout.fileno(), proc.stderr.fileno()}
        wake = _wake_fd()
        deadline = time.monotonic() + timeout
        answer: dict[str, Any] | None = None
        while True:
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                try:
                    message = _parse(line, call, self.api, answer is not None)
                except _Broken as err:
                    self._drain(streams)
                    return self._fail("protocol", f"the child broke the protocol: {err}")
                if "alarm" in message:
                    return self._fail("reference", _alarm_text(message["alarm"]))
                if "end" not in message:
                    answer = message
                    if call == 0:
                        return self._finish(answer, None)
                    continue
                return self._finish(answer, message)
            if len(self._buffer) > LINE_LIMIT:
                return self._fail("protocol", "the child broke the protocol: a line over 64 KiB")
            left = deadline - time.monotonic()
            if interrupted():
                self._kill()
                return self._interrupted()
            if left <= 0:
                self._drain(streams)
                return self._fail("timeout", f"stopped after {timeout:g} s (time limit)")
            ready = select.select([self._replies, wake, *streams], [], [], left)[0]
            if wake in ready:
                try:
                    os.read(wake, 4096)
                except OSError:
                    pass
            for fd in ready:
                if fd in streams and not self._read_printed(fd, streams):
                    return self._fail(
                        "output", f"printed more than {OUTPUT_LIMIT // 2**20} MiB in one call"
                    )
            if self._replies in ready:
                chunk = os.read(self._replies, 65536)
                if not chunk:
                    return self._died(streams)
                self._buffer += chunk

    def _read_printed(self, fd: int, streams: set[int]) -> bool:
        """Read what the learner printed; False when it printed too much."""
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return True
        if not chunk:
            streams.discard(fd)
            return True
        self._printed_total += len(chunk)
        if len(self._printed) < OUTPUT_KEPT:
            self._printed += chunk[: OUTPUT_KEPT - len(self._printed)]
        return self._printed_total <= OUTPUT_LIMIT

    def _drain(self, streams: set[int]) -> None:
        for fd in list(streams):
            while fd in streams and select.select([fd], [], [], 0)[0]:
                if not self._read_printed(fd, streams) or self._printed_total > OUTPUT_KEPT:
                    break

    def _fail(self, kind: str, message: str) -> Reply:
        self._kill()
        if kind == "reference":
            self.cheat = message
        if kind == "protocol":
            self.broken = message
        return Reply(kind, message, output=self._printed_text())

    def _interrupted(self) -> Reply:
        name = signal.Signals(interrupted()).name if interrupted() else "a signal"
        return Reply("interrupted", f"not run: the grader was stopped by {name}")

    def _died(self, streams: set[int]) -> Reply:
        """The child ended without a reply: say how."""
        proc = self._proc
        assert proc is not None
        try:
            code = proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            code = 0
        self._drain(streams)
        if code == ALARM_STATUS:
            return self._fail("reference", "it reached for convgrad while running")
        return self._fail("crash", _death(code, 0.0, self.timeout) + self._last_words())

    def _last_words(self) -> str:
        lines = self._printed.decode("utf-8", "replace").strip().splitlines()
        return f"; last words: {cheats.escape(lines[-1], 300)}" if lines else ""

    def _finish(self, answer: dict[str, Any] | None, end: dict[str, Any] | None) -> Reply:
        printed = self._printed_text()
        if end is not None and end["end"] == "exit" and end["code"] == ALARM_STATUS:
            return self._fail("reference", "it reached for convgrad while running")
        if answer is None:
            assert end is not None
            limit = math.ceil(self.timeout) + 1
            if end["end"] == "signal" and end["cpu"] >= limit - 0.05:
                why = f"stopped by the CPU time limit ({limit} s)"
                return Reply("timeout", why, output=printed)
            code = end["code"] if end["end"] == "exit" else -end["code"]
            why = _death(code, end["cpu"], self.timeout)
            return Reply("crash", why + self._last_words(), output=printed)
        kind = answer["kind"]
        reply = Reply(
            kind,
            cheats.escape(answer.get("message", "")),
            [cheats.escape(t, 300) for t in answer.get("traceback", [])],
            notes=[cheats.escape(n, 300) for n in answer.get("notes", [])],
            seconds=float(answer.get("seconds", 0.0)),
            has_forward=bool(answer.get("has_forward", False)),
            output=printed,
        )
        if kind == "ok" and "outputs" in answer:
            reply.outputs = {name: np.empty(0) for name in answer["outputs"]}  # read below
            self._encoded = answer.get("result")
        return reply

    # -- arrays -----------------------------------------------------------------------------

    def _fresh_io(self) -> int:
        """Empty the exchange folder, or make it anew when it is gone or not a plain folder (a
        link, say); whatever the last call left there (a folder named ``x.npy`` included) goes.
        Returns a descriptor of it."""
        flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
        try:
            folder = os.open(self._io, flags)
        except OSError:
            folder = -1
        if folder >= 0:
            info = os.fstat(folder)
            mine = self.isolation.uid if self.isolation.uid is not None else os.geteuid()
            if info.st_uid == mine and stat.S_IMODE(info.st_mode) == 0o700:
                for entry in os.scandir(folder):
                    if entry.is_dir(follow_symlinks=False):
                        _remove_tree(os.path.join(self._io, entry.name))
                    else:
                        os.unlink(entry.name, dir_fd=folder)
                return folder
            os.close(folder)
        os.makedirs(self._root, mode=0o711, exist_ok=True)
        if os.path.isdir(self._io) and not os.path.islink(self._io):
            _remove_tree(self._io)
        elif os.path.lexists(self._io):
            os.unlink(self._io)
        os.mkdir(self._io, 0o700)
        if self.isolation.uid is not None:
            os.chown(self._io, self.isolation.uid, self.isolation.uid)
        return os.open(self._io, flags)

    def _read_arrays(self, reply: Reply, inputs: dict[str, np.ndarray]) -> None:
        """Load the reply's outputs, each bounded by a few times the inputs' size."""
        try:
            folder = os.open(self._io, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError as err:
            raise _Broken(f"the exchange folder is gone ({err.strerror})") from None
        try:
            limit = 8 * sum(int(a.size) for a in inputs.values()) + 4096
            for name in list(reply.outputs):
                reply.outputs[name] = _read_npy(folder, f"out_{name}.npy", limit)
        finally:
            os.close(folder)


SOURCE_LIMIT = 2**20  # bytes in a learner's file


def _is_time(value: object) -> bool:
    """A finite number of seconds >= 0 (a 400-digit int is not: it overflows a float)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value) and value >= 0
    except OverflowError:
        return False


def _remove_tree(path: str) -> None:
    """Remove ``path`` and all below it, never following a link out of it. ``shutil.rmtree``
    recurses once per level, so a learner's 1,500 nested folders make it raise
    RecursionError; ``rm -rf`` then does it without the recursion limit."""
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        return
    except (OSError, RecursionError):
        subprocess.run(["rm", "-rf", "--one-file-system", "--", path], check=False, timeout=60)


NOTEBOOK_LIMIT = 32 * 2**20  # bytes in a learner's .ipynb (its outputs, images included)


def notebook_script(data: bytes) -> bytes:
    r"""The code cells of a Jupyter notebook (nbformat 4, or 3's worksheets) as one script, each
    cell after a ``# cell N`` line (N counts every cell, as the notebook shows them); ValueError
    when ``data`` is not a notebook.

    >>> notebook_script(b'{"cells": [{"cell_type": "code", "source": ["x = 1"]}]}').decode()
    '# cell 1\nx = 1\n'
    """
    try:
        book = json.loads(data)
        cells = book["cells"] if "cells" in book else book["worksheets"][0]["cells"]
        parts = []
        for number, cell in enumerate(cells, 1):
            if cell.get("cell_type") != "code":
                continue
            text = cell.get("source", cell.get("input", ""))
            text = "".join(text) if isinstance(text, list) else str(text)
            parts.append(f"# cell {number}\n{text.rstrip()}\n")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError):
        raise ValueError("the file is not a Jupyter notebook (.ipynb) that can be read") from None
    script = "\n".join(parts).encode()
    if len(script) > SOURCE_LIMIT:
        raise ValueError(f"the notebook's code is over {SOURCE_LIMIT // 2**20} MiB")
    return script


def read_text(path: str) -> str:
    """The learner's file (:func:`_read_source`) as text, decoded as the child decodes it, as
    Python reads a file: its UTF-8 BOM and its coding line honoured. The reports' quoted lines
    are then the lines that ran (a Windows editor's BOM had hidden every quote)."""
    from ._child import _source_text

    return _source_text(_read_source(path))


def _read_source(path: str) -> bytes:
    """The learner's file, read from a regular file, never through a link (a submission linked
    to /etc/shadow, /dev/zero or a FIFO is refused), at most :data:`SOURCE_LIMIT` bytes; a
    Jupyter notebook (``.ipynb``, at most :data:`NOTEBOOK_LIMIT` bytes) as the script of its code
    cells (:func:`notebook_script`)."""
    notebook = path.endswith(".ipynb")
    limit = NOTEBOOK_LIMIT if notebook else SOURCE_LIMIT
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ValueError("the file is a symbolic link; grade the file it points to") from None
        raise
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("the file is not a regular file")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"the file is over {limit // 2**20} MiB: not a Python exercise")
    return notebook_script(data) if notebook else data


def _numpy_folder() -> str:
    return os.path.dirname(os.path.dirname(os.path.realpath(np.__file__)))


def _isolated_path() -> list[str]:
    """Where ``python -I`` finds packages: the prefix's site-packages (no PYTHONPATH, no user
    site)."""
    import site

    return [os.path.realpath(p) for p in site.getsitepackages()]


def _parse(line: bytes, call: int, api: str, answered: bool) -> dict[str, Any]:
    """One reply line, checked against the schema; :class:`_Broken` says what is wrong."""
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):
        raise _Broken("a line that is not JSON") from None
    if not isinstance(message, dict):
        raise _Broken("a line that is not a JSON object")
    if set(message) == {"alarm"} and isinstance(message["alarm"], str):
        return message
    if message.get("id") != call or type(message.get("id")) is not int:
        raise _Broken(f"a line for call {str(message.get('id'))[:20]!r} during call {call}")
    if "end" in message:
        if call == 0 or message["end"] not in ("exit", "signal"):
            raise _Broken("an end line out of place")
        keys = required = {"id", "end", "code", "cpu"}
        types: dict[str, Any] = {"code": int, "cpu": (int, float)}
    else:
        if answered:
            raise _Broken("two replies to one call")
        kind = message.get("kind")
        required = {"id", "kind"}
        if kind == "ok":
            keys = {"id", "kind", "outputs", "notes", "seconds"} if call else {"id", "kind"}
            keys |= {"result"} if call and api == "functions" else set()
            keys |= set() if call else {"has_forward", "notes"}
            required |= {"outputs"} if call else set()
        elif kind in (_CALL_ERRORS if call else _LOAD_ERRORS):
            keys = {"id", "kind", "message", "traceback"}
            keys |= {"notes", "seconds"} if call else set()
        else:
            raise _Broken(f"an unknown kind of reply {str(kind)[:40]!r}")
        types = {
            "has_forward": bool,
            "message": str,
            "seconds": (int, float),
            "traceback": list,
            "notes": list,
            "outputs": list,
        }
    extra = set(message) - keys
    if extra:
        raise _Broken(f"unknown keys {sorted(extra)[:5]}")
    if not required <= set(message):
        raise _Broken(f"missing keys {sorted(required - set(message))}")
    for key, kind_ in types.items():
        if key in message and not isinstance(message[key], kind_):
            raise _Broken(f"{key} of the wrong type")
    for key in ("traceback", "notes"):
        items = message.get(key, [])
        if len(items) > 50 or not all(isinstance(t, str) for t in items):
            raise _Broken(f"{key} is not a short list of strings")
    for key in ("seconds", "cpu"):
        if key in message and not _is_time(message[key]):
            raise _Broken(f"{key} is not a time")
    if "outputs" in message and api == "functions":
        names = message["outputs"]
        if names != [f"r{n}" for n in range(len(names))] or len(names) > _MAX_NODES:
            raise _Broken(f"output names {str(names)[:80]}, expected r0, r1, ...")
        if "result" not in message:
            raise _Broken("missing keys ['result']")
        _check_encoded(message["result"], len(names))
    elif "outputs" in message:
        required, optional = _OUTPUTS[api]
        names = message["outputs"]
        if (
            not all(isinstance(n, str) for n in names)
            or len(set(names)) != len(names)
            or not required <= set(names) <= required | optional
        ):
            raise _Broken(f"output names {str(names)[:80]}, expected {sorted(required)}")
    return message


def _check_encoded(value: Any, arrays: int) -> None:
    """:class:`_Broken` unless ``value`` is a result in the child's JSON form (see
    ``_child._encode``): at most ``_MAX_NODES`` values, ``_MAX_DEPTH`` deep, arrays among the
    ``arrays`` sent."""
    count = 0

    def walk(node: Any, depth: int) -> None:
        nonlocal count
        count += 1
        if count > _MAX_NODES or depth > _MAX_DEPTH:
            raise _Broken("a result too large or nested too deep")
        if not isinstance(node, list) or len(node) != 2 or not isinstance(node[0], str):
            raise _Broken("a result that is not [kind, value]")
        kind, body = node
        ok = {
            "none": body is None,
            "bool": isinstance(body, bool),
            "number": isinstance(body, int | float) and not isinstance(body, bool),
            "other": isinstance(body, str) and len(body) <= 80,
            "array": isinstance(body, str) and body in {f"r{n}" for n in range(arrays)},
            "tuple": isinstance(body, list),
            "list": isinstance(body, list),
        }.get(kind, False)
        if not ok:
            raise _Broken(f"a result of kind {kind[:20]!r} holding {str(body)[:40]!r}")
        if kind in ("tuple", "list"):
            for item in body:
                walk(item, depth + 1)

    walk(value, 0)


class Other:
    """A value the learner returned that is neither a number nor an array (its type's name)."""

    def __init__(self, what: str) -> None:
        self.what = cheats.escape(what, 80)

    def __repr__(self) -> str:
        return f"<{self.what}>"


def _rebuild(node: Any, arrays: dict[str, np.ndarray]) -> object:
    """The learner's result from its checked JSON form and the arrays read back."""
    kind, body = node
    if kind == "array":
        return arrays[body]
    if kind in ("tuple", "list"):
        items = [_rebuild(item, arrays) for item in body]
        return tuple(items) if kind == "tuple" else items
    if kind == "other":
        return Other(body)
    return body


def _alarm_text(what: str) -> str:
    return f"it reached for convgrad while running ({cheats.escape(what, 200)})"


def _death(code: int, cpu: float, timeout: float) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code == getattr(signal, "SIGXCPU", None):
            return "stopped by the CPU time limit (SIGXCPU)"
        return f"the process was killed by {name}"
    if code > 128 and code - 128 in {s.value for s in signal.Signals}:
        return f"the process was killed by {signal.Signals(code - 128).name}"
    return f"the process exited with status {code}"


def _write_npy(folder: int, name: str, array: np.ndarray, uid: int | None) -> tuple[int, bytes]:
    """Write ``array`` to a new file ``name`` that the child maps (shared) as the argument it
    passes; return the parent's own descriptor of that file and the bytes written."""
    buffer = io.BytesIO()
    npy.write_array(buffer, np.asarray(array), allow_pickle=False)
    data = buffer.getvalue()
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    fd = os.open(name, flags, 0o600, dir_fd=folder)
    try:
        if uid is not None:
            os.fchown(fd, uid, uid)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        os.close(fd)
        raise
    return fd, data


def _changed(fd: int, data: bytes) -> bool:
    """Whether the file behind ``fd`` (the parent's own descriptor: the learner cannot swap the
    file under it) no longer holds ``data``."""
    return os.pread(fd, len(data) + 1, 0) != data


def _read_npy(folder: int, name: str, limit: int) -> np.ndarray:
    """The array in ``name`` (in the folder ``folder``), or :class:`_Broken`: never follows a
    link, never loads an object array or more than ``limit`` elements."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except FileNotFoundError:
        raise _Broken(f"{name} is missing") from None
    except OSError as err:
        raise _Broken(f"{name} cannot be opened ({err.strerror})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _Broken(f"{name} is not a regular file")
    with os.fdopen(fd, "rb") as f:
        if info.st_size > limit * 16 + 2**16:
            raise _TooLarge(f"{name} is {info.st_size} bytes; at most {limit} elements allowed")
        try:
            version = npy.read_magic(f)
            if version == (1, 0):
                shape, fortran, dtype = npy.read_array_header_1_0(f)
            elif version == (2, 0):
                shape, fortran, dtype = npy.read_array_header_2_0(f)
            else:
                raise ValueError(f"version {version}")
        except Exception as err:  # noqa: BLE001 - any malformed header is the child's fault
            raise _Broken(f"{name} is not a .npy file ({str(err)[:80]})") from None
        if dtype.hasobject or dtype.kind not in "biuf" or len(shape) > 8:
            raise _Broken(f"{name} holds {dtype} values in {len(shape)} dimensions")
        if any(not isinstance(n, int) or n < 0 or n > limit for n in shape):
            raise _Broken(f"{name} has the shape {str(shape)[:60]}")
        count = math.prod(shape)
        if count > limit:
            raise _TooLarge(f"{name} has {count} elements, shape {shape}: more than {limit}")
        need = count * dtype.itemsize
        data = f.read(need)
        if len(data) != need:
            raise _Broken(f"{name} is cut short")
    array = np.frombuffer(bytearray(data), dtype=dtype)
    try:
        return array.reshape(shape, order="F" if fortran else "C")
    except ValueError as err:
        raise _Broken(f"{name} has the shape {str(shape)[:60]}: {str(err)[:60]}") from None
