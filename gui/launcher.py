"""Entry point: the window by default, headless training with ``train``, or an export for PyTorch
with ``export`` (the commands never load Qt).

Everything here runs before Qt is imported, so that ``--help``, ``--version``, the commands and
every error that can be foreseen (a bad option, no display, Qt's X11 libraries missing) answer in
one line instead of a window or an abort.
"""

from __future__ import annotations

import argparse
import ctypes
import difflib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

PROG = "cnn-studio"
COMMANDS = ("train", "export")  # besides opening the window
LANGUAGES = ("en", "ko")  # gui.i18n.LANGUAGES (not imported here: it loads Qt)
# Leading arguments that belong to the launcher itself; the next word is the command.
_OWN_FLAGS = ("-h", "--help", "--version")

# Shared libraries Qt's xcb platform plugin (and libQt6XcbQpa, which it loads) takes from the
# system, and the Debian/Ubuntu package that provides each. Checked with `ldd` and `dpkg -S` on
# PySide6-Essentials 6.11 (Debian 12); the README's apt line installs the same packages.
XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


class Launch(NamedTuple):
    command: str | None  # "train" or "export", or None for the window
    arguments: list[str]  # the command's arguments unchanged, or the window's (they go to Qt)
    language: str | None  # --lang, for the window


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # One line, like the launcher's other errors (argparse would add the usage above it).
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG, allow_abbrev=False, formatter_class=argparse.RawDescriptionHelpFormatter,
        usage=f"{PROG} [-h] [--version] [--lang {{en,ko}}] [Qt options]\n"
              f"       {PROG} train [training options]\n"
              f"       {PROG} export MODEL --to DIR",
        description="CNN Studio: learn how convolutional neural networks work by watching one "
                    "written in plain numpy.\nWithout a command it opens the app's window.",
        epilog="commands:\n"
               "  train           train a model in the terminal, without a window\n"
               f"                  ('{PROG} train --help' lists its options)\n"
               "  export          write a saved model for PyTorch: weights (safetensors),\n"
               f"                  model.py, predict.py ('{PROG} export --help')\n\n"
               "Other options go to Qt, e.g. '-style fusion'.")
    parser.add_argument("--version", action="version", version=f"{PROG} {version()}")
    parser.add_argument("--lang", metavar="{en,ko}",
                        help="the window's language (default: the one chosen last time, else "
                             "the system's)")
    return parser


def parse(argv: list[str]) -> Launch:
    """What to start. Exits (SystemExit, as argparse does) after --help or --version and with
    status 2 and one line on stderr for a usage error."""
    argv, parser = list(argv), build_parser()
    at = _command_index(argv)
    if at is not None and argv[at] not in COMMANDS:
        close = difflib.get_close_matches(argv[at], COMMANDS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        parser.error(f"unknown command {argv[at]!r}{hint}; run without a command to open the "
                       "app, or 'train --help' or 'export --help'")
    head = argv if at is None else argv[:at]
    for i, item in enumerate(head):  # argparse would say "expected one argument"
        if item == "--lang" and (i + 1 == len(head) or head[i + 1].startswith("-")):
            parser.error("--lang takes en or ko, not ''")
    options, rest = parser.parse_known_args(head)
    if options.lang is not None and options.lang not in LANGUAGES:
        parser.error(f"--lang takes en or ko, not {options.lang!r}")
    if at is not None:
        return Launch(argv[at], argv[at + 1:], options.lang)
    return Launch(None, rest, options.lang)


def _command_index(argv: list[str]) -> int | None:
    """Where the command is: the first word after the launcher's own options (a word after a Qt
    option, as in ``-style fusion``, is that option's value, not a command)."""
    at = 0
    while at < len(argv):
        item = argv[at]
        if item == "--lang":
            at += 1 if at + 1 == len(argv) or argv[at + 1].startswith("-") else 2
        elif item in _OWN_FLAGS or item.startswith("--lang="):
            at += 1
        else:
            return None if item.startswith("-") else at
    return None


def version() -> str:
    """The installed distribution's version, else (a checkout that is not installed) the one in
    pyproject.toml; "unknown" when neither can be read."""
    try:
        return metadata.version(PROG)
    except metadata.PackageNotFoundError:
        pass
    try:
        text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8")
    except OSError:
        return "unknown"
    project = re.search(r"^\[project\]$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    found = project and re.search(r'^version\s*=\s*"([^"]+)"', project.group(1), re.M)
    return found.group(1) if found else "unknown"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        launch = parse(argv)
    except SystemExit as stop:  # --help, --version or a usage error: argparse has printed
        return stop.code if isinstance(stop.code, int) else 0
    if launch.command is not None:
        try:
            if launch.command == "export":
                from core.pytorch import main as command_main
            else:
                from core.cli import main as command_main
        except KeyboardInterrupt:  # Ctrl-C while numpy loads
            print("\ninterrupted", file=sys.stderr)
            return 130
        return command_main(launch.arguments)
    if not _has_display():
        print(f"{PROG}: error: no display to open a window on (set QT_QPA_PLATFORM, e.g. "
              "'offscreen', to run without one, or train in the terminal with 'train')",
              file=sys.stderr)
        return 1
    if _uses_xcb():
        problem = xcb_problem(missing_xcb_libraries())
        if problem:
            print(f"{PROG}: error: {problem}", file=sys.stderr)
            return 1
    return _open_window(launch.arguments, launch.language)


def _open_window(argv: list[str], language: str | None) -> int:
    from gui.app import run
    return run(argv, language)


def _has_display() -> bool:
    """Qt aborts the process when it cannot reach a display: find out first (X11 / Wayland
    systems only; elsewhere there is always a screen)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# ---------------------------------------------------------------- Qt's X11 (xcb) platform

def _uses_xcb() -> bool:
    """Whether Qt will open its window through X11: asked for, or the default on an X11
    session (on a Wayland session Qt tries Wayland first)."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    wayland = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland"
    return bool(os.environ.get("DISPLAY")) and not wayland


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, found without importing PySide6 (None: not there)."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    for folder in (spec and spec.submodule_search_locations) or ():
        plugin = Path(folder, "Qt", "plugins", "platforms", "libqxcb.so")
        if plugin.is_file():
            return plugin
    return None


def missing_xcb_libraries(plugin: Path | None = None) -> list[str]:
    """The shared libraries (sonames) that the xcb plugin needs and the system lacks. Empty when
    nothing is missing and whenever it cannot tell: this check must never stop a start that
    would work."""
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return []
    qpa = plugin.parents[2] / "lib" / "libQt6XcbQpa.so.6"
    output = _ldd([plugin] + ([qpa] if qpa.is_file() else []))
    if output is None:
        return _missing_by_loading(plugin)
    names = re.findall(r"^\s*(\S+) => not found", output, re.M)
    return list(dict.fromkeys(names))


def _ldd(files: list[Path]) -> str | None:
    """`ldd`'s report on ``files`` (None: no ldd, or it failed or took too long)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run([ldd, *map(str, files)], capture_output=True, text=True,
                              timeout=2)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.stdout else None


def _missing_by_loading(plugin: Path) -> list[str]:
    """Without ldd: load the plugin and read the first missing library from the loader's
    error (loading tells only one at a time)."""
    try:
        ctypes.CDLL(str(plugin))
    except OSError as err:
        found = re.match(r"(\S+?): cannot open shared object file", str(err))
        if found and Path(found.group(1)).name != plugin.name:
            return [Path(found.group(1)).name]
    return []


def xcb_problem(missing: list[str]) -> str:
    """One line naming the missing libraries and the packages to install ("" if none)."""
    if not missing:
        return ""
    problem = f"Qt cannot open a window: missing {', '.join(missing)}"
    packages = list(dict.fromkeys(XCB_PACKAGES[name] for name in missing if name in XCB_PACKAGES))
    if packages:
        problem += f" — on Debian/Ubuntu: sudo apt install {' '.join(packages)}"
    return problem
