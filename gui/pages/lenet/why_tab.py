"""Why did the network answer that? For one image: its top answers, which pixels raise the
answer and the true class (saliency), what covering each part does (occlusion), the training
images most alike in the network's own features, and the average image of both classes — all
made by the network's own passes (``core.explain``), with a reading in words."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core import explain
from core.inside import classify
from gui import choices
from gui.colours import heat_over
from gui.i18n import Translated, translate
from gui.pages.lenet.text import (
    answer_html,
    nearest_reading,
    occlusion_reading,
    saliency_reading,
)
from gui.widgets.controls import rich_label, spin
from gui.widgets.image_panel import GRAY, HIGHLIGHT, ImagePanel
from gui.workers import WorkerRunner

NEAREST = 5


FEATURE_CHUNK = 2048  # training images per step of the background feature pass


class Question(NamedTuple):
    """An image to explain and what is known about it."""

    image: np.ndarray           # (28, 28): uint8, or floats in [0, 1]
    what: object                # Words or str: "Test image 12", "Your drawing", a file name
    true_class: int | None      # None for drawings and pictures


class Explanation(NamedTuple):
    seen: np.ndarray              # (28, 28): the image as the network sees it (normalised)
    features: np.ndarray          # (84,): what the last layer reads, to find look-alikes
    probabilities: np.ndarray
    answer: int
    saliency_answer: np.ndarray   # (28, 28)
    compared: int                 # the class of the second saliency map
    saliency_compared: np.ndarray
    occlusion: explain.Occlusion


def explain_image(model, question: Question, compared: int | None, size: int) -> Explanation:
    """Everything the Why view draws that does not need the training images."""
    inside = classify(model, question.image)
    probabilities = inside.probabilities
    answer = int(np.argmax(probabilities))
    if compared is None:  # the true class when it is known and differs, else the runner-up
        compared = question.true_class if question.true_class not in (None, answer) else \
            int(np.argsort(probabilities)[-2])
    x = inside.input
    return Explanation(x[0], explain.features(model, x[None])[0], probabilities, answer,
                       explain.saliency(model, x, answer)[0], compared,
                       explain.saliency(model, x, compared)[0],
                       explain.occlusion(model, x, answer, size=size, stride=max(1, size // 2)))


class WhyTab(Translated, QWidget):
    """``explain(model, question, …)`` fills the view; the nearest training images follow when
    their features are ready (one pass over the training set per network, in the background)."""

    compareChanged = Signal()

    def __init__(self):
        super().__init__()
        self.runner = WorkerRunner(self)
        self.question: Question | None = None
        self.explanation: Explanation | None = None
        self.found: explain.Nearest | None = None  # the nearest training images, once known
        self.stale: str | None = None  # why nothing is explained (a source text), if known
        self._train = None                    # the training split of the explanation
        self.bank: tuple | None = None  # (key, features of the training images)
        self._averages: tuple | None = None   # (key, mean training image per class)
        self._pending: tuple | None = None    # the key of the feature pass under way
        self.header = rich_label("why_header")
        self.reading = rich_label("why_reading")
        self.compare = QComboBox()
        self.compare.setObjectName("compare_class")
        self.size = spin(2, 10, 4, "", "occlusion_size")
        self.words = {key: QLabel() for key in ("compare", "square", "pixels", "nearest",
                                                 "averages")}
        controls = QHBoxLayout()
        for widget in (self.words["compare"], self.compare, self.words["square"], self.size,
                       self.words["pixels"]):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.input_view = ImagePanel()
        self.saliency_views = (ImagePanel(), ImagePanel())
        self.occlusion_view = ImagePanel()
        top = QHBoxLayout()
        for view in (self.input_view, *self.saliency_views, self.occlusion_view):
            top.addWidget(view)
        self.neighbours = [ImagePanel("", min_size=(64, 64)) for _ in range(NEAREST)]
        self.averages = (ImagePanel(min_size=(64, 64)), ImagePanel(min_size=(64, 64)))
        bottom = QGridLayout()
        bottom.addWidget(self.words["nearest"], 0, 0, 1, NEAREST)
        bottom.addWidget(self.words["averages"], 0, NEAREST, 1, 2)
        for i, view in enumerate((*self.neighbours, *self.averages)):
            bottom.addWidget(view, 1, i)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(controls)
        layout.addLayout(top, 3)
        layout.addWidget(self.reading)
        layout.addLayout(bottom, 2)
        self.compare.currentIndexChanged.connect(lambda _: self.compareChanged.emit())
        self.size.valueChanged.connect(lambda _: self.compareChanged.emit())
        self.names: list = []
        self.retranslate()

    def retranslate(self) -> None:
        self.compare.setToolTip(translate("LeNetPage", "The class of the second saliency map (by "
                                                       "default the true class, or the "
                                                       "runner-up)"))
        self.size.setToolTip(translate("LeNetPage", "Side of the square covered at each "
                                                    "position (it moves by half its side)"))
        for key, text in (("compare", translate("LeNetPage", "Compare with")),
                          ("square", translate("LeNetPage", "covering square")),
                          ("pixels", translate("LeNetPage", "pixels")),
                          ("nearest", translate("LeNetPage", "<b>Nearest training images</b> "
                                                             "(what it thinks this looks like)")),
                          ("averages", translate("LeNetPage", "<b>Average training "
                                                              "images</b>"))):
            self.words[key].setText(text)
        self.input_view.set_title(translate("LeNetPage", "As the network sees it"))
        self.occlusion_view.caption.setText(translate("LeNetPage", "Red: covering it lowers the "
                                                                   "answer; blue: raises it. "
                                                                   "Framed: the largest drop."))
        if self.names:
            self.set_classes(self.names)
        self._say()

    def set_classes(self, names) -> None:
        self.names = list(names)
        with QSignalBlocker(self.compare):
            current = self.compare.currentIndex()
            self.compare.clear()
            for i, name in enumerate(choices.class_names(names)):
                self.compare.addItem(name, i)
            self.compare.setCurrentIndex(current)

    def forget(self, reason: str | None = None) -> None:
        """Nothing explained on display: the network it explained is gone (``reason``, a source
        text, says so)."""
        self.runner.cancel()
        self.question = self.explanation = self.found = None
        self.stale = reason
        for view in (self.input_view, *self.saliency_views, self.occlusion_view, *self.neighbours,
                     *self.averages):
            view.clear()  # the titles: said below
        self.occlusion_view.show_rects("worst", [])
        self._say()

    def explain(self, model, question: Question, class_names, train,
                keep_compared: bool = False) -> Explanation:
        """Explain ``question`` with ``model`` (one the GUI thread may use); ``train`` is the
        training split the nearest and average images come from."""
        compared = self.compare.currentData() if keep_compared else None
        result = explain_image(model, question, compared, self.size.value())
        self.question, self.explanation, self.found, self.stale = question, result, None, None
        self.names = list(class_names)
        with QSignalBlocker(self.compare):
            self.compare.setCurrentIndex(result.compared)
        self._draw(result)
        self._show_averages(train, result)
        self._show_nearest(model, train)
        self._say()
        return result

    def _draw(self, result: Explanation) -> None:
        occ = result.occlusion
        base = result.seen
        self.input_view.set_image(base, (float(base.min()), float(base.max()) + 1e-6), GRAY)
        for view, sal in ((self.saliency_views[0], result.saliency_answer),
                          (self.saliency_views[1], result.saliency_compared)):
            view.set_image(heat_over(base, sal), (0.0, 1.0))
        self.occlusion_view.set_image(heat_over(base, occ.per_pixel()), (0.0, 1.0))
        self.occlusion_view.show_rects("worst", [occ.square(*occ.worst())], HIGHLIGHT)

    def _show_averages(self, train, result: Explanation) -> None:
        key = id(train.images)
        if self._averages is None or self._averages[0] != key:
            means = np.stack([train.images[train.labels == c].mean(axis=0) if
                              np.any(train.labels == c) else np.zeros(train.images.shape[1:])
                              for c in range(len(self.names))])
            self._averages = (key, means / 255.0)
        means = self._averages[1]
        for view, cls in zip(self.averages, (result.answer, result.compared)):
            view.set_image(means[cls], (0.0, 1.0), GRAY)

    def _show_nearest(self, model, train) -> None:
        key = (explain.fingerprint(model), id(train.images))
        self._train = train
        if self.bank is not None and self.bank[0] == key:
            self._find_nearest()
            return
        for view in self.neighbours:
            view.clear("…")
        if self.runner.running and self._pending == key:
            return  # the pass this needs is under way: one pass per network, however many asks
        self.runner.cancel()
        self._pending = key
        twin, images = model.clone(), train.images  # the job never sees the live model

        def job(context):  # in parts, so that closing or a new question stops it at once
            parts = []
            for start in range(0, len(images), FEATURE_CHUNK):
                context.check()
                parts.append(explain.image_features(twin, images[start:start + FEATURE_CHUNK]))
            yield key, np.concatenate(parts)

        self.runner.start(job, self._bank_ready)

    def _bank_ready(self, items) -> None:
        self.bank = items[-1]
        if self.question is not None and self.explanation is not None \
                and self.bank[0][1] == id(self._train.images):
            self._find_nearest()
            self._say()

    def _find_nearest(self) -> None:
        self.found = explain.nearest(self.bank[1], self.explanation.features, NEAREST)
        for view, index in zip(self.neighbours, self.found.indices):
            view.set_image(self._train.images[index] / 255.0, (0.0, 1.0), GRAY)

    def _say(self) -> None:
        """The header, titles and reading of what is on display, in the current language."""
        names = choices.class_names(self.names)
        result, question = self.explanation, self.question
        if result is None:
            self.header.setText(translate("LeNetPage", self.stale) if self.stale else translate(
                "LeNetPage", "Click an image in Results, or press Why? in Predict, to see why "
                             "the network answered so."))
            self.reading.setText("")
            self.saliency_views[0].set_title(translate("LeNetPage", "Pixels that raise the "
                                                                    "answer"))
            self.saliency_views[1].set_title(translate("LeNetPage", "Pixels that raise the "
                                                                    "other class"))
            self.occlusion_view.set_title(translate("LeNetPage", "Covering a square: the answer "
                                                                 "drops"))
            self.averages[0].set_title(translate("LeNetPage", "Average: the answer"))
            self.averages[1].set_title(translate("LeNetPage", "Average: the other class"))
            for view in self.neighbours:
                view.set_title("")
            return
        true = None if question.true_class is None else names[question.true_class]
        self.header.setText(answer_html(str(question.what), true, names, result.probabilities))
        for view, cls in ((self.saliency_views[0], result.answer),
                          (self.saliency_views[1], result.compared)):
            view.set_title(translate("LeNetPage", "Pixels that raise {name}").format(
                name=names[cls]))
        occ, shape = result.occlusion, result.occlusion.image_shape
        self.occlusion_view.set_title(translate("LeNetPage", "Covering {size} squares: {name} "
                                                             "drops").format(
            size=f"{occ.size}×{occ.size}", name=names[result.answer]))
        for view, cls in zip(self.averages, (result.answer, result.compared)):
            view.set_title(translate("LeNetPage", "Average {name}").format(name=names[cls]))
        reading = " ".join((
            occlusion_reading(names[result.answer], occ.base, float(occ.drops.max()),
                              occ.square(*occ.worst()), shape),
            saliency_reading(names[result.answer], result.saliency_answer, shape),
            saliency_reading(names[result.compared], result.saliency_compared, shape)))
        if self.found is None:
            reading += " " + translate("LeNetPage", "Finding the nearest training images (one "
                                                    "pass over the training set with this "
                                                    "network)…")
        else:
            labels = self._train.labels[self.found.indices]
            for view, label, similarity in zip(self.neighbours, labels,
                                               self.found.similarities):
                view.set_title(f"{names[label]} ({similarity:.2f})")
            reading += " " + nearest_reading(labels, names)
        self.reading.setText(reading)
