"""Hostile run folders, each written by its test: run.json fields of the wrong type or out of
range, counts that would allocate without bound, files that are folders or pipes, JSON too big
or too deep, archives whose entries do not fit what run.json says. What is wrong in run.json
is refused at listing with a message naming the folder, the field and the value; what is wrong
in the arrays is found when they are first read, and said in ``record.problem`` instead of
raised into a view. No test here trains a network."""

import json
import math
import os
import shutil
import threading
import tracemalloc

import numpy as np
import pytest

from core import modelfile, runs
from core.runs import (
    MAX_JSON_BYTES,
    RunFileError,
    RunRecord,
    Snapshotter,
    list_runs,
)
from core.train import EpochEvent, FinishedEvent, StepEvent, TrainConfig, lenet_model

CONFIG = TrainConfig(epochs=2, train_size=6, batch_size=2)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A good run folder: LeNet-5, 2 epochs of 3 batches, real snapshots of an untrained
    model (no training needed for the files to be right)."""
    model = lenet_model(CONFIG)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 1, 28, 28)).astype(np.float32)
    snapshotter = Snapshotter(model, x[:1], (x, np.arange(8) % 10))
    record = RunRecord.start(CONFIG)
    for epoch in (1, 2):
        for step in (1, 2, 3):
            record.record(StepEvent(epoch, 2, step, 3, 3 * (epoch - 1) + step, 2.0 / step, 0.5,
                                    10.0, 1.0, (("0.weight", 0.1 * step), ("0.bias", 0.2))))
        record.record(EpochEvent(epoch, 2, 1.5, 0.5, 1.6, 0.4, seconds=0.25))
        record.record(snapshotter.take(model, np.eye(10, dtype=np.int64)))
    record.record(FinishedEvent("completed", "", 2, 6))
    return record.save(tmp_path_factory.mktemp("template") / "run")


def good_run(template, folder):
    return shutil.copytree(template, folder)


def edit_json(folder, change) -> None:
    document = json.loads((folder / "run.json").read_text())
    change(document)
    (folder / "run.json").write_text(json.dumps(document))  # NaN and Infinity as Python writes


def edit_npz(folder, file: str, change) -> None:
    with np.load(folder / file, allow_pickle=False) as archive:
        arrays = dict(archive)
    change(arrays)
    with open(folder / file, "wb") as f:
        np.savez(f, **arrays)


def refused(folder, *parts: str) -> str:
    """The RunFileError of loading ``folder``; it names the folder and each of ``parts``."""
    with pytest.raises(RunFileError) as info:
        RunRecord.load(folder)
    message = str(info.value)
    assert message.startswith(f"{folder}: "), message
    for part in parts:
        assert part in message, message
    return message


def without_allocating(call, limit: int = 1 << 20):
    tracemalloc.start()
    try:
        result = call()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < limit, f"{peak:,} bytes"
    return result


def version_1(document: dict) -> None:
    document.update(version=1, batch_losses=[2.0, 1.0, 0.7] * 2)
    for key in ("batches", "grad_points", "outcome"):
        del document[key]


# ---------------------------------------------------------------------- run.json's counts


@pytest.mark.parametrize("version", [1, 2])
def test_a_billion_snapshots_is_refused_without_allocating(template, tmp_path, version):
    folder = good_run(template, tmp_path / "billion")
    edit_json(folder, lambda d: (version == 1 and version_1(d), d.update(snapshots=10**9)))
    found, problems = without_allocating(lambda: list_runs(tmp_path))
    assert found == [] and len(problems) == 1
    assert problems[0].startswith("billion: ")
    assert "snapshots is 1000000000, expected a whole number ≥ 0 and at most 3" in problems[0]


@pytest.mark.parametrize("key, value, expected", [
    ("batches", -1, "batches is -1"),
    ("batches", "6", "batches is '6'"),
    ("grad_points", 7, "grad_points is 7, expected a whole number ≥ 0 and at most 6"),
    ("snapshots", True, "snapshots is True"),
])
def test_counts_that_are_not_whole_numbers_in_range_are_refused(template, tmp_path, key, value,
                                                               expected):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d.update({key: value}))
    refused(folder, expected)


# ---------------------------------------------------------------------- epochs' figures


def test_an_accuracy_written_as_text_is_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d["epochs"][0].update(test_accuracy="0.9"))
    refused(folder, "epochs[0].test_accuracy is '0.9'", "expected a finite number in [0, 1]")


@pytest.mark.parametrize("field, value, expected", [
    ("train_loss", math.nan, "epochs[1].train_loss is nan"),
    ("test_loss", math.inf, "epochs[1].test_loss is inf"),
    ("seconds", -math.inf, "epochs[1].seconds is -inf"),
    ("train_accuracy", 1.5, "epochs[1].train_accuracy is 1.5, expected a finite number in [0, 1]"),
    ("seconds", -1.0, "epochs[1].seconds is -1.0"),
    ("train_loss", None, "epochs[1].train_loss is None, expected a finite number"),
    ("grad_norms", {"0.weight": -2.0}, "epochs[1].grad_norms['0.weight'] is -2.0"),
    ("grad_norms", [1.0], "epochs[1].grad_norms is [1.0], expected an object"),
])
def test_figures_that_are_not_finite_or_out_of_range_are_refused(template, tmp_path, field,
                                                                 value, expected):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d["epochs"][1].update({field: value}))
    refused(folder, expected)


def test_version_1_figures_that_blew_up_read_as_none(template, tmp_path):
    """Version 1 wrote what it measured, NaN included (Python's json allows it): those runs
    stay readable, their unmeasurable figures None as version 2 records them; a NaN where a
    figure is required is still refused."""
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: (version_1(d), d["epochs"][1].update(
        test_loss=math.nan, test_accuracy=math.inf, grad_norms={"0.weight": math.nan})))
    last = RunRecord.load(folder).epochs[1]
    assert (last.test_loss, last.test_accuracy, last.grad_norms) == (None, None,
                                                                     {"0.weight": None})
    edit_json(folder, lambda d: d["epochs"][1].update(train_loss=math.nan))
    refused(folder, "epochs[1].train_loss is nan")


def test_a_negative_epoch_is_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d["epochs"][0].update(epoch=-1))
    refused(folder, "epochs[0].epoch is -1, expected a whole number greater than 0")


def test_epochs_out_of_order_are_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d["epochs"].reverse())
    refused(folder, "epochs[1].epoch is 1, expected a whole number greater than 2")


@pytest.mark.parametrize("version", [1, 2])
def test_batches_beyond_the_losses_are_refused(template, tmp_path, version):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: (version == 1 and version_1(d),
                                 d["epochs"][1].update(batches=7)))
    refused(folder, "epochs[1].batches is 7, expected a whole number from 3 to 6")


def test_batches_going_back_are_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d["epochs"][1].update(batches=2))
    refused(folder, "epochs[1].batches is 2, expected a whole number from 3 to 6")


@pytest.mark.parametrize("change", [lambda e: e.pop("seconds"), lambda e: e.update(extra=1)])
def test_an_epoch_without_exactly_its_fields_is_refused(template, tmp_path, change):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: change(d["epochs"][0]))
    refused(folder, "epochs[0] is {", "expected an object with exactly the fields epoch, ")


def test_a_version_1_run_json_changed_since_the_listing_is_a_problem(template, tmp_path):
    """Version 1's losses are read from run.json again when first asked for (not held from
    the listing): if it changed meanwhile, the record says so."""
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, version_1)
    record = RunRecord.load(folder)
    edit_json(folder, lambda d: d["batch_losses"].append(0.5))
    assert record.batch_losses == [] and "run.json: changed since it was listed (7 batch " \
        "losses, then 6)" in record.problem


def test_a_version_1_loss_written_as_text_is_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: (version_1(d), d["batch_losses"].__setitem__(4, "0.3")))
    refused(folder, "batch_losses[4] is '0.3', expected a finite number")


# ---------------------------------------------------------------------- settings, name, outcome


@pytest.mark.parametrize("field, value, expected", [
    ("epochs", "2", "config.epochs is '2', expected int"),
    ("batchnorm", "false", "config.batchnorm is 'false', expected bool"),
    ("batch_size", True, "config.batch_size is True, expected int"),
    ("lr", "0.05", "config.lr is '0.05', expected float"),
    ("lr", math.nan, "config.lr is nan, expected float"),
    ("train_size", 1.5, "config.train_size is 1.5, expected int or null"),
    ("activation", 3, "config.activation is 3, expected str"),
    ("lr", -1.0, "config: learning rate must be a positive number, got -1.0"),
    ("optimizer", "rmsprop", "config: optimizer must be one of sgd, momentum, adam"),
])
def test_settings_of_the_wrong_type_or_value_are_refused(template, tmp_path, field, value,
                                                         expected):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d["config"].update({field: value}))
    refused(folder, expected)


def test_settings_missing_a_field_are_refused_and_unknown_ones_ignored(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d["config"].pop("seed"))
    refused(folder, "config.seed is missing")
    other = good_run(template, tmp_path / "newer fields")
    edit_json(other, lambda d: d["config"].update(warmup=5, scheduler={"kind": "magic"}))
    assert RunRecord.load(other).config == json.loads(
        (template / "run.json").read_text())["config"]


@pytest.mark.parametrize("config", [None, [1, 2], "lenet5"])
def test_settings_that_are_not_an_object_are_refused(template, tmp_path, config):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d.update(config=config))
    refused(folder, f"config is {config!r}, expected an object")


@pytest.mark.parametrize("name, expected", [
    (42, "name is 42"), (None, "name is None"), ("x" * 1001, "name is 'xxxxx"),
])
def test_a_name_that_is_not_a_short_text_is_refused(template, tmp_path, name, expected):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d.update(name=name))
    message = refused(folder, expected, "expected a text of at most 1,000 characters")
    assert len(message) < len(str(folder)) + 200  # a long value is cut short in the message


def test_an_unknown_outcome_is_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d.update(outcome="exploded"))
    refused(folder, "outcome is 'exploded', expected one of completed, stopped, diverged")


@pytest.mark.parametrize("version", [True, 0, "2", None, 2.0])
def test_a_version_that_is_not_a_whole_number_is_refused(template, tmp_path, version):
    folder = good_run(template, tmp_path / "run")
    edit_json(folder, lambda d: d.update(version=version))
    refused(folder, f"version is {version!r}, expected a whole number ≥ 1")


# ---------------------------------------------------------------------- run.json itself


def test_a_huge_run_json_is_refused_before_it_is_read(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    with open(folder / "run.json", "r+b") as f:
        f.truncate(MAX_JSON_BYTES + 1)  # sparse: costs no disk
    without_allocating(lambda: refused(folder, "run.json has 16,777,217 bytes, more than"))


def test_deeply_nested_json_is_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    (folder / "run.json").write_text("[" * 200_000 + "]" * 200_000)
    refused(folder, "run.json is not readable JSON")
    (folder / "run.json").write_text('{"format": "cnn-studio-run", "version": 2, "config": '
                                     + '{"a": ' * 100_000 + "1" + "}" * 100_001)
    refused(folder, "run.json is not readable JSON")


def test_a_run_json_that_is_a_folder_is_refused(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    (folder / "run.json").unlink()
    (folder / "run.json").mkdir()
    refused(folder, "run.json is a folder, not a file")


def list_without_waiting(root, pipes=()):
    """list_runs(root) in a thread; a test failure, not a hang, if it waits on a pipe."""
    result = []
    lister = threading.Thread(target=lambda: result.append(list_runs(root)), daemon=True)
    lister.start()
    lister.join(timeout=20)
    if lister.is_alive():  # it waits for a writer: give each pipe one so that the thread ends
        for pipe in pipes:
            with open(pipe, "wb"):
                pass
        pytest.fail("list_runs waited on a pipe")
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_run_json_that_is_a_pipe_is_refused_without_waiting(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    (folder / "run.json").unlink()
    os.mkfifo(folder / "run.json")
    found, problems = list_without_waiting(tmp_path, [folder / "run.json"])
    assert found == [] and problems == [f"run: {folder}: run.json is a pipe or a device, not a "
                                        "file"]


@pytest.mark.parametrize("file", ["curves.npz", "snapshots.npz"])
def test_an_archive_that_is_missing_or_a_folder_is_refused_at_listing(template, tmp_path, file):
    folder = good_run(template, tmp_path / "run")
    (folder / file).unlink()
    refused(folder, f"{file} is missing")
    (folder / file).mkdir()
    refused(folder, f"{file} is not a plain file")


# ---------------------------------------------------------------------- the arrays


def problem_on_first_read(folder, attribute: str = "snapshots") -> tuple[RunRecord, str]:
    """Listed from run.json alone; the arrays asked for read as empty and the reason kept."""
    record = RunRecord.load(folder)
    assert record.problem == ""
    assert not getattr(record, attribute)
    assert record.problem.startswith(str(folder)), record.problem
    return record, record.problem


def stacked_indices(name: str, at: list):
    def change(arrays):
        keep = [list(arrays[f"{name}.at"]).index(i) for i in at if i in arrays[f"{name}.at"]]
        arrays[name] = arrays[name][keep + [0] * (len(at) - len(keep))]
        arrays[f"{name}.at"] = np.array(at, np.int64)
    return change


def test_a_snapshot_index_beyond_the_count_is_a_problem(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_npz(folder, "snapshots.npz", stacked_indices("kernel0", [0, 1, 2, 3]))
    record, problem = problem_on_first_read(folder)
    assert "'kernel0' is for snapshot 3, but run.json counts 3" in problem
    assert record.batch_losses == [2.0, 1.0, 2 / 3] * 2  # the curves are read on their own
    with pytest.raises(RunFileError, match="cannot be saved elsewhere, its arrays could not"):
        record.save(tmp_path / "copy")  # it would write a run that cannot be read back
    assert not (tmp_path / "copy").exists()


def test_a_missing_snapshot_is_a_problem(template, tmp_path):
    folder = good_run(template, tmp_path / "run")

    def drop_the_last(arrays):
        for key in [k for k in arrays if k.endswith(".at")]:
            keep = arrays[key] < 2
            arrays[key[:-3]], arrays[key] = arrays[key[:-3]][keep], arrays[key][keep]

    edit_npz(folder, "snapshots.npz", drop_the_last)
    _, problem = problem_on_first_read(folder)
    assert "snapshot 2 of the 3 run.json counts is missing" in problem


def test_snapshot_indices_out_of_order_or_unpaired_are_a_problem(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_npz(folder, "snapshots.npz", lambda a: a.update({"kernel0.at": a["kernel0.at"][::-1]}))
    assert "kernel0.at is not the increasing snapshot numbers" in problem_on_first_read(folder)[1]
    other = good_run(template, tmp_path / "other")
    edit_npz(other, "snapshots.npz", lambda a: a.pop("layers.at"))
    assert "'layers' and 'layers.at' must come together" in problem_on_first_read(other)[1]


def without_snapshot_1(arrays):
    for key in [key for key in arrays if key.startswith("e1.")]:
        del arrays[key]


@pytest.mark.parametrize("change", [
    without_snapshot_1,
    lambda a: a.update({"e3.kernel0": a["e2.kernel0"]}),
    lambda a: a.update({"e01.kernel0": a["e1.kernel0"]}),
])
def test_version_1_snapshot_entries_missing_or_extra_are_a_problem(template, tmp_path, change):
    folder = good_run(template, tmp_path / "run")
    record = RunRecord.load(folder)
    edit_json(folder, version_1)
    arrays = {f"e{i}.{name}": array for i, shot in enumerate(record.snapshots)
              for name, array in shot.items()}
    change(arrays)
    (folder / "snapshots.npz").unlink()
    with open(folder / "snapshots.npz", "wb") as f:
        np.savez(f, **arrays)
    _, problem = problem_on_first_read(folder)
    assert any(text in problem for text in (
        "snapshot 1 of the 3 run.json counts is missing",
        "'e3.kernel0' is for snapshot 3, but run.json counts 3",
        "unknown entry 'e01.kernel0'")), problem


@pytest.mark.parametrize("name, bad, expected", [
    ("kernel0", lambda k: k.reshape(len(k), 6, 25), "kernel0 has the shape (6, 25), expected "
                                                    "(any, any, any, any)"),
    ("confusion", lambda c: c[:, :, :9], "confusion has the shape (10, 9), expected (10, 10)"),
    ("confusion", lambda c: c.astype(np.float64), "confusion holds float64, expected whole"),
    ("confusion", lambda c: -c, "confusion holds negative numbers"),
    ("act_counts", lambda c: c[..., :39], "act_counts has the shape (5, 39), expected (5, 40)"),
    ("grad_zeros", lambda z: z[:, :4], "grad_zeros has the shape (4,), expected (5,)"),
    ("act_range", lambda r: r[..., :1], "act_range has the shape (5, 1), expected (5, 2)"),
    ("grad_zeros", lambda z: z + 2, "grad_zeros holds fractions above 1"),
    ("layers", lambda n: n.astype(np.float32), "layers holds float32, expected whole numbers"),
    ("stage3", lambda s: np.full_like(s, np.nan), "stage3 holds NaN or infinite values"),
    ("stage3", lambda s: s[:, None, None], "stage3 has the shape (1, 1, 6, 14, 14), expected "
                                           "1 to 3 axes"),
    ("kernel1", lambda k: np.where(k > 0, np.inf, k), "kernel1 holds NaN or infinite values"),
])
def test_snapshot_arrays_of_the_wrong_shape_or_kind_are_a_problem(template, tmp_path, name,
                                                                  bad, expected):
    folder = good_run(template, tmp_path / "run")
    edit_npz(folder, "snapshots.npz", lambda a: a.update({name: bad(a[name])}))
    _, problem = problem_on_first_read(folder)
    assert f"snapshots.npz: snapshot 0: {expected}" in problem \
        or f"snapshots.npz: snapshot 1: {expected}" in problem, problem


def test_unknown_array_names_are_a_problem(template, tmp_path):
    folder = good_run(template, tmp_path / "run")
    edit_npz(folder, "snapshots.npz", lambda a: a.update(
        {"payload": np.zeros((3, 2)), "payload.at": np.arange(3)}))
    assert "snapshot 0: unknown array 'payload'" in problem_on_first_read(folder)[1]


@pytest.mark.parametrize("change, expected", [
    (lambda a: a.update(batch_losses=a["batch_losses"][:5]),
     "batch_losses is float64 (5,), expected floats (6,): the batches run.json counts"),
    (lambda a: a.update(batch_losses=np.full(6, np.nan)), "batch_losses hold NaN or infinite"),
    (lambda a: a.update(grad_steps=np.array([3, 3])), "grad_steps are not increasing batch"),
    (lambda a: a.update(grad_steps=np.array([3, 9])), "grad_steps are not increasing batch"),
    (lambda a: a.update(grad_steps=np.array([3.0, 6.0])), "grad_steps is float64 (2,)"),
    (lambda a: a.pop("grad_steps"), "grad_steps is missing"),
    (lambda a: a.update({"grad_norm.0.bias": -a["grad_norm.0.bias"]}), "negative norms"),
    (lambda a: a.update({"grad_norm.0.bias": a["grad_norm.0.bias"][:1]}),
     "grad_norm.0.bias is float64 (1,), expected floats (2,)"),
    (lambda a: a.update(extra=np.zeros(2)), "unknown entry 'extra'"),
])
def test_curves_that_do_not_fit_run_json_are_a_problem(template, tmp_path, change, expected):
    folder = good_run(template, tmp_path / "run")
    edit_npz(folder, "curves.npz", change)
    record, problem = problem_on_first_read(folder, "batch_losses")
    assert expected in problem and record.grad_steps == [] and record.grad_norms == {}
    assert len(record.snapshots) == 3  # the snapshots are read on their own


def test_an_archive_that_fails_in_an_unforeseen_way_is_a_problem_too(template, tmp_path,
                                                                     monkeypatch):
    folder = good_run(template, tmp_path / "run")

    def broken(*args, **kwargs):
        raise MemoryError("out of memory")

    monkeypatch.setattr(modelfile, "read_arrays", broken)
    record, problem = problem_on_first_read(folder)
    assert problem == f"{folder / 'snapshots.npz'}: MemoryError: out of memory"
    assert record.batch_losses == [] and record.problem == (
        f"{problem}; {folder / 'curves.npz'}: MemoryError: out of memory")


# ---------------------------------------------------------------------- a listing


def test_a_listing_keeps_the_good_runs_and_says_why_for_each_other(template, tmp_path,
                                                                   monkeypatch):
    """One of each kind that run.json or a stat tells, beside two good runs: the two listed,
    one line per other folder naming it. (What only the arrays tell is listed, and said on
    first read: the tests above.)"""
    root = tmp_path / "runs"
    root.mkdir()
    good = [good_run(template, root / "good 1"), good_run(template, root / "good 2")]
    bad = {
        "billion snapshots": lambda f: edit_json(f, lambda d: d.update(snapshots=10**9)),
        "text accuracy": lambda f: edit_json(f, lambda d: d["epochs"][0].update(
            test_accuracy="0.9")),
        "nan loss": lambda f: edit_json(f, lambda d: d["epochs"][0].update(train_loss=math.nan)),
        "negative epoch": lambda f: edit_json(f, lambda d: d["epochs"][0].update(epoch=-1)),
        "out of order": lambda f: edit_json(f, lambda d: d["epochs"].reverse()),
        "batches beyond": lambda f: edit_json(f, lambda d: d["epochs"][1].update(batches=99)),
        "config type": lambda f: edit_json(f, lambda d: d["config"].update(epochs="2")),
        "huge json": lambda f: os.truncate(f / "run.json", MAX_JSON_BYTES + 1),
        "json folder": lambda f: ((f / "run.json").unlink(), (f / "run.json").mkdir()),
        "deep json": lambda f: (f / "run.json").write_text("[" * 100_000),
        "no snapshots": lambda f: (f / "snapshots.npz").unlink(),
        "newer": lambda f: edit_json(f, lambda d: d.update(version=3)),
        "not json": lambda f: (f / "run.json").write_bytes(b"\x89PNG\r\n"),
        "no run.json": lambda f: (f / "run.json").unlink(),
        "unforeseen": lambda f: None,
    }
    if hasattr(os, "mkfifo"):
        bad["json pipe"] = lambda f: ((f / "run.json").unlink(), os.mkfifo(f / "run.json"))
    for name, spoil in bad.items():
        spoil(good_run(template, root / name))
    load = RunRecord.load.__func__

    def load_or_fail(cls, folder):
        if folder.name == "unforeseen":
            raise KeyError("a bug of our own")
        return load(cls, folder)

    monkeypatch.setattr(RunRecord, "load", classmethod(load_or_fail))
    found, problems = list_without_waiting(root, [root / "json pipe" / "run.json"])
    assert [folder for folder, _ in found] == good
    assert sorted(line.split(": ")[0] for line in problems) == sorted(bad)
    for line in problems:
        name = line.split(": ")[0]
        assert line.startswith(f"{name}: {root / name}: ") or name == "unforeseen", line
    said = {line.split(": ")[0]: line for line in problems}
    assert said["unforeseen"] == (f"unforeseen: {root / 'unforeseen'}: could not be read "
                                  "(KeyError: 'a bug of our own')")


def test_a_runs_folder_that_cannot_be_listed_is_one_line(tmp_path, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(runs.Path, "iterdir", refuse)
    found, problems = list_runs(tmp_path)
    assert found == [] and problems == [f"{tmp_path}: the runs' folder cannot be read "
                                        "([Errno 13] Permission denied)"]
