"""The readable references of ``core.reference`` equal the fast paths (float64, 1e-12) over a grid
of shapes, strides, padding, dilation and groups, and their own gradients pass a float64
gradient check (central differences, eps 1e-6, |a − n| ≤ 1e-5 + 1e-3·|n|)."""

import ast
import inspect

import numpy as np
import pytest

from core import functional as F
from core import reference as R
from core.gradcheck import gradients_close, numerical_gradient
from core.layers import (
    AvgPool2d,
    Conv2d,
    LeakyReLU,
    Linear,
    MaxPool2d,
    ReLU,
    Sigmoid,
    Tanh,
)
from core.losses import CrossEntropyLoss, MSELoss
from core.optim import SGD
from core.zoo import shallow_net

TOL = dict(rtol=0, atol=1e-12)

# x shape, weight shape, stride, padding, dilation, groups
CONV_GRID = [
    ((1, 1, 5, 5), (1, 1, 3, 3), 1, 0, 1, 1),                 # batch 1, channel 1
    ((1, 1, 3, 3), (16, 1, 3, 3), 1, 0, 1, 1),                # the lesson's first convolution
    ((1, 3, 6, 6), (1, 3, 3, 3), 1, 0, 1, 1),                 # the lesson's conv -> pool -> FC
    ((2, 3, 7, 6), (4, 3, 3, 2), (2, 1), (1, 2), 1, 1),       # non-square input/kernel/stride/pad
    ((3, 2, 6, 9), (4, 1, 3, 3), 2, 3, 1, 2),                 # padding > kernel/2, groups 2
    ((2, 4, 8, 7), (4, 1, 2, 3), 1, 1, (2, 1), 4),            # depthwise, non-square dilation
    ((1, 2, 4, 4), (3, 2, 5, 5), 1, 2, 1, 1),                 # kernel wider than the input
    ((2, 1, 9, 5), (2, 1, 3, 1), (3, 2), 0, (2, 3), 1),       # stride and dilation non-square
    ((1, 2, 5, 8), (2, 2, 1, 1), 2, (0, 1), 1, 1),            # 1×1 kernel, stride 2
    ((2, 6, 5, 5), (6, 2, 3, 3), 2, 2, 2, 3),                 # everything at once
]
CONV_IDS = [f"x{c[0]}-w{c[1]}-s{c[2]}-p{c[3]}-d{c[4]}-g{c[5]}" for c in CONV_GRID]

# x shape, kernel, stride, padding, dilation (max pooling only)
POOL_GRID = [
    ((1, 1, 4, 4), 2, None, 0, 1),                            # the lesson's 2×2, stride 2
    ((2, 3, 6, 6), 2, None, 0, 1),                            # batch and channels
    ((1, 1, 7, 5), 3, 2, 1, 1),                               # overlapping, padded, non-square
    ((2, 2, 8, 9), (3, 2), (2, 1), (1, 1), 1),                # non-square kernel and stride
    ((3, 1, 5, 8), 2, 1, 0, 1),                               # stride 1: windows overlap a lot
    ((1, 2, 9, 9), 3, 1, 1, 2),                               # dilation (max only)
    ((2, 2, 5, 7), 3, 3, 1, 1),                               # stride = kernel with padding
]
POOL_IDS = [f"x{c[0]}-k{c[1]}-s{c[2]}-p{c[3]}-d{c[4]}" for c in POOL_GRID]


def normal(rng, shape):
    return rng.standard_normal(shape)


def without_ties(rng, shape):
    """A shuffled arange: no window has two equal values (a max-pool gradient check needs it)."""
    return rng.permutation(int(np.prod(shape))).reshape(shape).astype(np.float64) / 10


# ------------------------------------------------------------------------ equal to the fast paths


@pytest.mark.parametrize("size", [1, 5, 7, 28, 32])
@pytest.mark.parametrize("kernel", [1, 2, 3, 5])
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("padding", [0, 1, 2, 4])
@pytest.mark.parametrize("dilation", [1, 2])
def test_output_size_equals_the_fast_formula(size, kernel, stride, padding, dilation):
    if dilation * (kernel - 1) + 1 > size + 2 * padding:
        return  # the window does not fit: the fast path raises, the reference assumes it fits
    assert R.conv_output_size(size, kernel, stride, padding, dilation) == \
        F.conv_output_size(size, kernel, stride, padding, dilation)


@pytest.mark.parametrize("padding", [0, 1, 3, (2, 0), (1, 4)])
def test_pad_equals_the_fast_pad(padding):
    x = normal(np.random.default_rng(1), (2, 3, 4, 5))
    ph, pw = F.pair(padding, "padding")
    np.testing.assert_array_equal(R.pad2d(x, padding), F.pad2d(x, ph, pw))
    np.testing.assert_array_equal(R.pad2d(x, padding, -np.inf), F.pad2d(x, ph, pw, -np.inf))


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation, groups", CONV_GRID,
                         ids=CONV_IDS)
def test_convolutions_equal_every_fast_method(x_shape, w_shape, stride, padding, dilation,
                                              groups):
    rng = np.random.default_rng(2)
    x, weight, bias = normal(rng, x_shape), normal(rng, w_shape), normal(rng, w_shape[0])
    window = dict(stride=stride, padding=padding, dilation=dilation, groups=groups)
    fast = F.conv2d(x, weight, bias, **window)
    for reference in (R.conv2d_naive, R.conv2d_im2col):
        out = reference(x, weight, bias, **window)
        assert out.shape == fast.shape and out.dtype == np.float64
        np.testing.assert_allclose(out, fast, **TOL)
    for method in (F.conv2d_naive, F.conv2d_im2col):
        np.testing.assert_allclose(R.conv2d_naive(x, weight, None, **window),
                                   method(x, weight, None, **window), **TOL)


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation, groups", CONV_GRID,
                         ids=CONV_IDS)
def test_im2col_and_col2im_equal_the_fast_ones(x_shape, w_shape, stride, padding, dilation,
                                               groups):
    rng = np.random.default_rng(3)
    x = normal(rng, x_shape)
    kernel = w_shape[2:]
    cols = R.im2col(x, kernel, stride, padding, dilation)
    np.testing.assert_array_equal(cols, F.im2col(x, kernel, stride, padding, dilation))
    y = normal(rng, cols.shape)
    np.testing.assert_allclose(R.col2im(y, x_shape, kernel, stride, padding, dilation),
                               F.col2im(y, x_shape, kernel, stride, padding, dilation), **TOL)
    # the adjoint: sum(im2col(x)·y) == sum(x·col2im(y))
    assert np.isclose(np.sum(cols * y),
                      np.sum(x * R.col2im(y, x_shape, kernel, stride, padding, dilation)),
                      rtol=1e-12)


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation, groups", CONV_GRID,
                         ids=CONV_IDS)
def test_convolution_backward_equals_the_layer(x_shape, w_shape, stride, padding, dilation,
                                               groups):
    rng = np.random.default_rng(4)
    x, weight, bias = normal(rng, x_shape), normal(rng, w_shape), normal(rng, w_shape[0])
    layer = Conv2d(x_shape[1], w_shape[0], w_shape[2:], stride, padding, dilation, groups,
                   dtype=np.float64)
    layer.weight.data, layer.bias.data = weight.copy(), bias.copy()
    out = layer.forward(x)
    dout = normal(rng, out.shape)
    dx = layer.backward(dout.copy())
    rdx, rdw, rdb = R.conv2d_backward(dout, x, weight, stride, padding, dilation, groups)
    np.testing.assert_allclose(rdx, dx, **TOL)
    np.testing.assert_allclose(rdw, layer.weight.grad, **TOL)
    np.testing.assert_allclose(rdb, layer.bias.grad, **TOL)


@pytest.mark.parametrize("x_shape, kernel, stride, padding, dilation", POOL_GRID, ids=POOL_IDS)
@pytest.mark.parametrize("values", [without_ties, lambda rng, shape: rng.integers(-2, 3, shape)
                                    .astype(np.float64)], ids=["no ties", "ties"])
def test_max_pool_forward_and_backward_equal_the_fast_ones(x_shape, kernel, stride, padding,
                                                          dilation, values):
    rng = np.random.default_rng(5)
    x = values(rng, x_shape)
    np.testing.assert_array_equal(R.max_pool2d(x, kernel, stride, padding, dilation),
                                  F.max_pool2d(x, kernel, stride, padding, dilation))
    layer = MaxPool2d(kernel, stride, padding, dilation)
    dout = normal(rng, layer.forward(x).shape)
    np.testing.assert_allclose(R.max_pool2d_backward(dout, x, kernel, stride, padding, dilation),
                               layer.backward(dout.copy()), **TOL)


def test_max_pool_backward_sends_ties_to_the_first_winner_and_adds_overlaps():
    x = np.array([[[[1.0, 3.0, 3.0],
                    [0.0, 3.0, 2.0]]]])
    dx = R.max_pool2d_backward(np.array([[[[10.0, 100.0]]]]), x, 2, stride=1)
    # window 1 (columns 0-1): first 3 at (0, 1); window 2 (columns 1-2): first 3 at (0, 1) too
    np.testing.assert_array_equal(dx, [[[[0.0, 110.0, 0.0], [0.0, 0.0, 0.0]]]])


@pytest.mark.parametrize("x_shape, kernel, stride, padding, dilation",
                         [c for c in POOL_GRID if c[4] == 1], ids=[i for i, c in
                                                                    zip(POOL_IDS, POOL_GRID)
                                                                    if c[4] == 1])
def test_avg_pool_forward_and_backward_equal_the_fast_ones(x_shape, kernel, stride, padding,
                                                          dilation):
    rng = np.random.default_rng(6)
    x = normal(rng, x_shape)
    np.testing.assert_allclose(R.avg_pool2d(x, kernel, stride, padding),
                               F.avg_pool2d(x, kernel, stride, padding), **TOL)
    layer = AvgPool2d(kernel, stride, padding)
    dout = normal(rng, layer.forward(x).shape)
    np.testing.assert_allclose(R.avg_pool2d_backward(dout, x_shape, kernel, stride, padding),
                               layer.backward(dout.copy()), **TOL)


ACTIVATIONS = [
    (R.relu, R.relu_derivative, F.relu, ReLU),
    (lambda x: R.leaky_relu(x, 0.1), lambda x: R.leaky_relu_derivative(x, 0.1),
     lambda x: F.leaky_relu(x, 0.1), lambda: LeakyReLU(0.1)),
    (R.sigmoid, R.sigmoid_derivative, F.sigmoid, Sigmoid),
    (R.tanh, R.tanh_derivative, F.tanh, Tanh),
]


@pytest.mark.parametrize("forward, derivative, fast, layer_type", ACTIVATIONS,
                         ids=["relu", "leaky_relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_activations_and_derivatives_equal_the_fast_ones(forward, derivative, fast, layer_type,
                                                         dtype):
    rng = np.random.default_rng(7)
    x = np.concatenate([np.arange(-10, 10), 3 * rng.standard_normal(40),
                        [-800.0, -80.0, 80.0, 800.0]]).reshape(2, 32).astype(dtype)
    tol = TOL if dtype == np.float64 else dict(rtol=1e-6, atol=1e-7)
    with np.errstate(over="raise"):  # sigmoid never exponentiates a large positive number
        y = forward(x)
    assert y.dtype == dtype
    np.testing.assert_allclose(y, fast(x), **tol)
    layer = layer_type()
    layer.forward(x)
    dout = rng.standard_normal(x.shape).astype(dtype)
    assert derivative(x).dtype == dtype
    np.testing.assert_allclose(derivative(x) * dout, layer.backward(dout.copy()), **tol)


def test_linear_forward_and_backward_equal_the_layer():
    rng = np.random.default_rng(8)
    x, weight, bias = normal(rng, (5, 7)), normal(rng, (3, 7)), normal(rng, 3)
    layer = Linear(7, 3, dtype=np.float64)
    layer.weight.data, layer.bias.data = weight.copy(), bias.copy()
    np.testing.assert_allclose(R.linear(x, weight, bias), layer.forward(x), **TOL)
    dout = normal(rng, (5, 3))
    dx = layer.backward(dout.copy())
    rdx, rdw, rdb = R.linear_backward(dout, x, weight)
    np.testing.assert_allclose(rdx, dx, **TOL)
    np.testing.assert_allclose(rdw, layer.weight.grad, **TOL)
    np.testing.assert_allclose(rdb, layer.bias.grad, **TOL)


@pytest.mark.parametrize("scale", [1.0, 1000.0])
def test_softmax_cross_entropy_equals_the_loss(scale):
    rng = np.random.default_rng(9)
    logits, target = scale * normal(rng, (6, 10)), rng.integers(0, 10, 6)
    loss = CrossEntropyLoss()
    assert abs(R.cross_entropy(logits, target) - loss.forward(logits, target)) <= 1e-12 * scale
    np.testing.assert_allclose(R.cross_entropy_backward(logits, target), loss.backward(), **TOL)
    np.testing.assert_allclose(R.softmax(logits), F.softmax(logits), **TOL)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("y, lr", [(1.0, 0.01), (0.0, 0.5)])
def test_tiny_network_step_equals_the_model_with_sgd(seed, y, lr):
    rng = np.random.default_rng(seed)
    x, w1, w2 = normal(rng, (6, 6)), normal(rng, (3, 3)), normal(rng, (1, 4))
    model = shallow_net(rng=seed).to(np.float64)
    model[0].weight.data, model[4].weight.data = w1[None, None].copy(), w2.copy()
    loss = MSELoss(halved=True)
    value = loss.forward(model.forward(x[None, None]), np.full((1, 1), y))
    model.backward(loss.backward())
    SGD(model.parameters(), lr).step()
    new_w1, new_w2, reference_loss = R.tiny_net_step(x, y, w1, w2, lr)
    assert abs(reference_loss - value) <= 1e-12
    np.testing.assert_allclose(new_w1, model[0].weight.data[0, 0], **TOL)
    np.testing.assert_allclose(new_w2, model[4].weight.data, **TOL)


# --------------------------------------------------------------------------- gradient checks


def check(objective, array, analytic):
    numeric = numerical_gradient(objective, array, eps=1e-6)
    assert gradients_close(analytic, numeric), np.max(np.abs(analytic - numeric))


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation, groups",
                         [CONV_GRID[0], CONV_GRID[3], CONV_GRID[4], CONV_GRID[5], CONV_GRID[7]],
                         ids=[CONV_IDS[i] for i in (0, 3, 4, 5, 7)])
def test_convolution_backward_passes_a_gradient_check(x_shape, w_shape, stride, padding,
                                                      dilation, groups):
    rng = np.random.default_rng(10)
    x, weight, bias = normal(rng, x_shape), normal(rng, w_shape), normal(rng, w_shape[0])
    window = (stride, padding, dilation, groups)
    weights = normal(rng, R.conv2d_im2col(x, weight, bias, *window).shape)

    def objective():
        return float(np.sum(R.conv2d_im2col(x, weight, bias, *window) * weights))

    dx, dweight, dbias = R.conv2d_backward(weights, x, weight, *window)
    check(objective, x, dx)
    check(objective, weight, dweight)
    check(objective, bias, dbias)


def test_the_naive_convolution_has_the_same_gradient():
    rng = np.random.default_rng(11)
    x, weight = normal(rng, (1, 2, 4, 5)), normal(rng, (2, 2, 2, 3))
    weights = normal(rng, R.conv2d_naive(x, weight, None, 2, 1).shape)

    def objective():
        return float(np.sum(R.conv2d_naive(x, weight, None, 2, 1) * weights))

    dx, dweight, _ = R.conv2d_backward(weights, x, weight, 2, 1)
    check(objective, x, dx)
    check(objective, weight, dweight)


@pytest.mark.parametrize("x_shape, kernel, stride, padding, dilation", POOL_GRID, ids=POOL_IDS)
def test_max_pool_backward_passes_a_gradient_check(x_shape, kernel, stride, padding, dilation):
    rng = np.random.default_rng(12)
    x = without_ties(rng, x_shape)
    weights = normal(rng, R.max_pool2d(x, kernel, stride, padding, dilation).shape)

    def objective():
        return float(np.sum(R.max_pool2d(x, kernel, stride, padding, dilation) * weights))

    check(objective, x, R.max_pool2d_backward(weights, x, kernel, stride, padding, dilation))


@pytest.mark.parametrize("x_shape, kernel, stride, padding, dilation",
                         [c for c in POOL_GRID if c[4] == 1])
def test_avg_pool_backward_passes_a_gradient_check(x_shape, kernel, stride, padding, dilation):
    rng = np.random.default_rng(13)
    x = normal(rng, x_shape)
    weights = normal(rng, R.avg_pool2d(x, kernel, stride, padding).shape)

    def objective():
        return float(np.sum(R.avg_pool2d(x, kernel, stride, padding) * weights))

    check(objective, x, R.avg_pool2d_backward(weights, x_shape, kernel, stride, padding))


@pytest.mark.parametrize("forward, derivative", [(c[0], c[1]) for c in ACTIVATIONS],
                         ids=["relu", "leaky_relu", "sigmoid", "tanh"])
def test_activation_derivatives_pass_a_gradient_check(forward, derivative):
    rng = np.random.default_rng(14)
    x = 3 * normal(rng, (3, 8))
    x[np.abs(x) < 1e-3] = 0.5  # ReLU's kink at 0 gives false failures
    weights = normal(rng, x.shape)

    def objective():
        return float(np.sum(forward(x) * weights))

    check(objective, x, derivative(x) * weights)


def test_linear_and_cross_entropy_backward_pass_a_gradient_check():
    rng = np.random.default_rng(15)
    x, weight, bias = normal(rng, (4, 5)), normal(rng, (3, 5)), normal(rng, 3)
    target = np.array([0, 2, 1, 2])

    def objective():
        return R.cross_entropy(R.linear(x, weight, bias), target)

    dlogits = R.cross_entropy_backward(R.linear(x, weight, bias), target)
    dx, dweight, dbias = R.linear_backward(dlogits, x, weight)
    check(objective, x, dx)
    check(objective, weight, dweight)
    check(objective, bias, dbias)


@pytest.mark.parametrize("seed", [0, 1])
def test_tiny_network_step_follows_the_gradient_of_its_loss(seed):
    rng = np.random.default_rng(seed)
    x, w1, w2, lr = normal(rng, (6, 6)), normal(rng, (3, 3)), normal(rng, (1, 4)), 0.1
    new_w1, new_w2, _ = R.tiny_net_step(x, 1.0, w1, w2, lr)

    def objective():
        return float(R.tiny_net_step(x, 1.0, w1, w2, lr)[2])

    check(objective, w1, (w1 - new_w1) / lr)
    check(objective, w2, (w2 - new_w2) / lr)


# ----------------------------------------------------------------------- readable on their own


@pytest.mark.parametrize("name", R.reference_names())
def test_every_reference_reads_on_its_own(name):
    """Its source alone, with the references it names, runs: nothing is hidden elsewhere. And
    it stays short: at most 25 lines besides its docstring and comments."""
    function = getattr(R, name)
    tree = ast.parse(inspect.getsource(function))
    body = tree.body[0].body
    assert isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant), \
        f"{name} has no docstring"
    code = [line for line in ast.unparse(body[1:]).splitlines() if line.strip()]
    assert 1 <= len(code) <= 25, f"{name}: {len(code)} lines"
    assert "N, C" in function.__doc__ or "Shape" in function.__doc__ or name in (
        "pair", "conv_output_size", "relu", "relu_derivative", "leaky_relu",
        "leaky_relu_derivative", "sigmoid", "sigmoid_derivative", "tanh", "tanh_derivative",
        "softmax", "cross_entropy_backward") or "(N" in function.__doc__
    namespace: dict = {}
    exec(compile(R.reference_source(name, runnable=True), f"<{name}>", "exec"), namespace)
    assert namespace[name].__code__.co_code == function.__code__.co_code


def test_key_lines_point_at_the_lines_a_page_highlights():
    for name, roles in R.KEY_LINES.items():
        lines = R.reference_source(name).splitlines()
        for role, fragment in roles.items():
            assert fragment in lines[R.key_line(name, role) - 1]
            assert sum(fragment in line for line in lines) == 1, (name, role)


def test_unknown_reference_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="conv3d"):
        R.reference_source("conv3d")


def test_references_keep_float32():
    rng = np.random.default_rng(16)
    x = rng.standard_normal((1, 2, 6, 5)).astype(np.float32)
    weight = rng.standard_normal((3, 2, 3, 3)).astype(np.float32)
    out = R.conv2d_naive(x, weight, None, 1, 1)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, F.conv2d(x, weight, None, 1, 1), rtol=1e-5, atol=1e-5)
    for result in (R.im2col(x, 3, 2, 1), R.max_pool2d(x, 2), R.avg_pool2d(x, 2, 1, 1),
                   R.pad2d(x, 2), *R.conv2d_backward(out, x, weight, 1, 1)):
        assert result.dtype == np.float32
