"""Reading a model file written by ``Sequential.save`` — and nothing else — safely.

A model file is an ``.npz`` archive (a zip of ``.npy`` arrays) with the architecture as JSON in a
``__meta__`` array. Anything can arrive under that name: another file renamed, a zip bomb, an
array header declaring terabytes, a FIFO or ``/dev/zero`` behind a symlink, JSON nested a
million deep. Everything is checked against what the file really holds *before* it is read or
allocated, so a hostile file costs little memory and time, and fails with ``ModelFileError``
saying why (``OSError`` only when the file cannot be opened at all). No pickle is ever loaded.
"""

from __future__ import annotations

import json
import math
import os
import stat
import zipfile
import zlib
from pathlib import Path

import numpy as np

FORMAT = "cnn-studio-model"
FORMAT_VERSION = 1
META_KEY = "__meta__"
MAX_FILE_BYTES = 256 << 20      # a LeNet-5 file is about 250 KB
MAX_ARRAY_BYTES = 512 << 20     # declared, uncompressed, all arrays together
MAX_META_BYTES = 1 << 20
MAX_ARRAYS = 1000
ARRAY_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


class ModelFileError(ValueError):
    """The file is not a usable CNN Studio model; the message names the file and the reason."""


def read(path) -> tuple[dict, dict[str, np.ndarray]]:
    """(metadata, arrays by name) of a model file."""
    path = Path(path)
    info = os.stat(path)  # OSError: missing, or not allowed
    if not stat.S_ISREG(info.st_mode):
        raise ModelFileError(f"{path}: not a regular file (a folder, device or pipe)")
    if info.st_size > MAX_FILE_BYTES:
        raise ModelFileError(f"{path}: {info.st_size:,} bytes, far more than any model this app "
                             f"writes (at most {MAX_FILE_BYTES:,})")
    try:
        with open(path, "rb") as f:
            if not zipfile.is_zipfile(f):
                raise ModelFileError(f"{path}: not a CNN Studio model file (not an .npz "
                                     "archive)")
            with zipfile.ZipFile(f) as archive:
                members = _members(archive, path)
                meta = _metadata(_array(archive, members.pop(META_KEY), path), path)
                arrays = {name: _array(archive, member, path)
                          for name, member in members.items()}
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
        raise ModelFileError(f"{path}: a damaged archive ({err})") from None
    return meta, arrays


def read_arrays(path, max_file_bytes: int = MAX_FILE_BYTES, dtypes=ARRAY_DTYPES,
                error=ModelFileError) -> dict[str, np.ndarray]:
    """The arrays of a plain ``.npz`` archive (no metadata entry), checked as model files are:
    a regular file, sizes checked before reading, only ``dtypes``, no pickle. Failures raise
    ``error`` (a ValueError subclass) naming the file and the reason."""
    path = Path(path)
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path}: not a regular file (a folder, device or pipe)")
    if info.st_size > max_file_bytes:
        raise error(f"{path}: {info.st_size:,} bytes, more than the {max_file_bytes:,} expected")
    try:
        with open(path, "rb") as f:
            if not zipfile.is_zipfile(f):
                raise error(f"{path}: not an .npz archive")
            with zipfile.ZipFile(f) as archive:
                members = _members(archive, path, require_meta=False)
                return {name: _array(archive, member, path, dtypes)
                        for name, member in members.items()}
    except ModelFileError as err:
        raise error(str(err)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as err:
        raise error(f"{path}: a damaged archive ({err})") from None


def _members(archive: zipfile.ZipFile, path,
             require_meta: bool = True) -> dict[str, zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > MAX_ARRAYS:
        raise ModelFileError(f"{path}: {len(members):,} entries, not a model file")
    declared = sum(m.file_size for m in members)
    if declared > MAX_ARRAY_BYTES:
        raise ModelFileError(f"{path}: its entries claim {declared:,} bytes when unpacked "
                             f"(more than {MAX_ARRAY_BYTES:,}): refused before unpacking")
    out = {}
    for member in members:
        if not member.filename.endswith(".npy") or member.is_dir():
            raise ModelFileError(f"{path}: unexpected entry {member.filename!r}")
        out[member.filename[:-4]] = member
    if require_meta and META_KEY not in out:
        raise ModelFileError(f"{path}: not a CNN Studio model file (no metadata)")
    return out


def _array(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path,
           dtypes=ARRAY_DTYPES) -> np.ndarray:
    """One .npy entry, its header checked against the entry's real size before any data is
    read or allocated."""
    name = member.filename[:-4]
    with archive.open(member) as f:
        try:
            version = np.lib.format.read_magic(f)
            reader = {(1, 0): np.lib.format.read_array_header_1_0,
                      (2, 0): np.lib.format.read_array_header_2_0}[version]
            shape, fortran, dtype = reader(f, max_header_size=10_000)
        except (ValueError, KeyError, SyntaxError, TypeError) as err:
            raise ModelFileError(f"{path}: entry {name!r} is not a plain array ({err})") from None
        allowed = (np.dtype(np.uint8),) if name == META_KEY else tuple(map(np.dtype, dtypes))
        if dtype not in allowed:
            raise ModelFileError(f"{path}: entry {name!r} holds {dtype}, expected "
                                 f"{' or '.join(map(str, allowed))}")
        size = math.prod(shape) * dtype.itemsize
        if size != member.file_size - f.tell():
            raise ModelFileError(f"{path}: entry {name!r} declares {shape} ({size:,} bytes) but "
                                 f"holds {member.file_size - f.tell():,} bytes")
        data = f.read(size)
    if len(data) != size:
        raise ModelFileError(f"{path}: entry {name!r} is cut short")
    order = "F" if fortran else "C"
    return np.frombuffer(data, dtype).reshape(shape, order=order).copy()


def _metadata(raw: np.ndarray, path) -> dict:
    if raw.ndim != 1 or raw.size > MAX_META_BYTES:
        raise ModelFileError(f"{path}: not a CNN Studio model file (malformed metadata)")
    try:
        meta = json.loads(raw.tobytes().decode())
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ModelFileError(f"{path}: not a CNN Studio model file (no readable metadata)") \
            from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not a CNN Studio model file")
    if meta.get("version") != FORMAT_VERSION:
        raise ModelFileError(f"{path}: model format version {meta.get('version')!r} is not "
                             f"supported (this version reads {FORMAT_VERSION})")
    if meta.get("dtype") not in [str(d) for d in ARRAY_DTYPES]:
        raise ModelFileError(f"{path}: unsupported dtype {meta.get('dtype')!r}")
    if not isinstance(meta.get("architecture"), list):
        raise ModelFileError(f"{path}: the metadata has no architecture list")
    meta.setdefault("metadata", {})
    if not isinstance(meta["metadata"], dict):
        raise ModelFileError(f"{path}: malformed metadata")
    return meta
