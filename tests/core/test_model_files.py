"""Hostile model files: every one is refused with ModelFileError (or OSError when it cannot be
opened), quickly and with little memory, and nothing of the current model changes."""

import io
import json
import os
import struct
import tracemalloc
import zipfile

import numpy as np
import pytest

from core import zoo
from core.data import Normalizer
from core.inside import check_classifier
from core.model import Sequential
from core.modelfile import META_KEY, ModelFileError


def npy(array) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def meta(architecture, dtype="float32", metadata=None) -> np.ndarray:
    text = json.dumps({"format": "cnn-studio-model", "version": 1, "dtype": dtype,
                       "architecture": architecture, "metadata": metadata or {}})
    return np.frombuffer(text.encode(), np.uint8)


def archive(path, entries: dict, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name + ".npy", data if isinstance(data, bytes) else npy(data))
    return path


def npy_header_claiming(shape, dtype="<f4") -> bytes:
    header = repr({"descr": dtype, "fortran_order": False, "shape": shape}).encode()
    header += b" " * (63 - (len(header) + 10) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header


LINEAR = [{"type": "Linear", "args": {"in_features": 4, "out_features": 2}}]


def hostile(tmp_path, case):
    path = tmp_path / "model.npz"
    if case == "npy renamed npz":
        np.save(tmp_path / "x.npy", np.zeros(10))
        os.replace(tmp_path / "x.npy", path)
    elif case == "metadata not an array":
        archive(path, {META_KEY: b"this is not an array at all"})
    elif case == "metadata of floats":
        archive(path, {META_KEY: np.arange(10.0)})
    elif case == "header declaring terabytes":
        archive(path, {META_KEY: meta(LINEAR),
                       "0.weight": npy_header_claiming((1 << 20, 1 << 20)) + bytes(64)})
    elif case == "huge layer, small arrays":
        big = [{"type": "Linear", "args": {"in_features": 16000, "out_features": 16000}}]
        archive(path, {META_KEY: meta(big), "0.weight": np.zeros((2, 4), np.float32)})
    elif case == "deeply nested json":
        text = '{"format": "cnn-studio-model", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
        archive(path, {META_KEY: np.frombuffer(text.encode(), np.uint8)})
    elif case == "zip bomb":
        archive(path, {META_KEY: meta(LINEAR), "0.weight": bytes(600 << 20)},
                zipfile.ZIP_DEFLATED)
    elif case == "object array":
        with zipfile.ZipFile(path, "w") as z:
            buffer = io.BytesIO()
            np.save(buffer, np.array([{"a": 1}], dtype=object), allow_pickle=True)
            z.writestr(META_KEY + ".npy", npy(meta(LINEAR)))
            z.writestr("0.weight.npy", buffer.getvalue())
    elif case == "symlink to /dev/zero":
        os.symlink("/dev/zero", path)
    elif case == "fifo":
        os.mkfifo(path)
    elif case == "a folder":
        path.mkdir()
    elif case == "entry that is not an array":
        archive(path, {META_KEY: meta(LINEAR)})
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("notes.txt", "hello")
    elif case == "layer arguments that inject a dtype":
        spec = [{"type": "Linear", "args": {"in_features": 4, "out_features": 2,
                                            "dtype": "float16"}}]
        archive(path, {META_KEY: meta(spec), "0.weight": np.zeros((2, 4), np.float32),
                       "0.bias": np.zeros(2, np.float32)})
    elif case == "negative running variance":
        model = Sequential(zoo.lenet5(rng=0)[1])  # a BatchNorm2d
        model.save(path)
        with zipfile.ZipFile(path) as z:
            entries = {n[:-4]: z.read(n) for n in z.namelist()}
        entries["0.running_var"] = npy(-np.ones(6, np.float32))
        archive(path, entries)
    else:
        raise AssertionError(case)
    return path


CASES = ["npy renamed npz", "metadata not an array", "metadata of floats",
         "header declaring terabytes", "huge layer, small arrays", "deeply nested json",
         "zip bomb", "object array", "symlink to /dev/zero", "fifo", "a folder",
         "entry that is not an array", "layer arguments that inject a dtype",
         "negative running variance"]


@pytest.mark.parametrize("case", CASES)
def test_hostile_files_are_refused_cheaply(tmp_path, case):
    path = hostile(tmp_path, case)
    tracemalloc.start()
    try:
        with pytest.raises(ModelFileError) as info:
            Sequential.load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(path) in str(info.value)
    assert peak < 32 << 20, f"{case}: {peak / 2**20:.0f} MiB to refuse it"


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        Sequential.load(tmp_path / "nope.npz")


def trained_like(**metadata):
    model = zoo.lenet5(rng=0)
    model.metadata.update({"normalizer": Normalizer(0.29, 0.35)._asdict(), **metadata})
    return model


@pytest.mark.parametrize("change, match", [
    (lambda m: m.to(np.float64), "float32 networks"),
    (lambda m: m.metadata.update(normalizer={"mean": "x", "std": 0.3}), "finite number"),
    (lambda m: m.metadata.update(normalizer={"mean": 0.3, "std": 0}), "positive"),
    (lambda m: m.metadata.update(normalizer=[0.3, 0.3]), "no normalisation statistics"),
    (lambda m: m.metadata.update(normalizer={"mean": float("nan"), "std": 0.3}), "finite"),
    (lambda m: m.metadata.update(classes="T-shirt"), "list of 10 texts"),
    (lambda m: m.metadata.pop("normalizer"), "no normalisation statistics"),
])
def test_models_the_app_cannot_use_are_refused_by_the_check(change, match):
    model = trained_like()
    change(model)
    with pytest.raises(ValueError, match=match):
        check_classifier(model)


@pytest.mark.parametrize("layers, match", [
    (lambda: Sequential(zoo.lenet5(rng=0)[5]), "not a network for 1×28×28 images"),
    (lambda: Sequential(*zoo.lenet5(rng=0)[:-1]), r"gives \(84,\) outputs"),
])
def test_other_architectures_are_refused_with_the_reason(layers, match):
    model = layers()
    model.metadata["normalizer"] = {"mean": 0.3, "std": 0.3}
    with pytest.raises(ValueError, match=match):
        check_classifier(model)


def test_an_mlp_and_a_single_convolution_are_usable():
    from core.layers import Conv2d, Flatten, Linear
    for model in (Sequential(Flatten(), Linear(784, 10)),
                  Sequential(Conv2d(1, 2, 5), Flatten(), Linear(2 * 24 * 24, 10))):
        model.metadata["normalizer"] = {"mean": 0.3, "std": 0.3}
        check_classifier(model)  # no exception: the page can show and train them
