"""Image data sets for training: scikit-learn's bundled digits, MNIST and Fashion-MNIST.

Every loader returns a :class:`Split`: images ``(N, 1, H, W)`` float32 in ``[0, 1]`` and labels
``(N,)`` int64, for training and for testing, with the class names.

- ``digits``: the 1,797 8x8 handwritten digits bundled with scikit-learn (no download; the
  ``train`` extra installs scikit-learn), pixel values 0..16 scaled to ``[0, 1]``, split into
  train and test with a stratified, seeded shuffle.
- ``mnist`` and ``fashion-mnist``: 60,000 training and 10,000 test images, 28x28, read from the
  four standard IDX files (raw or gzipped) in a directory; missing files are downloaded from
  the usual public mirrors when the machine is online.

The IDX format (LeCun's, used by MNIST) is a 4-byte magic number ``00 00 TT DD`` (``TT`` the
element type, ``DD`` the number of dimensions), then each dimension as a big-endian uint32, then
the elements, big-endian, last index fastest. :func:`read_idx` checks every part of that and
says which file broke which rule; :func:`write_idx` writes it.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import numbers
import os
import shutil
import struct
import urllib.request
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

DATASETS = ("digits", "mnist", "fashion-mnist")

#: IDX type codes and the (big-endian) dtypes they stand for.
IDX_TYPES: dict[int, np.dtype] = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_IDX_NAMES = {
    0x08: "ubyte",
    0x09: "byte",
    0x0B: "short",
    0x0C: "int",
    0x0D: "float",
    0x0E: "double",
}

#: The four files of MNIST and Fashion-MNIST (the same names for both), without ``.gz``.
MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}
#: Where the gzipped files are downloaded from, tried in order.
MIRRORS = {
    "mnist": (
        "https://ossci-datasets.s3.amazonaws.com/mnist/",  # torchvision's
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ),
    "fashion-mnist": (
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
    ),
}
#: The published MD5 sums of the gzipped files (torchvision's), checked after a download.
MD5 = {
    "mnist": {
        "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
        "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
        "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
        "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
    },
    "fashion-mnist": {
        "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
        "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
        "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
    },
}
CLASSES = {
    "digits": tuple(str(i) for i in range(10)),
    "mnist": tuple(str(i) for i in range(10)),
    "fashion-mnist": (
        "T-shirt/top",
        "Trouser",
        "Pullover",
        "Dress",
        "Coat",
        "Sandal",
        "Shirt",
        "Sneaker",
        "Bag",
        "Ankle boot",
    ),
}


class Split(NamedTuple):
    """A data set split for training and testing.

    ``x_train (N, 1, H, W)`` and ``x_test (M, 1, H, W)``: float32 in ``[0, 1]``;
    ``y_train (N,)`` and ``y_test (M,)``: int64 class indices into ``classes`` (their names);
    ``name``: the data set's.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    classes: tuple[str, ...]
    name: str

    def __repr__(self) -> str:
        return (
            f"Split({self.name!r}: x_train {self.x_train.shape} {self.x_train.dtype}, "
            f"x_test {self.x_test.shape} {self.x_test.dtype}, {len(self.classes)} classes)"
        )


def load_dataset(
    name: str, data_dir: str | Path | None = None, download: bool = True, train: bool = True
) -> Split:
    """Load ``"digits"``, ``"mnist"`` or ``"fashion-mnist"`` with its default split.

    With ``train=False`` only the test images are read (and only their files need exist); the
    training arrays are then empty, ``(0, 1, H, W)`` and ``(0,)``.

    MNIST and Fashion-MNIST files have the same names, so each lives in its own folder:
    ``data_dir/mnist/`` and ``data_dir/fashion-mnist/`` (``data_dir`` defaults to ``./data``);
    a ``data_dir`` that itself holds all four files, and that folder does not, is read directly.

    >>> load_dataset("digits")
    Split('digits': x_train (1437, 1, 8, 8) float32, x_test (360, 1, 8, 8) float32, 10 classes)
    """
    if name == "digits":
        return load_digits()
    if name not in DATASETS:
        raise ValueError(f"load_dataset: name must be one of {', '.join(DATASETS)}; got {name!r}")
    root = Path("data" if data_dir is None else data_dir)
    folder = root / name
    if not _has_all(folder, train) and _has_all(root, train):
        folder = root
    return load_mnist(folder, kind=name, download=download, train=train)


def load_digits(test_fraction: float = 0.2, seed: int = 0) -> Split:
    """scikit-learn's bundled 8x8 digits, split into train and test, stratified by class.

    The 1,797 images become ``(N, 1, 8, 8)`` float32 in ``[0, 1]`` (pixel values 0..16 divided
    by 16); ``test_fraction`` of them, in every class, go to the test set, chosen by ``seed``:
    the same seed gives the same split.

    >>> split = load_digits()
    >>> split.x_train.shape, split.x_test.shape, split.y_train.dtype, split.classes[:3]
    ((1437, 1, 8, 8), (360, 1, 8, 8), dtype('int64'), ('0', '1', '2'))
    """
    if not isinstance(test_fraction, numbers.Real) or not 0 < test_fraction < 1:
        raise ValueError(f"load_digits: test_fraction must be in (0, 1); got {test_fraction!r}")
    if not isinstance(seed, numbers.Integral) or isinstance(seed, bool):
        raise TypeError(f"load_digits: seed must be an int; got {seed!r}")
    try:
        from sklearn.datasets import load_digits as sklearn_digits
        from sklearn.model_selection import train_test_split
    except ImportError as err:
        raise ImportError(
            "load_digits needs scikit-learn, which bundles the digits: "
            'pip install "convgrad[train]"'
        ) from err
    bunch = sklearn_digits()
    x = (bunch.images / 16.0).astype(np.float32)[:, None]  # (1797, 1, 8, 8)
    y = bunch.target.astype(np.int64)  # (1797,)
    try:
        x_train, x_test, y_train, y_test = train_test_split(
            x, y, test_size=float(test_fraction), stratify=y, random_state=int(seed)
        )
    except ValueError as err:  # too few images on one side for one per class
        raise ValueError(
            f"load_digits: test_fraction={test_fraction} leaves too few images on one side to "
            f"hold every class ({err})"
        ) from err
    return Split(x_train, y_train, x_test, y_test, CLASSES["digits"], "digits")


def load_mnist(
    data_dir: str | Path,
    kind: str = "mnist",
    download: bool = True,
    *,
    mirrors: Sequence[str] | None = None,
    train: bool = True,
) -> Split:
    """MNIST or Fashion-MNIST from the four IDX files in ``data_dir``, downloaded if missing.

    ``data_dir`` holds ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``,
    ``t10k-images-idx3-ubyte`` and ``t10k-labels-idx1-ubyte``, each raw or gzipped (``.gz``).
    With ``download=True`` the missing ones are fetched (gzipped) from ``mirrors``, tried in
    order: by default the usual public locations (:data:`MIRRORS`), whose files must then match
    their published MD5 sums. Images become ``(N, 1, H, W)`` float32 in ``[0, 1]`` (pixel / 255;
    28x28 in the real files), labels ``(N,)`` int64 in 0..9. ``kind`` is ``"mnist"`` or
    ``"fashion-mnist"``. With ``train=False`` only the two test files are needed and read; the
    training arrays are then empty.
    """
    if kind not in MIRRORS:
        raise ValueError(f"load_mnist: kind must be 'mnist' or 'fashion-mnist'; got {kind!r}")
    data_dir = Path(data_dir)
    needed = {k: n for k, n in MNIST_FILES.items() if train or k.startswith("test")}
    missing = [n for n in needed.values() if _find(data_dir, n) is None]
    if missing and not download:
        raise FileNotFoundError(
            f"load_mnist: {kind} files missing from {data_dir}: {', '.join(missing)} (raw or "
            f".gz); place them there, or pass download=True to fetch them from {MIRRORS[kind][0]}"
        )
    if missing:
        urls = list(MIRRORS[kind] if mirrors is None else mirrors)
        if not urls or not all(isinstance(u, str) for u in urls):
            raise ValueError(f"load_mnist: mirrors must be base URLs (strings); got {mirrors!r}")
        data_dir.mkdir(parents=True, exist_ok=True)
        checksums = MD5[kind] if mirrors is None else {}
        for n in missing:
            _download(f"{n}.gz", data_dir, urls, checksums, kind)
    paths = {key: _find(data_dir, n) for key, n in needed.items()}
    _check_not_other_kind(paths.get("train_labels"), kind)
    parts = {}
    for part in ("train", "test") if train else ("test",):
        images_path, labels_path = paths[f"{part}_images"], paths[f"{part}_labels"]
        assert images_path is not None and labels_path is not None
        images, labels = read_idx(images_path), read_idx(labels_path)
        if images.ndim != 3 or images.dtype != np.uint8:
            raise ValueError(
                f"load_mnist: {images_path} must hold ubyte images (N, H, W); got {images.ndim} "
                f"dimensions {images.shape} of {images.dtype}"
            )
        if labels.ndim != 1 or labels.dtype != np.uint8:
            raise ValueError(
                f"load_mnist: {labels_path} must hold ubyte labels (N,); got {labels.ndim} "
                f"dimensions {labels.shape} of {labels.dtype}"
            )
        if len(images) != len(labels):
            raise ValueError(
                f"load_mnist: {images_path} holds {len(images)} images but {labels_path} holds "
                f"{len(labels)} labels; the counts must agree"
            )
        if len(labels) and labels.max() > 9:
            raise ValueError(
                f"load_mnist: {labels_path} holds label {labels.max()}; labels must be in 0..9"
            )
        x = (images.astype(np.float32) / np.float32(255))[:, None]  # (N, 1, H, W)
        parts[part] = (x, labels.astype(np.int64))
    x_test, y_test = parts["test"]
    empty = (np.zeros((0, *x_test.shape[1:]), np.float32), np.zeros(0, np.int64))
    x_train, y_train = parts.get("train", empty)
    if x_train.shape[1:] != x_test.shape[1:]:
        raise ValueError(
            f"load_mnist: training images are {x_train.shape[2:]} but test images are "
            f"{x_test.shape[2:]} in {data_dir}; they must be the same size"
        )
    return Split(x_train, y_train, x_test, y_test, CLASSES[kind], kind)


def batches(
    x: np.ndarray,
    y: np.ndarray,
    batch_size: int,
    *,
    shuffle: bool = False,
    rng: np.random.Generator | int | None = None,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Minibatches ``(xb, yb)`` of ``x (N, ...)`` and ``y (N, ...)``, every sample once.

    The last batch holds the remainder when ``batch_size`` does not divide ``N``. With
    ``shuffle``, the order is a permutation drawn from ``rng`` (a Generator, or a seed), so the
    same Generator state gives the same batches; unshuffled batches are views of ``x`` and ``y``.

    >>> [yb.tolist() for _, yb in batches(np.zeros((5, 2)), np.arange(5), 2)]
    [[0, 1], [2, 3], [4]]
    """
    arrays = []
    for name, a in (("x", x), ("y", y)):
        try:
            a = np.asarray(a)
        except (TypeError, ValueError) as err:
            raise TypeError(f"batches: {name} must be an array; got {a!r:.80}") from err
        if a.ndim < 1 or a.dtype.kind not in "biuf":
            raise TypeError(
                f"batches: {name} must be an array of numbers, (N, ...); got shape {a.shape}, "
                f"dtype {a.dtype}"
            )
        arrays.append(a)
    x, y = arrays
    if len(x) != len(y):
        raise ValueError(
            f"batches: x and y must hold as many samples; got x shape {np.shape(x)}, y shape "
            f"{np.shape(y)}"
        )
    if not isinstance(shuffle, bool | np.bool_):
        raise TypeError(f"batches: shuffle must be True or False; got {shuffle!r:.80}")
    if (
        rng is not None
        and not isinstance(rng, np.random.Generator)
        and (isinstance(rng, bool) or not isinstance(rng, numbers.Integral) or rng < 0)
    ):
        raise TypeError(
            f"batches: rng must be a Generator, an int seed >= 0 or None; got {rng!r:.80}"
        )
    if not isinstance(batch_size, numbers.Integral) or isinstance(batch_size, bool):
        raise TypeError(f"batches: batch_size must be an int; got {batch_size!r}")
    if batch_size < 1:
        raise ValueError(f"batches: batch_size must be >= 1; got {batch_size}")
    n = len(x)
    order = np.random.default_rng(rng).permutation(n) if shuffle else None
    return _batches(x, y, int(batch_size), order)


def _batches(
    x: np.ndarray, y: np.ndarray, batch_size: int, order: np.ndarray | None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    for start in range(0, len(x), batch_size):
        if order is None:
            yield x[start : start + batch_size], y[start : start + batch_size]
        else:
            idx = order[start : start + batch_size]
            yield x[idx], y[idx]


# --- IDX files ------------------------------------------------------------------------------


#: The most data bytes :func:`read_idx` reads by default: 1 GiB (MNIST's largest file holds
#: 47 MB). A gzipped file may also declare at most what deflate can hold in its size (1032:1).
MAX_IDX_BYTES = 2**30
_DEFLATE_RATIO = 1032
_CHUNK = 1 << 20


def read_idx(path: str | Path, max_bytes: int = MAX_IDX_BYTES) -> np.ndarray:
    """The array in an IDX file, raw or gzipped (told apart by the gzip magic bytes ``1f 8b``).

    Checks the magic number (two zero bytes, a known type code, at least one dimension) and
    that the data are exactly as long as the dimensions say, before reading them: a raw file's
    size is compared with the header's, and a gzipped file is decompressed a chunk at a time,
    never beyond the declared size (a gzip bomb stops there). The declared size must be at most
    ``max_bytes``. A broken rule, or a file that cannot be read, raises ``ValueError`` naming
    the file. The result has the file's shape and element type, in the machine's byte order.

    >>> import tempfile
    >>> header = bytes([0, 0, 0x08, 2]) + (2).to_bytes(4, "big") + (3).to_bytes(4, "big")
    >>> with tempfile.TemporaryDirectory() as folder:  # a ubyte file of shape (2, 3)
    ...     path = Path(folder) / "a-idx2-ubyte"
    ...     _ = path.write_bytes(header + bytes([1, 2, 3, 4, 5, 6]))
    ...     read_idx(path)
    array([[1, 2, 3],
           [4, 5, 6]], dtype=uint8)
    """
    path = Path(path)
    try:
        with path.open("rb") as raw_file:
            size = os.fstat(raw_file.fileno()).st_size
            zipped = raw_file.read(2) == b"\x1f\x8b"
            raw_file.seek(0)
            if zipped:
                with gzip.GzipFile(fileobj=raw_file, mode="rb") as f:
                    return _read_idx(f, path, None, size, max_bytes)
            return _read_idx(raw_file, path, size, size, max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise ValueError(f"read_idx: {path} is a damaged gzip file: {err}") from None
    except OSError as err:
        raise ValueError(f"read_idx: cannot read {path}: {err.strerror or err}") from None


def _read_exactly(f: Any, n: int, path: Path, what: str) -> bytes:
    """``n`` bytes of ``f``, a chunk at a time; ValueError when the file ends first."""
    parts, left = [], n
    while left:
        part = f.read(min(left, _CHUNK))
        if not part:
            got = n - left
            raise ValueError(f"read_idx: {path} is truncated: {what} needs {n} bytes; it has {got}")
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _read_idx(f: Any, path: Path, raw_size: int | None, file_size: int, max_bytes: int):
    """The IDX array in the open (maybe decompressing) file ``f``; ``raw_size``: the data's
    whole size when known without reading (an uncompressed file)."""
    magic = f.read(4)
    if len(magic) < 4:
        raise ValueError(
            f"read_idx: {path} is truncated: {len(magic)} bytes, fewer than the 4-byte magic number"
        )
    zero, code, ndim = magic[:2], magic[2], magic[3]
    if zero != b"\x00\x00":
        raise ValueError(
            f"read_idx: {path} is not an IDX file: its magic number {magic.hex(' ')} must start "
            "with two zero bytes"
        )
    if code not in IDX_TYPES:
        known = ", ".join(f"0x{c:02X} ({n})" for c, n in _IDX_NAMES.items())
        raise ValueError(
            f"read_idx: {path} has unknown type code 0x{code:02X} in its magic number; the IDX "
            f"types are {known}"
        )
    if ndim == 0:
        raise ValueError(
            f"read_idx: {path} has 0 dimensions in its magic number; an IDX file has at least 1"
        )
    header = 4 + 4 * ndim
    dims = f.read(4 * ndim)
    if len(dims) < 4 * ndim:
        raise ValueError(
            f"read_idx: {path} is truncated: its header needs {header} bytes for {ndim} "
            f"dimensions; the file has {4 + len(dims)}"
        )
    shape = struct.unpack(f">{ndim}I", dims)
    dtype = IDX_TYPES[code]
    expected = math.prod(shape) * dtype.itemsize
    what = f"dimensions {shape} of {_IDX_NAMES[code]} need {expected} data bytes"
    if raw_size is not None and raw_size - header != expected:
        actual = raw_size - header
        broken = "truncated" if actual < expected else f"{actual - expected} bytes too long"
        raise ValueError(
            f"read_idx: {path} is {broken}: {what} after the {header}-byte header; the file has "
            f"{actual}"
        )
    if expected > max_bytes:
        raise ValueError(
            f"read_idx: {path} declares too much data: {what}; the limit is {max_bytes}"
        )
    if raw_size is None and expected > _DEFLATE_RATIO * file_size + _CHUNK:
        raise ValueError(
            f"read_idx: {path} is damaged: {what}, more than its {file_size} gzipped bytes can hold"
        )
    data = _read_exactly(f, expected, path, what)
    extra = len(f.read(_CHUNK)) if raw_size is None else 0  # a bounded look past the end
    if extra:
        more = "more than " if f.read(1) else ""
        raise ValueError(
            f"read_idx: {path} is {more}{extra} bytes too long: {what} after the {header}-byte "
            f"header; the file has {more}{expected + extra}"
        )
    return np.frombuffer(data, dtype=dtype).reshape(shape).astype(dtype.newbyteorder("="))


def write_idx(path: str | Path, array: np.ndarray) -> None:
    """Write ``array`` (1 to 255 dimensions) as an IDX file, gzipped when ``path`` ends in ``.gz``.

    The dtype must be one IDX holds: uint8, int8, int16, int32, float32 or float64.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_idx(Path(folder) / "a-idx1-short.gz", np.array([-1, 300], dtype=np.int16))
    ...     read_idx(Path(folder) / "a-idx1-short.gz")
    array([ -1, 300], dtype=int16)
    """
    array = np.asarray(array)
    codes = {(t.kind, t.itemsize): c for c, t in IDX_TYPES.items()}
    code = codes.get((array.dtype.kind, array.dtype.itemsize))
    if code is None:
        raise TypeError(
            f"write_idx: array has dtype {array.dtype}; IDX holds uint8, int8, int16, int32, "
            "float32 or float64"
        )
    if not 1 <= array.ndim <= 255:
        raise ValueError(f"write_idx: array must have 1 to 255 dimensions; got shape {array.shape}")
    if any(s >= 2**32 for s in array.shape):
        raise ValueError(f"write_idx: every dimension must be < 2**32; got shape {array.shape}")
    data = struct.pack(f">BBBB{array.ndim}I", 0, 0, code, array.ndim, *array.shape)
    data += np.ascontiguousarray(array, dtype=IDX_TYPES[code]).tobytes()
    Path(path).write_bytes(gzip.compress(data, mtime=0) if str(path).endswith(".gz") else data)


# --- finding and downloading files -----------------------------------------------------------


def _find(data_dir: Path, name: str) -> Path | None:
    for candidate in (data_dir / name, data_dir / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def _has_all(data_dir: Path, train: bool = True) -> bool:
    return all(
        _find(data_dir, n) is not None
        for key, n in MNIST_FILES.items()
        if train or key.startswith("test")
    )


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def _check_not_other_kind(labels: Path | None, kind: str) -> None:
    """Both data sets use the same file names: refuse the other one's (known) labels file."""
    if labels is None or labels.suffix != ".gz":
        return
    other = "fashion-mnist" if kind == "mnist" else "mnist"
    if _md5(labels) == MD5[other]["train-labels-idx1-ubyte.gz"]:
        raise ValueError(
            f"load_mnist: {labels.parent} holds the {other} files, not {kind}'s (they share file "
            "names: keep each data set in its own folder)"
        )


def _download(
    name: str, data_dir: Path, mirrors: list[str], checksums: dict[str, str], kind: str
) -> None:
    """Fetch ``name`` into ``data_dir`` from the first mirror that has it (and the right MD5)."""
    target, part = data_dir / name, data_dir / f"{name}.part"
    failures = []
    for base in mirrors:
        url = base if base.endswith("/") else base + "/"
        url += name
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "convgrad"})
            with urllib.request.urlopen(request, timeout=60) as response, part.open("wb") as out:
                shutil.copyfileobj(response, out)
        except (OSError, ValueError) as err:  # URLError, HTTPError, timeouts, bad URLs
            part.unlink(missing_ok=True)
            failures.append(f"{url}: {err}")
            continue
        if name in checksums and _md5(part) != checksums[name]:
            part.unlink()
            failures.append(f"{url}: the file's MD5 is not the published {checksums[name]}")
            continue
        part.replace(target)
        return
    names = ", ".join(f"{n}.gz" for n in MNIST_FILES.values())
    raise FileNotFoundError(
        f"load_mnist: could not download {name} ({'; '.join(failures)}). If this machine is "
        f"offline, fetch the {kind} files {names} from {mirrors[0]} elsewhere and place them, "
        f"gzipped or not, in {data_dir}"
    )
