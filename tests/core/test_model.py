import math
import os
import zipfile

import numpy as np
import pytest

from core import zoo
from core.gradcheck import check_model
from core.layers import Conv2d, Linear, ReLU
from core.losses import CrossEntropyLoss, MSELoss
from core.model import Sequential


def test_lenet5_summary_shapes_params_and_macs():
    rows = zoo.lenet5().summary((1, 28, 28))
    shapes = [r.output_shape for r in rows]
    assert shapes[0] == (6, 28, 28) and shapes[3] == (6, 14, 14)
    assert shapes[4] == (16, 10, 10) and shapes[7] == (16, 5, 5)
    assert shapes[8] == (120, 1, 1) and shapes[-1] == (10,)
    assert rows[0].name == "Conv2d(1, 6, kernel_size=5, padding=2)"
    assert rows[0].params == 6 * 25 + 6 and rows[0].macs == 25 * 6 * 28 * 28
    assert rows[4].macs == 25 * 6 * 16 * 10 * 10
    total = sum(r.params for r in rows)
    assert total == sum(p.data.size for p in zoo.lenet5().parameters())
    assert total == 156 + 12 + 2416 + 32 + 48120 + 240 + 10164 + 850


def test_summary_reports_the_layer_that_cannot_take_the_shape():
    with pytest.raises(ValueError, match=r"layer 8 Conv2d\(16, 120, kernel_size=5\): .*effective"):
        zoo.lenet5().summary((1, 20, 20))


def test_lenet5_options():
    plain = zoo.lenet5(activation="relu", batchnorm=False, dropout=0, pool="avg", init="he")
    names = [type(layer).__name__ for layer in plain]
    assert "BatchNorm2d" not in names and "Dropout" not in names
    assert names.count("ReLU") == 4 and names.count("AvgPool2d") == 2
    with pytest.raises(ValueError, match="unknown activation 'gelu'"):
        zoo.lenet5(activation="gelu")
    with pytest.raises(ValueError, match="unknown init 'zeros'"):
        zoo.lenet5(init="zeros")


def test_lenet5_is_deterministic_for_a_seed():
    a, b = zoo.lenet5(rng=3), zoo.lenet5(rng=3)
    for pa, pb in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(pa.data, pb.data)
    assert not np.array_equal(zoo.lenet5(rng=4)[0].weight.data, a[0].weight.data)


def test_xavier_init_bounds():
    model = zoo.lenet5(rng=0)
    w = model[0].weight.data
    bound = math.sqrt(6 / (25 + 150))
    assert w.max() <= bound and w.min() >= -bound and w.std() > bound / 3
    assert np.all(model[0].bias.data == 0)


def test_shallow_net_shapes_and_gradients():
    model = zoo.shallow_net(rng=0).to(np.float64)
    x = np.random.default_rng(1).standard_normal((1, 1, 6, 6))
    assert model.forward(x).shape == (1, 1)
    assert [r.output_shape for r in model.summary((1, 6, 6))] == \
        [(1, 4, 4), (1, 4, 4), (1, 2, 2), (4,), (1,), (1,)]
    for r in check_model(model, x, MSELoss(halved=True), np.ones((1, 1))):
        assert r.ok, r.name


def test_whole_lenet5_gradient_check_in_float64():
    model = zoo.lenet5(rng=0).to(np.float64)
    x = np.random.default_rng(0).standard_normal((2, 1, 28, 28))
    # Every array is checked, on up to 40 random entries each (all 61k would take minutes).
    results = check_model(model, x, CrossEntropyLoss(), np.array([3, 7]), max_entries=40)
    assert [r.name for r in results] == ["input"] + [n for n, _ in model.named_parameters()]
    for r in results:
        assert r.ok, f"{r.name}: {r.rel_error:.2e}"


def test_backward_without_input_gradient_returns_none():
    model = Sequential(Conv2d(1, 2, 3, rng=0), ReLU())
    out = model.forward(np.ones((1, 1, 4, 4), np.float32))
    assert model.backward(np.ones_like(out), input_grad=False) is None
    assert model.backward(np.ones_like(out)).shape == (1, 1, 4, 4)


def test_train_and_eval_reach_every_layer():
    model = zoo.lenet5()
    model.eval()
    assert not any(layer.training for layer in model)
    model.train()
    assert model.training


# ---------------------------------------------------------------- save / load

def _trained_like(seed=0):
    model = zoo.lenet5(rng=seed)
    model[1].running_mean += 0.5  # a buffer that must survive the round trip
    return model


def test_save_load_round_trip(tmp_path):
    model = _trained_like()
    path = tmp_path / "model"          # no .npz suffix: np.savez must not rename it
    model.save(path)
    assert path.exists() and os.listdir(tmp_path) == ["model"]
    loaded = Sequential.load(path)
    assert repr(loaded) == repr(model)
    for (name, a), b in zip(model.state_dict().items(), loaded.state_dict().values()):
        np.testing.assert_array_equal(a, b, err_msg=name)
    x = np.random.default_rng(0).standard_normal((3, 1, 28, 28)).astype(np.float32)
    model.eval(), loaded.eval()
    np.testing.assert_array_equal(model.forward(x), loaded.forward(x))


def test_float64_model_round_trip(tmp_path):
    model = zoo.shallow_net(rng=0).to(np.float64)
    model.save(tmp_path / "m.npz")
    assert Sequential.load(tmp_path / "m.npz").dtype == np.float64


def test_load_state_into_existing_model(tmp_path):
    source, target = _trained_like(1), zoo.lenet5(rng=2)
    source.save(tmp_path / "m.npz")
    target.load_state(tmp_path / "m.npz")
    np.testing.assert_array_equal(target[0].weight.data, source[0].weight.data)
    np.testing.assert_array_equal(target[1].running_mean, source[1].running_mean)


def _corrupt_files(tmp_path):
    good = tmp_path / "good.npz"
    _trained_like().save(good)
    arrays = dict(np.load(good))
    yield "not a zip", b"hello, not a model"
    yield "truncated", good.read_bytes()[:500]

    def npz(**changes):
        out = dict(arrays) | changes
        path = tmp_path / "tmp.npz"
        np.savez(path, **{k: v for k, v in out.items() if v is not None})
        return path.read_bytes()

    yield "wrong shape", npz(**{"0.weight": np.zeros((6, 1, 3, 3), np.float32)})
    yield "wrong dtype", npz(**{"0.weight": arrays["0.weight"].astype(np.float64)})
    nan = arrays["4.weight"].copy()
    nan[0, 0, 0, 0] = np.nan
    yield "NaN", npz(**{"4.weight": nan})
    yield "missing array", npz(**{"15.bias": None})
    yield "extra array", npz(extra=np.zeros(3))
    yield "no metadata", npz(__meta__=None)
    yield "bad metadata", npz(__meta__=np.frombuffer(b"{not json", np.uint8))
    yield "pickled object", npz(**{"0.bias": np.array([{"x": 1}], dtype=object)})


def test_bad_model_files_raise_clear_errors_and_change_nothing(tmp_path):
    model = zoo.lenet5(rng=5)
    before = {k: v.copy() for k, v in model.state_dict().items()}
    for case, data in list(_corrupt_files(tmp_path)):
        path = tmp_path / f"{case}.npz"
        path.write_bytes(data)
        with pytest.raises(ValueError) as info:
            model.load_state(path)
        assert str(path) in str(info.value), case
        with pytest.raises(ValueError):
            Sequential.load(path)
        for name, value in model.state_dict().items():
            np.testing.assert_array_equal(value, before[name], err_msg=f"{case} changed {name}")


def test_loading_a_different_architecture_is_refused(tmp_path):
    zoo.shallow_net(rng=0).save(tmp_path / "tiny.npz")
    with pytest.raises(ValueError, match="different network"):
        zoo.lenet5().load_state(tmp_path / "tiny.npz")


def test_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        Sequential.load(tmp_path / "nope.npz")


def test_failed_save_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "m.npz"
    zoo.shallow_net(rng=0).save(path)
    old = path.read_bytes()

    def broken_savez(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", broken_savez)
    with pytest.raises(OSError, match="disk full"):
        zoo.shallow_net(rng=1).save(path)
    assert path.read_bytes() == old
    assert os.listdir(tmp_path) == ["m.npz"]


def test_saved_file_is_a_plain_npz_with_json_metadata(tmp_path):
    zoo.shallow_net(rng=0).save(tmp_path / "m.npz")
    with zipfile.ZipFile(tmp_path / "m.npz") as z:
        assert "__meta__.npy" in z.namelist() and "0.weight.npy" in z.namelist()


def test_from_architecture_rejects_unknown_layers():
    with pytest.raises(ValueError, match="unknown layer"):
        Sequential.from_architecture([{"type": "os.system", "args": {}}])
    with pytest.raises(ValueError, match="layer 0 \\(Linear\\)"):
        Sequential.from_architecture([{"type": "Linear", "args": {"in_features": -3,
                                                                  "out_features": 2}}])


def test_sequential_only_takes_layers():
    with pytest.raises(TypeError):
        Sequential(Linear(2, 2), "relu")


def test_trace_returns_every_layer_in_eval_mode_and_restores_training():
    model = zoo.lenet5(rng=0)
    x = np.random.default_rng(0).standard_normal((2, 1, 28, 28)).astype(np.float32)
    outputs = model.trace(x)
    assert [layer for layer, _ in outputs] == list(model)
    assert [out.shape[1:] for _, out in outputs] == [r.output_shape for r in model.summary(
        (1, 28, 28))]
    model.eval()
    np.testing.assert_array_equal(outputs[-1][1], model.forward(x))  # eval: no dropout
    model.train()
    model.trace(x)
    assert model.training


def test_clone_is_independent_and_computes_the_same():
    model = zoo.lenet5(rng=3)
    model.metadata["normalizer"] = {"mean": 0.3, "std": 0.3}
    x = np.random.default_rng(0).standard_normal((2, 1, 28, 28)).astype(np.float32)
    model.eval()
    twin = model.clone()
    assert not twin.training and twin.metadata == model.metadata
    np.testing.assert_array_equal(twin.forward(x), model.forward(x))
    twin[0].weight.data += 1  # changing the clone leaves the original alone
    twin.metadata["normalizer"]["mean"] = 9
    assert not np.array_equal(twin.forward(x), model.forward(x))
    assert model.metadata["normalizer"]["mean"] == 0.3
