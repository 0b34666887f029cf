"""Practice: the lesson's questions come back with fresh numbers, endlessly, checked by the core.

Each concept has a Leitner box (gui.lesson.review) kept in the settings: a concept met in the
lesson is scheduled, a right answer moves it to a longer interval, a wrong one back to tomorrow;
"Reviews due" mixes the concepts whose day has come. Three concepts are worked examples that
fade (gui.lesson.fading): first every step worked with the learner's numbers, then one step
blank, then all; a right answer moves the learner on, a wrong one back. The feedback is the
lesson's one rule (gui.lesson.feedback).
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import Translated, translate
from gui.lesson import fading, practice
from gui.lesson import feedback as fb
from gui.lesson.questions import CellsInput, ChoiceInput, NumberInput
from gui.lesson.review import Schedule
from gui.settings import settings
from gui.tr import Words
from gui.widgets.controls import rich_label, set_texts

REVIEW = ""  # the chooser's first item: the reviews due, mixed
SCHEDULE_KEY, LEVELS_KEY = "practice/schedule", "practice/levels"


def all_concepts() -> dict[str, Words]:
    """Every concept Practice asks about, in the lesson's order, with its title."""
    titles = {concept: practice.title(concept) for concept in practice.concepts()}
    for concept in fading.fading_concepts():
        titles.setdefault(concept, fading.title(concept))
    return titles


class Asked:
    """The question on screen, whichever its source: a generated question or a step of a worked
    example (the value of one line, or the answer)."""

    def __init__(self, concept: str, kind: str, prompt: Words, answer, *, tolerance=0.0,
                 hint: Words | None = None, worked: str | Words = "", options=(), why=(),
                 grid=None, question: practice.Question | None = None,
                 example: fading.Worked | None = None, level: int = 0, blank: tuple = ()):
        self.concept, self.kind, self.prompt, self.answer = concept, kind, prompt, answer
        self.tolerance, self.hint, self.worked = tolerance, hint, worked
        self.options, self.why, self.grid = options, why, grid
        self.question, self.example, self.level, self.blank = question, example, level, blank

    def right(self, given) -> bool:
        if self.question is not None:
            return practice.is_right(self.question, given)
        return given is not None and abs(float(given) - float(self.answer)) <= 1e-9


class PracticeView(Translated, QWidget):
    recordChanged = Signal()  # an answer or a lesson step changed the record (reviews due)

    def __init__(self, clock=None):
        super().__init__()
        self.setObjectName("practice")
        store = settings()
        kwargs = {"clock": clock} if clock else {}
        self.schedule = Schedule.from_text(str(store.value(SCHEDULE_KEY, "") or ""), **kwargs)
        self.levels = {}  # fading concept -> level (0 worked, 1 one blank, 2 all blank)
        for entry in str(store.value(LEVELS_KEY, "") or "").split(","):
            concept, _, level = entry.partition(":")
            if concept in fading.fading_concepts() and level.isdigit() \
                    and int(level) < fading.LEVELS:
                self.levels[concept] = int(level)
        self.rng = np.random.default_rng()
        self.titles = all_concepts()
        self.asked: Asked | None = None
        self.input = None
        self.misses = 0
        self.result: fb.Feedback | None = None
        self._build()
        self.retranslate()
        self.new_question()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.due_label = QLabel(objectName="practice_due")
        self.due_label.setWordWrap(True)
        self.chooser = QComboBox(objectName="practice_concept")
        self.chooser.addItem("", REVIEW)
        for concept in self.titles:
            self.chooser.addItem("", concept)
        self.prompt = rich_label("practice_prompt")
        self.steps = rich_label("practice_worked")
        self.steps.setStyleSheet("background: #f3f6fb; border: 1px solid #c5d3e8; padding: 4px;")
        self.feedback = rich_label("practice_feedback")
        self.record = QTableWidget(0, 4, objectName="practice_record")
        self.record.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.record.verticalHeader().setVisible(False)
        self.record.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.record.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.record.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.record_title = QLabel(objectName="practice_record_title")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        for widget in (self.prompt, self.steps, self.feedback, self.record_title, self.record):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.answer_area = QVBoxLayout()
        self.check = QPushButton(objectName="practice_check")
        self.show_answer = QPushButton(objectName="practice_show_answer")
        self.another = QPushButton(objectName="practice_next")
        asking = QFrame(objectName="practice_question")
        asking.setFrameShape(QFrame.Shape.StyledPanel)
        asking_column = QVBoxLayout(asking)
        asking_column.setContentsMargins(4, 4, 4, 4)
        asking_column.addLayout(self.answer_area)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check, 1)
        buttons.addWidget(self.show_answer)
        asking_column.addLayout(buttons)
        asking_column.addWidget(self.another)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.due_label)
        layout.addWidget(self.chooser)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(asking)
        self.chooser.activated.connect(lambda _: self.new_question())
        self.check.clicked.connect(self.check_answer)
        self.show_answer.clicked.connect(self.reveal)
        self.another.clicked.connect(self.new_question)

    def retranslate(self) -> None:
        self.chooser.setItemText(0, translate("Practice", "Reviews due, mixed"))
        for i, words in enumerate(self.titles.values(), start=1):
            self.chooser.setItemText(i, str(words))
        self.chooser.setToolTip(translate("Practice", "What to practise: the reviews that are "
                                                      "due, or one concept"))
        set_texts((self.check, translate("Lesson", "Check"),
                   translate("Lesson", "Check your answer")),
                  (self.show_answer, translate("Practice", "Show answer"),
                   translate("Practice", "Show the answer and its working (counted as not "
                                         "known)")),
                  (self.another, translate("Practice", "Next question ▶"),
                   translate("Practice", "A fresh question with new numbers")))
        self.record_title.setText(translate("Practice", "<b>Your record</b>"))
        self.record.setHorizontalHeaderLabels([
            translate("Practice", "concept"), translate("Practice", "lesson"),
            translate("Practice", "practice"), translate("Practice", "due")])
        for i, tip in enumerate((
                translate("Practice", "What the questions are about"),
                translate("Practice", "Lesson predictions right / made"),
                translate("Practice", "Practice answers right at the first try / given"),
                translate("Practice", "When it comes back for review (its Leitner box: 1, 3, "
                                      "7, 14, 30 days)"))):
            self.record.horizontalHeaderItem(i).setToolTip(tip)
        if self.asked is not None:
            self._say_question()
            self._say_result()
        self._say_record()

    # ------------------------------------------------------------------ asking

    def due(self) -> list[str]:
        """The concepts due for review now, most overdue first."""
        return [concept for concept in self.schedule.due() if concept in self.titles]

    def new_question(self) -> None:
        """A fresh question: the next review due, or one on the concept chosen."""
        concept = self.chooser.currentData()
        if concept == REVIEW:
            due = self.due()
            met = [c for c in self.titles if self.schedule.introduced(c)]
            concept = due[0] if due else str(self.rng.choice(met or list(self.titles)))
        if concept in fading.fading_concepts():
            self.asked = self._worked(concept)
        else:
            self.asked = self._generated(concept)
        self.misses, self.result = 0, None
        if self.input is not None:
            self.answer_area.removeWidget(self.input)
            self.input.hide()
            self.input.deleteLater()
        if self.asked.kind == "number":
            self.input = NumberInput()
        elif self.asked.kind == "choice":
            self.input = ChoiceInput([{"text": option} for option in self.asked.options])
        elif self.asked.kind == "cells":
            self.input = CellsInput(self.asked.grid)
        else:  # a fully worked example: nothing to answer, only to read
            self.input = QLabel(objectName="practice_read")
            self.input.setWordWrap(True)
        if hasattr(self.input, "submitted"):
            self.input.submitted.connect(self.check_answer)
        self.answer_area.addWidget(self.input)
        self.check.setEnabled(True)
        self.show_answer.setEnabled(self.asked.kind != "read")
        self._say_question()
        self._say_result()
        self._say_record()
        self.scroll.verticalScrollBar().setValue(0)

    def _generated(self, concept: str) -> Asked:
        q = practice.generate(concept, self.rng)
        return Asked(concept, q.kind, q.prompt, q.answer, tolerance=q.tolerance, hint=q.hint,
                     worked=q.worked, options=q.options, why=q.why, grid=q.grid, question=q)

    def _worked(self, concept: str) -> Asked:
        example = fading.worked_example(concept, self.rng)
        level = self.levels.get(concept, 0)
        blank = fading.blanks(example, level, self.rng)
        if level == 0:
            kind, prompt, answer = "read", example.prompt, None
        elif level == 1:
            kind, answer = "number", example.lines[blank[0]].value
            prompt = Words("Practice", "{prompt} One step is left for you: the one marked ?.",
                           {"prompt": example.prompt})
        else:
            kind, prompt, answer = "number", example.prompt, example.answer
        hint = Words("Practice", "Work it step by step, as in the worked example: each line "
                                 "uses the ones above it.")
        return Asked(concept, kind, prompt, answer, hint=hint, example=example, level=level,
                     blank=blank)

    def _lines(self, shown: bool) -> str:
        """A worked example's lines, the blank ones as "?" until ``shown``."""
        asked = self.asked
        rows = []
        for i, line in enumerate(asked.example.lines):
            value = practice.number(line.value) if shown or i not in asked.blank else \
                "<b style='color:#1565c0'>?</b>"
            rows.append(f"{html.escape(str(line.label))} = {value}")
        return "<br>".join(rows)

    def _say_question(self) -> None:
        asked = self.asked
        where = translate("Practice", "Review") if self.chooser.currentData() == REVIEW else \
            translate("Practice", "Practice")
        level = ""
        if asked.example is not None:
            level = " · " + (translate("Practice", "worked example"),
                             translate("Practice", "one step blank"),
                             translate("Practice", "on your own"))[asked.level]
        self.prompt.setText(f"<span style='color:#777'>{where}: "
                            f"{html.escape(str(self.titles[asked.concept]))}{level}</span><br>"
                            f"{html.escape(str(asked.prompt))}")
        if asked.kind == "read":
            self.input.setText(translate("Practice", "Read each step, then press Got it: next "
                                                     "time one step is left for you."))
        shown = asked.example is not None and (asked.level < 2 or self._settled())
        self.steps.setVisible(shown)
        if shown:
            self.steps.setText(self._lines(asked.kind == "read" or self._settled()))
        self.check.setText(translate("Practice", "Got it") if asked.kind == "read" else
                           translate("Lesson", "Check"))

    # ------------------------------------------------------------------ checking

    def _settled(self) -> bool:
        return self.result is not None and fb.settled(self.result)

    def check_answer(self) -> bool | None:
        asked = self.asked
        if self._settled():
            return None
        if asked.kind == "read":  # read through: next time, one step is the learner's
            self._level(True)
            self.new_question()
            return None
        given = self.input.answer()
        if given is None or (asked.kind == "cells" and not given.any()):
            self.feedback.setText(f"<span style='color:{fb.WRONG}'>" + translate(
                "Practice", "Give an answer first.") + "</span>")
            return None
        right = asked.right(given)
        self.misses += not right
        why = ""
        if not right and asked.question is not None:
            named = practice.mistake(asked.question, given)
            why = str(named) if named else ""
            if asked.kind == "choice" and asked.why:
                why = str(asked.why[given])
            if asked.kind == "cells":
                truth = np.asarray(asked.answer, bool)
                why = translate("Lesson", "{missing} cell(s) missing, {extra} too many.").format(
                    missing=int(np.sum(truth & ~given)), extra=int(np.sum(given & ~truth)))
        self.result = fb.Feedback(right, self.misses, self._said(given), self._said(asked.answer, True),
                                  str(asked.hint or ""), self._worked_text(), why)
        if self._settled():
            self._settle(right and self.misses == 0)
        self._say_question()
        self._say_result()
        return right

    def reveal(self) -> None:
        """Show the answer and its working: the concept counts as not known."""
        if self._settled() or self.asked.kind == "read":
            return
        self.result = fb.Feedback(False, self.misses, "", self._said(self.asked.answer, True),
                                  worked=self._worked_text(), skipped=True)
        self._settle(False)
        self._say_question()
        self._say_result()

    def _settle(self, right: bool) -> None:
        asked = self.asked
        self.schedule.answered(asked.concept, right)
        if asked.example is not None:
            self._level(right)
        if asked.kind == "cells":
            self.input.show_solution(np.asarray(asked.answer, bool))
        if asked.kind == "choice":
            self.input.show_solution(asked.answer)
        self.input.setEnabled(False)
        self.check.setEnabled(False)
        self.show_answer.setEnabled(False)
        self._save()
        self._say_record()

    def _level(self, right: bool) -> None:
        concept = self.asked.concept
        self.levels[concept] = fading.next_level(self.levels.get(concept, 0), right)
        self._save()

    def _said(self, value, answer: bool = False) -> str:
        """The learner's answer or the answer, as the feedback says it."""
        kind = self.asked.kind
        if value is None:
            return ""
        if kind == "choice":
            return str(self.asked.options[value])
        if kind == "cells":
            return translate("Lesson", "the cells outlined in green") if answer else \
                translate("Lesson", "{count} cells").format(count=int(np.sum(value)))
        return practice.number(value)

    def _worked_text(self) -> str:
        asked = self.asked
        if asked.example is not None:
            return translate("Practice", "The steps are worked out above.")
        return html.escape(str(asked.worked))

    def _say_result(self) -> None:
        if self.result is None:
            self.feedback.setText("")
            return
        self.feedback.setText(fb.say(self.result)[0])
        self.another.setDefault(self._settled())

    # ------------------------------------------------------------------ the record

    def refresh(self) -> None:
        """Shown again: the reviews due may have changed since (a day passed)."""
        self._say_record()

    def lesson_met(self, concepts, outcome: str) -> None:
        """A lesson step's question settled: its first concept records the prediction (right
        the first time, or not; a skip only introduces it), the others are introduced."""
        for i, concept in enumerate(concepts):
            if concept not in self.titles:
                continue
            if i == 0 and outcome != "skipped":
                self.schedule.predicted(concept, outcome == "right")
            else:
                self.schedule.introduce(concept)
        self._save()
        self._say_record()

    def _say_record(self) -> None:
        due = self.due()
        self.due_label.setText(translate("Practice", "<b>To review now: {count}</b> — the "
                                                     "concepts whose day has come, mixed.")
                               .format(count=len(due)) if due else
                               translate("Practice", "Nothing to review now: practise any "
                                                     "concept, or come back tomorrow."))
        rows = [row for row in self.schedule.table({c: str(t) for c, t in self.titles.items()})
                if row.due_in_days is not None]
        self.record.setRowCount(len(rows))
        for r, row in enumerate(rows):
            when = translate("Practice", "now") if row.due_in_days <= 0 else \
                translate("Practice", "in {days} d").format(days=max(1, round(row.due_in_days)))
            for c, text in enumerate((row.title, f"{row.predicted_right}/{row.predictions}",
                                      f"{row.right}/{row.tries}", when)):
                self.record.setItem(r, c, QTableWidgetItem(text))
        self.record.setVisible(bool(rows))
        self.record_title.setVisible(bool(rows))
        self.record.setFixedHeight(self.record.horizontalHeader().sizeHint().height()
                                   + self.record.verticalHeader().length()
                                   + 2 * self.record.frameWidth())

    def _save(self) -> None:
        self.recordChanged.emit()
        store = settings()
        store.setValue(SCHEDULE_KEY, self.schedule.to_text())
        store.setValue(LEVELS_KEY, ",".join(f"{c}:{lv}" for c, lv in sorted(self.levels.items())))
