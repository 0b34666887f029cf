"""The lesson's experiments, one call each: train variants of LeNet-5 one after another on a
reduced training set and say in one line what came out (Qt-free; issue 12's core).

``python -m core.experiments [name …]`` runs them without a window and prints each summary.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterator

from .data import Split, load_fashion_mnist
from .runs import RunRecord, Snapshotter, with_snapshots
from .train import DEFAULTS, TrainConfig, lenet_trainer

# Sized so that a whole experiment takes about a minute on the 2-core development machine: 2
# epochs per variant over BUDGET // variants training images, at most all 60,000 (45,000 each for
# four variants, all of them for three or two). The cosine schedule's large first steps make 2
# epochs tell the variants apart.
BASE = dataclasses.replace(DEFAULTS["lenet5"], epochs=2)
BUDGET = 180_000
# The quick size: a quarter of the images, for a lesson that cannot wait (about 25 s for the four
# activations on the development machine, alone; the full size about a minute).
BUDGETS = {"quick": BUDGET // 4, "full": BUDGET}
TRAINING_IMAGES = 60_000
# A LeNet-5 epoch on the development machine, for estimates said before an experiment starts:
# the training images at this pace, plus the test on the 10,000 test images and the set-up.
IMAGES_PER_SECOND = 9_000
EPOCH_OVERHEAD = 2.0  # seconds

EXPERIMENTS = {
    "activations": ("Activation functions", [
        ("ReLU", {"activation": "relu"}), ("LeakyReLU", {"activation": "leaky_relu"}),
        ("tanh", {"activation": "tanh"}), ("sigmoid", {"activation": "sigmoid"})]),
    "batchnorm": ("BatchNorm on or off", [
        ("BatchNorm", {"batchnorm": True}), ("no BatchNorm", {"batchnorm": False})]),
    "dropout": ("Dropout 0 vs 0.3", [
        ("dropout 0.3", {"dropout": 0.3}), ("no dropout", {"dropout": 0.0})]),
    "init": ("Initialisation", [
        ("Xavier", {"init": "xavier"}), ("He", {"init": "he"}), ("normal", {"init": "normal"})]),
    "lr": ("Learning rate", [
        ("lr 0.01", {"lr": 0.01}), ("lr 0.05", {"lr": 0.05}), ("lr 0.2", {"lr": 0.2})]),
}


def variants(name: str, base: TrainConfig = BASE,
             budget: int = BUDGET) -> list[tuple[str, TrainConfig]]:
    """(label, configuration) of each variant of experiment ``name``; a base that trains on
    all images trains on ``budget`` // variants instead (at most all of them)."""
    if name not in EXPERIMENTS:
        raise ValueError(f"unknown experiment {name!r}; choose one of {', '.join(EXPERIMENTS)}")
    choices = EXPERIMENTS[name][1]
    if base.train_size is None:
        base = dataclasses.replace(base, train_size=min(budget // len(choices),
                                                        TRAINING_IMAGES))
    return [(label, dataclasses.replace(base, **fields)) for label, fields in choices]


def epoch_seconds(train_size: int) -> float:
    """A LeNet-5 epoch's seconds on the development machine (an estimate)."""
    return train_size / IMAGES_PER_SECOND + EPOCH_OVERHEAD


def estimate_seconds(configs, speed: float = 1.0) -> float:
    """How long training ``configs`` one after another takes on a machine ``speed`` times as
    fast as the development machine (an estimate to say before an experiment starts; the
    status line then says the measured time)."""
    return sum(config.epochs * epoch_seconds(config.train_size) for config in configs) / speed


def run_experiment(name: str, train: Split, test: Split, base: TrainConfig = BASE,
                   stopped: Callable[[], bool] = lambda: False,
                   on_item: Callable[[str, object], None] | None = None,
                   ) -> Iterator[tuple[str, RunRecord]]:
    """Train each variant in turn, yielding (label, its record) as each finishes. ``stopped()``
    is asked between batches: the variant under way is abandoned, the finished ones stay.
    ``on_item(label, item)`` hears every item the record takes in — each of the trainer's
    events and each ``Snapshots`` — so that a GUI can keep its own record per variant."""
    for label, config in variants(name, base):
        trainer = lenet_trainer(config, train, test)
        snapshotter = Snapshotter.for_trainer(trainer)
        record = RunRecord.start(config)
        record.name = label
        for item in with_snapshots(trainer, snapshotter):
            if stopped():
                trainer.stop()
            if on_item is not None:
                on_item(label, item)
            record.record(item)
        if record.outcome not in ("completed", "diverged"):
            return
        yield label, record


def summary(records: list[tuple[str, RunRecord]]) -> str:
    """One measured line: "after 2 epochs: ReLU 86.1%, tanh 85.0%, sigmoid 71.3%" (best
    first; a variant whose loss blew up says so)."""
    if not records:
        return "no variant finished"
    parts = []
    for label, record in sorted(records, key=lambda r: -(_final(r[1]) or -1.0)):
        accuracy = _final(record)
        parts.append(f"{label} {accuracy:.1%}" if accuracy is not None else f"{label} diverged")
    epochs = max(len(record.epochs) for _, record in records)
    return f"after {epochs} epoch{'s' * (epochs != 1)}: " + ", ".join(parts)


def _final(record: RunRecord) -> float | None:
    if not record.epochs or len(record.epochs) < record.config["epochs"]:
        return None
    return record.epochs[-1].test_accuracy


def main(argv=None) -> int:
    names = (sys.argv[1:] if argv is None else argv) or list(EXPERIMENTS)
    train, test = load_fashion_mnist("train"), load_fashion_mnist("test")
    for name in names:
        records = list(run_experiment(name, train, test))
        print(f"{EXPERIMENTS[name][0]}: {summary(records)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
