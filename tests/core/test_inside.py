"""core.inside: one path from a picture to every stage of the network."""

import numpy as np
import pytest

from core import data, zoo
from core.data import Normalizer
from core.inside import classify, look_inside, network_input, normalizer_of
from core.layers import Conv2d, Tanh
from core.model import Sequential
from core.train import TrainConfig, lenet_trainer


@pytest.fixture(scope="module")
def trained():
    """A LeNet-5 trained briefly, as the GUI and the CLI train it (normaliser in its metadata)."""
    train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
    trainer = lenet_trainer(TrainConfig(epochs=1, train_size=1000, batch_size=50), train, test)
    for _ in trainer.run():
        pass
    return trainer.model, test, trainer


def test_uint8_and_unit_float_pixels_give_the_same_probabilities(trained):
    model, test, _ = trained
    for i in (0, 7, 123):
        pixels = test.images[i]
        as_uint8 = classify(model, pixels).probabilities
        as_float = classify(model, pixels.astype(np.float32) / 255).probabilities
        np.testing.assert_allclose(as_float, as_uint8, atol=1e-5)
        assert as_uint8.sum() == pytest.approx(1)


def test_prediction_equals_the_trainers_evaluation(trained):
    """The Predict path sees exactly what training and evaluation saw."""
    model, test, trainer = trained
    x = trainer.test.prepare(test.images[:5])
    model.eval()
    expected = model.forward(x)
    model.train()
    for i in range(5):
        np.testing.assert_allclose(classify(model, test.images[i]).output, expected[i],
                                   rtol=1e-5, atol=1e-6)


def test_the_network_input_has_the_statistics_of_a_training_input(trained):
    model, test, trainer = trained
    x = network_input(model, test.images[3].astype(np.float64) / 255)
    reference = trainer.train.prepare(test.images[3:4])
    np.testing.assert_allclose(x, reference, atol=1e-6)
    assert x.dtype == np.float32 and x.shape == (1, 1, 28, 28)
    # a typical picture normalised like the training images: mean ≈ 0, most values within ±3
    batch = trainer.train.prepare(trainer.train.x[:500])
    assert abs(float(batch.mean())) < 0.05 and float(batch.std()) == pytest.approx(1, abs=0.05)


def test_a_saved_and_reloaded_model_predicts_the_same(trained, tmp_path):
    model, test, _ = trained
    model.save(tmp_path / "m.npz")
    loaded = Sequential.load(tmp_path / "m.npz")
    for i in (1, 2):
        np.testing.assert_allclose(classify(loaded, test.images[i]).probabilities,
                                   classify(model, test.images[i]).probabilities, atol=1e-7)


@pytest.mark.parametrize("image, match", [
    (np.full((28, 28), 200.0, np.float32), "divide 0..255 pixels by 255"),
    (np.full((28, 28), -0.5), r"\[0, 1\]"),
    (np.full((28, 28), np.nan), "NaN"),
    (np.zeros((28, 28), np.int32), "uint8"),
    (np.zeros((2, 28, 28), np.uint8), "grey image"),
    (np.zeros(28, np.uint8), "grey image"),
])
def test_anything_but_uint8_or_unit_floats_is_refused(trained, image, match):
    with pytest.raises(ValueError, match=match):
        network_input(trained[0], image)


@pytest.mark.parametrize("stats, match", [
    (None, "no normalisation statistics"), ({"mean": 0.3, "std": 0.0}, "positive"),
    ({"mean": "x", "std": 1.0}, "finite number"), ({"mean": 0.3, "std": float("nan")}, "finite"),
    ({"mean": [0.3], "std": 1.0}, "finite number"), ({"mean": True, "std": 1.0}, "finite"),
])
def test_missing_or_broken_statistics_are_refused(stats, match):
    model = zoo.lenet5(rng=0)
    if stats is not None:
        model.metadata["normalizer"] = stats
    with pytest.raises(ValueError, match=match):
        normalizer_of(model)


def test_look_inside_gives_every_layer_as_an_object_with_its_output():
    model = Sequential(Conv2d(1, 2, 3, rng=0), Tanh())
    model.metadata["normalizer"] = Normalizer(0.5, 0.25)._asdict()
    x = np.random.default_rng(0).standard_normal((1, 5, 5)).astype(np.float32)
    inside = look_inside(model, x)
    assert [type(s.layer) for s in inside.stages] == [Conv2d, Tanh]
    assert inside.stages[1].layer is model[1] and inside.stages[1].index == 1
    np.testing.assert_allclose(inside.output, np.tanh(model[0].forward(x[None])[0]))
    np.testing.assert_array_equal(inside.input, x)
    with pytest.raises(ValueError, match="one sample"):
        look_inside(model, np.zeros((2, 1, 5, 5), np.float32))


def test_activity_counts_dead_and_saturated_units():
    from core.inside import Stage, activity
    from core.layers import ReLU, Sigmoid
    relu = activity(Stage(0, ReLU(), np.array([0.0, 0.0, 1.0, 3.0])))
    assert relu.dead == 0.5 and relu.saturated is None and relu.mean == 1.0 and relu.high == 3
    tanh = activity(Stage(1, Tanh(), np.array([-0.99, 0.2, 0.97, 0.5])))
    assert tanh.saturated == 0.5 and tanh.dead is None
    sigmoid = activity(Stage(2, Sigmoid(), np.array([0.01, 0.5, 0.99, 0.9])))
    assert sigmoid.saturated == 0.5
