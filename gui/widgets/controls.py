"""Small form controls: spin boxes with tooltips, (height, width) pairs with a link toggle."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.i18n import translate

ERROR_STYLE = "border: 2px solid #d32f2f; border-radius: 3px;"


def spin(minimum: int, maximum: int, value: int, tooltip: str, name: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(value)
    box.setToolTip(tooltip)
    box.setObjectName(name)
    box.setKeyboardTracking(False)  # typing "12" does not recompute for "1" first
    return box


def double_spin(minimum: float, maximum: float, value: float, step: float, decimals: int,
                tooltip: str, name: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(minimum, maximum)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setToolTip(tooltip)
    box.setObjectName(name)
    box.setKeyboardTracking(False)
    return box


def combo(items, current: str, tooltip: str, name: str = "") -> QComboBox:
    box = QComboBox()
    box.addItems(list(items))
    box.setCurrentText(current)
    box.setToolTip(tooltip)
    box.setObjectName(name)
    return box


class PairSpin(QWidget):
    """Height and width spin boxes; while linked, changing one changes the other."""

    changed = Signal()

    def __init__(self, name: str, minimum: int, maximum: int, value: int, tooltip: str,
                 linked: bool = True, width: int | None = None):
        super().__init__()
        self.setObjectName(name)
        self.h = spin(minimum, maximum, value, "", f"{name}_h")
        self.w = spin(minimum, maximum, value if width is None else width, "", f"{name}_w")
        self.link = QCheckBox("h=w")
        self.link.setObjectName(f"{name}_link")
        self.link.setChecked(linked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel("h"), self.h, QLabel("w"), self.w, self.link):
            layout.addWidget(widget)
        self.h.valueChanged.connect(lambda value: self._follow(self.w, value))
        self.w.valueChanged.connect(lambda value: self._follow(self.h, value))
        self.link.toggled.connect(lambda linked: linked and self._follow(self.w, self.h.value()))
        self.set_tooltip(tooltip)

    def set_tooltip(self, tooltip: str) -> None:
        """The pair's tooltip (already in the current language) on both boxes and the link."""
        self.setToolTip(tooltip)
        self.h.setToolTip(translate("Form", "{tip} (height)").format(tip=tooltip))
        self.w.setToolTip(translate("Form", "{tip} (width)").format(tip=tooltip))
        self.link.setToolTip(translate("Form", "Keep height and width equal"))

    def values(self) -> tuple[int, int]:
        return self.h.value(), self.w.value()

    def set_values(self, h: int, w: int, linked: bool | None = None) -> None:
        """Show these values (one ``changed`` signal, none from the boxes themselves)."""
        blockers = [QSignalBlocker(box) for box in (self.h, self.w, self.link)]
        if linked is not None:
            self.link.setChecked(linked)
        self.h.setValue(h)
        self.w.setValue(w)
        for blocker in blockers:
            blocker.unblock()
        self.changed.emit()

    def set_error(self, error: bool) -> None:
        for box in (self.h, self.w):
            box.setStyleSheet(ERROR_STYLE if error else "")

    def _follow(self, other: QSpinBox, value: int) -> None:
        """One box changed: the other follows while linked, then one ``changed``."""
        if self.link.isChecked() and other.value() != value:
            with QSignalBlocker(other):
                other.setValue(value)
        self.changed.emit()


def set_texts(*items) -> None:
    """(widget, text, tooltip) triples: each widget's text and tooltip, in one call."""
    for widget, text, tip in items:
        widget.setText(text)
        widget.setToolTip(tip)


def roomy_header(table) -> None:
    """Room around each column header's text: a short header, a translated one especially, must
    not touch its column's edges when the column is sized to its contents."""
    table.horizontalHeader().setStyleSheet("QHeaderView::section { padding: 0 4px; }")


def button(name: str, text: str, tooltip: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setToolTip(tooltip)
    return widget


def rich_label(name: str = "", text: str = "", selectable: bool = True) -> QLabel:
    """A word-wrapping label for HTML text (formulas, arithmetic, explanations)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
