"""Looking inside a network: what every layer makes of one input.

The one place that turns an image into what the network sees and runs it through, stage by
stage: the trainer's snapshots, the GUI's Inside and Predict views and the tiny network's stage
table all call it, so a picture is classified exactly as a test image is.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import functional as F
from .data import Normalizer
from .layers import Layer


class Stage(NamedTuple):
    index: int           # position in the network
    layer: Layer         # the layer itself (callers ask isinstance, never parse its name)
    output: np.ndarray   # its output for the one sample: (C, H, W) or (features,)


class Inside(NamedTuple):
    input: np.ndarray            # (C, H, W): the sample as the network sees it
    stages: tuple[Stage, ...]    # one per layer, in order

    @property
    def output(self) -> np.ndarray:
        return self.stages[-1].output

    @property
    def probabilities(self) -> np.ndarray:
        """Softmax of the last layer's output (the class probabilities of a classifier)."""
        return F.softmax(self.output.astype(np.float64))


def normalizer_of(model) -> Normalizer:
    """The pixel statistics the model was trained with, from its metadata (ValueError if none
    or if they are not usable numbers)."""
    stats = model.metadata.get("normalizer")
    if not isinstance(stats, dict):
        raise ValueError("the model has no normalisation statistics (metadata 'normalizer'): "
                         "train it, or load a model saved after training")
    mean, std = stats.get("mean"), stats.get("std")
    for name, value in (("mean", mean), ("std", std)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not np.isfinite(value):
            raise ValueError(f"the model's normalisation {name} must be a finite number, got "
                             f"{value!r}")
    if std <= 0:
        raise ValueError(f"the model's normalisation std must be positive, got {std!r}")
    return Normalizer(float(mean), float(std))


def network_input(model, image: np.ndarray) -> np.ndarray:
    """A grey picture -> the (1, 1, H, W) input of ``model``, normalised with the statistics
    saved in its metadata and in its dtype.

    ``image`` is (H, W) or (1, H, W): uint8 pixels 0..255, or floats in [0, 1] (ink 1). Anything
    else raises ValueError: in particular floats above 1, which are almost certainly pixels
    0..255 that were never divided by 255 (the network would see them ~255× too bright).
    """
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[0] == 1:
        image = image[0]
    if image.ndim != 2:
        raise ValueError(f"expected a grey image (H, W) or (1, H, W), got shape {image.shape}")
    if image.dtype != np.uint8:
        if not np.issubdtype(image.dtype, np.floating):
            raise ValueError(f"pixels must be uint8 (0..255) or floats in [0, 1], got "
                             f"{image.dtype}")
        if not np.all(np.isfinite(image)):
            raise ValueError("the image holds NaN or infinite values")
        low, high = float(image.min()), float(image.max())
        if low < 0 or high > 1:
            raise ValueError(f"float pixels must lie in [0, 1], got [{low:.4g}, {high:.4g}]"
                             + (": divide 0..255 pixels by 255 first" if high > 1 else ""))
    x = normalizer_of(model)(image[None])
    return x.astype(model.dtype, copy=False)


def look_inside(model, x: np.ndarray) -> Inside:
    """Run one network input (C, H, W) or (1, C, H, W) through ``model`` in eval mode; every
    output is a copy (the training mode is restored afterwards)."""
    x = np.asarray(x)
    if x.ndim == 3:
        x = x[None]
    if x.ndim != 4 or x.shape[0] != 1:
        raise ValueError(f"expected one sample (C, H, W) or (1, C, H, W), got {x.shape}")
    stages = tuple(Stage(i, layer, out[0]) for i, (layer, out) in enumerate(model.trace(x)))
    return Inside(x[0].copy(), stages)


def classify(model, image: np.ndarray) -> Inside:
    """``look_inside`` for a picture (see ``network_input``)."""
    return look_inside(model, network_input(model, image))


def check_classifier(model, image_shape: tuple = (28, 28), classes: int = 10) -> None:
    """ValueError unless ``model`` can classify grey ``image_shape`` pictures into ``classes``
    the way this app uses a network: float32, its normalisation statistics in the metadata,
    class names (if any) a list of ``classes`` strings, and a trial image giving finite
    probabilities. A page checks a loaded model with this *before* it replaces its own."""
    if model.dtype != np.float32:
        raise ValueError(f"the network holds {model.dtype} numbers; this app trains and shows "
                         "float32 networks (convert it with model.to(numpy.float32))")
    try:
        shape = model.summary((1, *image_shape))[-1].output_shape
    except ValueError as err:
        raise ValueError(f"not a network for 1×{image_shape[0]}×{image_shape[1]} images "
                         f"({err})") from None
    if shape != (classes,):
        raise ValueError(f"the network gives {shape} outputs, not {classes} classes")
    names = model.metadata.get("classes")
    if names is not None and (not isinstance(names, list) or len(names) != classes
                              or not all(isinstance(n, str) for n in names)):
        raise ValueError(f"the class names in the metadata must be a list of {classes} texts")
    with np.errstate(all="ignore"):
        probabilities = classify(model, np.zeros(image_shape, np.uint8)).probabilities
    if not np.all(np.isfinite(probabilities)):
        raise ValueError("a trial image gives NaN or infinite outputs (broken weights or "
                         "statistics)")


class Activity(NamedTuple):
    """How a layer's units respond to one input, the way ConvNetJS summarises them."""

    mean: float
    std: float
    low: float
    high: float
    dead: float | None       # ReLU: share of units exactly 0 (no gradient flows back)
    saturated: float | None  # sigmoid / tanh: share within 5 % of the limits (gradient ≈ 0)


def activity(stage: Stage) -> Activity:
    """The activity of one stage's output (for one sample, or per channel if given one)."""
    from .layers import ReLU, Sigmoid, Tanh
    out = np.asarray(stage.output, dtype=np.float64)
    dead = float(np.mean(out == 0)) if isinstance(stage.layer, ReLU) else None
    saturated = None
    if isinstance(stage.layer, Sigmoid):
        saturated = float(np.mean((out < 0.05) | (out > 0.95)))
    elif isinstance(stage.layer, Tanh):
        saturated = float(np.mean(np.abs(out) > 0.95))
    return Activity(float(out.mean()), float(out.std()), float(out.min()), float(out.max()),
                    dead, saturated)
