"""The Practice mode of the Lesson panel: questions come back when they are due (a clock the
test moves), every answer is checked by the core with the lesson's feedback rule, worked
examples fade and come back, and the record survives a restart."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextDocumentFragment

from gui.lesson import fading, practice
from gui.lesson.practice_view import REVIEW, PracticeView
from gui.lesson.review import DAY, Schedule


class Clock:
    def __init__(self):
        self.now = 1_800_000_000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def view(qtbot, fresh_settings, clock):
    widget = PracticeView(clock=clock)
    qtbot.addWidget(widget)
    return widget


def plain(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


def choose(view, concept):
    view.chooser.setCurrentIndex(view.chooser.findData(concept))
    view.new_question()


def answer(view, right: bool):
    asked = view.asked
    if asked.kind == "number":
        value = asked.answer if right else float(asked.answer) + 1000
        view.input.setText(practice.number(value).replace("−", "-"))
    elif asked.kind == "choice":
        index = asked.answer if right else (asked.answer + 1) % len(asked.options)
        view.input.group.button(index).setChecked(True)
    else:
        view.input.mark(asked.answer if right else ~asked.answer)
    return view.check_answer()


def test_a_concept_met_in_the_lesson_comes_back_when_due_and_mixes_topics(view, clock):
    assert view.due() == [] and "Nothing to review now" in view.due_label.text()
    view.lesson_met(("conv_output_size",), "shown")         # a wrong prediction: tomorrow
    view.lesson_met(("max_pool_winners", "avg_pool_value"), "right")  # right: introduced
    assert view.due() == []
    clock.now += DAY + 1
    assert set(view.due()) == {"conv_output_size", "max_pool_winners", "avg_pool_value"}
    view.refresh()
    assert "To review now: 3" in plain(view.due_label.text())
    view.chooser.setCurrentIndex(view.chooser.findData(REVIEW))
    asked = []
    for _ in range(3):  # the reviews, most overdue first, one concept after another
        view.new_question()
        asked.append(view.asked.concept)
        if view.asked.kind == "read":
            view.check_answer()
            view.new_question()  # the worked example read: now a step to fill
        assert answer(view, True) is True
    assert set(asked) == {"conv_output_size", "max_pool_winners", "avg_pool_value"}
    assert view.due() == []  # answered right: each moved to a later box
    rows = {row.concept: row for row in view.schedule.table()}
    # a wrong prediction put it in box 1; right now: box 2, back in 3 days
    assert rows["conv_output_size"].box == 2 and rows["conv_output_size"].due_in_days == 3
    # a right prediction only introduced it (box 0); right now: box 1, back tomorrow
    assert rows["max_pool_winners"].box == 1 and rows["max_pool_winners"].due_in_days == 1


def test_a_first_miss_hints_and_the_second_shows_the_working(view):
    choose(view, "conv_params")
    question = view.asked.question
    assert answer(view, False) is False
    said = plain(view.feedback.text())
    assert said.startswith("Not quite.") and str(question.hint) in said
    assert "Try again." in said and practice.number(question.answer) not in said
    assert view.check.isEnabled()
    assert answer(view, False) is False
    said = plain(view.feedback.text())
    assert f"The answer: {practice.number(question.answer)}." in said
    assert str(question.worked) in said and not view.check.isEnabled()
    row = {row.concept: row for row in view.schedule.table()}["conv_params"]
    assert (row.right, row.tries, row.box) == (0, 1, 1)


def test_a_typical_mistake_is_named(view):
    for _ in range(50):  # a question with a typical mistake listed
        choose(view, "conv_params")
        if view.asked.question.mistakes:
            break
    value, words = view.asked.question.mistakes[0]
    view.input.setText(practice.number(value).replace("−", "-"))
    assert view.check_answer() is False
    assert str(words) in plain(view.feedback.text())


def test_choice_and_cells_questions_follow_the_same_rule(view):
    choose(view, "activation_slope")
    while view.asked.kind != "choice":
        view.new_question()
    asked = view.asked
    wrong = (asked.answer + 1) % len(asked.options)
    view.input.group.button(wrong).setChecked(True)
    assert view.check_answer() is False
    said = plain(view.feedback.text())
    assert str(asked.why[wrong]) in said and str(asked.hint) in said
    assert view.check_answer() is False
    assert f"The answer: {asked.options[asked.answer]}" in plain(view.feedback.text())
    assert "bold" in view.input.texts[asked.answer].styleSheet()
    choose(view, "max_pool_winners")
    truth = view.asked.answer
    assert answer(view, False) is False
    assert "cell(s) missing" in plain(view.feedback.text())
    assert view.check_answer() is False  # the same wrong marks again: the right cells shown
    outlined = {key for key, cell in view.input.cells.items() if "#2e7d32" in cell.styleSheet()}
    assert outlined == set(zip(*np.nonzero(truth)))


def test_worked_examples_fade_with_right_answers_and_come_back_with_wrong_ones(view):
    for concept in fading.fading_concepts():
        choose(view, concept)
        assert view.asked.level == 0 and view.asked.kind == "read"
        assert not view.steps.isHidden() and "?" not in view.steps.text()
        assert not view.show_answer.isEnabled()
        view.check_answer()  # Got it: the next one has a step blank
        assert view.asked.level == 1 and view.levels[concept] == 1
        assert len(view.asked.blank) == 1 and "?" in plain(view.steps.text())
        line = view.asked.example.lines[view.asked.blank[0]]
        assert view.asked.answer == line.value
        assert answer(view, True) is True and view.levels[concept] == 2
        assert "?" not in plain(view.steps.text())  # the blank filled in once settled
        view.new_question()
        assert view.asked.level == 2 and view.steps.isHidden()  # on your own
        assert view.asked.answer == view.asked.example.answer
        assert answer(view, False) is False and answer(view, False) is False
        assert view.levels[concept] == 1 and not view.steps.isHidden()  # the working shown
        view.new_question()
        assert view.asked.level == 1


def test_the_record_and_the_fading_levels_survive_a_restart(qtbot, view, clock):
    view.lesson_met(("im2col_shape", "im2col_index"), "right")
    choose(view, "im2col_index")
    view.check_answer()  # read: level 1
    choose(view, "conv_macs")
    answer(view, True)
    again = PracticeView(clock=clock)
    qtbot.addWidget(again)
    assert again.levels == {"im2col_index": 1}
    rows = {row.concept: row for row in again.schedule.table()}
    assert rows["im2col_shape"].predicted_right == 1 and rows["conv_macs"].right == 1
    assert again.record.rowCount() == 3
    QSettings().setValue("practice/schedule", "{not json")  # a damaged record: a fresh one
    QSettings().setValue("practice/levels", "im2col_index:9,nothing:1")
    fresh = PracticeView(clock=clock)
    qtbot.addWidget(fresh)
    assert fresh.levels == {} and fresh.schedule.table() == []


def test_the_panel_offers_the_reviews_due_on_its_practice_tab(window, qtbot):
    panel = window.lesson
    assert panel.mode.tabText(1) == "Practice"
    panel.go(1)
    panel.skip_question()  # met: introduced, due tomorrow
    later = panel.practice.schedule.now() + 2 * DAY
    panel.practice.schedule = Schedule(panel.practice.schedule.cards(), clock=lambda: later)
    panel.practice.refresh()
    panel._say_mode()
    assert panel.mode.tabText(1) == "Practice · 1 to review"
    panel.mode.setCurrentIndex(1)
    assert panel.modes.currentWidget() is panel.practice and panel.practice.isVisible()
