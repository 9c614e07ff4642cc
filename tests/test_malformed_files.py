"""Malformed files: every one gets a clear ValueError (the library) or exit 2 and one line (the
CLI), in bounded time and memory: IDX data files and model ``.npz`` files, cut short, flipped,
forged, bombs, pickles, wrong types, folders and symlink loops."""

import gzip
import io
import json
import time
import tracemalloc
import zipfile
import zlib

import numpy as np
import pytest

from convgrad.cli import main
from convgrad.data import read_idx, write_idx
from convgrad.training import Classifier, build_model, load_classifier, small_cnn_config

# --- IDX files -----------------------------------------------------------------------------


def _idx(shape, code=0x08, data=None):
    header = bytes([0, 0, code, len(shape)]) + b"".join(s.to_bytes(4, "big") for s in shape)
    return header + (bytes(int(np.prod(shape))) if data is None else data)


def _gzip_stream(header, zeros):
    """A gzip file of ``header`` then ``zeros`` zero bytes, built a MiB at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip container
    parts = [packer.compress(header)]
    chunk = bytes(1 << 20)
    for _ in range(zeros >> 20):
        parts.append(packer.compress(chunk))
    return b"".join(parts) + packer.flush()


def bad_idx_files(folder):
    good = _idx((2, 3, 4), data=bytes(range(24)))
    files = {
        "empty": b"",
        "one byte": b"\x00",
        "three bytes": b"\x00\x00\x08",
        "wrong magic": b"\x01" + good[1:],
        "unknown type code": good[:2] + b"\x0a" + good[3:],
        "zero dimensions": good[:3] + b"\x00" + good[4:],
        "too long": good + b"\x00",
        "huge declared dims": _idx((2**32 - 1, 2**32 - 1, 2**32 - 1), data=b""),
        "huge dims, gzipped": gzip.compress(_idx((60000, 28, 28), data=b"")),
        "gzip declares more than it can hold": gzip.compress(_idx((500_000_000,), data=b"")),
        "gzip bomb past its declared size": _gzip_stream(_idx((10,), data=b""), 64 << 20),
        "gzip cut short": gzip.compress(good)[:-12],
        "gzip garbage body": b"\x1f\x8b\x08\x00" + bytes(range(60)),
        "wrong dtype code for its length": good[:2] + b"\x0d" + good[3:],
        "garbage": np.random.default_rng(1).bytes(500),
    }
    for cut in range(len(good)):
        files[f"cut at {cut}"] = good[:cut]
    for byte in range(12):  # the header: each of these flips breaks a rule
        for bit in (0, 7) if byte != 2 else (7,):  # (bit 0 of byte 2 makes ubyte byte: valid)
            flipped = bytearray(good)
            flipped[byte] ^= 1 << bit
            files[f"bit {bit} of byte {byte} flipped"] = bytes(flipped)
    paths = {}
    for name, content in files.items():
        paths[name] = folder / name.replace(" ", "-")
        paths[name].write_bytes(content)
    paths["a folder"] = folder / "a-folder"
    paths["a folder"].mkdir()
    paths["a symlink loop"] = folder / "loop"
    paths["a symlink loop"].symlink_to(folder / "loop")
    paths["missing"] = folder / "missing"
    return paths


@pytest.fixture(scope="module")
def idx_files(tmp_path_factory):
    return bad_idx_files(tmp_path_factory.mktemp("idx"))


def _idx_names():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        return list(bad_idx_files(Path(folder)))


IDX_NAMES = _idx_names()


def refused(read, path, prefix):
    """``(message, peak bytes allocated, seconds)`` of ``read(path)``, which must raise a
    ValueError whose message starts with ``prefix`` and names ``path``."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ValueError, match=f"^{prefix}") as caught:
            read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(path) in str(caught.value)
    return str(caught.value), peak, time.perf_counter() - start


@pytest.mark.parametrize("name", IDX_NAMES)
def test_a_malformed_idx_file_is_a_clear_error(name, idx_files):
    _, peak, seconds = refused(read_idx, idx_files[name], "read_idx: ")
    assert peak < 8 << 20, f"{peak / 2**20:.1f} MiB"  # a MiB chunk at a time, never the bomb
    assert seconds < 10


def test_the_gzip_bomb_stops_after_a_chunk(idx_files):
    with pytest.raises(ValueError, match="more than 1048576 bytes too long"):
        read_idx(idx_files["gzip bomb past its declared size"])


def test_a_declared_size_over_the_limit_is_refused_before_reading(tmp_path):
    write_idx(tmp_path / "a-idx1-ubyte", np.zeros(100, np.uint8))
    assert read_idx(tmp_path / "a-idx1-ubyte", max_bytes=100).shape == (100,)
    with pytest.raises(ValueError, match="declares too much data.*the limit is 99"):
        read_idx(tmp_path / "a-idx1-ubyte", max_bytes=99)


# --- model files ---------------------------------------------------------------------------


def _good_arrays():
    config = small_cnn_config(1, 8, 10, width=4)
    model = build_model(config)
    arrays = {f"state/{k}": v for k, v in model.state_dict().items()}
    arrays.update(
        format=np.array("convgrad-model-1"),
        config=np.array(json.dumps(config)),
        info=np.array(json.dumps({"dataset": "digits", "classes": list("0123456789")})),
        normalize=np.array([0.3, 0.4]),
    )
    return config, arrays


def _npz(arrays, raw=None):
    """An .npz of ``arrays`` (saved as NumPy does) and ``raw`` members (bytes as they are)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for key, value in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.asanyarray(value), allow_pickle=True)
            archive.writestr(f"{key}.npy", member.getvalue())
        for key, value in (raw or {}).items():
            archive.writestr(key, value)
    return buffer.getvalue()


def _npy_header(dtype, shape):
    member = io.BytesIO()
    header = {"descr": dtype, "fortran_order": False, "shape": shape}
    np.lib.format.write_array_header_1_0(member, header)
    return member.getvalue()


def bad_model_files(folder):
    config, good = _good_arrays()
    key = "state/0.weight"
    shape = good[key].shape

    def changed(updates=None, **named):
        arrays = dict(good)
        for k, v in {**(updates or {}), **named}.items():
            if v is None:
                arrays.pop(k)
            else:
                arrays[k] = v
        return _npz(arrays)

    def with_config(**updates):
        return changed(config=np.array(json.dumps(config | updates)))

    big_layer = ["Conv2d", {"in_channels": 4096, "out_channels": 4096, "kernel_size": 5}]
    valid = _npz(good)
    files = {
        "empty": b"",
        "garbage": np.random.default_rng(0).bytes(4000),
        "a plain .npy": _npy_header("<f8", (3,)) + bytes(24),
        "a pickle inside": changed(info=np.array([{"a": 1}], dtype=object)),
        "object array weights": changed({key: np.empty(shape, dtype=object)}),
        "string weights": changed({key: np.full(shape, "x")}),
        "complex weights": changed({key: np.zeros(shape, complex)}),
        "int weights": changed({key: np.zeros(shape, np.int64)}),
        "wrong shape": changed({key: np.zeros((4, 1, 3, 2), np.float32)}),
        "NaN weights": changed({key: np.full(shape, np.nan, np.float32)}),
        "inf weights": changed({key: np.full(shape, np.inf, np.float32)}),
        "a missing member": changed({key: None}),
        "an extra member": changed(extra=np.zeros(3)),
        "a renamed member": _npz({("state/0.w" if k == key else k): v for k, v in good.items()}),
        "no format marker": changed(format=None),
        "a wrong format marker": changed(format=np.array("something-else")),
        "format not text": changed(format=np.zeros(3)),
        "config not text": changed(config=np.zeros(3)),
        "config not JSON": changed(config=np.array("{layers: [")),
        "config with NaN": with_config(size=float("nan")),
        "config a list": changed(config=np.array("[1, 2]")),
        "config size a string": with_config(size="8"),
        "config negative size": with_config(size=-8),
        "config zero classes": with_config(classes=0),
        "config huge size": with_config(size=10**6),
        "config a bool": with_config(in_channels=True),
        "config extra key": with_config(extra=1),
        "config asks for 1.7 GB": with_config(layers=[big_layer] * 6),
        "config 10,000 layers": with_config(layers=[["ReLU", {}]] * 10_000),
        "config an unknown layer": with_config(layers=[["Evil", {}]]),
        "config a layer not a pair": with_config(layers=[["ReLU"]]),
        "config a bad argument": with_config(layers=[["ReLU", {"inplace": [1, 2, 3, 4]}]]),
        "config an unknown argument": with_config(
            layers=[["Conv2d", {"in_channels": 1, "out_channels": 4, "kernel_size": 3, "x": 1}]]
        ),
        "config layers that do not fit": with_config(size=4),
        "config deeply nested": changed(config=np.array("[" * 100_000 + "]" * 100_000)),
        "config not UTF-8 (a lone surrogate)": _npz(
            {k: v for k, v in good.items() if k != "config"},
            {"config.npy": _npy_header("<U1", ()) + (0xD800).to_bytes(4, "little")},
        ),
        "config beyond Unicode": _npz(
            {k: v for k, v in good.items() if k != "config"},
            {"config.npy": _npy_header("<U1", ()) + (0x7FFFFFFF).to_bytes(4, "little")},
        ),
        "a member's header lies about its size": _npz(
            {k: v for k, v in good.items() if k != key},
            {f"{key}.npy": _npy_header("<f4", shape) + bytes(10)},
        ),
        "a member's header is damaged": _npz(
            {k: v for k, v in good.items() if k != key},
            {f"{key}.npy": b"\x93NUMPY\x01\x00\x10\x00{'descr': <f4" + bytes(8)},
        ),
        "a member declares a huge shape": _npz(
            {k: v for k, v in good.items() if k != key},
            {f"{key}.npy": _npy_header("<f4", (2**40, 2**20))},
        ),
        "info not an object": changed(info=np.array("[1]")),
        "info with the wrong number of classes": changed(info=np.array('{"classes": ["a"]}')),
        "normalize wrong shape": changed(normalize=np.zeros(3)),
        "normalize std 0": changed(normalize=np.array([0.0, 0.0])),
        "normalize NaN": changed(normalize=np.array([np.nan, 1.0])),
    }
    for cut in np.linspace(1, len(valid) - 1, 12).astype(int):
        files[f"cut at {cut} of {len(valid)}"] = valid[:cut]
    with zipfile.ZipFile(io.BytesIO(valid)) as archive:  # a flip in any member's data, or
        infos = archive.infolist()  # in a signature, must be caught (by the CRC, or the checks)
    places = [i.header_offset + 30 + len(i.filename) + i.file_size // 2 for i in infos]
    places += [0, infos[3].header_offset, len(valid) - 22]  # local headers, end of directory
    for at in places:
        flipped = bytearray(valid)
        flipped[at] ^= 0x10
        files[f"a bit flipped at {at}"] = bytes(flipped)
    paths = {}
    for name, content in files.items():
        paths[name] = folder / (name.replace(" ", "-").replace("/", "-") + ".npz")
        paths[name].write_bytes(content)
    paths["a folder"] = folder / "folder.npz"
    paths["a folder"].mkdir()
    paths["a symlink loop"] = folder / "loop.npz"
    paths["a symlink loop"].symlink_to(folder / "loop.npz")
    return paths


def _model_names():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        return list(bad_model_files(Path(folder)))


MODEL_NAMES = _model_names()


@pytest.fixture(scope="module")
def model_files(tmp_path_factory):
    return bad_model_files(tmp_path_factory.mktemp("models"))


def test_the_good_model_file_loads(tmp_path):
    config, arrays = _good_arrays()
    (tmp_path / "m.npz").write_bytes(_npz(arrays))
    classifier = load_classifier(tmp_path / "m.npz")
    assert classifier.config == config and classifier.std == 0.4


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_a_malformed_model_file_is_a_clear_error(name, model_files):
    message, peak, seconds = refused(load_classifier, model_files[name], "model: ")
    assert "allow_pickle" not in message
    assert peak < 64 << 20, f"{peak / 2**20:.1f} MiB"
    assert seconds < 10


@pytest.mark.parametrize("name", MODEL_NAMES[::3])
@pytest.mark.parametrize("command", ["evaluate", "predict"])
def test_the_commands_give_one_line_for_a_malformed_model(name, command, model_files, capsys):
    argv = [command, str(model_files[name])] + ["whatever.png"] * (command == "predict")
    try:
        status = main(argv)
    except SystemExit as exit:
        status = exit.code
    err = capsys.readouterr().err
    assert status == 2 and len(err.splitlines()) == 1 and "Traceback" not in err, err


def test_a_saved_classifier_round_trips_through_the_checks(tmp_path):
    config = small_cnn_config(1, 28, 10)
    classifier = Classifier(build_model(config), config, 0.1, 0.3, {"dataset": "mnist"})
    classifier.save(tmp_path / "m.npz")
    loaded = load_classifier(tmp_path / "m.npz")
    x = np.random.default_rng(0).random((2, 1, 28, 28), dtype=np.float32)
    np.testing.assert_array_equal(loaded.logits(x), classifier.logits(x))
