"""Convolutions run by OpenVINO's CPU plugin (the optional ``convgrad[fast]``).

OpenVINO's CPU kernels are oneDNN's just-in-time compiled direct convolutions, the ones PyTorch
runs on the CPU. Each pass is one operation of a small model, compiled the first time it runs
for a shape (:func:`_request`), which the automatic choice makes the shape's second call
(:func:`ready`):

- forward: ``Convolution(x, w)`` with the layer's strides, dilations and padding
  (``GroupConvolution`` with groups, ``w`` viewed as ``(G, C_out / G, C_in / G, *kernel)``);
- ``dx``: ``ConvolutionBackpropData(dy, w)``, the transposed convolution, with the output
  padding that gives back ``x``'s size (the rows a stride leaves unread get zeros;
  ``GroupConvolutionBackpropData`` with groups);
- ``dw``: ``dw[o, c, t] = sum_{n, p} dy[n, o, p] * xp[n, c, p*s + t*d]`` is, with the batch as
  the channels, a convolution of ``x`` laid out ``(C_in, N, *in)`` by ``dy`` laid out
  ``(C_out, N, *out)`` as its filter: the filter's taps are the layer's output positions, read
  ``s`` apart (the layer's stride as the dilation), and its outputs the layer's taps, ``d``
  apart (the layer's dilation as the stride), ``(C_in, C_out, *kernel)``; a stride leaves one
  more output than the kernel has taps at most, dropped. The two layouts and the result's are
  transposes inside the model. Only for groups of one: with groups the filter would differ from
  group to group of the batch.

**Layout.** oneDNN computes a convolution channels last (its own blocked layouts of
``(N, *spatial, C)``); a model reading ``(N, C, *spatial)`` arrays reorders its input there and
its output back, about a third of a 16-channel pass at 28x28 (its own profiler). So the forward
and ``dx`` of a 2-D layer give their result laid out channels last (a ``(N, C, H, W)`` view of
``(N, H, W, C)`` memory, PyTorch's ``channels_last`` memory format: the same values), and every
pass reads an input laid out that way where it lies (:func:`layout`), the model moving it
itself. Batch norm, ReLU, 2x2 max pooling, the tape's sums and 1x1 layers keep that layout
(:mod:`convgrad._np`), so the next layer reads it without a reorder. Alone, float32, batch
32, 2 threads, ms C order / channels last, medians of 60 alternating (a scratch script): 16
channels at 28x28 forward 1.27 / 1.12, ``dx`` 1.13 / 0.90, ``dw`` 2.54 / 2.76; 32 at 14x14
1.01 / 0.86, 1.04 / 0.85, 1.63 / 1.62; 64 at 7x7 0.83 / 0.77, 0.95 / 0.87, 1.37 / 1.32. Inside
training steps: BENCHMARKS.md, issue 14, seventeenth session. :data:`CHANNELS_LAST` off gives
C order back, as before (for comparisons).

The models compute in float32 (``INFERENCE_PRECISION_HINT``: on a CPU with bfloat16 or AMX
units the plugin would otherwise round to bfloat16) and take float32 arrays only; float64 and
other dtypes stay with NumPy's kernels. The plugin's threads are as many as convgrad's
(:func:`convgrad.kernels.parallel.threads`). Compiled models are kept, :data:`MODELS` of them;
each Python thread has its own inference requests (a request is not shared between threads).

Where the automatic choice takes these kernels, and what they measured against NumPy's, is by
:func:`convgrad.convolution._openvino_pays`. OpenVINO is optional: this module imports it when
:func:`runtime` is first called, by :mod:`convgrad.kernels.accel`, which falls back to NumPy
when it cannot (importing OpenVINO takes a few tenths of a second, which ``import convgrad``
does not pay).
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from .. import _np
from .._args import ConvSpec
from . import parallel

CHANNELS_LAST = True  # the forward's and dx's results laid out channels last (module docstring)
MODELS = 256  # compiled models kept; a network has a few per layer shape
# Shapes asked for once and not compiled, remembered (at most SEEN): the automatic choice takes
# these kernels from a shape's second call on (:func:`ready`). _compiled: the shapes (kind,
# spec, the two arrays' shapes, threads) a model was compiled for, in either layout.
SEEN = 4096
_seen: collections.OrderedDict[tuple[Any, ...], None] = collections.OrderedDict()
_compiled: collections.OrderedDict[tuple[Any, ...], None] = collections.OrderedDict()
_runtime: list[Any] = []  # [openvino, its opset, a Core], once imported
_models: collections.OrderedDict[tuple[Any, ...], Any] = collections.OrderedDict()
_lock = threading.Lock()
_local = threading.local()


def runtime() -> tuple[ModuleType, ModuleType, Any]:
    """OpenVINO, the opset the models are built from, and the runtime's core; imported the
    first time (``ModuleNotFoundError`` when OpenVINO is absent)."""
    if not _runtime:
        with _lock:
            if not _runtime:
                import openvino
                import openvino.opset13 as opset

                _runtime.extend((openvino, opset, openvino.Core()))
    return _runtime[0], _runtime[1], _runtime[2]


def version() -> str:
    return str(runtime()[0].__version__).split("-")[0]


def _config() -> dict[str, Any]:
    return {
        "INFERENCE_NUM_THREADS": parallel.threads(),
        "INFERENCE_PRECISION_HINT": "f32",
        "PERFORMANCE_HINT": "LATENCY",
    }


def ready(kind: str, spec: ConvSpec, first: tuple[int, ...], second: tuple[int, ...]) -> bool:
    """Whether the automatic choice may run pass ``kind`` of this layer on arrays of shapes
    ``first`` and ``second`` (``x`` and ``w`` forward, ``dy`` and ``w`` for ``dx``, ``dy`` and
    ``x`` for ``dw``) now: its model is compiled, or this is the shape's second call, which
    compiles it. A shape's first call is left to NumPy: compiling took 4 to 16 ms a model, and
    a loop over 30 sizes of image met once each (8 x 32 channels, 40x40 to 69x69, forward + dx
    + dw) took 783 to 891 ms compiling each against NumPy's 423 to 430 (a scratch script). A
    training loop meets its shapes every step; a loop over images of many sizes may not."""
    key = (kind, spec, first, second, parallel.threads())
    with _lock:
        if key in _compiled:
            return True
        if key in _seen:
            del _seen[key]
            return True
        _seen[key] = None
        if len(_seen) > SEEN:
            _seen.popitem(last=False)
    return False


def _request(
    key: tuple[Any, ...], build: Callable[[], tuple[list[Any], Any]]
) -> tuple[Any, tuple[int, ...]]:
    """This thread's inference request for the model ``key``, compiled by ``build()`` (its
    parameters and output node) the first time any thread asks, and its output's shape."""
    key = (*key, parallel.threads())
    requests = getattr(_local, "requests", None)
    if requests is None:
        requests = _local.requests = {}
    with _lock:
        model = _models.get(key)
        if model is not None:
            _models.move_to_end(key)
    if model is None:
        openvino, _, core = runtime()
        params, output = build()
        model = core.compile_model(openvino.Model([output], params), "CPU", _config())
        with _lock:
            _models[key] = model
            while len(_models) > MODELS:
                _models.popitem(last=False)
            _compiled[(*key[:4], key[-1])] = None  # what ready() asks: (kind, spec, shapes)
            while len(_compiled) > MODELS:
                _compiled.popitem(last=False)
    request = requests.get(key)
    if request is None or request[0] is not model:  # new, or its model was dropped
        shape = tuple(int(n) for n in model.output(0).get_shape())
        request = requests[key] = (model, model.create_infer_request(), shape)
        if len(requests) > MODELS:
            requests.pop(next(iter(requests)))
    return request[1], request[2]


def layout(a: np.ndarray) -> str:
    """``"c"`` for an array OpenVINO reads as it is (C-contiguous, or made so), ``"l"`` for a
    float32 one laid out channels last (:func:`convgrad._np.is_channels_last`), which the model
    reads as ``(N, *spatial, C)`` and moves itself."""
    return "l" if a.dtype == np.float32 and _np.is_channels_last(a) else "c"


def _run(
    key: tuple[Any, ...],
    build: Callable[[], tuple[list[Any], Any]],
    *arrays: np.ndarray,
    last: bool = False,
) -> np.ndarray:
    """The model's output for ``arrays``, which it reads in place (contiguous float32, or
    channels last: :func:`layout`), written straight into a fresh array of ours (its own output
    buffer, copied out, measured 1.22 ms against 0.89 for ResNet-20's 16-channel forward at
    batch 32), laid out channels last when ``last`` (the model's output is then ``(N, *spatial,
    C)``). Writeable inputs are set as tensors sharing their memory and ``infer()`` called bare:
    ``infer(arrays)``, OpenVINO's Python dispatch, took 57 microseconds a call on a tiny model
    against 32 (a scratch script). The request keeps that array, and its inputs, until its next
    call (never writing the result again): one set of arrays a model stays alive."""
    layouts = tuple(layout(a) for a in arrays)  # a model reads each array in one layout
    request, shape = _request((*key, layouts), build)
    tensor = runtime()[0].Tensor
    inputs = [
        _np.channels_last(a) if lay == "l" else np.ascontiguousarray(a, dtype=np.float32)
        for a, lay in zip(arrays, layouts, strict=True)
    ]
    out = np.empty(shape, np.float32)
    request.set_output_tensor(tensor(out, shared_memory=True))
    if all(a.flags.writeable for a in inputs):  # a shared Tensor must be writeable
        for i, a in enumerate(inputs):
            request.set_input_tensor(i, tensor(a, shared_memory=True))
        request.infer()
    else:
        request.infer(inputs, share_inputs=True)
    return _np.channels_first(out) if last else out


def _inputs(*arrays: np.ndarray) -> tuple[list[Any], list[Any]]:
    """The model's parameters for ``arrays`` (each as :func:`layout` has it) and each as the
    model's operations take it, ``(N, C, *spatial)``."""
    ops = runtime()[1]
    params, nodes = [], []
    for a in arrays:
        if layout(a) == "l":
            p = _parameter(_np.channels_last(a).shape)
            nodes.append(ops.transpose(p, [0, a.ndim - 1, *range(1, a.ndim - 1)]))
        else:
            p = _parameter(a.shape)
            nodes.append(p)
        params.append(p)
    return params, nodes


def _last(node: Any, ndim: int) -> Any:
    """``node (N, C, *spatial)`` moved channels last in the model: ``(N, *spatial, C)``."""
    return runtime()[1].transpose(node, [0, *range(2, ndim), 1])


def _dilation(spec: ConvSpec) -> list[int]:
    """The layer's dilation, 1 along the axes where the kernel is one tap wide (where it means
    nothing): as ``dw``'s stride, OpenVINO 2026.4 got a 3-D layer's ``dw`` wrong with a kernel
    (1, 3, 1), dilation (1, 1, 2) and a filter as wide as its input (found by hypothesis)."""
    return [d if k > 1 else 1 for d, k in zip(spec.dilation, spec.kernel, strict=True)]


def _pads(spec: ConvSpec) -> tuple[list[int], list[int]]:
    return [lo for lo, _ in spec.padding], [hi for _, hi in spec.padding]


def _parameter(shape: tuple[int, ...]) -> Any:
    return runtime()[1].parameter(list(shape), np.float32)


def output_padding(spec: ConvSpec) -> list[int]:
    """The rows and columns past the transposed convolution's natural size that give back
    ``spec.in_spatial`` (those a stride leaves unread)."""
    extra = []
    for size, out, k, s, d, (lo, hi) in zip(
        spec.in_spatial, spec.out_spatial, spec.kernel, spec.stride, spec.dilation, spec.padding,
        strict=True,
    ):  # fmt: skip
        extra.append(size - ((out - 1) * s - lo - hi + d * (k - 1) + 1))
    return extra


def supports(spec: ConvSpec, kind: str = "forward") -> bool:
    """Whether these kernels compute pass ``kind`` (``"forward"``, ``"input_grad"``,
    ``"weight_grad"``) of this convolution: zero padding, an output padding OpenVINO takes
    (under the stride), no empty axis; groups for the forward and ``dx`` only (OpenVINO's
    grouped operations), ``dw`` of groups of one."""
    if spec.padding_mode != "zeros" or (spec.groups != 1 and kind == "weight_grad"):
        return False
    if not all(s > 0 for s in (*spec.in_spatial, *spec.out_spatial)):
        return False
    return all(0 <= e < s for e, s in zip(output_padding(spec), spec.stride, strict=True))


def _filters(w: np.ndarray, groups: int) -> np.ndarray:
    """``w`` as OpenVINO's grouped operations take it, ``(G, C_out / G, C_in / G, *kernel)``
    (a view); as it is without groups."""
    return w if groups == 1 else w.reshape(groups, w.shape[0] // groups, *w.shape[1:])


def _by_filters(kind: str, a: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """The forward (``kind`` ``"forward"``, ``a`` the input) or ``dx`` (``"input_grad"``, ``a``
    being ``dy``): one operation of ``a`` by the layer's filters, grouped or not; the result
    laid out channels last."""
    filters = _filters(w, spec.groups)
    last = a.ndim == 4 and CHANNELS_LAST

    def build() -> tuple[list[Any], Any]:
        ops = runtime()[1]
        (pa, pw), (na, nw) = _inputs(a, filters)
        lo, hi = _pads(spec)
        grouped = spec.groups > 1
        if kind == "forward":
            run = ops.group_convolution if grouped else ops.convolution
            out = run(na, nw, list(spec.stride), lo, hi, _dilation(spec))
        else:
            run = ops.group_convolution_backprop_data if grouped else ops.convolution_backprop_data
            out = run(
                na, nw, list(spec.stride), pads_begin=lo, pads_end=hi,
                dilations=_dilation(spec), output_padding=output_padding(spec),
            )  # fmt: skip
        return [pa, pw], _last(out, a.ndim) if last else out

    key = (kind, spec, a.shape, w.shape, last)
    return _run(key, build, a, filters, last=last)


def forward(x: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``y (N, C_out, *out)`` of ``x (N, C_in, *in)`` by ``w``, without bias."""
    return _by_filters("forward", x, w, spec)


def input_grad(dy: np.ndarray, w: np.ndarray, spec: ConvSpec) -> np.ndarray:
    """``dx (N, C_in, *in)`` from ``dy (N, C_out, *out)``."""
    return _by_filters("input_grad", dy, w, spec)


def weight_grad(dy: np.ndarray, x: np.ndarray, spec: ConvSpec, w: np.ndarray) -> np.ndarray:
    """``dw`` shaped like ``w``: the convolution of ``x`` by ``dy`` with the batch as channels
    (the module docstring)."""
    swap = np.array([1, 0, *range(2, x.ndim)])

    def build() -> tuple[list[Any], Any]:
        ops = runtime()[1]
        (pdy, px), (ndy, nx) = _inputs(dy, x)
        lo, hi = _pads(spec)
        by_channel = ops.transpose(nx, swap)  # (C_in, N, *in)
        filters = ops.transpose(ndy, swap)  # (C_out, N, *out)
        taps = ops.convolution(by_channel, filters, _dilation(spec), lo, hi, list(spec.stride))
        return [pdy, px], ops.transpose(taps, swap)  # (C_out, C_in, >= kernel)

    dw = _run(("weight_grad", spec, dy.shape, x.shape), build, dy, x)
    if dw.shape[2:] != spec.kernel:
        dw = np.ascontiguousarray(dw[(slice(None), slice(None), *map(slice, spec.kernel))])
    return dw
