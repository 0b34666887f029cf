"""The Lesson panel beside the pages: the lesson's steps in order, each with Show me, a check
question and its explained feedback; progress kept in the settings."""

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
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.lesson.answers import ANSWERS
from gui.lesson.facts import facts
from gui.lesson.questions import CellsInput, ChoiceInput, NumberInput
from gui.lesson.steps import Step, load_steps
from gui.pages.base import tab_source
from gui.settings import settings
from gui.widgets.controls import rich_label, set_texts

RIGHT, WRONG = "#2e7d32", "#c62828"
UNKNOWN = "(?)"  # a number the page cannot tell now (e.g. its settings are invalid)


class _Facts(dict):
    def __missing__(self, key):
        return UNKNOWN


def fill(template: str, values: dict) -> str:
    """``template`` with {names} from ``values`` (format specs allowed); unknown names show as
    ``UNKNOWN``."""
    return string.Formatter().vformat(template, (), _Facts(values))


class Verdict(NamedTuple):
    """What the last check found, kept to say it again (in another language too)."""

    state: str  # "checked"; "empty": nothing given; "changed": the page's values changed under
    #             the question; "busy" or "problem": the page could not be set up
    right: bool = False
    given: object = None       # the learner's number, option or cells
    values: dict = {}          # what the explanation quotes
    misses: int = 0            # wrong answers so far: the second shows the answer
    text: str = ""             # the message of "empty" (a source text) or "problem" (translated)


def usable(steps: list[Step], pages) -> tuple[list[Step], list[str]]:
    """The steps whose references hold on these pages — the page, its settings and tab, the
    answer function and its arguments — and one line per step left out."""
    kept, problems = [], []
    for step in steps:
        try:
            for key, fields in {**step.setup, step.page: step.config}.items():
                page = pages.page(key)
                if page is None:
                    raise ValueError(f"no page {key!r}")
                replace(page.Config(), **fields)  # TypeError: no such setting
            tabs = getattr(pages.page(step.page), "tabs", None)
            titles = [tab_source(tabs, i) for i in range(tabs.count())] if tabs else []
            if "tab" in step.view and step.view["tab"] not in titles:
                raise ValueError(f"the {step.page} page has no tab {step.view['tab']!r}")
            question = step.question
            if question.kind != "choice":
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
        self.answered: set[str] = set()
        self.input = None
        self.verdict: Verdict | None = None  # what the last check found (or a problem)
        self.misses = 0  # wrong answers to the question on screen: the second shows the answer
        self._build()
        self._restore()
        for page in pages:  # the text quotes the page: refresh it when the page reports
            page.statusMessage.connect(lambda _text, key=page.key: self._page_reported(key))
            page.busyChanged.connect(self._work_changed)

    def _page_reported(self, key: str) -> None:
        if self.steps and key == self.step.page:
            self._refresh_text()

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
        self.prompt = rich_label("lesson_prompt")
        self.answer_area = QVBoxLayout()
        self.check = QPushButton(objectName="lesson_check")
        self.feedback = rich_label("lesson_feedback")
        self.back = QPushButton(objectName="lesson_back")
        self.next = QPushButton(objectName="lesson_next")
        self.restart = QPushButton(objectName="lesson_restart")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.text)
        column.addWidget(self.formula)
        column.addWidget(self.show_me)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        column.addWidget(line)
        column.addWidget(self.prompt)
        column.addLayout(self.answer_area)
        column.addWidget(self.check)
        column.addWidget(self.feedback)
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
        navigation = QHBoxLayout()
        navigation.addWidget(self.back)
        navigation.addWidget(self.next)
        status = QHBoxLayout()
        status.addWidget(self.progress, 1)
        status.addWidget(self.restart)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.chooser)
        layout.addLayout(status)
        layout.addWidget(scroll, 1)
        layout.addLayout(navigation)
        self.chooser.activated.connect(self.go)
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.show_me.clicked.connect(lambda: self.show_step())
        self.check.clicked.connect(self.check_answer)
        self.restart.clicked.connect(self.restart_lesson)

    def retranslate(self) -> None:
        self.chooser.setToolTip(translate("Lesson", "Jump to any step of the lesson (✓ answered, "
                                                    "• visited)"))
        set_texts(
                (self.show_me, translate("Lesson", "Show me"),
                 translate("Lesson", "Set up the page this step is about and bring it forward")),
                (self.check, translate("Lesson", "Check"), translate("Lesson",
                                                                     "Check your answer")),
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

    def go(self, index: int) -> None:
        """Open step ``index`` and set up its page."""
        if not 0 <= index < len(self.steps):
            return
        self.index = index
        ready = self.show_step()
        problem = self.verdict  # why the page could not be set up, if it could not
        self._show_question()  # after: a question may be about what the page now shows
        if not ready:
            self.verdict = problem
            self._say_verdict()

    def show_step(self, ask: bool = True) -> bool:
        """Set up the step's page exactly and bring it forward; False if it could not (a run
        in progress, or the learner kept a trained network)."""
        step, pages = self.step, self.pages
        for key, fields in step.setup.items():  # pages this one reads from (e.g. the maps)
            other = pages.page(key)
            wanted = replace(other.Config(), **fields)
            if not other.busy and wanted != other.config():
                other.set_config(wanted)
        page = pages.page(step.page)
        config = replace(page.Config(), **step.config)
        self.pageRequested.emit(page)
        if page.busy:
            self._problem(QT_TRANSLATE_NOOP("Lesson", "The {page} page is busy (training or "
                                                      "measuring): stop it, or let it finish, to "
                                                      "set up this step."), page, "busy")
            return False
        if config != page.config():
            title = translate("Pages", page.title)
            if page.discards_results(config) and ask and QMessageBox.question(
                    self, translate("Lesson", "Show me"), translate(
                        "Lesson", "Setting up this step builds a new network on the {page} "
                        "page; the trained one is lost unless you saved it (File → Save model). "
                        "Set it up anyway?").format(page=title)) != \
                    QMessageBox.StandardButton.Yes:
                self._problem(QT_TRANSLATE_NOOP("Lesson", "Your trained network is kept; the "
                                                          "{page} page is as you left it. Press "
                                                          "Show me to set this step up."), page)
                return False
            page.set_config(config)
        page.show_view(step.view)
        self.visited.add(step.id)
        self._save()
        self._refresh_text()
        return True

    def restart_lesson(self) -> None:
        self.visited.clear()
        self.answered.clear()
        self._save()
        self.go(0)

    # ------------------------------------------------------------------ showing

    def _refresh_text(self) -> None:
        step = self.step
        try:
            values = facts(self.pages, step.page)
        except (ValueError, AttributeError, KeyError):  # the page shows no valid result now
            values = {}
        kind = {"experiment": translate("Lesson", "Experiment"),
                "claim": translate("Lesson", "Claim to test")}.get(
            step.kind, translate("Lesson", "Idea"))
        self.text.setText(f"<b>{self.index + 1}. {translate('Lesson', step.title)}</b> "
                          f"<span style='color:#777'>({kind})</span><br>"
                          f"{fill(translate('Lesson', step.text), values)}")
        self.formula.setText(fill(translate("Lesson", step.formula), values))
        self.formula.setVisible(bool(step.formula))
        self._update_progress()

    def _update_progress(self) -> None:
        for i, step in enumerate(self.steps):
            mark = "✓" if step.id in self.answered else "•" if step.id in self.visited else " "
            self.chooser.setItemText(i, f"{mark} {i + 1}. {translate('Lesson', step.title)}")
        self.chooser.setCurrentIndex(self.index)
        self.progress.setText(translate(
            "Lesson", "Lesson step {step} of {steps}<br>visited {visited} · answered "
            "{answered}").format(step=self.index + 1, steps=len(self.steps),
                                 visited=len(self.visited), answered=len(self.answered)))
        self.back.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.steps) - 1)

    def _problem(self, text: str, page, state: str = "problem") -> None:
        """The step's page could not be set up: say why (a source text about ``page``)."""
        self.verdict = Verdict(state, text=text, values={"page": page.title})
        self._say_verdict()
        self._refresh_text()

    def _work_changed(self) -> None:
        """A page's work began or ended: a message that it is busy may be out of date."""
        verdict = self.verdict
        if verdict is not None and verdict.state == "busy" \
                and not self.pages.page(self.step.page).busy:
            self.verdict = Verdict("problem", text=QT_TRANSLATE_NOOP(
                "Lesson", "The {page} page is free now: press Show me to set this step up."),
                values=verdict.values)
            self._say_verdict()

    def _say_prompt(self) -> None:
        self.prompt.setText(translate("Lesson", "<b>Check:</b> {prompt}").format(
            prompt=translate("Lesson", self.step.question.prompt)))

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
        self.feedback.setText("")
        self._say_verdict()
        self.misses = 0
        self._follow_feedback = False
        self.scroll.verticalScrollBar().setValue(0)  # a new step starts at its top

    def _say(self, text: str, colour: str, detail: str = "") -> None:
        """``text`` in the verdict's colour, then the explanation in the normal one."""
        self.feedback.setText(f"<span style='color:{colour}'>{text}</span> {detail}")
        # the feedback is at the bottom of a narrow panel: scroll down to it, now and once the
        # longer text is laid out
        self._follow_feedback = True
        bar = self.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())

    # ------------------------------------------------------------------ checking

    def check_answer(self) -> bool | None:
        """Check the learner's answer; True/False, or None if there is nothing to check."""
        question = self.step.question
        given = self.input.answer()
        if question.kind == "number":
            if given is None:
                return self._nothing_given(QT_TRANSLATE_NOOP("Lesson", "Type a number first."))
            try:
                answer, extras = ANSWERS[question.answer](self.pages, **question.args)
            except Exception as err:  # noqa: BLE001 - the page cannot answer now: say so
                return self._cannot_check(err)
            right = abs(given - answer) <= max(question.tolerance, 1e-9 * abs(answer))
            values = {**question.args, **extras, "answer": answer}
        elif question.kind == "choice":
            if given is None:
                return self._nothing_given(QT_TRANSLATE_NOOP("Lesson", "Pick one of the "
                                                                       "answers first."))
            right, values = given == question.answer, {}
        else:
            if not given.any():
                return self._nothing_given(QT_TRANSLATE_NOOP("Lesson", "Click the cells first."))
            # Recomputed now: the page's values may have changed since the question was shown.
            try:
                grid, solution, extras = ANSWERS[question.answer](self.pages, **question.args)
            except Exception as err:  # noqa: BLE001
                return self._cannot_check(err)
            if not np.array_equal(solution, self.solution):
                self._show_question()
                self.verdict = Verdict("changed")
                self._say_verdict()
                return None
            self.input.show_values(grid)  # the same cells win: new values, the marks stay
            self.grid = grid
            right = bool(np.array_equal(given, solution))
            values = {**question.args, **extras, "missing": int(np.sum(solution & ~given)),
                      "extra": int(np.sum(given & ~solution))}
        self.misses += not right
        self.verdict = Verdict("checked", right, given, values, self.misses)
        self._say_verdict()
        if right:
            self.answered.add(self.step.id)
            self._save()
            self._update_progress()
        return right

    def _cannot_check(self, err: Exception) -> None:
        self.verdict = Verdict("error", text=str(err))
        self._say_verdict()
        return None

    def _nothing_given(self, text: str) -> None:
        self.verdict = Verdict("empty", text=text)
        self._say_verdict()
        return None

    def _say_verdict(self) -> None:
        """The feedback on the last check, in the current language (from what it found)."""
        verdict, question = self.verdict, self.step.question
        if verdict is None:
            self.feedback.setText("")
            return
        if verdict.state == "empty":
            self._say(translate("Lesson", verdict.text), WRONG)
            return
        if verdict.state == "changed":
            self._say(translate("Lesson", "The page's values changed, and so did the answer; here "
                                          "they are again."), WRONG)
            return
        if verdict.state == "error":
            self._say(translate("Lesson", "This question cannot be checked right now ({error}): "
                                          "press Show me to set its page up, then try "
                                          "again.").format(error=verdict.text), WRONG)
            return
        if verdict.state in ("busy", "problem"):
            self._say(translate("Lesson", verdict.text).format(
                page=translate("Pages", verdict.values["page"])), WRONG)
            return
        right, given, values = verdict.right, verdict.given, verdict.values
        if question.kind == "number":
            explain = translate("Lesson", question.explain)
            if right or verdict.misses > 1:
                explanation = fill(explain, values)
            else:  # a first miss: the working with the learner's numbers, the result left out
                explanation = fill(explain.replace("{answer:.4f}", "?").replace("{answer}", "?"),
                                   {k: v for k, v in values.items() if k != "answer"})
                explanation += " " + translate("Lesson", "Work it out and try again.")
            verdict_text = translate("Lesson", "Right.") if right else translate(
                "Lesson", "Not quite: you said {given}.").format(given=f"{given:g}")
        elif question.kind == "choice":
            explanation = translate("Lesson", question.options[given]["why"])
            if not right:
                explanation += " " + translate("Lesson", question.options[question.answer]["why"])
            verdict_text = translate("Lesson", "Right.") if right else translate(
                "Lesson", "Not this one.")
        else:
            explanation = fill(translate("Lesson", question.explain), values)
            verdict_text = translate("Lesson", "Right.") if right else translate(
                "Lesson", "Not quite: {missing} cell(s) missing, {extra} too many.").format(
                missing=values["missing"], extra=values["extra"])
        self._say(f"<b>{verdict_text}</b>", RIGHT if right else WRONG, explanation)

    # ------------------------------------------------------------------ progress

    def _restore(self) -> None:
        if not self.steps:  # the lesson file could not be read: the app goes on without it
            for widget in (self.chooser, self.show_me, self.check, self.back, self.next,
                           self.restart):
                widget.setEnabled(False)
            self.retranslate()
            self.text.setText(translate("Lesson", "The lesson could not be read, so this panel "
                                                  "is empty; every page works as usual.")
                              + "<br>" + "<br>".join(self.problems))
            self.formula.setVisible(False)
            return
        store = settings()
        for name in ("visited", "answered"):
            stored = str(store.value(f"lesson/{name}", "") or "")
            ids = {step.id for step in self.steps}
            setattr(self, name, {i for i in stored.split(",") if i in ids})
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
        store.setValue("lesson/answered", ",".join(sorted(self.answered)))
        store.setValue("lesson/step", self.index)
