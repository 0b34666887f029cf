"""safetensors files — PyTorch's pickle-free format for a ``state_dict`` — written and read safely.

A file is: 8 bytes (little-endian u64) N, then N bytes of JSON, then one buffer of raw
little-endian tensor data::

    {"0.weight": {"dtype": "F32", "shape": [6, 1, 5, 5], "data_offsets": [0, 600]}, ...,
     "__metadata__": {"format": "pt", ...}}        # metadata: text keys -> text values

The offsets are relative to the buffer, and together the tensors cover it exactly (no holes, no
overlaps).

Writing goes through the ``safetensors`` package, the reference implementation, so that
PyTorch's ``safetensors.torch.load_file`` reads exactly what it wrote. Reading is done here, with
the care ``core.modelfile`` takes over model files: anything can arrive under the name — another
file renamed, a header claiming gigabytes, a JSON bomb, a FIFO. The header's length, every
dtype, shape and offset are checked against the real file before any tensor is read, a name
that appears twice is refused (JSON readers, the reference one included, silently keep the last),
and only the tensors asked for are read. Failures raise ``SafetensorsError`` naming the file and
the reason (``OSError`` only when the file cannot be opened at all).
"""

from __future__ import annotations

import json
import math
import os
import stat
import struct
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .fileio import atomic_file

MAX_FILE_BYTES = 64 << 20    # an exported LeNet-5 is about 250 KB
MAX_HEADER_BYTES = 1 << 20   # its header about 3 KB
MAX_TENSORS = 1000
MAX_DIMS = 8
METADATA_KEY = "__metadata__"

# The format's dtype codes -> numpy dtype (little-endian); None: no numpy equivalent.
DTYPES = {"F64": np.dtype("<f8"), "F32": np.dtype("<f4"), "F16": np.dtype("<f2"),
          "I64": np.dtype("<i8"), "I32": np.dtype("<i4"), "I16": np.dtype("<i2"),
          "I8": np.dtype("i1"), "U64": np.dtype("<u8"), "U32": np.dtype("<u4"),
          "U16": np.dtype("<u2"), "U8": np.dtype("u1"), "BOOL": np.dtype("?"),
          "C64": np.dtype("<c8"), "BF16": None, "F8_E4M3": None, "F8_E5M2": None}
ITEM_BYTES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1,
              "U64": 8, "U32": 4, "U16": 2, "U8": 1, "BOOL": 1, "C64": 8, "F8_E4M3": 1,
              "F8_E5M2": 1}


class SafetensorsError(ValueError):
    """Not a usable safetensors file; the message names the file and the first problem."""


class TensorEntry(NamedTuple):
    dtype: str     # the format's code: "F32", "I64", …
    shape: tuple   # e.g. (6, 1, 5, 5); () for a scalar
    begin: int     # byte offsets in the data buffer
    end: int


class Header(NamedTuple):
    path: Path
    tensors: dict          # name -> TensorEntry, in the file's order
    metadata: dict         # text -> text
    data_start: int        # where the data buffer starts in the file


def dtype_code(dtype) -> str:
    """numpy dtype -> the format's code ("F32" for float32)."""
    dtype = np.dtype(dtype)
    for code, known in DTYPES.items():
        if known is not None and known == dtype.newbyteorder("<"):
            return code
    raise ValueError(f"safetensors has no code for {dtype}")


def write(path, tensors: dict, metadata: dict | None = None) -> None:
    """Write ``tensors`` (name -> array) and ``metadata`` (text -> text) to ``path``, atomically
    (a crash midway never leaves a half-written file under the final name)."""
    from safetensors.numpy import save  # the reference writer (a dependency; imported late so
    #                                     that a missing install fails only here, with its name)

    # (not np.ascontiguousarray: it makes a 0-d array, num_batches_tracked, 1-d)
    arrays = {name: value if value.flags.c_contiguous else value.copy(order="C")
              for name, value in tensors.items()}
    data = save(arrays, metadata=metadata)
    with atomic_file(path) as f:
        f.write(data)


def read_header(path) -> Header:
    """The checked header of a safetensors file. Nothing of the data is read yet."""
    path = Path(path)
    info = os.stat(path)  # OSError: missing, or not allowed
    if not stat.S_ISREG(info.st_mode):
        raise SafetensorsError(f"{path}: not a regular file (a folder, device or pipe)")
    if info.st_size > MAX_FILE_BYTES:
        raise SafetensorsError(f"{path}: {info.st_size:,} bytes, far more than any network this "
                               f"app builds (at most {MAX_FILE_BYTES:,})")
    with open(path, "rb") as f:
        head = f.read(8)
        if len(head) < 8:
            raise SafetensorsError(f"{path}: not a safetensors file ({len(head)} bytes, too short "
                                   "for the 8-byte header length)")
        length = struct.unpack("<Q", head)[0]
        if length > MAX_HEADER_BYTES:
            raise SafetensorsError(f"{path}: the header claims {length:,} bytes (at most "
                                   f"{MAX_HEADER_BYTES:,}): not a safetensors file of a network "
                                   "this app builds")
        if 8 + length > info.st_size:
            raise SafetensorsError(f"{path}: the header claims {length:,} bytes but the file "
                                   f"holds only {info.st_size - 8:,} after its length: cut short")
        raw = f.read(length)
    if len(raw) != length:
        raise SafetensorsError(f"{path}: the header is cut short")
    header = _parse_json(raw, path)
    metadata = _metadata(header.pop(METADATA_KEY, {}), path)
    if len(header) > MAX_TENSORS:
        raise SafetensorsError(f"{path}: {len(header):,} tensors (at most {MAX_TENSORS:,})")
    tensors = {name: _entry(name, spec, path) for name, spec in header.items()}
    _check_layout(tensors, info.st_size - 8 - length, path)
    return Header(path, tensors, metadata, 8 + length)


def read_tensors(header: Header, names) -> dict[str, np.ndarray]:
    """The tensors ``names`` (each in the header) as new arrays in native byte order; only
    their bytes are read."""
    out = {}
    with open(header.path, "rb") as f:
        for name in names:
            entry = header.tensors[name]
            dtype = DTYPES[entry.dtype]
            if dtype is None:
                raise SafetensorsError(f"{header.path}: tensor {name!r} is {entry.dtype}, which "
                                       "numpy cannot hold")
            f.seek(header.data_start + entry.begin)
            data = f.read(entry.end - entry.begin)
            if len(data) != entry.end - entry.begin:  # the file shrank since its header was read
                raise SafetensorsError(f"{header.path}: tensor {name!r} is cut short")
            out[name] = np.frombuffer(data, dtype).reshape(entry.shape).astype(
                dtype.newbyteorder("="))
    return out


# ---------------------------------------------------------------------------- checks


class _Duplicate(Exception):
    pass


def _unique(pairs):
    """JSON object pairs -> dict, refusing a key given twice (json would keep the last)."""
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


def _parse_json(raw: bytes, path) -> dict:
    if not raw.lstrip().startswith(b"{"):
        raise SafetensorsError(f"{path}: not a safetensors file (its header is not a JSON object)")
    try:
        header = json.loads(raw.decode("utf-8"), object_pairs_hook=_unique,
                            parse_constant=_no_constant)
    except _Duplicate as err:
        raise SafetensorsError(f"{path}: the name {err.args[0]!r} appears twice in the header "
                               "(which tensor is meant?)") from None
    except (ValueError, UnicodeDecodeError, RecursionError) as err:
        raise SafetensorsError(f"{path}: not a safetensors file (its header is not JSON: "
                               f"{str(err)[:80]})") from None
    if not isinstance(header, dict):
        raise SafetensorsError(f"{path}: not a safetensors file (its header is not a JSON object)")
    return header


def _metadata(value, path) -> dict:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                              for k, v in value.items()):
        raise SafetensorsError(f"{path}: the header's {METADATA_KEY} must map texts to texts")
    return value


def _entry(name: str, spec, path) -> TensorEntry:
    if not name:
        raise SafetensorsError(f"{path}: a tensor without a name")
    if not isinstance(spec, dict) or set(spec) != {"dtype", "shape", "data_offsets"}:
        raise SafetensorsError(f"{path}: tensor {name!r} is not described by dtype, shape and "
                               "data_offsets")
    dtype, shape, offsets = spec["dtype"], spec["shape"], spec["data_offsets"]
    if dtype not in ITEM_BYTES:
        raise SafetensorsError(f"{path}: tensor {name!r} has an unknown dtype {dtype!r}")
    if not isinstance(shape, list) or len(shape) > MAX_DIMS or not all(
            _is_count(v) for v in shape):
        raise SafetensorsError(f"{path}: tensor {name!r} has a malformed shape {shape!r:.60}")
    if not isinstance(offsets, list) or len(offsets) != 2 or not all(
            _is_count(v) for v in offsets) or offsets[0] > offsets[1]:
        raise SafetensorsError(f"{path}: tensor {name!r} has malformed data_offsets "
                               f"{offsets!r:.60}")
    size = math.prod(shape) * ITEM_BYTES[dtype]
    if size != offsets[1] - offsets[0]:
        raise SafetensorsError(f"{path}: tensor {name!r} is {dtype} {tuple(shape)} "
                               f"({size:,} bytes) but its offsets span "
                               f"{offsets[1] - offsets[0]:,} bytes")
    return TensorEntry(dtype, tuple(shape), offsets[0], offsets[1])


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check_layout(tensors: dict, data_bytes: int, path) -> None:
    """The tensors tile the data buffer exactly, as the format requires."""
    at = 0
    for name, entry in sorted(tensors.items(), key=lambda item: (item[1].begin, item[1].end)):
        if entry.begin != at:
            what = "overlaps another" if entry.begin < at else "leaves a gap before it"
            raise SafetensorsError(f"{path}: tensor {name!r} {what} (data_offsets "
                                   f"[{entry.begin}, {entry.end}])")
        at = entry.end
    if at != data_bytes:
        problem = "cut short" if at > data_bytes else "followed by bytes no tensor owns"
        raise SafetensorsError(f"{path}: the tensors need {at:,} bytes of data and the file holds "
                               f"{data_bytes:,}: {problem}")
