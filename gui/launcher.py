"""Entry point: the window by default, or headless training with ``train`` (never loads Qt)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["train"]:
        from core.cli import main as train_main
        return train_main(argv[1:])
    from gui.app import run
    return run(argv)
