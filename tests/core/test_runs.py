"""Run records (issue 12's core): recorded from a real run, saved and read back equal, bounded,
and damaged or foreign folders reported and skipped."""

import dataclasses
import json

import numpy as np
import pytest

from core import zoo
from core.data import load_fashion_mnist
from core.inside import network_input
from core.runs import RunFileError, RunRecord, list_runs, run_name
from core.train import DEFAULTS, TrainConfig, lenet_trainer


@pytest.fixture(scope="module")
def recorded():
    config = TrainConfig(epochs=2, train_size=256, batch_size=64)
    train, test = load_fashion_mnist("train"), load_fashion_mnist("test")
    trainer = lenet_trainer(config, train, test)
    record = RunRecord.start(config)
    probe = network_input(trainer.model, test.images[0])
    for event in trainer.run():
        record.record(event, trainer.model, probe)
    return record, trainer


def test_a_run_records_its_curves_and_a_snapshot_per_epoch(recorded):
    record, trainer = recorded
    assert record.name == "2 epochs · 256 images"
    assert len(record.batch_losses) == 2 * 4 and len(record.epochs) == 2
    assert record.epochs[1].test_accuracy is not None and record.epochs[1].grad_norms
    shot = record.snapshots[-1]
    assert shot["kernel0"].shape == (6, 1, 5, 5) and shot["kernel1"].shape == (16, 6, 5, 5)
    np.testing.assert_array_equal(shot["kernel0"], trainer.model[0].weight.data)
    assert shot["confusion"].sum() == 10_000 and shot["stage0"].shape == (6, 28, 28)
    assert not np.array_equal(record.snapshots[0]["kernel0"], shot["kernel0"])  # it learned


def test_a_ten_epoch_lenet_record_stays_small(recorded):
    record, _ = recorded
    per_epoch = sum(a.nbytes for a in record.snapshots[0].values())
    losses = 8 * 938 * 10  # a 10-epoch run on 60,000 images, batch 64
    assert 10 * per_epoch + losses < 10 << 20


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
