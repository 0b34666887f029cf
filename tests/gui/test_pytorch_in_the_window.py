"""File → Export for PyTorch… and Open PyTorch weights…: the LeNet-5 page's network goes out and
comes back equal; a file that needs choices asks for them; a broken one keeps the network."""

import numpy as np
import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from core import pytorch
from core.safetensors_io import read_header

pytest.importorskip("safetensors")


@pytest.fixture
def said(monkeypatch):
    """What the window's message boxes said (nothing is shown)."""
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: messages.append(args[2]))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: messages.append(args[2]) or QMessageBox.StandardButton.Yes)
    return messages


def test_the_network_goes_to_pytorch_and_comes_back_equal(window, tmp_path, said):
    lenet = window.lenet
    window.show_page(lenet)
    before = {name: value.copy() for name, value in lenet.model.state_dict().items()}
    assert window.export_pytorch(tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert {"model.safetensors", "model.py", "predict.py", "README.md"} <= names
    assert "Exported" in window.statusBar().currentMessage()
    lenet.rebuild_model()  # other weights, then the exported ones back
    assert window.import_pytorch(tmp_path / "model.safetensors")
    for name, value in lenet.model.state_dict().items():
        np.testing.assert_array_equal(value, before[name])
    assert "imported from model.safetensors" in lenet.run_box.text.text()
    assert window.export_pytorch(tmp_path) and "already holds" in said[-1]  # asked first


def test_a_bare_state_dict_asks_what_the_file_does_not_say(window, tmp_path, said,
                                                            monkeypatch):
    from safetensors.numpy import save_file

    state = pytorch.pytorch_state_dict(window.lenet.model)
    save_file(state, str(tmp_path / "bare.safetensors"))  # no layers, no normalisation
    asked = []

    def choose(parent, title, label, items, current, editable):
        asked.append(label)
        return items[0], True
    monkeypatch.setattr(QInputDialog, "getItem", choose)
    before = {name: value.copy() for name, value in window.lenet.model.state_dict().items()}
    assert window.import_pytorch(tmp_path / "bare.safetensors"), said
    assert len(asked) == 2 and "activation" in asked[0] and "pool" in asked[1]
    for name, value in window.lenet.model.state_dict().items():
        np.testing.assert_array_equal(value, before[name])


def test_a_damaged_file_keeps_the_current_network(window, tmp_path, said):
    lenet = window.lenet
    model = lenet.model
    path = tmp_path / "cut.safetensors"
    window.show_page(lenet)
    assert window.export_pytorch(tmp_path)
    data = (tmp_path / "model.safetensors").read_bytes()
    path.write_bytes(data[:len(data) // 2])
    assert not window.import_pytorch(path)
    assert lenet.model is model and "current network is unchanged" in said[-1]
    with pytest.raises(ValueError):
        read_header(path)
