"""From a mistake to its cause: the confusion matrix, the gallery behind a cell, the Why view,
and the clickable Inside tab — checked against core.explain."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core import data, explain
from core.inside import classify
from gui.pages.lenet.config import LeNetConfig
from gui.pages.lenet.page import LeNetPage
from tests.gui.helpers import wait_for

TRAIN_IMAGES = 3000


@pytest.fixture(scope="module")
def trained(qapp):
    """One LeNet-5 page, trained one short epoch, shared by the tests below (they only look).
    Its data is the first 3,000 training images: the Why view's pass over the training set's
    features then takes a moment on any machine (over all 60,000 it took 79 s at load 12)."""
    load = data.load_fashion_mnist

    def first_images(split="train"):
        loaded = load(split)
        return data.Split(loaded.images[:TRAIN_IMAGES], loaded.labels[:TRAIN_IMAGES]) \
            if split == "train" else loaded

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(data, "load_fashion_mnist", first_images)
        page = LeNetPage(LeNetConfig(train_size=TRAIN_IMAGES, epochs=1))
    page.resize(1280, 720)
    page.show()
    page.run_box.buttons["start"].click()
    while page.session.running:
        qapp.processEvents()
    yield page
    page.shutdown()
    page.close()


def test_a_confusion_cell_fills_the_gallery_with_exactly_its_images(trained, qtbot):
    results = trained.results
    confusion = trained.session.last_epoch.confusion
    off = confusion - np.diag(np.diag(confusion))
    true, said = np.unravel_index(off.argmax(), off.shape)
    results.confusion.setCurrentCell(int(true), int(said))  # as a click does
    assert results.gallery.count() == confusion[true, said]
    names = trained.data.class_names
    assert f"{names[true].split('/')[0]}</b> taken for <b>{names[said].split('/')[0]}" in \
        results.gallery_title.text()
    confidences = [float(results.gallery.item(i).text().rstrip("%")) for i in range(
        results.gallery.count())]
    assert confidences == sorted(confidences, reverse=True)  # the surest mistakes first
    qtbot.keyClick(results.confusion, Qt.Key.Key_Left)  # the keyboard moves between cells
    row, col = results.cell
    assert results.gallery.count() == confusion[row, col]
    results.confusion.setCurrentCell(int(true), int(true))  # the diagonal: right answers
    shown = [float(results.gallery.item(i).text().rstrip("%")) for i in range(3)]
    assert shown == sorted(shown) and results.gallery.count() == confusion[true, true]


def test_opening_a_gallery_image_explains_it_as_core_explain_does(trained, qtbot):
    results = trained.results
    confusion = trained.session.last_epoch.confusion
    off = confusion - np.diag(np.diag(confusion))
    true, said = (int(v) for v in np.unravel_index(off.argmax(), off.shape))
    results.confusion.setCurrentCell(true, said)
    item = results.gallery.item(0)
    index = int(item.data(Qt.ItemDataRole.UserRole))
    results.gallery.itemClicked.emit(item)  # the second click
    why, model = trained.why, trained.model
    assert trained.tabs.currentWidget() is why
    image = trained.data.test.images[index]
    expected = classify(model, image).probabilities
    np.testing.assert_allclose(why.explanation.probabilities, expected, atol=1e-6)
    assert why.explanation.answer == said and why.explanation.compared == true
    x = classify(model, image).input
    np.testing.assert_allclose(why.explanation.saliency_answer,
                               explain.saliency(model, x, said)[0], atol=1e-6)
    occ = explain.occlusion(model, x, said, size=4, stride=2)
    np.testing.assert_allclose(why.explanation.occlusion.drops, occ.drops, atol=1e-6)
    names = trained.data.class_names
    assert f"Test image {index}, a <b>{names[true]}</b>" in why.header.text()
    assert f"the network says <b>{names[said]}</b>" in why.header.text()
    top, left, h, w = occ.square(*occ.worst())
    assert f"rows {top}–{top + h - 1}, columns {left}–{left + w - 1}" in why.reading.text()
    wait_for(qtbot, lambda: not why.runner.running)
    assert "nearest training images" in why.reading.text()
    bank = why.bank[1]  # the training images' features, computed in the background
    train_images = trained.data.train.images
    assert len(bank) == TRAIN_IMAGES
    np.testing.assert_allclose(bank[::250], explain.image_features(model, train_images[::250]),
                               atol=1e-5)
    found = explain.nearest(bank, explain.features(model, x[None])[0], 5)
    titles = [view.title.text() for view in why.neighbours]
    labels = [names[trained.data.train.labels[i]] for i in found.indices]
    assert all(label in title for label, title in zip(labels, titles))


def test_enter_on_a_gallery_image_opens_it(trained, qtbot):
    results = trained.results
    results.confusion.setCurrentCell(3, 3)
    trained.tabs.setCurrentWidget(results)
    results.gallery.setCurrentRow(0)
    qtbot.keyClick(results.gallery, Qt.Key.Key_Return)
    assert trained.tabs.currentWidget() is trained.why
    index = int(results.gallery.item(0).data(Qt.ItemDataRole.UserRole))
    assert f"Test image {index}" in trained.why.header.text()


def test_why_is_asked_for_a_drawing_from_predict(trained, qtbot):
    pad = trained.predictor.pad
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center())
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=pad.rect().center())
    trained.predictor.why.click()
    assert trained.tabs.currentWidget() is trained.why
    assert trained.why.header.text().startswith("Your drawing: the network says")
    assert " — right." not in trained.why.header.text()  # no true class to compare with


def test_clicking_a_unit_outlines_its_receptive_field(trained, qtbot):
    inside = trained.inside
    trained.tabs.setCurrentWidget(inside)
    stage = next(s for s in inside.stages.stages if s.output.shape[0] == 16)  # after conv2
    panel = inside.stages.panel_of(stage.index)
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.pixel_at(2, 3))  # channel 0, row 2, column 3 of the mosaic
    field = explain.receptive_field(trained.model, stage.index, 2, 3)
    top, left, bottom, right = field.clipped()
    assert inside.stages.input_panel.rects("field") == [(top, left, bottom - top + 1,
                                                         right - left + 1)]
    value = stage.output[0, 2, 3]
    assert f"channel 0 at (2, 3) = <b>{value:.3g}</b>" in inside.detail.text()
    assert f"rows {top}–{bottom}, columns {left}–{right}" in inside.detail.text()
    assert inside.detail_view.image.image.shape == panel.image.image.shape  # enlarged


def test_clicking_a_kernel_shows_the_map_it_makes(trained, qtbot):
    inside = trained.inside
    trained.tabs.setCurrentWidget(inside)
    view = inside.kernel_views[0]
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.pixel_at(1, 1))
    conv = next(s for s in inside.inside.stages if s.index == 0)
    np.testing.assert_allclose(inside.detail_view.image.image, conv.output[0], atol=1e-6)
    assert inside.kernel_view.isVisible() and "conv1 kernel 0" in inside.detail.text()


def test_every_picture_can_be_saved(trained, tmp_path, monkeypatch):
    path = tmp_path / "saliency.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    trained.why.saliency_views[0].canvas.actions()[0].trigger()
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
