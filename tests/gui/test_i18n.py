"""Languages the Qt way (issue 14): every marked text is translated and compiled, the language is
chosen as promised, and switching it retranslates a window live."""

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QTabWidget

from gui import i18n
from tests.gui.english_left import english_left, shown_texts
from tests.gui.layout import problems

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


def every_view(window):
    """Every page and every tab, in turn (a name for each)."""
    for page in window.pages:
        window.show_page(page)
        tabs = page.findChild(QTabWidget)
        for index in range(tabs.count() if tabs else 1):
            if tabs:
                tabs.setCurrentIndex(index)
            yield f"{page.key}/{index}"


def texts_of(window, qtbot) -> dict:
    found = {}
    for name in every_view(window):
        qtbot.wait(10)
        found[name] = sorted(text for _, text in shown_texts(window))
    return found


def test_in_korean_every_view_is_korean_and_whole_and_english_comes_back(window, qtbot):
    """With Korean chosen, no page or tab shows English beyond code, names and units, and
    everything fits 1280×720; switching back gives every English text back."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Korean):
        pytest.skip("no font with Hangul here to measure the Korean layout (Debian: apt "
                    "install fonts-nanum)")
    english = texts_of(window, qtbot)
    i18n.install("ko")
    try:
        assert window.windowTitle() == "CNN Studio"
        found = []
        for name in every_view(window):
            qtbot.wait(20)
            assert window.size().toTuple() == (1280, 720), name
            found += [f"{name}: {line}" for line in english_left(window)]
            found += [f"{name}: {problem}" for problem in problems(window)]
        assert not found, "\n".join(found)
    finally:
        i18n.install("en")
    assert texts_of(window, qtbot) == english


def test_the_language_changes_live_while_lenet_trains(window, qtbot, fewer_test_images):
    from gui.pages.lenet.config import LeNetConfig

    lenet = window.lenet
    lenet.set_config(LeNetConfig(train_size=6400, epochs=2))
    window.show_page(lenet)
    lenet.start()
    qtbot.waitUntil(lambda: len(lenet.session.history.losses) > 0, timeout=20000)
    try:
        window.set_language("ko")
        assert lenet.session.running and lenet.tabs.tabText(1) == "학습"
        assert lenet.run_box.buttons["stop"].text() == "중지"
        before = len(lenet.session.history.losses)
        qtbot.waitUntil(lambda: len(lenet.session.history.losses) > before + 5, timeout=20000)
        assert QSettings().value("language") == "ko"
        window.set_language("en")
        assert lenet.tabs.tabText(1) == "Training" and lenet.session.running
    finally:
        lenet.stop()
        qtbot.waitUntil(lambda: not lenet.session.running, timeout=20000)
        i18n.install("en")
