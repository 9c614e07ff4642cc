"""Train, evaluate, save and load a small CNN built from :mod:`convgrad.nn`.

A model is described by a *config*: a JSON-able dict whose ``"layers"`` are ``[name, kwargs]``
pairs naming :mod:`convgrad.nn` classes and their constructor arguments. The same names and
arguments build the PyTorch twin (:func:`torch_model`), so a saved ``state_dict`` loads into
either. A saved model is one ``.npz`` file holding the config (as JSON text), the input
normalisation and the ``state_dict`` arrays: it loads with ``allow_pickle=False``.

>>> config = small_cnn_config(in_channels=1, size=8, classes=10)
>>> model = build_model(config)
>>> model(np.zeros((2, 1, 8, 8), np.float32)).shape
(2, 10)
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import nn, optim
from .autograd import Tensor
from .data import Split, batches
from .nn.models import resnet20

#: The layer classes a config may name: all take PyTorch's constructor arguments.
LAYERS = (
    "Conv1d",
    "Conv2d",
    "Conv3d",
    "ConvTranspose2d",
    "Linear",
    "ReLU",
    "LeakyReLU",
    "Sigmoid",
    "Tanh",
    "MaxPool2d",
    "AvgPool2d",
    "AdaptiveAvgPool2d",
    "BatchNorm2d",
    "Dropout",
    "Flatten",
)
#: The ones with parameters, which take a ``dtype``.
PARAMETRIC = ("Conv1d", "Conv2d", "Conv3d", "ConvTranspose2d", "Linear", "BatchNorm2d")
OPTIMIZERS = {"sgd": "SGD", "adam": "Adam", "adamw": "AdamW"}
#: The models ``train`` builds: the default CNN (explicit backward), a ResNet-20 (the tape).
MODELS = ("cnn", "resnet20")
_FORMAT = "convgrad-model-1"


def small_cnn_config(in_channels: int, size: int, classes: int, width: int = 32) -> dict:
    """The default network: two conv-BN-ReLU-pool stages (three for inputs over 16 pixels).

    ``size`` is the input's height and width; each stage halves it. The widths double per stage,
    starting at ``width``; a linear layer maps the last stage's features to ``classes`` logits.
    """
    stages = 2 if size <= 16 else 3
    layers: list[list[Any]] = []
    channels, side = in_channels, size
    for stage in range(stages):
        out = width * 2**stage
        layers += [
            [
                "Conv2d",
                {"in_channels": channels, "out_channels": out, "kernel_size": 3, "padding": 1},
            ],
            ["BatchNorm2d", {"num_features": out}],
            ["ReLU", {}],
            ["MaxPool2d", {"kernel_size": 2}],
        ]
        channels, side = out, side // 2
    layers += [
        ["Flatten", {}],
        ["Linear", {"in_features": channels * side * side, "out_features": classes}],
    ]
    return {"layers": layers, "in_channels": in_channels, "size": size, "classes": classes}


def _layer_class(name: object, owner: Any) -> Callable[..., Any]:
    if name not in LAYERS:
        raise ValueError(f"config: unknown layer {name!r}; the layers are {', '.join(LAYERS)}")
    return getattr(owner, str(name))


def build_model(config: dict, dtype: type = np.float32) -> nn.Module:
    """A :class:`convgrad.nn.Sequential` from a config (see :func:`small_cnn_config`), or the
    model a config names (``{"model": "resnet20", ...}``, :mod:`convgrad.nn.models`)."""
    if config.get("model") == "resnet20":
        return resnet20(config["classes"], config["in_channels"], dtype=dtype)
    layers = []
    for name, kwargs in config["layers"]:
        cls = _layer_class(name, nn)
        layers.append(cls(**kwargs, dtype=dtype) if name in PARAMETRIC else cls(**kwargs))
    return nn.Sequential(*layers)


def torch_model(config: dict) -> Any:
    """The PyTorch twin of a config: ``torch.nn.Sequential`` of the same layers (needs torch).

    >>> import torch
    >>> twin = torch_model(small_cnn_config(1, 8, 10))
    >>> ours = build_model(small_cnn_config(1, 8, 10))
    >>> sorted(twin.state_dict()) == sorted(ours.state_dict())
    True
    """
    import torch

    if config.get("model") == "resnet20":
        return resnet20(config["classes"], config["in_channels"], lib="torch")
    return torch.nn.Sequential(
        *(_layer_class(name, torch.nn)(**kwargs) for name, kwargs in config["layers"])
    )


@dataclass
class Classifier:
    """A model, its config, and the input normalisation it was trained with."""

    model: nn.Module
    config: dict
    mean: float = 0.0
    std: float = 1.0
    info: dict = field(default_factory=dict)

    def logits(self, x: np.ndarray, batch_size: int = 256) -> np.ndarray:
        """Logits ``(N, classes)`` for raw images ``x (N, C, H, W)`` in [0, 1], in eval mode."""
        self.model.eval()
        x = np.asarray(x, dtype=np.float32)
        out = [
            self.model((x[i : i + batch_size] - self.mean) / self.std)
            for i in range(0, len(x), batch_size)
        ]
        return np.concatenate(out) if out else np.zeros((0, self.config["classes"]), np.float32)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Predicted classes ``(N,)``."""
        return np.argmax(self.logits(x), axis=1)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Softmax of the logits, ``(N, classes)``."""
        z = self.logits(x).astype(np.float64)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def save(self, path: str | Path) -> None:
        """Write one ``.npz``: config and info as JSON text, normalisation, ``state/<key>``."""
        arrays: dict[str, Any] = {f"state/{k}": v for k, v in self.model.state_dict().items()}
        arrays.update(
            format=np.array(_FORMAT),
            config=np.array(json.dumps(self.config)),
            info=np.array(json.dumps(self.info)),
            normalize=np.array([self.mean, self.std]),
        )
        np.savez(path, **arrays)


#: Bounds on a config read from a file, so that a small file cannot ask for a huge model: the
#: default network has 6 layers per stage, at most 128 channels and 28-pixel inputs.
MAX_LAYERS = 64
MAX_WIDTH = 4096  # channels, features, classes
MAX_SIZE = 512  # the input's side
MAX_KERNEL = 64
MAX_PARAMETERS = 2**24  # 64 MiB in float32
MAX_ACTIVATION = 2**22  # in_channels * size * size, and a layer's widest channels * size**2
MAX_TEXT = 1 << 20  # characters of the config and info JSON


def _count(value: object, key: str, low: int = 1, high: int = MAX_WIDTH) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"config: {key} must be an integer from {low} to {high}; got {value!r}")
    return value


def _check_value(value: object, key: str) -> None:
    """A constructor argument: an int, float, bool, short string or list of ints, bounded."""
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        _count(value, key, 0, MAX_WIDTH)
    elif isinstance(value, float):
        if not np.isfinite(value) or abs(value) > 1e6:
            raise ValueError(f"config: {key} must be a finite number; got {value!r}")
    elif isinstance(value, str):
        if len(value) > 32:
            raise ValueError(f"config: {key} must be a short string; got {value[:40]!r}...")
    elif isinstance(value, list) and 1 <= len(value) <= 3:
        for v in value:
            _count(v, key, 0, MAX_WIDTH)
    else:
        raise ValueError(
            f"config: {key} must be a number, string or list of 1 to 3 ints; got {value!r}"
        )


def _parameters(name: str, kwargs: dict) -> int:
    """How many numbers layer ``name`` holds, from its arguments (0 for one without any)."""
    if name.startswith("Conv"):
        dims = 2 if name == "ConvTranspose2d" else int(name[4])
        k = kwargs.get("kernel_size", 1)
        kernel = k if isinstance(k, list) else [k] * dims
        c_in, c_out = kwargs.get("in_channels", 1), kwargs.get("out_channels", 1)
        if any(not 1 <= v <= MAX_KERNEL for v in kernel):
            raise ValueError(f"config: {name} kernel_size must be 1 to {MAX_KERNEL}; got {k!r}")
        groups = max(1, kwargs.get("groups", 1))
        return c_in * c_out // groups * int(np.prod(kernel)) + c_out
    if name == "Linear":
        return (kwargs.get("in_features", 1) + 1) * kwargs.get("out_features", 1)
    if name == "BatchNorm2d":
        return 5 * kwargs.get("num_features", 1)
    return 0


def check_config(config: object) -> dict:
    """``config`` if it is a config this module can build within its bounds (:data:`MAX_LAYERS`
    layers, :data:`MAX_WIDTH` channels, :data:`MAX_SIZE` pixels, :data:`MAX_PARAMETERS`
    numbers); ValueError naming the key and the rule otherwise, before anything is allocated."""
    if not isinstance(config, dict):
        raise ValueError(f"config: must be a JSON object; got {type(config).__name__}")
    named = config.get("model") == "resnet20"  # a named model: its layers are fixed by its code
    expected = {"model" if named else "layers", "in_channels", "size", "classes"}
    if set(config) != expected:
        raise ValueError(
            f"config: must have exactly the keys {sorted(expected)}; got {sorted(map(str, config))}"
        )
    c = _count(config["in_channels"], "in_channels", 1, 64)
    size = _count(config["size"], "size", 1, MAX_SIZE)
    _count(config["classes"], "classes", 1, MAX_WIDTH)
    if c * size * size > MAX_ACTIVATION:
        raise ValueError(
            f"config: in_channels * size**2 = {c * size * size} is over {MAX_ACTIVATION}"
        )
    if named:
        return config
    layers = config["layers"]
    if not isinstance(layers, list) or not 1 <= len(layers) <= MAX_LAYERS:
        raise ValueError(f"config: layers must be a list of 1 to {MAX_LAYERS} layers")
    total = 0
    for i, layer in enumerate(layers):
        if not (isinstance(layer, list) and len(layer) == 2 and isinstance(layer[1], dict)):
            raise ValueError(
                f"config: layers[{i}] must be [name, {{arguments}}]; got {layer!r:.80}"
            )
        name, kwargs = layer
        if name not in LAYERS:
            raise ValueError(
                f"config: layers[{i}]: unknown layer {name!r:.40}; the layers are "
                f"{', '.join(LAYERS)}"
            )
        for key, value in kwargs.items():
            _check_value(value, f"layers[{i}] ({name}) {key}")
            if key.endswith(("channels", "features")) and value * size * size > MAX_ACTIVATION:
                raise ValueError(
                    f"config: layers[{i}] ({name}) {key} = {value} on {size}x{size} images is "
                    f"over {MAX_ACTIVATION} numbers per image"
                )
        total += _parameters(name, kwargs)
        if total > MAX_PARAMETERS:
            raise ValueError(
                f"config: the layers hold over {MAX_PARAMETERS} numbers (at layers[{i}], {name})"
            )
    return config


def _json(text: str, what: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"{what}: {constant} is not a number JSON allows")

    try:
        return json.loads(text, parse_constant=refuse)
    except (json.JSONDecodeError, RecursionError) as err:
        raise ValueError(f"{what}: not valid JSON: {err!s:.200}") from None


def load_classifier(path: str | Path) -> Classifier:
    """Read a model written by :meth:`Classifier.save`, checking each part before reading it:
    the members are exactly the expected ones; the config is bounded (:func:`check_config`);
    every array has the dtype and shape the config says, and finite values; nothing is
    unpickled. ValueError naming the file and what is wrong, in bounded time and memory."""
    from ._npz import open_npz, read_member

    name = f"model: {path}"
    if Path(path).is_dir():
        raise ValueError(f"{name} is a folder, not a model file")
    with open_npz(path, name) as archive:
        members = set(archive.namelist())
        fixed = {"format.npy", "config.npy", "info.npy", "normalize.npy"}
        if not fixed <= members:
            raise ValueError(
                f"{name} is not a convgrad model file: it lacks "
                f"{', '.join(sorted(fixed - members))}"
            )
        marker = read_member(archive, "format.npy", name, "U", (), 256)
        if str(marker) != _FORMAT:
            raise ValueError(f"{name} is not a convgrad model file (no {_FORMAT!r} marker)")
        text = str(read_member(archive, "config.npy", name, "U", (), 4 * MAX_TEXT))
        try:
            config = check_config(_json(text, "config"))
        except ValueError as err:
            raise ValueError(f"{name}: {err}") from None
        info = _json(str(read_member(archive, "info.npy", name, "U", (), 4 * MAX_TEXT)), name)
        classes = info.get("classes") if isinstance(info, dict) else None
        if not isinstance(info, dict) or not (
            classes is None
            or (
                isinstance(classes, list)
                and len(classes) == config["classes"]
                and all(isinstance(c, str) for c in classes)
            )
        ):
            raise ValueError(
                f"{name}: info must be an object whose classes, if any, are {config['classes']} "
                "names"
            )
        normalize = read_member(archive, "normalize.npy", name, "f", (2,), 64)
        mean, std = (float(v) for v in normalize)
        if not (np.isfinite(mean) and np.isfinite(std) and std > 0):
            raise ValueError(
                f"{name}: normalize must be a finite mean and a std > 0; got {normalize}"
            )
        try:
            model = build_model(config)
        except (TypeError, ValueError) as err:
            raise ValueError(f"{name}: config: cannot build the layers: {err}") from None
        expected = model.state_dict()
        wanted = {f"state/{k}.npy" for k in expected}
        extra, missing = members - fixed - wanted, wanted - members
        if extra or missing:
            raise ValueError(
                f"{name}: the weights do not match the config: "
                + "; ".join(
                    f"{what} {', '.join(sorted(m))[:200]}"
                    for what, m in (("missing", missing), ("unexpected", extra))
                    if m
                )
            )
        state = {}
        for key, like in expected.items():
            kinds = "f" if like.dtype.kind == "f" else "iu"
            array = read_member(
                archive, f"state/{key}.npy", name, kinds, like.shape, 8 * like.size + 64
            )
            if not np.isfinite(array).all():
                raise ValueError(f"{name}: state/{key} holds NaN or infinite values")
            state[key] = array.astype(like.dtype)
    try:
        model.load_state_dict(state)
        classifier = Classifier(model, config, mean, std, info)
        out = classifier.logits(
            np.zeros((1, config["in_channels"], config["size"], config["size"]), np.float32)
        )
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name}: config: the layers do not fit its input: {err}") from None
    if out.shape != (1, config["classes"]):
        raise ValueError(
            f"{name}: config: the layers give {out.shape[1:]} outputs; classes is "
            f"{config['classes']}"
        )
    return classifier


@dataclass
class Settings:
    """What a training run needs; the defaults are the command's."""

    dataset: str = "digits"
    epochs: int = 15
    batch_size: int = 32
    lr: float = 3e-3
    optimizer: str = "adam"
    weight_decay: float = 0.0
    label_smoothing: float = 0.1
    seed: int = 0
    model: str = "cnn"  # or "resnet20", trained through the tape


def make_optimizer(settings: Settings, model: nn.Module) -> Any:
    """The optimiser the settings name, over the model's parameters."""
    cls = getattr(optim, OPTIMIZERS[settings.optimizer])
    kwargs: dict[str, Any] = {"lr": settings.lr, "weight_decay": settings.weight_decay}
    if settings.optimizer == "sgd":
        kwargs["momentum"] = 0.9
    return cls(model.parameters(), **kwargs)


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, classes: int) -> np.ndarray:
    """``m[i, j]``: how many images of class ``i`` were predicted as ``j``."""
    m = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(m, (labels, predicted), 1)
    return m


def evaluate(classifier: Classifier, x: np.ndarray, y: np.ndarray) -> dict:
    """Loss, accuracy, predicted classes ``(N,)``, probabilities ``(N, classes)`` and confusion
    matrix of a classifier on ``x (N, C, H, W)``, ``y (N,)``."""
    logits = classifier.logits(x)
    loss = nn.CrossEntropyLoss()(logits, y) if len(y) else float("nan")
    predicted = np.argmax(logits, axis=1)
    z = np.exp(logits - logits.max(axis=1, keepdims=True), dtype=np.float64)
    return {
        "probabilities": z / z.sum(axis=1, keepdims=True),  # (N, classes)
        "loss": float(loss),
        "accuracy": float(np.mean(predicted == y)) if len(y) else float("nan"),
        "predicted": predicted,
        "confusion": confusion_matrix(y, predicted, classifier.config["classes"]),
    }


def train_step(
    model: nn.Module, loss_fn: Any, opt: Any, x: np.ndarray, y: np.ndarray, tape: bool
) -> tuple[np.ndarray, float]:
    """One optimisation step on a batch ``x (N, C, H, W)``, ``y (N,)``: ``(logits, loss)``.

    ``tape=False``: the explicit backward path (``model.backward``, a :class:`nn.Sequential`);
    ``tape=True``: through the tape, for a model with no backward of its own. Either way the
    images need no gradient, so the first layer computes none for them (PyTorch's rule).
    """
    opt.zero_grad()
    if not tape:
        logits = model(x)
        loss = loss_fn(logits, y)
        model.backward(loss_fn.backward(), input_grad=False)
    else:
        out = model(Tensor(x))
        loss_tensor = loss_fn(out, y)
        loss_tensor.backward()
        logits, loss = out.data, loss_tensor.item()
    opt.step()
    return logits, loss


def train(
    split: Split,
    settings: Settings,
    progress: Callable[[Iterator[Any], int, str], Iterator[Any]] | None = None,
    report: Callable[[str], None] | None = None,
) -> tuple[Classifier, list[dict]]:
    """Train the default CNN on a split; returns the classifier and one metrics dict per epoch.

    The whole run is determined by ``settings.seed``: initial weights, batch order, dropout.
    ``progress(batches, total, description)`` may wrap the batch iterator (a progress bar); it
    may have a ``set_postfix``. ``report`` receives one line per epoch.
    """
    nn.manual_seed(settings.seed)
    rng = np.random.default_rng(settings.seed)
    _, channels, size, _ = split.x_train.shape
    if settings.model not in MODELS:
        raise ValueError(f"train: model must be one of {MODELS}; got {settings.model!r}")
    config: dict = (
        small_cnn_config(channels, size, len(split.classes))
        if settings.model == "cnn"
        else {"model": settings.model, "in_channels": channels, "size": size,
              "classes": len(split.classes)}
    )  # fmt: skip
    mean, std = float(split.x_train.mean()), float(split.x_train.std())
    classifier = Classifier(
        build_model(config),
        config,
        mean,
        std,
        {"dataset": split.name, "classes": list(split.classes)},
    )
    model = classifier.model
    loss_fn = nn.CrossEntropyLoss(label_smoothing=settings.label_smoothing)
    opt = make_optimizer(settings, model)
    steps = settings.epochs * -(-len(split.x_train) // settings.batch_size)
    schedule = optim.lr_scheduler.CosineAnnealingLR(opt, T_max=max(steps, 1))
    history = []
    start = time.perf_counter()
    for epoch in range(1, settings.epochs + 1):
        model.train()
        seen = correct = 0
        total_loss = 0.0
        it: Iterator[Any] = batches(
            split.x_train, split.y_train, settings.batch_size, shuffle=True, rng=rng
        )
        n_batches = -(-len(split.x_train) // settings.batch_size)
        if progress is not None:
            it = progress(it, n_batches, f"epoch {epoch}/{settings.epochs}")
        for xb, yb in it:
            logits, loss = train_step(
                model, loss_fn, opt, (xb - mean) / std, yb, tape=settings.model != "cnn"
            )
            schedule.step()
            seen += len(yb)
            total_loss += loss * len(yb)
            correct += int(np.sum(np.argmax(logits, axis=1) == yb))
            if hasattr(it, "set_postfix"):
                it.set_postfix(loss=f"{total_loss / seen:.4f}", acc=f"{correct / seen:.1%}")
        test = evaluate(classifier, split.x_test, split.y_test)
        history.append(
            {
                "epoch": epoch,
                "train_loss": total_loss / seen,
                "train_accuracy": correct / seen,
                "test_loss": test["loss"],
                "test_accuracy": test["accuracy"],
                "seconds": time.perf_counter() - start,
            }
        )
        if report is not None:
            h = history[-1]
            report(
                f"epoch {epoch}: train loss {h['train_loss']:.4f}, acc {h['train_accuracy']:.1%}; "
                f"test loss {h['test_loss']:.4f}, acc {h['test_accuracy']:.1%}"
            )
    return classifier, history
