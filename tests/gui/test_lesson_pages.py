import numpy as np
import pytest

from gui.pages.activations import ActivationsConfig, ActivationsPage
from gui.pages.pooling import PoolingConfig, PoolingPage, line_example
from gui.pages.speed import SpeedConfig, SpeedPage
from gui.workspace import Workspace
from tests.gui.helpers import choose, show, wait_for


@pytest.fixture
def workspace():
    ws = Workspace()
    values = np.random.default_rng(0).permutation(36).reshape(1, 6, 6).astype(np.float32)
    ws.publish(values / 36, np.concatenate([values, -values]) / 36, "test maps")
    return ws


# ---------------------------------------------------------------- pooling

def test_max_pooling_forward_winners_and_backward(qtbot, workspace):
    page = show(qtbot, PoolingPage(workspace, PoolingConfig()))
    x = workspace.maps[0]
    out = page.output_view.image.image
    assert out.shape == (3, 3)
    np.testing.assert_allclose(out, x.reshape(3, 2, 3, 2).max(axis=(1, 3)))
    wins = page.winners_view.image.image
    assert wins.sum() == 9 and wins.max() == 1  # one winner per window, no overlap
    assert "Non-overlapping" in page.explain.text()
    # a frame around every image: white maxima stay visible on the white page
    assert page.output_view.rects("border") == [(0, 0, 3, 3)]


def test_overlapping_windows_accumulate_gradient(qtbot, workspace):
    page = show(qtbot, PoolingPage(workspace, PoolingConfig(kernel=3, stride=1, padding=1)))
    wins = page.winners_view.image.image
    assert wins.sum() == 36 and wins.max() > 1      # a cell can win several windows
    np.testing.assert_allclose(page.backward_view.image.image, wins)  # gradient of ones
    coverage = page.col2im_view.image.image
    assert coverage.max() == 9 and coverage[0, 0] == 4  # corners are covered by 4 patches


def test_average_pooling_spreads_gradient(qtbot, workspace):
    page = show(qtbot, PoolingPage(workspace, PoolingConfig(mode="avg")))
    np.testing.assert_allclose(page.backward_view.image.image, 0.25)
    assert "evenly" in page.explain.text()


def test_clicking_a_pooled_pixel_highlights_its_window_and_winner(qtbot, workspace):
    page = show(qtbot, PoolingPage(workspace, PoolingConfig()))
    page.output_view.pixelClicked.emit(1, 2)  # a click on output pixel (1, 2)
    assert page.input_view.rects("window") == [(2, 4, 2, 2)]
    window = workspace.maps[0][2:4, 4:6]
    winner = np.unravel_index(window.argmax(), window.shape)
    assert page.input_view.rects("winner") == [(2 + winner[0], 4 + winner[1], 1, 1)]


def test_invalid_pooling_padding_is_explained(qtbot, workspace):
    page = show(qtbot, PoolingPage(workspace, PoolingConfig()))
    page.form["padding"].setValue(2)
    assert "at most half the kernel" in page.error.text()
    assert page.form["padding"].styleSheet()  # the culprit is outlined in red
    # nothing stale is left on screen: no pooled output, no explanation with old numbers
    assert page.output_view.image.image is None and "No output" in page.output_view.title.text()
    assert page.explain.text() == ""
    page.form["padding"].setValue(1)
    assert page.error.text() == "" and page.output_view.image.image.shape == (4, 4)
    assert "⌊(6 + 2·1 − 2) / 2⌋ + 1 = 4" in page.explain.text()


def test_max_and_average_side_by_side_with_values_in_the_cells(qtbot, workspace):
    page = show(qtbot, PoolingPage(workspace, PoolingConfig(source="example")))
    x = line_example()
    assert page.input_view.label_texts() == [f"{v:.2g}" for v in x.ravel()]
    # max keeps the thin line at full strength, average dilutes it: measured, then said
    assert "Strongest input value 0.90: max pooling keeps 0.90, average pooling 0.50" in \
        page.explain.text()
    assert page.other_view.title.text() == "<b>Average pooling of the same input (4×4)</b>"
    assert len(page.output_view.label_texts()) == 16
    page.form["mode"].setCurrentIndex(page.form["mode"].findData("avg"))
    assert page.other_view.title.text().startswith("<b>Max pooling")
    page.form["source"].setCurrentIndex(page.form["source"].findData("maps"))
    assert len(page.input_view.label_texts()) == 36  # a 6×6 map: still small enough


def test_pooling_follows_the_workspace(qtbot, workspace):
    page = show(qtbot, PoolingPage(workspace, PoolingConfig(channel=1)))
    workspace.publish(np.zeros((1, 8, 8), np.float32), np.ones((2, 8, 8), np.float32), "ones")
    assert page.output_view.image.image.shape == (4, 4)


# ---------------------------------------------------------------- activations

def test_activation_curves_and_derivatives(qtbot, workspace):
    page = show(qtbot, ActivationsPage(workspace, ActivationsConfig()))
    curve, points, derivative = page.items["sigmoid"]
    x, y = curve.getData()
    assert y.min() > 0 and y.max() < 1 and y[200] == pytest.approx(0.5)
    assert derivative.isVisible()  # on from the start: saturation is the point
    page.form["derivatives"].setChecked(False)
    assert not derivative.isVisible()
    page.form["derivatives"].setChecked(True)
    assert derivative.isVisible()
    _, dy = derivative.getData()
    assert dy.max() == pytest.approx(0.25)
    page.form["slope"].setValue(0.2)
    _, leaky = page.items["leaky_relu"][0].getData()
    assert leaky[0] == pytest.approx(-2.0)  # 0.2 · (−10)
    assert len(points.getData()[0]) == 20    # the lesson's x = −10 … 9
    # fixed ranges: the whole curve of each function, whatever the data
    view = {name: plot.getViewBox().viewRange() for name, plot in page.plots.items()}
    assert view["sigmoid"][1] == pytest.approx([-0.05, 1.05])
    assert view["tanh"][1] == pytest.approx([-1.1, 1.1])
    assert all(v[0][0] < -9.9 and v[0][1] > 9.9 for v in view.values())


def test_activation_applied_to_the_maps(qtbot, workspace):
    page = show(qtbot, ActivationsPage(workspace, ActivationsConfig(apply="relu")))
    after = page.after_view.image.image
    assert after.min() == 0
    assert "51% of the outputs are exactly 0" in page.summary.text()  # 36 negatives and the 0
    choose(page.form["apply"], "tanh")
    assert page.after_view.image.image.min() < 0
    assert "centred on 0" in page.blurb.text()


# ---------------------------------------------------------------- speed

def test_speed_page_times_the_methods(qtbot):
    page = show(qtbot, SpeedPage(SpeedConfig(size=12, out_channels=2, kernel=3, padding=1,
                                             torch=False)))
    page.run.click()
    wait_for(qtbot, lambda: page.run.isEnabled() and not page.runner.running)
    assert page.table.rowCount() == 3
    assert [page.table.item(r, 0).text() for r in range(3)] == \
        ["naive loops", "im2col + GEMM", "fast (numpy)"]
    # the speed-ups shown are the measured times' ratios (whatever this machine measured)
    naive = page.results["naive"]
    for row, name in enumerate(("naive", "im2col", "fast")):
        assert page.table.item(row, 2).text() == f"{naive / page.results[name]:,.0f}×"
    assert len(page.bars.opts["height"]) == 3 and page.progress.value() == 100


def test_speed_page_cancel(qtbot):
    page = show(qtbot, SpeedPage(SpeedConfig(size=128, out_channels=32, kernel=7, im2col=False,
                                             fast=False, torch=False)))
    assert "The naive loop will take about" in page.macs.text()
    page.run.click()
    wait_for(qtbot, lambda: page.progress.value() > 0)
    page.cancel.click()
    qtbot.waitUntil(lambda: not page.runner.running, timeout=5000)
    assert page.table.rowCount() == 0 and page.run.isEnabled()


def test_speed_page_rejects_impossible_shapes(qtbot):
    page = show(qtbot, SpeedPage(SpeedConfig(size=4, kernel=9, padding=0)))
    assert "larger than the padded input" in page.macs.text()
    assert not page.run.isEnabled()
