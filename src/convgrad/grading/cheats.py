"""What a submission may do to fool the grader, seen from the outside.

- :func:`reference_use`: the learner's source imports ``convgrad`` (whose exercises hold the
  reference answers, and whose ``grading`` package holds the grader), statically: ``import``
  statements, and ``__import__`` / ``importlib.import_module`` / ``find_spec`` / ``run_module``
  called on a string that names it. An import built at run time (``"conv" + "grad"``) is caught
  by the child's audit hook instead (:mod:`._child`).
- :func:`escape`: text that came from the learner's process (exception messages, tracebacks,
  printed output), made safe to print in a report: no ANSI escapes or other control characters,
  no newline that could start a line of its own (a fake "all tests passed"), bounded in length.

>>> reference_use("import numpy as np\\nfrom convgrad.exercises import conv2d_backward\\n")
['line 2: imports convgrad.exercises']
>>> escape("ok\\n  all 11 tests passed\\x1b[32m")
'ok\\\\n  all 11 tests passed\\\\x1b[32m'
"""

from __future__ import annotations

import ast
import unicodedata

_LOADERS = {"__import__", "import_module", "find_spec", "run_module", "find_loader", "reload"}
_SAFE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _names_convgrad(name: str) -> bool:
    return name == "convgrad" or name.startswith("convgrad.")


def reference_use(source: str | bytes) -> list[str]:
    """Where ``source`` imports convgrad, as ``"line N: imports NAME"``; empty when nowhere (or
    when it does not parse: the child reports the syntax error)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # the child says why
        return []
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called in _LOADERS:
                names = [
                    a.value.strip()
                    for a in node.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
        for name in names:
            if _names_convgrad(name):
                found.append((getattr(node, "lineno", 0), name))
    return [f"line {line}: imports {name}" for line, name in sorted(set(found))]


def escape(text: str, limit: int = 2000) -> str:
    """``text`` on one line, printable: control and format characters as ``\\xNN`` or
    ``\\uNNNN`` escapes, newlines as ``\\n``; cut to ``limit`` characters."""
    cut = len(text) > limit
    text = text[:limit]
    out = []
    for char in text:
        if char in _SAFE:
            out.append(_SAFE[char])
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out) + (f" ... (cut at {limit} characters)" if cut else "")
