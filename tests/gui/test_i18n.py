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
from tests.gui.helpers import wait_for
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
    """lupdate finds no text that is new or gone, and the .qm holds exactly the .ts's
    translations (so a string added without its translation, or a stale .qm, fails here —
    compared message by message, whatever lrelease version wrote the file)."""
    from gui import qm

    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    i18n.lupdate(copy)
    assert [(c, s) for c, s, _ in messages(copy)] == [(c, s) for c, s, _ in messages(TS)]
    compiled = {(m.context, m.source): m.translations
                for m in qm.read(TS.with_suffix(".qm").read_bytes())}
    written = {(c, s): tuple(form.text for form in t.iter("numerusform")) or (t.text,)
               for c, s, t in messages(TS)}
    assert compiled == written


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
    titles = [window.page_title(i) for i in range(len(window.pages))]
    assert titles[1] == "합성곱" and titles[-1] == "실험"
    assert window.menus["file"].title() == "파일(&F)"
    assert window.actions_["open"].statusTip().startswith("그림 파일을")
    i18n.install("en")
    titles = [window.page_title(i) for i in range(len(window.pages))]
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
    wait_for(qtbot, lambda: len(lenet.session.curves().losses) > 0)
    try:
        window.set_language("ko")
        assert lenet.session.running and lenet.tabs.tabText(1) == "학습"
        assert lenet.run_box.buttons["stop"].text() == "중지"
        before = len(lenet.session.curves().losses)
        wait_for(qtbot, lambda: len(lenet.session.curves().losses) > before + 5)
        assert QSettings().value("language") == "ko"
        window.set_language("en")
        assert lenet.tabs.tabText(1) == "Training" and lenet.session.running
    finally:
        lenet.stop()
        wait_for(qtbot, lambda: not lenet.session.running)
        i18n.install("en")


# ---------------------------------------------------------------- a language change only renders

def forbid_computing(monkeypatch) -> list:
    """Every way the app computes — a layer's forward or backward (every network: predictions,
    explanations, gradient checks, training), a convolution or a pooling, background work, the
    pages' recomputations — recorded instead of run (and run anyway, so nothing breaks)."""
    import core.functional as F
    import core.layers as layers
    from core import explain
    from core.model import Sequential
    from gui.pages.activations import ActivationsPage
    from gui.pages.convolution.page import ConvolutionPage
    from gui.pages.pooling import PoolingPage
    from gui.pages.tiny_net import page as tiny
    from gui.workers import WorkerRunner

    calls = []

    def recorded(owner, name):
        original = getattr(owner, name)

        def call(*args, **kwargs):
            calls.append(f"{getattr(owner, '__name__', owner)}.{name}")
            return original(*args, **kwargs)
        monkeypatch.setattr(owner, name, call)

    for cls in vars(layers).values():
        if isinstance(cls, type) and issubclass(cls, layers.Layer):
            for name in ("forward", "backward"):
                if name in vars(cls):
                    recorded(cls, name)
    for owner, names in ((Sequential, ("forward", "backward")),
                         (F, ("conv2d", "conv2d_naive", "conv2d_im2col", "im2col", "col2im",
                              "max_pool2d", "avg_pool2d", "conv_pixel")),
                         (explain, ("nearest", "saliency", "occlusion", "features")),
                         (WorkerRunner, ("start", "cancel")),
                         (tiny, ("check_model",)),
                         (ConvolutionPage, ("recompute",)), (PoolingPage, ("recompute",)),
                         (ActivationsPage, ("_apply", "_plot"))):
        for name in names:
            recorded(owner, name)
    return calls


def test_a_language_change_only_renders(window, qtbot, monkeypatch, small_data):
    """With results on every page, a typed answer and its feedback: switching the language
    computes nothing, starts or stops no work, keeps every tab and what the learner typed, and
    says the stored results again in the new language."""
    from gui.pages.versus.page import VersusConfig

    lenet, tiny, versus, lesson = window.lenet, window.page("tiny_net"), \
        window.page("versus"), window.lesson
    versus.shift_images = 50
    versus.set_config(VersusConfig(train_size=300, epochs=1))
    versus.train_button.click()
    lenet.why_test_image(3)
    lenet.predict_test_image()
    tiny.check_gradients()
    wait_for(qtbot, lambda: not versus.runner.running and not lenet.why.runner.running)
    tiny.tabs.setCurrentIndex(0)
    window.page("convolution").tabs.setCurrentIndex(1)
    lesson.go(next(i for i, s in enumerate(lesson.steps) if s.question.kind == "number"))
    lesson.input.setText("12345")
    lesson.check_answer()
    lesson.input.setText("678")  # typed, not yet checked
    english_feedback, english_why = lesson.feedback.text(), lenet.why.header.text()
    tabs = {page.key: page.tabs.currentIndex() for page in window.pages if hasattr(page, "tabs")}
    calls = forbid_computing(monkeypatch)
    window.statusBar().clearMessage()

    window.set_language("ko")
    assert calls == [] and window.statusBar().currentMessage() == ""
    assert {page.key: page.tabs.currentIndex() for page in window.pages
            if hasattr(page, "tabs")} == tabs
    assert lesson.input.text() == "678"
    assert lesson.feedback.text() != english_feedback and "아쉽지만" in lesson.feedback.text()
    assert "테스트 이미지 3" in lenet.why.header.text()  # the stored explanation, said again
    assert "테스트 이미지" in lenet.predictor.text.text()
    assert not versus.runner.running and versus.result is not None

    window.set_language("en")
    assert calls == []
    assert lesson.feedback.text() == english_feedback and lenet.why.header.text() == english_why


def test_one_part_that_fails_to_retranslate_does_not_stop_the_others(window, monkeypatch):
    from gui.pages.pooling import PoolingPage

    def broken(self):
        raise KeyError("placeholder")
    monkeypatch.setattr(PoolingPage, "retranslate", broken)
    window.set_language("ko")
    try:
        assert window.page_title(1) == "합성곱"
        assert window.lenet.tabs.tabText(1) == "학습"  # a page after the broken one
        assert window.lesson.next.text() == "다음 ▶"   # and the lesson panel after all pages
        assert "PoolingPage" in window.statusBar().currentMessage()
    finally:
        window.set_language("en")


# ---------------------------------------------------------------- a damaged translation file

def damaged_files():
    """(what, bytes) of .qm files the app must refuse: a bit flip that crashed Qt, a cut one, an
    empty one, and a translation that loses a placeholder the code formats."""
    from gui import qm
    from tests.gui.test_qm import crashers

    data = TS.with_suffix(".qm").read_bytes()
    crash = next(iter(crashers(data, qm.read(data)).values()))
    lost = data.replace("{count}".encode("utf-16-be"), "{cnt}".encode("utf-16-be"), 1)
    assert lost != data
    return [("a bit flip that crashes Qt", crash), ("cut short", data[:len(data) // 2]),
            ("empty", b""), ("a placeholder lost", lost)]


@pytest.mark.parametrize("what, data", damaged_files(), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_a_damaged_translation_is_refused_and_the_app_stays_in_english(window, monkeypatch,
                                                                      tmp_path, what, data):
    (tmp_path / TS.with_suffix(".qm").name).write_bytes(data)
    monkeypatch.setattr(i18n, "folder", lambda: tmp_path)
    window.set_language("ko")
    try:
        assert i18n.current() == "en" and window.page_title(1) == "Convolution"
        said = window.statusBar().currentMessage()
        assert "한국어 translation cannot be used, so the app stays in English" in said
        checked = [a.data() for a in window.languages.actions() if a.isChecked()]
        assert checked == ["en"]  # the menu says what is shown
        for page in window.pages:  # every page still works in English
            window.show_page(page)
    finally:
        window.set_language("en")


def test_a_missing_translation_is_said_too(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "folder", lambda: tmp_path)
    problems = i18n.install("ko")
    assert i18n.current() == "en" and len(problems) == 1 and "No such file" in problems[0]


def test_the_window_starts_with_a_damaged_translation_chosen(qtbot, fresh_settings, monkeypatch,
                                                            tmp_path):
    """Korean stored in the settings and its file damaged: the window opens, in English."""
    from gui.main_window import MainWindow

    (tmp_path / TS.with_suffix(".qm").name).write_bytes(damaged_files()[0][1])
    monkeypatch.setattr(i18n, "folder", lambda: tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings().setValue("language", "ko")
    problems = i18n.install(i18n.choose(None, QSettings().value("language", type=str)))
    window = MainWindow()
    qtbot.addWidget(window)
    window.report(problems)
    assert window.page_title(1) == "Convolution"
    assert "cannot be used" in window.statusBar().currentMessage()
