"""The child side of :mod:`convgrad.grading.sandbox`: loads the learner's file and calls it.

Run as ``python -m convgrad.grading._child``; never imported by the grader itself. The protocol is
one JSON object per line: the first line read configures and loads, each later line asks for one
call. Arrays travel as ``.npy`` files in a folder the parent owns (read with
``allow_pickle=False`` on both sides), so nothing the learner's code returns is ever unpickled.

The child's own stdout is kept for replies; fd 1 is pointed at stderr before the learner's file is
imported, so its ``print`` calls cannot garble the protocol, and fd 0 at ``/dev/null``.

Limits: ``RLIMIT_AS`` (address space: a huge allocation raises ``MemoryError``, reported as such)
is set once after NumPy is imported; ``RLIMIT_CPU``'s soft limit is raised before each call to
the CPU time used so far plus the call's time limit, a backstop to the parent's wall clock.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import numpy as np

try:
    import resource
except ImportError:  # Windows: the parent's wall clock is the only limit
    resource = None  # type: ignore[assignment]


def _learner_traceback(exc: BaseException, path: str) -> list[str]:
    """The frames of ``exc``'s traceback that lie in the learner's file, as short lines."""
    lines = []
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == path:
            lines.append(f"line {frame.lineno}, in {frame.name}: {(frame.line or '').strip()}")
    return lines


def _error(exc: BaseException, path: str, where: str) -> dict[str, Any]:
    if isinstance(exc, MemoryError):
        kind = "memory"
    elif isinstance(exc, SyntaxError):
        kind = "syntax"
    else:
        kind = "exception"
    message = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SyntaxError):
        message = f"SyntaxError: {exc.msg} (line {exc.lineno}): {(exc.text or '').strip()}"
    elif isinstance(exc, SystemExit):
        message = f"the code called exit({exc.code!r})"
    return {
        "ok": False,
        "kind": kind,
        "where": where,
        "message": message[:2000],
        "traceback": _learner_traceback(exc, path),
    }


def _set_memory_limit(megabytes: int) -> None:
    """Allow ``megabytes`` of address space on top of what the interpreter and NumPy use now."""
    if resource is None or megabytes <= 0:
        return
    used = 0
    try:
        used = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    limit = used + megabytes * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _set_cpu_limit(seconds: float) -> None:
    if resource is None:
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(used.ru_utime + used.ru_stime + seconds) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _load(config: dict[str, Any]) -> tuple[object, dict[str, Any]]:
    path = config["path"]
    sys.path.insert(0, os.path.dirname(path))  # as when the learner runs their own file
    spec = importlib.util.spec_from_file_location("submission", path)
    if spec is None or spec.loader is None:
        return None, {"ok": False, "kind": "load", "message": f"cannot import {path}"}
    module = importlib.util.module_from_spec(spec)
    sys.modules["submission"] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as exc:  # noqa: BLE001 - the learner's code may raise anything
        return None, _error(exc, path, "while importing the file")
    name = config["function"]
    if not callable(getattr(module, name, None)):
        defined = sorted(n for n, v in vars(module).items() if callable(v) and n[0] != "_")
        return None, {
            "ok": False,
            "kind": "missing",
            "message": f"the file defines no function {name}(); it defines: "
            + (", ".join(defined) or "nothing callable"),
        }
    return module, {"ok": True, "has_forward": callable(getattr(module, config["forward"], None))}


def _as_outputs(result: object, names: list[str]) -> tuple[dict[str, np.ndarray], str | None]:
    """The learner's return value as named arrays, or a sentence saying what was wrong with it."""
    if not isinstance(result, tuple | list):
        return (
            {},
            f"returned {type(result).__name__} {result!r:.60}, not a tuple ({', '.join(names)})",
        )
    if len(result) != len(names):
        return {}, (
            f"returned a {type(result).__name__} of {len(result)} values; "
            f"expected {len(names)}: ({', '.join(names)})"
        )
    arrays = {}
    for name, value in zip(names, result):
        try:
            array = np.array(value)  # a copy: the learner's array may be a view of an input
        except (ValueError, TypeError) as err:
            return {}, f"{name} is not an array of numbers: {err}"
        if array.dtype.kind not in "biuf":
            return (
                {},
                f"{name} is not an array of numbers: got {type(value).__name__} {value!r:.60}",
            )
        arrays[name] = array
    return arrays, None


def _call(module: object, config: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    folder = Path(request["dir"])
    names = request["inputs"]
    given = {n: np.load(folder / f"in_{n}.npy", allow_pickle=False) for n in names}
    args = {n: a.copy() for n, a in given.items()}  # `given` stays pristine, to detect writes
    params = request.get("params") or {}
    notes: list[str] = []
    _set_cpu_limit(config["timeout"])
    function = getattr(module, config["function"])
    start = time.perf_counter()
    outputs: dict[str, np.ndarray] = {}
    try:
        if config["api"] == "exercise":
            result = function(args["grad_out"], args["x"], args["W"])
            outputs, problem = _as_outputs(result, ["dx", "dW"])
        else:
            conv_param = dict(params)
            cache: object = (args["x"], args["w"], args["b"], conv_param)
            forward = getattr(module, config["forward"], None)
            if callable(forward):
                fresult = forward(args["x"], args["w"], args["b"], conv_param)
                if isinstance(fresult, tuple | list) and len(fresult) == 2:
                    out, cache = fresult
                    outputs, problem = _as_outputs((out,), ["out"])
                    if problem:
                        notes.append(f"{config['forward']}: {problem}")
                else:
                    notes.append(f"{config['forward']} did not return (out, cache)")
            result = function(args["dout"], cache)
            back, problem = _as_outputs(result, ["dx", "dw", "db"])
            outputs.update(back)
            if conv_param != params:
                notes.append(f"conv_param was changed to {conv_param!r}")
    except BaseException as exc:  # noqa: BLE001
        reply = _error(exc, config["path"], "while running")
        reply["seconds"] = time.perf_counter() - start
        return reply
    seconds = time.perf_counter() - start
    modified = [n for n in names if not np.array_equal(given[n], args[n], equal_nan=True)]
    if problem:
        return {
            "ok": False,
            "kind": "bad_return",
            "message": problem,
            "seconds": seconds,
            "modified": modified,
            "notes": notes,
        }
    for name, array in outputs.items():
        np.save(folder / f"out_{name}.npy", array, allow_pickle=False)
    return {
        "ok": True,
        "outputs": list(outputs),
        "modified": modified,
        "notes": notes,
        "seconds": seconds,
    }


def main() -> None:
    replies = os.fdopen(os.dup(1), "w", buffering=1)
    requests = os.fdopen(os.dup(0), "r")
    os.dup2(2, 1)  # the learner's prints go to stderr
    sys.stdout = sys.stderr
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)

    config = json.loads(requests.readline())
    config["path"] = os.path.abspath(config["path"])
    _set_memory_limit(config["memory_mb"])
    _set_cpu_limit(config["timeout"])
    module, reply = _load(config)
    replies.write(json.dumps(reply) + "\n")
    if module is None:
        return
    for line in requests:
        try:
            reply = _call(module, config, json.loads(line))
        except MemoryError:
            reply = {"ok": False, "kind": "memory", "message": "MemoryError", "traceback": []}
        replies.write(json.dumps(reply) + "\n")


if __name__ == "__main__":
    main()
