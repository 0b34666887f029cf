"""Settings changed over and over while background work runs: no abort, nothing stale shown,
every thread and process ended afterwards (the app used to abort with "QThread: Destroyed while
thread is still running")."""

import multiprocessing
import threading

import numpy as np

from core import functional as F
from gui.pages.convolution.config import ConvConfig
from gui.pages.convolution.page import ConvolutionPage
from gui.pages.lenet.config import LeNetConfig
from gui.pages.lenet.page import LeNetPage
from gui.pages.speed import SpeedConfig, SpeedPage
from gui.pages.tiny_net.page import TinyConfig, TinyNetPage
from gui.workspace import Workspace
from tests.gui.helpers import show, wait_for


def hidden(qtbot, page):
    """Lifecycle tests need no painting (it made each event-loop turn ~100 ms)."""
    qtbot.addWidget(page)
    return page

SLOW_NAIVE = ConvConfig(source="pattern", pattern="gradient", pattern_size=128,
                        out_channels=16, method="naive")  # about a second per run


def test_kernel_changes_during_naive_runs(qtbot, monkeypatch):
    release, naive = threading.Event(), F.conv2d_naive

    def held(*args, progress, **kwargs):  # runs until released (or cancelled by a change)
        while not release.wait(0.002):
            progress(0, 1)
        return naive(*args, progress=progress, **kwargs)
    monkeypatch.setattr(F, "conv2d_naive", held)
    page = hidden(qtbot, ConvolutionPage(Workspace(), SLOW_NAIVE))
    for i in range(100):
        assert page.runner.running  # every change meets a run in progress
        page.kernel.form["kernel"].set_values(3 + i % 5, 3 + i % 5)
        page.recompute()  # what the coalescing timer does right after a change
        qtbot.wait(2)     # let the cancelled jobs' late signals arrive meanwhile
    page.kernel.form["stride"].set_values(4, 4)  # a short last run
    page.kernel.form["kernel"].set_values(7, 7)
    release.set()
    wait_for(qtbot, lambda: not page.runner.running)
    wait_for(qtbot, lambda: page.runner.threads == 0)
    config, x, weight, geometry, maps = page.result[:5]
    # the map shown belongs to the last settings, not to a cancelled run that ended late
    assert (config.kh, config.sh) == (7, 4) and maps.shape == (1, 16, 31, 31)
    np.testing.assert_allclose(maps, F.conv2d(x, weight, stride=4), atol=1e-4)
    assert not page.kernel.progress.isVisible()


def test_settings_and_restarts_during_speed_runs(qtbot):
    page = show(qtbot, SpeedPage(SpeedConfig(size=96, out_channels=32, kernel=7, im2col=False,
                                             fast=False, torch=False)))
    for round_ in range(5):
        page.run.click()
        wait_for(qtbot, lambda: page.progress.value() > 0)
        for i in range(20):
            page.form["out_channels"].setValue(30 + (i + round_) % 5)  # the run goes on
            page.form["padding"].setValue(i % 3)
            assert page.runner.running and not page.run.isEnabled()
        page.cancel.click()
        qtbot.waitUntil(lambda: not page.runner.running, timeout=5000)
        assert page.run.isEnabled()
    page.run.click()
    wait_for(qtbot, lambda: page.progress.value() > 0)
    page.shutdown()  # closing mid-run: the child process is terminated, not waited for
    assert page.runner.threads == 0 and multiprocessing.active_children() == []


def test_settings_changed_during_tiny_network_training(qtbot):
    page = hidden(qtbot, TinyNetPage(TinyConfig(epochs=10000, speed=200)))
    for i in range(100):
        if not page.runner.running:
            page.train_button.click()
        for name, value in (("seed", i % 7), ("lr", 0.01 + i / 1000), ("sample", i % 2),
                            ("speed", 100 + i)):
            page.form[name].setValue(value)
        if i % 10 == 9:
            page.stop_button.click()
            page.reset_button.click()  # refused while the run winds down
        qtbot.wait(2)
    page.stop_button.click()
    wait_for(qtbot, lambda: not page.runner.running and page.runner.threads == 0)
    assert page.train_button.isEnabled() and page.losses
    assert f"sample {page.config().sample}, stage by stage" in page.stages.text()


def test_settings_and_controls_during_lenet_training(qtbot):
    page = hidden(qtbot, LeNetPage(LeNetConfig(train_size=640, epochs=50, batch_size=32)))
    buttons = page.run_box.buttons
    buttons["start"].click()
    activation = page.network.form["activation"]
    locked = 0
    for i in range(100):
        if activation.isEnabled():  # a learner can only change what is not locked
            activation.setCurrentIndex(i % activation.count())
            page.network.form["seed"].setValue(i)
        else:
            locked += 1
            assert page.session.running
        page.inside.probe.setValue(i % 50)
        page.tabs.setCurrentIndex(i % page.tabs.count())
        buttons[("pause", "step", "pause", "stop", "start")[i % 5]].click()
        qtbot.wait(2)
    buttons["stop"].click()
    runner = page.session.runner
    wait_for(qtbot, lambda: not runner.running and runner.threads == 0)
    assert buttons["start"].isEnabled() and page.session.curves().losses and locked > 50
    # what the box says is what the network is
    activations = {type(layer).__name__ for layer in page.model}
    assert {"tanh": "Tanh", "relu": "ReLU", "leaky_relu": "LeakyReLU",
            "sigmoid": "Sigmoid"}[page.config().activation] in activations


def test_the_gui_looks_only_at_a_copy_while_a_run_is_paused(qtbot):
    page = show(qtbot, LeNetPage(LeNetConfig(train_size=640, epochs=20, batch_size=32)))
    buttons, session = page.run_box.buttons, page.session
    buttons["start"].click()
    wait_for(qtbot, lambda: len(session.curves().losses) > 0)
    buttons["pause"].click()
    # asked to pause, but the thread may still be inside a batch: nothing to look at yet
    assert session.viewable_model(page.model) is None
    page.tabs.setCurrentWidget(page.inside)  # shows the last snapshot instead
    qtbot.waitUntil(lambda: session.viewable_model(page.model) is not None, timeout=5000)
    copy = session.viewable_model(page.model)
    assert copy is not page.model
    for name, value in page.model.state_dict().items():  # the thread waits: they agree
        np.testing.assert_array_equal(copy.state_dict()[name], value)
    buttons["step"].click()
    assert session.viewable_model(page.model) is None  # one more batch is on its way
    buttons["stop"].click()
    wait_for(qtbot, lambda: not session.running)
    assert session.viewable_model(page.model) is page.model
