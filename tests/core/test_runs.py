"""Run records (issue 12's core): recorded from a real run, saved and read back equal, bounded,
and damaged or foreign folders reported and skipped."""

import csv
import dataclasses
import io
import json

import numpy as np
import pytest

from core import zoo
from core.data import load_fashion_mnist
from core.losses import CrossEntropyLoss
from core.model import weighted_layer_names
from core.runs import (
    GRAD_EDGES,
    HIST_BINS,
    RunFileError,
    RunRecord,
    curves_csv,
    delete_run,
    distributions,
    gradient_medians,
    list_runs,
    rename_run,
    run_name,
)
from core.train import DEFAULTS, TrainConfig, lenet_model, lenet_trainer


@pytest.fixture(scope="module")
def recorded():
    config = TrainConfig(epochs=2, train_size=256, batch_size=64)
    train, test = load_fashion_mnist("train"), load_fashion_mnist("test")
    trainer = lenet_trainer(config, train, test)
    record = RunRecord.for_trainer(config, trainer)
    record.begin(trainer.model)
    record.initial_kernels = trainer.model[0].weight.data.copy()
    for event in trainer.run():
        record.record(event, trainer.model)
    return record, trainer


def test_a_run_records_its_curves_and_a_snapshot_per_epoch(recorded):
    record, trainer = recorded
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
    np.testing.assert_array_equal(start["kernel0"], record.initial_kernels)  # untrained
    assert shot["kernel0"].shape == (6, 1, 5, 5) and shot["kernel1"].shape == (16, 6, 5, 5)
    np.testing.assert_array_equal(shot["kernel0"], trainer.model[0].weight.data)
    assert shot["confusion"].sum() == 10_000 and shot["stage0"].shape == (6, 28, 28)
    assert not np.array_equal(start["kernel0"], shot["kernel0"])  # it learned
    np.testing.assert_array_equal(shot["layers"], list(weighted_layer_names(trainer.model)))
    assert shot["act_counts"].shape == shot["grad_counts"].shape == (5, HIST_BINS)


def test_a_ten_epoch_lenet_record_stays_small(recorded):
    record, _ = recorded
    per_epoch = sum(a.nbytes for a in record.snapshots[-1].values())
    losses = 8 * 938 * 10  # a 10-epoch run on 60,000 images, batch 64
    assert 11 * per_epoch + losses < 10 << 20
    assert record.nbytes() < 3 * per_epoch + 8 * 8 + 200 * 2 + 1


def test_round_trip(recorded, tmp_path):
    record, _ = recorded
    record.save(tmp_path / "run")
    again = RunRecord.load(tmp_path / "run")
    assert again.config == record.config and again.name == record.name
    assert again.batch_losses == record.batch_losses and again.epochs == record.epochs
    for ours, theirs in zip(record.snapshots, again.snapshots):
        assert ours.keys() == theirs.keys()
        for name in ours:
            np.testing.assert_array_equal(ours[name], theirs[name])


def test_damaged_and_foreign_folders_are_reported_and_skipped(recorded, tmp_path):
    record, _ = recorded
    good = record.save(tmp_path / "a good run")
    truncated = record.save(tmp_path / "truncated")
    data = (truncated / "snapshots.npz").read_bytes()
    (truncated / "snapshots.npz").write_bytes(data[:len(data) // 2])
    no_json = record.save(tmp_path / "no json")
    (no_json / "run.json").unlink()
    newer = record.save(tmp_path / "newer")
    document = json.loads((newer / "run.json").read_text())
    document["version"] = 99
    (newer / "run.json").write_text(json.dumps(document))
    (tmp_path / "holiday photos").mkdir()
    (tmp_path / "holiday photos" / "beach.jpg").write_bytes(b"\xff\xd8 not really")
    runs, problems = list_runs(tmp_path)
    assert [folder for folder, _ in runs] == [good]
    said = {line.split(":")[0]: line for line in problems}
    assert said.keys() == {"truncated", "no json", "newer", "holiday photos"}
    assert "snapshots.npz: not an .npz archive" in said["truncated"]  # its end is gone
    assert "no run.json" in said["no json"] and "no run.json" in said["holiday photos"]
    assert "made by a newer CNN Studio (run format 99" in said["newer"]
    with pytest.raises(RunFileError, match="made by a newer CNN Studio"):
        RunRecord.load(newer)


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
    from core.runs import snapshot
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


def test_curves_as_csv(recorded):
    record, _ = recorded
    rows = list(csv.DictReader(io.StringIO(curves_csv([record, record]))))
    assert len(rows) == 2 * 8
    assert [r["epoch"] for r in rows[:8]] == ["1"] * 4 + ["2"] * 4
    assert float(rows[2]["loss"]) == record.batch_losses[2] and rows[2]["test_accuracy"] == ""
    assert float(rows[7]["test_accuracy"]) == record.epochs[1].test_accuracy
    assert float(rows[3]["epoch_seconds"]) == record.epochs[0].seconds


def test_rename_and_delete_touch_only_runs(recorded, tmp_path):
    record, _ = recorded
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
