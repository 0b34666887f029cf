"""core.explain: saliency, occlusion, receptive fields and nearest images, checked against
brute force."""

import numpy as np
import pytest

from core import zoo
from core.explain import (
    FeatureCache,
    features,
    fingerprint,
    image_features,
    nearest,
    occlusion,
    receptive_field,
    saliency,
)
from core.gradcheck import numerical_gradient
from core.layers import (
    AvgPool2d,
    BatchNorm2d,
    Conv2d,
    Dropout,
    Flatten,
    Linear,
    Tanh,
)
from core.model import Sequential


def small_net(rng=0, dtype=np.float64):
    model = Sequential(Conv2d(1, 3, 3, padding=1, rng=rng), BatchNorm2d(3), Tanh(),
                       AvgPool2d(2), Flatten(), Dropout(0.5, rng=rng), Linear(3 * 4 * 4, 4,
                                                                             rng=rng))
    model.to(dtype)
    model[1].running_mean[:] = [0.1, -0.2, 0.3]
    model[1].running_var[:] = [0.5, 2.0, 1.5]
    return model


def test_saliency_equals_central_differences_in_float64():
    model = small_net()
    x = np.random.default_rng(1).standard_normal((1, 8, 8))
    for target in range(4):
        grad = saliency(model, x, target)

        probe = x.copy()

        def logit(probe=probe, target=target):
            model.eval()
            return float(model.forward(probe[None])[0, target])

        numeric = numerical_gradient(logit, probe, eps=1e-6)
        model.train()
        assert grad.shape == x.shape
        assert np.all(np.abs(grad - numeric) <= 1e-5 + 1e-3 * np.abs(numeric))
    assert model.training  # the mode is given back


def explicit_occlusion(model, x, target, size, stride, fill):
    """The definition, one covered image at a time."""
    model.eval()

    def probability(values):
        logits = model.forward(values[None])[0].astype(np.float64)
        e = np.exp(logits - logits.max())
        return (e / e.sum())[target]

    base = probability(x)
    h, w = x.shape[1:]
    rows = [t for t in range(0, h - size + stride, stride) if t < h]
    cols = [t for t in range(0, w - size + stride, stride) if t < w]
    out = np.zeros((len(rows), len(cols)))
    for i, top in enumerate(rows):
        for j, left in enumerate(cols):
            covered = x.copy()
            covered[:, top:top + size, left:left + size] = fill
            out[i, j] = base - probability(covered)
    model.train()
    return out


@pytest.mark.parametrize("size, stride", [(4, 2), (3, 3), (5, 2), (2, 5)])
def test_occlusion_equals_an_explicit_loop(size, stride):
    model = small_net()
    x = np.random.default_rng(2).standard_normal((1, 8, 8))
    result = occlusion(model, x, 2, size, stride, fill=-0.7, batch_size=5)
    np.testing.assert_allclose(result.drops, explicit_occlusion(model, x, 2, size, stride, -0.7),
                               atol=1e-12)
    covered = np.zeros((8, 8), bool)
    for (row, col), _ in np.ndenumerate(result.drops):
        top, left, h, w = result.square(row, col)
        covered[top:top + h, left:left + w] = True
    assert covered.all() == (stride <= size)  # squares that touch or overlap cover everything


def test_covering_pixels_outside_a_units_receptive_field_changes_nothing():
    model = Sequential(Conv2d(1, 1, 3, rng=3), Tanh(), Conv2d(1, 1, 3, rng=4), Flatten())
    model.to(np.float64)
    x = np.random.default_rng(3).standard_normal((1, 9, 9))
    unit = 7  # output (2, 2) of the 5×5 map, flattened
    field = receptive_field(model, 2, 1, 2, input_size=(9, 9))
    result = occlusion(model, x, unit, size=1, stride=1, fill=0.0, score="logit")
    for (row, col), drop in np.ndenumerate(result.drops):
        inside = field.top <= row <= field.bottom and field.left <= col <= field.right
        assert (drop != 0) == inside or (inside and x[0, row, col] == 0)


def test_lenet5_receptive_fields():
    model = zoo.lenet5(rng=0)  # conv1 pad 2 → BN → tanh → pool → conv2 → … → conv3
    conv1 = receptive_field(model, 0, 0, 0)  # input 28×28 unless told otherwise
    assert (conv1.height, conv1.width) == (5, 5) and (conv1.top, conv1.left) == (-2, -2)
    assert conv1.clipped() == (0, 0, 2, 2) and conv1.in_padding == 25 - 9
    conv3 = receptive_field(model, 8, 0, 0, input_size=(28, 28))  # 120@1×1: the whole image
    assert (conv3.height, conv3.width) == (32, 32) and conv3.clipped() == (0, 0, 27, 27)
    assert receptive_field(model, 13, 0, 0, input_size=(28, 28)).clipped() == (0, 0, 27, 27)


def gradient_support(model, layer_index, channel, y, x, shape):
    """Rows and columns of the input that the unit's gradient reaches (brute force)."""
    head = Sequential(*list(model)[:layer_index + 1]).to(np.float64)
    head.eval()
    inp = np.random.default_rng(5).standard_normal(shape)
    out = head.forward(inp)
    dout = np.zeros_like(out)
    dout[0, channel, y, x] = 1
    grad = head.backward(dout)[0].any(axis=0)
    rows, cols = np.flatnonzero(grad.any(axis=1)), np.flatnonzero(grad.any(axis=0))
    return rows[0], cols[0], rows[-1], cols[-1]


@pytest.mark.parametrize("seed", range(12))
def test_receptive_field_is_the_support_of_the_units_gradient(seed):
    rng = np.random.default_rng(seed)
    size, layers, c = 20, [], 1
    for _ in range(rng.integers(1, 4)):
        out = int(rng.integers(1, 3))
        k, s, p, d = (int(v) for v in (rng.integers(1, 4), rng.integers(1, 3),
                                        rng.integers(0, 2), rng.integers(1, 3)))
        candidates = [Conv2d(c, out, k, stride=s, padding=p, dilation=d, rng=seed), Tanh()]
        if rng.random() < 0.5:
            candidates.append(AvgPool2d(2, stride=int(rng.integers(1, 3))))
        try:  # keep only what a 20×20 input can pass through
            Sequential(*layers, *candidates).summary((1, size, size))
        except ValueError:
            break
        layers += candidates
        c = out
    layers = layers or [Conv2d(1, 1, 3, stride=2, dilation=2, rng=seed)]
    model = Sequential(*layers)
    last = len(model) - 1
    oh, ow = model.summary((1, size, size))[-1].output_shape[1:]
    y, x = int(rng.integers(0, oh)), int(rng.integers(0, ow))
    field = receptive_field(model, last, y, x, input_size=(size, size))
    assert field.clipped() == gradient_support(model, last, 0, y, x, (1, 1, size, size)), model


def test_nearest_finds_the_most_similar_rows():
    rng = np.random.default_rng(0)
    feats = rng.standard_normal((500, 84)).astype(np.float32)
    query = feats[123] * 3  # the same direction: cosine 1
    result = nearest(feats, query, k=5)
    assert result.indices[0] == 123 and result.similarities[0] == pytest.approx(1, abs=1e-6)
    expected = np.argsort(-(feats @ query) / (np.linalg.norm(feats, axis=1)
                                              * np.linalg.norm(query)))[:5]
    np.testing.assert_array_equal(result.indices, expected)
    assert np.all(np.diff(result.similarities) <= 0)


def test_features_are_what_the_last_layer_reads_and_the_cache_follows_the_weights():
    model = zoo.lenet5(rng=0)
    x = np.random.default_rng(0).standard_normal((7, 1, 28, 28)).astype(np.float32)
    feats = features(model, x, batch_size=3)
    model.eval()
    out = x
    for layer in list(model)[:-1]:
        out = layer.forward(out)
    model.train()
    np.testing.assert_allclose(feats, out, atol=1e-6)
    assert feats.shape == (7, 84)
    cache, calls = FeatureCache(), []

    def compute():
        calls.append(1)
        return features(model, x)

    cache.get(model, "train", compute)
    cache.get(model, "train", compute)
    assert len(calls) == 1 and cache.holds(model, "train")
    before = fingerprint(model)
    model[0].weight.data[0, 0, 0, 0] += 1  # a training step changes the weights
    assert fingerprint(model) != before and not cache.holds(model, "train")
    cache.get(model, "train", compute)
    assert len(calls) == 2


@pytest.mark.parametrize("call, match", [
    (lambda m, x: saliency(m, x, 4), "target must be a class index in 0..3"),
    (lambda m, x: saliency(m, x, -1), "target"),
    (lambda m, x: saliency(m, x[None, None], 0), "x must be one sample"),
    (lambda m, x: occlusion(m, x, 0, size=0), "size must be a positive int"),
    (lambda m, x: occlusion(m, x, 0, size=9), "size 9 is larger than the image"),
    (lambda m, x: occlusion(m, x, 0, stride=1.5), "stride must be a positive int"),
    (lambda m, x: occlusion(m, x, 0, score="odds"), "score must be"),
    (lambda m, x: receptive_field(m, 99, 0, 0), "layer_index must be in 0..6"),
    (lambda m, x: receptive_field(m, 0, -1, 0), "y must be a position"),
    (lambda m, x: receptive_field(m, 0, 0, 8, input_size=(8, 8)), r"\(y, x\) = \(0, 8\)"),
    (lambda m, x: nearest(np.zeros((3, 4)), np.zeros(5)), r"features must be \(N, 5\)"),
    (lambda m, x: nearest(np.zeros((3, 4)), np.zeros(4), k=4), "k must be in 1..3"),
])
def test_bad_arguments_name_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call(small_net(), np.zeros((1, 8, 8)))


def test_image_features_normalise_like_the_network_input():
    from core.data import Normalizer
    from core.inside import network_input
    model = zoo.lenet5(rng=0)
    model.metadata["normalizer"] = Normalizer(0.3, 0.35)._asdict()
    images = np.random.default_rng(0).integers(0, 256, (5, 28, 28), dtype=np.uint8)
    expected = np.concatenate([features(model, network_input(model, image)) for image in images])
    np.testing.assert_allclose(image_features(model, images, batch_size=2), expected, atol=1e-5)


@pytest.mark.parametrize("layers", [
    lambda: [Conv2d(1, 1, 4, padding="same", rng=1), Tanh(), Conv2d(1, 1, 2, padding="same",
                                                                    rng=2)],
    # average pooling: every cell of a window gets gradient (max pooling only its winner)
    lambda: [Conv2d(1, 2, 3, padding=1, rng=3), Tanh(), AvgPool2d(3, 2, ceil_mode=True),
             Conv2d(2, 1, 3, rng=4)],
])
def test_receptive_fields_follow_same_padding_and_ceil_mode(layers):
    model = Sequential(*layers())
    size, last = 11, len(model) - 1
    oh, ow = model.summary((1, size, size))[-1].output_shape[1:]
    for y, x in ((0, 0), (oh - 1, ow - 1), (oh // 2, 0)):
        field = receptive_field(model, last, y, x, input_size=(size, size))
        assert field.clipped() == gradient_support(model, last, 0, y, x, (1, 1, size, size))
