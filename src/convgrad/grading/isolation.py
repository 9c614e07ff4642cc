"""How strongly a learner's process is shut in: the isolation levels, found once per grader.

Every level (the child sets these itself, before it loads the learner's file):

- **hard limits** (soft = hard, so the learner cannot raise them): address space (``memory_mb``
  on top of the interpreter and NumPy), CPU time (the call's time limit plus one second, per
  call), file size (64 MiB), open files (64), core files (none), and, with a dedicated uid
  (below), processes (64);
- **no new privileges** (``PR_SET_NO_NEW_PRIVS``): a setuid program cannot give privileges back;
- **its own session and process group**, started in a fresh, empty working folder; the child is a
  subreaper, so the processes the learner starts stay in the grader's view even after ``setsid``
  or a double fork, and every one of them is killed when a test ends;
- **an audit hook** (irremovable) that ends the process when the learner's code imports
  ``convgrad`` or opens a file in its package folder (verdict: uses the reference solution), and
  refuses ``ctypes`` and running programs; it holds against a learner who does not escape the
  interpreter (the namespaces and the uid are what hold beyond it).

Levels, the strongest that works on this machine first (:func:`detect`, probed once):

``bwrap`` (bubblewrap)
    New PID, network, IPC and UTS namespaces and a read-only view of the whole filesystem: the
    learner sees no other process (not the grader's ``/proc``, not its environment), cannot
    signal one, has no network at all (not even loopback), cannot write anywhere but its working
    folder, the exchange folder and a private ``/tmp``; convgrad's package folder (and a source
    checkout's ``tests/``) is an empty folder. Killing the namespace's first process kills all.
``unshare`` (util-linux)
    New PID, network and mount namespaces and a private ``/proc``; in its mount namespace the
    child remounts the filesystem read-only and mounts empty ``/tmp``, ``/var/tmp`` and
    ``/dev/shm`` that the learner cannot write (best effort: a mount the kernel will not
    remount stays writable); convgrad's files stay visible (the audit hook guards them), and so
    does whatever its user may read.
``plain``
    No namespaces: only the limits, the session and the audit hook. Without a dedicated uid the
    learner runs as the grader's user and can signal it, read its ``/proc`` and write wherever
    that user may; its network is the machine's.

With either, when the grader runs as root the child drops to a **dedicated uid and gid** (no
passwd entry, no groups) before the learner's code runs: it can read what any user can read but
cannot signal the grader, read its environment or open files, or write its files (without a PID
namespace it still sees the grader's command line in ``/proc``, as every user does); at
``plain``, one ``kill(-1, SIGKILL)`` under that uid ends whatever the learner left behind. With
``bwrap``, a folder on the way to the interpreter that the uid could not pass (pyenv's ``/root``)
is shown as an empty folder holding only the interpreter's own.

None of the levels protects against a kernel exploit, bounds the disk space the learner fills in
its working and exchange folders during a call (64 MiB a file, as many files as the time limit
allows; the folders are deleted when the sandbox closes), or hides world-readable files (other
learners' files included) outside ``bwrap``.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

LEVELS = ("bwrap", "unshare", "plain")
ENV_LEVEL = "CONVGRAD_SANDBOX"  # force a level (for tests): bwrap, unshare or plain

_found: dict[str, bool] = {}


@dataclass(frozen=True)
class Isolation:
    """A level, and the uid the child drops to (None: the grader's own)."""

    level: str
    uid: int | None

    def describe(self) -> str:
        what = {
            "bwrap": "bubblewrap: PID, network and IPC namespaces, read-only filesystem",
            "unshare": "unshare: PID, network and mount namespaces, read-only filesystem",
            "plain": "no namespaces",
        }[self.level]
        who = f"uid {self.uid}" if self.uid is not None else "the grader's uid"
        return f"{what}; {who}; hard limits, no new privileges, own session"

    @property
    def pid_namespace(self) -> bool:
        return self.level in ("bwrap", "unshare")


def interpreter_paths() -> list[str]:
    """The folders the child's Python and NumPy are read from."""
    import numpy

    paths = [sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable))]
    paths.append(os.path.dirname(os.path.dirname(numpy.__file__)))
    return list(dict.fromkeys(os.path.realpath(p) for p in paths))


def closed_folders(paths: list[str]) -> list[tuple[str, str]]:
    """``(folder, path)`` for each path below a folder other users cannot pass through (such as
    ``/root``, where pyenv puts Python): a dropped uid could not import from there."""
    closed = []
    paths = [p for p in paths if not any(p.startswith(q + os.sep) for q in paths)]
    for path in paths:
        parts = Path(path).parts
        for i in range(2, len(parts)):
            folder = os.path.join(*parts[:i])
            try:
                mode = os.stat(folder).st_mode
            except OSError:
                break
            if not mode & stat.S_IXOTH:
                closed.append((folder, path))
                break
    return closed


def _bwrap_args(hide: list[str], binds: list[str], workdir: str) -> list[str]:
    args = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    args += ["--size", str(64 * 2**20), "--tmpfs", "/tmp"]  # in memory: keep it small
    for path in interpreter_paths():  # a virtual environment made under /tmp stays in reach
        if path.startswith("/tmp/"):
            for parent in reversed(Path(path).parents[:-2]):  # /tmp/a, /tmp/a/b: passable
                args += ["--perms", "0755", "--dir", str(parent)]
            args += ["--ro-bind", path, path]
    if dedicated_uid() is not None:
        # A closed folder on the way to the interpreter becomes an empty one, with only the
        # interpreter's folders in it: the dropped uid reaches Python, and nothing else there.
        closed = closed_folders(interpreter_paths())
        for folder in dict.fromkeys(f for f, _ in closed):
            args += ["--tmpfs", folder]
        for folder, path in closed:
            between = Path(path).relative_to(folder).parents
            for step in reversed(list(between)[:-1]):  # bwrap would make them 0700
                args += ["--dir", os.path.join(folder, step)]
            args += ["--ro-bind", path, path]
    for path in binds:
        args += ["--bind", path, path]
    for path in hide:
        args += ["--tmpfs", path]
    args += ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts"]
    if os.geteuid() != 0:
        args += ["--unshare-user"]
    return [*args, "--die-with-parent", "--new-session", "--chdir", workdir, "--"]


def _unshare_args() -> list[str]:
    args = ["unshare", "--pid", "--fork", "--net", "--mount-proc", "--kill-child"]
    if os.geteuid() != 0:
        args[1:1] = ["--user", "--map-root-user"]
    return [*args, "--"]


def wrapper(level: str, hide: list[str], binds: list[str], workdir: str) -> list[str]:
    """The command line that runs a program at ``level`` (empty at ``plain``)."""
    if level == "bwrap":
        return _bwrap_args(hide, binds, workdir)
    if level == "unshare":
        return _unshare_args()
    return []


def _works(level: str) -> bool:
    """Whether ``level`` runs a program here (probed once: about 10 ms)."""
    if level not in _found:
        ok = False
        tool = {"bwrap": "bwrap", "unshare": "unshare"}.get(level)
        if tool is None or shutil.which(tool):
            here = "/"
            argv = [*wrapper(level, [], [], here), sys.executable, "-I", "-S", "-c", "pass"]
            try:
                done = subprocess.run(argv, capture_output=True, timeout=10, check=False, cwd=here)
                ok = done.returncode == 0
            except (OSError, subprocess.SubprocessError):
                ok = False
        _found[level] = ok
    return _found[level]


def package_folder() -> str:
    """The grader's own convgrad package folder (the child also blocks any other copy its
    interpreter would import)."""
    return os.path.realpath(Path(__file__).resolve().parent.parent)


def _mapped(uid: int) -> bool:
    """Whether ``uid`` exists in this user namespace (containers map only some)."""
    try:
        lines = Path("/proc/self/uid_map").read_text().splitlines()
    except OSError:
        return False
    for line in lines:
        inside, _, count = (int(v) for v in line.split())
        if inside <= uid < inside + count:
            return True
    return False


def dedicated_uid() -> int | None:
    """A uid of its own for this grader's children when it runs as root, else None."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    uid = 1_500_000 + os.getpid() % 1_000_000  # no passwd entry; one per grader process
    return uid if _mapped(uid) else None


def detect() -> Isolation:
    """The strongest level that works here (or the one ``CONVGRAD_SANDBOX`` names)."""
    forced = os.environ.get(ENV_LEVEL, "")
    if forced:
        if forced not in LEVELS:
            raise ValueError(f"{ENV_LEVEL}: expected one of {', '.join(LEVELS)}; got {forced!r}")
        if not _works(forced):
            raise ValueError(f"{ENV_LEVEL}={forced}: that isolation does not work on this machine")
        level = forced
    else:
        level = next(lvl for lvl in LEVELS if _works(lvl))
    return Isolation(level, dedicated_uid())


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``, through ``/proc/PID/task/TID/children``."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{parent}/task/{tid}/children") as f:
                    kids = [int(k) for k in f.read().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except OSError:
        pass


def alive(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def kill_below(pid: int) -> int:
    """Stop, then kill, every live process below ``pid``; returns how many there were.

    Stopping first means none can fork, or be adopted out of the tree, while the others die.
    The tree is read until two readings in a row find nothing new: a process whose parent is
    exiting moves to the subreaper's list of children while ``/proc`` is read, and one reading
    can see it in neither list (it then outlived its test by one; ``tests/test_sandbox.py``
    caught that in 2 of 25 runs).
    """
    stopped: set[int] = set()
    quiet = 0
    for _ in range(100):
        new = [p for p in descendants(pid) if p not in stopped and alive(p)]
        if not new:
            quiet += 1
            if quiet == 2:
                break
            continue
        quiet = 0
        for p in new:
            _signal(p, signal.SIGSTOP)
        stopped.update(new)
    for p in stopped:
        _signal(p, signal.SIGKILL)
    return len(stopped)


def chain(root: int, depth: int) -> int:
    """The process ``depth`` levels below ``root`` through only children (the child proper,
    below its wrappers), or 0 when the chain is not that."""
    pid = root
    for _ in range(depth):
        kids = _children(pid)
        if len(kids) != 1:
            return 0
        pid = kids[0]
    return pid


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(k) for k in f.read().split()]
    except OSError:
        return []


def kill_uid(uid: int) -> None:
    """SIGKILL every process of ``uid``, from a helper that takes that uid (root only)."""
    code = "import os, signal\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept OSError:\n    pass"
    try:
        subprocess.run(
            [sys.executable, "-I", "-S", "-c", code],
            user=uid,
            group=uid,
            extra_groups=[],
            timeout=10,
            check=False,
            capture_output=True,
        )
    except (OSError, subprocess.SubprocessError):
        pass
