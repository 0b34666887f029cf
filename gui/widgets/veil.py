"""A part of a page that can be veiled: the lesson asks for a prediction before the page shows
the answer, then lifts the veil so the prediction and the result stand side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from gui.i18n import Translated, translate

COVER_STYLE = ("QLabel#veil { background: #eef2f8; color: #34495e; border: 1px dashed #9fb3c8;"
               " font-size: 15px; padding: 12px; }")


class Veilable(Translated, QWidget):
    """``content`` with a cover over it, shown while a prediction is asked for. The cover is
    opaque and takes the clicks: nothing under it can be read, pointed at or changed."""

    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.cover = QLabel()
        self.cover.setObjectName("veil")
        self.cover.setStyleSheet(COVER_STYLE)
        self.cover.setWordWrap(True)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setAutoFillBackground(True)
        self.stack = QStackedLayout(self)
        self.stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(content)
        self.stack.addWidget(self.cover)
        self.set_veiled(False)

    @property
    def veiled(self) -> bool:
        return not self.cover.isHidden()

    def set_veiled(self, veiled: bool) -> None:
        self.cover.setVisible(veiled)
        self.stack.setCurrentWidget(self.cover if veiled else self.content)
        if veiled:
            self.retranslate()

    def retranslate(self) -> None:
        self.cover.setText(translate("Veil", "Predict first: answer the question in the Lesson "
                                             "panel, and this part of the page shows whether "
                                             "you were right."))


def under_veil(widget: QWidget) -> bool:
    """Whether ``widget`` sits under a shown cover (the learner cannot see it)."""
    parent = widget
    while parent is not None:
        if isinstance(parent, Veilable) and parent.veiled and widget is not parent.cover:
            return True
        parent = parent.parentWidget()
    return False
