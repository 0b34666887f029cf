"""The Experiments page (issue 12): runs overlaid in distinct colours with a legend that fits,
rewound epoch by epoch, their distributions as small multiples, kept on disk, and experiments
that can be stopped without losing the finished variants."""

import csv
import dataclasses

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from core.data import Split, load_fashion_mnist
from core.experiments import run_experiment
from core.train import TrainConfig
from gui.pages.runs.page import RunsPage
from gui.pages.runs.store import RunStore
from gui.widgets.mosaic import tile
from tests.gui.helpers import show, wait_for
from tests.gui.layout import problems

TINY = TrainConfig(epochs=2, train_size=256, batch_size=64)
pytestmark = pytest.mark.usefixtures("fewer_test_images")


@pytest.fixture(scope="module")
def records():
    """Two real runs, ReLU and sigmoid, two epochs each (recorded by the experiments' code)."""
    train, test = load_fashion_mnist("train"), load_fashion_mnist("test")
    test = Split(test.images[:500], test.labels[:500])
    return [record for _, record in run_experiment("activations", train, test, TINY)
            if record.config["activation"] in ("relu", "sigmoid")]


@pytest.fixture
def page(qtbot, tmp_path, records):
    store = RunStore(tmp_path / "runs")
    page = show(qtbot, RunsPage(store))
    for record in records:
        store.add(dataclasses.replace(record))  # a copy: tests rename theirs
    return page


def curve_colours(plot):
    return [item.opts["pen"].color().name() for item in plot.listDataItems()]


def test_two_ticked_runs_are_two_curves_in_distinct_colours_with_a_legend_that_fits(page, qtbot):
    qtbot.wait(20)  # laid out
    relu, sigmoid = page.store.runs
    assert relu.colour != sigmoid.colour
    for plot in (page.curves.loss_plot, page.curves.accuracy_plot):
        assert curve_colours(plot) == [relu.colour, sigmoid.colour]
    x, y = page.curves.accuracy_plot.listDataItems()[1].getData()
    assert list(x) == [1, 2]
    np.testing.assert_allclose(y, [100 * e.test_accuracy for e in sigmoid.record.epochs])
    legend = page.curves.legend
    assert "ReLU" in legend.text() and "sigmoid" in legend.text()
    assert relu.colour in legend.text() and sigmoid.colour in legend.text()
    assert legend.heightForWidth(legend.width()) <= legend.height()  # every name in view
    table = page.curves.table
    assert table.rowCount() == 2 and table.item(1, 0).text() == "sigmoid"
    assert table.item(1, 4).text() == f"{sigmoid.record.final_accuracy:.1%}"
    # unticking one leaves one curve, in its own colour
    page.run_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert curve_colours(page.curves.loss_plot) == [sigmoid.colour]
    assert not relu.ticked and table.rowCount() == 1


def test_the_slider_rewinds_the_kernels_and_maps(page):
    page.tabs.setCurrentWidget(page.rewind)
    rewind = page.rewind
    assert [rewind.choice.itemText(i) for i in range(rewind.choice.count())] == \
        ["ReLU", "sigmoid"]
    rewind.choice.setCurrentIndex(0)
    record = page.store.runs[0].record
    assert rewind.slider.maximum() == 2 and rewind.slider.value() == 2  # the end first
    shown = {}
    for epoch in (0, 2):
        rewind.slider.setValue(epoch)
        picture = rewind.panels["kernel0"].image.image
        np.testing.assert_array_equal(picture,
                                      tile(record.snapshots[epoch]["kernel0"][:, 0])[0])
        shown[epoch] = picture.copy()
        assert rewind.panels["maps0"].image.image is not None
        assert ("before training" in rewind.epoch_label.text()) == (epoch == 0)
    assert not np.array_equal(shown[0], shown[2])
    rewind.slider.setValue(1)
    assert rewind.epoch_label.text() == \
        f"epoch 1 of 2 · test accuracy {record.epochs[0].test_accuracy:.1%}"
    assert rewind.panels["confusion"].label_texts()  # counts in the cells


def test_a_run_with_settings_this_version_cannot_build_still_shows(page, records):
    page.tabs.setCurrentWidget(page.rewind)
    assert page.rewind.panels["maps0"].image.image is not None
    odd = dataclasses.replace(records[0], name="from elsewhere",
                              config={**records[0].config, "activation": "swish", "x": [1]})
    page.store.tick_only([page.store.add(odd)])
    assert page.rewind.run().record is odd
    assert page.rewind.panels["kernel0"].image.image is not None
    assert page.rewind.panels["maps0"].image.image is None  # which stage is which: unknown
    page.tabs.setCurrentWidget(page.distributions)
    assert len(page.distributions.cells) == 1 and len(page.distributions.cells[0]) == 5


def test_distributions_are_small_multiples_with_a_reading(page):
    page.tabs.setCurrentWidget(page.distributions)
    cells = page.distributions.cells
    assert len(cells) == 2 and all(len(row) == 5 for row in cells)  # conv1 … fc2
    # one line per snapshot (before training and after each epoch), the last the strongest
    lines = cells[1][0].listDataItems()
    assert len(lines) == 3
    assert lines[-1].opts["pen"].color().alpha() > lines[0].opts["pen"].color().alpha()
    reading = page.distributions.reading.text()
    assert "ReLU" in reading and "sigmoid" in reading and "decades smaller" in reading
    page.distributions.kind.setCurrentIndex(1)  # activations
    assert "σ′ < 0.05" in page.distributions.reading.text()


def test_runs_are_kept_renamed_exported_and_deleted(page, tmp_path):
    relu, sigmoid = page.store.runs
    page.run_list.setCurrentRow(1)
    page.rename(sigmoid, "  sigmoid   saturates ")
    assert page.run_list.item(1).text() == "sigmoid saturates"
    again = RunStore(tmp_path / "runs")
    again.load_now()
    assert [run.record.name for run in again.runs] == ["ReLU", "sigmoid saturates"]
    assert again.runs[1].record.batch_losses == sigmoid.record.batch_losses
    page.export_csv(tmp_path / "runs.csv")
    rows = list(csv.DictReader((tmp_path / "runs.csv").open()))
    assert {row["run"] for row in rows} == {"ReLU", "sigmoid saturates"}
    assert len(rows) == len(relu.record.batch_losses) + len(sigmoid.record.batch_losses)
    page.delete(relu)
    assert not relu.folder.exists() and page.run_list.count() == 1


def test_a_damaged_folder_is_named_and_skipped(qtbot, tmp_path, records):
    root = tmp_path / "runs"
    records[0].save(root / "good")
    (root / "broken").mkdir()
    (root / "broken" / "run.json").write_text("{not json")
    page = show(qtbot, RunsPage(RunStore(root)))
    page.store.load()  # in the background
    qtbot.waitUntil(lambda: not page.store.loading)
    assert page.run_list.count() == 1
    assert "broken" in page.where.text() and "not readable JSON" in page.where.text()


def test_stopping_an_experiment_keeps_the_finished_variants(qtbot, tmp_path):
    page = show(qtbot, RunsPage(RunStore(tmp_path / "runs")))
    page.base = dataclasses.replace(TINY, epochs=1, train_size=1024)
    page.set_config(page.Config("init"))
    assert "1,024 training images" in page.claim.text()
    page.run_button.click()
    assert page.busy and not page.run_button.isEnabled()
    wait_for(qtbot, lambda: len(page.finished) == 1)
    page.stop_button.click()
    wait_for(qtbot, lambda: not page.busy)
    kept = [run.record for run in page.store.runs]
    assert kept == [record for _, record in page.finished] and 1 <= len(kept) < 3
    assert kept[0].name == "Xavier" and all(run.ticked for run in page.store.runs)
    assert f"(stopped: {len(kept)} of 3 variants)" in page.summary.text()
    assert "Xavier" in page.summary.text() and page.run_button.isEnabled()
    assert curve_colours(page.curves.loss_plot) == [run.colour for run in page.store.runs]


def test_a_finished_lenet_run_lands_in_the_list(window, qtbot):
    from gui.pages.lenet.config import LeNetConfig

    before = len(window.runs.store.runs)
    window.lenet.set_config(LeNetConfig(train_size=640, epochs=1, activation="relu"))
    window.lenet.start()
    wait_for(qtbot, lambda: not window.lenet.session.running)
    runs = window.runs.store.runs
    assert len(runs) == before + 1 and runs[-1].record is window.lenet.session.records[-1]
    assert runs[-1].record.name == "relu · 1 epoch · 640 images"
    assert runs[-1].folder.is_dir() and not runs[-1].ticked
    assert len(runs[-1].record.snapshots) == 2  # the start and the one epoch


def test_a_failed_or_cut_short_lenet_run_saves_nothing(window, qtbot, monkeypatch):
    """A run that fails, or is stopped before its first epoch ends, adds no run (the previous
    run used to be saved again)."""
    from core.train import Trainer
    from gui.pages.lenet.config import LeNetConfig

    lenet = window.lenet
    lenet.set_config(LeNetConfig(train_size=640, epochs=1))
    lenet.start()
    wait_for(qtbot, lambda: not lenet.session.running)
    saved = len(window.runs.store.runs)
    folders = sorted(window.runs.store.root.iterdir())
    original, calls = Trainer._train_batch, []

    def failing(self, index):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("simulated failure")
        return original(self, index)
    monkeypatch.setattr(Trainer, "_train_batch", failing)
    lenet.start()
    wait_for(qtbot, lambda: not lenet.session.running)
    assert not lenet.banner.isHidden() and "simulated failure" in lenet.banner.text()
    monkeypatch.setattr(Trainer, "_train_batch", original)
    lenet.set_config(LeNetConfig(train_size=12800, epochs=1))  # 200 batches
    lenet.start()
    wait_for(qtbot, lambda: len(lenet.session.curves().losses) > 0)
    lenet.stop()  # at the first batches: no epoch to keep
    wait_for(qtbot, lambda: not lenet.session.running)
    assert lenet.session.state() == "stopped"
    assert len(window.runs.store.runs) == saved
    assert sorted(window.runs.store.root.iterdir()) == folders


def test_the_page_is_whole_at_1280x720_with_runs(window, qtbot, records):
    for record in records:
        window.runs.store.add(dataclasses.replace(record, name=f"{record.name} · a long name "
                                                  "that a learner typed"))
    window.show_page(window.runs)
    for index in range(window.runs.tabs.count()):
        window.runs.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert window.size().toTuple() == (1280, 720)
        assert not problems(window), window.runs.tabs.tabText(index)


def test_a_pen_per_run_survives_many_runs(page, records, qtbot):
    """More runs than colours: the colours cycle, the legend still wraps into view."""
    for i in range(10):
        page.store.add(dataclasses.replace(records[0], name=f"run number {i}"))
    qtbot.wait(20)
    colours = [run.colour for run in page.store.runs]
    assert len(set(colours[:10])) == 10
    legend = page.curves.legend
    assert legend.heightForWidth(legend.width()) <= legend.height() + 1
    assert isinstance(page.curves.loss_plot.listDataItems()[0], pg.PlotDataItem)



def test_an_experiment_comes_in_two_sizes_and_says_how_long_it_will_take(qtbot, tmp_path,
                                                                        records):
    """Quick trains a quarter of the full size's images; the page says before the start how
    long all the variants should take here — as on the development machine before any run,
    then scaled by the pace measured in the latest run."""
    from core.experiments import epoch_seconds
    from gui.pages.runs.page import RunsConfig
    from gui.pages.runs.text import duration

    page = show(qtbot, RunsPage(RunStore(tmp_path / "runs")))
    page.base = dataclasses.replace(TrainConfig(epochs=2), model="lenet5")
    page.set_config(RunsConfig("activations", "full"))
    full = [config.train_size for _, config in page.variants()]
    page.set_config(RunsConfig("activations", "quick"))
    quick = [config.train_size for _, config in page.variants()]
    assert full == [45_000] * 4 and quick == [11_250] * 4
    expected = 4 * 2 * epoch_seconds(11_250)  # the development machine's pace
    assert page.estimate() == pytest.approx(expected)
    assert f"About {duration(expected)} for all of them" in page.claim.text()
    record = dataclasses.replace(records[0])  # 256 images an epoch, measured here
    page.store.add(record)
    speed = epoch_seconds(256) / record.epoch_seconds
    assert page.estimate() == pytest.approx(expected / speed)
    assert f"About {duration(expected / speed)} for all of them" in page.claim.text()
    page.size.setCurrentIndex(1)  # as a learner chooses it
    assert page.config() == RunsConfig("activations", "full")
    assert f"{45_000:,} training images" in page.claim.text()


def test_durations_are_said_as_a_person_says_them():
    from gui.pages.runs.text import duration

    assert [duration(s) for s in (0.4, 14, 23.2, 60, 83, 299, 301, 3599)] == [
        "5 s", "15 s", "25 s", "1 min", "1 min 25 s", "5 min", "5 min", "60 min"]
