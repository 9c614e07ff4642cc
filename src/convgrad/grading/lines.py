"""Lines to quote under a bug the results already named, when the static reading found none.

:mod:`.static` reports a line only where its reading is sure enough to show it as a likely cause
on its own. Some mistakes are only recognisable once the results have named them: ``np.zeros_like
(x)`` is right for float inputs and the cause of ``int_truncation`` for integer ones;
``dw = np.zeros(...)`` is right before the loops and the cause of ``dw_last_image`` inside them.
:func:`confirming` finds such lines; the grader quotes them only under a diagnosis that names
their bug, never as a guess.

>>> [(f.bug, f.line) for f in confirming("def f(x):\\n    dx = x\\n    return dx\\n")]
[('in_place', 2)]
"""

from __future__ import annotations

import ast
import re

from .static import Finding

INPUTS = {"x", "w", "dout", "grad_out", "W"}
_LIKE = re.compile(r"\b(?:np\.|numpy\.)?(?:zeros_like|empty_like)\(\s*(\w+)\s*\)")
_INT = re.compile(r"dtype\s*=\s*(?:np\.|numpy\.)?u?int|astype\(\s*(?:np\.|numpy\.)?u?int")
_ZEROS = {"zeros", "zeros_like", "empty", "empty_like"}


def confirming(source: str) -> list[Finding]:
    """Candidate lines per bug id (see the module docstring); [] when the source does not
    parse."""
    lines = source.splitlines()
    found: list[Finding] = []

    def add(bug: str, number: int) -> None:
        if 1 <= number <= len(lines):
            found.append(Finding(bug, number, lines[number - 1].strip()[:120], ""))

    for number, line in enumerate(lines, 1):
        code = line.split("#", 1)[0]
        if (_LIKE.search(code) and "dtype" not in code) or _INT.search(code):
            add("int_truncation", number)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return found
    for node, loops in _walk(tree, 0):
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [_base(t) for t in targets]
            if any(n == "db" for n in names):
                add("db_wrong_axes", node.lineno)
            if isinstance(node, ast.AugAssign) and names[0] in ("dw", "dW"):
                add("dw_uses_w", node.lineno)
            if isinstance(node, ast.Assign) and _is_crop(node):
                for bug in _CROPS:
                    add(bug, node.lineno)
            if isinstance(node, ast.Assign) and loops and _is_zeros(node.value):
                if any(n in ("dw", "dW") for n in names):
                    add("dw_last_image", node.lineno)
                if any(n and n.startswith("dx") for n in names):
                    add("dx_reset", node.lineno)
            for target, value in _pairs(node):
                if _constant_one(value) and isinstance(target, ast.Name):
                    if target.id in ("p", "P") or "pad" in target.id.lower():
                        add("hardcoded_pad", node.lineno)
            if isinstance(node, ast.Assign) and _hands_an_input_on(node.value):
                if any(n and n not in INPUTS for n in names):
                    add("in_place", node.lineno)
            if any(n in INPUTS for n in names if n) and any(
                isinstance(t, ast.Subscript) for t in targets
            ):
                add("in_place", node.lineno)  # x[...] = ..., written into an input
            if isinstance(node, ast.AugAssign) and _base(node.target) in INPUTS:
                add("in_place", node.lineno)
            if isinstance(node, ast.Assign) and _same_size_for_both(node):
                add("out_size_wrong_dim", node.lineno)
                add("hw_swapped", node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("range", "xrange") and node.args and _minus_one(node.args[-1]):
                add("skip_last", node.lineno)
    return found


_CROPS = ("crop_wrong_end", "crop_end_only", "crop_start_only", "dx_not_cropped", "hw_swapped")


def _is_crop(node: ast.Assign) -> bool:
    """``dx = dx_pad[...]`` (or ``dx = dx_pad``): where dx is cut out of the padded gradient."""
    names = [_base(t) for t in node.targets]
    source = _base(node.value) if isinstance(node.value, ast.Subscript | ast.Name) else None
    return (
        any(n == "dx" for n in names)
        and source is not None
        and source != "dx"
        and (source.startswith("dx") or "pad" in source.lower())
    )


def _walk(node: ast.AST, loops: int):
    """Every node with the number of ``for``/``while`` loops around it (in one function)."""
    for child in ast.iter_child_nodes(node):
        inner = loops + isinstance(child, ast.For | ast.While)
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            inner = 0
        yield child, loops
        yield from _walk(child, inner)


def _base(node: ast.AST) -> str | None:
    while isinstance(node, ast.Subscript | ast.Attribute | ast.Starred):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_zeros(value: ast.AST) -> bool:
    func = value.func if isinstance(value, ast.Call) else None
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return name in _ZEROS


def _pairs(node: ast.Assign | ast.AugAssign) -> list[tuple[ast.AST, ast.AST]]:
    """(target, value) pairs of an assignment, unpacking ``a, b = c, d``."""
    if not isinstance(node, ast.Assign):
        return []
    pairs: list[tuple[ast.AST, ast.AST]] = []
    for target in node.targets:
        if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
            pairs += zip(target.elts, node.value.elts)
        else:
            pairs.append((target, node.value))
    return pairs


def _constant_one(value: ast.AST) -> bool:
    return isinstance(value, ast.Constant) and value.value == 1 and type(value.value) is int


def _hands_an_input_on(value: ast.AST) -> bool:
    """``x`` itself (not a copy), or ``... if pad else x``."""
    if isinstance(value, ast.Name):
        return value.id in INPUTS
    if isinstance(value, ast.IfExp):
        return _hands_an_input_on(value.body) or _hands_an_input_on(value.orelse)
    return False


def _same_size_for_both(node: ast.Assign) -> bool:
    """``W_out = H_out``, or ``H_out = W_out = ...``: one output size for both axes."""
    names = [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node.value, ast.Name):
        names.append(node.value.id)
    sizes = [n for n in names if re.fullmatch(r"[HWhw](?:_?out|_?o|_?prime|')?\w*", n)]
    return len(sizes) >= 2 and {n[0].upper() for n in sizes} == {"H", "W"}


def _minus_one(arg: ast.AST) -> bool:
    return (
        isinstance(arg, ast.BinOp)
        and isinstance(arg.op, ast.Sub)
        and isinstance(arg.right, ast.Constant)
        and arg.right.value == 1
    )
