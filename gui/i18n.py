"""The app's languages, the Qt way: English in the code, each other language in
``resources/i18n/cnn_studio_<code>.ts`` (edited with Qt Linguist), compiled to ``.qm`` and loaded
by a QTranslator.

Code marks a text with ``translate("Context", "text")`` (or ``QT_TRANSLATE_NOOP`` where the text
is data, such as a page's title) and sets it in a ``retranslate()`` method, which ``Translated``
calls again when the language changes. ``python -m gui.i18n`` refreshes the ``.ts`` files from the
code (pyside6-lupdate) and compiles them (pyside6-lrelease).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from core.data import _resources_dir
from gui import tr
from gui.tr import QT_TRANSLATE_NOOP, translate

tr.use(QCoreApplication.translate)

LANGUAGES = {"en": "English", "ko": "한국어"}  # each in its own language
SOURCE_LANGUAGE = "en"
STEM = "cnn_studio"

__all__ = ["LANGUAGES", "QT_TRANSLATE_NOOP", "Translated", "choose", "install", "translate"]


def folder() -> Path:
    return _resources_dir() / "i18n"


def choose(requested: str | None, stored: str | None, system: QLocale | None = None) -> str:
    """The language to show: the one asked for on the command line, else the one chosen before,
    else Korean on a Korean system and English anywhere else."""
    for code in (requested, stored):
        if code in LANGUAGES:
            return code
    system = system or QLocale.system()
    return "ko" if system.language() == QLocale.Language.Korean else SOURCE_LANGUAGE


class _Installed:
    language = SOURCE_LANGUAGE
    translators: list[QTranslator] = []


def current() -> str:
    return _Installed.language


def install(language: str, app: QCoreApplication | None = None) -> None:
    """Show the app in ``language`` (a key of LANGUAGES): the app's translation and Qt's own (for
    standard dialogs), and the locale's number formats. Every widget then gets a LanguageChange
    event. ValueError for a language the app does not have."""
    if language not in LANGUAGES:
        raise ValueError(f"no language {language!r}; choose one of {', '.join(LANGUAGES)}")
    app = app or QCoreApplication.instance()
    for translator in _Installed.translators:
        app.removeTranslator(translator)
    _Installed.translators = []
    if language != SOURCE_LANGUAGE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, where in ((f"{STEM}_{language}", str(folder())),
                            (f"qtbase_{language}", qt_folder)):
            translator = QTranslator(app)
            if translator.load(name, where):
                app.installTranslator(translator)
                _Installed.translators.append(translator)
    QLocale.setDefault(QLocale(language))
    _Installed.language = language
    # QApplication posts LanguageChange to each window: deliver them now, so that the whole
    # window speaks the new language when this returns
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


class Translated:
    """A widget mixin: ``retranslate()`` sets every text the widget shows; it runs again on
    each language change. Put it before the Qt class: ``class Panel(Translated, QWidget)``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# --------------------------------------------------------------------------- refreshing


def sources() -> list[Path]:
    """The files whose marked texts the translations cover."""
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts
                  and p.name not in ("bench.py", "tour.py"))


def _tool(name: str) -> str:
    """pyside6-lupdate or -lrelease: beside this Python (a virtual environment need not be
    activated), else on the PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    path = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if path is None:
        raise FileNotFoundError(f"pyside6-{name} not found (it ships with PySide6-Essentials)")
    return path


def lesson_texts() -> list[str]:
    """Every text of the lesson (resources/lesson.json), translated in the context "Lesson"."""
    from gui.lesson.steps import load_steps

    texts = []
    for step in load_steps():
        question = step.question
        texts += [step.title, step.text, step.formula, question.prompt, question.explain]
        texts += [option[key] for option in question.options for key in ("text", "why")]
    return list(dict.fromkeys(text for text in texts if text))


def lupdate(ts: Path) -> str:
    """Bring ``ts`` up to date with the code's texts and the lesson's (obsolete ones dropped);
    lupdate's report."""
    with tempfile.TemporaryDirectory() as folder:
        lesson = Path(folder) / "lesson_texts.py"  # the lesson's texts, as lupdate reads texts
        lesson.write_text("".join(f"QT_TRANSLATE_NOOP('Lesson', {json.dumps(text)})\n"
                                  for text in lesson_texts()), encoding="utf-8")
        done = subprocess.run([_tool("lupdate"), *map(str, sources()), str(lesson),
                               "-locations", "none", "-no-obsolete", "-source-language",
                               SOURCE_LANGUAGE, "-target-language", ts.stem.rsplit("_", 1)[1],
                               "-ts", str(ts)], capture_output=True, text=True, check=True)
    return done.stdout


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv=None) -> int:
    """Refresh every language's .ts from the code, then compile each to .qm."""
    for code in LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        ts = folder() / f"{STEM}_{code}.ts"
        print(lupdate(ts).strip())
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"wrote {ts.with_suffix('.qm')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
