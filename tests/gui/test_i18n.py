"""Languages the Qt way (issue 14): every marked text is translated and compiled, the language is
chosen as promised, and switching it retranslates a window live."""

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale

from gui import i18n

TS = i18n.folder() / "cnn_studio_ko.ts"
PLACEHOLDER = re.compile(r"\{\w*\}|%n")


def messages(path):
    root = ET.parse(path).getroot()
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def test_every_marked_text_has_its_translation():
    found = messages(TS)
    assert len(found) > 50
    for context, source, translation in found:
        assert translation.get("type") is None, (context, source, translation.get("type"))
        assert translation.text and translation.text.strip(), (context, source)
        # the code formats the translation with the source's fields: the same ones, or a KeyError
        assert sorted(PLACEHOLDER.findall(translation.text)) == \
            sorted(PLACEHOLDER.findall(source)), (context, source)
        if re.search(r"&\w", source):  # a menu's or button's shortcut letter
            assert re.search(r"&\w", translation.text), (context, source)


def test_the_translations_follow_the_code_and_are_compiled(tmp_path):
    """lupdate finds no text that is new or gone, and the .qm is what lrelease makes of the .ts
    (so a string added without its translation, or a stale .qm, fails here)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    i18n.lupdate(copy)
    assert [(c, s) for c, s, _ in messages(copy)] == [(c, s) for c, s, _ in messages(TS)]
    qm = tmp_path / "fresh.qm"
    i18n.lrelease(TS, qm)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_the_language_is_asked_for_then_remembered_then_the_systems():
    korean, english = QLocale(QLocale.Language.Korean), QLocale(QLocale.Language.English)
    assert i18n.choose("ko", "en", english) == "ko"
    assert i18n.choose(None, "en", korean) == "en"
    assert i18n.choose(None, None, korean) == "ko"
    assert i18n.choose(None, None, QLocale(QLocale.Language.French)) == "en"
    assert i18n.choose("klingon", "also not", english) == "en"
    with pytest.raises(ValueError, match="no language 'fr'"):
        i18n.install("fr")


@pytest.fixture
def korean():
    i18n.install("ko")
    yield
    i18n.install("en")


def test_switching_retranslates_the_window_live(window, korean):
    assert i18n.current() == "ko" and QLocale().language() == QLocale.Language.Korean
    titles = [window.page_list.item(i).text() for i in range(window.page_list.count())]
    assert titles[1] == "합성곱" and titles[-1] == "실험"
    assert window.menus["file"].title() == "파일(&F)"
    assert window.actions_["open"].statusTip().startswith("그림 파일을")
    i18n.install("en")
    titles = [window.page_list.item(i).text() for i in range(window.page_list.count())]
    assert titles[1] == "Convolution" and window.menus["file"].title() == "&File"
