"""The bridge to PyTorch (core.pytorch): the files an export writes, the round trip inside the app,
every import refused with the tensor that does not fit, hostile files refused cheaply — and, with
torch installed, the proof both ways: equal logits on 1,000 test images."""

import importlib.util
import json
import os
import struct
import subprocess
import sys
import tracemalloc
import zlib

import numpy as np
import pytest
from safetensors.numpy import load_file as reference_load
from safetensors.numpy import save_file as reference_save

from core import zoo
from core.data import FASHION_CLASSES, load_fashion_mnist
from core.inside import check_classifier, normalizer_of
from core.layers import Conv2d
from core.model import Sequential
from core.pytorch import (
    ChoicesNeeded,
    ExportError,
    WeightsError,
    existing_export_files,
    export_pytorch,
    import_pytorch,
    pytorch_state_dict,
)
from core.pytorch_code import parse_layer, png_bytes
from core.safetensors_io import SafetensorsError, read_header
from core.train import TrainConfig, lenet_trainer

STATS = {"mean": 0.2860402, "std": 0.3530239}
TEST_IMAGES = 1000
TOLERANCE = 1e-5  # the design's target for logits, both ways


def classifier(model):
    model.metadata.update(normalizer=dict(STATS), classes=list(FASHION_CLASSES))
    return model


def lenet(**options):
    return classifier(zoo.lenet5(rng=3, **options))


def dmlp():
    return classifier(zoo.mlp(rng=3))


@pytest.fixture(scope="module")
def test_images():
    return load_fashion_mnist("test").images[:TEST_IMAGES]


def app_logits(model, images):
    with np.errstate(all="ignore"):
        model.eval()
        return model.forward(normalizer_of(model)(images))


# ---------------------------------------------------------------------------- the file


LENET_TENSORS = [  # name, shape, dtype: LeNet-5 with BatchNorm, as nn.Sequential names them
    ("0.weight", (6, 1, 5, 5), "F32"), ("0.bias", (6,), "F32"),
    ("1.weight", (6,), "F32"), ("1.bias", (6,), "F32"), ("1.running_mean", (6,), "F32"),
    ("1.running_var", (6,), "F32"), ("1.num_batches_tracked", (), "I64"),
    ("4.weight", (16, 6, 5, 5), "F32"), ("4.bias", (16,), "F32"),
    ("5.weight", (16,), "F32"), ("5.bias", (16,), "F32"), ("5.running_mean", (16,), "F32"),
    ("5.running_var", (16,), "F32"), ("5.num_batches_tracked", (), "I64"),
    ("8.weight", (120, 16, 5, 5), "F32"), ("8.bias", (120,), "F32"),
    ("9.weight", (120,), "F32"), ("9.bias", (120,), "F32"), ("9.running_mean", (120,), "F32"),
    ("9.running_var", (120,), "F32"), ("9.num_batches_tracked", (), "I64"),
    ("12.weight", (84, 120), "F32"), ("12.bias", (84,), "F32"),
    ("15.weight", (10, 84), "F32"), ("15.bias", (10,), "F32"),
]


def test_the_weights_file_has_pytorchs_names_shapes_and_dtypes(tmp_path):
    model = lenet()
    done = export_pytorch(model, tmp_path)
    assert [p.name for p in done.files] == ["model.safetensors", "model.py", "predict.py",
                                            "README.md"]
    header = read_header(tmp_path / "model.safetensors")
    assert sorted((n, e.shape, e.dtype) for n, e in header.tensors.items()) == \
        sorted(LENET_TENSORS)
    # The reference reader (what safetensors.torch.load_file uses) reads the same values.
    tensors = reference_load(tmp_path / "model.safetensors")
    for name, value in model.state_dict().items():
        np.testing.assert_array_equal(tensors[name], value)
    assert tensors["1.num_batches_tracked"].dtype == np.int64
    assert header.metadata["format"] == "pt"
    assert json.loads(header.metadata["normalizer"]) == STATS
    assert json.loads(header.metadata["classes"]) == list(FASHION_CLASSES)
    assert json.loads(header.metadata["layers"])[:4] == [
        "Conv2d(1, 6, kernel_size=5, padding=2)", "BatchNorm2d(6)", "Tanh()",
        "MaxPool2d(kernel_size=2)"]


def test_model_py_has_one_line_per_layer_and_normalises_first(tmp_path):
    model = lenet(activation="leaky_relu", batchnorm=False, pool="avg")
    export_pytorch(model, tmp_path)
    text = (tmp_path / "model.py").read_text("utf-8")
    layers = [line.strip() for line in text.splitlines() if line.strip().startswith("nn.")]
    assert len(layers) == len(model)
    assert layers[0] == "nn.Conv2d(1, 6, kernel_size=5, padding=2),  # 0: 6×28×28"
    assert layers[1].startswith("nn.LeakyReLU(negative_slope=0.01),")
    assert layers[2].startswith("nn.AvgPool2d(kernel_size=2),")
    forward = text[text.index("def forward"):]
    assert forward.splitlines()[1].strip().startswith("x = (x - MEAN) / STD")
    assert f"MEAN, STD = {STATS['mean']!r}, {STATS['std']!r}" in text
    for name in ("model.py", "predict.py"):
        source = (tmp_path / name).read_text("utf-8")
        compile(source, name, "exec")
        assert max(len(line) for line in source.splitlines()) <= 100, name


def test_the_tiny_network_exports_without_a_normalisation(tmp_path):
    model = zoo.shallow_net(rng=0)
    export_pytorch(model, tmp_path)
    text = (tmp_path / "model.py").read_text("utf-8")
    assert "INPUT_SHAPE = (1, 6, 6)" in text and "MEAN" not in text and "def forward" not in text
    assert "random input" in (tmp_path / "predict.py").read_text("utf-8")
    assert "from model import INPUT_SHAPE, load" in (tmp_path / "README.md").read_text("utf-8")
    assert sorted(read_header(tmp_path / "model.safetensors").tensors) == ["0.weight", "4.weight"]


def test_the_example_image_is_a_png_of_its_pixels(tmp_path):
    image = load_fashion_mnist("test").images[0]
    data = png_bytes(image)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    at = data.index(b"IDAT")
    length = struct.unpack(">I", data[at - 4:at])[0]
    rows = np.frombuffer(zlib.decompress(data[at + 4:at + 4 + length]), np.uint8)
    assert (width, height) == (28, 28)
    np.testing.assert_array_equal(rows.reshape(28, 29)[:, 1:], image)
    done = export_pytorch(lenet(), tmp_path, example=image)
    assert (tmp_path / "example.png").read_bytes() == data and len(done.files) == 5
    assert "example.png" in (tmp_path / "README.md").read_text("utf-8")


# ---------------------------------------------------------------------------- round trip


EXPORTABLE = {
    **{f"LeNet-5 {act}, BN {bn}": (lambda a=act, b=bn: lenet(activation=a, batchnorm=b))
       for act in zoo.ACTIVATIONS for bn in (True, False)},
    "LeNet-5 avg pool, no dropout": lambda: lenet(pool="avg", dropout=0.0, init="he"),
    "DMLP": dmlp,
    "tiny network": lambda: zoo.shallow_net(rng=0),
}


@pytest.mark.parametrize("make", EXPORTABLE.values(), ids=EXPORTABLE.keys())
def test_export_then_import_gives_the_same_network(tmp_path, make, test_images):
    model = make()
    before = (model.architecture(), json.dumps(model.metadata), model.training)
    export_pytorch(model, tmp_path)
    assert (model.architecture(), json.dumps(model.metadata), model.training) == before
    imported = import_pytorch(tmp_path / "model.safetensors")
    assert imported.model.architecture() == model.architecture() and imported.assumed == {}
    assert imported.model.metadata == model.metadata
    for name, value in model.state_dict().items():
        np.testing.assert_array_equal(imported.model.state_dict()[name], value)
    if "normalizer" in model.metadata:
        check_classifier(imported.model)  # what a page asks before it takes a network
        np.testing.assert_array_equal(app_logits(imported.model, test_images),
                                      app_logits(model, test_images))
        # … and it saves as the app's own model file
        imported.model.save(tmp_path / "again.npz")
        assert Sequential.load(tmp_path / "again.npz").architecture() == model.architecture()


def test_a_bare_state_dict_is_matched_by_names_and_shapes(tmp_path, test_images):
    model = lenet(activation="relu", pool="avg", dropout=0.2)
    reference_save(pytorch_state_dict(model), tmp_path / "bare.safetensors")
    with pytest.raises(ChoicesNeeded) as info:
        import_pytorch(tmp_path / "bare.safetensors", normalizer=STATS)
    assert info.value.needed == ("activation", "pool")
    assert "LeNet-5 (with BatchNorm and dropout)" in str(info.value)
    imported = import_pytorch(tmp_path / "bare.safetensors", activation="relu", pool="avg",
                              dropout=0.2, normalizer=STATS)
    assert imported.model.architecture() == model.architecture()
    assert imported.assumed == {"activation": "relu", "pool": "avg", "dropout": 0.2}
    np.testing.assert_array_equal(app_logits(imported.model, test_images),
                                  app_logits(model, test_images))
    # the DMLP needs only its activation; the tiny network nothing
    reference_save(pytorch_state_dict(dmlp()), tmp_path / "mlp.safetensors")
    with pytest.raises(ChoicesNeeded) as info:
        import_pytorch(tmp_path / "mlp.safetensors")
    assert info.value.needed == ("activation",) and info.value.network == "the DMLP"
    reference_save(pytorch_state_dict(zoo.shallow_net(rng=0)), tmp_path / "tiny.safetensors")
    assert import_pytorch(tmp_path / "tiny.safetensors").network == "the tiny network"


@pytest.mark.parametrize("layers, fragment", [
    ('["Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))", "ReLU(inplace=True)", '
     '"MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)", '
     '"Flatten(start_dim=1, end_dim=-1)", "Linear(in_features=1176, out_features=10, '
     'bias=True)"]', None),
    ('["Conv3d(1, 6, kernel_size=(5, 5, 5))"]', "'Conv3d' is not a layer CNN Studio can build"),
    ('["BatchNorm2d(6, eps=1e-05, momentum=0.1, affine=False)"]', "affine=True only"),
    ('["__import__(\\"os\\").system(\\"touch PWNED\\")"]', "is not a layer CNN Studio can build"),
    ('["Linear(in_features=100000, out_features=100000)"]', "need 10,000,100,000 numbers"),
    ('{"not": "a list"}', "must be a list"),
    ('["Conv2d(1, 6, 5", "x"]', "not a layer"),
])
def test_layers_in_the_metadata_are_read_never_run(tmp_path, monkeypatch, layers, fragment):
    """PyTorch's own reprs (what model.py's save writes) build the network; anything else is
    refused by name, and nothing in the text is executed."""
    conv = Conv2d(1, 6, 5, padding=2, rng=0)
    tensors = {"0.weight": conv.weight.data, "0.bias": conv.bias.data,
               "4.weight": np.zeros((10, 1176), np.float32), "4.bias": np.zeros(10, np.float32)}
    path = tmp_path / "net.safetensors"
    reference_save(tensors, path, metadata={"layers": layers})
    monkeypatch.chdir(tmp_path)
    if fragment is None:
        model = import_pytorch(path).model
        assert [type(layer).__name__ for layer in model] == ["Conv2d", "ReLU", "MaxPool2d",
                                                             "Flatten", "Linear"]
        np.testing.assert_array_equal(model[0].weight.data, conv.weight.data)
    else:
        with pytest.raises(WeightsError, match=fragment.replace("(", r"\(")):
            import_pytorch(path)
    assert not (tmp_path / "PWNED").exists()


def test_parse_layer_reads_pytorch_reprs():
    assert parse_layer("BatchNorm2d(6, eps=1e-05, momentum=0.1, affine=True, bias=True, "
                       "track_running_stats=True)") == \
        {"type": "BatchNorm2d", "args": {"num_features": 6, "eps": 1e-05, "momentum": 0.1}}
    assert parse_layer("Conv2d(1, 6, kernel_size=(3, 5), stride=(2, 1), padding=same, "
                       "bias=False, padding_mode=reflect)")["args"] == {
        "in_channels": 1, "out_channels": 6, "kernel_size": [3, 5], "stride": [2, 1],
        "padding": "same", "bias": False, "padding_mode": "reflect"}
    assert parse_layer("nn.Dropout(p=0.3, inplace=False)") == {"type": "Dropout",
                                                              "args": {"p": 0.3}}
    for text in ("Flatten(start_dim=0, end_dim=-1)", "MaxPool2d(2, return_indices=True)",
                 "ReLU(x=1)", "Linear(1, 2, 3, 4)", "Linear(1, in_features=2, in_features=3)"):
        with pytest.raises(ValueError):
            parse_layer(text)


# ---------------------------------------------------------------------------- misfits


def _file_with(tmp_path, change):
    tensors = dict(pytorch_state_dict(lenet()))
    change(tensors)
    path = tmp_path / "lenet.safetensors"
    reference_save(tensors, path, metadata={"layers": json.dumps(
        ["Conv2d(1, 6, kernel_size=5, padding=2)", "BatchNorm2d(6)", "Tanh()",
         "MaxPool2d(kernel_size=2)", "Conv2d(6, 16, kernel_size=5)", "BatchNorm2d(16)", "Tanh()",
         "MaxPool2d(kernel_size=2)", "Conv2d(16, 120, kernel_size=5)", "BatchNorm2d(120)",
         "Tanh()", "Flatten()", "Linear(120, 84)", "Dropout(p=0.3)", "Tanh()",
         "Linear(84, 10)"]), "normalizer": json.dumps(STATS)})
    return path


def _set(name, value):
    return lambda tensors: tensors.__setitem__(name, value)


MISFITS = {
    "missing": (lambda t: t.pop("5.running_var"), "tensor '5.running_var' is missing"),
    "unexpected": (_set("16.weight", np.zeros(3, np.float32)), "unexpected tensor '16.weight'"),
    "wrong shape": (_set("4.weight", np.zeros((16, 6, 3, 3), np.float32)),
                    r"tensor '4.weight' has shape \(16, 6, 3, 3\), expected \(16, 6, 5, 5\)"),
    "wrong dtype": (_set("0.weight", np.zeros((6, 1, 5, 5), np.float64)),
                    "tensor '0.weight' is F64, expected F32"),
    "half precision": (_set("12.bias", np.zeros(84, np.float16)),
                       "tensor '12.bias' is F16, expected F32"),
    "NaN": (_set("15.weight", np.full((10, 84), np.nan, np.float32)),
            "tensor '15.weight' holds NaN"),
    "infinity": (_set("1.bias", np.array([np.inf] * 6, np.float32)),
                 "tensor '1.bias' holds NaN or infinite"),
    "negative variance": (_set("9.running_var", -np.ones(120, np.float32)),
                          "negative variances"),
    "float counter": (_set("1.num_batches_tracked", np.array(3.0, np.float32)),
                      "tensor '1.num_batches_tracked' is F32, expected I64"),
}


@pytest.mark.parametrize("change, message", MISFITS.values(), ids=MISFITS.keys())
def test_a_tensor_that_does_not_fit_is_named(tmp_path, change, message):
    path = _file_with(tmp_path, change)
    with pytest.raises(WeightsError, match=message) as info:
        import_pytorch(path)
    assert str(info.value).startswith(f"{path}: ")


def test_a_prefixed_state_dict_says_what_it_has_instead(tmp_path):
    tensors = {f"net.{name}": value for name, value in pytorch_state_dict(dmlp()).items()}
    reference_save(tensors, tmp_path / "wrapped.safetensors")
    with pytest.raises(WeightsError, match="those of the DMLP under the prefix 'net.'"):
        import_pytorch(tmp_path / "wrapped.safetensors", activation="tanh")
    reference_save({"conv.weight": np.zeros((6, 1, 5, 5), np.float32)},
                   tmp_path / "other.safetensors")
    with pytest.raises(WeightsError, match="closest, LeNet-5 .*: tensor '0.weight' is missing; "
                                           "the file has 'conv.weight' instead"):
        import_pytorch(tmp_path / "other.safetensors", activation="tanh")


def test_export_refuses_what_it_cannot_write_and_writes_nothing(tmp_path):
    cases = [(lambda: lenet().to(np.float64), "float32"),
             (lambda: zoo.lenet5(rng=0), "no normalisation statistics"),
             (lambda: _blown_up(lenet()), "not all finite")]
    for make, message in cases:
        with pytest.raises(ExportError, match=message):
            export_pytorch(make(), tmp_path / "out")
        assert not (tmp_path / "out").exists()
    with pytest.raises(ExportError, match="uint8 28×28"):
        export_pytorch(lenet(), tmp_path / "out", example=np.zeros((28, 28), np.float32))
    assert existing_export_files(tmp_path / "out") == []
    export_pytorch(lenet(), tmp_path / "out")
    assert [p.name for p in existing_export_files(tmp_path / "out", example=True)] == [
        "model.safetensors", "model.py", "predict.py", "README.md"]
    with pytest.raises(ExportError, match="already holds model.safetensors, model.py"):
        export_pytorch(lenet(), tmp_path / "out")
    export_pytorch(lenet(activation="relu"), tmp_path / "out", overwrite=True)
    assert "nn.ReLU()" in (tmp_path / "out" / "model.py").read_text("utf-8")


def test_without_the_safetensors_package_export_says_so_and_import_still_works(
        tmp_path, monkeypatch):
    export_pytorch(lenet(), tmp_path / "before")
    monkeypatch.setitem(sys.modules, "safetensors", None)
    with pytest.raises(ExportError, match="pip install safetensors"):
        export_pytorch(lenet(), tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert import_pytorch(tmp_path / "before" / "model.safetensors").model.finite  # own reader


def _blown_up(model):
    model[0].weight.data[0, 0, 0, 0] = np.nan
    return model


# ---------------------------------------------------------------------------- hostile files


def _raw(header: bytes, data: bytes = b"", length: int | None = None) -> bytes:
    return struct.pack("<Q", len(header) if length is None else length) + header + data


def _header(tensors: dict, metadata=None) -> bytes:
    spec = dict(tensors)
    if metadata is not None:
        spec["__metadata__"] = metadata
    return json.dumps(spec).encode()


def hostile(tmp_path, case):
    path = tmp_path / "weights.safetensors"
    good = (tmp_path / "good.safetensors")
    reference_save(pytorch_state_dict(lenet()), good)
    f32 = {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}
    if case == "truncated in the data":
        path.write_bytes(good.read_bytes()[:-1000])
    elif case == "truncated in the header":
        path.write_bytes(good.read_bytes()[:100])
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "header length claiming gigabytes":
        path.write_bytes(_raw(b"{}", length=3 << 30))
    elif case == "header length claiming exabytes":
        path.write_bytes(b"\xff" * 8 + b"{}")
    elif case == "tensor claiming gigabytes":
        path.write_bytes(_raw(_header({"0.weight": {"dtype": "F32", "shape": [1 << 20, 1 << 20],
                                                    "data_offsets": [0, 8]}}), bytes(8)))
    elif case == "offsets past the end":
        path.write_bytes(_raw(_header({"0.weight": {"dtype": "F32", "shape": [1 << 28],
                                                    "data_offsets": [0, 1 << 30]}}), bytes(8)))
    elif case == "header not JSON":
        path.write_bytes(_raw(b"{this is not json}", bytes(8)))
    elif case == "header of binary junk":
        path.write_bytes(_raw(bytes(range(256)) * 4))
    elif case == "an npz renamed":
        np.savez(tmp_path / "x.npz", a=np.zeros(3))
        os.replace(tmp_path / "x.npz", path)
    elif case == "nested a million deep":
        path.write_bytes(_raw(b'{"a": ' + b"[" * 500_000 + b"]" * 500_000 + b"}"))
    elif case == "NaN in the header":
        path.write_bytes(_raw(b'{"a": {"dtype": "F32", "shape": [NaN], "data_offsets": [0, 4]}}',
                              bytes(4)))
    elif case == "a name given twice":
        header = (b'{"0.weight": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, '
                  b'"0.weight": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}')
        path.write_bytes(_raw(header, bytes(8)))
    elif case == "two tensors on the same bytes":
        path.write_bytes(_raw(_header({"a": f32, "b": f32}), bytes(8)))
    elif case == "bytes no tensor owns":
        path.write_bytes(_raw(_header({"a": f32}), bytes(4096)))
    elif case == "unknown dtype":
        path.write_bytes(_raw(_header({"a": {**f32, "dtype": "F128"}}), bytes(8)))
    elif case == "negative shape":
        path.write_bytes(_raw(_header({"a": {**f32, "shape": [-2]}}), bytes(8)))
    elif case == "metadata that is not text":
        path.write_bytes(_raw(_header({"a": f32}, {"layers": ["Tanh()"]}), bytes(8)))
    elif case == "5000 tensors":
        entries = {f"t{i}": {"dtype": "U8", "shape": [0], "data_offsets": [0, 0]}
                   for i in range(5000)}
        path.write_bytes(_raw(_header(entries)))
    elif case == "a file of 100 MB":
        with open(path, "wb") as f:
            f.truncate(100 << 20)  # sparse: no disk, and it must never be read
    elif case == "unknown architecture":
        reference_save({"conv1.weight": np.zeros((64, 3, 7, 7), np.float32),
                        "fc.weight": np.zeros((1000, 512), np.float32)}, path)
    elif case == "a layer the file cannot fill":
        reference_save({"0.weight": np.zeros((2, 4), np.float32)}, path,
                       metadata={"layers": '["Linear(60000, 60000, bias=False)"]'})
    elif case == "symlink to /dev/zero":
        os.symlink("/dev/zero", path)
    elif case == "fifo":
        os.mkfifo(path)
    elif case == "a folder":
        path.mkdir()
    else:
        raise AssertionError(case)
    return path


HOSTILE = ["truncated in the data", "truncated in the header", "empty",
           "header length claiming gigabytes", "header length claiming exabytes",
           "tensor claiming gigabytes", "offsets past the end", "header not JSON",
           "header of binary junk", "an npz renamed", "nested a million deep",
           "NaN in the header", "a name given twice", "two tensors on the same bytes",
           "bytes no tensor owns", "unknown dtype", "negative shape", "metadata that is not text",
           "5000 tensors", "a file of 100 MB", "unknown architecture",
           "a layer the file cannot fill", "symlink to /dev/zero", "fifo", "a folder"]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_files_are_refused_cheaply(tmp_path, case):
    path = hostile(tmp_path, case)
    tracemalloc.start()
    try:
        with pytest.raises(SafetensorsError) as info:
            import_pytorch(path, activation="tanh", pool="max")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value).startswith(f"{path}: "), info.value
    assert peak < 16 << 20, f"{case}: {peak / 2**20:.1f} MiB to refuse it"


def test_a_name_given_twice_is_caught_where_the_reference_reader_keeps_the_last(tmp_path):
    path = hostile(tmp_path, "a name given twice")
    with pytest.raises(SafetensorsError, match="'0.weight' appears twice"):
        read_header(path)
    assert list(reference_load(path)) == ["0.weight"]  # silently one of the two


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        import_pytorch(tmp_path / "nope.safetensors")


# ---------------------------------------------------------------------------- with PyTorch


@pytest.fixture(scope="module")
def torch():
    """torch on one thread: on a busy 2-core machine its threads wait for each other (a
    training step 12× slower)."""
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield torch
    torch.set_num_threads(threads)


def trained(model, steps: int = 30):
    """``model`` after ``steps`` batches of 64 on the bundled Fashion-MNIST (its BatchNorm
    statistics and weights moved away from their start), in training mode."""
    config = TrainConfig(epochs=1, batch_size=64, train_size=64 * steps, lr=0.02, seed=1)
    trainer = lenet_trainer(config, load_fashion_mnist("train"), None, model=model)
    for _ in trainer.run():
        pass
    model.metadata["classes"] = list(FASHION_CLASSES)
    return model


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def torch_logits(torch, net, images):
    with torch.no_grad():
        return net(torch.from_numpy(images.astype(np.float32) / 255)[:, None]).numpy()


PARITY = {
    **{f"LeNet-5 {act}, BN {bn}": (lambda a=act, b=bn: zoo.lenet5(a, b, 0.3, rng=5))
       for act in zoo.ACTIVATIONS for bn in (True, False)},
    "LeNet-5 relu, avg pool": lambda: zoo.lenet5("relu", True, 0.3, "avg", rng=5),
    "DMLP": lambda: zoo.mlp(rng=5),
}


@pytest.mark.parametrize("make", PARITY.values(), ids=PARITY.keys())
def test_pytorch_gives_the_apps_logits(tmp_path, torch, make, test_images):
    """A trained network, exported and loaded by the generated model.py (dropout in eval mode):
    the same logits on 1,000 test images."""
    model = trained(make())
    export_pytorch(model, tmp_path)
    net = load_module(tmp_path / "model.py", f"exported_{id(tmp_path)}").load()
    assert not net.training
    ours, theirs = app_logits(model, test_images), torch_logits(torch, net, test_images)
    assert np.abs(ours - theirs).max() <= TOLERANCE
    assert np.mean(ours.argmax(1) == theirs.argmax(1)) == 1.0


def test_a_network_trained_in_pytorch_gives_the_same_logits_in_the_app(tmp_path, torch,
                                                                        test_images):
    """model.py's network trained for 300 steps in PyTorch, saved with model.py's save(),
    opened by the app: the same logits on 1,000 test images, and it is a working classifier."""
    export_pytorch(classifier(zoo.lenet5("relu", True, 0.3, rng=5)), tmp_path)
    module = load_module(tmp_path / "model.py", f"exported_{id(tmp_path)}")
    net = module.load().train()
    train = load_fashion_mnist("train")
    optimizer = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    rng = np.random.default_rng(0)
    for _ in range(300):
        index = rng.choice(len(train.images), 64, replace=False)
        pixels = torch.from_numpy(train.images[index].astype(np.float32) / 255)[:, None]
        loss = torch.nn.functional.cross_entropy(net(pixels),
                                                 torch.from_numpy(train.labels[index]).long())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    net.eval()
    module.save(net, tmp_path / "trained.safetensors")
    imported = import_pytorch(tmp_path / "trained.safetensors")
    check_classifier(imported.model)
    assert imported.model.metadata["classes"] == list(FASHION_CLASSES)
    ours, theirs = app_logits(imported.model, test_images), torch_logits(torch, net, test_images)
    assert np.abs(ours - theirs).max() <= TOLERANCE
    labels = load_fashion_mnist("test").labels[:TEST_IMAGES]
    assert np.mean(ours.argmax(1) == labels) > 0.6  # it learned: not an untrained network


def test_pytorch_options_the_app_shares_give_the_same_outputs(tmp_path, torch):
    """Beyond the zoo: padding "same" with reflection, groups, dilation, ceil_mode, average
    pooling without the padding, LeakyReLU's slope — random weights, random inputs."""
    from core.layers import AvgPool2d, Flatten, LeakyReLU, Linear, MaxPool2d
    model = Sequential(Conv2d(1, 4, (3, 4), padding="same", padding_mode="reflect", rng=1),
                       AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
                       Conv2d(4, 8, 3, dilation=2, groups=4, bias=False, rng=2),
                       LeakyReLU(0.1), MaxPool2d(3, stride=2, padding=1, ceil_mode=True),
                       Flatten(), Linear(288, 10, rng=3))
    classifier(model)
    export_pytorch(model, tmp_path)
    net = load_module(tmp_path / "model.py", f"exported_{id(tmp_path)}").load()
    images = np.random.default_rng(0).integers(0, 256, (50, 28, 28), dtype=np.uint8)
    assert np.abs(app_logits(model, images) - torch_logits(torch, net, images)).max() <= TOLERANCE


def test_predict_py_names_the_class_the_app_names(tmp_path, torch):
    pytest.importorskip("PIL")
    model = trained(classifier(zoo.lenet5(rng=5)))
    test = load_fashion_mnist("test")
    export_pytorch(model, tmp_path, example=test.images[0])
    run = subprocess.run([sys.executable, "predict.py", "example.png"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    best = int(app_logits(model, test.images[:1]).argmax())
    assert run.stdout.splitlines()[0].startswith(FASHION_CLASSES[best])
