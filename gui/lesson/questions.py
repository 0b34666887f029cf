"""The three kinds of check question: type a number, pick a choice, click cells."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from gui.i18n import Translated, translate
from gui.tr import Words


def read_number(text: str) -> float | None:
    """The learner's number ("1,234", " 0.25 ", "1e-3"); None if it is not one."""
    try:
        value = float(text.replace(",", "").replace(" ", "").replace("−", "-"))
    except ValueError:
        return None
    return value if np.isfinite(value) else None


class NumberInput(Translated, QLineEdit):
    submitted = Signal()

    def __init__(self):
        super().__init__()
        self.setObjectName("lesson_number")
        self.returnPressed.connect(self.submitted)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(translate("Lesson", "your answer"))
        self.setToolTip(translate("Lesson", "Type a number, then press Enter or Check"))

    def answer(self) -> float | None:
        return read_number(self.text())


class _OptionText(QLabel):
    """An option's text: a click on it picks its radio button."""

    def __init__(self, button: QRadioButton):
        super().__init__()
        self.button = button
        self.setWordWrap(True)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.button.setChecked(True)


class ChoiceInput(Translated, QWidget):
    """Radio buttons with word-wrapped texts beside them (a radio button's own text never
    wraps, and the panel is narrow); clicking the text picks the option too."""

    submitted = Signal()

    def __init__(self, options):
        super().__init__()
        self.options = options
        self.group = QButtonGroup(self)
        self.texts = []
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(1, 1)
        for index in range(len(options)):
            button = QRadioButton()
            button.setObjectName(f"lesson_choice_{index}")
            self.group.addButton(button, index)
            text = _OptionText(button)
            self.texts.append(text)
            layout.addWidget(button, index, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(text, index, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for button, text, option in zip(self.group.buttons(), self.texts, self.options):
            button.setToolTip(translate("Lesson", "Pick the answer you think is right, then "
                                                  "press Check"))
            words = option["text"]  # a lesson text (a source), or Words from Practice
            text.setText(str(words) if isinstance(words, Words) else translate("Lesson", words))

    def answer(self) -> int | None:
        index = self.group.checkedId()
        return None if index < 0 else index

    def show_solution(self, index: int) -> None:
        """Mark the right option (once the question is over)."""
        for i, text in enumerate(self.texts):
            text.setStyleSheet("color: #2e7d32; font-weight: bold;" if i == index else "")


class CellsInput(Translated, QWidget):
    """A small grid of values; the learner toggles cells."""

    submitted = Signal()

    def __init__(self, values: np.ndarray):
        super().__init__()
        grid = QGridLayout(self)
        grid.setSpacing(2)
        grid.setContentsMargins(0, 0, 0, 0)
        self.cells = {}
        for (row, col), value in np.ndenumerate(values):
            cell = QPushButton(f"{value:.3g}")
            cell.setObjectName(f"lesson_cell_{row}_{col}")
            cell.setCheckable(True)
            cell.setStyleSheet("QPushButton { padding: 4px 2px; } "
                               "QPushButton:checked { background: #ff8c00; color: black; }")
            cell.setMinimumWidth(40)
            grid.addWidget(cell, row, col)
            self.cells[row, col] = cell
        self.shape = values.shape
        self.retranslate()

    def retranslate(self) -> None:
        for cell in self.cells.values():
            cell.setToolTip(translate("Lesson", "Click to mark this cell; click again to "
                                                "unmark it"))

    def answer(self) -> np.ndarray:
        mask = np.zeros(self.shape, bool)
        for (row, col), cell in self.cells.items():
            mask[row, col] = cell.isChecked()
        return mask

    def show_values(self, values: np.ndarray) -> None:
        for (row, col), cell in self.cells.items():
            cell.setText(f"{values[row, col]:.3g}")

    def show_solution(self, mask: np.ndarray) -> None:
        """Outline the right cells in green (once the question is over)."""
        for (row, col), cell in self.cells.items():
            if mask[row, col]:
                cell.setStyleSheet(cell.styleSheet() + " QPushButton { border: 3px solid "
                                                       "#2e7d32; }")
            cell.setToolTip(translate("Lesson", "Outlined in green: the right cells"))

    def mark(self, mask: np.ndarray) -> None:
        for (row, col), cell in self.cells.items():
            cell.setChecked(bool(mask[row, col]))
