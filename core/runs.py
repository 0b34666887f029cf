"""A training run's record: its settings, its curves and, per epoch, what the network looked like
— saved to a run folder and read back safely (Qt-free; issue 12's core).

One record per run lives in the thread that shows it and is filled from the items the training
thread sends (``RunRecord.record``): the trainer's events, and the ``Snapshots`` that a
``Snapshotter`` takes there, the only work that needs the live model.

A run folder holds three files, each written in full before any is put in place, nothing pickled:

- ``run.json``: format and version, settings, name, every epoch's figures, how the run ended, and
  how many batches, gradient-norm points and snapshots the arrays hold. Small (2 KB for a 2-epoch
  run; no per-batch series), so that listing thousands of runs at start-up reads little.
- ``curves.npz``: the long per-batch series — every batch's loss (``batch_losses``) and each
  parameter's gradient norm (``grad_norm.<parameter>``) at the batches ``grad_steps``.
- ``snapshots.npz``: before training and after each epoch, the first two convolutions' kernels,
  every stage's output for the probe image, the distributions of each weighted layer's output
  and gradient over HIST_SAMPLE training images, the confusion matrix. Each name's arrays are
  stacked over the snapshots that have it (``<name>``, and their indices in ``<name>.at``), so a
  200-epoch run is about 50 entries, not 5,000.

The curves and the snapshots are apart because the views need them apart: the curves (30 KB for
2 epochs of 704 batches) for the overlay and the CSV, the snapshots (100 KB an epoch) only to
rewind or show distributions; and a damaged snapshot file still leaves the curves.

Reading is lazy and checked: ``load`` and ``list_runs`` read only ``run.json`` and check every
field; the arrays are read, and checked against what ``run.json`` says, when a view first asks
for them — a damaged file then gives empty arrays and the reason in ``record.problem``, not an
exception. No count taken from a file decides an allocation. Version 1 folders (every batch's
loss inside ``run.json``, snapshot entries ``e<i>.<name>``) are still read.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import os
import re
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import modelfile
from .fileio import atomic_file
from .inside import look_inside
from .layers import Conv2d
from .losses import CrossEntropyLoss
from .model import eval_mode, weighted_layer_names
from .train import DEFAULTS, EpochEvent, FinishedEvent, StepEvent, TrainConfig
from .zoo import ACTIVATIONS

FORMAT = "cnn-studio-run"
VERSION = 2
RUN_FILES = ("snapshots.npz", "curves.npz", "run.json")  # run.json last: it completes a run
OUTCOMES = ("completed", "stopped", "diverged")  # FinishedEvent.reason; "" while running
MAX_JSON_BYTES = 16 << 20      # version 1 keeps every batch's loss in it
MAX_SNAPSHOT_BYTES = 64 << 20  # a 200-epoch LeNet-5 run holds about 20 MB
MAX_CURVES_BYTES = 256 << 20
MAX_NAME_CHARS = 1000
SNAPSHOT_DTYPES = (np.float32, np.float64, np.int64)
HIST_SAMPLE = 128                            # training images whose distributions are recorded
HIST_BINS = 40
GRAD_EDGES = np.linspace(-8.0, 0.0, HIST_BINS + 1)  # log10 |gradient|, 0.2 decades a bin
GRAD_NORM_EVERY = 10  # batches between two points of the gradient-norm series (and epoch ends)


class RunFileError(ValueError):
    """A run folder that cannot be used; the message names the folder and the reason."""


@dataclass
class EpochRecord:
    epoch: int
    train_loss: float
    train_accuracy: float | None   # None: not measured (regression), or not finite
    test_loss: float | None        # None: no test set, or the weights had blown up
    test_accuracy: float | None
    seconds: float
    grad_norms: dict = field(default_factory=dict)  # parameter -> ‖grad‖ at the epoch's end
    #                                                 (None where it was not finite)
    batches: int = 0                                # batches trained by the epoch's end


@dataclass(frozen=True)
class Snapshots:
    """Snapshots taken in the training thread, on their way to the record: ``{name: array}``
    each, the arrays copies that nothing else holds."""

    shots: tuple[dict, ...]


class Snapshotter:
    """Takes a run's snapshots: made in the GUI thread before training, used in the training
    thread (only there is the live model safe to read).

    It copies ``model`` when made — where the run starts — and takes that starting snapshot with
    the first epoch's, so that the first batch never waits for it. Snapshots follow the
    ``probe`` input (1, C, H, W) through every stage, and record the distributions over
    ``sample`` (inputs, class indices); either may be None.
    """

    def __init__(self, model, probe: np.ndarray | None = None, sample: tuple | None = None):
        self.probe, self.sample = probe, sample
        self._start = model.clone()  # the run's start, until the first take

    @classmethod
    def for_trainer(cls, trainer, probe: int = 0) -> Snapshotter:
        """For ``trainer``'s run: test image ``probe`` is the probe, the first HIST_SAMPLE
        training images the sample."""
        test, train = trainer.test, trainer.train
        probe_x = test.prepare(test.x[probe:probe + 1]) \
            if test is not None and len(test.x) > probe else None
        sample = (train.prepare(train.x[:HIST_SAMPLE]), train.y[:HIST_SAMPLE]) \
            if train.classification else None
        return cls(trainer.model, probe_x, sample)

    def take(self, model, confusion: np.ndarray | None = None) -> Snapshots:
        """The snapshot of ``model`` as it is now (after an epoch; ``confusion`` its test
        confusion matrix), preceded the first time by the starting one."""
        shots = []
        if self._start is not None:
            shots.append(snapshot(self._start, self.probe, None, self.sample))
            self._start = None
        shots.append(snapshot(model, self.probe, confusion, self.sample))
        return Snapshots(tuple(shots))

    def __repr__(self) -> str:
        sample = "none" if self.sample is None else f"{len(self.sample[1])} images"
        return f"Snapshotter(probe={self.probe is not None}, sample={sample})"


def with_snapshots(trainer, snapshotter: Snapshotter) -> Iterator:
    """Every event of ``trainer.run()``, each EpochEvent followed by the Snapshots of the model
    as that epoch left it: the items a RunRecord records, made in the thread that trains. The
    snapshot is taken when the next item is asked for, so the epoch's event reaches its
    consumer first."""
    for event in trainer.run():
        yield event
        if isinstance(event, EpochEvent):
            yield snapshotter.take(trainer.model, event.confusion)


class _Layout(NamedTuple):
    """What run.json says its arrays hold: their format and sizes, checked when they are read."""

    version: int
    batches: int
    grad_points: int
    snapshots: int


@dataclass(eq=False)
class RunRecord:
    """One run: its settings, name, per-epoch figures and outcome, and — read from its folder
    only when first asked for — its per-batch curves and snapshots.

    Filled from the run's items with ``record(item)``, or read back with ``load``. The arrays
    (``batch_losses``, ``grad_steps``, ``grad_norms``, ``snapshots``) are properties: a record
    read from a folder reads them on first access; if that fails they stay empty and
    ``problem`` says why. Records compare by identity.
    """

    config: dict                                  # TrainConfig fields
    name: str = ""
    epochs: list = field(default_factory=list)    # EpochRecord per epoch
    outcome: str = ""        # one of OUTCOMES; "" while running and for version 1 files
    folder: Path | None = None  # where it was read from (None: recorded in this session)
    problem: str = ""        # why its arrays could not be read ("": they could, or not yet)
    _batch_losses: list = field(default_factory=list, repr=False)
    _grad_steps: list = field(default_factory=list, repr=False)
    _grad_norms: dict = field(default_factory=dict, repr=False)
    _snapshots: list = field(default_factory=list, repr=False)
    _unread: tuple = field(default=(), repr=False)      # files of ``folder`` not read yet
    _layout: _Layout | None = field(default=None, repr=False)
    _norms: tuple = field(default=(), repr=False)       # the last batch's gradient norms

    @classmethod
    def start(cls, config: TrainConfig) -> RunRecord:
        """An empty record for a run with ``config``, named by what differs from the
        default."""
        return cls(dataclasses.asdict(config), run_name(config))

    # ------------------------------------------------------------------ the arrays

    @property
    def batch_losses(self) -> list[float]:
        """The loss of every batch."""
        self._read(self._curves_file)
        return self._batch_losses

    @property
    def grad_steps(self) -> list[int]:
        """The batches (1-based, counted over the run) at which the gradient norms were
        taken: every GRAD_NORM_EVERY-th and the last of each epoch."""
        self._read(self._curves_file)
        return self._grad_steps

    @property
    def grad_norms(self) -> dict[str, list[float]]:
        """Parameter name (as the model names it, "0.weight") -> ‖grad‖ at each of
        ``grad_steps`` (inf or NaN where the gradient overflowed)."""
        self._read(self._curves_file)
        return self._grad_norms

    @property
    def snapshots(self) -> list[dict]:
        """At the start, then after each epoch: {name: array}."""
        self._read("snapshots.npz")
        return self._snapshots

    @property
    def _curves_file(self) -> str:
        return "run.json" if self._layout is not None and self._layout.version == 1 \
            else "curves.npz"

    @property
    def stopped(self) -> bool:
        """Whether the run was stopped before its last epoch (rather than completed or
        diverged)."""
        return self.outcome == "stopped"

    def _read(self, name: str) -> None:
        if name not in self._unread:
            return
        # Replaced, never changed in place: a dataclasses.replace copy shares these objects.
        self._unread = tuple(n for n in self._unread if n != name)
        path = self.folder / name
        try:
            if name == "snapshots.npz":
                self._snapshots = _read_snapshots(path, self._layout)
            elif name == "curves.npz":
                self._batch_losses, self._grad_steps, self._grad_norms = \
                    _read_curves(path, self._layout)
            else:  # version 1's losses, read again rather than held since the listing
                self._batch_losses = _read_version_1_losses(self.folder, self._layout)
        except Exception as err:  # a view asking gets empty arrays and the reason, not an error
            reason = str(err) if isinstance(err, RunFileError) \
                else f"{path}: {type(err).__name__}: {err}"
            self.problem = f"{self.problem}; {reason}" if self.problem else reason

    # ------------------------------------------------------------------ recording

    def record(self, item) -> None:
        """Take in one item of the run, in the order they come: a StepEvent (its loss; its
        gradient norms every GRAD_NORM_EVERY batches and at each epoch's last), an EpochEvent
        (the epoch's figures), Snapshots, a FinishedEvent (the outcome). Other items are
        ignored, so a consumer can pass on everything it gets."""
        if isinstance(item, StepEvent):
            self.batch_losses.append(float(item.loss))
            self._norms = item.grad_norms
            if item.global_step % GRAD_NORM_EVERY == 0 or item.step == item.steps:
                self.grad_steps.append(item.global_step)
                norms = self.grad_norms
                for name, norm in item.grad_norms:
                    norms.setdefault(name, []).append(float(norm))
        elif isinstance(item, EpochEvent):
            self.epochs.append(EpochRecord(
                item.epoch, float(item.train_loss), _figure(item.train_accuracy),
                _figure(item.test_loss), _figure(item.test_accuracy), float(item.seconds),
                {name: _figure(value) for name, value in self._norms},
                len(self.batch_losses)))
        elif isinstance(item, Snapshots):
            self.snapshots.extend(item.shots)
        elif isinstance(item, FinishedEvent):
            self.outcome = item.reason

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
        """About the memory the record holds now (arrays not read yet count nothing)."""
        arrays = sum(a.nbytes for shot in self._snapshots for a in shot.values())
        series = len(self._batch_losses) + len(self._grad_steps) * (1 + len(self._grad_norms))
        return arrays + 8 * series + 200 * len(self.epochs)

    def __repr__(self) -> str:
        return (f"RunRecord({self.name!r}, {len(self.epochs)} epoch"
                f"{'s' * (len(self.epochs) != 1)}, outcome={self.outcome!r})")

    # ------------------------------------------------------------------ files

    def save(self, folder) -> Path:
        """Write the run to ``folder`` (made if needed); returns it.

        The three files are written under temporary names and put in place only once all are
        on disk, run.json last. On any failure (disk full, no permission) the error is raised
        and nothing is left behind: a folder this save made is removed again, and a run
        already in ``folder`` keeps its old files. ValueError if the name is too long to be
        read back, RunFileError for a record whose own arrays could not be read.
        """
        folder = Path(folder)
        if len(self.name) > MAX_NAME_CHARS:
            raise ValueError(f"a run name of {len(self.name):,} characters is too long (at "
                             f"most {MAX_NAME_CHARS:,})")
        losses, steps, norms, shots = (self.batch_losses, self.grad_steps, self.grad_norms,
                                       self.snapshots)
        if self.problem:  # its arrays read as empty: saved so, it could not be read back
            raise RunFileError(f"{self.folder}: cannot be saved elsewhere, its arrays could not "
                               f"be read ({self.problem})")
        document = {"format": FORMAT, "version": VERSION, "name": self.name,
                    "config": self.config, "epochs": [dataclasses.asdict(e) for e in self.epochs],
                    "outcome": self.outcome, "batches": len(losses), "grad_points": len(steps),
                    "snapshots": len(shots)}
        writers = {
            "curves.npz": lambda f: np.savez(
                f, batch_losses=np.asarray(losses, np.float64),
                grad_steps=np.asarray(steps, np.int64),
                **{f"grad_norm.{name}": np.asarray(values, np.float64)
                   for name, values in norms.items()}),
            "snapshots.npz": lambda f: np.savez(f, **_stacked(shots)),
            # Standard JSON: figures that were not finite are None already (record()).
            "run.json": lambda f: f.write(json.dumps(document, allow_nan=False).encode()),
        }
        made = _make_folders(folder)
        staged, placed = [], []
        try:
            for name in RUN_FILES:
                stage = folder / f".{name}.new"
                with atomic_file(stage) as f:
                    writers[name](f)
                staged.append((stage, folder / name))
            for stage, final in staged:
                os.replace(stage, final)
                placed.append(final)
        except BaseException:
            for stage, _ in staged:
                stage.unlink(missing_ok=True)
            if made:  # only files of a folder this save made are ours to remove
                for final in placed:
                    final.unlink(missing_ok=True)
                _remove_folders(made)
            raise
        return folder

    @classmethod
    def load(cls, folder) -> RunRecord:
        """The run saved in ``folder``, from its run.json alone (RunFileError saying why it
        cannot be used); the arrays are read when first asked for."""
        folder = Path(folder)
        document = _read_json(folder / "run.json", folder)
        where = f"{folder}: run.json:"
        version = document["version"]
        config = _config(_get(document, "config", where), where)
        name = _get(document, "name", where)
        if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
            raise RunFileError(f"{where} name is {_shown(name)}, expected a text of at most "
                               f"{MAX_NAME_CHARS:,} characters")
        if version == 1:  # every batch's loss in run.json; no norm series, no outcome
            batches = len(_batch_losses(_get(document, "batch_losses", where), where))
            grad_points, outcome, archives = 0, "", ("snapshots.npz",)
        else:
            batches = _count(document, "batches", where)
            grad_points = _count(document, "grad_points", where, most=batches)
            outcome = _get(document, "outcome", where)
            if outcome not in ("", *OUTCOMES):
                raise RunFileError(f"{where} outcome is {_shown(outcome)}, expected one of "
                                   f"{', '.join(OUTCOMES)} or \"\"")
            archives = ("curves.npz", "snapshots.npz")
        epochs = _epochs(_get(document, "epochs", where), where, batches, version)
        layout = _Layout(version, batches, grad_points,
                         _count(document, "snapshots", where, most=len(epochs) + 1))
        for file in archives:  # there, and plain files: one stat each, nothing opened
            try:
                info = os.stat(folder / file)
            except FileNotFoundError:
                raise RunFileError(f"{folder}: {file} is missing") from None
            if not stat.S_ISREG(info.st_mode):
                raise RunFileError(f"{folder}: {file} is not a plain file")
        unread = archives if version > 1 else ("run.json", *archives)  # its losses, again
        return cls(config, name, epochs, outcome, folder, _unread=unread, _layout=layout)


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
        with np.errstate(over="ignore", invalid="ignore"):  # weights that blew up: shown so
            stages = look_inside(model, probe).stages
        for stage in stages:
            shot[f"stage{stage.index}"] = stage.output
    if sample is not None:
        shot.update(distributions(model, *sample))
    if confusion is not None:
        shot["confusion"] = np.array(confusion, np.int64)  # a copy: the event goes on too
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

    Values that are not finite (weights that blew up) are left out of the activations' counts.
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
    # eval mode; a blown-up network's snapshot is not an error
    with eval_mode(model), np.errstate(all="ignore"):
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
    values = values[np.isfinite(values)]  # np.histogram refuses a range that is not finite
    if not len(values):
        return np.zeros(HIST_BINS, np.int64), (0.0, 1.0)
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
    """Every readable run in the folders under ``root`` (from their run.json alone), and one
    line per folder skipped, naming it and the reason. Never fails as a whole."""
    root = Path(root)
    runs, problems = [], []
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    except OSError as err:
        return runs, [f"{root}: the runs' folder cannot be read ({err})"]
    for folder in folders:
        try:
            runs.append((folder, RunRecord.load(folder)))
        except RunFileError as err:
            problems.append(f"{folder.name}: {err}")
        except Exception as err:  # one bad folder never hides the others
            problems.append(f"{folder.name}: {folder}: could not be read "
                            f"({type(err).__name__}: {err})")
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
    """Give the run saved in ``folder`` a new name (RunFileError if it is not a run,
    ValueError if the name is too long)."""
    folder = Path(folder)
    name = str(name)
    if len(name) > MAX_NAME_CHARS:
        raise ValueError(f"a run name of {len(name):,} characters is too long (at most "
                         f"{MAX_NAME_CHARS:,})")
    document = _read_json(folder / "run.json", folder)
    document["name"] = name
    with atomic_file(folder / "run.json") as f:
        f.write(json.dumps(document).encode())


# A save's own leftovers after the process was killed: staged files, atomic_file's part files
_LEFTOVER = re.compile(r"^\.(run\.json|curves\.npz|snapshots\.npz)\.new$|^\..*\.part$")


def delete_run(folder) -> None:
    """Remove a run folder; RunFileError, touching nothing, unless it holds a run and nothing
    but a run's files."""
    folder = Path(folder)
    _read_json(folder / "run.json", folder)
    others = {p.name for p in folder.iterdir()} - set(RUN_FILES)
    others = {name for name in others if not _LEFTOVER.match(name)}
    if others:
        raise RunFileError(f"{folder}: holds other files too ({', '.join(sorted(others))}); "
                           "left as it is")
    shutil.rmtree(folder)


def _cell(value) -> str:
    return "" if value is None else repr(value)


def _figure(value) -> float | None:
    """A measured figure, None where there is none or it is not finite (JSON has no NaN)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


# ---------------------------------------------------------------------- saving


def _stacked(shots: list[dict]) -> dict[str, np.ndarray]:
    """Each name's arrays stacked over the snapshots that have it, with their indices."""
    arrays = {}
    for name in dict.fromkeys(name for shot in shots for name in shot):
        at = [i for i, shot in enumerate(shots) if name in shot]
        arrays[name] = np.stack([shots[i][name] for i in at])
        arrays[f"{name}.at"] = np.array(at, np.int64)
    return arrays


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; the ones made, outermost first."""
    missing = []
    for path in (folder, *folder.parents):
        if path.is_dir():
            break
        missing.append(path)
    made = []
    try:
        for path in reversed(missing):
            path.mkdir()
            made.append(path)
    except BaseException:
        _remove_folders(made)
        raise
    return made


def _remove_folders(made: list[Path]) -> None:
    for path in reversed(made):
        try:
            path.rmdir()  # only if empty: never more than this save made
        except OSError:
            return


# ---------------------------------------------------------------------- reading run.json


def _read_json(path: Path, folder: Path) -> dict:
    """run.json's object, its format and version checked. A FIFO or a device under that name
    is refused without blocking: it is opened non-blocking and checked before any read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise RunFileError(f"{folder}: no run.json (not a run folder, or an unfinished one)") \
            from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe or a device"
            raise RunFileError(f"{folder}: run.json is {kind}, not a file")
        if info.st_size > MAX_JSON_BYTES:
            raise RunFileError(f"{folder}: run.json has {info.st_size:,} bytes, more than the "
                               f"{MAX_JSON_BYTES:,} a run's can have")
        f = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with f:
        data = f.read(info.st_size + 1)  # the size it has: read(n) allocates n at once
    if len(data) > MAX_JSON_BYTES:
        raise RunFileError(f"{folder}: run.json has more than {MAX_JSON_BYTES:,} bytes")
    try:
        document = json.loads(data.decode())
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise RunFileError(f"{folder}: run.json is not readable JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise RunFileError(f"{folder}: not a CNN Studio run")
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise RunFileError(f"{folder}: run.json: version is {_shown(version)}, expected a "
                           "whole number ≥ 1")
    if version > VERSION:
        raise RunFileError(f"{folder}: made by a newer CNN Studio (run format {version!r}; "
                           f"this one reads {VERSION})")
    return document


def _shown(value) -> str:
    """A value as a message quotes it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _get(document: dict, key: str, where: str):
    if key not in document:
        raise RunFileError(f"{where} {key} is missing")
    return document[key]


def _is_number(value) -> bool:
    return type(value) in (int, float)  # not bool, not a string that looks like a number


def _count(document: dict, key: str, where: str, most: int | None = None) -> int:
    value = _get(document, key, where)
    if type(value) is not int or value < 0 or (most is not None and value > most):
        limit = "" if most is None else f" and at most {most:,}"
        raise RunFileError(f"{where} {key} is {_shown(value)}, expected a whole number ≥ 0"
                           f"{limit}")
    return value


# TrainConfig's field types, as its annotations spell them, -> the JSON values that fit
_CONFIG_TYPES = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,),
                 "int | None": (int, type(None))}


def _config(value, where: str) -> dict:
    """The TrainConfig fields of ``value``, checked by type and then by TrainConfig itself;
    keys this version does not know (another version's) are left out."""
    if not isinstance(value, dict):
        raise RunFileError(f"{where} config is {_shown(value)}, expected an object")
    config = {}
    for f in dataclasses.fields(TrainConfig):
        if f.name not in value:
            raise RunFileError(f"{where} config.{f.name} is missing")
        item = value[f.name]
        types = _CONFIG_TYPES.get(str(f.type))
        wrong = types is not None and (type(item) not in types or (
            isinstance(item, float) and not math.isfinite(item)))
        if wrong:
            raise RunFileError(f"{where} config.{f.name} is {_shown(item)}, expected "
                               f"{str(f.type).replace(' | None', ' or null')}")
        config[f.name] = item
    try:
        TrainConfig(**config)
    except (ValueError, TypeError) as err:
        raise RunFileError(f"{where} config: {err}") from None
    return config


def _batch_losses(value, where: str) -> list[float]:
    if not isinstance(value, list):
        raise RunFileError(f"{where} batch_losses is {_shown(value)}, expected a list")
    for i, loss in enumerate(value):
        if not _is_number(loss) or not math.isfinite(loss):
            raise RunFileError(f"{where} batch_losses[{i}] is {_shown(loss)}, expected a "
                               "finite number")
    return [float(loss) for loss in value]


_EPOCH_FIELDS = tuple(f.name for f in dataclasses.fields(EpochRecord))


def _epochs(value, where: str, batches: int, version: int) -> list[EpochRecord]:
    """Every epoch's figures: exactly EpochRecord's fields, epochs ≥ 1 in increasing order,
    finite numbers (accuracies in [0, 1]; null where optional), batches non-decreasing and at
    most ``batches``. Version 1 wrote a test loss that blew up as NaN: its optional figures
    that are NaN or infinite read as None, as version 2 records them."""
    unmeasured = version == 1
    if not isinstance(value, list):
        raise RunFileError(f"{where} epochs is {_shown(value)}, expected a list")
    epochs, last_epoch, last_batches = [], 0, 0
    for i, e in enumerate(value):
        at = f"{where} epochs[{i}]"
        if not isinstance(e, dict) or set(e) != set(_EPOCH_FIELDS):
            raise RunFileError(f"{at} is {_shown(e)}, expected an object with exactly the "
                               f"fields {', '.join(_EPOCH_FIELDS)}")
        epoch, count = e["epoch"], e["batches"]
        if type(epoch) is not int or epoch <= last_epoch:
            raise RunFileError(f"{at}.epoch is {_shown(epoch)}, expected a whole number "
                               f"greater than {last_epoch}")
        if type(count) is not int or not last_batches <= count <= batches:
            raise RunFileError(f"{at}.batches is {_shown(count)}, expected a whole number "
                               f"from {last_batches} to {batches} (the batches recorded)")
        figures = {name: _checked(e[name], f"{at}.{name}", optional, high, None, unmeasured)
                   for name, optional, high in (
                       ("train_loss", False, None), ("train_accuracy", True, 1.0),
                       ("test_loss", True, None), ("test_accuracy", True, 1.0),
                       ("seconds", False, None))}
        if figures["seconds"] < 0:
            raise RunFileError(f"{at}.seconds is {_shown(e['seconds'])}, expected ≥ 0")
        norms = e["grad_norms"]
        if not isinstance(norms, dict):
            raise RunFileError(f"{at}.grad_norms is {_shown(norms)}, expected an object")
        norms = {name: _checked(norm, f"{at}.grad_norms[{_shown(name)}]", True, None, 0.0,
                                unmeasured) for name, norm in norms.items()}
        epochs.append(EpochRecord(epoch=epoch, grad_norms=norms, batches=count, **figures))
        last_epoch, last_batches = epoch, count
    return epochs


def _checked(value, at: str, optional: bool, high: float | None, low: float | None = None,
             unmeasured: bool = False) -> float | None:
    """``value`` as a finite number in [low, high]; None for null where ``optional``, and
    for NaN or ±inf too where ``unmeasured`` says they mean 'not measurable'."""
    if optional and (value is None or unmeasured and type(value) is float
                     and not math.isfinite(value)):
        return None
    if high is not None:
        low = 0.0
    if not _is_number(value) or not math.isfinite(value) or (low is not None and value < low) \
            or (high is not None and value > high):
        span = "" if low is None else f" in [{low:g}, {high:g}]" if high is not None \
            else f" ≥ {low:g}"
        raise RunFileError(f"{at} is {_shown(value)}, expected a finite number{span}"
                           f"{' or null' * optional}")
    return float(value)


# ---------------------------------------------------------------------- reading the arrays


def _read_arrays(path: Path, max_bytes: int) -> dict[str, np.ndarray]:
    """A plain .npz, checked as model files are (sizes before reading, no pickle)."""
    return modelfile.read_arrays(path, max_bytes, SNAPSHOT_DTYPES, RunFileError)


def _read_curves(path: Path, layout: _Layout) -> tuple[list, list, dict]:
    """(batch losses, gradient-norm steps, norms per parameter) of a version 2 curves.npz,
    checked against run.json's counts."""
    arrays = _read_arrays(path, MAX_CURVES_BYTES)
    losses = _series(arrays.pop("batch_losses", None), "batch_losses", "f", layout.batches,
                     path, "the batches")
    steps = _series(arrays.pop("grad_steps", None), "grad_steps", "i", layout.grad_points,
                    path, "the gradient-norm points")
    if not np.all(np.diff(steps) > 0) or (len(steps) and not 1 <= steps[0] <= steps[-1]
                                          <= layout.batches):
        raise RunFileError(f"{path}: grad_steps are not increasing batch numbers from 1 to "
                           f"{layout.batches}")
    if not np.all(np.isfinite(losses)):
        raise RunFileError(f"{path}: batch_losses hold NaN or infinite values")
    norms = {}
    for key, values in arrays.items():
        name = key[len("grad_norm."):]
        if not key.startswith("grad_norm.") or not 0 < len(name) <= 200:
            raise RunFileError(f"{path}: unknown entry {_shown(key)}")
        values = _series(values, key, "f", layout.grad_points, path, "the gradient-norm points")
        if np.any(values < 0):
            raise RunFileError(f"{path}: {key} holds negative norms")
        norms[name] = values.tolist()
    return losses.tolist(), steps.tolist(), norms


def _read_version_1_losses(folder: Path, layout: _Layout) -> list[float]:
    where = f"{folder}: run.json:"
    losses = _batch_losses(_get(_read_json(folder / "run.json", folder), "batch_losses", where),
                           where)
    if len(losses) != layout.batches:
        raise RunFileError(f"{where} changed since it was listed ({len(losses):,} batch losses, "
                           f"then {layout.batches:,})")
    return losses


def _series(values, name: str, kind: str, length: int, path: Path, what: str) -> np.ndarray:
    if values is None:
        raise RunFileError(f"{path}: {name} is missing")
    if values.dtype.kind != kind or values.shape != (length,):
        raise RunFileError(f"{path}: {name} is {values.dtype} {values.shape}, expected "
                           f"{'floats' if kind == 'f' else 'whole numbers'} ({length},): "
                           f"{what} run.json counts")
    return values


_SNAPSHOT_INDEX = re.compile(r"e(0|[1-9][0-9]{0,8})\.(.+)")  # version 1: e<snapshot>.<name>


def _read_snapshots(path: Path, layout: _Layout) -> list[dict]:
    """The snapshots in ``path``, exactly the ``layout.snapshots`` run.json counts, each
    checked by ``_check_shot``."""
    arrays = _read_arrays(path, MAX_SNAPSHOT_BYTES)
    count = layout.snapshots
    shots: dict[int, dict] = {}

    def put(index: int, name: str, array: np.ndarray, key: str) -> None:
        if index >= count:
            raise RunFileError(f"{path}: {_shown(key)} is for snapshot {index}, but run.json "
                               f"counts {count}")
        shots.setdefault(index, {})[name] = array

    if layout.version == 1:
        for key, array in arrays.items():
            match = _SNAPSHOT_INDEX.fullmatch(key)
            if match is None:
                raise RunFileError(f"{path}: unknown entry {_shown(key)}")
            put(int(match[1]), match[2], array, key)
    else:
        names = {key for key in arrays if not key.endswith(".at")}
        unpaired = sorted(names ^ {key[:-3] for key in arrays if key.endswith(".at")})
        if unpaired:
            raise RunFileError(f"{path}: {_shown(unpaired[0])} and {_shown(unpaired[0] + '.at')}"
                               " must come together")
        for name in sorted(names):
            stacked, at = arrays[name], arrays[f"{name}.at"]
            if at.dtype.kind != "i" or at.ndim != 1 or stacked.ndim < 1 \
                    or len(at) != len(stacked) or np.any(np.diff(at) <= 0) \
                    or (len(at) and at[0] < 0):
                raise RunFileError(f"{path}: {name}.at is not the increasing snapshot "
                                   f"numbers of the {len(stacked)} arrays in {name}")
            for j, index in enumerate(at.tolist()):
                put(index, name, stacked[j], name)
    missing = [i for i in range(count) if i not in shots]
    if missing:
        raise RunFileError(f"{path}: snapshot {missing[0]} of the {count} run.json counts is "
                           "missing")
    for index in range(count):
        _check_shot(shots[index], f"{path}: snapshot {index}")
    return [shots[index] for index in range(count)]


# name -> (kind of number, shape); None: any size, "L": the number of weighted layers (the
# same in every distribution array of a snapshot), "K": the number of classes
_SHAPES = {
    "kernel0": ("f", (None, None, None, None)),   # (OC, C, KH, KW)
    "kernel1": ("f", (None, None, None, None)),
    "confusion": ("i", ("K", "K")),
    "layers": ("i", ("L",)),
    "act_counts": ("i", ("L", HIST_BINS)),
    "grad_counts": ("i", ("L", HIST_BINS)),
    "act_range": ("f", ("L", 2)),
    "grad_zeros": ("f", ("L",)),
}
_STAGE = re.compile(r"stage(0|[1-9][0-9]{0,3})")  # (C, H, W) or (features,): rank 1 to 3


def _check_shot(shot: dict, where: str) -> None:
    """Known names only, shapes as ``_SHAPES`` says, floats finite, whole numbers ≥ 0
    (counts, positions, the confusion matrix) and zero fractions in [0, 1]."""
    sizes = {}
    for name, array in shot.items():
        if _STAGE.fullmatch(name):
            kind, shape = "f", None
        elif name in _SHAPES:
            kind, shape = _SHAPES[name]
        else:
            raise RunFileError(f"{where}: unknown array {_shown(name)}")
        if array.dtype.kind != kind:
            raise RunFileError(f"{where}: {name} holds {array.dtype}, expected "
                               f"{'floats' if kind == 'f' else 'whole numbers'}")
        sizes.pop("K", None)  # the classes: one matrix's own; "L" holds for the whole snapshot
        if not (1 <= array.ndim <= 3 if shape is None else _fits(shape, array.shape, sizes)):
            raise RunFileError(f"{where}: {name} has the shape {array.shape}, expected "
                               f"{_spelled(shape, sizes)}")
        if kind == "f" and not np.all(np.isfinite(array)):
            raise RunFileError(f"{where}: {name} holds NaN or infinite values")
        if kind == "i" and np.any(array < 0):
            raise RunFileError(f"{where}: {name} holds negative numbers")
        if name == "grad_zeros" and np.any(array > 1):
            raise RunFileError(f"{where}: grad_zeros holds fractions above 1")


def _fits(shape: tuple, actual: tuple, sizes: dict) -> bool:
    """Whether ``actual`` is ``shape``, binding its letters in ``sizes`` on first sight."""
    if len(actual) != len(shape):
        return False
    for want, size in zip(shape, actual):
        if isinstance(want, str):
            want = sizes.setdefault(want, size)
        if want is not None and size != want:
            return False
    return True


def _spelled(shape: tuple | None, sizes: dict) -> str:
    if shape is None:
        return "1 to 3 axes"
    return str(tuple("any" if s is None else sizes.get(s, s) for s in shape)).replace("'", "")
