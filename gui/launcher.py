"""Entry point: the window by default, or headless training with ``train`` (never loads Qt)."""

from __future__ import annotations

import difflib
import os
import sys

COMMANDS = ("train",)  # besides opening the window


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["train"]:
        try:
            from core.cli import main as train_main
        except KeyboardInterrupt:  # Ctrl-C while numpy loads
            print("\ninterrupted", file=sys.stderr)
            return 130
        return train_main(argv[1:])
    try:
        argv, language = _language(argv)
    except ValueError as err:
        print(f"cnn-studio: error: {err}", file=sys.stderr)
        return 2
    if argv and not argv[0].startswith("-"):
        close = difflib.get_close_matches(argv[0], COMMANDS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        print(f"cnn-studio: error: unknown command {argv[0]!r}{hint}; run without a command "
              "to open the app, or 'train --help'", file=sys.stderr)
        return 2
    if not _has_display():
        print("cnn-studio: error: no display to open a window on (set QT_QPA_PLATFORM, e.g. "
              "'offscreen', to run without one, or train in the terminal with 'train')",
              file=sys.stderr)
        return 1
    from gui.app import run
    return run(argv, language)


def _language(argv: list[str]) -> tuple[list[str], str | None]:
    """``--lang ko`` / ``--lang=en`` taken out of the arguments (ValueError for another
    language or a missing one)."""
    rest, language = [], None
    items = iter(argv)
    for item in items:
        if item == "--lang" or item.startswith("--lang="):
            language = item.partition("=")[2] if "=" in item else next(items, "")
            if language not in ("en", "ko"):
                raise ValueError(f"--lang takes en or ko, not {language!r}")
        else:
            rest.append(item)
    return rest, language


def _has_display() -> bool:
    """Qt aborts the process when it cannot reach a display: find out first (X11 / Wayland
    systems only; elsewhere there is always a screen)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
