"""The tiny-network and LeNet-5 pages: real (short) training in a worker thread."""


import numpy as np
import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from core import data
from core.train import EpochEvent, lenet_trainer
from gui.pages.lenet import LeNetConfig, LeNetPage
from gui.pages.tiny_net import TinyConfig, TinyNetPage
from tests.gui.helpers import show
from tests.gui.test_main_window import _drop, _png

SHORT = dict(train_size=640, epochs=1, batch_size=64)


@pytest.fixture
def lenet(qtbot):
    page = show(qtbot, LeNetPage(LeNetConfig(**SHORT)))
    yield page
    page.shutdown()


def finished(page):
    return lambda: not page.runner.running


# ---------------------------------------------------------------- tiny network

def test_tiny_network_trains_live_and_its_loss_falls(qtbot):
    page = show(qtbot, TinyNetPage(TinyConfig(epochs=100, speed=0)))
    page.train_button.click()
    qtbot.waitUntil(finished(page), timeout=20000)
    assert len(page.losses) == 100
    assert page.losses[0] == pytest.approx(0.1818, abs=1e-3)  # the lesson's start: ≈ 0.18
    assert page.losses[-1] < 0.1 < page.losses[0]
    assert "w1" in page.weights.text() and "ŷ = sigmoid" in page.stages.text()
    x, y = page.loss_curve.getData()
    assert len(x) == 100


def test_tiny_network_gradient_check(qtbot):
    page = show(qtbot, TinyNetPage(TinyConfig()))
    page.check_button.click()
    rows = page.check_table.rowCount()
    assert rows == 3
    for row in range(rows):
        assert page.check_table.item(row, 3).text() == "yes"
        assert float(page.check_table.item(row, 2).text()) < 1e-6


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
    table = lenet.architecture
    assert table.rowCount() == len(rows) + 1
    for i, row in enumerate(rows):
        assert table.item(i, 0).text() == row.name
        assert table.item(i, 1).text() == "×".join(map(str, row.output_shape))
        assert table.item(i, 2).text() == f"{row.params:,}"
        assert table.item(i, 3).text() == f"{row.macs:,}"
    assert table.item(len(rows), 2).text() == f"{sum(r.params for r in rows):,}"
    lenet.batchnorm.setChecked(False)
    assert "BatchNorm2d" not in [table.item(i, 0).text().split("(")[0]
                                 for i in range(table.rowCount())]


def test_start_progress_stop(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=6400, epochs=3))
    lenet.start_button.click()
    qtbot.waitUntil(lambda: lenet.progress.value() > 0, timeout=20000)
    assert "epoch 1/3" in lenet.progress_text.text() and "images/s" in lenet.progress_text.text()
    assert not lenet.start_button.isEnabled() and lenet.stop_button.isEnabled()
    lenet.stop_button.click()
    qtbot.waitUntil(finished(lenet), timeout=10000)
    assert lenet.finished_event.reason == "stopped"
    assert lenet.start_button.isEnabled() and len(lenet.losses) < 300


def test_pause_step_resume(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=6400, epochs=1))
    lenet.start_button.click()
    qtbot.waitUntil(lambda: len(lenet.losses) > 0, timeout=20000)
    lenet.pause_button.click()
    qtbot.waitUntil(lambda: lenet.pause_button.text() == "Resume", timeout=5000)
    qtbot.wait(300)
    paused_at = len(lenet.losses)
    qtbot.wait(300)
    assert len(lenet.losses) == paused_at  # nothing moves while paused
    lenet.step_button.click()
    qtbot.waitUntil(lambda: len(lenet.losses) == paused_at + 1, timeout=5000)
    qtbot.wait(200)
    assert len(lenet.losses) == paused_at + 1  # exactly one batch
    lenet.pause_button.click()  # resume
    qtbot.waitUntil(finished(lenet), timeout=60000)
    assert len(lenet.losses) == 100 and lenet.finished_event.reason == "completed"


def test_gui_run_matches_headless_training(lenet, qtbot):
    config = LeNetConfig(train_size=1280, epochs=2, seed=5)
    lenet.set_config(config)
    lenet.start_button.click()
    qtbot.waitUntil(finished(lenet), timeout=60000)
    train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
    headless = lenet_trainer(config.train_config(), train, test)
    epochs = [e for e in headless.run() if isinstance(e, EpochEvent)]
    assert lenet.test_acc == [e.test_accuracy for e in epochs]
    assert lenet.train_acc == [e.train_accuracy for e in epochs]


def test_live_views_after_an_epoch(lenet, qtbot):
    lenet.tabs.setCurrentIndex(2)
    lenet.start_button.click()
    qtbot.waitUntil(finished(lenet), timeout=30000)
    assert lenet.results.confusion.item(0, 0) is not None
    counts = [[int(lenet.results.confusion.item(t, p).text()) for p in range(10)]
              for t in range(10)]
    assert np.sum(counts) == 10000
    wrong = int(np.sum(lenet.last_epoch.predictions != lenet.test_split.labels))
    assert lenet.results.gallery.count() == min(32, wrong)
    assert lenet.inside.probabilities.sum() == pytest.approx(1)
    lenet.tabs.setCurrentIndex(1)
    x, y = lenet.plots.raw_curve.getData()
    assert len(y) == 10 and len(lenet.plots.grad_curves) == 5  # 3 convolutions, 2 linear layers


def test_closing_the_window_mid_training_stops_cleanly(qtbot, fresh_settings):
    from gui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.lenet.set_config(LeNetConfig(train_size=60000, epochs=5))
    window.show_page(window.lenet)
    window.lenet.start_button.click()
    qtbot.waitUntil(lambda: len(window.lenet.losses) > 0, timeout=20000)
    window.close()
    assert not window.lenet.runner.running


def test_nan_loss_stops_with_an_explanation_and_finite_weights(lenet, qtbot):
    lenet.set_config(LeNetConfig(train_size=1280, epochs=3, activation="relu",
                                 batchnorm=False, dropout=0.0, optimizer="sgd", lr=5.0,
                                 schedule="constant"))
    lenet.lr.setValue(5.0)
    lenet.start_button.click()
    qtbot.waitUntil(finished(lenet), timeout=60000)
    if lenet.finished_event.reason != "diverged":  # lr 5 with ReLU diverges on this seed
        pytest.fail(f"expected divergence, got {lenet.finished_event}")
    assert lenet.banner.isVisible() and "learning rate" in lenet.banner.text()
    assert all(np.all(np.isfinite(v)) for v in lenet.model.state_dict().values())


def test_an_exception_in_training_is_shown_and_the_app_keeps_running(lenet, qtbot,
                                                                    monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    lenet.start_button.click()
    monkeypatch.setattr(lenet.trainer, "_train_batch", broken)
    qtbot.waitUntil(finished(lenet), timeout=20000)
    assert lenet.banner.isVisible() and "simulated failure" in lenet.banner.text()
    assert lenet.start_button.isEnabled()


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
    lenet.start_button.click()
    qtbot.waitUntil(finished(lenet), timeout=30000)
    lenet.export_loss_history(tmp_path / "loss.csv")
    lines = (tmp_path / "loss.csv").read_text().splitlines()
    assert lines[0] == "batch,loss,smoothed_loss" and len(lines) == 11
    assert float(lines[1].split(",")[1]) == pytest.approx(lenet.losses[0], rel=1e-5)


def test_predict_a_dropped_image(qtbot, fresh_settings, tmp_path):
    from gui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.lenet)
    path = _png(tmp_path / "dark bar on white.png")
    _drop(window.lenet.architecture.viewport(), path)  # anywhere on the page
    qtbot.waitUntil(lambda: "the network says" in window.lenet.predict_text.text())
    assert window.lenet.tabs.currentIndex() == 4
    probabilities = window.lenet.prediction.probabilities
    assert probabilities.shape == (10,) and probabilities.sum() == pytest.approx(1)
    seen = window.lenet.prediction.input_panel.image.image  # the 28×28 input the net sees
    assert seen.shape == (28, 28)
    window.close()


def test_predict_a_test_image_and_a_drawing(lenet, qtbot):
    lenet.predict_index.setValue(3)
    lenet.predict_test_image()
    assert "Test image 3 (really" in lenet.predict_text.text()
    qtbot.mousePress(lenet.predict_pad, Qt.MouseButton.LeftButton,
                     pos=lenet.predict_pad.rect().center())
    qtbot.mouseRelease(lenet.predict_pad, Qt.MouseButton.LeftButton,
                       pos=lenet.predict_pad.rect().center())
    assert "Your drawing" in lenet.predict_text.text()


def test_gui_stays_responsive_while_training(lenet, qtbot):
    """A 10 ms heartbeat timer keeps firing on time while a real training runs."""
    lenet.set_config(LeNetConfig(train_size=6400, epochs=1))
    lenet.tabs.setCurrentIndex(1)  # the busiest live view
    beats, clock = [], QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(clock.nsecsElapsed() / 1e6))
    clock.start()
    timer.start()
    lenet.start_button.click()
    qtbot.waitUntil(finished(lenet), timeout=120000)
    timer.stop()
    lateness = np.diff(beats) - 10
    assert len(lateness) > 100
    p99, worst = np.percentile(lateness, 99), lateness.max()
    print(f"heartbeat over {len(beats)} beats: p99 lateness {p99:.1f} ms, max {worst:.1f} ms")
    assert p99 < 50 and worst < 250


def test_download_failure_is_explained_and_the_bundled_data_stays(lenet, qtbot, monkeypatch):
    from core.data import DownloadError

    def offline(*args, **kwargs):
        raise DownloadError("could not download train-images-idx3-ubyte.gz: "
                            "http://…: [Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(data, "download_official", offline)
    lenet.download.click()
    qtbot.waitUntil(lambda: not lenet.downloader.running, timeout=5000)
    assert "Download failed" in lenet.data_info.text() and "offline" in lenet.data_info.text()
    assert lenet.download.isEnabled() and len(lenet.train_split.images) == 60000


def test_download_into_a_folder_then_train_on_it(lenet, qtbot, monkeypatch, tmp_path):
    from tests.core.test_data import _write_set

    def fake_download(dataset, dest=None, progress=None, cancel=None, **kwargs):
        folder = tmp_path / dataset
        _write_set(folder, n_train=128, n_test=64)
        progress("train-images-idx3-ubyte.gz", 10, 10)
        return folder

    monkeypatch.setattr(data, "download_official", fake_download)
    lenet.dataset.setCurrentText("mnist")
    lenet.download.click()
    qtbot.waitUntil(lambda: not lenet.downloader.running, timeout=5000)
    assert len(lenet.train_split.images) == 128 and lenet.class_names[3] == "3"
    assert "mnist files in" in lenet.data_info.text()
