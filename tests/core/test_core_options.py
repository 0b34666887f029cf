"""Options and edge cases of the core that PyTorch has: an empty batch in BatchNorm's eval
backward, NaN and −∞ in max pooling, windows of more than 32,767 cells."""

import numpy as np
import pytest

from core import functional as F
from core.gradcheck import check_layer
from core.layers import AvgPool2d, BatchNorm2d, Conv2d, Linear, MaxPool2d
from core.model import Sequential

GROUP_CASES = [  # (in channels, out channels, groups, kernel, stride, padding, dilation)
    (4, 6, 2, 3, 1, 1, 1),
    (6, 6, 6, 3, 1, 1, 1),     # depthwise
    (3, 9, 3, (3, 2), 2, 0, 1),  # depthwise with a channel multiplier of 3
    (8, 4, 4, 3, 1, 2, 2),
]

POOL_CASES = [  # (size, kernel, stride, padding, dilation, ceil_mode)
    ((7, 6), 2, 2, 0, 1, True),
    ((7, 7), 3, 2, 1, 1, True),
    ((5, 8), 3, 3, 1, 1, True),
    ((6, 6), 2, 1, 1, 2, False),
    ((9, 7), 3, 2, 1, 2, True),
    ((4, 4), 3, 2, 1, 1, False),
]


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


@pytest.mark.parametrize("c, oc, groups, kernel, stride, padding, dilation", GROUP_CASES)
def test_grouped_convolution_by_all_three_methods(c, oc, groups, kernel, stride, padding,
                                                  dilation):
    rng = np.random.default_rng(c + oc)
    layer = Conv2d(c, oc, kernel, stride, padding, dilation, groups, dtype=np.float64, rng=rng)
    assert layer.weight.data.shape[:2] == (oc, c // groups)
    x = rng.standard_normal((2, c, 7, 6))
    args = (x, layer.weight.data, layer.bias.data, stride, padding, dilation, groups)
    fast = F.conv2d(*args)
    np.testing.assert_allclose(F.conv2d_im2col(*args), fast, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(F.conv2d_naive(*args), fast, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.forward(x), fast, rtol=1e-12)
    # each output channel reads only its group's input channels
    per_group = oc // groups
    for oc_index in (0, oc - 1):
        terms = F.conv_pixel(x, layer.weight.data, layer.bias.data, 0, 0, 1, oc_index,
                             stride, padding, dilation, groups)
        first = oc_index // per_group * (c // groups)
        assert terms.patch.shape[0] == c // groups
        np.testing.assert_allclose(terms.value, fast[1, oc_index, 0, 0], rtol=1e-12)
        changed = x.copy()
        others = [ch for ch in range(c) if not first <= ch < first + c // groups]
        changed[:, others] += 5.0
        np.testing.assert_allclose(F.conv2d(changed, *args[1:])[:, oc_index], fast[:, oc_index])
    for result in check_layer(layer, x):
        assert result.ok, (result.name, result.rel_error)


def test_groups_cost_and_count_less():
    dense = Conv2d(32, 32, 3, padding=1)
    depthwise = Conv2d(32, 32, 3, padding=1, groups=32)
    assert dense.macs((32, 56, 56)) == 32 * depthwise.macs((32, 56, 56))
    assert F.conv2d_macs((1, 32, 56, 56), (32, 1, 3, 3), padding=1, groups=32) == \
        depthwise.macs((32, 56, 56))
    assert F.conv2d_params(32, 32, 3, groups=32) == 32 * 9 + 32 == \
        sum(p.data.size for p in depthwise.parameters())
    assert depthwise.config()["groups"] == 32 and "groups" not in dense.config()
    model = Sequential(depthwise)
    assert Sequential.from_architecture(model.architecture())[0].groups == 32


def test_bad_groups_are_refused_naming_the_argument():
    for c, oc, groups in ((4, 6, 3), (6, 4, 4), (4, 4, 0), (4, 4, 1.5)):
        with pytest.raises(F.ShapeError) as err:
            Conv2d(c, oc, 3, groups=groups)
        assert err.value.argument == "groups"
    with pytest.raises(F.ShapeError, match="in each of 2 groups"):
        F.conv2d(np.zeros((1, 4, 5, 5)), np.zeros((2, 4, 3, 3)), groups=2)


PADDING_CASES = [  # (kernel, padding, dilation, padding_mode)
    (3, 1, 1, "reflect"), (3, 2, 1, "replicate"), (3, (1, 2), 1, "circular"),
    ((4, 3), "same", 1, "zeros"), (3, "same", 2, "reflect"), ((2, 4), "same", 1, "circular"),
    (3, "valid", 1, "zeros"), (5, 2, 1, "zeros"),
]


@pytest.mark.parametrize("kernel, padding, dilation, mode", PADDING_CASES)
def test_padding_options_by_every_method_with_gradients(kernel, padding, dilation, mode):
    rng = np.random.default_rng(7)
    layer = Conv2d(2, 3, kernel, padding=padding, dilation=dilation, padding_mode=mode,
                   dtype=np.float64, rng=rng)
    x = rng.standard_normal((2, 2, 6, 7))
    out = layer.forward(x)
    assert out.shape[1:] == layer.output_shape((2, 6, 7))
    if padding == "same":
        assert out.shape[2:] == (6, 7)
    args = (x, layer.weight.data, layer.bias.data, 1, padding, dilation)
    for method in (F.conv2d, F.conv2d_im2col, F.conv2d_naive):
        np.testing.assert_allclose(method(*args, padding_mode=mode), out, rtol=1e-12,
                                   atol=1e-12)
    terms = F.conv_pixel(*args[:3], 2, 3, padding=padding, dilation=dilation,
                         padding_mode=mode)
    np.testing.assert_allclose(terms.value, out[0, 0, 2, 3], rtol=1e-12)
    for result in check_layer(layer, x):
        assert result.ok, (result.name, result.rel_error)
    assert Sequential.from_architecture(Sequential(layer).architecture())[0].config() == \
        layer.config()


def test_bad_padding_options_are_refused_naming_the_argument():
    cases = [(dict(padding="same", stride=2), "padding"), (dict(padding="full"), "padding"),
             (dict(padding=1, padding_mode="mirror"), "padding_mode")]
    for kwargs, argument in cases:
        with pytest.raises(F.ShapeError) as err:
            Conv2d(1, 1, 3, **kwargs)
        assert err.value.argument == argument, kwargs
    x = np.zeros((1, 1, 3, 3))
    with pytest.raises(F.ShapeError, match="reflect padding 3 must be smaller than the input"):
        F.conv2d(x, np.zeros((1, 1, 3, 3)), padding=3, padding_mode="reflect")
    with pytest.raises(F.ShapeError, match="circular padding 4 must be at most"):
        Conv2d(1, 1, 3, padding=4, padding_mode="circular", dtype=np.float64).forward(x)


def test_one_image_without_a_batch_axis_and_linear_on_any_leading_axes():
    rng = np.random.default_rng(4)
    image = rng.standard_normal((2, 6, 6))
    for layer in (Conv2d(2, 3, 3, padding=1, dtype=np.float64, rng=rng), MaxPool2d(2),
                  AvgPool2d(3, 1, 1, ceil_mode=True), Conv2d(2, 2, 3, groups=2,
                                                             padding_mode="reflect",
                                                             padding=1, dtype=np.float64)):
        batched = layer.forward(image[None])
        dout = rng.standard_normal(batched.shape)
        dx = layer.backward(dout)
        single = layer.forward(image)
        assert single.shape == batched.shape[1:]
        np.testing.assert_allclose(single, batched[0])
        np.testing.assert_allclose(layer.backward(dout[0]), dx[0])
    weight = rng.standard_normal((4, 2, 3, 3))
    for method in (F.conv2d, F.conv2d_im2col, F.conv2d_naive):
        np.testing.assert_allclose(method(image, weight), F.conv2d(image[None], weight)[0])
    out, arg = F.max_pool2d(image, 2, return_indices=True)
    assert out.shape == arg.shape == (2, 3, 3)
    assert F.avg_pool2d(image, 2).shape == (2, 3, 3)
    linear = Linear(6, 5, dtype=np.float64, rng=rng)
    x = rng.standard_normal((2, 3, 4, 6))
    out = linear.forward(x)
    assert out.shape == (2, 3, 4, 5)
    np.testing.assert_allclose(out[1, 2, 3], linear.forward(x[1, 2, 3][None])[0])
    for result in check_layer(linear, x):
        assert result.ok, result.name
    assert linear.forward(x[0, 0, 0]).shape == (5,)


def test_ceil_mode_keeps_a_last_partial_window_that_starts_inside():
    assert F.conv_output_size(7, 2, 2) == 3 and F.conv_output_size(7, 2, 2, ceil_mode=True) == 4
    assert F.conv_output_size(6, 2, 2, ceil_mode=True) == 3  # no partial window to keep
    # PyTorch's rule: a last window starting in the right padding is dropped
    assert F.conv_output_size(5, 3, 3, padding=1, ceil_mode=True) == 2
    g = F.window_geometry((7, 7), 2, 2, ceil_mode=True)
    assert (g.oh, g.ow, g.eh, g.ew) == (4, 4, 1, 1)


def test_average_divisors_follow_count_include_pad_and_override():
    g = F.window_geometry((4, 4), 3, 2, 1, ceil_mode=False)
    assert F.avg_divisors((4, 4), g).tolist() == [[9, 9], [9, 9]]
    assert F.avg_divisors((4, 4), g, count_include_pad=False).tolist() == [[4, 6], [6, 9]]
    assert F.avg_divisors((4, 4), g, divisor_override=5).tolist() == [[5, 5], [5, 5]]
    for bad in (0, -2, 1.5, False):
        with pytest.raises(F.ShapeError, match="divisor_override"):
            AvgPool2d(2, divisor_override=bad)


@pytest.mark.parametrize("size, kernel, stride, padding, dilation, ceil", POOL_CASES)
def test_pool_options_pass_the_gradient_check(size, kernel, stride, padding, dilation, ceil):
    x = np.random.default_rng(sum(size)).standard_normal((2, 2, *size))
    layers = [MaxPool2d(kernel, stride, padding, dilation, ceil)]
    if dilation == 1:
        layers += [AvgPool2d(kernel, stride, padding, ceil),
                   AvgPool2d(kernel, stride, padding, ceil, count_include_pad=False),
                   AvgPool2d(kernel, stride, padding, ceil, divisor_override=3)]
    for layer in layers:
        out = layer.forward(x)
        assert out.shape[2:] == layer.output_shape((2, *size))[1:]
        for result in check_layer(layer, x):
            assert result.ok, (layer, result.name, result.rel_error)


def test_pool_options_are_kept_in_the_config():
    layer = AvgPool2d(3, 2, 1, ceil_mode=True, count_include_pad=False, divisor_override=4)
    assert layer.config() == {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True,
                              "count_include_pad": False, "divisor_override": 4}
    assert MaxPool2d(3, 1, 2, dilation=2).config() == {"kernel_size": 3, "stride": 1,
                                                       "padding": 2, "dilation": 2}
    with pytest.raises(F.ShapeError, match="padding"):
        MaxPool2d(3, 1, 2)  # more than half the kernel
