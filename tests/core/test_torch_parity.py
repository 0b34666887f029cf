"""Optional cross-checks against PyTorch; skipped when torch is not installed."""

import numpy as np
import pytest

from core import functional as F
from core import zoo
from core.bench import torch_lenet5_like
from core.layers import BatchNorm2d, Parameter
from core.losses import CrossEntropyLoss
from core.optim import SGD, Adam

torch = pytest.importorskip("torch")
TF = torch.nn.functional


def rand(shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation", [
    ((2, 3, 9, 7), (4, 3, 3, 2), (2, 1), (1, 0), (1, 2)),
    ((1, 1, 28, 28), (6, 1, 5, 5), 1, 2, 1),
    ((3, 2, 6, 6), (2, 2, 3, 3), 3, 3, 1),
])
def test_conv2d_and_its_gradients_match_torch(x_shape, w_shape, stride, padding, dilation):
    x, w, b = rand(x_shape, 1), rand(w_shape, 2), rand(w_shape[:1], 3)
    tx, tw, tb = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    ref = TF.conv2d(tx, tw, tb, stride, padding, dilation)
    g = F.window_geometry(x_shape[2:], w_shape[2:], stride, padding, dilation)
    out, cols = F.conv2d_forward(x, w, b, g)
    np.testing.assert_allclose(out, ref.detach().numpy(), atol=1e-12)
    dout = rand(out.shape, 4)
    ref.backward(torch.tensor(dout))
    dx, dw, db = F.conv2d_backward(dout, cols, w, x.shape, g)
    for ours, theirs in ((dx, tx), (dw, tw), (db, tb)):
        np.testing.assert_allclose(ours, theirs.grad.numpy(), atol=1e-11)


def test_im2col_equals_unfold():
    x = rand((2, 3, 8, 7))
    ours = F.im2col(x, (3, 2), stride=(2, 1), padding=1, dilation=(1, 2))
    theirs = TF.unfold(torch.tensor(x), (3, 2), dilation=(1, 2), padding=1, stride=(2, 1))
    np.testing.assert_array_equal(ours, theirs.numpy())


@pytest.mark.parametrize("kernel, stride, padding", [(2, 2, 0), (3, 2, 1), (3, 1, 1), (2, 1, 1)])
def test_pools_match_torch(kernel, stride, padding):
    x = rand((2, 3, 7, 6))
    tx = torch.tensor(x)
    np.testing.assert_allclose(F.max_pool2d(x, kernel, stride, padding),
                               TF.max_pool2d(tx, kernel, stride, padding).numpy())
    np.testing.assert_allclose(F.avg_pool2d(x, kernel, stride, padding),
                               TF.avg_pool2d(tx, kernel, stride, padding).numpy(), atol=1e-15)


def test_batchnorm_matches_torch_in_training_and_eval():
    x = rand((4, 3, 5, 5)) * 2 + 1
    ours = BatchNorm2d(3, dtype=np.float64)
    ours.weight.data, ours.bias.data = rand(3, 1), rand(3, 2)
    theirs = torch.nn.BatchNorm2d(3).double()
    with torch.no_grad():
        theirs.weight.copy_(torch.tensor(ours.weight.data))
        theirs.bias.copy_(torch.tensor(ours.bias.data))
    tx = torch.tensor(x, requires_grad=True)
    for _ in range(2):  # twice, so the running statistics are compared after two updates
        out = ours.forward(x)
        ref = theirs(tx)
    np.testing.assert_allclose(out, ref.detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(ours.running_mean, theirs.running_mean.numpy(), atol=1e-14)
    np.testing.assert_allclose(ours.running_var, theirs.running_var.numpy(), atol=1e-14)
    dout = rand(out.shape, 5)
    ref.backward(torch.tensor(dout))
    np.testing.assert_allclose(ours.backward(dout), tx.grad.numpy(), atol=1e-12)
    np.testing.assert_allclose(ours.weight.grad, theirs.weight.grad.numpy(), atol=1e-12)
    ours.eval(), theirs.eval()
    np.testing.assert_allclose(ours.forward(x), theirs(tx).detach().numpy(), atol=1e-12)


def test_cross_entropy_matches_torch():
    logits, target = rand((6, 10)) * 30, np.array([0, 9, 3, 3, 5, 1])
    tl = torch.tensor(logits, requires_grad=True)
    ref = TF.cross_entropy(tl, torch.tensor(target))
    ref.backward()
    loss = CrossEntropyLoss()
    assert loss.forward(logits, target) == pytest.approx(ref.item(), rel=1e-12)
    np.testing.assert_allclose(loss.backward(), tl.grad.numpy(), atol=1e-15)


@pytest.mark.parametrize("make_ours, make_theirs", [
    (lambda p: SGD(p, 0.1, momentum=0.9, weight_decay=0.01),
     lambda p: torch.optim.SGD(p, 0.1, momentum=0.9, weight_decay=0.01)),
    (lambda p: Adam(p, 0.01, weight_decay=0.001),
     lambda p: torch.optim.Adam(p, 0.01, weight_decay=0.001)),
])
def test_optimisers_match_torch(make_ours, make_theirs):
    start = rand(5)
    ours = Parameter(start.copy())
    theirs = torch.tensor(start.copy(), requires_grad=True)
    opt, topt = make_ours([ours]), make_theirs([theirs])
    for step in range(5):
        grad = rand(5, 10 + step)
        ours.grad = grad.copy()
        theirs.grad = torch.tensor(grad)
        opt.step()
        topt.step()
        np.testing.assert_allclose(ours.data, theirs.detach().numpy(), rtol=1e-12)


def test_lenet5_training_step_matches_torch():
    model = zoo.lenet5(dropout=0, rng=0).to(np.float64)
    net = torch_lenet5_like(model)
    x, y = rand((8, 1, 28, 28), 1), np.arange(8) % 10
    opt = SGD(model.parameters(), lr=0.05, momentum=0.9)
    topt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    loss = CrossEntropyLoss()
    for _ in range(3):
        value = loss.forward(model.forward(x), y)
        model.backward(loss.backward(), input_grad=False)
        opt.step()
        topt.zero_grad()
        ref = TF.cross_entropy(net(torch.tensor(x)), torch.tensor(y))
        ref.backward()
        topt.step()
        assert value == pytest.approx(ref.item(), rel=1e-10)
    for ours, theirs in zip(model.parameters(), net.parameters()):
        np.testing.assert_allclose(ours.data, theirs.detach().numpy(), atol=1e-10)
