"""Why did the network answer that? Four tools, all made of the network's own numpy passes.

- ``saliency``: how much each input pixel raises one class's logit, through the model's own
  backward pass (∂ logit / ∂ input).
- ``occlusion``: how much one class's probability drops when a square of the image is covered.
- ``receptive_field``: the input rectangle one activation depends on, from the layer arithmetic.
- ``nearest``: the training images most alike in the features the last layer reads.

Every function looks at one sample in eval mode and leaves the model's mode as it was. Bad
arguments raise ValueError naming the argument.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

import numpy as np

from . import functional as F
from .inside import normalizer_of
from .layers import AvgPool2d, Conv2d, Flatten, Linear, MaxPool2d
from .model import eval_mode


def _sample(x: np.ndarray) -> np.ndarray:
    """(C, H, W) or (1, C, H, W) -> (1, C, H, W)."""
    x = np.asarray(x)
    if x.ndim == 3:
        x = x[None]
    if x.ndim != 4 or x.shape[0] != 1:
        raise ValueError(f"x must be one sample (C, H, W) or (1, C, H, W), got {x.shape}")
    return x


def _eval_forward(model, x: np.ndarray) -> np.ndarray:
    with eval_mode(model):
        return model.forward(x)


def _check_target(target, outputs: int) -> int:
    if isinstance(target, bool) or not isinstance(target, (int, np.integer)) \
            or not 0 <= target < outputs:
        raise ValueError(f"target must be a class index in 0..{outputs - 1}, got {target!r}")
    return int(target)


# --------------------------------------------------------------------------- saliency


def saliency(model, x: np.ndarray, target: int) -> np.ndarray:
    """∂ logit[target] / ∂ x for one network input x (C, H, W): the same shape as x.

    The model's own backward pass in eval mode (BatchNorm uses its running statistics, dropout
    is off). Unlike a training step, the first layer computes its input gradient too. The
    parameters' ``.grad`` are overwritten on the way, as by any backward pass.
    """
    x = _sample(x)
    with eval_mode(model):
        logits = model.forward(x)
        target = _check_target(target, logits.shape[1])
        dout = np.zeros_like(logits)
        dout[0, target] = 1
        return model.backward(dout, input_grad=True)[0]


# --------------------------------------------------------------------------- occlusion


class Occlusion(NamedTuple):
    """What covering the image square by square does to one class."""

    base: float            # the score with nothing covered
    drops: np.ndarray      # (rows, cols): base − score with the square at each position
    size: int              # side of the square
    stride: int            # step between positions
    image_shape: tuple     # (H, W)

    def square(self, row: int, col: int) -> tuple[int, int, int, int]:
        """(top, left, height, width) of the square at grid position (row, col)."""
        h, w = self.image_shape
        top, left = row * self.stride, col * self.stride
        return top, left, min(self.size, h - top), min(self.size, w - left)

    def per_pixel(self) -> np.ndarray:
        """(H, W): for every pixel, the mean drop over the squares covering it (0 where none
        does)."""
        total, count = np.zeros(self.image_shape), np.zeros(self.image_shape)
        for (row, col), drop in np.ndenumerate(self.drops):
            top, left, h, w = self.square(row, col)
            total[top:top + h, left:left + w] += drop
            count[top:top + h, left:left + w] += 1
        return np.divide(total, count, out=np.zeros_like(total), where=count > 0)

    def worst(self) -> tuple[int, int]:
        """Grid position of the square whose covering lowers the score the most."""
        return np.unravel_index(int(np.argmax(self.drops)), self.drops.shape)


def default_fill(model) -> float:
    """The network input of a black pixel: the normalised 0 (0 without statistics)."""
    try:
        stats = normalizer_of(model)
    except ValueError:
        return 0.0
    return (0.0 - stats.mean) / stats.std


def occlusion(model, x: np.ndarray, target: int, size: int = 4, stride: int = 2,
              fill: float | None = None, score: str = "probability",
              batch_size: int = 128) -> Occlusion:
    """Cover the input x (C, H, W) with a size×size square of ``fill`` at every position
    (``stride`` apart, the last ones clipped at the edges) and record how much the target's
    ``score`` ("probability" or "logit") drops. ``fill`` defaults to the network input of a
    black pixel. The covered images go through the network ``batch_size`` at a time."""
    x = _sample(x)
    for name, value in (("size", size), ("stride", stride), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive int, got {value!r}")
    if score not in ("probability", "logit"):
        raise ValueError(f"score must be 'probability' or 'logit', got {score!r}")
    h, w = x.shape[2:]
    if size > min(h, w):
        raise ValueError(f"size {size} is larger than the image ({h}×{w})")
    fill = default_fill(model) if fill is None else float(fill)

    def scores(batch: np.ndarray) -> np.ndarray:
        out = _eval_forward(model, batch)
        values = F.softmax(out.astype(np.float64), axis=1) if score == "probability" else out
        return values[:, target]

    target = _check_target(target, _eval_forward(model, x).shape[1])
    base = float(scores(x)[0])
    # square corners stride apart; the last square of a row or column is clipped at the edge,
    # so every pixel is covered at least once
    tops = [t for t in range(0, h - size + stride, stride) if t < h]
    lefts = [t for t in range(0, w - size + stride, stride) if t < w]
    positions = [(top, left) for top in tops for left in lefts]
    drops = np.empty(len(positions))
    for start in range(0, len(positions), batch_size):
        chunk = positions[start:start + batch_size]
        batch = np.repeat(x, len(chunk), axis=0)
        for i, (top, left) in enumerate(chunk):
            batch[i, :, top:top + size, left:left + size] = fill
        drops[start:start + len(chunk)] = base - scores(batch)
    return Occlusion(base, drops.reshape(len(tops), len(lefts)), size, stride, (h, w))


# --------------------------------------------------------------------------- receptive field


class ReceptiveField(NamedTuple):
    """The input cells one activation depends on: rows × columns (sorted, possibly with gaps
    where strides and dilations skip cells). Indices outside 0..H−1 / 0..W−1 are in the zero
    padding of the first layer."""

    rows: tuple
    cols: tuple
    input_size: tuple  # (H, W)

    @property
    def top(self) -> int:
        return self.rows[0]

    @property
    def bottom(self) -> int:
        return self.rows[-1]

    @property
    def left(self) -> int:
        return self.cols[0]

    @property
    def right(self) -> int:
        return self.cols[-1]

    @property
    def height(self) -> int:
        return self.bottom - self.top + 1

    @property
    def width(self) -> int:
        return self.right - self.left + 1

    def clipped(self) -> tuple[int, int, int, int]:
        """(top, left, bottom, right) of the cells inside the image."""
        rows, cols = self._inside()
        return rows[0], cols[0], rows[-1], cols[-1]

    @property
    def in_padding(self) -> int:
        """How many of the field's cells lie in the padding, outside the image."""
        rows, cols = self._inside()
        return len(self.rows) * len(self.cols) - len(rows) * len(cols)

    def _inside(self) -> tuple[list, list]:
        h, w = self.input_size
        return [r for r in self.rows if 0 <= r < h], [c for c in self.cols if 0 <= c < w]


def receptive_field(model, layer_index: int, y: int, x: int,
                    input_size: tuple = (28, 28)) -> ReceptiveField:
    """The input cells that the activation at (y, x) of layer ``layer_index``'s output depends
    on, for an input of ``input_size`` (H, W).

    Back through each convolution or pooling layer, output unit u reads its input cells
    u·s − p + i·d for the kernel taps i = 0..k−1: the field grows by (k − 1)·d·j input pixels (j,
    the spacing of the units, multiplied by each stride) and starts p·j earlier. Cells in the
    padding of a later layer are zeros that depend on nothing and drop out; the first layer's
    padding is kept (reported as outside the image). After a Flatten every unit sees the whole
    input.
    """
    layers = list(model)
    if isinstance(layer_index, bool) or not isinstance(layer_index, (int, np.integer)) \
            or not 0 <= layer_index < len(layers):
        raise ValueError(f"layer_index must be in 0..{len(layers) - 1}, got {layer_index!r}")
    for name, value in (("y", y), ("x", x)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise ValueError(f"{name} must be a position ≥ 0, got {value!r}")
    h, w = input_size
    chain, hw = [], (h, w)  # the spatial layers and the size of their input
    for layer in layers[:layer_index + 1]:
        if isinstance(layer, (Flatten, Linear)):
            return ReceptiveField(tuple(range(h)), tuple(range(w)), (h, w))
        if isinstance(layer, (Conv2d, MaxPool2d, AvgPool2d)):
            dilation = getattr(layer, "dilation", (1, 1))
            chain.append((layer, dilation, hw))
            # the layer's own arithmetic: asymmetric 'same' padding and ceil mode included
            hw = tuple(layer.output_shape((getattr(layer, "in_channels", 1), *hw))[1:])
    if not (y < hw[0] and x < hw[1]):
        raise ValueError(f"(y, x) = ({y}, {x}) is outside layer {layer_index}'s output "
                         f"{hw[0]}×{hw[1]}")
    cells = [{int(y)}, {int(x)}]
    for depth in range(len(chain) - 1, -1, -1):
        layer, dilation, size = chain[depth]
        for axis in (0, 1):
            k, s, p, d = (layer.kernel_size[axis], layer.stride[axis], layer.padding[axis],
                          dilation[axis])
            reached = {u * s - p + i * d for u in cells[axis] for i in range(k)}
            if depth > 0:  # a later layer's padding: zeros, not input
                reached = {v for v in reached if 0 <= v < size[axis]}
            cells[axis] = reached
    return ReceptiveField(tuple(sorted(cells[0])), tuple(sorted(cells[1])), (h, w))


# --------------------------------------------------------------------------- nearest images


def feature_layer(model) -> int:
    """Index of the layer whose output the last Linear reads (LeNet-5: the 84 values after
    FC1's activation)."""
    linears = [i for i, layer in enumerate(model) if isinstance(layer, Linear)]
    if not linears or linears[-1] == 0:
        raise ValueError("the model has no layer before a last Linear to take features from")
    return linears[-1] - 1


def features(model, x: np.ndarray, batch_size: int = 64) -> np.ndarray:
    """(N, D) features of network inputs x (N, C, H, W): the output of ``feature_layer``, in
    eval mode, ``batch_size`` at a time."""
    end = feature_layer(model)
    chunks = []
    with eval_mode(model):
        for start in range(0, len(x), batch_size):
            out = x[start:start + batch_size]
            for layer in list(model)[:end + 1]:
                out = layer.forward(out)
            chunks.append(out.reshape(len(out), -1).astype(np.float32))
    return np.concatenate(chunks) if chunks else np.zeros((0, 0), np.float32)


def image_features(model, images: np.ndarray, batch_size: int = 64) -> np.ndarray:
    """``features`` of grey pixel images (N, H, W), normalised batch by batch with the model's
    statistics (a float copy of 60,000 images at once would be 188 MB)."""
    normalise = normalizer_of(model)
    return np.concatenate([features(model, normalise(images[start:start + batch_size]).astype(
        model.dtype, copy=False), batch_size) for start in range(0, len(images), batch_size)])


class Nearest(NamedTuple):
    indices: np.ndarray       # (k,) rows of ``features``, closest first
    similarities: np.ndarray  # (k,) cosine similarities


def nearest(features: np.ndarray, query: np.ndarray, k: int = 5) -> Nearest:
    """The k rows of ``features`` (N, D) closest to ``query`` (D,) by cosine similarity."""
    features, query = np.asarray(features), np.asarray(query).reshape(-1)
    if features.ndim != 2 or features.shape[1] != query.size:
        raise ValueError(f"features must be (N, {query.size}), got {features.shape}")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= len(features):
        raise ValueError(f"k must be in 1..{len(features)}, got {k!r}")
    norms = np.linalg.norm(features, axis=1) * max(float(np.linalg.norm(query)), 1e-12)
    similarity = (features @ query) / np.maximum(norms, 1e-12)
    best = np.argpartition(-similarity, k - 1)[:k]
    best = best[np.argsort(-similarity[best], kind="stable")]
    return Nearest(best, similarity[best])


def fingerprint(model) -> str:
    """Changes whenever any weight or statistic of the model changes."""
    digest = hashlib.blake2b(digest_size=16)
    for name, value in model.state_dict().items():
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(value).tobytes())
    return digest.hexdigest()


class FeatureCache:
    """The features of a set of training images for one model, recomputed only when the
    model's weights (its ``fingerprint``) or the images change."""

    def __init__(self):
        self._key = None
        self.features: np.ndarray | None = None

    def get(self, model, images_key, compute) -> np.ndarray:
        """The cached features, or ``compute()``'s (then cached) for a new model state or
        ``images_key``."""
        key = (fingerprint(model), images_key)
        if key != self._key or self.features is None:
            self.features, self._key = compute(), key
        return self.features

    def holds(self, model, images_key) -> bool:
        return self.features is not None and self._key == (fingerprint(model), images_key)
