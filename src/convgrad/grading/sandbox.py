"""Run a learner's file in a separate process, with a time limit and a memory limit.

:class:`Sandbox` starts ``python -m convgrad.grading._child``, which imports the learner's file by
path and then answers one call at a time. The grader never runs learner code itself: an infinite
loop, a crash, an exception or a huge allocation comes back as a :class:`Reply` whose ``kind``
says which, and the grader goes on.

- time: the parent waits at most ``timeout`` seconds (wall clock) for each reply, then kills the
  child (``kind="timeout"``); the child also caps its own CPU time (``RLIMIT_CPU``);
- memory: the child limits its address space (``RLIMIT_AS``) to what it used after importing
  NumPy plus ``memory_mb``, so an oversized allocation raises ``MemoryError`` there
  (``kind="memory"``);
- inputs: handed over as ``.npy`` files, so the learner works on copies; the child compares them
  afterwards and lists the arguments the learner's code changed in ``Reply.modified``.

BLAS runs single-threaded in the child, so timings are comparable and memory is predictable.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

import convgrad


@dataclass
class Reply:
    """What one call (or the load) came back with.

    ``kind`` is ``"ok"``, ``"exception"``, ``"memory"``, ``"timeout"``, ``"crash"``,
    ``"bad_return"``, ``"syntax"``, ``"missing"`` or ``"load"``.
    """

    kind: str
    message: str = ""
    traceback: list[str] = field(default_factory=list)
    outputs: dict[str, np.ndarray] = field(default_factory=dict)
    modified: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    has_forward: bool = False

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


class Sandbox:
    """A child process holding the learner's module; :meth:`call` runs the graded function.

    ``api`` is ``"exercise"`` (``function(grad_out, x, W) -> (dx, dW)``) or ``"cs231n"``
    (``forward(x, w, b, conv_param) -> (out, cache)``, then ``function(dout, cache) ->
    (dx, dw, db)``; without a ``forward`` the cache is ``(x, w, b, conv_param)``).
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
        self.config = {
            "path": os.path.abspath(path),
            "api": api,
            "function": function,
            "forward": forward,
            "timeout": timeout,
            "memory_mb": memory_mb,
        }
        self.timeout = timeout
        self._dir = tempfile.mkdtemp(prefix="convgrad-grade-")
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: Any = None
        self._buffer = b""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> Reply:
        """Start a child and import the learner's file in it: ``kind="ok"`` when it loaded."""
        self._kill()
        env = dict(os.environ)
        root = str(Path(convgrad.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = "1"
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # leave no __pycache__ in the learner's folder
        self._stderr = tempfile.TemporaryFile()
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "convgrad.grading._child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
            cwd=self._dir,
        )
        self._buffer = b""
        return self._request(self.config, self.timeout + 5.0)  # + interpreter start-up

    def call(self, inputs: dict[str, np.ndarray], params: dict[str, int] | None = None) -> Reply:
        """Call the learner's function on copies of ``inputs`` (written to files)."""
        if self._proc is None or self._proc.poll() is not None:
            loaded = self.start()
            if not loaded.ok:
                return loaded
        for old in Path(self._dir).glob("*.npy"):
            old.unlink()
        for name, array in inputs.items():
            np.save(Path(self._dir) / f"in_{name}.npy", array, allow_pickle=False)
        request = {"dir": self._dir, "inputs": list(inputs), "params": params or {}}
        reply = self._request(request, self.timeout)
        if reply.ok:
            reply.outputs = {
                name: np.load(Path(self._dir) / f"out_{name}.npy", allow_pickle=False)
                for name in reply.outputs
            }
        return reply

    def close(self) -> None:
        self._kill()
        shutil.rmtree(self._dir, ignore_errors=True)

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.kill()
            self._proc.wait()
            for stream in (self._proc.stdin, self._proc.stdout):
                if stream is not None:
                    stream.close()
            self._proc = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read()[-1500:].decode("utf-8", "replace").strip()

    def _request(self, message: dict[str, Any], timeout: float) -> Reply:
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(message).encode() + b"\n")
            proc.stdin.flush()
        except BrokenPipeError:
            return self._died()
        deadline = time.monotonic() + timeout
        fd = proc.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self._kill()
                return Reply("timeout", f"stopped after {timeout:g} s (time limit)")
            chunk = os.read(fd, 65536)
            if not chunk:
                return self._died()
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        data = json.loads(line)
        if data.pop("ok"):
            return Reply(
                "ok",
                outputs=dict.fromkeys(data.get("outputs", [])),  # type: ignore[arg-type]
                modified=data.get("modified", []),
                notes=data.get("notes", []),
                seconds=data.get("seconds", 0.0),
                has_forward=data.get("has_forward", False),
            )
        return Reply(
            data.get("kind", "exception"),
            data.get("message", ""),
            data.get("traceback", []),
            modified=data.get("modified", []),
            notes=data.get("notes", []),
            seconds=data.get("seconds", 0.0),
        )

    def _died(self) -> Reply:
        proc = self._proc
        assert proc is not None
        code = proc.wait()
        tail = self._stderr_tail()
        self._kill()
        if code < 0:
            name = signal.Signals(-code).name
            if -code == getattr(signal, "SIGXCPU", None):
                return Reply("timeout", "stopped by the CPU time limit (SIGXCPU)")
            why = f"the process was killed by {name}"
        else:
            why = f"the process exited with status {code}"
        last = tail.splitlines()[-1] if tail else ""
        return Reply("crash", why + (f"; last words: {last}" if last else ""))
