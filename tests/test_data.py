"""Data loading: the digits split, the IDX reader and writer, MNIST files and their download.

IDX files are written by the tests, both with :func:`write_idx` and byte by byte (``_idx_bytes``
builds them from the format's definition, so the reader is not only checked against our own
writer). Downloads go to ``file://`` mirrors in a temporary folder or to a patched ``urlopen``:
never to the network.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import struct
import sys
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from convgrad import data
from convgrad.data import (
    MNIST_FILES,
    Split,
    batches,
    load_dataset,
    load_digits,
    load_mnist,
    read_idx,
    write_idx,
)

CODES = {
    np.uint8: 0x08,
    np.int8: 0x09,
    np.int16: 0x0B,
    np.int32: 0x0C,
    np.float32: 0x0D,
    np.float64: 0x0E,
}
BIG_ENDIAN = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def _idx_bytes(code: int, shape: tuple[int, ...], payload: bytes, zero: bytes = b"\0\0") -> bytes:
    """An IDX file by its definition: 00 00 type ndim, big-endian uint32 dims, then data."""
    return zero + bytes([code, len(shape)]) + struct.pack(f">{len(shape)}I", *shape) + payload


# --- digits ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def digits() -> Split:
    return load_digits()


def test_digits_shapes_dtypes_and_ranges(digits):
    assert isinstance(digits, Split) and digits.name == "digits"
    assert digits.classes == tuple("0123456789")
    assert digits.x_train.shape == (1437, 1, 8, 8) and digits.x_test.shape == (360, 1, 8, 8)
    assert digits.x_train.dtype == digits.x_test.dtype == np.float32
    assert digits.y_train.dtype == digits.y_test.dtype == np.int64
    for x in (digits.x_train, digits.x_test):
        assert x.min() == 0.0 and x.max() == 1.0  # 0..16 scaled by 1/16
        assert np.array_equal(x * 16, np.round(x * 16))
    assert set(np.unique(digits.y_train)) == set(range(10))


def test_digits_is_all_of_sklearn_split_stratified(digits):
    from sklearn.datasets import load_digits as sklearn_digits

    images = sklearn_digits().images / 16
    ours = np.concatenate([digits.x_train, digits.x_test])[:, 0]
    # every image exactly once: sort both sets of flattened images and compare
    key = lambda a: a.reshape(len(a), -1)[np.lexsort(a.reshape(len(a), -1).T)]  # noqa: E731
    np.testing.assert_array_equal(key(ours), key(images.astype(np.float32)))
    train_share = np.bincount(digits.y_train, minlength=10) / len(digits.y_train)
    test_share = np.bincount(digits.y_test, minlength=10) / len(digits.y_test)
    np.testing.assert_allclose(train_share, test_share, atol=0.01)


def test_digits_split_is_determined_by_the_seed(digits):
    again, other = load_digits(seed=0), load_digits(seed=1)
    np.testing.assert_array_equal(again.x_test, digits.x_test)
    np.testing.assert_array_equal(again.y_train, digits.y_train)
    assert not np.array_equal(other.y_test, digits.y_test)
    half = load_digits(test_fraction=0.5)
    assert len(half.y_test) in (898, 899) and len(half.y_train) + len(half.y_test) == 1797


@pytest.mark.parametrize("fraction", [0, 1, 1.5, -0.1, "0.2", 0.001])
def test_digits_bad_test_fraction(fraction):
    with pytest.raises(ValueError, match="^load_digits: test_fraction"):
        load_digits(test_fraction=fraction)


def test_digits_without_sklearn_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    with pytest.raises(ImportError, match=r'pip install "convgrad\[train\]"'):
        load_digits()


def test_load_dataset_dispatch(digits, tmp_path):
    split = load_dataset("digits")
    np.testing.assert_array_equal(split.x_train, digits.x_train)
    with pytest.raises(ValueError, match="digits, mnist, fashion-mnist; got 'cifar'"):
        load_dataset("cifar")


# --- IDX ------------------------------------------------------------------------------------


@given(
    dtype=st.sampled_from(list(CODES)),
    shape=st.lists(st.integers(0, 4), min_size=1, max_size=3).map(tuple),
    gz=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
)
def test_idx_round_trip_and_bytes(tmp_path_factory, dtype, shape, gz, seed):
    rng = np.random.default_rng(seed)
    info = np.iinfo(dtype) if np.dtype(dtype).kind in "iu" else None
    if info is None:
        array = rng.standard_normal(shape).astype(dtype)
    else:
        array = rng.integers(info.min, info.max, size=shape, endpoint=True).astype(dtype)
    path = tmp_path_factory.mktemp("idx") / ("a.idx.gz" if gz else "a.idx")
    write_idx(path, array)
    raw = path.read_bytes()
    if gz:
        assert raw[:2] == b"\x1f\x8b"
        raw = gzip.decompress(raw)
    code = CODES[dtype]
    assert raw == _idx_bytes(code, shape, array.astype(BIG_ENDIAN[code]).tobytes())
    back = read_idx(path)
    assert back.dtype == np.dtype(dtype) and back.shape == shape
    assert back.dtype.isnative and back.flags.writeable
    np.testing.assert_array_equal(back, array)


def test_read_hand_built_files(tmp_path):
    cases = [
        (0x08, (2, 3), bytes(range(6)), np.arange(6, dtype=np.uint8).reshape(2, 3)),
        (0x09, (3,), bytes([0xFF, 0x80, 0x7F]), np.array([-1, -128, 127], np.int8)),
        (0x0B, (2,), bytes([0x01, 0x02, 0xFF, 0xFE]), np.array([258, -2], np.int16)),
        (0x0C, (1, 1), bytes([0x00, 0x01, 0x00, 0x00]), np.array([[65536]], np.int32)),
        (0x0D, (1,), struct.pack(">f", 1.5), np.array([1.5], np.float32)),
        (0x0E, (1, 1, 2), struct.pack(">2d", -0.25, 1e300), np.array([[[-0.25, 1e300]]])),
    ]
    for code, shape, payload, expected in cases:
        path = tmp_path / f"t{code}"
        path.write_bytes(_idx_bytes(code, shape, payload))
        got = read_idx(path)
        assert got.dtype == expected.dtype
        np.testing.assert_array_equal(got, expected)


def test_gzip_is_detected_by_its_bytes_not_its_name(tmp_path):
    payload = _idx_bytes(0x08, (4,), bytes([9, 8, 7, 6]))
    (tmp_path / "zipped-without-suffix").write_bytes(gzip.compress(payload))
    (tmp_path / "plain.gz").write_bytes(payload)
    for name in ("zipped-without-suffix", "plain.gz"):
        np.testing.assert_array_equal(read_idx(tmp_path / name), [9, 8, 7, 6])


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "truncated: 0 bytes"),
        (b"\0\0\x08", "truncated: 3 bytes"),
        (_idx_bytes(0x08, (2,), b"ab", zero=b"\x08\x03"), "not an IDX file.*two zero bytes"),
        (_idx_bytes(0x08, (2,), b"ab", zero=b"\0\x01"), "not an IDX file"),
        (_idx_bytes(0x07, (2,), b"ab"), r"unknown type code 0x07.*0x08 \(ubyte\)"),
        (_idx_bytes(0x0A, (2,), b"ab"), "unknown type code 0x0A"),
        (_idx_bytes(0x08, (), b""), "0 dimensions"),
        (_idx_bytes(0x08, (2, 3), b"")[:10], "truncated: its header needs 12 bytes"),
        (_idx_bytes(0x08, (2, 3), bytes(5)), r"truncated: .*\(2, 3\).*need 6 data bytes.* has 5"),
        (_idx_bytes(0x0B, (3,), bytes(5)), "truncated: .*short need 6 data bytes.* has 5"),
        (_idx_bytes(0x08, (2, 3), bytes(8)), "2 bytes too long.*need 6 data bytes.* has 8"),
    ],
)
@pytest.mark.parametrize("gz", [False, True])
def test_read_idx_validation(tmp_path, content, match, gz):
    path = tmp_path / "bad-idx"
    path.write_bytes(gzip.compress(content) if gz else content)
    with pytest.raises(ValueError, match=f"^read_idx: {re.escape(str(path))}.*{match}"):
        read_idx(path)


def test_damaged_gzip(tmp_path):
    path = tmp_path / "cut.gz"
    path.write_bytes(gzip.compress(_idx_bytes(0x08, (100,), bytes(100)))[:-10])
    with pytest.raises(ValueError, match="damaged gzip"):
        read_idx(path)


@pytest.mark.parametrize(
    ("array", "error", "match"),
    [
        (np.zeros(2, np.int64), TypeError, "dtype int64"),
        (np.zeros(2, np.uint16), TypeError, "dtype uint16"),
        (np.zeros(2, bool), TypeError, "dtype bool"),
        (np.float64(1.0), ValueError, "1 to 255 dimensions"),
    ],
)
def test_write_idx_validation(tmp_path, array, error, match):
    with pytest.raises(error, match=f"^write_idx: .*{match}"):
        write_idx(tmp_path / "x", array)


def test_write_idx_big_endian_input(tmp_path):
    array = np.array([1.0, -2.0], dtype=">f8")
    write_idx(tmp_path / "x", array)
    np.testing.assert_array_equal(read_idx(tmp_path / "x"), array)


# --- MNIST ----------------------------------------------------------------------------------


def _fake_mnist(folder: Path, n_train=20, n_test=7, gz=False, size=28, seed=0, **override):
    """The four files with random content; ``override`` replaces one array by its key."""
    rng = np.random.default_rng(seed)
    arrays = {
        "train_images": rng.integers(0, 256, (n_train, size, size), dtype=np.uint8),
        "train_labels": rng.integers(0, 10, n_train, dtype=np.uint8),
        "test_images": rng.integers(0, 256, (n_test, size, size), dtype=np.uint8),
        "test_labels": rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    arrays.update(override)
    folder.mkdir(parents=True, exist_ok=True)
    for key, name in MNIST_FILES.items():
        write_idx(folder / (name + (".gz" if gz else "")), arrays[key])
    return arrays


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("kind", ["mnist", "fashion-mnist"])
def test_load_mnist_from_a_folder(tmp_path, gz, kind):
    arrays = _fake_mnist(tmp_path, gz=gz)
    split = load_mnist(tmp_path, kind=kind, download=False)
    assert split.name == kind and len(split.classes) == 10
    assert split.x_train.shape == (20, 1, 28, 28) and split.x_test.shape == (7, 1, 28, 28)
    assert split.x_train.dtype == np.float32 and split.y_train.dtype == np.int64
    np.testing.assert_array_equal(split.x_train[:, 0] * 255, arrays["train_images"])
    np.testing.assert_array_equal(split.y_test, arrays["test_labels"])
    assert 0 <= split.x_test.min() and split.x_test.max() <= 1
    if kind == "fashion-mnist":
        assert split.classes[0] == "T-shirt/top" and split.classes[-1] == "Ankle boot"


def test_load_mnist_mixed_raw_and_gzipped(tmp_path):
    arrays = _fake_mnist(tmp_path)
    (tmp_path / MNIST_FILES["test_images"]).unlink()
    write_idx(tmp_path / (MNIST_FILES["test_images"] + ".gz"), arrays["test_images"])
    np.testing.assert_array_equal(
        load_mnist(tmp_path, download=False).x_test[:, 0] * 255, arrays["test_images"]
    )


@pytest.mark.parametrize(
    ("override", "match"),
    [
        (dict(train_labels=np.zeros(19, np.uint8)), "20 images but .* 19 labels"),
        (dict(test_labels=np.full(7, 10, np.uint8)), "label 10; labels must be in 0..9"),
        (dict(train_images=np.zeros((20, 784), np.uint8)), r"images \(N, H, W\); got 2"),
        (dict(train_images=np.zeros((20, 28, 28), np.int16)), "ubyte images"),
        (dict(train_labels=np.zeros((20, 1), np.uint8)), r"labels \(N,\); got 2"),
        (dict(test_images=np.zeros((7, 14, 14), np.uint8)), r"\(28, 28\) but test .*\(14, 14\)"),
    ],
)
def test_load_mnist_validation(tmp_path, override, match):
    _fake_mnist(tmp_path, **override)
    with pytest.raises(ValueError, match=f"^load_mnist: .*{match}"):
        load_mnist(tmp_path, download=False)


def test_load_mnist_missing_files_without_download(tmp_path):
    _fake_mnist(tmp_path)
    (tmp_path / MNIST_FILES["train_labels"]).unlink()
    with pytest.raises(
        FileNotFoundError, match=f"missing from {re.escape(str(tmp_path))}: train-labels-idx1"
    ):
        load_mnist(tmp_path, download=False)
    with pytest.raises(ValueError, match="kind must be"):
        load_mnist(tmp_path, kind="emnist")
    with pytest.raises(ValueError, match="^load_mnist: mirrors must be base URLs"):
        load_mnist(tmp_path, mirrors=[])


def test_download_from_a_mirror(tmp_path):
    mirror, target = tmp_path / "mirror", tmp_path / "data"
    arrays = _fake_mnist(mirror, gz=True)
    split = load_mnist(target, mirrors=["file:///nowhere/", mirror.as_uri()])
    np.testing.assert_array_equal(split.y_train, arrays["train_labels"])
    assert sorted(p.name for p in target.iterdir()) == sorted(
        f"{n}.gz" for n in MNIST_FILES.values()
    )
    assert (target / "t10k-images-idx3-ubyte.gz").read_bytes() == (
        mirror / "t10k-images-idx3-ubyte.gz"
    ).read_bytes()


def test_download_fetches_only_what_is_missing(tmp_path, monkeypatch):
    mirror, target = tmp_path / "mirror", tmp_path / "data"
    _fake_mnist(mirror, gz=True)
    local = _fake_mnist(target, seed=1)
    (target / MNIST_FILES["test_labels"]).unlink()
    (target / MNIST_FILES["test_images"]).unlink()
    fetched = []
    real_urlopen = urllib.request.urlopen

    def urlopen(request, timeout):
        fetched.append(request.full_url.rsplit("/", 1)[1])
        return real_urlopen(request, timeout=timeout)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    split = load_mnist(target, mirrors=[mirror.as_uri()])
    assert sorted(fetched) == ["t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
    np.testing.assert_array_equal(split.y_train, local["train_labels"])


def test_download_checks_the_published_md5(tmp_path, monkeypatch):
    mirror = tmp_path / "mirror"
    _fake_mnist(mirror, gz=True)  # right names, wrong bytes: the checksum must refuse them
    monkeypatch.setitem(data.MIRRORS, "mnist", (mirror.as_uri(),))
    with pytest.raises(FileNotFoundError, match="MD5 is not the published"):
        load_mnist(tmp_path / "data")
    assert not any((tmp_path / "data").iterdir())  # no partial or unchecked file left


def test_offline_download_says_what_to_place_where(tmp_path, monkeypatch):
    tried = []

    def offline(request, timeout):
        tried.append(request.full_url)
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(FileNotFoundError) as info:
        load_mnist(tmp_path / "data", kind="fashion-mnist")
    message = str(info.value)
    assert "could not download train-images-idx3-ubyte.gz" in message
    assert "name resolution" in message and "offline" in message
    assert str(tmp_path / "data") in message
    for name in MNIST_FILES.values():
        assert f"{name}.gz" in message
    assert tried == [base + "train-images-idx3-ubyte.gz" for base in data.MIRRORS["fashion-mnist"]]
    assert not any((tmp_path / "data").iterdir())


def test_load_dataset_finds_each_data_set_in_its_folder(tmp_path):
    mnist = _fake_mnist(tmp_path / "mnist", seed=1)
    fashion = _fake_mnist(tmp_path / "fashion-mnist", seed=2, gz=True)
    got = load_dataset("mnist", tmp_path, download=False)
    np.testing.assert_array_equal(got.y_train, mnist["train_labels"])
    got = load_dataset("fashion-mnist", tmp_path, download=False)
    np.testing.assert_array_equal(got.y_train, fashion["train_labels"])
    assert got.name == "fashion-mnist"
    flat = _fake_mnist(tmp_path / "flat", seed=3)  # the four files directly in data_dir
    np.testing.assert_array_equal(
        load_dataset("mnist", tmp_path / "flat", download=False).y_test, flat["test_labels"]
    )
    with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path / "empty" / "mnist"))):
        load_dataset("mnist", tmp_path / "empty", download=False)


def test_refuses_the_other_data_sets_files(tmp_path, monkeypatch):
    _fake_mnist(tmp_path, gz=True)
    labels = (tmp_path / "train-labels-idx1-ubyte.gz").read_bytes()
    digest = hashlib.md5(labels, usedforsecurity=False).hexdigest()
    monkeypatch.setitem(data.MD5["mnist"], "train-labels-idx1-ubyte.gz", digest)
    with pytest.raises(ValueError, match="holds the mnist files, not fashion-mnist's"):
        load_mnist(tmp_path, kind="fashion-mnist", download=False)
    assert load_mnist(tmp_path, kind="mnist", download=False).name == "mnist"


# --- batches --------------------------------------------------------------------------------


@given(
    n=st.integers(0, 30),
    batch_size=st.integers(1, 12),
    shuffle=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
)
def test_batches_cover_every_sample_once(n, batch_size, shuffle, seed):
    x, y = np.arange(n * 2).reshape(n, 2), np.arange(n)
    got = list(batches(x, y, batch_size, shuffle=shuffle, rng=np.random.default_rng(seed)))
    assert len(got) == -(-n // batch_size)
    assert all(len(yb) == batch_size for _, yb in got[:-1])
    order = np.concatenate([yb for _, yb in got]) if got else np.array([], int)
    assert sorted(order.tolist()) == list(range(n))
    if not shuffle:
        assert order.tolist() == list(range(n))
    for xb, yb in got:
        np.testing.assert_array_equal(xb, x[yb])
    again = batches(x, y, batch_size, shuffle=shuffle, rng=np.random.default_rng(seed))
    assert all(np.array_equal(a[1], b[1]) for a, b in zip(got, again))


def test_batches_shuffle_differs_between_epochs_of_one_generator():
    rng = np.random.default_rng(0)
    x = np.arange(50)
    first = np.concatenate([yb for _, yb in batches(x, x, 8, shuffle=True, rng=rng)])
    second = np.concatenate([yb for _, yb in batches(x, x, 8, shuffle=True, rng=rng)])
    assert not np.array_equal(first, second) and not np.array_equal(first, x)


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((np.zeros(3), np.zeros(4), 2), ValueError, r"x shape \(3,\), y shape \(4,\)"),
        ((np.zeros(3), np.zeros(3), 0), ValueError, "batch_size must be >= 1"),
        ((np.zeros(3), np.zeros(3), 2.0), TypeError, "batch_size must be an int"),
    ],
)
def test_batches_validation(args, error, match):
    with pytest.raises(error, match=f"^batches: .*{match}"):
        batches(*args)  # raised at the call, not at the first batch
