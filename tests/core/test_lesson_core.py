"""The lesson's missing pieces in the core: the tiny network's backward terms, FC ≡ convolution,
the DMLP and the shift test."""

import math

import numpy as np
import pytest

from core import zoo
from core.backprop import layer_gradients, tiny_backward
from core.compare import (
    accuracy,
    fc_as_convolution,
    predictions,
    shift_test,
    shifted,
    trainers,
    weighted_layers,
)
from core.data import Normalizer, Split
from core.gradcheck import check_model
from core.layers import Conv2d, Linear, linear_as_conv
from core.losses import CrossEntropyLoss, MSELoss
from core.model import Sequential
from core.train import TrainConfig, shallow_trainer


@pytest.mark.parametrize("seed", [0, 3, 12])
@pytest.mark.parametrize("target", [1.0, 0.0])
def test_tiny_backward_terms_equal_the_layers_backward(seed, target):
    rng = np.random.default_rng(seed)
    model = zoo.shallow_net(rng).to(np.float64)
    x = rng.standard_normal((1, 1, 6, 6))
    terms = tiny_backward(model, x[0], target)
    loss = MSELoss(halved=True)
    out = model.forward(x)
    loss.forward(out, np.full((1, 1), target))
    model.backward(loss.backward())
    trace = [o[0] for _, o in model.trace(x)]
    np.testing.assert_allclose(terms.y_hat, out[0, 0], rtol=1e-12)
    np.testing.assert_allclose(terms.sigmoid_out, trace[1][0], rtol=1e-12)
    np.testing.assert_allclose(terms.pooled, trace[3], rtol=1e-12)
    np.testing.assert_allclose(terms.grad_w2, model[4].weight.grad, rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(terms.grad_w1, model[0].weight.grad[0, 0], rtol=1e-10,
                               atol=1e-15)
    assert terms.error == pytest.approx(terms.y_hat - target)
    assert terms.delta_output == pytest.approx(terms.error * terms.y_hat * (1 - terms.y_hat))
    # Max unpooling: exactly one cell per 2×2 window holds the routed error, at its winner.
    for i in range(2):
        for j in range(2):
            window = terms.unpooled[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            assert np.count_nonzero(window) == 1
            assert window.sum() == pytest.approx(terms.delta_pooled[2 * i + j])
            winner = np.unravel_index(window.argmax() if window.sum() > 0 else window.argmin(),
                                      (2, 2))
            s = terms.sigmoid_out[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            assert s[winner] == s.max()


def test_tiny_backward_steps_like_the_trainer():
    """The terms of the next sample are the numbers one SGD step of the trainer uses."""
    trainer = shallow_trainer(TrainConfig(model="shallow", epochs=1, batch_size=1, lr=0.01,
                                          optimizer="sgd", schedule="constant", seed=12))
    model = trainer.model
    x = trainer.train.x[0]
    terms = tiny_backward(model, x)
    w1 = model[0].weight.data[0, 0].astype(np.float64).copy()
    model.forward(x[None])
    loss = MSELoss(halved=True)
    loss.forward(model.forward(x[None]), np.ones((1, 1), np.float32))
    model.backward(loss.backward())
    np.testing.assert_allclose(model[0].weight.grad[0, 0], terms.grad_w1, rtol=1e-4, atol=1e-7)
    assert not np.allclose(w1 - 0.01 * terms.grad_w1, w1)


def test_tiny_backward_rejects_other_networks():
    with pytest.raises(ValueError, match="tiny network"):
        tiny_backward(zoo.lenet5(rng=0), np.zeros((6, 6)))
    with pytest.raises(ValueError, match="6×6"):
        tiny_backward(zoo.shallow_net(rng=0), np.zeros((5, 5)))


@pytest.mark.parametrize("shape", [(120, 1, 1), (16, 5, 5), (3, 2, 4)])
def test_linear_equals_its_convolution(shape):
    rng = np.random.default_rng(0)
    channels, height, width = shape
    fc = Linear(channels * height * width, 7, rng=rng, dtype=np.float64)
    fc.bias.data = rng.standard_normal(7)
    x = rng.standard_normal((4, *shape))
    conv = linear_as_conv(fc, *shape)
    assert conv.weight.data.shape == (7, channels, height, width)
    out = conv.forward(x)
    assert out.shape == (4, 7, 1, 1)
    np.testing.assert_allclose(out[:, :, 0, 0], fc.forward(x.reshape(4, -1)), rtol=1e-12)


def test_lenet_fc1_equals_a_1x1_convolution_on_conv3_maps():
    model = zoo.lenet5(rng=1).to(np.float64)
    model.eval()
    x = np.random.default_rng(2).standard_normal((3, 1, 28, 28))
    trace = [out for _, out in model.trace(x)]
    fc1_index = next(i for i, layer in enumerate(model) if isinstance(layer, Linear))
    maps = trace[fc1_index - 2]  # conv3 → BN → tanh: (3, 120, 1, 1), flattened next
    assert maps.shape == (3, 120, 1, 1)
    conv = linear_as_conv(model[fc1_index], 120, 1, 1)
    assert conv.kernel_size == (1, 1)
    np.testing.assert_allclose(conv.forward(maps)[:, :, 0, 0], trace[fc1_index], rtol=1e-12)


def test_linear_as_conv_refuses_the_wrong_shape():
    with pytest.raises(ValueError, match="reads 120 values, not a 16×5×5 input"):
        linear_as_conv(Linear(120, 84), 16, 5, 5)


def test_mlp_has_about_as_many_parameters_as_lenet5():
    mlp, lenet = zoo.mlp(rng=0), zoo.lenet5(rng=0)
    mlp_params = sum(p.data.size for p in mlp.parameters())
    lenet_params = sum(p.data.size for p in lenet.parameters())
    assert mlp_params == 784 * 64 + 64 + 2 * (64 * 64 + 64) + 64 * 10 + 10
    assert 0.9 < mlp_params / lenet_params < 1.1
    assert [s.name for s in weighted_layers(mlp)] == ["fc1", "fc2", "fc3", "fc4"]
    assert [s.name for s in weighted_layers(lenet)] == ["conv1", "conv2", "conv3", "fc1", "fc2"]
    assert weighted_layers(lenet)[0] == ("conv1", 156, 25 * 6 * 28 * 28)
    assert weighted_layers(mlp)[0] == ("fc1", 784 * 64 + 64, 784 * 64)


def test_mlp_gradient_check_with_the_core_linear_layers():
    model = zoo.mlp(hidden=(16, 12), rng=0).to(np.float64)
    x = np.random.default_rng(1).standard_normal((3, 1, 28, 28))
    for r in check_model(model, x, CrossEntropyLoss(), np.array([1, 4, 9]), max_entries=40):
        assert r.ok, f"{r.name}: {r.rel_error:.2e}"


def test_mlp_first_loss_is_about_ln10():
    images = np.random.default_rng(0).integers(0, 256, (256, 28, 28), dtype=np.uint8)
    x = Normalizer.fit(images)(images)
    for seed in range(3):
        loss = CrossEntropyLoss().forward(zoo.mlp(rng=seed).forward(x),
                                          np.arange(256) % 10)
        assert abs(loss - math.log(10)) < 0.1


def test_shifted_moves_pixels_and_fills_with_background():
    images = np.arange(2 * 4 * 5, dtype=np.uint8).reshape(2, 4, 5) + 1
    right = shifted(images, 0, 2)
    np.testing.assert_array_equal(right[:, :, 2:], images[:, :, :3])
    assert not right[:, :, :2].any()
    up = shifted(images, -1, 0)
    np.testing.assert_array_equal(up[:, :3], images[:, 1:])
    assert not up[:, 3].any()
    np.testing.assert_array_equal(shifted(images, 0, 0), images)
    back = shifted(shifted(images, 1, -2), -1, 2)  # the last row and first columns are lost
    np.testing.assert_array_equal(back[:, :3, 2:], images[:, :3, 2:])
    assert not back[:, 3].any() and not back[:, :, :2].any()
    with pytest.raises(ValueError, match="out entirely"):
        shifted(images, 4, 0)


def _blobs(n, rng):
    """Two classes a network can tell apart: a bright square top-left or bottom-right."""
    labels = rng.integers(0, 2, n)
    images = np.zeros((n, 28, 28), np.uint8)
    for image, label in zip(images, labels):
        r, c = (4, 4) if label == 0 else (16, 16)
        image[r:r + 8, c:c + 8] = 255
    return Split(images, labels.astype(np.int64))


def test_both_networks_train_through_the_same_trainer_and_take_the_shift_test():
    rng = np.random.default_rng(0)
    train, test = _blobs(400, rng), _blobs(100, rng)
    config = TrainConfig(epochs=2, batch_size=32, lr=0.05, dropout=0.0)
    runs = trainers(config, train, test)
    assert set(runs) == {"DMLP", "LeNet-5"}
    for name, trainer in runs.items():
        assert type(trainer) is type(runs["LeNet-5"])
        finished = [e for e in trainer.run() if type(e).__name__ == "FinishedEvent"]
        assert finished[-1].reason == "completed"
        model = trainer.model
        assert model.metadata["normalizer"]["std"] > 0
        assert accuracy(model, test.images, test.labels) == 1.0, name
        scores = shift_test(model, test.images, test.labels, shifts=(0, 2))
        assert scores[0] == 1.0 and 0 <= scores[1] <= 1
        assert predictions(model, test.images[:3]).shape == (3,)


def test_layer_gradients_leave_the_model_alone_and_agree_with_the_terms():
    model = zoo.shallow_net(rng=5)
    x = np.random.default_rng(5).standard_normal((6, 6)).astype(np.float32)
    before = [p.data.copy() for p in model.parameters()]
    grad_w1, grad_w2 = layer_gradients(model, x)
    assert all(p.grad is None or not p.grad.any() for p in model.parameters())
    for p, old in zip(model.parameters(), before):
        np.testing.assert_array_equal(p.data, old)
    terms = tiny_backward(model, x)
    np.testing.assert_allclose(grad_w1, terms.grad_w1, rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(grad_w2, terms.grad_w2, rtol=1e-10, atol=1e-15)


def test_the_first_fc_layer_computed_as_a_convolution():
    x = np.random.default_rng(3).standard_normal((1, 1, 28, 28))
    lenet = zoo.lenet5(rng=2).to(np.float64)
    demo = fc_as_convolution(lenet, x)
    assert demo.maps_shape == (120, 1, 1) and demo.conv.kernel_size == (1, 1)
    assert demo.fc_output.shape == (84,) and demo.difference < 1e-12
    mlp = fc_as_convolution(zoo.mlp(rng=0).to(np.float64), x)
    assert mlp.maps_shape == (1, 28, 28) and mlp.conv.kernel_size == (28, 28)
    np.testing.assert_allclose(mlp.conv_output, mlp.fc_output, rtol=1e-12)
    tiny = fc_as_convolution(zoo.shallow_net(rng=0).to(np.float64), np.ones((1, 1, 6, 6)))
    assert tiny.maps_shape == (1, 2, 2) and tiny.difference < 1e-12
    with pytest.raises(ValueError, match="no fully connected layer"):
        fc_as_convolution(Sequential(Conv2d(1, 2, 3)), np.zeros((1, 1, 6, 6)))
