"""Marks for translation that need no Qt, so that the pages' text modules stay Qt-free:
``translate(context, text)`` returns the text in the current language once ``gui.i18n`` is
loaded (Qt's translators), the English text before; ``QT_TRANSLATE_NOOP`` marks data for
pyside6-lupdate and returns it unchanged."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

_backend: Callable | None = None  # QCoreApplication.translate, set by gui.i18n


def translate(context: str, text: str, n: int = -1) -> str:
    """``text`` in the current language (``n`` picks a plural form where the text has %n)."""
    return text if _backend is None or not text else _backend(context, text, None, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text


def use(backend: Callable) -> None:
    global _backend
    _backend = backend


class Words(NamedTuple):
    """A text that is said again in the current language each time it is shown: a source text
    (marked for translation where it is written) and the fields it is formatted with, which may
    be Words themselves. ``str(words)`` says it now."""

    context: str
    source: str
    fields: dict = {}

    def __str__(self) -> str:
        return translate(self.context, self.source).format(
            **{name: str(value) for name, value in self.fields.items()})
