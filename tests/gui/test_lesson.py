"""The Lesson panel: every step sets up its page and says what the page shows; every check
question accepts its right answer and explains a wrong one; progress persists."""

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox

from core import functional as F
from core.data import _resources_dir as resources_dir
from gui.lesson import answers
from gui.lesson.answers import ANSWERS
from gui.lesson.facts import FACTS
from gui.lesson.panel import UNKNOWN, fill
from gui.lesson.steps import load_steps
from gui.main_window import MainWindow
from gui.pages.tiny_net.text import winner_marks
from tests.gui.helpers import wait_for

STEPS = load_steps()[0]


@pytest.fixture
def window(window, monkeypatch):
    """The main window (tests/gui/conftest.py), with every "Set it up anyway?" answered Yes."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    return window


def test_walking_every_step_sets_up_its_page_and_quotes_what_it_shows(window, qtbot):
    """One window for the whole walk: every step, then every question (windows are slow to
    build)."""
    kinds = [step.kind for step in STEPS]
    assert kinds.count("idea") == 10 and kinds.count("experiment") == 4
    assert kinds.count("claim") == 1
    assert {step.page for step in STEPS} == {page.key for page in window.pages}
    for step in STEPS:
        assert step.page in FACTS, step.id
        if step.question.kind != "choice":
            assert step.question.answer in ANSWERS, step.id
    panel = window.lesson
    for index, step in enumerate(STEPS):
        panel.go(index)
        page = window.page(step.page)
        assert window.current_page() is page, step.id
        # every setting the step names, exactly (the rest are the page's defaults, which may
        # depend on the machine: no PyTorch, no PyTorch column on the Speed page)
        assert {key: getattr(page.config(), key) for key in step.config} == step.config, step.id
        if "tab" in step.view:
            assert page.tabs.tabText(page.tabs.currentIndex()) == step.view["tab"]
        text = panel.text.text() + panel.formula.text()
        assert UNKNOWN not in text, (step.id, text)
        assert step.id in panel.visited
        if step.page == "convolution":  # the numbers quoted are those of the computed page
            wait_for(qtbot, lambda p=page: p.result is not None
                     and p.result.config == p.config())
            shape = "×".join(map(str, page.result.maps.shape))
            facts = FACTS["convolution"](page)
            assert facts["conv_output_shape"] == shape
            for name in ("conv_output", "conv_output_shape", "cols_shape"):
                if "{" + name + "}" in step.text + step.formula:
                    assert str(facts[name]) in text, (step.id, name)
            if "position" in step.view:
                assert page.window_tab.position == step.view["position"]
            g = page.result.geometry
            assert facts["oh"] == F.conv_output_size(facts["h"], g.kh, g.sh, g.ph, g.dh)
        if step.page == "pooling":
            facts = FACTS["pooling"](page)
            assert f"Pooled output {facts['pool_output']}" in page.output_view.title.text()
        if step.page == "versus":
            table = page.training.table
            assert table.item(0, 2).text() == \
                f"{sum(p.data.size for p in page.models()['DMLP'][1].parameters()):,}"
    assert len(panel.visited) == len(STEPS)
    assert not panel.next.isEnabled()
    check_every_question(panel)
    shown, mask, _ = answers.tiny_winners(window.pages)
    np.testing.assert_array_equal(mask, winner_marks(window.page("tiny_net").shown.winners))


def _answer_right(panel):
    question = panel.step.question
    if question.kind == "number":
        value, _ = ANSWERS[question.answer](panel.pages, **question.args)
        panel.input.setText(f"{value:.6g}")
    elif question.kind == "choice":
        panel.input.group.button(question.answer).setChecked(True)
    else:
        panel.input.mark(panel.solution)


def _answer_wrong(panel):
    question = panel.step.question
    if question.kind == "number":
        value, _ = ANSWERS[question.answer](panel.pages, **question.args)
        panel.input.setText(f"{value + 1 + 10 * question.tolerance:.6g}")
    elif question.kind == "choice":
        panel.input.group.button((question.answer + 1) % len(question.options)).setChecked(True)
    else:
        panel.input.mark(~panel.solution)


def check_every_question(panel):
    """Each question: nothing given, a wrong answer explained, the right answer accepted."""
    for index, step in enumerate(STEPS):
        panel.go(index)
        question = step.question
        assert panel.check_answer() is None, step.id  # nothing given: asked to answer first
        assert "first" in panel.feedback.text()
        _answer_wrong(panel)
        assert panel.check_answer() is False, step.id
        feedback = panel.feedback.text()
        assert "Right." not in feedback and step.id not in panel.answered
        if question.kind == "number":
            # a first miss: the working with the question's numbers, the result left out ...
            value, extras = ANSWERS[question.answer](panel.pages, **question.args)
            explained = fill(question.explain, {**question.args, **extras, "answer": value})
            assert explained not in feedback and "try again" in feedback, step.id
            hint = fill(question.explain.replace("{answer:.4f}", "?").replace("{answer}", "?"),
                        {**question.args, **extras})
            assert hint in feedback, step.id
            # ... a second miss shows it
            assert panel.check_answer() is False
            assert explained in panel.feedback.text(), step.id
        elif question.kind == "choice":
            assert question.options[question.answer]["why"] in feedback, step.id
        else:
            assert "missing" in feedback, step.id
        _answer_right(panel)
        assert panel.check_answer() is True, step.id
        assert "Right." in panel.feedback.text() and step.id in panel.answered
    assert panel.answered == {step.id for step in STEPS}


def test_answers_are_the_cores():
    assert answers.conv_output_size(None, 28, 5, 2, 2)[0] == 14
    assert answers.conv_params(None, 1, 6, 5)[0] == 156
    assert answers.linear_params(None, 120, 84)[0] == 10_164
    assert answers.conv_macs(None, 3, 1, 16, 3, 0, 1)[0] == 144
    assert answers.conv_macs(None, 6, 3, 1, 3, 0, 1)[0] == 432
    assert answers.padding_cells(None, 6, 3, 1, 0, 5)[0] == 5
    assert answers.padding_cells(None, 6, 3, 1, 2, 2)[0] == 0
    assert answers.im2col_columns(None, 12, 3, 0, 1)[0] == 100
    assert answers.sigmoid_slope(None, 0.0)[0] == pytest.approx(0.25)
    loss, extras = answers.tiny_trained_loss(None, 12, 100)
    assert 0.08 < loss < 0.1 and extras["first"] == pytest.approx(0.1818, abs=1e-3)
    values, mask, _ = answers.max_pool_winners(None, 7)
    assert mask.sum() == 4
    for r in (0, 2):
        for c in (0, 2):
            window_values = values[r:r + 2, c:c + 2]
            assert values[r:r + 2, c:c + 2][mask[r:r + 2, c:c + 2]] == window_values.max()


def test_progress_persists_and_restart_clears_it(qtbot, window):
    window.lesson_action.trigger()  # View → Lesson panel: the dock hides
    assert not window.lesson.isVisible() and not window.lesson_action.isChecked()
    window.lesson_action.trigger()
    assert window.lesson.isVisible() and window.lesson_dock.width() >= 320
    panel = window.lesson
    panel.go(1)
    _answer_right(panel)
    panel.check_answer()
    panel.go(4)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.lesson.index == 4
    assert again.lesson.visited == {STEPS[1].id, STEPS[4].id}
    assert again.lesson.answered == {STEPS[1].id}
    assert again.lesson.chooser.itemText(1).startswith("✓")
    again.lesson.restart.click()
    assert again.lesson.index == 0 and again.lesson.answered == set()
    assert again.lesson.visited == {STEPS[0].id}  # restarting opens the first step again
    again.close()


def test_show_me_keeps_a_trained_network_unless_the_learner_agrees(qtbot, window,
                                                                    monkeypatch):
    lenet = window.lenet
    from core.runs import RunRecord
    from core.train import TrainConfig

    trained = RunRecord.start(TrainConfig())
    trained.batch_losses.append(2.3)  # as if trained one batch
    lenet.session.records.append(trained)
    model = lenet.model
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.No)
    panel = window.lesson
    panel.go([step.id for step in STEPS].index("lenet"))
    assert lenet.model is model and "Your trained network is kept" in panel.feedback.text()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    assert panel.show_step() is True and lenet.model is not model


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
    ((6, "question.args", {"colour": 3}), "missing a required argument: 'seed'"),
    ((7, "config", {"kernel_size": 3}), "unexpected keyword argument 'kernel_size'"),
    ((8, "question.answer", 7), "question.answer"),
    ((9, "title", None), "title: not a text"),
]


def test_a_bad_step_is_left_out_and_named_and_the_others_stay(qtbot, window, tmp_path):
    """Each bad step of the file (structure or references) is named with its field and left
    out; the lesson goes on with the rest."""
    from gui.lesson.panel import LessonPanel

    path = lesson_file(tmp_path, *(change for change, _ in BAD_STEPS))
    steps, problems = load_steps(path)
    panel = LessonPanel(window.pages, steps)
    qtbot.addWidget(panel)
    said = problems + panel.problems
    assert len(said) == len(BAD_STEPS)
    for change, reason in BAD_STEPS:
        line = next(line for line in said if f"lesson step {STEPS[change[0]].id} " in line)
        assert reason in line and "left out" in line, line
    assert len(panel.steps) == len(STEPS) - len(BAD_STEPS)
    for index in range(len(panel.steps)):  # every step left opens and asks its question
        panel.go(index)


def test_an_unreadable_lesson_file_leaves_the_window_working(qtbot, fresh_settings,
                                                            monkeypatch, tmp_path):
    from gui.lesson import steps as lesson_steps
    from gui.main_window import MainWindow

    (tmp_path / "lesson.json").write_text('{"steps": [ {"id": ')
    monkeypatch.setattr(lesson_steps, "_resources_dir", lambda: tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.lesson.steps == [] and not window.lesson.next.isEnabled()
    assert "The lesson could not be read" in window.lesson.text.text()
    assert "lesson.json cannot be read" in window.statusBar().currentMessage()
    window.show_page(window.page("pooling"))  # every page works as usual


def test_steps_keep_their_text_and_questions_true_to_the_page(window, qtbot):
    panel = window.lesson
    ids = [step.id for step in STEPS]
    conv = window.page("convolution")
    conv.set_config(conv.Config(source="pattern", pattern="arange 3×6×6"))
    panel.go(ids.index("activations"))  # the maps it activates come from a real image
    assert conv.config().source == "fashion"
    panel.go(ids.index("tiny_training"))
    assert "not measured yet" in panel.text.text()
    tiny = window.page("tiny_net")
    tiny.step_button.click()
    wait_for(qtbot, lambda: not tiny.runner.running)
    assert f"right now it is {tiny.losses[-1]:.4f} after 1 epoch." in panel.text.text()
    panel.go(ids.index("backprop"))  # cells: the page's winners
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
    panel.go([step.id for step in STEPS].index("backprop"))
    assert "The Tiny network page is busy (training or measuring): stop it" in \
        panel.feedback.text()
    assert tiny.config().epochs == 10000  # not reset under the run
    tiny.stop_button.click()
    wait_for(qtbot, lambda: not tiny.runner.running)
    # the message follows: the page is free now (it said "is training" after Stop)
    assert "The Tiny network page is free now: press Show me" in panel.feedback.text()


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
    panel.go([step.id for step in STEPS].index("timing"))
    assert speed.config().size == 96 and "Speed page is busy" in panel.feedback.text()
    speed.cancel.click()
    wait_for(qtbot, lambda: not speed.busy)
    assert "Speed page is free now" in panel.feedback.text()
    panel.show_step()
    assert speed.config().size != 96  # set up now that nothing runs


def test_the_lesson_quotes_the_size_the_page_computed(window):
    """'same' padding with a 5×5 kernel keeps 28×28: the facts read the page's own result
    (they used to recompute it from the settings and said 24×24)."""
    from core import functional as F
    from gui.lesson.facts import facts

    conv = window.page("convolution")
    conv.set_config(conv.Config(source="fashion", kh=5, kw=5, pad_kind="same", out_channels=6))
    said = facts(window.pages, "convolution")
    assert said["conv_output"] == "28×28" and said["padding"] == 2
    assert said["conv_macs"] == f"{F.conv2d_macs((1, 1, 28, 28), (6, 1, 5, 5), padding=2):,}"
