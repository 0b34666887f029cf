"""QSettings persistence of page configurations (frozen dataclasses), read back with ``type=``
(QSettings returns strings across runs: without it 'false' would be truthy)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSettings

_TYPES = {"int": int, "float": float, "bool": bool, "str": str}


def settings() -> QSettings:
    return QSettings()


def save_config(group: str, config) -> None:
    store = settings()
    store.beginGroup(group)
    for f in dataclasses.fields(config):
        store.setValue(f.name, getattr(config, f.name))
    store.endGroup()


def load_config(group: str, cls):
    """The stored configuration, field by field; defaults for missing or invalid values."""
    store = settings()
    store.beginGroup(group)
    values = {}
    try:
        for f in dataclasses.fields(cls):
            kind = _TYPES.get(str(f.type))
            if kind is None or not store.contains(f.name):
                continue
            try:
                values[f.name] = store.value(f.name, type=kind)
            except (TypeError, ValueError):
                continue
    finally:
        store.endGroup()
    try:
        return cls(**values)
    except (TypeError, ValueError):
        return cls()
