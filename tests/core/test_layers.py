import numpy as np
import pytest

from core import functional as F
from core.gradcheck import check_layer
from core.layers import (
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

F64 = np.float64


def rand(shape, seed=0, dtype=F64):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def shuffled_arange(shape, seed=0):
    """Distinct values, so no max-pool window has a tie."""
    values = np.random.default_rng(seed).permutation(int(np.prod(shape))).astype(F64)
    return (values / values.size).reshape(shape)


def away_from_zero(shape, seed=0):
    """Values with |x| ≥ 0.1, far from ReLU's kink at 0."""
    x = rand(shape, seed)
    return np.where(x >= 0, x + 0.1, x - 0.1)


def assert_gradients_ok(layer, x):
    results = check_layer(layer, x)
    assert results, "nothing was checked"
    for r in results:
        assert r.ok, f"{r.name}: relative error {r.rel_error:.2e}"
    return {r.name for r in results}


@pytest.mark.parametrize("kwargs, x_shape", [
    (dict(in_channels=1, out_channels=6, kernel_size=5, padding=2), (2, 1, 8, 8)),
    (dict(in_channels=3, out_channels=2, kernel_size=(3, 2), stride=(2, 1), padding=(1, 0)),
     (2, 3, 7, 6)),
    (dict(in_channels=2, out_channels=3, kernel_size=3, stride=2, padding=1, dilation=2),
     (1, 2, 9, 8)),
    (dict(in_channels=2, out_channels=2, kernel_size=3, padding=3, bias=False), (1, 2, 3, 4)),
])
def test_conv2d_gradients(kwargs, x_shape):
    layer = Conv2d(**kwargs, dtype=F64, rng=0)
    names = assert_gradients_ok(layer, rand(x_shape))
    assert names == ({"input", "weight", "bias"} if kwargs.get("bias", True) else
                     {"input", "weight"})


@pytest.mark.parametrize("kernel, stride, padding, x_shape", [
    (2, 2, 0, (2, 3, 6, 6)),      # LeNet's pooling: windows tile the input
    (3, 1, 1, (1, 2, 5, 5)),      # overlapping windows: gradients must add up
    (3, 2, 1, (2, 1, 7, 6)),      # overlapping, padded, non-square input
    ((2, 3), (1, 2), 0, (1, 1, 5, 7)),
])
def test_max_pool_gradients(kernel, stride, padding, x_shape):
    assert_gradients_ok(MaxPool2d(kernel, stride, padding), shuffled_arange(x_shape))


def test_max_pool_routes_to_the_winner_and_accumulates_overlaps():
    x = np.array([[[[1, 2, 3], [4, 9, 5], [6, 7, 8]]]], dtype=F64)
    pool = MaxPool2d(2, stride=1)  # four overlapping windows, every one won by the 9
    out = pool.forward(x)
    assert out[0, 0].tolist() == [[9, 9], [9, 9]]
    dx = pool.backward(np.ones_like(out))
    assert dx[0, 0].tolist() == [[0, 0, 0], [0, 4, 0], [0, 0, 0]]


@pytest.mark.parametrize("kernel, stride, padding, x_shape", [
    (2, 2, 0, (2, 3, 6, 6)), (3, 1, 1, (1, 2, 5, 5)), (3, 2, 1, (2, 1, 7, 6)),
])
def test_avg_pool_gradients(kernel, stride, padding, x_shape):
    assert_gradients_ok(AvgPool2d(kernel, stride, padding), rand(x_shape))


def test_avg_pool_spreads_gradient_evenly():
    pool = AvgPool2d(2)
    pool.forward(np.zeros((1, 1, 2, 2)))
    assert pool.backward(np.full((1, 1, 1, 1), 8.0))[0, 0].tolist() == [[2, 2], [2, 2]]


def test_linear_gradients():
    assert_gradients_ok(Linear(5, 3, dtype=F64, rng=0), rand((4, 5)))
    assert_gradients_ok(Linear(5, 3, bias=False, dtype=F64, rng=0), rand((4, 5)))


@pytest.mark.parametrize("layer", [ReLU(), LeakyReLU(0.1), Sigmoid(), Tanh(), Flatten()],
                         ids=repr)
def test_activation_and_flatten_gradients(layer):
    assert_gradients_ok(layer, away_from_zero((2, 3, 4, 4)))


@pytest.mark.parametrize("x_shape", [(4, 3, 5, 5), (6, 2, 1, 1)])
def test_batchnorm_gradients_in_training(x_shape):
    bn = BatchNorm2d(x_shape[1], dtype=F64)
    bn.weight.data = rand(x_shape[1], 1) + 2
    bn.bias.data = rand(x_shape[1], 2)
    assert_gradients_ok(bn, rand(x_shape) * 3 + 1)


def test_batchnorm_gradients_in_eval():
    bn = BatchNorm2d(3, dtype=F64)
    bn.running_mean, bn.running_var = rand(3, 1), rand(3, 2) ** 2 + 0.5
    bn.eval()
    assert_gradients_ok(bn, rand((2, 3, 4, 4)))


def test_dropout_gradient_with_frozen_mask():
    drop = Dropout(0.4, rng=0)
    assert_gradients_ok(drop, rand((8, 20)))


def test_batchnorm_statistics():
    x = rand((8, 3, 4, 4)) * np.array([1.0, 2.0, 3.0])[:, None, None] + 5
    bn = BatchNorm2d(3, dtype=F64)
    y = bn.forward(x)
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), 0, atol=1e-12)
    np.testing.assert_allclose(y.var(axis=(0, 2, 3)), 1, atol=1e-4)  # biased variance, eps 1e-5
    count = 8 * 16
    np.testing.assert_allclose(bn.running_mean, 0.1 * x.mean(axis=(0, 2, 3)))
    unbiased = x.var(axis=(0, 2, 3)) * count / (count - 1)
    np.testing.assert_allclose(bn.running_var, 0.9 + 0.1 * unbiased)
    bn.eval()
    expected = (x - bn.running_mean[:, None, None]) / np.sqrt(bn.running_var[:, None, None] + 1e-5)
    np.testing.assert_allclose(bn.forward(x), expected)


def test_batchnorm_one_value_per_channel_is_an_error_not_nan():
    bn = BatchNorm2d(4)
    with pytest.raises(ValueError, match="more than one value per channel"):
        bn.forward(np.ones((1, 4, 1, 1), np.float32))
    bn.eval()
    assert np.all(np.isfinite(bn.forward(np.ones((1, 4, 1, 1), np.float32))))


def test_dropout_is_inverted_and_identity_in_eval():
    drop = Dropout(0.3, rng=1)
    x = np.ones((200, 500), np.float32)
    y = drop.forward(x)
    kept = y != 0
    assert abs(kept.mean() - 0.7) < 0.01
    np.testing.assert_allclose(y[kept], 1 / 0.7, rtol=1e-6)
    assert drop.backward(np.ones_like(x))[~kept].sum() == 0
    drop.eval()
    assert drop.forward(x) is x
    assert Dropout(1.0, rng=0).forward(x).sum() == 0
    with pytest.raises(ValueError, match="in \\[0, 1\\], got 1.5"):
        Dropout(1.5)


ALL_LAYERS = [
    lambda dt: Conv2d(2, 3, 3, padding=1, dtype=dt, rng=0),
    lambda dt: MaxPool2d(2), lambda dt: AvgPool2d(3, 1, 1),
    lambda dt: BatchNorm2d(2, dtype=dt), lambda dt: Dropout(0.5, rng=0),
    lambda dt: ReLU(), lambda dt: LeakyReLU(), lambda dt: Sigmoid(), lambda dt: Tanh(),
]


@pytest.mark.parametrize("make", ALL_LAYERS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_layers_keep_the_dtype_and_never_write_into_dout(make, dtype):
    layer = make(dtype)
    x = rand((2, 2, 4, 4), 3, dtype)
    y = layer.forward(x)
    dout = rand(y.shape, 4, dtype)
    before = dout.copy()
    dx = layer.backward(dout)
    assert y.dtype == dtype and dx.dtype == dtype and dx.shape == x.shape
    np.testing.assert_array_equal(dout, before)
    for p in layer.parameters():
        assert p.grad.dtype == dtype and p.grad.shape == p.data.shape


def test_linear_keeps_dtype_and_dout():
    for dtype in (np.float32, np.float64):
        layer = Linear(4, 3, dtype=dtype, rng=0)
        dout = rand((2, 3), 1, dtype)
        before = dout.copy()
        layer.forward(rand((2, 4), 0, dtype))
        assert layer.backward(dout).dtype == dtype
        np.testing.assert_array_equal(dout, before)


def test_converting_a_layer_rechecks_the_input_dtype():
    conv = Conv2d(1, 1, 3, rng=0)
    x = np.ones((1, 1, 4, 4), np.float32)
    conv.forward(x)
    conv.to(np.float64)
    with pytest.raises(ValueError, match="differs from input dtype float32"):
        conv.forward(x)
    assert conv.forward(x.astype(np.float64)).dtype == np.float64


def test_mixed_dtypes_are_refused_not_converted():
    with pytest.raises(ValueError, match="differs from input dtype float32"):
        Conv2d(1, 1, 3, dtype=F64).forward(np.ones((1, 1, 4, 4), np.float32))
    with pytest.raises(ValueError, match="float64"):
        Linear(2, 2).forward(np.ones((1, 2), F64))


def test_first_layer_can_skip_the_input_gradient():
    conv = Conv2d(1, 2, 3, dtype=F64, rng=0)
    x = rand((2, 1, 5, 5))
    dout = rand(conv.forward(x).shape, 1)
    conv.backward(dout)
    full = conv.weight.grad.copy()
    assert conv.backward(dout, input_grad=False) is None
    np.testing.assert_array_equal(conv.weight.grad, full)


@pytest.mark.parametrize("make, text", [
    (lambda: Conv2d(1, 2, 3, stride=0), "stride must be ≥ 1, got 0"),
    (lambda: Conv2d(1, 2, 3, padding=-1), "padding must be ≥ 0, got -1"),
    (lambda: Conv2d(1, 2, 0), "kernel_size must be ≥ 1, got 0"),
    (lambda: Conv2d(0, 2, 3), "in_channels must be a positive int, got 0"),
    (lambda: MaxPool2d(2, padding=2), "at most half the kernel"),
    (lambda: Linear(3, -1), "out_features must be a positive int, got -1"),
])
def test_bad_constructor_arguments(make, text):
    with pytest.raises(ValueError) as info:
        make()
    assert text in str(info.value)


def test_bad_inputs_name_the_problem():
    with pytest.raises(ValueError, match="channel mismatch: input has C=3"):
        Conv2d(1, 2, 3).forward(np.ones((1, 3, 5, 5), np.float32))
    with pytest.raises(ValueError, match="effective kernel 5 .* larger than the padded input 4"):
        Conv2d(1, 2, 5).forward(np.ones((1, 1, 4, 4), np.float32))
    with pytest.raises(ValueError, match="4-D"):
        MaxPool2d(2).forward(np.ones((4, 4), np.float32))
    with pytest.raises(ValueError, match=r"expects input \(…, 3\), got \(2, 4\)"):
        Linear(3, 1).forward(np.ones((2, 4), np.float32))


def test_reprs_read_like_the_architecture():
    assert repr(Conv2d(1, 6, 5, padding=2)) == "Conv2d(1, 6, kernel_size=5, padding=2)"
    assert repr(Conv2d(3, 8, (3, 1), stride=2, bias=False)) == \
        "Conv2d(3, 8, kernel_size=[3, 1], stride=2, bias=False)"
    assert repr(MaxPool2d(2)) == "MaxPool2d(kernel_size=2)"
    assert repr(MaxPool2d(3, 1, 1)) == "MaxPool2d(kernel_size=3, stride=1, padding=1)"
    assert repr(Linear(120, 84)) == "Linear(in_features=120, out_features=84)"
    assert repr(Dropout(0.3)) == "Dropout(p=0.3)"


def test_output_shapes_use_the_formula():
    conv = Conv2d(3, 4, 3, stride=2, padding=1, dilation=2)
    assert conv.output_shape((3, 9, 8)) == (4, F.conv_output_size(9, 3, 2, 1, 2),
                                            F.conv_output_size(8, 3, 2, 1, 2))
    assert conv.forward(np.ones((1, 3, 9, 8), np.float32)).shape[1:] == conv.output_shape((3, 9, 8))
    assert conv.macs((3, 9, 8)) == 3 * 3 * 3 * 4 * 4 * 3  # KW·KH·C·OC·OH·OW, OH 4, OW 3
