import itertools

import numpy as np
import pytest

from core import functional as F
from core.functional import ShapeError


def rand(shape, dtype=np.float64, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


# ---------------------------------------------------------------- the output-size formula

@pytest.mark.parametrize("size, kernel, stride, padding, dilation, expected", [
    (28, 5, 1, 2, 1, 28),    # LeNet conv1 keeps the size
    (14, 5, 1, 0, 1, 10),
    (28, 2, 2, 0, 1, 14),    # pooling halves
    (7, 3, 2, 1, 1, 4),      # floor: (7 + 2 - 2 - 1) / 2 + 1 = 4
    (10, 3, 1, 0, 2, 6),     # dilation 2: effective kernel 5
    (10, 3, 3, 0, 2, 2),
    (3, 3, 1, 0, 1, 1),
    (1, 3, 1, 1, 1, 1),      # kernel wider than the input, fits thanks to padding
])
def test_conv_output_size_formula(size, kernel, stride, padding, dilation, expected):
    assert F.conv_output_size(size, kernel, stride, padding, dilation) == expected


def test_conv_output_size_matches_brute_force_window_count():
    for size, k, s, p, d in itertools.product(range(1, 9), range(1, 5), range(1, 4), range(3),
                                              range(1, 4)):
        starts = [y for y in range(0, size + 2 * p, s) if y + d * (k - 1) < size + 2 * p]
        if not starts:
            with pytest.raises(ShapeError):
                F.conv_output_size(size, k, s, p, d)
        else:
            assert F.conv_output_size(size, k, s, p, d) == len(starts)


@pytest.mark.parametrize("kwargs, argument, text", [
    (dict(stride=0), "stride", "stride must be ≥ 1, got 0"),
    (dict(stride=-2), "stride", "got -2"),
    (dict(padding=-1), "padding", "padding must be ≥ 0, got -1"),
    (dict(dilation=0), "dilation", "dilation must be ≥ 1, got 0"),
    (dict(kernel=9), "kernel_size",
     "effective kernel 9 (kernel 9) is larger than the padded input 8"),
    (dict(kernel=3, dilation=4), "kernel_size", "effective kernel 9 (kernel 3, dilation 4)"),
    (dict(stride=1.5), "stride", "stride must be an int"),
])
def test_conv_output_size_rejects_bad_values_naming_them(kwargs, argument, text):
    args = dict(size=8, kernel=3) | kwargs
    with pytest.raises(ValueError, match=None) as info:
        F.conv_output_size(**args)
    assert text in str(info.value)
    assert info.value.argument == argument


# ---------------------------------------------------------------- the three convolutions agree

GRID = [
    # (N, C, H, W), (OC, KH, KW), stride, padding, dilation
    ((1, 1, 3, 3), (16, 3, 3), 1, 0, 1),        # the lesson's first demo
    ((1, 1, 6, 6), (1, 3, 3), 1, 0, 1),
    ((2, 3, 7, 9), (4, 3, 2), (2, 1), (1, 0), 1),  # non-square kernel and stride
    ((3, 2, 8, 8), (2, 3, 3), 2, 1, 2),          # stride and dilation together
    ((2, 1, 5, 6), (3, 3, 3), 1, 3, 1),          # padding > kernel / 2
    ((1, 2, 2, 3), (2, 4, 5), 1, 2, 1),          # kernel wider than the input
    ((2, 2, 9, 7), (3, 2, 3), (3, 2), (2, 1), (2, 3)),  # everything non-square
    ((4, 1, 1, 1), (2, 1, 1), 1, 0, 1),
]


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation", GRID)
@pytest.mark.parametrize("dtype, tol", [(np.float64, 1e-12), (np.float32, 1e-5)])
@pytest.mark.parametrize("bias", [False, True])
def test_naive_im2col_and_fast_convolutions_agree(x_shape, w_shape, stride, padding, dilation,
                                                  dtype, tol, bias):
    x = rand(x_shape, dtype, 1)
    w = rand((w_shape[0], x_shape[1]) + w_shape[1:], dtype, 2)
    b = rand(w_shape[:1], dtype, 3) if bias else None
    ref = F.conv2d_naive(x, w, b, stride, padding, dilation)
    for method in (F.conv2d_im2col, F.conv2d):
        out = method(x, w, b, stride, padding, dilation)
        assert out.dtype == dtype and out.shape == ref.shape
        np.testing.assert_allclose(out, ref, rtol=tol, atol=tol)


def test_naive_convolution_values_by_hand():
    # 1×1×3×3 input 0..8, 2×2 kernel of ones, stride 1: sums of each 2×2 block.
    x = np.arange(9, dtype=np.float64).reshape(1, 1, 3, 3)
    w = np.ones((1, 1, 2, 2))
    assert F.conv2d_naive(x, w).ravel().tolist() == [8, 12, 20, 24]
    # stride 2 with padding 1 on a 4×4: windows start at rows/columns -1, 1 and 3.
    x = np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4)
    out = F.conv2d_naive(x, np.ones((1, 1, 2, 2)), stride=2, padding=1)
    assert out[0, 0].tolist() == [[0, 1 + 2, 3],
                                  [4 + 8, 5 + 6 + 9 + 10, 7 + 11],
                                  [12, 13 + 14, 15]]
    # dilation 2: taps at offsets 0 and 2.
    x = np.arange(5, dtype=np.float64).reshape(1, 1, 1, 5)
    out = F.conv2d_naive(x, np.ones((1, 1, 1, 2)), dilation=2)
    assert out.ravel().tolist() == [0 + 2, 1 + 3, 2 + 4]


def test_every_image_of_the_batch_is_convolved():
    # The lesson's im2col read only image 0: the second image here must not copy the first.
    x = rand((2, 1, 5, 5))
    w = rand((1, 1, 3, 3), seed=5)
    for method in (F.conv2d_naive, F.conv2d_im2col, F.conv2d):
        out = method(x, w)
        np.testing.assert_allclose(out[1], F.conv2d_naive(x[1:], w)[0], atol=1e-12)


def test_lesson_first_convolution_shape():
    x = np.arange(9, dtype=np.float32).reshape(1, 1, 3, 3)
    w = rand((16, 1, 3, 3), np.float32)
    assert F.conv2d(x, w).shape == (1, 16, 1, 1)


@pytest.mark.parametrize("call, text", [
    (lambda x, w: F.conv2d(x, w, stride=0), "stride must be ≥ 1, got 0"),
    (lambda x, w: F.conv2d(x, w, padding=-1), "padding must be ≥ 0, got -1"),
    (lambda x, w: F.conv2d(x, w, dilation=0), "dilation must be ≥ 1, got 0"),
    (lambda x, w: F.conv2d(x, w, dilation=4), "effective kernel 9"),
    (lambda x, w: F.conv2d(x[:, :1], w), "channel mismatch: input has C=1"),
    (lambda x, w: F.conv2d(x[0, 0], w), "input must be 4-D (N, C, H, W), got shape (6, 6)"),
    (lambda x, w: F.conv2d(x, w[0]), "weight must be 4-D"),
    (lambda x, w: F.conv2d(x, w, bias=np.zeros(5)), "bias has 5 values"),
    (lambda x, w: F.conv2d(x.astype(np.float32), w), "weight dtype float64 differs"),
    (lambda x, w: F.conv2d(x.astype(int), w), "input must be float32 or float64"),
    (lambda x, w: F.conv2d(x, w, stride=(1, 2, 3)), "stride must be an int or a pair"),
])
@pytest.mark.parametrize("method", ["conv2d", "conv2d_naive", "conv2d_im2col"])
def test_bad_convolution_arguments_raise_value_error_naming_them(call, text, method, monkeypatch):
    monkeypatch.setattr(F, "conv2d", getattr(F, method))
    x, w = rand((1, 2, 6, 6)), rand((3, 2, 3, 3))
    with pytest.raises(ValueError) as info:
        call(x, w)
    assert text in str(info.value)


# ---------------------------------------------------------------- im2col / col2im

@pytest.mark.parametrize("x_shape, k, stride, padding, dilation", [
    ((2, 3, 7, 6), (3, 2), (2, 1), (1, 2), 1),
    ((1, 1, 6, 6), 3, 1, 0, 1),
    ((2, 2, 8, 9), 3, 2, 1, (2, 1)),
    ((3, 1, 4, 4), 2, 2, 0, 1),      # exact tiling (the reordering shortcut)
    ((1, 2, 5, 5), 3, 1, 4, 1),
])
def test_col2im_is_the_adjoint_of_im2col(x_shape, k, stride, padding, dilation):
    x = rand(x_shape)
    cols = F.im2col(x, k, stride, padding, dilation)
    y = rand(cols.shape, seed=7)
    lhs = np.sum(cols * y)
    rhs = np.sum(x * F.col2im(y, x_shape, k, stride, padding, dilation))
    assert lhs == pytest.approx(rhs, rel=1e-12)


def test_im2col_layout_is_documented_one():
    x = np.arange(2 * 2 * 3 * 3, dtype=np.float64).reshape(2, 2, 3, 3)
    cols = F.im2col(x, 2)
    assert cols.shape == (2, 2 * 2 * 2, 2 * 2)
    # row (c·KH + i)·KW + j, column oh·OW + ow
    for n, c, i, j, oh, ow in itertools.product(range(2), range(2), range(2), range(2), range(2),
                                                range(2)):
        assert cols[n, (c * 2 + i) * 2 + j, oh * 2 + ow] == x[n, c, oh + i, ow + j]


def test_col2im_adds_overlapping_patches():
    ones = np.ones((1, 9, 4))  # 3×3 kernel on a 4×4 input: 4 overlapping windows
    counts = F.col2im(ones, (1, 1, 4, 4), 3)
    assert counts[0, 0].tolist() == [[1, 2, 2, 1], [2, 4, 4, 2], [2, 4, 4, 2], [1, 2, 2, 1]]


def test_col2im_rejects_wrong_shape():
    with pytest.raises(ValueError, match=r"cols has shape \(1, 9, 3\), expected \(1, 9, 4\)"):
        F.col2im(np.ones((1, 9, 3)), (1, 1, 4, 4), 3)


# ---------------------------------------------------------------- pooling

def test_max_pool_is_per_image_and_pads_with_minus_infinity():
    x = -np.arange(2 * 1 * 4 * 4, dtype=np.float64).reshape(2, 1, 4, 4) - 1  # all negative
    out = F.max_pool2d(x, 2)
    assert out.shape == (2, 1, 2, 2)
    # per image: image 1 is much more negative, so a batch-wide max would be wrong
    assert out[1, 0, 0, 0] == x[1, 0, 0, 0]
    # padding with zeros would make every padded window's max 0; −∞ keeps the real values
    padded = F.max_pool2d(x, 3, stride=1, padding=1)
    assert padded.max() < 0


def test_max_pool_indices_pick_the_first_of_ties():
    x = np.zeros((1, 1, 2, 2))
    out, arg = F.max_pool2d(x, 2, return_indices=True)
    assert arg.ravel().tolist() == [0]


def test_avg_pool_counts_zero_padding():
    x = np.ones((1, 1, 2, 2))
    out = F.avg_pool2d(x, 2, stride=1, padding=1)
    assert out[0, 0].tolist() == [[0.25, 0.5, 0.25], [0.5, 1.0, 0.5], [0.25, 0.5, 0.25]]


def test_pool_padding_larger_than_half_kernel_is_rejected():
    with pytest.raises(ValueError, match="at most half the kernel"):
        F.max_pool2d(np.ones((1, 1, 4, 4)), 2, padding=2)


def test_pool_output_uses_the_formula_with_padding_and_stride():
    x = rand((1, 1, 7, 7))
    for k, s, p in [(3, 2, 1), (2, 2, 0), (3, 1, 1), (2, 3, 1)]:
        oh = F.conv_output_size(7, k, s, p)
        assert F.max_pool2d(x, k, s, p).shape == (1, 1, oh, oh)
        assert F.avg_pool2d(x, k, s, p).shape == (1, 1, oh, oh)


# ---------------------------------------------------------------- activations

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_is_stable_for_large_inputs(dtype):
    x = np.array([-1000, -50, 0, 50, 1000], dtype=dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = F.sigmoid(x)
    assert y.dtype == dtype
    assert y[0] == 0 and y[2] == 0.5 and y[-1] == 1
    assert np.all(np.isfinite(y))


def test_softmax_and_log_softmax_are_stable():
    logits = np.array([[1000.0, 0.0, -1000.0], [1.0, 2.0, 3.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        p = F.softmax(logits)
        logp = F.log_softmax(logits)
    np.testing.assert_allclose(p.sum(axis=1), 1)
    assert p[0, 0] == 1
    np.testing.assert_allclose(np.exp(logp), p)
    np.testing.assert_allclose(p[1], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())


def test_activation_values():
    x = np.array([-2.0, 0.0, 3.0])
    assert F.relu(x).tolist() == [0, 0, 3]
    assert F.leaky_relu(x, 0.1).tolist() == [-0.2, 0, 3]
    np.testing.assert_allclose(F.tanh(x), np.tanh(x))


# ---------------------------------------------------------------- counts

def test_mac_and_parameter_counts():
    # KW·KH·C·OC·OW·OH·N
    assert F.conv2d_macs((1, 1, 28, 28), (6, 1, 5, 5), padding=2) == 5 * 5 * 1 * 6 * 28 * 28
    assert F.conv2d_macs((64, 6, 14, 14), (16, 6, 5, 5)) == 5 * 5 * 6 * 16 * 10 * 10 * 64
    assert F.conv2d_params(6, 16, 5) == 16 * 6 * 25 + 16
    assert F.conv2d_params(1, 1, 3, bias=False) == 9
    assert F.linear_params(120, 84) == 120 * 84 + 84


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation", GRID)
def test_fast_input_gradient_equals_col2im_of_the_patch_gradients(x_shape, w_shape, stride,
                                                                  padding, dilation):
    # conv2d_backward picks between two ways of folding the patch gradients back; both must
    # equal the textbook col2im(Wᵀ·dout) on every shape, whichever one the heuristic would pick.
    x = rand(x_shape, np.float64, 1)
    w = rand((w_shape[0], x_shape[1]) + w_shape[1:], np.float64, 2)
    g = F.conv_geometry(x, w, None, stride, padding, dilation)
    out = F.conv2d(x, w, None, stride, padding, dilation)
    dout = rand(out.shape, np.float64, 3)
    dcols = w.reshape(w.shape[0], -1).T @ dout.reshape(out.shape[0], out.shape[1], -1)
    expected = F.col2im(dcols, x_shape, w_shape[1:], stride, padding, dilation)
    np.testing.assert_allclose(F._conv_input_grad_frames(dout, w, x_shape, g), expected,
                               atol=1e-12)
    cols = F.im2col(x, w_shape[1:], stride, padding, dilation)
    np.testing.assert_allclose(F.conv2d_backward(dout, cols, w, x_shape, g)[0], expected,
                               atol=1e-12)


def test_conv_pixel_shows_the_arithmetic_of_one_output():
    x = rand((1, 2, 7, 6), np.float64, 1)
    w = rand((3, 2, 3, 2), np.float64, 2)
    b = rand((3,), np.float64, 3)
    kwargs = dict(stride=(2, 1), padding=1, dilation=(2, 1))
    out = F.conv2d_naive(x, w, b, **kwargs)
    for oh, ow in [(0, 0), (1, 3), (out.shape[2] - 1, out.shape[3] - 1)]:
        terms = F.conv_pixel(x, w, b, oh, ow, oc=2, **kwargs)
        assert terms.value == pytest.approx(out[0, 2, oh, ow], abs=1e-12)
        assert terms.rows.tolist() == [oh * 2 + 2 * i for i in range(3)]  # stride 2, dilation 2
        assert terms.cols.tolist() == [ow + j for j in range(2)]
        np.testing.assert_allclose(terms.products, terms.patch * w[2])
    corner = F.conv_pixel(x, w, b, 0, 0, **kwargs)
    assert np.all(corner.patch[:, 0, :] == 0)  # the first tap row lies in the zero padding
    with pytest.raises(ValueError, match="outside the output"):
        F.conv_pixel(x, w, b, 99, 0, **kwargs)


def test_naive_convolution_reports_progress_and_can_be_abandoned():
    x, w = rand((2, 1, 5, 5)), rand((1, 1, 3, 3))
    seen = []
    F.conv2d_naive(x, w, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, 6) for i in range(1, 7)]

    def stop(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        F.conv2d_naive(x, w, progress=stop)
