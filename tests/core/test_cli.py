"""`python main.py train`, run as a user would: in a subprocess."""

import os
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


def one_error_line(result) -> str:
    errors = [line for line in result.stderr.splitlines()
              if line.strip() and not line.startswith("QT-MODULES")]
    assert "Traceback" not in result.stderr, result.stderr
    assert len(errors) == 1, result.stderr
    return errors[0]


def _idx_folder(folder, n_train=64, n_test=32, labels=None):
    rng = np.random.default_rng(0)
    for split, n in (("train", n_train), ("test", n_test)):
        images, label_file = SPLIT_FILES[split]
        write_idx(folder / (images + ".gz"), rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        values = labels(n) if labels is not None else rng.integers(0, 10, n, dtype=np.uint8)
        write_idx(folder / (label_file + ".gz"), values)
    return folder


@pytest.mark.parametrize("args, text", [
    (["--seed", "-1"], "seed must be between 0"),
    (["--batch-size", "1000000"], "batch size must be ≤ 4,096"),
    (["--train-size", "1"], "BatchNorm needs at least 2 images per batch"),
    (["--batch-size", "1", "--epochs", "1"], "BatchNorm needs at least 2 images per batch"),
])
def test_settings_that_cannot_train_are_refused_in_one_line(args, text):
    result = train(*args)
    assert result.returncode == 2 and text in one_error_line(result)


def test_a_last_batch_of_one_is_left_out_under_batchnorm():
    result = train("--batch-size", "199", "--train-size", "200", "--epochs", "1")
    assert result.returncode == 0, result.stderr
    assert "epoch   1/1" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("case, text", [
    ("no training images", "the training files hold no images"),
    ("no test images", "the test files hold no images"),
    ("negative labels", "labels must be classes 0–9"),
    ("float labels", "labels must be whole class numbers"),
])
def test_data_folders_that_cannot_be_trained_on(tmp_path, case, text):
    if case == "no training images":
        _idx_folder(tmp_path, n_train=0)
    elif case == "no test images":
        _idx_folder(tmp_path, n_test=0)
    elif case == "negative labels":
        _idx_folder(tmp_path, labels=lambda n: np.full(n, -1, np.int8))
    else:
        _idx_folder(tmp_path, labels=lambda n: np.linspace(0, 8.1, n).astype(np.float32))
    result = train("--data", str(tmp_path), "--epochs", "1")
    assert result.returncode != 0 and text in one_error_line(result)


def test_output_closed_early_is_one_line_not_a_traceback():
    process = subprocess.Popen([sys.executable, "main.py", "train", "--model", "shallow"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    process.stdout.readline()  # like `| head -1`
    process.stdout.close()
    stderr = process.communicate(timeout=300)[1]
    assert process.returncode != 0 and "Traceback" not in stderr
    assert "broken pipe" in stderr


def test_ctrl_c_while_starting_is_one_line():
    import signal
    process = subprocess.Popen([sys.executable, "main.py", "train"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    import time
    time.sleep(0.3)  # still importing numpy or loading the data
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "interrupted"


@pytest.mark.parametrize("args, env, text, code", [
    (["trian"], {}, "unknown command 'trian' (did you mean 'train'?)", 2),
    ([], {"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None},
     "no display to open a window on", 1),
    (["--lang", "fr"], {}, "--lang takes en or ko, not 'fr'", 2),
    (["--lang"], {}, "--lang takes en or ko, not ''", 2),
])
def test_the_launcher_explains_instead_of_aborting(args, env, text, code):
    environment = {k: v for k, v in os.environ.items() if k not in env or env[k] is not None}
    result = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == code and text in one_error_line(result)


def test_the_language_is_taken_out_of_the_window_arguments():
    from gui.launcher import parse

    assert parse(["--lang", "ko", "-style", "fusion"]) == (None, ["-style", "fusion"], "ko")
    assert parse(["--lang=en"]) == (None, [], "en")
    assert parse([]) == (None, [], None)
