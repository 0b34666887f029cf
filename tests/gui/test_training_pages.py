"""The tiny-network and LeNet-5 pages: real (short) training in a worker thread."""

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from core import data
from core.backprop import tiny_backward
from core.inside import classify
from core.train import EpochEvent, lenet_trainer
from gui.pages.lenet.config import LeNetConfig
from gui.pages.lenet.page import LeNetPage
from gui.pages.tiny_net.page import TinyConfig, TinyNetPage
from gui.widgets.share_bar import SHARE_ROLE
from tests.gui.conftest import TEST_IMAGES
from tests.gui.helpers import choose, drop, png, show, wait_for

SHORT = dict(train_size=640, epochs=1, batch_size=64)
pytestmark = pytest.mark.usefixtures("fewer_test_images")


@pytest.fixture
def lenet(qtbot):
    return show(qtbot, LeNetPage(LeNetConfig(**SHORT)))


def finished(page):
    runner = page.session.runner if isinstance(page, LeNetPage) else page.runner
    return lambda: not runner.running


def click(page, name):
    page.run_box.buttons[name].click()


def train(page, qtbot):
    click(page, "start")
    wait_for(qtbot, finished(page))


# ---------------------------------------------------------------- tiny network

def test_tiny_network_trains_live_and_its_loss_falls(qtbot):
    page = show(qtbot, TinyNetPage(TinyConfig(epochs=100, speed=0)))
    page.train_button.click()
    wait_for(qtbot, finished(page))
    assert len(page.losses) == 100
    assert page.losses[0] == pytest.approx(0.1818, abs=1e-3)  # the lesson's start: ≈ 0.18
    assert page.losses[-1] < 0.1 < page.losses[0]
    assert "epoch 100" in page.weights.text() and "ŷ = sigmoid" in page.stages.text()
    x, y = page.loss_curve.getData()
    assert len(x) == 100


def test_tiny_network_gradient_check(qtbot):
    page = show(qtbot, TinyNetPage(TinyConfig()))
    page.check_button.click()
    rows = page.check_table.rowCount()
    assert rows == 3
    assert {page.check_table.item(r, 0).text() for r in range(rows)} == \
        {"input x (1×1×6×6)", "w1 (conv 3×3)", "w2 (FC 1×4)"}
    for row in range(rows):
        assert page.check_table.item(row, 3).text() == "yes"
        assert float(page.check_table.item(row, 2).text()) < 1e-6


def test_tiny_network_backward_view_steps_one_epoch(qtbot):
    page = show(qtbot, TinyNetPage(TinyConfig(sample=1)))
    x = page.inputs[1]

    def shown_terms():
        terms = tiny_backward(page.model, x)
        text = page.backward.text()
        for value in (terms.error, terms.output_slope, terms.delta_output):
            assert f"<b>{value:.4f}</b>" in text
        for value in (*terms.grad_w2[0], *terms.delta_pooled, *terms.grad_w1.ravel()):
            assert f">{value:.3g}<" in text
        assert "largest difference" in text
        return terms

    before = shown_terms()
    w1 = page.model[0].weight.data.copy()
    page.step_button.click()
    qtbot.waitUntil(finished(page), timeout=5000)
    assert len(page.losses) == 1 and "epoch 1" in page.weights.text()
    # the update is spelled out: two SGD steps (one per sample), and how far they moved w1
    np.testing.assert_allclose(page.update.w1, page.model[0].weight.data[0, 0] - w1[0, 0])
    assert page.update.steps == 2 and "(h) the last run: 2 steps" in page.backward.text()
    assert f">{page.update.w1[0, 0]:.2g}<" in page.backward.text()
    after = shown_terms()
    assert not np.allclose(page.model[0].weight.data, w1)
    assert after.error != before.error
    assert not np.allclose(after.grad_w1, before.grad_w1)
    assert page.step_button.isEnabled()


def test_tiny_network_stop(qtbot):
    page = show(qtbot, TinyNetPage(TinyConfig(epochs=10000, speed=50)))
    page.train_button.click()
    qtbot.waitUntil(lambda: len(page.losses) >= 2, timeout=5000)
    page.stop_button.click()
    qtbot.waitUntil(finished(page), timeout=5000)
    assert len(page.losses) < 10000 and page.train_button.isEnabled()


# ---------------------------------------------------------------- LeNet-5

def test_architecture_table_equals_model_summary(lenet):
    rows = lenet.model.summary((1, 28, 28))
    total = sum(r.params for r in rows)
    table = lenet.architecture.table
    assert table.rowCount() == len(rows) + 1
    for i, row in enumerate(rows):
        assert table.item(i, 0).text() == str(i)  # the number the Inside panels use
        assert table.item(i, 1).text() == row.name
        assert table.item(i, 2).text() == "×".join(map(str, row.output_shape))
        assert table.item(i, 3).text().split(" · ")[0] == f"{row.params:,}"
        assert table.item(i, 4).text().split(" · ")[0] == f"{row.macs:,}"
        assert table.item(i, 3).data(SHARE_ROLE) == pytest.approx(row.params / total)
    assert table.item(len(rows), 3).text() == f"{sum(r.params for r in rows):,}"
    assert "hold 11,014 of the 61,990 parameters (18%)" in lenet.architecture.split.text()
    assert "Counted with it, fully connected weights are 59,134 (95%)" in \
        lenet.architecture.split.text()
    lenet.architecture.demo_button.click()
    demo = lenet.architecture.demo.text()
    assert demo.startswith("<b>Layer 12 as a 1×1 convolution</b>, on test image 0")
    assert float(demo.split("largest difference ")[1].rstrip(".")) < 1e-5
    lenet.network.form["batchnorm"].setChecked(False)
    assert "BatchNorm2d" not in [table.item(i, 1).text().split("(")[0]
                                 for i in range(table.rowCount())]


def test_start_progress_stop(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=6400, epochs=3))
    click(lenet, "start")
    wait_for(qtbot, lambda: lenet.run_box.progress.value() > 0)
    text = lenet.run_box.text.text()
    assert "epoch 1/3" in text and "images/s" in text and "left" in text
    buttons = lenet.run_box.buttons
    assert not buttons["start"].isEnabled() and buttons["stop"].isEnabled()
    assert not lenet.network.isEnabled()  # the run uses these options: locked until Stop
    click(lenet, "stop")
    wait_for(qtbot, finished(lenet))
    assert lenet.session.ending.reason == "stopped" and lenet.session.state() == "stopped"
    assert "stopped" in lenet.run_box.text.text() and "finished" not in lenet.run_box.text.text()
    assert buttons["start"].isEnabled() and lenet.network.isEnabled()
    assert len(lenet.session.curves().losses) < 300


def test_pause_step_resume(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=6400, epochs=1))

    def losses():
        return lenet.session.curves().losses
    click(lenet, "start")
    wait_for(qtbot, lambda: len(losses()) > 0)
    click(lenet, "pause")
    qtbot.waitUntil(lambda: lenet.session.viewable_model(lenet.model) is not None, timeout=5000)
    assert lenet.run_box.buttons["pause"].text() == "Resume"
    paused_at = len(losses())
    QCoreApplication.processEvents()  # the thread waits for a wake: nothing more can come
    assert len(losses()) == paused_at  # nothing moves while paused
    assert "paused" in lenet.run_box.text.text() and "left" not in lenet.run_box.text.text()
    click(lenet, "step")
    qtbot.waitUntil(lambda: len(losses()) == paused_at + 1, timeout=5000)
    qtbot.waitUntil(lambda: lenet.session.viewable_model(lenet.model) is not None, timeout=5000)
    assert len(losses()) == paused_at + 1  # exactly one batch
    # the stepped batch is visible: the batch axis is not stretched over the whole run (100
    # batches) but spans twice the batches trained, at least 50 (with 1% padding)
    x_range = lenet.plots.loss_plot.getViewBox().viewRange()[0]
    assert x_range[1] <= 1.02 * max(50, 2 * (paused_at + 1)) + 0.5
    click(lenet, "pause")  # resume
    wait_for(qtbot, finished(lenet))
    assert len(losses()) == 100 and lenet.session.ending.reason == "completed"


def test_gui_run_matches_headless_training(lenet, qtbot):
    config = LeNetConfig(train_size=640, epochs=2, seed=5)
    lenet.set_config(config)
    train(lenet, qtbot)
    train_set, test_set = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
    headless = lenet_trainer(config.train_config(), train_set, test_set)
    epochs = [e for e in headless.run() if isinstance(e, EpochEvent)]
    curves = lenet.session.curves()
    assert curves.test_acc == [e.test_accuracy for e in epochs]
    assert curves.train_acc == [e.train_accuracy for e in epochs]


def test_live_views_after_an_epoch(lenet, qtbot):
    lenet.tabs.setCurrentWidget(lenet.inside)
    train(lenet, qtbot)
    confusion = lenet.results.confusion
    counts = [[int(confusion.item(t, p).text()) for p in range(10)] for t in range(10)]
    assert np.sum(counts) == TEST_IMAGES
    assert confusion.verticalHeaderItem(6).text() == "6 Shirt"
    # the gallery opens on the most common mistake, all of its images
    off = np.array(counts) - np.diag(np.diag(counts))
    true, said = np.unravel_index(off.argmax(), off.shape)
    assert lenet.results.cell == (true, said) and lenet.results.gallery.count() == off.max()
    # the Inside tab shows the probe's probabilities for the trained network
    probe = classify(lenet.model, lenet.data.test.images[0]).probabilities
    np.testing.assert_allclose(lenet.inside.chart.probabilities, probe, atol=1e-6)
    lenet.tabs.setCurrentWidget(lenet.plots)
    x, y = lenet.plots.raw_curve.getData()
    assert len(y) == 10
    assert sorted(lenet.plots.grad_curves) == ["conv1", "conv2", "conv3", "fc1", "fc2"]


def test_closing_the_window_mid_training_stops_cleanly(qtbot, fresh_settings):
    from gui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.lenet.set_config(LeNetConfig(train_size=60000, epochs=5))
    window.show_page(window.lenet)
    click(window.lenet, "start")
    wait_for(qtbot, lambda: len(window.lenet.session.curves().losses) > 0)
    saved = len(window.runs.store.runs)
    window.close()
    assert not window.lenet.session.running and window.lenet.session.runner.threads == 0
    assert len(window.runs.store.runs) == saved  # a run cut short by closing is not saved


def test_a_run_is_recorded_for_rewinding(lenet, qtbot):
    train(lenet, qtbot)
    record = lenet.session.records[-1]
    assert record.batch_losses == lenet.session.curves().losses and record.outcome == "completed"
    assert [e.test_accuracy for e in record.epochs] == lenet.session.curves().test_acc
    shot = record.snapshots[-1]
    np.testing.assert_array_equal(shot["kernel0"], lenet.model[0].weight.data)
    assert shot["confusion"].sum() == TEST_IMAGES and "stage0" in shot


def test_a_cancelled_run_still_finishing_its_batch_is_not_looked_into(qtbot):
    """Cancelling calls the page's finish at once; the thread may still be in a batch, so the
    GUI must not run images through the live model until the thread has ended (this raced:
    BatchNorm then saw a single image in training mode)."""
    page = show(qtbot, LeNetPage(LeNetConfig(train_size=60000, epochs=5)))
    click(page, "start")
    wait_for(qtbot, lambda: len(page.session.curves().losses) > 0)
    page.session.runner.cancel()
    assert page.session.runner.threads == 1  # winding down
    assert page.session.viewable_model(page.model) is not page.model
    wait_for(qtbot, lambda: page.session.runner.threads == 0)
    assert page.session.viewable_model(page.model) is page.model


def test_nan_loss_stops_with_an_explanation_and_finite_weights(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=1280, epochs=3, activation="relu",
                                 batchnorm=False, dropout=0.0, optimizer="sgd", lr=5.0,
                                 schedule="constant"))
    train(lenet, qtbot)
    event = lenet.session.ending
    assert event.reason == "diverged", event  # lr 5 with ReLU diverges on this seed
    assert lenet.banner.isVisible() and "learning rate" in lenet.banner.text()
    assert all(np.all(np.isfinite(v)) for v in lenet.model.state_dict().values())


def test_an_exception_in_training_is_shown_and_the_app_keeps_running(lenet, qtbot,
                                                                    monkeypatch):
    from core.train import Trainer

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(Trainer, "_train_batch", broken)  # before the thread starts
    click(lenet, "start")
    wait_for(qtbot, finished(lenet))
    assert lenet.banner.isVisible() and "simulated failure" in lenet.banner.text()
    assert lenet.run_box.buttons["start"].isEnabled() and lenet.session.state() == "failed"
    assert "stopped by an error" in lenet.run_box.text.text() or \
        lenet.session.last_step is None


def test_loading_a_corrupt_model_file_keeps_the_current_model(qtbot, fresh_settings, tmp_path,
                                                              monkeypatch):
    from gui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    before = {k: v.copy() for k, v in window.lenet.model.state_dict().items()}
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 this is not a model")
    assert not window.load_model(bad)
    assert "not a CNN Studio model file" in warnings[0] and "unchanged" in warnings[0]
    for name, value in window.lenet.model.state_dict().items():
        np.testing.assert_array_equal(value, before[name])
    # a good file round-trips through the menu functions
    window.lenet.save_model(tmp_path / "good.npz")
    assert window.load_model(tmp_path / "good.npz")
    window.close()


def test_loss_history_csv(lenet, qtbot, tmp_path):
    train(lenet, qtbot)
    lenet.export_loss_history(tmp_path / "loss.csv")
    lines = (tmp_path / "loss.csv").read_text().splitlines()
    assert lines[0] == "batch,loss,smoothed_loss" and len(lines) == 11
    assert float(lines[1].split(",")[1]) == \
        pytest.approx(lenet.session.curves().losses[0], rel=1e-5)


# ---------------------------------------------------------------- prediction


def test_a_test_image_gives_the_same_answer_as_pixels_floats_and_a_dropped_png(
        qtbot, fresh_settings, tmp_path):
    """The bug this guards against: pictures reached the network 255× too bright."""
    from gui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    lenet = window.lenet
    lenet.set_config(LeNetConfig(**SHORT))
    train(lenet, qtbot)
    window.show_page(lenet)
    for i in (4, 17):
        pixels = lenet.data.test.images[i]
        as_uint8 = lenet.predict(pixels, "uint8")
        as_float = lenet.predict(pixels.astype(np.float32) / 255, "float")
        image = QImage(pixels.tobytes(), 28, 28, 28, QImage.Format.Format_Grayscale8)
        path = tmp_path / f"test image {i}.png"
        assert image.save(str(path))
        drop(lenet.architecture.table.viewport(), path)  # anywhere on the page
        qtbot.waitUntil(lambda path=path: path.name in lenet.predictor.text.text())
        as_png = lenet.predictor.chart.probabilities
        np.testing.assert_allclose(as_float, as_uint8, atol=1e-5)
        np.testing.assert_allclose(as_png, as_uint8, atol=1e-5)
        # and the very numbers training saw for this image
        x = lenet.session.trainer.test.prepare(lenet.data.test.images[i:i + 1])
        np.testing.assert_allclose(lenet.predictor.stages.input_panel.image.image, x[0, 0],
                                   atol=1e-6)
    assert lenet.tabs.currentWidget() is lenet.predictor
    window.close()


def test_a_saved_and_reloaded_model_predicts_the_same(lenet, qtbot, tmp_path):
    train(lenet, qtbot)
    before = lenet.predict(lenet.data.test.images[9], "before")
    lenet.save_model(tmp_path / "m.npz")
    lenet.rebuild_model()  # other weights meanwhile
    assert not np.allclose(lenet.predict(lenet.data.test.images[9], "fresh"), before)
    lenet.load_model(tmp_path / "m.npz")
    np.testing.assert_allclose(lenet.predict(lenet.data.test.images[9], "after"), before,
                               atol=1e-6)


def test_the_predict_input_has_the_statistics_of_a_training_input(lenet, qtbot):
    train(lenet, qtbot)
    batch = lenet.session.trainer.train.prepare(lenet.data.train.images[:640])
    lenet.predict(lenet.data.test.images[5], "test image")
    seen = lenet.predictor.stages.input_panel.image.image
    # the same scale as training inputs: a few units around 0, never hundreds
    assert seen.max() < 4 and seen.min() > -2
    assert seen.min() == pytest.approx(batch.min(), abs=1e-5)  # the black background


def test_predict_a_test_image_and_a_drawing(lenet, qtbot):
    tab = lenet.predictor
    tab.index.setValue(3)
    tab.pick.click()
    assert "Test image 3 (really" in tab.text.text()
    qtbot.mousePress(tab.pad, Qt.MouseButton.LeftButton, pos=tab.pad.rect().center())
    qtbot.mouseRelease(tab.pad, Qt.MouseButton.LeftButton, pos=tab.pad.rect().center())
    assert "Your drawing" in tab.text.text()
    # a dot drawn on the pad reaches the network as a dot: bright centre, dark border
    seen = tab.stages.input_panel.image.image
    assert seen[13:15, 13:15].mean() > seen[0].mean() + 1


def test_predict_a_dropped_picture(qtbot, fresh_settings, tmp_path):
    from gui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.lenet)
    path = png(tmp_path / "dark bar on white.png")
    drop(window.lenet.architecture.table.viewport(), path)
    tab = window.lenet.predictor
    qtbot.waitUntil(lambda: "the network says" in tab.text.text())
    assert window.lenet.tabs.currentWidget() is tab
    assert tab.stages.input_panel.image.image.shape == (28, 28)
    window.close()


# ---------------------------------------------------------------- data


def test_download_failure_is_explained_and_the_bundled_data_stays(lenet, qtbot, monkeypatch):
    from core.data import DownloadError

    def offline(*args, **kwargs):
        raise DownloadError("could not download train-images-idx3-ubyte.gz: "
                            "http://…: [Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(data, "download_official", offline)
    panel = lenet.data
    panel.download.click()
    qtbot.waitUntil(lambda: not panel.downloader.running, timeout=5000)
    assert "Download failed" in panel.info.text() and "offline" in panel.info.text()
    assert panel.download.isEnabled() and len(panel.train.images) == 60000


def test_download_into_a_folder_then_train_on_it(lenet, qtbot, monkeypatch, tmp_path):
    from tests.core.test_data import _write_set

    def fake_download(dataset, dest=None, progress=None, cancel=None, **kwargs):
        folder = tmp_path / dataset
        _write_set(folder, n_train=128, n_test=64)
        progress("train-images-idx3-ubyte.gz", 10, 10)
        return folder

    monkeypatch.setattr(data, "download_official", fake_download)
    panel = lenet.data
    choose(panel.form["dataset"], "mnist")
    panel.download.click()
    qtbot.waitUntil(lambda: not panel.downloader.running, timeout=5000)
    assert len(panel.train.images) == 128 and panel.class_names[3] == "3"
    assert "MNIST (digits) files in" in panel.info.text()
    train(lenet, qtbot)
    assert lenet.session.ending.reason == "completed"


def test_a_network_with_nan_weights_says_so_instead_of_answering_nan(lenet):
    lenet.model[0].weight.data[0, 0, 0, 0] = np.nan
    assert lenet.why_test_image(0) is None and lenet.predict(lenet.data.test.images[0],
                                                                "test image 0") is None
    for said in (lenet.why.header.text(), lenet.predictor.text.text()):
        assert "not all finite numbers" in said and "%" not in said  # no "(nan%)"


def test_a_single_step_draws_its_batch(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=6400, epochs=1))
    lenet.tabs.setCurrentWidget(lenet.plots)
    click(lenet, "step")  # from no run: a paused run, one batch
    wait_for(qtbot, lambda: len(lenet.session.curves().losses) == 1)
    # drawn by the redraw clock, a third of a second later at most
    qtbot.waitUntil(lambda: lenet.plots.last_point.getData()[0] is not None, timeout=5000)
    loss = lenet.session.curves().losses
    x, y = lenet.plots.last_point.getData()  # the dot a one-point line would not draw
    assert list(x) == [1] and y[0] == pytest.approx(loss[0])
    assert lenet.plots.last_point.opts["symbol"] == "o"
    click(lenet, "stop")
    wait_for(qtbot, finished(lenet))
    assert "stopped" in lenet.run_box.text.text()


def test_thirty_why_questions_back_to_back_leave_one_feature_pass(lenet, qtbot):
    for index in range(30):
        lenet.why_test_image(index)
    assert lenet.why.runner.threads == 1  # the pass this network needs, once
    wait_for(qtbot, lambda: lenet.why.runner.threads == 0)
    assert "nearest training images" in lenet.why.reading.text()


def test_why_asks_for_a_pause_while_training_runs(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=6400, epochs=3))
    click(lenet, "start")
    wait_for(qtbot, lambda: len(lenet.session.curves().losses) > 0)
    assert lenet.why_test_image(0) is None  # the window does not wait for the training
    assert "Pause or stop the training to ask the network" in lenet.why.header.text()
    click(lenet, "pause")
    qtbot.waitUntil(lambda: lenet.session.viewable_model(lenet.model) is not None, timeout=5000)
    assert lenet.why_test_image(0) is not None  # paused: the network holds still
    click(lenet, "stop")
    wait_for(qtbot, finished(lenet))
