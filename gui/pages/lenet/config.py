"""The LeNet-5 page's settings: network, data and training options in one dataclass, whose
defaults are the command line's (``core.train.DEFAULTS``)."""

from __future__ import annotations

from dataclasses import dataclass

from core.train import DEFAULTS, TrainConfig
from gui.tr import QT_TRANSLATE_NOOP

LESSON = DEFAULTS["lenet5"]
DATA_SOURCES = {"bundled": QT_TRANSLATE_NOOP("Choices", "Bundled Fashion-MNIST"),
                "folder": QT_TRANSLATE_NOOP("Choices", "Official IDX folder")}
DATASETS = {"fashion-mnist": "Fashion-MNIST", "mnist": QT_TRANSLATE_NOOP("Choices",
                                                                         "MNIST (digits)")}
SNAPSHOT_EVERY = 50  # batches between two looks inside the network while training


@dataclass(frozen=True)
class LeNetConfig:
    activation: str = LESSON.activation
    batchnorm: bool = LESSON.batchnorm
    dropout: float = LESSON.dropout
    pool: str = LESSON.pool
    init: str = LESSON.init
    seed: int = LESSON.seed
    data: str = "bundled"
    folder: str = ""
    dataset: str = "fashion-mnist"
    train_size: int = 60000
    optimizer: str = LESSON.optimizer
    lr: float = LESSON.lr
    batch_size: int = LESSON.batch_size
    epochs: int = LESSON.epochs
    schedule: str = LESSON.schedule
    probe: int = 0

    def train_config(self) -> TrainConfig:
        return TrainConfig(model="lenet5", epochs=self.epochs, batch_size=self.batch_size,
                           lr=self.lr, optimizer=self.optimizer, schedule=self.schedule,
                           seed=self.seed, train_size=self.train_size,
                           activation=self.activation, batchnorm=self.batchnorm,
                           dropout=self.dropout, pool=self.pool, init=self.init,
                           snapshot_every=SNAPSHOT_EVERY)
