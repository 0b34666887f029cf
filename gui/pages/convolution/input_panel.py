"""Where the convolution's input comes from: a Fashion-MNIST image, a pattern, a picture file or
a drawing. One form; the rows of the other sources hide, so nothing moves or changes width."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton

from core import data, kernels
from gui import choices
from gui.i18n import QT_TRANSLATE_NOOP, Translated, translate
from gui.images import read_image
from gui.pages.convolution.config import SOURCES, ConvConfig
from gui.tr import Words
from gui.widgets.draw_pad import DrawPad
from gui.widgets.form import Check, Choice, Form, Int

MAX_SIDE = 128  # larger pictures are scaled down to this: the page stays interactive

FIELDS = (
    Choice("source",
           QT_TRANSLATE_NOOP("ConvolutionPage", "Source"),
           QT_TRANSLATE_NOOP("ConvolutionPage", "Where the input image comes from"),
           SOURCES),
    Choice("fashion_class",
           QT_TRANSLATE_NOOP("ConvolutionPage", "Class"),
           QT_TRANSLATE_NOOP("ConvolutionPage", "Which kind of clothing to show"),
           dict(enumerate(choices.CLASS_NAMES))),
    Int("fashion_index",
        QT_TRANSLATE_NOOP("ConvolutionPage", "Example"),
        QT_TRANSLATE_NOOP("ConvolutionPage", "Which example of that class (from the test set)"),
        0, 999),
    Choice("pattern",
           QT_TRANSLATE_NOOP("ConvolutionPage", "Pattern"),
           QT_TRANSLATE_NOOP("ConvolutionPage", "A built-in test image; the arange ones are the "
                                                "lesson's 0, 1, 2, …"),
           {name: name for name in kernels.PATTERNS}),
    Int("pattern_size",
        QT_TRANSLATE_NOOP("ConvolutionPage", "Size"),
        QT_TRANSLATE_NOOP("ConvolutionPage", "Side of the pattern in pixels (the arange patterns "
                                             "have a fixed size)"),
        4, MAX_SIDE),
    Check("rgb",
          QT_TRANSLATE_NOOP("ConvolutionPage", "Colour (3 channels: R, G, B)"),
          QT_TRANSLATE_NOOP("ConvolutionPage", "Use the picture's three colour channels instead "
                                               "of its gray level (image files only)")),
)
ROWS = {"fashion": ("fashion_class", "fashion_index"), "pattern": ("pattern", "pattern_size"),
        "file": ("rgb",), "drawing": ()}


@functools.cache
def fashion_test_split() -> data.Split | None:
    """The bundled test images, loaded once; None if they cannot be read."""
    try:
        return data.load_fashion_mnist("test")
    except (OSError, ValueError):
        return None


class InputPanel(Translated, QGroupBox):
    """``changed`` fires when the input changes; ``image(config)`` is the input to convolve."""

    changed = Signal()

    def __init__(self):
        super().__init__()
        layout = QFormLayout(self)
        # a field too wide beside its label goes under it: the column stays narrow
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = Form(FIELDS, ConvConfig(), layout, self, "ConvolutionPage")
        self.file_label = QLabel()
        self._file_said: tuple = ("none",)
        self.file_label.setWordWrap(True)
        layout.insertRow(5, self.file_label)
        self.pad = DrawPad(196, 14)
        self.clear = QPushButton()
        layout.insertRow(6, self.pad)
        layout.insertRow(7, self.clear)
        self._layout = layout
        self._picture: np.ndarray | None = None  # (H, W, 3) in [0, 1]
        self._picture_path = ""
        self._drawing = np.zeros((28, 28), np.float32)
        self.clear.clicked.connect(self.pad.clear)
        self.pad.drawingChanged.connect(self._drawn)
        self.form.changed.connect(self._form_changed)
        self._show_rows(ConvConfig.source)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("ConvolutionPage", "Input"))
        self.form.retranslate()
        self.clear.setText(translate("ConvolutionPage", "Clear"))
        self.clear.setToolTip(translate("ConvolutionPage", "Wipe the drawing pad"))
        self._say_file()

    def _say_file(self, said: tuple | None = None) -> None:
        """What the panel says about the picture file (kept, to say it again when the
        language changes)."""
        self._file_said = said or self._file_said
        kind, *details = self._file_said
        if kind == "none":
            text = translate("ConvolutionPage", "No image yet: use File → Open image… or drop a "
                                                "picture on the window.")
        elif kind == "failed":
            text = translate("ConvolutionPage", "Could not reopen the picture: {error}").format(
                error=details[0])
        else:
            name, w, h, shown = details
            text = translate("ConvolutionPage", "{name}: {width}×{height} pixels").format(
                name=name, width=w, height=h)
            if shown:
                text += translate("ConvolutionPage", ", shown at {size}").format(size=shown)
        self.file_label.setText(text)

    def values(self) -> dict:
        return {**self.form.values(), "image_path": self._picture_path}

    def set_values(self, config: ConvConfig) -> None:
        """Show ``config`` (silently). A picture file that cannot be read any more falls back
        to Fashion-MNIST, with the reason in the panel."""
        self.form.set_values(config)
        if config.source == "file" and config.image_path != self._picture_path:
            try:
                self.load_picture(config.image_path)
            except (OSError, ValueError) as err:
                self.form.set_values(ConvConfig(**{**self.values(), "source": "fashion"}))
                self._say_file(("failed", str(err)))  # text: an exception holds frames
        self._show_rows(self.form.values()["source"])

    def load_picture(self, path) -> None:
        """Read a picture file (OSError / ValueError if it cannot be used)."""
        image = read_image(path, rgb=True)
        h, w = image.shape[:2]
        if max(h, w) > MAX_SIDE:
            scale = MAX_SIDE / max(h, w)
            size = max(1, round(h * scale)), max(1, round(w * scale))
            image = np.stack([data.resize_area(image[..., c], *size) for c in range(3)], -1)
        self._picture, self._picture_path = image.astype(np.float32), str(path)
        shown = f"{image.shape[1]}×{image.shape[0]}" if (h, w) != image.shape[:2] else ""
        self._say_file(("file", Path(path).name, w, h, shown))

    def use_picture(self, path) -> None:
        """Open a picture and make it the input (File → Open, or a drop on the window)."""
        self.load_picture(path)
        self.form["source"].setCurrentIndex(self.form["source"].findData("file"))

    def image(self, config: ConvConfig) -> np.ndarray:
        """The input as (C, H, W) float32."""
        if config.source == "file" and self._picture is not None:
            if config.rgb:
                return np.ascontiguousarray(self._picture.transpose(2, 0, 1))
            gray = self._picture @ np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601 luma
            return gray[None]
        if config.source == "drawing":
            return self._drawing[None].copy()
        if config.source == "fashion":
            split = fashion_test_split()
            if split is not None:
                indices = np.flatnonzero(split.labels == config.fashion_class)
                index = indices[min(config.fashion_index, len(indices) - 1)]
                return (split.images[index] / np.float32(255)).astype(np.float32)[None]
        return kernels.pattern(config.pattern, config.pattern_size).astype(np.float32)

    def describe(self, config: ConvConfig) -> Words | str:
        """The input in words, for status lines and the other pages (``str()`` says them in
        the language of the moment)."""
        if config.source == "fashion":
            return Words("ConvolutionPage", QT_TRANSLATE_NOOP("ConvolutionPage",
                                                              "a {name} (Fashion-MNIST)"),
                         {"name": Words("Choices", choices.CLASS_NAMES[config.fashion_class])})
        if config.source == "pattern":
            return Words("ConvolutionPage", QT_TRANSLATE_NOOP("ConvolutionPage",
                                                              "the {pattern} pattern"),
                         {"pattern": config.pattern})
        if config.source == "file" and self._picture is not None:
            return Path(self._picture_path).name
        return Words("ConvolutionPage", QT_TRANSLATE_NOOP("ConvolutionPage", "your drawing")
                     if config.source == "drawing" else
                     QT_TRANSLATE_NOOP("ConvolutionPage", "the pattern"))

    def _form_changed(self, name: str) -> None:
        if name in ("source", "pattern"):
            self._show_rows(self.form.values()["source"])
        self.changed.emit()

    def _show_rows(self, source: str) -> None:
        for key, names in ROWS.items():
            for name in names:
                self._layout.setRowVisible(self.form[name], key == source)
        for widget in (self.file_label,):
            self._layout.setRowVisible(widget, source == "file")
        for widget in (self.pad, self.clear):
            self._layout.setRowVisible(widget, source == "drawing")
        sized = not self.form.values()["pattern"].startswith("arange")  # those have one size
        self._layout.setRowVisible(self.form["pattern_size"], source == "pattern" and sized)

    def _drawn(self, drawing: np.ndarray) -> None:
        self._drawing = data.resize_area(drawing, 28, 28).astype(np.float32)
        self.changed.emit()
