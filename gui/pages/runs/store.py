"""The runs the learner can compare: this session's and the saved ones, each with its colour and
whether it is ticked. Every finished run is saved at once to its own folder under the user's data
directory; a folder that cannot be read is skipped with its reason. The saved runs are listed in
the background (only their small run.json each: the arrays are read when a view shows them)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal

from core.runs import RunRecord, delete_run, list_runs, rename_run
from gui.workers import WorkerRunner

# Distinct on white and to colour-blind eyes (Okabe–Ito, with black and two more)
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000",
           "#8c564b", "#7f7f7f", "#bcbd22")


def runs_folder() -> Path:
    """Where runs are saved: ``runs`` in the user's data directory for this app."""
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)) / "runs"


@dataclass(eq=False)
class Run:
    record: RunRecord
    folder: Path | None   # None: not saved (saving failed)
    colour: str
    ticked: bool = False


class RunStore(QObject):
    changed = Signal()       # runs added, removed, renamed or (un)ticked

    def __init__(self, root: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.root = Path(root) if root is not None else runs_folder()
        self.runs: list[Run] = []
        self.problems: list[str] = []  # folders skipped, one line each
        self.loader = WorkerRunner(self)

    @property
    def loading(self) -> bool:
        return self.loader.running

    def load(self) -> None:
        """List the saved runs in the background; they join the runs of this session (first,
        in the order of their folders) when read. Unreadable folders go to ``problems``."""
        root = self.root

        def job(context):
            yield list_runs(root)

        self.loader.cancel()
        self.loader.start(job, self._listed, on_finished=self.changed.emit)

    def load_now(self) -> None:
        """The same, waiting for it (for tests and tools that need the list at once)."""
        self._listed([list_runs(self.root)])

    def _listed(self, items: list) -> None:
        found, problems = items[-1]
        known = {run.folder for run in self.runs}
        saved = [Run(record, folder, "") for folder, record in found if folder not in known]
        self.runs = saved + self.runs
        for run in saved:
            run.colour = self.next_colour()
        self.problems = problems + self.problems
        self.changed.emit()

    def next_colour(self) -> str:
        """The first palette colour no run uses (cycling when all are)."""
        used = [run.colour for run in self.runs]
        return min(PALETTE, key=lambda c: (used.count(c), PALETTE.index(c)))

    def add(self, record: RunRecord, ticked: bool = True, colour: str | None = None) -> Run:
        """Keep a finished run and save it; a failed save is reported in ``problems`` (the run
        stays for this session)."""
        run = Run(record, None, colour or self.next_colour(), ticked)
        try:
            run.folder = record.save(self._new_folder(record.name))
        except (OSError, ValueError) as err:  # nothing of it is left on disk
            self.problems.append(f"{record.name}: could not be saved ({err})")
        self.runs.append(run)
        self.changed.emit()
        return run

    def ticked(self) -> list[Run]:
        return [run for run in self.runs if run.ticked]

    def tick(self, run: Run, ticked: bool) -> None:
        if run.ticked != ticked:
            run.ticked = ticked
            self.changed.emit()

    def tick_only(self, runs) -> None:
        keep = set(map(id, runs))
        for run in self.runs:
            run.ticked = id(run) in keep
        self.changed.emit()

    def rename(self, run: Run, name: str) -> None:
        """OSError or RunFileError if the saved copy cannot be renamed (nothing changes)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("a run needs a name")
        if run.folder is not None:
            rename_run(run.folder, name)
        run.record.name = name
        self.changed.emit()

    def delete(self, run: Run) -> None:
        """Forget the run and remove its folder (OSError or RunFileError: it stays)."""
        if run.folder is not None and run.folder.exists():
            delete_run(run.folder)
        self.runs.remove(run)
        self.changed.emit()

    def _new_folder(self, name: str) -> Path:
        stem = time.strftime("%Y%m%d-%H%M%S") + "-" + (re.sub(r"[^\w.-]+", "-", name)
                                                      .strip("-")[:40] or "run")
        folder, n = self.root / stem, 1
        while folder.exists():
            n += 1
            folder = self.root / f"{stem}-{n}"
        return folder
