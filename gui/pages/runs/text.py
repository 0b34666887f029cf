"""What the Experiments page says: the experiments' claims, the runs' figures, and readings of
the distributions computed from the records. Every text in the current language (context
"RunsPage")."""

from __future__ import annotations

import html

import numpy as np

from core.experiments import EXPERIMENTS
from core.runs import HIST_BINS, HIST_SAMPLE, gradient_medians
from gui.tr import QT_TRANSLATE_NOOP, translate


def say(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("RunsPage", …), in the current language."""
    return translate("RunsPage", text)


NO_RUNS = QT_TRANSLATE_NOOP("RunsPage", "No run ticked. Run an experiment on the left, or train "
                            "on the LeNet-5 page: every finished run lands in the list.")
NO_DISTRIBUTIONS = QT_TRANSLATE_NOOP("RunsPage", "Tick a run to see its layers' distributions.")
REWIND_EMPTY = QT_TRANSLATE_NOOP("RunsPage", "No run to rewind yet: finish a run (an "
                                 "experiment, or on the LeNet-5 page).")
NO_CONFUSION = QT_TRANSLATE_NOOP("RunsPage", "Confusion matrix (after the first epoch)")
DISTRIBUTION_KINDS = (
    (QT_TRANSLATE_NOOP("RunsPage", "Gradients: log10 |∂loss/∂output| per layer"), "grad"),
    (QT_TRANSLATE_NOOP("RunsPage", "Activations: what each layer passes on"), "act"),
)
TABLE_COLUMNS = (
    (QT_TRANSLATE_NOOP("RunsPage", "run"),
     QT_TRANSLATE_NOOP("RunsPage", "The run's name: what differs from the default settings "
                       "(double-click a run in the list to rename it)")),
    (QT_TRANSLATE_NOOP("RunsPage", "epochs"), QT_TRANSLATE_NOOP("RunsPage", "Epochs trained")),
    (QT_TRANSLATE_NOOP("RunsPage", "images"),
     QT_TRANSLATE_NOOP("RunsPage", "Training images per epoch")),
    (QT_TRANSLATE_NOOP("RunsPage", "train acc."),
     QT_TRANSLATE_NOOP("RunsPage", "Accuracy on the training images during the last epoch")),
    (QT_TRANSLATE_NOOP("RunsPage", "test acc."),
     QT_TRANSLATE_NOOP("RunsPage", "Accuracy on the test images after the last epoch")),
    (QT_TRANSLATE_NOOP("RunsPage", "test loss"),
     QT_TRANSLATE_NOOP("RunsPage", "Mean cross-entropy on the test images after the last "
                       "epoch")),
    (QT_TRANSLATE_NOOP("RunsPage", "s / epoch"),
     QT_TRANSLATE_NOOP("RunsPage", "Mean seconds per epoch, evaluation included (on this "
                       "machine, now)")),
)
REWIND_PANELS = (
    ("kernel0", QT_TRANSLATE_NOOP("RunsPage", "conv1 kernels")),
    ("kernel1", QT_TRANSLATE_NOOP("RunsPage", "conv2 kernels (a column per output map)")),
    ("confusion", QT_TRANSLATE_NOOP("RunsPage", "Confusion, % of each true class (rows: true, "
                                    "columns: said)")),
    ("maps0", QT_TRANSLATE_NOOP("RunsPage", "What conv1 passes on (probe image)")),
    ("maps1", QT_TRANSLATE_NOOP("RunsPage", "What conv2 passes on")),
)
CLAIMS = {
    "activations": QT_TRANSLATE_NOOP("RunsPage", "Sigmoid and tanh saturate, so their gradients "
                                     "vanish; ReLU trains faster."),
    "batchnorm": QT_TRANSLATE_NOOP("RunsPage", "BatchNorm keeps each layer's inputs in range: "
                                   "training works better with it."),
    "dropout": QT_TRANSLATE_NOOP("RunsPage", "Dropout fights overfitting; on a short run it "
                                 "mostly slows training down."),
    "init": QT_TRANSLATE_NOOP("RunsPage", "The starting weights' scale matters: Xavier and He "
                              "are scaled to the layer's size."),
    "lr": QT_TRANSLATE_NOOP("RunsPage", "Too small a learning rate learns slowly; too large a "
                            "one overshoots."),
}
# The experiments' and variants' names as core.experiments gives them (English, for the command
# line), marked for translation here.
EXPERIMENT_WORDS = (
    QT_TRANSLATE_NOOP("RunsPage", "Activation functions"),
    QT_TRANSLATE_NOOP("RunsPage", "BatchNorm on or off"),
    QT_TRANSLATE_NOOP("RunsPage", "Dropout 0 vs 0.3"),
    QT_TRANSLATE_NOOP("RunsPage", "Initialisation"),
    QT_TRANSLATE_NOOP("RunsPage", "Learning rate"),
    QT_TRANSLATE_NOOP("RunsPage", "BatchNorm"),
    QT_TRANSLATE_NOOP("RunsPage", "no BatchNorm"),
    QT_TRANSLATE_NOOP("RunsPage", "dropout 0.3"),
    QT_TRANSLATE_NOOP("RunsPage", "no dropout"),
    QT_TRANSLATE_NOOP("RunsPage", "normal"),
)


def unreadable(record) -> str:
    """Why a saved run's pictures cannot be shown (its arrays could not be read)."""
    return translate("RunsPage", "<span style='color:#b71c1c'>The saved pictures of “{name}” "
                                 "cannot be read: {problem}</span>").format(
        name=html.escape(record.name), problem=html.escape(record.problem))


def distribution_header(key: str, runs=()) -> str:
    axis = translate("RunsPage", "x: log10 |gradient| (below 10<sup>−8</sup> drawn at −8)") \
        if key == "grad" else translate("RunsPage", "x: the value passed on")
    return translate(
        "RunsPage", "Rows: ticked runs (up to 4); columns: layers; {axis}; height: share of the "
        "layer's values. One line per epoch, from pale (before training) to strong (after the "
        "last).").format(axis=axis) + "".join("<br>" + unreadable(run.record) for run in runs
                                              if run.record.problem)


def distribution_tip() -> str:
    return translate(
        "RunsPage", "Recorded before training and after every epoch on the same {count} training "
        "images, in eval mode. Gradients: how large ∂loss/∂(layer output) is, on a log scale "
        "(exact zeros left out and counted apart). Activations: the layer's output after its "
        "activation function.").format(count=HIST_SAMPLE)


def experiment_title(name: str) -> str:
    return say(EXPERIMENTS[name][0])


def experiment_html(name: str, variants, seconds: float) -> str:
    """The claim an experiment tests, its (label, configuration) variants, their size and how
    long they should take here."""
    config = variants[0][1]
    labels = ", ".join(html.escape(say(label)) for label, _ in variants)
    epochs = (translate("RunsPage", "{count} epoch") if config.epochs == 1 else
              translate("RunsPage", "{count} epochs")).format(count=config.epochs)
    return translate(
        "RunsPage", "<b>{title}.</b> {claim}<br><span style='color:#555'>Variants: {labels}. "
        "Each: LeNet-5, {epochs} on {images} training images, tested on all test images. About "
        "{time} for all of them on this computer.</span>").format(
        title=html.escape(experiment_title(name)), claim=say(CLAIMS[name]), labels=labels,
        epochs=epochs, images=f"{config.train_size:,}", time=duration(seconds))


def duration(seconds: float) -> str:
    """A time to wait, rounded as a person says it: '15 s', '1 min 20 s', '7 min'."""
    if seconds >= 300:
        return translate("RunsPage", "{minutes} min").format(minutes=round(seconds / 60))
    minutes, seconds = divmod(max(5, round(seconds / 5) * 5), 60)
    if not minutes:
        return translate("RunsPage", "{seconds} s").format(seconds=seconds)
    if not seconds:
        return translate("RunsPage", "{minutes} min").format(minutes=minutes)
    return translate("RunsPage", "{minutes} min {seconds} s").format(minutes=minutes,
                                                                     seconds=seconds)


def legend(entries) -> str:
    """A wrapping legend: a coloured square and the name of every run drawn."""
    return " &nbsp; ".join(f"<span style='color:{colour}'>■</span>&nbsp;{html.escape(name)}"
                           for name, colour in entries)


def live_name(label: str) -> str:
    return translate("RunsPage", "{name} (training…)").format(name=say(label))


def _percent(value) -> str:
    return "–" if value is None else f"{value:.1%}"


def table_row(record) -> list[str]:
    last = record.epochs[-1] if record.epochs else None
    images = record.config.get("train_size")
    seconds = record.epoch_seconds
    return [record.name, str(len(record.epochs)),
            translate("RunsPage", "all") if images is None else f"{images:,}",
            _percent(last and last.train_accuracy), _percent(last and last.test_accuracy),
            "–" if last is None or last.test_loss is None else f"{last.test_loss:.3f}",
            "–" if seconds is None else f"{seconds:.1f}"]


SETTINGS = (("activation", QT_TRANSLATE_NOOP("RunsPage", "activation")),
            ("batchnorm", QT_TRANSLATE_NOOP("RunsPage", "BatchNorm")),
            ("dropout", QT_TRANSLATE_NOOP("RunsPage", "dropout")),
            ("init", QT_TRANSLATE_NOOP("RunsPage", "initialisation")),
            ("optimizer", QT_TRANSLATE_NOOP("RunsPage", "optimiser")),
            ("lr", QT_TRANSLATE_NOOP("RunsPage", "learning rate")),
            ("schedule", QT_TRANSLATE_NOOP("RunsPage", "schedule")),
            ("batch_size", QT_TRANSLATE_NOOP("RunsPage", "batch size")),
            ("epochs", QT_TRANSLATE_NOOP("RunsPage", "epochs")),
            ("train_size", QT_TRANSLATE_NOOP("RunsPage", "training images")),
            ("seed", QT_TRANSLATE_NOOP("RunsPage", "seed")))


def run_tooltip(record) -> str:
    config = record.config
    return "\n".join(f"{say(label)}: {config.get(key, '–')}" for key, label in SETTINGS)


def short(name: str, limit: int = 18) -> str:
    return html.escape(name if len(name) <= limit else name[:limit - 1] + "…")


def epoch_label(record, epoch: int) -> str:
    last = len(record.snapshots) - 1
    if epoch == 0:
        return translate("RunsPage", "before training (epoch 0 of {last})").format(last=last)
    accuracy = record.epochs[epoch - 1].test_accuracy if epoch <= len(record.epochs) else None
    return translate("RunsPage", "epoch {epoch} of {last} · test accuracy {accuracy}").format(
        epoch=epoch, last=last, accuracy=_percent(accuracy))


def rewind_caption(record, epoch: int) -> str:
    if epoch == 0:
        return translate(
            "RunsPage", "<b>Before training</b>: the kernels are random (Xavier-scaled noise) "
            "and the feature maps respond to everything a little. Drag the slider, or press "
            "Play, to watch them turn into edge and blob detectors. Colours keep one scale over "
            "the whole run.")
    e = record.epochs[epoch - 1]
    return translate(
        "RunsPage", "<b>After epoch {epoch}</b>: mean training loss over the epoch {loss}, test "
        "accuracy {accuracy}. Kernels and maps keep one colour scale over the whole run, so "
        "their growth is visible (blue negative, red positive; maps that are never negative in "
        "grey). In the confusion matrix (classes 0–9 in the data's order), dark cells off the "
        "diagonal are the classes it still mixes up.").format(
        epoch=epoch, loss=f"{e.train_loss:.3f}", accuracy=_percent(e.test_accuracy))


def layer_names(names: dict, layers) -> list[str]:
    """The names of the recorded layers (positions) of a model whose weighted layers are
    ``names`` (position -> "conv1", …)."""
    return [names.get(int(i), translate("RunsPage", "layer {index}").format(index=int(i)))
            for i in layers]


def distribution_reading(runs, key: str) -> str:
    """What the distributions say, run by run, in numbers."""
    lines = []
    for run in runs:
        first, last = run.record.snapshots[0], run.record.snapshots[-1]
        name = f"<span style='color:{run.colour}'>{html.escape(run.record.name)}</span>"
        if key == "grad":
            start = gradient_medians(first["grad_counts"])
            end = gradient_medians(last["grad_counts"])[0]
            lines.append(translate(
                "RunsPage", "{name}: before training, the median gradient is 10<sup>{fc2}</sup> "
                "at fc2 (the output layer) and 10<sup>{conv1}</sup> at conv1 ({decades}); after "
                "the last epoch, conv1's is 10<sup>{end}</sup>.").format(
                name=name, fc2=f"{start[-1]:.1f}", conv1=f"{start[0]:.1f}",
                decades=_decades(start[-1] - start[0]), end=f"{end:.1f}"))
        else:
            lines.append(f"{name}: {saturated(last, run.record.config.get('activation', ''))}")
    if key == "grad":
        return translate(
            "RunsPage", "<b>Reading</b> (medians, to 0.2 decades). {lines}<br><span "
            "style='color:#555'>Each step back through a sigmoid multiplies the gradient by "
            "σ′ ≤ 0.25: it vanishes towards the input. Training (and BatchNorm) can move the "
            "layers out of the flat parts again. Exact zeros are left out: max pooling passes "
            "each window's gradient to one cell of four, and ReLU none where it is "
            "off.</span>").format(lines="<br>".join(lines))
    return translate("RunsPage", "<b>Reading</b> (after the last epoch, to a bin's width). "
                     "{lines}").format(lines="<br>".join(lines))


def _decades(drop: float) -> str:
    if drop >= 0.05:
        return translate("RunsPage", "{decades} decades smaller, about ×{factor}").format(
            decades=f"{drop:.1f}", factor=f"{float(f'{10 ** drop:.2g}'):,.0f}")
    if drop <= -0.05:
        return translate("RunsPage", "{decades} decades larger").format(decades=f"{-drop:.1f}")
    return translate("RunsPage", "about the same")


def saturated(shot: dict, activation: str) -> str:
    """How much of what conv1 passes on sits where its activation is flat (or, for ReLU,
    where it lets no gradient through)."""
    counts, (low, high) = shot["act_counts"][0], shot["act_range"][0]
    edges = np.linspace(low, high, HIST_BINS + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    total = max(counts.sum(), 1)
    if activation == "sigmoid":
        share = counts[(centres < 0.05) | (centres > 0.95)].sum() / total
        return translate("RunsPage", "{share} of conv1's outputs are below 0.05 or above 0.95, "
                         "where σ′ < 0.05.").format(share=f"{share:.0%}")
    if activation == "tanh":
        share = counts[np.abs(centres) > 0.9].sum() / total
        return translate("RunsPage", "{share} of conv1's outputs are beyond ±0.9, where "
                         "tanh′ < 0.2.").format(share=f"{share:.0%}")
    share = counts[edges[:-1] <= 0].sum() / total  # the bins that reach 0 or below
    return translate("RunsPage", "about {share} of conv1's outputs are at 0 or below, where "
                     "ReLU passes no gradient (LeakyReLU: a small one).").format(
        share=f"{share:.0%}")


def variant_status(label: str, number: int, count: int, step) -> str:
    return translate(
        "RunsPage", "Variant {number} of {count}: <b>{label}</b>, epoch {epoch} of {epochs}, "
        "batch {step} of {steps}, about {seconds} s left for it.").format(
        number=number, count=count, label=html.escape(say(label)), epoch=step.epoch,
        epochs=step.epochs, step=step.step, steps=step.steps, seconds=f"{step.eta_s:.0f}")


def summary_line(title: str, records, count: int) -> str:
    """The experiment's measured line (as core.experiments.summary says it), in the current
    language: best first, a variant whose loss blew up says so."""
    if not records:
        line = translate("RunsPage", "no variant finished")
    else:
        ranked = sorted(records, key=lambda r: -(r[1].final_accuracy or -1.0))
        results = ", ".join(
            f"{say(label)} {record.final_accuracy:.1%}" if record.final_accuracy is not None
            and len(record.epochs) >= record.config["epochs"]
            else translate("RunsPage", "{label} diverged").format(label=say(label))
            for label, record in ranked)
        epochs = max(len(record.epochs) for _, record in records)
        line = (translate("RunsPage", "after {epochs} epoch: {results}") if epochs == 1 else
                translate("RunsPage", "after {epochs} epochs: {results}")).format(
            epochs=epochs, results=results)
    stopped = "" if len(records) == count else translate(
        "RunsPage", " (stopped: {done} of {count} variants)").format(done=len(records),
                                                                      count=count)
    return f"<b>{html.escape(say(title))}</b>: {line}{stopped}"
