"""Reading an untrusted ``.npz`` member by member, each checked before it is read.

An ``.npz`` is a zip archive of ``.npy`` files. :func:`open_npz` opens the archive (ValueError
naming the file when it is not one); :func:`read_member` reads one member's ``.npy`` header
first, checks its dtype (numbers only: no object, string or complex arrays unless asked), its
shape and that the member's size is exactly the header plus the data, and only then reads the
data. Nothing is ever unpickled.

>>> import io
>>> buffer = io.BytesIO()
>>> np.savez(buffer, a=np.arange(3.0))
>>> with open_npz(buffer, "buffer") as archive:
...     read_member(archive, "a.npy", "buffer", kinds="f", shape=(3,))
array([0., 1., 2.])
"""

from __future__ import annotations

import zipfile
from typing import IO, Any

import numpy as np

_MAGIC_LEN = 8  # b"\x93NUMPY" and the format's major and minor versions


def open_npz(file: Any, name: str) -> zipfile.ZipFile:
    """The zip archive ``file`` (a path or a binary file); ValueError naming ``name`` when it
    cannot be opened or is not a zip archive."""
    try:
        return zipfile.ZipFile(file)
    except zipfile.BadZipFile:
        raise ValueError(f"{name}: cannot read it: not an .npz file (not a zip archive)") from None
    except OSError as err:
        raise ValueError(f"{name}: cannot read it: {err.strerror or err}") from None
    except (ValueError, EOFError, NotImplementedError) as err:
        raise ValueError(f"{name}: cannot read it: a damaged .npz file: {err}") from None


def _header(fp: IO[bytes], where: str) -> tuple[tuple[int, ...], bool, np.dtype]:
    try:
        major, _ = np.lib.format.read_magic(fp)
        if major == 1:
            return np.lib.format.read_array_header_1_0(fp)
        if major in (2, 3):
            return np.lib.format.read_array_header_2_0(fp)
    except Exception as err:  # the header is parsed text: its errors come in many types
        raise ValueError(f"{where} has a damaged .npy header: {err!r:.200}") from None
    raise ValueError(f"{where} has an unknown .npy format version {major}")


def read_member(
    archive: zipfile.ZipFile,
    member: str,
    name: str,
    kinds: str,
    shape: tuple[int, ...] | None = None,
    max_bytes: int = 1 << 20,
) -> np.ndarray:
    """Member ``member`` of ``archive`` as an array, after checking its header: the dtype's
    kind one of ``kinds`` (``"f"`` float, ``"i"`` int, ``"U"`` text, ...), the shape
    ``shape`` when given, at most ``max_bytes`` of data, and the member's size exactly the
    header's plus the data's. ValueError naming ``name`` and the member otherwise."""
    where = f"{name}: member {member}"
    try:
        info = archive.getinfo(member)
    except KeyError:
        raise ValueError(f"{name} has no member {member}") from None
    try:
        with archive.open(info) as fp:
            shape_read, fortran, dtype = _header(fp, where)
            if dtype.hasobject or dtype.kind not in kinds or dtype.fields is not None:
                raise ValueError(
                    f"{where} holds {dtype} data; it must be of kind {', '.join(kinds)} "
                    "(object, string and complex arrays are refused)"
                )
            if shape is not None and tuple(shape_read) != tuple(shape):
                raise ValueError(f"{where} has shape {shape_read}; it must be {tuple(shape)}")
            nbytes = int(np.prod(shape_read, dtype=np.int64)) * dtype.itemsize
            if any(s < 0 for s in shape_read) or nbytes > max_bytes:
                raise ValueError(
                    f"{where} declares shape {shape_read} of {dtype}: {nbytes} bytes, over the "
                    f"limit of {max_bytes}"
                )
            if info.file_size != fp.tell() + nbytes:
                raise ValueError(
                    f"{where} is {info.file_size} bytes; its header says {fp.tell() + nbytes}"
                )
            data = fp.read(nbytes)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as err:
        raise ValueError(f"{where} is damaged: {err}") from None
    if len(data) != nbytes:
        raise ValueError(f"{where} is truncated: {len(data)} of {nbytes} data bytes")
    if dtype.kind == "U":  # UTF-32 code units: each must be a character
        units = np.frombuffer(data, dtype=dtype.byteorder.replace("|", "=") + "u4")
        if ((units >= 0x110000) | ((units >= 0xD800) & (units < 0xE000))).any():
            raise ValueError(f"{where} holds text that is not valid Unicode")
    array = np.frombuffer(data, dtype=dtype)
    return array.reshape(shape_read, order="F" if fortran else "C").copy()
