"""``python -m gui.bench``: is the window responsive while it works, and does it let go at once?

Timings depend on the machine, so they live here and not in the test suite. Each figure is
printed with its target and PASS or FAIL; the exit code is 1 if any target is missed.

- heartbeat: a 10 ms timer in the GUI thread while LeNet-5 trains with the busiest view on
  screen; its lateness (p99 and max) is what a learner feels as stutter;
- overhead: seconds per epoch in the GUI over the same training run headless;
- recording: a whole training run keeping its record (issue 12) over the same run without;
- the DMLP vs CNN page's default comparison (both trained, then shift-tested): its seconds,
  with the heartbeat running;
- letting go: closing the Speed page during a long naive-loop measurement, closing the LeNet-5
  page while the Why view finds its nearest training images, and cancelling a download from a
  mirror that never answers.
"""

from __future__ import annotations

import os
import socket
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402

from core import data  # noqa: E402
from core.train import EpochEvent, lenet_trainer  # noqa: E402
from gui.app import create_app  # noqa: E402

TARGETS = {"heartbeat p99 ms": 50.0, "heartbeat max ms": 250.0, "gui/headless epoch": 1.25,
           "close during speed run s": 1.0, "cancel hanging download s": 1.0,
           "dmlp vs cnn comparison s": 60.0, "comparison heartbeat p99 ms": 50.0,
           "close during why features s": 1.0, "recording / plain run": 1.05}


def _wait(app, condition, timeout: float = 600.0) -> None:
    """Run the event loop, as the app does, until ``condition()`` holds. (Polling with
    processEvents instead would take the GIL hundreds of times a second and slow training.)"""
    loop, deadline = QEventLoop(), time.monotonic() + timeout
    check = QTimer()
    check.timeout.connect(lambda: (condition() or time.monotonic() > deadline) and loop.quit())
    check.start(50)
    if not condition():
        loop.exec()
    check.stop()


def gui_run(app, config, heartbeat: bool):
    """Train ``config`` on the LeNet-5 page with the busiest view on screen; returns the last
    epoch's seconds and the heartbeat times (ms), if one was asked for."""
    from gui.pages.lenet.page import LeNetPage

    page = LeNetPage(config)
    page.resize(1130, 680)
    page.show()
    page.tabs.setCurrentWidget(page.plots)
    beats, clock = [], QElapsedTimer()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(clock.nsecsElapsed() / 1e6))
    clock.start()
    if heartbeat:
        timer.start()
    page.run_box.buttons["start"].click()
    _wait(app, lambda: not page.session.running)
    timer.stop()
    seconds = page.session.last_epoch.seconds
    page.shutdown()
    page.deleteLater()
    return seconds, beats


def training(app) -> dict:
    """Heartbeat lateness during a GUI run; the GUI's epoch time (no heartbeat, which costs
    time itself) over the same run headless."""
    from gui.pages.lenet.config import LeNetConfig

    config = LeNetConfig(train_size=12800, epochs=2)
    train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
    headless = [e.seconds for e in lenet_trainer(config.train_config(), train, test).run()
                if isinstance(e, EpochEvent)][-1]
    gui_epoch, _ = gui_run(app, config, heartbeat=False)
    beating_epoch, beats = gui_run(app, config, heartbeat=True)
    lateness = np.diff(beats) - 10
    return {"heartbeat p99 ms": float(np.percentile(lateness, 99)),
            "heartbeat max ms": float(lateness.max()), "gui/headless epoch": gui_epoch / headless,
            "_detail": f"epoch of 12,800 images: {headless:.2f} s headless, {gui_epoch:.2f} s in "
                       f"the GUI, {beating_epoch:.2f} s in the GUI with the heartbeat "
                       f"({len(beats)} beats)"}


def recording(app) -> dict:
    """What keeping a run's record (curves, and per epoch kernels, the probe's stages, the
    layers' distributions and the confusion matrix) costs: a whole headless run with and
    without it."""
    from core.runs import RunRecord, Snapshotter, with_snapshots
    from gui.pages.lenet.config import LeNetConfig

    config = LeNetConfig(train_size=12800, epochs=2).train_config()
    train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
    times = {}
    for recorded in (False, True, False, True):  # alternated: the machine's noise spreads out
        trainer = lenet_trainer(config, train, test)
        start = time.perf_counter()
        record = RunRecord.start(config)
        items = with_snapshots(trainer, Snapshotter.for_trainer(trainer)) if recorded \
            else trainer.run()
        for item in items:
            if recorded:
                record.record(item)
        times.setdefault(recorded, []).append(time.perf_counter() - start)
    return {"recording / plain run": min(times[True]) / min(times[False])}


def heartbeat(work_done, app) -> list:
    """Beat every 10 ms until ``work_done()``; the times of the beats (ms)."""
    beats, clock, timer = [], QElapsedTimer(), QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(clock.nsecsElapsed() / 1e6))
    clock.start()
    timer.start()
    _wait(app, work_done)
    timer.stop()
    return beats


def comparison(app) -> dict:
    """The DMLP vs CNN page's default comparison, from the click to the shift test's result."""
    from gui.pages.versus.page import VersusPage

    page = VersusPage()
    page.resize(1130, 680)
    page.show()
    start = time.perf_counter()
    page.train_button.click()
    beats = heartbeat(lambda: not page.runner.running, app)
    seconds = time.perf_counter() - start
    done = page.result is not None
    page.shutdown()
    page.deleteLater()
    return {"dmlp vs cnn comparison s": seconds if done else float("inf"),
            "comparison heartbeat p99 ms": float(np.percentile(np.diff(beats) - 10, 99))}


def letting_go(app) -> dict:
    from gui.pages.lenet.data_panel import DataPanel
    from gui.pages.speed import SpeedConfig, SpeedPage

    speed = SpeedPage(SpeedConfig(batch=4, channels=8, size=64, out_channels=16, kernel=5,
                                  im2col=False, fast=False, torch=False))
    speed.run.click()
    _wait(app, lambda: speed.progress.value() > 0)
    start = time.perf_counter()
    speed.shutdown()
    closed = time.perf_counter() - start

    from gui.pages.lenet.page import LeNetPage

    lenet = LeNetPage()
    lenet.why_test_image(0)  # starts the pass over the 60,000 training images' features
    _wait(app, lambda: False, timeout=0.5)
    start = time.perf_counter()
    lenet.shutdown()
    why_closed = time.perf_counter() - start

    silent = socket.socket()  # accepts connections, never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    panel = DataPanel()
    panel.mirrors = [f"http://127.0.0.1:{silent.getsockname()[1]}/"]
    panel.start_download()
    _wait(app, lambda: False, timeout=0.5)  # the request is out, waiting for an answer
    start = time.perf_counter()
    panel.cancel_download()
    panel.downloader.shutdown()
    cancelled = time.perf_counter() - start
    silent.close()
    return {"close during speed run s": closed, "cancel hanging download s": cancelled,
            "close during why features s": why_closed}


def main() -> int:
    app = create_app([])
    results = {**training(app), **recording(app), **comparison(app), **letting_go(app)}
    failed = False
    for name, target in TARGETS.items():
        value = results[name]
        ok = value <= target
        failed |= not ok
        print(f"{name:28} {value:9.3f}   target ≤ {target:g}   {'PASS' if ok else 'FAIL'}")
    print(results["_detail"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
