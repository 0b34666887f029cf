"""A bridge to PyTorch, both ways, proved exact by tests (``tests/core/test_pytorch_export.py``).

Export: the network's weights as a PyTorch ``state_dict`` in safetensors format, with the names
``nn.Sequential`` gives the same layers ("0.weight", "1.running_mean", …, BatchNorm2d's
"num_batches_tracked" too), and beside it a ``model.py`` that defines the network in PyTorch one
line per layer, a ``predict.py`` and a README. ``python main.py export MODEL --to DIR`` does the
same from a saved model.

Import: a safetensors ``state_dict`` of a network the app can build becomes a ``Sequential`` that
works everywhere a trained one does. Its layers come from the file's metadata ("layers": one
PyTorch line or ``repr`` per layer, which the export and ``model.py``'s ``save`` write); a bare
``state_dict`` is matched by names and shapes to LeNet-5 (with or without BatchNorm and dropout),
the DMLP or the tiny network, and what weights cannot tell (the activation, the pooling) is
asked of the caller. Every tensor is checked — missing, unexpected, wrong shape, wrong dtype,
non-finite — before anything is built to keep; a failure raises ``WeightsError`` naming the file
and the first tensor that does not fit, and changes nothing the caller holds.

PyTorch is never imported here: everything is numpy, the files and the text of the code.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import pytorch_code as code
from . import zoo
from .data import Normalizer
from .fileio import atomic_file
from .inside import classify, normalizer_of
from .layers import LAYER_TYPES, BatchNorm2d, Dropout
from .model import Sequential, _state_size
from .safetensors_io import Header, SafetensorsError, read_header, read_tensors, write

WEIGHTS, MODEL, PREDICT, README, EXAMPLE = ("model.safetensors", "model.py", "predict.py",
                                            "README.md", "example.png")
IMAGE_SHAPE = (1, 28, 28)
MAX_LAYERS = 200
MAX_MLP_NUMBERS = 1 << 22  # weights of a DMLP found by shape (the app's: 59,210)
SLACK = 1 << 20  # numbers a network may need beyond twice what the file holds (4 MiB)
# What a bare state_dict cannot tell, and what the caller may choose: name -> allowed values.
CHOICES = {"activation": tuple(zoo.ACTIVATIONS), "pool": tuple(zoo.POOLS)}


class WeightsError(SafetensorsError):
    """A weights file the app cannot use; the message names the file and the first problem."""


class ChoicesNeeded(WeightsError):
    """The weights fit a network the app builds, but not what its weightless layers are:
    ``needed`` names them (keys of ``CHOICES``); pass them to ``import_pytorch``."""

    def __init__(self, message: str, network: str, needed: tuple):
        super().__init__(message)
        self.network = network
        self.needed = needed


class ExportError(ValueError):
    """The network cannot be exported as asked; the message says why. Nothing was written."""


class Exported(NamedTuple):
    folder: Path
    files: tuple      # the paths written, the weights first


class Imported(NamedTuple):
    model: Sequential
    network: str      # "LeNet-5 (with BatchNorm and dropout)", "the DMLP", …, "a network"
    assumed: dict     # choices taken from the caller because the file does not say them ({})


# ---------------------------------------------------------------------------- names and values


def pytorch_state_dict(model: Sequential) -> dict[str, np.ndarray]:
    """The model's tensors under the names ``nn.Sequential`` of the same layers uses, in its
    order: each layer's parameters, then its buffers. The app counts no BatchNorm batches:
    ``num_batches_tracked`` is 0 (PyTorch reads it only when momentum is None, never so here)."""
    out = {}
    for i, layer in enumerate(model):
        for name, value in layer.state().items():
            out[f"{i}.{name}"] = value
        if isinstance(layer, BatchNorm2d):
            out[f"{i}.num_batches_tracked"] = np.array(0, np.int64)
    return out


def _expected(model: Sequential) -> dict[str, tuple[str, tuple]]:
    """name -> (safetensors dtype code, shape) of every tensor the model's state_dict holds."""
    return {name: ("I64" if value.dtype == np.int64 else "F32", value.shape)
            for name, value in pytorch_state_dict(model).items()}


def network_name(model: Sequential) -> str:
    """What the model is, in words: the networks the app builds by name, else "a network"."""
    family = _family_of(_expected(model))
    return family.name if family else "a network"


def input_shape(model: Sequential) -> tuple:
    """(C, H, W) of one input: 1×28×28 if the model takes it, else the smallest square that
    passes (the tiny network's 1×6×6). ValueError if none up to 64×64 does."""
    channels = next((layer.in_channels for layer in model if hasattr(layer, "in_channels")), 1)
    for size in (28, *range(1, 65)):
        try:
            model.summary((channels, size, size))
        except ValueError:
            continue
        return (channels, size, size)
    raise ValueError("cannot tell the input size of this network (no square input up to 64×64 "
                     "passes through it)")


def metadata_of(model: Sequential, normalizer: Normalizer | None, classes) -> dict[str, str]:
    """The safetensors metadata of an export: texts only, as the format wants."""
    meta = {"format": "pt", "producer": "CNN Studio",
            "layers": json.dumps([code.torch_expression(layer)[3:] for layer in model]),
            "input_shape": json.dumps(list(input_shape(model)))}
    if normalizer is not None:
        meta["normalizer"] = json.dumps(normalizer._asdict())
    if classes is not None:
        meta["classes"] = json.dumps(list(classes), ensure_ascii=False)
    return meta


# ---------------------------------------------------------------------------- export


def export_pytorch(model: Sequential, folder, *, example: np.ndarray | None = None,
                   overwrite: bool = False) -> Exported:
    """Write the model for PyTorch into ``folder`` (made if missing): model.safetensors, model.py,
    predict.py, README.md, and example.png when ``example`` (a uint8 28×28 image) is given.

    Everything is checked before the first file is written; ``ExportError`` says what stops
    the export (the files exist and ``overwrite`` is false, a float64 or non-finite network, a
    classifier without its normalisation), ``OSError`` what stops the writing. Each file appears
    whole or not at all. The model is not changed.
    """
    plan = _plan(model, example)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder")
    names = export_names(example is not None)
    taken = [path.name for path in existing_export_files(folder, example is not None)]
    if taken and not overwrite:
        raise ExportError(f"{folder} already holds {', '.join(taken)}: choose another folder, "
                          "or replace them")
    folder.mkdir(parents=True, exist_ok=True)
    write(folder / WEIGHTS, plan["tensors"], plan["metadata"])
    texts = {MODEL: plan["model.py"], PREDICT: plan["predict.py"], README: plan["readme"]}
    if example is not None:
        texts[EXAMPLE] = plan["png"]
    for name, content in texts.items():
        with atomic_file(folder / name) as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    return Exported(folder, tuple(folder / name for name in names))


def export_names(example: bool = False) -> list[str]:
    """The names of the files an export writes, the weights first."""
    return [WEIGHTS, MODEL, PREDICT, README] + ([EXAMPLE] if example else [])


def existing_export_files(folder, example: bool = False) -> list[Path]:
    """The files in ``folder`` that an export would replace (ask before ``overwrite=True``)."""
    return [Path(folder) / name for name in export_names(example)
            if (Path(folder) / name).exists()]


def _plan(model, example) -> dict:
    """Every file's content, or ExportError: nothing is written before all of it is known."""
    if not isinstance(model, Sequential) or not len(model):
        raise ExportError("there is no network to export")
    if importlib.util.find_spec("safetensors") is None:  # a dependency, but an old install…
        raise ExportError("the safetensors package is missing (one of the app's dependencies): "
                          "pip install safetensors")
    if model.dtype != np.float32:
        raise ExportError(f"the network holds {model.dtype} numbers; PyTorch networks (and "
                          "this export) are float32: convert it with model.to(numpy.float32)")
    for i, layer in enumerate(model):
        if LAYER_TYPES.get(type(layer).__name__) is not type(layer):
            raise ExportError(f"layer {i} {layer!r} has no PyTorch counterpart this export knows")
    if not model.finite:
        raise ExportError("the network's weights are not all finite numbers (its training blew "
                          "up): PyTorch would answer NaN too")
    try:
        shape = input_shape(model)
    except ValueError as err:
        raise ExportError(str(err)) from None
    shapes = [row.output_shape for row in model.summary(shape)]
    image = shape == IMAGE_SHAPE and len(shapes[-1]) == 1
    normalizer, classes = None, None
    if "normalizer" in model.metadata or image:
        try:
            normalizer = normalizer_of(model)
        except ValueError as err:
            raise ExportError(str(err)) from None
    if image:
        classes = _class_names(model.metadata.get("classes"), shapes[-1][0])
    if example is not None:
        example = np.asarray(example)
        if not image or example.shape != IMAGE_SHAPE[1:] or example.dtype != np.uint8:
            raise ExportError(f"the example must be a uint8 28×28 image for a network of 28×28 "
                              f"images, got {example.dtype} {example.shape}")
    title = network_name(model)
    title = title[0].upper() + title[1:]
    tensors = pytorch_state_dict(model)
    numbers = sum(int(value.size) for value in tensors.values())
    example_text = None
    if example is not None:
        with np.errstate(all="ignore"):  # on a copy: not even the layers' caches change
            probabilities = classify(model.clone(), example).probabilities
        example_text = (f"a test image; the app calls it {classes[int(probabilities.argmax())]} "
                        f"({probabilities.max():.1%}), and so should predict.py")
    return {"tensors": tensors, "metadata": metadata_of(model, normalizer, classes),
            "model.py": code.model_code(title, model.layers, shapes, shape, normalizer, classes),
            "predict.py": code.predict_code(classes is not None),
            "readme": code.readme_text(title, len(tensors), numbers, classes is not None,
                                       example_text, normalizer),
            "png": None if example is None else code.png_bytes(example)}


def _class_names(names, count: int) -> list[str]:
    if isinstance(names, list) and len(names) == count and all(isinstance(n, str) for n in names):
        return list(names)
    return [f"class {i}" for i in range(count)]


# ---------------------------------------------------------------------------- import


def import_pytorch(path, *, activation: str | None = None, pool: str | None = None,
                   dropout: float | None = None, normalizer=None) -> Imported:
    """A new float32 ``Sequential`` with the weights of a safetensors ``state_dict``.

    The layers come from the file's metadata when it has them (an export, or ``model.py``'s
    ``save``); otherwise the names and shapes are matched to LeNet-5 (with or without BatchNorm
    and dropout), the DMLP or the tiny network, and ``activation`` / ``pool`` say what weights
    cannot (``ChoicesNeeded`` lists the ones missing); ``dropout`` is the probability of a
    dropout layer found so (default, and for 0: 0.3 as in the app; nothing in eval mode).

    The input normalisation comes from the file's metadata, else from ``normalizer`` (a
    ``Normalizer`` or {"mean", "std"}); the class names from the metadata. The result is in
    training mode, like ``Sequential.load``'s; check it with ``core.inside.check_classifier``
    before it replaces a network. ``WeightsError`` (a ValueError) names the first problem;
    ``OSError`` if the file cannot be opened.
    """
    header = read_header(path)
    path = header.path
    layers = header.metadata.get("layers")
    if layers is not None:
        model, network, assumed = _from_layers(header, layers), None, {}
    else:
        model, network, assumed = _from_state_dict(header, activation, pool, dropout)
    problem = _misfit(header, _expected(model), network)
    if problem:
        raise WeightsError(f"{path}: {problem}")
    tensors = read_tensors(header, list(_expected(model)))
    for name, value in tensors.items():
        if not np.all(np.isfinite(value)):
            raise WeightsError(f"{path}: tensor {name!r} holds NaN or infinite values")
        if name.endswith("running_var") and np.any(value < 0):
            raise WeightsError(f"{path}: tensor {name!r} holds negative variances")
        if name.endswith("num_batches_tracked") and np.any(value < 0):
            raise WeightsError(f"{path}: tensor {name!r} holds a negative count")
    for i, layer in enumerate(model):
        for name in layer.state():
            layer.set_state(name, tensors[f"{i}.{name}"])
    model.metadata = _metadata(model, header, normalizer)
    return Imported(model, network or network_name(model), assumed)


def _from_layers(header: Header, text: str) -> Sequential:
    path = header.path
    try:
        lines = json.loads(text)
    except (ValueError, RecursionError):
        raise WeightsError(f"{path}: the metadata's layers are not a JSON list") from None
    if not isinstance(lines, list) or not lines or len(lines) > MAX_LAYERS:
        raise WeightsError(f"{path}: the metadata's layers must be a list of 1 to {MAX_LAYERS} "
                           "layers")
    architecture = []
    for i, line in enumerate(lines):
        try:
            architecture.append(code.parse_layer(line))
        except ValueError as err:
            raise WeightsError(f"{path}: layer {i}: {err}") from None
    # Refuse before building what the file's tensors could never fill (a layer of gigabytes);
    # a network a little larger than the file is built, so that the missing tensor is named.
    needed = sum(_state_size(spec) for spec in architecture)
    held = sum(int(np.prod(entry.shape)) for entry in header.tensors.values())
    if needed > 2 * held + SLACK:
        raise WeightsError(f"{path}: its layers need {needed:,} numbers but the file holds "
                           f"{held:,}")
    try:
        return Sequential.from_architecture(architecture)
    except ValueError as err:
        raise WeightsError(f"{path}: {err}") from None


class _Family(NamedTuple):
    name: str
    build: object     # (activation, pool, dropout) -> Sequential
    needs: tuple      # keys of CHOICES it needs


def _families(shapes: dict) -> list[_Family]:
    """The networks the app builds, in the sizes the tensors suggest (the DMLP's widths)."""
    families = []
    for batchnorm in (True, False):
        for with_dropout in (True, False):
            parts = [part for part, on in (("BatchNorm", batchnorm), ("dropout", with_dropout))
                     if on]
            name = "LeNet-5" + (f" (with {' and '.join(parts)})" if parts else
                                " (without BatchNorm and dropout)")

            def build(activation, pool, dropout, bn=batchnorm, drop=with_dropout):
                return zoo.lenet5(activation, bn, (dropout or 0.3) if drop else 0.0, pool,
                                  rng=0)

            families.append(_Family(name, build, ("activation", "pool")))
    widths = _mlp_widths(shapes)
    if widths:
        def build_mlp(activation, pool, dropout, w=widths):
            return zoo.mlp(w[1:-1], activation, rng=0, inputs=w[0], classes=w[-1])

        families.append(_Family("the DMLP", build_mlp, ("activation",)))
    families.append(_Family("the tiny network", lambda *_: zoo.shallow_net(rng=0), ()))
    return families


def _mlp_widths(shapes: dict) -> list[int] | None:
    """[inputs, hidden…, classes] if the tensors are those of zoo.mlp's Flatten → (Linear →
    activation)… → Linear, else None."""
    widths, index = [], 1
    while f"{index}.weight" in shapes and len(shapes[f"{index}.weight"]) == 2 \
            and len(widths) < MAX_LAYERS:
        out_features, in_features = shapes[f"{index}.weight"]
        if widths and widths[-1] != in_features:
            return None
        widths = (widths or [in_features]) + [out_features]
        index += 2
    if len(widths) < 2 or min(widths) < 1 or \
            sum(a * b for a, b in zip(widths, widths[1:])) > MAX_MLP_NUMBERS:
        return None  # (a byte-sized dtype in the file must not make a float32 giant here)
    return widths


def _family_of(expected: dict) -> _Family | None:
    """The family whose tensors have exactly these names and shapes (weightless layers
    aside)."""
    shapes = {name: shape for name, (_, shape) in expected.items()}
    for family in _families(shapes):
        if _shapes(family.build("tanh", "max", None)) == shapes:
            return family
    return None


def _shapes(model) -> dict:
    return {name: shape for name, (_, shape) in _expected(model).items()}


def _from_state_dict(header: Header, activation, pool, dropout):
    path = header.path
    shapes = {name: entry.shape for name, entry in header.tensors.items()}
    family = _family_of({name: (None, shape) for name, shape in shapes.items()})
    if family is None:
        prefix = _common_prefix(shapes)
        inner = _family_of({name[len(prefix):]: (None, shape) for name, shape in shapes.items()})
        if prefix and inner:
            raise WeightsError(f"{path}: the tensors are those of {inner.name} under the prefix "
                               f"{prefix!r} (the state_dict of a module that holds the network): "
                               "save the nn.Sequential's own state_dict")
        closest = max(_families(shapes), key=lambda f: len(
            set(_shapes(f.build("tanh", "max", None)).items()) & set(shapes.items())))
        problem = _misfit(header, _expected(closest.build("tanh", "max", None)), None)
        raise WeightsError(f"{path}: not a network the app builds (LeNet-5, the DMLP, the tiny "
                           "network), and the file does not say its layers (no 'layers' in its "
                           f"metadata); against the closest, {closest.name}: {problem}")
    given = {"activation": activation, "pool": pool}
    for name, value in given.items():
        if value is not None and value not in CHOICES[name]:
            raise ValueError(f"{name} must be one of {', '.join(CHOICES[name])}, got {value!r}")
    needed = tuple(name for name in family.needs if given[name] is None)
    if needed:
        raise ChoicesNeeded(
            f"{path}: the weights are those of {family.name}, but a state_dict does not say its "
            f"{' or '.join(needed)}: choose them, or save the network with model.py's save(), "
            "which records its layers", family.name, needed)
    model = family.build(activation, pool, dropout)
    assumed = {name: given[name] for name in family.needs}
    for layer in model:
        if isinstance(layer, Dropout):
            assumed["dropout"] = layer.p
    return model, family.name, assumed


def _common_prefix(names) -> str:
    """"net." when every name starts with it ("net.0.weight", "net.0.bias", …), else ""."""
    heads = {name.split(".", 1)[0] for name in names}
    head = heads.pop() if len(heads) == 1 else ""
    return f"{head}." if head and not head.isdigit() else ""


def _misfit(header: Header, expected: dict, network: str | None) -> str | None:
    """What is wrong with the first tensor of the file that does not fit ``expected`` (None:
    every tensor fits)."""
    tensors = header.tensors
    against = f" ({network})" if network else ""
    unexpected = [name for name in tensors if name not in expected]
    for name, (dtype, shape) in expected.items():
        entry = tensors.get(name)
        if entry is None:
            hint = (f"; the file has {', '.join(map(repr, unexpected[:3]))}"
                    f"{', …' if len(unexpected) > 3 else ''} instead") if unexpected else ""
            return f"tensor {name!r} is missing{against}{hint}"
        if entry.dtype != dtype:
            hint = " (save the network as float32: net.float())" if dtype == "F32" else ""
            return f"tensor {name!r} is {entry.dtype}, expected {dtype}{hint}"
        if entry.shape != shape:
            return f"tensor {name!r} has shape {entry.shape}, expected {shape}{against}"
    if unexpected:
        return (f"unexpected tensor {unexpected[0]!r}: the network{against} has no such "
                "parameter or buffer")
    return None


def _metadata(model: Sequential, header: Header, normalizer) -> dict:
    """The app's model metadata from the file's (normalisation, class names), else the caller's
    normaliser; class names that cannot be read are left out (``check_classifier`` would say)."""
    stats = _json(header.metadata.get("normalizer"))
    if stats is None and normalizer is not None:
        stats = normalizer._asdict() if isinstance(normalizer, Normalizer) else dict(normalizer)
    meta = {}
    if stats is not None:
        model.metadata = {"normalizer": stats}
        try:
            meta["normalizer"] = normalizer_of(model)._asdict()
        except ValueError as err:
            raise WeightsError(f"{header.path}: {err}") from None
    classes = _json(header.metadata.get("classes"))
    if isinstance(classes, list) and all(isinstance(n, str) for n in classes):
        meta["classes"] = classes
    return meta


def _json(text):
    if text is None:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


# ---------------------------------------------------------------------------- command line


def main(argv=None) -> int:
    """``python main.py export MODEL --to DIR``: a saved model (.npz) -> files for PyTorch.
    Every way this can end is a line of text and an exit code, never a traceback."""
    parser = _Parser(prog="python main.py export",
                     description="Write a saved model for PyTorch: its weights as a safetensors "
                                 "state_dict, model.py (the network, one line per layer), "
                                 "predict.py and a README.")
    parser.add_argument("model", metavar="MODEL", help="a model file saved by the app (.npz)")
    parser.add_argument("--to", metavar="DIR", required=True,
                        help="the folder to write into (made if missing)")
    parser.add_argument("--force", action="store_true",
                        help="replace files of an earlier export in DIR")
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
        return _export(args)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump
        raise SystemExit(_fail(f"{message} (see --help)", code=2))


def _fail(message: str, code: int = 1) -> int:
    print(f"cnn-studio export: error: {message}", file=sys.stderr)
    return code


def _export(args) -> int:
    try:
        model = Sequential.load(args.model)
    except (OSError, ValueError) as err:
        return _fail(f"cannot read the model: {err}")
    example = None
    try:
        if input_shape(model) == IMAGE_SHAPE:
            from .data import FASHION_CLASSES, load_fashion_mnist

            example = load_fashion_mnist("test").images[0]
            if "classes" not in model.metadata and \
                    str(model.metadata.get("source", "")).startswith("bundled Fashion-MNIST"):
                model.metadata["classes"] = list(FASHION_CLASSES)
    except (OSError, ValueError):
        example = None  # an export without an example image is still whole
    try:
        done = export_pytorch(model, args.to, example=example, overwrite=args.force)
    except ExportError as err:
        return _fail(str(err) + ("" if "already holds" not in str(err) else " (--force)"))
    except OSError as err:
        return _fail(f"cannot write to {args.to}: {err}")
    sizes = ", ".join(f"{p.name} ({p.stat().st_size:,} bytes)" for p in done.files)
    print(f"wrote {done.folder}: {sizes}")
    run = f"python predict.py {EXAMPLE}" if example is not None else "python predict.py"
    needs = "torch, safetensors and pillow" if example is not None else "torch and safetensors"
    print(f"next: cd {done.folder} && {run}   (needs {needs})")
    return 0
