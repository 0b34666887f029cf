"""What the Experiments page says: the experiments' claims, the runs' figures, and readings of
the distributions computed from the records (Qt-free)."""

from __future__ import annotations

import html

import numpy as np

from core.experiments import EXPERIMENTS
from core.runs import HIST_BINS, HIST_SAMPLE, gradient_medians

NO_RUNS = ("No run ticked. Run an experiment on the left, or train on the LeNet-5 page: every "
           "finished run lands in the list.")
NO_DISTRIBUTIONS = "Tick a run to see its layers' distributions."
REWIND_EMPTY = "No run to rewind yet: finish a run (an experiment, or on the LeNet-5 page)."
NO_CONFUSION = "Confusion matrix (after the first epoch)"
X_AXES = {"grad": "x: log10 |gradient| (below 10<sup>−8</sup> drawn at −8)",
          "act": "x: the value passed on"}


def distribution_header(key: str) -> str:
    return (f"Rows: ticked runs (up to 4); columns: layers; {X_AXES[key]}; height: share of "
            "the layer's values. One line per epoch, from pale (before training) to strong "
            "(after the last).")
DISTRIBUTION_KINDS = (
    ("Gradients: log10 |∂loss/∂output| per layer", "grad"),
    ("Activations: what each layer passes on", "act"),
)
DISTRIBUTION_TIP = (f"Recorded before training and after every epoch on the same {HIST_SAMPLE} "
                    "training images, in eval mode. "
                    "Gradients: how large ∂loss/∂(layer output) is, on a log scale (exact zeros "
                    "left out and counted apart). Activations: the layer's output after its "
                    "activation function.")
TABLE_COLUMNS = (
    ("run", "The run's name: what differs from the default settings (double-click a run in "
            "the list to rename it)"),
    ("epochs", "Epochs trained"),
    ("images", "Training images per epoch"),
    ("train acc.", "Accuracy on the training images during the last epoch"),
    ("test acc.", "Accuracy on the test images after the last epoch"),
    ("test loss", "Mean cross-entropy on the test images after the last epoch"),
    ("s / epoch", "Mean seconds per epoch, evaluation included (on this machine, now)"),
)
REWIND_PANELS = (
    ("kernel0", "conv1 kernels"),
    ("kernel1", "conv2 kernels (a column per output map)"),
    ("confusion", "Confusion, % of each true class (rows: true, columns: said)"),
    ("maps0", "What conv1 passes on (probe image)"),
    ("maps1", "What conv2 passes on"),
)
CLAIMS = {
    "activations": "Sigmoid and tanh saturate, so their gradients vanish; ReLU trains faster.",
    "batchnorm": "BatchNorm keeps each layer's inputs in range: training works better with it.",
    "dropout": "Dropout fights overfitting; on a short run it mostly slows training down.",
    "init": "The starting weights' scale matters: Xavier and He are scaled to the layer's size.",
    "lr": "Too small a learning rate learns slowly; too large a one overshoots.",
}


def experiment_html(name: str, variants) -> str:
    """The claim an experiment tests, its (label, configuration) variants and their size."""
    config = variants[0][1]
    labels = ", ".join(html.escape(label) for label, _ in variants)
    epochs = f"{config.epochs} epoch{'s' * (config.epochs != 1)}"
    return (f"<b>{html.escape(EXPERIMENTS[name][0])}.</b> {CLAIMS[name]}<br>"
            f"<span style='color:#555'>Variants: {labels}. Each: LeNet-5, {epochs} on "
            f"{config.train_size:,} training images, tested on all test images (the status "
            "line says how long each takes on this computer).</span>")


def legend(entries) -> str:
    """A wrapping legend: a coloured square and the name of every run drawn."""
    return " &nbsp; ".join(f"<span style='color:{colour}'>■</span>&nbsp;{html.escape(name)}"
                           for name, colour in entries)


def _percent(value) -> str:
    return "–" if value is None else f"{value:.1%}"


def table_row(record) -> list[str]:
    last = record.epochs[-1] if record.epochs else None
    images = record.config.get("train_size")
    seconds = record.epoch_seconds
    return [record.name, str(len(record.epochs)),
            "all" if images is None else f"{images:,}",
            _percent(last and last.train_accuracy), _percent(last and last.test_accuracy),
            "–" if last is None or last.test_loss is None else f"{last.test_loss:.3f}",
            "–" if seconds is None else f"{seconds:.1f}"]


SETTINGS = (("activation", "activation"), ("batchnorm", "BatchNorm"), ("dropout", "dropout"),
            ("init", "init"), ("optimizer", "optimiser"), ("lr", "learning rate"),
            ("schedule", "schedule"), ("batch_size", "batch size"), ("epochs", "epochs"),
            ("train_size", "training images"), ("seed", "seed"))


def run_tooltip(record) -> str:
    config = record.config
    return "\n".join(f"{label}: {config.get(key, '–')}" for key, label in SETTINGS)


def short(name: str, limit: int = 18) -> str:
    return html.escape(name if len(name) <= limit else name[:limit - 1] + "…")


def epoch_label(record, epoch: int) -> str:
    last = len(record.snapshots) - 1
    if epoch == 0:
        return f"before training (epoch 0 of {last})"
    accuracy = record.epochs[epoch - 1].test_accuracy if epoch <= len(record.epochs) else None
    return f"epoch {epoch} of {last} · test accuracy {_percent(accuracy)}"


def rewind_caption(record, epoch: int) -> str:
    if epoch == 0:
        return ("<b>Before training</b>: the kernels are random (Xavier-scaled noise) and the "
                "feature maps respond to everything a little. Drag the slider, or press Play, "
                "to watch them turn into edge and blob detectors. Colours keep one scale over "
                "the whole run.")
    e = record.epochs[epoch - 1]
    return (f"<b>After epoch {epoch}</b>: mean training loss over the epoch {e.train_loss:.3f}, "
            "test accuracy "
            f"{_percent(e.test_accuracy)}. Kernels and maps keep one colour scale over the whole "
            "run, so their growth is visible (blue negative, red positive; maps that are never "
            "negative in grey). In the confusion matrix (classes 0–9 in the data's order), dark "
            "cells off the diagonal are the classes it still mixes up.")


def layer_names(names: dict, layers) -> list[str]:
    """The names of the recorded layers (positions) of a model whose weighted layers are
    ``names`` (position -> "conv1", …)."""
    return [names.get(int(i), f"layer {int(i)}") for i in layers]


def distribution_reading(runs, key: str) -> str:
    """What the distributions say, run by run, in numbers."""
    lines = []
    for run in runs:
        first, last = run.record.snapshots[0], run.record.snapshots[-1]
        name = f"<span style='color:{run.colour}'>{html.escape(run.record.name)}</span>"
        if key == "grad":
            start = gradient_medians(first["grad_counts"])
            end = gradient_medians(last["grad_counts"])[0]
            drop = start[-1] - start[0]
            lines.append(f"{name}: before training, the median gradient is "
                         f"10<sup>{start[-1]:.1f}</sup> at fc2 (the output layer) and "
                         f"10<sup>{start[0]:.1f}</sup> at conv1 ({_decades(drop)}); after the "
                         f"last epoch, conv1's is 10<sup>{end:.1f}</sup>.")
        else:
            share = saturated(last, run.record.config.get("activation", ""))
            lines.append(f"{name}: {share}")
    if key == "grad":
        return ("<b>Reading</b> (medians, to 0.2 decades). " + "<br>".join(lines) +
                "<br><span style='color:#555'>Each step back through a sigmoid multiplies the "
                "gradient by σ′ ≤ 0.25: it vanishes towards the input. Training (and BatchNorm) "
                "can move the layers out of the flat parts again. Exact zeros are left out: max "
                "pooling passes each window's gradient to one cell of four, and ReLU none where "
                "it is off.</span>")
    return "<b>Reading</b> (after the last epoch, to a bin's width). " + "<br>".join(lines)


def _decades(drop: float) -> str:
    if drop >= 0.05:
        return f"{drop:.1f} decades smaller, about ×{float(f'{10 ** drop:.2g}'):,.0f}"
    if drop <= -0.05:
        return f"{-drop:.1f} decades larger"
    return "about the same"


def saturated(shot: dict, activation: str) -> str:
    """How much of what conv1 passes on sits where its activation is flat (or, for ReLU,
    where it lets no gradient through)."""
    counts, (low, high) = shot["act_counts"][0], shot["act_range"][0]
    edges = np.linspace(low, high, HIST_BINS + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    total = max(counts.sum(), 1)
    if activation == "sigmoid":
        share = counts[(centres < 0.05) | (centres > 0.95)].sum() / total
        return f"{share:.0%} of conv1's outputs are below 0.05 or above 0.95, where σ′ < 0.05."
    if activation == "tanh":
        share = counts[np.abs(centres) > 0.9].sum() / total
        return f"{share:.0%} of conv1's outputs are beyond ±0.9, where tanh′ < 0.2."
    share = counts[edges[:-1] <= 0].sum() / total  # the bins that reach 0 or below
    return (f"about {share:.0%} of conv1's outputs are at 0 or below, where ReLU passes no "
            "gradient (LeakyReLU: a small one).")


def variant_status(label: str, number: int, count: int, step) -> str:
    return (f"Variant {number} of {count}: <b>{html.escape(label)}</b>, epoch {step.epoch} of "
            f"{step.epochs}, batch {step.step} of {step.steps}, about {step.eta_s:.0f} s left "
            "for it.")
