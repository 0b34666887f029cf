"""The app's languages, the Qt way: English in the code, each other language in
``resources/i18n/cnn_studio_<code>.ts`` (edited with Qt Linguist), compiled to ``.qm`` and loaded
by a QTranslator.

Code marks a text with ``translate("Context", "text")`` (or ``QT_TRANSLATE_NOOP`` where the text
is data, such as a page's title) and sets it in a ``retranslate()`` method. A language change
takes one path: ``install`` loads the translation, then ``retranslate_all`` calls every
``Translated`` widget's ``retranslate()``, parents before children (no ``changeEvent`` override
anywhere: in PySide an override that raises leaves the error pending and breaks the next ones).
A ``.qm`` file is checked completely before Qt sees it (``gui.qm``): a damaged one, or one whose
texts lose the source's placeholders, is refused and the app stays in English.
``python -m gui.i18n`` refreshes the ``.ts`` files from the code (pyside6-lupdate) and compiles
them (pyside6-lrelease).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from core.data import _resources_dir
from gui import qm, tr
from gui.tr import QT_TRANSLATE_NOOP, translate

tr.use(QCoreApplication.translate)

LANGUAGES = {"en": "English", "ko": "한국어"}  # each in its own language
SOURCE_LANGUAGE = "en"
STEM = "cnn_studio"

__all__ = ["LANGUAGES", "QT_TRANSLATE_NOOP", "Translated", "choose", "install", "retranslate_all",
           "translate"]


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
    data: bytes = b""  # the app's .qm: Qt reads it in place, so it is kept as long as it is used


def current() -> str:
    return _Installed.language


def install(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Show the app in ``language`` (a key of LANGUAGES): the app's translation and Qt's own (for
    standard dialogs), the locale's number formats, and every open window's texts. Returns what
    went wrong, a line each (for the status bar): a translation that cannot be used leaves the
    app in English. ValueError for a language the app does not have."""
    if language not in LANGUAGES:
        raise ValueError(f"no language {language!r}; choose one of {', '.join(LANGUAGES)}")
    app = app or QCoreApplication.instance()
    problems, translators, data = [], [], b""
    if language != SOURCE_LANGUAGE:
        path = folder() / f"{STEM}_{language}.qm"
        try:
            data = qm.check(path)
        except (OSError, qm.QmError) as err:
            problems.append(translate("MainWindow", "The {language} translation cannot be used, "
                                                    "so the app stays in English: {reason}")
                            .format(language=LANGUAGES[language], reason=err))
            language = SOURCE_LANGUAGE
        else:
            translator = QTranslator(app)
            translator.load(data)  # checked completely above
            translators.append(translator)
            qt_own = QTranslator(app)  # Qt's own texts, from Qt's own folder
            if qt_own.load(f"qtbase_{language}",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                translators.append(qt_own)
    for translator in _Installed.translators:
        app.removeTranslator(translator)
    for translator in translators:
        app.installTranslator(translator)
    _Installed.translators, _Installed.data = translators, data
    QLocale.setDefault(QLocale(language))
    _Installed.language = language
    # Qt's own widgets (dialog buttons) retranslate on the LanguageChange events it posts
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return problems + retranslate_all()


class Translated:
    """A widget whose texts depend on the language. ``retranslate()`` sets every text it shows
    and shows again what it keeps: it never computes, starts or stops work, switches tabs or
    clears what the learner typed. Put it before the Qt class: ``class Panel(Translated,
    QWidget)``; ``retranslate_all`` calls it."""

    def retranslate(self) -> None:
        raise NotImplementedError


def retranslate_all(roots: list[QWidget] | None = None) -> list[str]:
    """Every ``Translated`` widget in the open windows (or under ``roots``), parents before
    children. One that fails is reported (a line for the status bar, the traceback on stderr)
    and the others go on."""
    if roots is None:
        app = QCoreApplication.instance()
        roots = app.topLevelWidgets() if isinstance(app, QApplication) else []
    problems = []
    for root in roots:
        for widget in (root, *root.findChildren(QWidget)):
            if isinstance(widget, Translated):
                try:
                    widget.retranslate()
                except Exception as err:  # noqa: BLE001 - one broken part must not stop the rest
                    traceback.print_exc()
                    problems.append(translate("MainWindow", "{part} could not show the new "
                                                            "language ({error})").format(
                        part=type(widget).__name__, error=err))
    return problems


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
    for step in load_steps()[0]:
        question = step.question
        texts += [step.title, step.text, step.formula, step.reveal, question.prompt,
                  question.explain, question.hint]
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
