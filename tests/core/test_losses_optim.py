import math

import numpy as np
import pytest

from core.gradcheck import gradients_close, numerical_gradient
from core.layers import Parameter
from core.losses import CrossEntropyLoss, MSELoss
from core.optim import SGD, Adam


def test_cross_entropy_value_and_gradient():
    rng = np.random.default_rng(0)
    logits = rng.standard_normal((5, 4))
    target = np.array([0, 3, 1, 1, 2])
    loss = CrossEntropyLoss()
    value = loss.forward(logits, target)
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert value == pytest.approx(-np.mean(np.log(p[np.arange(5), target])))
    analytic = loss.backward()
    numeric = numerical_gradient(lambda: CrossEntropyLoss().forward(logits, target), logits)
    assert gradients_close(analytic, numeric)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cross_entropy_is_stable_for_huge_logits(dtype):
    logits = np.array([[1000, 0, -1000], [0, 1000, 0]], dtype=dtype)
    loss = CrossEntropyLoss()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert loss.forward(logits, np.array([0, 0])) == pytest.approx(500)
        grad = loss.backward()
    assert grad.dtype == dtype and np.all(np.isfinite(grad))


def test_cross_entropy_of_uniform_logits_is_ln_classes():
    assert CrossEntropyLoss().forward(np.zeros((3, 10)), np.array([1, 2, 3])) == \
        pytest.approx(math.log(10))


def test_cross_entropy_rejects_bad_targets():
    with pytest.raises(ValueError, match=r"target classes must lie in \[0, 3\)"):
        CrossEntropyLoss().forward(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(ValueError, match="integer class indices"):
        CrossEntropyLoss().forward(np.zeros((2, 3)), np.array([0.0, 1.0]))


def test_halved_mse_is_the_lessons_loss_with_gradient_y_hat_minus_y():
    pred = np.array([[0.7]])
    loss = MSELoss(halved=True)
    assert loss.forward(pred, 1.0) == pytest.approx(0.5 * 0.3 ** 2)
    assert loss.backward()[0, 0] == pytest.approx(0.7 - 1.0)   # not 2(ŷ − y)


def test_mse_matches_pytorch_definition():
    pred, target = np.array([1.0, 2.0, 4.0]), np.array([0.0, 2.0, 2.0])
    loss = MSELoss()
    assert loss.forward(pred, target) == pytest.approx(5 / 3)
    numeric = numerical_gradient(lambda: MSELoss().forward(pred, target), pred)
    assert gradients_close(loss.backward(), numeric)


def _param(values):
    p = Parameter(np.array(values, dtype=np.float64))
    return p


def test_sgd_with_momentum_and_weight_decay_follows_pytorch_rule():
    p = _param([1.0, -2.0])
    opt = SGD([p], lr=0.1, momentum=0.9, weight_decay=0.01)
    w, b = p.data.copy(), None
    for grad in ([0.5, 1.0], [0.2, -0.3], [-1.0, 0.0]):
        p.grad = np.array(grad)
        g = np.array(grad) + 0.01 * w
        b = g if b is None else 0.9 * b + g
        w = w - 0.1 * b
        opt.step()
        np.testing.assert_allclose(p.data, w, rtol=1e-15)


def test_plain_sgd():
    p = _param([1.0])
    p.grad = np.array([2.0])
    SGD([p], lr=0.25).step()
    assert p.data.tolist() == [0.5]


def test_adam_bias_correction_starts_at_step_one():
    p = _param([1.0, 1.0])
    opt = Adam([p], lr=0.01)
    p.grad = np.array([3.0, -0.001])
    opt.step()
    # after one step m̂ = g and v̂ = g², so each weight moves by lr·sign(g) (up to eps)
    np.testing.assert_allclose(p.data, [1 - 0.01, 1 + 0.01], rtol=1e-6)


def test_adam_matches_reference_over_several_steps():
    p = _param([0.5, -1.5, 2.0])
    opt = Adam([p], lr=0.05, betas=(0.8, 0.99), eps=1e-8, weight_decay=0.1)
    w, m, v = p.data.copy(), 0, 0
    rng = np.random.default_rng(0)
    for t in range(1, 6):
        grad = rng.standard_normal(3)
        p.grad = grad.copy()
        g = grad + 0.1 * w
        m = 0.8 * m + 0.2 * g
        v = 0.99 * v + 0.01 * g * g
        w = w - 0.05 * (m / (1 - 0.8 ** t)) / (np.sqrt(v / (1 - 0.99 ** t)) + 1e-8)
        opt.step()
        np.testing.assert_allclose(p.data, w, rtol=1e-12)


@pytest.mark.parametrize("opt", [lambda p: SGD(p, 0.1, momentum=0.9), lambda p: Adam(p)])
def test_optimisers_keep_float32(opt):
    p = Parameter(np.ones(3, np.float32))
    p.grad = np.ones(3, np.float32)
    o = opt([p])
    o.step()
    o.step()
    assert p.data.dtype == np.float32


def test_optimiser_arguments_are_validated():
    with pytest.raises(ValueError, match="learning rate must be > 0.0, got 0.0"):
        SGD([_param([1.0])], lr=0)
    with pytest.raises(ValueError, match="momentum must be ≥ 0.0, got -0.5"):
        SGD([_param([1.0])], lr=0.1, momentum=-0.5)
    with pytest.raises(ValueError, match="beta1 must be in"):
        Adam([_param([1.0])], betas=(1.0, 0.9))
