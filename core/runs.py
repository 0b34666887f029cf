"""A training run's record: its settings, its curves and, per epoch, what the network looked like
— saved to a run folder and read back safely (Qt-free; issue 12's core).

A run folder holds ``run.json`` (format, version, settings, name, the loss of every batch, the
figures of every epoch) and ``snapshots.npz`` (before training and after each epoch: the first two
convolutions' kernels, every stage's output for the probe image, the distributions of each weighted
layer's output and gradient over 128 training images, the confusion matrix). Both are written
atomically; nothing is pickled. A folder that cannot be read is reported with the reason and
skipped.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import modelfile
from .fileio import atomic_file
from .inside import look_inside
from .layers import Conv2d
from .losses import CrossEntropyLoss
from .model import weighted_layer_names
from .train import DEFAULTS, EpochEvent, StepEvent, TrainConfig
from .zoo import ACTIVATIONS

FORMAT = "cnn-studio-run"
VERSION = 1
MAX_JSON_BYTES = 16 << 20
MAX_SNAPSHOT_BYTES = 64 << 20
SNAPSHOT_DTYPES = (np.float32, np.float64, np.int64)
HIST_SAMPLE = 128                            # training images whose distributions are recorded
HIST_BINS = 40
GRAD_EDGES = np.linspace(-8.0, 0.0, HIST_BINS + 1)  # log10 |gradient|, 0.2 decades a bin


class RunFileError(ValueError):
    """A run folder that cannot be used; the message names the folder and the reason."""


@dataclass
class EpochRecord:
    epoch: int
    train_loss: float
    train_accuracy: float | None
    test_loss: float | None
    test_accuracy: float | None
    seconds: float
    grad_norms: dict = field(default_factory=dict)  # parameter name -> ‖grad‖ at the epoch's end
    batches: int = 0                                # batches trained by the epoch's end


@dataclass
class RunRecord:
    config: dict                                     # TrainConfig fields
    name: str = ""
    batch_losses: list = field(default_factory=list)
    epochs: list = field(default_factory=list)       # EpochRecord per epoch
    snapshots: list = field(default_factory=list)    # at the start, then per epoch: {name: array}
    _norms: dict = field(default_factory=dict, repr=False, compare=False)
    _probe: np.ndarray | None = field(default=None, repr=False, compare=False)
    _sample: tuple | None = field(default=None, repr=False, compare=False)
    _start: object = field(default=None, repr=False, compare=False)  # the model at the start

    @classmethod
    def start(cls, config: TrainConfig, probe: np.ndarray | None = None,
              sample: tuple | None = None) -> RunRecord:
        """An empty record. Its snapshots follow the ``probe`` input (1, C, H, W) through every
        stage, and record the distributions over ``sample`` (inputs, class indices)."""
        return cls(dataclasses.asdict(config), run_name(config), _probe=probe, _sample=sample)

    @classmethod
    def for_trainer(cls, config: TrainConfig, trainer, probe: int = 0) -> RunRecord:
        """An empty record for ``trainer``'s run: test image ``probe`` is its probe, the first
        HIST_SAMPLE training images its sample."""
        test, train = trainer.test, trainer.train
        probe_x = test.prepare(test.x[probe:probe + 1]) \
            if test is not None and len(test.x) > probe else None
        sample = (train.prepare(train.x[:HIST_SAMPLE]), train.y[:HIST_SAMPLE]) \
            if train.classification else None
        return cls.start(config, probe_x, sample)

    def begin(self, model) -> None:
        """Keep a copy of ``model`` before training: its snapshot is taken with the first
        epoch's, so that the first batch does not wait for it."""
        self._start = model.clone()

    def snap(self, model, confusion: np.ndarray | None = None) -> None:
        """A snapshot of ``model`` as it is now."""
        self.snapshots.append(snapshot(model, self._probe, confusion, self._sample))

    def record(self, event, model=None) -> None:
        """Take in one of the trainer's events; at an epoch's end, with the model, also a
        snapshot of what the network looks like."""
        if isinstance(event, StepEvent):
            self.batch_losses.append(float(event.loss))
            self._norms = dict(event.grad_norms)
        elif isinstance(event, EpochEvent):
            self.epochs.append(EpochRecord(
                event.epoch, float(event.train_loss), _number(event.train_accuracy),
                _number(event.test_loss), _number(event.test_accuracy), float(event.seconds),
                {name: float(value) for name, value in self._norms.items()},
                len(self.batch_losses)))
            if model is not None:
                if self._start is not None:
                    self.snap(self._start)
                    self._start = None
                self.snap(model, event.confusion)

    @property
    def final_accuracy(self) -> float | None:
        """The test accuracy after the last epoch (None before the first, or without a test
        set)."""
        return self.epochs[-1].test_accuracy if self.epochs else None

    @property
    def epoch_seconds(self) -> float | None:
        """The mean time of an epoch, evaluation included."""
        return sum(e.seconds for e in self.epochs) / len(self.epochs) if self.epochs else None

    def nbytes(self) -> int:
        arrays = sum(a.nbytes for shot in self.snapshots for a in shot.values())
        return arrays + 8 * len(self.batch_losses) + 200 * len(self.epochs)

    # ------------------------------------------------------------------ files

    def save(self, folder) -> Path:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {f"e{i}.{name}": array for i, shot in enumerate(self.snapshots)
                  for name, array in shot.items()}
        with atomic_file(folder / "snapshots.npz") as f:
            np.savez(f, **arrays)
        document = {"format": FORMAT, "version": VERSION, "name": self.name,
                    "config": self.config, "batch_losses": self.batch_losses,
                    "epochs": [dataclasses.asdict(e) for e in self.epochs],
                    "snapshots": len(self.snapshots)}
        with atomic_file(folder / "run.json") as f:  # last: a complete run has its JSON
            f.write(json.dumps(document).encode())
        return folder

    @classmethod
    def load(cls, folder) -> RunRecord:
        """The run saved in ``folder`` (RunFileError saying why it cannot be used)."""
        folder = Path(folder)
        document = _read_json(folder / "run.json", folder)
        arrays = modelfile.read_arrays(folder / "snapshots.npz", MAX_SNAPSHOT_BYTES,
                                       SNAPSHOT_DTYPES, RunFileError) \
            if (folder / "snapshots.npz").exists() else None
        if arrays is None:
            raise RunFileError(f"{folder}: snapshots.npz is missing")
        try:
            count = int(document["snapshots"])
            snapshots = [{} for _ in range(count)]
            for key, array in arrays.items():
                index, name = key.split(".", 1)
                snapshots[int(index[1:])][name] = array
            epochs = [EpochRecord(**e) for e in document["epochs"]]
            record = cls(dict(document["config"]), str(document["name"]),
                         [float(v) for v in document["batch_losses"]], epochs, snapshots)
        except (KeyError, TypeError, ValueError, IndexError) as err:
            raise RunFileError(f"{folder}: run.json is not a complete run ({err})") from None
        return record


def snapshot(model, probe: np.ndarray | None, confusion: np.ndarray | None,
             sample: tuple | None = None) -> dict:
    """Copies of what a lesson would rewind to: the first two convolutions' kernels, every
    stage's output for the probe input, the distributions over the sample (``distributions``)
    and the confusion matrix."""
    shot = {}
    convolutions = [layer for layer in model if isinstance(layer, Conv2d)]
    for i, layer in enumerate(convolutions[:2]):
        shot[f"kernel{i}"] = layer.weight.data.copy()
    if probe is not None:
        for stage in look_inside(model, probe).stages:
            shot[f"stage{stage.index}"] = stage.output
    if sample is not None:
        shot.update(distributions(model, *sample))
    if confusion is not None:
        shot["confusion"] = np.asarray(confusion, np.int64)
    return shot


def distributions(model, x: np.ndarray, y: np.ndarray) -> dict:
    """Per weighted layer (conv1, conv2, …, fc2, in order), over the inputs ``x`` with classes
    ``y``, in eval mode:

    - ``act_counts`` (L, HIST_BINS) over ``act_range`` (L, 2): what the layer passes on, i.e. the
      output of its activation (the layer's own output where none follows);
    - ``grad_counts`` (L, HIST_BINS) over ``GRAD_EDGES``: log10 |∂loss/∂output| of each image's
      own cross-entropy (values under 1e-8 in the first bin), and ``grad_zeros`` (L,): the
      fraction that is exactly 0;
    - ``layers`` (L,): the layers' positions in the model.

    Parameters' ``.grad`` are overwritten, as by any backward pass; nothing else changes.
    """
    names = weighted_layer_names(model)
    layers = list(model)
    passes_on = {j: i for i, j in passed_on(model).items()}
    order = {i: row for row, i in enumerate(names)}
    count = len(names)
    act_counts = np.zeros((count, HIST_BINS), np.int64)
    act_range = np.zeros((count, 2))
    grad_counts = np.zeros((count, HIST_BINS), np.int64)
    grad_zeros = np.zeros(count)
    was_training = model.training
    model.eval()
    try:
        h = x
        for i, layer in enumerate(layers):
            h = layer.forward(h)
            if i in passes_on:  # at once: a later layer may work in place
                row = order[passes_on[i]]
                act_counts[row], act_range[row] = _histogram(h)
        loss = CrossEntropyLoss()
        loss.forward(h, y)
        d = loss.backward() * len(y)  # each image's own loss, not the batch mean
        for i in range(len(layers) - 1, -1, -1):
            if i in order:
                grad_counts[order[i]], grad_zeros[order[i]] = _log_histogram(d)
            d = layers[i].backward(d, input_grad=i > 0)
    finally:
        model.train(was_training)
    return {"layers": np.fromiter(names, np.int64, count), "act_counts": act_counts,
            "act_range": act_range, "grad_counts": grad_counts, "grad_zeros": grad_zeros}


def gradient_medians(counts: np.ndarray) -> np.ndarray:
    """The median log10 |gradient| of each row of ``grad_counts`` (exact zeros left out),
    to a bin's width: how large a typical gradient is at each layer."""
    centres = (GRAD_EDGES[:-1] + GRAD_EDGES[1:]) / 2
    counts = np.atleast_2d(counts)
    return np.array([centres[min(np.searchsorted(np.cumsum(row), row.sum() / 2), HIST_BINS - 1)]
                     for row in counts])


def passed_on(model) -> dict[int, int]:
    """The position of every weighted layer -> the position of the layer whose output it passes
    on: its activation, or itself where another weighted layer (or the end) comes first."""
    names = weighted_layer_names(model)
    found = {}
    for i in names:
        found[i] = i
        for k in range(i + 1, len(model)):
            if k in names:
                break
            if type(model[k]) in ACTIVATIONS.values():
                found[i] = k
                break
    return found


def _histogram(values: np.ndarray) -> tuple[np.ndarray, tuple[float, float]]:
    values = np.asarray(values, np.float64).ravel()
    low, high = float(values.min()), float(values.max())
    if high <= low:
        high = low + 1.0
    return np.histogram(values, HIST_BINS, (low, high))[0], (low, high)


def _log_histogram(values: np.ndarray) -> tuple[np.ndarray, float]:
    size = np.abs(np.asarray(values, np.float64)).ravel()
    nonzero = size[size > 0]
    logs = np.clip(np.log10(nonzero), GRAD_EDGES[0], GRAD_EDGES[-1])
    return np.histogram(logs, GRAD_EDGES)[0], 1.0 - len(nonzero) / max(len(size), 1)


def run_name(config: TrainConfig, defaults: TrainConfig = DEFAULTS["lenet5"]) -> str:
    """What differs from the default run, in a few words ("sigmoid · no BN · lr 0.1")."""
    words = {
        "activation": lambda v: v.replace("_", " "),
        "batchnorm": lambda v: "BN" if v else "no BN",
        "dropout": lambda v: f"dropout {v:g}" if v else "no dropout",
        "pool": lambda v: f"{v} pool",
        "init": lambda v: f"init {v}",
        "optimizer": lambda v: v,
        "lr": lambda v: f"lr {v:g}",
        "schedule": lambda v: f"{v} lr",
        "batch_size": lambda v: f"batch {v}",
        "epochs": lambda v: f"{v} epoch{'s' * (v != 1)}",
        "train_size": lambda v: "all images" if v is None else f"{v:,} images",
        "seed": lambda v: f"seed {v}",
    }
    parts = [say(getattr(config, name)) for name, say in words.items()
             if getattr(config, name) != getattr(defaults, name)]
    return " · ".join(parts) or "default"


def list_runs(root) -> tuple[list[tuple[Path, RunRecord]], list[str]]:
    """Every readable run in the folders under ``root``, and one line per folder skipped."""
    root = Path(root)
    runs, problems = [], []
    if not root.is_dir():
        return runs, problems
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        try:
            runs.append((folder, RunRecord.load(folder)))
        except (RunFileError, OSError) as err:
            problems.append(f"{folder.name}: {err}")
    return runs, problems


def curves_csv(records) -> str:
    """The curves of ``records`` as one CSV table: a row per batch (run, batch, epoch, loss),
    with the epoch's figures on the row of its last batch."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["run", "batch", "epoch", "loss", "train_loss", "train_accuracy",
                     "test_loss", "test_accuracy", "epoch_seconds"])
    for record in records:
        ends = {e.batches: e for e in record.epochs}
        epoch = 1
        for batch, loss in enumerate(record.batch_losses, start=1):
            e = ends.get(batch)
            figures = (e.train_loss, e.train_accuracy, e.test_loss, e.test_accuracy,
                       e.seconds) if e else (None,) * 5
            writer.writerow([record.name, batch, epoch, repr(loss), *map(_cell, figures)])
            epoch += e is not None
    return out.getvalue()


def rename_run(folder, name: str) -> None:
    """Give the run saved in ``folder`` a new name (RunFileError if it is not a run)."""
    folder = Path(folder)
    document = _read_json(folder / "run.json", folder)
    document["name"] = str(name)
    with atomic_file(folder / "run.json") as f:
        f.write(json.dumps(document).encode())


def delete_run(folder) -> None:
    """Remove a run folder; RunFileError, touching nothing, unless it holds a run and nothing
    but a run's files."""
    folder = Path(folder)
    _read_json(folder / "run.json", folder)
    others = {p.name for p in folder.iterdir()} - {"run.json", "snapshots.npz"}
    if others:
        raise RunFileError(f"{folder}: holds other files too ({', '.join(sorted(others))}); "
                           "left as it is")
    shutil.rmtree(folder)


def _cell(value) -> str:
    return "" if value is None else repr(value)


def _number(value) -> float | None:
    return None if value is None else float(value)


def _read_json(path: Path, folder: Path) -> dict:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise RunFileError(f"{folder}: no run.json (not a run folder, or an unfinished one)") \
            from None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_JSON_BYTES:
        raise RunFileError(f"{folder}: run.json is not a plain file of a sensible size")
    try:
        document = json.loads(path.read_bytes().decode())
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise RunFileError(f"{folder}: run.json is not readable JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise RunFileError(f"{folder}: not a CNN Studio run")
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise RunFileError(f"{folder}: made by a newer CNN Studio (run format {version!r}; "
                           f"this one reads {VERSION})")
    return document
