"""The child side of :mod:`convgrad.grading.sandbox`: loads the learner's file and calls it.

Run as a script, by path, with ``python -I child.py REQUESTS REPLIES [NUMPY]`` (two inherited
pipe file descriptors, and NumPy's folder when the interpreter would not find it alone), from a
copy in the sandbox's own folder: it imports only the standard library and NumPy, never
``convgrad``, so the reference answers and the grader are not in this process.

Before the learner's file is loaded the child, still trusted, sets hard limits (soft = hard),
``PR_SET_NO_NEW_PRIVS``, makes itself a subreaper (the processes the learner starts stay below
it, for the parent to find and kill), drops to the uid the parent chose, and installs an audit
hook that cannot be removed (and a finder first on ``sys.meta_path``): importing ``convgrad``,
or opening a file in its package folder, sends an alarm and ends the process with
:data:`ALARM_STATUS`; ``ctypes``, running programs and rewriting a function's code are refused.

Protocol: one JSON object per line. The first request configures and loads (reply ``id`` 0);
each later one, ``{"id", "inputs", "params"}``, is answered by a worker forked for that call (a
fresh CPU-time budget, and nothing a call changes survives it): one reply line, then the child's
own ``{"id", "end", "code", "cpu"}`` line once the worker has ended. Arrays travel as ``.npy``
files in the exchange folder: ``in_NAME.npy`` from the parent, mapped shared (an argument the
learner writes into changes the file, where the parent looks), ``out_NAME.npy`` back, written
with builtins captured before the learner's code ran. Nothing from this process is trusted by
the parent: it checks every line and every file.
"""

from __future__ import annotations
import __future__

import ast
import ctypes
import importlib.util
import inspect
import json
import math
import mmap
import os
import re
import resource
import signal
import sys
import time
import tokenize
import traceback
from typing import Any

if __name__ == "__main__" and sys.argv[3:]:  # NumPy's folder, off the -I path
    sys.path.append(sys.argv[3])
import numpy as np  # noqa: E402
from numpy.lib import format as npy  # noqa: E402

ALARM_STATUS = 87
FILE_SIZE = 64 * 2**20  # RLIMIT_FSIZE: no file the learner writes grows past this
OPEN_FILES = 64

_write = os.write
_open = os.open
_close = os.close
_exit = os._exit


def _send(fd: int, message: dict[str, Any]) -> None:
    data = (json.dumps(message) + "\n").encode()
    while data:
        data = data[_write(fd, data) :]


def _alarm(fd: int, what: str) -> None:
    """Tell the parent the learner reached for convgrad, and end the process."""
    safe = "".join(c for c in what[:200] if c.isalnum() or c in "._/- ")
    try:
        _write(fd, b'{"alarm": "' + safe.encode() + b'"}\n')
    finally:
        _exit(ALARM_STATUS)


def _prctl(option: int, value: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _limit(which: int, value: int) -> None:
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    try:
        resource.setrlimit(which, (value, value))
    except (ValueError, OSError):
        pass


_MOUNT_FLAGS = {"nosuid": 2, "nodev": 4, "noexec": 8, "noatime": 1024, "nodiratime": 2048}
_MOUNT_FLAGS["relatime"] = 1 << 21
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND = 1, 2, 4, 32, 4096
MS_REC, MS_PRIVATE = 16384, 1 << 18


def _mount(
    source: bytes | None, target: str, fstype: bytes | None, flags: int, data: bytes | None = None
) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_ulong,
        ctypes.c_char_p,
    ]
    if libc.mount(source, target.encode(), fstype, flags, data) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), target)


def _private_filesystem(keep: str, hide: tuple[str, ...] = ()) -> None:
    """In the mount namespace ``unshare`` made: every mount read-only (but ``/proc``, ``/sys``
    and ``/dev``), empty private ``/tmp``, ``/var/tmp`` and ``/dev/shm`` the learner cannot
    write, and ``keep`` (the sandbox's folder) writable at its own path. Best effort: what the
    kernel refuses stays as it was."""
    try:
        _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing done here reaches the machine
    except OSError:
        return
    keep_fd = os.open(keep, os.O_PATH | os.O_DIRECTORY)
    # Python and NumPy, where they live under a folder about to be emptied (a virtual
    # environment made in /tmp): kept at their paths, read-only
    import numpy

    needed = {sys.prefix, sys.base_prefix, os.path.dirname(os.path.realpath(sys.executable))}
    needed.add(os.path.dirname(os.path.dirname(numpy.__file__)))
    emptied = ("/tmp/", "/var/tmp/", "/dev/shm/")
    reads: dict[str, int] = {}
    for path in sorted(os.path.realpath(p) for p in needed):
        if path.startswith(emptied) and not any(path.startswith(q + "/") for q in reads):
            try:
                reads[path] = os.open(path, os.O_PATH | os.O_DIRECTORY)
            except OSError:
                pass
    points = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            fields = line.split()
            points.append((fields[4].replace("\\040", " "), fields[5]))
    for point, options in sorted(points, key=lambda p: p[0].count("/")):
        if point.startswith(("/proc", "/sys", "/dev")):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        for option in options.split(","):
            flags |= _MOUNT_FLAGS.get(option, 0)
        try:
            _mount(None, point, None, flags)
        except OSError:
            pass
    for point in ("/tmp", "/var/tmp", "/dev/shm"):
        try:
            _mount(b"tmpfs", point, b"tmpfs", MS_NOSUID | MS_NODEV, b"size=64m,mode=0755")
        except OSError:
            pass
    for point in hide:  # convgrad's own folders: empty, whatever path or dir_fd reaches them
        try:
            _mount(b"tmpfs", point, b"tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, b"size=4k")
        except OSError:
            pass
    for path, fd in reads.items():
        try:
            os.makedirs(path, exist_ok=True)
            _mount(f"/proc/self/fd/{fd}".encode(), path, None, MS_BIND | MS_REC)
            _mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
        except OSError:
            pass
        os.close(fd)
    try:
        os.makedirs(keep, exist_ok=True)
        _mount(f"/proc/self/fd/{keep_fd}".encode(), keep, None, MS_BIND)
        _mount(None, keep, None, MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV)
    except OSError:
        pass
    os.close(keep_fd)


def _contain(config: dict[str, Any]) -> None:
    """Limits, privileges and uid: everything the learner's code must not be able to undo."""
    if config.get("private_filesystem"):
        _private_filesystem(
            os.path.dirname(os.path.dirname(config["file"])), tuple(config.get("blocked", ()))
        )
        os.chdir(os.path.dirname(config["file"]))  # the working folder, as mounted now
    _prctl(36, 1)  # PR_SET_CHILD_SUBREAPER: orphans the learner makes are reparented here
    _prctl(38, 1)  # PR_SET_NO_NEW_PRIVS
    used = 0
    try:
        with open("/proc/self/statm") as f:
            used = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    if config["memory_mb"] > 0:
        _limit(resource.RLIMIT_AS, used + config["memory_mb"] * 2**20)
    _limit(resource.RLIMIT_CPU, math.ceil(config["timeout"]) + 30)  # the child's whole life
    _limit(resource.RLIMIT_FSIZE, FILE_SIZE)
    _limit(resource.RLIMIT_NOFILE, OPEN_FILES)
    _limit(resource.RLIMIT_CORE, 0)
    if config.get("nproc"):
        _limit(resource.RLIMIT_NPROC, config["nproc"])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails with an error
    uid = config.get("uid")
    if uid is not None and config.get("closed"):
        # The interpreter lies in a folder the new uid cannot pass through (no bwrap to open a
        # way): import what a learner commonly imports while that is still possible.
        for name in _COMMON:
            try:
                importlib.import_module(name)
            except ImportError:
                pass
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
        _prctl(4, 1)  # PR_SET_DUMPABLE (cleared by the uid change): its /proc files are its own


_COMMON = (
    "math", "cmath", "random", "itertools", "functools", "collections", "copy", "time",
    "typing", "dataclasses", "operator", "warnings", "fractions", "decimal", "numbers",
    "statistics", "string", "re", "shutil", "socket", "signal", "threading", "tempfile",
    "pathlib", "struct", "array", "heapq", "bisect", "contextlib", "abc", "enum",
    "encodings.idna", "encodings.ascii", "encodings.latin_1", "encodings.utf_8_sig",
    "encodings.cp1252",
    # NumPy 2 loads these on first use (np.random.seed, np.linalg.norm): from the stdlib too
    "numpy.random", "numpy.linalg", "numpy.fft",
)  # fmt: skip

_REFUSED = (
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.system",
    "subprocess.Popen",
    "pty.spawn",
    "gc.get_objects",
    "gc.get_referrers",
    "gc.get_referents",
)


def _convgrad_here() -> tuple[str, ...]:
    """The folders this interpreter would import convgrad from (an installed or editable copy
    other than the grader's own), found without importing it."""
    try:
        spec = importlib.util.find_spec("convgrad")
    except (ImportError, ValueError):
        return ()
    if spec is None:
        return ()
    return tuple(os.path.realpath(p) for p in spec.submodule_search_locations or ())


def _install_hook(blocked: tuple[str, ...], fd: int) -> None:
    def hook(
        event: str,
        args: tuple[Any, ...],
        _blocked: tuple[str, ...] = blocked,
        _fd: int = fd,
        _realpath: Any = os.path.realpath,
        _alarm: Any = _alarm,
        _refused: tuple[str, ...] = _REFUSED,
        _str: type = str,
        _bytes: type = bytes,
        _isinstance: Any = isinstance,
        _dirname: Any = os.path.dirname,
        _join: Any = os.path.join,
        _exists: Any = os.path.exists,
        _protected: list[Any] = [],  # noqa: B006 - filled below: the functions that guard
    ) -> None:
        if event == "import":
            name = args[0]
            if _isinstance(name, _str) and (name == "convgrad" or name.startswith("convgrad.")):
                _alarm(_fd, "import " + name)
        elif event in ("open", "os.listdir", "os.scandir"):
            path = args[0]
            if _isinstance(path, _bytes):
                path = path.decode("utf-8", "replace")
            if _isinstance(path, _str):
                real = _realpath(path)
                for folder in _blocked:
                    if real == folder or real.startswith(folder + "/"):
                        _alarm(_fd, "open " + real)
                    if not path.startswith("/"):
                        # relative to a dir_fd the event does not show: any folder on the way
                        # to a blocked one that holds this path counts
                        above = folder
                        while above not in ("/", ""):
                            above = _dirname(above)
                            candidate = _realpath(_join(above, path))
                            if candidate.startswith(folder + "/") and _exists(candidate):
                                _alarm(_fd, "open " + candidate)
        elif event.startswith("ctypes.") or event in _refused:
            raise PermissionError(f"{event} is not allowed while grading")
        elif event in ("object.__setattr__", "object.__delattr__") and any(
            args[0] is f for f in _protected
        ):
            # the guards' own code and defaults; other functions are the learner's or a
            # library's business (matplotlib and torch set __defaults__ while importing)
            if args[1] in ("__code__", "__defaults__", "__kwdefaults__"):
                raise PermissionError(f"changing a function's {args[1]} is not allowed here")

    sys.addaudithook(hook)

    class Tripwire:
        """First on ``sys.meta_path``: any way of importing convgrad (``importlib`` included,
        which raises no ``import`` audit event) asks it first, found or not."""

        @staticmethod
        def find_spec(
            name: str,
            path: object = None,
            target: object = None,
            _alarm: Any = _alarm,  # bound now: replacing the module's global changes nothing
            _fd: int = fd,
        ) -> None:
            if name == "convgrad" or name.startswith("convgrad."):
                _alarm(_fd, "import " + name)

    sys.meta_path.insert(0, Tripwire)  # type: ignore[arg-type]
    protected = hook.__defaults__[-1]  # type: ignore[index]
    protected += [hook, _alarm, Tripwire.find_spec]


def _learner_traceback(exc: BaseException, path: str) -> list[str]:
    """The frames of ``exc``'s traceback that lie in the learner's file, as short lines."""
    lines = []
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == path:
            lines.append(f"line {frame.lineno}, in {frame.name}: {(frame.line or '').strip()}")
    return lines[-20:]


def _error(exc: BaseException, path: str) -> dict[str, Any]:
    kind = "memory" if isinstance(exc, MemoryError) else "exception"
    try:
        message = f"{type(exc).__name__}: {exc}"
        if isinstance(exc, SyntaxError):
            kind = "syntax"
            message = f"SyntaxError: {exc.msg} (line {exc.lineno}): {(exc.text or '').strip()}"
        elif isinstance(exc, SystemExit):
            message = f"the code called exit({exc.code!r})"
    except BaseException:  # noqa: BLE001 - a learner's __str__ may raise anything
        message = f"{type(exc).__name__} (its message could not be shown)"
    try:
        lines = _learner_traceback(exc, path)
    except BaseException:  # noqa: BLE001
        lines = []
    return {"kind": kind, "message": message[:2000], "traceback": lines}


def _no_memfd() -> None:
    """``os.memfd_create`` makes memory that no per-process limit counts (``RLIMIT_AS`` stops at
    the mapping, not the file): a learner could fill the machine's memory past ``--memory``. No
    exercise needs it."""
    import posix

    for module in (os, posix):
        if hasattr(module, "memfd_create"):
            delattr(module, "memfd_create")


def _python2_names() -> None:
    """``from past.builtins import xrange`` (the ``future`` package), at the top of many older
    cs231n files: where the package is absent, a stand-in with the Python 3 meanings, so an
    honest old file is graded instead of failing to import; and ``xrange`` itself, which
    Python 2 solutions of the assignment's first years call without importing it."""
    import builtins as python

    if not hasattr(python, "xrange"):
        python.xrange = range  # type: ignore[attr-defined]
    try:
        if importlib.util.find_spec("past") is not None:
            return
    except (ImportError, ValueError):
        return
    import types

    past = types.ModuleType("past")
    builtins = types.ModuleType("past.builtins")
    names = {"xrange": range, "basestring": str, "unicode": str, "long": int}
    builtins.__dict__.update(names, raw_input=input)
    past.builtins = builtins  # type: ignore[attr-defined]
    sys.modules["past"], sys.modules["past.builtins"] = past, builtins


# IPython's lines: magics (%, %%), shell (!) and help (np.pad?, ??conv_forward)
_MAGIC = re.compile(r"^([ \t]*)([%!].*|\?\??[\w.]*|[\w.]+\?\??)[ \t]*$", re.M)


class _TooSlow(BaseException):
    """A top-level statement ran past its time: it is skipped (a notebook's training cell)."""


def _too_slow(signum: int, frame: object) -> None:
    raise _TooSlow


def _source_text(raw: bytes) -> str:
    """The file's text as Python reads it: its coding line or a UTF-8 BOM honoured. The BOM is
    taken off here, not by the ``utf-8-sig`` codec: inside the sandbox a codec that was not
    imported before it closed may not load (the stdlib's files can be out of reach), and the
    BOM was then read as a character of the first line, a syntax error."""
    bom = raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:] if bom else raw
    try:
        encoding, _ = tokenize.detect_encoding(iter(body.splitlines(keepends=True)).__next__)
        return body.decode("utf-8" if bom else encoding, errors="replace")
    except (SyntaxError, LookupError):
        return body.decode("utf-8", errors="replace")


def _run_top_level(module: Any, path: str, seconds: float) -> list[str]:
    """Run the file's top level one statement at a time, as a notebook exported to a script
    needs: a statement that raises (``from public_tests import *``, ``get_ipython()``, test code
    reading the course's data files) or runs past its share of ``seconds`` (a training cell) is
    skipped with a note, and the functions are graded all the same; IPython's ``%``, ``!`` and
    ``?`` lines are skipped. Once ``seconds`` are spent, only definitions and imports run. A
    file that cannot be parsed raises as the plain import would."""
    with open(path, "rb") as f:
        source = _source_text(f.read())
    notes: list[str] = []
    try:
        tree = ast.parse(source, path)
    except SyntaxError:
        cleaned = _MAGIC.sub(lambda m: m.group(1) + "pass  # " + m.group(2), source)
        if cleaned == source:
            raise
        tree = ast.parse(cleaned, path)  # still a SyntaxError: the file's own
        notes.append("IPython lines (%, ! and ? lines) were skipped")
    lines = source.splitlines()
    flags = 0  # a __future__ import holds for every later statement, as in one module
    deadline = time.monotonic() + seconds
    each = max(0.5, seconds / 4)
    needed = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                flags |= getattr(getattr(__future__, alias.name, None), "compiler_flag", 0)
        text = lines[node.lineno - 1].strip()[:100] if node.lineno <= len(lines) else ""
        left = deadline - time.monotonic()
        if left <= 0 and not isinstance(node, needed):
            if len(notes) < 20:
                notes.append(
                    f"line {node.lineno}: `{text}` not run (the top level's time is spent)"
                )
            continue
        code = compile(ast.Module(body=[node], type_ignores=[]), path, "exec", flags, True)
        signal.signal(signal.SIGALRM, _too_slow)  # again: the learner's code may have set one
        signal.setitimer(signal.ITIMER_REAL, max(0.2, min(each, left)))
        try:
            exec(code, vars(module))  # noqa: S102 - the learner's own file, in the sandbox
        except _TooSlow:
            if len(notes) < 20:
                notes.append(f"line {node.lineno}: `{text}` ran too long at the top level; skipped")
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - skipped, with a note
            if len(notes) < 20:
                what = type(exc).__name__
                notes.append(
                    f"line {node.lineno}: `{text}` raised {what} at the top level; skipped"
                )
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    return notes


def _numpy1_names() -> None:
    """The names NumPy 1.x had and NumPy 2 removed (``np.float``, ``np.int``, ``np.asscalar``,
    ``np.NaN``, ``np.product``...), which learners' code from the courses' first years calls:
    an honest old answer is graded instead of failing with an AttributeError."""
    old = {
        "int": int, "float": float, "bool": bool, "complex": complex, "object": object,
        "str": str, "long": int, "unicode": str, "float_": np.float64, "complex_": np.complex128,
        "NaN": np.nan, "NAN": np.nan, "Inf": np.inf, "Infinity": np.inf, "infty": np.inf,
        "PINF": np.inf, "NINF": -np.inf,
        "asscalar": lambda a: np.asarray(a).item(),
        "product": np.prod, "cumproduct": np.cumprod, "alltrue": np.all, "sometrue": np.any,
    }  # fmt: skip
    for name, value in old.items():
        if name not in np.__dict__:
            setattr(np, name, value)


def _no_debugger() -> None:
    """``pdb.set_trace()`` or ``breakpoint()`` left in a learner's code would wait for a
    debugger's commands that never come (or end in BdbQuit): both do nothing here."""
    import types

    def nothing(*args: object, **kwargs: object) -> None:
        return None

    for name in ("pdb", "ipdb"):
        stub = types.ModuleType(name)
        stub.set_trace = stub.post_mortem = stub.pm = stub.run = nothing  # type: ignore[attr-defined]
        sys.modules[name] = stub
    sys.breakpointhook = nothing


def _load(config: dict[str, Any]) -> tuple[object, dict[str, Any]]:
    path = config["file"]
    spec = importlib.util.spec_from_file_location("submission", path)
    if spec is None or spec.loader is None:
        return None, {"kind": "load", "message": "cannot import the file", "traceback": []}
    module = importlib.util.module_from_spec(spec)
    sys.modules["submission"] = module
    try:
        notes = _run_top_level(module, path, float(config["timeout"]))
    except BaseException as exc:  # noqa: BLE001 - the learner's code may raise anything
        return None, _error(exc, path)
    name = config["function"]
    if config["api"] == "functions":  # each call names its function
        return module, {"kind": "ok", "has_forward": False, "notes": notes}
    if not callable(getattr(module, name, None)):
        defined = sorted(n for n, v in vars(module).items() if callable(v) and n[0] != "_")
        return None, {
            "kind": "missing",
            "message": f"the file defines no function {name}(); it defines: "
            + (", ".join(defined[:20]) or "nothing callable"),
            "traceback": [],
        }
    has_forward = callable(getattr(module, config["forward"], None))
    return module, {"kind": "ok", "has_forward": has_forward, "notes": notes}


def _as_outputs(result: object, names: list[str]) -> tuple[dict[str, np.ndarray], str | None]:
    """The learner's return value as named arrays, or a sentence saying what was wrong with it."""
    if not isinstance(result, tuple | list):
        return {}, f"returned {type(result).__name__}, not a tuple ({', '.join(names)})"
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
            return {}, f"{name} is not an array of numbers: got {type(value).__name__}"
        if array.ndim > 8:  # the parent reads at most 8 dimensions
            return {}, f"{name} has {array.ndim} dimensions, shape {array.shape}"
        arrays[name] = array
    return arrays, None


def _save(folder: str, name: str, array: np.ndarray) -> None:
    """Write ``array`` as a ``.npy`` file with builtins only (the learner may patch NumPy's)."""
    data = array.copy(order="C")
    header = f"{{'descr': '{data.dtype.str}', 'fortran_order': False, 'shape': {data.shape!r}, }}"
    size = 10 + len(header) + 1
    header += " " * (-size % 64) + "\n"
    raw = b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode("latin1")
    fd = _open(
        os.path.join(folder, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600
    )
    try:
        for chunk in (raw, data.tobytes()):
            view = memoryview(chunk)
            while view:
                view = view[_write(fd, view) :]
    finally:
        _close(fd)


def _mapped(path: str) -> np.ndarray:
    """The array in the ``.npy`` file ``path``, mapped shared: writing into it writes the file,
    where the parent sees it."""
    with open(path, "r+b") as f:
        version = npy.read_magic(f)
        read = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
        shape, fortran, dtype = read(f)
        count = math.prod(shape)
        if count == 0:
            return np.zeros(shape, dtype)
        mapping = mmap.mmap(f.fileno(), 0)
        offset = f.tell()
    array = np.frombuffer(mapping, dtype=dtype, count=count, offset=offset)
    return array.reshape(shape, order="F" if fortran else "C")


class _Numpy1(np.ndarray):
    """An array that, holding one element, converts to a float, as NumPy 1.x arrays did (the
    same rule as ``convgrad.exercises._catalogue.Numpy1Array``, which this process cannot
    import): deeplearning.ai's notebook writes ``float(b)`` for ``b`` of shape (1, 1, 1)."""

    def __float__(self) -> float:
        if self.size != 1:
            raise TypeError(f"only arrays of one element convert to float; got shape {self.shape}")
        return float(np.asarray(self).reshape(()))


MAX_NODES = 64  # values in one encoded argument or result
MAX_DEPTH = 6


def _decode(spec: Any, arrays: dict[str, np.ndarray], numpy1: bool, depth: int = 0) -> Any:
    """An argument from its JSON form: ``["array", NAME]`` (the mapped input file ``NAME``),
    ``["value", x]``, ``["tuple" | "list", [...]]`` or ``["dict", [[key, ...], ...]]``."""
    kind, body = spec
    if depth > MAX_DEPTH:
        raise ValueError("an argument nested too deep")
    if kind == "array":
        array = arrays[body]
        return array.view(_Numpy1) if numpy1 and array.dtype.kind == "f" else array
    if kind == "value":  # interned, as a literal in the learner's code is: mode is "max"
        return sys.intern(body) if isinstance(body, str) else body
    if kind in ("tuple", "list"):
        items = [_decode(s, arrays, numpy1, depth + 1) for s in body]
        return tuple(items) if kind == "tuple" else items
    if kind == "dict":
        return {key: _decode(s, arrays, numpy1, depth + 1) for key, s in body}
    raise ValueError(f"an argument of the unknown kind {kind!r}")


def _encode(value: object, saved: list[np.ndarray], depth: int = 0) -> list[Any]:
    """What the learner returned, in JSON form for the parent: arrays are appended to ``saved``
    (written as ``out_rN.npy``) and named ``["array", "rN"]``; numbers, bools and None travel
    as values; tuples and lists (at most 16 items, 6 deep) as such; anything else as
    ``["other", TYPE NAME]``."""
    if isinstance(value, _NoCache):
        return ["other", "a result without its cache"]
    if value is None:
        return ["none", None]
    if isinstance(value, bool | np.bool_):
        return ["bool", bool(value)]
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        number = int(value)
        return ["number", number] if abs(number) < 2**63 else ["other", "a huge int"]
    if isinstance(value, float | np.floating):
        return ["number", float(value)]
    if isinstance(value, tuple | list):
        if depth >= MAX_DEPTH or len(value) > 16 or len(saved) >= MAX_NODES:
            return ["other", f"a {type(value).__name__} of {len(value)} items"]
        return [type(value).__name__ if type(value) in (tuple, list) else "tuple",
                [_encode(v, saved, depth + 1) for v in value]]  # fmt: skip
    if isinstance(value, np.ndarray) or hasattr(value, "__array__"):
        try:
            array = np.array(value)  # a copy, and a plain ndarray
        except Exception:  # noqa: BLE001 - whatever the learner's object does
            return ["other", type(value).__name__[:60]]
        if array.dtype.kind not in "biuf":
            return ["other", f"an array of {array.dtype.kind} values"[:60]]
        if array.ndim > 8:  # the parent reads at most 8 dimensions
            return ["other", f"an array of {array.ndim} dimensions"]
        if len(saved) >= MAX_NODES:
            return ["other", "too many arrays"]
        saved.append(array)
        return ["array", f"r{len(saved) - 1}"]
    return ["other", type(value).__name__[:60]]


class _NoCache:
    """What a forward pass that returned no ``(result, cache)`` pair is reported as."""


def _wanted(function: Any, given: int, named: set[str]) -> int:
    """How many positional arguments ``function`` requires beyond the ``given`` ones (and the
    ``named`` keyword ones); 0 when its signature cannot be read."""
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return 0
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    required = [
        p for p in parameters if p.kind in kinds and p.default is p.empty and p.name not in named
    ]
    return max(0, len(required) - given)


def _call_plan(module: Any, config: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    """A course function's call: ``plan`` names the function, its arguments (the cache among
    them for a backward pass) and, for a backward pass, the learner's forward pass whose cache
    replaces the argument ``cache_at`` when the file defines it and it returns (result, cache)."""
    folder = config["io"]
    plan = request["plan"]
    arrays = {n: _mapped(os.path.join(folder, f"in_{n}.npy")) for n in request["inputs"]}
    numpy1 = bool(plan.get("numpy1"))
    args = [_decode(s, arrays, numpy1) for s in plan["args"]]
    kwargs = {k: _decode(s, arrays, numpy1) for k, s in plan["kwargs"]}
    notes: list[str] = []
    name = plan["function"]
    function = getattr(module, name, None)
    start = time.perf_counter()
    if not callable(function):
        return {"kind": "exception", "message": f"the file defines no function {name}()",
                "traceback": [], "notes": [], "seconds": 0.0}  # fmt: skip
    starter = plan.get("starter")
    if starter:  # helpers the course's starter code gives, where the file lacks them
        names, source = starter
        lacking = [n for n in names if not callable(getattr(module, n, None))]
        if lacking:
            given: dict[str, Any] = {}
            exec(compile(source, "<the course's starter code>", "exec"), given)  # noqa: S102
            for n in lacking:
                setattr(module, n, given[n])
            notes.append("from the course's starter code: " + ", ".join(f"{n}()" for n in lacking))
    extra = [_decode(s, arrays, numpy1) for s in plan.get("extra", [])]
    if extra:
        args += extra[: _wanted(function, len(args), set(kwargs))]
    forward = plan.get("forward")
    try:
        if forward and callable(getattr(module, forward["function"], None)):
            fargs = [_decode(s, arrays, numpy1) for s in forward["args"]]
            fkwargs = {k: _decode(s, arrays, numpy1) for k, s in forward["kwargs"]}
            try:
                fresult = getattr(module, forward["function"])(*fargs, **fkwargs)
            except Exception as exc:  # noqa: BLE001 - then the course's own cache is used
                notes.append(f"{forward['function']} raised {type(exc).__name__}; "
                             "the course's cache was passed instead")  # fmt: skip
            else:
                if isinstance(fresult, tuple | list) and len(fresult) == 2:
                    args[plan["cache_at"]] = fresult[1]
                    notes.append(f"the cache came from your {forward['function']}")
                else:
                    notes.append(f"{forward['function']} did not return (result, cache); "
                                 "the course's cache was passed instead")  # fmt: skip
        result = function(*args, **kwargs)
        if plan.get("cached"):
            if isinstance(result, tuple | list) and len(result) == 2:
                result = result[0]  # the cache is the learner's own business
            elif result is not None:  # None: not written yet, said as such
                notes.append(
                    f"{name} returned no cache: the course's version returns (result, cache)"
                )
                result = _NoCache()
    except BaseException as exc:  # noqa: BLE001
        reply = _error(exc, config["file"])
        reply.update(seconds=time.perf_counter() - start, notes=notes)
        return reply
    seconds = time.perf_counter() - start
    saved: list[np.ndarray] = []
    encoded = _encode(result, saved)
    for number, array in enumerate(saved):
        _save(folder, f"out_r{number}.npy", array)
    return {"kind": "ok", "outputs": [f"r{n}" for n in range(len(saved))], "result": encoded,
            "notes": notes, "seconds": seconds}  # fmt: skip


def _call(module: Any, config: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    if config["api"] == "functions":
        return _call_plan(module, config, request)
    folder = config["io"]
    names = list(request["inputs"])
    args = {n: _mapped(os.path.join(folder, f"in_{n}.npy")) for n in names}
    params = dict(request.get("params") or {})
    notes: list[str] = []
    function = getattr(module, config["function"])
    start = time.perf_counter()
    outputs: dict[str, np.ndarray] = {}
    problem = None
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
                    outputs, fproblem = _as_outputs((out,), ["out"])
                    if fproblem:
                        notes.append(f"{config['forward']}: {fproblem}")
                else:
                    notes.append(f"{config['forward']} did not return (out, cache)")
            result = function(args["dout"], cache)
            back, problem = _as_outputs(result, ["dx", "dw", "db"])
            outputs.update(back)
            if conv_param != params:
                notes.append(f"conv_param was changed to {conv_param!r:.200}")
    except BaseException as exc:  # noqa: BLE001
        reply = _error(exc, config["file"])
        reply.update(seconds=time.perf_counter() - start, notes=notes)
        return reply
    seconds = time.perf_counter() - start
    if problem:
        return {"kind": "bad_return", "message": problem, "seconds": seconds, "notes": notes}
    for name, array in outputs.items():
        _save(folder, f"out_{name}.npy", array)
    return {"kind": "ok", "outputs": list(outputs), "notes": notes, "seconds": seconds}


def _worker(module: object, config: dict[str, Any], request: dict[str, Any], fd: int) -> None:
    """Run one call in this forked process and end it: never returns."""
    code = 0
    try:
        _limit(resource.RLIMIT_CPU, math.ceil(config["timeout"]) + 1)
        try:
            reply = _call(module, config, request)
        except MemoryError:
            reply = {"kind": "memory", "message": "MemoryError", "traceback": []}
        except BaseException as exc:  # noqa: BLE001
            reply = _error(exc, config["file"])
        reply["id"] = request["id"]
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: BLE001
                pass
        _send(fd, reply)
    except BaseException:  # noqa: BLE001
        code = 70
    _exit(code)


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def main() -> None:
    requests = os.fdopen(int(sys.argv[1]), "rb")
    fd = int(sys.argv[2])
    config = json.loads(requests.readline())
    _contain(config)
    _install_hook(tuple(config["blocked"]) + _convgrad_here(), fd)
    sys.path.insert(0, os.path.dirname(config["file"]))
    _python2_names()
    _numpy1_names()
    _no_debugger()
    _no_memfd()
    module, reply = _load(config)
    reply["id"] = 0
    sys.stdout.flush()
    sys.stderr.flush()
    _send(fd, reply)
    if module is None:
        return
    for line in requests:
        request = json.loads(line)
        _reap()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _worker(module, config, request, fd)
        _, status, usage = os.wait4(pid, 0)
        how = "signal" if os.WIFSIGNALED(status) else "exit"
        code = os.WTERMSIG(status) if how == "signal" else os.WEXITSTATUS(status)
        cpu = usage.ru_utime + usage.ru_stime
        _send(fd, {"id": request["id"], "end": how, "code": code, "cpu": round(cpu, 3)})
        _reap()


if __name__ == "__main__":
    main()
