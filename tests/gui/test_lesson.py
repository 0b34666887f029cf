"""The Lesson panel: every step sets up only what it needs, covers the part of the page that
shows the answer until the learner has predicted, gives nothing away before Check, gives one
kind of feedback for every kind of question, and keeps its progress."""

import json
import re

import numpy as np
import pytest
from PySide6.QtGui import QTextDocumentFragment

from core import functional as F
from core.data import _resources_dir as resources_dir
from gui.lesson import answers
from gui.lesson.answers import ANSWERS, MISTAKES
from gui.lesson.facts import FACTS
from gui.lesson.feedback import said
from gui.lesson.panel import UNKNOWN
from gui.lesson.steps import load_steps
from gui.main_window import MainWindow
from gui.pages.tiny_net.text import winner_marks
from gui.widgets.veil import under_veil
from tests.gui.helpers import visible_texts, wait_for

STEPS = load_steps()[0]
IDS = [step.id for step in STEPS]
# Veiled steps whose page shows the number asked for, once the veil lifts (the scan's control:
# it must find there what it must not find before).
SHOWN_AFTER = {"dmlp", "convolution", "first_convolution", "im2col",
               "fully_connected", "activations"}


def computed(panel, step=None):
    """The answer to a step's question as the core computes it now."""
    question = (step or panel.step).question
    if isinstance(question.answer, int):
        return question.answer
    result = ANSWERS[question.answer](panel.pages, **question.args)
    return result[1] if question.kind == "cells" else result[0]


def answer_right(panel):
    question, answer = panel.step.question, computed(panel)
    if question.kind == "number":
        panel.input.setText(f"{answer:.6g}")
    elif question.kind == "choice":
        panel.input.group.button(answer).setChecked(True)
    else:
        panel.input.mark(answer)


def answer_wrong(panel, value=None):
    question = panel.step.question
    answer = computed(panel) if value is None else None
    if question.kind == "number":
        panel.input.setText(f"{value if value is not None else answer + 1 + 10 * question.tolerance:.6g}")
    elif question.kind == "choice":
        panel.input.group.button(value if value is not None else
                                 (answer + 1) % len(question.options)).setChecked(True)
    else:
        panel.input.mark(~answer)


def plain(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


def settle(qtbot, page):
    """Wait until the page has computed what it shows."""
    result = getattr(page, "result", None)
    if page.key == "convolution":
        wait_for(qtbot, lambda: page.result is not None and page.result.config == page.config())
    return result


# ---------------------------------------------------------------- walking

def test_walking_every_step_sets_up_only_what_it_needs_and_covers_the_answer(window, qtbot):
    kinds = [step.kind for step in STEPS]
    assert len(STEPS) == 15 and kinds.count("claim") == 1
    assert {step.page for step in STEPS} == {page.key for page in window.pages}
    panel = window.lesson
    for index, step in enumerate(STEPS):
        assert step.question.hint, step.id  # every question has a hint for a first miss
        assert not step.veil or step.reveal, step.id  # a veiled result is then talked about
        panel.go(index)
        page = window.page(step.page)
        assert window.current_page() is page, step.id
        assert {key: getattr(page.config(), key) for key in step.config} == step.config
        if "tab" in step.view:
            assert page.tabs.tabText(page.tabs.currentIndex()) == step.view["tab"]
        settle(qtbot, page)
        assert UNKNOWN not in panel.text.text() + panel.formula.text(), step.id
        for name, veil in page.veils.items():  # the step's parts covered, no others
            assert veil.veiled == (name in step.veil), (step.id, name)
            assert under_veil(veil.content) == (name in step.veil)
        assert panel.prompt.text().startswith("<b>Predict:" if step.veil else "<b>Check:")
        assert panel.check.isEnabled() and panel.skip.isEnabled()
        assert step.id in panel.visited
        if step.page == "convolution":  # the numbers quoted are those of the computed page
            facts = FACTS["convolution"](page)
            assert facts["conv_output_shape"] == "×".join(map(str, page.result.maps.shape))
            if "position" in step.view:
                assert page.window_tab.position == step.view["position"]
    assert not panel.next.isEnabled()
    panel.go(0)  # leaving a step lifts its covers
    assert not any(page.veiled for page in window.pages if page.key != STEPS[0].page)
    shown, mask, _ = answers.tiny_winners(window.pages)
    np.testing.assert_array_equal(mask, winner_marks(window.page("tiny_net").shown.winners))


def _forms(panel, step) -> list[str]:
    """How the step's answer could be read on screen."""
    forms = list(step.giveaway)
    if step.question.kind == "number":
        answer = computed(panel, step)
        forms += [said(answer), str(int(answer))] if float(answer).is_integer() else []
    return forms


def _found(forms, texts) -> set[str]:
    return {form for form in forms for text in texts
            if re.search(r"(?<![\d.,])" + re.escape(form) + r"(?![\d,]|\.\d)", text)}


def _near(answer: float, tolerance: float, texts) -> list[str]:
    """Percentages on screen within the tolerance of the answer."""
    return [text for text in texts for value in re.findall(r"(\d+(?:\.\d+)?)\s*%", text)
            if abs(float(value) - answer) <= tolerance]


def test_no_step_gives_its_answer_away_before_check(window, qtbot):
    """For every step: no visible text, table cell, plot label or in-cell number holds the
    answer (or the step's giveaway texts) before Check — and the scan does find the answer on
    the page once the veil lifts."""
    panel = window.lesson
    for index, step in enumerate(STEPS):
        panel.go(index)
        page = window.page(step.page)
        settle(qtbot, page)
        forms = _forms(panel, step)
        before = visible_texts(window)
        assert not _found(forms, before), (step.id, _found(forms, before))
        question = step.question
        if question.kind == "number" and question.tolerance:
            assert not _near(computed(panel, step), question.tolerance, before), step.id
        if question.kind == "cells":  # the values of the winners are not listed anywhere
            extras = ANSWERS[question.answer](panel.pages, **question.args)[2]
            assert extras["winners"] not in " ".join(before), step.id
        panel.skip_question()
        settle(qtbot, page)
        assert not page.veiled, step.id
        if step.id in SHOWN_AFTER:
            outside = visible_texts(window.stack)  # the page's own texts, not the panel's
            assert _found(forms, outside) or _near(computed(panel, step), question.tolerance,
                                                   outside), step.id


# ---------------------------------------------------------------- feedback

def test_a_number_first_miss_gets_a_hint_and_the_mistake_named_and_the_second_the_answer(
        window):
    panel = window.lesson
    panel.go(IDS.index("convolution"))  # OH for H = 28, KH = 3, pad 1, stride 2: 14
    page = window.page("convolution")
    answer_wrong(panel, 13)  # (28 − 3 + 2) // 2 without the + 1
    assert panel.check_answer() is False
    said_ = panel.feedback.text()
    assert "Not quite." in said_ and "You left out the + 1" in said_
    assert "H = 28, KH = 3, pad = 1, stride = 2" in said_ and "Try again." in said_
    assert not re.search(r"\b14\b", said_)  # the hint never holds the answer
    assert page.veiled and not panel.settled and panel.check.isEnabled()
    answer_wrong(panel, 15)
    assert panel.check_answer() is False
    said_ = panel.feedback.text()
    assert "The answer: 14." in said_ and "OH = (28 − 3 + 2·1) // 2 + 1 = 14." in said_
    assert "Your prediction: 15 · the result: 14." in said_
    assert panel.settled and not page.veiled and not panel.check.isEnabled()
    assert panel.outcomes["convolution"] == "shown" and "14×14" in panel.reveal.text()
    assert panel.reveal.isVisible()


def test_every_mistake_named_is_wrong_and_quotes_only_the_questions_numbers():
    rng = np.random.default_rng(0)
    for name, mistakes in MISTAKES.items():
        for _ in range(200):
            size, kernel = int(rng.integers(5, 40)), int(rng.integers(1, 6))
            args = {"size": size, "kernel": kernel, "padding": int(rng.integers(0, 3)),
                    "stride": int(rng.integers(1, 4)), "channels": int(rng.integers(1, 8)),
                    "out_channels": int(rng.integers(1, 20)), "inputs": int(rng.integers(1, 500)),
                    "outputs": int(rng.integers(1, 100))}
            function = ANSWERS[name]
            names = list(function.__code__.co_varnames[1:function.__code__.co_argcount])
            args = {key: args[key] for key in names}
            answer = function(None, **args)[0]
            named = mistakes(**args)
            for value, text in named:
                message = answers.mistake(name, args, value, answer)
                if value == answer:
                    assert message == "", (name, args, value)
                else:  # the first mistake that gives this value is named
                    assert message == next(t for v, t in named if v == value)
                    # it quotes only the question's own numbers, never a result
                    numbers = set(re.findall(r"\d+", message.format(**args)))
                    assert numbers <= {str(v) for v in args.values()} | {"1", "2"}, message


def test_a_choice_first_miss_says_why_not_and_the_second_which_one(window):
    panel = window.lesson
    step = STEPS[IDS.index("activation_plot")]
    panel.go(IDS.index("activation_plot"))
    wrong, right = step.question.options[0], step.question.options[step.question.answer]
    answer_wrong(panel, 0)
    assert panel.check_answer() is False
    said_ = panel.feedback.text()
    assert "Not quite." in said_ and wrong["why"] in said_ and step.question.hint in said_
    assert right["text"] not in said_ and right["why"] not in said_
    assert not window.page("activations").config().derivatives  # the slopes come after
    answer_wrong(panel, 2)
    assert panel.check_answer() is False
    said_ = panel.feedback.text()
    assert f"The answer: {right['text']}." in said_ and right["why"] in said_
    assert "font-weight: bold" in panel.input.texts[step.question.answer].styleSheet()
    assert window.page("activations").config().derivatives  # the step's after-settings


def test_cells_first_miss_counts_the_wrong_cells_and_the_second_outlines_the_right_ones(window):
    panel = window.lesson
    panel.go(IDS.index("pooling"))
    solution = computed(panel)
    assert solution.sum() == 9  # one winner in each of the nine windows
    answer_wrong(panel)
    assert panel.check_answer() is False
    said_ = panel.feedback.text()
    assert "9 cell(s) missing, 27 too many." in said_ and "Try again." in said_
    assert not any("#2e7d32" in cell.styleSheet() for cell in panel.input.cells.values())
    assert panel.check_answer() is False
    outlined = {key for key, cell in panel.input.cells.items() if "#2e7d32" in cell.styleSheet()}
    assert outlined == set(zip(*np.nonzero(solution)))
    assert not window.page("pooling").veiled


def test_a_right_prediction_lifts_the_veil_beside_the_result(window, qtbot):
    panel = window.lesson
    panel.go(IDS.index("claims"))
    runs = window.page("runs")
    assert runs.veiled and runs.config().size == "quick"
    answer_right(panel)
    assert panel.check_answer() is True
    said_ = panel.feedback.text()
    assert "Right." in said_ and "Your prediction: Sigmoid · the result: Sigmoid." in said_
    assert panel.outcomes["claims"] == "right" and not runs.veiled
    assert "right first time 1" in panel.progress.text()
    assert panel.chooser.itemText(IDS.index("claims")).startswith("✓")


def test_skipping_shows_the_answer_and_is_recorded_as_skipped(window):
    panel = window.lesson
    panel.go(IDS.index("im2col"))
    panel.skip_question()
    assert panel.outcomes["im2col"] == "skipped" and "im2col" not in panel.answered
    assert "Skipped. The answer: 100." in plain(panel.feedback.text())
    assert not window.page("convolution").veiled and panel.reveal.isVisible()
    assert panel.chooser.itemText(IDS.index("im2col")).startswith("–")
    assert "skipped 1" in panel.progress.text()


def test_a_prediction_about_a_result_not_there_yet_waits_for_it(window, qtbot,
                                                                fewer_test_images):
    panel = window.lesson
    lenet = window.lenet
    panel.go(IDS.index("lenet"))
    assert lenet.veiled and lenet.config().train_size == 12000
    lenet.set_config(lenet.Config(train_size=512, epochs=1))  # a shorter run for the test
    answer_wrong(panel, 3)
    assert panel.check_answer() is None
    assert "Your prediction is in." in panel.feedback.text() and not lenet.veiled
    assert not panel.check.isEnabled()
    lenet.start()
    wait_for(qtbot, lambda: panel.settled)
    assert panel.outcomes["lenet"] in ("right", "shown")
    assert "Your prediction: Sandal and Sneaker · the result:" in panel.feedback.text()


def test_show_me_keeps_a_trained_network_and_says_so(window):
    lenet = window.lenet
    from core.runs import RunRecord
    from core.train import TrainConfig

    trained = RunRecord.start(TrainConfig())
    trained.batch_losses.append(2.3)  # as if trained one batch
    lenet.session.records.append(trained)
    model, config = lenet.model, lenet.config()
    panel = window.lesson
    panel.go(IDS.index("lenet"))
    assert lenet.model is model and lenet.config() == config
    assert "Your trained network on the LeNet-5 page is kept" in panel.feedback.text()
    panel.go(IDS.index("fully_connected"))  # only a tab: no message
    assert lenet.model is model and panel.feedback.text() == ""
    assert lenet.tabs.tabText(lenet.tabs.currentIndex()) == "Architecture"


# ---------------------------------------------------------------- progress, data

def test_progress_persists_and_restart_clears_it(qtbot, window):
    window.lesson_action.trigger()  # View → Lesson panel: the dock hides
    assert not window.lesson.isVisible() and not window.lesson_action.isChecked()
    window.lesson_action.trigger()
    assert window.lesson.isVisible() and window.lesson_dock.width() >= 320
    panel = window.lesson
    panel.go(1)
    answer_right(panel)
    panel.check_answer()
    panel.go(2)
    panel.skip_question()
    panel.go(4)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.lesson.index == 4
    assert again.lesson.visited == {STEPS[1].id, STEPS[2].id, STEPS[4].id}
    assert again.lesson.outcomes == {STEPS[1].id: "right", STEPS[2].id: "skipped"}
    assert again.lesson.chooser.itemText(1).startswith("✓")
    again.lesson.restart.click()
    assert again.lesson.index == 0 and again.lesson.outcomes == {}
    assert again.lesson.visited == {STEPS[0].id}  # restarting opens the first step again
    assert again.page(STEPS[0].page).veiled  # and asks for its prediction again
    again.close()


def lesson_file(tmp_path, *changes) -> str:
    """The shipped lesson with one change per step: (step index, field path, value)."""
    raw = json.loads((resources_dir() / "lesson.json").read_text(encoding="utf-8"))
    for index, field, value in changes:
        where = raw["steps"][index]
        *path, last = field.split(".")
        for key in path:
            where = where[key]
        where[last] = value
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps(raw))
    return path


BAD_STEPS = [  # (step, field, value) -> what the line must say
    ((0, "question.kind", "essay"), "question kind 'essay'"),
    ((1, "text", "the {unclosed brace"), "text: expected '}'"),
    ((2, "page", "no_such_page"), "no page 'no_such_page'"),
    ((3, "view.tab", "No such tab"), "has no tab 'No such tab'"),
    ((4, "question.answer", "no_function"), "no answer function 'no_function'"),
    ((6, "question.args", {"colour": 3}), "got an unexpected keyword argument 'colour'"),
    ((7, "config", {"kernel_size": 3}), "unexpected keyword argument 'kernel_size'"),
    ((8, "question.answer", 7), "question.answer"),
    ((9, "title", None), "title: not a text"),
    ((10, "veil", ["nothing"]), "has no part 'nothing' to veil"),
    ((11, "after", {"no_setting": 1}), "unexpected keyword argument 'no_setting'"),
    ((12, "question.hint", "a {brace"), "question.hint: expected '}'"),
]


def test_a_bad_step_is_left_out_and_named_and_the_others_stay(qtbot, window, tmp_path):
    """Each bad step of the file (structure or references) is named with its field and left
    out; the lesson goes on with the rest."""
    from gui.lesson.panel import LessonPanel

    path = lesson_file(tmp_path, *(change for change, _ in BAD_STEPS))
    steps, problems = load_steps(path)
    panel = LessonPanel(window.pages, steps)
    qtbot.addWidget(panel)
    said_ = problems + panel.problems
    assert len(said_) == len(BAD_STEPS)
    for change, reason in BAD_STEPS:
        line = next(line for line in said_ if f"lesson step {STEPS[change[0]].id} " in line)
        assert reason in line and "left out" in line, line
    assert len(panel.steps) == len(STEPS) - len(BAD_STEPS)
    for index in range(len(panel.steps)):  # every step left opens and asks its question
        panel.go(index)


def test_an_unreadable_lesson_file_leaves_the_window_working(qtbot, fresh_settings,
                                                            monkeypatch, tmp_path):
    from gui.lesson import steps as lesson_steps

    (tmp_path / "lesson.json").write_text('{"steps": [ {"id": ')
    monkeypatch.setattr(lesson_steps, "_resources_dir", lambda: tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.lesson.steps == [] and not window.lesson.next.isEnabled()
    assert "The lesson could not be read" in window.lesson.text.text()
    assert "lesson.json cannot be read" in window.statusBar().currentMessage()
    window.show_page(window.page("pooling"))  # every page works as usual


def test_a_cells_question_follows_the_page_it_is_about(window, qtbot):
    panel = window.lesson
    tiny = window.page("tiny_net")
    panel.go(IDS.index("backprop"))  # cells: the page's winners
    old = panel.solution.copy()
    panel.input.mark(old)
    tiny.step_button.click()  # the values move; the winners (almost always) stay
    wait_for(qtbot, lambda: not tiny.runner.running)
    _, new, _ = ANSWERS["tiny_winners"](window)
    assert panel.check_answer() is (True if np.array_equal(new, old) else None)


def test_a_page_that_is_training_is_left_alone_and_the_learner_told(window, qtbot):
    tiny = window.page("tiny_net")
    tiny.set_config(tiny.Config(epochs=10000, speed=20))
    tiny.train_button.click()
    wait_for(qtbot, lambda: len(tiny.losses) > 0)
    panel = window.lesson
    panel.go(IDS.index("backprop"))
    assert "The Tiny network page is busy (training or measuring): stop it" in \
        panel.feedback.text()
    assert tiny.config().epochs == 10000  # not reset under the run
    tiny.stop_button.click()
    wait_for(qtbot, lambda: not tiny.runner.running)
    # the message follows: the page is free now (it said "is training" after Stop)
    assert "The Tiny network page is free now: press Show me" in panel.feedback.text()
    panel.show_step()
    assert panel.feedback.text() == "" and tiny.config().epochs == 100


def test_show_me_never_changes_a_page_under_a_running_measurement(window, qtbot):
    """The Speed page is busy while it measures: the lesson leaves its form alone (it used to
    reset it under the measurement and show the old timings under the new shapes)."""
    speed = window.page("speed")
    speed.set_config(speed.Config(size=96, out_channels=32, kernel=7, im2col=False,
                                  fast=False, torch=False))
    speed.run.click()
    wait_for(qtbot, lambda: speed.progress.value() > 0)
    assert speed.busy
    panel = window.lesson
    panel.go(IDS.index("timing"))
    assert speed.config().size == 96 and "Speed page is busy" in panel.feedback.text()
    speed.cancel.click()
    wait_for(qtbot, lambda: not speed.busy)
    assert "Speed page is free now" in panel.feedback.text()
    panel.show_step()
    assert speed.config().size != 96  # set up now that nothing runs


# ---------------------------------------------------------------- facts

def test_the_lesson_quotes_what_the_convolution_page_computed_over_many_settings(window, qtbot):
    """The facts read the page's own result: 'same' padding with a 5×5 kernel keeps 28×28
    (they once recomputed it from the settings and said 24×24); every other configuration of
    a sweep agrees with the core computed independently here."""
    from gui.lesson.facts import facts

    conv = window.page("convolution")
    conv.set_config(conv.Config(source="fashion", kh=5, kw=5, pad_kind="same", out_channels=6))
    settle(qtbot, conv)
    said_ = facts(window.pages, "convolution")
    assert said_["conv_output"] == "28×28" and said_["padding"] == 2
    rng = np.random.default_rng(1)
    for _ in range(25):
        k, s, p, d = (int(rng.integers(1, 6)), int(rng.integers(1, 4)), int(rng.integers(0, 3)),
                      int(rng.integers(1, 3)))
        kind = str(rng.choice(["numbers", "same", "valid"]))
        if kind == "same":
            s = 1
        if (28 + 2 * p - d * (k - 1) - 1) < 0:
            continue
        oc = int(rng.integers(1, 9))
        conv.set_config(conv.Config(source="fashion", kh=k, kw=k, sh=s, sw=s, ph=p, pw=p, dh=d,
                                    dw=d, pad_kind=kind, out_channels=oc))
        settle(qtbot, conv)
        said_ = facts(window.pages, "convolution")
        pad = {"numbers": p, "valid": 0, "same": d * (k - 1) // 2}[kind]
        side = 28 if kind == "same" else (28 + 2 * pad - d * (k - 1) - 1) // s + 1
        assert said_["conv_output"] == f"{side}×{side}", (k, s, p, d, kind)
        assert said_["padding"] == pad
        macs = k * k * 1 * oc * side * side  # KW·KH·C·OC·OW·OH·N, one grey image
        assert said_["conv_macs"] == f"{macs:,}", (k, s, p, d, kind)


def test_the_lesson_quotes_what_the_pooling_page_computed_over_many_settings(window, qtbot):
    from gui.lesson.facts import facts

    pool = window.page("pooling")
    rng = np.random.default_rng(2)
    for _ in range(25):
        k, s = int(rng.integers(1, 5)), int(rng.integers(1, 4))
        p = int(rng.integers(0, k // 2 + 1))
        pool.set_config(pool.Config(mode=str(rng.choice(["max", "avg"])), kernel=k, stride=s,
                                    padding=p, source="random", seed=int(rng.integers(100))))
        said_ = facts(window.pages, "pooling")
        h = pool.shown.x.shape[2]
        side = (h + 2 * p - k) // s + 1
        assert said_["pool_output"] == f"{side}×{side}" and said_["pool_oh"] == side
        assert said_["pool_input"] == f"{h}×{h}"


# ---------------------------------------------------------------- fitting

def _whole(widget, window) -> bool:
    """Whether ``widget`` is shown whole inside the window, not clipped by its parents."""
    if not widget.isVisible():
        return False
    region = widget.visibleRegion().boundingRect()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    return region.size() == widget.size() and window.rect().contains(top_left) \
        and window.rect().contains(bottom_right)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_question_its_input_and_check_are_in_view_on_every_step(window, qtbot, language):
    """At 1280×720 beside the pages, every step's question, its whole input and Check are in
    view without scrolling, in English and in Korean; so are Practice's."""
    from gui import i18n

    panel = window.lesson
    i18n.install(language)
    try:
        for index, step in enumerate(STEPS):
            panel.go(index)
            qtbot.wait(5)
            for widget in (panel.prompt, panel.input, panel.check, panel.skip, panel.next):
                assert _whole(widget, window), (language, step.id, widget.objectName())
            box = panel.question_box
            assert box.height() >= box.minimumSizeHint().height(), (language, step.id)
            assert panel.prompt.height() >= panel.prompt.heightForWidth(panel.prompt.width())
            if step.question.kind == "choice":
                for text in panel.input.texts:
                    assert _whole(text, window), (language, step.id, text.text())
        panel.mode.setCurrentIndex(1)
        practice = panel.practice
        for concept in list(practice.titles):
            practice.chooser.setCurrentIndex(practice.chooser.findData(concept))
            practice.new_question()
            qtbot.wait(5)
            for widget in (practice.input, practice.check, practice.another):
                assert _whole(widget, window), (language, concept, widget.objectName())
    finally:
        i18n.install("en")
