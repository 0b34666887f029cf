"""Data: IDX files, the bundled Fashion-MNIST, the official files, batches, and user images.

IDX is the format of (Fashion-)MNIST: a 4-byte magic ``0 0 <type> <ndim>``, ``ndim`` big-endian
uint32 sizes, then the values, big-endian, row-major; often gzip-compressed (``.gz``).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.client
import math
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.error import URLError
from urllib.request import urlopen

import numpy as np

from .fileio import atomic_file

FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                   "Sneaker", "Bag", "Ankle boot")
DIGIT_CLASSES = tuple(str(d) for d in range(10))

SPLIT_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}

# IDX type code -> numpy dtype (big-endian, as stored)
IDX_TYPES = {0x08: np.dtype("u1"), 0x09: np.dtype("i1"), 0x0B: np.dtype(">i2"),
             0x0C: np.dtype(">i4"), 0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
_MAX_BYTES = 1 << 31  # 2 GiB: far above any (Fashion-)MNIST file, far below a hostile header
_CHUNK = 1 << 20


def _resources_dir() -> Path:
    """The bundled resources: beside the packages in a checkout, or installed with them."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    import cnn_studio_resources  # the same folder, installed by `pip install .`

    return Path(cnn_studio_resources.__file__).resolve().parent


def bundled_fashion_dir() -> Path:
    return _resources_dir() / "fashion_mnist"


# --------------------------------------------------------------------------- IDX


def _open(path: Path):
    with open(path, "rb") as f:
        gzipped = f.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else open(path, "rb")


def _gzip_size(path: Path) -> int | None:
    """The uncompressed size (mod 2³²) a gzip file records in its last 4 bytes."""
    with open(path, "rb") as f:
        if f.read(2) != b"\x1f\x8b":
            return None
        if path.stat().st_size < 18:  # smaller than an empty gzip member
            raise ValueError(f"{path}: truncated gzip file")
        f.seek(-4, os.SEEK_END)
        return struct.unpack("<I", f.read(4))[0]


def read_idx(path) -> np.ndarray:
    """Read a raw or gzipped IDX file into an array of native byte order.

    The header is validated (magic bytes, type code, number of dimensions) and the file's length
    checked against the sizes it claims *before* the data is read, so a corrupt header claiming
    billions of items fails at once. Raises OSError for a missing or unreadable file and
    ValueError, naming the file, for anything malformed.
    """
    path = Path(path)
    try:
        with _open(path) as f:
            header = f.read(4)
            if len(header) < 4:
                raise ValueError(f"{path}: too short for an IDX header ({len(header)} bytes)")
            zero1, zero2, code, ndim = header
            if zero1 or zero2:
                raise ValueError(f"{path}: not an IDX file (magic bytes {header.hex()})")
            if code not in IDX_TYPES:
                raise ValueError(f"{path}: unknown IDX type code 0x{code:02x}")
            if not 1 <= ndim <= 4:
                raise ValueError(f"{path}: unsupported number of dimensions {ndim}")
            raw_dims = f.read(4 * ndim)
            if len(raw_dims) < 4 * ndim:
                raise ValueError(f"{path}: header cut short in the dimensions")
            dims = struct.unpack(f">{ndim}I", raw_dims)
            dtype = IDX_TYPES[code]
            expected = math.prod(dims) * dtype.itemsize
            header_size = 4 + 4 * ndim
            if expected > _MAX_BYTES:
                raise ValueError(f"{path}: header claims {dims} = {expected:,} bytes of data, "
                                 "more than any plausible IDX file")
            stored = _gzip_size(path)
            if stored is None:
                stored = path.stat().st_size
            if stored % (1 << 32) != (header_size + expected) % (1 << 32):
                raise ValueError(f"{path}: holds {stored - header_size:,} bytes of data but its "
                                 f"header {dims} needs exactly {expected:,}")
            data = bytearray()
            while len(data) < expected:  # grows with what really arrives, never pre-allocated
                chunk = f.read(min(_CHUNK, expected - len(data)))
                if not chunk:
                    break
                data += chunk
            if len(data) != expected or f.read(1):
                raise ValueError(f"{path}: data length does not match the header {dims}")
    except (EOFError, gzip.BadGzipFile, zlib.error, struct.error) as err:
        raise ValueError(f"{path}: corrupt file ({err})") from None
    return np.frombuffer(bytes(data), dtype=dtype).reshape(dims).astype(dtype.newbyteorder("="))


def write_idx(path, array: np.ndarray) -> None:
    """Write ``array`` as IDX (gzipped if the name ends in ``.gz``), atomically."""
    path = Path(path)
    array = np.asarray(array)
    codes = {dtype.newbyteorder("="): code for code, dtype in IDX_TYPES.items()}
    if array.dtype not in codes:
        raise ValueError(f"IDX cannot store {array.dtype}; use one of "
                         f"{', '.join(str(d) for d in codes)}")
    if not 1 <= array.ndim <= 4:
        raise ValueError(f"IDX stores 1 to 4 dimensions, got {array.ndim}")
    code = codes[array.dtype]
    payload = (bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
               + np.ascontiguousarray(array, dtype=IDX_TYPES[code]).tobytes())
    if path.suffix == ".gz":
        payload = gzip.compress(payload, compresslevel=9, mtime=0)
    with atomic_file(path) as f:
        f.write(payload)


# --------------------------------------------------------------------------- data sets


class Split(NamedTuple):
    images: np.ndarray   # (N, 28, 28) uint8, ink bright on a dark background
    labels: np.ndarray   # (N,) int64 class indices


def _find(folder: Path, stem: str) -> Path:
    for name in (stem + ".gz", stem, stem.replace("-idx", ".idx")):
        if (folder / name).is_file():
            return folder / name
    raise OSError(f"{folder}: no {stem}(.gz) here")


def load_idx_folder(folder, split: str = "train") -> Split:
    """One split of an official Fashion-MNIST or MNIST file set in ``folder`` (gzipped or not)."""
    if split not in SPLIT_FILES:
        raise ValueError(f"split must be 'train' or 'test', got {split!r}")
    folder = Path(folder)
    if not folder.is_dir():
        raise OSError(f"{folder}: not a folder")
    image_stem, label_stem = SPLIT_FILES[split]
    images = read_idx(_find(folder, image_stem))
    labels = read_idx(_find(folder, label_stem))
    if images.ndim != 3 or images.shape[1:] != (28, 28) or images.dtype != np.uint8:
        raise ValueError(f"{folder}: {image_stem} holds {images.dtype} {images.shape}, "
                         "expected uint8 (N, 28, 28) images")
    if labels.shape != images.shape[:1]:
        raise ValueError(f"{folder}: {len(images)} images but labels of shape {labels.shape}")
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"{folder}: {label_stem} holds {labels.dtype} values; labels must be "
                         "whole class numbers 0–9")
    if labels.size and (labels.min() < 0 or labels.max() > 9):
        raise ValueError(f"{folder}: labels must be classes 0–9, found "
                         f"{labels.min()}…{labels.max()}")
    return Split(images, labels.astype(np.int64))


def check_trainable(train: Split, test: Split) -> None:
    """ValueError unless there is something to train on and to test with, labelled 0–9."""
    for name, split in (("training", train), ("test", test)):
        if len(split.images) == 0:
            raise ValueError(f"the {name} files hold no images")
        if split.labels.size and (split.labels.min() < 0 or split.labels.max() > 9):
            raise ValueError(f"the {name} labels must be classes 0–9, found "
                             f"{split.labels.min()}…{split.labels.max()}")


@functools.cache
def load_fashion_mnist(split: str = "train") -> Split:
    """The bundled Fashion-MNIST (a seeded, stratified split of the 70,000 images; see
    ``resources/fashion_mnist/SOURCE.md``). Read once per process and shared: the arrays are
    read-only."""
    loaded = load_idx_folder(bundled_fashion_dir(), split)
    for array in loaded:
        array.flags.writeable = False
    return loaded


# --------------------------------------------------------------------------- official files

OFFICIAL = {
    "fashion-mnist": {
        "urls": ("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/"
                 "fashion/",
                 "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
        "md5": {"train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
                "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
                "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310"},
        "classes": FASHION_CLASSES,
    },
    "mnist": {
        "urls": ("https://ossci-datasets.s3.amazonaws.com/mnist/",
                 "https://storage.googleapis.com/cvdf-datasets/mnist/"),
        "md5": {"train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
                "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
                "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c"},
        "classes": DIGIT_CLASSES,
    },
}


class DownloadError(OSError):
    """A download failed (unreachable, cut short, or wrong checksum); nothing was left behind."""


class DownloadCancelled(Exception):
    """The caller's ``cancel`` said stop; the partial file was removed."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cnn-studio"


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def download_official(dataset: str, dest=None, progress: Callable | None = None,
                      cancel=None, urls=None, timeout: float = 30.0) -> Path:
    """Fetch the four official files of ``dataset`` ("fashion-mnist" or "mnist") into
    ``dest/<dataset>`` (default: the user cache folder) and return that folder.

    Files already there with the right checksum are kept. Each file streams into a temporary
    name and only gets its final name once complete and verified, so a failure never leaves a
    partial file behind. ``progress(name, done_bytes, total_bytes_or_None)`` is called as data
    arrives; ``cancel`` (a callable or a ``threading.Event``) is checked between chunks.
    ``urls`` overrides the mirrors (the tests point it at a local server).
    """
    if dataset not in OFFICIAL:
        raise ValueError(f"unknown dataset {dataset!r}; choose one of {', '.join(OFFICIAL)}")
    spec = OFFICIAL[dataset]
    folder = Path(dest if dest is not None else default_cache_dir()) / dataset
    folder.mkdir(parents=True, exist_ok=True)
    cancelled = getattr(cancel, "is_set", cancel) or (lambda: False)
    for name, md5 in spec["md5"].items():
        target = folder / name
        if target.is_file() and _md5(target) == md5:
            continue
        errors = []
        for base in urls or spec["urls"]:
            try:
                _download(base + name, target, md5, progress, cancelled, timeout)
                break
            except DownloadError as err:
                errors.append(str(err))
        else:
            raise DownloadError(f"could not download {name}: " + "; ".join(errors))
    return folder


def _download(url: str, target: Path, md5: str, progress, cancelled, timeout: float) -> None:
    try:
        digest, done = hashlib.md5(usedforsecurity=False), 0
        with atomic_file(target) as out, urlopen(url, timeout=timeout) as response:
            total = response.headers.get("Content-Length")
            total = int(total) if total and total.isdigit() else None
            while True:
                if cancelled():
                    raise DownloadCancelled(f"download of {target.name} cancelled")
                chunk = response.read(64 * 1024)
                if not chunk:
                    break
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(target.name, done, total)
            # Still inside the block: raising here removes the partial file.
            if total is not None and done != total:
                raise DownloadError(f"{url}: connection closed after {done:,} of {total:,} "
                                    "bytes")
            if digest.hexdigest() != md5:
                raise DownloadError(f"{url}: checksum mismatch (got {digest.hexdigest()}, "
                                    f"expected {md5})")
    except DownloadError:
        raise
    except (URLError, OSError, ValueError, http.client.HTTPException) as err:
        raise DownloadError(f"{url}: {getattr(err, 'reason', None) or err!r}") from None


# --------------------------------------------------------------------------- batches


class Normalizer(NamedTuple):
    """(pixel/255 − mean) / std with the *training* set's statistics."""

    mean: float
    std: float

    @classmethod
    def fit(cls, images: np.ndarray) -> Normalizer:
        """Mean and standard deviation of the pixels, in chunks: a float64 copy of 60,000
        images at once would be 376 MB."""
        scale = 1 / 255.0 if images.dtype == np.uint8 else 1.0
        total = squares = 0.0
        for start in range(0, len(images), 2048):
            chunk = images[start:start + 2048].astype(np.float64) * scale
            total += chunk.sum()
            squares += np.vdot(chunk, chunk)
        mean = total / images.size
        return cls(float(mean), float(np.sqrt(max(squares / images.size - mean * mean, 0.0))))

    def __call__(self, images: np.ndarray) -> np.ndarray:
        """(N, H, W) uint8 pixels, or floats already in [0, 1] -> (N, 1, H, W) float32."""
        x = images.astype(np.float32)
        if images.dtype == np.uint8:
            x *= np.float32(1 / 255)
        x -= np.float32(self.mean)
        x *= np.float32(1 / self.std)
        return x[:, None]


def batches(n: int, batch_size: int, rng: np.random.Generator | None = None,
            ) -> Iterator[np.ndarray]:
    """Index arrays covering range(n) in batches, shuffled by ``rng`` (in order without one)."""
    if batch_size < 1:
        raise ValueError(f"batch size must be ≥ 1, got {batch_size}")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    for start in range(0, n, batch_size):
        yield order[start:start + batch_size]


# --------------------------------------------------------------------------- user images


def resize_area(image: np.ndarray, out_h: int, out_w: int) -> np.ndarray:
    """Resample by area: each output pixel is the mean of the input area it covers."""

    def weights(size_in: int, size_out: int) -> np.ndarray:
        edges = np.linspace(0, size_in, size_out + 1)
        lo, hi = edges[:-1, None], edges[1:, None]
        cells = np.arange(size_in)[None, :]
        overlap = np.clip(np.minimum(hi, cells + 1) - np.maximum(lo, cells), 0, None)
        return overlap / overlap.sum(axis=1, keepdims=True)

    return weights(image.shape[0], out_h) @ image @ weights(image.shape[1], out_w).T


def prepare_image(gray, size: int = 28, fit: int = 20) -> np.ndarray:
    """Turn any 2-D grayscale picture into the (1, size, size) float32 input the net was trained
    on, with values in [0, 1] (ink 1, background 0), the way the data sets were made:

    invert a light background, crop to the content, scale it (keeping its aspect) to fit a
    ``fit``×``fit`` box (MNIST's digits: 20; Fashion-MNIST's items fill the frame: 28), and place
    it so its centre of mass is at the centre. A picture already in that form — size×size with a
    black background, such as a saved test image — is kept pixel for pixel. Normalise the result
    with the training set's ``Normalizer`` before feeding it to the net.
    """
    image = np.asarray(gray)
    if image.ndim != 2 or min(image.shape) < 1:
        raise ValueError(f"expected a 2-D grayscale image, got shape {image.shape}")
    if np.issubdtype(image.dtype, np.integer):
        image = image / float(np.iinfo(image.dtype).max)
    image = np.nan_to_num(image.astype(np.float64))
    if image.max() > 1:
        image = image / 255.0
    image = np.clip(image, 0, 1)
    border = np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]])
    background = float(np.median(border))
    if background > 0.5:  # dark ink on a light page: make the ink bright, as in MNIST
        image, background = 1 - image, 1 - background
    ink = np.clip(image - background, 0, None)
    if ink.max() <= 0.05:
        raise ValueError("the image is blank: nothing stands out from its background")
    if image.shape == (size, size) and background <= 0.05:
        return image.astype(np.float32)[None]  # already a data-set image: every pixel kept
    ink /= ink.max()
    rows = np.flatnonzero(ink.max(axis=1) > 0.05)
    cols = np.flatnonzero(ink.max(axis=0) > 0.05)
    ink = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    scale = fit / max(ink.shape)
    h, w = max(1, round(ink.shape[0] * scale)), max(1, round(ink.shape[1] * scale))
    small = resize_area(ink, h, w)
    total = small.sum()
    cy = (small.sum(axis=1) @ np.arange(h)) / total
    cx = (small.sum(axis=0) @ np.arange(w)) / total
    top = int(round((size - 1) / 2 - cy))
    left = int(round((size - 1) / 2 - cx))
    top, left = min(max(top, 0), size - h), min(max(left, 0), size - w)
    out = np.zeros((size, size), np.float32)
    out[top:top + h, left:left + w] = small
    return out[None]
