"""Sanity checks of learning itself, on synthetic data (no dataset needed)."""

import math

import numpy as np
import pytest

from core import zoo
from core.gradcheck import check_layer
from core.layers import Tanh
from core.losses import CrossEntropyLoss, MSELoss
from core.optim import SGD, Adam


def _images(n, seed):
    x = np.random.default_rng(seed).random((n, 1, 28, 28)).astype(np.float32)
    return (x - x.mean()) / x.std()


@pytest.mark.parametrize("init", ["xavier", "xavier_normal", "he", "normal"])
def test_first_loss_is_about_ln_10(init):
    model = zoo.lenet5(init=init, rng=1)
    labels = np.random.default_rng(2).integers(0, 10, 128)
    loss = CrossEntropyLoss().forward(model.forward(_images(128, 3)), labels)
    assert abs(loss - math.log(10)) < 0.1


def test_lenet5_overfits_20_examples():
    model = zoo.lenet5(rng=0)
    x, y = _images(20, 4), np.arange(20) % 10
    loss, opt = CrossEntropyLoss(), Adam(model.parameters(), lr=0.01)
    for _ in range(60):
        loss.forward(model.forward(x), y)
        model.backward(loss.backward(), input_grad=False)
        opt.step()
    model.eval()
    assert loss.forward(model.forward(x), y) < 0.05


def test_the_lessons_tiny_network_learns():
    rng = np.random.default_rng(1)
    model = zoo.shallow_net(rng=rng)
    samples = rng.standard_normal((2, 1, 1, 6, 6)).astype(np.float32)
    target = np.ones((1, 1), np.float32)
    loss, opt = MSELoss(halved=True), SGD(model.parameters(), lr=0.01)
    history = []
    for _ in range(100):
        total = 0.0
        for x in samples:
            total += loss.forward(model.forward(x), target)
            model.backward(loss.backward())
            opt.step()
        history.append(total / 2)
    assert history[-1] < 0.75 * history[0]
    assert all(b <= a + 1e-7 for a, b in zip(history, history[1:]))


def test_a_wrong_backward_is_caught_by_the_gradient_check():
    class BrokenTanh(Tanh):
        def backward(self, dout, input_grad=True):
            return dout * (1 - self._y)  # forgot the square

    x = np.random.default_rng(0).standard_normal((2, 3))
    assert all(r.ok for r in check_layer(Tanh(), x))
    assert not all(r.ok for r in check_layer(BrokenTanh(), x))
