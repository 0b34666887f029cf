"""Hostile arguments to the core: a clear ValueError (or RuntimeError for a call out of order)
before anything is allocated, never a silent NaN, an OverflowError or a MemoryError."""

import tracemalloc

import numpy as np
import pytest

from core import functional as F
from core import kernels
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


@pytest.mark.parametrize("make, match", [
    (lambda: BatchNorm2d(3, eps=-1), "eps must be positive"),
    (lambda: BatchNorm2d(3, eps=0), "eps must be positive"),
    (lambda: BatchNorm2d(3, eps=float("nan")), "eps must be a finite number"),
    (lambda: BatchNorm2d(3, momentum=float("nan")), "momentum must be a finite number"),
    (lambda: BatchNorm2d(3, momentum=1.5), r"momentum must be in \[0, 1\]"),
    (lambda: LeakyReLU(float("nan")), "negative_slope must be a finite number"),
    (lambda: LeakyReLU(float("inf")), "negative_slope must be a finite number"),
    (lambda: LeakyReLU("0.1"), "negative_slope must be a finite number"),
    (lambda: Dropout(float("nan")), r"dropout probability must be in \[0, 1\]"),
])
def test_parameters_that_would_give_silent_nan_are_refused(make, match):
    with pytest.raises(ValueError, match=match):
        make()


@pytest.mark.parametrize("call, argument", [
    (lambda x, w: F.conv2d(x, w, stride=10**18), "stride"),
    (lambda x, w: F.conv2d(x, w, padding=10**5), "padding"),
    (lambda x, w: F.conv2d(x, w, dilation=10**9), "dilation"),
    (lambda x, w: F.conv2d_naive(x, w, padding=10**5), "padding"),
    (lambda x, w: F.max_pool2d(x, 3, stride=10**18), "stride"),
    (lambda x, w: F.im2col(x, 3, padding=50_000), "padding"),
    (lambda x, w: F.conv_output_size(28, 5, stride=2**70), "stride"),
])
def test_huge_window_arguments_are_refused_before_allocating(call, argument):
    x = np.zeros((1, 1, 8, 8), np.float32)
    w = np.zeros((2, 1, 3, 3), np.float32)
    tracemalloc.start()
    try:
        with pytest.raises(F.ShapeError) as info:
            call(x, w)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.argument == argument and peak < 1 << 20


@pytest.mark.parametrize("make", [lambda: Conv2d(1, 1, 10**6), lambda: Conv2d(4096, 4096, 99),
                                  lambda: Linear(20000, 20000)])
def test_layers_too_large_to_allocate_are_refused_first(make):
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match="allows|must be ≤"):
            make()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


def test_pool_revalidates_a_new_dtype_of_the_same_shape():
    pool = MaxPool2d(2)
    pool.forward(np.zeros((1, 1, 4, 4), np.float32))
    for dtype in (np.int32, np.float16):
        with pytest.raises(F.ShapeError, match="float32 or float64"):
            pool.forward(np.zeros((1, 1, 4, 4), dtype))
    assert pool.forward(np.ones((1, 1, 4, 4))).dtype == np.float64  # float64 is fine


@pytest.mark.parametrize("layer, shape", [
    (Conv2d(1, 2, 3), (1, 2, 2, 2)), (MaxPool2d(2), (1, 1, 2, 2)), (AvgPool2d(2), (1, 1, 2, 2)),
    (Linear(4, 2), (1, 2)), (Flatten(), (1, 4)), (ReLU(), (1, 4)), (LeakyReLU(), (1, 4)),
    (Sigmoid(), (1, 4)), (Tanh(), (1, 4)), (BatchNorm2d(2), (2, 2, 3, 3)),
])
def test_backward_before_forward_says_so(layer, shape):
    with pytest.raises(RuntimeError, match="backward needs a forward pass first"):
        layer.backward(np.ones(shape, np.float32))


@pytest.mark.parametrize("size", range(1, 20))
def test_every_pattern_exists_at_every_size(size):
    for name in kernels.PATTERNS:
        image = kernels.pattern(name, size)
        assert image.ndim == 3 and np.all(np.isfinite(image))
        if not name.startswith("arange"):
            assert image.shape == (1, size, size) and 0 <= image.min() <= image.max() <= 1
