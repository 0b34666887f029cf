"""The lesson's first idea, measured: a deep fully connected network (DMLP) against LeNet-5.

Both are trained by the same ``Trainer`` on the same images with the same optimiser; then the
shift test moves every test image by a few pixels and asks both again. A CNN's kernels are
shared across positions, so its feature maps move with the object; an MLP's hidden units each
watch fixed pixels, so a shifted image reaches different units entirely.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import zoo
from .data import Split, batches
from .inside import normalizer_of
from .layers import Conv2d, Linear, linear_as_conv
from .model import eval_mode, weighted_layer_names
from .train import TrainConfig, lenet_model, lenet_trainer

SHIFTS = (0, 1, 2, 3, 4)
DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0))  # (rows, columns) per pixel: right, left, down, up
NETWORKS = ("DMLP", "LeNet-5")

# A live demo: seconds per network here, not minutes (the page says what a longer run changes).
DEMO = TrainConfig(epochs=3, train_size=12_000, dropout=0.0)
SHIFT_TEST_IMAGES = 2_000


def shifted(images: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """(N, H, W) images moved down by ``rows`` and right by ``cols`` pixels (negative: up,
    left); what moves out is lost, what comes in is background (0)."""
    images = np.asarray(images)
    if images.ndim != 3:
        raise ValueError(f"images must be (N, H, W), got shape {images.shape}")
    height, width = images.shape[1:]
    if abs(rows) >= height or abs(cols) >= width:
        raise ValueError(f"a shift of ({rows}, {cols}) moves {height}×{width} images out entirely")
    out = np.zeros_like(images)
    out[:, max(rows, 0):height + min(rows, 0), max(cols, 0):width + min(cols, 0)] = \
        images[:, max(-rows, 0):height - max(rows, 0), max(-cols, 0):width - max(cols, 0)]
    return out


def predictions(model, images: np.ndarray, batch_size: int = 1000) -> np.ndarray:
    """The class the model picks for each uint8 image (N, H, W), normalised as in training."""
    normalize = normalizer_of(model)
    with eval_mode(model):
        return np.concatenate([
            model.forward(normalize(images[index]).astype(model.dtype, copy=False)).argmax(axis=1)
            for index in batches(len(images), batch_size)])


def accuracy(model, images: np.ndarray, labels: np.ndarray) -> float:
    return float(np.mean(predictions(model, images) == labels))


def shift_test(model, images: np.ndarray, labels: np.ndarray, shifts=SHIFTS) -> list[float]:
    """Accuracy on the images shifted by each number of pixels, averaged over the four
    directions (right, left, down, up)."""
    results = []
    for pixels in shifts:
        if pixels == 0:
            results.append(accuracy(model, images, labels))
            continue
        results.append(float(np.mean([accuracy(model, shifted(images, rows * pixels,
                                                               cols * pixels), labels)
                                      for rows, cols in DIRECTIONS])))
    return results


def dmlp_model(config: TrainConfig):
    """The DMLP of the comparison: 784 → 64 → 64 → 64 → 10 with the configuration's activation,
    initialisation and seed (about as many parameters as LeNet-5)."""
    return zoo.mlp(activation=config.activation, init=config.init, rng=config.seed)


def trainers(config: TrainConfig, train: Split, test: Split | None) -> dict:
    """One ``Trainer`` per network, same data, optimiser, schedule and seed."""
    return {"DMLP": lenet_trainer(config, train, test, model=dmlp_model(config)),
            "LeNet-5": lenet_trainer(config, train, test, model=lenet_model(config))}


class LayerShare(NamedTuple):
    name: str      # "conv1", "fc2", …
    params: int
    macs: int


def weighted_layers(model, input_shape=(1, 28, 28)) -> list[LayerShare]:
    """Parameters and multiply-accumulates per image of each Conv2d and Linear layer, named
    conv1, conv2, … and fc1, fc2, … in order (BatchNorm's few parameters are left out)."""
    names = weighted_layer_names(model)
    return [LayerShare(names[i], row.params, row.macs)
            for i, row in enumerate(model.summary(input_shape)) if i in names]


class AsConvolution(NamedTuple):
    """The first fully connected layer of a model, computed twice on one input."""

    index: int                # its position in the model
    maps_shape: tuple         # (C, H, W): what Flatten turned into its input vector
    conv: Conv2d              # the same weights as a convolution over those maps
    fc_output: np.ndarray     # (units,) the Linear layer's output
    conv_output: np.ndarray   # (units,) the convolution's output (its 1×1 maps)

    @property
    def difference(self) -> float:
        return float(np.max(np.abs(self.fc_output - self.conv_output)))


def fc_as_convolution(model, x: np.ndarray) -> AsConvolution:
    """Run one input (1, C, H, W) up to the model's first Linear layer, which must follow a
    Flatten, and compute that layer as it is and as the equivalent convolution (1×1 when the
    maps are 1×1) on the maps before the Flatten (ValueError if there is no such layer)."""
    index = next((i for i, layer in enumerate(model) if isinstance(layer, Linear)), None)
    if index is None or index == 0 or type(model[index - 1]).__name__ != "Flatten":
        raise ValueError("the model has no fully connected layer right after a Flatten")
    outputs = [x] + [out for _, out in model.trace(x)]
    maps = outputs[index - 1]  # the input of the Flatten
    conv = linear_as_conv(model[index], *maps.shape[1:])
    return AsConvolution(index, maps.shape[1:], conv, outputs[index + 1][0],
                         conv.forward(maps)[0, :, 0, 0])
