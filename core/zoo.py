"""The lesson's networks."""

from __future__ import annotations

from . import init as _init
from .layers import (
    AvgPool2d,
    BatchNorm2d,
    Conv2d,
    Dropout,
    Flatten,
    LeakyReLU,
    Linear,
    MaxPool2d,
    ReLU,
    Sigmoid,
    Tanh,
)
from .model import Sequential

ACTIVATIONS = {"tanh": Tanh, "relu": ReLU, "leaky_relu": LeakyReLU, "sigmoid": Sigmoid}
POOLS = {"max": MaxPool2d, "avg": AvgPool2d}
OUTPUT_SCALE = 0.1


def shallow_net(rng=None) -> Sequential:
    """The lesson's tiny network for one 1×1×6×6 input, weights drawn from N(0, 1):

    conv 3×3 1→1 (no bias) → sigmoid → max-pool 2×2 stride 2 → flatten → FC 4→1 (no bias) →
    sigmoid. Train it with ``MSELoss(halved=True)``, the lesson's ½(y − ŷ)².
    """
    rng = _init.make_rng(rng)
    model = Sequential(Conv2d(1, 1, 3, bias=False), Sigmoid(), MaxPool2d(2, 2), Flatten(),
                       Linear(4, 1, bias=False), Sigmoid())
    for layer in (model[0], model[4]):
        layer.weight.data = _init.normal(layer.weight.data.shape, rng, std=1.0)
    return model


def lenet5(activation: str = "tanh", batchnorm: bool = True, dropout: float = 0.3,
           pool: str = "max", init: str = "xavier", rng=None) -> Sequential:
    """LeNet-5 for 1×28×28 input, as in the lesson (10 logits out; the softmax is in the loss):

    conv 6@5×5 pad 2 → BN → act → pool 2 → conv 16@5×5 → BN → act → pool 2 →
    conv 120@5×5 → BN → act → flatten → FC 84 → dropout → act → FC 10

    Args:
        activation: "tanh", "relu", "leaky_relu" or "sigmoid". Default: "tanh"
        batchnorm: BatchNorm2d between each convolution and its activation. Default: True
        dropout: probability on the first FC layer; 0 removes the layer. Default: 0.3
        pool: "max" or "avg". Default: "max"
        init: "xavier" (uniform), "xavier_normal", "he" or "normal" for every Conv2d and Linear
            (biases start at 0; the output layer's weights are then scaled by 0.1).
            Default: "xavier"
        rng: seed or Generator for the weights and the dropout masks.
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; "
                         f"choose one of {', '.join(ACTIVATIONS)}")
    if pool not in POOLS:
        raise ValueError(f"unknown pool {pool!r}; choose one of {', '.join(POOLS)}")
    rng = _init.make_rng(rng)
    act, pool_layer = ACTIVATIONS[activation], POOLS[pool]
    layers = []
    for c_in, c_out, padding, pooled in ((1, 6, 2, True), (6, 16, 0, True), (16, 120, 0, False)):
        layers.append(Conv2d(c_in, c_out, 5, padding=padding, rng=rng))
        if batchnorm:
            layers.append(BatchNorm2d(c_out))
        layers.append(act())
        if pooled:
            layers.append(pool_layer(2))
    layers += [Flatten(), Linear(120, 84, rng=rng)]
    if dropout:
        layers.append(Dropout(dropout, rng=rng))
    layers += [act(), Linear(84, 10, rng=rng)]
    _init.initialize(layers, init, rng)
    # The output layer starts 10× smaller, so the first logits are near 0 and every class starts
    # about equally likely: the first loss is ≈ ln 10, as a sanity check expects.
    layers[-1].weight.data *= OUTPUT_SCALE
    return Sequential(*layers)


def mlp(hidden=(64, 64, 64), activation: str = "tanh", init: str = "xavier", rng=None,
        inputs: int = 784, classes: int = 10) -> Sequential:
    """A deep fully connected network (the lesson's DMLP) for flattened images: Flatten →
    (Linear → activation) per hidden size → Linear to the classes. With the default 784 → 64 →
    64 → 64 → 10 it has 59,210 parameters (LeNet-5: 61,990), all in connections
    between every input and every unit."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; "
                         f"choose one of {', '.join(ACTIVATIONS)}")
    rng = _init.make_rng(rng)
    layers, size = [Flatten()], inputs
    for width in hidden:
        layers += [Linear(size, width, rng=rng), ACTIVATIONS[activation]()]
        size = width
    layers.append(Linear(size, classes, rng=rng))
    _init.initialize(layers, init, rng)
    layers[-1].weight.data *= OUTPUT_SCALE  # first loss ≈ ln 10, as for LeNet-5
    return Sequential(*layers)
