"""Training as a generator of small immutable events, for a GUI or a terminal to consume.

``Trainer.run()`` yields a ``StepEvent`` per batch, an ``EpochEvent`` after each epoch (with the
test set evaluated in eval mode), an ``ActivationsEvent`` every ``snapshot_every`` batches, a
``PausedEvent`` each time it is asked for more while paused, and one ``FinishedEvent`` at the end.
``stop()``, ``pause()``, ``resume()`` and ``step_once()`` only set thread-safe flags that ``run``
reads between batches: the core never sleeps and never knows about threads — a paused consumer
waits in its own way before asking for the next event. Arrays in events are copies.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from . import allocator, zoo
from . import functional as F
from .data import Normalizer, Split, batches
from .inside import Inside, look_inside
from .layers import BatchNorm2d
from .losses import CrossEntropyLoss, MSELoss
from .model import Sequential, eval_mode
from .optim import SGD, Adam, Optimizer

OPTIMIZERS = ("sgd", "momentum", "adam")
_clock = time.perf_counter  # seconds; the tests substitute a clock they drive
MAX_BATCH = 4096
SCHEDULES = ("constant", "cosine")


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class StepEvent:
    epoch: int                 # 1-based
    epochs: int
    step: int                  # batch within the epoch, 1-based
    steps: int                 # batches per epoch
    global_step: int
    loss: float
    accuracy: float | None     # running accuracy over this epoch so far (classification only)
    images_per_s: float
    eta_s: float               # estimated seconds left for the whole run
    grad_norms: tuple = ()     # ((parameter name, ‖grad‖), ...)


@dataclass(frozen=True)
class EpochEvent:
    epoch: int
    epochs: int
    train_loss: float          # mean over the epoch's batches (training mode)
    train_accuracy: float | None
    test_loss: float | None    # evaluated in eval mode, in batches
    test_accuracy: float | None
    confusion: np.ndarray | None = None    # (classes, classes): rows true, columns predicted
    predictions: np.ndarray | None = None  # predicted class of every test sample
    seconds: float = 0.0       # training time of the epoch, pauses left out
    confidences: np.ndarray | None = None  # probability of each test sample's predicted class


@dataclass(frozen=True)
class ActivationsEvent:
    global_step: int
    inside: Inside             # every stage's output for the probe sample (copies)


@dataclass(frozen=True)
class PausedEvent:
    global_step: int


@dataclass(frozen=True)
class FinishedEvent:
    reason: str                # "completed", "stopped" or "diverged"
    message: str
    epochs_completed: int
    global_step: int


Event = StepEvent | EpochEvent | ActivationsEvent | PausedEvent | FinishedEvent


# --------------------------------------------------------------------------- data for a run


class Samples(NamedTuple):
    """Raw samples and how to turn a batch of them into network input."""

    x: np.ndarray                            # first axis: samples
    y: np.ndarray                            # class indices, or target values
    prepare: Callable[[np.ndarray], np.ndarray] = np.asarray

    @property
    def classification(self) -> bool:
        return np.issubdtype(self.y.dtype, np.integer)


class _Stopped(Exception):
    pass


class Evaluation(NamedTuple):
    """The test set in eval mode (all None without one; only the loss for regression)."""

    loss: float | None = None
    accuracy: float | None = None
    confusion: np.ndarray | None = None
    predictions: np.ndarray | None = None
    confidences: np.ndarray | None = None


class Trainer:
    """Mini-batch training of a Sequential model, one event at a time.

    Args:
        model, loss, optimizer: what to train, against what, how.
        train, test: ``Samples``; ``test`` may be None (nothing to evaluate).
        epochs, batch_size: Defaults: 10 and 64
        seed: shuffling order (the model and its dropout are seeded where they are built).
        snapshot_every: emit the probe's activations every this many batches (0: never).
        probe: index of the test (or training) sample whose activations are reported.
        eval_batch_size: evaluation batch size. Default: 1000
        schedule: "constant" learning rate, or "cosine": lr·½(1 + cos(π·t/T)) at batch t of T,
            large steps first and ever finer ones at the end. Default: "constant"
    """

    def __init__(self, model: Sequential, loss, optimizer: Optimizer, train: Samples,
                 test: Samples | None = None, epochs: int = 10, batch_size: int = 64,
                 seed: int = 0, snapshot_every: int = 0, probe: int = 0,
                 eval_batch_size: int = 1000, schedule: str = "constant"):
        if epochs < 1 or batch_size < 1:
            raise ValueError(f"epochs and batch size must be ≥ 1, got {epochs} and {batch_size}")
        if schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {', '.join(SCHEDULES)}, got {schedule!r}")
        if len(train.x) == 0 or len(train.x) != len(train.y):
            raise ValueError(f"training data: {len(train.x)} samples and {len(train.y)} targets")
        # BatchNorm cannot normalise one value per channel: like PyTorch's drop_last, a last
        # batch of a single image is left out; settings that leave no batch at all are refused.
        self.drop_single = any(isinstance(layer, BatchNorm2d) for layer in model)
        if self.drop_single and (batch_size == 1 or len(train.x) == 1):
            raise ValueError("BatchNorm needs at least 2 images per batch: choose a batch size "
                             "and a training set of 2 or more, or turn BatchNorm off")
        self.model, self.loss, self.optimizer = model, loss, optimizer
        self.train, self.test = train, test
        self.epochs, self.batch_size = epochs, batch_size
        self.snapshot_every, self.probe = snapshot_every, probe
        self.eval_batch_size = eval_batch_size
        self.rng = np.random.default_rng(seed)
        self.schedule, self.base_lr = schedule, optimizer.lr
        self._stop, self._pause, self._one_step = (threading.Event() for _ in range(3))
        self._good_state = None  # a copy of the last weights whose loss was finite
        allocator.keep_freed_memory()

    # ------------------------------------------------------------ control (any thread)

    def stop(self) -> None:
        self._stop.set()

    def pause(self) -> None:
        self._pause.set()

    def resume(self) -> None:
        self._pause.clear()

    def step_once(self) -> None:
        """While paused, let exactly one more batch through."""
        self._one_step.set()

    @property
    def paused(self) -> bool:
        return self._pause.is_set()

    # ------------------------------------------------------------ the run

    def run(self) -> Iterator[Event]:
        n = len(self.train.x)
        steps = math.ceil(n / self.batch_size)
        if self.drop_single and n % self.batch_size == 1:
            steps -= 1
        total_steps = steps * self.epochs
        global_step, epoch = 0, 0
        paused_s = 0.0  # time spent paused is not training: speed and ETA leave it out
        started = _clock()
        self.model.train()
        try:
            for epoch in range(1, self.epochs + 1):
                epoch_start, epoch_paused = _clock(), 0.0
                loss_sum, correct, seen = 0.0, 0, 0
                for step, index in enumerate(batches(n, self.batch_size, self.rng), start=1):
                    if step > steps:
                        break  # the single image left over, which BatchNorm cannot train on
                    wait_start = _clock()
                    yield from self._wait_if_paused(global_step)
                    waited = _clock() - wait_start
                    paused_s += waited
                    epoch_paused += waited
                    if self._stop.is_set():
                        raise _Stopped
                    if self.schedule == "cosine":
                        progress = global_step / total_steps
                        self.optimizer.lr = self.base_lr * 0.5 * (1 + math.cos(math.pi * progress))
                    loss, hits = self._train_batch(index)
                    if not math.isfinite(loss):
                        self._restore_good_state()
                        yield FinishedEvent(
                            "diverged", f"The loss became {loss} at epoch {epoch}, batch {step}: "
                            "the weights blew up (is the learning rate too high?). Training "
                            "stopped; the weights are back to the last ones with a finite loss.",
                            epoch - 1, global_step)
                        return
                    global_step += 1
                    loss_sum += loss * len(index)
                    seen += len(index)
                    correct += hits
                    elapsed = _clock() - started - paused_s
                    rate = global_step / elapsed if elapsed > 0 else 0.0
                    yield StepEvent(
                        epoch, self.epochs, step, steps, global_step, loss,
                        correct / seen if self.train.classification else None,
                        seen / max(_clock() - epoch_start - epoch_paused, 1e-9),
                        (total_steps - global_step) / rate if rate else 0.0,
                        self._grad_norms())
                    if self.snapshot_every and global_step % self.snapshot_every == 0:
                        yield self.activations(global_step)
                test = self._evaluate()
                yield EpochEvent(epoch, self.epochs, loss_sum / seen,
                                 correct / seen if self.train.classification else None,
                                 test.loss, test.accuracy, test.confusion, test.predictions,
                                 _clock() - epoch_start - epoch_paused, test.confidences)
        except _Stopped:
            yield FinishedEvent("stopped", f"Stopped at epoch {epoch} after {global_step} "
                                "batches.", epoch - 1, global_step)
            return
        finally:
            self.model.train()
        yield FinishedEvent("completed", f"Trained {self.epochs} epochs ({global_step} batches).",
                            self.epochs, global_step)

    def _wait_if_paused(self, global_step: int) -> Iterator[PausedEvent]:
        while self._pause.is_set() and not self._stop.is_set():
            if self._one_step.is_set():
                self._one_step.clear()
                return
            yield PausedEvent(global_step)

    def _train_batch(self, index: np.ndarray) -> tuple[float, int]:
        x = self.train.prepare(self.train.x[index])
        y = self.train.y[index]
        # Overflow is not an error here: a non-finite loss ends the run with an explanation.
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.model.forward(x)
            loss = self.loss.forward(out, y)
            if not math.isfinite(loss):
                return loss, 0
            self._save_good_state()
            self.model.backward(self.loss.backward(), input_grad=False)
            self.optimizer.step()
        hits = int(np.sum(out.argmax(axis=1) == y)) if self.train.classification else 0
        return loss, hits

    def _save_good_state(self) -> None:
        state = self.model.state_dict()
        if self._good_state is None:
            self._good_state = {k: v.copy() for k, v in state.items()}
        else:
            for name, value in state.items():
                np.copyto(self._good_state[name], value)

    def _restore_good_state(self) -> None:
        if self._good_state is None:
            return
        for i, layer in enumerate(self.model):
            for name in layer.state():
                layer.set_state(name, self._good_state[f"{i}.{name}"].copy())

    def _grad_norms(self) -> tuple:
        return tuple((name, float(np.sqrt(np.vdot(p.grad, p.grad))))
                     for name, p in self.model.named_parameters())

    def _evaluate(self):
        if self.test is None or len(self.test.x) == 0:
            return Evaluation()
        n, loss_sum, preds, sure = len(self.test.x), 0.0, [], []
        with eval_mode(self.model):
            for index in batches(n, self.eval_batch_size):
                if self._stop.is_set():
                    raise _Stopped
                out = self.model.forward(self.test.prepare(self.test.x[index]))
                loss_sum += self.loss.forward(out, self.test.y[index]) * len(index)
                if self.test.classification:
                    preds.append(out.argmax(axis=1))
                    sure.append(F.softmax(out, axis=1).max(axis=1))
        if not self.test.classification:
            return Evaluation(loss_sum / n)
        predictions = np.concatenate(preds)
        classes = out.shape[1]
        confusion = np.bincount(self.test.y * classes + predictions,
                                minlength=classes * classes).reshape(classes, classes)
        return Evaluation(loss_sum / n, float(np.mean(predictions == self.test.y)), confusion,
                          predictions, np.concatenate(sure))

    def activations(self, global_step: int = 0) -> ActivationsEvent:
        """Every layer's output for the probe sample, computed in eval mode (copies)."""
        source = self.test if self.test is not None and len(self.test.x) else self.train
        probe = min(self.probe, len(source.x) - 1)
        x = source.prepare(source.x[probe:probe + 1])
        return ActivationsEvent(global_step, look_inside(self.model, x))


# --------------------------------------------------------------------------- ready-made runs


@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a run, as the command line and the GUI set it."""

    model: str = "lenet5"          # "lenet5" or "shallow"
    epochs: int = 10
    batch_size: int = 64
    lr: float = 0.05
    optimizer: str = "momentum"    # "sgd", "momentum" (0.9) or "adam"
    schedule: str = "cosine"       # learning rate over the run: "constant" or "cosine"
    seed: int = 0
    train_size: int | None = None  # the first N training images (None: all)
    activation: str = "tanh"
    batchnorm: bool = True
    dropout: float = 0.3
    pool: str = "max"
    init: str = "xavier"
    snapshot_every: int = 0

    def __post_init__(self):
        if self.model not in ("lenet5", "shallow"):
            raise ValueError(f"model must be 'lenet5' or 'shallow', got {self.model!r}")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"optimizer must be one of {', '.join(OPTIMIZERS)}, "
                             f"got {self.optimizer!r}")
        for name in ("epochs", "batch_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name.replace('_', ' ')} must be ≥ 1, got {getattr(self, name)}")
        if self.batch_size > MAX_BATCH:
            raise ValueError(f"batch size must be ≤ {MAX_BATCH:,} (larger batches do not fit in "
                             f"memory here), got {self.batch_size:,}")
        if not 0 <= self.seed < 2**32:
            raise ValueError(f"seed must be between 0 and {2**32 - 1:,}, got {self.seed}")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise ValueError(f"learning rate must be a positive number, got {self.lr}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"schedule must be one of {', '.join(SCHEDULES)}, "
                             f"got {self.schedule!r}")
        if self.train_size is not None and self.train_size < 1:
            raise ValueError(f"train size must be ≥ 1, got {self.train_size}")


# What the lesson uses for each network: the command line's defaults and the GUI's initial
# values both come from here.
DEFAULTS = {
    "lenet5": TrainConfig(),
    "shallow": TrainConfig(model="shallow", epochs=100, batch_size=1, lr=0.01, optimizer="sgd",
                           schedule="constant"),
}


def make_optimizer(name: str, params, lr: float) -> Optimizer:
    if name == "adam":
        return Adam(params, lr=lr)
    return SGD(params, lr=lr, momentum=0.9 if name == "momentum" else 0.0)


def lenet_model(config: TrainConfig) -> Sequential:
    """A fresh LeNet-5 with the configuration's options and seed."""
    return zoo.lenet5(config.activation, config.batchnorm, config.dropout, config.pool,
                      config.init, rng=config.seed)


def lenet_trainer(config: TrainConfig, train: Split, test: Split | None,
                  model: Sequential | None = None) -> Trainer:
    """LeNet-5 on images (N, 28, 28) uint8, normalised with the training images' statistics.

    ``model`` continues training an existing network; by default a fresh one is built.
    """
    if config.train_size is not None:
        train = Split(train.images[:config.train_size], train.labels[:config.train_size])
    normalizer = Normalizer.fit(train.images)
    model = model if model is not None else lenet_model(config)
    model.metadata["normalizer"] = normalizer._asdict()  # prediction needs the same scaling
    return Trainer(model, CrossEntropyLoss(),
                   make_optimizer(config.optimizer, model.parameters(), config.lr),
                   Samples(train.images, train.labels, normalizer),
                   Samples(test.images, test.labels, normalizer) if test is not None else None,
                   config.epochs, config.batch_size, config.seed, config.snapshot_every,
                   schedule=config.schedule)


def shallow_trainer(config: TrainConfig) -> Trainer:
    """The lesson's tiny network: two random N(0, 1) 1×1×6×6 inputs, both with target 1,
    loss ½(y − ŷ)², plain SGD one sample at a time (lesson: lr 0.01, 100 epochs)."""
    rng = np.random.default_rng(config.seed)
    model = zoo.shallow_net(rng)
    inputs = rng.standard_normal((2, 1, 6, 6)).astype(np.float32)
    targets = np.ones((2, 1), np.float32)
    return Trainer(model, MSELoss(halved=True), make_optimizer(config.optimizer,
                                                                 model.parameters(), config.lr),
                   Samples(inputs, targets), None, config.epochs, config.batch_size, config.seed,
                   config.snapshot_every, schedule=config.schedule)
