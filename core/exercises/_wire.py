"""Values across the process boundary of the exercise checker, as JSON-ready plain data.

Used on both sides: by the parent (``core.exercises.sandbox``) and by the child process, which
loads this file by path (the child imports nothing of ``core``). Standard library and numpy only.

An array travels as its dtype, shape and raw bytes (base64): exact, NaN and ±∞ included. Only
numeric dtypes cross (bool, int, uint, float); anything else is described, never pickled, so
reading a child's answer can never run code in the parent.
"""

from __future__ import annotations

import base64

import numpy as np

KINDS = "biuf"        # bool, signed and unsigned int, float
MAX_ITEMS = 16        # values in one returned tuple
MAX_DEPTH = 3         # tuples inside tuples


class Other:
    """Something that is not a number, an array or a tuple of them: its type and a short repr."""

    def __init__(self, type_name: str, text: str):
        self.type_name, self.text = type_name, text

    def __repr__(self):
        return f"Other({self.type_name}: {self.text})"


class TooBig:
    """An array too large to send back: only its shape and dtype cross."""

    def __init__(self, shape: tuple, dtype: str):
        self.shape, self.dtype = shape, dtype

    def __repr__(self):
        return f"TooBig({self.shape}, {self.dtype})"


def encode(value, limit: int = 1 << 22, depth: int = 0) -> dict:
    """Plain data for ``value``; arrays of more than ``limit`` values are sent as TooBig."""
    if value is None:
        return {"none": True}
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": value} if abs(value) < 1 << 63 else {"float": float(value)}
    if isinstance(value, float):
        return {"float": value}
    if isinstance(value, tuple) or (isinstance(value, list) and not _numeric_list(value)):
        if depth >= MAX_DEPTH or len(value) > MAX_ITEMS:
            return {"other": type(value).__name__, "text": f"{len(value)} items"}
        return {"tuple": [encode(item, limit, depth + 1) for item in value],
                "list": isinstance(value, list)}
    if isinstance(value, (np.ndarray, np.generic, list)):
        array = np.asarray(value)
        if array.dtype.kind not in KINDS:
            return {"other": f"array of {array.dtype}", "text": _short(array)}
        if array.size > limit:
            return {"too_big": list(array.shape), "dtype": str(array.dtype)}
        array = np.ascontiguousarray(array)
        return {"array": base64.b64encode(array.tobytes()).decode("ascii"),
                "dtype": array.dtype.str, "shape": list(array.shape),
                "list": isinstance(value, list), "scalar": isinstance(value, np.generic)}
    return {"other": type(value).__name__, "text": _short(value)}


def _numeric_list(value: list) -> bool:
    try:
        return np.asarray(value).dtype.kind in KINDS
    except (ValueError, TypeError):  # ragged, or not numbers
        return False


def _short(value) -> str:
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a learner's object with a broken __repr__
        text = "?"
    return text if len(text) <= 200 else text[:200] + "…"


def decode(data):
    """The value ``encode`` described. Raises ValueError on anything malformed."""
    if not isinstance(data, dict):
        raise ValueError(f"expected an object, got {type(data).__name__}")
    if "none" in data:
        return None
    for key, kind in (("bool", bool), ("int", int), ("float", (int, float))):
        if key in data:
            value = data[key]
            if not isinstance(value, kind) or (key == "int" and isinstance(value, bool)):
                raise ValueError(f"bad {key}: {value!r}")
            return float(value) if key == "float" else value
    if "tuple" in data:
        items = data["tuple"]
        if not isinstance(items, list) or len(items) > MAX_ITEMS:
            raise ValueError("bad tuple")
        return tuple(decode(item) for item in items)
    if "array" in data:
        dtype = np.dtype(str(data["dtype"]))
        shape = tuple(int(s) for s in data["shape"])
        if dtype.kind not in KINDS or any(s < 0 for s in shape):
            raise ValueError(f"bad array {dtype} {shape}")
        raw = base64.b64decode(data["array"], validate=True)
        if len(raw) != int(np.prod(shape, dtype=np.int64)) * dtype.itemsize:
            raise ValueError("array bytes do not match its shape")
        array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
        return array[()] if data.get("scalar") else array
    if "too_big" in data:
        return TooBig(tuple(int(s) for s in data["too_big"]), str(data.get("dtype", "?")))
    if "other" in data:
        return Other(str(data["other"])[:100], str(data.get("text", ""))[:300])
    raise ValueError(f"unknown value {sorted(data)[:3]}")
