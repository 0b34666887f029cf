import numpy as np
import pytest

from core import functional as F
from core import kernels


@pytest.mark.parametrize("name", kernels.PRESETS)
def test_every_preset_has_a_description_and_builds(name):
    assert kernels.DESCRIPTIONS[name]
    size = kernels.fixed_size(name) or (5, 5)
    k = kernels.preset(name, *size, rng=0)
    assert k.shape == size and np.all(np.isfinite(k))


def test_preset_values():
    assert kernels.preset("box blur", 3, 3).sum() == pytest.approx(1)
    assert kernels.preset("gaussian", 5, 5).sum() == pytest.approx(1)
    g = kernels.preset("gaussian", 5, 5)
    assert g[2, 2] == g.max() and g[0, 0] == g.min()
    x = np.random.default_rng(0).random((1, 1, 8, 8))
    identity = kernels.weights("identity", 1, 1, 3, 3, dtype=np.float64)
    np.testing.assert_allclose(F.conv2d(x, identity, padding=1), x)
    with pytest.raises(ValueError, match="the sobel x kernel is 3×3, not 5×5"):
        kernels.preset("sobel x", 5, 5)


def test_sobel_x_finds_vertical_edges():
    image = np.zeros((1, 1, 6, 6))
    image[..., 3:] = 1  # a vertical edge
    gx = F.conv2d(image, kernels.weights("sobel x", 1, 1, 3, 3, dtype=np.float64))
    gy = F.conv2d(image, kernels.weights("sobel y", 1, 1, 3, 3, dtype=np.float64))
    assert np.abs(gx).max() == 4 and np.abs(gy).max() == 0


def test_weights_for_rgb_and_several_channels():
    w = kernels.weights("box blur", 2, 3, 3, 3)
    assert w.shape == (2, 3, 3, 3) and w.dtype == np.float32
    assert w.sum() == pytest.approx(2)           # each output channel sums to one
    r = kernels.weights("random normal", 4, 1, 3, 3, seed=1)
    assert not np.allclose(r[0], r[1])
    np.testing.assert_array_equal(r, kernels.weights("random normal", 4, 1, 3, 3, seed=1))


@pytest.mark.parametrize("name", kernels.PATTERNS)
def test_patterns(name):
    p = kernels.pattern(name, 16)
    assert p.ndim == 3 and p.max() > p.min()
    if name == "arange 3×3":
        assert p.ravel().tolist() == list(range(9))
    if name == "arange 3×6×6":  # the lesson's conv → pool → FC input
        assert p.shape == (3, 6, 6) and p.ravel().tolist() == list(range(108))
