"""Hostile states and files in the window: the app always starts, never loses the current
model, never lets data change under a run, and never freezes on a file."""

import os
import struct
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QMessageBox

from core import data, zoo
from core.data import Normalizer, prepare_image
from core.layers import Conv2d, Flatten, Linear
from core.model import Sequential
from gui.images import read_image
from gui.main_window import MainWindow
from gui.pages.lenet.config import LeNetConfig
from tests.core.test_data import _write_set
from tests.core.test_model_files import CASES, hostile

ROOT = Path(__file__).resolve().parents[2]


def open_window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


# ---------------------------------------------------------------- the app always starts


CORRUPT = {
    "convolution": {"source": "Fashion-MNIST", "kh": "abc", "method": "gpu"},
    "pooling": {"mode": "average", "kernel": "-5"},
    "activations": {"apply": "ReLU", "slope": "nan"},
    "speed": {"batch": "lots", "torch": "maybe"},
    "tiny_net": {"lr": "-1", "epochs": "0", "seed": "x" * 10_000},
    "lenet": {"activation": "swish", "dropout": "2", "batch_size": "0", "dataset": "cifar"},
}


def test_every_page_starts_from_corrupt_settings(qtbot, fresh_settings):
    store = QSettings()
    for group, values in CORRUPT.items():
        for key, value in values.items():
            store.setValue(f"{group}/{key}", value)
    store.setValue("window/geometry", b"\x00garbage")
    store.setValue("window/page", "seven")
    store.sync()
    window = open_window(qtbot)
    message = window.statusBar().currentMessage()
    for page in window.pages:
        page.set_config(page.config())  # what is shown is a valid configuration
        if page.key in ("convolution", "pooling", "activations", "lenet"):
            assert page.config() == page.Config(), page.title  # unknown choices: defaults
            assert page.title in message
    assert window.current_page() is window.pages[0] and window.size().toTuple() == (1280, 720)
    window.close()


def test_a_pattern_at_every_size_restores(qtbot, fresh_settings):
    from gui.pages.convolution.config import ConvConfig
    from gui.settings import save_config
    save_config("convolution", ConvConfig(source="pattern", pattern="letter A", pattern_size=5))
    window = open_window(qtbot)  # every start used to fail on "could not broadcast"
    assert window.convolution.result.x.shape == (1, 1, 5, 5)
    for size in (4, 6):
        window.convolution.set_config(ConvConfig(source="pattern", pattern="letter A",
                                                 pattern_size=size))
        assert window.convolution.result.x.shape == (1, 1, size, size)
    window.close()


@pytest.mark.parametrize("n_train, n_test, reason", [
    (0, 10, "the training files hold no images"), (20, 0, "the test files hold no images")])
def test_an_unusable_data_folder_is_refused_with_its_reason(qtbot, fresh_settings, tmp_path,
                                                             n_train, n_test, reason):
    from gui.settings import save_config
    _write_set(tmp_path / "set", n_train=n_train, n_test=n_test)
    save_config("lenet", LeNetConfig(data="folder", folder=str(tmp_path / "set")))
    window = open_window(qtbot)  # used to fail with ZeroDivisionError / IndexError, every start
    panel = window.lenet.data
    assert reason in panel.info.text()          # the reason stays where the learner looks
    assert "bundled Fashion-MNIST" in panel.info.text() and len(panel.train.images) == 60000
    assert panel.values()["data"] == "bundled"
    window.close()


# ---------------------------------------------------------------- loading a model


def lenet_with(change):
    model = zoo.lenet5(rng=1)
    model.metadata["normalizer"] = Normalizer(0.29, 0.35)._asdict()
    change(model)
    return model


MODEL_CASES = {
    "float64 LeNet-5": lambda m: m.to(np.float64),
    "normaliser mean 'x'": lambda m: m.metadata.update(normalizer={"mean": "x", "std": 0.3}),
    "normaliser std 0": lambda m: m.metadata.update(normalizer={"mean": 0.3, "std": 0}),
    "normaliser a list": lambda m: m.metadata.update(normalizer=[0.3, 0.3]),
    "NaN normaliser": lambda m: m.metadata.update(normalizer={"mean": float("nan"), "std": 1}),
    "negative running_var": lambda m: m[1].running_var.__setitem__(slice(None), -1.0),
}


@pytest.fixture(scope="module")
def shared_window(qapp):
    """One window for the many files below: a refused file must leave it as it was anyway."""
    QSettings().clear()
    window = MainWindow()
    yield window
    window.close()


@pytest.mark.parametrize("case", sorted(MODEL_CASES) + CASES)
def test_a_model_that_cannot_be_used_never_replaces_the_current_one(shared_window, tmp_path,
                                                                     warnings, case):
    window = shared_window
    lenet = window.lenet
    before_model = lenet.model
    before = {k: v.copy() for k, v in lenet.model.state_dict().items()}
    if case in MODEL_CASES:
        path = tmp_path / "model.npz"
        lenet_with(MODEL_CASES[case]).save(path)
    else:
        path = hostile(tmp_path, case)
    assert not window.load_model(path)
    assert "unchanged" in warnings[-1] and "Traceback" not in warnings[-1]
    assert lenet.model is before_model
    for name, value in lenet.model.state_dict().items():
        np.testing.assert_array_equal(value, before[name])
    assert "loaded from" not in lenet.run_box.text.text()


@pytest.mark.parametrize("layers", [
    lambda: Sequential(Flatten(), Linear(784, 10)),
    lambda: Sequential(Conv2d(1, 2, 5), Flatten(), Linear(2 * 24 * 24, 10)),
])
def test_other_networks_for_28x28_images_load_and_can_be_looked_into(qtbot, fresh_settings,
                                                                       tmp_path, warnings,
                                                                       layers):
    model = layers()
    model.metadata["normalizer"] = Normalizer(0.29, 0.35)._asdict()
    model.save(tmp_path / "other.npz")
    window = open_window(qtbot)
    assert window.load_model(tmp_path / "other.npz"), warnings
    lenet = window.lenet
    lenet.tabs.setCurrentWidget(lenet.inside)
    probabilities = lenet.predict(lenet.data.test.images[0], "test image 0")
    x = (lenet.data.test.images[0] / 255.0 - 0.29) / 0.35  # the model's own normalisation
    model.eval()
    logits = model.forward(x[None, None].astype(np.float32))[0].astype(np.float64)
    expected = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    np.testing.assert_allclose(probabilities, expected, rtol=1e-5)
    assert "no convolution 2" in lenet.inside.kernel_views[1].title.text()
    window.close()


# ---------------------------------------------------------------- data during a run


def test_a_download_that_completes_during_training_waits_for_stop(qtbot, monkeypatch,
                                                                  tmp_path):
    from gui.pages.lenet.page import LeNetPage
    from tests.gui.helpers import show, wait_for
    release = threading.Event()

    def slow_download(dataset, dest=None, progress=None, cancel=None, **kwargs):
        release.wait(30)
        folder = tmp_path / dataset
        _write_set(folder, n_train=128, n_test=64)
        return folder

    monkeypatch.setattr(data, "download_official", slow_download)
    page = show(qtbot, LeNetPage(LeNetConfig(train_size=640, epochs=30, batch_size=32)))
    panel = page.data
    panel.download.click()
    page.run_box.buttons["start"].click()
    wait_for(qtbot, lambda: len(page.session.curves().losses) > 0)
    assert not panel.form["data"].isEnabled() and not panel.browse.isEnabled()
    training_images = panel.train.images
    release.set()
    wait_for(qtbot, lambda: not panel.downloader.running)
    assert panel.train.images is training_images  # unchanged under the running training
    assert "once the current run stops" in panel.info.text()
    page.run_box.buttons["stop"].click()
    wait_for(qtbot, lambda: not page.session.running)
    assert len(panel.train.images) == 128 and panel.values()["data"] == "folder"
    assert "MNIST" in panel.info.text() or "Fashion-MNIST files in" in panel.info.text()


# ---------------------------------------------------------------- pictures


def test_an_svg_named_png_is_refused_before_it_is_rendered(tmp_path):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           '<defs><g id="a0"><rect width="1" height="1"/></g>'
           + "".join(f'<g id="a{i + 1}"><use xlink:href="#a{i}"/><use xlink:href="#a{i}"/></g>'
                     for i in range(30))
           + '</defs><use xlink:href="#a30"/></svg>')
    path = tmp_path / "innocent.png"
    path.write_text(svg)
    with pytest.raises(ValueError, match="not a picture this app reads"):
        read_image(path)


def test_a_fifo_named_png_is_refused_without_waiting(tmp_path):
    path = tmp_path / "x.png"
    os.mkfifo(path)
    outcome = []

    def read():
        try:
            read_image(path)
        except ValueError as err:
            outcome.append(str(err))

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(5)
    assert outcome and "not a regular file" in outcome[0]


def _huge_png(path, side):
    """An RGB PNG of side × side black pixels, written without holding it in memory."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + \
            struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    packer, row, parts = zlib.compressobj(9), b"\x00" + bytes(3 * side), []
    for _ in range(side):
        parts.append(packer.compress(row))
    parts.append(packer.flush())
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b""))
    return path


def test_a_huge_picture_is_scaled_down_without_gigabytes(tmp_path):
    path = _huge_png(tmp_path / "huge.png", 8000)
    # VmHWM: this process's own peak (ru_maxrss would include the parent's size at fork)
    code = ("import re, sys; from gui.images import read_image; "
            "a = read_image(sys.argv[1], rgb=True); "
            "status = open('/proc/self/status').read(); "
            "print(a.shape, re.search(r'VmHWM:\\s+(\\d+)', status).group(1))")
    result = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    shape, peak_kib = result.stdout.rsplit(" ", 1)
    assert shape.strip() == "(1024, 1024, 3)"
    assert int(peak_kib) < 700 * 1024  # was ~2 GB: the float copies were made at full size


def test_a_picture_too_large_to_decode_is_refused_by_its_header(tmp_path):
    path = _huge_png(tmp_path / "enormous.png", 16)
    blob = bytearray(path.read_bytes())
    blob[16:24] = struct.pack(">II", 60000, 60000)  # the header now claims 60,000²
    blob[29:33] = struct.pack(">I", zlib.crc32(bytes(blob[12:29])) & 0xFFFFFFFF)
    path.write_bytes(bytes(blob))
    with pytest.raises(ValueError, match="too large"):
        read_image(path)


def test_black_strokes_on_a_transparent_background_are_ink(tmp_path):
    image = QImage(60, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))  # transparent black, as drawing programs save
    painter = QPainter(image)
    painter.setPen(QPen(QColor(0, 0, 0, 255), 6))
    painter.drawLine(30, 8, 30, 52)
    painter.end()
    path = tmp_path / "stroke.png"
    assert image.save(str(path))
    picture = read_image(path)
    assert picture[30, 30] < 0.1 and picture[5, 5] > 0.9  # black ink on a white page
    prepared = prepare_image(picture)[0]
    assert prepared.max() == pytest.approx(1) and prepared[:, 14].sum() > 5  # a vertical bar


# ---------------------------------------------------------------- saving


def test_saving_over_a_read_only_file_is_refused_with_a_message(qtbot, fresh_settings,
                                                                tmp_path, warnings, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    path = tmp_path / "keep.npz"
    path.write_bytes(b"precious")
    os.chmod(path, 0o444)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window = open_window(qtbot)
    window.save_model_dialog()
    assert "read-only" in warnings[-1] and path.read_bytes() == b"precious"
    window.close()


def test_running_out_of_memory_while_saving_is_a_message(qtbot, fresh_settings, tmp_path,
                                                         warnings, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(Sequential, "save", no_memory)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "m.npz"), ""))
    window = open_window(qtbot)
    window.save_model_dialog()
    assert "out of memory" in warnings[-1] and not (tmp_path / "m.npz").exists()
    window.close()
