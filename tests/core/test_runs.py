"""Run records (issue 12's core): recorded from a real run's items, saved and read back equal
(lazily: a listing reads only run.json), version 1 folders still read, a failed save leaves
nothing behind, and damaged or foreign folders reported and skipped. The hostile files are in
test_runs_hostile.py."""

import csv
import dataclasses
import io
import json
import math
import shutil
from types import SimpleNamespace

import numpy as np
import pytest

from core import modelfile, runs, zoo
from core.data import load_fashion_mnist
from core.losses import CrossEntropyLoss
from core.model import weighted_layer_names
from core.runs import (
    GRAD_EDGES,
    HIST_BINS,
    RunFileError,
    RunRecord,
    Snapshots,
    Snapshotter,
    curves_csv,
    delete_run,
    distributions,
    gradient_medians,
    list_runs,
    rename_run,
    run_name,
    snapshot,
    with_snapshots,
)
from core.train import DEFAULTS, EpochEvent, StepEvent, TrainConfig, lenet_model, lenet_trainer

CONFIG = TrainConfig(epochs=2, train_size=256, batch_size=64)


@pytest.fixture(scope="module")
def data():
    return load_fashion_mnist("train"), load_fashion_mnist("test")


@pytest.fixture(scope="module")
def recorded(data):
    """LeNet-5 on 256 images for 2 epochs, recorded from its items; beside it what the events
    said and snapshots taken directly from the live model at each epoch's end (the reference
    the record must equal)."""
    trainer = lenet_trainer(CONFIG, *data)
    snapshotter = Snapshotter.for_trainer(trainer)
    initial_kernels = trainer.model[0].weight.data.copy()
    record = RunRecord.start(CONFIG)
    steps, epochs, shots, items = [], [], [], []
    for item in with_snapshots(trainer, snapshotter):
        if isinstance(item, StepEvent):
            steps.append(item)
        elif isinstance(item, EpochEvent):
            epochs.append(item)
            shots.append(snapshot(trainer.model, snapshotter.probe, item.confusion,
                                  snapshotter.sample))
        items.append(item)
        record.record(item)
    return SimpleNamespace(record=record, trainer=trainer, steps=steps, epochs=epochs,
                           shots=shots, items=items, initial_kernels=initial_kernels)


def assert_same_shots(ours: list, theirs: list) -> None:
    assert len(ours) == len(theirs)
    for mine, other in zip(ours, theirs):
        assert mine.keys() == other.keys()
        for name in mine:
            np.testing.assert_array_equal(mine[name], other[name], err_msg=name)
            assert mine[name].dtype == other[name].dtype, name


def assert_same_record(again: RunRecord, record: RunRecord) -> None:
    assert again.config == record.config and again.name == record.name
    assert again.epochs == record.epochs and again.outcome == record.outcome
    assert again.batch_losses == record.batch_losses
    assert again.grad_steps == record.grad_steps and again.grad_norms == record.grad_norms
    assert_same_shots(again.snapshots, record.snapshots)
    assert again.problem == ""


def test_a_run_records_its_curves_and_a_snapshot_per_epoch(recorded):
    record, trainer = recorded.record, recorded.trainer
    assert record.name == "2 epochs · 256 images"
    assert len(record.batch_losses) == 2 * 4 and len(record.epochs) == 2
    assert [e.batches for e in record.epochs] == [4, 8]
    assert record.epochs[1].test_accuracy is not None and record.epochs[1].grad_norms
    assert record.final_accuracy == record.epochs[1].test_accuracy
    assert record.epoch_seconds == pytest.approx((record.epochs[0].seconds
                                                  + record.epochs[1].seconds) / 2)
    assert len(record.snapshots) == 3  # before training, then after each epoch
    start, shot = record.snapshots[0], record.snapshots[-1]
    assert "confusion" not in start
    np.testing.assert_array_equal(start["kernel0"], recorded.initial_kernels)  # untrained
    assert shot["kernel0"].shape == (6, 1, 5, 5) and shot["kernel1"].shape == (16, 6, 5, 5)
    np.testing.assert_array_equal(shot["kernel0"], trainer.model[0].weight.data)
    assert shot["confusion"].sum() == 10_000 and shot["stage0"].shape == (6, 28, 28)
    assert not np.array_equal(start["kernel0"], shot["kernel0"])  # it learned
    np.testing.assert_array_equal(shot["layers"], list(weighted_layer_names(trainer.model)))
    assert shot["act_counts"].shape == shot["grad_counts"].shape == (5, HIST_BINS)
    assert record.outcome == "completed" and not record.stopped


def test_the_record_holds_what_the_events_said_and_the_model_showed(recorded):
    record = recorded.record
    assert record.batch_losses == [e.loss for e in recorded.steps]
    for kept, event in zip(record.epochs, recorded.epochs, strict=True):
        assert (kept.epoch, kept.train_loss, kept.train_accuracy, kept.test_loss,
                kept.test_accuracy, kept.seconds) == (
            event.epoch, event.train_loss, event.train_accuracy, event.test_loss,
            event.test_accuracy, event.seconds)
    ends = [e for e in recorded.steps if e.step == e.steps]
    assert [e.grad_norms for e in ends] == [tuple(k.grad_norms.items()) for k in record.epochs]
    # each epoch's snapshot is the model as that epoch left it, taken before training went on
    assert_same_shots(record.snapshots[1:], recorded.shots)
    # the Snapshots items came right after their epoch's event
    kinds = [type(item).__name__ for item in recorded.items
             if not isinstance(item, StepEvent)]
    assert kinds == ["EpochEvent", "Snapshots", "EpochEvent", "Snapshots", "FinishedEvent"]
    assert [len(item.shots) for item in recorded.items if isinstance(item, Snapshots)] == [2, 1]


def test_gradient_norms_at_epoch_ends_with_four_batches_an_epoch(recorded):
    record = recorded.record
    names = [name for name, _ in recorded.trainer.model.named_parameters()]
    assert record.grad_steps == [4, 8]  # no multiple of 10 among 8 batches: the epochs' ends
    assert list(record.grad_norms) == names
    for name in names:
        assert record.grad_norms[name] == [dict(recorded.steps[3].grad_norms)[name],
                                           dict(recorded.steps[7].grad_norms)[name]]


def fake_step(epoch: int, step: int, steps: int, loss: float = 1.0) -> StepEvent:
    global_step = (epoch - 1) * steps + step
    return StepEvent(epoch, 2, step, steps, global_step, loss, None, 0.0, 0.0,
                     (("0.weight", float(global_step)), ("0.bias", 0.5)))


def test_gradient_norms_every_tenth_batch_and_at_each_epoch_end():
    record = RunRecord.start(CONFIG)
    for epoch in (1, 2):
        for step in range(1, 26):
            record.record(fake_step(epoch, step, 25))
    assert record.grad_steps == [10, 20, 25, 30, 40, 50]
    assert record.grad_norms == {"0.weight": [10.0, 20.0, 25.0, 30.0, 40.0, 50.0],
                                 "0.bias": [0.5] * 6}
    assert len(record.batch_losses) == 50


def test_figures_that_are_not_finite_are_kept_as_none(tmp_path):
    """A last epoch whose weights blew up evaluates to NaN: JSON cannot hold it, and a view
    should not draw it; the record keeps None, and the run saves and reads back."""
    record = RunRecord.start(CONFIG)
    record.record(dataclasses.replace(fake_step(1, 1, 1), grad_norms=(("0.weight", math.inf),)))
    record.record(EpochEvent(1, 2, 2.5, 0.5, math.nan, math.inf, seconds=1.0))
    kept = record.epochs[0]
    assert (kept.test_loss, kept.test_accuracy, kept.grad_norms) == (None, None,
                                                                     {"0.weight": None})
    assert record.grad_norms == {"0.weight": [math.inf]}  # the series keeps the measurement
    again = RunRecord.load(record.save(tmp_path / "run"))
    assert again.epochs == record.epochs and again.grad_norms == {"0.weight": [math.inf]}


def test_a_stopped_run_says_so_and_keeps_it(data, tmp_path):
    trainer = lenet_trainer(CONFIG, *data)
    record = RunRecord.start(CONFIG)
    for item in with_snapshots(trainer, Snapshotter.for_trainer(trainer)):
        if isinstance(item, StepEvent) and item.global_step == 2:
            trainer.stop()
        record.record(item)
    assert record.outcome == "stopped" and record.stopped
    assert len(record.batch_losses) == 2 and record.epochs == [] and record.snapshots == []
    assert record.grad_steps == []  # batch 2 is neither a tenth nor an epoch's end
    assert RunRecord.load(record.save(tmp_path / "run")).stopped


def test_snapshots_are_copies_and_the_start_comes_with_the_first(data):
    trainer = lenet_trainer(CONFIG, *data)
    model = trainer.model
    snapshotter = Snapshotter.for_trainer(trainer, probe=3)
    start_kernels = model[0].weight.data.copy()
    model[0].weight.data += 1.0  # the copy was made when the snapshotter was
    confusion = np.eye(10, dtype=np.int64)
    first = snapshotter.take(model, confusion)
    assert len(first.shots) == 2 and "confusion" not in first.shots[0]
    np.testing.assert_array_equal(first.shots[0]["kernel0"], start_kernels)
    np.testing.assert_array_equal(first.shots[1]["kernel0"], start_kernels + 1.0)
    test = trainer.test
    np.testing.assert_array_equal(snapshotter.probe, test.prepare(test.x[3:4]))  # test image 3
    assert len(snapshotter.sample[1]) == runs.HIST_SAMPLE
    model[0].weight.data += 1.0
    confusion[0, 0] = 7
    assert first.shots[1]["confusion"][0, 0] == 1  # not the event's array
    np.testing.assert_array_equal(first.shots[1]["kernel0"], start_kernels + 1.0)
    assert len(snapshotter.take(model).shots) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.shots = ()


def test_a_ten_epoch_lenet_record_stays_small(recorded):
    record = recorded.record
    per_epoch = sum(a.nbytes for a in record.snapshots[-1].values())
    parameters = len(record.grad_norms)
    batches = 938 * 10  # a 10-epoch run on 60,000 images, batch 64
    series = 8 * (batches + (batches // 10 + 10) * (1 + parameters))
    assert 11 * per_epoch + series < 10 << 20
    arrays = sum(a.nbytes for shot in record.snapshots for a in shot.values())
    assert record.nbytes() == arrays + 8 * (8 + 2 * (1 + parameters)) + 200 * 2


def test_round_trip(recorded, tmp_path):
    record = recorded.record
    folder = record.save(tmp_path / "run")
    assert sorted(p.name for p in folder.iterdir()) == ["curves.npz", "run.json",
                                                        "snapshots.npz"]
    document = json.loads((folder / "run.json").read_text())
    assert document["version"] == 2 and "batch_losses" not in document
    assert (document["batches"], document["grad_points"], document["snapshots"]) == (8, 2, 3)
    again = RunRecord.load(folder)
    assert again.folder == folder
    assert_same_record(again, record)
    assert_same_record(RunRecord.load(again.save(folder)), record)  # saved over itself


def write_version_1(record: RunRecord, folder):
    """``record`` in the layout version 1 wrote: every batch's loss in run.json, snapshot
    entries e<i>.<name>, no gradient-norm series, no outcome."""
    folder.mkdir()
    arrays = {f"e{i}.{name}": array for i, shot in enumerate(record.snapshots)
              for name, array in shot.items()}
    with open(folder / "snapshots.npz", "wb") as f:
        np.savez(f, **arrays)
    document = {"format": "cnn-studio-run", "version": 1, "name": record.name,
                "config": record.config, "batch_losses": record.batch_losses,
                "epochs": [dataclasses.asdict(e) for e in record.epochs],
                "snapshots": len(record.snapshots)}
    (folder / "run.json").write_text(json.dumps(document))
    return folder


def test_version_1_folders_still_read(recorded, tmp_path):
    record = recorded.record
    old = RunRecord.load(write_version_1(record, tmp_path / "old"))
    assert old.config == record.config and old.name == record.name
    assert old.batch_losses == record.batch_losses and old.epochs == record.epochs
    assert_same_shots(old.snapshots, record.snapshots)
    assert (old.outcome, old.grad_steps, old.grad_norms, old.problem) == ("", [], {}, "")
    assert not old.stopped
    rows = list(csv.DictReader(io.StringIO(curves_csv([old]))))
    assert [float(r["loss"]) for r in rows] == record.batch_losses
    # saved again, it is a version 2 run
    assert json.loads((old.save(tmp_path / "new") / "run.json").read_text())["version"] == 2


def count_npz_reads(monkeypatch) -> list:
    reads = []
    read_arrays = modelfile.read_arrays

    def counting(path, *args, **kwargs):
        reads.append(path.name)
        return read_arrays(path, *args, **kwargs)

    monkeypatch.setattr(modelfile, "read_arrays", counting)
    return reads


def test_loading_reads_run_json_only_and_the_arrays_once_when_asked(recorded, tmp_path,
                                                                    monkeypatch):
    record = recorded.record
    record.save(tmp_path / "a")
    write_version_1(record, tmp_path / "b")
    reads = count_npz_reads(monkeypatch)
    (a, new), (b, old) = list_runs(tmp_path)[0]
    assert reads == [] and new.epochs == record.epochs and new.nbytes() == 200 * 2
    assert new.final_accuracy == record.final_accuracy and new.outcome == "completed"
    assert new.batch_losses == record.batch_losses and reads == ["curves.npz"]
    assert new.grad_steps == [4, 8] and new.grad_norms == record.grad_norms
    assert reads == ["curves.npz"]
    assert len(new.snapshots) == 3 and len(new.snapshots) == 3
    assert reads == ["curves.npz", "snapshots.npz"]
    assert old.nbytes() == 200 * 2  # a version 1 run's losses are not held from the listing
    assert old.batch_losses == record.batch_losses and reads == ["curves.npz", "snapshots.npz"]
    assert old.nbytes() == 200 * 2 + 8 * 8
    assert len(old.snapshots) == 3
    assert reads == ["curves.npz", "snapshots.npz", "snapshots.npz"]


def test_a_copy_of_an_unread_record_reads_its_own_arrays(recorded, tmp_path):
    """The GUI copies records with dataclasses.replace; the copy and the original each read
    their arrays, neither takes the other's."""
    record = recorded.record
    loaded = RunRecord.load(record.save(tmp_path / "run"))
    copy = dataclasses.replace(loaded, name="a copy")
    assert len(loaded.snapshots) == 3 and len(copy.snapshots) == 3
    assert copy.batch_losses == loaded.batch_losses == record.batch_losses
    assert copy.name == "a copy" and loaded.name == record.name


def test_listing_two_hundred_runs_reads_only_their_json(recorded, tmp_path, monkeypatch):
    """The start-up case (no timing here: the figures belong in a benchmark): two hundred runs
    listed, not one archive opened."""
    first = recorded.record.save(tmp_path / "run 000")
    for i in range(1, 200):
        shutil.copytree(first, tmp_path / f"run {i:03}")
    reads = count_npz_reads(monkeypatch)
    found, problems = list_runs(tmp_path)
    assert len(found) == 200 and problems == []
    assert reads == []
    assert found[-1][1].batch_losses == recorded.record.batch_losses and len(reads) == 1


def test_damaged_and_foreign_folders_are_reported_and_skipped(recorded, tmp_path):
    record = recorded.record
    good = record.save(tmp_path / "a good run")
    truncated = record.save(tmp_path / "truncated")
    data = (truncated / "snapshots.npz").read_bytes()
    (truncated / "snapshots.npz").write_bytes(data[:len(data) // 2])
    no_json = record.save(tmp_path / "no json")
    (no_json / "run.json").unlink()
    no_curves = record.save(tmp_path / "no curves")
    (no_curves / "curves.npz").unlink()
    newer = record.save(tmp_path / "newer")
    document = json.loads((newer / "run.json").read_text())
    document["version"] = 99
    (newer / "run.json").write_text(json.dumps(document))
    (tmp_path / "holiday photos").mkdir()
    (tmp_path / "holiday photos" / "beach.jpg").write_bytes(b"\xff\xd8 not really")
    (tmp_path / "a stray file").write_text("not a folder: not looked at")
    found, problems = list_runs(tmp_path)
    assert [folder for folder, _ in found] == [good, truncated]  # its arrays are read later
    said = {line.split(":")[0]: line for line in problems}
    assert said.keys() == {"no json", "no curves", "newer", "holiday photos"}
    assert "no run.json" in said["no json"] and "no run.json" in said["holiday photos"]
    assert "curves.npz is missing" in said["no curves"]
    assert "made by a newer CNN Studio (run format 99" in said["newer"]
    with pytest.raises(RunFileError, match="made by a newer CNN Studio"):
        RunRecord.load(newer)
    damaged = found[1][1]
    assert damaged.problem == "" and damaged.snapshots == []  # what a view gets: no exception
    assert "snapshots.npz: not an .npz archive" in damaged.problem  # its end is gone
    assert str(truncated) in damaged.problem
    assert damaged.batch_losses == record.batch_losses  # the curves are a file of their own


def test_a_missing_folder_lists_nothing(tmp_path):
    assert list_runs(tmp_path / "nowhere") == ([], [])


def test_run_names_say_what_differs_from_the_default():
    base = DEFAULTS["lenet5"]
    assert run_name(base) == "default"
    assert run_name(dataclasses.replace(base, activation="sigmoid", batchnorm=False,
                                        lr=0.1)) == "sigmoid · no BN · lr 0.1"
    assert run_name(dataclasses.replace(base, dropout=0.0, init="he",
                                        activation="leaky_relu")) == \
        "leaky relu · no dropout · init he"


def test_a_model_without_convolutions_records_its_stages(tmp_path):
    record = RunRecord.start(TrainConfig())
    model = zoo.mlp(rng=0)
    model.metadata["normalizer"] = {"mean": 0.3, "std": 0.3}
    shot = snapshot(model, np.zeros((1, 1, 28, 28), np.float32), None)
    assert "kernel0" not in shot and shot["stage1"].shape == (64,)
    record.snapshots.append(shot)
    assert RunRecord.load(record.save(tmp_path / "mlp")).snapshots[0].keys() == shot.keys()


def model_input(model, images: np.ndarray) -> np.ndarray:
    """A batch of pictures, normalised as Fashion-MNIST's training set."""
    return ((images[:, None] / 255.0 - 0.286) / 0.353).astype(model.dtype)


def test_distributions_count_every_value_of_each_layer():
    train = load_fashion_mnist("train")
    model = lenet_model(TrainConfig())
    x = model_input(model, train.images[:32])
    y = train.labels[:32].astype(np.int64)
    got = distributions(model, x, y)
    names = weighted_layer_names(model)
    assert list(got["layers"]) == list(names)
    outputs = [out for _, out in model.trace(x)]
    sizes = [outputs[i].size for i in names]
    assert list(got["act_counts"].sum(axis=1)) == sizes
    zeros = np.round(got["grad_zeros"] * np.array(sizes)).astype(int)
    assert list(got["grad_counts"].sum(axis=1) + zeros) == sizes
    # what conv1 passes on is its activation's output (after BatchNorm and tanh): within ±1
    low, high = got["act_range"][0]
    assert -1 <= low < 0 < high <= 1
    # the last layer's gradient is each image's softmax − one-hot, by the loss's own formula
    loss = CrossEntropyLoss()
    loss.forward(outputs[-1], y)
    expected = np.abs(loss.backward() * len(y)).ravel()
    expected = np.histogram(np.clip(np.log10(expected[expected > 0]), -8, 0), GRAD_EDGES)[0]
    np.testing.assert_array_equal(got["grad_counts"][-1], expected)
    assert model.training  # its mode is restored


def test_sigmoid_gradients_vanish_towards_the_input_and_relu_ones_less():
    """The lesson's claim, as the record shows it: before training, without BatchNorm, the
    typical gradient shrinks far more from fc2 back to conv1 under sigmoid than under ReLU."""
    train = load_fashion_mnist("train")
    drops = {}
    for activation in ("sigmoid", "relu"):
        model = lenet_model(TrainConfig(activation=activation, batchnorm=False))
        x = model_input(model, train.images[:128])
        counts = distributions(model, x, train.labels[:128].astype(np.int64))["grad_counts"]
        median = gradient_medians(counts)
        drops[activation] = median[-1] - median[0]  # decades lost from fc2 to conv1
    assert drops["sigmoid"] > 2 and drops["sigmoid"] > drops["relu"] + 1, drops


def test_gradient_medians_are_the_middle_bins():
    counts = np.zeros((2, HIST_BINS), np.int64)
    counts[0, [3, 10, 11]] = (1, 1, 1)
    counts[1, 39] = 5
    centres = (GRAD_EDGES[:-1] + GRAD_EDGES[1:]) / 2
    np.testing.assert_allclose(gradient_medians(counts), [centres[10], centres[39]])


def test_curves_as_csv(recorded, tmp_path):
    record = RunRecord.load(recorded.record.save(tmp_path / "run"))  # read lazily
    rows = list(csv.DictReader(io.StringIO(curves_csv([record, record]))))
    assert len(rows) == 2 * 8
    assert [r["epoch"] for r in rows[:8]] == ["1"] * 4 + ["2"] * 4
    assert float(rows[2]["loss"]) == record.batch_losses[2] and rows[2]["test_accuracy"] == ""
    assert float(rows[7]["test_accuracy"]) == record.epochs[1].test_accuracy
    assert float(rows[3]["epoch_seconds"]) == record.epochs[0].seconds


def test_rename_and_delete_touch_only_runs(recorded, tmp_path):
    record = recorded.record
    folder = record.save(tmp_path / "run")
    rename_run(folder, "my sigmoid run")
    assert RunRecord.load(folder).name == "my sigmoid run"
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")
    with pytest.raises(RunFileError, match="no run.json"):
        delete_run(tmp_path / "notes")
    (folder / "mine.txt").write_text("keep me too")
    with pytest.raises(RunFileError, match="holds other files too"):
        delete_run(folder)
    (folder / "mine.txt").unlink()
    delete_run(folder)
    assert not folder.exists() and (tmp_path / "notes" / "todo.txt").exists()


def test_a_run_name_too_long_to_read_back_is_refused(recorded, tmp_path):
    folder = recorded.record.save(tmp_path / "run")
    with pytest.raises(ValueError, match="1,001 characters is too long"):
        rename_run(folder, "x" * 1001)
    assert RunRecord.load(folder).name == recorded.record.name
    with pytest.raises(ValueError, match="too long"):
        dataclasses.replace(recorded.record, name="x" * 1001).save(tmp_path / "long")
    assert not (tmp_path / "long").exists()


def test_a_save_killed_midway_leaves_files_delete_still_removes(recorded, tmp_path):
    folder = recorded.record.save(tmp_path / "run")
    (folder / ".curves.npz.new").write_bytes(b"half")  # a save killed before its renames
    (folder / "..run.json.new.4242.0badcafe.part").write_bytes(b"{")  # killed mid-write
    delete_run(folder)
    assert not folder.exists()


# ---------------------------------------------------------------------- failed saves


class DiskFull:
    """Lets ``calls`` calls of ``real`` through, then raises OSError as a full disk would."""

    def __init__(self, real, calls: int):
        self.real, self.calls = real, calls

    def __call__(self, *args, **kwargs):
        if self.calls == 0:
            raise OSError(28, "No space left on device")
        self.calls -= 1
        return self.real(*args, **kwargs)


# Where a save can fail: writing each of its three files (atomic_file, which renames its part
# file with os.replace: calls 0 to 2), or putting the staged files in place (calls 3 to 5).
FAILURES = [("atomic_file", 0), ("atomic_file", 1), ("atomic_file", 2), ("replace", 3),
            ("replace", 4), ("replace", 5)]


def fail_at(monkeypatch, what: str, calls: int) -> None:
    if what == "atomic_file":
        monkeypatch.setattr(runs, "atomic_file", DiskFull(runs.atomic_file, calls))
    else:
        monkeypatch.setattr(runs.os, "replace", DiskFull(runs.os.replace, calls))


@pytest.mark.parametrize("what, calls", FAILURES)
def test_a_failed_save_leaves_no_folder(recorded, tmp_path, monkeypatch, what, calls):
    fail_at(monkeypatch, what, calls)
    with pytest.raises(OSError, match="No space left"):
        recorded.record.save(tmp_path / "runs" / "new run")
    assert list(tmp_path.iterdir()) == []  # neither the run's folder nor the runs' folder
    monkeypatch.undo()
    assert list_runs(tmp_path / "runs") == ([], [])


def test_a_folder_that_cannot_be_made_leaves_nothing(recorded, tmp_path, monkeypatch):
    real = runs.Path.mkdir
    made = []

    def mkdir(path, *args, **kwargs):
        if made:  # the runs' folder is made, the run's is refused
            raise PermissionError(13, "Permission denied")
        made.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(runs.Path, "mkdir", mkdir)
    with pytest.raises(PermissionError):
        recorded.record.save(tmp_path / "runs" / "new run")
    assert made == [tmp_path / "runs"] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("what, calls", [("atomic_file", 1), ("atomic_file", 2),
                                         ("replace", 2)])
def test_a_failed_save_over_a_run_keeps_its_old_files(recorded, tmp_path, monkeypatch, what,
                                                     calls):
    record = recorded.record
    folder = record.save(tmp_path / "run")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    other = RunRecord.start(TrainConfig(epochs=1))
    other.record(fake_step(1, 1, 1, loss=9.0))
    fail_at(monkeypatch, what, calls)
    with pytest.raises(OSError, match="No space left"):
        other.save(folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert_same_record(RunRecord.load(folder), record)


def test_a_snapshot_of_weights_that_blew_up_is_taken_not_raised():
    """An epoch can end with weights that give NaN (the run then ends "diverged"): its
    snapshot is still taken in the training thread, the activations' counts over the finite
    values, rather than np.histogram raising there and failing the whole run."""
    model = lenet_model(TrainConfig(activation="relu", batchnorm=False))
    model[0].weight.data[...] = np.float32(3e38)
    x = np.random.default_rng(0).standard_normal((4, 1, 28, 28)).astype(np.float32)
    shots = Snapshotter(model, x[:1], (x, np.arange(4))).take(model).shots
    got = shots[-1]
    assert np.all(np.isfinite(got["act_range"])) and got["act_counts"].shape == (5, HIST_BINS)
    assert not np.all(np.isfinite(got["stage0"]))  # what the probe met, as it was
