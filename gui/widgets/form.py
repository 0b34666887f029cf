"""Forms bound to a configuration dataclass, the magicgui way: one table lists each field's
widget, label and tooltip; the form builds the widgets from it (initial values: the dataclass's
defaults), reads them back into a dict of fields, and writes a config into them silently.

Each widget is named after its field, so tests and code find it by name.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
)

from gui.i18n import translate
from gui.widgets.controls import ERROR_STYLE, PairSpin


@dataclass(frozen=True)
class Int:
    name: str
    label: str
    tip: str
    minimum: int
    maximum: int
    step: int = 1
    special: str = field(default="", kw_only=True)  # shown instead of a special minimum

    def build(self, value) -> QSpinBox:
        box = QSpinBox()
        box.setRange(self.minimum, self.maximum)
        box.setSingleStep(self.step)
        box.setSpecialValueText(self.special)
        box.setKeyboardTracking(False)  # typing "12" does not act on "1" first
        box.setValue(value)
        return box

    @staticmethod
    def read(box):
        return box.value()

    @staticmethod
    def write(box, value) -> None:
        box.setValue(value)

    @staticmethod
    def signal(box):
        return box.valueChanged


@dataclass(frozen=True)
class Float(Int):
    decimals: int = 2

    def build(self, value) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setSpecialValueText(self.special)
        box.setRange(self.minimum, self.maximum)
        box.setDecimals(self.decimals)
        box.setSingleStep(self.step)
        box.setKeyboardTracking(False)
        box.setValue(value)
        return box


@dataclass(frozen=True)
class Choice:
    """A combo box whose items carry their key as item data; ``options`` maps key -> text."""

    name: str
    label: str
    tip: str
    options: dict
    option_tips: dict | None = None

    def build(self, value) -> QComboBox:
        box = QComboBox()
        for key, text in self.options.items():
            box.addItem(text, key)
            if self.option_tips and key in self.option_tips:
                box.setItemData(box.count() - 1, self.option_tips[key],
                                Qt.ItemDataRole.ToolTipRole)
        self.write(box, value)
        return box

    @staticmethod
    def read(box):
        return box.currentData()

    @staticmethod
    def write(box, value) -> None:
        index = box.findData(value)
        if index < 0:
            raise ValueError(f"{box.objectName()}: no choice {value!r}")
        box.setCurrentIndex(index)

    @staticmethod
    def signal(box):
        return box.currentIndexChanged


@dataclass(frozen=True)
class Check:
    name: str
    label: str  # the box's own text
    tip: str

    def build(self, value) -> QCheckBox:
        box = QCheckBox(self.label)
        box.setChecked(value)
        return box

    @staticmethod
    def read(box):
        return box.isChecked()

    @staticmethod
    def write(box, value) -> None:
        box.setChecked(bool(value))

    @staticmethod
    def signal(box):
        return box.toggled


@dataclass(frozen=True)
class Pair:
    """Height and width with an h=w link: three fields, ``name`` + "h" / "w" / "link"."""

    name: str
    label: str
    tip: str
    minimum: int
    maximum: int
    fields: tuple  # (height field, width field, link field)

    def build(self, value) -> PairSpin:
        h, w, linked = value
        return PairSpin(self.name, self.minimum, self.maximum, h, self.tip, linked, w)

    @staticmethod
    def read(pair):
        return (*pair.values(), pair.link.isChecked())

    @staticmethod
    def write(pair, value) -> None:
        pair.set_values(*value)

    @staticmethod
    def signal(pair):
        return pair.changed


# The core's argument named by a ShapeError -> the field that sets it (where a form has one)
ARGUMENT_FIELDS = {"kernel_size": "kernel", "stride": "stride", "padding": "padding",
                   "dilation": "dilation", "groups": "groups", "padding_mode": "padding_mode",
                   "divisor_override": "divisor"}


class Form(QObject):
    """Widgets for some fields of a config dataclass, added as rows of ``layout``.

    The fields' labels and tips are English, marked with ``QT_TRANSLATE_NOOP(context, …)`` where
    they are declared (option texts in the context "Choices"); ``retranslate()`` (called by the
    form's owner when the language changes) shows them in the current language.
    """

    changed = Signal(str)  # the name of the field the user changed

    def __init__(self, fields, defaults, layout: QFormLayout, parent: QObject | None = None,
                 context: str = "Form"):
        super().__init__(parent)
        self.fields = {f.name: f for f in fields}
        self.context = context
        self.widgets = {}
        self.labels = {}
        for spec in fields:
            widget = spec.build(self._value(defaults, spec))
            widget.setObjectName(spec.name)
            self.widgets[spec.name] = widget
            if isinstance(spec, Check):
                layout.addRow(widget)
            else:
                self.labels[spec.name] = QLabel()
                layout.addRow(self.labels[spec.name], widget)
            spec.signal(widget).connect(lambda *_, name=spec.name: self.changed.emit(name))
        self.retranslate()

    def retranslate(self) -> None:
        def say(text: str) -> str:
            return translate(self.context, text) if text else text

        for name, spec in self.fields.items():
            widget = self.widgets[name]
            if isinstance(spec, Pair):
                widget.set_tooltip(say(spec.tip))
            else:
                widget.setToolTip(say(spec.tip))
            if isinstance(spec, Check):
                widget.setText(say(spec.label))
            else:
                self.labels[name].setText(say(spec.label))
            if isinstance(spec, Int) and spec.special:
                widget.setSpecialValueText(say(spec.special))
            if isinstance(spec, Choice):  # options: marked in the context "Choices"
                for i in range(widget.count()):
                    key = widget.itemData(i)
                    widget.setItemText(i, translate("Choices", spec.options[key]))
                    if spec.option_tips and key in spec.option_tips:
                        widget.setItemData(i, translate("Choices", spec.option_tips[key]),
                                           Qt.ItemDataRole.ToolTipRole)

    def __getitem__(self, name: str):
        return self.widgets[name]

    def values(self) -> dict:
        """Field name -> value, ready for ``Config(**form.values(), ...)``."""
        out = {}
        for name, spec in self.fields.items():
            value = spec.read(self.widgets[name])
            if isinstance(spec, Pair):
                out.update(zip(spec.fields, value))
            else:
                out[name] = value
        return out

    def set_values(self, config) -> None:
        """Show ``config``'s values without emitting ``changed`` (ValueError for a value a
        widget cannot show, e.g. an unknown choice)."""
        for name, spec in self.fields.items():
            widget = self.widgets[name]
            blockers = [QSignalBlocker(widget)]
            if isinstance(spec, Pair):
                blockers += [QSignalBlocker(w) for w in (widget.h, widget.w, widget.link)]
            spec.write(widget, self._value(config, spec))
            for blocker in blockers:
                blocker.unblock()

    def mark_culprit(self, argument: str | None, instead: dict | None = None) -> None:
        """Mark the field that sets the core's ``argument`` (a ShapeError's; None clears every
        mark). ``instead`` names another field for an argument where that one is to blame."""
        culprits = {**ARGUMENT_FIELDS, **(instead or {})}
        culprit = culprits.get(argument)
        for name in {*ARGUMENT_FIELDS.values(), *culprits.values()} & self.widgets.keys():
            self.set_error(name, name == culprit)

    def set_error(self, name: str, error: bool) -> None:
        widget = self.widgets[name]
        if isinstance(widget, PairSpin):
            widget.set_error(error)
        else:
            widget.setStyleSheet(ERROR_STYLE if error else "")

    @staticmethod
    def _value(config, spec):
        if isinstance(spec, Pair):
            return tuple(getattr(config, f) for f in spec.fields)
        return getattr(config, spec.name)


def field_names(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}
