"""The static reading of a learner's source: the bugs that show in the code itself, by line.

:func:`read_source` parses the learner's file with :mod:`ast` (it never runs it) and reads only
the graded functions (``conv_forward_naive`` and ``conv_backward_naive`` for cs231n,
``conv2d_backward`` for the exercise) and the module's functions they call, so the rest of a
whole ``layers.py`` (pooling, batch norm, ...) is never blamed. Each :class:`Finding` quotes one
line and says, in a learner's words, what it does wrong and how to fix it.

What it reads, and why each rule is narrow (a finding on a correct file is a false alarm the
learner will chase, so a pattern that correct code also writes is left alone):

- ``a[:, :, pad:-pad, pad:-pad]``, a stop that is minus the start's name: empty when
  ``pad = 0`` (``crop_negative_pad``), unless an ``if`` on that name guards it;
- ``1:-1``, ``1:H + 1`` and ``np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))``: a padding or crop
  fixed to a number (``hardcoded_pad``);
- an output size from true division (``/``, ``np.floor(a / b)``): a float, which NumPy refuses
  as a size (``round_out_size``). ``int(a / b)`` and ``round(a / b)`` equal ``a // b`` whenever
  the stride divides, which the cs231n template asserts, so they get a note (``bug == ""``);
- an output size from the wrong dimension (``out_size_wrong_dim``), square loops or windows
  (``hw_swapped``), sizes or loops from the unpadded input in code that pads
  (``loop_unpadded``), ``reshape(3, 3)`` (``fixed_reshape``), ``range(H - kH)``
  (``skip_last``);
- ``=`` into a gradient inside loops whose value changes with a loop variable that the index
  does not hold (``dx_overwrite``, ``dw_overwrite``, ``db_overwrite``): re-writing the same value
  (``dx[n] = dxp[n, ...]`` inside the loops) and gathers (``dx[c, p, q] = ...``) are fine;
- windows starting at a bare loop variable when a stride exists (``stride_ignored``);
- a graded function returning ``None`` or the zeros it created (``not_implemented``), a forward
  cache holding a reshaped or transposed kernel that the backward unpacks as 4-D
  (``cache_scrambled``), a crop from one side only (``crop_end_only``, ``crop_start_only``),
  ``dx`` accumulating the input, ``dw`` the kernel, a flipped kernel scattered into dx,
  ``dw /= N`` (``dw_mean_batch``), dx created anew inside the loops (``dx_reset``);
- height and width swapped in a shape unpack, a window or an output array, or ``W_out = H_out``
  (``hw_swapped``), and ``pad = conv_param['stride']`` (``param_key_swapped``, an id this module
  adds to the shared list: seen in real code, named by no other).

:data:`DETECTED` lists the ids it can report. It reads a file in about 10 ms: 5 to 10 ms on
average over the 65 files of ``tests/submissions/corpus``, and 1.3 s for one function of 2,700 lines
(the correct cs231n backward's loops repeated; 5 passes timed with ``time.perf_counter`` on the
shared 2-core development machine). Each function's nodes are walked once and looked up after.

Comments are invisible to :mod:`ast`: a ``# TODO`` left in the template is no evidence (every
correct cs231n file keeps the template's ``TODO`` banners), only what the code returns is.

>>> src = '''
... def conv_backward_naive(dout, cache):
...     x, w, b, conv_param = cache
...     pad = conv_param['pad']
...     dx_pad = dout
...     dx = dx_pad[:, :, pad:-pad, pad:-pad]
...     return dx, w, b
... '''
>>> [(f.bug, f.line, f.code) for f in read_source(src, "cs231n")]
[('crop_negative_pad', 6, 'dx = dx_pad[:, :, pad:-pad, pad:-pad]')]
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

RANGE = ("range", "xrange")  # xrange: the Python 2 files some learners still hand in
NOTE = ""  # the ``bug`` of a finding that claims no bug: a remark the learner may take or leave

ENTRIES = {
    "exercise": ("conv2d_backward",),
    "cs231n": ("conv_forward_naive", "conv_backward_naive"),
}

# The ids read_source can report; the engine's runtime diagnosis names the others.
DETECTED = frozenset(
    {
        "crop_negative_pad",
        "hardcoded_pad",
        "round_out_size",
        "out_size_wrong_dim",
        "hw_swapped",
        "loop_unpadded",
        "fixed_reshape",
        "dx_overwrite",
        "dw_overwrite",
        "db_overwrite",
        "stride_ignored",
        "not_implemented",
        "cache_scrambled",
        "crop_end_only",
        "crop_start_only",
        "skip_last",
        "dx_uses_x",
        "dw_uses_w",
        "dx_flipped_kernel",
        "dw_mean_batch",
        "db_mean_batch",
        "dx_reset",
        "param_key_swapped",
        "swapped_outputs",
        "dx_not_cropped",
        "arguments_swapped",
        "pads_every_axis",
    }
)

# The ids whose finding is certain from the code alone: the grader names them under every
# failing test, before what the results say (which are their consequences).
CERTAIN = frozenset({"arguments_swapped"})

MESSAGES = {
    "pads_every_axis": (
        "`np.pad` with one width pads every axis: `{a}` is 4-D, so the images and the channels "
        "get {w} zeros on each side too, and a window then holds C + 2 * pad channels. Pad the "
        "height and width only: `np.pad({a}, ((0, 0), (0, 0), (pad, pad), (pad, pad)))`."
    ),
    "pads_every_axis_exercise": (
        "`np.pad` with one width pads every axis: `{a}` is 3-D, so its channels get {w} zeros on "
        "each side too, and a window of it holds the wrong channels. Pad the rows and columns "
        "only: `np.pad({a}, ((0, 0), (kH - 1, kH - 1), (kW - 1, kW - 1)))`."
    ),
    "arguments_swapped": (
        "The exercise calls `conv2d_backward(grad_out, x, W)` in that order, and a function "
        "receives its arguments by position: here `{got}` gets grad_out, x and W. Write the "
        "parameters as `(grad_out, x, W)`."
    ),
    "crop_negative_pad": (
        "`{a}:-{a}` is empty when {a} = 0 (a stop of -0 is 0), so this crop keeps nothing for an "
        "unpadded layer; the notebook's hint crops with `pad:-pad`, which only works for pad > 0: "
        "write `{a}:{a} + H` and `{a}:{a} + W`."
    ),
    "hardcoded_pad": (
        "The padding is fixed to {n} here, right only when conv_param['pad'] is {n}: use the pad "
        "variable instead (`np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))`, "
        "`pad:pad + H`)."
    ),
    "hardcoded_pad_exercise": (
        "The padding is fixed to {n} here, right only for one kernel size: pad by the kernel's "
        "size less one, `kH - 1` rows and `kW - 1` columns."
    ),
    "round_float": (
        "`/` is true division, so this size is a float and NumPy refuses it as a shape or a range: "
        "compute the output size with integer division, `1 + (H + 2 * pad - HH) // stride`."
    ),
    "round_note": (
        "Note: `{fn}(a / b)` equals `a // b` here only because the template asserts that the "
        "stride divides; `1 + (H + 2 * pad - HH) // stride` says what you mean."
    ),
    "out_size_wrong_dim": (
        "This {side} output size is computed from {used}: the {side} comes from the input's "
        "{side} and the kernel's {side}, `{formula}`."
    ),
    "hw_swapped_loops": (
        "Both loops run over `{bound}`, so the input is assumed square: loop over the output "
        "height for the rows and the output width for the columns."
    ),
    "hw_swapped_window": (
        "This window is `{k}` wide and `{k}` tall, so the kernel is assumed square: use the "
        "kernel's height for the rows and its width for the columns "
        "(`{HH}, {WW} = {wname}.shape[2:]`)."
    ),
    "hw_swapped_shape": (
        "`{e}` stands for both the height and the width here, so the input is assumed square: "
        "use the height for the rows and the width for the columns."
    ),
    "hw_swapped_kernel": (
        "The rows of this window span the kernel's width and the columns its height: rows go "
        "with {HH} ({wname}.shape[2]) and columns with {WW} ({wname}.shape[3])."
    ),
    "hw_swapped_order": (
        "Height and width are swapped here: arrays are {shape}, so the height comes before "
        "the width ({unpack})."
    ),
    "param_key_swapped": (
        "`{name}` reads conv_param['{key}'] instead of conv_param['{says}']: right only when "
        "the stride and the pad happen to be equal; read the '{says}' key."
    ),
    "xrange": "Note: `xrange` is Python 2; in Python 3 it is a NameError: write `range`.",
    "np_lib_pad": (
        "Note: NumPy 2 removed `np.lib.pad` (an AttributeError): write `np.pad`, which takes the "
        "same arguments."
    ),
    "swapped_outputs": (
        "The gradients are returned in the wrong order: return dx first, then {dW}{db}, in the "
        "order of the inputs."
    ),
    "dx_not_cropped": (
        "This returns the padded gradient: dx must be shaped like x, so crop the padding off, "
        "`dx = dx_pad[:, :, pad:pad + H, pad:pad + W]`."
    ),
    "dx_reset": (
        "dx is created anew inside the loop, so only the last window's contribution survives: "
        "create it once, before the loops."
    ),
    "loop_unpadded": (
        "This size comes from the unpadded input, but the windows slide over the padded one: "
        "include the padding, `1 + (H + 2 * pad - HH) // stride` positions."
    ),
    "fixed_reshape": (
        "`reshape` to a fixed size only works for one kernel size (a 3x3 window): use the "
        "shapes, e.g. `.reshape(C, {HH}, {WW})` or `.reshape(len({wname}), -1)`."
    ),
    "dx_overwrite": (
        "`=` replaces what earlier windows sent to these pixels; windows overlap and several "
        "filters use each pixel, so the gradient is a sum: write `+=`."
    ),
    "dw_overwrite": (
        "`=` keeps only the last window's contribution; each weight is used at {every}, so its "
        "gradient is a sum: write `+=`."
    ),
    "db_overwrite": (
        "`=` keeps only the last contribution; the bias is added at every output position of "
        "every image, so db is the sum of dout over them: write `+=` (or "
        "`db = dout.sum(axis=(0, 2, 3))`)."
    ),
    "stride_ignored": (
        "This window starts at the loop index, but the windows are `stride` apart: start it at "
        "`{v} * stride` (and end it at `{v} * stride + HH`)."
    ),
    "not_implemented": "This function returns {what}: the work is not done yet.",
    "cache_scrambled": (
        "The cache keeps a reshaped or transposed kernel, and the backward pass unpacks it as "
        "the original `(F, C, HH, WW)`: cache the kernel as given, `cache = (x, w, b, "
        "conv_param)`, and reshape a copy where you need it."
    ),
    "crop_end_only": (
        "`:H` keeps the first H rows of the padded gradient, so it drops 2 * pad rows at the end "
        "and keeps the top padding: crop both sides, `pad:pad + H` and `pad:pad + W`."
    ),
    "crop_start_only": (
        "`pad:` keeps the padding at the end: crop both sides, `pad:pad + H` and `pad:pad + W`."
    ),
    "skip_last": (
        "`range({e})` stops one short: there are `{e} + 1` window positions (the last window "
        "ends exactly at the edge)."
    ),
    "dx_uses_x": (
        "dx accumulates the input window, but the derivative of `sum(w * window)` with respect "
        "to the window is the kernel: add `{g} * {kernel}`."
    ),
    "dw_uses_w": (
        "dw accumulates the kernel, but the derivative of `sum(w * window)` with respect to w is "
        "the window: add `{g} * window`."
    ),
    "dx_flipped_kernel": (
        "The forward pass is a cross-correlation (no flip), so each output cell sends "
        "`{g} * {kernel}` back to its window unflipped: drop the flip here."
    ),
    "dw_mean_batch": (
        "The loss sums over the batch already (dout carries any averaging), so dw is a plain sum "
        "over the images: remove this division."
    ),
    "db_mean_batch": (
        "db is the sum of dout over the images and positions, not their mean: use `.sum(...)`."
    ),
}


CS231N_NAMES = {
    "g": "dout[n, f, i, j]",
    "kernel": "w[f]",
    "dW": "dw",
    "x": "x",
    "HH": "HH",
    "WW": "WW",
    "shape": "(N, C, H, W)",
    "unpack": "`N, C, H, W = x.shape`, `F, C, HH, WW = w.shape`",
    "size": "1 + ({inp} + 2 * pad - {ker}) // stride",
    "every": "every output position of every image",
    "wname": "w",
    "db": ", then db",
}
COURSE_NAMES = {
    "cs231n": CS231N_NAMES,
    "exercise": {
        "g": "grad_out[o, i, j]",
        "kernel": "W[o]",
        "dW": "dW",
        "x": "x",
        "HH": "kH",
        "WW": "kW",
        "shape": "(C, H, W)",
        "unpack": "`C, H, W_in = x.shape`, `C_out, C_in, kH, kW = W.shape`",
        "size": "{inp} - {ker} + 1",
        "every": "every output position",
        "wname": "W",
        "db": "",
    },
}


@dataclass(frozen=True)
class Finding:
    """One line of the learner's source and what it does wrong.

    ``bug`` is a bug id (see :data:`DETECTED`), or :data:`NOTE` for a remark that claims no bug.
    """

    bug: str  # a bug id from the shared list
    line: int  # 1-based line in the learner's file
    code: str  # that source line, stripped, at most 120 characters
    message: str  # one sentence for the learner: what this line does wrong, how to fix it


def read_source(source: str, course: str) -> list[Finding]:
    """The findings of a static reading of ``source``, in line order.

    ``course`` is ``"exercise"`` or ``"cs231n"``; never raises: [] on a syntax error.

    >>> read_source("def conv2d_backward(grad_out, x, W):\\n    pass\\n", "exercise")[0].bug
    'not_implemented'
    >>> read_source("def broken(:", "exercise")
    []
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    try:
        return _read(tree, source.splitlines(), course)
    except Exception:  # the grader must come back: a reading that fails says nothing
        return []  # (tests/test_static.py calls _read itself, so such a failure shows there)


# --- the shape of the learner's code ---------------------------------------------------------


def _names(node: ast.AST | None) -> set[str]:
    return set() if node is None else {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _same(a: ast.AST, b: ast.AST) -> bool:
    return ast.dump(a) == ast.dump(b)


def _int(node: ast.AST | None) -> int | None:
    """The value of an int literal, ``-1`` included."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int(node.operand)
        return None if inner is None else -inner
    return None


def _call_name(node: ast.AST) -> str:
    """``np.pad(...)`` -> "pad", ``x.reshape(...)`` -> "reshape", ``int(...)`` -> "int"."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name):
            return func.id
        if isinstance(func, ast.Attribute):
            return func.attr
    return ""


def _base(node: ast.AST) -> str | None:
    """The array a subscript or method chain starts from: ``dx_pad[n, :]`` -> "dx_pad"."""
    while isinstance(node, ast.Subscript | ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _targets(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Tuple | ast.List):
        return [n for elt in node.elts for n in _targets(elt)]
    return []


def _side(name: str) -> str | None:
    """Whether a size's name says height ("h") or width ("w"): H_out, out_w, Wo, width_out."""
    low = name.lower()
    if "width" in low or "col" in low:
        return "w"
    if "height" in low or "row" in low:
        return "h"
    for word in ("new", "out", "prime", "pad"):
        low = low.replace(word, "")
    has_h, has_w = "h" in low, "w" in low
    if has_h != has_w:
        return "h" if has_h else "w"
    return None


GRAD_PREFIXES = {
    "dx": ("dx", "d_x", "dimg", "d_img", "dinput", "grad_x", "grad_input", "dpad", "d_pad"),
    "dw": ("dw", "d_w", "dkernel", "d_kernel", "dfilt", "grad_w", "grad_kernel"),
    "db": ("db", "d_b", "dbias", "grad_b"),
}


def _grad_kind_by_name(name: str) -> str | None:
    low = name.lower()
    for kind, prefixes in GRAD_PREFIXES.items():
        if low.startswith(prefixes):
            return kind
    return None


class _Function:
    """One graded (or helper) function: its loops, its arrays' roles and their dimensions."""

    def __init__(self, node: ast.FunctionDef, course: str, role: str, cache_names: list[str]):
        self.node, self.course, self.role = node, course, role
        self.nodes = list(ast.walk(node))  # walked once: the rules below look things up often
        self.parent: dict[ast.AST, ast.AST] = {}
        for parent in ast.walk(node):
            for child in ast.iter_child_nodes(parent):
                self.parent[child] = parent
        params = [a.arg for a in node.args.args]
        self.family: dict[str, str] = {}  # name -> "x", "w" or "g" (the upstream gradient)
        if course == "exercise" and role == "entry" and len(params) >= 3:
            roles = _named_roles(params) or ["g", "x", "w"]  # named otherwise: by position
            self.family.update(dict(zip(params, roles)))  # as meant
        elif role == "forward" and len(params) >= 2:
            self.family.update({params[0]: "x", params[1]: "w"})
        elif role == "backward" and params:
            self.family[params[0]] = "g"
            for i, name in enumerate(cache_names[:2]):
                self.family[name] = "xw"[i]
        elif role == "helper":
            for name in params:
                low = name.lower()
                if low in ("x", "img", "image", "inp") or low.startswith(("x_", "xp", "xpad")):
                    self.family[name] = "x"
                elif low in ("w", "kernel", "weight", "weights", "filters"):
                    self.family[name] = "w"
        self.padded: set[str] = set()
        self.pad_names: set[str] = set()
        self.stride_names: set[str] = set()
        self.dims: dict[str, str] = {}  # name -> "N", "H", "W", "HH", "WW", "OH", "OW"
        self.padded_dims: set[str] = set()
        self.sizes: set[str] = set()  # names bound to an output size, such as H_out
        self.swapped: set[ast.AST] = set()  # shape unpacks that name a height W or a width H
        if role == "backward":
            self.padded.update(n for n in cache_names[:1] if "pad" in n.lower())
        self._read_bindings(params)
        self.calls_pad = any(_call_name(n) == "pad" for n in self.nodes)
        self.returning_ifs = [
            s
            for s in self.nodes
            if isinstance(s, ast.If) and any(isinstance(b, ast.Return | ast.Raise) for b in s.body)
        ]
        self.aliases: dict[str, set[str]] = {}  # r -> {i} for r, c = i, j
        for stmt in self.nodes:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                for name in _targets(stmt.targets[0]):
                    value = _bound_value(stmt, name)
                    if isinstance(value, ast.Name) and value.id != name:
                        self.aliases.setdefault(name, set()).add(value.id)

    # the names of the pad, the stride, the arrays and their dimensions
    def _read_bindings(self, params: list[str]) -> None:
        for name in params:
            if name.lower() in ("pad", "padding", "p"):
                self.pad_names.add(name)
            if name.lower() in ("stride", "s"):
                self.stride_names.add(name)
        for _ in range(2):  # twice: a name may be bound from one bound later in the source
            for stmt in self.nodes:
                if isinstance(stmt, ast.Assign):
                    for target in stmt.targets:
                        self._bind(target, stmt.value)
                elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
                    if self.dims.get(stmt.target.id) in ("H", "W") and self._mentions_pad(
                        stmt.value
                    ):
                        self.padded_dims.add(stmt.target.id)

    def _bind(self, target: ast.AST, value: ast.AST) -> None:
        if isinstance(target, ast.Tuple | ast.List) and isinstance(value, ast.Tuple | ast.List):
            if len(target.elts) == len(value.elts):
                for t, v in zip(target.elts, value.elts):
                    self._bind(t, v)
            return
        if isinstance(target, ast.Tuple | ast.List):
            if isinstance(value, ast.Attribute) and value.attr == "shape":
                self._bind_shape(target.elts, _base(value.value))
            elif isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice):
                shape, part = value.value, value.slice  # H, W = x.shape[2:]
                start = _int(part.lower) if part.lower is not None else 0
                if isinstance(shape, ast.Attribute) and shape.attr == "shape":
                    if start is not None and part.upper is None and part.step is None:
                        self._bind_shape(target.elts, _base(shape.value), start)
            return
        if not isinstance(target, ast.Name):
            return
        name = target.id
        key = self._param_key(value)
        if key == "pad":
            self.pad_names.add(name)
        elif key == "stride":
            self.stride_names.add(name)
        dim = self._dim_of(value)
        if dim is not None:
            self.dims.setdefault(name, dim)
        elif isinstance(value, ast.BinOp):
            roles = {self.dims.get(n) for n in _names(value)} - {None}
            if roles & {"H", "W"} and roles & {"HH", "WW"}:
                self.sizes.add(name)
            if len(roles) == 1 and roles <= {"H", "W"}:
                self.dims.setdefault(name, roles.pop())  # type: ignore[arg-type]
                if self._mentions_pad(value):
                    self.padded_dims.add(name)
        family = self._family_of(value)
        if family is not None:
            self.family.setdefault(name, family)
            if _call_name(value) == "pad" or "pad" in name.lower():
                self.padded.add(name)

    def _param_key(self, value: ast.AST) -> str | None:
        """``conv_param['pad']`` / ``conv_param.get('pad', 0)`` -> "pad"."""
        if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant):
            key = value.slice.value
        elif _call_name(value) == "get" and value.args:  # type: ignore[attr-defined]
            arg = value.args[0]  # type: ignore[attr-defined]
            key = arg.value if isinstance(arg, ast.Constant) else None
        else:
            return None
        return key if key in ("pad", "stride") else None

    def _shape_roles(self, family: str, ndim: int) -> list[str | None]:
        if family == "w":
            return [None, None, "HH", "WW"] if ndim == 4 else []
        if family == "x":
            if ndim == 4:
                return ["N", None, "H", "W"]
            return [None, "H", "W"] if ndim == 3 else []
        if family == "g":
            if ndim == 4:
                return [None, None, "OH", "OW"]
            return [None, "OH", "OW"] if ndim == 3 else []
        return []

    def _ndim(self, family: str) -> int:
        return 3 if self.course == "exercise" and family in ("x", "g") else 4

    def _bind_shape(self, elts: list[ast.expr], array: str | None, start: int = 0) -> None:
        family = self.family.get(array or "")
        if family is None:
            return
        starred = [i for i, e in enumerate(elts) if isinstance(e, ast.Starred)]
        roles = self._shape_roles(family, self._ndim(family))[start:]
        ndim = len(roles)
        if starred:  # *_, kh, kw = W.shape: count from the end
            roles = roles[len(roles) - (len(elts) - starred[0] - 1) :]
            elts = elts[starred[0] + 1 :]
        elif len(elts) != ndim:
            return
        for elt, role in zip(elts, roles):
            if isinstance(elt, ast.Name) and role is not None:
                side = _side(elt.id)
                if side is not None and side != ("w" if role in ("W", "WW", "OW") else "h"):
                    self.swapped.add(elt)
                self.dims.setdefault(elt.id, role)
                if array in self.padded and role in ("H", "W"):
                    self.padded_dims.add(elt.id)

    def _dim_of(self, node: ast.AST) -> str | None:
        """The role of ``x.shape[2]``, ``W.shape[-1]``, ``np.shape(W)[3]`` or a named dim."""
        if isinstance(node, ast.Name):
            return self.dims.get(node.id)
        if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)):
            return None
        if node.value.attr != "shape":
            return None
        index = _int(node.slice)
        family = self.family.get(_base(node.value.value) or "")
        if index is None or family is None:
            return None
        roles = self._shape_roles(family, self._ndim(family))
        if not roles or not -len(roles) <= index < len(roles):
            return None
        return roles[index]

    def _family_of(self, value: ast.AST) -> str | None:
        """ "x" or "w" when the value is built from one of them and not the other."""
        if isinstance(value, ast.Call) and _call_name(value) in ("zeros", "zeros_like", "empty"):
            return None
        families = {self.family.get(n) for n in _names(value)} - {None, "g"}
        return families.pop() if len(families) == 1 else None

    def _mentions_pad(self, node: ast.AST) -> bool:
        return bool(_names(node) & self.pad_names) or any(
            self._param_key(n) == "pad" for n in ast.walk(node)
        )

    # where a node sits
    def ancestors(self, node: ast.AST) -> Iterator[ast.AST]:
        while node in self.parent:
            node = self.parent[node]
            yield node

    def loops(self, node: ast.AST) -> list[ast.For]:
        return [a for a in self.ancestors(node) if isinstance(a, ast.For)]

    def guarded(self, node: ast.AST, names: set[str]) -> bool:
        """Whether an ``if`` on one of ``names`` keeps the node from running when it is 0: the
        node in the branch that excludes 0, or after an ``if`` that returns when it is 0. A test
        this cannot read (``if pad in ok:``) counts as a guard: no claim without evidence."""
        child = node
        for a in self.ancestors(node):
            if isinstance(a, ast.If | ast.IfExp | ast.While) and _names(a.test) & names:
                branch = "body" if _in_branch(a, child, "body") else "orelse"
                if _excludes_zero(a.test, names) in (branch, None):
                    return True
            child = a
        line = getattr(node, "lineno", 0)
        for stmt in self.returning_ifs:
            if stmt.lineno < line and _names(stmt.test) & names:
                if _excludes_zero(stmt.test, names) in ("orelse", None):
                    return True
        return False


def _in_branch(node: ast.If | ast.IfExp | ast.While, child: ast.AST, branch: str) -> bool:
    part = getattr(node, branch)
    return child is part or (isinstance(part, list) and child in part)


def _excludes_zero(test: ast.AST, names: set[str]) -> str | None:
    """Which branch of ``if test:`` never runs with the pad at 0: "body" when the test is false
    at 0 (``pad > 0``, ``pad != 0``, ``pad``), "orelse" when it is true at 0 (``pad == 0``,
    ``not pad``, and ``pad >= 0``, which guards nothing); None when this reading cannot tell."""
    if isinstance(test, ast.Name) and test.id in names:
        return "body"
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _excludes_zero(test.operand, names)
        return {"body": "orelse", "orelse": "body"}.get(inner or "")
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        parts = [_excludes_zero(v, names) for v in test.values]
        return "body" if "body" in parts else None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(right, ast.Name) and right.id in names:  # 0 < pad: read as pad > 0
        flip = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}
        left, right, op = right, left, flip.get(type(op), type(op))()
    c = _int(right)
    if not (isinstance(left, ast.Name) and left.id in names) or c is None:
        return None
    at_zero = {
        ast.Gt: 0 > c,
        ast.GtE: 0 >= c,
        ast.Lt: 0 < c,
        ast.LtE: 0 <= c,
        ast.Eq: c == 0,
        ast.NotEq: c != 0,
    }.get(type(op))
    if at_zero is None:
        return None
    return "orelse" if at_zero else "body"


# --- the reading -----------------------------------------------------------------------------


def _read(tree: ast.Module, lines: list[str], course: str) -> list[Finding]:
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    entries = [functions[name] for name in ENTRIES.get(course, ()) if name in functions]
    if not entries:
        return []
    cache_names: list[str] = []
    backward = functions.get("conv_backward_naive")
    if course == "cs231n" and backward is not None:
        cache_names = _cache_unpack(backward)

    reading = _Reading(lines, course)
    if course == "exercise":
        reading.argument_order(entries[0])
    seen = {f.name for f in entries}
    todo = [(f, _entry_role(f.name, course)) for f in entries]
    while todo:
        node, role = todo.pop(0)
        fn = _Function(node, course, role, cache_names)
        reading.read(fn)
        for call in ast.walk(node):
            name = _call_name(call) if isinstance(call, ast.Call) else ""
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
                if name in functions and name not in seen:
                    seen.add(name)
                    todo.append((functions[name], "helper"))
    if course == "cs231n" and "conv_forward_naive" in functions and backward is not None:
        reading.cache(functions["conv_forward_naive"], backward, cache_names)
    unique = {(f.bug, f.line): f for f in reading.findings}
    return sorted(unique.values(), key=lambda f: (f.line, f.bug))


# What learners call the exercise's three arrays (case ignored): the upstream gradient, the
# input, the kernel. A parameter named otherwise says nothing of its order.
ARGUMENT_NAMES = {
    "g": {"grad_out", "grad_output", "gradout", "dout", "d_out", "dy", "dz", "g", "grad", "gy",
          "grad_y", "dl_dy", "dldy", "dl_dout", "upstream", "delta", "dout_grad"},
    "x": {"x", "inp", "input", "inputs", "img", "image", "a_prev", "x_in", "xin"},
    "w": {"w", "kernel", "kernels", "weight", "weights", "filter", "filters", "k"},
}  # fmt: skip


def _named_roles(params: list[str]) -> list[str] | None:
    """The roles (``"g"``, ``"x"``, ``"w"``) of the first three parameters when their names
    say which of the exercise's three arrays each is, in any order; else None."""
    roles = []
    for name in params[:3]:
        low = name.lower()
        roles += [role for role, names in ARGUMENT_NAMES.items() if low in names][:1]
    return roles if sorted(roles) == ["g", "w", "x"] else None


def _padded_array(fn: _Function, node: ast.AST) -> str | None:
    """The name of the array ``node`` is, when one width pads axes it must not: cs231n's 4-D x,
    dout or dx, or one of their images (``x[n]``: still padded on its channels); the exercise's
    3-D x or grad_out. None otherwise (a plane, ``x[n, c]`` or the exercise's ``x[c]``, is
    padded rightly by one width)."""
    if fn.course == "exercise":
        if isinstance(node, ast.Name) and fn.family.get(node.id) in ("x", "g"):
            return node.id
        return None
    if isinstance(node, ast.Subscript):
        index = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if len(index) != 1 or isinstance(index[0], ast.Slice):
            return None
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    if fn.family.get(node.id) in ("x", "g") or node.id.lower().startswith("dx"):
        return node.id
    return None


def _scalars(fn: _Function) -> set[str]:
    """The names that hold one number: the pad, the dimensions, and names bound to arithmetic
    (``p = kH - 1``) or to an integer."""
    found = set(fn.pad_names) | set(fn.dims)
    for stmt in fn.nodes:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
            if isinstance(target, ast.Name) and (isinstance(value, ast.BinOp) or _int(value)):
                found.add(target.id)
    return found


def _one_width(width: ast.AST, scalars: set[str]) -> bool:
    """Whether ``np.pad``'s width is one width for every axis: ``pad``, ``1``, ``kH - 1``,
    ``(pad, pad)``."""

    def scalar(n: ast.AST) -> bool:
        if isinstance(n, ast.Name):
            return n.id in scalars
        if isinstance(n, ast.BinOp):
            parts = (n.left, n.right)
            return all(isinstance(e, ast.Name | ast.Constant | ast.BinOp) for e in parts)
        return (_int(n) or 0) >= 1

    if isinstance(width, ast.Tuple | ast.List):
        return len(width.elts) == 2 and all(scalar(e) for e in width.elts)
    return scalar(width)


def _entry_role(name: str, course: str) -> str:
    if course == "exercise":
        return "entry"
    return "forward" if name == "conv_forward_naive" else "backward"


def _cache_unpack(backward: ast.FunctionDef) -> list[str]:
    """The names of ``x, w, b, conv_param = cache`` in the backward pass."""
    params = [a.arg for a in backward.args.args]
    cache = params[1] if len(params) > 1 else "cache"
    for stmt in ast.walk(backward):
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Name):
            if stmt.value.id == cache and isinstance(stmt.targets[0], ast.Tuple | ast.List):
                return [e.id if isinstance(e, ast.Name) else "" for e in stmt.targets[0].elts]
    return []


class _Reading:
    def __init__(self, lines: list[str], course: str):
        self.lines, self.course = lines, course
        self.findings: list[Finding] = []

    def msg(self, which: str, /, **fields: object) -> str:
        """The message ``which``, in the course's own names (``dout`` or ``grad_out``, ...)."""
        names = COURSE_NAMES.get(self.course, CS231N_NAMES)
        return MESSAGES[which].format(**{**names, **fields})

    def hardcoded(self, n: int) -> str:
        key = "hardcoded_pad" if self.course == "cs231n" else "hardcoded_pad_exercise"
        return self.msg(key, n=n)

    def argument_order(self, entry: ast.FunctionDef) -> None:
        """``arguments_swapped``: the entry's first three parameters are named as the
        exercise's three arrays (:data:`ARGUMENT_NAMES`), in another order."""
        params = [a.arg for a in entry.args.args[:3]]
        roles = _named_roles(params)
        if roles is not None and roles != ["g", "x", "w"]:
            got = ", ".join(params)
            self.add("arguments_swapped", entry, self.msg("arguments_swapped", got=got))

    def add(self, bug: str, node: ast.AST, message: str) -> None:
        line = getattr(node, "lineno", 0)
        code = self.lines[line - 1].strip()[:120] if 0 < line <= len(self.lines) else ""
        self.findings.append(Finding(bug, line, code, message))

    def read(self, fn: _Function) -> None:
        self.slices(fn)
        self.pads(fn)
        self.sizes(fn)
        self.loops(fn)
        self.reshapes(fn)
        self.gradients(fn)
        self.shapes(fn)
        self.params(fn)
        self.python2(fn)
        if fn.role != "helper":
            self.unfinished(fn)

    def python2(self, fn: _Function) -> None:
        """Notes on names that Python 3 or NumPy 2 removed: the file fails before any bug."""
        for node in fn.nodes:
            if isinstance(node, ast.Name) and node.id == "xrange":
                self.add(NOTE, node, self.msg("xrange"))
            elif isinstance(node, ast.Attribute) and node.attr == "pad":
                inner = node.value
                if isinstance(inner, ast.Attribute) and inner.attr == "lib":
                    self.add(NOTE, node, self.msg("np_lib_pad"))

    # slices: crops and windows
    def slices(self, fn: _Function) -> None:
        for sub in fn.nodes:
            if not isinstance(sub, ast.Subscript):
                continue
            if isinstance(sub.value, ast.Attribute) and sub.value.attr == "shape":
                continue
            parts = sub.slice.elts if isinstance(sub.slice, ast.Tuple) else [sub.slice]
            for part in parts:
                if isinstance(part, ast.Slice):
                    self.crop(fn, sub, part)
            windows = [p for p in parts if isinstance(p, ast.Slice)]
            self.window(fn, sub, windows[-2:])

    def crop(self, fn: _Function, sub: ast.Subscript, part: ast.Slice) -> None:
        lower, upper = part.lower, part.upper
        if lower is not None and isinstance(upper, ast.UnaryOp) and isinstance(upper.op, ast.USub):
            n = _int(lower)
            if n is not None and n >= 1 and _int(upper) == -n:
                self.add("hardcoded_pad", part, self.hardcoded(n))
            elif n is None and _same(lower, upper.operand):
                if not fn.guarded(part, _names(lower)):
                    a = ast.unparse(lower)
                    self.add("crop_negative_pad", part, self.msg("crop_negative_pad", a=a))
            return
        n = _int(lower)
        if n is not None and n >= 1 and isinstance(upper, ast.BinOp):
            if isinstance(upper.op, ast.Add) and _int(upper.right) == n:
                if fn.dims.get(_base(upper.left) or "") in ("H", "W"):
                    self.add("hardcoded_pad", part, self.hardcoded(n))
            return
        base = _base(sub.value) or ""
        if self.course != "cs231n" or _grad_kind(fn, base) != "dx" or not fn.pad_names:
            return
        if part.step is not None or fn.guarded(part, fn.pad_names):
            return
        if lower is None and upper is not None and fn.dims.get(_base(upper) or "") in ("H", "W"):
            if (_base(upper) or "") not in fn.padded_dims:
                self.add("crop_end_only", part, self.msg("crop_end_only"))
        elif upper is None and lower is not None and _names(lower) & fn.pad_names:
            self.add("crop_start_only", part, self.msg("crop_start_only"))

    def window(self, fn: _Function, sub: ast.Subscript, pair: list[ast.Slice]) -> None:
        """``a[..., i:i + HH, j:j + WW]``: a square window, or one that ignores the stride."""
        extents = []
        for part in pair:
            up = part.upper
            if (
                part.lower is None
                or not isinstance(up, ast.BinOp)
                or not isinstance(up.op, ast.Add)
            ):
                return
            if _same(up.left, part.lower):
                extents.append(up.right)
            elif _same(up.right, part.lower):
                extents.append(up.left)
            else:
                return
        if len(extents) != 2:
            return
        kinds = [fn.dims.get(e.id) if isinstance(e, ast.Name) else None for e in extents]
        if kinds[0] in ("HH", "WW") and _same(extents[0], extents[1]):
            k = ast.unparse(extents[0])
            self.add("hw_swapped", pair[0], self.msg("hw_swapped_window", k=k))
        elif kinds == ["WW", "HH"]:
            self.add("hw_swapped", pair[0], self.msg("hw_swapped_kernel"))
        if self.course != "cs231n" or not fn.stride_names:
            return
        if not all(k in ("HH", "WW") for k in kinds):
            return
        base = _base(sub) or ""
        if _value_family(fn, base) != "x" and _grad_kind(fn, base) != "dx":
            return  # a window of the input or of its gradient, not of dout
        for part in pair:
            if isinstance(part.lower, ast.Name) and _bare_loop_var(fn, part.lower.id, sub):
                msg = self.msg("stride_ignored", v=part.lower.id)
                self.add("stride_ignored", part, msg)
                return

    # np.pad with literal widths
    def pads(self, fn: _Function) -> None:
        scalars: set[str] | None = None  # read once, at the first np.pad
        for call in fn.nodes:
            if not (isinstance(call, ast.Call) and _call_name(call) == "pad"):
                continue
            width = call.args[1] if len(call.args) > 1 else None
            for kw in call.keywords:
                if kw.arg == "pad_width":
                    width = kw.value
            if fn.role != "helper" and call.args and width:
                array = _padded_array(fn, call.args[0])
                scalars = _scalars(fn) if scalars is None else scalars
                if array and _one_width(width, scalars):
                    text = ast.unparse(width)
                    key = "pads_every_axis" + ("" if self.course == "cs231n" else "_exercise")
                    self.add("pads_every_axis", call, self.msg(key, a=array, w=text))
            if width is None or _names(width):
                continue
            values = [_int(n) for n in ast.walk(width)]
            literal = [v for v in values if v is not None and v >= 1]
            if literal:
                self.add("hardcoded_pad", call, self.hardcoded(literal[0]))

    # output sizes
    def sizes(self, fn: _Function) -> None:
        for stmt in fn.nodes:
            if not isinstance(stmt, ast.Assign):
                continue
            pairs: list[tuple[ast.AST, ast.AST]] = []
            for target in stmt.targets:
                if isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple):
                    pairs += zip(target.elts, stmt.value.elts)
                else:
                    pairs.append((target, stmt.value))
            for left, right in pairs:
                if isinstance(left, ast.Name) and self._is_size(fn, right):
                    self.size(fn, left.id, right)
        for call in fn.nodes:
            if isinstance(call, ast.Call) and _call_name(call) in RANGE:
                for arg in call.args:
                    self.division(fn, arg, None)
                if fn.role != "helper" or fn.dims:
                    self.unpadded(fn, call)
                self.short_range(fn, call)

    def _is_size(self, fn: _Function, value: ast.AST) -> bool:
        if any(isinstance(n, ast.Subscript) for n in ast.walk(value)):
            if not any(fn._dim_of(n) for n in ast.walk(value) if isinstance(n, ast.Subscript)):
                return False
        roles = {fn._dim_of(n) for n in ast.walk(value)}
        has_sub = any(
            isinstance(n, ast.BinOp) and isinstance(n.op, ast.Sub) for n in ast.walk(value)
        )
        return has_sub and bool(roles & {"HH", "WW"}) and bool(roles & {"H", "W"})

    def size(self, fn: _Function, name: str, value: ast.AST) -> None:
        if not _used(fn, name):  # a size computed and never used cannot be wrong
            return
        self.division(fn, value, name)
        roles = {r for r in (fn._dim_of(n) for n in ast.walk(value)) if r}
        side = _side(name)
        inputs, kernels = roles & {"H", "W"}, roles & {"HH", "WW"}
        if len(inputs) == 1 and len(kernels) == 1:
            wrong = None
            if side == "w" and inputs | kernels != {"W", "WW"}:
                wrong = "the height" if "H" in inputs or "HH" in kernels else None
            elif side == "h" and inputs | kernels != {"H", "HH"}:
                wrong = "the width" if "W" in inputs or "WW" in kernels else None
            elif side is None and inputs | kernels in ({"H", "WW"}, {"W", "HH"}):
                wrong = "a mix of the height and the width"
            if wrong is not None:
                full = "width" if side == "w" else "height"
                names = COURSE_NAMES.get(self.course, CS231N_NAMES)
                inp, ker = ("W", names["WW"]) if side == "w" else ("H", names["HH"])
                formula = names["size"].format(inp=inp, ker=ker)
                off = {"w": ("H", "HH"), "h": ("W", "WW")}.get(side or "", ("H", "W", "HH", "WW"))
                used = ", ".join(
                    sorted(
                        {
                            ast.unparse(n)
                            for n in ast.walk(value)
                            if isinstance(n, ast.Name | ast.Subscript) and fn._dim_of(n) in off
                        }
                    )
                )
                msg = self.msg(
                    "out_size_wrong_dim", side=full, used=f"{wrong} ({used})", formula=formula
                )
                self.add("out_size_wrong_dim", value, msg)
        self.unpadded(fn, value)

    def division(self, fn: _Function, value: ast.AST, name: str | None) -> None:
        for div in ast.walk(value):
            if not (isinstance(div, ast.BinOp) and isinstance(div.op, ast.Div)):
                continue
            wrapper = ""
            node: ast.AST = div
            while node is not value and node in fn.parent:
                node = fn.parent[node]
                if isinstance(node, ast.Call):
                    wrapper = _call_name(node)
                    break
            if wrapper in ("int", "round", "floor", "ceil", "trunc"):
                # np.floor, np.ceil, np.round give a float64; int, round, math.floor an int
                func = node.func if isinstance(node, ast.Call) else None
                float_result = isinstance(func, ast.Attribute) and _base(func) in ("np", "numpy")
                if wrapper in ("int", "round") or not float_result:
                    msg = self.msg("round_note", fn=wrapper)
                    self.add(NOTE, div, msg)
                    return
            if name is not None and _converted_later(fn, name):
                return
            self.add("round_out_size", div, self.msg("round_float"))
            return

    def unpadded(self, fn: _Function, node: ast.AST) -> None:
        """A size or a loop bound from the unpadded input, in a cs231n function that pads."""
        if self.course != "cs231n" or not fn.pad_names or fn._mentions_pad(node):
            return
        for sub in ast.walk(node):
            if isinstance(sub, ast.BinOp) and isinstance(sub.op, ast.Sub):
                left = {fn._dim_of(n) for n in ast.walk(sub.left)} - {None}
                right = fn._dim_of(sub.right)
                names = _names(sub.left)
                if left and left <= {"H", "W"} and right in ("HH", "WW"):
                    if names & (fn.padded_dims | fn.padded) or not _pads(fn):
                        continue  # a padded size, or a padded array's shape: right
                    if any("pad" in n.lower() or n in ("xp", "xpad") for n in names):
                        continue
                    self.add("loop_unpadded", sub, self.msg("loop_unpadded"))
                    return

    def short_range(self, fn: _Function, call: ast.Call) -> None:
        if len(call.args) != 1:
            return
        arg = call.args[0]
        if isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Sub):
            if fn._dim_of(arg.right) in ("HH", "WW") and fn._dim_of(arg.left) in ("H", "W"):
                e = ast.unparse(arg)
                self.add("skip_last", call, self.msg("skip_last", e=e))

    # loops
    def loops(self, fn: _Function) -> None:
        for outer in fn.nodes:
            if not isinstance(outer, ast.For):
                continue
            self.window_loop(fn, outer)
            for inner in outer.body:
                if isinstance(inner, ast.For) and _range_arg(outer) is not None:
                    bound = _range_arg(outer)
                    other = _range_arg(inner)
                    if bound is None or other is None or not _same(bound, other):
                        continue
                    if _is_spatial(fn, bound):
                        msg = self.msg("hw_swapped_loops", bound=ast.unparse(bound))
                        self.add("hw_swapped", inner, msg)

    def window_loop(self, fn: _Function, loop: ast.For) -> None:
        """``for r in range(0, H, stride)`` sliding ``x_pad[..., r:r + HH, ...]``: window starts
        bounded by the unpadded height, in code that pads."""
        if self.course != "cs231n" or not fn.pad_names or not _pads(fn):
            return
        it = loop.iter
        if not (isinstance(it, ast.Call) and _call_name(it) in RANGE and it.args):
            return
        stop = it.args[0] if len(it.args) == 1 else it.args[1]
        if not isinstance(stop, ast.Name) or fn.dims.get(stop.id) not in ("H", "W"):
            return
        if stop.id in fn.padded_dims or not isinstance(loop.target, ast.Name):
            return
        var = loop.target.id
        for sub in ast.walk(loop):
            if not isinstance(sub, ast.Subscript) or _value_family(fn, _base(sub) or "") != "x":
                continue  # only windows of the input: a gather over dout is bounded by H rightly
            for part in ast.walk(sub.slice):
                if isinstance(part, ast.Slice) and isinstance(part.lower, ast.Name):
                    up = part.upper
                    if part.lower.id == var and isinstance(up, ast.BinOp):
                        kernel = {fn._dim_of(up.right), fn._dim_of(up.left)} & {"HH", "WW"}
                        if kernel:
                            self.add("loop_unpadded", loop, self.msg("loop_unpadded"))
                            return

    def reshapes(self, fn: _Function) -> None:
        for call in fn.nodes:
            if not (isinstance(call, ast.Call) and _call_name(call) == "reshape"):
                continue
            args = (
                call.args[1:]
                if isinstance(call.func, ast.Attribute)
                and (_base(call.func.value) in ("np", "numpy"))
                else call.args
            )
            if any(v >= 2 for a in args for v in _literal_ints(a)):
                self.add("fixed_reshape", call, self.msg("fixed_reshape"))

    # gradients: =, the wrong factor, a division by N
    def gradients(self, fn: _Function) -> None:
        for stmt in fn.nodes:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(target, ast.Subscript):
                    self.overwrite(fn, stmt, target)
                elif isinstance(target, ast.Name):
                    self.mean(fn, stmt, target.id, stmt.value)
            elif isinstance(stmt, ast.AugAssign):
                self.factor(fn, stmt)
                if isinstance(stmt.target, ast.Name) and isinstance(stmt.op, ast.Div):
                    kind = _grad_kind(fn, stmt.target.id)
                    if kind in ("dw", "db") and _is_batch(fn, stmt.value):
                        self.add(f"{kind}_mean_batch", stmt, self.msg(f"{kind}_mean_batch"))

    def overwrite(self, fn: _Function, stmt: ast.Assign, target: ast.Subscript) -> None:
        base = _base(target) or ""
        kind = _grad_kind(fn, base)
        loops = fn.loops(stmt)
        if kind is None or not loops or base in _names(stmt.value):
            return
        deps = _loop_dependencies(fn, loops)
        index_deps = _depends(target.slice, deps)
        value_deps = _depends(stmt.value, deps)
        if value_deps - index_deps:
            self.add(f"{kind}_overwrite", stmt, self.msg(f"{kind}_overwrite"))

    def factor(self, fn: _Function, stmt: ast.AugAssign) -> None:
        kind = _grad_kind(fn, _base(stmt.target) or "")
        if kind not in ("dx", "dw") or not isinstance(stmt.op, ast.Add):
            return
        families = {_value_family(fn, n) for n in _names(stmt.value)} - {None}
        if kind == "dx" and families == {"x"}:
            self.add("dx_uses_x", stmt, self.msg("dx_uses_x"))
        elif kind == "dw" and families == {"w"}:
            self.add("dw_uses_w", stmt, self.msg("dw_uses_w"))
        window = isinstance(stmt.target, ast.Subscript) and any(
            isinstance(p, ast.Slice) and p.lower is not None and p.upper is not None
            for p in ast.walk(stmt.target.slice)
        )  # a scatter into a window; a gather dx[c, p, q] += ... may flip rightly
        if kind == "dx" and window and fn.loops(stmt):
            for sub in ast.walk(stmt.value):
                flips = isinstance(sub, ast.Subscript) and any(
                    isinstance(p, ast.Slice) and _int(p.step) == -1 for p in ast.walk(sub.slice)
                )
                flips = flips or _call_name(sub) in ("flip", "fliplr", "flipud", "rot90")
                if flips and _value_family(fn, _base(sub) or "") == "w":
                    self.add("dx_flipped_kernel", stmt, self.msg("dx_flipped_kernel"))
                    return
                if flips and isinstance(sub, ast.Call) and sub.args:
                    if _value_family(fn, _base(sub.args[0]) or "") == "w":
                        self.add("dx_flipped_kernel", stmt, self.msg("dx_flipped_kernel"))
                        return

    def mean(self, fn: _Function, stmt: ast.Assign, name: str, value: ast.AST) -> None:
        kind = _grad_kind(fn, name)
        if kind == "db" and _call_name(value) == "mean":
            self.add("db_mean_batch", stmt, self.msg("db_mean_batch"))
        if kind in ("dw", "db") and isinstance(value, ast.BinOp) and isinstance(value.op, ast.Div):
            if _names(value.left) == {name} and _is_batch(fn, value.right):
                self.add(f"{kind}_mean_batch", stmt, self.msg(f"{kind}_mean_batch"))

    def returned(self, fn: _Function, returns: list[ast.Return]) -> None:
        """``return dx, dw / N, db / N``, ``return dw, dx``, ``return dx_pad, ...`` (uncropped),
        and a returned dx created anew inside the loops."""
        names = set()
        for ret in returns:
            values = ret.value.elts if isinstance(ret.value, ast.Tuple) else [ret.value]
            if fn.role in ("entry", "backward") and len(values) in (2, 3):
                kinds = [_grad_kind(fn, _base(v) or "") or "" if v else "" for v in values]
                expected = ["dx", "dw", "db"][: len(values)]
                if sorted(kinds) == sorted(expected) and kinds != expected:
                    self.add("swapped_outputs", ret, self.msg("swapped_outputs"))
                first = values[0]
                if fn.role == "backward" and isinstance(first, ast.Name):
                    if _padded_dx(fn, first.id) and not fn.guarded(ret, fn.pad_names):
                        self.add("dx_not_cropped", ret, self.msg("dx_not_cropped"))
            for value in values:
                if isinstance(value, ast.Name):
                    names.add(value.id)
                if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Div):
                    kind = _grad_kind(fn, _base(value.left) or "")
                    if kind in ("dw", "db") and _is_batch(fn, value.right):
                        self.add(f"{kind}_mean_batch", ret, self.msg(f"{kind}_mean_batch"))
        for stmt in fn.nodes:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if not (isinstance(target, ast.Name) and target.id in names):
                    continue
                if _grad_kind(fn, target.id) != "dx" or not fn.loops(stmt):
                    continue
                if _call_name(stmt.value) in ("zeros", "zeros_like", "empty", "empty_like"):
                    self.add("dx_reset", stmt, self.msg("dx_reset"))

    def params(self, fn: _Function) -> None:
        """``pad = conv_param['stride']``: the other key read."""
        for stmt in fn.nodes:
            if not isinstance(stmt, ast.Assign):
                continue
            pairs: list[tuple[ast.AST, ast.AST]] = []
            for target in stmt.targets:
                if isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple):
                    pairs += zip(target.elts, stmt.value.elts)
                else:
                    pairs.append((target, stmt.value))
            for left, right in pairs:
                if not isinstance(left, ast.Name):
                    continue
                low, key = left.id.lower(), fn._param_key(right)
                says = "pad" if low in ("p", "pd") or low.startswith("pad") else None
                says = "stride" if low == "s" or low.startswith("stride") else says
                if key is not None and says is not None and key != says:
                    msg = self.msg("param_key_swapped", name=left.id, key=key, says=says)
                    self.add("param_key_swapped", stmt, msg)

    def shapes(self, fn: _Function) -> None:
        """``np.zeros((N, C, H, H))`` and ``W_out = H_out``: a square input assumed; a shape
        unpacked or built with the height and the width swapped."""
        for elt in fn.swapped:
            self.add("hw_swapped", elt, self.msg("hw_swapped_order"))
        for node in fn.nodes:
            if isinstance(node, ast.Call) and _call_name(node) in ("zeros", "empty", "ones"):
                shape = node.args[0] if node.args else None
                if isinstance(shape, ast.Tuple | ast.List) and len(shape.elts) >= 3:
                    a, b = shape.elts[-2:]
                    if _same(a, b) and _is_spatial_expr(fn, a):
                        msg = self.msg("hw_swapped_shape", e=ast.unparse(a))
                        self.add("hw_swapped", node, msg)
                    sides = [_side(e.id) if isinstance(e, ast.Name) else None for e in (a, b)]
                    if sides == ["w", "h"] and _is_spatial_expr(fn, a) and _is_spatial_expr(fn, b):
                        self.add("hw_swapped", node, self.msg("hw_swapped_order"))
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
                if isinstance(target, ast.Name) and isinstance(value, ast.Name):
                    if value.id in fn.sizes and {_side(target.id), _side(value.id)} == {"h", "w"}:
                        msg = self.msg("hw_swapped_shape", e=value.id)
                        self.add("hw_swapped", node, msg)

    # unfinished work: None, or the zeros it started from
    def unfinished(self, fn: _Function) -> None:
        body = [s for s in fn.node.body if not _is_docstring(s)]
        returns = [
            s for s in fn.nodes if isinstance(s, ast.Return) and _enclosing_def(fn, s) is fn.node
        ]
        self.returned(fn, returns)
        if not returns:
            last = body[-1] if body else fn.node
            self.add("not_implemented", last, self.msg("not_implemented", what="None"))
            return
        for ret in returns:
            values = ret.value.elts if isinstance(ret.value, ast.Tuple) else [ret.value]
            for value in values:
                what = _never_computed(fn, value, ret)
                if what is not None:
                    msg = self.msg("not_implemented", what=what)
                    self.add("not_implemented", ret, msg)
                    for stub in (s for s in body if isinstance(s, ast.Pass)):
                        self.add("not_implemented", stub, msg)  # the template's placeholder
                    break

    # the cache between the two passes
    def cache(self, forward: ast.FunctionDef, backward: ast.FunctionDef, names: list[str]) -> None:
        entries = _cache_entries(forward)
        if entries is None:
            return
        stmt, elts = entries
        params = [a.arg for a in forward.args.args]
        for i, elt in enumerate(elts):
            if i >= len(names) or i > 1:
                break
            where: ast.AST | None = None
            if _scrambles(elt):
                where = stmt
            elif isinstance(elt, ast.Name):
                for s in ast.walk(forward):
                    if isinstance(s, ast.Assign) and elt.id in _names(s.targets[0]):
                        if s.lineno < stmt.lineno and _scrambles(s.value):
                            rebound = elt.id in params[:2]
                            where = s if rebound else stmt
            if where is not None and _unpacked_4d(backward, names[i]):
                self.add("cache_scrambled", where, self.msg("cache_scrambled"))


# --- small readings used above ---------------------------------------------------------------


def _padded_dx(fn: _Function, name: str, depth: int = 0) -> bool:
    """Whether ``name`` is only ever the padded gradient: created like the padded input (or
    named so) and never cropped; ``dx = dxp`` follows the alias."""
    if _grad_kind(fn, name) != "dx" or depth > 3:
        return False
    binds = [
        s
        for s in fn.nodes
        if isinstance(s, ast.Assign) and any(name in _targets(t) for t in s.targets)
    ]
    if not binds:
        return False
    for stmt in binds:
        value = _bound_value(stmt, name)
        if isinstance(value, ast.Name) and len(binds) == 1:
            return _padded_dx(fn, value.id, depth + 1)
        if value is None or _call_name(value) not in ZEROS + ("empty", "empty_like", "pad"):
            return False  # a crop, or a computation this reading does not follow
        grown = any(  # a size grown by the pad: H + 2 * pad
            isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add) and fn._mentions_pad(n)
            for n in ast.walk(value)
        )
        low = name.lower()
        named = "pad" in low and not any(w in low for w in ("nopad", "unpad", "no_pad"))
        if not (_names(value) & fn.padded or grown or _call_name(value) == "pad" or named):
            return False
    filled = any(  # dx[...] = a crop of another array
        isinstance(n, ast.Assign)
        and any(isinstance(t, ast.Subscript) and _base(t) == name for t in n.targets)
        for n in fn.nodes
    )
    return not filled


def _enclosing_def(fn: _Function, node: ast.AST) -> ast.AST | None:
    for a in fn.ancestors(node):
        if isinstance(a, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            return a
    return None


def _used(fn: _Function, name: str) -> bool:
    return any(
        isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) for n in fn.nodes
    )


def _literal_ints(node: ast.AST) -> list[int]:
    """The int literals of an expression, leaving out subscripts' indices (``w.shape[3]``)."""
    value = _int(node)
    if value is not None:
        return [value]
    if isinstance(node, ast.Subscript):
        return _literal_ints(node.value)
    return [v for child in ast.iter_child_nodes(node) for v in _literal_ints(child)]


def _pads(fn: _Function) -> bool:
    return fn.calls_pad or bool(fn.padded)


def _range_arg(loop: ast.For) -> ast.AST | None:
    it = loop.iter
    if _call_name(it) == "enumerate" and it.args:  # type: ignore[attr-defined]
        it = it.args[0]  # type: ignore[attr-defined]
    if isinstance(it, ast.Call) and _call_name(it) in RANGE and len(it.args) == 1:
        return it.args[0]
    return None


def _is_spatial(fn: _Function, bound: ast.AST) -> bool:
    if fn._dim_of(bound) in ("H", "W", "OH", "OW", "HH", "WW"):
        return True
    if isinstance(bound, ast.Name):
        if bound.id in fn.sizes:
            return True
        side = _side(bound.id)
        return side is not None and bound.id not in ("N", "F", "C")
    return False


def _bare_loop_var(fn: _Function, name: str, node: ast.AST) -> bool:
    """Whether ``name`` is the variable of an enclosing ``for ... in range(n)`` (no step), or a
    name bound to one (``r, c = i, j``)."""
    if any(_loop_var(fn, alias, node) for alias in fn.aliases.get(name, ())):
        return True
    return _loop_var(fn, name, node)


def _loop_var(fn: _Function, name: str, node: ast.AST) -> bool:
    for loop in fn.loops(node):
        it = loop.iter
        target = loop.target
        if _call_name(it) == "enumerate" and isinstance(target, ast.Tuple):
            continue  # for i, start in enumerate(range(0, ..., stride))
        if isinstance(target, ast.Name) and target.id == name:
            return _call_name(it) in RANGE and len(it.args) < 3  # type: ignore[attr-defined]
    return False


def _is_spatial_expr(fn: _Function, node: ast.AST) -> bool:
    roles = {fn._dim_of(n) for n in ast.walk(node)}
    return bool(roles & {"H", "W", "OH", "OW"}) or bool(_names(node) & fn.sizes)


def _grad_kind(fn: _Function, name: str) -> str | None:
    """ "dx", "dw" or "db" for the gradient arrays, by name."""
    if not name or fn.family.get(name) in ("x", "w"):
        return None
    return _grad_kind_by_name(name)


def _value_family(fn: _Function, name: str) -> str | None:
    return fn.family.get(name) if fn.family.get(name) in ("x", "w") else None


def _is_batch(fn: _Function, node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and fn.dims.get(node.id) == "N"


def _loop_dependencies(fn: _Function, loops: list[ast.For]) -> dict[str, set[str]]:
    """For each name, the loop variables its value changes with (loop variables themselves,
    and names assigned inside the loops from them)."""
    deps: dict[str, set[str]] = {}
    for loop in loops:
        for name in _targets(loop.target):
            deps[name] = {name}
    outer = loops[-1]
    assigns = [
        s
        for s in ast.walk(outer)
        if isinstance(s, ast.Assign) and all(isinstance(t, ast.Name) for t in s.targets)
    ]
    for _ in range(3):
        for s in assigns:
            found = set().union(*(deps.get(n, set()) for n in _names(s.value)))
            for t in s.targets:
                name = t.id  # type: ignore[attr-defined]
                if name not in {v for loop in loops for v in _targets(loop.target)}:
                    deps[name] = deps.get(name, set()) | found
    return deps


def _depends(node: ast.AST, deps: dict[str, set[str]]) -> set[str]:
    return set().union(*(deps.get(n, set()) for n in _names(node)))


def _converted_later(fn: _Function, name: str) -> bool:
    """Whether the size ``name`` is passed through ``int(...)`` or bound again."""
    binds = 0
    for node in fn.nodes:
        if isinstance(node, ast.Call) and _call_name(node) in ("int", "round"):
            if name in _names(node):
                return True
        if isinstance(node, ast.Assign) and name in _names(node.targets[0]):
            binds += 1
    return binds > 1


def _is_docstring(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)


def _never_computed(fn: _Function, value: ast.AST | None, ret: ast.Return) -> str | None:
    """What a returned value is when the function never computed it: None, or zeros."""
    if value is None or (isinstance(value, ast.Constant) and value.value is None):
        return "None"
    if not isinstance(value, ast.Name):
        return None
    name = value.id
    binds = [
        s
        for s in fn.nodes
        if isinstance(s, ast.Assign) and any(name in _targets(t) for t in s.targets)
    ]
    uses = [n for n in fn.nodes if isinstance(n, ast.Name) and n.id == name and n is not value]
    stores = [n for n in uses if isinstance(n.ctx, ast.Store)]
    loads = [n for n in uses if not isinstance(n.ctx, ast.Store) and not _reads_only(fn, n)]
    if name in [a.arg for a in fn.node.args.args]:
        return None
    if not binds or loads or len(stores) != len(binds):
        return None
    sources = [_bound_value(s, name) for s in binds]
    if all(isinstance(v, ast.Constant) and v.value is None for v in sources):
        return f"`{name}` as None"
    if len(binds) == 1 and sources[0] is not None and _call_name(sources[0]) in ZEROS:
        return f"`{name}` as the zeros it was created as"
    return None


ZEROS = ("zeros", "zeros_like")
READ_ONLY = ("pad", "zeros_like", "ones_like", "empty_like", "copy", "array", "shape")


def _reads_only(fn: _Function, use: ast.Name) -> bool:
    """Whether this use of an array cannot change it: ``dx.shape``, ``np.pad(dx, ...)``."""
    parent = fn.parent.get(use)
    if isinstance(parent, ast.Attribute):
        return parent.attr in ("shape", "dtype", "ndim", "size")
    if isinstance(parent, ast.Call) and use in parent.args:
        return _call_name(parent) in READ_ONLY
    return False


def _bound_value(stmt: ast.Assign, name: str) -> ast.AST | None:
    for target in stmt.targets:
        if isinstance(target, ast.Name) and target.id == name:
            return stmt.value
        if isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple):
            for t, v in zip(target.elts, stmt.value.elts):
                if isinstance(t, ast.Name) and t.id == name:
                    return v
    return None


def _cache_entries(forward: ast.FunctionDef) -> tuple[ast.stmt, list[ast.expr]] | None:
    """The statement that builds the forward pass's cache tuple, and the tuple's items."""
    for stmt in ast.walk(forward):
        if isinstance(stmt, ast.Assign) and _targets(stmt.targets[0]) == ["cache"]:
            if isinstance(stmt.value, ast.Tuple):
                return stmt, list(stmt.value.elts)
        if isinstance(stmt, ast.Return) and isinstance(stmt.value, ast.Tuple):
            if len(stmt.value.elts) == 2 and isinstance(stmt.value.elts[1], ast.Tuple):
                return stmt, list(stmt.value.elts[1].elts)
    return None


def _scrambles(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == "T":
        return True
    return _call_name(node) in ("reshape", "transpose", "swapaxes", "moveaxis", "ravel", "flatten")


def _unpacked_4d(backward: ast.FunctionDef, name: str) -> bool:
    for stmt in ast.walk(backward):
        if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Tuple | ast.List):
            value = stmt.value
            if isinstance(value, ast.Attribute) and value.attr == "shape":
                if _base(value.value) == name and len(stmt.targets[0].elts) == 4:
                    return True
    return False
