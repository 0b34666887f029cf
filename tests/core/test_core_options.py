"""Options and edge cases of the core that PyTorch has: an empty batch in BatchNorm's eval
backward, NaN and −∞ in max pooling, windows of more than 32,767 cells."""

import numpy as np
import pytest

from core import functional as F
from core.layers import BatchNorm2d, MaxPool2d


def test_batchnorm_eval_backward_on_an_empty_batch():
    layer = BatchNorm2d(3)
    layer.eval()
    x = np.zeros((0, 3, 4, 4), np.float32)
    out = layer.forward(x)
    assert out.shape == (0, 3, 4, 4)
    dx = layer.backward(np.zeros_like(out))
    assert dx.shape == (0, 3, 4, 4)
    assert not layer.weight.grad.any() and not layer.bias.grad.any()


def _route(layer, x):
    out = layer.forward(x)
    return out, layer.backward(np.ones_like(out))


def test_a_nan_wins_its_window_and_gets_the_gradient():
    x = np.array([[[[1.0, np.nan, 3.0, 4.0],
                    [5.0, 2.0, 0.0, -1.0]]]])
    out, dx = _route(MaxPool2d(2), x)
    assert np.isnan(out[0, 0, 0, 0]) and out[0, 0, 0, 1] == 4.0
    np.testing.assert_array_equal(dx, [[[[0, 1, 0, 1], [0, 0, 0, 0]]]])
    # a NaN after the maximum, and two NaNs: the first NaN keeps the window
    x = np.array([[[[9.0, 1.0, np.nan, np.nan]]]])
    out, dx = _route(MaxPool2d((1, 2)), x)
    np.testing.assert_array_equal(dx, [[[[1, 0, 1, 0]]]])


def test_a_window_of_minus_infinity_routes_to_its_first_cell_inside_the_input():
    x = np.full((1, 1, 3, 3), -np.inf)
    out, dx = _route(MaxPool2d(3, stride=2, padding=1), x)
    assert np.all(np.isneginf(out))
    # windows start at (−1, −1), (−1, 1), (1, −1), (1, 1): first real cells (0,0) (0,1) (1,0) (1,1)
    np.testing.assert_array_equal(dx[0, 0], [[1, 1, 0], [1, 1, 0], [0, 0, 0]])


def test_windows_of_more_than_32767_cells_find_their_winner():
    x = np.zeros((1, 1, 200, 200), np.float32)
    x[0, 0, 190, 185] = 1.0
    out, arg = F.max_pool2d(x, 200, return_indices=True)
    assert out[0, 0, 0, 0] == 1.0 and arg[0, 0, 0, 0] == 190 * 200 + 185
    layer = MaxPool2d(200)
    _, dx = _route(layer, x)
    assert dx[0, 0, 190, 185] == 1.0 and dx.sum() == 1.0


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
