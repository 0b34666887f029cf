"""The Lesson panel beside the pages: the lesson's steps in order. A step sets up its page (only
what it needs), covers the part that shows the answer, asks for a prediction, then lifts the
cover so the prediction and the result stand side by side; Practice brings the questions back.
Progress is kept in the settings."""

from __future__ import annotations

import inspect
import string
from dataclasses import replace
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.lesson import feedback as fb
from gui.lesson.answers import ANSWERS, mistake
from gui.lesson.facts import facts
from gui.lesson.practice_view import PracticeView
from gui.lesson.questions import CellsInput, ChoiceInput, NumberInput
from gui.lesson.steps import Step, load_steps
from gui.pages.base import tab_source
from gui.settings import settings
from gui.widgets.controls import rich_label, set_texts

UNKNOWN = "(?)"  # a number the page cannot tell now (e.g. its settings are invalid)
OUTCOMES = ("right", "second", "shown", "skipped")  # first try, second try, answer shown, skipped


class _Facts(dict):
    def __missing__(self, key):
        return UNKNOWN


def fill(template: str, values: dict) -> str:
    """``template`` with {names} from ``values`` (format specs allowed); unknown names show as
    ``UNKNOWN``."""
    return string.Formatter().vformat(template, (), _Facts(values))


class Verdict(NamedTuple):
    """What the last check found, kept to say it again (in another language too)."""

    state: str  # "checked" or "skipped"; "pending": a prediction waiting for the page's result;
    #             "empty": nothing given; "changed": the page's values changed under the question;
    #             "error": no answer now; "busy", "problem", "kept": how the page was set up
    right: bool = False
    given: object = None       # the learner's number, option or cells
    values: dict = {}          # what the hint and the explanation quote
    misses: int = 0            # wrong answers so far: the second shows the answer
    text: str = ""             # the message of "empty", "busy", … (a source text) or an error
    answer: object = None      # the answer, once computed


def usable(steps: list[Step], pages) -> tuple[list[Step], list[str]]:
    """The steps whose references hold on these pages — the page, its settings and tab, the
    parts it veils, the answer function and its arguments — and one line per step left out."""
    kept, problems = [], []
    for step in steps:
        try:
            for key, fields in {**step.setup, step.page: {**step.config, **step.after}}.items():
                page = pages.page(key)
                if page is None:
                    raise ValueError(f"no page {key!r}")
                replace(page.Config(), **fields)  # TypeError: no such setting
            page = pages.page(step.page)
            tabs = getattr(page, "tabs", None)
            titles = [tab_source(tabs, i) for i in range(tabs.count())] if tabs else []
            if "tab" in step.view and step.view["tab"] not in titles:
                raise ValueError(f"the {step.page} page has no tab {step.view['tab']!r}")
            missing = set(step.veil) - set(page.veils)
            if missing:
                raise ValueError(f"the {step.page} page has no part {sorted(missing)[0]!r} to "
                                 f"veil")
            question = step.question
            if isinstance(question.answer, str):
                if question.answer not in ANSWERS:
                    raise ValueError(f"no answer function {question.answer!r}")
                inspect.signature(ANSWERS[question.answer]).bind(pages, **question.args)
        except (TypeError, ValueError) as err:
            problems.append(f"lesson step {step.id} left out: {err}")
            continue
        kept.append(step)
    return kept, problems


class LessonPanel(Translated, QWidget):
    pageRequested = Signal(object)  # a page to bring forward (the window shows it)

    def __init__(self, pages, steps: list[Step] | None = None):
        super().__init__()
        self.setObjectName("lesson_panel")
        self.pages = pages
        found, problems = (steps, []) if steps is not None else load_steps()
        self.steps, more = usable(found, pages)
        self.problems = problems + more  # steps left out, a line each (the window says so)
        self.index = 0
        self.visited: set[str] = set()
        self.outcomes: dict[str, str] = {}  # step id -> one of OUTCOMES
        self.input = None
        self.verdict: Verdict | None = None  # what the last check found (or a problem)
        self.misses = 0      # wrong answers to the question on screen: the second shows it
        self.covering = ()  # (page, parts) the current step covers
        self.practice = PracticeView()
        self.practice.recordChanged.connect(self._say_mode)
        self._build()
        self._restore()
        for page in pages:  # the text quotes the page: refresh it when the page reports
            page.statusMessage.connect(lambda _text, key=page.key: self._page_reported(key))
            page.busyChanged.connect(self._work_changed)

    @property
    def answered(self) -> set[str]:
        """The steps answered right, at the first or the second try."""
        return {i for i, outcome in self.outcomes.items() if outcome in ("right", "second")}

    def _page_reported(self, key: str) -> None:
        if self.steps and key == self.step.page:
            self._refresh_text()
            if self.verdict is not None and self.verdict.state == "pending":
                self.check_answer()  # the result the prediction waits for may be there now

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.chooser = QComboBox()
        self.chooser.setObjectName("lesson_step")
        self.chooser.setMinimumContentsLength(12)
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.progress = QLabel()
        self.progress.setObjectName("lesson_progress")
        self.progress.setStyleSheet("color: #555;")
        self.progress.setWordWrap(True)
        self.text = rich_label("lesson_text")
        self.formula = rich_label("lesson_formula")
        self.formula.setStyleSheet("background: #f3f6fb; border: 1px solid #c5d3e8; "
                                   "padding: 4px;")
        self.show_me = QPushButton(objectName="lesson_show_me")
        self.reveal = rich_label("lesson_reveal")
        self.reveal.setStyleSheet("background: #eef7ee; border: 1px solid #b9d8b9; "
                                  "padding: 4px;")
        self.feedback = rich_label("lesson_feedback")
        self.prompt = rich_label("lesson_prompt")
        self.answer_area = QVBoxLayout()
        self.check = QPushButton(objectName="lesson_check")
        self.skip = QPushButton(objectName="lesson_skip")
        self.back = QPushButton(objectName="lesson_back")
        self.next = QPushButton(objectName="lesson_next")
        self.restart = QPushButton(objectName="lesson_restart")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        for widget in (self.text, self.formula, self.show_me, self.reveal, self.feedback):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._follow_feedback = False
        bar = scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda low, high: bar.setValue(high) if self._follow_feedback
                                 else None)
        # The question stays in view below the text, however long the text is.
        self.question_box = QFrame()
        self.question_box.setObjectName("lesson_question")
        self.question_box.setFrameShape(QFrame.Shape.StyledPanel)
        asking = QVBoxLayout(self.question_box)
        asking.setContentsMargins(4, 4, 4, 4)
        asking.addWidget(self.prompt)
        asking.addLayout(self.answer_area)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check, 1)
        buttons.addWidget(self.skip)
        asking.addLayout(buttons)
        navigation = QHBoxLayout()
        navigation.addWidget(self.back)
        navigation.addWidget(self.next)
        status = QHBoxLayout()
        status.addWidget(self.progress, 1)
        status.addWidget(self.restart)
        lesson = QWidget()
        layout = QVBoxLayout(lesson)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chooser)
        layout.addLayout(status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.question_box)
        layout.addLayout(navigation)
        # Lesson or Practice: a bar over the two
        self.mode = QTabBar(objectName="lesson_mode")
        self.mode.setExpanding(True)
        self.mode.addTab("")
        self.mode.addTab("")
        self.modes = QStackedWidget()
        self.modes.addWidget(lesson)
        self.modes.addWidget(self.practice)
        self.mode.currentChanged.connect(self._mode_changed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.addWidget(self.mode)
        outer.addWidget(self.modes, 1)
        self.chooser.activated.connect(self.go)
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.show_me.clicked.connect(lambda: self.show_step())
        self.check.clicked.connect(self.check_answer)
        self.skip.clicked.connect(self.skip_question)
        self.restart.clicked.connect(self.restart_lesson)

    def _mode_changed(self, index: int) -> None:
        self.modes.setCurrentIndex(index)
        if index == 1:
            self.practice.refresh()
        self._say_mode()

    def _say_mode(self) -> None:
        due = len(self.practice.due())
        self.mode.setTabText(0, translate("Lesson", "Lesson"))
        self.mode.setTabText(1, translate("Lesson", "Practice · {count} to review").format(
            count=due) if due else translate("Lesson", "Practice"))
        self.mode.setTabToolTip(0, translate("Lesson", "The lesson's steps, in order"))
        self.mode.setTabToolTip(1, translate("Lesson", "Fresh questions on what the lesson "
                                                       "covered, and the reviews that are due"))

    def retranslate(self) -> None:
        self._say_mode()
        self.chooser.setToolTip(translate("Lesson", "Jump to any step of the lesson (✓ right, "
                                                    "✗ answer shown, – skipped, • visited)"))
        set_texts(
                (self.show_me, translate("Lesson", "Show me"),
                 translate("Lesson", "Set up what this step needs on its page and bring the "
                                     "page forward")),
                (self.check, translate("Lesson", "Check"), translate("Lesson",
                                                                     "Check your answer")),
                (self.skip, translate("Lesson", "Skip"),
                 translate("Lesson", "Show the answer without predicting (recorded as "
                                     "skipped)")),
                (self.back, translate("Lesson", "◀ Back"), translate("Lesson",
                                                                     "The previous step")),
                (self.next, translate("Lesson", "Next ▶"),
                 translate("Lesson", "The next step (sets up its page)")),
                (self.restart, translate("Lesson", "Restart"),
                 translate("Lesson", "Restart the lesson: forget which steps you visited and "
                                     "answered, and start again from step 1")))
        if self.chooser.count():  # built: the step's texts and the feedback said again
            self._say_prompt()
            self._refresh_text()
            self._say_verdict()

    # ------------------------------------------------------------------ moving

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    @property
    def settled(self) -> bool:
        """Whether the question on screen is over (right, answer shown or skipped)."""
        return self.verdict is not None and self.verdict.state in ("checked", "skipped") \
            and fb.settled(self._feedback())

    def go(self, index: int) -> None:
        """Open step ``index``: set up its page, then ask its question (a question may be
        about what the page now shows)."""
        if not 0 <= index < len(self.steps):
            return
        self._set_veil(False)
        self.index = index
        self.verdict = None
        self.show_step()
        problem = self.verdict  # why the page could not be set up as the step says, if so
        self._show_question()
        if problem is not None:
            self.verdict = problem
            self._say_verdict()

    def show_step(self) -> bool:
        """Set up what the step needs on its page (its settings over the page's own; a trained
        network is kept) and bring the page forward; False if it could not (the page busy)."""
        step, pages = self.step, self.pages
        for key, fields in step.setup.items():  # pages this one reads from (e.g. the maps)
            other = pages.page(key)
            wanted = replace(other.config(), **fields)
            if not other.busy and wanted != other.config():
                other.set_config(wanted)
        page = pages.page(step.page)
        self.pageRequested.emit(page)
        if page.busy:
            self._problem(QT_TRANSLATE_NOOP("Lesson", "The {page} page is busy (training or "
                                                      "measuring): stop it, or let it finish, to "
                                                      "set up this step."), page, "busy")
            return False
        self._set_veil(step.id not in self.outcomes)  # before the page computes: predict first
        fields = {**step.config, **(step.after if step.id in self.outcomes else {})}
        config = replace(page.config(), **fields)
        kept = config != page.config() and page.discards_results(config)
        if config != page.config() and not kept:
            page.set_config(config)
        page.show_view(step.view)
        self.visited.add(step.id)
        self._save()
        if kept:  # the step works with the learner's trained network: it stays
            self._problem(QT_TRANSLATE_NOOP("Lesson", "Your trained network on the {page} page "
                                                      "is kept: this step uses it as it is."),
                          page, "kept")
        elif self.verdict is not None and self.verdict.state in ("busy", "problem", "kept"):
            self.verdict = None  # the page is set up now: that message is over
            self._say_verdict()
        self._refresh_text()
        return True

    def restart_lesson(self) -> None:
        self.visited.clear()
        self.outcomes.clear()
        self._save()
        self.go(0)

    def _set_veil(self, veiled: bool) -> None:
        """Cover the parts of the step's page that show the answer (or lift the cover)."""
        if self.covering:
            page, parts = self.covering
            page.set_veiled(parts, False)
            self.covering = ()
        if veiled and self.steps and self.step.veil:
            page = self.pages.page(self.step.page)
            page.set_veiled(self.step.veil, True)
            self.covering = (page, self.step.veil)

    # ------------------------------------------------------------------ showing

    def _values(self) -> dict:
        try:
            return facts(self.pages, self.step.page)
        except (ValueError, AttributeError, KeyError):  # the page shows no valid result now
            return {}

    def _refresh_text(self) -> None:
        step, values = self.step, self._values()
        kind = {"experiment": translate("Lesson", "Experiment"),
                "claim": translate("Lesson", "Claim to test")}.get(
            step.kind, translate("Lesson", "Idea"))
        self.text.setText(f"<b>{self.index + 1}. {translate('Lesson', step.title)}</b> "
                          f"<span style='color:#777'>({kind})</span><br>"
                          f"{fill(translate('Lesson', step.text), values)}")
        self.formula.setText(fill(translate("Lesson", step.formula), values))
        self.formula.setVisible(bool(step.formula))
        shown = step.id in self.outcomes and bool(step.reveal)
        self.reveal.setVisible(shown)
        if shown:
            extras = self.verdict.values if self.verdict else {}
            self.reveal.setText(fill(translate("Lesson", step.reveal), {**extras, **values}))
        self._update_progress()

    def _update_progress(self) -> None:
        marks = {"right": "✓", "second": "✓", "shown": "✗", "skipped": "–"}
        for i, step in enumerate(self.steps):
            mark = marks.get(self.outcomes.get(step.id), "•" if step.id in self.visited else " ")
            self.chooser.setItemText(i, f"{mark} {i + 1}. {translate('Lesson', step.title)}")
        self.chooser.setCurrentIndex(self.index)
        predicted = sum(outcome == "right" for outcome in self.outcomes.values())
        skipped = sum(outcome == "skipped" for outcome in self.outcomes.values())
        self.progress.setText(translate(
            "Lesson", "Step {step} of {steps} · right first time {predicted} · answered "
            "{answered} · skipped {skipped}").format(
            step=self.index + 1, steps=len(self.steps), predicted=predicted,
            answered=len(self.answered), skipped=skipped))
        self.back.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.steps) - 1)

    def _problem(self, text: str, page, state: str = "problem") -> None:
        """The step's page could not be set up as the step says: say why (a source text about
        ``page``)."""
        self.verdict = Verdict(state, text=text, values={"page": page.title})
        self._say_verdict()
        self._refresh_text()

    def _work_changed(self) -> None:
        """A page's work began or ended: a message that it is busy may be out of date, and a
        prediction may have its result."""
        verdict = self.verdict
        if verdict is not None and verdict.state == "pending":
            self.check_answer()
        if verdict is not None and verdict.state == "busy" \
                and not self.pages.page(self.step.page).busy:
            self.verdict = Verdict("problem", text=QT_TRANSLATE_NOOP(
                "Lesson", "The {page} page is free now: press Show me to set this step up."),
                values=verdict.values)
            self._say_verdict()

    def _say_prompt(self) -> None:
        question = self.step.question
        label = translate("Lesson", "<b>Predict:</b> {prompt}") if self.step.veil else \
            translate("Lesson", "<b>Check:</b> {prompt}")
        self.prompt.setText(label.format(prompt=translate("Lesson", question.prompt)))

    def _show_question(self) -> None:
        question, problem = self.step.question, None
        if self.input is not None:
            self.answer_area.removeWidget(self.input)
            self.input.hide()
            self.input.deleteLater()
        self._say_prompt()
        if question.kind == "number":
            self.input = NumberInput()
        elif question.kind == "choice":
            self.input = ChoiceInput(question.options)
        else:
            try:
                self.grid, self.solution, self.extras = ANSWERS[question.answer](
                    self.pages, **question.args)
            except Exception as err:  # noqa: BLE001 - the page cannot answer now: say so
                self.grid = self.solution = np.zeros((0, 0))
                problem = Verdict("error", text=str(err))
            self.input = CellsInput(self.grid)
        self.input.submitted.connect(self.check_answer)
        self.answer_area.addWidget(self.input)
        self.verdict = problem
        self.misses = 0
        self._enable_question(True)
        self._say_verdict()
        self._follow_feedback = False
        self.scroll.verticalScrollBar().setValue(0)  # a new step starts at its top

    def _enable_question(self, open_: bool) -> None:
        self.input.setEnabled(open_)
        self.check.setEnabled(open_)
        self.skip.setEnabled(open_)

    # ------------------------------------------------------------------ checking

    def _answer(self):
        """(answer, values the texts quote) as the core computes them now; raises what the
        answer function raises when the page cannot answer yet."""
        question = self.step.question
        if question.kind == "cells":
            grid, solution, extras = ANSWERS[question.answer](self.pages, **question.args)
            return (grid, solution), {**question.args, **extras}
        if isinstance(question.answer, int):
            return question.answer, {**question.args}
        answer, extras = ANSWERS[question.answer](self.pages, **question.args)
        return answer, {**question.args, **extras, "answer": answer}

    def check_answer(self) -> bool | None:
        """Check the learner's answer; True/False, or None if there is nothing to check."""
        if self.settled:
            return None
        question = self.step.question
        pending = self.verdict is not None and self.verdict.state == "pending"
        given = self.verdict.given if pending else self.input.answer()
        empty = {"number": QT_TRANSLATE_NOOP("Lesson", "Type a number first."),
                 "choice": QT_TRANSLATE_NOOP("Lesson", "Pick one of the answers first."),
                 "cells": QT_TRANSLATE_NOOP("Lesson", "Click the cells first.")}[question.kind]
        if given is None or (question.kind == "cells" and not given.any()):
            return self._nothing_given(empty)
        try:
            answer, values = self._answer()
        except ValueError as err:  # no result yet (nothing trained): the prediction waits
            if self.step.veil and question.kind == "choice":
                return self._pending(given, err)
            return self._cannot_check(err)
        except Exception as err:  # noqa: BLE001 - the page cannot answer now: say so
            return self._cannot_check(err)
        if question.kind == "number":
            right = abs(given - answer) <= max(question.tolerance, 1e-9 * abs(answer))
        elif question.kind == "choice":
            right = given == answer
        else:
            grid, solution = answer
            if not np.array_equal(solution, self.solution):  # the page changed under it
                self._show_question()
                self.verdict = Verdict("changed")
                self._say_verdict()
                return None
            self.input.show_values(grid)  # the same cells win: new values, the marks stay
            self.grid, answer = grid, solution
            right = bool(np.array_equal(given, solution))
            values = {**values, "missing": int(np.sum(solution & ~given)),
                      "extra": int(np.sum(given & ~solution))}
        # A prediction checked once its result is in has been seen: it cannot be tried again.
        self.misses += 0 if right else fb.TRIES - self.misses if pending else 1
        self.verdict = Verdict("checked", right, given, values, self.misses, answer=answer)
        self._say_verdict()
        if fb.settled(self._feedback()):
            self._settle("right" if right and self.misses == 0 else "second" if right
                         else "shown")
        return right

    def skip_question(self) -> None:
        """Show the answer without a prediction (recorded as skipped)."""
        if self.settled:
            return
        try:
            answer, values = self._answer()
        except Exception as err:  # noqa: BLE001 - no answer now: the result is shown anyway
            answer, values = None, {"error": str(err)}
        self.verdict = Verdict("skipped", values=values, misses=self.misses, answer=answer)
        self._say_verdict()
        self._settle("skipped")

    def _settle(self, outcome: str) -> None:
        """The question is over: record it, lift the cover, apply the step's after-settings,
        and say what the page now shows."""
        step = self.step
        self.outcomes[step.id] = outcome
        self._enable_question(False)
        if step.question.kind == "cells" and outcome != "right":
            self.input.show_solution(self.solution)
        if step.question.kind == "choice" and isinstance(self.verdict.answer, int):
            self.input.show_solution(self.verdict.answer)
        self._set_veil(False)
        page = self.pages.page(step.page)
        if step.after and not page.busy:
            page.set_config(replace(page.config(), **step.after))
        self._save()
        self._refresh_text()
        self.practice.lesson_met(step.concepts, outcome)

    def _pending(self, given, err: Exception) -> None:
        """A prediction about a result the page does not have yet: kept, the cover lifted, and
        checked when the page reports."""
        self.verdict = Verdict("pending", given=given, text=str(err))
        self._enable_question(False)
        self._set_veil(False)
        self._say_verdict()
        return None

    def _cannot_check(self, err: Exception) -> None:
        self.verdict = Verdict("error", text=str(err))
        self._say_verdict()
        return None

    def _nothing_given(self, text: str) -> None:
        self.verdict = Verdict("empty", text=text)
        self._say_verdict()
        return None

    # ------------------------------------------------------------------ saying

    def _feedback(self) -> fb.Feedback:
        """The verdict "checked" or "skipped" as the one feedback rule reads it."""
        verdict, question = self.verdict, self.step.question
        values, answer, given = verdict.values, verdict.answer, verdict.given
        hint = fill(translate("Lesson", question.hint), values)
        worked = fill(translate("Lesson", question.explain), values) if question.explain else ""
        why = ""
        if question.kind == "number":
            answer_text = fb.said(answer) if answer is not None else UNKNOWN
            given_text = fb.said(given) if given is not None else ""
            if given is not None and answer is not None and isinstance(question.answer, str):
                why = fill(translate("Lesson", mistake(question.answer, question.args, given,
                                                       answer)), values)
        elif question.kind == "choice":
            option = question.options

            def text(i):
                return translate("Lesson", option[i]["text"]) if i is not None else UNKNOWN

            answer_text, given_text = text(answer), text(given) if given is not None else ""
            if given is not None and given != answer:
                why = translate("Lesson", option[given]["why"])
            if answer is not None:
                worked = " ".join(part for part in (translate("Lesson", option[answer]["why"]),
                                                    worked) if part)
        else:
            answer_text = translate("Lesson", "the cells outlined in green")
            given_text = translate("Lesson", "{count} cells").format(
                count=int(given.sum())) if given is not None else ""
            if given is not None and "missing" in values:
                why = translate("Lesson", "{missing} cell(s) missing, {extra} too many.").format(
                    missing=values["missing"], extra=values["extra"])
        if verdict.state == "skipped" and answer is None:
            answer_text, worked = "", translate("Lesson", "The page shows the answer once it "
                                                          "has the result ({error}).").format(
                error=values.get("error", ""))
        return fb.Feedback(verdict.right, verdict.misses, given_text, answer_text, hint, worked,
                           why, prediction=bool(self.step.veil),
                           skipped=verdict.state == "skipped")

    def _say(self, text: str) -> None:
        self.feedback.setText(text)
        # the feedback is below the text: scroll down to it, now and once it is laid out
        self._follow_feedback = True
        bar = self.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _say_verdict(self) -> None:
        """The feedback on the last check, in the current language (from what it found)."""
        verdict = self.verdict
        if verdict is None:
            self.feedback.setText("")
            return
        wrong = fb.WRONG
        if verdict.state in ("checked", "skipped"):
            self._say(fb.say(self._feedback())[0])
        elif verdict.state == "pending":
            self._say(translate("Lesson", "<b>Your prediction is in.</b> The page has no result "
                                          "to compare yet ({error}); the panel compares as "
                                          "soon as it has.").format(error=verdict.text))
        elif verdict.state == "empty":
            self._say(f"<span style='color:{wrong}'>{translate('Lesson', verdict.text)}</span>")
        elif verdict.state == "changed":
            self._say(f"<span style='color:{wrong}'>" + translate(
                "Lesson", "The page's values changed, and so did the answer; here they are "
                          "again.") + "</span>")
        elif verdict.state == "error":
            self._say(f"<span style='color:{wrong}'>" + translate(
                "Lesson", "This question cannot be checked right now ({error}): press Show me "
                          "to set its page up, then try again.").format(error=verdict.text)
                      + "</span>")
        else:  # how the page was set up: "busy", "problem" (red) or "kept" (plain)
            colour = fb.NEUTRAL if verdict.state == "kept" else wrong
            self._say(f"<span style='color:{colour}'>" + translate("Lesson", verdict.text).format(
                page=translate("Pages", verdict.values["page"])) + "</span>")

    # ------------------------------------------------------------------ progress

    def _restore(self) -> None:
        if not self.steps:  # the lesson file could not be read: the app goes on without it
            for widget in (self.chooser, self.show_me, self.check, self.skip, self.back,
                           self.next, self.restart):
                widget.setEnabled(False)
            self.retranslate()
            self.text.setText(translate("Lesson", "The lesson could not be read, so this panel "
                                                  "is empty; every page works as usual.")
                              + "<br>" + "<br>".join(self.problems))
            self.formula.setVisible(False)
            self.reveal.setVisible(False)
            self.question_box.setVisible(False)
            return
        store, ids = settings(), {step.id for step in self.steps}
        stored = str(store.value("lesson/visited", "") or "")
        self.visited = {i for i in stored.split(",") if i in ids}
        for entry in str(store.value("lesson/outcomes", "") or "").split(","):
            step_id, _, outcome = entry.partition(":")
            if step_id in ids and outcome in OUTCOMES:
                self.outcomes[step_id] = outcome
        try:
            index = int(store.value("lesson/step", 0))
        except (TypeError, ValueError):
            index = 0
        self.index = index if 0 <= index < len(self.steps) else 0
        self.retranslate()
        for _ in self.steps:
            self.chooser.addItem("")
        self._show_question()
        self._refresh_text()

    def _save(self) -> None:
        store = settings()
        store.setValue("lesson/visited", ",".join(sorted(self.visited)))
        store.setValue("lesson/outcomes", ",".join(f"{i}:{o}" for i, o in
                                                   sorted(self.outcomes.items())))
        store.setValue("lesson/step", self.index)
