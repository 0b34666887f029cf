"""The lesson's experiments (issue 12's core): every variant trains, the summary is measured and
deterministic for a seed, and a stop keeps the finished variants."""

import pytest

from core import experiments
from core.data import Split, load_fashion_mnist
from core.runs import RunRecord, Snapshots
from core.train import FinishedEvent, StepEvent, TrainConfig

TINY = TrainConfig(epochs=1, train_size=256, batch_size=64)


@pytest.fixture(scope="module")
def data():
    train, test = load_fashion_mnist("train"), load_fashion_mnist("test")
    return train, Split(test.images[:500], test.labels[:500])


def test_every_experiment_has_its_variants():
    for name, (_, variants) in experiments.EXPERIMENTS.items():
        configs = experiments.variants(name)
        assert len(configs) == len(variants) >= 2
        size = {4: 45_000, 3: 60_000, 2: 60_000}[len(variants)]  # about a minute each
        assert all(c.epochs == 2 and c.train_size == size for _, c in configs)
    assert [c.activation for _, c in experiments.variants("activations")] == \
        ["relu", "leaky_relu", "tanh", "sigmoid"]
    with pytest.raises(ValueError, match="unknown experiment 'dance'"):
        experiments.variants("dance")


def test_a_summary_is_measured_and_the_same_twice(data):
    train, test = data
    first = list(experiments.run_experiment("batchnorm", train, test, TINY))
    again = list(experiments.run_experiment("batchnorm", train, test, TINY))
    line = experiments.summary(first)
    assert line == experiments.summary(again)
    assert line.startswith("after 1 epoch: ")
    labels = {label for label, _ in first}
    assert labels == {"BatchNorm", "no BatchNorm"}
    for label, record in first:
        assert f"{label} {record.epochs[-1].test_accuracy:.1%}" in line
        assert record.snapshots and record.batch_losses


def test_stopping_keeps_the_finished_variants(data):
    train, test = data
    steps = []

    def stopped():
        return len(steps) > 6  # the first variant has 4 batches: stop inside the second

    records = list(experiments.run_experiment(
        "init", train, test, TINY, stopped,
        on_item=lambda label, item: isinstance(item, StepEvent) and steps.append(label)))
    assert [label for label, _ in records] == ["Xavier"]
    assert experiments.summary(records).startswith("after 1 epoch: Xavier ")
    assert experiments.summary([]) == "no variant finished"
    assert records[0][1].outcome == "completed"


def test_a_gui_can_keep_its_own_record_of_each_variant_from_the_items(data):
    """on_item hears every event and every Snapshots: a record filled from them in another
    thread is the record the experiment yields."""
    train, test = data
    theirs, kinds = {}, []

    def on_item(label, item):
        if label not in theirs:
            theirs[label] = RunRecord.start(TINY)
        theirs[label].record(item)
        kinds.append(type(item))

    ours = dict(experiments.run_experiment("dropout", train, test, TINY, on_item=on_item))
    assert list(theirs) == list(ours) == ["dropout 0.3", "no dropout"]
    assert kinds.count(Snapshots) == 2 and kinds.count(FinishedEvent) == 2
    for label, record in ours.items():
        kept = theirs[label]
        assert kept.batch_losses == record.batch_losses and kept.epochs == record.epochs
        assert kept.grad_steps == record.grad_steps == [4]
        assert kept.outcome == record.outcome == "completed"
        assert len(kept.snapshots) == len(record.snapshots) == 2
        for mine, other in zip(kept.snapshots, record.snapshots):
            assert mine.keys() == other.keys()
            assert all(mine[name] is other[name] for name in mine)  # the same items
