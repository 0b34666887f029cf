"""The core's PyTorch options against PyTorch itself, in float64 (skipped without torch)."""

import numpy as np
import pytest

from core import functional as F
from core.layers import AvgPool2d, Conv2d, Linear, MaxPool2d
from tests.core.test_core_options import GROUP_CASES, PADDING_CASES, POOL_CASES, _route

torch = pytest.importorskip("torch")
TF = torch.nn.functional


@pytest.mark.parametrize("kernel, stride, padding", [(2, 2, 0), (3, 1, 1), (3, 2, 1), (2, 1, 1)])
def test_nan_and_minus_infinity_route_like_torch(kernel, stride, padding):
    rng = np.random.default_rng(kernel * 10 + padding)
    x = rng.standard_normal((2, 3, 7, 6))
    x[0, 0, 1, 2] = x[1, 2, 5, 5] = np.nan
    x[0, 1] = -np.inf                      # every window of a channel at −∞
    x[1, 0, :3, :3] = -np.inf
    layer = MaxPool2d(kernel, stride, padding)
    out, dx = _route(layer, x)
    tx = torch.tensor(x, requires_grad=True)
    tout = TF.max_pool2d(tx, kernel, stride, padding)
    tout.backward(torch.ones_like(tout))
    np.testing.assert_array_equal(out, tout.detach().numpy())
    np.testing.assert_array_equal(dx, tx.grad.numpy())


@pytest.mark.parametrize("size, kernel, stride, padding, dilation, ceil", POOL_CASES)
def test_pool_options_match_torch(size, kernel, stride, padding, dilation, ceil):
    x = np.random.default_rng(sum(size) + 1).standard_normal((2, 3, *size))
    dout_rng = np.random.default_rng(5)
    cases = [(MaxPool2d(kernel, stride, padding, dilation, ceil),
              lambda t: TF.max_pool2d(t, kernel, stride, padding, dilation, ceil))]
    if dilation == 1:
        for include, override in ((True, None), (False, None), (True, 3), (False, 2)):
            cases.append((AvgPool2d(kernel, stride, padding, ceil, include, override),
                          lambda t, i=include, o=override: TF.avg_pool2d(
                              t, kernel, stride, padding, ceil, i, o)))
    for layer, theirs in cases:
        out = layer.forward(x)
        dout = dout_rng.standard_normal(out.shape)
        tx = torch.tensor(x, requires_grad=True)
        tout = theirs(tx)
        tout.backward(torch.tensor(dout))
        np.testing.assert_allclose(out, tout.detach().numpy(), rtol=1e-12, atol=1e-14,
                                   err_msg=repr(layer))
        np.testing.assert_allclose(layer.backward(dout), tx.grad.numpy(), rtol=1e-12,
                                   atol=1e-14, err_msg=repr(layer))


@pytest.mark.parametrize("c, oc, groups, kernel, stride, padding, dilation", GROUP_CASES)
def test_grouped_convolution_matches_torch(c, oc, groups, kernel, stride, padding, dilation):
    rng = np.random.default_rng(c * oc)
    layer = Conv2d(c, oc, kernel, stride, padding, dilation, groups, dtype=np.float64, rng=rng)
    x = rng.standard_normal((2, c, 8, 7))
    out = layer.forward(x)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    tx = torch.tensor(x, requires_grad=True)
    tw = torch.tensor(layer.weight.data, requires_grad=True)
    tb = torch.tensor(layer.bias.data, requires_grad=True)
    tout = TF.conv2d(tx, tw, tb, stride, padding, dilation, groups)
    tout.backward(torch.tensor(dout))
    np.testing.assert_allclose(out, tout.detach().numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.weight.grad, tw.grad.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.bias.grad, tb.grad.numpy(), rtol=1e-12, atol=1e-12)
    args = (x[:1, :, :5, :5], layer.weight.data, layer.bias.data, stride, padding, dilation,
            groups)
    np.testing.assert_allclose(F.conv2d_naive(*args), TF.conv2d(
        *(torch.tensor(a) for a in args[:3]), stride, padding, dilation, groups).numpy(),
        rtol=1e-12, atol=1e-12)


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")
@pytest.mark.parametrize("kernel, padding, dilation, mode", PADDING_CASES)
def test_padding_options_match_torch(kernel, padding, dilation, mode):
    rng = np.random.default_rng(11)
    layer = Conv2d(2, 3, kernel, padding=padding, dilation=dilation, padding_mode=mode,
                   dtype=np.float64, rng=rng)
    x = rng.standard_normal((2, 2, 6, 7))
    out = layer.forward(x)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    theirs = torch.nn.Conv2d(2, 3, kernel, padding=padding, dilation=dilation,
                             padding_mode=mode).double()
    with torch.no_grad():
        theirs.weight.copy_(torch.tensor(layer.weight.data))
        theirs.bias.copy_(torch.tensor(layer.bias.data))
    tx = torch.tensor(x, requires_grad=True)
    tout = theirs(tx)
    tout.backward(torch.tensor(dout))
    np.testing.assert_allclose(out, tout.detach().numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.weight.grad, theirs.weight.grad.numpy(), rtol=1e-12,
                               atol=1e-12)


def test_one_image_and_leading_axes_match_torch():
    rng = np.random.default_rng(9)
    image = rng.standard_normal((3, 7, 7))
    conv = Conv2d(3, 6, 3, padding="same", groups=3, dtype=np.float64, rng=rng)
    theirs = torch.nn.Conv2d(3, 6, 3, padding="same", groups=3).double()
    with torch.no_grad():
        theirs.weight.copy_(torch.tensor(conv.weight.data))
        theirs.bias.copy_(torch.tensor(conv.bias.data))
    np.testing.assert_allclose(conv.forward(image), theirs(torch.tensor(image)).detach().numpy(),
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(MaxPool2d(3, 2, 1, ceil_mode=True).forward(image),
                               TF.max_pool2d(torch.tensor(image), 3, 2, 1, ceil_mode=True).numpy())
    linear = Linear(7, 2, dtype=np.float64, rng=rng)
    tl = torch.nn.Linear(7, 2).double()
    with torch.no_grad():
        tl.weight.copy_(torch.tensor(linear.weight.data))
        tl.bias.copy_(torch.tensor(linear.bias.data))
    np.testing.assert_allclose(linear.forward(image), tl(torch.tensor(image)).detach().numpy(),
                               rtol=1e-12, atol=1e-12)
