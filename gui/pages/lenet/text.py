"""The LeNet-5 page's words as pure functions of the numbers (Qt-free, tested alone)."""

from __future__ import annotations

import csv
import io

from core.layers import Conv2d, Linear
from core.train import EpochEvent, StepEvent


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


def progress_html(step: StepEvent, state: str) -> str:
    """Three short lines for the narrow run panel. ``state`` is "running", "paused" or
    "finished"; speed and time left only mean something while running."""
    lines = [f"epoch {step.epoch}/{step.epochs} · batch {step.step:,}/{step.steps:,}",
             f"loss {step.loss:.3f}" + (f" · train accuracy {step.accuracy:.1%}"
                                        if step.accuracy is not None else "")]
    if state == "running":
        lines.append(f"{step.images_per_s:,.0f} images/s · {clock(step.eta_s)} left")
    else:
        lines.append(f"<b>{state}</b>")
    return "<br>".join(lines)


def epoch_status(event: EpochEvent) -> str:
    test = "" if event.test_accuracy is None else (
        f", test loss {event.test_loss:.4f}, test accuracy {event.test_accuracy:.2%}")
    return f"Epoch {event.epoch}: train loss {event.train_loss:.4f}{test} ({event.seconds:.1f} s)"


def weight_names(model) -> dict[str, str]:
    """Short names of the weights worth a gradient-norm curve: parameter name -> "conv1",
    "conv2", …, "fc1", "fc2", … in network order."""
    names, counts = {}, {"conv": 0, "fc": 0}
    for i, layer in enumerate(model):
        kind = "conv" if isinstance(layer, Conv2d) else "fc" if isinstance(layer, Linear) else ""
        if kind:
            counts[kind] += 1
            names[f"{i}.weight"] = f"{kind}{counts[kind]}"
    return names


def prediction_html(what: str, class_names, probabilities) -> str:
    ranked = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
    best, second = ranked[0], ranked[1]
    return (f"{what}: the network says <b>{class_names[best]}</b> "
            f"({probabilities[best]:.0%}); next: {class_names[second]} "
            f"({probabilities[second]:.0%}).")


ARCHITECTURE_NOTE = (
    "From <code>model.summary((1, 28, 28))</code> ({origin}). Output size of every convolution "
    "and pool: ⌊(H + 2p − d·(K − 1) − 1) / s⌋ + 1. MACs count multiply-accumulates of one "
    "image's forward pass (KW·KH·C·OC·OW·OH for a convolution, in·out for a Linear layer).")


def loss_csv(losses, smoothed) -> str:
    """The loss of every batch, with its smoothed curve, as a CSV table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["batch", "loss", "smoothed_loss"])
    for i, (loss, smooth) in enumerate(zip(losses, smoothed), start=1):
        writer.writerow([i, f"{loss:.6g}", f"{smooth:.6g}"])
    return out.getvalue()
