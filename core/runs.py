"""A training run's record: its settings, its curves and, per epoch, what the network looked like
— saved to a run folder and read back safely (Qt-free; issue 12's core).

A run folder holds ``run.json`` (format, version, settings, name, the loss of every batch, the
figures of every epoch) and ``snapshots.npz`` (per epoch: the first two convolutions' kernels,
every stage's output for the probe image, the confusion matrix). Both are written atomically;
nothing is pickled. A folder that cannot be read is reported with the reason and skipped.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import modelfile
from .fileio import atomic_file
from .inside import look_inside
from .layers import Conv2d
from .train import DEFAULTS, EpochEvent, StepEvent, TrainConfig

FORMAT = "cnn-studio-run"
VERSION = 1
MAX_JSON_BYTES = 16 << 20
MAX_SNAPSHOT_BYTES = 64 << 20
SNAPSHOT_DTYPES = (np.float32, np.float64, np.int64)


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


@dataclass
class RunRecord:
    config: dict                                     # TrainConfig fields
    name: str = ""
    batch_losses: list = field(default_factory=list)
    epochs: list = field(default_factory=list)       # EpochRecord per epoch
    snapshots: list = field(default_factory=list)    # per epoch: {name: array}
    _norms: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def start(cls, config: TrainConfig) -> RunRecord:
        return cls(dataclasses.asdict(config), run_name(config))

    def record(self, event, model=None, probe: np.ndarray | None = None) -> None:
        """Take in one of the trainer's events; at an epoch's end, with the model and the
        probe input (1, C, H, W), also a snapshot of what the network looks like."""
        if isinstance(event, StepEvent):
            self.batch_losses.append(float(event.loss))
            self._norms = dict(event.grad_norms)
        elif isinstance(event, EpochEvent):
            self.epochs.append(EpochRecord(
                event.epoch, float(event.train_loss), _number(event.train_accuracy),
                _number(event.test_loss), _number(event.test_accuracy), float(event.seconds),
                {name: float(value) for name, value in self._norms.items()}))
            if model is not None:
                self.snapshots.append(snapshot(model, probe, event.confusion))

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


def snapshot(model, probe: np.ndarray | None, confusion: np.ndarray | None) -> dict:
    """Copies of what a lesson would rewind to: the first two convolutions' kernels, every
    stage's output for the probe input, and the confusion matrix."""
    shot = {}
    convolutions = [layer for layer in model if isinstance(layer, Conv2d)]
    for i, layer in enumerate(convolutions[:2]):
        shot[f"kernel{i}"] = layer.weight.data.copy()
    if probe is not None:
        for stage in look_inside(model, probe).stages:
            shot[f"stage{stage.index}"] = stage.output
    if confusion is not None:
        shot["confusion"] = np.asarray(confusion, np.int64)
    return shot


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
        "epochs": lambda v: f"{v} epochs",
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
