"""Small form controls: spin boxes with tooltips, (height, width) pairs with a link toggle."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

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
                 linked: bool = True):
        super().__init__()
        self.setObjectName(name)
        self.h = spin(minimum, maximum, value, f"{tooltip} (height)", f"{name}_h")
        self.w = spin(minimum, maximum, value, f"{tooltip} (width)", f"{name}_w")
        self.link = QCheckBox("h=w")
        self.link.setObjectName(f"{name}_link")
        self.link.setChecked(linked)
        self.link.setToolTip("Keep height and width equal")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel("h"), self.h, QLabel("w"), self.w, self.link):
            layout.addWidget(widget)
        self.h.valueChanged.connect(self._h_changed)
        self.w.valueChanged.connect(self._w_changed)
        self.link.toggled.connect(self._link_toggled)

    def values(self) -> tuple[int, int]:
        return self.h.value(), self.w.value()

    def set_values(self, h: int, w: int, linked: bool | None = None) -> None:
        if linked is not None:
            self.link.blockSignals(True)
            self.link.setChecked(linked)
            self.link.blockSignals(False)
        for box, value in ((self.h, h), (self.w, w)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self.changed.emit()

    def set_error(self, error: bool) -> None:
        for box in (self.h, self.w):
            box.setStyleSheet(ERROR_STYLE if error else "")

    def _h_changed(self, value: int) -> None:
        if self.link.isChecked() and self.w.value() != value:
            self.w.blockSignals(True)
            self.w.setValue(value)
            self.w.blockSignals(False)
        self.changed.emit()

    def _w_changed(self, value: int) -> None:
        if self.link.isChecked() and self.h.value() != value:
            self.h.blockSignals(True)
            self.h.setValue(value)
            self.h.blockSignals(False)
        self.changed.emit()

    def _link_toggled(self, linked: bool) -> None:
        if linked:
            self._h_changed(self.h.value())
