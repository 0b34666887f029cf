"""`python main.py train`, run as a user would: in a subprocess."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.data import SPLIT_FILES, write_idx
from core.model import Sequential

ROOT = Path(__file__).resolve().parents[2]

# Run main.py's train command, then prove Qt was never imported.
RUNNER = ("import sys, runpy; sys.argv = ['main.py'] + sys.argv[1:]\n"
          "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
          "finally:\n"
          "    qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]\n"
          "    print('QT-MODULES', qt, file=sys.stderr)\n")


def train(*args, timeout=600):
    return subprocess.run([sys.executable, "-c", RUNNER, "train", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_short_lenet_run_prints_epochs_and_final_accuracy(tmp_path):
    model_path = tmp_path / "lenet.npz"
    result = train("--epochs", "2", "--train-size", "500", "--batch-size", "50",
                   "--save", str(model_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("training lenet5 on bundled Fashion-MNIST, 500 training")
    epoch_lines = [line for line in lines if line.startswith("epoch")]
    assert len(epoch_lines) == 2 and "test accuracy" in epoch_lines[0]
    assert lines[-1].startswith("test accuracy: ") and lines[-1].endswith("%")
    accuracy = float(lines[-1].split()[-1].rstrip("%"))
    assert 30 < accuracy <= 100  # 500 images, 2 epochs: well above chance (10%)
    assert "QT-MODULES []" in result.stderr
    model = Sequential.load(model_path)
    assert model.metadata["normalizer"]["std"] > 0


def test_shallow_model_runs_the_lessons_setting():
    result = train("--model", "shallow")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert "100 epochs, batch 1, sgd lr 0.01" in lines[0]
    losses = [float(line.split("train loss")[1].split()[0]) for line in lines
              if line.startswith("epoch")]
    assert len(losses) == 100 and losses[-1] < losses[0]
    assert lines[-1].startswith("final loss: ")


def test_training_on_an_idx_folder(tmp_path):
    rng = np.random.default_rng(0)
    for split, n in (("train", 64), ("test", 32)):
        images, labels = SPLIT_FILES[split]
        write_idx(tmp_path / (images + ".gz"), rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(tmp_path / (labels + ".gz"), rng.integers(0, 10, n, dtype=np.uint8))
    result = train("--data", str(tmp_path), "--epochs", "1", "--batch-size", "32")
    assert result.returncode == 0, result.stderr
    assert "64 training / 32 test images" in result.stdout


@pytest.mark.parametrize("args, text, code", [
    (["--epochs", "0"], "argument --epochs: must be ≥ 1, got 0", 2),
    (["--epochs", "many"], "argument --epochs: invalid", 2),
    (["--lr", "-1"], "argument --lr: must be a positive number", 2),
    (["--optimizer", "rmsprop"], "argument --optimizer: invalid choice", 2),
    (["--bogus"], "unrecognized arguments: --bogus", 2),
    (["--data", "/nonexistent/folder"], "cannot read the data: /nonexistent/folder: not a folder",
     1),
])
def test_bad_arguments_give_one_line_and_no_traceback(args, text, code):
    result = train(*args)
    assert result.returncode == code
    errors = [line for line in result.stderr.splitlines() if not line.startswith("QT-MODULES")]
    assert len(errors) == 1 and text in errors[0], result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_data_folder(tmp_path):
    for split in ("train", "test"):
        for stem in SPLIT_FILES[split]:
            (tmp_path / (stem + ".gz")).write_bytes(b"definitely not gzip")
    result = train("--data", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot read the data:" in result.stderr and "train-images" in result.stderr


def test_unwritable_save_path(tmp_path):
    result = train("--model", "shallow", "--epochs", "1", "--save",
                   str(tmp_path / "missing" / "m.npz"))
    assert result.returncode == 1 and "cannot save the model" in result.stderr
    assert "Traceback" not in result.stderr
