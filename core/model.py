"""``Sequential``: a chain of layers with forward, backward, summary, save and load."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import functional as F
from . import modelfile
from .fileio import atomic_file
from .functional import ShapeError
from .layers import LAYER_TYPES, Conv2d, Layer, Linear, Parameter
from .modelfile import ModelFileError


def weighted_layer_names(model) -> dict[int, str]:
    """The position of every Conv2d and Linear layer -> its short name: conv1, conv2, … and
    fc1, fc2, … in network order (how the app names layers with weights everywhere)."""
    names, counts = {}, {"conv": 0, "fc": 0}
    for i, layer in enumerate(model):
        kind = "conv" if isinstance(layer, Conv2d) else "fc" if isinstance(layer, Linear) else ""
        if kind:
            counts[kind] += 1
            names[i] = f"{kind}{counts[kind]}"
    return names


@contextmanager
def eval_mode(model):
    """The model in eval mode (BatchNorm's running statistics, no dropout) for the block, and
    in its earlier mode afterwards, even when the block fails: the one way every look at a
    model — an evaluation, a prediction, an explanation — leaves it as it found it."""
    was_training = model.training
    model.eval()
    try:
        yield model
    finally:
        model.train(was_training)


class SummaryRow(NamedTuple):
    name: str            # the layer as it prints, e.g. "Conv2d(1, 6, kernel_size=5, padding=2)"
    output_shape: tuple  # per sample, e.g. (6, 28, 28)
    params: int
    macs: int            # multiply-accumulates for one sample


class Sequential:
    """Layers applied one after the other; backward runs them in reverse.

    >>> model = Sequential(Linear(4, 3), ReLU(), Linear(3, 2))
    >>> model.forward(x); model.backward(dout)  # sets every parameter's .grad
    """

    def __init__(self, *layers: Layer):
        for layer in layers:
            if not isinstance(layer, Layer):
                raise TypeError(f"Sequential takes layers, got {type(layer).__name__}")
        self.layers = list(layers)
        self.metadata: dict = {}  # JSON-ready facts saved with the model (normaliser, classes)

    def __len__(self):
        return len(self.layers)

    def __getitem__(self, index):
        return self.layers[index]

    def __iter__(self):
        return iter(self.layers)

    def __repr__(self):
        lines = [f"  ({i}): {layer!r}" for i, layer in enumerate(self.layers)]
        return "Sequential(\n" + "\n".join(lines) + "\n)"

    def forward(self, x: np.ndarray) -> np.ndarray:
        for layer in self.layers:
            x = layer.forward(x)
        return x

    __call__ = forward

    def trace(self, x: np.ndarray) -> tuple:
        """Every layer's output for ``x``, in eval mode: ((layer, output copy), ...).

        For looking inside the network (``core.inside``); the training mode is restored
        afterwards.
        """
        outputs = []
        with eval_mode(self):
            for layer in self.layers:
                x = layer.forward(x)
                outputs.append((layer, x.copy()))
        return tuple(outputs)

    def backward(self, dout: np.ndarray, input_grad: bool = True):
        """Backpropagate ``dout`` (the loss gradient of the output). Returns the input gradient,
        or None with ``input_grad=False``, which spares the first layer that work."""
        for i in range(len(self.layers) - 1, -1, -1):
            dout = self.layers[i].backward(dout, input_grad=input_grad or i > 0)
        return dout

    def named_parameters(self) -> list[tuple[str, Parameter]]:
        return [(f"{i}.{name}", p) for i, layer in enumerate(self.layers)
                for name, p in layer.named_parameters()]

    def parameters(self) -> list[Parameter]:
        return [p for _, p in self.named_parameters()]

    def state_dict(self) -> dict[str, np.ndarray]:
        return {f"{i}.{name}": value for i, layer in enumerate(self.layers)
                for name, value in layer.state().items()}

    @property
    def finite(self) -> bool:
        """Whether every weight and statistic is a finite number (a blown-up network's are
        not, and everything it answers is NaN)."""
        return all(np.all(np.isfinite(value)) for value in self.state_dict().values())

    @property
    def training(self) -> bool:
        return all(layer.training for layer in self.layers)

    def train(self, mode: bool = True):
        for layer in self.layers:
            layer.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def to(self, dtype):
        for layer in self.layers:
            layer.to(dtype)
        return self

    @property
    def dtype(self):
        params = self.parameters()
        return params[0].data.dtype if params else np.dtype(np.float32)

    def clone(self) -> Sequential:
        """An independent copy: same layers, copied weights and buffers, copied metadata, in
        this model's mode; no caches. A GUI can look into it while the original trains on."""
        twin = Sequential.from_architecture(self.architecture(), self.dtype)
        for mine, theirs in zip(self.layers, twin.layers):
            for name, value in mine.state().items():
                theirs.set_state(name, value.copy())
        twin.metadata = json.loads(json.dumps(self.metadata))
        return twin.train(self.training)

    # ------------------------------------------------------------------ summary

    def summary(self, input_shape) -> list[SummaryRow]:
        """One row per layer for a per-sample input shape such as (1, 28, 28).

        Raises ValueError (naming the layer) if the shape cannot pass through the network.
        """
        shape = tuple(int(v) for v in input_shape)
        rows = []
        for i, layer in enumerate(self.layers):
            try:
                macs = layer.macs(shape)
                shape = layer.output_shape(shape)
            except ValueError as err:
                raise ShapeError(f"layer {i} {layer!r}: {err}",
                                 getattr(err, "argument", "input")) from None
            params = sum(p.data.size for p in layer.parameters())
            rows.append(SummaryRow(repr(layer), shape, params, macs))
        return rows

    def architecture(self) -> list[dict]:
        return [{"type": type(layer).__name__, "args": layer.config()} for layer in self.layers]

    @classmethod
    def from_architecture(cls, architecture, dtype=np.float32) -> Sequential:
        """Rebuild a network from ``architecture()``; ValueError on anything unknown or invalid."""
        if not isinstance(architecture, list) or not architecture:
            raise ValueError("architecture must be a non-empty list of layers")
        layers = []
        for i, spec in enumerate(architecture):
            kind = spec.get("type") if isinstance(spec, dict) else None
            args = spec.get("args", {}) if isinstance(spec, dict) else None
            if kind not in LAYER_TYPES or not isinstance(args, dict) or \
                    {"dtype", "rng"} & set(args):
                raise ValueError(f"layer {i}: unknown layer {spec!r}")
            try:
                layers.append(LAYER_TYPES[kind](**args))
            except (TypeError, ValueError) as err:
                raise ValueError(f"layer {i} ({kind}): {err}") from None
        return cls(*layers).to(dtype)

    # ------------------------------------------------------------------ save / load

    def save(self, path) -> None:
        """Write the architecture and every array to an ``.npz`` file, atomically.

        The data goes to a temporary file in the same folder, which then replaces ``path``: a
        crash midway never leaves a half-written model under the final name.
        """
        path = Path(path)
        meta = {"format": modelfile.FORMAT, "version": modelfile.FORMAT_VERSION,
                "dtype": str(self.dtype),
                "architecture": self.architecture(), "metadata": self.metadata}
        arrays = dict(self.state_dict())
        arrays[modelfile.META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
        with atomic_file(path) as f:
            # A file object, not a name: np.savez would append ".npz" to a name lacking it.
            np.savez(f, **arrays)

    @classmethod
    def load(cls, path) -> Sequential:
        """A new model from a file written by ``save``. ``ModelFileError`` (a ValueError) says
        why a file cannot be used; OSError if it cannot be opened."""
        meta, arrays = modelfile.read(path)
        architecture = meta["architecture"]
        if any(not isinstance(spec, dict) for spec in architecture):
            raise ModelFileError(f"{path}: malformed architecture")
        needed, held = sum(_state_size(spec) for spec in architecture), \
            sum(a.size for a in arrays.values())
        if needed > held:
            raise ModelFileError(f"{path}: its network needs {needed:,} numbers but the file "
                                 f"holds {held:,}")
        try:
            model = cls.from_architecture(architecture, meta["dtype"])
        except ValueError as err:
            raise ModelFileError(f"{path}: {err}") from None
        model._assign_state(arrays, path)
        model.metadata = meta["metadata"]
        return model

    def load_state(self, path) -> None:
        """Replace this model's arrays with those of a file written by ``save`` for the same
        architecture. Everything is validated first: on any error nothing is changed."""
        meta, arrays = modelfile.read(path)
        if meta["architecture"] != self.architecture():
            raise ModelFileError(f"{path}: the file holds a different network "
                             f"({_describe(meta['architecture'])})")
        self._assign_state(arrays, path)
        self.metadata = meta["metadata"]

    def _assign_state(self, arrays: dict, path) -> None:
        expected = self.state_dict()
        missing = sorted(set(expected) - set(arrays))
        extra = sorted(set(arrays) - set(expected))
        if missing or extra:
            raise ModelFileError(f"{path}: arrays do not match the network (missing {missing}, "
                                 f"unexpected {extra})")
        for name, current in expected.items():
            value = arrays[name]
            if value.shape != current.shape or value.dtype != current.dtype:
                raise ModelFileError(f"{path}: array {name!r} is {value.dtype} {value.shape}, "
                                     f"expected {current.dtype} {current.shape}")
            if not np.all(np.isfinite(value)):
                raise ModelFileError(f"{path}: array {name!r} holds NaN or infinite values")
            if name.endswith("running_var") and np.any(value < 0):
                raise ModelFileError(f"{path}: array {name!r} holds negative variances")
        # Validated: now, and only now, replace.
        for i, layer in enumerate(self.layers):
            for name in layer.state():
                layer.set_state(name, arrays[f"{i}.{name}"].copy())


def _describe(architecture) -> str:
    return ", ".join(spec.get("type", "?") for spec in architecture if isinstance(spec, dict))


def _state_size(spec) -> int:
    """How many numbers a layer spec needs (weights, biases, running statistics), worked out
    from its arguments without building it: a file can then be refused before a layer that
    its arrays cannot fill allocates gigabytes."""
    kind, args = spec.get("type"), spec.get("args", {})
    try:
        if kind == "Conv2d":
            kh, kw = F.pair(args["kernel_size"], "kernel_size")
            out, groups = int(args["out_channels"]), int(args.get("groups", 1))
            per_group = int(args["in_channels"]) // groups if groups > 0 else 0
            return out * per_group * kh * kw + (out if args.get("bias", True) else 0)
        if kind == "Linear":
            out = int(args["out_features"])
            return out * int(args["in_features"]) + (out if args.get("bias", True) else 0)
        if kind == "BatchNorm2d":
            return 4 * int(args["num_features"])
    except (KeyError, TypeError, ValueError, OverflowError):
        return 0  # the layer's own constructor explains what is wrong
    return 0
