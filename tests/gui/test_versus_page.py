"""The DMLP vs CNN page: both networks trained by the same Trainer, then compared."""

import numpy as np
import pytest

from core.compare import SHIFTS, shift_test, shifted
from core.data import load_fashion_mnist
from gui.pages.versus.page import VersusConfig, VersusPage
from gui.pages.versus.tabs import first_response
from gui.pages.versus.text import response_comparison
from tests.gui.helpers import show, wait_for

pytestmark = pytest.mark.usefixtures("fewer_test_images")


@pytest.fixture
def page(qtbot):
    page = show(qtbot, VersusPage(VersusConfig(train_size=640, epochs=1, shift=2, image=5)))
    page.shift_images = 300
    return page


def test_before_training_the_table_counts_both_networks(page):
    table = page.training.table
    names = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert names == [("DMLP", f"fc{i}") for i in range(1, 5)] + \
        [("LeNet-5", f"conv{i}") for i in range(1, 4)] + [("LeNet-5", "fc1"), ("LeNet-5", "fc2")]
    assert table.item(0, 2).text() == "50,240" and table.item(4, 4).text() == "117,600"
    assert "DMLP 59,210 parameters" in page.training.totals.text()
    assert "computes 7× as much" in page.training.totals.text()


def test_training_both_then_the_shift_test_and_the_first_layers(page, qtbot):
    page.train_button.click()
    assert page.stop_button.isEnabled() and not page.train_button.isEnabled()
    wait_for(qtbot, lambda: not page.runner.running)
    assert page.status.text().startswith("Done: test accuracy DMLP")
    models, scores, test = page.result
    assert set(models) == {"DMLP", "LeNet-5"}
    for name, model in models.items():
        record = page.both.records[name]
        assert len(record.epochs) == 1 and len(record.batch_losses) == 10
        x, y = page.shift.shift_curves[name].getData()
        assert list(x) == list(SHIFTS)
        # The page's numbers are the core's shift test on the same models and images.
        expected = shift_test(model, test.images[:300], test.labels[:300])
        np.testing.assert_allclose(y, expected)
    assert "DMLP</b>:" in page.shift.shift_summary.text()
    # The shift example: LeNet-5's maps move with the image, so shifted back they match.
    text = page.shift.comparison.text()
    assert "Moved 2 pixels right" in text and "(r = 1.00)" in text
    image = test.images[5]
    moved = shifted(image[None], 0, 2)[0]
    expected = response_comparison(first_response(models["LeNet-5"], image),
                                   first_response(models["LeNet-5"], moved),
                                   first_response(models["DMLP"], image),
                                   first_response(models["DMLP"], moved), 2)
    assert text == expected
    caption = page.sharing.sharing.text()
    assert "150 weights" in caption and "50,176 weights" in caption
    page.form["shift"].setValue(0)
    assert "Choose a shift above 0" in page.shift.comparison.text()


def test_stop_ends_the_comparison_early(qtbot):
    page = show(qtbot, VersusPage(VersusConfig(train_size=20_000, epochs=5)))
    page.train_button.click()
    wait_for(qtbot, lambda: page.progress.value() > 0)
    assert "s left for it (then LeNet-5 and the shift test)" in page.status.text()
    page.stop_button.click()
    wait_for(qtbot, lambda: not page.runner.running)
    assert page.result is None and page.train_button.isEnabled()
    assert page.status.text().startswith("Stopped")


def test_the_first_layer_response_is_after_the_activation(page):
    test = load_fashion_mnist("test")
    page_models = page.models()
    page_models["LeNet-5"].metadata["normalizer"] = {"mean": 0.3, "std": 0.35}
    maps = first_response(page_models["LeNet-5"], test.images[0])
    assert maps.shape == (6, 28, 28) and np.abs(maps).max() <= 1
